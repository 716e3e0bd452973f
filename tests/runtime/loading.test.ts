/** The bundle runs in a context that has Apps Script's globals only, and in its own realm. */
import { describe, expect, it } from 'vitest';
import { EVAL_BUNDLE, runtimeWith } from './bundle';

describe('loading a bundle', () => {
  it('offers no Node or browser globals that Apps Script lacks', () => {
    const runtime = runtimeWith(EVAL_BUNDLE);
    const absent = ['require', 'process', 'module', 'exports', 'Buffer', 'setTimeout', 'setInterval', 'setImmediate', 'fetch', 'TextDecoder', 'TextEncoder', 'URL', 'URLSearchParams', 'structuredClone', 'WebAssembly', 'window', 'document', 'global', 'queueMicrotask'];
    const types = runtime.call('run', `(${JSON.stringify(absent)}).map(function (n) { return typeof globalThis[n]; })`);
    expect(types).toEqual(absent.map(() => 'undefined'));
    for (const service of ['SpreadsheetApp', 'HtmlService', 'PropertiesService', 'LockService', 'CacheService', 'Session', 'Utilities', 'UrlFetchApp', 'DriveApp', 'Logger', 'console']) {
      expect(runtime.call('run', `typeof ${service}`), service).toBe('object');
    }
  });

  it('makes a bundle that reaches for require or Buffer fail with ReferenceError when the function runs', () => {
    const runtime = runtimeWith(`
      function readFile() { return require('fs').readFileSync('/etc/passwd', 'utf8'); }
      function decode(s) { return Buffer.from(s, 'base64').toString(); }
      function fine() { return 'loaded anyway'; }`);
    expect(runtime.call('fine')).toBe('loaded anyway'); // loading itself succeeds: the reference is only resolved at call time
    expect(() => runtime.call('readFile')).toThrow(ReferenceError);
    expect(() => runtime.call('readFile')).toThrow('require is not defined');
    expect(() => runtime.call('decode', 'aGk=')).toThrow(ReferenceError);
  });

  it('lists the top-level functions the bundle defines, not services or other globals', () => {
    const runtime = runtimeWith(`
      function onOpen(e) {}
      function previewImport(request) {}
      var helper = 1;
      const App = { x: function () {} };`);
    expect(runtime.topLevelFunctions().sort()).toEqual(['onOpen', 'previewImport']);
  });

  it('loads every .js file of the directory, in one shared global scope', () => {
    const runtime = runtimeWith('function a() { return b(); }', {}, { 'Other.js': 'function b() { return 42; }', 'Sidebar.html': '<p>x</p>' });
    expect(runtime.call('a')).toBe(42);
  });

  it('hands the bundle values of its own realm, as Apps Script does', () => {
    const runtime = runtimeWith(EVAL_BUNDLE, { workbook: { sheets: { Data: [[1, 'a', new Date(Date.UTC(2024, 0, 31))]] } } });
    const checks = runtime.call(
      'run',
      `var values = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data').getRange(1, 1, 1, 3).getValues();
       var props = PropertiesService.getUserProperties().setProperty('k', 'v').getProperties();
       [values instanceof Array, values[0] instanceof Array, values[0][2] instanceof Date,
        Utilities.base64Decode('AAE=') instanceof Array, Object.getPrototypeOf(props) === Object.prototype,
        SpreadsheetApp.getActiveSpreadsheet().getSheets() instanceof Array]`,
    );
    expect(checks).toEqual([true, true, true, true, true, true]);
  });

  it('raises service errors as Errors of the bundle realm, so `instanceof Error` holds in catch blocks', () => {
    const runtime = runtimeWith(EVAL_BUNDLE);
    const caught = runtime.call(
      'run',
      `try { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(0, 1, 1, 1); 'no error' }
       catch (e) { [e instanceof Error, e.message] }`,
    );
    expect(caught).toEqual([true, 'The starting row of the range is too small.']);
  });

  it('captures Logger and console output into logs', () => {
    const runtime = runtimeWith(EVAL_BUNDLE);
    runtime.call('run', `Logger.log('Import %s: %s rows', 'oktober.csv', 4); console.log('plain', { a: 1 }); console.error('bad'); 1`);
    expect(runtime.logs).toEqual(['Import oktober.csv: 4 rows', 'plain { a: 1 }', 'ERROR bad']);
  });
});

describe('the surface the bundle sees', () => {
  it('shows Apps Script methods and enums only, not the fakes’ fields or helpers', () => {
    const runtime = runtimeWith(EVAL_BUNDLE);
    const seen = runtime.call('run', `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; var r = sh.getRange(1, 1, 1, 1);
      [typeof r.getValues, typeof r.row, typeof r.sheet, typeof sh.cellAt, typeof sh.values, typeof SpreadsheetApp.getActiveSpreadsheet().toJSON,
       SpreadsheetApp.ProtectionType.RANGE, typeof r.setValue]`);
    expect(seen).toEqual(['function', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'RANGE', 'function']);
  });

  it('keeps the same object identity for the same fake', () => {
    const runtime = runtimeWith(EVAL_BUNDLE);
    expect(runtime.call('run', `SpreadsheetApp.getActiveSpreadsheet() === SpreadsheetApp.getActiveSpreadsheet()`)).toBe(true);
  });
});
