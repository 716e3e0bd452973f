/**
 * The bookings of the export page, one row each: date, amount, description, GL account, tax rate and receipt, with a
 * checkbox when the booking may be exported now. Not selectable, and saying why: an incomplete booking (its problems
 * in words, field named), a booking exported to an accounting system (target, id, when and by whom, locked) and one whose
 * last request got no clear answer. With a file target, exported bookings come back selectable for another file.
 *
 * Every text from the sheet (descriptions, ids, e-mail addresses) goes in as text (dom.ts h()).
 */
import type { ExportItemDto } from '../../src/shared/contract';
import { h } from '../dom';
import { formatDate, formatMoney } from '../i18n';
import { formatWhen } from '../texts/pages';
import { exportTexts, type ExportTarget } from '../texts/export';
import { isApiTarget } from './export-target';

/** Whether the user may tick this booking for an export to `target`. */
export function isSelectable(item: ExportItemDto, target: ExportTarget): boolean {
  return item.state === 'ready' || (item.state === 'exported' && !isApiTarget(target));
}

/** "19 %" for a bare rate, the cell's own text otherwise. */
function rateText(rate: string): string {
  const trimmed = rate.trim();
  return /^\d+(?:[.,]\d+)?$/.test(trimmed) ? `${trimmed} %` : trimmed;
}

/** A link for a receipt that is an address; a Drive file id (or anything else) is shown as text. */
function receiptView(receipt: string): HTMLElement {
  const texts = exportTexts();
  const value = receipt.trim();
  if (value === '') return h('span', { className: 'muted', 'data-testid': 'export-item-receipt' }, texts.noReceipt);
  if (/^https?:\/\//i.test(value)) {
    return h('a', { href: value, target: '_blank', rel: 'noopener noreferrer', title: texts.opensNewTab, 'data-testid': 'export-item-receipt' }, texts.receipt);
  }
  return h('span', { className: 'export-receipt-id', title: value, 'data-testid': 'export-item-receipt' }, `${texts.receipt} ${value}`);
}

export interface ListHandlers {
  isSelected(id: string): boolean;
  onToggle(id: string, selected: boolean): void;
}

function itemView(item: ExportItemDto, target: ExportTarget, handlers: ListHandlers): HTMLElement {
  const texts = exportTexts();
  const selectable = isSelectable(item, target);
  const locked = item.state === 'exported' || item.state === 'receipt-pending';
  const head = h(
    'span',
    { className: 'tx-head' },
    h('span', { className: 'export-item-id' }, item.id),
    h('span', { className: 'tx-date', 'data-testid': 'booking-date' }, formatDate(item.date)),
    h('span', { className: `tx-amount${item.amountMinor < 0 ? ' negative' : ''}`, 'data-testid': 'booking-amount' }, formatMoney(item.amountMinor, item.currency)),
  );
  const description = h('span', { className: 'booking-description clamp', title: item.description, 'data-testid': 'booking-description' }, item.description || '—');
  let mark: HTMLElement;
  if (selectable) {
    const box = h('input', { type: 'checkbox', className: 'export-check', 'data-testid': 'export-check', 'aria-label': texts.selectBooking(item.id) });
    box.checked = handlers.isSelected(item.id);
    box.addEventListener('change', () => handlers.onToggle(item.id, box.checked));
    mark = box;
  } else {
    const sign = locked ? '🔒' : item.state === 'incomplete' ? '!' : '…';
    const label = locked ? texts.lockedLabel : item.state === 'incomplete' ? texts.incompleteLabel : texts.unknownLabel;
    mark = h('span', { className: `export-mark export-mark-${item.state}`, role: 'img', 'aria-label': label, title: label, 'data-testid': 'export-mark' }, sign);
  }
  // The whole row's text is the checkbox's label: a click anywhere on it ticks the box.
  const main = h(selectable ? 'label' : 'div', { className: 'export-item-main' }, h('span', { className: 'export-item-mark' }, mark), h('span', { className: 'export-item-body' }, head, description));
  const accounting = h(
    'span',
    { className: 'export-item-acc' },
    h('span', { 'data-testid': 'export-item-gl', className: item.glAccount.trim() === '' ? 'muted' : '' }, item.glAccount.trim() || texts.noGlAccount),
    ' · ',
    h('span', { 'data-testid': 'export-item-tax', className: item.taxRate.trim() === '' ? 'muted' : '' }, item.taxRate.trim() === '' ? texts.noTaxRate : rateText(item.taxRate)),
    ' · ',
    receiptView(item.receiptFile),
  );
  const exported =
    item.exportedTo === ''
      ? null
      : h(
          'p',
          { className: 'export-item-exported', 'data-testid': 'export-item-exported' },
          h('span', { className: 'export-item-exported-to', 'data-testid': 'export-item-exported-to' }, texts.exportedLine(item.exportedTo, item.exportId)),
          h('span', { className: 'export-item-exported-when', 'data-testid': 'export-item-exported-when' }, texts.exportedWhen(formatWhen(item.exportedAt), item.exportedBy)),
        );
  const note =
    item.state === 'unknown'
      ? h('p', { className: 'export-item-note', 'data-testid': 'export-item-note' }, texts.unknownLabel)
      : item.state === 'receipt-pending'
        ? h('p', { className: 'export-item-note', 'data-testid': 'export-item-note' }, texts.receiptPendingLabel)
        : null;
  const problems =
    item.problems.length === 0
      ? null
      : h('ul', { className: 'export-problems', 'data-testid': 'export-item-problems' }, ...item.problems.map((p) => h('li', { 'data-testid': 'export-item-problem' }, p)));
  return h(
    'li',
    {
      className: `tx export-item state-${item.state}${selectable ? ' selectable' : ''}`,
      'data-testid': 'booking-item',
      'data-id': item.id,
      'data-state': item.state,
      'data-selectable': String(selectable),
      'data-locked': String(locked),
    },
    main,
    h('div', { className: 'export-item-details' }, accounting, exported, note, problems),
  );
}

export function exportList(items: readonly ExportItemDto[], target: ExportTarget, handlers: ListHandlers): HTMLElement {
  return h('ul', { className: 'tx-list export-list', 'data-testid': 'booking-list' }, ...items.map((item) => itemView(item, target, handlers)));
}
