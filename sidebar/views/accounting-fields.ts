/**
 * The accounting fields of one booking (or one part of a split, or a rule's actions): GL account, tax rate,
 * supplier/customer, cost centre and cost object as dropdowns over the reference lists (`<input list>`: the name shows
 * beside the code), receipt number, receipt file and comment as text. The same component serves the reconcile form,
 * the booking editor of the pre-accounting page and the rule editor.
 *
 * A field the machine filled (a rule, or learned from an earlier booking) carries the blue marker with its reason as
 * tooltip, for as long as it holds the machine's value: the user's own value takes the marker away (the server judges
 * the same way, by value). The tax amount follows amount and rate live, rounded as the server rounds it.
 */
import { ACCOUNTING_FIELDS, emptyAccountingData, type AccountingField } from '../../src/core/accounting/fields';
import { taxAmountFor } from '../../src/core/accounting/tax';
import type { AccountingDataDto, PrefilledFieldDto } from '../../src/shared/accounting-dto';
import { datalistId, LIST_OF, nameOf } from '../accounting-lists';
import { h } from '../dom';
import { formatMoney } from '../i18n';
import { accountingTexts } from '../texts/accounting';

export interface AccountingFieldsOptions {
  /** Prefix of the controls' element ids: unique in the document. */
  id: string;
  /** Each control's `data-testid` is `${testId}-${field}`, with `data-index` when `index` is given. */
  testId: string;
  index?: number;
  /** The values; changed in place as the user types. */
  data: AccountingDataDto;
  /** What the machine filled, with its value and reason. */
  machine?: readonly PrefilledFieldDto[];
  /** The fields shown, in this order (default: all). */
  fields?: readonly AccountingField[];
  readOnly?: boolean;
  /** Fields the export target requires: labelled so. */
  required?: readonly AccountingField[];
  /** Shows the tax amount of `amount()` (signed minor units, null while not an amount) at the current rate. */
  tax?: { amount(): number | null; currency: string };
  onChange?(field: AccountingField): void;
}

/** The marker's tooltip: `Filled by rule R3 "Rent"` / `Learned from B-00017`. */
export function sourceText(entry: PrefilledFieldDto): string {
  const texts = accountingTexts();
  return entry.source.kind === 'rule' ? texts.filledByRule(entry.source.ruleId, entry.source.ruleName) : texts.learnedFrom(entry.source.from);
}

/** The blue dot, with its reason for mouse (title) and screen reader (label). */
export function markerDot(entry: PrefilledFieldDto, testId = 'acc-marker'): HTMLElement {
  const why = sourceText(entry);
  return h('span', { className: 'acc-marker', title: why, role: 'img', 'aria-label': why, 'data-testid': testId, 'data-field': entry.field });
}

/** "Tax: €15.97", or why there is none. */
export function taxText(amountMinor: number | null, rate: string, currency: string): string {
  const texts = accountingTexts();
  if (rate.trim() === '') return texts.taxNone;
  if (amountMinor === null) return texts.taxNoAmount;
  const tax = taxAmountFor(amountMinor, rate);
  return tax === null ? texts.taxBad(rate.trim()) : texts.taxAmount(formatMoney(tax, currency));
}

/** Only https links become links: a cell could hold `javascript:…`. */
function safeLink(value: string): string | null {
  const trimmed = value.trim();
  return /^https:\/\/[^\s"'<>]+$/i.test(trimmed) ? trimmed : null;
}

/** Pairs side by side where both are short (codes), the rest full width. */
const PAIRS: ReadonlyArray<readonly [AccountingField, AccountingField]> = [
  ['glAccount', 'taxRate'],
  ['costCentre', 'costObject'],
];

export class AccountingFields {
  readonly element: HTMLElement;
  private readonly machine = new Map<AccountingField, PrefilledFieldDto>();
  private readonly wrappers = new Map<AccountingField, HTMLElement>();
  private readonly names = new Map<AccountingField, HTMLElement>();
  private readonly links = new Map<AccountingField, HTMLElement>();
  private readonly controls = new Map<AccountingField, HTMLInputElement | HTMLTextAreaElement>();
  private taxLine: HTMLElement | null = null;

  constructor(private readonly options: AccountingFieldsOptions) {
    for (const entry of options.machine ?? []) this.machine.set(entry.field, entry);
    const fields = options.fields ?? ACCOUNTING_FIELDS;
    const shown = new Set(fields);
    const rows: HTMLElement[] = [];
    const done = new Set<AccountingField>();
    for (const field of fields) {
      if (done.has(field)) continue;
      const pair = PAIRS.find((p) => p[0] === field && shown.has(p[1]));
      if (pair !== undefined) {
        rows.push(h('div', { className: 'part-pair acc-pair' }, this.field(pair[0]), this.field(pair[1])));
        done.add(pair[0]).add(pair[1]);
        if (pair[1] === 'taxRate') rows.push(this.makeTaxLine());
        continue;
      }
      rows.push(this.field(field));
      done.add(field);
      if (field === 'taxRate') rows.push(this.makeTaxLine());
    }
    this.element = h('div', { className: 'acc-fields' }, ...rows);
    this.refreshTax();
  }

  /** Draws the names beside codes again (the lists arrived after the form). */
  refreshNames(): void {
    for (const field of this.names.keys()) this.updateField(field);
  }

  refreshTax(): void {
    if (this.taxLine === null || this.options.tax === undefined) return;
    this.taxLine.textContent = taxText(this.options.tax.amount(), this.options.data.taxRate, this.options.tax.currency);
  }

  /** The fields still holding the machine's value. */
  activeMachine(): PrefilledFieldDto[] {
    return [...this.machine.values()].filter((entry) => this.isMachine(entry.field));
  }

  focusFirst(): void {
    this.controls.values().next().value?.focus();
  }

  private isMachine(field: AccountingField): boolean {
    const entry = this.machine.get(field);
    return entry !== undefined && entry.value !== '' && entry.value === this.options.data[field].trim();
  }

  private makeTaxLine(): HTMLElement {
    const testId = `${this.options.testId}-tax`;
    this.taxLine = h('p', { className: 'acc-tax', 'data-testid': testId, 'data-index': this.options.index, 'aria-live': 'polite' });
    if (this.options.tax === undefined) this.taxLine.hidden = true;
    return this.taxLine;
  }

  private field(field: AccountingField): HTMLElement {
    const o = this.options;
    const texts = accountingTexts();
    const id = `${o.id}-${field}`;
    const list = LIST_OF[field];
    const attributes = {
      id,
      autocomplete: 'off',
      spellcheck: 'false',
      'data-testid': `${o.testId}-${field}`,
      'data-index': o.index,
      'data-field': field,
      readonly: o.readOnly === true,
      list: list === undefined ? undefined : datalistId(list),
      'aria-describedby': `${id}-note`,
    };
    const control = field === 'comment' ? h('textarea', { ...attributes, rows: 2 }) : h('input', { ...attributes, type: 'text' });
    control.value = o.data[field];
    if (field === 'taxRate') control.setAttribute('inputmode', 'decimal');
    control.addEventListener('input', () => {
      o.data[field] = control.value;
      this.updateField(field);
      if (field === 'taxRate') this.refreshTax();
      o.onChange?.(field);
    });
    this.controls.set(field, control);
    const required = o.required?.includes(field) === true;
    const note = h('span', { className: 'acc-name', id: `${id}-note`, 'data-testid': `${o.testId}-${field}-name`, 'data-index': o.index });
    if (list !== undefined && list !== 'partners') this.names.set(field, note);
    const box = h('div', { className: 'acc-control' }, control);
    if (field === 'receiptFile') {
      const link = h('span', { className: 'acc-link' });
      this.links.set(field, link);
      box.append(link);
    }
    const label = h(
      'label',
      { for: id },
      texts.fieldLabels[field],
      required ? h('span', { className: 'acc-required', title: texts.required }, ' *') : null,
      h('span', { className: 'acc-marker-slot' }),
    );
    const wrapper = h(
      'div',
      { className: 'field acc-field', 'data-field': field, 'data-testid': `${o.testId}-${field}-field`, 'data-index': o.index },
      label,
      box,
      note,
      field === 'receiptFile' && o.readOnly !== true ? h('p', { className: 'hint' }, texts.receiptHint) : null,
    );
    this.wrappers.set(field, wrapper);
    this.updateField(field, wrapper);
    return wrapper;
  }

  /** The marker, the name beside the code and the receipt's link, after a change. */
  private updateField(field: AccountingField, wrapper = this.wrappers.get(field)): void {
    if (wrapper === undefined) return;
    const machine = this.isMachine(field);
    wrapper.classList.toggle('prefilled', machine);
    wrapper.dataset.prefilled = String(machine);
    const slot = wrapper.querySelector('.acc-marker-slot');
    if (slot !== null) {
      while (slot.firstChild) slot.removeChild(slot.firstChild);
      const entry = this.machine.get(field);
      if (machine && entry !== undefined) slot.append(markerDot(entry, `${this.options.testId}-marker`));
    }
    const control = this.controls.get(field);
    if (control !== undefined) {
      if (machine) control.title = sourceText(this.machine.get(field)!);
      else control.removeAttribute('title');
    }
    const note = this.names.get(field);
    if (note !== undefined) note.textContent = nameOf(field, this.options.data[field]);
    const link = this.links.get(field);
    if (link !== undefined) {
      while (link.firstChild) link.removeChild(link.firstChild);
      const href = safeLink(this.options.data[field]);
      if (href !== null) link.append(h('a', { href, target: '_blank', rel: 'noopener noreferrer', 'data-testid': `${this.options.testId}-receipt-link` }, accountingTexts().openReceipt));
    }
  }
}

/** A compact line of what is assigned: "4920 · 19 % · Telekom"; '' when nothing is. */
export function accountingSummary(data: AccountingDataDto): string {
  const parts = [data.glAccount, data.taxRate.trim() === '' ? '' : `${data.taxRate.trim()} %`, data.partner, data.costCentre, data.costObject];
  return parts.map((p) => p.trim()).filter((p) => p !== '').join(' · ');
}

export { emptyAccountingData as emptyAccounting };
