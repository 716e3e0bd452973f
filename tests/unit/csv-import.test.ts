import { describe, expect, it } from 'vitest';
import { readCsvStatement } from '../../src/core/import/csv';
import { findProfile } from '../../src/core/profiles/builtin';
import { parseProfile, type CsvProfile, type CsvProfileInput } from '../../src/core/profiles/profile';
import { describeLineError, StatementFileError } from '../../src/core/transaction';
import { sparkasseCsvText, windows1252 } from '../helpers/sparkasse-csv';

const sparkasse = findProfile('sparkasse-csv-camt-v2')!;
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function profile(input: Partial<CsvProfileInput> & Pick<CsvProfileInput, 'columns'>): CsvProfile {
  const r = parseProfile({ id: 'test', name: 'Test bank', dateFormats: ['dd.mm.yyyy'], ...input }, 'test');
  if (!r.ok) throw new Error(r.message);
  return r.profile;
}

const simple = profile({
  thousandsSeparator: '.',
  columns: { bookingDate: 'Datum', counterpartyName: 'Name', purpose: 'Zweck', amount: 'Betrag', counterpartyIban: 'IBAN' },
});

const read = (text: string, p: CsvProfile = simple, fileName = 'test.csv') => readCsvStatement({ fileName, bytes: utf8(text) }, p);

describe('readCsvStatement', () => {
  it('reads a Sparkasse file in Windows-1252 with umlauts and €', () => {
    const text = sparkasseCsvText([
      { bookingDate: '30.12.24', valueDate: '02.01.25', purpose: 'Rechnung „Nr. 4711“ – Müller', counterparty: 'Jörg Weiß', iban: 'de89 3704 0044 0532 0130 00', amount: '1.234,56' },
      { bookingDate: '31.12.24', purpose: 'Gebühr €', counterparty: 'Sparkasse', amount: '-4,50', bookingText: 'ENTGELTABSCHLUSS' },
    ]);
    const r = readCsvStatement({ fileName: 'umsatz.csv', bytes: windows1252(text) }, sparkasse);
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ format: 'csv', profileId: 'sparkasse-csv-camt-v2', account: 'DE12500105170648489890', rowsRead: 2, encoding: 'windows-1252' });
    expect(r.transactions.map(({ fingerprint: _f, ...t }) => t)).toEqual([
      {
        line: 2, bookingDate: '2024-12-30', valueDate: '2025-01-02', amountMinor: 123456, currency: 'EUR', counterpartyName: 'Jörg Weiß',
        counterpartyIban: 'DE89370400440532013000', purpose: 'Rechnung „Nr. 4711“ – Müller', bookingType: 'GUTSCHR. UEBERWEISUNG',
      },
      {
        line: 3, bookingDate: '2024-12-31', valueDate: '2024-12-31', amountMinor: -450, currency: 'EUR', counterpartyName: 'Sparkasse',
        counterpartyIban: null, purpose: 'Gebühr €', bookingType: 'ENTGELTABSCHLUSS',
      },
    ]);
    expect(r.transactions[0]!.fingerprint).toMatch(/^[0-9a-f]{20}$/);
  });

  it('counts physical lines when cells span lines, and ignores blank lines', () => {
    const text = 'Datum;Name;Zweck;Betrag\r\n01.02.2024;A;"zwei\r\nZeilen";1,00\r\n\r\n02.02.2024;B;"drei\n\nZeilen";2,00\n03.02.2024;C;x;kaputt\n';
    const r = read(text);
    expect(r.transactions.map((t) => [t.line, t.purpose])).toEqual([
      [2, 'zwei Zeilen'],
      [5, 'drei Zeilen'],
    ]);
    expect(r.errors).toEqual([
      { file: 'test.csv', line: 8, column: 3, field: 'amount', found: 'kaputt', message: expect.stringContaining('amount is not an amount') },
    ]);
    expect(r.rowsRead).toBe(3);
  });

  it('rejects bad rows with file, line, column, field and found text, and keeps the others', () => {
    const text = [
      'Datum;Name;Zweck;Betrag',
      '31.02.2024;A;x;1,00',
      '01.02.2024;B;y;12,3x',
      '01.02.2024;C;z',
      '01.02.2024;D;ok;-1.000,00',
      'gestern;E;w;1,2,3',
    ].join('\n');
    const r = read(text);
    expect(r.transactions.map((t) => [t.line, t.amountMinor])).toEqual([[5, -100000]]);
    expect(r.errors.map(describeLineError)).toEqual([
      'test.csv, line 2, column 0 (bookingDate): booking date is not a calendar day (02/2024 has no day 31) — found "31.02.2024"',
      'test.csv, line 3, column 3 (amount): amount is not an amount (expected digits with "," as decimal separator and "." between groups of three digits) — found "12,3x"',
      'test.csv, line 4: has 3 columns, expected 4 — found "01.02.2024;C;z"',
      'test.csv, line 6, column 0 (bookingDate): booking date is not a date in the form dd.mm.yyyy; also column 3 (amount) "1,2,3" amount is not an amount (expected digits with "," as decimal separator and "." between groups of three digits) — found "gestern"',
    ]);
    // One error per rejected line: callers count rejected lines by errors.
    expect(new Set(r.errors.map((e) => e.line)).size).toBe(r.errors.length);
    expect(r.rowsRead).toBe(5);
  });

  it('reports an unclosed quote at its line', () => {
    const r = read('Datum;Name;Zweck;Betrag\n01.02.2024;A;x;1,00\n01.02.2024;"B;x;1,00\n01.02.2024;C;x;1,00\n');
    expect(r.transactions).toHaveLength(1);
    expect(r.errors).toMatchObject([{ line: 3, column: null, field: 'line', message: expect.stringContaining('never closed') }]);
  });

  it('normalises IBANs but keeps ones with wrong check digits, and collapses whitespace', () => {
    const r = read('Datum;Name;Zweck;IBAN;Betrag\n01.02.2024;"  Firma   GmbH  ";"  RE 1 \t  RE 2  ";"de00 1234 5678 9012 3456 78";1,00\n');
    expect(r.transactions[0]).toMatchObject({ counterpartyName: 'Firma GmbH', purpose: 'RE 1 RE 2', counterpartyIban: 'DE00123456789012345678' });
  });

  it('finds the header by its text behind a preamble, and drops footer lines', () => {
    const p = profile({
      header: { present: true, findByText: 'Buchung' },
      skipFooterLines: 1,
      columns: { bookingDate: 'Buchung', counterpartyName: 'Auftraggeber/Empfänger', purpose: 'Verwendungszweck', amount: 'Betrag', currency: 'Währung' },
    });
    const text = [
      'Umsatzanzeige;Datei erstellt am: 01.03.2024',
      'IBAN;DE12 5001 0517 0648 4898 90',
      '"Kunde";"unbalanced',
      '',
      'Buchung;Auftraggeber/Empfänger;Verwendungszweck;Betrag;Währung',
      '01.02.2024;A;x;-5,50;EUR',
      '02.02.2024;B;y;3;CHF',
      'Kontostand;;;100,00;EUR',
    ].join('\n');
    // The preamble's unbalanced quote must not swallow the bookings: skip it by lines.
    const r = readCsvStatement({ fileName: 'ing.csv', bytes: utf8(text) }, { ...p, skipLines: 3 });
    expect(r.errors).toEqual([]);
    expect(r.transactions.map((t) => [t.line, t.amountMinor, t.currency])).toEqual([
      [6, -550, 'EUR'],
      [7, 300, 'CHF'],
    ]);
  });

  it('stops with a file error naming a missing required header', () => {
    expect(() => read('Datum;Name;Zweck;Summe\n01.02.2024;A;x;1,00\n')).toThrow(StatementFileError);
    expect(() => read('Datum;Name;Zweck;Summe\n01.02.2024;A;x;1,00\n')).toThrow(/has no column "Betrag" \(needed for amount/);
    expect(() => readCsvStatement({ fileName: 'x.csv', bytes: utf8('a;b\n1;2\n') }, sparkasse)).toThrow(
      /no line has a column "Auftragskonto"/,
    );
  });

  it('treats a missing optional header as an absent column', () => {
    const p = profile({ columns: { bookingDate: 'Datum', counterpartyName: 'Name', purpose: 'Zweck', amount: 'Betrag', valueDate: 'Valuta', bookingType: 'Art' } });
    expect(read('Datum;Name;Zweck;Betrag\n01.02.2024;A;x;1,00\n', p).transactions[0]).toMatchObject({ valueDate: null, bookingType: null });
  });

  it('reads files without header by column index, purpose from several columns', () => {
    const p = profile({ header: { present: false }, columns: { bookingDate: 0, counterpartyName: 1, purpose: [2, 3], amount: 4 } });
    const r = read('01.02.2024;A;Teil 1;Teil 2;1,00\n02.02.2024;B;;nur zwei;2,00\n', p);
    expect(r.transactions.map((t) => [t.line, t.purpose])).toEqual([
      [1, 'Teil 1 Teil 2'],
      [2, 'nur zwei'],
    ]);
  });

  it('signs debit and credit columns, signed or not', () => {
    const p = profile({
      decimalSeparator: '.',
      thousandsSeparator: "'",
      columns: { bookingDate: 'Datum', counterpartyName: 'Text', purpose: 'Text', debit: 'Belastung', credit: 'Gutschrift' },
    });
    const r = read(
      'Datum;Text;Belastung;Gutschrift\n01.02.2024;a;177\'923.47;\n02.02.2024;b;;50.00\n03.02.2024;c;-4200.00;\n04.02.2024;d;;\n05.02.2024;e;1.00;2.00\n',
      p,
    );
    expect(r.transactions.map((t) => t.amountMinor)).toEqual([-17792347, 5000, -420000]);
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([
      [5, 'debit'],
      [6, 'credit'],
    ]);
  });

  it('signs an unsigned amount by a debit/credit marker', () => {
    const p = profile({
      columns: {
        bookingDate: 0, counterpartyName: 1, purpose: 1, amount: 2,
        debitCreditMarker: { column: 3, debitValues: ['S', 'Soll'], creditValues: ['H', 'Haben'] },
      },
    });
    const r = read('Datum;Name;Betrag;S/H\n01.02.2024;a;10,00;S\n01.02.2024;b;10,00;h\n01.02.2024;c;10,00;X\n', p);
    expect(r.transactions.map((t) => t.amountMinor)).toEqual([-1000, 1000]);
    expect(r.errors).toMatchObject([{ line: 4, column: 3, field: 'debitCreditMarker', found: 'X' }]);
  });

  it('takes the currency from the amount when there is no currency column, and refuses a contradiction', () => {
    const p = profile({ thousandsSeparator: '.', columns: { bookingDate: 0, counterpartyName: 1, purpose: 1, amount: 2, currency: 'Whg' } });
    const r = read('Datum;Name;Betrag;Whg\n01.02.2024;a;-1.234,56 €;\n01.02.2024;b;5,00;CHF\n01.02.2024;c;5,00 €;CHF\n01.02.2024;d;5,00;Euro\n', p);
    expect(r.transactions.map((t) => [t.amountMinor, t.currency])).toEqual([
      [-123456, 'EUR'],
      [500, 'CHF'],
    ]);
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([
      [4, 'currency'],
      [5, 'currency'],
    ]);
  });

  it('skips pending Sparkasse bookings and reports them as skipped, not as errors', () => {
    const text = sparkasseCsvText([
      { bookingDate: '02.01.25', purpose: 'vorgemerkt', counterparty: 'A', amount: '-1,00', info: 'Umsatz vorgemerkt' },
      { bookingDate: '02.01.25', purpose: 'gebucht', counterparty: 'B', amount: '-2,00', info: 'Umsatz gebucht' },
    ]);
    const r = readCsvStatement({ fileName: 's.csv', bytes: windows1252(text) }, sparkasse);
    expect(r.transactions.map((t) => t.purpose)).toEqual(['gebucht']);
    expect(r.skipped).toEqual([{ line: 2, reason: 'not booked yet (pending booking)' }]);
    expect(r.errors).toEqual([]);
    expect(r.rowsRead).toBe(2);
  });

  it('refuses a file that mixes two own accounts', () => {
    const text = sparkasseCsvText([
      { account: 'DE12500105170648489890', bookingDate: '02.01.25', purpose: 'a', counterparty: 'A', amount: '1,00' },
      { account: 'DE02120300000000202051', bookingDate: '02.01.25', purpose: 'b', counterparty: 'B', amount: '2,00' },
    ]);
    const r = readCsvStatement({ fileName: 's.csv', bytes: windows1252(text) }, sparkasse);
    expect(r.transactions).toHaveLength(1);
    expect(r.errors).toMatchObject([{ line: 3, field: 'account', message: expect.stringContaining('one account per file') }]);
  });

  it('accepts the signed bytes of Apps Script', () => {
    const text = sparkasseCsvText([{ bookingDate: '02.01.25', purpose: 'Müll', counterparty: 'A', amount: '1,00' }]);
    const signed = Array.from(windows1252(text), (b) => (b > 127 ? b - 256 : b));
    expect(readCsvStatement({ fileName: 's.csv', bytes: signed }, sparkasse).transactions[0]!.purpose).toBe('Müll');
  });

  it('passes file errors on: empty, binary, header only is fine', () => {
    expect(() => read('')).toThrow('test.csv: the file is empty');
    expect(() => readCsvStatement({ fileName: 'a.xlsx', bytes: [0x50, 0x4b, 0x03, 0x04, 0x00, 0x00] }, simple)).toThrow(/binary/);
    expect(read('Datum;Name;Zweck;Betrag\n')).toMatchObject({ rowsRead: 0, transactions: [], errors: [] });
  });
});
