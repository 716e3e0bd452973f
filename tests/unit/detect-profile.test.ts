/**
 * Profile detection: every real bank sample must be recognised as its bank's profile, without the user choosing one;
 * a file no profile fits gets an answer that shows its header.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvStatement } from '../../src/core/import/csv';
import { readStatement } from '../../src/core/import/read-statement';
import { builtinProfiles } from '../../src/core/profiles/builtin';
import { detectCsvProfile } from '../../src/core/profiles/detect';
import { parseProfile } from '../../src/core/profiles/profile';
import { StatementFileError } from '../../src/core/transaction';

const samples = path.resolve(__dirname, '../../../shared/samples/csv');
const sampleNames = readdirSync(samples);
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function detect(name: string, bytes: ArrayLike<number> = readFileSync(path.join(samples, name))) {
  return detectCsvProfile({ fileName: name, bytes }, builtinProfiles);
}

/** Sample files (by a unique part of their name) and the profile that must be detected for each. */
const expectedProfiles: Array<[string, string]> = [
  ['deutschebank_example_format1_', 'deutsche-bank-postbank'],
  ['deutschebank_example_format2_', 'deutsche-bank-postbank'],
  ['deutschebank_example_format3_', 'deutsche-bank-postbank'],
  ['deutschebank_example_format4_', 'deutsche-bank-overview'],
  ['testcases__csv_deutschebank_example_format5_', 'deutsche-bank-postbank'],
  ['testcases__csv_deutschepostbank_example_format1_', 'deutsche-bank-postbank'],
  ['testcases__csv_dkb_deutschland_example_format1_', 'dkb'],
  ['testcases__csv_sss_example_format1_', 'sparkasse-csv-camt-v2'],
  ['omarkohl__ofxstatement-sparkasse-freiburg__tests__data__simple1.csv', 'sparkasse-csv-camt-v2'],
  ['omarkohl__ofxstatement-sparkasse-freiburg__tests__data__simple2.csv', 'sparkasse-csv-camt-v2'],
  ['bank-csv__sparkasse-lzo-camt-v2.csv', 'sparkasse-csv-camt-v2'],
  ['bank-csv__sparkasse-lzo-camt-v8.csv', 'sparkasse-csv-camt-v2'],
  ['bank-csv__sparkasse-lzo-mt940.csv', 'sparkasse-csv-mt940'],
  ['20180226-1000594757-umsatz.CSV', 'sparkasse-csv-mt940'],
  ['bank-csv__gls-bank.csv', 'volksbank-raiffeisenbank'],
  ['bank-csv__vr-teilhaberbank.csv', 'volksbank-raiffeisenbank'],
  ['bank-csv__commerzbank.csv', 'commerzbank'],
  ['Umsaetze_KtoNr538917600_EUR_02-03-2018_1503.CSV', 'commerzbank'],
  ['umsaetze_8115990_20130526-1520.testdata.csv', 'comdirect'],
  ['bank-csv__dkb.csv', 'dkb'],
  ['dkb2homebank__testfiles__giro.csv', 'dkb'],
  ['dkb2homebank__testfiles__tagesgeld.csv', 'dkb'],
  ['dkb2homebank__testfiles__cash.csv', 'dkb-legacy'],
  ['fabolhak__ofxstatement-de-ing__test__test_with_saldo_1.csv', 'ing'],
  ['fabolhak__ofxstatement-de-ing__test__test_with_saldo_2.csv', 'ing'],
  ['fabolhak__ofxstatement-de-ing__test__test_without_saldo_1.csv', 'ing'],
  ['fabolhak__ofxstatement-de-ing__test__test_without_saldo_2.csv', 'ing'],
  ['bank-csv__ing.csv', 'ing'],
  ['bank-csv__ing-mit-saldo.csv', 'ing'],
  ['20171001-20171106.csv', 'n26-legacy'],
  ['bank-csv__paypal.csv', 'paypal'],
  ['bank-csv__targobank-duesseldorf.csv', 'targobank'],
  ['bank-csv__targobank-duesseldorf-variation.csv', 'targobank-decimal-point'],
  ['postfinance_example_format1_20160407', 'postfinance-legacy'],
  ['postfinance_example_format1_20160707', 'postfinance-legacy'],
  ['postfinance_example_format1_20161114', 'postfinance-legacy'],
  ['postfinance_example_format1_20170929', 'postfinance-legacy'],
  ['postfinance_example_format3_20101031', 'postfinance-legacy'],
  ['starshipfactory__postfinance-export-parser__test.csv', 'postfinance-legacy'],
  ['postfinance_example_format5_20230901', 'postfinance'],
  ['postfinance_example_format6_20240215-DE', 'postfinance'],
  ['postfinance_example_format6_20240222-IT', 'postfinance'],
  ['postfinance_example_format6_20240226-FR.', 'postfinance'],
  ['postfinance_example_format6_20240228-EN', 'postfinance'],
  ['postfinance_example_format6_20240228-FR-B', 'postfinance'],
  ['postfinance_example_format6_20240407-noenddate', 'postfinance'],
  ['testcases__csv_ubs_example_format3_de_20221108', 'ubs'],
  ['testcases__csv_ubs_example_format3_de_20241115', 'ubs'],
  ['testcases__csv_ubs_example_format3_en_20221108', 'ubs'],
  ['testcases__csv_ubs_example_format3_fr_20221108', 'ubs'],
  ['testcases__csv_ubs_example_format3_fr_20241205', 'ubs'],
  ['testcases__csv_ubs_example_format3_fr_20251022', 'ubs'],
  ['testcases__csv_ubs_example_format3_fr_20260731', 'ubs'],
  ['testcases__csv_ubs_example_format3_it_20221108', 'ubs'],
  ['testcases__csv_ubs_example_format3_it_20221129', 'ubs'],
  ['testcases__csv_ubs_example_format3_it_triplequotes_20240621', 'ubs'],
  ['testcases__csv_ubs_example_format3_it_wdetails_20241111', 'ubs'],
  ['testcases__csv_ubs_example_format2_de_20220928', 'ubs-2022'],
  ['testcases__csv_ubs_example_format2_en_20220928', 'ubs-2022'],
  ['testcases__csv_ubs_example_format2_fr_20220928', 'ubs-2022'],
  ['testcases__csv_ubs_example_format2_it_20220928', 'ubs-2022'],
  ['testcases__csv_ubs_example_format1_20120629', 'ubs-legacy'],
  ['testcases__csv_ubs_example_format1_20160908', 'ubs-legacy'],
  ['testcases__csv_ubs_example_format1_20161111', 'ubs-legacy'],
  ['testcases__csv_ubs_example_format1_20173006', 'ubs-legacy'],
  ['testcases__csv_ubs_example_format1_20180831', 'ubs-legacy'],
  ['testcases__csv_ubs_example_format1_20230313_01', 'ubs-legacy'],
  ['testcases__csv_ubs_example_format1_20230313_02', 'ubs-legacy'],
  ['testcases__csv_ubs_example_format1_20230905_03', 'ubs-legacy-comma'],
  ['raiffeisen_import_bank_statement_csv__test__testcases__csv_example_format2_20101028', 'raiffeisen-ch'],
  ['raiffeisen_import_bank_statement_csv__test__testcases__csv_example_format2_20161231', 'raiffeisen-ch'],
  ['raiffeisen_import_bank_statement_csv__test__testcases__csv_example_format3_20130101', 'raiffeisen-ch'],
  ['raiffeisen_import_bank_statement_csv__test__testcases__csv_example_format3_20171231', 'raiffeisen-ch'],
  ['raiffeisen_import_bank_statement_csv__test__testcases__csv_example_format4_20171215', 'raiffeisen-ch'],
  ['raiffeisen_import_bank_statement_csv__test__testcases__csv_example_format5_20181025', 'raiffeisen-ch'],
  ['raiffeisen_import_bank_statement_csv__test__testcases__csv_example_format5_20190107', 'raiffeisen-ch'],
  ['raiffeisen_import_bank_statement_csv__test__testcases__csv_example_format5_20210212', 'raiffeisen-ch'],
  ['raiffeisen_import_bank_statement_csv__test__testcases__csv_example_format5_20220518', 'raiffeisen-ch'],
  ['raiffeisen_import_bank_statement_csv__test__testcases__csv_example_format5_20250326', 'raiffeisen-ch'],
  ['raiffeisen_import_bank_statement_csv__test__testcases__csv_example_format6_20241119', 'raiffeisen-ch'],
  ['testcases__csv_zkb_example_format1_20090308', 'zkb-2009'],
  ['testcases__csv_zkb_example_format2_20091105', 'zkb-2009'],
  ['testcases__csv_zkb_example_format2_20121012', 'zkb'],
  ['testcases__csv_zkb_example_format2_20121204', 'zkb'],
  ['testcases__csv_zkb_example_format2_20230615', 'zkb'],
  ['testcases__csv_zkb_example_format3_20141013', 'zkb'],
  ['testcases__csv_zkb_example_format3_20161201', 'zkb'],
  ['testcases__csv_zkb_example_format3_20170130A', 'zkb'],
  ['testcases__csv_zkb_example_format3_20170130B', 'zkb'],
  ['testcases__csv_zkb_example_format3_20170130C', 'zkb'],
  ['testcases__csv_zkb_example_format3_20171230', 'zkb'],
  ['testcases__csv_zkb_example_format3_20220614', 'zkb'],
  ['testcases__csv_zkb_example_format4_20161103', 'zkb'],
  ['testcases__csv_zkb_example_format5_20230223', 'zkb'],
  ['testcases__csv_zkb_example_format6_20230615', 'zkb'],
  ['testcases__csv_blkb_example_format1_20080718', 'zkb-2009'],
  ['testcases__csv_blkb_example_format1_20121010', 'zkb'],
  ['testcases__csv_blkb_example_format2_2012101', 'zkb'],
  ['testcases__csv_lkb_example_format1_20080718', 'zkb-2009'],
  ['testcases__csv_lkb_example_format1_2010092', 'zkb'],
  ['testcases__csv_bkb_example_format1B_20230122', 'zkb'],
  ['testcases__csv_creditsuisse_example_format1_20111109', 'credit-suisse'],
  ['testcases__csv_creditsuisse_example_format1_20121115', 'credit-suisse'],
  ['testcases__csv_creditsuisse_example_format1_20190930', 'credit-suisse'],
  ['testcases__csv_creditsuisse_example_format2_20170301', 'credit-suisse'],
  ['testcases__csv_creditsuisse_example_format3_20171103', 'credit-suisse'],
  ['testcases__csv_creditsuisse_example_format4_20230901', 'credit-suisse'],
  ['testcases__csv_creditsuisse_example_format4_20230905', 'credit-suisse'],
  ['testcases__csv_creditsuisse_example_format5_20240108', 'credit-suisse'],
  ['testcases__csv_creditsuisse_example_format5_20240901', 'credit-suisse'],
  ['testcases__csv_creditsuisse_example_format5_20251003', 'credit-suisse'],
  ['samples__easybank-giro.csv', 'easybank'],
  ['samples__easybank-creditcard.csv', 'easybank'],
  ['samples__raiffeisen.csv', 'raiffeisen-at'],
  ['test-data__test_raiffeisen_01.csv', 'raiffeisen-at'],
];

function sampleNamed(part: string): string {
  const matches = sampleNames.filter((n) => n.includes(part) && !n.includes('testexpected'));
  if (matches.length !== 1) throw new Error(`"${part}" names ${matches.length} sample files`);
  return matches[0]!;
}

describe('detectCsvProfile on the bank samples', () => {
  it.each(expectedProfiles)('%s → %s', (part, profileId) => {
    const name = sampleNamed(part);
    const r = detect(name);
    expect(r.ok ? r.profile.id : r.message).toBe(profileId);
  });

  it('finds the header where it is: ING line 13–15, DKB line 5, UBS line 10, comdirect line 24', () => {
    const line = (part: string): number | null => {
      const r = detect(sampleNamed(part));
      return r.ok ? r.headerLine : -1;
    };
    expect(line('test_with_saldo_1.csv')).toBe(15);
    expect(line('test_with_saldo_2.csv')).toBe(14);
    expect(line('test_without_saldo_2.csv')).toBe(13);
    expect(line('dkb2homebank__testfiles__giro.csv')).toBe(5);
    expect(line('testcases__csv_ubs_example_format3_de_20241115')).toBe(10);
    expect(line('umsaetze_8115990_20130526-1520.testdata.csv')).toBe(24);
    expect(line('samples__easybank-giro.csv')).toBeNull();
  });

  it('detects and reads through the dispatcher, without a profile given', () => {
    const name = sampleNamed('bank-csv__sparkasse-lzo-mt940.csv');
    const r = readStatement({ fileName: name, bytes: readFileSync(path.join(samples, name)) }, { profiles: builtinProfiles });
    expect(r.profile?.id).toBe('sparkasse-csv-mt940');
    expect(r.transactions).toHaveLength(7);
  });

  it('tells CSV-CAMT and CSV-MT940 of the Sparkasse apart although both have "Auftragskonto", "Buchungstag" and "Betrag"', () => {
    const camt = detect(sampleNamed('bank-csv__sparkasse-lzo-camt-v2.csv'));
    const mt940 = detect(sampleNamed('bank-csv__sparkasse-lzo-mt940.csv'));
    expect([camt.ok && camt.profile.id, mt940.ok && mt940.profile.id]).toEqual(['sparkasse-csv-camt-v2', 'sparkasse-csv-mt940']);
  });

  it('does not take another bank\'s profile for a header it only partly shares (Sparda header damaged by anonymisation)', () => {
    // Commerzbank's "Buchungstag", "Buchungstext" and "Betrag" are in it too, but not half of Commerzbank's columns.
    const r = detect(sampleNamed('bank-csv__sparda-bank-west.csv'));
    expect(r).toMatchObject({ ok: false, headerLine: 1 });
    expect(r.ok ? '' : r.message).toMatch(/^no bank profile fits this file; its header \(line 1\) is: "Bezeichnung Auftragskonto";"IBAN Auftragskonto";"GENOXXXXX";/);
  });
});

describe('detectCsvProfile without a fitting profile', () => {
  it('shows the header it saw', () => {
    const r = detect('kontoauszug.csv', utf8('\ufeff"Datum";"Betrag";"Text"\n"01.02.2024";"-5,00";"Kaffee"\n'));
    expect(r).toEqual({
      ok: false,
      message: 'no bank profile fits this file; its header (line 1) is: "Datum";"Betrag";"Text"',
      header: ['Datum', 'Betrag', 'Text'],
      headerLine: 1,
    });
  });

  it('finds the header line behind a preamble, with its delimiter', () => {
    const r = detect('x.csv', utf8('Konto: 123\nZeitraum: Januar\n\nDate,Payee,Amount,Balance\n2024-01-02,Shop,-5.00,100.00\n2024-01-03,Shop,-6.00,94.00\n'));
    expect(r).toMatchObject({ ok: false, header: ['Date', 'Payee', 'Amount', 'Balance'], headerLine: 4 });
    expect(r.ok ? '' : r.message).toBe('no bank profile fits this file; its header (line 4) is: "Date","Payee","Amount","Balance"');
  });

  it('says so when the file has no header line at all', () => {
    const r = detect('y.csv', utf8('2024-01-02|Shop|-5.00\n2024-01-03|Shop|-6.00\n'));
    expect(r).toMatchObject({ ok: false, header: null, headerLine: null });
    expect(r.ok ? '' : r.message).toBe('no bank profile fits this file; it has no header line, its line 1 is: "2024-01-02"|"Shop"|"-5.00"');
  });

  it('lets the dispatcher refuse the file with that message', () => {
    expect(() => readStatement({ fileName: 'k.csv', bytes: utf8('Datum;Betrag;Text\n01.02.2024;-5,00;x\n') }, { profiles: builtinProfiles })).toThrow(
      'k.csv: no bank profile fits this file; its header (line 1) is: "Datum";"Betrag";"Text"',
    );
  });

  it('throws the file error for files that are no text (empty, binary) as reading would', () => {
    expect(() => detect('leer.csv', new Uint8Array(0))).toThrow(StatementFileError);
    expect(() => detect('auszug.pdf', [...utf8('%PDF-1.4\n'), 0, 1, 2, 3])).toThrow(/looks like a binary file/);
  });
});

describe('detectCsvProfile with the user\'s own profiles', () => {
  it('prefers the most specific profile: more of its columns found, then fewer missing, then list order', () => {
    const text = 'Buchungstag;Valuta;Name;IBAN;Verwendungszweck;Betrag;Währung;Kostenstelle\n01.02.2024;01.02.2024;A;;x;1,00;EUR;K1\n';
    const own = parseProfile(
      {
        id: 'meine-bank',
        name: 'Meine Bank',
        columns: {
          bookingDate: 'Buchungstag', valueDate: 'Valuta', counterpartyName: 'Name', counterpartyIban: 'IBAN',
          purpose: 'Verwendungszweck', amount: 'Betrag', currency: 'Währung', bookingType: 'Kostenstelle',
        },
      },
      'meine-bank.json',
    );
    if (!own.ok) throw new Error(own.message);
    const file = { fileName: 'k.csv', bytes: utf8(text) };
    // Alone, the generic German profile fits; the user's profile names one column more and wins wherever it is listed.
    expect(detectCsvProfile(file, builtinProfiles)).toMatchObject({ ok: true, profile: { id: 'generic-semicolon-de' } });
    expect(detectCsvProfile(file, [...builtinProfiles, own.profile])).toMatchObject({ ok: true, profile: { id: 'meine-bank' } });
    // Two profiles that fit equally well: the first listed wins.
    const twin = { ...own.profile, id: 'meine-bank-2' };
    expect(detectCsvProfile(file, [own.profile, twin])).toMatchObject({ ok: true, profile: { id: 'meine-bank' } });
    expect(detectCsvProfile(file, [twin, own.profile])).toMatchObject({ ok: true, profile: { id: 'meine-bank-2' } });
  });
});

describe('profiles built from documented column names (no sample file available)', () => {
  it('N26: detected and read', () => {
    const text =
      '"Booking Date","Value Date","Partner Name","Partner Iban",Type,"Payment Reference","Account Name","Amount (EUR)","Original Amount","Original Currency","Exchange Rate"\n' +
      '2024-03-01,2024-03-01,"Maria Sanchez",DE02300209000106531065,Credit Transfer,"Miete 03/2024",Main Account,1450.00,,,\n' +
      '2024-03-02,2024-03-02,"LIDL DANKT",,Presentment,,Main Account,-23.45,-23.45,EUR,1.0\n';
    const file = { fileName: 'n26.csv', bytes: utf8(text) };
    const found = detectCsvProfile(file, builtinProfiles);
    expect(found).toMatchObject({ ok: true, profile: { id: 'n26' } });
    const r = readCsvStatement(file, found.ok ? found.profile : builtinProfiles[0]!);
    expect(r.transactions.map((t) => [t.bookingDate, t.amountMinor, t.counterpartyName, t.counterpartyIban, t.purpose, t.bookingType])).toEqual([
      ['2024-03-01', 145000, 'Maria Sanchez', 'DE02300209000106531065', 'Miete 03/2024', 'Credit Transfer'],
      ['2024-03-02', -2345, 'LIDL DANKT', null, '', 'Presentment'],
    ]);
  });

  it('Revolut: timestamps, the fee taken off the amount, only completed transactions', () => {
    const text =
      'Type,Product,Started Date,Completed Date,Description,Amount,Fee,Currency,State,Balance\n' +
      'CARD_PAYMENT,Current,2024-03-01 10:22:33,2024-03-02 08:00:01,Amazon,-25.00,0.00,EUR,COMPLETED,975.00\n' +
      'EXCHANGE,Current,2024-03-03 09:00:00,2024-03-03 09:00:00,Exchanged to USD,-100.00,0.50,EUR,COMPLETED,874.50\n' +
      'CARD_PAYMENT,Current,2024-03-04 12:00:00,,Cafe,-3.20,0.00,EUR,PENDING,\n' +
      'TOPUP,Current,2024-03-05 12:00:00,2024-03-05 12:00:05,Top-up by *1234,200.00,0.00,EUR,COMPLETED,1074.50\n';
    const file = { fileName: 'account-statement.csv', bytes: utf8(text) };
    const found = detectCsvProfile(file, builtinProfiles);
    expect(found).toMatchObject({ ok: true, profile: { id: 'revolut' } });
    const r = readCsvStatement(file, found.ok ? found.profile : builtinProfiles[0]!);
    expect(r.transactions.map((t) => [t.bookingDate, t.amountMinor, t.purpose])).toEqual([
      ['2024-03-02', -2500, 'Amazon'],
      ['2024-03-03', -10050, 'Exchanged to USD'],
      ['2024-03-05', 20000, 'Top-up by *1234'],
    ]);
    expect(r.skipped).toEqual([{ line: 4, reason: 'not completed (Revolut state is not "COMPLETED")' }]);
  });

  it('Erste Bank / George: UTF-16 with byte order mark, detected and read', () => {
    const text =
      '"Buchungsdatum","Partner Name","Partner IBAN","Partner BIC","Betrag","Währung","Buchungs-Details","Valutadatum","Zahlungsreferenz","Eigene IBAN"\r\n' +
      '"02.01.2024","Wiener Stadtwerke","AT611904300234573201","BKAUATWW","-1.234,56","EUR","Strom Dezember","03.01.2024","RF18539007547034","AT483200000012345864"\r\n';
    const bytes = [0xff, 0xfe, ...Array.from(text).flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])];
    const file = { fileName: 'george.csv', bytes };
    const found = detectCsvProfile(file, builtinProfiles);
    expect(found).toMatchObject({ ok: true, profile: { id: 'erste-george' } });
    const r = readCsvStatement(file, found.ok ? found.profile : builtinProfiles[0]!);
    expect(r.encoding).toBe('utf-16le');
    expect(r.account).toBe('AT483200000012345864');
    expect(r.transactions).toMatchObject([
      {
        bookingDate: '2024-01-02', valueDate: '2024-01-03', amountMinor: -123456, counterpartyName: 'Wiener Stadtwerke',
        counterpartyIban: 'AT611904300234573201', counterpartyBic: 'BKAUATWW', purpose: 'Strom Dezember RF18539007547034',
      },
    ]);
  });
});
