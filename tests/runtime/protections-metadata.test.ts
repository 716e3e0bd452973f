/** Protections (enforced against the acting user) and developer metadata (spreadsheet, sheet, whole rows/columns). */
import { describe, expect, it } from 'vitest';
import { createRuntime, createWorkbook } from '../../local/runtime';
import { bundleDir, EVAL_BUNDLE } from './bundle';

const dir = bundleDir(EVAL_BUNDLE);
const sheetOf = `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('T');`;

describe('protections', () => {
  it('protects a range: description, warning-only, listing by type, getRange, remove', () => {
    const runtime = createRuntime({ bundleDir: dir, workbook: { sheets: { T: [['a']] } } });
    const result = runtime.call('run', `${sheetOf}
      var p = sh.getRange(1, 1, 10, 5).protect().setDescription('Kontomatch: gebucht').setWarningOnly(true);
      var listed = sh.getProtections(SpreadsheetApp.ProtectionType.RANGE);
      var info = [listed.length, listed[0].getDescription(), listed[0].isWarningOnly(), listed[0].canEdit(), listed[0].getRange().getNumRows(),
                  sh.getProtections(SpreadsheetApp.ProtectionType.SHEET).length];
      listed[0].remove();
      info.concat([sh.getProtections(SpreadsheetApp.ProtectionType.RANGE).length])`);
    expect(result).toEqual([1, 'Kontomatch: gebucht', true, true, 10, 0, 0]);
  });

  it('stops a script of another user from writing into a protected range, unless warning-only', () => {
    const workbook = createWorkbook({ sheets: { T: [['a']] } });
    const anna = createRuntime({ bundleDir: dir, workbook }); // the owner
    const bob = createRuntime({ bundleDir: dir, workbook, user: 'bob@kanzlei-berger.example' });
    anna.call('run', `${sheetOf} sh.getRange(1, 1, 5, 2).protect().setDescription('gebucht'); 1`);
    expect(bob.call('run', `${sheetOf} sh.getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].canEdit()`)).toBe(false);
    expect(() => bob.call('run', `${sheetOf} sh.getRange(2, 2, 1, 1).setValues([['x']]); 1`)).toThrow(/You are trying to edit a protected cell or object/);
    expect(bob.call('run', `${sheetOf} sh.getRange(6, 1, 1, 1).setValues([['outside']]); 1`)).toBe(1);
    expect(anna.call('run', `${sheetOf} sh.getRange(2, 2, 1, 1).setValues([['owner may']]); 1`)).toBe(1);
    anna.call('run', `${sheetOf} sh.getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].setWarningOnly(true); 1`);
    expect(bob.call('run', `${sheetOf} sh.getRange(2, 2, 1, 1).setValues([['now ok']]); 1`)).toBe(1);
  });
});

describe('developer metadata', () => {
  it('attaches to the spreadsheet and a sheet; values can be read, changed and removed', () => {
    const runtime = createRuntime({ bundleDir: dir, workbook: { sheets: { T: [] } } });
    const result = runtime.call('run', `${sheetOf}
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      ss.addDeveloperMetadata('kontomatch.schema', '3');
      sh.addDeveloperMetadata('kontomatch.table', 'transactions');
      var m = ss.getDeveloperMetadata()[0]; m.setValue('4');
      var out = [ss.getDeveloperMetadata().length, m.getKey(), ss.getDeveloperMetadata()[0].getValue(), sh.getDeveloperMetadata()[0].getValue()];
      sh.getDeveloperMetadata()[0].remove();
      out.concat([sh.getDeveloperMetadata().length, ss.getDeveloperMetadata().length])`);
    expect(result).toEqual([1, 'kontomatch.schema', '4', 'transactions', 0, 1]);
  });

  it('attaches to whole rows only (not arbitrary ranges), and moves with its row when rows are inserted above', () => {
    const runtime = createRuntime({ bundleDir: dir, workbook: { sheets: { T: [] } } });
    expect(() => runtime.call('run', `${sheetOf} sh.getRange(2, 1, 1, 3).addDeveloperMetadata('batch', 'b1')`)).toThrow(/Adding developer metadata to arbitrary ranges is not currently supported/);
    const result = runtime.call('run', `${sheetOf}
      sh.getRange(3, 1, 1, sh.getMaxColumns()).addDeveloperMetadata('batch', 'b1');
      var before = sh.getRange(3, 1, 1, 1).getDeveloperMetadata().map(function (m) { return m.getValue(); });
      sh.insertRowsAfter(1, 2);
      [before, sh.getRange(3, 1, 1, 1).getDeveloperMetadata().length, sh.getRange(5, 1, 1, 1).getDeveloperMetadata()[0].getValue()]`);
    expect(result).toEqual([['b1'], 0, 'b1']);
  });
});
