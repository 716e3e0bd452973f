/**
 * File exports through the built bundle in the local runtime, as the sidebar calls them: DATEV EXTF batches and CSV in
 * the user's Drive, checked by the independent validator and parsed back; exported rows marked and locked; repeated
 * exports; a colleague who is not an editor of the protection cannot change an exported row, while her own work goes
 * around it. Run `npm run build`.
 */
import { describe, expect, it } from 'vitest';
import { createRuntime, createWorkbook, type CellValue, type LocalRuntime } from '../../local/runtime';
import { bookingsTable } from '../../src/core/tables/bookings';
import { transactionsTable } from '../../src/core/tables/transactions';
import type { Contract, RequestOf, ResponseOf } from '../../src/shared/contract';
import { parseExtfBookings, validateExtf } from '../helpers/datev-validator';
import path from 'node:path';

const dist = path.resolve(__dirname, '../../dist');
const ANNA = 'anna.berger@kanzlei-berger.example';
const BEN = 'ben.kurz@kanzlei-berger.example';
type Call = <K extends keyof Contract>(name: K, request: RequestOf<K>) => ResponseOf<K>;
const caller = (rt: LocalRuntime): Call => (name, request) => rt.call(name, request) as never;

const headerOf = (spec: { columns: readonly { header: string }[] }) => spec.columns.map((c) => c.header);
const rowOf = (spec: { columns: readonly { key: string }[] }, values: Record<string, CellValue>): CellValue[] => spec.columns.map((c) => values[c.key] ?? '');
const textColumns = (spec: { columns: readonly { kind: string }[] }) =>
  Object.fromEntries(spec.columns.map((c, i) => [i, c.kind === 'text' ? '@' : ''] as const).filter(([, f]) => f !== ''));

/** Serial day of an ISO date (1899-12-30 = 0). */
const serial = (iso: string) => Math.round((Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) - Date.UTC(1899, 11, 30)) / 86_400_000);

interface Spec {
  date: string;
  amount: number;
  description: string;
  gl: string;
  rate: string;
  costCentre?: string;
  receiptNumber?: string;
}

const SPECS: Spec[] = [
  { date: '2026-10-02', amount: -119, description: 'Büromaterial Müller & Söhne; "Premium" Papier', gl: '4930', rate: '19', costCentre: '100', receiptNumber: 'RE-4711' },
  { date: '2026-10-05', amount: 4165, description: 'Honorar Müller Bau GmbH RE-2026-0138', gl: '8400', rate: '19' },
  { date: '2026-10-30', amount: -1500, description: 'Miete Kanzlei Oktober', gl: '4210', rate: '0' },
  { date: '2026-11-03', amount: -59.5, description: '=HYPERLINK("http://evil.example","Telekom") Festnetz Ärger', gl: '4920', rate: '19' },
  { date: '2026-11-20', amount: 107, description: 'Fachbuch Erstattung Straße ' + 'x'.repeat(70), gl: '8300', rate: '7' },
  { date: '2026-11-21', amount: -10, description: 'No account yet', gl: '', rate: '19' },
  { date: '2026-11-22', amount: -10, description: 'Not a DATEV account', gl: 'Telefon', rate: '19' },
];

function workbook() {
  const transactions: CellValue[][] = [headerOf(transactionsTable)];
  const bookings: CellValue[][] = [headerOf(bookingsTable)];
  SPECS.forEach((s, i) => {
    transactions.push(rowOf(transactionsTable, { bookingDate: serial(s.date), counterpartyName: `Party ${i}`, purpose: s.description, amount: s.amount, currency: 'EUR', fingerprint: `fp-${i}`, processedBy: ANNA }));
    bookings.push(
      rowOf(bookingsTable, {
        id: `B-${String(i + 1).padStart(5, '0')}`, date: serial(s.date), type: s.amount < 0 ? 'expense' : 'income', amount: s.amount, currency: 'EUR',
        description: s.description, glAccount: s.gl, taxRate: s.rate, costCentre: s.costCentre ?? '', receiptNumber: s.receiptNumber ?? '', transaction: `fp-${i}`, source: 'manual',
      }),
    );
  });
  return createWorkbook({
    locale: 'de_DE',
    timeZone: 'Europe/Berlin',
    sheets: { Transactions: transactions, Bookings: bookings },
    numberFormats: { Transactions: textColumns(transactionsTable), Bookings: textColumns(bookingsTable) },
  });
}

function table(rt: LocalRuntime, name: string): Array<Record<string, CellValue>> {
  const [header, ...rows] = rt.spreadsheet.sheet(name).values();
  return rows.filter((r) => r.some((c) => c !== '')).map((row) => Object.fromEntries((header as string[]).map((h, i) => [h, row[i]!])));
}

function setUp() {
  const book = workbook();
  const rt = createRuntime({ bundleDir: dist, workbook: book, user: ANNA, userLocale: 'en' });
  const call = caller(rt);
  const { settings } = call('getExportSettings', {});
  call('saveExportSettings', { settings: { ...settings, datev: { ...settings.datev, consultantNumber: '29098', clientNumber: '55003' } } });
  return { book, rt, call };
}

const fileBytes = (rt: LocalRuntime, name: string): Buffer => {
  const file = rt.drive.files().find((f) => f.name === name);
  if (file === undefined) throw new Error(`no Drive file ${name}`);
  return file.bytes;
};

describe('DATEV export through the bundle', () => {
  it('lists incomplete bookings with their field and exports the rest into one valid file per month', () => {
    const { rt, call } = setUp();
    const overview = call('exportOverview', { target: 'datev', showExported: false, limit: 100 });
    expect(overview).toMatchObject({ total: 7, exportable: 5, exported: 0, incomplete: 2 });
    const incomplete = overview.items.filter((i) => i.state === 'incomplete');
    expect(incomplete.map((i) => i.problems.join(' '))).toEqual([
      expect.stringContaining('B-00006 cannot go to DATEV: GL account missing'),
      expect.stringMatching(/B-00007.*GL account "Telefon"/),
    ]);

    const run = call('startExport', { target: 'datev', selection: { kind: 'all' } });
    expect(run.status).toBe('done');
    expect(run.exported).toBe(5);
    expect(run.files.map((f) => [f.name, f.bookings, f.from, f.to])).toEqual([
      ['EXTF_Buchungsstapel_2026-10-01_2026-10-31.csv', 3, '2026-10-01', '2026-10-31'],
      ['EXTF_Buchungsstapel_2026-11-01_2026-11-30.csv', 2, '2026-11-01', '2026-11-30'],
    ]);
    expect(run.problems.map((p) => p.bookingId)).toEqual(['B-00006', 'B-00007']);

    const october = fileBytes(rt, run.files[0]!.name);
    const check = validateExtf(october);
    expect(check.errors).toEqual([]);
    expect(check.header).toMatchObject({ Beraternummer: '29098', Mandantennummer: '55003' });
    const back = parseExtfBookings(october);
    expect(back.map((b) => [b.date, b.amountMinor, b.glAccount, b.bankAccount])).toEqual([
      ['2026-10-02', -11900, '4930', '1200'],
      ['2026-10-05', 416500, '8400', '1200'],
      ['2026-10-30', -150000, '4210', '1200'],
    ]);
    expect(back[0]!.text).toBe('Büromaterial Müller & Söhne; "Premium" Papier');
    const november = parseExtfBookings(fileBytes(rt, run.files[1]!.name));
    expect(november[1]!.text).toBe(('Fachbuch Erstattung Straße ' + 'x'.repeat(70)).slice(0, 60));

    // The rows say where they went, and are locked.
    const rows = table(rt, 'Bookings');
    expect(rows.slice(0, 5).map((r) => [r['Exported to'], r['Export id'], r['Exported by'], r['Export status']])).toEqual([
      ['DATEV', run.files[0]!.name, ANNA, 'exported'],
      ['DATEV', run.files[0]!.name, ANNA, 'exported'],
      ['DATEV', run.files[0]!.name, ANNA, 'exported'],
      ['DATEV', run.files[1]!.name, ANNA, 'exported'],
      ['DATEV', run.files[1]!.name, ANNA, 'exported'],
    ]);
    expect(rows[5]!['Exported to']).toBe('');
    const protections = rt.spreadsheet.sheet('Bookings').getProtections('RANGE' as never);
    expect(protections.map((p) => [p.getRange().getRow(), p.getRange().getNumRows(), p.getDescription()])).toEqual([[2, 5, 'Kontomatch: exported bookings are locked']]);
    const txProtections = rt.spreadsheet.sheet('Transactions').getProtections('RANGE' as never);
    expect(txProtections.map((p) => [p.getRange().getRow(), p.getRange().getNumRows()])).toEqual([[2, 5]]);
  });

  it('exports nothing twice by "all", but a chosen exported booking goes into another file, its marks untouched', () => {
    const { rt, call } = setUp();
    const first = call('startExport', { target: 'datev', selection: { kind: 'all' } });
    const before = table(rt, 'Bookings')[0]!;
    const again = call('startExport', { target: 'datev', selection: { kind: 'all' } });
    expect(again.status).toBe('refused');
    expect(again.exported).toBe(0);
    const shown = call('exportOverview', { target: 'datev', showExported: true, limit: 100 });
    expect(shown.items.filter((i) => i.state === 'exported').map((i) => i.id)).toEqual(['B-00001', 'B-00002', 'B-00003', 'B-00004', 'B-00005']);
    const repeat = call('startExport', { target: 'datev', selection: { kind: 'ids', ids: ['B-00001'] } });
    expect(repeat.status).toBe('done');
    expect(repeat.files).toHaveLength(1);
    expect(repeat.message).toContain('1 exported before');
    expect(table(rt, 'Bookings')[0]).toEqual(before);
    expect(rt.drive.files().length).toBe(first.files.length + 1);
  });

  it('keeps a colleague out of exported rows, while her pre-accounting goes around them', () => {
    const { book, call } = setUp();
    call('startExport', { target: 'datev', selection: { kind: 'ids', ids: ['B-00002'] } });
    const ben = createRuntime({ bundleDir: dist, workbook: book, user: BEN, userLocale: 'en' });
    // Only Anna (the owner, who exported) may edit the exported row: it stops Ben, in the sheet as in his scripts.
    const [protection] = ben.spreadsheet.sheet('Bookings').getProtections('RANGE' as never) as unknown as Array<{ getEditors(): Array<{ getEmail(): string }>; blocks(user: string): boolean; getRange(): { getRow(): number } }>;
    expect(protection!.getRange().getRow()).toBe(3);
    expect(protection!.getEditors().map((u) => u.getEmail())).toEqual([ANNA]);
    expect(protection!.blocks(BEN)).toBe(true);
    const benCall = caller(ben);
    const fill = benCall('autoFillBookings', {});
    expect(fill.exportedLeftAlone).toBe(1);
    const refused = benCall('saveBookingAccounting', { bookingId: 'B-00002', seen: { amountMinor: 416500 }, parts: [{ amountMinor: 416500, accounting: { glAccount: '8400', taxRate: '7', partner: '', costCentre: '', costObject: '', receiptNumber: '', receiptFile: '', comment: '' } }] });
    expect(refused.status).toBe('refused');
  });
});

describe('CSV export through the bundle', () => {
  it('writes the chosen profile, keeps hostile text from becoming a formula, and marks the rows', () => {
    const { rt, call } = setUp();
    const { settings, csvProfiles } = call('getExportSettings', {});
    expect(csvProfiles.length).toBeGreaterThanOrEqual(3);
    const run = call('startExport', { target: 'csv', selection: { kind: 'all' } });
    expect(run.status).toBe('done');
    // CSV requires no accounting field: every booking goes.
    expect(run.exported).toBe(7);
    const text = fileBytes(rt, run.files[0]!.name).toString(settings.csv.profileId.includes('1252') ? 'latin1' : 'utf8');
    expect(text).toContain("'=HYPERLINK");
    expect(text).not.toMatch(/(^|[,;])"?=HYPERLINK/m);
    expect(text).toContain('-119');
    expect(table(rt, 'Bookings').every((r) => r['Exported to'] === 'CSV')).toBe(true);
  });
});
