/**
 * One bank transaction as the reconcile page shows it: the bank's data (date, counterparty, IBAN, purpose, amount,
 * booking text), the matcher's proposal with reason and score, and — once processed — who processed it, when, and what
 * was booked. Every text from the bank or the sheets goes in as text (dom.ts h()).
 */
import type { BookingDto } from '../../src/shared/contract';
import { h } from '../dom';
import { formatDate, formatIban, formatInstant, formatMoney, formatPercent, t } from '../i18n';
import { accountingReadout } from './accounting-readout';
import type { Loaded } from './reconcile-draft';

type Processed = NonNullable<Loaded['processed']>;

/** `+4.165,00 €` for money in, `-2.850,00 €` for money out: the sign is always written, so the two never look alike. */
export function signedMoney(amountMinor: number, currency: string): string {
  const text = formatMoney(amountMinor, currency);
  return amountMinor > 0 ? `+${text}` : text;
}

function field(label: string, value: HTMLElement | string, testId: string): HTMLElement {
  return h('div', { className: 'tx-field' }, h('dt', {}, label), h('dd', { 'data-testid': testId }, value));
}

export function renderTransaction(loaded: Loaded): HTMLElement {
  const texts = t();
  const tx = loaded.transaction;
  const incoming = tx.direction === 'in';
  const date = formatDate(tx.bookingDate);
  const value = tx.valueDate !== null && tx.valueDate !== tx.bookingDate ? ` (${texts.valueDate(formatDate(tx.valueDate))})` : '';
  return h(
    'article',
    { className: `card tx-card ${incoming ? 'money-in' : 'money-out'}`, 'data-testid': 'reconcile-transaction', 'data-key': tx.key, 'data-direction': tx.direction },
    h(
      'div',
      { className: 'tx-card-head' },
      h('span', { className: `direction ${incoming ? 'in' : 'out'}`, 'data-testid': 'tx-direction' }, h('span', { 'aria-hidden': 'true' }, incoming ? '↓ ' : '↑ '), incoming ? texts.moneyIn : texts.moneyOut),
      h('span', { className: `tx-card-amount ${incoming ? 'positive' : 'negative'}`, 'data-testid': 'tx-amount' }, signedMoney(tx.amountMinor, tx.currency)),
    ),
    h(
      'dl',
      { className: 'tx-fields' },
      field(texts.columnLabels.bookingDate ?? '', date + value, 'tx-date'),
      field(incoming ? texts.from : texts.to, tx.counterpartyName === '' ? '—' : tx.counterpartyName, 'tx-counterparty'),
      tx.counterpartyIban === null || tx.counterpartyIban === '' ? null : field(texts.iban, formatIban(tx.counterpartyIban), 'tx-iban'),
      field(texts.purpose, tx.purpose === '' ? '—' : tx.purpose, 'tx-purpose'),
      tx.bookingType === '' ? null : field(texts.bankBookingText, tx.bookingType, 'tx-booking-type'),
    ),
  );
}

const STATUS_SIGN: Record<'auto' | 'review' | 'none', string> = { auto: '✓', review: '?', none: '!' };

export function renderProposal(loaded: Loaded): HTMLElement {
  const texts = t();
  const { proposal } = loaded;
  const best = proposal.matches.reduce((max, m) => Math.max(max, m.score), 0);
  return h(
    'section',
    { className: `proposal status-${proposal.status}`, 'data-testid': 'reconcile-proposal', 'data-status': proposal.status, 'aria-label': texts.proposal },
    h(
      'div',
      { className: 'proposal-head' },
      h('span', { className: 'proposal-badge', 'data-testid': 'proposal-status' }, h('span', { 'aria-hidden': 'true' }, `${STATUS_SIGN[proposal.status]} `), texts.proposalStatus[proposal.status]),
      proposal.matches.length === 0 ? null : h('span', { className: 'proposal-score', 'data-testid': 'proposal-score' }, texts.score(formatPercent(best))),
    ),
    proposal.reason === '' ? null : h('p', { className: 'proposal-reason', 'data-testid': 'proposal-reason' }, proposal.reason),
  );
}

function bookingLine(b: BookingDto): HTMLElement {
  const texts = t();
  const details = [b.caseId === '' ? '' : `${texts.caseField} ${b.caseId}`, b.invoiceNumber, b.paymentNumber].filter((part) => part !== '');
  return h(
    'li',
    { className: 'processed-booking', 'data-testid': 'processed-booking', 'data-id': b.id },
    h('span', { className: 'processed-booking-head' }, h('strong', {}, b.id), ` · ${texts.bookingTypes[b.type]} · `, h('span', { className: 'amount' }, signedMoney(b.amountMinor, b.currency))),
    details.length === 0 ? null : h('span', { className: 'hint' }, details.join(' · ')),
    accountingReadout(b),
  );
}

/** Who processed it and when, what was done, and Undo (or why undo is no longer possible). */
export function renderProcessed(processed: Processed, onUndo: () => void): HTMLElement {
  const texts = t();
  const undo = processed.undoable ? h('button', { type: 'button', className: 'button', 'data-testid': 'reconcile-undo' }, texts.undo) : null;
  undo?.addEventListener('click', onUndo);
  return h(
    'section',
    { className: 'processed-box', 'data-testid': 'reconcile-processed' },
    h('p', { className: 'processed-by', 'data-testid': 'reconcile-processed-by' }, h('span', { 'aria-hidden': 'true' }, '✓ '), texts.processedBy(processed.by || texts.someone, formatInstant(processed.at))),
    processed.run === '' ? null : h('p', { className: 'hint', 'data-testid': 'reconcile-processed-run' }, texts.byRun(processed.run)),
    processed.summary === '' ? null : h('p', { className: 'processed-summary', 'data-testid': 'reconcile-processed-summary' }, processed.summary),
    processed.bookings.length === 0
      ? null
      : h('div', {}, h('h3', { className: 'subhead' }, texts.transactionBookings), h('ul', { className: 'processed-bookings' }, ...processed.bookings.map(bookingLine))),
    undo === null
      ? h('p', { className: 'hint', 'data-testid': 'reconcile-undo-blocked' }, texts.undoBlocked(processed.undoBlockedBy ?? ''))
      : h('div', { className: 'actions' }, undo),
  );
}
