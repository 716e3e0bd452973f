/**
 * An automatic run that is cut off — Apps Script ends every execution after 6 minutes, and a connection can drop at any
 * moment — must resume where it stopped: nothing booked twice, nothing lost. Through the built bundle in the local
 * runtime: the run is killed at every single write it makes (one test per write), then continued until it finishes, and
 * the sheets must hold exactly what an uninterrupted run writes. Then a statement of 1,100 transactions, worked in
 * slices, each far below the 6-minute limit on a slow platform. Run `npm run build` first.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime, createWorkbook, type CellValue, type LocalRuntime, type WorkbookSeed } from '../../local/runtime';
import { clients } from '../../local/sample/parties';
import { sampleWorkbook } from '../../local/sample/workbook';
import { toSerialDay } from '../../src/core/calendar/date';
import { transactionCells, transactionsTable } from '../../src/core/tables/transactions';
import type { Contract, RequestOf, ResponseOf } from '../../src/shared/contract';

const dist = path.resolve(__dirname, '../../dist');
const FILE = 'sparkasse-2026-10.csv';
const october = readFileSync(path.resolve(__dirname, '../../local/sample/sparkasse-2026-10.csv'));
const ANNA = 'anna.berger@kanzlei-berger.example';
const START = Date.UTC(2026, 10, 22, 13, 3, 12);
const MAX_EXECUTION_MS = 6 * 60 * 1000;

type Call = <K extends keyof Contract>(name: K, request: RequestOf<K>) => ResponseOf<K>;
const caller = (rt: LocalRuntime): Call => (name, request) => rt.call(name, request) as never;
type Row = Record<string, CellValue>;

/** Every call that changes the workbook, the properties or the user's Drive. */
const WRITE = /^(Range\.(setValues|setNumberFormats?|setFontWeight|clearContent)|Sheet\.(insert|delete|setFrozenRows)|Spreadsheet\.insertSheet|DriveApp\.createFile|Properties\.(setProperty|deleteProperty))/;
const isWrite = (key: string): boolean => WRITE.test(key);

function table(rt: LocalRuntime, name: string): Row[] {
  const sheet = rt.spreadsheet.getSheetByName(name);
  if (sheet === null) return [];
  const [header, ...rows] = rt.spreadsheet.sheet(name).values();
  return rows.filter((r) => r.some((c) => c !== '')).map((row) => Object.fromEntries((header as string[]).map((h, i) => [h, row[i]!])));
}

const without = (rows: Row[], keys: readonly string[]): Row[] => rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k))));
const minor = (amount: CellValue): number => Math.round(Number(amount) * 100);

/** What the run leaves behind, without what differs between two runs by nature: timestamps, run ids, report links. */
function contents(rt: LocalRuntime) {
  return {
    transactions: without(table(rt, 'Transactions'), ['Processed at', 'Automatic run']),
    bookings: without(table(rt, 'Bookings'), ['Created at', 'Source']),
    invoices: table(rt, 'Invoices'),
    payments: table(rt, 'Payments'),
    log: without(table(rt, 'Log'), ['At']),
    archive: without(table(rt, 'Archive'), ['Run', 'Started at', 'Finished at', 'Report']),
  };
}

/** The sidebar's loop: continue the unfinished run until it is finished; start one where there is none. */
function runToTheEnd(call: Call, scope: RequestOf<'startAutoRun'>['scope'], maxCalls = 20): { calls: number; killed: number } {
  let killed = 0;
  for (let calls = 1; calls <= maxCalls; calls++) {
    try {
      const run = call('getAutoRun', {}).run;
      // A run whose start died before it was recorded is simply started again; one recorded is continued.
      const status = run === null ? (call('listArchive', {}).entries.length > 0 ? null : call('startAutoRun', { scope })) : call('continueAutoRun', { runId: run.runId });
      if (status === null || status.state === 'finished') return { calls, killed };
    } catch (error) {
      if (!String(error).includes('Exceeded maximum execution time')) throw error;
      killed++;
    }
  }
  throw new Error(`the run did not finish in ${maxCalls} calls`);
}

/** Nothing booked twice, nothing lost: every transaction decided once, each booked one with bookings adding up to it. */
function expectWhole(rt: LocalRuntime, runs = 1): void {
  const transactions = table(rt, 'Transactions');
  const bookings = table(rt, 'Bookings');
  expect(transactions.filter((t) => !['booked', 'review', 'none'].includes(String(t['Run outcome'])))).toEqual([]);
  expect(new Set(bookings.map((b) => b['Booking'])).size).toBe(bookings.length);
  for (const t of transactions) {
    const parts = bookings.filter((b) => b['Transaction'] === t['Fingerprint']);
    if (t['Run outcome'] === 'booked') expect(parts.reduce((sum, b) => sum + minor(b['Amount']!), 0)).toBe(minor(t['Amount']!));
    else expect(parts).toEqual([]);
  }
  // Every invoice paid and payment order executed names a transaction the run booked.
  const booked = new Set(transactions.filter((t) => t['Run outcome'] === 'booked').map((t) => t['Fingerprint']));
  const settledBy = [...table(rt, 'Invoices').map((i) => i['Paid by transaction']), ...table(rt, 'Payments').map((p) => p['Executed by transaction'])];
  expect(settledBy.filter((k) => k !== '' && !booked.has(k))).toEqual([]);
  expect(table(rt, 'Archive')).toHaveLength(runs);
  expect(rt.documentProperties.getProperty('autoRun.current')).toBeNull();
  // The archive links a report that exists and names the run.
  const entry = table(rt, 'Archive')[0]!;
  const report = rt.drive.files().find((f) => f.url === entry['Report']);
  expect(report?.bytes.toString('latin1')).toContain(String(entry['Run']));
}

function octoberRuntime(): { rt: LocalRuntime; call: Call } {
  const rt = createRuntime({ bundleDir: dist, workbook: createWorkbook(sampleWorkbook()), user: ANNA, userLocale: 'en', clock: { startMs: START, perCallMs: 10 } });
  const call = caller(rt);
  expect(call('importStatement', { fileName: FILE, contentBase64: october.toString('base64'), importGoodRows: false, acceptWarnings: true }).status).toBe('imported');
  call('matchTransactions', {});
  return { rt, call };
}

/**
 * A workbook with `n` generated transactions of one statement file: client payments quoting an invoice of the sample's
 * clients exactly (a sure match each), every tenth a card payment that matches nothing, and every 25th a client paying
 * an invoice a second time (the invoice of the transaction 20 rows up: in the same slice or the one before).
 */
function generatedWorkbook(n: number): { seed: WorkbookSeed; duplicates: number; unrelated: number } {
  const seed = sampleWorkbook();
  const pairs = seed.sheets!.Invoices!.slice(1).map((r) => [String(r[3]), String(r[4])] as const);
  const invoices: CellValue[][] = [seed.sheets!.Invoices![0]!];
  const rows: CellValue[][] = [transactionsTable.columns.map((c) => c.header)];
  const parties = Object.values(clients);
  const importedAt = new Date(Date.UTC(2027, 3, 1, 8));
  const numberOf = (k: number) => `RE-2027-${String(k + 1).padStart(4, '0')}`;
  const amountOf = (k: number) => 10000 + ((k * 3779) % 500000);
  let duplicates = 0;
  let unrelated = 0;
  for (let k = 0; k < n; k++) {
    const [contact, theCase] = pairs[k % pairs.length]!;
    const client = parties.find((c) => c.id === contact)!;
    invoices.push([numberOf(k), toSerialDay('2026-12-15'), toSerialDay('2027-01-15'), contact, theCase, amountOf(k) / 100, 'EUR', 'open', '', '']);
    const again = k % 25 === 24;
    const card = !again && k % 10 === 9;
    duplicates += again ? 1 : 0;
    unrelated += card ? 1 : 0;
    // (Never a card payment's row: its invoice was not paid before.)
    const paid = again ? ((k - 20) % 10 === 9 ? k - 21 : k - 20) : k;
    const cells = transactionCells(
      {
        bookingDate: `2027-0${1 + (k % 3)}-${String(1 + (k % 28)).padStart(2, '0')}`, valueDate: null,
        amountMinor: card ? -(1000 + k) : amountOf(paid), currency: 'EUR',
        counterpartyName: card ? 'Bürobedarf Schreiber' : client.name, counterpartyIban: card ? null : client.accounts[0]!.iban,
        purpose: card ? `Kartenzahlung Filiale ${k}` : `Rechnung ${numberOf(paid)} vielen Dank`, bookingType: 'GUTSCHR. UEBERWEISUNG', fingerprint: `gen-${k}`,
      },
      { account: 'DE85370501980019283746', fileName: 'generated-2027.csv', importedAt, importedBy: ANNA },
    );
    rows.push(transactionsTable.columns.map((c) => (cells[c.key] ?? '') as CellValue));
  }
  const dateColumns = Object.fromEntries(
    transactionsTable.columns.flatMap((c, i) => (c.kind === 'date' ? [[i, 'dd.mm.yyyy']] : c.kind === 'timestamp' ? [[i, 'dd.mm.yyyy hh:mm:ss']] : c.kind === 'amount' ? [[i, '#,##0.00']] : [])),
  );
  return {
    seed: { ...seed, sheets: { ...seed.sheets, Invoices: invoices, Transactions: rows }, numberFormats: { ...seed.numberFormats, Transactions: dateColumns } },
    duplicates,
    unrelated,
  };
}

describe('an interrupted automatic run', () => {
  it('resumes after a kill at any of its writes and ends exactly as an uninterrupted run', () => {
    const reference = octoberRuntime();
    reference.rt.counters.reset();
    expect(reference.call('startAutoRun', { scope: { kind: 'import', fileName: FILE } }).state).toBe('finished');
    const writes = Object.entries(reference.rt.counters.snapshot()).filter(([key]) => isWrite(key)).reduce((sum, [, n]) => sum + n, 0);
    expectWhole(reference.rt);
    const expected = contents(reference.rt);
    expect(expected.bookings).toHaveLength(14);
    expect(writes).toBeGreaterThan(20);

    for (let n = 1; n <= writes; n++) {
      const { rt, call } = octoberRuntime();
      rt.killAfter(n, isWrite);
      const { killed } = runToTheEnd(call, { kind: 'import', fileName: FILE });
      expect({ n, killed }).toEqual({ n, killed: 1 });
      expectWhole(rt);
      expect({ n, ...contents(rt) }).toEqual({ n, ...expected });
    }
  });

  it('resumes a run of several slices after a kill at any write of its second slice', () => {
    const { seed } = generatedWorkbook(300);
    const fresh = () => {
      const rt = createRuntime({ bundleDir: dist, workbook: createWorkbook(seed), user: ANNA, userLocale: 'en', clock: { startMs: Date.UTC(2027, 3, 2, 9), perCallMs: 1 } });
      return { rt, call: caller(rt) };
    };
    const reference = fresh();
    const first = reference.call('startAutoRun', { scope: { kind: 'open' } });
    expect(first).toMatchObject({ state: 'running', done: 250, total: 300 });
    reference.rt.counters.reset();
    expect(reference.call('continueAutoRun', { runId: first.runId }).state).toBe('finished');
    const writes = Object.entries(reference.rt.counters.snapshot()).filter(([key]) => isWrite(key)).reduce((sum, [, n]) => sum + n, 0);
    expectWhole(reference.rt);
    const expected = contents(reference.rt);

    for (let n = 1; n <= writes; n++) {
      const { rt, call } = fresh();
      const started = call('startAutoRun', { scope: { kind: 'open' } });
      rt.killAfter(n, isWrite);
      expect(() => call('continueAutoRun', { runId: started.runId })).toThrow('Exceeded maximum execution time');
      runToTheEnd(call, { kind: 'open' });
      expectWhole(rt);
      expect({ n, ...contents(rt) }).toEqual({ n, ...expected });
    }
  });
});

describe('a long statement in slices', () => {
  it('books 1,100 transactions in slices of 250, each call far below the 6-minute limit on a slow platform', () => {
    const { seed, duplicates, unrelated } = generatedWorkbook(1100);
    // Every Apps Script call costs a full second here: a slow day.
    const rt = createRuntime({ bundleDir: dist, workbook: createWorkbook(seed), user: ANNA, userLocale: 'en', clock: { startMs: Date.UTC(2027, 3, 2, 9), perCallMs: 1000 } });
    const call = caller(rt);
    const matched = call('matchTransactions', {});
    expect(matched).toMatchObject({ auto: 1100 - unrelated, none: unrelated });

    const clock = rt.clock!;
    const slices: Array<{ done: number; ms: number }> = [];
    let before = clock.now();
    let status = call('startAutoRun', { scope: { kind: 'open' } });
    slices.push({ done: status.done, ms: clock.now() - before });
    while (status.state === 'running') {
      before = clock.now();
      status = call('continueAutoRun', { runId: status.runId });
      slices.push({ done: status.done, ms: clock.now() - before });
    }
    // 250 per slice; the slice that decides the last ones has used its time, so the next call finishes the run.
    expect(slices.map((s) => s.done)).toEqual([250, 500, 750, 1000, 1100, 1100]);
    for (const slice of slices) expect(slice.ms).toBeLessThan(MAX_EXECUTION_MS * 0.75);
    // Each invoice paid once: a second payment of an invoice goes to a person.
    expect(status).toMatchObject({ state: 'finished', total: 1100, booked: 1100 - unrelated - duplicates, review: duplicates, none: unrelated });
    const bookings = table(rt, 'Bookings');
    expect(bookings).toHaveLength(1100 - unrelated - duplicates);
    expect(bookings.map((b) => b['Booking'])).toEqual(bookings.map((_, i) => `B-${String(i + 1).padStart(5, '0')}`));
    expect(new Set(bookings.map((b) => b['Invoice'])).size).toBe(bookings.length);
    expect(table(rt, 'Invoices').filter((i) => i['Status'] === 'paid' && String(i['Number']).startsWith('RE-2027-'))).toHaveLength(bookings.length);
    const again = table(rt, 'Transactions').filter((t) => Number(String(t['Fingerprint']).slice(4)) % 25 === 24);
    expect(again.every((t) => t['Run outcome'] === 'review' && t['Processed by'] === '')).toBe(true);
    expectWhole(rt);
  });

  it('a call the 6-minute limit kills leaves nothing half done; a faster call finishes the run', () => {
    const { seed, duplicates, unrelated } = generatedWorkbook(400);
    // How many calls the first slice makes: a platform slow enough that the 6 minutes end at 90 % of them.
    const probe = createRuntime({ bundleDir: dist, workbook: createWorkbook(seed), user: ANNA, userLocale: 'en', clock: { startMs: Date.UTC(2027, 3, 2, 9), perCallMs: 1 } });
    probe.call('startAutoRun', { scope: { kind: 'open' } });
    const calls = Object.values(probe.counters.snapshot()).reduce((sum, n) => sum + n, 0);
    const perCallMs = Math.ceil(MAX_EXECUTION_MS / Math.floor(calls * 0.9));

    const workbook = createWorkbook(seed);
    const slow = createRuntime({ bundleDir: dist, workbook, user: ANNA, userLocale: 'en', clock: { startMs: Date.UTC(2027, 3, 2, 9), perCallMs } });
    expect(() => slow.call('startAutoRun', { scope: { kind: 'open' } })).toThrow('Exceeded maximum execution time');
    // The kill came after the reading, while the slice was writing (or about to).
    expect(slow.documentProperties.getProperty('autoRun.current')).not.toBeNull();
    const fast = caller(createRuntime({ bundleDir: dist, workbook, user: ANNA, userLocale: 'en', clock: { startMs: Date.UTC(2027, 3, 2, 10), perCallMs: 1 } }));
    expect(runToTheEnd(fast, { kind: 'open' }).killed).toBe(0);
    expect(table(slow, 'Archive')[0]).toMatchObject({ Transactions: 400, Booked: 400 - unrelated - duplicates, 'To check': duplicates, 'No match': unrelated });
    expectWhole(slow);
  });
});
