/**
 * One booking's accounting data on the pre-accounting page, and its split: the booking stays one part until the user
 * splits it; then each part has its own amount and fields (GL account, tax rate, cost object, …) and its own tax amount.
 * The remainder is shown to the cent ("0.00 left" / "1.00 too much") and Save stays disabled, with the reason, until the
 * parts add up to the booking's amount. An exported booking is shown read-only.
 *
 * Amounts are typed in the user's notation and read strictly (`parseAmountInput`); the server checks everything again.
 */
import type { PreAccountingItemDto, PrefilledFieldDto } from '../../src/shared/accounting-dto';
import type { RequestOf } from '../../src/shared/contract';
import { cachedLists, requiredFor } from '../accounting-lists';
import { h, replaceChildren } from '../dom';
import { formatAmountInput, formatDate, parseAmountInput, t } from '../i18n';
import { accountingTexts } from '../texts/accounting';
import { AccountingFields, emptyAccounting } from './accounting-fields';
import { targetName } from './accounting-readout';
import { trimmedAccounting } from './reconcile-draft';
import { signedMoney } from './reconcile-transaction';

type Parts = RequestOf<'saveBookingAccounting'>['parts'];

interface EditorPart {
  amountText: string;
  accounting: PreAccountingItemDto['accounting'];
  machine: PrefilledFieldDto[];
}

export interface EditorHooks {
  save(parts: Parts): void;
  back(): void;
}

export type EditorCheck = { ok: true; parts: Parts } | { ok: false; reason: string };

export class BookingEditor {
  private parts: EditorPart[];
  private views: AccountingFields[] = [];
  private saveButton: HTMLButtonElement | null = null;
  private reason: HTMLElement | null = null;
  private remaining: HTMLElement | null = null;
  readonly locked: boolean;

  constructor(
    private readonly root: HTMLElement,
    readonly item: PreAccountingItemDto,
    private readonly hooks: EditorHooks,
    /** Why the booking can no longer be changed, when the server said so after the list was read. */
    private readonly lockedReason?: string,
  ) {
    this.locked = item.exportedTo !== '' || lockedReason !== undefined;
    this.parts = [{ amountText: formatAmountInput(this.total, item.currency), accounting: { ...item.accounting }, machine: item.prefilled }];
  }

  /** The booking's amount without sign: what the parts must add up to. */
  private get total(): number {
    return Math.abs(this.item.amountMinor);
  }

  private get sign(): number {
    return this.item.amountMinor < 0 ? -1 : 1;
  }

  refreshNames(): void {
    for (const view of this.views) view.refreshNames();
  }

  render(): void {
    const texts = accountingTexts();
    const item = this.item;
    const back = h('button', { type: 'button', className: 'link-button back-button', 'data-testid': 'edit-back' }, texts.back);
    back.addEventListener('click', () => this.hooks.back());
    const head = h(
      'article',
      { className: `card tx-card ${item.amountMinor < 0 ? 'money-out' : 'money-in'}`, 'data-testid': 'edit-booking', 'data-id': item.bookingId },
      h(
        'div',
        { className: 'tx-card-head' },
        h('strong', { className: 'direction', 'data-testid': 'edit-id' }, item.bookingId),
        h('span', { className: `tx-card-amount ${item.amountMinor < 0 ? 'negative' : 'positive'}`, 'data-testid': 'edit-amount' }, signedMoney(item.amountMinor, item.currency)),
      ),
      h(
        'dl',
        { className: 'tx-fields' },
        h('div', { className: 'tx-field' }, h('dt', {}, t().columnLabels.bookingDate ?? ''), h('dd', { 'data-testid': 'edit-date' }, formatDate(item.date))),
        item.counterpartyName === '' ? null : h('div', { className: 'tx-field' }, h('dt', {}, item.amountMinor < 0 ? t().to : t().from), h('dd', { 'data-testid': 'edit-counterparty' }, item.counterpartyName)),
        item.caseId === '' ? null : h('div', { className: 'tx-field' }, h('dt', {}, t().caseField), h('dd', {}, item.caseId)),
        h('div', { className: 'tx-field' }, h('dt', {}, t().descriptionField), h('dd', { className: 'clamp', title: item.description }, item.description || '—')),
      ),
    );
    if (this.locked) {
      replaceChildren(
        this.root,
        back,
        head,
        h('p', { className: 'notice warning', 'data-testid': 'edit-locked' }, this.lockedReason ?? texts.lockedNotice(targetName(item.exportedTo))),
        this.lockedFields(),
      );
      return;
    }
    this.views = [];
    this.saveButton = h('button', { type: 'button', className: 'button primary', 'data-testid': 'edit-save' }, texts.save);
    this.saveButton.addEventListener('click', () => {
      const checked = this.check();
      if (checked.ok) this.hooks.save(checked.parts);
    });
    this.reason = h('p', { className: 'book-reason', id: 'edit-save-reason', 'data-testid': 'edit-reason', role: 'status', 'aria-live': 'polite' });
    const split = h('button', { type: 'button', className: 'button', 'data-testid': 'edit-split' }, texts.split);
    split.addEventListener('click', () => this.addPart());
    this.remaining = h('p', { className: 'remaining', 'data-testid': 'edit-remaining', 'aria-live': 'polite' });
    replaceChildren(
      this.root,
      back,
      head,
      h('p', { className: 'hint acc-legend' }, h('span', { className: 'acc-marker', 'aria-hidden': 'true' }), ' ', texts.markerLegend),
      ...this.parts.map((_, i) => this.partView(i)),
      h('div', { className: 'split-row' }, split, this.remaining),
      h('div', { className: 'book-row' }, this.saveButton, this.reason),
    );
    this.update();
  }

  /** An exported booking: its data as it stands, nothing to change. */
  private lockedFields(): HTMLElement {
    const view = new AccountingFields({ id: 'edit-0', testId: 'edit', index: 0, data: { ...this.item.accounting }, machine: this.item.prefilled, readOnly: true });
    this.views = [view];
    return h('fieldset', { className: 'booking-part locked', 'data-testid': 'edit-part', 'data-index': 0, disabled: true }, view.element);
  }

  private partView(index: number): HTMLElement {
    const texts = accountingTexts();
    const part = this.parts[index]!;
    const several = this.parts.length > 1;
    const target = cachedLists()?.target ?? '';
    const view = new AccountingFields({
      id: `edit-${index}`,
      testId: 'edit',
      index,
      data: part.accounting,
      machine: part.machine,
      required: target === '' ? [] : requiredFor(target),
      tax: { amount: () => this.signedAmount(index), currency: this.item.currency },
    });
    this.views[index] = view;
    let legend: HTMLElement | null = null;
    let amountField: HTMLElement | null = null;
    if (several) {
      const remove = h('button', { type: 'button', className: 'icon-button', 'data-testid': 'edit-remove-part', 'data-index': index, 'aria-label': texts.removePart(index + 1), title: texts.removePart(index + 1) }, '×');
      remove.addEventListener('click', () => {
        this.parts.splice(index, 1);
        this.render();
        this.root.querySelector<HTMLElement>('[data-testid="edit-split"]')?.focus();
      });
      legend = h('legend', { className: 'part-legend' }, h('span', {}, texts.partLabel(index + 1)), remove);
      const id = `edit-${index}-amount`;
      const amount = h('input', { type: 'text', id, inputmode: 'decimal', autocomplete: 'off', 'data-testid': 'edit-part-amount', 'data-index': index });
      amount.value = part.amountText;
      amount.addEventListener('input', () => {
        part.amountText = amount.value;
        view.refreshTax();
        this.update();
      });
      amountField = h(
        'div',
        { className: 'field' },
        h('label', { for: id }, texts.amountLabel),
        h('div', { className: 'amount-input' }, amount, h('span', { className: 'currency' }, this.item.currency)),
      );
    }
    return h('fieldset', { className: `booking-part${several ? ' several' : ''}`, 'data-testid': 'edit-part', 'data-index': index }, legend, amountField, view.element);
  }

  /** A part's amount with the booking's sign (the tax follows it); null while it is not an amount. */
  private signedAmount(index: number): number | null {
    const part = this.parts[index];
    if (part === undefined) return null;
    if (this.parts.length === 1) return this.item.amountMinor;
    const minor = parseAmountInput(part.amountText, this.item.currency);
    return minor === null ? null : this.sign * minor;
  }

  /** "Split": a part taking what is left (nothing yet when the parts add up), with the first part's supplier and receipt. */
  private addPart(): void {
    const first = this.parts[0]!;
    const left = this.remainingMinor();
    this.parts.push({
      amountText: left !== null && left > 0 ? formatAmountInput(left, this.item.currency) : '',
      accounting: { ...emptyAccounting(), partner: first.accounting.partner, receiptNumber: first.accounting.receiptNumber, receiptFile: first.accounting.receiptFile },
      machine: [],
    });
    this.render();
    this.root.querySelector<HTMLInputElement>(`[data-testid="edit-part-amount"][data-index="${this.parts.length - 1}"]`)?.focus();
  }

  private remainingMinor(): number | null {
    let sum = 0;
    for (const part of this.parts) {
      const minor = parseAmountInput(part.amountText, this.item.currency);
      if (minor === null) return null;
      sum += minor;
    }
    return this.total - sum;
  }

  /** The parts as the server takes them, or why Save is disabled. */
  check(): EditorCheck {
    const texts = accountingTexts();
    if (this.locked) return { ok: false, reason: texts.reasonLocked };
    const parts: Parts = [];
    let sum = 0;
    for (const [i, part] of this.parts.entries()) {
      const minor = parseAmountInput(part.amountText, this.item.currency);
      if (minor === null) return { ok: false, reason: texts.reasonAmount(i + 1, part.amountText) };
      if (minor <= 0) return { ok: false, reason: texts.reasonPositive(i + 1) };
      sum += minor;
      parts.push({ amountMinor: minor, accounting: trimmedAccounting(part.accounting) });
    }
    if (sum !== this.total) return { ok: false, reason: texts.reasonSum(this.remainderText(this.total - sum)) };
    return { ok: true, parts };
  }

  private remainderText(left: number): string {
    const texts = accountingTexts();
    const amount = formatAmountInput(Math.abs(left), this.item.currency);
    return left >= 0 ? texts.left(amount) : texts.tooMuch(amount);
  }

  private update(): void {
    if (this.remaining !== null) {
      const left = this.remainingMinor();
      this.remaining.hidden = this.parts.length === 1;
      this.remaining.textContent = left === null ? '—' : this.remainderText(left);
      this.remaining.classList.toggle('off', left !== 0);
    }
    if (this.saveButton === null || this.reason === null) return;
    const checked = this.check();
    this.saveButton.disabled = !checked.ok;
    this.reason.textContent = checked.ok ? '' : checked.reason;
    if (checked.ok) this.saveButton.removeAttribute('aria-describedby');
    else this.saveButton.setAttribute('aria-describedby', 'edit-save-reason');
  }
}

