/**
 * "Details" of a run: every transaction with date, purpose, amount and its outcome with the reason; clicking one opens the
 * key data of the invoices or payment orders it concerns and the bookings the run made for it. Bank text goes in as text.
 */
import type { InvoiceDto, PaymentDto, ResponseOf } from '../../src/shared/contract';
import { h } from '../dom';
import { formatDate, formatIban, formatMoney } from '../i18n';
import { pageTexts } from '../texts/pages';
import { outcomeIcon } from './run-outcome';

export type RunDetail = ResponseOf<'getRunDetails'>['items'][number];

function dataList(testId: string, rows: Array<[string, string]>): HTMLElement {
  return h(
    'dl',
    { className: 'meta key-data', 'data-testid': testId },
    ...rows.map(([term, value]) => h('div', { className: 'meta-row' }, h('dt', {}, term), h('dd', {}, value === '' ? '—' : value))),
  );
}

function invoiceData(i: InvoiceDto): HTMLElement {
  const texts = pageTexts();
  const contact = i.contactName === '' ? i.contactId : i.contactId === '' ? i.contactName : `${i.contactName} (${i.contactId})`;
  const rows: Array<[string, string]> = [
    [texts.fieldNumber, i.number],
    [texts.fieldDate, i.date === null ? '' : formatDate(i.date)],
    [texts.fieldDue, i.dueDate === null ? '' : formatDate(i.dueDate)],
    [texts.fieldContact, contact],
    [texts.fieldCase, i.caseId],
    [texts.fieldAmount, formatMoney(i.amountMinor, i.currency)],
    [texts.fieldStatus, texts.invoiceStatus[i.status]],
  ];
  if (i.paidOn !== null) rows.push([texts.fieldPaidOn, formatDate(i.paidOn)]);
  return h('div', { className: 'key-block', 'data-testid': 'detail-invoice', 'data-number': i.number }, h('h4', { className: 'subhead' }, `${texts.invoice} ${i.number}`), dataList('invoice-data', rows));
}

function paymentData(p: PaymentDto): HTMLElement {
  const texts = pageTexts();
  const rows: Array<[string, string]> = [
    [texts.fieldNumber, p.number],
    [texts.fieldPayee, p.payee],
    [texts.fieldIban, p.iban === null ? '' : formatIban(p.iban)],
    [texts.fieldCase, p.caseId],
    [texts.fieldAmount, formatMoney(p.amountMinor, p.currency)],
    [texts.fieldStatus, texts.paymentStatus[p.status]],
  ];
  return h('div', { className: 'key-block', 'data-testid': 'detail-payment', 'data-number': p.number }, h('h4', { className: 'subhead' }, `${texts.paymentOrder} ${p.number}`), dataList('payment-data', rows));
}

let panelCount = 0;

function detailItem(item: RunDetail): HTMLElement {
  const texts = pageTexts();
  const negative = item.amountMinor < 0;
  const panelId = `run-detail-panel-${++panelCount}`;
  const toggle = h(
    'button',
    { type: 'button', className: 'list-button detail-toggle', 'aria-expanded': 'false', 'aria-controls': panelId, 'data-testid': 'detail-toggle' },
    h(
      'span',
      { className: 'tx-head' },
      outcomeIcon(item.outcome),
      h('span', { className: 'tx-date', 'data-testid': 'detail-date' }, formatDate(item.bookingDate)),
      h('span', { className: 'tx-name', title: item.counterpartyName }, item.counterpartyName || '—'),
      h('span', { className: `tx-amount${negative ? ' negative' : ''}`, 'data-testid': 'detail-amount' }, formatMoney(item.amountMinor, item.currency)),
    ),
    h('span', { className: 'detail-purpose', 'data-testid': 'detail-purpose' }, item.purpose || '—'),
    h('span', { className: 'detail-reason', 'data-testid': 'detail-reason' }, `${texts.outcomeShort[item.outcome]}: ${item.reason}`),
  );
  const panel = h(
    'div',
    { className: 'detail-panel', id: panelId, 'data-testid': 'detail-panel', hidden: true },
    ...item.invoices.map(invoiceData),
    ...item.payments.map(paymentData),
    item.invoices.length + item.payments.length === 0 ? h('p', { className: 'muted' }, texts.noKeyData) : null,
    item.bookingIds.length === 0
      ? null
      : h('p', { className: 'detail-bookings', 'data-testid': 'detail-bookings' }, `${texts.bookingIds}: ${item.bookingIds.join(', ')}`),
  );
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
  });
  return h('li', { className: `detail-item detail-${item.outcome}`, 'data-testid': 'detail-item', 'data-key': item.key, 'data-outcome': item.outcome }, toggle, panel);
}

export function detailsList(items: RunDetail[]): HTMLElement {
  const texts = pageTexts();
  return h(
    'section',
    { className: 'run-details', 'data-testid': 'run-details', 'aria-label': texts.detailsTitle },
    h('h3', { className: 'subhead' }, texts.detailsTitle),
    items.length === 0
      ? h('p', { className: 'muted' }, texts.detailsEmpty)
      : h('ul', { className: 'tx-list detail-list' }, ...items.map(detailItem)),
  );
}
