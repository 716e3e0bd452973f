/**
 * The MT940 building blocks one by one: lines and tags, `:61:`, balances, `:86:` subfields, SEPA keywords, `:25:`. The
 * `:61:` and `:86:` examples are the single-line fixtures of railslove/cmxl (read in place from the shared samples).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { germanIban, ownAccountOf } from '../../src/core/import/mt940-account';
import { readEntryDetails } from '../../src/core/import/mt940-details';
import { readBalance, readStatementLine, readSwiftAmount, resolveEntryDate } from '../../src/core/import/mt940-fields';
import { splitMt940Messages } from '../../src/core/import/mt940-lines';
import { endToEndIdOf, purposeOf, splitSepaReferences } from '../../src/core/import/sepa-references';

const samples = path.resolve(__dirname, '../../../shared/samples/mt940');
const cmxlLines = (name: string): string[] =>
  readFileSync(path.join(samples, `railslove__cmxl__spec__fixtures__lines__${name}.txt`), 'latin1').split(/\r?\n/).filter((l) => l !== '');

/** ISO 13616 check digits computed here with BigInt, independently of ibantools. */
function ibanCheckDigits(country: string, bban: string): string {
  const digits = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return String(98n - (BigInt(digits) % 97n)).padStart(2, '0');
}

describe('MT940 lines and tags', () => {
  it('splits statements at "-" and at :20:, keeps continuation lines and their spaces, skips blank lines', () => {
    const messages = splitMt940Messages(':20:A\r\n:25:X\r\n\r\n:86:one \r\ntwo\r\n-\r\n:20:B\n:61:x\n:20:C\n');
    expect(messages.map((m) => m.fields.map((f) => [f.tag, f.lines, f.line]))).toEqual([
      [['20', ['A'], 1], ['25', ['X'], 2], ['86', ['one ', 'two'], 4]],
      [['20', ['B'], 7], ['61', ['x'], 8]],
      [['20', ['C'], 9]],
    ]);
  });

  it('strips SWIFT envelopes {1:…}{2:…}{3:{108:…}}{4: and -}{5:…}', () => {
    const text = '{1:F01ABCDEFGHXXX0000000000}{2:I940ABCDEFGHXXXXN}{3:{108:ABC}}{4:\n:20:REF\n:25:ACC\n-}{5:{CHK:123}}\n{1:F01X}{2:O940}{4:\n:20:REF2\n-}';
    expect(splitMt940Messages(text).map((m) => m.fields.map((f) => `${f.tag}=${f.lines.join('|')}`))).toEqual([
      ['20=REF', '25=ACC'],
      ['20=REF2'],
    ]);
  });

  it('reads a colon-led line inside :86: as text unless it is a tag that may follow an entry', () => {
    const [m] = splitMt940Messages(':61:x\n:86:?2017-01-01T13\n:12:11\n:KO:NR:4711\n:08 Karten\n:61:y\n:86:z\n:62F:C\n');
    expect(m!.fields.map((f) => [f.tag, f.lines])).toEqual([
      ['61', ['x']],
      ['86', ['?2017-01-01T13', ':12:11', ':KO:NR:4711', ':08 Karten']],
      ['61', ['y']],
      ['86', ['z']],
      ['62F', ['C']],
    ]);
  });

  it('mends a tag cut after its first colon, as a Sparkasse sample has it', () => {
    const [m] = splitMt940Messages(':61:1811261126CR\n30,00N062NONREF\n:\n86:166?00GUTSCHR. UEBERWEISUNG\n');
    expect(m!.fields.map((f) => [f.tag, f.lines, f.line])).toEqual([
      ['61', ['1811261126CR', '30,00N062NONREF'], 1],
      ['86', ['166?00GUTSCHR. UEBERWEISUNG'], 3],
    ]);
  });
});

describe(':61: statement line', () => {
  it('reads the cmxl statement_line fixtures: funds code, reversals, entry dates across the year end', () => {
    const read = cmxlLines('statement_line').map((l) => readStatementLine([l.replace(/^:61:/, '')], 'EUR'));
    expect(read.map((r) => (r.ok ? [r.value.valueDate, r.value.entryDate, r.value.mark, r.value.amountMinor, r.value.typeCode, r.value.customerReference, r.value.bankReference] : r))).toEqual([
      ['2014-09-01', '2014-09-02', 'D', -162, 'NTRF', '0000549855700010', '025498557/000001'],
      // RC: reversal of a credit — money going out (SWIFT).
      ['2014-09-01', '2014-09-02', 'RC', -162, 'NTRF', '0000549855700010', '025498557/000001'],
      // Value 2014-01-10, entry 1224: the 24 December before.
      ['2014-01-10', '2013-12-24', 'C', 162, 'NTRF', '0000549855700010', '025498557/000001'],
      // Value 2014-12-24, entry 0102: the 2 January after.
      ['2014-12-24', '2015-01-02', 'C', 162, 'NTRF', '0000549855700010', '025498557/000001'],
      ['2019-11-18', '2019-11-18', 'C', 65300, 'S445', '328556-76501096', null],
    ]);
  });

  it('takes the next line as supplementary details', () => {
    const [plain] = cmxlLines('statement_supplementary_plain');
    const r = readStatementLine([plain!.replace(/^:61:/, ''), 'Card Transaction'], 'EUR');
    expect(r.ok && [r.value.amountMinor, r.value.typeCode, r.value.supplementary]).toEqual([-2100, 'FMSC', 'Card Transaction']);
    const ocmt = cmxlLines('statement_ocmt_chgs');
    const o = readStatementLine([ocmt[0]!.replace(/^:61:/, ''), ocmt[1]!], 'EUR');
    expect(o.ok && [o.value.amountMinor, o.value.supplementary]).toEqual([-5678, '/OCMT/CAD47,11/CHGS/EUR1,23']);
  });

  it('resolves the entry date to the year nearest the value date', () => {
    expect(resolveEntryDate('0102', '2024-12-30')).toBe('2025-01-02');
    expect(resolveEntryDate('1230', '2025-01-02')).toBe('2024-12-30');
    expect(resolveEntryDate('0229', '2024-03-01')).toBe('2024-02-29');
    expect(resolveEntryDate('0229', '2025-03-01')).toBe('2024-02-29');
    expect(resolveEntryDate('0230', '2024-03-01')).toBeNull();
    expect(resolveEntryDate('1301', '2024-03-01')).toBeNull();
  });

  it('reads a :61: without entry date, with a space before the type code, and without type code', () => {
    const a = readStatementLine(['230209CR2,00NTRF2023-02-09-08.37.18.054696'], 'EUR');
    expect(a.ok && [a.value.valueDate, a.value.entryDate, a.value.amountMinor]).toEqual(['2023-02-09', null, 200]);
    const b = readStatementLine(['2006080608D12,35 NRTIKREF+//2016021783252833'], 'EUR');
    expect(b.ok && [b.value.amountMinor, b.value.typeCode, b.value.customerReference]).toEqual([-1235, 'NRTI', 'KREF+']);
    const c = readStatementLine(['170914D233,15'], 'EUR');
    expect(c.ok && [c.value.amountMinor, c.value.typeCode]).toEqual([-23315, null]);
  });

  it('names the field and the text for a :61: it cannot read', () => {
    const bad = (line: string, currency = 'EUR') => {
      const r = readStatementLine([line], currency);
      return r.ok ? r : [r.field, r.found, r.message];
    };
    expect(bad('1602300301DR6,00N024NONREF')).toEqual(['valueDate', '160230', 'the value date 160230 is not a calendar day (02/2016 has no day 30)']);
    expect(bad('1602281301DR6,00N024NONREF')).toEqual(['entryDate', '1301', 'the entry date 1301 is not a date in the form MMDD']);
    expect(bad('1602280301X6,00N024')).toEqual(['debitCredit', 'X6,', 'the debit/credit mark (C, D, RC or RD after the dates) is missing']);
    expect(bad('1407290729C500NTRF29-07-2014')).toEqual(['amount', '500', 'the amount 500 is not an MT940 amount (digits with a decimal comma, e.g. 1234,56 or 500,)']);
    expect(bad('1407290729C5,001NTRF')).toEqual(['amount', '5,001', 'the amount 5,001 has 3 decimal places, but EUR has 2']);
    expect(bad('1407290729CNTRF')).toEqual(['amount', 'NTRF', 'the amount is missing']);
    expect(bad('NONREF')).toEqual(['valueDate', 'NONREF', 'the value date (YYMMDD at the start of :61:) is missing']);
  });

  it('reads amounts strictly: a decimal comma, at most the currency\'s decimals', () => {
    expect(['380115,12', '380115,1', '380115,', '0,12', '00,12', '001,12'].map((a) => readSwiftAmount(a, 'EUR'))).toEqual(
      [38011512, 38011510, 38011500, 12, 12, 112].map((minor) => ({ ok: true, minor })),
    );
    expect(readSwiftAmount('115351,', 'JPY')).toEqual({ ok: true, minor: 115351 });
    expect(readSwiftAmount('1,5', 'JPY').ok).toBe(false);
    expect(readSwiftAmount('300.00', 'EUR').ok).toBe(false);
  });
});

describe('balances', () => {
  it('reads the cmxl balance fixtures, debit balances negative', () => {
    const balance = (name: string) => readBalance(cmxlLines(name)[0]!.replace(/^:\d+[A-Z]?:/, ''), 'balance');
    expect(balance('account_balance_credit')).toEqual({ ok: true, value: { minor: 14764, currency: 'EUR', date: '2014-08-29' } });
    expect(balance('account_balance_debit')).toEqual({ ok: true, value: { minor: -14764, currency: 'EUR', date: '2014-08-29' } });
    // `D…0,`: a zero balance, never a negative zero.
    expect(balance('account_balance_debit_broken')).toEqual({ ok: true, value: { minor: 0, currency: 'EUR', date: '2014-08-29' } });
    expect(balance('closing_balance')).toEqual({ ok: true, value: { minor: 13700, currency: 'EUR', date: '2014-09-01' } });
    expect(balance('available_balance')).toEqual({ ok: true, value: { minor: -366, currency: 'EUR', date: '2014-09-01' } });
  });

  it('names what is wrong with a balance', () => {
    expect(readBalance('C020315105000,00', 'closingBalance')).toEqual({
      ok: false, field: 'closingBalance', found: 'C020315105000,00',
      message: 'is not a balance in the form C or D, date YYMMDD, currency, amount (e.g. C240131EUR1234,56)',
    });
    expect(readBalance('C021131EUR4387,95', 'closingBalance')).toMatchObject({ ok: false, message: 'has the date 021131, which is not a calendar day (11/2002 has no day 31)' });
  });
});

describe(':86: details', () => {
  it('reads the cmxl statement_details fixture: GVC, booking text, SEPA references, BIC; an IBAN must look like one', () => {
    const [line] = cmxlLines('statement_details');
    expect(readEntryDetails([[line!.replace(/^:86:/, '')]])).toEqual({
      purpose: 'FOO TRX-0A4A47C3-F846-4729-8A1B-5DF620F',
      counterpartyName: 'Peter Pan',
      counterpartyIban: null, // ?31HUkkbbbsssskcccccccccccccccx is a placeholder, not an IBAN
      counterpartyBic: 'HYVEDEMMXXX',
      bookingType: 'SEPA LASTSCHRIFT KUNDE',
      endToEndId: 'TRX-0A4A47C3-F846-4729-8A1B-5DF620F',
      mandateReference: 'CAC97D2144174318AC18D9BF815BD4FB',
      creditorId: 'DE98ZZZ09999999999',
    });
  });

  it('reads empty SEPA fields as absent', () => {
    const [line] = cmxlLines('statement_details_empty_fields');
    expect(readEntryDetails([[line!.replace(/^:86:/, '')]])).toMatchObject({
      purpose: '', endToEndId: 'S1001675', counterpartyIban: 'DE23510700240352432900', counterpartyName: 'John Doe',
    });
  });

  it('joins subfields and lines exactly where the bank cut them, even a subfield marker cut in two', () => {
    const details = readEntryDetails([[
      '166?00GUTSCHRIFT?100399?20EREF+TFNR 0300300004?21SVWZ+Strukturier',
      'ter Verwend?2',
      '2ungszweck 30030004 DE?30DRESDEFF508?31DE03508800500',
      '194791600?32Quentin Quast?70Empfaenger',
    ]]);
    expect(details).toMatchObject({
      purpose: 'Strukturierter Verwendungszweck 30030004 DE',
      counterpartyIban: 'DE03508800500194791600',
      counterpartyName: 'Quentin Quast',
      endToEndId: 'TFNR 0300300004',
    });
  });

  it('continues the purpose from ?29 into ?60–?63 and keeps a space at a line end', () => {
    const details = readEntryDetails([[
      '105?00Basislastschrift?10931?20EREF+123?24SVWZ+STEUERNR 123 IBAN: DE00700500',
      '?60000000012345 BIC: BYLADEMM ?61ABWA: Finanzamt ?62ABWA+Finanzamt Muenchen ',
      '?63Abteilung Erhebung',
    ]]);
    expect(details.purpose).toBe('STEUERNR 123 IBAN: DE00700500000000012345 BIC: BYLADEMM ABWA: Finanzamt');
  });

  it('keeps free text as purpose, a full 65-character line joined as cut, a shorter one with a space', () => {
    const full = 'GIRO AUS ONLINE-SIC 80701 AUFTRAGGEBER: XXXXXXXXX XXX XXXXXXXXSTR'; // 65 with the tag
    expect(readEntryDetails([[full, 'ASSE 111', 'MITTEILUNGEN: 1']]).purpose).toBe(
      'GIRO AUS ONLINE-SIC 80701 AUFTRAGGEBER: XXXXXXXXX XXX XXXXXXXXSTRASSE 111 MITTEILUNGEN: 1',
    );
    expect(readEntryDetails([['Terugboeking   '], ['NIET AKKOORD']]).purpose).toBe('Terugboeking NIET AKKOORD');
  });
});

describe('SEPA references', () => {
  it('finds keywords glued to the text before them and cut across subfields', () => {
    const refs = splitSepaReferences(
      'Cie., S.C.A.SEPA-BASISLASTSCHRIFTEREF+ 1234567890123 PAYPALMREF+ 12AB234CD6E7F CRED+ AB12CDE0000000000000000034 SVWZ+ . SPOTIFY, Ihr Einkaufbei SPOTIFY',
    );
    expect(refs).toEqual({
      structured: true,
      freeText: 'Cie., S.C.A.SEPA-BASISLASTSCHRIFT',
      values: { EREF: '1234567890123 PAYPAL', MREF: '12AB234CD6E7F', CRED: 'AB12CDE0000000000000000034', SVWZ: '. SPOTIFY, Ihr Einkaufbei SPOTIFY' },
    });
    expect(purposeOf(refs)).toBe('. SPOTIFY, Ihr Einkaufbei SPOTIFY');
  });

  it('reads NOTPROVIDED as no end-to-end reference, and keeps the free text when there is no SVWZ+', () => {
    const refs = splitSepaReferences('RETOURE EREF+NOTPROVIDED KREF+SEPA-123 PURP+OTHR');
    expect([endToEndIdOf(refs), refs.values.KREF, refs.values.PURP, purposeOf(refs)]).toEqual([null, 'SEPA-123', 'OTHR', 'RETOURE']);
    expect(purposeOf(splitSepaReferences('Miete Januar'))).toBe('Miete Januar');
  });
});

describe(':25: own account', () => {
  it('turns BLZ/Kontonummer into the German IBAN', () => {
    expect(ownAccountOf('87052000/123456789')).toBe(`DE${ibanCheckDigits('DE', '870520000123456789')}870520000123456789`);
    // The cmxl legacy fixture appends the currency.
    const [legacy] = cmxlLines('account_identification_legacy');
    expect(ownAccountOf(legacy!.replace(':25:', ''))).toBe(`DE${ibanCheckDigits('DE', '700111104005287001')}700111104005287001`);
    expect(germanIban('37040044', '532013000')).toBe('DE89370400440532013000');
  });

  it('keeps an IBAN, with or without spaces and currency, and anything else as written', () => {
    const [iban] = cmxlLines('account_identification_iban');
    expect(ownAccountOf(iban!.replace(':25:', ''))).toBe('PL25106000760000888888888888');
    expect(ownAccountOf('DE89 3704 0044 0532 0130 00 EUR')).toBe('DE89370400440532013000');
    expect(ownAccountOf('NL91ABNA0417164300EUR')).toBe('NL91ABNA0417164300');
    // Fails its check digits (a made-up sample account): kept as written.
    expect(ownAccountOf('NL50RABO0123456789EUR')).toBe('NL50RABO0123456789EUR');
    // Account number longer than ten digits: no German IBAN can hold it.
    expect(ownAccountOf('50880050/0194787400888')).toBe('50880050/0194787400888');
    expect(ownAccountOf('1291.99.348EUR')).toBe('1291.99.348EUR');
    expect(ownAccountOf('  ')).toBeNull();
  });
});
