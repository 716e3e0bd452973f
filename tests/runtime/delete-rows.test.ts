/** Sheet.deleteRows / deleteRow: what moves up, what shrinks, what goes, and what Sheets refuses. */
import { describe, expect, it } from 'vitest';
import { createRuntime, createWorkbook } from '../../local/runtime';
import { bundleDir, EVAL_BUNDLE } from './bundle';

const dir = bundleDir(EVAL_BUNDLE);
const sheetOf = `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('T');`;
const seed = () => ({ sheets: { T: [['Head'], ['r2'], ['r3'], ['r4'], ['r5'], ['r6'], ['r7']] } });

describe('Sheet.deleteRows', () => {
  it('moves the rows below up with their values, formulas and formats, and shrinks the sheet', () => {
    const runtime = createRuntime({ bundleDir: dir, workbook: seed() });
    const result = runtime.call('run', `${sheetOf}
      sh.getRange(6, 2, 1, 1).setValues([['=SUM(A1:A2)']]);
      sh.getRange(6, 3, 1, 1).setNumberFormat('0.00').setValues([[1.5]]);
      var before = sh.getMaxRows();
      var r = sh.deleteRows(3, 2);
      [before, sh.getMaxRows(), sh.getLastRow(), r === undefined]`);
    expect(result).toEqual([1000, 998, 5, true]);
    const sheet = runtime.spreadsheet.sheet('T');
    expect(sheet.values()).toEqual([['Head', '', ''], ['r2', '', ''], ['r5', '', ''], ['r6', '#NAME?', 1.5], ['r7', '', '']]);
    expect(sheet.formulas()[3]).toEqual(['', '=SUM(A1:A2)', '']);
    expect(sheet.numberFormats()[3]).toEqual(['General', 'General', '0.00']);
    expect(runtime.counters.get('Sheet.deleteRows')).toBe(1);
  });

  it('deleteRow deletes one row and returns the sheet for chaining', () => {
    const runtime = createRuntime({ bundleDir: dir, workbook: seed() });
    expect(runtime.call('run', `${sheetOf} sh.deleteRow(2).deleteRow(2).getMaxRows()`)).toBe(998);
    expect(runtime.spreadsheet.sheet('T').values().map((r) => r[0])).toEqual(['Head', 'r4', 'r5', 'r6', 'r7']);
  });

  it('moves row metadata and protections up, shrinks those cut, drops those wholly deleted', () => {
    const runtime = createRuntime({ bundleDir: dir, workbook: seed() });
    const result = runtime.call('run', `${sheetOf}
      var w = sh.getMaxColumns();
      sh.getRange(2, 1, 1, w).addDeveloperMetadata('row', 'r2');
      sh.getRange(3, 1, 1, w).addDeveloperMetadata('row', 'r3');
      sh.getRange(6, 1, 1, w).addDeveloperMetadata('row', 'r6');
      sh.getRange(2, 1, 3, 1).protect().setDescription('rows 2-4');
      sh.getRange(3, 1, 1, 1).protect().setDescription('row 3');
      sh.getRange(6, 1, 2, 1).protect().setDescription('rows 6-7');
      sh.deleteRows(3, 2);
      var rows = [];
      for (var r = 1; r <= 6; r++) rows.push(sh.getRange(r, 1, 1, 1).getDeveloperMetadata().map(function (m) { return m.getValue(); }).join());
      var prot = sh.getProtections(SpreadsheetApp.ProtectionType.RANGE).map(function (p) {
        return p.getDescription() + ':' + p.getRange().getRow() + '+' + p.getRange().getNumRows();
      });
      [rows, prot]`);
    expect(result).toEqual([['', 'r2', '', 'r6', '', ''], ['rows 2-4:2+1', 'rows 6-7:4+2']]);
  });

  it('keeps frozen rows frozen, and shrinks them when frozen rows are deleted', () => {
    const runtime = createRuntime({ bundleDir: dir, workbook: seed() });
    expect(runtime.call('run', `${sheetOf} sh.setFrozenRows(2); sh.deleteRows(4, 2); var a = sh.getFrozenRows(); sh.deleteRows(2, 2); [a, sh.getFrozenRows()]`)).toEqual([2, 1]);
  });

  it('refuses to delete every non-frozen row, rows outside the sheet, and zero rows, with Sheets’ texts', () => {
    const runtime = createRuntime({ bundleDir: dir, workbook: seed() });
    const run = (s: string) => runtime.call('run', `${sheetOf} ${s}`);
    expect(() => run('sh.deleteRows(1, sh.getMaxRows())')).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    expect(() => run('sh.setFrozenRows(1); sh.deleteRows(2, sh.getMaxRows() - 1)')).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    expect(() => run('sh.deleteRows(sh.getMaxRows(), 2)')).toThrow('Those rows are out of bounds.');
    expect(() => run('sh.deleteRows(0, 1)')).toThrow('Those rows are out of bounds.');
    expect(() => run('sh.deleteRows(2, 0)')).toThrow('The number of rows to delete must be at least 1.');
    expect(run('sh.deleteRows(1, sh.getMaxRows() - 2); [sh.getMaxRows(), sh.getFrozenRows()]')).toEqual([2, 0]);
  });

  it('stops another user from deleting rows that hold a range protected against them', () => {
    const workbook = createWorkbook(seed());
    const anna = createRuntime({ bundleDir: dir, workbook }); // the owner
    const ben = createRuntime({ bundleDir: dir, workbook, user: 'ben.krause@kanzlei-berger.example' });
    anna.call('run', `${sheetOf} sh.getRange(3, 2, 1, 1).protect().setDescription('gebucht'); 1`);
    expect(() => ben.call('run', `${sheetOf} sh.deleteRows(2, 2)`)).toThrow(/You are trying to edit a protected cell or object/);
    expect(workbook.sheet('T').values().map((r) => r[0])).toEqual(['Head', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7']);
    expect(ben.call('run', `${sheetOf} sh.deleteRows(5, 2); sh.getLastRow()`)).toBe(5);
  });
});
