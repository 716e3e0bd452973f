/**
 * One slice of an automatic run, planned on books held in memory: what is still to do, what is booked and what is left to
 * a person, the slice's limits, and — the point of it all — a transaction booked by a slice that died before marking it
 * is completed, never booked again.
 */
import { emptyAccountingData } from '../../src/core/accounting/fields';
import { describe, expect, it } from 'vitest';
import type { Books } from '../../src/core/reconcile/books';
import { planReconciliation } from '../../src/core/reconcile/plan';
import { booksAfterSlice, openTransactions, planSlice, runQueue, type RunTransaction, type SliceInput } from '../../src/core/reconcile/run-slice';
import type { BookingRow } from '../../src/core/tables/bookings';

const RUN = 'RUN-20261122-140312';
const ANNA = 'anna@kanzlei.example';

const tx = (row: number, key: string, amountMinor: number, purpose: string, more: Partial<RunTransaction> = {}): RunTransaction => ({
  row, key, fingerprint: key, bookingDate: '2026-10-0' + (row % 9 || 1), valueDate: null, counterpartyName: 'Müller Bau GmbH',
  counterpartyIban: null, purpose, amountMinor, currency: 'EUR', bookingType: '', importFile: 'oktober.csv', matchStatus: '',
  processedBy: '', processedAt: '', processedAs: '', autoRun: '', runOutcome: '', account: '', ...more,
});

const invoice = (row: number, number: string, amountMinor: number, more: Partial<Books['invoices'][number]> = {}): Books['invoices'][number] => ({
  row, number, date: null, dueDate: null, contact: 'K-001', case: '00012/26', amountMinor, currency: 'EUR', status: 'open', paidOn: null, paidBy: '', ...more,
});

function books(overrides: Partial<Books> = {}): Books {
  return {
    transactions: [
      tx(2, 't1', 416500, 'Rechnung RE-2026-0138'),
      tx(3, 't2', 416500, 'RE-2026-0138 nochmals überwiesen'),
      tx(4, 't3', -6437, 'Kartenzahlung Bürobedarf', { counterpartyName: 'Schreiber' }),
      tx(5, 't4', 119000, 'RE-2026-0141 Nachlass'),
      tx(6, 't5', 83300, 'RE-2026-0140', { processedBy: 'ben@kanzlei.example' }),
      tx(7, 't6', -285000, 'Miete Oktober', { counterpartyName: 'Rheinblick Immobilien KG', counterpartyIban: 'DE68370501980003318822', importFile: 'other.csv' }),
    ],
    invoices: [invoice(2, 'RE-2026-0138', 416500), invoice(3, 'RE-2026-0140', 83300), invoice(4, 'RE-2026-0141', 119000, { case: '00011/26' })],
    payments: [{ row: 2, number: 'ZA-2026-0071', payee: 'Rheinblick Immobilien KG', iban: 'DE68370501980003318822', amountMinor: 285000, currency: 'EUR', status: 'pending', case: '', executedOn: null, executedBy: '' }],
    contacts: [{ row: 2, id: 'K-001', name: 'Müller Bau GmbH', ibans: [] }],
    cases: [
      { row: 2, id: '00012/26', name: 'Müller Bau ./. Schneider', contactIds: ['K-001'], status: 'active', labels: [] },
      { row: 3, id: '00011/26', name: 'Nachlass', contactIds: [], status: 'active', labels: [] },
    ],
    bookings: [],
    ...overrides,
  };
}

const input = (b: Books, more: Partial<SliceInput> = {}): SliceInput => ({
  books: b,
  runId: RUN,
  actor: { by: ANNA, source: RUN },
  settings: {},
  inScope: () => true,
  limits: { maxTransactions: 250, timeUp: () => false },
  ...more,
});

/** A booking as the sheet holds it after the dead slice wrote it. */
const booking = (id: string, transaction: string, amountMinor: number, more: Partial<BookingRow> = {}): BookingRow & { row: number } => ({
  row: 2, id, date: '2026-10-02', type: 'income', amountMinor, currency: 'EUR', description: 'Müller Bau GmbH: Rechnung RE-2026-0138', case: '00012/26',
  contact: 'K-001', invoice: 'RE-2026-0138', payment: '', transaction, createdAt: '2026-11-22T14:03:13+01:00', createdBy: ANNA, source: RUN,
  exportedTo: '', exportId: '', exportedAt: '', exportedBy: '', exportStatus: '', accounting: emptyAccountingData(), taxAmountMinor: null, prefilled: {}, ...more,
});

describe('planSlice', () => {
  it('books sure matches in sheet order, never one invoice twice, and leaves the rest with the reason', () => {
    const slice = planSlice(input(books()));
    expect(slice.decided).toBe(5);
    expect(slice.remaining).toBe(0);
    expect(slice.doneBefore).toBe(0);
    expect(slice.booked.map((b) => [b.plan.transaction.key, b.completed, b.plan.bookings.map((x) => x.id), b.cells['runOutcome']])).toEqual([
      ['t1', false, ['B-00001'], 'booked'],
      ['t4', false, ['B-00002'], 'booked'],
      ['t6', false, ['B-00003'], 'booked'],
    ]);
    expect(slice.booked[0]!.plan.summary).toBe('RE-2026-0138 paid; B-00001 income 4165.00 EUR (case 00012/26)');
    expect(slice.booked[0]!.plan.bookings[0]).toMatchObject({ source: RUN, createdBy: ANNA, transaction: 't1', invoice: 'RE-2026-0138', amountMinor: 416500 });
    expect(slice.booked[0]!.cells).toMatchObject({ autoRun: RUN, matchStatus: 'auto', matchNumbers: 'RE-2026-0138', matchCase: '00012/26', matchMethod: 'exact' });
    // The second payment of RE-2026-0138: sure for the matcher, but the invoice is taken — a person looks at it.
    expect(slice.leftOpen.get(3)).toMatchObject({
      autoRun: RUN, runOutcome: 'review', matchStatus: 'review', matchNumbers: 'RE-2026-0138', matchReason: 'RE-2026-0138 was already settled by another transaction of this run',
    });
    expect(slice.leftOpen.get(4)).toMatchObject({ autoRun: RUN, runOutcome: 'none', matchStatus: 'none', matchNumbers: '' });
    // Processed by hand: not the run's business.
    expect(slice.leftOpen.has(6)).toBe(false);
    expect(slice.booked.some((b) => b.plan.transaction.key === 't5')).toBe(false);
  });

  it('decides only the rows the run was started for', () => {
    const b = books();
    const slice = planSlice(input(b, { inScope: (t) => t.importFile === 'oktober.csv' }));
    expect(slice.decided).toBe(4);
    expect(slice.booked.map((x) => x.plan.transaction.key)).toEqual(['t1', 't4']);
    expect(runQueue(b, RUN, (t) => t.importFile === 'other.csv').queue.map((t) => t.key)).toEqual(['t6']);
    // The rent of the other file: the payee's IBAN and the amount point at the payment order.
    const all = planSlice(input(books({ transactions: [books().transactions[5]!] })));
    expect(all.booked.map((x) => [x.plan.summary, x.plan.bookings[0]!.type, x.plan.bookings[0]!.amountMinor])).toEqual([
      ['ZA-2026-0071 executed; B-00001 expense 2850.00 EUR', 'expense', -285000],
    ]);
  });

  it('stops at the slice limits, always deciding at least one', () => {
    expect(planSlice(input(books(), { limits: { maxTransactions: 2, timeUp: () => false } }))).toMatchObject({ decided: 2, remaining: 3 });
    expect(planSlice(input(books(), { limits: { maxTransactions: 250, timeUp: () => true } }))).toMatchObject({ decided: 1, remaining: 4 });
    let asked = 0;
    const slice = planSlice(input(books(), { limits: { maxTransactions: 250, timeUp: () => ++asked >= 3 } }));
    expect(slice).toMatchObject({ decided: 3, remaining: 2 });
    expect(asked).toBe(3);
  });

  it('continues in the next slice where the last one stopped, numbering bookings on', () => {
    const first = planSlice(input(books(), { limits: { maxTransactions: 1, timeUp: () => false } }));
    const after = booksAfterSlice(books(), first, ANNA);
    expect(after.transactions.find((t) => t.key === 't1')).toMatchObject({ autoRun: RUN, runOutcome: 'booked', processedBy: ANNA, processedAs: first.booked[0]!.plan.summary });
    expect(after.invoices[0]).toMatchObject({ status: 'paid', paidBy: 't1', paidOn: '2026-10-02' });
    expect(after.bookings.map((b) => b.id)).toEqual(['B-00001']);
    const second = planSlice(input(after));
    expect(second).toMatchObject({ doneBefore: 1, decided: 4, remaining: 0 });
    expect(second.booked.map((b) => [b.plan.transaction.key, b.plan.bookings.map((x) => x.id)])).toEqual([['t4', ['B-00002']], ['t6', ['B-00003']]]);
    // RE-2026-0138 is paid now: the second payment of it is not booked.
    expect(second.leftOpen.get(3)!['runOutcome']).not.toBe('booked');
    expect(runQueue(booksAfterSlice(after, second, ANNA), RUN, () => true)).toMatchObject({ queue: [], completions: new Set() });
  });

  it('completes a transaction whose booking a dead slice wrote — the same plan, no second booking', () => {
    const uninterrupted = planSlice(input(books())).booked[0]!.plan;
    // Died after appending the booking, before marking the invoice and the row.
    const died = books({ bookings: [booking('B-00001', 't1', 416500)] });
    const queue = runQueue(died, RUN, () => true);
    expect(queue.completions).toEqual(new Set(['t1']));
    expect(queue.queue.map((t) => t.key)).toEqual(['t1', 't2', 't3', 't4', 't6']);
    const slice = planSlice(input(died));
    const completed = slice.booked[0]!;
    expect(completed.completed).toBe(true);
    expect(completed.plan.bookings).toEqual([]);
    expect(completed.plan.summary).toBe(uninterrupted.summary);
    expect(completed.plan.undo).toEqual(uninterrupted.undo);
    expect(completed.plan.invoices).toEqual([{ row: 2, number: 'RE-2026-0138', status: 'paid', paidOn: '2026-10-02', paidBy: 't1' }]);
    expect(completed.cells).toMatchObject({ runOutcome: 'booked', matchReason: 'RE-2026-0138 found in purpose; amount equal' });
    // The rest goes on as if nothing had happened: the same decisions, the next booking number.
    expect(slice.booked.map((b) => [b.plan.transaction.key, b.plan.bookings.map((x) => x.id)])).toEqual([['t1', []], ['t4', ['B-00002']], ['t6', ['B-00003']]]);
    expect(slice.leftOpen.get(3)!['matchReason']).toBe('RE-2026-0138 was already settled by another transaction of this run');
  });

  it('completes alike when the dead slice had marked the invoice, or written its status without "paid by"', () => {
    const paid = planSlice(input(books({ bookings: [booking('B-00001', 't1', 416500)], invoices: [invoice(2, 'RE-2026-0138', 416500, { status: 'paid', paidOn: '2026-10-02', paidBy: 't1' }), ...books().invoices.slice(1)] })));
    const halfWritten = planSlice(input(books({
      bookings: [{ ...booking('B-00001', 't6', -285000), type: 'expense', invoice: '', payment: 'ZA-2026-0071', case: '', contact: '', description: 'Rheinblick Immobilien KG: Miete Oktober' }],
      payments: [{ ...books().payments[0]!, status: 'executed' }],
    })));
    expect(paid.booked[0]).toMatchObject({ completed: true, plan: { summary: 'RE-2026-0138 paid; B-00001 income 4165.00 EUR (case 00012/26)' } });
    const rent = halfWritten.booked.find((b) => b.plan.transaction.key === 't6')!;
    expect(rent).toMatchObject({ completed: true, plan: { summary: 'ZA-2026-0071 executed; B-00001 expense 2850.00 EUR', bookings: [] } });
    expect(rent.plan.payments).toEqual([{ row: 2, number: 'ZA-2026-0071', status: 'executed', executedOn: '2026-10-07', executedBy: 't6' }]);
  });

  it('completes from the bookings found where the plan cannot be made again as it was', () => {
    // The booking in the sheet is not what the run would book now (edited by hand in between): it stays, and the row
    // is completed from it.
    const edited = books({ bookings: [booking('B-00001', 't1', 416500, { type: 'client-money-in' })] });
    const slice = planSlice(input(edited));
    const completed = slice.booked[0]!;
    expect(completed).toMatchObject({ completed: true, plan: { summary: 'RE-2026-0138 paid; B-00001 client money in 4165.00 EUR (case 00012/26)', bookings: [] } });
    expect(completed.plan.invoices).toEqual([{ row: 2, number: 'RE-2026-0138', status: 'paid', paidOn: '2026-10-02', paidBy: 't1' }]);
    expect(completed.cells['matchReason']).toBe('booked by this run before an interruption (B-00001); completed from its bookings');
    // An invoice someone else has settled meanwhile is left as it is.
    const settled = books({
      bookings: [booking('B-00001', 't1', 416500)],
      invoices: [invoice(2, 'RE-2026-0138', 416500, { status: 'paid', paidOn: '2026-10-03', paidBy: 'another' }), ...books().invoices.slice(1)],
    });
    const other = planSlice(input(settled)).booked[0]!;
    expect(other).toMatchObject({ completed: true, plan: { invoices: [], summary: 'B-00001 income 4165.00 EUR (case 00012/26)' } });
  });

  it('counts rows this run has decided as done, and never touches them again', () => {
    const decided = books({
      transactions: books().transactions.map((t) => (t.key === 't3' ? { ...t, autoRun: RUN, runOutcome: 'none' } : t.key === 't2' ? { ...t, autoRun: 'RUN-20261101-090000', runOutcome: 'review' } : t)),
    });
    const queue = runQueue(decided, RUN, () => true);
    expect(queue.done.map((t) => t.key)).toEqual(['t3']);
    // A row an earlier run left open is open: decided again.
    expect(queue.queue.map((t) => t.key)).toEqual(['t1', 't2', 't4', 't6']);
    expect(planSlice(input(decided)).leftOpen.has(4)).toBe(false);
    expect(openTransactions(decided).map((t) => t.key)).toEqual(['t1', 't2', 't3', 't4', 't6']);
  });

  it('plans what the planner accepts: each booked plan could be written as it stands', () => {
    const b = books();
    for (const { plan } of planSlice(input(b)).booked) {
      const again = planReconciliation(b, plan.transaction.key, {
        markInvoicesPaid: plan.invoices.map((i) => i.number), markPaymentsExecuted: plan.payments.map((p) => p.number), labels: [],
        bookings: plan.bookings.map((x) => ({ type: x.type, amountMinor: Math.abs(x.amountMinor), caseId: x.case || null, contactId: x.contact || null, invoiceNumber: x.invoice || null, paymentNumber: x.payment || null, description: x.description })),
      }, { by: ANNA, source: RUN }, Number(plan.bookings[0]!.id.slice(2)));
      expect(again.ok && again.plan.summary).toBe(plan.summary);
    }
  });
});
