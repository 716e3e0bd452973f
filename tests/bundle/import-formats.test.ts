/**
 * MT940 and CAMT imports through the built bundle, format detected from the content: real bank files from
 * ../shared/samples checked against their projects' expected results, statement warnings that need the user's consent,
 * duplicates across overlapping statements, untrusted text kept as text, and a constant number of Sheets calls.
 *
 * These need the MT940 and CAMT readers (src/core/import/mt940.ts, camt.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { camt053Xml, latin1, mt940Text } from '../../local/sample/formats';
import { firmAccount, payees } from '../../local/sample/parties';
import { december2026, november2026, type StatementLine } from '../../local/sample/statement';
import { base64, importCalls, runtime, sampleFile, shared, sheetRecords } from '../helpers/import-bundle';
import { zip } from '../helpers/zip';

const root = path.resolve(__dirname, '../..');

type Preview = {
  status: string;
  format: string;
  formatDetected: boolean;
  profileId: string | null;
  account: string | null;
  period: { from: string; to: string } | null;
  rowsRead: number;
  newCount: number;
  warningCount: number;
  warnings: Array<{ message: string }>;
  rows: Array<{ bookingDate: string; valueDate: string | null; amountMinor: number; currency: string; counterpartyIban: string | null; purpose: string }>;
};

/** mt940-rs's expected result: amounts unsigned with a debit/credit indicator, dates ISO. */
interface Mt940Expected {
  account_id: string;
  opening_balance: { amount: string; debit_credit_indicator: string };
  closing_balance: { amount: string; debit_credit_indicator: string; date: string };
  statement_lines: Array<{ value_date: string; entry_date: string; amount: string; ext_debit_credit_indicator: string }>;
}

const cents = (amount: string, indicator: string): number => Math.round(Number(amount) * 100) * (/debit/i.test(indicator) ? -1 : 1);
const booked = (lines: StatementLine[]): StatementLine[] => lines.filter((l) => l.info !== 'Umsatz vorgemerkt');

describe('MT940', () => {
  const file = sampleFile('mt940/svenstaro__mt940-rs__tests__data__mt940__full__sparkasse__buxtehude.sta');
  const [expected] = JSON.parse(readFileSync(path.join(shared, 'samples/mt940/svenstaro__mt940-rs__tests__data__mt940__full__sparkasse__buxtehude.json'), 'utf8')) as Mt940Expected[];
  const lines = expected!.statement_lines;
  const opening = cents(expected!.opening_balance.amount, expected!.opening_balance.debit_credit_indicator);
  const closing = cents(expected!.closing_balance.amount, expected!.closing_balance.debit_credit_indicator);
  const sum = lines.reduce((n, l) => n + cents(l.amount, l.ext_debit_credit_indicator), 0);

  it('reads a Sparkasse MT940 file, detected from its content, as mt940-rs expects it', () => {
    const preview = runtime().call('previewImport', { fileName: file.fileName, contentBase64: file.contentBase64 }) as Preview;
    expect(preview).toMatchObject({ status: 'ready', format: 'mt940', formatDetected: true, profileId: null, rowsRead: lines.length, newCount: lines.length });
    expect(preview.rows.map((r) => [r.bookingDate, r.valueDate, r.amountMinor, r.currency])).toEqual(
      lines.map((l) => [l.entry_date, l.value_date, cents(l.amount, l.ext_debit_credit_indicator), 'EUR']),
    );
    expect(preview.account).toContain(expected!.account_id.split('/')[1]);
    expect(preview.period?.to).toBe(expected!.closing_balance.date);
  });

  it('needs the user\'s consent for a statement whose balances do not add up, and records both attempts', () => {
    // The file's own numbers: opening balance + bookings ≠ closing balance.
    expect(opening + sum).not.toBe(closing);
    const rt = runtime();
    const request = { fileName: file.fileName, contentBase64: file.contentBase64, importGoodRows: false };
    const preview = rt.call('previewImport', request) as Preview;
    expect(preview.warningCount).toBeGreaterThan(0);

    const refused = rt.call('importStatement', request) as Record<string, unknown>;
    expect(refused).toMatchObject({ status: 'refused', imported: 0, warnings: preview.warningCount });
    expect(refused.message).toMatch(/warning.*not confirmed; nothing was imported\.$/);
    expect(rt.spreadsheet.getSheetByName('Transactions')).toBeNull();

    const accepted = rt.call('importStatement', { ...request, acceptWarnings: true }) as Record<string, unknown>;
    expect(accepted).toMatchObject({ status: 'imported', imported: lines.length, warnings: preview.warningCount });
    const history = sheetRecords(rt, 'Imports').values;
    expect(history.map((h) => [h.Format, h.Status, h.New, h.Profile])).toEqual([
      ['MT940', 'refused', 0, ''],
      ['MT940', 'imported', lines.length, ''],
    ]);
    expect(String(history[1]!.Warnings)).toMatch(/^\d+ warnings?: /);
  });

  it('adds only the new transactions of an overlapping statement', () => {
    const jejik = sampleFile('mt940/sandermarechal__jejik-mt940__tests__Jejik__Tests__MT940__Fixture__document__sparkasse.txt');
    const statements = jejik.text.split(/^-\s*$/m).filter((s) => s.includes(':61:'));
    expect(statements).toHaveLength(2);
    const count = (text: string): number => (text.match(/^:61:/gm) ?? []).length;
    const rt = runtime();
    const second = { fileName: 'letzte-woche.sta', contentBase64: base64(latin1(`${statements[1]!.trim()}\r\n-\r\n`)), importGoodRows: false };
    expect(rt.call('importStatement', second)).toMatchObject({ status: 'imported', imported: count(statements[1]!) });
    const whole = rt.call('importStatement', { fileName: jejik.fileName, contentBase64: jejik.contentBase64, importGoodRows: false });
    expect(whole).toMatchObject({ status: 'imported', imported: count(statements[0]!), duplicates: count(statements[1]!) });
    expect(rt.call('importStatement', { fileName: jejik.fileName, contentBase64: jejik.contentBase64, importGoodRows: false })).toMatchObject({
      status: 'nothing-new',
      duplicates: count(jejik.text),
    });
  });

  it('reads the playground\'s sample MT940 file: account, SEPA references, balances that add up', () => {
    const bytes = readFileSync(path.join(root, 'local/sample/sparkasse-2026-11.sta'));
    const rt = runtime();
    const preview = rt.call('previewImport', { fileName: 'sparkasse-2026-11.sta', contentBase64: bytes.toString('base64') }) as Preview;
    expect(preview).toMatchObject({ status: 'ready', format: 'mt940', warningCount: 0, newCount: november2026.length });
    expect(preview.rows.map((r) => r.counterpartyIban)).toEqual(november2026.map((l) => l.counterparty.iban));
    rt.call('importStatement', { fileName: 'sparkasse-2026-11.sta', contentBase64: bytes.toString('base64'), importGoodRows: false });
    const rows = sheetRecords(rt, 'Transactions').values;
    expect(rows.map((r) => r.Purpose)).toEqual(november2026.map((l) => l.purpose));
    expect(rows.map((r) => r['End-to-end ID'])).toEqual(november2026.map((l) => (l.endToEnd === undefined || l.endToEnd === 'NOTPROVIDED' ? '' : l.endToEnd)));
    expect(rows.map((r) => r['Mandate reference'])).toEqual(november2026.map((l) => l.mandate ?? ''));
    expect(rows.map((r) => r['Creditor ID'])).toEqual(november2026.map((l) => l.creditorId ?? ''));
  });
});

describe('CAMT', () => {
  const file = sampleFile('camt/genkgo__camt__test__data__camt053.v2.minimal.xml');
  const expected = JSON.parse(readFileSync(path.join(shared, 'samples/camt/genkgo__camt__test__data__camt053.v2.minimal.json'), 'utf8')) as {
    getEntries: Array<{
      getAmount: { getAmount: string; getCurrency: { getCode: string } };
      getBookingDate: { 0: string };
      getValueDate: { 0: string };
      getRecord: { getAccount: { getIdentification: string } };
    }>;
  };

  it('reads a CAMT.053 file, detected from its content, as genkgo/camt expects it', () => {
    const rt = runtime();
    const preview = rt.call('previewImport', { fileName: file.fileName, contentBase64: file.contentBase64 }) as Preview;
    expect(preview).toMatchObject({ status: 'ready', format: 'camt', formatDetected: true, profileId: null, newCount: expected.getEntries.length });
    expect(preview.account).toBe(expected.getEntries[0]!.getRecord.getAccount.getIdentification);
    expect(preview.rows.map((r) => [r.bookingDate, r.valueDate, r.amountMinor, r.currency])).toEqual(
      expected.getEntries.map((e) => [e.getBookingDate[0].slice(0, 10), e.getValueDate[0].slice(0, 10), Number(e.getAmount.getAmount), e.getAmount.getCurrency.getCode]),
    );
    const result = rt.call('importStatement', { fileName: file.fileName, contentBase64: file.contentBase64, importGoodRows: false, acceptWarnings: true });
    expect(result).toMatchObject({ status: 'imported', imported: expected.getEntries.length });
    expect(sheetRecords(rt, 'Imports').values[0]).toMatchObject({ Format: 'CAMT', Account: expected.getEntries[0]!.getRecord.getAccount.getIdentification });
  });

  it('reads a ZIP of CAMT files as one statement file, and a re-import adds nothing', () => {
    const archive = zip([
      { name: '2026-11.xml', content: camt053Xml(november2026, { openingMinor: 2431852, number: 11 }) },
      { name: '2026-12.xml', content: camt053Xml(december2026, { openingMinor: 1753207, number: 12 }) },
    ]);
    const request = { fileName: 'umsaetze.zip', contentBase64: archive.toString('base64'), importGoodRows: false };
    const rt = runtime();
    const preview = rt.call('previewImport', request) as Preview;
    const all = [...booked(november2026), ...booked(december2026)];
    expect(preview).toMatchObject({ status: 'ready', format: 'camt', account: firmAccount.iban, newCount: all.length, warningCount: 0 });
    expect(preview.period).toEqual({ from: '2026-11-02', to: '2026-12-30' });
    expect(rt.call('importStatement', request)).toMatchObject({ status: 'imported', imported: all.length });
    expect(sheetRecords(rt, 'Transactions').values.map((r) => r.Amount)).toEqual(all.map((l) => Number(l.amount.replace(',', '.'))));
    expect(rt.call('importStatement', request)).toMatchObject({ status: 'nothing-new', duplicates: all.length });
  });

  it('reads the playground\'s sample CAMT file', () => {
    const bytes = readFileSync(path.join(root, 'local/sample/sparkasse-2026-12-camt053.xml'));
    const preview = runtime().call('previewImport', { fileName: 'sparkasse-2026-12-camt053.xml', contentBase64: bytes.toString('base64') }) as Preview;
    expect(preview).toMatchObject({ status: 'ready', format: 'camt', warningCount: 0, newCount: december2026.length });
    expect(preview.rows.map((r) => r.purpose)).toEqual(december2026.map((l) => l.purpose));
  });
});

describe('every format', () => {
  /** `n` bookings on the firm's account, each unique (its own purpose and amount), with untrusted-looking text. */
  function lines(n: number, offset: number): StatementLine[] {
    return Array.from({ length: n }, (_, i) => ({
      booked: '15.10.26',
      text: 'GUTSCHR. UEBERWEISUNG',
      purpose: `RE-2026-${String(i + offset).padStart(5, '0')}`,
      counterparty: payees.landlord,
      amount: `${i + offset + 1},00`,
    }));
  }
  const formats = {
    mt940: (n: number, offset: number) => ({ fileName: `x${offset}.sta`, contentBase64: base64(latin1(mt940Text(lines(n, offset), { openingMinor: 0, number: 1 }))) }),
    camt: (n: number, offset: number) => ({ fileName: `x${offset}.xml`, contentBase64: base64(camt053Xml(lines(n, offset), { openingMinor: 0, number: 1 })) }),
  };

  it.each(Object.entries(formats))('%s: writing N rows costs the same Sheets calls whatever N', (_, makeFile) => {
    const results = [3, 900, 1500, 3000].map((n) => importCalls(makeFile, n));
    expect(results.map((r) => r.rows)).toEqual([3, 900, 1500, 3000]);
    expect(results.map((r) => r.writes)).toEqual([2, 2, 2, 2]);
    expect(results.map((r) => r.grows)).toEqual([0, 0, 1, 1]);
    expect(new Set(results.map((r) => r.other)).size).toBe(1);
  });

  it.each(Object.entries(formats))('%s: text starting with =, +, - or @ stays text', (format) => {
    const evil: StatementLine[] = ['=1+1', '+SUM(A1)', '-2+3', '@IMPORTXML(A1)'].map((purpose, i) => ({
      booked: '15.10.26', text: 'GUTSCHR. UEBERWEISUNG', purpose, counterparty: { name: `=HYPERLINK("x${i}")`, iban: payees.datev.iban, bic: '' }, amount: `${i + 1},00`,
    }));
    const content = format === 'mt940' ? latin1(mt940Text(evil, { openingMinor: 0, number: 1 })) : Buffer.from(camt053Xml(evil, { openingMinor: 0, number: 1 }));
    const rt = runtime();
    rt.call('importStatement', { fileName: `=evil.${format === 'mt940' ? 'sta' : 'xml'}`, contentBase64: base64(content), importGoodRows: false });
    const rows = sheetRecords(rt, 'Transactions').values;
    expect(rows.map((r) => r.Purpose)).toEqual(evil.map((l) => l.purpose));
    expect(rows.map((r) => r.Counterparty)).toEqual(evil.map((l) => l.counterparty.name));
    expect(rt.spreadsheet.sheet('Transactions').formulas().flat().filter((f) => f !== '')).toEqual([]);
    expect(rt.spreadsheet.sheet('Imports').formulas().flat().filter((f) => f !== '')).toEqual([]);
  });
});
