/**
 * Planning one reconciliation and its undo on hand-made books: directions, splits that must add up, items that must be
 * open, parties of the case, labels, and the trace that marks a transaction processed.
 */
import { emptyAccountingData } from '../../src/core/accounting/fields';
import { describe, expect, it } from 'vitest';
import type { Books } from '../../src/core/reconcile/books';
import { processedTrace } from '../../src/core/reconcile/books';
import { bookingDescription, planReconciliation, type ReconcileRequest } from '../../src/core/reconcile/plan';
import { parseUndoData, planUndo } from '../../src/core/reconcile/undo';
import type { BookingRow } from '../../src/core/tables/bookings';
import type { TransactionRecord } from '../../src/core/tables/transaction-rows';

function transaction(key: string, row: number, amountMinor: number, more: Partial<TransactionRecord> = {}): TransactionRecord & { row: number } {
  return {
    key, fingerprint: key, row, bookingDate: '2026-10-05', valueDate: null, counterpartyName: 'Müller Bau GmbH',
    counterpartyIban: 'DE02120300000000202051', purpose: 'RE-2026-0138 Az. 00012/26', amountMinor, currency: 'EUR', bookingType: 'GUTSCHRIFT',
    importFile: 'oct.csv', matchStatus: '', processedBy: '', processedAt: '', processedAs: '', autoRun: '', runOutcome: '', account: '', ...more,
  };
}

function books(): Books {
  return {
    transactions: [transaction('in-1', 2, 416500), transaction('out-1', 3, -285000, { counterpartyName: 'Hausverwaltung Rhein', purpose: 'Miete Oktober' })],
    invoices: [
      { row: 2, number: 'RE-2026-0138', date: '2026-09-18', dueDate: '2026-10-02', contact: 'K-001', case: '00012/26', amountMinor: 416500, currency: 'EUR', status: 'open', paidOn: null, paidBy: '' },
      { row: 3, number: 'RE-2026-0136', date: '2026-08-28', dueDate: null, contact: 'K-002', case: '00009/26', amountMinor: 202300, currency: 'EUR', status: 'paid', paidOn: '2026-09-09', paidBy: '' },
    ],
    payments: [{ row: 2, number: 'ZA-2026-0071', payee: 'Hausverwaltung Rhein', iban: null, amountMinor: 285000, currency: 'EUR', status: 'pending', case: '', executedOn: null, executedBy: '' }],
    contacts: [
      { row: 2, id: 'K-001', name: 'Müller Bau GmbH', ibans: ['DE02120300000000202051'] },
      { row: 3, id: 'K-002', name: 'Hofmann Immobilien', ibans: [] },
    ],
    cases: [
      { row: 2, id: '00012/26', name: 'Müller Bau ./. Schneider', contactIds: ['K-001'], status: 'active', labels: ['Baurecht', 'Zahlung offen'] },
      { row: 3, id: '00009/26', name: 'Hofmann', contactIds: ['K-002'], status: 'archived', labels: [] },
    ],
    bookings: [],
  };
}

const actor = { by: 'anna.berger@kanzlei-berger.example', source: 'manual' };
const none: ReconcileRequest = { markInvoicesPaid: [], markPaymentsExecuted: [], bookings: [], labels: [] };
const income = (amountMinor: number, more: Partial<ReconcileRequest['bookings'][number]> = {}) => ({
  type: 'income' as const, amountMinor, caseId: '00012/26', contactId: 'K-001', invoiceNumber: 'RE-2026-0138', paymentNumber: null, description: '', ...more,
});

describe('planReconciliation', () => {
  it('marks the invoice paid and books income with the transaction\'s date, amount and a composed description', () => {
    const result = planReconciliation(books(), 'in-1', { ...none, markInvoicesPaid: ['re-2026-0138'], bookings: [income(416500)] }, actor, 7);
    if (!result.ok) throw new Error(result.message);
    const { plan } = result;
    expect(plan.invoices).toEqual([{ row: 2, number: 'RE-2026-0138', status: 'paid', paidOn: '2026-10-05', paidBy: 'in-1' }]);
    expect(plan.bookings).toHaveLength(1);
    expect(plan.bookings[0]).toMatchObject({
      id: 'B-00007', date: '2026-10-05', type: 'income', amountMinor: 416500, currency: 'EUR', case: '00012/26', contact: 'K-001',
      invoice: 'RE-2026-0138', transaction: 'in-1', createdBy: actor.by, source: 'manual',
      description: 'Müller Bau GmbH, DE02 1203 0000 0000 2020 51: RE-2026-0138 Az. 00012/26',
    });
    expect(plan.summary).toBe('RE-2026-0138 paid; B-00007 income 4165.00 EUR (case 00012/26)');
    expect(plan.undo.invoices).toEqual([{ number: 'RE-2026-0138', status: 'open', paidOn: null, paidBy: '' }]);
  });

  it('gives bookings of money going out a negative amount and marks the payment order executed', () => {
    const result = planReconciliation(
      books(),
      'out-1',
      { ...none, markPaymentsExecuted: ['ZA-2026-0071'], bookings: [{ type: 'expense', amountMinor: 285000, caseId: null, contactId: null, invoiceNumber: null, paymentNumber: 'ZA-2026-0071', description: 'Miete' }] },
      actor,
      1,
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.plan.payments).toEqual([{ row: 2, number: 'ZA-2026-0071', status: 'executed', executedOn: '2026-10-05', executedBy: 'out-1' }]);
    expect(result.plan.bookings[0]).toMatchObject({ amountMinor: -285000, type: 'expense', payment: 'ZA-2026-0071', description: 'Miete' });
  });

  it('splits: the parts must add up to the transaction, to the cent', () => {
    const short = planReconciliation(books(), 'in-1', { ...none, bookings: [income(400000), income(16400, { type: 'client-money-in' })] }, actor, 1);
    expect(short).toEqual({ ok: false, message: 'The parts add up to 4164.00 EUR, the transaction is 4165.00 EUR: 1.00 EUR missing.' });
    const split = planReconciliation(books(), 'in-1', { ...none, bookings: [income(400000), income(16500, { type: 'client-money-in' })] }, actor, 1);
    if (!split.ok) throw new Error(split.message);
    expect(split.plan.bookings.map((b) => [b.id, b.type, b.amountMinor])).toEqual([['B-00001', 'income', 400000], ['B-00002', 'client-money-in', 16500]]);
  });

  it('refuses what does not fit: direction, booking type, paid or unknown items, strangers to the case, nothing to do', () => {
    const b = books();
    const message = (key: string, request: Partial<ReconcileRequest>) => {
      const result = planReconciliation(b, key, { ...none, ...request }, actor, 1);
      return result.ok ? 'ok' : result.message;
    };
    expect(message('in-1', {})).toMatch(/^Choose at least one action/);
    expect(message('out-1', { markInvoicesPaid: ['RE-2026-0138'] })).toMatch(/^Money going out cannot pay an invoice/);
    expect(message('in-1', { markPaymentsExecuted: ['ZA-2026-0071'] })).toMatch(/^Money coming in cannot execute a payment order/);
    expect(message('in-1', { markInvoicesPaid: ['RE-2026-0136'] })).toBe('Invoice RE-2026-0136 is already paid (on 2026-09-09).');
    expect(message('in-1', { markInvoicesPaid: ['RE-9999'] })).toBe('There is no invoice RE-9999 in the Invoices sheet.');
    expect(message('in-1', { bookings: [income(416500, { type: 'expense' })] })).toBe('The booking: "expense" does not fit money coming in.');
    expect(message('in-1', { bookings: [income(416500, { contactId: 'K-002' })] })).toBe('The booking: contact K-002 is not a party of case 00012/26.');
    expect(message('in-1', { bookings: [income(416500, { caseId: '00099/26' })] })).toBe('The booking: there is no case 00099/26 in the Cases sheet.');
    expect(message('nope', { bookings: [income(416500)] })).toMatch(/^There is no transaction "nope"/);
  });

  it('changes labels without case, keeps the first spelling, and records them for undo', () => {
    const result = planReconciliation(
      books(),
      'in-1',
      { ...none, markInvoicesPaid: ['RE-2026-0138'], labels: [{ caseId: '00012/26', add: ['Bezahlt', 'baurecht'], remove: ['zahlung offen'] }] },
      actor,
      1,
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.plan.labels).toEqual([{ row: 2, caseId: '00012/26', before: ['Baurecht', 'Zahlung offen'], after: ['Baurecht', 'Bezahlt'] }]);
  });

  it('refuses a transaction that a booking, a paid invoice or its row already marks as processed', () => {
    const b = books();
    b.transactions[0]!.processedBy = 'ben.krause@kanzlei-berger.example';
    b.transactions[0]!.processedAt = '2026-11-22T10:00:00+01:00';
    expect(planReconciliation(b, 'in-1', { ...none, bookings: [income(416500)] }, actor, 1)).toEqual({
      ok: false,
      message: 'This transaction was already processed by ben.krause@kanzlei-berger.example at 2026-11-22T10:00:00+01:00.',
    });
    const crashed = books();
    // An execution that died after writing the booking but before marking the row.
    crashed.bookings.push(booking({ id: 'B-00001', transaction: 'in-1', createdBy: 'anna', createdAt: '2026-11-22T09:00:00+01:00' }));
    expect(processedTrace(crashed, 'in-1')).toMatchObject({ by: 'anna', at: '2026-11-22T09:00:00+01:00' });
    expect(planReconciliation(crashed, 'in-1', { ...none, bookings: [income(416500)] }, actor, 2).ok).toBe(false);
  });

  it('composes descriptions from what there is', () => {
    expect(bookingDescription({ counterpartyName: '', counterpartyIban: null, purpose: 'Entgelt' })).toBe('Entgelt');
    expect(bookingDescription({ counterpartyName: 'A', counterpartyIban: null, purpose: '' })).toBe('A');
  });
});

function booking(more: Partial<BookingRow & { row: number }>): BookingRow & { row: number } {
  return {
    row: 2, id: 'B-00001', date: '2026-10-05', type: 'income', amountMinor: 416500, currency: 'EUR', description: '', case: '00012/26', contact: 'K-001',
    invoice: 'RE-2026-0138', payment: '', transaction: 'in-1', createdAt: '', createdBy: '', source: 'manual', exportedTo: '', exportId: '', exportedAt: '', exportedBy: '', exportStatus: '', accounting: emptyAccountingData(), taxAmountMinor: null, prefilled: {}, ...more,
  };
}

describe('planUndo', () => {
  it('restores the invoice, removes the bookings, takes back only the labels it changed', () => {
    const b = books();
    const planned = planReconciliation(
      b,
      'in-1',
      { ...none, markInvoicesPaid: ['RE-2026-0138'], bookings: [income(416500)], labels: [{ caseId: '00012/26', add: ['Bezahlt'], remove: ['Zahlung offen'] }] },
      actor,
      1,
    );
    if (!planned.ok) throw new Error(planned.message);
    // The books after writing the plan, and a label someone added since.
    b.invoices[0] = { ...b.invoices[0]!, status: 'paid', paidOn: '2026-10-05', paidBy: 'in-1' };
    b.bookings.push(booking({ row: 5 }));
    b.cases[0] = { ...b.cases[0]!, labels: ['Baurecht', 'Bezahlt', 'Mahnung'] };
    b.transactions[0]!.processedBy = actor.by;
    const undo = planUndo(b, 'in-1', parseUndoData(JSON.stringify(planned.plan.undo)));
    if (!undo.ok) throw new Error(undo.message);
    expect(undo.plan.invoices).toEqual([{ row: 2, number: 'RE-2026-0138', status: 'open', paidOn: null, paidBy: '' }]);
    expect(undo.plan.bookingRows).toEqual([5]);
    expect(undo.plan.labels).toEqual([{ row: 2, caseId: '00012/26', before: ['Baurecht', 'Bezahlt', 'Mahnung'], after: ['Baurecht', 'Mahnung', 'Zahlung offen'] }]);
    expect(undo.plan.transactionRow).toBe(2);
  });

  it('refuses once a booking is exported, and when there is nothing to undo', () => {
    const b = books();
    expect(planUndo(b, 'in-1', null)).toEqual({ ok: false, message: 'This transaction has not been processed: there is nothing to undo.' });
    b.bookings.push(booking({ exportedTo: 'DATEV', exportedAt: '2026-11-23T08:00:00+01:00' }));
    expect(planUndo(b, 'in-1', null)).toEqual({ ok: false, message: 'Booking B-00001 was exported to DATEV at 2026-11-23T08:00:00+01:00: it can no longer be undone.' });
  });

  it('works from the sheets alone when the log has no undo data', () => {
    const b = books();
    b.invoices[0] = { ...b.invoices[0]!, status: 'paid', paidOn: '2026-10-05', paidBy: 'in-1' };
    const undo = planUndo(b, 'in-1', parseUndoData('not json'));
    if (!undo.ok) throw new Error(undo.message);
    expect(undo.plan.invoices[0]).toMatchObject({ status: 'open', paidOn: null, paidBy: '' });
    expect(undo.plan.labels).toEqual([]);
  });
});
