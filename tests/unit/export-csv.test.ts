/**
 * CSV export: each built-in profile, quoting, debit/credit columns, Windows-1252 bytes, decimal comma, and text a
 * spreadsheet would take for a formula. Files are read back with papaparse (not the writer's own quoting).
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { type AccountingData, emptyAccountingData } from '../../src/core/accounting/fields';
import { builtinCsvExportProfiles, type CsvExportProfile, csvExportProfileSchema, writeCsvExport } from '../../src/core/export/csv';
import type { ExportBooking } from '../../src/core/export/export-booking';
import { decodeText } from '../../src/core/text/decode';

function booking(id: string, date: string, amountMinor: number, description: string, accounting: Partial<AccountingData> = {}, extra: Partial<ExportBooking> = {}): ExportBooking {
  return { id, date, amountMinor, currency: 'EUR', description, accounting: { ...emptyAccountingData(), ...accounting }, taxAmountMinor: null, bankAccount: '1200', ...extra };
}

const BOOKINGS: ExportBooking[] = [
  booking('B-00001', '2025-01-02', -11900, 'Büromaterial Müller & Söhne; "Premium", Papier', { glAccount: '4930', taxRate: '19', partner: 'Müller & Söhne', costCentre: '100', receiptNumber: 'RE-1' }),
  booking('B-00002', '2025-01-03', 416500, 'Rechnung 17\nKunde Größe AG', { glAccount: '8400', taxRate: '19 %', partner: 'Größe AG' }),
  booking('B-00003', '2025-02-05', -1250, '=HYPERLINK("http://evil.example","Rabatt")', { glAccount: '-4210', comment: '+49 30 123', partner: '@Kunde', costObject: '\tTab', receiptFile: '\rCR' }),
  booking('B-00004', '2025-02-07', -2140, 'Fachbuch – 7 % € ', { glAccount: '4940', taxRate: '7' }, { taxAmountMinor: -140 }),
  booking('B-00005', '2025-03-01', 500, 'Zinsen', { glAccount: '2650' }),
  booking('B-00006', '2025-03-02', -770, 'Schweiz', { taxRate: '7.7' }, { currency: 'CHF' }),
];

const profile = (id: string) => builtinCsvExportProfiles.find((p) => p.id === id)!;
const utf8 = (bytes: number[]) => decodeText(bytes, 'utf-8', 'x.csv').text;
const ansi = (bytes: number[]) => decodeText(bytes, 'windows-1252', 'x.csv').text;
const table = (text: string, delimiter: string) => Papa.parse<string[]>(text, { delimiter, newline: text.includes('\r\n') ? '\r\n' : '\n', skipEmptyLines: true }).data;

describe('built-in CSV export profiles', () => {
  it('are valid profiles, the first is Kontomatch', () => {
    for (const p of builtinCsvExportProfiles) expect(csvExportProfileSchema.parse(p)).toEqual(p);
    expect(builtinCsvExportProfiles.map((p) => p.name)).toEqual([
      'Kontomatch (UTF-8, comma, ISO dates)',
      'Excel Deutsch (semicolon, decimal comma, dd.MM.yyyy, Windows-1252)',
      'Excel Deutsch, Soll/Haben (debit and credit columns, semicolon, decimal comma, Windows-1252)',
    ]);
  });

  it('Kontomatch: UTF-8, comma, ISO dates, signed amounts with a point', () => {
    const out = writeCsvExport(BOOKINGS, profile('kontomatch'));
    expect(out.problems).toEqual([]);
    expect(out.name).toBe('Kontomatch_kontomatch_2025-01-02_2025-03-02.csv');
    const text = utf8(out.bytes);
    expect(out.bytes.slice(0, 3)).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = table(text, ',');
    expect(header).toEqual(['id', 'date', 'amount', 'currency', 'description', 'glAccount', 'taxRate', 'taxAmount', 'partner', 'costCentre', 'costObject', 'receiptNumber', 'receiptFile', 'comment', 'bankAccount']);
    expect(rows[0]).toEqual(['B-00001', '2025-01-02', '-119.00', 'EUR', 'Büromaterial Müller & Söhne; "Premium", Papier', '4930', '19', '-19.00', 'Müller & Söhne', '100', '', 'RE-1', '', '', '1200']);
    expect(rows[1]!.slice(0, 8)).toEqual(['B-00002', '2025-01-03', '4165.00', 'EUR', 'Rechnung 17\nKunde Größe AG', '8400', '19', '665.00']);
    // A given tax amount wins over the rate; no rate, no tax amount; a currency's own decimals.
    expect(rows[3]!.slice(2, 8)).toEqual(['-21.40', 'EUR', 'Fachbuch – 7 % € ', '4940', '7', '-1.40']);
    expect(rows[4]!.slice(2, 8)).toEqual(['5.00', 'EUR', 'Zinsen', '2650', '', '']);
    expect(rows[5]!.slice(2, 8)).toEqual(['-7.70', 'CHF', 'Schweiz', '', '7.7', '-0.55']);
    // Quoting: only where needed.
    expect(text).toContain('"Büromaterial Müller & Söhne; ""Premium"", Papier"');
    expect(text).toContain('\r\nB-00005,2025-03-01,5.00,EUR,Zinsen,2650,,,,,,,,,1200\r\n');
  });

  it('Excel Deutsch: Windows-1252 bytes, semicolons, decimal comma, dd.MM.yyyy, CRLF', () => {
    const out = writeCsvExport(BOOKINGS, profile('excel-de'));
    // ä ö ü ß Ä Ö Ü as one byte each, € as 0x80, – as 0x96: Windows-1252, not UTF-8.
    expect(out.bytes).toEqual(expect.arrayContaining([0xfc, 0xf6, 0xdf, 0x80, 0x96]));
    expect(out.bytes.some((b) => b === 0xc3)).toBe(false);
    const text = ansi(out.bytes);
    expect(text.split('\r\n')[0]).toBe('Buchung;Datum;Betrag;Währung;Buchungstext;Sachkonto;Steuersatz;Steuerbetrag;Geschäftspartner;Kostenstelle;Kostenträger;Belegnummer;Beleg;Kommentar;Bankkonto');
    const [, ...rows] = table(text, ';');
    expect(rows[0]!.slice(0, 8)).toEqual(['B-00001', '02.01.2025', '-119,00', 'EUR', 'Büromaterial Müller & Söhne; "Premium", Papier', '4930', '19', '-19,00']);
    expect(rows[3]!.slice(0, 8)).toEqual(['B-00004', '07.02.2025', '-21,40', 'EUR', 'Fachbuch – 7 % € ', '4940', '7', '-1,40']);
    expect(rows[5]!.slice(2, 8)).toEqual(['-7,70', 'CHF', 'Schweiz', '', '7,7', '-0,55']);
    // A comma inside a text needs no quotes with ; as delimiter, a ; does.
    expect(text).toContain(';Zinsen;2650;');
    expect(text).toContain(';"Büromaterial Müller & Söhne; ""Premium"", Papier";');
  });

  it('Excel Deutsch Soll/Haben: money out in Soll, money in in Haben, both positive, tax positive', () => {
    const out = writeCsvExport(BOOKINGS, profile('excel-de-soll-haben'));
    const [header, ...rows] = table(ansi(out.bytes), ';');
    expect(header!.slice(0, 5)).toEqual(['Buchung', 'Datum', 'Soll', 'Haben', 'Währung']);
    expect(rows.map((r) => [r[0], r[2], r[3], r[8]])).toEqual([
      ['B-00001', '119,00', '', '19,00'],
      ['B-00002', '', '4165,00', '665,00'],
      ['B-00003', '12,50', '', ''],
      ['B-00004', '21,40', '', '1,40'],
      ['B-00005', '', '5,00', ''],
      ['B-00006', '7,70', '', '0,55'],
    ]);
  });
});

describe('CSV export safety', () => {
  it('puts a quote before text a spreadsheet would take for a formula, never before an amount', () => {
    const [, , , evil] = table(utf8(writeCsvExport(BOOKINGS, profile('kontomatch')).bytes), ',');
    expect(evil).toEqual(['B-00003', '2025-02-05', '-12.50', 'EUR', `'=HYPERLINK("http://evil.example","Rabatt")`, "'-4210", '', '', "'@Kunde", '', "'\tTab", '', "'\rCR", "'+49 30 123", '1200']);
  });

  it('defuses hostile headers too', () => {
    const p: CsvExportProfile = { ...profile('kontomatch'), columns: [{ field: 'amount', header: '=SUM(A1)' }, { field: 'id', header: 'id' }] };
    expect(utf8(writeCsvExport(BOOKINGS.slice(0, 1), p).bytes)).toBe("'=SUM(A1),id\r\n-119.00,B-00001\r\n");
  });

  it('writes LF, no header, tabs and short dates when the profile says so (an edge space is kept by quotes)', () => {
    const p = csvExportProfileSchema.parse({
      id: 'custom',
      name: 'Custom',
      delimiter: '\t',
      dateFormat: 'd.m.yy',
      header: false,
      lineEnding: '\n',
      columns: [{ field: 'date', header: '' }, { field: 'amount', header: '' }, { field: 'description', header: '' }],
    });
    expect(utf8(writeCsvExport(BOOKINGS.slice(3, 5), p).bytes)).toBe('7.2.25\t-21.40\t"Fachbuch – 7 % € "\n1.3.25\t5.00\tZinsen\n');
  });

  it('replaces characters Windows-1252 lacks instead of writing wrong bytes', () => {
    const out = writeCsvExport([booking('B-1', '2025-01-02', -100, 'Łódź ő 😀')], profile('excel-de'));
    expect(ansi(out.bytes).split('\r\n')[1]!.split(';')[4]).toBe('Lódz o ?');
  });

  it('leaves out a booking without a calendar date, naming it', () => {
    const out = writeCsvExport([booking('B-1', '2025-02-30', -100, 'x'), BOOKINGS[4]!], profile('kontomatch'), { createdAt: '2025-04-01T10:00:00.000' });
    expect(out.problems).toEqual([{ bookingId: 'B-1', field: 'date', message: 'B-1: date "2025-02-30" is not a calendar date' }]);
    expect(table(utf8(out.bytes), ',').map((r) => r[0])).toEqual(['id', 'B-00005']);
    expect(writeCsvExport([], profile('excel-de'), { createdAt: '2025-04-01T10:00:00.000' }).name).toBe('Kontomatch_excel-de_2025-04-01.csv');
  });

  it('refuses profiles that contradict themselves', () => {
    const base = { id: 'p', name: 'P', columns: [{ field: 'amount', header: 'Betrag' }] };
    expect(csvExportProfileSchema.safeParse(base).success).toBe(true);
    expect(csvExportProfileSchema.safeParse({ ...base, columns: [{ field: 'debit', header: 'Soll' }] }).success).toBe(false);
    expect(csvExportProfileSchema.safeParse({ ...base, amountStyle: 'debit-credit' }).success).toBe(false);
    expect(csvExportProfileSchema.safeParse({ ...base, amountStyle: 'debit-credit', columns: [{ field: 'debit', header: 'S' }, { field: 'credit', header: 'H' }] }).success).toBe(true);
    expect(csvExportProfileSchema.safeParse({ ...base, delimiter: ',', decimalSeparator: ',' }).success).toBe(false);
    expect(csvExportProfileSchema.safeParse({ ...base, dateFormat: 'dd.MM.yyyy hh:mm' }).success).toBe(false);
    expect(csvExportProfileSchema.safeParse({ ...base, dateFormat: 'MM/dd/yyyy' }).success).toBe(true);
    expect(csvExportProfileSchema.safeParse({ ...base, columns: [] }).success).toBe(false);
  });
});
