/**
 * Acceptance of the built-in bank profiles against real exports, read in place from the shared samples (never copied).
 *
 * BananaAccounting's test sets come with the results their importer produced (`testexpected/*.txt`, a LaTeX table:
 * Date, [DateValue,] …, Description, Income, Expenses[, IsDetail]). Their free text is scrambled letter by letter, so
 * dates and amounts are compared: the multiset of (booking date, amount in minor units) of every booking. Lines Banana
 * marks as details (`IsDetail` = D) are the parts of a collective booking, which Kontomatch keeps as one transaction.
 * The other samples have no expected results: counts and rows read off the files by hand are asserted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvStatement } from '../../src/core/import/csv';
import { findProfile } from '../../src/core/profiles/builtin';
import { parseProfile, type CsvProfile } from '../../src/core/profiles/profile';
import { describeLineError } from '../../src/core/transaction';

const samples = path.resolve(__dirname, '../../../shared/samples/csv');
const sampleNames = readdirSync(samples);

function profile(id: string): CsvProfile {
  const p = findProfile(id);
  if (p === undefined) throw new Error(`no built-in profile ${id}`);
  return p;
}

function bytesOf(name: string): Uint8Array {
  return readFileSync(path.join(samples, name));
}

function read(name: string, profileId: string, bytes: Uint8Array = bytesOf(name)) {
  return readCsvStatement({ fileName: name, bytes }, profile(profileId));
}

/** `1'234.5` / `-0.480000000` → minor units, exactly (no floating point). */
function decimalToMinor(text: string): number {
  const t = text.replace(/'/g, '').trim();
  if (t === '') return 0;
  const m = /^(-?)(\d*)(?:\.(\d+))?$/.exec(t);
  if (m === null) throw new Error(`not a Banana amount: ${text}`);
  const fraction = (m[3] ?? '').padEnd(2, '0');
  if (/[1-9]/.test(fraction.slice(2))) throw new Error(`more than two decimals: ${text}`);
  const minor = Number((m[2] || '0') + fraction.slice(0, 2));
  return m[1] === '-' ? -minor : minor;
}

interface Expected {
  date: string;
  /** Income minus expenses in minor units; computed on demand (detail lines carry amounts with many decimals). */
  minor: () => number;
  /** Banana's IsDetail: D for the parts of a collective booking, S for its total, empty otherwise. */
  detail: string;
}

/** The rows of the Banana result table for a `testcases/…csv` file. */
function bananaExpected(csvName: string): Expected[] {
  const [prefix, base] = csvName.split('__test__testcases__') as [string, string];
  const txtName = sampleNames.find(
    (n) => n.startsWith(`${prefix}__test__testexpected__`) && n.endsWith(`__${base.replace(/\.csv$/, '')}.txt`),
  );
  if (txtName === undefined) throw new Error(`no expected results for ${csvName}`);
  const text = readFileSync(path.join(samples, txtName), 'utf8');
  const table = /\\begin\{tablevalue\}\{\}\{[^}]*\}\n(.*?)\\\\\n([\s\S]*?)\\end\{tablevalue\}/.exec(text);
  if (table === null) throw new Error(`no result table in ${txtName}`);
  const columns = table[1]!.split(' & ');
  const description = columns.indexOf('Description');
  const after = columns.length - description - 1;
  return table[2]!
    .split('\\\\\n')
    .filter((row) => /^\d{4}-\d{2}-\d{2} /.test(row))
    .map((row) => {
      const parts = (row.endsWith('&') ? `${row} ` : row).split(' & ');
      while (parts.length < columns.length) parts.push('');
      // The description may itself contain " & ": the columns after it are counted from the end.
      const cells = [...parts.slice(0, description), parts.slice(description, parts.length - after).join(' & '), ...parts.slice(parts.length - after)];
      const get = (name: string): string => (columns.includes(name) ? cells[columns.indexOf(name)]!.trim() : '');
      return { date: get('Date'), minor: () => decimalToMinor(get('Income')) - decimalToMinor(get('Expenses')), detail: get('IsDetail') };
    });
}

const key = (date: string, minor: number): string => `${date} ${minor}`;
const sorted = (keys: string[]): string[] => [...keys].sort();

/** What Banana booked: every row but the parts of collective bookings. */
function bananaBookings(csvName: string): string[] {
  return sorted(bananaExpected(csvName).filter((e) => e.detail !== 'D').map((e) => key(e.date, e.minor())));
}

function perDay(entries: Array<[string, number]>): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const [date, minor] of entries) sums[date] = (sums[date] ?? 0) + minor;
  return sums;
}

const banana = (country: 'Germany' | 'Switzerland', app: string, file: string): string =>
  `BananaAccounting__${country}__${country === 'Germany' ? 'importApps' : 'ImportApps'}__${app}__test__testcases__${file}`;

/** Banana sample files, the profile that reads them, and how the result compares. */
interface BananaCase {
  file: string;
  profileId: string;
  /** `same`: same bookings; `perDay`: Banana split collective bookings into their parts, the per-day totals agree. */
  compare?: 'same' | 'perDay';
}

const de = (app: string, file: string, profileId: string): BananaCase => ({ file: banana('Germany', app, file), profileId });
const ch = (app: string, file: string, profileId: string, compare: BananaCase['compare'] = 'same'): BananaCase => ({
  file: banana('Switzerland', app, file),
  profileId,
  compare,
});

const DB = 'deutschebank_import_bank_statement_csv';
const PF = 'pf_import_bank_statement_csv';
const UBS = 'ubs_import_bank_statement_csv';
const RAI = 'raiffeisen_import_bank_statement_csv';
const ZKB = 'zkb_import_bank_statement_csv';
const CS = 'credit_suisse_import_bank_statement_csv';

const cleanCases: BananaCase[] = [
  de(DB, 'csv_deutschebank_example_format1_20190904.csv', 'deutsche-bank-postbank'),
  de(DB, 'csv_deutschebank_example_format2_20140803.csv', 'deutsche-bank-postbank'),
  de(DB, 'csv_deutschebank_example_format3_20240131.csv', 'deutsche-bank-postbank'),
  de(DB, 'csv_deutschebank_example_format4_20240207.csv', 'deutsche-bank-overview'),
  de(DB, 'csv_deutschebank_example_format5_20250414.csv', 'deutsche-bank-postbank'),
  de('deutschepostbank_import_bank_statement_csv', 'csv_deutschepostbank_example_format1_20250414.csv', 'deutsche-bank-postbank'),
  de('dkb_deutschland_import_bank_statement_cav', 'csv_dkb_deutschland_example_format1_20250331.csv', 'dkb'),
  de('sparkasse_schwelm_sprockhovel_import_bank_statement_csv', 'csv_sss_example_format1_20240701.csv', 'sparkasse-csv-camt-v2'),
  ch(PF, 'csv_postfinance_example_format1_20160407.csv', 'postfinance-legacy'),
  ch(PF, 'csv_postfinance_example_format1_20160707.csv', 'postfinance-legacy'),
  ch(PF, 'csv_postfinance_example_format1_20161114.csv', 'postfinance-legacy'),
  ch(PF, 'csv_postfinance_example_format1_20170929.csv', 'postfinance-legacy'),
  ch(PF, 'csv_postfinance_example_format3_20101031.csv', 'postfinance-legacy'),
  ch(PF, 'csv_postfinance_example_format5_20230901.csv', 'postfinance'),
  ch(PF, 'csv_postfinance_example_format6_20240215-DE.csv', 'postfinance'),
  ch(PF, 'csv_postfinance_example_format6_20240222-IT.csv', 'postfinance'),
  ch(PF, 'csv_postfinance_example_format6_20240226-FR.csv', 'postfinance'),
  ch(PF, 'csv_postfinance_example_format6_20240228-EN.csv', 'postfinance'),
  ch(PF, 'csv_postfinance_example_format6_20240228-FR-B.csv', 'postfinance'),
  ch(PF, 'csv_postfinance_example_format6_20240407-noenddate.csv', 'postfinance'),
  ch(UBS, 'csv_ubs_example_format3_de_20221108.csv', 'ubs'),
  ch(UBS, 'csv_ubs_example_format3_de_20241115.csv', 'ubs'),
  ch(UBS, 'csv_ubs_example_format3_en_20221108.csv', 'ubs'),
  ch(UBS, 'csv_ubs_example_format3_fr_20221108.csv', 'ubs'),
  ch(UBS, 'csv_ubs_example_format3_fr_20241205.csv', 'ubs'),
  ch(UBS, 'csv_ubs_example_format3_fr_20251022.csv', 'ubs'),
  ch(UBS, 'csv_ubs_example_format3_fr_20260731.csv', 'ubs'),
  ch(UBS, 'csv_ubs_example_format3_it_20221108.csv', 'ubs'),
  ch(UBS, 'csv_ubs_example_format3_it_20221129.csv', 'ubs'),
  ch(UBS, 'csv_ubs_example_format3_it_triplequotes_20240621.csv', 'ubs'),
  ch(UBS, 'csv_ubs_example_format3_it_wdetails_20241111.csv', 'ubs'),
  ch(UBS, 'csv_ubs_example_format2_de_20220928.csv', 'ubs-2022'),
  ch(UBS, 'csv_ubs_example_format2_en_20220928.csv', 'ubs-2022'),
  ch(UBS, 'csv_ubs_example_format2_fr_20220928.csv', 'ubs-2022'),
  ch(UBS, 'csv_ubs_example_format2_it_20220928.csv', 'ubs-2022'),
  ch(UBS, 'csv_ubs_example_format1_20120629.csv', 'ubs-legacy'),
  ch(UBS, 'csv_ubs_example_format1_20160908.csv', 'ubs-legacy'),
  ch(UBS, 'csv_ubs_example_format1_20161111.csv', 'ubs-legacy'),
  ch(UBS, 'csv_ubs_example_format1_20173006.csv', 'ubs-legacy'),
  ch(UBS, 'csv_ubs_example_format1_20230313_01.csv', 'ubs-legacy'),
  ch(UBS, 'csv_ubs_example_format1_20230313_02.csv', 'ubs-legacy'),
  ch(UBS, 'csv_ubs_example_format1_20230905_03.csv', 'ubs-legacy-comma'),
  ch(RAI, 'csv_example_format2_20101028.csv', 'raiffeisen-ch'),
  ch(RAI, 'csv_example_format3_20130101.csv', 'raiffeisen-ch'),
  ch(RAI, 'csv_example_format3_20171231.csv', 'raiffeisen-ch'),
  ch(RAI, 'csv_example_format4_20171215.csv', 'raiffeisen-ch'),
  ch(RAI, 'csv_example_format5_20181025.csv', 'raiffeisen-ch'),
  ch(RAI, 'csv_example_format5_20190107.csv', 'raiffeisen-ch'),
  ch(RAI, 'csv_example_format5_20210212.csv', 'raiffeisen-ch'),
  ch(RAI, 'csv_example_format5_20220518.csv', 'raiffeisen-ch'),
  ch(RAI, 'csv_example_format5_20250326.csv', 'raiffeisen-ch'),
  ch(RAI, 'csv_example_format6_20241119.csv', 'raiffeisen-ch'),
  ch(ZKB, 'csv_zkb_example_format1_20090308.csv', 'zkb-2009', 'perDay'),
  ch(ZKB, 'csv_zkb_example_format2_20091105.csv', 'zkb-2009', 'perDay'),
  ch(ZKB, 'csv_zkb_example_format2_20121012.csv', 'zkb'),
  ch(ZKB, 'csv_zkb_example_format2_20230615.csv', 'zkb'),
  ch(ZKB, 'csv_zkb_example_format3_20141013.csv', 'zkb'),
  ch(ZKB, 'csv_zkb_example_format3_20161201.csv', 'zkb'),
  ch(ZKB, 'csv_zkb_example_format3_20170130A.csv', 'zkb'),
  ch(ZKB, 'csv_zkb_example_format3_20170130B.csv', 'zkb'),
  ch(ZKB, 'csv_zkb_example_format3_20170130C.csv', 'zkb'),
  ch(ZKB, 'csv_zkb_example_format3_20171230.csv', 'zkb'),
  ch(ZKB, 'csv_zkb_example_format3_20220614.csv', 'zkb'),
  ch(ZKB, 'csv_zkb_example_format4_20161103.csv', 'zkb'),
  ch(ZKB, 'csv_zkb_example_format5_20230223.csv', 'zkb'),
  ch(ZKB, 'csv_zkb_example_format6_20230615.csv', 'zkb'),
  ch('blkb_import_bank_statement_csv', 'csv_blkb_example_format1_20080718.csv', 'zkb-2009'),
  ch('blkb_import_bank_statement_csv', 'csv_blkb_example_format1_20121010.csv', 'zkb'),
  ch('blkb_import_bank_statement_csv', 'csv_blkb_example_format2_2012101.csv', 'zkb'),
  ch('lkb_import_bank_statement_csv', 'csv_lkb_example_format1_20080718.csv', 'zkb-2009', 'perDay'),
  ch('lkb_import_bank_statement_csv', 'csv_lkb_example_format1_2010092.csv', 'zkb', 'perDay'),
  ch('bkb_import_bank_statement_csv', 'csv_bkb_example_format1B_20230122.csv', 'zkb'),
  ch(CS, 'csv_creditsuisse_example_format1_20111109.csv', 'credit-suisse'),
  ch(CS, 'csv_creditsuisse_example_format1_20121115.csv', 'credit-suisse'),
  ch(CS, 'csv_creditsuisse_example_format1_20190930.csv', 'credit-suisse'),
  ch(CS, 'csv_creditsuisse_example_format2_20170301.csv', 'credit-suisse'),
  ch(CS, 'csv_creditsuisse_example_format3_20171103.csv', 'credit-suisse'),
  ch(CS, 'csv_creditsuisse_example_format4_20230901.csv', 'credit-suisse'),
  ch(CS, 'csv_creditsuisse_example_format4_20230905.csv', 'credit-suisse'),
  ch(CS, 'csv_creditsuisse_example_format5_20240108.csv', 'credit-suisse'),
  ch(CS, 'csv_creditsuisse_example_format5_20251003.csv', 'credit-suisse'),
];

describe('Banana sample files: every booking Banana found, with the same date and amount', () => {
  it.each(cleanCases.map((c) => [c.file.replace(/^.*__testcases__/, ''), c] as const))('%s', (_name, c) => {
    const r = read(c.file, c.profileId);
    expect(r.errors.map(describeLineError)).toEqual([]);
    const got = r.transactions.map((t): [string, number] => [t.bookingDate, t.amountMinor]);
    const want = bananaBookings(c.file);
    expect(want.length).toBeGreaterThan(0);
    if (c.compare === 'perDay') {
      // Banana books the parts of a collective booking ("Betrag Detail"); Kontomatch keeps the bank's total.
      const wantEntries = bananaExpected(c.file).filter((e) => e.detail !== 'D').map((e): [string, number] => [e.date, e.minor()]);
      expect(perDay(got)).toEqual(perDay(wantEntries));
      expect(got.length).toBeLessThan(want.length);
    } else {
      expect(sorted(got.map(([d, m]) => key(d, m)))).toEqual(want);
    }
  });
});

describe('Banana sample files with damaged lines: the damage is reported, everything else is read', () => {
  it('PostFinance 2003 (Italian): the trailing NUL byte is padding, not binary; all bookings and a skipped balance line', () => {
    const name = banana('Switzerland', PF, 'csv_postfinance_example_format1_20030903-B.csv');
    expect([...bytesOf(name).slice(-3)]).toEqual([0, 0x0d, 0x0a]);
    const r = read(name, 'postfinance-legacy');
    expect(r.errors).toEqual([]);
    expect(sorted(r.transactions.map((t) => key(t.bookingDate, t.amountMinor)))).toEqual(bananaBookings(name));
    // "31.08.2003;<Saldo>;;;;50078.40": the opening balance, no booking.
    expect(r.skipped).toEqual([{ line: 13, reason: 'no amount: not a booking (balance or information line)' }]);
  });

  it('UBS 2018: a description with an unquoted ";" shifts its line; that line is an error, the other 1269 are read', () => {
    const name = banana('Switzerland', UBS, 'csv_ubs_example_format1_20180831.csv');
    const r = read(name, 'ubs-legacy');
    expect(r.errors).toMatchObject([{ line: 2444, column: null, field: 'line', message: 'has 22 columns, expected 21' }]);
    expect(r.errors[0]!.found).toContain(';1\'840.00;102\'837.04');
    const want = bananaBookings(name);
    want.splice(want.indexOf(key('2018-01-17', 184000)), 1);
    expect(sorted(r.transactions.map((t) => key(t.bookingDate, t.amountMinor)))).toEqual(want);
  });

  it('UBS 2018: a credit with a minus is a reversal and stays negative', () => {
    const r = read(banana('Switzerland', UBS, 'csv_ubs_example_format1_20180831.csv'), 'ubs-legacy');
    expect(r.transactions.filter((t) => t.line === 2542 || t.line === 2543).map((t) => t.amountMinor)).toEqual([-110000, 110000]);
  });

  it('Raiffeisen 2016: an unclosed quote damages one line instead of swallowing the 378 bookings after it', () => {
    const name = banana('Switzerland', RAI, 'csv_example_format2_20161231.csv');
    const r = read(name, 'raiffeisen-ch');
    expect(r.errors).toMatchObject([{ line: 3, field: 'line', message: expect.stringContaining('never closed') }]);
    const want = bananaBookings(name);
    want.splice(want.indexOf(key('2016-01-10', -10306)), 1);
    expect(sorted(r.transactions.map((t) => key(t.bookingDate, t.amountMinor)))).toEqual(want);
  });

  it('ZKB 2012: collective bookings with "702.00<br />2.00<br />700.00" as amount are errors, not guesses', () => {
    const name = banana('Switzerland', ZKB, 'csv_zkb_example_format2_20121204.csv');
    const r = read(name, 'zkb');
    expect(r.errors).toHaveLength(12);
    for (const e of r.errors) expect(e).toMatchObject({ field: 'debit', found: expect.stringContaining('<br />') });
    // Every booking read is one Banana has too.
    const want = bananaBookings(name);
    for (const t of r.transactions) expect(want).toContain(key(t.bookingDate, t.amountMinor));
    expect(r.transactions).toHaveLength(want.length - 24);
  });

  it('Credit Suisse 2024: 8 lines with a word instead of the date are errors, the other 48 match', () => {
    const name = banana('Switzerland', CS, 'csv_creditsuisse_example_format5_20240901.csv');
    const r = read(name, 'credit-suisse');
    expect(r.errors.map((e) => [e.line, e.field, e.found])).toEqual([7, 8, 9, 10, 11, 12, 13, 14].map((l) => [l, 'bookingDate', 'Alegatinam']));
    expect(sorted(r.transactions.map((t) => key(t.bookingDate, t.amountMinor)))).toEqual(bananaBookings(name));
  });
});

describe('Banana samples in detail', () => {
  it('Deutsche Bank 2010: preamble and "Kontostand" footer skipped, the purpose stands in for the missing counterparty', () => {
    const r = read(banana('Germany', DB, 'csv_deutschebank_example_format1_20190904.csv'), 'deutsche-bank-postbank');
    expect(r.transactions.map((t) => [t.line, t.bookingDate, t.amountMinor, t.counterpartyName, t.currency])).toEqual([
      [6, '2010-08-26', -4233, 'BY NERAPPAREM OS SAN A', 'EUR'],
      [7, '2010-09-01', -51197, '03/232347 KRANKENVERS', 'EUR'],
      [8, '2010-09-03', 37697, 'SCRINIUNT 5502/53', 'EUR'],
      [9, '2010-09-04', 100000, 'ACURA', 'EUR'],
      [10, '2010-09-04', -100000, 'ACURA *SEMOLO*', 'EUR'],
    ]);
    expect(r.rowsRead).toBe(5);
  });

  it('Postbank 2025: unpadded dates, Soll and Betrag both filled, "Kontostand" footer', () => {
    const r = read(banana('Germany', 'deutschepostbank_import_bank_statement_csv', 'csv_deutschepostbank_example_format1_20250414.csv'), 'deutsche-bank-postbank');
    expect(r.transactions).toMatchObject([{ line: 9, bookingDate: '2025-03-01', valueDate: '2025-03-01', amountMinor: -1290, purpose: 'Test', bookingType: 'Kontoabrechnung' }]);
  });

  it('DKB 2025: end-to-end reference from "Kundenreferenz", counterparty of an outgoing payment is the payee', () => {
    const r = read(banana('Germany', 'dkb_deutschland_import_bank_statement_cav', 'csv_dkb_deutschland_example_format1_20250331.csv'), 'dkb');
    expect(r.transactions[0]).toMatchObject({
      bookingDate: '2025-03-31', amountMinor: -1518, counterpartyName: 'test', counterpartyIban: 'DE22222222222222222222',
      purpose: 'VISA Debitkartenumsatz', endToEndId: '123456', mandateReference: null, creditorId: null,
    });
  });

  it('Sparkasse Schwelm: SEPA references from their own columns', () => {
    const r = read(banana('Germany', 'sparkasse_schwelm_sprockhovel_import_bank_statement_csv', 'csv_sss_example_format1_20240701.csv'), 'sparkasse-csv-camt-v2');
    expect(r.transactions.find((t) => t.line === 5)).toMatchObject({
      amountMinor: -11650, creditorId: 'IT21NFT83778420385', mandateReference: 'G-D2521733203-8141', endToEndId: 'V2758472036',
      counterpartyBic: 'PQWBKSIK831', counterpartyIban: 'MB26440554856177044035', counterpartyName: 'Oremple Contra StiS',
    });
  });

  it('PostFinance 2023: Excel-formula preamble, blank line after the header, disclaimer footer, currency from the header', () => {
    const r = read(banana('Switzerland', PF, 'csv_postfinance_example_format6_20240215-DE.csv'), 'postfinance');
    expect(r.transactions[0]).toMatchObject({ line: 9, bookingDate: '2023-12-31', amountMinor: -500, currency: 'CHF', bookingType: 'Deatere' });
    expect(r.rowsRead).toBe(115);
  });

  it('UBS 2024: the lines of a collective credit are added to its text, not booked twice', () => {
    const r = read(banana('Switzerland', UBS, 'csv_ubs_example_format3_fr_20251022.csv'), 'ubs');
    // Purpose is Beschreibung2 + 3 ("test test"); the detail line below adds its own ("test").
    expect(r.transactions.map((t) => [t.line, t.bookingDate, t.amountMinor, t.counterpartyName, t.purpose])).toEqual([
      [11, '2025-10-09', 20000, 'Test', 'test test test'],
      [13, '2025-10-03', 20000, 'Test', 'test test test'],
    ]);
    expect(r.skipped).toEqual([]);
  });

  it('Raiffeisen 2025: timestamps as dates, continuation lines appended', () => {
    const r = read(banana('Switzerland', RAI, 'csv_example_format5_20250326.csv'), 'raiffeisen-ch');
    expect(r.transactions[0]).toMatchObject({ line: 2, bookingDate: '2025-03-26', valueDate: '2025-03-26', amountMinor: -97132, purpose: 'Test Continued on next line' });
    expect(r.account).toBe('CH8480808005978123456');
  });

  it('ZKB 2017: an EUR account takes its currency from the header "Belastung EUR"', () => {
    const r = read(banana('Switzerland', ZKB, 'csv_zkb_example_format3_20170130A.csv'), 'zkb');
    expect(new Set(r.transactions.map((t) => t.currency))).toEqual(new Set(['EUR']));
    expect(r.transactions[0]).toMatchObject({ bookingDate: '2017-01-05', amountMinor: 169100 });
  });

  it('ZKB 2022: a space before every line\'s first quote and a BOM', () => {
    const r = read(banana('Switzerland', ZKB, 'csv_zkb_example_format3_20220614.csv'), 'zkb');
    expect(r.transactions.find((t) => t.amountMinor === -100000)).toMatchObject({ bookingDate: '2022-02-10', purpose: 'Belastungen (2) Nummer 1 Nummer 2' });
  });

  it('Credit Suisse 2025: preamble, "TOTAL SPALTE" footer in the booking layout', () => {
    const r = read(banana('Switzerland', CS, 'csv_creditsuisse_example_format5_20251003.csv'), 'credit-suisse');
    expect(r.rowsRead).toBe(13);
    // The 11 debits and 2 credits of lines 7–19 (the footer's totals belong to the file before it was cut down).
    const debits = [2695, 2795, 7686, 11240, 11240, 15000, 24595, 45600, 69110, 82500, 178720];
    expect(r.transactions.map((t) => t.amountMinor)).toEqual([...debits.map((d) => -d), 34125, 173925]);
  });
});

describe('German samples without expected results (rows read off the files)', () => {
  const rp = (file: string): string => `nicolettas-muggelbude__RechnungsPilot__vorlagen__bank-csv__${file}`;

  it('Commerzbank 2024 (RechnungsPilot): BOM, CRLF, amounts without fixed decimals, own IBAN', () => {
    const r = read(rp('commerzbank.csv'), 'commerzbank');
    expect(r.errors).toEqual([]);
    expect(r.account).toBe('DE79500400000123456700');
    expect(r.transactions.map((t) => [t.line, t.bookingDate, t.amountMinor, t.bookingType])).toEqual([
      [2, '2024-12-31', -1070, 'Zinsen/Entgelte'],
      [3, '2024-12-31', 0, 'Zinsen/Entgelte'],
      [4, '2025-01-21', -1234, 'Lastschrift'],
      [5, '2025-04-30', -1070, 'Zinsen/Entgelte'],
      [6, '2025-05-02', expect.any(Number), 'Lastschrift'],
      [7, '2025-05-15', expect.any(Number), 'Lastschrift'],
      [8, '2025-08-07', 0, 'Zinsen/Entgelte'],
    ]);
    expect(r.transactions[2]!.counterpartyName).toMatch(/^1x1 Mail & Media GmbH/);
  });

  it('Commerzbank 2018 (bank2ynab): own IBAN from "IBAN Auftraggeberkonto"', () => {
    const r = read('bank2ynab__bank2ynab__test__test-data__Umsaetze_KtoNr538917600_EUR_02-03-2018_1503.CSV', 'commerzbank');
    expect(r.account).toBe('DE44200400000538917600');
    expect(r.transactions).toMatchObject([{ line: 2, bookingDate: '2018-03-02', amountMinor: -1722, bookingType: 'Lastschrift' }]);
  });

  it('DKB 2025 (RechnungsPilot): payer for money in, payee for money out, amounts "200" and "-62,3"', () => {
    const r = read(rp('dkb.csv'), 'dkb');
    expect(r.errors).toEqual([]);
    expect(r.transactions.map((t) => [t.line, t.bookingDate, t.amountMinor, t.counterpartyName])).toEqual([
      [6, '2025-12-08', 20000, 'Max Mustermann'],
      [7, '2025-12-05', -6230, 'Firma'],
      [8, '2025-12-01', 15000, 'Max Mustermann'],
      [9, '2025-12-01', 7500, 'Max Mustermann'],
      [10, '2025-12-01', -4800, 'Firma'],
      // The anonymiser dropped a quote here ("Mustermann, Max";Firma";…): the stray quote stays visible.
      [11, '2025-12-01', -20700, 'Firma"'],
      [12, '2025-11-28', -2999, 'Firma'],
      [13, '2025-11-28', -2728, 'Firma'],
    ]);
    expect(r.transactions[1]).toMatchObject({ creditorId: 'DE89370400440532013000', mandateReference: '1000-000000243257', endToEndId: '5012502091' });
  });

  it('DKB 2023 (dkb2homebank giro and Tagesgeld): same dates, amounts and purposes as dkb2homebank\'s output', () => {
    for (const [csv, expected] of [['giro', 'giroHomebank'], ['tagesgeld', 'tagesgeldHomebank']] as const) {
      const r = read(`hamvocke__dkb2homebank__testfiles__${csv}.csv`, 'dkb');
      const want = readFileSync(path.join(samples, `hamvocke__dkb2homebank__testfiles__expected-output__${expected}.csv`), 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(';'))
        .map(([date, , , payee, memo, amount]) => ({
          date: date!.split('-').reverse().join('-'),
          payee: payee!,
          memo: memo!,
          minor: decimalToMinor(amount!.replace(/\./g, '').replace(',', '.')),
        }));
      expect(r.transactions.map((t) => [t.bookingDate, t.amountMinor, t.purpose])).toEqual(want.map((w) => [w.date, w.minor, w.memo]));
      // dkb2homebank writes "name IBAN" as payee; the name is ours.
      r.transactions.forEach((t, i) => expect(want[i]!.payee.startsWith(t.counterpartyName)).toBe(true));
    }
  });

  it('DKB before 2023 (dkb2homebank cash): 7-line preamble, trailing ";", same as dkb2homebank\'s output', () => {
    const r = read('hamvocke__dkb2homebank__testfiles__cash.csv', 'dkb-legacy');
    expect(r.encoding).toBe('windows-1252');
    expect(r.transactions.map((t) => [t.line, t.bookingDate, t.amountMinor, t.counterpartyName, t.purpose])).toEqual([
      [10, '2018-10-19', 4567, 'Foo Firma', ''],
      [11, '2018-10-17', -1678, 'SOME ONLINE SHOP', 'Some Verwendungszweck'],
    ]);
    expect(r.transactions[0]).toMatchObject({ counterpartyIban: 'DE12300301111115555666', counterpartyBic: 'FOOBARFO', endToEndId: 'FOOFIRMA' });
  });

  it('DKB before 2023 without bookings and without header: a clear file error', () => {
    expect(() => read('hamvocke__dkb2homebank__testfiles__cash_empty.csv', 'dkb-legacy')).toThrow(
      /does not look like a "DKB \(before 2023\)" file: no line has any of the columns "Buchungstag"/,
    );
  });

  it('ING (fabolhak): header on line 13, 14 or 15, with and without balance columns ("Währung" twice)', () => {
    const cases = [
      ['test_with_saldo_1', 16, 9],
      ['test_with_saldo_2', 15, 9],
      ['test_without_saldo_1', 15, 6],
      ['test_without_saldo_2', 14, 6],
    ] as const;
    for (const [file, firstLine, count] of cases) {
      const r = read(`fabolhak__ofxstatement-de-ing__test__${file}.csv`, 'ing');
      expect(r.errors).toEqual([]);
      expect(r.transactions).toHaveLength(count);
      expect(r.transactions[0]).toMatchObject({
        line: firstLine, bookingDate: '2018-12-28', valueDate: '2018-12-28', currency: 'EUR',
        counterpartyName: 'PayDude (Europe) S.a.r.l. et Cie., S .C.A.', purpose: 'PP.1234.PP . Blumen Berther', bookingType: 'Lastschrift',
      });
    }
    const saldo = read('fabolhak__ofxstatement-de-ing__test__test_with_saldo_1.csv', 'ing');
    expect(saldo.transactions.map((t) => t.amountMinor)).toEqual([-550, 5000, -290, -150, -6000, -15000, -290, -290, -290]);
    expect(saldo.transactions[4]).toMatchObject({ bookingDate: '2018-12-15', valueDate: '2018-12-21', counterpartyName: 'Peter Petersen', bookingType: 'Überweisung' });
  });

  it('ING (RechnungsPilot): a line the contributor shortened is an error with its line number', () => {
    const r = read(rp('ing.csv'), 'ing');
    expect(r.transactions).toHaveLength(19);
    expect(r.errors).toMatchObject([
      { line: 22, column: null, field: 'line', message: 'has 6 columns, expected 7', found: '28.11.2025;28.11.2025;Rente;97052181157Z00511 RV-RENTE 11.2025;2.647,74;EUR' },
    ]);
    expect(describeLineError(r.errors[0]!)).toMatch(/ing\.csv, line 22: has 6 columns, expected 7 — found "28\.11\.2025;/);
    expect(read(rp('ing-mit-saldo.csv'), 'ing').transactions.map((t) => t.amountMinor)).toEqual(r.transactions.map((t) => t.amountMinor));
  });

  it('Volksbank / GLS / VR (Atruvia): own IBAN, counterparty IBAN and BIC, SEPA columns', () => {
    const gls = read(rp('gls-bank.csv'), 'volksbank-raiffeisenbank');
    expect(gls.errors).toEqual([]);
    expect(gls.transactions).toHaveLength(18);
    expect(gls.account).toBe('DE89370400440532013000');
    expect(gls.transactions.slice(0, 3).map((t) => [t.bookingDate, t.amountMinor, t.purpose])).toEqual([
      ['2025-12-17', -5293, 'Miete'],
      ['2025-12-16', -4224, 'Kauf'],
      ['2025-12-16', -3920, 'Kauf'],
    ]);
    const vr = read(rp('vr-teilhaberbank.csv'), 'volksbank-raiffeisenbank');
    expect(vr.transactions.map((t) => t.amountMinor)).toEqual([17500, -45311, -3990, -600, -1790]);
    expect(vr.transactions[1]).toMatchObject({ counterpartyBic: 'WELADEDDXXX', mandateReference: 'M-200-002-644-385-2', bookingType: 'Basislastschrift' });
  });

  it('Sparda West (Atruvia) with the header damaged by anonymisation: refused naming the missing column; repaired, read', () => {
    const name = rp('sparda-bank-west.csv');
    expect(() => read(name, 'volksbank-raiffeisenbank')).toThrow(/has no column "Name Zahlungsbeteiligter"/);
    const text = new TextDecoder().decode(bytesOf(name)).replace('GENOXXXXX;Bankname Auftragskonto;Buchungstag;Valutadatum;Max Mustermann', 'BIC Auftragskonto;Bankname Auftragskonto;Buchungstag;Valutadatum;Name Zahlungsbeteiligter');
    const r = read(name, 'volksbank-raiffeisenbank', new TextEncoder().encode(text));
    expect(r.errors).toEqual([]);
    expect(r.transactions[0]).toMatchObject({ line: 2, bookingDate: '2025-12-12', amountMinor: -499, creditorId: 'DE40Zxxxxxx', mandateReference: '9E0xxxxxx' });
  });

  it('Sparkasse CSV-MT940 (RechnungsPilot): SVWZ as purpose, EREF/MREF/CRED as references, pending lines skipped', () => {
    const r = read(rp('sparkasse-lzo-mt940.csv'), 'sparkasse-csv-mt940');
    expect(r.skipped.map((s) => s.line)).toEqual([2, 3, 4]);
    expect(r.transactions[0]).toMatchObject({
      line: 5, bookingDate: '2025-12-05', amountMinor: -595, purpose: 'KOSTEN KONTO QUARTAL 01.12.25 - 31.12.25',
      endToEndId: 'DE06280504609001982124-001-06920', creditorId: 'DE06ZZZ01700012277', mandateReference: null,
      counterpartyIban: 'DE89370400440532013004', counterpartyBic: 'SLZODE2XXXX',
    });
    expect(r.transactions[2]).toMatchObject({ purpose: 'Rechnung 11063225', endToEndId: '11063225-1', mandateReference: '41310-1', creditorId: 'DE11ZZZ00000000003' });
    expect(r.transactions[3]).toMatchObject({ purpose: 'Beleg Nr. 203047', endToEndId: null, amountMinor: 6750 });
  });

  it('Sparkasse LzO: CSV-MT940 and CSV-CAMT of the same bookings give the same transactions and fingerprints', () => {
    const camt = read(rp('sparkasse-lzo-camt-v2.csv'), 'sparkasse-csv-camt-v2');
    const mt940 = read(rp('sparkasse-lzo-mt940.csv'), 'sparkasse-csv-mt940');
    expect(mt940.account).toBe(camt.account);
    const core = (t: (typeof camt.transactions)[number]) => [t.line, t.bookingDate, t.valueDate, t.amountMinor, t.counterpartyName, t.counterpartyIban];
    expect(mt940.transactions.map(core)).toEqual(camt.transactions.map(core));
    // The contributor edited one purpose in one of the two files (line 6: "… Lieferung" / "… Lieferung Dezember").
    const same = mt940.transactions.map((t, i) => t.fingerprint === camt.transactions[i]!.fingerprint);
    expect(same).toEqual([true, false, true, true, true, true, true]);
    expect([mt940.transactions[1]!.purpose, camt.transactions[1]!.purpose]).toEqual(['RE-NR123456 Lieferung Dezember', 'RE-NR123456 Lieferung']);
  });

  it('Sparkasse CSV-MT940 (bank2ynab): account number, SEPA fields', () => {
    const r = read('bank2ynab__bank2ynab__test__test-data__20180226-1000594757-umsatz.CSV', 'sparkasse-csv-mt940');
    expect(r.account).toBe('1000594757');
    expect(r.transactions).toMatchObject([
      {
        bookingDate: '2018-02-22', amountMinor: -3699, counterpartyName: 'Vodafone Kabel DeutschlandGmbH', endToEndId: 'RECHNR. 100532580591',
        mandateReference: 'KD020007057822', creditorId: 'DE20KD000000058294', purpose: '02/2018 K-NR. 132587495 Ihre Rechnung online bei www.vodafone.de/meinkabel',
      },
    ]);
  });

  it('comdirect (lkleen): 23 preamble lines, dates with a trailing space, "Alter Kontostand" footer — as the project expects', () => {
    const r = read('lkleen__comdirect-csv-parser__core__src__test__resources__umsaetze_8115990_20130526-1520.testdata.csv', 'comdirect');
    expect(r.errors).toEqual([]);
    // The project's expected entries: the same five columns, without header, oldest first.
    const expectedProfile = parseProfile(
      { id: 'expected', name: 'expected', header: { present: false }, thousandsSeparator: '.', columns: { bookingDate: 0, valueDate: 1, bookingType: 2, counterpartyName: 3, purpose: 3, amount: 4 } },
      'expected',
    );
    if (!expectedProfile.ok) throw new Error(expectedProfile.message);
    const expected = readCsvStatement(
      { fileName: 'expected', bytes: bytesOf('lkleen__comdirect-csv-parser__core__src__test__resources__expected_account_entries.csv') },
      expectedProfile.profile,
    );
    const strip = (t: (typeof r.transactions)[number]) => JSON.stringify([t.bookingDate, t.valueDate, t.amountMinor, t.purpose, t.bookingType]);
    expect(sorted(r.transactions.map(strip))).toEqual(sorted(expected.transactions.map(strip)));
    expect(r.transactions).toHaveLength(6);
  });

  it('N26 until 2018 (bank2ynab): "," and decimal point', () => {
    const r = read('bank2ynab__bank2ynab__test__test-data__20171001-20171106.csv', 'n26-legacy');
    expect(r.transactions).toMatchObject([{ line: 2, bookingDate: '2017-10-01', amountMinor: -5999, counterpartyName: 'NINTENDO OF EUROPE', bookingType: 'MasterCard Zahlung' }]);
  });

  it('PayPal (RechnungsPilot): BOM, decimal comma inside ",", net amount, only completed activities', () => {
    const r = read(rp('paypal.csv'), 'paypal');
    expect(r.errors).toEqual([]);
    expect(r.skipped).toEqual([
      { line: 5, reason: 'not completed (PayPal status is not "Abgeschlossen")' },
      { line: 9, reason: 'not completed (PayPal status is not "Abgeschlossen")' },
    ]);
    expect(r.transactions).toHaveLength(9);
    expect(r.transactions.slice(0, 3).map((t) => [t.line, t.bookingDate, t.amountMinor, t.counterpartyName, t.purpose])).toEqual([
      [2, '2025-06-18', 10000, 'PayPal Inc.', ''],
      [3, '2025-06-21', -619, 'Deutsche Post AG', 'RE123456'],
      [4, '2025-06-27', -2993, 'Lieferant GmbH', 'Bestellung Artikel Artikel A, Artikel B, Artikel C'],
    ]);
  });

  it('Targobank (RechnungsPilot): no header, debit and credit columns, both decimal variants', () => {
    const comma = read(rp('targobank-duesseldorf.csv'), 'targobank');
    const point = read(rp('targobank-duesseldorf-variation.csv'), 'targobank-decimal-point');
    for (const r of [comma, point]) {
      expect(r.errors).toEqual([]);
      expect(r.transactions.map((t) => t.amountMinor)).toEqual([-500, -2400, -2000, -9840, -5300, -35761, -695, -10239, -899, -2500, 8316]);
      expect(r.transactions[10]).toMatchObject({ line: 11, bookingDate: '2025-11-10' });
    }
  });
});

describe('Swiss and Austrian samples without expected results', () => {
  it('PostFinance (postfinance-export-parser): key/value preamble, Windows-1252, disclaimer footer', () => {
    const r = read('starshipfactory__postfinance-export-parser__test.csv', 'postfinance-legacy');
    expect(r.errors).toEqual([]);
    expect(r.transactions.map((t) => [t.line, t.bookingDate, t.valueDate, t.amountMinor])).toEqual([
      [6, '2017-07-01', '2017-07-01', -420000],
      [7, '2017-07-02', '2017-07-26', 2500],
      [8, '2017-01-24', '2017-01-24', 3000],
      [9, '2016-10-20', '2016-10-20', 30000],
      [10, '2016-09-15', '2016-09-15', -2000],
    ]);
    expect(r.transactions[3]!.purpose).toContain('8001 ZÜRICH');
  });

  it('easybank giro and credit card (ofxstatement-austrian): no header, "+1,23"', () => {
    const giro = read('nblock__ofxstatement-austrian__src__ofxstatement__plugins__tests__samples__easybank-giro.csv', 'easybank');
    expect(giro.errors).toEqual([]);
    expect(giro.account).toBe('AT123456789012345678');
    expect(giro.transactions.slice(0, 5).map((t) => [t.bookingDate, t.valueDate, t.amountMinor])).toEqual([
      ['2014-01-01', '2013-12-31', -42],
      ['2014-01-01', '2013-12-31', 123],
      ['2014-01-04', '2014-01-04', -12345],
      ['2014-01-08', '2014-01-08', -3200],
      ['2014-01-19', '2014-01-20', -100100],
    ]);
    const card = read('nblock__ofxstatement-austrian__src__ofxstatement__plugins__tests__samples__easybank-creditcard.csv', 'easybank');
    expect(card.transactions.map((t) => t.amountMinor)).toEqual([-599, 3099, -2269]);
  });

  it('Raiffeisen Austria (ofxstatement-austrian, bank2ynab): no header; a junk line is an error', () => {
    const r = read('nblock__ofxstatement-austrian__src__ofxstatement__plugins__tests__samples__raiffeisen.csv', 'raiffeisen-at');
    expect(r.errors).toEqual([]);
    expect(r.transactions.slice(0, 2).map((t) => [t.bookingDate, t.valueDate, t.amountMinor, t.purpose])).toEqual([
      ['2013-06-28', '2013-07-01', 58, '0,125 % p.a. Habenzinsen ab 01.04.13'],
      ['2013-06-28', '2013-07-01', -15, 'Kapitalertragsteuer'],
    ]);
    const b2y = read('bank2ynab__bank2ynab__test__test-data__test_raiffeisen_01.csv', 'raiffeisen-at');
    expect(b2y.transactions).toHaveLength(73);
    expect(b2y.errors).toMatchObject([{ line: 71, field: 'line', message: 'has 3 columns, expected 7' }]);
  });
});
