/**
 * Matching the Transactions sheet through the built bundle in the local runtime, as the sidebar will call it
 * (`matchTransactions`), on the sample workbook with the October statement. Run `npm run build` first.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime, type CellValue, type LocalRuntime, type WorkbookSeed } from '../../local/runtime';
import { october2026, type StatementLine } from '../../local/sample/statement';
import { sampleWorkbook } from '../../local/sample/workbook';
import { parseDate } from '../../src/core/calendar/date';
import { parseAmount } from '../../src/core/money/amount';
import { matchColumns } from '../../src/core/tables/match-columns';
import { transactionCells, transactionsTable } from '../../src/core/tables/transactions';

const dist = path.resolve(__dirname, '../../dist');

/** The Transactions sheet as an import before this issue left it: its columns without the match columns. */
const importColumns = transactionsTable.columns.filter((c) => !matchColumns.some((m) => m.key === c.key));

function transactionRows(lines: StatementLine[]): CellValue[][] {
  const booked = lines.filter((l) => l.info !== 'Umsatz vorgemerkt');
  const rows = booked.map((line, i) => {
    const date = parseDate(line.booked, ['dd.mm.yy']);
    const amount = parseAmount(line.amount, { decimalSeparator: ',', thousandsSeparator: '', currency: 'EUR' });
    if (!date.ok || !amount.ok) throw new Error(`sample line ${i} unreadable`);
    const cells = transactionCells(
      {
        bookingDate: date.iso, valueDate: null, amountMinor: amount.minor, currency: 'EUR', counterpartyName: line.counterparty.name,
        counterpartyIban: line.counterparty.iban === '' ? null : line.counterparty.iban, purpose: line.purpose, bookingType: line.text,
        fingerprint: `oct-${String(i + 1).padStart(2, '0')}`,
      },
      { account: 'DE85370501980019283746', fileName: 'sparkasse-2026-10.csv', importedAt: '2026-11-02 09:00', importedBy: 'anna.berger@kanzlei-berger.example' },
    );
    return importColumns.map((c) => (cells[c.key] ?? '') as CellValue);
  });
  return [importColumns.map((c) => c.header), ...rows];
}

function sampleWithTransactions(lines: StatementLine[] = october2026): WorkbookSeed {
  const seed = sampleWorkbook();
  return { ...seed, sheets: { ...seed.sheets, Transactions: transactionRows(lines) } };
}

type Answer = { auto: number; review: number; none: number; keptAsProcessed: number; errorCount: number; errors: Array<{ text: string }>; createdTables: string[]; message: string };

function table(runtime: LocalRuntime, name: string): Array<Record<string, CellValue>> {
  const [header, ...rows] = runtime.spreadsheet.sheet(name).values();
  return rows.map((row) => Object.fromEntries((header as string[]).map((h, i) => [h, row[i]!])));
}

const SHEETS_CALL = /^(Range|Sheet|Spreadsheet)\./;

function row(runtime: LocalRuntime, purposeFragment: string, amount?: number): Record<string, CellValue> {
  const found = table(runtime, 'Transactions').filter((r) => String(r['Purpose']).includes(purposeFragment) && (amount === undefined || r['Amount'] === amount));
  if (found.length !== 1) throw new Error(`${found.length} rows with "${purposeFragment}"`);
  return found[0]!;
}

describe('matchTransactions through the built bundle', () => {
  it('matches the October statement against the sample workbook and explains each row', () => {
    const runtime = createRuntime({ bundleDir: dist, workbook: sampleWithTransactions() });
    const answer = runtime.call('matchTransactions', {}) as Answer;
    // 22 booked transactions (the pending Vodafone debit is not imported): 9 client payments and 4 payment orders sure,
    // a partial payment and a court fee quoting only the case to review, 7 bank fees, cards and direct debits unknown.
    expect(answer).toMatchObject({ auto: 13, review: 2, none: 7, keptAsProcessed: 0, errorCount: 0, createdTables: [], sheetName: 'Transactions' });
    expect(answer.message).toBe('22 transaction(s) matched: 13 sure, 2 to review, 7 without a match.');

    expect(row(runtime, 'RE-2026-0138 Müller Bau')).toMatchObject({
      'Match status': 'auto', 'Matched numbers': 'RE-2026-0138', 'Matched case': '00012/26', 'Match method': 'exact', 'Match score': 1,
      'Match reason': 'RE-2026-0138 found in purpose; amount equal',
    });
    expect(row(runtime, 'RE-2026-0143 und RE-2026-0144')).toMatchObject({
      'Match status': 'auto', 'Matched numbers': 'RE-2026-0143, RE-2026-0144', 'Matched case': '00016/26', 'Match reason': expect.stringMatching(/amount equals their sum/),
    });
    // The typo: similar to many numbers, but only RE-2026-0145 has the amount.
    const typo = row(runtime, 'RE-2026-0154');
    expect(typo).toMatchObject({ 'Match status': 'auto', 'Matched numbers': 'RE-2026-0145', 'Match method': 'fuzzy', 'Matched case': '00018/26' });
    expect(typo['Match score']).toBeCloseTo(0.98, 3);
    expect(typo['Match reason']).toMatch(/amount equal to RE-2026-0145 only$/);
    // The payee's IBAN and the amount, no number: the rent order.
    expect(row(runtime, 'Miete Oktober 2026')).toMatchObject({
      'Match status': 'auto', 'Matched numbers': 'ZA-2026-0071', 'Match method': 'iban',
      'Match reason': expect.stringMatching(/^no number in purpose; counterparty IBAN belongs to Rheinblick Immobilien KG/),
    });
    // The legal expenses insurer pays less than the invoice: never booked on its own.
    expect(row(runtime, 'Kostennote RE-2026-0149')).toMatchObject({
      'Match status': 'review', 'Matched numbers': 'RE-2026-0149', 'Match reason': expect.stringMatching(/partial payment \(paid 987.70 EUR of 1137.70 EUR\)/),
    });
    expect(row(runtime, 'Gerichtskosten 21 O 114/26')).toMatchObject({ 'Match status': 'review', 'Matched case': '00012/26', 'Match method': 'case', 'Matched numbers': '' });
    expect(row(runtime, 'Entgeltabrechnung')).toMatchObject({ 'Match status': 'none', 'Matched numbers': '', 'Match score': '' });

    // The match columns were added at the end of the sheet, formatted by kind; no cell became a formula.
    const sheet = runtime.spreadsheet.sheet('Transactions');
    const header = sheet.values()[0] as string[];
    expect(header.slice(-matchColumns.length)).toEqual(matchColumns.map((c) => c.header));
    const formats = sheet.getRange(2, header.length - matchColumns.length + 1, 1, matchColumns.length).getNumberFormats()[0];
    expect(formats).toEqual(['@', '@', '@', '@', '0.000', '@']);
    expect(sheet.formulas().flat().filter((f) => f !== '')).toEqual([]);
    // The bookkeeper's tables are read, never written.
    expect(runtime.spreadsheet.sheet('Invoices').values()).toHaveLength(sampleWorkbook().sheets!.Invoices!.length);
  });

  it('gives the same answer when run again, and leaves the sheet as the first run wrote it', () => {
    const runtime = createRuntime({ bundleDir: dist, workbook: sampleWithTransactions() });
    const first = runtime.call('matchTransactions', {});
    const after = runtime.spreadsheet.sheet('Transactions').values();
    expect(runtime.call('matchTransactions', {})).toEqual(first);
    expect(runtime.spreadsheet.sheet('Transactions').values()).toEqual(after);
  });

  it('costs a constant number of Sheets calls, with one value write, whatever the number of transactions', () => {
    const calls = (copies: number) => {
      const lines = Array.from({ length: copies }, (_, k) => october2026.map((l) => ({ ...l, purpose: `${l.purpose} ` + 'x'.repeat(k % 3) }))).flat();
      const runtime = createRuntime({ bundleDir: dist, workbook: sampleWithTransactions(lines) });
      runtime.call('matchTransactions', {}); // adds the match columns
      runtime.counters.reset();
      const answer = runtime.call('matchTransactions', {}) as Answer;
      const snapshot = runtime.counters.snapshot();
      return {
        transactions: answer.auto + answer.review + answer.none,
        sheetsCalls: Object.entries(snapshot).filter(([k]) => SHEETS_CALL.test(k)).reduce((n, [, v]) => n + v, 0),
        reads: snapshot['Range.getValues'] ?? 0,
        writes: snapshot['Range.setValues'] ?? 0,
        utilities: runtime.counters.byService('Utilities'),
      };
    };
    const results = [1, 10, 150].map(calls);
    expect(results.map((r) => r.transactions)).toEqual([22, 220, 3300]);
    expect(results.map((r) => r.writes)).toEqual([1, 1, 1]);
    expect(new Set(results.map((r) => r.sheetsCalls)).size).toBe(1);
    expect(new Set(results.map((r) => r.reads)).size).toBe(1);
    // One getValues per table: Invoices, Payments, Contacts, Cases, Transactions.
    expect(results[0]!.reads).toBe(5);
  });

  it('reads date cells as Sheets returns them (Date values), in the spreadsheet\'s time zone', () => {
    const runtime = createRuntime({ bundleDir: dist, workbook: { ...sampleWithTransactions(), timeZone: 'Pacific/Kiritimati' }, scriptTimeZone: 'America/Los_Angeles' });
    const invoices = runtime.spreadsheet.getSheetByName('Invoices')!;
    invoices.getRange(2, 2, invoices.getLastRow() - 1, 2).setNumberFormat('dd.mm.yyyy');
    expect(invoices.getRange(2, 2, 1, 1).getValue()).toBeInstanceOf(Object); // a Date, as Apps Script gives it
    const answer = runtime.call('matchTransactions', {}) as Answer;
    expect(answer).toMatchObject({ auto: 13, review: 2, none: 7, errorCount: 0 });
  });

  it('reports unreadable rows by sheet, row and column, leaves them out, and explains them in the row', () => {
    const seed = sampleWithTransactions();
    const invoices = seed.sheets!.Invoices!.map((r) => [...r]);
    const at = invoices.findIndex((r) => r[0] === 'RE-2026-0141');
    invoices[at]![5] = '1.190,0x';
    const transactions = seed.sheets!.Transactions!.map((r) => [...r]);
    const amountAt = (transactions[0] as string[]).indexOf('Amount');
    const feeRow = transactions.findIndex((r) => String(r[(transactions[0] as string[]).indexOf('Purpose')]).startsWith('Entgeltabrechnung'));
    transactions[feeRow]![amountAt] = 'vierundzwanzig';
    const runtime = createRuntime({ bundleDir: dist, workbook: { ...seed, sheets: { ...seed.sheets, Invoices: invoices, Transactions: transactions } } });
    const answer = runtime.call('matchTransactions', {}) as Answer;
    expect(answer.errors.map((e) => e.text)).toEqual([
      `Invoices, row ${at + 1}, column "Amount": "1.190,0x" is not an amount`,
      `Transactions, row ${feeRow + 1}, column "Amount": "vierundzwanzig" is not an amount`,
    ]);
    expect(answer).toMatchObject({ errorCount: 2, none: 6 });
    expect(answer.message).toMatch(/2 unreadable cell\(s\) left out\.$/);
    expect(row(runtime, 'Entgeltabrechnung')).toMatchObject({ 'Match status': '', 'Match reason': `Transactions, row ${feeRow + 1}, column "Amount": "vierundzwanzig" is not an amount` });
  });

  it('never books a client\'s payment automatically to another client\'s invoice (its own invoice left out as unreadable)', () => {
    const seed = sampleWithTransactions();
    const invoices = seed.sheets!.Invoices!.map((r) => [...r]);
    invoices[invoices.findIndex((r) => r[0] === 'RE-2026-0141')]![5] = '1.190,0x';
    const runtime = createRuntime({ bundleDir: dist, workbook: { ...seed, sheets: { ...seed.sheets, Invoices: invoices } } });
    runtime.call('matchTransactions', {});
    // Dr. Krüger (K-002) quotes RE-2026-0141; RE-2026-0144 (Schäfer & Söhne, K-003) is one digit away and has the same
    // amount, but her IBAN says she is not Schäfer & Söhne: that is for a person to decide.
    const payment = row(runtime, 'Rechnung RE-2026-0141');
    expect({ status: payment['Match status'], numbers: payment['Matched numbers'], reason: payment['Match reason'] }).not.toMatchObject({
      status: 'auto',
      numbers: 'RE-2026-0144',
    });
  });

  it('takes the match settings of the spreadsheet from its document properties', () => {
    const runtime = createRuntime({ bundleDir: dist, workbook: sampleWithTransactions() });
    runtime.documentProperties.setProperty('matchSettings', JSON.stringify({ allowPartialPayments: true }));
    const answer = runtime.call('matchTransactions', {}) as Answer;
    expect(answer).toMatchObject({ auto: 14, review: 1 });
    expect(row(runtime, 'Kostennote RE-2026-0149')['Match status']).toBe('auto');
    runtime.documentProperties.setProperty('matchSettings', JSON.stringify({ fuzzyThreshold: 2 }));
    expect(() => runtime.call('matchTransactions', {})).toThrow(/The stored setting "matchSettings" is damaged: fuzzyThreshold/);
  });

  it('creates missing tables with their header rows, one value write each, and says there is nothing to match yet', () => {
    const runtime = createRuntime({ bundleDir: dist, workbook: { locale: 'de_DE' } });
    const answer = runtime.call('matchTransactions', {}) as Answer;
    expect(answer.createdTables).toEqual(['Invoices', 'Payments', 'Contacts', 'Cases']);
    expect(answer.message).toBe('There is no "Transactions" sheet yet: import a bank statement first.');
    expect(runtime.spreadsheet.sheet('Invoices').values()).toEqual([
      ['Number', 'Date', 'Due date', 'Contact', 'Case', 'Amount', 'Currency', 'Status', 'Paid on', 'Paid by transaction'],
    ]);
    expect(runtime.spreadsheet.sheet('Cases').values()).toEqual([['Id', 'Name', 'Contact ids', 'Status', 'Labels']]);
    expect(runtime.counters.get('Range.setValues')).toBe(4);
    // Data rows are formatted by column kind: numbers stay text, dates show as dates.
    const invoices = runtime.spreadsheet.getSheetByName('Invoices')!;
    expect(invoices.getRange(2, 1, 1, 10).getNumberFormats()[0]).toEqual(['@', 'dd.mm.yyyy', 'dd.mm.yyyy', '@', '@', '#,##0.00', '@', '@', 'dd.mm.yyyy', '@']);
    expect(invoices.getRange(1, 1, 1, 1).getFontWeights()[0]).toEqual(['bold']);
    // The second time nothing is created.
    expect((runtime.call('matchTransactions', {}) as Answer).createdTables).toEqual([]);
  });

  it('finds the match columns by header after the user moved one away from the others', () => {
    const runtime = createRuntime({ bundleDir: dist, workbook: sampleWithTransactions() });
    runtime.call('matchTransactions', {});
    const sheet = runtime.spreadsheet.getSheetByName('Transactions')!;
    const data = sheet.getDataRange().getValues();
    const reasonAt = (data[0] as string[]).indexOf('Match reason');
    // "Match reason" moves to the front; a column of the user's own stays untouched.
    const moved = data.map((r, i) => [r[reasonAt]!, i === 0 ? 'Notiz' : `note ${i}`, ...r.filter((_, c) => c !== reasonAt)]);
    if (sheet.getMaxColumns() < moved[0]!.length) sheet.insertColumnsAfter(sheet.getMaxColumns(), moved[0]!.length - sheet.getMaxColumns());
    sheet.getRange(1, 1, moved.length, moved[0]!.length).setNumberFormat('@').setValues(moved.map((r) => r.map((v) => (v === '' ? '' : String(v)))));
    for (let r = 1; r < moved.length; r++) sheet.getRange(r + 1, 1, 1, 1).setValue('');
    runtime.counters.reset();
    runtime.call('matchTransactions', {});
    expect(runtime.counters.get('Range.setValues')).toBe(2);
    const values = sheet.getDataRange().getValues();
    expect(values[0]!.slice(0, 2)).toEqual(['Match reason', 'Notiz']);
    expect(values.slice(1).map((r) => r[1])).toEqual(values.slice(1).map((_, i) => `note ${i + 1}`));
    expect(values[2]![0]).toBe('RE-2026-0138 found in purpose; amount equal');
  });

  it('waits for nobody: another editor holding the document lock gets a clear message', () => {
    const seed = sampleWithTransactions();
    const runtime = createRuntime({ bundleDir: dist, workbook: seed });
    const other = createRuntime({ bundleDir: dist, workbook: runtime.spreadsheet, user: 'ben.partner@kanzlei-berger.example' });
    other.services.LockService.getDocumentLock()!.tryLock(1000);
    expect(() => runtime.call('matchTransactions', {})).toThrow(/Someone else is changing this spreadsheet/);
  });
});
