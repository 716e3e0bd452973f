/** Range backgrounds and data validation: round trips, Apps Script's errors, rules on rows that move, and the counters. */
import { describe, expect, it } from 'vitest';
import { createRuntime, createWorkbook } from '../../local/runtime';
import { bundleDir, EVAL_BUNDLE } from './bundle';

const dir = bundleDir(EVAL_BUNDLE);
const sheetOf = `var book = SpreadsheetApp.getActiveSpreadsheet(); var sh = book.getSheetByName('T'); var list = book.getSheetByName('L');`;
const seed = () => ({
  sheets: {
    T: [['Head', 'Account'], ['r2', ''], ['r3', ''], ['r4', ''], ['r5', ''], ['r6', '']],
    L: [['Account'], ['1200'], ['4210'], ['4930'], [4950]],
  },
});
const newRuntime = () => createRuntime({ bundleDir: dir, workbook: seed() });
const run = (runtime: ReturnType<typeof newRuntime>, source: string) => runtime.call('run', `${sheetOf} ${source}`);

describe('Range backgrounds', () => {
  it('are white until coloured, come back lower-case #rrggbb, and null resets them', () => {
    const runtime = newRuntime();
    const result = run(runtime, `
      var r = sh.getRange(2, 1, 2, 2);
      var before = r.getBackgrounds();
      r.setBackgrounds([['#D2E3FC', null], ['red', '#abc']]);
      var after = r.getBackgrounds();
      var topLeft = r.getBackground();
      sh.getRange(2, 1, 1, 1).setBackground(null);
      [before, after, topLeft, r.getBackgrounds()]`);
    expect(result).toEqual([
      [['#ffffff', '#ffffff'], ['#ffffff', '#ffffff']],
      [['#d2e3fc', '#ffffff'], ['#ff0000', '#aabbcc']],
      '#d2e3fc',
      [['#ffffff', '#ffffff'], ['#ff0000', '#aabbcc']],
    ]);
    // Colouring is formatting: the sheet's data range does not grow.
    expect(run(runtime, `sh.getRange(20, 5, 1, 1).setBackground('yellow'); [sh.getLastRow(), sh.getLastColumn()]`)).toEqual([6, 2]);
  });

  it('refuses a grid of the wrong size with the same texts as setValues, and colours it does not know', () => {
    const runtime = newRuntime();
    const attempt = (s: string) => () => run(runtime, `sh.getRange(2, 1, 2, 2).${s}`);
    expect(attempt("setBackgrounds([['#ffffff', '#ffffff']])")).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(attempt("setBackgrounds([['#ffffff'], ['#ffffff']])")).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(attempt("setBackgrounds('#ffffff')")).toThrow("don't match the method signature for SpreadsheetApp.Range.setBackgrounds");
    expect(attempt("setBackground('light blueish')")).toThrow('Unknown color "light blueish"');
    // A refused grid leaves every cell as it was.
    expect(attempt("setBackgrounds([['#000000', '#000000'], ['#000000', 'nonsense']])")).toThrow('Unknown color "nonsense"');
    expect(run(runtime, 'sh.getRange(2, 1, 2, 2).getBackgrounds()')).toEqual([['#ffffff', '#ffffff'], ['#ffffff', '#ffffff']]);
  });
});

describe('SpreadsheetApp.newDataValidation', () => {
  it('builds rules as Apps Script reports them: defaults, list values as strings, a source range, dropdown flag', () => {
    const runtime = newRuntime();
    const result = run(runtime, `
      var b = SpreadsheetApp.newDataValidation();
      var defaults = [b.getCriteriaType(), b.getCriteriaValues(), b.getHelpText(), b.getAllowInvalid(), String(b)];
      var list = SpreadsheetApp.newDataValidation().requireValueInList([9, false, 'z']).build();
      var source = book.getSheetByName('L').getRange(2, 1, 4, 1);
      var ranged = SpreadsheetApp.newDataValidation().requireValueInRange(source, false).setAllowInvalid(false).setHelpText('Pick one').build();
      var values = ranged.getCriteriaValues();
      [defaults,
       [String(list.getCriteriaType()), list.getCriteriaValues(), list.getAllowInvalid(), list.getHelpText()],
       [ranged.getCriteriaType() === SpreadsheetApp.DataValidationCriteria.VALUE_IN_RANGE, values[0].getSheet().getName(),
        values[0].getA1Notation(), values[1], ranged.getAllowInvalid(), ranged.getHelpText(), String(ranged)],
       ranged.copy().setAllowInvalid(true).build().getAllowInvalid()]`);
    expect(result).toEqual([
      [null, [], null, true, 'DataValidationBuilder'],
      ['VALUE_IN_LIST', [['9', 'false', 'z'], true], true, null],
      [true, 'L', 'A2:A5', false, false, 'Pick one', 'DataValidation'],
      true,
    ]);
  });

  it('refuses arguments of the wrong type and a rule without criteria', () => {
    const runtime = newRuntime();
    const attempt = (s: string) => () => run(runtime, `SpreadsheetApp.newDataValidation().${s}`);
    expect(attempt("requireValueInRange('A1:A3')")).toThrow(
      "The parameters (string) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInRange.",
    );
    expect(attempt("requireValueInList('a,b')")).toThrow('SpreadsheetApp.DataValidationBuilder.requireValueInList');
    expect(attempt("requireValueInList(['a'], 'yes')")).toThrow('SpreadsheetApp.DataValidationBuilder.requireValueInList');
    expect(attempt("setAllowInvalid('no')")).toThrow('SpreadsheetApp.DataValidationBuilder.setAllowInvalid');
    expect(attempt('build()')).toThrow('needs criteria');
  });
});

describe('Range.setDataValidation', () => {
  const ruleOnColumn = (allowInvalid: boolean) => `
    var rule = SpreadsheetApp.newDataValidation().requireValueInRange(list.getRange(2, 1, list.getMaxRows() - 1, 1), true)
      .setAllowInvalid(${allowInvalid}).setHelpText('Choose an account').build();
    sh.getRange(2, 2, sh.getMaxRows() - 1, 1).setDataValidation(rule); 1`;

  it('puts the rule on every cell of the range, null elsewhere, and null removes it', () => {
    const runtime = newRuntime();
    const result = run(runtime, `${ruleOnColumn(false)}
      var rules = sh.getRange(1, 1, 4, 2).getDataValidations();
      var shape = rules.map(function (row) { return row.map(function (r) { return r === null ? null : String(r.getCriteriaType()); }); });
      var top = sh.getRange(1000, 2, 1, 1).getDataValidation();
      var help = top.getHelpText() + '|' + top.getCriteriaValues()[0].getA1Notation() + '|' + top.getAllowInvalid();
      sh.getRange(3, 2, 2, 1).setDataValidation(null);
      var cleared = sh.getRange(2, 2, 4, 1).getDataValidations().map(function (row) { return row[0] === null; });
      [shape, help, sh.getRange(1, 2, 1, 1).getDataValidation(), cleared, sh.getLastRow()]`);
    expect(result).toEqual([
      [[null, null], [null, 'VALUE_IN_RANGE'], [null, 'VALUE_IN_RANGE'], [null, 'VALUE_IN_RANGE']],
      'Choose an account|A2:A1000|false',
      null,
      [false, true, true, false],
      6,
    ]);
  });

  it('refuses a script write that a rejecting rule does not allow, naming the cell, and writes nothing of it', () => {
    const runtime = newRuntime();
    run(runtime, ruleOnColumn(false));
    // Listed values (text or number shown the same), and blanks, are allowed.
    expect(run(runtime, "sh.getRange(2, 2, 3, 1).setValues([['4210'], [4950], ['']]); sh.getRange(2, 2, 3, 1).getValues()")).toEqual([
      [4210],
      [4950],
      [''],
    ]);
    expect(() => run(runtime, "sh.getRange(3, 1, 3, 2).setValues([['x', '1200'], ['y', '9999'], ['z', '4930']])")).toThrow(
      'The data you entered in cell B4 violates the data validation rules set on this cell.',
    );
    expect(() => run(runtime, "sh.getRange(6, 2, 1, 1).setValue('42100')")).toThrow('cell B6 violates the data validation rules');
    expect(runtime.spreadsheet.sheet('T').values().slice(2).map((r) => r.join('|'))).toEqual(['r3|4950', 'r4|', 'r5|', 'r6|']);
  });

  it('lets a warning-only rule (allow invalid) take any value, and a list rule check its own values', () => {
    const runtime = newRuntime();
    run(runtime, ruleOnColumn(true));
    expect(run(runtime, "sh.getRange(2, 2, 1, 1).setValues([['9999']]); sh.getRange(2, 2, 1, 1).getValue()")).toBe(9999);
    run(runtime, "sh.getRange(2, 1, 5, 1).setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['19', '7', '0']).setAllowInvalid(false).build()); 1");
    expect(run(runtime, "sh.getRange(2, 1, 2, 1).setValues([['19'], [7]]); sh.getRange(2, 1, 2, 1).getValues()")).toEqual([[19], [7]]);
    expect(() => run(runtime, "sh.getRange(4, 1, 1, 1).setValues([['16']])")).toThrow('cell A4 violates the data validation rules');
  });

  it('keeps rules and backgrounds on their rows when rows are deleted or inserted, and moves the list they read', () => {
    const runtime = newRuntime();
    const result = run(runtime, `
      var rule = SpreadsheetApp.newDataValidation().requireValueInRange(list.getRange(2, 1, 4, 1)).setAllowInvalid(false).build();
      sh.getRange(4, 2, 2, 1).setDataValidation(rule);
      sh.getRange(4, 2, 1, 1).setBackground('#d2e3fc');
      sh.deleteRows(2, 1);
      var afterDelete = [sh.getRange(3, 1, 1, 1).getValue(), sh.getRange(3, 2, 1, 1).getBackground(),
        sh.getRange(2, 2, 4, 1).getDataValidations().map(function (r) { return r[0] === null ? '-' : 'rule'; }).join()];
      sh.insertRowsAfter(1, 2);
      var afterInsert = [sh.getRange(5, 1, 1, 1).getValue(), sh.getRange(5, 2, 1, 1).getBackground(),
        sh.getRange(2, 2, 6, 1).getDataValidations().map(function (r) { return r[0] === null ? '-' : 'rule'; }).join()];
      list.deleteRows(2, 1);
      var shrunk = sh.getRange(5, 2, 1, 1).getDataValidation().getCriteriaValues()[0].getA1Notation();
      list.insertRowsAfter(1, 3);
      var grown = sh.getRange(5, 2, 1, 1).getDataValidation().getCriteriaValues()[0].getA1Notation();
      [afterDelete, afterInsert, shrunk, grown]`);
    expect(result).toEqual([
      ['r4', '#d2e3fc', '-,rule,rule,-'],
      ['r4', '#d2e3fc', '-,-,-,rule,rule,-'],
      'A2:A4',
      'A5:A7',
    ]);
    // The moved rule still reads the moved list: 1200 was deleted from it, 4930 is still there.
    expect(() => run(runtime, "sh.getRange(5, 2, 1, 1).setValue('1200')")).toThrow('cell B5 violates the data validation rules');
    expect(run(runtime, "sh.getRange(5, 2, 1, 1).setValue('4930').getValue()")).toBe(4930);
  });

  it('gives rows added by growing the sheet no rule and no colour (the add-on sets them itself)', () => {
    const runtime = newRuntime();
    const result = run(runtime, `
      var rows = sh.getMaxRows() - 1;
      sh.getRange(2, 2, rows, 1).setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['a']).build());
      sh.getRange(sh.getMaxRows(), 2, 1, 1).setBackground('#d2e3fc');
      sh.insertRowsAfter(sh.getMaxRows(), 5);
      var last = sh.getRange(sh.getMaxRows() - 5, 2, 6, 1);
      [sh.getMaxRows(), last.getDataValidations().map(function (r) { return r[0] !== null; }), last.getBackgrounds().map(function (r) { return r[0]; })]`);
    expect(result).toEqual([
      1005,
      [true, false, false, false, false, false],
      ['#d2e3fc', '#ffffff', '#ffffff', '#ffffff', '#ffffff', '#ffffff'],
    ]);
  });

  it('stops another user from colouring or validating cells protected against them', () => {
    const workbook = createWorkbook(seed());
    const anna = createRuntime({ bundleDir: dir, workbook });
    const ben = createRuntime({ bundleDir: dir, workbook, user: 'ben.krause@kanzlei-berger.example' });
    anna.call('run', `${sheetOf} sh.getRange(2, 1, 2, 2).protect(); 1`);
    expect(() => ben.call('run', `${sheetOf} sh.getRange(3, 2, 1, 1).setBackgrounds([['#d2e3fc']])`)).toThrow(/protected cell/);
    expect(() => ben.call('run', `${sheetOf} sh.getRange(3, 2, 1, 1).setDataValidation(null)`)).toThrow(/protected cell/);
    expect(ben.call('run', `${sheetOf} sh.getRange(4, 2, 1, 1).setBackground('#d2e3fc').getBackground()`)).toBe('#d2e3fc');
  });
});

describe('call counters', () => {
  it('count background, validation and builder calls like every other Range call', () => {
    const runtime = newRuntime();
    run(runtime, `
      var colours = [];
      for (var i = 0; i < 5; i++) colours.push(['#d2e3fc', null]);
      sh.getRange(2, 1, 5, 2).setBackgrounds(colours);
      sh.getRange(2, 1, 5, 2).getBackgrounds();
      var rule = SpreadsheetApp.newDataValidation().requireValueInRange(list.getRange(2, 1, 4, 1), true).setAllowInvalid(false).setHelpText('x').build();
      sh.getRange(2, 2, 5, 1).setDataValidation(rule);
      sh.getRange(2, 2, 5, 1).getDataValidations();
      1`);
    const c = runtime.counters;
    expect(c.get('Range.setBackgrounds')).toBe(1);
    expect(c.get('Range.getBackgrounds')).toBe(1);
    expect(c.get('Range.setDataValidation')).toBe(1);
    expect(c.get('Range.getDataValidations')).toBe(1);
    expect(c.get('SpreadsheetApp.newDataValidation')).toBe(1);
    expect(
      ['requireValueInRange', 'setAllowInvalid', 'setHelpText', 'build'].map((m) => c.get(`DataValidationBuilder.${m}`)),
    ).toEqual([1, 1, 1, 1]);
    // Builder and rule calls belong to SpreadsheetApp: getActiveSpreadsheet + 2 getSheetByName + 5 getRange + 4 Range
    // calls + newDataValidation + 4 builder calls.
    expect(c.byService('SpreadsheetApp')).toBe(17);
  });
});
