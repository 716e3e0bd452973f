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
        counterpartyBic: null, endToEndId: null, mandateReference: null, creditorId: null,
      },
      {
        line: 3, bookingDate: '2024-12-31', valueDate: '2024-12-31', amountMinor: -450, currency: 'EUR', counterpartyName: 'Sparkasse',
        counterpartyIban: null, purpose: 'Gebühr €', bookingType: 'ENTGELTABSCHLUSS',
        counterpartyBic: null, endToEndId: null, mandateReference: null, creditorId: null,
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

  it('reports an unclosed quote at its line and reads on after it', () => {
    const r = read('Datum;Name;Zweck;Betrag\n01.02.2024;A;x;1,00\n01.02.2024;"B;x;1,00\n01.02.2024;C;x;1,00\n01.02.2024;"D;x;2,00\n01.02.2024;E;"x\ny";3,00\n');
    // The grammar alone would read everything after the stray quote into one cell and lose the bookings after it.
    expect(r.transactions.map((t) => [t.line, t.counterpartyName, t.purpose])).toEqual([
      [2, 'A', 'x'],
      [4, 'C', 'x'],
      [6, 'E', 'x y'],
    ]);
    expect(r.errors).toMatchObject([
      { line: 3, column: null, field: 'line', found: '01.02.2024;"B;x;1,00', message: expect.stringContaining('never closed') },
      { line: 5, column: null, field: 'line', found: '01.02.2024;"D;x;2,00', message: expect.stringContaining('never closed') },
    ]);
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
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([[6, 'credit']]);
    // No amount at all is no booking (a balance or information line): listed as skipped, never silently dropped.
    expect(r.skipped).toEqual([{ line: 5, reason: 'no amount: not a booking (balance or information line)' }]);
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

  it('passes file errors on: empty, binary, wrong encoding; header only is fine', () => {
    expect(() => read('')).toThrow('test.csv: the file is empty');
    expect(() => readCsvStatement({ fileName: 'a.xlsx', bytes: [0x50, 0x4b, 0x03, 0x04, 0x00, 0x00] }, simple)).toThrow(/binary/);
    const pdf = [...utf8('%PDF-1.7\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a, ...utf8('1 0 obj\n'), 0x00, 0x01, 0x02];
    expect(() => readCsvStatement({ fileName: 'auszug.pdf', bytes: pdf }, simple)).toThrow('auszug.pdf: looks like a binary file, not a bank statement');
    const latin1 = windows1252('Datum;Name;Zweck;Betrag\n01.02.2024;Müller;x;1,00\n');
    expect(() => readCsvStatement({ fileName: 'u.csv', bytes: latin1 }, { ...simple, encoding: 'utf-8' })).toThrow(
      'u.csv: is not valid UTF-8; choose the encoding Windows-1252 in the bank profile',
    );
    expect(readCsvStatement({ fileName: 'u.csv', bytes: latin1 }, simple).transactions[0]!.counterpartyName).toBe('Müller');
    expect(read('Datum;Name;Zweck;Betrag\n')).toMatchObject({ rowsRead: 0, transactions: [], errors: [] });
  });
});

describe('readCsvStatement: what real bank exports need', () => {
  it('names a column by any of its header texts, and takes the last of two equal names when told', () => {
    const p = profile({
      thousandsSeparator: '.',
      columns: {
        bookingDate: { anyOf: ['Buchungsdatum', 'Date', 'Data'] },
        counterpartyName: 'Name',
        purpose: 'Name',
        amount: 'Betrag',
        currency: { anyOf: ['Währung'], occurrence: 'last' },
      },
    });
    // ING with balance: "Saldo;Währung;Betrag;Währung" — the amount's currency is the second one.
    const r = read('Date;Name;Saldo;Währung;Betrag;Währung\n01.02.2024;A;100,00;EUR;5,00;CHF\n', p);
    expect(r.transactions.map((t) => [t.bookingDate, t.amountMinor, t.currency])).toEqual([['2024-02-01', 500, 'CHF']]);
  });

  it('takes the currency a header names with {currency}, unless a row names its own', () => {
    const p = profile({
      decimalSeparator: '.',
      thousandsSeparator: "'",
      columns: { bookingDate: 'Datum', counterpartyName: 'Text', purpose: 'Text', debit: 'Belastung {currency}', credit: 'Gutschrift {currency}', currency: 'Whg' },
    });
    const r = read("Datum;Text;Whg;Belastung EUR;Gutschrift EUR\n01.02.2024;a;;1'000.00;\n02.02.2024;b;USD;;5.00\n", p);
    expect(r.transactions.map((t) => [t.amountMinor, t.currency])).toEqual([
      [-100000, 'EUR'],
      [500, 'USD'],
    ]);
    expect(() => read('Datum;Text;Whg;Belastung EUR;Gutschrift CHF\n', p)).toThrow(/names two currencies \(EUR, CHF\)/);
  });

  it('finds the header by the columns the profile needs, behind a preamble of any length', () => {
    const p = profile({ thousandsSeparator: '.', columns: { bookingDate: 'Datum', counterpartyName: 'Name', purpose: 'Zweck', amount: 'Betrag' } });
    const preamble = ['Konto;DE12 5001 0517 0648 4898 90', 'Datum;01.03.2024', 'Saldo;1.234,56;EUR', ''];
    for (const lines of [1, 3, 4]) {
      const text = [...preamble.slice(0, lines), 'Datum;Name;Zweck;Betrag', '01.02.2024;A;x;-5,00'].join('\n');
      expect(read(text, p).transactions.map((t) => [t.line, t.amountMinor])).toEqual([[lines + 2, -500]]);
    }
    // No line has all of them: the closest one is named, with what it lacks.
    expect(() => read('Konto;1\nDatum;Name;Zweck;Summe\n01.02.2024;A;x;1,00\n', p)).toThrow(/has no column "Betrag" \(needed for amount by the profile "Test bank"\); the header in line 2/);
    expect(() => read('Konto;1\nfoo;bar\n', p)).toThrow(/does not look like a "Test bank" file: no line has any of the columns "Datum", "Name", "Zweck", "Betrag"/);
  });

  it('reads a header whose umlauts a wrong conversion turned into U+FFFD', () => {
    const p = profile({ columns: { bookingDate: 'Buchungstag', counterpartyName: 'Begünstigter / Auftraggeber', purpose: 'Verwendungszweck', amount: 'Betrag', currency: 'Währung' } });
    const r = read('Buchungstag;Beg\ufffdnstigter / Auftraggeber;Verwendungszweck;Betrag;W\ufffdhrung\n01.02.2024;Jörg;x;1,00;CHF\n', p);
    expect(r.transactions[0]).toMatchObject({ counterpartyName: 'Jörg', currency: 'CHF' });
    // Only where the file has U+FFFD, and only for a non-ASCII letter of the profile's text.
    expect(() => read('Buchungstag;Beg\ufffdnstigter / Auftraggeber;Verwendungszweck;Betrag;W\ufffdhrunx\n', { ...p, columns: { ...p.columns, currency: 'Währung' } })).not.toThrow();
    expect(read('Buchungstag;Beg\ufffdnstigter / Auftraggeber;Verwendungszweck;Betrag;W\ufffdhrunx\n01.02.2024;J;x;1,00;CHF\n', p).transactions[0]!.currency).toBe('EUR');
  });

  it('ends the bookings at a footer found by its content, and reports bookings behind it instead of dropping them', () => {
    const p = profile({
      thousandsSeparator: '.',
      footerPattern: '^[^\\d;][^;]*;\\d{1,2}\\.\\d{1,2}\\.\\d{4};',
      columns: { bookingDate: 'Buchungstag', counterpartyName: 'Name', purpose: 'Name', amount: 'Betrag' },
    });
    const r = read('Buchungstag;Name;Betrag\n01.02.2024;A;-5,00\nKontostand;28.02.2024;1.234,56\n02.02.2024;B;-7,00\nHinweis: Ende\n', p);
    expect(r.transactions.map((t) => t.amountMinor)).toEqual([-500]);
    expect(r.errors).toMatchObject([
      { line: 4, field: 'line', found: '02.02.2024;B;-7,00', message: 'looks like a booking, but comes after the end of the bookings (line 3); check the file' },
    ]);
  });

  it('appends the text of lines without amount to the booking above (collective bookings, details)', () => {
    const p = profile({
      decimalSeparator: '.',
      continuationLines: 'appendToPurpose',
      columns: { bookingDate: 'Datum', counterpartyName: 'Text', purpose: ['Text', 'Details'], debit: 'Belastung', credit: 'Gutschrift' },
    });
    const text = [
      'Datum;Text;Details;Belastung;Gutschrift',
      ';vor allem;;;', // no booking above it yet
      '01.02.2024;Sammelauftrag (2);;300.00;',
      ';Miete;Wohnung 1;;',
      ';Nebenkosten;;;',
      '02.02.2024;kaputt;;3x;',
      ';gehört zu kaputt;;;',
      ';ohne Datum;;5.00;', // money without a date is an error, never a continuation
      '03.02.2024;Zins;;;1.00',
      ';Zinsabschluss', // UBS writes such lines short
    ].join('\n');
    const r = read(text, p);
    expect(r.transactions.map((t) => [t.line, t.amountMinor, t.purpose])).toEqual([
      [3, -30000, 'Sammelauftrag (2) Miete Wohnung 1 Nebenkosten'],
      [9, 100, 'Zins Zinsabschluss'],
    ]);
    expect(r.skipped).toEqual([
      { line: 2, reason: 'continuation line without a booking above it (no date, no amount)' },
      { line: 7, reason: 'continues line 6, which was not imported (no date, no amount)' },
    ]);
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([
      [6, 'debit'],
      [8, 'bookingDate'],
    ]);
    expect(r.rowsRead).toBe(6);
  });

  it('accepts a trailing delimiter in the header or in the rows, not a row with more filled cells', () => {
    const r = read('Datum;Name;Zweck;Betrag;\n01.02.2024;A;x;1,00;\n02.02.2024;B;x;2,00\n03.02.2024;C;x;3,00;;\n04.02.2024;D;x;4,00;;mehr\n');
    expect(r.transactions.map((t) => t.line)).toEqual([2, 3, 4]);
    expect(r.errors).toMatchObject([{ line: 5, field: 'line', message: 'has 6 columns, expected 5' }]);
    const rowsOnly = read('Datum;Name;Zweck;Betrag\n01.02.2024;A;x;1,00;\n');
    expect(rowsOnly.transactions).toHaveLength(1);
  });

  it('reads Excel formula cells ="…" and lines that start with a space before the quote', () => {
    const r = read(' "Datum";"Name";"Zweck";"Betrag"\n "01.02.2024";="00123";"x";"1,00"\n');
    expect(r.errors).toEqual([]);
    expect(r.transactions[0]).toMatchObject({ bookingDate: '2024-02-01', counterpartyName: '00123' });
  });

  it('takes the SEPA fields out of an MT940-style purpose and reads NOTPROVIDED as no reference', () => {
    const p = profile({
      sepaKeywordsInPurpose: true,
      columns: { bookingDate: 'Datum', counterpartyName: 'Name', purpose: 'Verwendungszweck', amount: 'Betrag' },
    });
    const r = read(
      'Datum;Name;Verwendungszweck;Betrag\n' +
        '01.02.2024;A;EREF+RE 4711MREF+M-1CRED+DE98ZZZ09999999999SVWZ+Rechnung 4711;-5,00\n' +
        '01.02.2024;B;EREF+NOTPROVIDEDSVWZ+Miete Februar;900,00\n' +
        '01.02.2024;C;Bareinzahlung;100,00\n',
      p,
    );
    expect(r.transactions.map((t) => [t.purpose, t.endToEndId, t.mandateReference, t.creditorId])).toEqual([
      ['Rechnung 4711', 'RE 4711', 'M-1', 'DE98ZZZ09999999999'],
      ['Miete Februar', null, null, null],
      ['Bareinzahlung', null, null, null],
    ]);
    const columns = profile({ columns: { bookingDate: 'Datum', counterpartyName: 'Name', purpose: 'Name', amount: 'Betrag', endToEndId: 'Kundenreferenz (End-to-End)', counterpartyBic: 'BIC' } });
    expect(read('Datum;Name;Betrag;Kundenreferenz (End-to-End);BIC\n01.02.2024;A;1,00;NOTPROVIDED;cobadeffxxx\n', columns).transactions[0]).toMatchObject({
      endToEndId: null,
      counterpartyBic: 'COBADEFFXXX',
    });
  });

  it('reads the counterparty from the payer column for money coming in (DKB)', () => {
    const p = profile({ columns: { bookingDate: 'Datum', counterpartyName: 'Empfänger', counterpartyNameIncoming: 'Zahler', purpose: 'Zweck', amount: 'Betrag' } });
    const r = read('Datum;Zahler;Empfänger;Zweck;Betrag\n01.02.2024;Kunde AG;Ich;RE 1;100,00\n02.02.2024;Ich;Vermieter;Miete;-900,00\n', p);
    expect(r.transactions.map((t) => t.counterpartyName)).toEqual(['Kunde AG', 'Vermieter']);
  });

  it('takes a fee off the amount, and refuses a file without the fee column the profile names', () => {
    const p = profile({ decimalSeparator: '.', columns: { bookingDate: 'Datum', counterpartyName: 'Text', purpose: 'Text', amount: 'Amount', fee: 'Fee' } });
    const r = read('Datum;Text;Amount;Fee\n01.02.2024;a;-100.00;0.50\n02.02.2024;b;200.00;1.00\n03.02.2024;c;-5.00;\n04.02.2024;d;-5.00;x\n', p);
    expect(r.transactions.map((t) => t.amountMinor)).toEqual([-10050, 19900, -500]);
    expect(r.errors).toMatchObject([{ line: 5, field: 'fee', found: 'x' }]);
    expect(() => read('Datum;Text;Amount\n01.02.2024;a;-100.00\n', p)).toThrow(/has no column "Fee" \(needed for fee/);
  });

  it('keeps the sign of a credit with a minus (a reversal), and makes every debit money out', () => {
    const p = profile({ decimalSeparator: '.', columns: { bookingDate: 'Datum', counterpartyName: 'Text', purpose: 'Text', debit: 'Soll', credit: 'Haben' } });
    const r = read('Datum;Text;Soll;Haben\n01.02.2024;a;;-1100.00\n01.02.2024;b;;1100.00\n01.02.2024;c;-5.00;\n01.02.2024;d;5.00;\n', p);
    expect(r.transactions.map((t) => t.amountMinor)).toEqual([-110000, 110000, -500, -500]);
  });
});
