/**
 * The automatic run's server module on the local runtime's services (no bundle needed): a slice stops when its time or
 * its count is used up and the next one goes on where it stopped, the run finishes in the call that decides the last
 * transactions while that call is young (else in the next), and a damaged run record does not lock the spreadsheet.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime, type CellValue, type LocalRuntime, type WorkbookSeed } from '../../local/runtime';
import { october2026 } from '../../local/sample/statement';
import { sampleWorkbook } from '../../local/sample/workbook';
import { parseDate } from '../../src/core/calendar/date';
import { parseAmount } from '../../src/core/money/amount';
import { transactionCells, transactionsTable } from '../../src/core/tables/transactions';
import { continueAutoRun, getAutoRun, MAX_PER_SLICE, SLICE_MS, startAutoRun, type SliceOptions } from '../../src/server/use-cases/auto-run';

/** The runtime's services without a bundle: the module under test runs in the test itself. */
const noBundle = mkdtempSync(path.join(tmpdir(), 'kontomatch-no-bundle-'));

/** The sample workbook with the October statement as the import writes it (22 booked lines). */
function workbook(): WorkbookSeed {
  const seed = sampleWorkbook();
  const lines = october2026.filter((l) => l.info !== 'Umsatz vorgemerkt');
  const rows = lines.map((line, i) => {
    const date = parseDate(line.booked, ['dd.mm.yy']);
    const amount = parseAmount(line.amount, { decimalSeparator: ',', thousandsSeparator: '', currency: 'EUR' });
    if (!date.ok || !amount.ok) throw new Error(`sample line ${i} unreadable`);
    const cells = transactionCells(
      {
        bookingDate: date.iso, valueDate: null, amountMinor: amount.minor, currency: 'EUR', counterpartyName: line.counterparty.name,
        counterpartyIban: line.counterparty.iban === '' ? null : line.counterparty.iban, purpose: line.purpose, bookingType: line.text, fingerprint: `oct-${i + 1}`,
      },
      { account: 'DE85370501980019283746', fileName: 'sparkasse-2026-10.csv', importedAt: new Date(Date.UTC(2026, 10, 2, 8)), importedBy: 'anna@kanzlei.example' },
    );
    return transactionsTable.columns.map((c) => (cells[c.key] ?? '') as CellValue);
  });
  return { ...seed, sheets: { ...seed.sheets, Transactions: [transactionsTable.columns.map((c) => c.header), ...rows] } };
}

function runtime(): LocalRuntime {
  return createRuntime({ bundleDir: noBundle, workbook: workbook(), userLocale: 'en' });
}

/** A clock that moves one second each time it is read. */
function ticking(): () => number {
  let ms = Date.UTC(2026, 10, 22, 13, 0, 0);
  return () => (ms += 1000);
}

/** Starts a run and continues it to the end; `options` per call. */
function runAll(rt: LocalRuntime, options: SliceOptions | (() => SliceOptions)): Array<{ done: number; state: string }> {
  const next = typeof options === 'function' ? options : () => options;
  const calls: Array<{ done: number; state: string }> = [];
  let status = startAutoRun(rt.services, { scope: { kind: 'open' } }, next());
  calls.push({ done: status.done, state: status.state });
  while (status.state === 'running') {
    status = continueAutoRun(rt.services, { runId: status.runId }, next());
    calls.push({ done: status.done, state: status.state });
  }
  return calls;
}

function outcomes(rt: LocalRuntime): string[] {
  const [header, ...rows] = rt.spreadsheet.sheet('Transactions').values();
  const at = (header as string[]).indexOf('Run outcome');
  return rows.map((r) => String(r[at]));
}

describe('the slices of an automatic run', () => {
  it('has its limits as named constants', () => {
    expect(MAX_PER_SLICE).toBe(250);
    expect(SLICE_MS).toBe(20_000);
  });

  it('stops a slice when its time is used up; the next goes on where it stopped', () => {
    const rt = runtime();
    // Each transaction takes a second here: 5 s per slice is 5 transactions.
    const calls = runAll(rt, { sliceMs: 5000, now: ticking() });
    expect(calls).toEqual([
      { done: 5, state: 'running' },
      { done: 10, state: 'running' },
      { done: 15, state: 'running' },
      { done: 20, state: 'running' },
      // The last two leave the call young enough to finish the run.
      { done: 22, state: 'finished' },
    ]);
    expect(outcomes(rt).filter((o) => o === 'booked')).toHaveLength(13);
    expect(outcomes(rt).every((o) => ['booked', 'review', 'none'].includes(o))).toBe(true);
    expect(rt.spreadsheet.sheet('Bookings').values()).toHaveLength(1 + 14);
    expect(rt.spreadsheet.sheet('Archive').values()).toHaveLength(2);
  });

  it('stops a slice at its count; a call that is already old leaves the finishing to the next', () => {
    const counted = runtime();
    expect(runAll(counted, { maxTransactions: 7, now: ticking() })).toEqual([
      { done: 7, state: 'running' },
      { done: 14, state: 'running' },
      { done: 21, state: 'running' },
      { done: 22, state: 'finished' },
    ]);
    const slow = runtime();
    // Reading the books takes half a minute in each call, deciding no time: the call deciding the last transactions is
    // too old to finish the run as well.
    const calls = runAll(slow, () => {
      let reads = 0;
      return { maxTransactions: 10, now: () => (reads++ === 0 ? 0 : 30_000) };
    });
    expect(calls).toEqual([
      { done: 10, state: 'running' },
      { done: 20, state: 'running' },
      { done: 22, state: 'running' },
      { done: 22, state: 'finished' },
    ]);
    expect(outcomes(slow)).toEqual(outcomes(counted));
  });

  it('keeps a damaged run record from locking the spreadsheet', () => {
    const rt = runtime();
    rt.documentProperties.setProperty('autoRun.current', '{"runId":');
    expect(getAutoRun(rt.services).run).toBeNull();
    expect(() => continueAutoRun(rt.services, { runId: 'RUN-20261122-140000' })).toThrow(
      'The record of the unfinished automatic run is damaged: start the run again (what it has booked so far stays booked).',
    );
    const status = startAutoRun(rt.services, { scope: { kind: 'open' } });
    expect(status).toMatchObject({ state: 'finished', total: 22, booked: 13 });
    expect(rt.documentProperties.getProperty('autoRun.current')).toBeNull();
  });
});
