/**
 * DATEV EXTF Buchungsstapel: the writer's files checked by the independent validator (tests/helpers/datev-validator.ts),
 * read back, split by fiscal year and period, bookings refused with their reason; and the validator shown to catch
 * broken files.
 */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { type AccountingData, emptyAccountingData } from '../../src/core/accounting/fields';
import { DATEV_DEFAULTS, datevProblemsOf, datevSettingsSchema, type DatevSettings, writeDatevBatches } from '../../src/core/export/datev';
import type { ExportBooking } from '../../src/core/export/export-booking';
import { decodeText } from '../../src/core/text/decode';
import { coreInBareContext } from '../helpers/bare-core';
import { parseExtfBookings, validateExtf } from '../helpers/datev-validator';

interface Fixture {
  booking: ExportBooking;
  /** What DATEV should read back as Buchungstext, when not the description itself. */
  text?: string;
  buKey: string;
}

function booking(id: string, date: string, amountMinor: number, description: string, accounting: Partial<AccountingData>, extra: Partial<ExportBooking> = {}): ExportBooking {
  return { id, date, amountMinor, currency: 'EUR', description, accounting: { ...emptyAccountingData(), ...accounting }, taxAmountMinor: null, bankAccount: '', ...extra };
}

const LONG = 'Lastschrift Allianz Versicherungs-AG Vertrag 998877665544 Beitrag 1. Quartal 2025';

/** A quarter of a small firm's bank bookings, SKR03. */
const FIXTURES: Fixture[] = [
  { booking: booking('B-00001', '2025-01-02', -11900, 'Büromaterial Müller & Söhne; "Premium" Papier', { glAccount: '4930', taxRate: '19', receiptNumber: 'RE-2025-001', costCentre: '100' }), buKey: '9' },
  { booking: booking('B-00002', '2025-01-03', 416500, 'Rechnung 2025-17 Kunde Größe AG', { glAccount: '8400', taxRate: '19', partner: 'Größe AG' }), buKey: '' },
  { booking: booking('B-00003', '2025-01-05', -150000, 'Miete Januar Büro Hauptstraße 5', { glAccount: '4210' }), buKey: '' },
  { booking: booking('B-00004', '2025-01-07', -2140, 'Fachbuch Steuerrecht', { glAccount: '4940', taxRate: '7' }), buKey: '8' },
  { booking: booking('B-00005', '2025-01-08', 53500, 'Verkauf Bücher', { glAccount: '8300', taxRate: '7 %' }), buKey: '' },
  { booking: booking('B-00006', '2025-01-10', -4999, 'Telekom Rechnung\nKundennummer 12345\r\n  Januar', { glAccount: '4920', taxRate: '19' }), text: 'Telekom Rechnung Kundennummer 12345 Januar', buKey: '9' },
  { booking: booking('B-00007', '2025-01-12', -8900, LONG, { glAccount: '4360', taxRate: '0' }), text: LONG.slice(0, 60), buKey: '' },
  { booking: booking('B-00008', '2025-01-15', 23800, 'Beratung; Projekt "Nordlicht" – Abschlag 200 €', { glAccount: '8200', taxRate: '19', costCentre: 'Vertrieb', costObject: 'P 2025 01' }), buKey: '3' },
  { booking: booking('B-00009', '2025-01-20', -595, 'Porto Deutsche Post', { glAccount: '4910', taxRate: '0' }), buKey: '' },
  { booking: booking('B-00010', '2025-01-31', -119, 'Kontoführung Januar', { glAccount: '4970' }), buKey: '' },
  { booking: booking('B-00011', '2025-01-25', -3000, 'Emoji 😀 bei Łódź', { glAccount: '4900', taxRate: '19' }), text: 'Emoji ? bei Lódz', buKey: '9' },
  { booking: booking('B-00012', '2025-02-01', -35700, '=HYPERLINK("http://x") Software-Abo', { glAccount: '4806', taxRate: '19', receiptNumber: 'INV/2025/0042' }), buKey: '9' },
  { booking: booking('B-00013', '2025-02-03', 119000, 'Zahlung Rechnung RE 2025.003', { glAccount: '8400', taxRate: '19', receiptNumber: 'RE 2025.003' }), buKey: '' },
  { booking: booking('B-00014', '2025-02-10', -5000, 'Bewirtung Café Zoë', { glAccount: '4650', taxRate: '19' }, { bankAccount: '1210' }), buKey: '9' },
  { booking: booking('B-00015', '2025-02-14', -4280, 'Tankstelle Aral Fürth', { glAccount: '4530', taxRate: '19', costCentre: 'KFZ 1' }), buKey: '9' },
  { booking: booking('B-00016', '2025-02-28', -12000, 'Rückerstattung an Kunde Weiß', { glAccount: '8400', taxRate: '19' }), buKey: '' },
  { booking: booking('B-00017', '2025-03-03', -2500000, 'Darlehen Tilgung', { glAccount: '0630' }), buKey: '' },
  { booking: booking('B-00018', '2025-03-10', 500, 'Zinsen Tagesgeld', { glAccount: '2650' }), buKey: '' },
  { booking: booking('B-00019', '2025-03-15', -16660, 'Hotel Übernachtung München', { glAccount: '4660', taxRate: '7', costCentre: '200' }), buKey: '8' },
  { booking: booking('B-00020', '2025-03-20', 99999, 'Kunde Ärzte GmbH äöüß ÄÖÜ € Zahlung', { glAccount: '10000' }), buKey: '' },
  { booking: booking('B-00021', '2025-03-31', -7735, 'Amazon Bestellung 302-1234567-1234567', { glAccount: '4980', taxRate: '19', receiptNumber: 'AMZ-302-1234567-1234567', receiptFile: 'https://drive.google.com/file/d/1AbC/view' }), buKey: '9' },
  { booking: booking('B-00022', '2025-03-31', -1000, 'Spende Rotes Kreuz', { glAccount: '2380', taxRate: '0' }), buKey: '' },
];
const BOOKINGS = FIXTURES.map((f) => f.booking);

const SETTINGS: DatevSettings = datevSettingsSchema.parse({ consultantNumber: 29098, clientNumber: 55003 });
const META = { createdAt: '2025-04-02T09:15:30.123', exportedBy: 'anna.berger@kanzlei.example' };
const settings = (over: Partial<DatevSettings> = {}): DatevSettings => ({ ...SETTINGS, ...over });

/** Windows-1252 both ways, by the import side's decoder (Node 20's own decoder reads "windows-1252" as Latin-1). */
const latin1 = (bytes: ArrayLike<number>) => decodeText(bytes, 'windows-1252', 'EXTF.csv').text;
const HIGH = latin1(Array.from({ length: 32 }, (_, i) => 0x80 + i));
const cp1252 = (text: string) =>
  Array.from(text, (c) => {
    const high = HIGH.indexOf(c);
    if (high >= 0) return 0x80 + high;
    if (c.charCodeAt(0) < 0x100) return c.charCodeAt(0);
    throw new Error(`not in cp1252: ${c}`);
  });

describe('DATEV EXTF files', () => {
  const written = writeDatevBatches(BOOKINGS, SETTINGS, META);

  it('writes one valid file per month, each booking in exactly one', () => {
    expect(written.problems).toEqual([]);
    expect(written.files.map((f) => [f.name, f.from, f.to, f.bookingIds.length])).toEqual([
      ['EXTF_Buchungsstapel_2025-01-01_2025-01-31.csv', '2025-01-01', '2025-01-31', 11],
      ['EXTF_Buchungsstapel_2025-02-01_2025-02-28.csv', '2025-02-01', '2025-02-28', 5],
      ['EXTF_Buchungsstapel_2025-03-01_2025-03-31.csv', '2025-03-01', '2025-03-31', 6],
    ]);
    expect(written.files.flatMap((f) => f.bookingIds).sort()).toEqual(BOOKINGS.map((b) => b.id).sort());
    for (const file of written.files) {
      const check = validateExtf(file.bytes);
      expect(check.errors, file.name).toEqual([]);
      expect(check.rows.map((r) => r['Belegfeld 2'])).toEqual(file.bookingIds);
    }
  });

  it('reads back with the same amounts, dates, accounts, tax keys and texts (umlauts included)', () => {
    const back = written.files.flatMap((f) => parseExtfBookings(f.bytes));
    const byId = new Map(back.map((b) => [b.belegfeld2, b]));
    expect(back).toHaveLength(FIXTURES.length);
    for (const { booking: b, text, buKey } of FIXTURES) {
      expect(byId.get(b.id), b.id).toEqual({
        amountMinor: b.amountMinor,
        date: b.date,
        glAccount: b.accounting.glAccount,
        bankAccount: b.bankAccount || '1200',
        buKey,
        text: text ?? b.description,
        belegfeld1: { 'B-00013': 'B-00013' }[b.id] ?? (b.accounting.receiptNumber || b.id),
        belegfeld2: b.id,
        kost1: b.accounting.costCentre,
        kost2: b.accounting.costObject,
      });
    }
  });

  it('writes the header DATEV describes', () => {
    const check = validateExtf(written.files[0]!.bytes);
    expect(check.header).toEqual({
      Kennzeichen: 'EXTF',
      Versionsnummer: '700',
      Formatkategorie: '21',
      Formatname: 'Buchungsstapel',
      Formatversion: '13',
      'Erzeugt am': '20250402091530123',
      Importiert: '',
      Herkunft: 'RE',
      'Exportiert von': 'anna_berger_kanzlei_examp', // word characters only, cut to 25
      'Importiert von': '',
      Beraternummer: '29098',
      Mandantennummer: '55003',
      'WJ-Beginn': '20250101',
      Sachkontenlänge: '4',
      'Datum vom': '20250101',
      'Datum bis': '20250131',
      Bezeichnung: 'Kontomatch 01/2025',
      Diktatkürzel: '',
      Buchungstyp: '1',
      Rechnungslegungszweck: '0',
      Festschreibung: '0',
      WKZ: 'EUR',
      'Reserviert 23': '',
      Derivatskontenrahmen: '',
      'Reserviert 25': '',
      'Reserviert 26': '',
      Sachkontenrahmen: '03',
      'ID der Branchenlösung': '',
      'Reserviert 29': '',
      'Reserviert 30': '',
      Anwendungsinformation: '',
    });
  });

  it('matches DATEV\'s own format-13 header example field by field where it reaches the same values', () => {
    // developer.datev.de formate/header, quoted in the contracts' addenda (§3).
    const datev = '"EXTF";700;21;"Buchungsstapel";13;20240130140440439;;"RE";"";"";29098;55003;20240101;4;20240101;20240831;"Buchungsstapel";"WD";1;0;0;"EUR";;"";;;"03";;;"";""'.split(';');
    const ours = writeDatevBatches(
      [booking('B-00001', '2024-01-15', -11900, 'Bürobedarf', { glAccount: '4930', taxRate: '19' })],
      settings({ period: 'year' }),
      { createdAt: '2024-01-30T14:04:40.439', exportedBy: '' },
    );
    const line = latin1(ours.files[0]!.bytes).split('\r\n')[0]!.split(';');
    expect(line).toHaveLength(datev.length);
    // Ours differ in: Datum bis (DATEV's example covers Jan–Aug, ours the whole fiscal year), Bezeichnung, Diktatkürzel.
    const differ = new Map([[16, '20241231'], [17, '"Kontomatch 01/2024-12/2024"'], [18, '""']]);
    datev.forEach((value, i) => expect(line[i], `header field ${i + 1}`).toBe(differ.get(i + 1) ?? value));
  });

  it('writes the example row of the contracts (§3): 119,00 S to 4930 against 1200, BU 9, KOST1 in column 37', () => {
    const file = writeDatevBatches(
      [booking('B-00001', '2025-01-15', -11900, 'Büromaterial Muster GmbH', { glAccount: '4930', taxRate: '19', receiptNumber: 'RE-4711', costCentre: 'KST100' })],
      settings(),
      META,
    ).files[0]!;
    const lines = latin1(file.bytes).split('\r\n');
    expect(lines[1]!.split(';')).toHaveLength(125);
    const fields = lines[2]!.split(';');
    expect(fields).toHaveLength(125);
    expect(fields.slice(0, 14)).toEqual(['119,00', '"S"', '"EUR"', '', '', '', '4930', '1200', '"9"', '1501', '"RE-4711"', '"B-00001"', '', '"Büromaterial Muster GmbH"']);
    expect(fields[36]).toBe('"KST100"');
    expect(lines[3]).toBe(''); // CRLF after the last line, nothing else
  });

  it('is Windows-1252 with CRLF, and the same bookings give the same bytes', () => {
    const file = written.files[2]!;
    const bytes = Uint8Array.from(file.bytes);
    expect(bytes.slice(0, 3)).not.toEqual(Uint8Array.from([0xef, 0xbb, 0xbf]));
    const text = latin1(file.bytes);
    expect(text).toContain('"Kunde Ärzte GmbH äöüß ÄÖÜ € Zahlung"');
    expect(file.bytes).toEqual(expect.arrayContaining(cp1252('Ärzte äöüß€')));
    expect(text.split('\r\n').every((l) => !l.includes('\n') && !l.includes('\r'))).toBe(true);
    expect(writeDatevBatches(BOOKINGS, SETTINGS, META)).toEqual(written);
  });

  it('quotes text with doubled quotes and keeps ; inside it', () => {
    const text = latin1(written.files[0]!.bytes);
    expect(text).toContain(';"Büromaterial Müller & Söhne; ""Premium"" Papier";');
    expect(text).toContain(';"Beratung; Projekt ""Nordlicht"" – Abschlag 200 €";');
  });

  it('writes the receipt file as Beleginfo and locks nothing unless asked', () => {
    const check = validateExtf(written.files[2]!.bytes);
    const amazon = check.rows.find((r) => r['Belegfeld 2'] === 'B-00021')!;
    expect([amazon['Beleginfo - Art 1'], amazon['Beleginfo - Inhalt 1'], amazon.Festschreibung]).toEqual(['Beleg', 'https://drive.google.com/file/d/1AbC/view', '0']);
    const locked = writeDatevBatches(BOOKINGS.slice(0, 1), settings({ batchLocked: true }), META).files[0]!;
    const lockedCheck = validateExtf(locked.bytes);
    expect(lockedCheck.errors).toEqual([]);
    expect([lockedCheck.header.Festschreibung, lockedCheck.rows[0]!.Festschreibung]).toEqual(['1', '1']);
  });

  it('takes the chart, the account length and the automatic accounts from the settings', () => {
    const skr04 = writeDatevBatches(
      [
        booking('B-1', '2025-05-02', 119000, 'Erlös', { glAccount: '4400', taxRate: '19' }),
        booking('B-2', '2025-05-03', -11900, 'Bürobedarf', { glAccount: '6815', taxRate: '19' }),
        booking('B-3', '2025-05-04', -1190, 'Sonderkonto', { glAccount: '123456', taxRate: '19' }),
      ],
      settings({ chart: '04', bankAccount: '1800', accountLength: 5, automaticAccounts: ['6815'] }),
      META,
    );
    expect(skr04.problems).toEqual([]);
    const check = validateExtf(skr04.files[0]!.bytes);
    expect(check.errors).toEqual([]);
    expect([check.header.Sachkontenrahmen, check.header['Sachkontenlänge']]).toEqual(['04', '5']);
    // With automatic accounts set, 4400 is an ordinary account (key 3) and 6815 an automatic one (no key).
    expect(parseExtfBookings(skr04.files[0]!.bytes).map((b) => [b.glAccount, b.bankAccount, b.buKey])).toEqual([
      ['4400', '1800', '3'],
      ['6815', '1800', ''],
      ['123456', '1800', '9'],
    ]);
  });
});

describe('DATEV and CSV export without platform globals', () => {
  it('write the same bytes in a bare V8 context (as in Apps Script) as in Node', async () => {
    const context = await coreInBareContext(`
      export { writeDatevBatches } from './src/core/export/datev';
      export { writeCsvExport, builtinCsvExportProfiles } from './src/core/export/csv';`);
    context.input = JSON.stringify({ bookings: BOOKINGS, settings: SETTINGS, meta: META });
    const bare = JSON.parse(
      vm.runInContext(
        `(() => { const i = JSON.parse(input); return JSON.stringify({
          datev: core.writeDatevBatches(i.bookings, i.settings, i.meta),
          csv: core.builtinCsvExportProfiles.map((p) => core.writeCsvExport(i.bookings, p, i.meta)) }); })()`,
        context,
      ) as string,
    );
    expect(bare.datev).toEqual(writeDatevBatches(BOOKINGS, SETTINGS, META));
    const { builtinCsvExportProfiles, writeCsvExport } = await import('../../src/core/export/csv');
    expect(bare.csv).toEqual(builtinCsvExportProfiles.map((p) => writeCsvExport(BOOKINGS, p, META)));
  });
});

describe('DATEV batches by fiscal year and period', () => {
  const dated = (dates: string[]) => dates.map((date, i) => booking(`B-${i + 1}`, date, -1000 * (i + 1), `Buchung ${date}`, { glAccount: '4930', taxRate: '19' }));

  it('never lets a file cross a fiscal year starting in July, and reads each date back in its own year', () => {
    const bookings = dated(['2024-06-30', '2024-07-01', '2025-01-15', '2025-06-30', '2025-07-01']);
    const result = writeDatevBatches(bookings, settings({ fiscalYearStartMonth: 7, period: 'year' }), META);
    expect(result.files.map((f) => [f.from, f.to, f.bookingIds])).toEqual([
      ['2023-07-01', '2024-06-30', ['B-1']],
      ['2024-07-01', '2025-06-30', ['B-2', 'B-3', 'B-4']],
      ['2025-07-01', '2026-06-30', ['B-5']],
    ]);
    for (const file of result.files) expect(validateExtf(file.bytes).errors, file.name).toEqual([]);
    expect(result.files.map((f) => validateExtf(f.bytes).header['WJ-Beginn'])).toEqual(['20230701', '20240701', '20250701']);
    expect(result.files.map((f) => validateExtf(f.bytes).header.Bezeichnung)).toEqual(['Kontomatch 07/2023-06/2024', 'Kontomatch 07/2024-06/2025', 'Kontomatch 07/2025-06/2026']);
    expect(result.files.flatMap((f) => parseExtfBookings(f.bytes).map((b) => [b.date, b.amountMinor]))).toEqual(bookings.map((b) => [b.date, b.amountMinor]));
  });

  it('counts quarters from the start of the fiscal year', () => {
    const result = writeDatevBatches(dated(['2024-07-01', '2024-09-30', '2024-10-01', '2025-03-31', '2025-04-01']), settings({ fiscalYearStartMonth: 7, period: 'quarter' }), META);
    expect(result.files.map((f) => [f.name, f.bookingIds.length])).toEqual([
      ['EXTF_Buchungsstapel_2024-07-01_2024-09-30.csv', 2],
      ['EXTF_Buchungsstapel_2024-10-01_2024-12-31.csv', 1],
      ['EXTF_Buchungsstapel_2025-01-01_2025-03-31.csv', 1],
      ['EXTF_Buchungsstapel_2025-04-01_2025-06-30.csv', 1],
    ]);
    const third = validateExtf(result.files[2]!.bytes);
    expect(third.errors).toEqual([]);
    expect([third.header['WJ-Beginn'], third.header['Datum vom'], third.header['Datum bis']]).toEqual(['20240701', '20250101', '20250331']);
  });

  it('splits months at their ends, leap day included, and sorts by date within a file', () => {
    const result = writeDatevBatches(dated(['2024-03-01', '2024-02-29', '2024-01-31', '2024-02-01']), settings(), META);
    expect(result.files.map((f) => [f.from, f.to, f.bookingIds])).toEqual([
      ['2024-01-01', '2024-01-31', ['B-3']],
      ['2024-02-01', '2024-02-29', ['B-4', 'B-2']],
      ['2024-03-01', '2024-03-31', ['B-1']],
    ]);
    expect(parseExtfBookings(result.files[1]!.bytes).map((b) => b.date)).toEqual(['2024-02-01', '2024-02-29']);
  });

  it('a fiscal year starting in January with quarters: calendar quarters', () => {
    const result = writeDatevBatches(dated(['2025-03-31', '2025-04-01', '2025-12-31']), settings({ period: 'quarter' }), META);
    expect(result.files.map((f) => [f.from, f.to])).toEqual([
      ['2025-01-01', '2025-03-31'],
      ['2025-04-01', '2025-06-30'],
      ['2025-10-01', '2025-12-31'],
    ]);
  });
});

describe('DATEV problems', () => {
  it('leaves out bookings DATEV would refuse, naming booking and field', () => {
    const ok = booking('B-00001', '2025-01-02', -11900, 'ok', { glAccount: '4930', taxRate: '19' });
    const bad = [
      booking('B-00017', '2025-01-03', -100, 'Telefon', { glAccount: 'Telefon', taxRate: '19' }),
      booking('B-00018', '2025-01-03', -100, 'no account', { glAccount: '' }),
      booking('B-00019', '2025-01-03', -100, 'too long', { glAccount: '123456' }),
      booking('B-00020', '2025-01-03', 0, 'zero', { glAccount: '4930' }),
      booking('B-00021', '2025-01-03', -100, 'dollars', { glAccount: '4930' }, { currency: 'USD' }),
      booking('B-00022', '2025-01-03', -100, '16 %', { glAccount: '4930', taxRate: '16' }),
      booking('B-00023', '2025-01-03', -100, 'team', { glAccount: '4930', costCentre: 'Team-Nord' }),
      booking('B-00024', '2025-02-30', -100, 'no day', { glAccount: '4930' }),
      booking('B-00025', '2025-01-03', -100, 'bank to bank', { glAccount: '1200' }),
      booking('B-00026', '2025-01-03', -100, 'rate', { glAccount: '4930', taxRate: 'viel' }),
      booking('B-00027', '2025-01-03', -100, 'zeros', { glAccount: '0000' }),
    ];
    const result = writeDatevBatches([ok, ...bad], settings(), META);
    expect(result.problems.map((p) => [p.bookingId, p.field, p.message])).toEqual([
      ['B-00017', 'glAccount', 'B-00017: GL account "Telefon" is not a DATEV account number (digits, at most 5)'],
      ['B-00018', 'glAccount', 'B-00018: GL account is missing'],
      ['B-00019', 'glAccount', 'B-00019: GL account "123456" is not a DATEV account number (digits, at most 5)'],
      ['B-00020', 'amount', 'B-00020: amount is 0,00; DATEV takes no booking without an amount'],
      ['B-00021', 'currency', 'B-00021: currency is USD; the DATEV batch is written in EUR only'],
      ['B-00022', 'taxRate', 'B-00022: tax rate 16 % has no DATEV tax key here (19 %, 7 % and 0 % have)'],
      ['B-00023', 'costCentre', 'B-00023: cost centre "Team-Nord" is not a DATEV cost centre (letters, digits and spaces, at most 36)'],
      ['B-00024', 'date', 'B-00024: date "2025-02-30" is not a calendar date'],
      ['B-00025', 'glAccount', 'B-00025: GL account 1200 is the bank account itself'],
      ['B-00026', 'taxRate', 'B-00026: tax rate "viel" cannot be read (not a percentage like 19 or 7.7)'],
      ['B-00027', 'glAccount', 'B-00027: GL account "0000" is not a DATEV account number (digits, at most 5)'],
    ]);
    expect(result.files.flatMap((f) => f.bookingIds)).toEqual(['B-00001']);
    expect(validateExtf(result.files[0]!.bytes).errors).toEqual([]);
    // The overview asks the same without writing files.
    expect(datevProblemsOf([ok, ...bad], settings())).toEqual(result.problems);
    expect(datevProblemsOf([ok], settings({ clientNumber: null })).map((p) => p.field)).toEqual(['settings']);
  });

  it('needs a bank account: the booking\'s own or the settings\'', () => {
    const result = writeDatevBatches(
      [booking('B-1', '2025-01-02', -100, 'x', { glAccount: '4930' }), booking('B-2', '2025-01-02', -100, 'y', { glAccount: '4930' }, { bankAccount: '1210' })],
      settings({ bankAccount: '' }),
      META,
    );
    expect(result.problems).toEqual([{ bookingId: 'B-1', field: 'bankAccount', message: "B-1: bank account (Gegenkonto) is missing: set the bank's GL account in the export settings" }]);
    expect(result.files.map((f) => f.bookingIds)).toEqual([['B-2']]);
  });

  it('reports several problems of one booking at once', () => {
    const result = writeDatevBatches([booking('B-9', '2025-01-02', 0, 'x', { glAccount: 'Porto' }, { currency: 'CHF' })], settings(), META);
    expect(result.problems.map((p) => p.field)).toEqual(['amount', 'currency', 'glAccount']);
    expect(result.files).toEqual([]);
  });

  it('writes nothing without consultant and client number: one settings problem', () => {
    const result = writeDatevBatches(BOOKINGS, settings({ consultantNumber: null }), META);
    expect(result).toEqual({
      files: [],
      problems: [{ bookingId: '', field: 'settings', message: 'DATEV export: enter the consultant number (Beraternummer) of your tax adviser in the export settings.' }],
    });
    const both = writeDatevBatches(BOOKINGS, datevSettingsSchema.parse({}), META);
    expect(both.problems.map((p) => [p.bookingId, p.field, p.message])).toEqual([
      ['', 'settings', 'DATEV export: enter the consultant number (Beraternummer) and the client number (Mandantennummer) of your tax adviser in the export settings.'],
    ]);
    expect(DATEV_DEFAULTS).toEqual(datevSettingsSchema.parse({}));
    const wrong = writeDatevBatches(BOOKINGS, settings({ consultantNumber: 12 }), META);
    expect(wrong.problems).toHaveLength(1);
    expect(wrong.problems[0]!.message).toMatch(/^DATEV export: the settings are not valid \(consultantNumber: /);
  });

  it('falls back to the booking id in Belegfeld 1 and leaves Belegfeld 2 empty for an id DATEV cannot take', () => {
    const result = writeDatevBatches(
      [booking('Miete März', '2025-01-02', -100, 'x', { glAccount: '4210', receiptNumber: 'Vertrag 7' }), booking('B-000000000017', '2025-01-02', -100, 'y', { glAccount: '4210' })],
      settings(),
      META,
    );
    expect(validateExtf(result.files[0]!.bytes).errors).toEqual([]);
    expect(parseExtfBookings(result.files[0]!.bytes).map((b) => [b.belegfeld1, b.belegfeld2])).toEqual([
      ['', ''],
      ['B-000000000017', ''],
    ]);
  });
});

/** The validator catches what it must: a good file, mutated one way at a time. */
describe('the DATEV validator on broken files', () => {
  const good = writeDatevBatches(BOOKINGS, SETTINGS, META).files[0]!;
  const goodText = latin1(good.bytes);
  const lines = goodText.split('\r\n');
  /** The fields of a line, quotes kept (our lines hold no line breaks). */
  const split = (line: string) => {
    const out: string[] = [];
    let rest = line;
    for (;;) {
      const m = /^("(?:[^"]|"")*"|[^;]*)(;|$)/.exec(rest)!;
      out.push(m[1]!);
      if (m[2] === '') return out;
      rest = rest.slice(m[0].length);
    }
  };
  /** The file with field `column` (1-based) of data line `row` (0-based) set to `raw`. */
  const withField = (row: number, column: number, raw: string) => {
    const copy = [...lines];
    const fields = split(copy[2 + row]!);
    fields[column - 1] = raw;
    copy[2 + row] = fields.join(';');
    return cp1252(copy.join('\r\n'));
  };
  const errorsOf = (bytes: ArrayLike<number>) => validateExtf(bytes).errors;

  it('finds nothing in the good file', () => {
    expect(errorsOf(good.bytes)).toEqual([]);
  });

  const cases: Array<[string, () => ArrayLike<number>, { line: number; field: string; message: RegExp }]> = [
    ['a header with 30 fields', () => cp1252(goodText.replace(';""\r\n', '\r\n')), { line: 1, field: '', message: /header has 30 fields/ }],
    ['a header with format version 12', () => cp1252(goodText.replace('"Buchungsstapel";13;', '"Buchungsstapel";12;')), { line: 1, field: 'Formatversion', message: /does not match/ }],
    ['a quoted Beraternummer', () => cp1252(goodText.replace(';29098;', ';"29098";')), { line: 1, field: 'Beraternummer', message: /without quotes/ }],
    ['Datum bis in the next fiscal year', () => cp1252(goodText.replace(';20250131;', ';20260131;')), { line: 1, field: 'Datum bis', message: /outside the fiscal year/ }],
    ['UTF-8 bytes', () => new TextEncoder().encode(goodText), { line: 2, field: '', message: /UTF-8 bytes .*"ü"/ }],
    ['a UTF-8 byte order mark', () => [0xef, 0xbb, 0xbf, ...good.bytes], { line: 1, field: '', message: /byte order mark/ }],
    ['LF line ends', () => cp1252(goodText.replace(/\r\n/g, '\n')), { line: 1, field: '', message: /LF only/ }],
    ['Umsatz 0,00', () => withField(0, 1, '0,00'), { line: 3, field: 'Umsatz (ohne Soll/Haben-Kz)', message: /0,00/ }],
    ['Umsatz with a decimal point', () => withField(0, 1, '119.00'), { line: 3, field: 'Umsatz (ohne Soll/Haben-Kz)', message: /does not match/ }],
    ['a 61-character Buchungstext', () => withField(1, 14, `"${'x'.repeat(61)}"`), { line: 4, field: 'Buchungstext', message: /61 characters long, at most 60/ }],
    ['a bad Belegfeld 1', () => withField(2, 11, '"RE 2025.003"'), { line: 5, field: 'Belegfeld 1', message: /does not match/ }],
    ['a 13-character Belegfeld 2', () => withField(2, 12, '"B-00000000003"'), { line: 5, field: 'Belegfeld 2', message: /13 characters long, at most 12/ }],
    ['Belegdatum outside the period', () => withField(0, 10, '0102'), { line: 3, field: 'Belegdatum', message: /0102 is not a day between Datum vom 2025-01-01 and Datum bis 2025-01-31/ }],
    ['Belegdatum 3102', () => withField(0, 10, '3102'), { line: 3, field: 'Belegdatum', message: /not a day between/ }],
    ['a five-digit BU key', () => withField(0, 9, '"00009"'), { line: 3, field: 'BU-Schlüssel', message: /does not match/ }],
    ['a Konto longer than Sachkontenlänge + 1', () => withField(0, 7, '493000'), { line: 3, field: 'Konto', message: /longer than Sachkontenlänge 4 \+ 1/ }],
    ['S/H as X', () => withField(0, 2, '"X"'), { line: 3, field: 'Soll/Haben-Kennzeichen', message: /does not match/ }],
    ['an unquoted Buchungstext', () => withField(0, 14, 'Büro'), { line: 3, field: 'Buchungstext', message: /must be in quotes/ }],
    ['a 37-character KOST1', () => withField(0, 37, `"${'1'.repeat(37)}"`), { line: 3, field: 'KOST1 - Kostenstelle', message: /37 characters long/ }],
    ['a line break inside a field', () => withField(0, 14, '"Büro\r\nmaterial"'), { line: 3, field: '', message: /never closed/ }],
    ['a field after the last one', () => cp1252(goodText.replace(/(\r\n)$/, ';$1')), { line: lines.length - 1, field: '', message: /has 126 fields/ }],
    ['a byte Windows-1252 leaves undefined', () => cp1252(goodText.replace('Fachbuch', 'Fach\u0081buch')), { line: 6, field: '', message: /byte 0x81 .* not a Windows-1252 character/ }],
    ['a tab inside a text', () => cp1252(goodText.replace('Fachbuch', 'Fach\tbuch')), { line: 6, field: '', message: /control character 0x9/ }],
    ['a column named otherwise (Datum for Belegdatum)', () => cp1252(goodText.replace(';Belegdatum;', ';Datum;')), { line: 2, field: 'Belegdatum', message: /column 10 is named "Datum"/ }],
    ['a column line with 124 names', () => cp1252(goodText.replace(';Abw. Skontokonto', '')), { line: 2, field: '', message: /124 names/ }],
  ];
  it.each(cases)('catches %s', (_name, mutate, expected) => {
    const errors = errorsOf(mutate());
    expect(errors).toContainEqual({ line: expected.line, field: expected.field, message: expect.stringMatching(expected.message) });
  });
});
