/** The virtual clock, Apps Script’s 6-minute limit, the kill switch, and a hidden active-user email. */
import { describe, expect, it } from 'vitest';
import { EXCEEDED_MESSAGE, VirtualClock, createRuntime, createWorkbook } from '../../local/runtime';
import { bundleDir, EVAL_BUNDLE, runtimeWith } from './bundle';

const START = Date.UTC(2026, 10, 3, 8, 0, 0); // 3 Nov 2026, 08:00 UTC

const dir = bundleDir(`${EVAL_BUNDLE}
  /** Writes rows 1..n one setValues each; a catch/finally tries to log and write a marker, as careful code would. */
  function writeRows(n) {
    var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('T');
    try {
      for (var i = 1; i <= n; i++) sh.getRange(i, 1, 1, 1).setValues([['row ' + i]]);
      return 'done';
    } catch (e) {
      try { sh.getRange(20, 1, 1, 1).setValues([['failed: ' + e.message]]); } catch (ignored) {}
      return 'swallowed: ' + e.message;
    } finally {
      try { PropertiesService.getDocumentProperties().setProperty('finally', 'ran'); } catch (ignored) {}
    }
  }
  /** Reads the time, makes n cheap service calls, reads the time again. */
  function timed(n) {
    var t0 = Date.now(), d0 = new Date().getTime();
    for (var i = 0; i < n; i++) Session.getActiveUserLocale();
    return [t0, d0, Date.now(), new Date().getTime()];
  }
  function spin(calls) { for (var i = 0; i < calls; i++) Session.getActiveUserLocale(); return Date.now(); }`);

const workbook = () => createWorkbook({ sheets: { T: [] } });

describe('virtual clock', () => {
  it('gives the bundle virtual time that advances by perCallMs per service call and by Utilities.sleep', () => {
    const runtime = createRuntime({ bundleDir: dir, clock: { startMs: START, perCallMs: 250 } });
    expect(runtime.call('timed', 4)).toEqual([START, START, START + 1000, START + 1000]);
    expect(runtime.clock!.now()).toBe(START + 1000);
    const started = Date.now();
    runtime.call('run', `Utilities.sleep(120000); 1`);
    expect(Date.now() - started).toBeLessThan(1000); // virtual: nothing blocks
    expect(runtime.clock!.now()).toBe(START + 1000 + 250 + 120_000);
    runtime.clock!.advance(60_000);
    expect(runtime.call('run', `Date.now()`)).toBe(START + 1000 + 250 + 120_000 + 60_000);
  });

  it('keeps Date otherwise native: dates from numbers and strings, Date.UTC, instanceof, Date() as a string, formatDate', () => {
    const runtime = runtimeWith(EVAL_BUNDLE, { clock: { startMs: START } });
    expect(runtime.call('run', `[new Date(0).getTime(), new Date('2024-01-05T00:00:00Z').getTime(), Date.UTC(2024, 0, 5), new Date() instanceof Date,
      Object.prototype.toString.call(new Date()), new Date().constructor === Date, typeof Date(), Date().slice(0, 15), new Date(2024, 0, 5, 12).getDate()]`)).toEqual([
      0, Date.UTC(2024, 0, 5), Date.UTC(2024, 0, 5), true, '[object Date]', true, 'string', new Date(START).toString().slice(0, 15), 5,
    ]);
    expect(runtime.call('run', `Utilities.formatDate(new Date(), 'Europe/Berlin', 'yyyy-MM-dd HH:mm')`)).toBe('2026-11-03 09:00');
    // Dates the services hand over are of the bundle's realm too.
    expect(runtime.call('run', `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; sh.getRange(1, 1, 1, 1).setValues([[new Date()]]);
      var v = sh.getRange(1, 1, 1, 1).getValues()[0][0]; [v instanceof Date, v.getTime()]`)).toEqual([true, START]);
  });

  it('drives CacheService expiry unless another clock is given, and can be shared by two runtimes', () => {
    const clock = new VirtualClock({ startMs: START, perCallMs: 100 });
    const book = workbook();
    const anna = createRuntime({ bundleDir: dir, workbook: book, clock });
    const ben = createRuntime({ bundleDir: dir, workbook: book, clock, user: 'ben.krause@kanzlei-berger.example' });
    anna.call('run', `CacheService.getDocumentCache().put('k', 'v', 1); 1`); // a call's time passes before it acts: put at START + 200
    expect(ben.call('run', `CacheService.getDocumentCache().get('k')`)).toBe('v');
    clock.advance(1000);
    expect(ben.call('run', `CacheService.getDocumentCache().get('k')`)).toBeNull();
    expect(ben.clock).toBe(anna.clock);
  });

  it('is wiring the bundle cannot reach: functions in a fake’s own fields are not exposed', () => {
    const runtime = runtimeWith(EVAL_BUNDLE, { clock: { startMs: START } });
    expect(runtime.call('run', `[typeof Utilities.wait, typeof CacheService.getDocumentCache().now, typeof LockService.getDocumentLock().onAcquire,
      typeof Utilities.newBlob, typeof DriveApp.createFile]`)).toEqual(['undefined', 'undefined', 'undefined', 'function', 'function']);
  });

  it('runs on real time without the option', () => {
    const runtime = runtimeWith(EVAL_BUNDLE);
    expect(runtime.clock).toBeNull();
    const before = Date.now();
    const seen = runtime.call('run', `Session.getActiveUserLocale(); Date.now()`) as number;
    expect(seen).toBeGreaterThanOrEqual(before);
    expect(seen).toBeLessThanOrEqual(Date.now());
  });

  it('kills a call that has run longer than 6 minutes at its next service call, and the next call starts afresh', () => {
    const book = workbook();
    const runtime = createRuntime({ bundleDir: dir, workbook: book, clock: { startMs: START, perCallMs: 1000 } });
    // Each setValues costs 1 s (getActiveSpreadsheet, getSheetByName and each getRange too): 2 calls per row.
    expect(() => runtime.call('writeRows', 500)).toThrow(EXCEEDED_MESSAGE);
    const written = book.sheet('T').values().map((r) => r[0]).filter((v) => String(v).startsWith('row '));
    // Calls at t = 0 s … 360 s run (361 calls: 2 setup + 179 rows × 2 + getRange of row 180); the one after dies.
    expect(written.length).toBe(179);
    expect(book.sheet('T').getRange(20, 1, 1, 1).getValue()).toBe('row 20'); // the catch could not write its marker
    expect(runtime.documentProperties.getProperty('finally')).toBeNull(); // nor could the finally
    expect(runtime.clock!.now() - START).toBe(361_000);
    expect(runtime.call('writeRows', 3)).toBe('done');
  });

  it('fails a call whose last service call took it past 6 minutes, though the script returned', () => {
    const runtime = createRuntime({ bundleDir: dir, clock: { startMs: START, perCallMs: 1000 } });
    expect(runtime.call('spin', 360)).toBe(START + 360_000); // exactly 6 minutes: still allowed
    expect(() => runtime.call('spin', 1)).not.toThrow();
    expect(() => runtime.call('spin', 361)).toThrow(EXCEEDED_MESSAGE);
  });
});

describe('kill switch', () => {
  it('makes the n-th setValues and every service call after it fail; earlier writes stay; the lock is released', () => {
    const book = workbook();
    const runtime = createRuntime({ bundleDir: dir, workbook: book });
    runtime.killAfter(3, (key) => key === 'Range.setValues');
    expect(() =>
      runtime.call('run', `LockService.getDocumentLock().waitLock(1000); writeRows(5)`),
    ).toThrow(EXCEEDED_MESSAGE);
    expect(book.sheet('T').values()).toEqual([['row 1'], ['row 2']]);
    expect(runtime.documentProperties.getProperty('finally')).toBeNull();
    expect(runtime.counters.get('Range.setValues')).toBe(3); // the killed call is counted (it was made), though it did not run
    expect(runtime.counters.get('Sheet.getRange')).toBe(4); // rows 1-3, then the catch's attempt, refused
    const other = createRuntime({ bundleDir: dir, workbook: book, user: 'ben.krause@kanzlei-berger.example' });
    expect(other.call('run', `LockService.getDocumentLock().tryLock(0)`)).toBe(true);
  });

  it('fails the call even when the script swallows the error and returns normally', () => {
    const runtime = createRuntime({ bundleDir: dir, workbook: workbook() });
    runtime.killAfter(1, (key) => key === 'Range.setValues');
    let caught: unknown;
    try {
      runtime.call('run', `try { writeRows(2) } catch (e) {} 'fine'`);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    expect((caught as Error).message).toBe(EXCEEDED_MESSAGE);
  });

  it('counts any service call without a matcher, arms once, and can be disarmed', () => {
    const book = workbook();
    const runtime = createRuntime({ bundleDir: dir, workbook: book });
    runtime.killAfter(2);
    expect(() => runtime.call('run', `Session.getActiveUserLocale(); Session.getActiveUserLocale(); 1`)).toThrow(EXCEEDED_MESSAGE);
    expect(runtime.call('run', `Session.getActiveUserLocale(); Session.getActiveUserLocale(); 2`)).toBe(2); // fired: disarmed
    runtime.killAfter(5, (key) => key === 'Range.setValues');
    expect(runtime.call('writeRows', 3)).toBe('done'); // only 3 matches: stays armed, counting restarts next call
    expect(runtime.call('writeRows', 4)).toBe('done');
    expect(() => runtime.call('writeRows', 5)).toThrow(EXCEEDED_MESSAGE);
    runtime.killAfter(1);
    runtime.disarm();
    expect(runtime.call('writeRows', 1)).toBe('done');
    expect(() => runtime.killAfter(0)).toThrow(/whole number/);
  });
});

describe('hideEmail', () => {
  it('makes the active user’s email empty while the effective user keeps it', () => {
    const runtime = runtimeWith(EVAL_BUNDLE, { hideEmail: true });
    expect(runtime.call('run', `[Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]`)).toEqual(['', 'anna.berger@kanzlei-berger.example']);
    // Protections still know who is acting.
    expect(runtime.call('run', `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; sh.getRange(1, 1, 1, 1).protect().canEdit()`)).toBe(true);
  });
});
