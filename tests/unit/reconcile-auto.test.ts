/**
 * What an automatic run does with one matched transaction: only a sure match is booked — invoices paid (money in) or
 * payment orders executed (money out), one booking per item where the items add up, else one for the whole amount — and
 * anything else goes to a person with the reason.
 */
import { describe, expect, it } from 'vitest';
import type { MatchResult } from '../../src/core/matching/types';
import { decideAutomatically } from '../../src/core/reconcile/auto';
import type { Books } from '../../src/core/reconcile/books';
import { planReconciliation } from '../../src/core/reconcile/plan';
import type { TransactionRecord } from '../../src/core/tables/transaction-rows';

const t = (amountMinor: number, purpose = 'RE-1 und RE-2'): TransactionRecord => ({
  key: 'k1', fingerprint: 'k1', bookingDate: '2026-10-07', valueDate: null, counterpartyName: 'Schäfer & Söhne OHG', counterpartyIban: null,
  purpose, amountMinor, currency: 'EUR', bookingType: '', importFile: 'x.csv', matchStatus: '', processedBy: '', processedAt: '', processedAs: '', autoRun: '', runOutcome: '', account: '',
});

const books = (): Books => ({
  transactions: [{ ...t(297500), row: 2 }, { ...t(-43800, 'Az. 00012/26'), key: 'k2', row: 3 }],
  invoices: [
    { row: 2, number: 'RE-1', date: null, dueDate: null, contact: 'K-003', case: '00016/26', amountMinor: 178500, currency: 'EUR', status: 'open', paidOn: null, paidBy: '' },
    { row: 3, number: 'RE-2', date: null, dueDate: null, contact: 'K-003', case: '00016/26', amountMinor: 119000, currency: 'EUR', status: 'open', paidOn: null, paidBy: '' },
  ],
  payments: [{ row: 2, number: 'ZA-72', payee: 'Gerichtskasse', iban: null, amountMinor: 43800, currency: 'EUR', status: 'pending', case: '00012/26', executedOn: null, executedBy: '' }],
  contacts: [{ row: 2, id: 'K-003', name: 'Schäfer & Söhne OHG', ibans: [] }],
  cases: [
    { row: 2, id: '00016/26', name: 'Schäfer', contactIds: ['K-003'], status: 'active', labels: [] },
    { row: 3, id: '00012/26', name: 'Müller Bau', contactIds: [], status: 'active', labels: [] },
  ],
  bookings: [],
});

const sum: MatchResult = {
  fingerprint: 'k1', status: 'auto', reason: 'RE-1 and RE-2 found in purpose; amounts add up',
  matches: [
    { number: 'RE-1', kind: 'invoice', caseId: '00016/26', contactId: 'K-003', method: 'exact', score: 1, amountCheck: 'sum' },
    { number: 'RE-2', kind: 'invoice', caseId: '00016/26', contactId: 'K-003', method: 'exact', score: 1, amountCheck: 'sum' },
  ],
};

describe('decideAutomatically', () => {
  it('books a transfer paying two invoices as two income bookings, one per invoice, and marks both paid', () => {
    const decision = decideAutomatically(t(297500), sum, books(), new Set());
    if (decision.outcome !== 'booked') throw new Error(decision.reason);
    expect(decision.request.markInvoicesPaid).toEqual(['RE-1', 'RE-2']);
    expect(decision.request.bookings.map((b) => [b.type, b.amountMinor, b.invoiceNumber, b.caseId, b.contactId])).toEqual([
      ['income', 178500, 'RE-1', '00016/26', 'K-003'],
      ['income', 119000, 'RE-2', '00016/26', 'K-003'],
    ]);
    // The request is one the planner accepts as it stands.
    expect(planReconciliation(books(), 'k1', decision.request, { by: 'run', source: 'RUN-1' }, 1).ok).toBe(true);
  });

  it('books the whole bank amount once where the items do not add up to it (paid within tolerance)', () => {
    const within: MatchResult = { ...sum, matches: [{ ...sum.matches[0]!, amountCheck: 'within-tolerance' }] };
    const decision = decideAutomatically(t(178000), within, books(), new Set());
    if (decision.outcome !== 'booked') throw new Error(decision.reason);
    expect(decision.request.bookings.map((b) => [b.amountMinor, b.invoiceNumber])).toEqual([[178000, 'RE-1']]);
  });

  it('executes a payment order with an expense booking for money going out', () => {
    const out: MatchResult = { fingerprint: 'k2', status: 'auto', reason: 'case 00012/26; payment order ZA-72 amount equal', matches: [{ number: 'ZA-72', kind: 'payment', caseId: '00012/26', contactId: null, method: 'case', score: 1, amountCheck: 'equal' }] };
    const decision = decideAutomatically(t(-43800, 'Az. 00012/26'), out, books(), new Set());
    if (decision.outcome !== 'booked') throw new Error(decision.reason);
    expect(decision.request).toMatchObject({ markInvoicesPaid: [], markPaymentsExecuted: ['ZA-72'] });
    expect(decision.request.bookings).toEqual([{ type: 'expense', amountMinor: 43800, caseId: '00012/26', contactId: null, invoiceNumber: null, paymentNumber: 'ZA-72', description: 'Schäfer & Söhne OHG: Az. 00012/26' }]);
  });

  it('leaves review and none to a person, with the matcher\'s reason, and never settles an invoice twice in one run', () => {
    expect(decideAutomatically(t(297500), { ...sum, status: 'review', reason: 'RE-1 found; amount differs' }, books(), new Set())).toEqual({ outcome: 'review', reason: 'RE-1 found; amount differs' });
    expect(decideAutomatically(t(297500), { fingerprint: 'k1', status: 'none', matches: [], reason: 'no number found' }, books(), new Set())).toEqual({ outcome: 'none', reason: 'no number found' });
    expect(decideAutomatically(t(297500), sum, books(), new Set(['RE-2']))).toEqual({ outcome: 'review', reason: 'RE-2 was already settled by another transaction of this run' });
  });

  it('sends a sure match without an item of the right direction to review', () => {
    const caseOnly: MatchResult = { fingerprint: 'k1', status: 'auto', reason: 'case 00016/26 found', matches: [{ number: null, caseId: '00016/26', method: 'case', score: 1 }] };
    expect(decideAutomatically(t(297500), caseOnly, books(), new Set())).toEqual({ outcome: 'review', reason: 'case 00016/26 found; no open invoice to settle' });
  });
});
