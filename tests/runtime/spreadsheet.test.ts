/** SpreadsheetApp: sheets, range geometry, Apps Script's error texts, and what a workbook shows to tests/playground. */
import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../local/runtime';
import { EVAL_BUNDLE, runtimeWith } from './bundle';

function inBundle(source: string, options = {}) {
  const runtime = runtimeWith(EVAL_BUNDLE, options, { 'Sidebar.html': '<h1>Sidebar</h1>' });
  return { runtime, result: runtime.call('run', source) };
}

describe('Spreadsheet and sheets', () => {
  it('knows its id, name, time zone and locale (defaults Europe/Berlin, de_DE)', () => {
    const { result } = inBundle(`var ss = SpreadsheetApp.getActiveSpreadsheet();
      [ss.getId(), ss.getName(), ss.getSpreadsheetTimeZone(), ss.getSpreadsheetLocale(), ss.getSheets().map(function (s) { return s.getName(); })]`, {
      workbook: { id: 'abc123', name: 'Buchhaltung 2024' },
    });
    expect(result).toEqual(['abc123', 'Buchhaltung 2024', 'Europe/Berlin', 'de_DE', ['Tabellenblatt1']]);
  });

  it('inserts sheets of 1000 × 26, returns null for a missing sheet, and refuses a duplicate name with Apps Script’s text', () => {
    const { runtime, result } = inBundle(`var ss = SpreadsheetApp.getActiveSpreadsheet();
      var s = ss.insertSheet('Transactions');
      [s.getMaxRows(), s.getMaxColumns(), s.getLastRow(), s.getLastColumn(), ss.getSheetByName('Nope') === null, ss.getSheetByName('Transactions').getName()]`);
    expect(result).toEqual([1000, 26, 0, 0, true, 'Transactions']);
    expect(() => runtime.call('run', `SpreadsheetApp.getActiveSpreadsheet().insertSheet('Transactions')`)).toThrow(
      'A sheet with the name "Transactions" already exists. Please enter another name.',
    );
  });

  it('checks range coordinates against the sheet size, and insertRowsAfter/insertColumnsAfter grow it', () => {
    const { runtime } = inBundle('1');
    const run = (s: string) => runtime.call('run', `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; ${s}`);
    expect(() => run('sh.getRange(1000, 1, 2, 1)')).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => run('sh.getRange(1, 26, 1, 2)')).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => run('sh.getRange(1, 1, 0, 1)')).toThrow('The number of rows in the range must be at least 1.');
    expect(() => run('sh.getRange(1, 1, 1, 0)')).toThrow('The number of columns in the range must be at least 1.');
    expect(run('sh.insertRowsAfter(sh.getMaxRows(), 500); sh.insertColumnsAfter(26, 4); [sh.getMaxRows(), sh.getMaxColumns(), sh.getRange(1500, 30, 1, 1).getRow()]')).toEqual([1500, 30, 1500]);
  });

  it('inserting rows shifts the cells below', () => {
    const { runtime } = inBundle('1', { workbook: { sheets: { S: [['a'], ['b']] } } });
    runtime.call('run', `SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S').insertRowsAfter(1, 2); 1`);
    expect(() => runtime.call('run', `SpreadsheetApp.getActiveSpreadsheet()`)).toThrow(/cannot pass a Spreadsheet object/);
    expect(runtime.spreadsheet.sheet('S').values()).toEqual([['a'], [''], [''], ['b']]);
  });

  it('tracks last row/column, data range and frozen rows', () => {
    const { result } = inBundle(`var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      var empty = sh.getDataRange();
      sh.getRange(3, 2, 1, 2).setValues([['x', 5]]);
      sh.getRange(10, 1, 1, 1).setNumberFormat('@'); // a format alone is not content
      sh.setFrozenRows(1);
      var d = sh.getDataRange();
      [empty.getNumRows(), empty.getNumColumns(), sh.getLastRow(), sh.getLastColumn(), d.getNumRows(), d.getNumColumns(), sh.getFrozenRows()]`);
    expect(result).toEqual([1, 1, 3, 3, 3, 3, 1]);
  });

  it('shows the workbook to tests and the playground (values, formulas, formats, toJSON)', () => {
    const book = createWorkbook({ name: 'Demo', timeZone: 'Europe/Berlin', locale: 'de_DE', sheets: { Transactions: [['Betrag', 'Zweck'], [1234.5, '=HYPERLINK("x")']] } });
    const sheet = book.sheet('Transactions');
    sheet.getRange(2, 1, 1, 1).setNumberFormat('#,##0.00');
    expect(sheet.values()).toEqual([['Betrag', 'Zweck'], [1234.5, '=HYPERLINK("x")']]); // seeds are data: not parsed
    expect(sheet.formulas()).toEqual([['', ''], ['', '']]);
    expect(sheet.numberFormats()).toEqual([['General', 'General'], ['#,##0.00', 'General']]);
    expect(book.toJSON()).toEqual({
      name: 'Demo',
      timeZone: 'Europe/Berlin',
      locale: 'de_DE',
      sheets: [{ name: 'Transactions', rows: [['Betrag', 'Zweck'], ['1.234,50', '=HYPERLINK("x")']], formulas: [['', ''], ['', '']], backgrounds: [['#ffffff', '#ffffff'], ['#ffffff', '#ffffff']], frozenRows: 0 }],
    });
    expect(() => book.sheet('Missing')).toThrow(/No sheet named "Missing"/);
  });

  it('records the add-on menu, the sidebar and dialogs', () => {
    const { runtime } = inBundle(`
      SpreadsheetApp.getUi().createAddonMenu().addItem('Seitenleiste öffnen', 'showSidebar').addSeparator().addItem('Import', 'openImport').addToUi();
      SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Kontomatch'));
      SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutputFromFile('Sidebar'), 'Import');
      SpreadsheetApp.flush(); 1`);
    expect(runtime.ui.menus).toEqual([
      { title: 'Kontomatch', items: [{ caption: 'Seitenleiste öffnen', functionName: 'showSidebar' }, 'separator', { caption: 'Import', functionName: 'openImport' }] },
    ]);
    expect(runtime.ui.sidebar).toEqual({ title: 'Kontomatch', content: '<h1>Sidebar</h1>' });
    expect(runtime.ui.dialogs).toEqual([{ title: 'Import', content: '<h1>Sidebar</h1>', width: null, height: null }]);
  });
});
