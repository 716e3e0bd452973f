/**
 * The working part of the reconcile page: manual assignment (search → case, invoice, payment order, contact), the
 * actions by direction of the money (mark invoices paid / payment orders executed), the booking or the parts of a split,
 * the case labels, and the Book button — disabled, with the reason shown, until the request would be accepted.
 *
 * It draws a `Draft` (reconcile-draft.ts) and changes it; typing only updates the sum and the button, everything else
 * draws the form again (keeping the focus on the control that had it).
 */
import { cachedLists, requiredFor } from '../accounting-lists';
import { h, replaceChildren } from '../dom';
import { formatDate, formatMoney, parseAmountInput, t } from '../i18n';
import { accountingTexts } from '../texts/accounting';
import { AccountingFields, accountingSummary, markerDot } from './accounting-fields';
import {
  addLabel,
  addPart,
  chooseCase,
  chooseContact,
  chooseItem,
  defaultContact,
  offeredItems,
  remainingMinor,
  removePart,
  requestOf,
  setChecked,
  toggleLabel,
  type Assignable,
  type Checked,
  type Draft,
  type Loaded,
  type Pool,
} from './reconcile-draft';

export interface FormHooks {
  /** searchAssignable; undefined when the call failed (the error box says why). */
  search(query: string): Promise<Assignable | undefined>;
  /** getCase into the pool; false when the call failed. */
  loadCase(caseId: string): Promise<boolean>;
  book(request: Extract<Checked, { ok: true }>['request']): void;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | HTMLButtonElement;

export class ReconcileForm {
  private results: Assignable | null = null;
  private lastQuery = '';
  private query = '';
  private newLabel = '';
  private bookButton: HTMLButtonElement | null = null;
  private reason: HTMLElement | null = null;
  private remaining: HTMLElement | null = null;
  /** The accounting fields of each part, as drawn last. */
  private accountingViews: AccountingFields[] = [];

  constructor(
    private readonly root: HTMLElement,
    private readonly loaded: Loaded,
    private readonly pool: Pool,
    private readonly draft: Draft,
    private readonly hooks: FormHooks,
  ) {}

  private get processed(): boolean {
    return this.loaded.processed !== null;
  }

  /** Book with what the form holds now (Enter on the page); false when the form is not bookable. */
  bookNow(): boolean {
    const checked = this.processed ? null : requestOf(this.draft);
    if (checked === null || !checked.ok) return false;
    this.hooks.book(checked.request);
    return true;
  }

  /** Something is assigned, by the proposal or by hand: Enter has a proposal to confirm. */
  hasAssignment(): boolean {
    return this.draft.checked.length > 0 || this.draft.caseId !== '' || this.draft.parts.some((p) => p.caseId !== '' || p.itemNumber !== '' || p.contactId !== '');
  }

  render(): void {
    const focused = document.activeElement instanceof HTMLElement && this.root.contains(document.activeElement) ? document.activeElement : null;
    const focusKey = focused === null ? null : { testId: focused.dataset.testid ?? '', index: focused.dataset.index ?? '' };
    const texts = t();
    this.bookButton = h('button', { type: 'button', className: 'button primary book-button', 'data-testid': 'reconcile-book' }, texts.book);
    this.bookButton.addEventListener('click', () => void this.bookNow());
    this.reason = h('p', { className: 'book-reason', id: 'reconcile-book-reason', 'data-testid': 'reconcile-book-reason', role: 'status', 'aria-live': 'polite' });
    this.remaining = null;
    this.accountingViews = [];
    replaceChildren(
      this.root,
      this.assignmentSection(),
      this.processed ? null : this.actionsSection(),
      this.processed || this.draft.bookingTypes.length === 0 ? null : this.bookingSection(),
      this.processed ? null : this.labelsSection(),
      h('div', { className: 'book-row' }, this.bookButton, this.reason),
      h('p', { className: 'hint keyboard-hint' }, texts.keyboardHint),
    );
    this.update();
    if (focusKey !== null) {
      const selector = `[data-testid="${CSS.escape(focusKey.testId)}"]${focusKey.index === '' ? '' : `[data-index="${CSS.escape(focusKey.index)}"]`}`;
      this.root.querySelector<HTMLElement>(selector)?.focus();
    }
  }

  /** The lists arrived after the form was drawn: names beside the codes. */
  refreshAccountingNames(): void {
    for (const view of this.accountingViews) view.refreshNames();
  }

  /** The sum of the parts and the Book button, after every keystroke. */
  private update(): void {
    const texts = t();
    if (this.remaining !== null) {
      const left = remainingMinor(this.draft);
      this.remaining.textContent = texts.remaining(left === null ? '—' : formatMoney(left, this.draft.currency));
      this.remaining.classList.toggle('off', left !== 0);
    }
    if (this.bookButton === null || this.reason === null) return;
    const checked: Checked = this.processed ? { ok: false, reason: texts.reasonProcessed } : requestOf(this.draft);
    this.bookButton.disabled = !checked.ok;
    this.reason.textContent = checked.ok ? '' : checked.reason;
    if (checked.ok) this.bookButton.removeAttribute('aria-describedby');
    else this.bookButton.setAttribute('aria-describedby', 'reconcile-book-reason');
  }

  // ---- assignment ------------------------------------------------------------------------------------------------

  private assignmentSection(): HTMLElement {
    const texts = t();
    const input = h('input', {
      type: 'search', id: 'reconcile-search-input', 'data-testid': 'reconcile-search', placeholder: texts.searchPlaceholder,
      autocomplete: 'off', value: this.query, disabled: this.processed,
    });
    input.value = this.query;
    const button = h('button', { type: 'button', className: 'button', 'data-testid': 'reconcile-search-button', disabled: this.processed }, texts.searchButton);
    input.addEventListener('input', () => (this.query = input.value));
    input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      void this.search();
    });
    button.addEventListener('click', () => void this.search());
    const chosen = this.pool.theCase(this.draft.caseId);
    let caseLine: HTMLElement | null = null;
    if (chosen !== undefined && !this.processed) {
      const clear = h('button', { type: 'button', className: 'icon-button', 'data-testid': 'reconcile-case-clear', 'aria-label': texts.clearCase, title: texts.clearCase }, '×');
      clear.addEventListener('click', () => {
        this.draft.caseId = '';
        this.draft.labelsAdd = [];
        this.draft.labelsRemove = [];
        this.render();
      });
      caseLine = h(
        'div',
        { className: 'chosen-case', 'data-testid': 'reconcile-case', 'data-id': chosen.id },
        h('span', { className: 'chosen-case-text' }, h('strong', {}, chosen.id), ` ${chosen.name}`, chosen.status === 'archived' ? h('span', { className: 'badge' }, texts.archived) : null),
        clear,
      );
    }
    return h(
      'section',
      { className: 'form-section', 'data-testid': 'reconcile-assignment' },
      h('h2', {}, texts.assignment),
      h('label', { for: 'reconcile-search-input', className: 'label' }, texts.searchLabel),
      h('div', { className: 'search-row' }, input, button),
      this.processed ? null : this.resultsList(),
      caseLine,
    );
  }

  private async search(): Promise<void> {
    const query = this.query.trim();
    if (query === '' || this.processed) return;
    const found = await this.hooks.search(query);
    if (found === undefined) return;
    this.pool.add(found);
    this.results = found;
    this.lastQuery = query;
    this.render();
  }

  private resultsList(): HTMLElement | null {
    const found = this.results;
    if (found === null) return null;
    const texts = t();
    const direction = this.draft.direction;
    const group = (title: string, items: HTMLElement[]): HTMLElement | null =>
      items.length === 0 ? null : h('div', { className: 'result-group' }, h('h3', { className: 'subhead' }, title), h('ul', { className: 'result-list' }, ...items));
    const item = (testId: string, id: string, main: string, detail: string, choose: () => Promise<void> | void): HTMLElement => {
      const button = h('button', { type: 'button', className: 'result-item', 'data-testid': testId, 'data-id': id }, h('span', { className: 'result-main' }, main), detail === '' ? null : h('span', { className: 'result-detail' }, detail));
      button.addEventListener('click', () => void choose());
      return h('li', {}, button);
    };
    const cases = found.cases.map((c) => item('result-case', c.id, `${c.id} ${c.name}`, c.status === 'archived' ? texts.archived : c.labels.join(', '), () => this.pickCase(c.id)));
    const invoices =
      direction === 'in'
        ? found.invoices.map((i) =>
            item('result-invoice', i.number, `${i.number} · ${formatMoney(i.amountMinor, i.currency)}`, [i.contactName, i.caseId, texts.invoiceStatus[i.status]].filter((x) => x !== '').join(' · '), () => this.pickItem(i.number, i.caseId)),
          )
        : [];
    const payments =
      direction === 'out'
        ? found.payments.map((p) =>
            item('result-payment', p.number, `${p.number} · ${formatMoney(p.amountMinor, p.currency)}`, [p.payee, p.caseId, texts.paymentStatus[p.status]].filter((x) => x !== '').join(' · '), () => this.pickItem(p.number, p.caseId)),
          )
        : [];
    const contacts = found.contacts.map((c) => item('result-contact', c.id, c.name, c.id, () => this.pickContact(c.id)));
    const groups = [group(texts.resultCases, cases), group(texts.resultInvoices, invoices), group(texts.resultPayments, payments), group(texts.resultContacts, contacts)];
    return h(
      'div',
      { className: 'search-results', 'data-testid': 'reconcile-results', 'aria-live': 'polite' },
      groups.every((g) => g === null) ? h('p', { className: 'muted', 'data-testid': 'reconcile-results-empty' }, texts.searchNothing(this.lastQuery)) : null,
      ...groups,
    );
  }

  private async pickCase(caseId: string): Promise<void> {
    if (!(await this.hooks.loadCase(caseId))) return;
    chooseCase(this.draft, this.pool, caseId);
    this.results = null;
    this.render();
  }

  private async pickItem(number: string, caseId: string): Promise<void> {
    if (caseId !== '' && !(await this.hooks.loadCase(caseId))) return;
    chooseItem(this.draft, this.pool, number);
    this.results = null;
    this.render();
  }

  private pickContact(contactId: string): void {
    chooseContact(this.draft, this.pool, contactId);
    this.results = null;
    this.render();
  }

  // ---- actions -------------------------------------------------------------------------------------------------------

  private actionsSection(): HTMLElement {
    const texts = t();
    const direction = this.draft.direction;
    const items = offeredItems(this.draft, this.pool);
    const rows = items.map((number) => {
      const id = `action-${number.replace(/[^A-Za-z0-9_-]/g, '_')}`;
      const open = this.pool.isOpenItem(direction, number);
      const box = h('input', {
        type: 'checkbox', id, 'data-testid': direction === 'in' ? 'action-invoice' : 'action-payment', 'data-number': number,
        checked: this.draft.checked.includes(number), disabled: !open,
      });
      box.checked = this.draft.checked.includes(number);
      box.addEventListener('change', () => {
        setChecked(this.draft, this.pool, number, box.checked);
        this.render();
      });
      return h('div', { className: 'field check action-item' }, h('label', { for: id }, box, h('span', {}, direction === 'in' ? texts.markPaid(number) : texts.markExecuted(number))), h('p', { className: 'hint' }, this.itemDetail(number)));
    });
    return h(
      'section',
      { className: 'form-section', 'data-testid': 'reconcile-actions' },
      h('h2', {}, texts.actions),
      rows.length === 0 ? h('p', { className: 'hint', 'data-testid': 'reconcile-no-items' }, direction === 'in' ? texts.noInvoices : texts.noPayments) : null,
      ...rows,
    );
  }

  private itemDetail(number: string): string {
    const texts = t();
    if (this.draft.direction === 'in') {
      const i = this.pool.invoice(number);
      if (i === undefined) return '';
      return [i.contactName, formatMoney(i.amountMinor, i.currency), i.caseId, i.dueDate === null ? '' : texts.due(formatDate(i.dueDate)), i.status === 'open' ? '' : texts.invoiceStatus[i.status]]
        .filter((x) => x !== '')
        .join(' · ');
    }
    const p = this.pool.payment(number);
    if (p === undefined) return '';
    return [p.payee, formatMoney(p.amountMinor, p.currency), p.caseId, p.status === 'pending' ? '' : texts.paymentStatus[p.status]].filter((x) => x !== '').join(' · ');
  }

  // ---- booking -------------------------------------------------------------------------------------------------------

  private bookingSection(): HTMLElement {
    const texts = t();
    const toggle = h('input', { type: 'checkbox', id: 'create-booking', 'data-testid': 'create-booking', checked: this.draft.book });
    toggle.checked = this.draft.book;
    toggle.addEventListener('change', () => {
      this.draft.book = toggle.checked;
      this.render();
    });
    const section = h('section', { className: 'form-section', 'data-testid': 'reconcile-booking' }, h('div', { className: 'field check' }, h('label', { for: 'create-booking' }, toggle, h('span', {}, texts.createBooking))));
    if (!this.draft.book) return section;
    const split = h('button', { type: 'button', className: 'button', 'data-testid': 'split-button' }, texts.split);
    split.addEventListener('click', () => {
      addPart(this.draft);
      this.render();
      this.root.querySelector<HTMLInputElement>(`[data-testid="part-amount"][data-index="${this.draft.parts.length - 1}"]`)?.focus();
    });
    this.remaining = h('p', { className: 'remaining', 'data-testid': 'remaining', 'aria-live': 'polite' });
    section.append(...this.draft.parts.map((_, i) => this.partFields(i)), h('div', { className: 'split-row' }, split, this.remaining));
    return section;
  }

  private partFields(index: number): HTMLElement {
    const texts = t();
    const p = this.draft.parts[index]!;
    const several = this.draft.parts.length > 1;
    const id = (name: string) => `part-${index}-${name}`;
    const control = <T extends Control>(element: T, testId: string): T => {
      element.dataset.testid = testId;
      element.dataset.index = String(index);
      return element;
    };

    const type = control(h('select', { id: id('type') }, ...this.draft.bookingTypes.map((bt) => h('option', { value: bt }, texts.bookingTypes[bt]))), 'part-type');
    type.value = p.type;
    type.addEventListener('change', () => {
      p.type = type.value as typeof p.type;
      this.update();
    });

    const amount = control(h('input', { type: 'text', id: id('amount'), inputmode: 'decimal', autocomplete: 'off' }), 'part-amount');
    amount.value = p.amountText;
    amount.addEventListener('input', () => {
      p.amountText = amount.value;
      accounting.fields.refreshTax();
      this.update();
    });
    const accounting = this.accountingSection(index);

    const knownCases = [...this.pool.cases.values()];
    const caseSelect = control(h('select', { id: id('case') }, h('option', { value: '' }, texts.noCase), ...knownCases.map((c) => h('option', { value: c.id }, `${c.id} ${c.name}`))), 'part-case');
    caseSelect.value = p.caseId;
    caseSelect.addEventListener('change', () => {
      p.caseId = caseSelect.value;
      if (p.itemNumber !== '') {
        const itemCase = this.pool.caseOfItem(this.draft.direction, p.itemNumber);
        if (itemCase !== '' && itemCase.toUpperCase() !== p.caseId.toUpperCase()) p.itemNumber = '';
      }
      p.contactId = defaultContact(this.draft, this.pool, p.caseId, p.itemNumber);
      this.render();
    });

    // A booking's contact is one of the case's parties; without a case, any contact met so far.
    const contacts = p.caseId === '' ? [...this.pool.contacts.values()] : this.pool.partiesOf(p.caseId);
    const contact = control(h('select', { id: id('contact') }, h('option', { value: '' }, texts.noContact), ...contacts.map((c) => h('option', { value: c.id }, c.name === c.id ? c.id : `${c.name} (${c.id})`))), 'part-contact');
    contact.value = contacts.some((c) => c.id === p.contactId) ? p.contactId : '';
    if (contact.value !== p.contactId) p.contactId = contact.value;
    contact.addEventListener('change', () => {
      p.contactId = contact.value;
      this.update();
    });

    const items = offeredItems(this.draft, this.pool).filter((n) => {
      const c = this.pool.caseOfItem(this.draft.direction, n);
      return p.caseId === '' || c === '' || c.toUpperCase() === p.caseId.toUpperCase();
    });
    if (p.itemNumber !== '' && !items.includes(p.itemNumber)) items.unshift(p.itemNumber);
    const item = control(h('select', { id: id('item') }, h('option', { value: '' }, texts.noItem), ...items.map((n) => h('option', { value: n }, n))), 'part-item');
    item.value = p.itemNumber;
    item.addEventListener('change', () => {
      p.itemNumber = item.value;
      this.update();
    });

    const description = control(h('textarea', { id: id('description'), rows: 3 }), 'part-description');
    description.value = p.description;
    description.addEventListener('input', () => {
      p.description = description.value;
      this.update();
    });

    let legend: HTMLElement | null = null;
    if (several) {
      const remove = control(h('button', { type: 'button', className: 'icon-button', 'aria-label': texts.removePart(index + 1), title: texts.removePart(index + 1) }, '×'), 'part-remove');
      remove.addEventListener('click', () => {
        removePart(this.draft, index);
        this.render();
      });
      legend = h('legend', { className: 'part-legend' }, h('span', {}, texts.part(index + 1)), remove);
    }
    const row = (label: string, forId: string, element: HTMLElement): HTMLElement => h('div', { className: 'field' }, h('label', { for: forId }, label), element);
    return h(
      'fieldset',
      { className: `booking-part${several ? ' several' : ''}`, 'data-testid': 'booking-part', 'data-index': index },
      legend,
      h('div', { className: 'part-pair' }, row(texts.bookingTypeField, id('type'), type), row(texts.amountField, id('amount'), h('div', { className: 'amount-input' }, amount, h('span', { className: 'currency' }, this.draft.currency)))),
      row(texts.caseField, id('case'), caseSelect),
      row(texts.contactField, id('contact'), contact),
      row(this.draft.direction === 'in' ? texts.invoiceField : texts.paymentField, id('item'), item),
      row(texts.descriptionField, id('description'), description),
      accounting.element,
    );
  }

  /**
   * The part's accounting data in a section of its own, closed unless the user opened it (the 300 px form stays short):
   * its summary line shows what is assigned, with the blue dot while something the machine filled is kept.
   */
  private accountingSection(index: number): { element: HTMLElement; fields: AccountingFields } {
    const p = this.draft.parts[index]!;
    const texts = accountingTexts();
    const currency = this.draft.currency;
    const sign = this.draft.direction === 'in' ? 1 : -1;
    const summaryLine = h('span', { className: 'acc-summary', 'data-testid': 'part-accounting-summary', 'data-index': index });
    const target = cachedLists()?.target;
    const fields = new AccountingFields({
      id: `part-${index}-acc`,
      testId: 'part',
      index,
      data: p.accounting,
      machine: p.machine,
      required: target === undefined ? [] : requiredFor(target),
      tax: {
        amount: () => {
          const minor = parseAmountInput(p.amountText, currency);
          return minor === null ? null : sign * minor;
        },
        currency,
      },
      onChange: () => drawSummary(),
    });
    const drawSummary = (): void => {
      const text = accountingSummary(p.accounting);
      const machine = fields.activeMachine();
      replaceChildren(summaryLine, machine.length > 0 ? markerDot(machine[0]!, 'part-accounting-marker') : null, text === '' ? texts.accountingEmpty : text);
    };
    drawSummary();
    this.accountingViews[index] = fields;
    const details = h(
      'details',
      { className: 'acc-section', 'data-testid': 'part-accounting', 'data-index': index, open: p.accountingOpen },
      h('summary', { 'data-testid': 'part-accounting-toggle', 'data-index': index }, h('span', { className: 'acc-section-title' }, texts.accountingSection), summaryLine),
      fields.element,
    );
    details.addEventListener('toggle', () => (p.accountingOpen = details.open));
    return { element: details, fields };
  }

  // ---- labels --------------------------------------------------------------------------------------------------------

  private labelsSection(): HTMLElement | null {
    const theCase = this.pool.theCase(this.draft.caseId);
    if (theCase === undefined) return null;
    const texts = t();
    const chip = (label: string, state: 'kept' | 'removing' | 'adding'): HTMLElement => {
      const undoRemove = state === 'removing';
      const button = h('button', { type: 'button', className: 'chip-button', 'data-testid': 'label-remove', 'aria-label': undoRemove ? texts.keepLabel(label) : texts.removeLabel(label), title: undoRemove ? texts.keepLabel(label) : texts.removeLabel(label) }, undoRemove ? '↺' : '×');
      button.addEventListener('click', () => {
        toggleLabel(this.draft, label);
        this.render();
      });
      return h('li', { className: `chip ${state}`, 'data-testid': 'label-chip', 'data-label': label, 'data-state': state }, h('span', { className: 'chip-text' }, label), button);
    };
    const removing = (l: string) => this.draft.labelsRemove.some((r) => r.toLowerCase() === l.toLowerCase());
    const chips = [...theCase.labels.map((l) => chip(l, removing(l) ? 'removing' : 'kept')), ...this.draft.labelsAdd.map((l) => chip(l, 'adding'))];
    const input = h('input', { type: 'text', id: 'label-input', 'data-testid': 'label-input', list: 'label-suggestions', placeholder: texts.newLabel, autocomplete: 'off' });
    input.value = this.newLabel;
    input.addEventListener('input', () => (this.newLabel = input.value));
    const add = (text: string) => {
      addLabel(this.draft, this.pool, text);
      this.newLabel = '';
      this.render();
    };
    input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      add(input.value);
    });
    const addButton = h('button', { type: 'button', className: 'button', 'data-testid': 'label-add' }, texts.addLabel);
    addButton.addEventListener('click', () => add(input.value));
    const has = (l: string) => [...theCase.labels, ...this.draft.labelsAdd].some((x) => x.toLowerCase() === l.toLowerCase()) && !removing(l);
    const suggestions = texts.labelSuggestions.filter((s) => !has(s)).map((s) => {
      const b = h('button', { type: 'button', className: 'chip suggestion', 'data-testid': 'label-suggestion', 'data-label': s }, `+ ${s}`);
      b.addEventListener('click', () => add(s));
      return b;
    });
    return h(
      'section',
      { className: 'form-section', 'data-testid': 'reconcile-labels' },
      h('h2', {}, texts.labelsOf(theCase.id)),
      chips.length === 0 ? h('p', { className: 'hint' }, texts.noLabels) : h('ul', { className: 'chips' }, ...chips),
      h('datalist', { id: 'label-suggestions' }, ...texts.labelSuggestions.map((s) => h('option', { value: s }))),
      h('div', { className: 'search-row' }, input, addButton),
      suggestions.length === 0 ? null : h('div', { className: 'suggestions' }, ...suggestions),
      h('p', { className: 'hint' }, texts.labelsHint),
    );
  }
}
