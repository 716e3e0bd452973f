/**
 * A booking's accounting data read-only (the reconcile page's processed transaction, an exported booking): each field
 * that has a value, the blue marker where the machine filled it, the tax amount, and what the export target still misses.
 */
import { ACCOUNTING_FIELDS, type AccountingField } from '../../src/core/accounting/fields';
import type { BookingDto } from '../../src/shared/contract';
import { h } from '../dom';
import { formatMoney } from '../i18n';
import { accountingTexts, type ExportTarget } from '../texts/accounting';
import { markerDot } from './accounting-fields';

/** "GL account and tax rate" in the user's language. */
export function fieldList(fields: readonly AccountingField[]): string {
  const texts = accountingTexts();
  return texts.list(fields.map((f) => texts.fieldLabels[f]));
}

export function targetName(target: string): string {
  return accountingTexts().targetNames[target as ExportTarget] ?? target;
}

export function accountingReadout(b: Pick<BookingDto, 'id' | 'accounting' | 'prefilled' | 'missing' | 'taxAmountMinor' | 'currency'>): HTMLElement | null {
  const texts = accountingTexts();
  // An older server sends bookings without accounting data: nothing to show.
  if (b.accounting === undefined) return null;
  const rows = ACCOUNTING_FIELDS.filter((f) => b.accounting[f].trim() !== '').map((field) => {
    const entry = (b.prefilled ?? []).find((p) => p.field === field && p.value === b.accounting[field].trim());
    return h(
      'div',
      { className: `acc-readout-row${entry === undefined ? '' : ' prefilled'}`, 'data-testid': 'booking-accounting-field', 'data-field': field, 'data-prefilled': String(entry !== undefined) },
      h('dt', {}, texts.fieldLabels[field]),
      h('dd', {}, entry === undefined ? null : markerDot(entry, 'booking-accounting-marker'), h('span', { className: 'acc-readout-value' }, b.accounting[field])),
    );
  });
  const missing = (b.missing ?? []).map((m) =>
    m.fields.length === 0
      ? h('p', { className: 'acc-complete', 'data-testid': 'booking-complete' }, texts.completeFor(targetName(m.target)))
      : h('p', { className: 'acc-missing', 'data-testid': 'booking-missing', 'data-fields': m.fields.join(' ') }, texts.missingFor(targetName(m.target), fieldList(m.fields))),
  );
  return h(
    'div',
    { className: 'acc-readout', 'data-testid': 'booking-accounting', 'data-id': b.id },
    rows.length === 0 ? null : h('dl', {}, ...rows),
    b.taxAmountMinor === null ? null : h('p', { className: 'acc-tax', 'data-testid': 'booking-tax' }, texts.taxAmount(formatMoney(b.taxAmountMinor, b.currency))),
    ...missing,
  );
}
