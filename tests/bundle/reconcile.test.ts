/**
 * Reconciliation through the built bundle in the local runtime, as the sidebar calls it: the October statement imported
 * into the sample workbook and matched, then transactions processed one by one — invoice paid, payment order executed,
 * bookings (one, or split), labels — refused twice, undone, and two users on one spreadsheet. Run `npm run build` first.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime, createWorkbook, type CellValue, type LocalRuntime } from '../../local/runtime';
import { sampleWorkbook } from '../../local/sample/workbook';
import type { RequestOf, ResponseOf } from '../../src/shared/contract';

const dist = path.resolve(__dirname, '../../dist');
const october = readFileSync(path.resolve(__dirname, '../../local/sample/sparkasse-2026-10.csv'));
const ANNA = 'anna.berger@kanzlei-berger.example';
const BEN = 'ben.krause@kanzlei-berger.example';

type Call = <K extends keyof import('../../src/shared/contract').Contract>(name: K, request: RequestOf<K>) => ResponseOf<K>;
const caller = (rt: LocalRuntime): Call => (name, request) => rt.call(name, request) as never;

/** A workbook with the October statement imported and matched, and a runtime for Anna on it. */
function prepared(options: { hideEmail?: boolean } = {}) {
  const workbook = createWorkbook(sampleWorkbook());
  const rt = createRuntime({ bundleDir: dist, workbook, user: ANNA, userLocale: 'en', ...options });
  const call = caller(rt);
  const imported = call('importStatement', { fileName: 'sparkasse-2026-10.csv', contentBase64: october.toString('base64'), importGoodRows: false, acceptWarnings: true });
  expect(imported.status).toBe('imported');
  call('matchTransactions', {});
  return { workbook, rt, call };
}

function table(rt: LocalRuntime, name: string): Array<Record<string, CellValue>> {
  const [header, ...rows] = rt.spreadsheet.sheet(name).values();
  return rows.filter((r) => r.some((c) => c !== '')).map((row) => Object.fromEntries((header as string[]).map((h, i) => [h, row[i]!])));
}

function keyOf(rt: LocalRuntime, purposeFragment: string): string {
  const rows = table(rt, 'Transactions').filter((r) => String(r['Purpose']).includes(purposeFragment));
  if (rows.length !== 1) throw new Error(`${rows.length} rows with "${purposeFragment}"`);
  return String(rows[0]!['Fingerprint']);
}

/** A date cell as the calendar day it shows in the workbook's zone (Sheets hands date cells out as instants). */
function day(value: CellValue): string {
  if (!(value instanceof Date)) return String(value);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(value);
}

const noActions = { markInvoicesPaid: [], markPaymentsExecuted: [], bookings: [], labels: [] };

describe('reconciliation through the built bundle', () => {
  it('steps through the statement: counts, one transaction in full with its proposal and what it can be assigned to', () => {
    const { rt, call } = prepared();
    const overview = call('reconcileOverview', { filter: 'all' });
    expect(overview.total).toBe(table(rt, 'Transactions').length);
    expect(overview.open).toBe(overview.total);
    expect(overview.items.map((i) => i.key)).toEqual(table(rt, 'Transactions').map((r) => r['Fingerprint']));
    expect(overview.items.filter((i) => i.matchStatus === 'auto').length).toBe(table(rt, 'Transactions').filter((r) => r['Match status'] === 'auto').length);

    const key = keyOf(rt, 'RE-2026-0138');
    const shown = call('getTransaction', { key });
    expect(shown.transaction).toMatchObject({ bookingDate: '2026-10-01', amountMinor: 416500, currency: 'EUR', direction: 'in', counterpartyName: 'Müller Bau GmbH', counterpartyIban: 'DE06370400440611408800' });
    expect(shown.proposal.status).toBe('auto');
    expect(shown.proposal.reason).toContain('RE-2026-0138');
    expect(shown.proposal.matches[0]).toMatchObject({ number: 'RE-2026-0138', kind: 'invoice', caseId: '00012/26', method: 'exact', score: 1 });
    expect(shown.assignable.cases.map((c) => c.id)).toEqual(['00012/26']);
    expect(shown.assignable.invoices.map((i) => i.number)).toContain('RE-2026-0138');
    expect(shown.assignable.contacts.map((c) => c.name)).toContain('Müller Bau GmbH');
    expect(shown.bookingTypes).toEqual(['income', 'disbursement-in', 'client-money-in']);
    expect(shown.description).toBe('Müller Bau GmbH, DE06 3704 0044 0611 4088 00: RE-2026-0138 Müller Bau ./. Schneider GmbH Az. 00012/26');
    expect(shown.processed).toBeNull();
    // Money going out offers the other three types.
    expect(call('getTransaction', { key: keyOf(rt, 'Miete Oktober') }).bookingTypes).toEqual(['expense', 'disbursement-out', 'client-money-out']);
  });

  it('marks the invoice paid, books income, changes labels and records who and when — once', () => {
    const { rt, call } = prepared();
    const key = keyOf(rt, 'RE-2026-0138');
    const done = call('reconcileTransaction', {
      key,
      seen: { amountMinor: 416500, bookingDate: '2026-10-01' },
      markInvoicesPaid: ['RE-2026-0138'],
      markPaymentsExecuted: [],
      bookings: [{ type: 'income', amountMinor: 416500, caseId: '00012/26', contactId: 'K-001', invoiceNumber: 'RE-2026-0138', paymentNumber: null, description: '' }],
      labels: [{ caseId: '00012/26', add: ['Bezahlt'], remove: ['Forderung'] }],
    });
    if (done.status !== 'done') throw new Error(done.message);
    expect(done.processed.by).toBe(ANNA);
    expect(done.processed.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);

    const invoice = table(rt, 'Invoices').find((r) => r['Number'] === 'RE-2026-0138')!;
    expect(invoice).toMatchObject({ Status: 'paid', 'Paid by transaction': key });
    expect(day(invoice['Paid on']!)).toBe('2026-10-01');
    const bookings = table(rt, 'Bookings');
    expect(bookings).toHaveLength(1);
    expect(bookings[0]).toMatchObject({
      Booking: 'B-00001', Type: 'income', Amount: 4165, Currency: 'EUR', Case: '00012/26', Invoice: 'RE-2026-0138',
      Transaction: key, 'Created by': ANNA, Source: 'manual',
      Description: 'Müller Bau GmbH, DE06 3704 0044 0611 4088 00: RE-2026-0138 Müller Bau ./. Schneider GmbH Az. 00012/26',
    });
    expect(day(bookings[0]!['Date']!)).toBe('2026-10-01');
    expect(rt.spreadsheet.sheet('Bookings').displayValues()[1]![3]).toBe('4.165,00');
    expect(table(rt, 'Cases').find((r) => r['Id'] === '00012/26')!['Labels']).toBe('Baurecht, Bezahlt');
    const row = table(rt, 'Transactions').find((r) => r['Fingerprint'] === key)!;
    expect(row['Processed by']).toBe(ANNA);
    expect(row['Processed as']).toContain('RE-2026-0138 paid');
    expect(table(rt, 'Log').map((r) => [r['Action'], r['Transaction'], r['By']])).toEqual([['reconcile', key, ANNA]]);

    // The sidebar shows it processed; a second attempt books nothing.
    const shown = call('getTransaction', { key });
    expect(shown.processed).toMatchObject({ by: ANNA, undoable: true, undoBlockedBy: null });
    expect(shown.processed!.bookings.map((b) => b.id)).toEqual(['B-00001']);
    const again = call('reconcileTransaction', { key, seen: { amountMinor: 416500, bookingDate: '2026-10-01' }, ...noActions, markInvoicesPaid: [] , bookings: [{ type: 'income', amountMinor: 416500, caseId: null, contactId: null, invoiceNumber: null, paymentNumber: null, description: 'x' }] });
    expect(again).toMatchObject({ status: 'already-processed', by: ANNA });
    expect(table(rt, 'Bookings')).toHaveLength(1);
    expect(call('reconcileOverview', { filter: 'processed' }).items.map((i) => i.key)).toEqual([key]);
  });

  it('marks a payment order executed with an expense booking (negative amount)', () => {
    const { rt, call } = prepared();
    const key = keyOf(rt, 'Miete Oktober');
    const done = call('reconcileTransaction', {
      key, seen: { amountMinor: -285000, bookingDate: '2026-10-01' }, ...noActions,
      markPaymentsExecuted: ['ZA-2026-0071'],
      bookings: [{ type: 'expense', amountMinor: 285000, caseId: null, contactId: null, invoiceNumber: null, paymentNumber: 'ZA-2026-0071', description: 'Miete Oktober 2026' }],
    });
    expect(done.status).toBe('done');
    const payment = table(rt, 'Payments').find((r) => r['Number'] === 'ZA-2026-0071')!;
    expect(payment).toMatchObject({ Status: 'executed', 'Executed by transaction': key });
    expect(day(payment['Executed on']!)).toBe('2026-10-01');
    expect(table(rt, 'Bookings')[0]).toMatchObject({ Type: 'expense', Amount: -2850, 'Payment order': 'ZA-2026-0071', Description: 'Miete Oktober 2026' });
  });

  it('splits a transaction into parts that must add up to it', () => {
    const { rt, call } = prepared();
    const key = keyOf(rt, 'RE-2026-0149');
    const part = (type: 'income' | 'client-money-in', amountMinor: number) => ({ type, amountMinor, caseId: '00018/26', contactId: null, invoiceNumber: null, paymentNumber: null, description: 'Kostennote' });
    const seen = { amountMinor: 98770, bookingDate: '2026-10-28' };
    const wrong = call('reconcileTransaction', { key, seen, ...noActions, bookings: [part('income', 50000), part('client-money-in', 48000)] });
    expect(wrong).toEqual({ status: 'invalid', message: 'The parts add up to 980.00 EUR, the transaction is 987.70 EUR: 7.70 EUR missing.' });
    expect(table(rt, 'Bookings')).toHaveLength(0);
    const right = call('reconcileTransaction', { key, seen, ...noActions, bookings: [part('income', 50000), part('client-money-in', 48770)] });
    expect(right.status).toBe('done');
    expect(table(rt, 'Bookings').map((r) => [r['Booking'], r['Type'], r['Amount']])).toEqual([['B-00001', 'income', 500], ['B-00002', 'client money in', 487.7]]);
  });

  it('refuses a row that changed since the sidebar showed it', () => {
    const { rt, call } = prepared();
    const key = keyOf(rt, 'RE-2026-0138');
    const answer = call('reconcileTransaction', { key, seen: { amountMinor: 416400, bookingDate: '2026-10-01' }, ...noActions, markInvoicesPaid: ['RE-2026-0138'] });
    expect(answer.status).toBe('invalid');
    expect(table(rt, 'Invoices').find((r) => r['Number'] === 'RE-2026-0138')!['Status']).toBe('open');
  });

  it('undoes until the booking is exported: invoice open again, booking gone, labels back, processed-by cleared', () => {
    const { rt, call } = prepared();
    const key = keyOf(rt, 'RE-2026-0138');
    const seen = { amountMinor: 416500, bookingDate: '2026-10-01' };
    call('reconcileTransaction', {
      key, seen, ...noActions, markInvoicesPaid: ['RE-2026-0138'],
      bookings: [{ type: 'income', amountMinor: 416500, caseId: '00012/26', contactId: null, invoiceNumber: 'RE-2026-0138', paymentNumber: null, description: '' }],
      labels: [{ caseId: '00012/26', add: ['Bezahlt'], remove: ['Forderung'] }],
    });
    // Another transaction's booking stays where it is.
    const other = keyOf(rt, 'RE-2026-0141');
    call('reconcileTransaction', { key: other, seen: { amountMinor: 119000, bookingDate: '2026-10-02' }, ...noActions, bookings: [{ type: 'income', amountMinor: 119000, caseId: null, contactId: null, invoiceNumber: null, paymentNumber: null, description: '' }] });
    expect(call('undoTransaction', { key })).toMatchObject({ status: 'undone' });
    expect(table(rt, 'Invoices').find((r) => r['Number'] === 'RE-2026-0138')).toMatchObject({ Status: 'open', 'Paid on': '', 'Paid by transaction': '' });
    expect(table(rt, 'Bookings').map((r) => r['Transaction'])).toEqual([other]);
    expect(table(rt, 'Cases').find((r) => r['Id'] === '00012/26')!['Labels']).toBe('Baurecht, Forderung');
    expect(table(rt, 'Transactions').find((r) => r['Fingerprint'] === key)).toMatchObject({ 'Processed by': '', 'Processed at': '', 'Processed as': '' });
    expect(table(rt, 'Log').map((r) => r['Action'])).toEqual(['reconcile', 'reconcile', 'undo']);
    expect(call('getTransaction', { key }).processed).toBeNull();
    expect(call('undoTransaction', { key })).toEqual({ status: 'refused', message: 'This transaction has not been processed: there is nothing to undo.' });
    // Booked again after the undo: a new booking number.
    expect(call('reconcileTransaction', { key, seen, ...noActions, markInvoicesPaid: ['RE-2026-0138'] }).status).toBe('done');

    // An exported booking is final.
    const sheet = rt.spreadsheet.sheet('Bookings');
    const header = sheet.values()[0] as string[];
    sheet.getRange(2, header.indexOf('Exported to') + 1, 1, 1).setValues([['DATEV']]);
    expect(call('undoTransaction', { key: other })).toEqual({ status: 'refused', message: 'Booking B-00002 was exported to DATEV: it can no longer be undone.' });
    expect(call('getTransaction', { key: other }).processed).toMatchObject({ undoable: false, undoBlockedBy: 'booking B-00002 was exported to DATEV' });
  });

  it('two people in one spreadsheet: the second is told who processed it, and nothing is booked twice', () => {
    const { workbook, rt, call } = prepared();
    const ben = caller(createRuntime({ bundleDir: dist, workbook, user: BEN, userLocale: 'de' }));
    const key = keyOf(rt, 'RE-2026-0139');
    // Both see it open.
    expect(call('getTransaction', { key }).processed).toBeNull();
    expect(ben('getTransaction', { key }).processed).toBeNull();
    const request = {
      key, seen: { amountMinor: 357000, bookingDate: '2026-10-12' }, ...noActions, markInvoicesPaid: ['RE-2026-0139'],
      bookings: [{ type: 'income' as const, amountMinor: 357000, caseId: '00014/26', contactId: null, invoiceNumber: 'RE-2026-0139', paymentNumber: null, description: '' }],
    };
    expect(ben('reconcileTransaction', request).status).toBe('done');
    const second = call('reconcileTransaction', request);
    expect(second).toMatchObject({ status: 'already-processed', by: BEN });
    expect(table(rt, 'Bookings')).toHaveLength(1);
    expect(table(rt, 'Bookings')[0]!['Created by']).toBe(BEN);
    expect(call('getTransaction', { key }).processed!.by).toBe(BEN);
  });

  it('a user whose email Google withholds is recorded as such, never as blank', () => {
    const { rt, call } = prepared({ hideEmail: true });
    const key = keyOf(rt, 'RE-2026-0141');
    const done = call('reconcileTransaction', { key, seen: { amountMinor: 119000, bookingDate: '2026-10-02' }, ...noActions, markInvoicesPaid: ['RE-2026-0141'] });
    if (done.status !== 'done') throw new Error(done.message);
    // The effective user's email stands in (an add-on runs as the user who invoked it).
    expect(done.processed.by).toBe(ANNA);
  });

  it('keeps bank text as text in every cell it writes, and writes in a fixed number of Sheets calls', () => {
    const { rt, call } = prepared();
    const key = keyOf(rt, '=Rechnung RE-2026-0147');
    // The first processing adds the Bookings and Log sheets; the counting starts with the second.
    call('reconcileTransaction', { key: keyOf(rt, 'RE-2026-0141'), seen: { amountMinor: 119000, bookingDate: '2026-10-02' }, ...noActions, markInvoicesPaid: ['RE-2026-0141'], bookings: [{ type: 'income', amountMinor: 119000, caseId: null, contactId: null, invoiceNumber: null, paymentNumber: null, description: '' }] });
    rt.counters.reset();
    const done = call('reconcileTransaction', {
      key, seen: { amountMinor: 154700, bookingDate: '2026-10-15' }, ...noActions, markInvoicesPaid: ['RE-2026-0147'],
      bookings: [{ type: 'income', amountMinor: 154700, caseId: '00020/26', contactId: null, invoiceNumber: 'RE-2026-0147', paymentNumber: null, description: '=HYPERLINK("http://x.example";"y")' }],
    });
    expect(done.status).toBe('done');
    const calls = rt.counters.snapshot();
    // Bookings, Invoices, Transactions, Log: one value write each, each after its one format write.
    expect(calls['Range.setValues']).toBe(4);
    expect(calls['Range.setNumberFormats']).toBe(4);
    // One read per table and one per header it checks before writing: a fixed number, whatever the rows.
    expect(calls['Range.getValues']).toBeLessThanOrEqual(16);
    const bookings = rt.spreadsheet.sheet('Bookings');
    expect(bookings.formulas().flat().filter((f) => f !== '')).toEqual([]);
    expect(table(rt, 'Bookings')[1]!['Description']).toBe('=HYPERLINK("http://x.example";"y")');
    expect(rt.spreadsheet.sheet('Transactions').formulas().flat().filter((f) => f !== '')).toEqual([]);
  });

  it('searches cases, contacts, invoices and amounts; a chosen case brings its items and parties', () => {
    const { call } = prepared();
    const byNumber = call('searchAssignable', { query: '0145' });
    expect(byNumber.invoices.map((i) => i.number)).toEqual(['RE-2026-0145']);
    const byAmount = call('searchAssignable', { query: '4.165,00' });
    expect(byAmount.invoices.map((i) => i.number)).toEqual(['RE-2026-0138']);
    const byName = call('searchAssignable', { query: 'jansen' });
    expect(byName.cases.map((c) => c.id)).toContain('00018/26');
    expect(byName.contacts.map((c) => c.name)).toContain('Peter Jansen');
    const theCase = call('getCase', { caseId: '00018/26' });
    expect(theCase.case.labels).toEqual(['Verkehrsrecht', 'RSV']);
    expect(theCase.invoices.map((i) => i.number).sort()).toEqual(['RE-2026-0142', 'RE-2026-0145', 'RE-2026-0149']);
    expect(theCase.payments.map((p) => p.number)).toEqual(['ZA-2026-0070']);
    expect(theCase.contacts.map((c) => c.name).sort()).toEqual(['Peter Jansen', 'Rechtsschutz Union Versicherungs-AG']);
  });
});
