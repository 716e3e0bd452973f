/**
 * The MT940 samples that are not whole, clean statements: single-tag snippets, deliberately broken files, MT942 interim
 * reports, files from banks outside Germany. Each gets the clear answer the reader gives, and where another parser
 * recorded a result for the snippet, the field readers are compared with it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readMt940Statement } from '../../src/core/import/mt940';
import { ownAccountOf } from '../../src/core/import/mt940-account';
import { readEntryDetails } from '../../src/core/import/mt940-details';
import { readBalance, readStatementLine } from '../../src/core/import/mt940-fields';
import { splitMt940Messages } from '../../src/core/import/mt940-lines';
import { readStatement } from '../../src/core/import/read-statement';
import type { StatementRead } from '../../src/core/import/statement';
import { describeLineError, StatementFileError } from '../../src/core/transaction';

const samples = path.resolve(__dirname, '../../../shared/samples/mt940');
const rs = (name: string): string => `svenstaro__mt940-rs__tests__data__${name}.sta`;
const wolph = (name: string): string => `WoLpH__mt940__mt940_tests__${name}`;
const cmxl = (name: string): string => `railslove__cmxl__spec__fixtures__${name}.txt`;
const bytesOf = (name: string): Buffer => readFileSync(path.join(samples, name));
const read = (name: string): StatementRead => readMt940Statement({ fileName: name, bytes: bytesOf(name) });
const textOf = (name: string): string => bytesOf(name).toString('latin1');

function refusal(name: string): string {
  try {
    read(name);
  } catch (e) {
    expect(e).toBeInstanceOf(StatementFileError);
    return (e as Error).message;
  }
  throw new Error(`${name} was read`);
}

/** WoLpH YAML dump → its data maps (the Python tags resolve as the plain map beneath; failsafe keeps text as text). */
function wolphData(name: string): { data: Record<string, any>; transactions: Array<Record<string, any>> } {
  const js = parseDocument(bytesOf(wolph(`${name}.yml`)).toString('utf8'), { schema: 'failsafe', logLevel: 'silent' }).toJS({ maxAliasCount: -1 });
  return { data: js.data ?? {}, transactions: (js.transactions ?? []).map((t: { data: Record<string, any> }) => t.data) };
}
const wolphDate = (v: [Uint8Array]): string => {
  const b = v[0];
  return `${(b[0]! << 8) | b[1]!}-${String(b[2]).padStart(2, '0')}-${String(b[3]).padStart(2, '0')}`;
};
const minor = (decimal: string): number => Math.round(Number(decimal) * 100);

describe('files that are no MT940 statement', () => {
  it.each([rs('mt940__special-cases__invalid_statement'), wolph('self-provided__invalid_statement.sta')])('%s: "1" … "10" is refused', (name) => {
    expect(refusal(name)).toBe(`${name}: is not an MT940 statement: it has no statement (":20:") and no entry (":61:")`);
  });

  it('an empty file is refused as empty', () => {
    expect(refusal(rs('mt942__full__cmxl__mt942_1'))).toMatch(/the file is empty$/);
  });

  // Single-tag fixtures of WoLpH and cmxl test one field each; as files they hold no statement.
  it.each([
    wolph('betterplace__amount_formats.sta'), wolph('betterplace__currency_in_25.sta'), wolph('betterplace__empty_86.sta'),
    wolph('betterplace__missing_crlf_at_end.sta'), wolph('self-provided__empty_non_swift.sta'),
    wolph('cmxl__account_balance_credit.sta'), wolph('cmxl__account_identification_iban.sta'), wolph('cmxl__closing_balance.sta'),
    wolph('cmxl__statement_number.sta'), cmxl('lines__entry_date'), cmxl('lines__vmk_summary_credit'), cmxl('lines__floor_limit_indicator_both'),
  ])('%s: a lone field is refused', (name) => {
    expect(refusal(name)).toMatch(/is not an MT940 statement: it has no statement \(":20:"\) and no entry \(":61:"\)$/);
  });

  it('a lone :20: (with or without a blank line before) is an empty statement', () => {
    for (const name of [wolph('betterplace__empty_line.sta'), wolph('cmxl__reference.sta')]) {
      const got = read(name);
      expect([got.transactions, got.errors, got.warnings, got.rowsRead, got.period]).toEqual([[], [], [], 0, null]);
    }
  });
});

describe('single-field snippets against WoLpH\'s recorded values', () => {
  it('amount_formats: every :60F: amount form; WoLpH keeps the last one', () => {
    const balances = textOf(wolph('betterplace__amount_formats.sta')).trim().split(/\r?\n/).map((l) => readBalance(l.slice(5), 'openingBalance'));
    expect(balances.map((b) => b.ok && b.value.minor)).toEqual([38011512, 38011510, 38011500, 12, 12, 112]);
    const { data } = wolphData('betterplace__amount_formats');
    expect(minor(data.final_opening_balance.amount.amount[0])).toBe(112);
    expect(balances[5]).toEqual({ ok: true, value: { minor: 112, currency: 'EUR', date: wolphDate(data.final_opening_balance.date) } });
  });

  it('balances of the cmxl fixtures', () => {
    for (const [name, key, field] of [
      ['cmxl__account_balance_credit', 'final_opening_balance', 'openingBalance'],
      ['cmxl__account_balance_debit', 'final_opening_balance', 'openingBalance'],
      ['cmxl__closing_balance', 'final_closing_balance', 'closingBalance'],
      ['cmxl__available_balance', 'available_balance', 'availableBalance'],
      ['betterplace__missing_crlf_at_end', 'final_closing_balance', 'closingBalance'],
    ] as const) {
      const line = textOf(wolph(`${name}.sta`)).split(/\r?\n/)[0]!;
      const expected = wolphData(name).data[key];
      expect(readBalance(line.replace(/^:\d+[A-Z]?:/, ''), field)).toEqual({
        ok: true, value: { minor: minor(expected.amount.amount[0]), currency: expected.amount.currency, date: wolphDate(expected.date) },
      });
    }
  });

  it('account identifications: IBAN kept, BLZ/Kontonummer (with currency) turned into the IBAN', () => {
    expect(ownAccountOf(wolphData('cmxl__account_identification_iban').data.account_identification)).toBe('PL25106000760000888888888888');
    // WoLpH keeps "51210600/9223382012EUR" as written; the reader names the account as CSV and CAMT do, by IBAN.
    expect(wolphData('betterplace__currency_in_25').data.account_identification).toBe('51210600/9223382012EUR');
    expect(ownAccountOf('51210600/9223382012EUR')).toMatch(/^DE\d{2}512106009223382012$/);
  });

  it(':61: snippets without a balance: the currency is unknown, so the reader rejects them — the field reader gives WoLpH\'s values', () => {
    for (const name of ['cmxl__statement_line', 'cmxl__statement_details', 'betterplace__empty_entry_date', 'self-provided__sparkassen']) {
      const got = read(wolph(`${name}.sta`));
      expect(got.transactions).toEqual([]);
      expect(got.errors.map((e) => [e.field, e.message])).toEqual([
        ['currency', 'the statement has no readable opening balance (:60F:), which gives the currency of its entries'],
      ]);
      const [message] = splitMt940Messages(textOf(wolph(`${name}.sta`)));
      const entry = readStatementLine(message!.fields[0]!.lines, 'EUR');
      const [x] = wolphData(name).transactions;
      expect(entry.ok).toBe(true);
      if (!entry.ok) continue;
      expect(entry.value.amountMinor).toBe(minor(x!.amount.amount[0]));
      expect(entry.value.valueDate).toBe(wolphDate(x!.date));
      expect(entry.value.entryDate).toBe(x!.entry_date === 'null' || x!.entry_date === undefined ? null : wolphDate(x!.entry_date));
      const details = message!.fields[1];
      if (details !== undefined) {
        const read86 = readEntryDetails([details.lines]);
        expect(read86.purpose).toBe(x!.purpose);
        expect(read86.bookingType).toBe(x!.posting_text);
      }
    }
  });
});

describe('deliberately broken statements', () => {
  it.each([rs('mt940__special-cases__february_30'), wolph('self-provided__february_30.sta')])(
    '%s: 30 February is no date — the entry is rejected, and the balance it leaves open is reported',
    (name) => {
      const got = read(name);
      expect(got.transactions).toEqual([]);
      expect(got.rowsRead).toBe(1);
      expect(got.errors).toEqual([{ file: name, line: 6, column: null, field: 'valueDate', found: '160230', message: 'the value date 160230 is not a calendar day (02/2016 has no day 30)' }]);
      expect(describeLineError(got.errors[0]!)).toBe(`${name}, line 6: the value date 160230 is not a calendar day (02/2016 has no day 30) — found "160230"`);
      expect(got.warnings.map((w) => [w.line, w.field, w.message])).toEqual([[
        9, 'closingBalance',
        'the closing balance 1194.00 EUR does not match the opening balance 1200.00 EUR plus the 0 entries (0.00 EUR), which gives 1200.00 EUR; 1 of its entries could not be read (see the errors)',
      ]]);
      // WoLpH "fixes" the date to a guess (its date_fixup_pre_processor); a booking date is not guessed here.
    },
  );

  it('wrapped_timestamp / transaction_details_wrapped: also dated 30 February; their :86: with a wrapped time reads as WoLpH has it', () => {
    for (const [name, check] of [
      ['self-provided__wrapped_timestamp', (d: ReturnType<typeof readEntryDetails>, x: Record<string, any>) => {
        // "…/PL 12-09-2014T16" ⏎ ":26:37 Fo?25lgenr. 007": the line that looks like a tag is text.
        expect(d.creditorId).toBe('XX0000000000000000ABCDEFGHIJKLMNOPQRSTUVW/PL 12-09-2014T16:26:37 Folgenr. 007');
        expect(d.creditorId!.startsWith(x.applicant_creditor_id)).toBe(true);
        expect([d.endToEndId, d.mandateReference]).toEqual([x.end_to_end_reference, x.additional_position_reference]);
      }],
      ['self-provided__transaction_details_wrapped', (d: ReturnType<typeof readEntryDetails>, x: Record<string, any>) => {
        // "?602017-01-01T13" ⏎ ":12:11": ?60 continues the purpose.
        expect(d.purpose).toBe(`${x.purpose}${x.additional_purpose}`);
        expect(d.purpose).toBe('Pauschalen2017-01-01T13:12:11');
      }],
    ] as const) {
      const got = read(wolph(`${name}.sta`));
      expect(got.errors.map((e) => e.field)).toEqual(['valueDate']);
      const entry = splitMt940Messages(textOf(wolph(`${name}.sta`)))[0]!.fields.find((f) => f.tag === '86')!;
      check(readEntryDetails([entry.lines]), wolphData(name).transactions[0]!);
    }
  });

  it('unknown_tag / unexpected_tag (mt940-rs): ":12:11" is the wrapped end of a time in :86:, not a tag', () => {
    for (const name of [rs('mt940__special-cases__unknown_tag'), rs('mt940__special-cases__unexpected_tag')]) {
      const got = read(name);
      expect([got.errors, got.warnings]).toEqual([[], []]);
      expect(got.transactions.map((t) => [t.valueDate, t.bookingDate, t.amountMinor, t.purpose])).toEqual([
        ['2016-01-30', '2016-03-01', -600, 'Pauschalen2017-01-01T13:12:11'],
      ]);
    }
    // unexpected_tag has no :25: at all.
    expect(read(rs('mt940__special-cases__unexpected_tag')).account).toBeNull();
  });

  it('incomplete_tag_61 (mt940-rs): ":61:170914D233,15NMSC" lacks only the customer reference, which banks omit — read; the made-up closing balance is reported', () => {
    const name = rs('mt940__special-cases__incomplete_tag_61');
    const got = read(name);
    expect(got.errors).toEqual([]);
    expect(got.transactions.map((t) => [t.amountMinor, t.endToEndId, t.counterpartyName])).toEqual([[-23315, '123/123/12345-----L110000000012345 BIC: BYLADEMM ABWA: Finanzamt Muenchen', 'Finanzamt Muenchen Abteilung Erhebung']]);
    expect(got.warnings.map((w) => w.message)).toEqual([
      'the closing balance 12345.98 EUR does not match the opening balance 12345.12 EUR plus the 1 entries (-233.15 EUR), which gives 12111.97 EUR',
    ]);
  });

  it.each([rs('mt940__full__betterplace__sepa_snippet_broken'), wolph('betterplace__sepa_snippet_broken.sta')])(
    '%s: the :86: arrives as a second ":25:" after the entry — reported, and the balances do not add up',
    (name) => {
      const got = read(name);
      expect(got.errors).toEqual([]);
      expect(got.transactions.map((t) => [t.amountMinor, t.purpose])).toEqual([[5099005, '']]);
      expect(got.warnings.map((w) => [w.line, w.field, w.message])).toEqual([
        [6, 'account', 'a second account identification (:25:) after the entries; the statement looks damaged, check it with the bank'],
        [10, 'closingBalance', 'the closing balance 1125250.40 EUR does not match the opening balance 766656.49 EUR plus the 1 entries (50990.05 EUR), which gives 817646.54 EUR'],
      ]);
      expect(got.account).toBe('50880050/0194787400888');
    },
  );

  it.each([
    [rs('mt940__full__jejik__knab_broken'), 17],
    // WoLpH's copy of the Knab file has the same line and reads it as 500.00; SWIFT makes the decimal comma mandatory.
    [wolph('jejik__knab.sta'), 17],
    ['a-fas__mt940js__test__test1.mt940', 20],
    ['a-fas__mt940js__test__testX.mt940', 27],
  ])('%s: "C500NTRF" has no decimal comma — that entry is rejected, the others read', (name, line) => {
    const got = read(name);
    expect(got.transactions).toHaveLength(2);
    expect(got.errors).toEqual([{
      file: name, line, column: null, field: 'amount', found: '500',
      message: 'the amount 500 is not an MT940 amount (digits with a decimal comma, e.g. 1234,56 or 500,)',
    }]);
    expect(got.warnings[0]!.message).toMatch(/; 1 of its entries could not be read \(see the errors\)$/);
  });

  it('cmxl mt940-headers: invented dates are rejected with the field named', () => {
    const name = cmxl('mt940-headers');
    const got = read(name);
    expect(got.errors.map((e) => [e.line, e.field, e.found, e.message])).toEqual([[8, 'valueDate', '362268', 'the value date 362268 is not a date (there is no month 22)']]);
    expect(got.warnings.map((w) => [w.field, w.found])).toEqual([['closingBalance', 'C141387INR11 27421,94']]);
  });

  it('raphaelm: DEM statements whose closing balances lack the currency — each reported; the second account\'s entry rejected', () => {
    for (const name of [rs('mt942__special-cases__raphaelm'), wolph('self-provided__raphaelm.sta')]) {
      const got = read(name);
      expect(got.transactions.map((t) => t.amountMinor)).toEqual([500000, 2000000, 2000000, 2000000, 2000000, 2000000, 2000000, 2000000]);
      expect(got.transactions.every((t) => t.currency === 'DEM')).toBe(true);
      expect(got.errors.map((e) => [e.line, e.field])).toEqual([[44, 'account']]);
      expect(got.warnings.map((w) => [w.line, w.found])).toEqual([[27, 'C020315105000,00'], [35, 'C020315145000,00'], [47, 'C02032495000,00']]);
    }
  });

  it('multiline: an entry after the statement\'s end, with no statement around it, has no currency and is rejected', () => {
    const name = wolph('self-provided__multiline.sta');
    const got = read(name);
    expect(got.transactions.map((t) => [t.amountMinor, t.bookingType, t.counterpartyName])).toEqual([[-500, 'VIREMENT111111111111111111X', 'NOM DU DO / BENEFICIAIRE 11NOM DU DO / BENEFICIAIRE 22']]);
    // The :86: after :64: ("FREE TEXT" six times) is about the statement, not the entry.
    expect(got.transactions[0]!.purpose).not.toContain('FREE TEXT');
    expect(got.errors.map((e) => [e.line, e.field])).toEqual([[38, 'currency']]);
  });
});

describe('MT942 interim reports', () => {
  it.each([
    rs('mt942__special-cases__mt942'), wolph('self-provided__mt942.sta'), wolph('mBank__mt942.sta'), cmxl('mt942'), cmxl('statement-details-mt942'),
  ])('%s is refused with the reason', (name) => {
    expect(refusal(name)).toBe(
      `${name}: is an MT942 interim report (today's entries so far, which the bank may still change), not an MT940 statement; import the MT940 statement of the day instead`,
    );
  });

  it('in a file that also holds an MT940 statement, the MT942 entries are skipped, with the reason', () => {
    const mt940 = ':20:S1\r\n:25:12345678/1234567890\r\n:28C:1\r\n:60F:C240102EUR100,00\r\n:61:240102C5,00NTRFNONREF\r\n:86:166?00GUTSCHRIFT?20SVWZ+A\r\n:62F:C240102EUR105,00\r\n-\r\n';
    const mt942 = ':20:I1\r\n:25:12345678/1234567890\r\n:28C:2\r\n:34F:EURD0,00\r\n:13D:2401031200+0100\r\n:61:240103D7,00NTRFNONREF\r\n:86:106?00KARTE?20SVWZ+B\r\n:90D:1EUR7,00\r\n-\r\n';
    const got = readMt940Statement({ fileName: 'mixed.sta', bytes: Buffer.from(mt940 + mt942, 'latin1') });
    expect(got.transactions.map((t) => t.purpose)).toEqual(['A']);
    expect(got.skipped).toEqual([{ line: 14, reason: 'entry of an MT942 interim report, not a booked statement entry' }]);
    expect([got.rowsRead, got.errors, got.warnings]).toEqual([2, [], []]);
  });
});

describe('other banks and formats as controls', () => {
  it.each([
    ['WoLpH__mt940__mt940_tests__ASNB__0708271685_09022020_164516.940.txt', 8, 'NL81ASNB9999999999'],
    ['fruitl00p__php-mt940__test__Parser__Banking__Mt940__Engine__Asn__sample', 3, 'NL53ASNB0781269733'],
    ['fruitl00p__php-mt940__test__Parser__Banking__Mt940__Engine__Bunq__sample', 111, 'NL10BUNQ2290325473'],
    ['fruitl00p__php-mt940__test__Parser__Banking__Mt940__Engine__Kbs__sample2', 7, '300000002778989'],
    ['fruitl00p__php-mt940__test__Parser__Banking__Mt940__Engine__Zetb__sample', 8, '1014365930'],
    ['a-fas__mt940js__test__test-with-NS.mt940x', 4, 'B4E08MS9D00A0009'],
    [rs('mt940__special-cases__overly_long_details'), 1, 'DE20123456781020304050'],
  ])('%s reads %i entries of account %s without errors', (name, entries, account) => {
    const got = read(name);
    expect([got.transactions.length, got.errors, got.account]).toEqual([entries, [], account]);
  });

  it('a Hungarian file that is not UTF-8 is decoded as Windows-1252 and read', () => {
    const got = read(rs('mt940__special-cases__invalid_utf8'));
    expect([got.encoding, got.transactions.length, got.errors]).toEqual(['windows-1252', 7, []]);
  });

  it('old Rabobank files with a decimal point instead of the SWIFT comma are not read, each entry and balance named', () => {
    const name = 'fruitl00p__php-mt940__test__Parser__Banking__Mt940__Engine__Rabo__sample2';
    const got = read(name);
    expect(got.warnings.map((w) => [w.field, w.found])).toEqual([['openingBalance', 'D030106EUR000000001000.12'], ['closingBalance', 'C030107EUR000000002145.23']]);
  });

  it('the dispatcher sends MT940 content to this reader whatever the file is called', () => {
    const name = 'nicolettas-muggelbude__RechnungsPilot__vorlagen__bank-csv__vr-teilhaberbank.mta';
    const got = readStatement({ fileName: name, bytes: bytesOf(name) }, { profiles: [] });
    expect([got.format, got.profile, got.transactions.length]).toEqual(['mt940', null, 5]);
  });
});
