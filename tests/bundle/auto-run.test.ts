/**
 * The automatic run through the built bundle in the local runtime, as the sidebar calls it: the October statement
 * imported into the sample workbook and matched, then `startAutoRun` — every sure match booked (invoice paid or payment
 * order executed, booking written), the rest left to a person with the reason, a PDF report in the user's Drive, a row
 * in the "Archive" sheet — and what the sidebar reads back (details, archive). Run `npm run build` first.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { createRuntime, createWorkbook, type CellValue, type LocalRuntime } from '../../local/runtime';
import { sampleWorkbook } from '../../local/sample/workbook';
import type { Contract, RequestOf, ResponseOf } from '../../src/shared/contract';

const dist = path.resolve(__dirname, '../../dist');
const FILE = 'sparkasse-2026-10.csv';
const october = readFileSync(path.resolve(__dirname, '../../local/sample/sparkasse-2026-10.csv'));
const ANNA = 'anna.berger@kanzlei-berger.example';
const BEN = 'ben.krause@kanzlei-berger.example';
/** 22 November 2026, 14:03:12 in Köln. */
const START = Date.UTC(2026, 10, 22, 13, 3, 12);

type Call = <K extends keyof Contract>(name: K, request: RequestOf<K>) => ResponseOf<K>;
const caller = (rt: LocalRuntime): Call => (name, request) => rt.call(name, request) as never;
type Row = Record<string, CellValue>;

/** A workbook with the October statement imported and matched, and a runtime for Anna on it. */
function prepared(options: { userLocale?: string } = {}) {
  const workbook = createWorkbook(sampleWorkbook());
  const rt = createRuntime({ bundleDir: dist, workbook, user: ANNA, userLocale: options.userLocale ?? 'en', clock: { startMs: START, perCallMs: 0 } });
  const call = caller(rt);
  expect(call('importStatement', { fileName: FILE, contentBase64: october.toString('base64'), importGoodRows: false, acceptWarnings: true }).status).toBe('imported');
  const matched = call('matchTransactions', {});
  return { workbook, rt, call, matched };
}

function table(rt: LocalRuntime, name: string): Row[] {
  const [header, ...rows] = rt.spreadsheet.sheet(name).values();
  return rows.filter((r) => r.some((c) => c !== '')).map((row) => Object.fromEntries((header as string[]).map((h, i) => [h, row[i]!])));
}

/** A date cell as the calendar day it shows in the workbook's zone. */
function day(value: CellValue): string {
  if (!(value instanceof Date)) return String(value);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(value);
}

const numbersOf = (cell: CellValue): string[] => String(cell).split(', ').filter((n) => n !== '');
const minor = (amount: CellValue): number => Math.round(Number(amount) * 100);
const MATCH_AND_RUN = ['Match status', 'Matched numbers', 'Matched case', 'Match method', 'Match score', 'Match reason', 'Automatic run', 'Run outcome'];
const without = (row: Row, keys: string[]): Row => Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k)));

async function pdfText(bytes: Uint8Array): Promise<{ text: string; title: unknown }> {
  const standardFontDataUrl = `${path.resolve(__dirname, '../../node_modules/pdfjs-dist/standard_fonts')}/`;
  const pdf = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  const title = ((await pdf.getMetadata()).info as Record<string, unknown>).Title;
  await pdf.destroy();
  return { text: parts.join('\n'), title };
}

describe('the automatic run through the built bundle', () => {
  it('books every sure match of the October statement, leaves the rest to a person, and reports and archives the run', async () => {
    const { rt, call, matched } = prepared();
    expect(matched).toMatchObject({ auto: 13, review: 2, none: 7 });
    const before = table(rt, 'Transactions');
    const sure = before.filter((r) => r['Match status'] === 'auto');
    expect(call('getAutoRun', {})).toEqual({ run: null, importFiles: [{ fileName: FILE, open: 22 }] });

    const status = call('startAutoRun', { scope: { kind: 'import', fileName: FILE } });
    // 22 transactions fit one call: decided, written and finished at once.
    expect(status).toMatchObject({
      runId: 'RUN-20261122-140312', state: 'finished', scope: { kind: 'import', fileName: FILE },
      startedAt: '2026-11-22T14:03:12+01:00', startedBy: ANNA,
      total: 22, done: 22, booked: sure.length, review: 2, none: 7,
    });
    expect(status.statement).toBe('sparkasse-2026-10.csv · account DE85 3705 0198 0019 2837 46 · 2026-10-01 – 2026-10-30');
    expect(status.finishedAt).toMatch(/^2026-11-22T14:0\d:\d\d\+01:00$/);
    expect(status.message).toBe(`Run ${status.runId} finished: 13 booked, 2 to check by hand, 7 without an open item.`);

    // The counts are the sheet's: every transaction has its outcome, and no sure match was held back (no invoice is
    // quoted twice in October, so none was taken by another transaction).
    const after = table(rt, 'Transactions');
    expect(after.every((r) => r['Automatic run'] === status.runId)).toBe(true);
    const outcome = (o: string) => after.filter((r) => r['Run outcome'] === o);
    expect([outcome('booked').length, outcome('review').length, outcome('none').length]).toEqual([status.booked, status.review, status.none]);
    expect(outcome('booked').map((r) => r['Fingerprint'])).toEqual(sure.map((r) => r['Fingerprint']));
    for (const r of outcome('booked')) {
      expect(r).toMatchObject({ 'Processed by': ANNA, 'Match status': 'auto' });
      expect(r['Processed at']).toBeInstanceOf(Date);
    }

    // Bookings: the booked transactions' parts, numbered in sheet order, adding up to each transaction.
    const bookings = table(rt, 'Bookings');
    expect(bookings.map((b) => b['Booking'])).toEqual(Array.from({ length: bookings.length }, (_, i) => `B-${String(i + 1).padStart(5, '0')}`));
    expect(new Set(bookings.map((b) => b['Transaction']))).toEqual(new Set(sure.map((r) => r['Fingerprint'])));
    for (const t of outcome('booked')) {
      const parts = bookings.filter((b) => b['Transaction'] === t['Fingerprint']);
      expect(parts.reduce((sum, b) => sum + minor(b['Amount']!), 0)).toBe(minor(t['Amount']!));
      // One part per invoice where the invoices add up (the transfer paying RE-2026-0143 and RE-2026-0144), else one.
      expect(parts.length).toBe(minor(t['Amount']!) > 0 ? numbersOf(t['Matched numbers']!).length : 1);
      for (const b of parts) {
        expect(b).toMatchObject({ Source: status.runId, 'Created by': ANNA, Type: minor(t['Amount']!) > 0 ? 'income' : 'expense' });
        expect(day(b['Date']!)).toBe(day(t['Booking date']!));
        expect(numbersOf(t['Matched numbers']!)).toContain(minor(t['Amount']!) > 0 ? b['Invoice'] : b['Payment order']);
      }
    }
    expect(bookings).toHaveLength(14);

    // Every invoice and payment order a booked transaction names is settled by it, on its booking date; no other changed.
    const invoices = table(rt, 'Invoices');
    const payments = table(rt, 'Payments');
    const settled = new Map(outcome('booked').flatMap((t) => numbersOf(t['Matched numbers']!).map((n) => [n, t] as const)));
    for (const i of invoices) {
      const t = settled.get(String(i['Number']));
      if (t === undefined) continue;
      expect(i).toMatchObject({ Status: 'paid', 'Paid by transaction': t['Fingerprint'] });
      expect(day(i['Paid on']!)).toBe(day(t['Booking date']!));
    }
    for (const p of payments) {
      const t = settled.get(String(p['Number']));
      if (t === undefined) continue;
      expect(p).toMatchObject({ Status: 'executed', 'Executed by transaction': t['Fingerprint'] });
      expect(day(p['Executed on']!)).toBe(day(t['Booking date']!));
    }
    const seed = sampleWorkbook().sheets!;
    const untouched = (rows: Row[]) => rows.filter((r) => !settled.has(String(r['Number']))).map((r) => r['Status']);
    expect(untouched(invoices)).toEqual(seed.Invoices!.slice(1).filter((r) => !settled.has(String(r[0]))).map((r) => r[7]));
    expect(untouched(payments)).toEqual(seed.Payments!.slice(1).filter((r) => !settled.has(String(r[0]))).map((r) => r[5]));
    expect(settled.size).toBe(invoices.filter((i) => i['Status'] === 'paid' && i['Paid by transaction'] !== '').length + payments.filter((p) => p['Status'] === 'executed' && p['Executed by transaction'] !== '').length);

    // Review and none: only the outcome and the match columns changed; nobody processed them.
    for (const r of [...outcome('review'), ...outcome('none')]) {
      const was = before.find((b) => b['Fingerprint'] === r['Fingerprint'])!;
      expect(without(r, MATCH_AND_RUN)).toEqual(without(was, MATCH_AND_RUN));
      expect(r['Processed by']).toBe('');
      expect(r['Match status']).toBe(r['Run outcome']);
    }
    expect(outcome('review').find((r) => String(r['Purpose']).includes('RE-2026-0149'))!['Match reason']).toMatch(/partial payment \(paid 987.70 EUR of 1137.70 EUR\)/);

    // The log: one "auto" entry per booked transaction, with what it did.
    const log = table(rt, 'Log');
    expect(log.map((l) => [l['Action'], l['Transaction'], l['By']])).toEqual(outcome('booked').map((t) => ['auto', t['Fingerprint'], ANNA]));
    expect(log.find((l) => l['Transaction'] === outcome('booked')[1]!['Fingerprint'])!['Summary']).toBe('RE-2026-0138 paid; B-00002 income 4165.00 EUR (case 00012/26)');

    // The PDF report in Anna's Drive, linked from the status and the archive.
    const files = rt.drive.files();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ name: `Kontomatch report ${status.runId}.pdf`, mimeType: 'application/pdf', owner: ANNA, url: status.reportUrl });
    expect(files[0]!.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await pdfText(files[0]!.bytes);
    expect(String(pdf.title)).toContain(status.runId);
    expect(pdf.text).toContain('RE-2026-0138 Müller Bau ./. Schneider GmbH Az. 00012/26');
    expect(pdf.text).toContain(status.statement);

    const archive = table(rt, 'Archive');
    expect(archive).toHaveLength(1);
    expect(archive[0]).toMatchObject({
      Run: status.runId, Statement: status.statement, Scope: `file: ${FILE}`, Transactions: 22, Booked: 13, 'To check': 2, 'No match': 7,
      'Run by': ANNA, Report: status.reportUrl,
    });
    expect(archive[0]!['Started at']).toEqual(new Date(START));
    expect(rt.documentProperties.getProperty('autoRun.current')).toBeNull();

    // What the sidebar reads back: every transaction of the run with its outcome, bookings and the items it concerns.
    const details = call('getRunDetails', { runId: status.runId });
    expect(details.run).toEqual({ ...status, message: details.run.message });
    expect(details.items).toHaveLength(22);
    expect(details.items.map((i) => i.key)).toEqual(after.map((r) => r['Fingerprint']));
    expect(details.items.map((i) => i.outcome)).toEqual(after.map((r) => r['Run outcome']));
    expect(details.items.map((i) => i.reason)).toEqual(after.map((r) => r['Match reason']));
    for (const item of details.items) {
      expect(item.bookingIds).toEqual(bookings.filter((b) => b['Transaction'] === item.key).map((b) => b['Booking']));
    }
    const mueller = details.items.find((i) => i.purpose.startsWith('RE-2026-0138'))!;
    expect(mueller).toMatchObject({ bookingDate: '2026-10-01', counterpartyName: 'Müller Bau GmbH', amountMinor: 416500, currency: 'EUR', outcome: 'booked', bookingIds: ['B-00002'] });
    expect(mueller.invoices).toEqual([
      { number: 'RE-2026-0138', date: '2026-09-18', dueDate: '2026-10-02', contactId: 'K-001', contactName: 'Müller Bau GmbH', caseId: '00012/26', amountMinor: 416500, currency: 'EUR', status: 'paid', paidOn: '2026-10-01' },
    ]);
    const rent = details.items.find((i) => i.purpose.startsWith('Miete Oktober'))!;
    expect(rent.payments.map((p) => [p.number, p.status])).toEqual([['ZA-2026-0071', 'executed']]);
    const partial = details.items.find((i) => i.purpose.includes('RE-2026-0149'))!;
    expect(partial).toMatchObject({ outcome: 'review', bookingIds: [] });
    expect(partial.invoices.map((i) => [i.number, i.status])).toEqual([['RE-2026-0149', 'open']]);

    expect(call('listArchive', {}).entries).toEqual([
      { runId: status.runId, startedAt: status.startedAt, finishedAt: status.finishedAt, statement: status.statement, total: 22, booked: 13, review: 2, none: 7, by: ANNA, reportUrl: status.reportUrl },
    ]);
    expect(call('getAutoRun', {})).toEqual({ run: null, importFiles: [{ fileName: FILE, open: 9 }] });

    // A second run finds nothing new to book: the nine open transactions are decided again, nothing else changes.
    const second = call('startAutoRun', { scope: { kind: 'open' } });
    expect(second).toMatchObject({ state: 'finished', total: 9, booked: 0, review: 2, none: 7 });
    // Started within the same second as the first (the clock stands still here): the id gets a suffix.
    expect(second.runId).toBe(`${status.runId}-2`);
    expect(table(rt, 'Bookings')).toEqual(bookings);
    expect(table(rt, 'Invoices')).toEqual(invoices);
    expect(call('listArchive', {}).entries.map((e) => e.runId)).toEqual([second.runId, status.runId]);
    expect(call('getRunDetails', { runId: second.runId }).items).toHaveLength(9);
    // The first run's details keep the transactions it booked (those it left open were decided again by the second).
    expect(call('getRunDetails', { runId: status.runId }).items.map((i) => i.outcome)).toEqual(Array(13).fill('booked'));
  });

  it('writes the report in German for a German user', async () => {
    const { rt, call } = prepared({ userLocale: 'de_DE' });
    const status = call('startAutoRun', { scope: { kind: 'open' } });
    expect(status.statement).toBe('sparkasse-2026-10.csv · Konto DE85 3705 0198 0019 2837 46 · 01.10.2026 – 30.10.2026');
    const pdf = await pdfText(rt.drive.files()[0]!.bytes);
    expect(pdf.text).toContain('Automatischer Abgleich');
    expect(pdf.text).toContain('4.165,00 €');
  });

  it('finishes without a report link when Drive refuses the file, and says why', () => {
    const { rt, call } = prepared();
    // Drive switched off for the user's domain: Apps Script then refuses the call.
    (rt.context as unknown as Record<string, unknown>)['DriveApp'] = {
      createFile: () => {
        throw new Error('Access denied: DriveApp.');
      },
    };
    const status = call('startAutoRun', { scope: { kind: 'open' } });
    expect(status).toMatchObject({ state: 'finished', total: 22, booked: 13, reportUrl: null });
    expect(status.message).toBe(`Run ${status.runId} finished: 13 booked, 2 to check by hand, 7 without an open item. The PDF report could not be saved to your Drive: Access denied: DriveApp.`);
    expect(table(rt, 'Archive')[0]).toMatchObject({ Run: status.runId, Booked: 13, Report: 'not saved: Access denied: DriveApp.' });
    expect(call('listArchive', {}).entries[0]).toMatchObject({ runId: status.runId, reportUrl: '' });
    expect(call('getRunDetails', { runId: status.runId }).run).toMatchObject({ state: 'finished', reportUrl: null, message: expect.stringContaining('Access denied: DriveApp.') });
    expect(rt.documentProperties.getProperty('autoRun.current')).toBeNull();
    expect(table(rt, 'Bookings')).toHaveLength(14);
  });

  it('limits an import run to its file, and refuses a run with nothing to do', () => {
    const { rt, call } = prepared();
    const november = readFileSync(path.resolve(__dirname, '../../local/sample/sparkasse-2026-11.sta'));
    expect(call('importStatement', { fileName: 'sparkasse-2026-11.sta', contentBase64: november.toString('base64'), importGoodRows: false, acceptWarnings: true }).status).toBe('imported');
    // Newest import first.
    expect(call('getAutoRun', {}).importFiles).toEqual([{ fileName: 'sparkasse-2026-11.sta', open: 8 }, { fileName: FILE, open: 22 }]);
    const status = call('startAutoRun', { scope: { kind: 'import', fileName: 'sparkasse-2026-11.sta' } });
    expect(status).toMatchObject({ state: 'finished', total: 8 });
    const rows = table(rt, 'Transactions');
    expect(rows.filter((r) => r['Automatic run'] === status.runId).map((r) => r['Import file'])).toEqual(Array(8).fill('sparkasse-2026-11.sta'));
    expect(rows.filter((r) => r['Import file'] === FILE).every((r) => r['Automatic run'] === '' && r['Processed by'] === '')).toBe(true);
    expect(() => call('startAutoRun', { scope: { kind: 'import', fileName: 'nothing.csv' } })).toThrow('There are no open transactions from nothing.csv: nothing to run over.');
  });

  it('refuses a second run while one is unfinished, and lets a colleague continue it; nothing is booked twice', () => {
    const { workbook, rt, call } = prepared();
    // The execution dies while writing the transactions' marks: the bookings and paid invoices are written, the rows not.
    rt.killAfter(1, (key) => key === 'Range.setValues' && transactionsWriteNext(rt));
    expect(() => call('startAutoRun', { scope: { kind: 'open' } })).toThrow('Exceeded maximum execution time');
    expect(table(rt, 'Bookings')).toHaveLength(14);
    expect(table(rt, 'Transactions').every((r) => r['Automatic run'] === '')).toBe(true);

    const ben = caller(createRuntime({ bundleDir: dist, workbook, user: BEN, userLocale: 'de', clock: rt.clock! }));
    const running = ben('getAutoRun', {}).run!;
    expect(running).toMatchObject({ state: 'running', startedBy: ANNA, total: 22, done: 0, booked: 0 });
    const refused = ben('startAutoRun', { scope: { kind: 'open' } });
    expect(refused).toEqual({ ...running, message: `Run ${running.runId}, started by ${ANNA} at ${running.startedAt}, is not finished yet: continue it before starting another.` });

    // Ben cannot book by hand what the run has booked (its booking names the transaction) …
    const mueller = table(rt, 'Transactions').find((r) => String(r['Purpose']).startsWith('RE-2026-0138'))!;
    const byHand = ben('reconcileTransaction', {
      key: String(mueller['Fingerprint']), seen: { amountMinor: 416500, bookingDate: '2026-10-01' }, markInvoicesPaid: [], markPaymentsExecuted: [], labels: [],
      bookings: [{ type: 'income', amountMinor: 416500, caseId: null, contactId: null, invoiceNumber: null, paymentNumber: null, description: '' }],
    });
    expect(byHand).toMatchObject({ status: 'already-processed', by: ANNA });
    // … but may process one the run has not decided yet, which the run then leaves alone.
    const telekom = table(rt, 'Transactions').find((r) => String(r['Purpose']).startsWith('Kd-Nr. 5504229187'))!;
    expect(ben('reconcileTransaction', {
      key: String(telekom['Fingerprint']), seen: { amountMinor: -8995, bookingDate: '2026-10-02' }, markInvoicesPaid: [], markPaymentsExecuted: [], labels: [],
      bookings: [{ type: 'expense', amountMinor: 8995, caseId: null, contactId: null, invoiceNumber: null, paymentNumber: null, description: 'Telefon' }],
    }).status).toBe('done');

    const done = ben('continueAutoRun', { runId: running.runId });
    expect(done).toMatchObject({ runId: running.runId, state: 'finished', startedBy: ANNA, total: 21, booked: 13, review: 2, none: 6 });
    const bookings = table(rt, 'Bookings');
    expect(bookings).toHaveLength(15);
    expect(new Set(bookings.map((b) => `${b['Transaction']}|${b['Invoice']}|${b['Payment order']}|${b['Amount']}`)).size).toBe(15);
    // The run's rows were completed by Ben's call: marked booked, by the user whose call marked them.
    const booked = table(rt, 'Transactions').filter((r) => r['Run outcome'] === 'booked');
    expect(booked).toHaveLength(13);
    expect(booked.every((r) => r['Processed by'] === BEN && r['Automatic run'] === running.runId)).toBe(true);
    expect(table(rt, 'Transactions').find((r) => r['Fingerprint'] === telekom['Fingerprint'])).toMatchObject({ 'Processed by': BEN, 'Automatic run': '', 'Run outcome': '' });
    // Continuing a finished run answers with its result.
    expect(ben('continueAutoRun', { runId: running.runId })).toMatchObject({ state: 'finished', booked: 13 });
    expect(() => ben('continueAutoRun', { runId: 'RUN-19990101-000000' })).toThrow('There is no unfinished automatic run RUN-19990101-000000.');
    // The report went to the Drive of the user who finished the run.
    expect(rt.drive.files().map((f) => f.owner)).toEqual([BEN]);
  });
});

/**
 * True once this slice's bookings, paid invoices and executed payment orders are in the sheets: the next value write is
 * the transactions' marks. Looked at on the fake workbook before each call (the kill switch asks before the call runs).
 */
function transactionsWriteNext(rt: LocalRuntime): boolean {
  const bookings = rt.spreadsheet.getSheetByName('Bookings');
  const invoices = rt.spreadsheet.sheet('Invoices').values();
  const payments = rt.spreadsheet.sheet('Payments').values();
  return bookings !== null && bookings.getLastRow() > 1 && invoices.some((r) => r[7] === 'paid' && r[9] !== '') && payments.some((r) => r[5] === 'executed' && r[8] !== '');
}
