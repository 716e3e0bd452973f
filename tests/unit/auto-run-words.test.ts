/**
 * The small pure parts of an automatic run: its id, what it worked on in words, its scope as the archive keeps it, and its
 * transactions read back for the summary, the details and the PDF report.
 */
import { emptyAccountingData } from '../../src/core/accounting/fields';
import { describe, expect, it } from 'vitest';
import type { Books } from '../../src/core/reconcile/books';
import { newRunId } from '../../src/core/reconcile/run-id';
import { countOutcomes, runItems, runReportOf, splitNumbers } from '../../src/core/reconcile/run-items';
import { scopeCell, scopeOfCell, statementWords } from '../../src/core/reconcile/run-statement';
import type { RunTransaction } from '../../src/core/reconcile/run-slice';

const RUN = 'RUN-20261122-140312';

describe('newRunId', () => {
  it('is the start in the spreadsheet\'s zone, with a suffix only where two runs share the second', () => {
    expect(newRunId('20261122-140312', new Set())).toBe(RUN);
    expect(newRunId('20261122-140312', new Set(['RUN-20261122-140311']))).toBe(RUN);
    expect(newRunId('20261122-140312', new Set([RUN]))).toBe(`${RUN}-2`);
    expect(newRunId('20261122-140312', new Set([RUN, `${RUN}-2`, `${RUN}-3`]))).toBe(`${RUN}-4`);
  });
});

describe('statementWords', () => {
  const row = (importFile: string, bookingDate: string, account = 'DE85370501980019283746') => ({ importFile, account, bookingDate });

  it('names the file, the account and the period, in the reader\'s language', () => {
    const rows = [row('sparkasse-2026-10.csv', '2026-10-30'), row('sparkasse-2026-10.csv', '2026-10-01'), row('sparkasse-2026-10.csv', '2026-10-12')];
    expect(statementWords(rows, 'de')).toBe('sparkasse-2026-10.csv · Konto DE85 3705 0198 0019 2837 46 · 01.10.2026 – 30.10.2026');
    expect(statementWords(rows, 'en')).toBe('sparkasse-2026-10.csv · account DE85 3705 0198 0019 2837 46 · 2026-10-01 – 2026-10-30');
    expect(statementWords([row('a.sta', '2026-11-02')], 'de')).toBe('a.sta · Konto DE85 3705 0198 0019 2837 46 · 02.11.2026');
  });

  it('lists several files and accounts briefly, rows typed in by hand as such, and says when there is nothing', () => {
    const rows = [
      row('a.csv', '2026-10-01'), row('b.sta', '2026-11-01', 'DE06370400440611408800'), row('c.xml', '2026-12-01'), row('d.csv', '2026-12-02'),
      row('', '2026-12-03', ''),
    ];
    expect(statementWords(rows, 'en')).toBe(
      'a.csv, b.sta, c.xml + 2 more · accounts DE85 3705 0198 0019 2837 46, DE06 3704 0044 0611 4088 00 · 2026-10-01 – 2026-12-03',
    );
    expect(statementWords([row('', '2026-12-03', '')], 'de')).toBe('von Hand erfasst · 03.12.2026');
    expect(statementWords([], 'de')).toBe('keine offenen Umsätze');
    expect(statementWords([], 'en')).toBe('no open transactions');
  });
});

describe('scope cells', () => {
  it('keep the scope readable and come back as it was', () => {
    expect(scopeCell({ kind: 'open' })).toBe('open');
    expect(scopeCell({ kind: 'import', fileName: 'sparkasse-2026-10.csv' })).toBe('file: sparkasse-2026-10.csv');
    for (const scope of [{ kind: 'open' } as const, { kind: 'import', fileName: 'Umsätze: Oktober.csv' } as const]) expect(scopeOfCell(scopeCell(scope))).toEqual(scope);
    // Anything else reads as the wider scope.
    expect(scopeOfCell('')).toEqual({ kind: 'open' });
    expect(scopeOfCell('file: ')).toEqual({ kind: 'open' });
  });
});

describe('the run\'s items', () => {
  const tx = (row: number, key: string, autoRun: string, runOutcome: string): RunTransaction => ({
    row, key, fingerprint: key, bookingDate: '2026-10-01', valueDate: null, counterpartyName: `Party ${row}`, counterpartyIban: null, purpose: `Purpose ${row}`,
    amountMinor: row * 100, currency: 'EUR', bookingType: '', importFile: 'x.csv', matchStatus: '', processedBy: '', processedAt: '', processedAs: '', autoRun, runOutcome, account: '',
  });
  const books: Books = {
    transactions: [tx(2, 'a', RUN, 'booked'), tx(3, 'b', RUN, 'review'), tx(4, 'c', 'RUN-OTHER', 'none'), tx(5, 'd', RUN, 'none'), tx(6, 'e', RUN, ''), tx(7, 'f', '', '')],
    invoices: [], payments: [], contacts: [], cases: [],
    bookings: [
      { row: 2, id: 'B-00007', date: '2026-10-01', type: 'income', amountMinor: 100, currency: 'EUR', description: '', case: '', contact: '', invoice: 'RE-1', payment: '', transaction: 'a', createdAt: '', createdBy: '', source: RUN, exportedTo: '', exportId: '', exportedAt: '', exportedBy: '', exportStatus: '', accounting: emptyAccountingData(), taxAmountMinor: null, prefilled: {} },
      { row: 3, id: 'B-00008', date: '2026-10-01', type: 'income', amountMinor: 100, currency: 'EUR', description: '', case: '', contact: '', invoice: 'RE-2', payment: '', transaction: 'a', createdAt: '', createdBy: '', source: RUN, exportedTo: '', exportId: '', exportedAt: '', exportedBy: '', exportStatus: '', accounting: emptyAccountingData(), taxAmountMinor: null, prefilled: {} },
      { row: 4, id: 'B-00009', date: '2026-10-01', type: 'income', amountMinor: 300, currency: 'EUR', description: '', case: '', contact: '', invoice: '', payment: '', transaction: 'b', createdAt: '', createdBy: '', source: 'manual', exportedTo: '', exportId: '', exportedAt: '', exportedBy: '', exportStatus: '', accounting: emptyAccountingData(), taxAmountMinor: null, prefilled: {} },
    ],
  };
  const texts = (row: number) => ({ matchReason: `reason ${row}`, matchNumbers: row === 2 ? 'RE-1, RE-2' : '' });

  it('are the rows with the run\'s id and an outcome, with reason, own bookings and numbers', () => {
    const items = runItems(books, RUN, texts);
    expect(items.map((i) => [i.key, i.outcome, i.reason, i.bookingIds, i.numbers])).toEqual([
      ['a', 'booked', 'reason 2', ['B-00007', 'B-00008'], ['RE-1', 'RE-2']],
      // A booking made by hand for it later is not the run's.
      ['b', 'review', 'reason 3', [], []],
      ['d', 'none', 'reason 5', [], []],
    ]);
    expect(items[0]).toMatchObject({ row: 2, bookingDate: '2026-10-01', counterpartyName: 'Party 2', purpose: 'Purpose 2', amountMinor: 200, currency: 'EUR' });
  });

  it('count by outcome, with what is left to decide in the total', () => {
    expect(countOutcomes(['booked', 'review', 'none', 'none', '', 'x'], 5)).toEqual({ total: 9, done: 4, booked: 1, review: 1, none: 2 });
    expect(countOutcomes([], 0)).toEqual({ total: 0, done: 0, booked: 0, review: 0, none: 0 });
    expect(splitNumbers('RE-1, RE-2;ZA-3 ,')).toEqual(['RE-1', 'RE-2', 'ZA-3']);
  });

  it('make the PDF report\'s content', () => {
    const report = runReportOf(
      { runId: RUN, statement: 'x.csv', scope: { kind: 'import', fileName: 'x.csv' }, startedAt: '2026-11-22T14:03:12+01:00', finishedAt: '2026-11-22T14:03:40+01:00', by: 'anna@x.example' },
      runItems(books, RUN, texts),
    );
    expect(report.counts).toEqual({ total: 3, booked: 1, review: 1, none: 1 });
    expect(report.items[0]).toEqual({
      bookingDate: '2026-10-01', counterpartyName: 'Party 2', purpose: 'Purpose 2', amountMinor: 200, currency: 'EUR', outcome: 'booked', reason: 'reason 2',
      bookingIds: ['B-00007', 'B-00008'], numbers: ['RE-1', 'RE-2'],
    });
    expect(report).toMatchObject({ runId: RUN, scope: { kind: 'import', fileName: 'x.csv' }, by: 'anna@x.example' });
  });
});
