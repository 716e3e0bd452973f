/**
 * A virtual clock for the bundle. Apps Script's limits are about time (6 minutes per execution, the add-on's own time
 * slices), and a test cannot wait minutes; so with `RuntimeOptions.clock` the bundle's `Date.now()` and `new Date()` read
 * this clock, and every counted service call moves it forward by `perCallMs` (Utilities.sleep by the time asked for).
 * A slow platform is thereby modelled as "each call costs so much", which is what Apps Script's real cost mostly is.
 */
import vm from 'node:vm';

export interface ClockOptions {
  /** Where time starts, ms since the epoch. Default: the real time when the runtime is created. */
  startMs?: number;
  /** How far every counted service call moves the clock. Default 0 (time moves only by sleep and advance). */
  perCallMs?: number;
}

export class VirtualClock {
  private ms: number;
  readonly perCallMs: number;

  constructor(options: ClockOptions = {}) {
    this.ms = options.startMs ?? Date.now();
    this.perCallMs = options.perCallMs ?? 0;
    if (!Number.isFinite(this.ms)) throw new Error('clock.startMs must be a finite number of ms since the epoch');
    if (!Number.isFinite(this.perCallMs) || this.perCallMs < 0) throw new Error('clock.perCallMs must be a finite number ≥ 0');
  }

  /** The virtual time, ms since the epoch. */
  now = (): number => this.ms;

  /** Moves time forward (never back: Apps Script's clock does not run backwards either). */
  advance = (ms: number): void => {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`clock.advance needs a finite number of ms ≥ 0, got ${ms}`);
    this.ms += ms;
  };
}

/**
 * Replaces the context's `Date` by one whose `Date.now()`, `new Date()` and `Date()` read `now`; everything else (dates
 * from numbers or strings, `Date.UTC`, `instanceof Date`, the `[object Date]` tag) stays the native behaviour, because the
 * new constructor builds native Dates and shares their prototype.
 */
export function installVirtualDate(context: vm.Context, now: () => number): void {
  const install = vm.runInContext(
    `(function (readClock) {
      'use strict';
      var NativeDate = Date;
      var VirtualDate = function Date(year, monthIndex, day, hours, minutes, seconds, ms) {
        if (new.target === undefined) return new NativeDate(readClock()).toString();
        var args = arguments.length === 0 ? [readClock()] : Array.prototype.slice.call(arguments);
        return Reflect.construct(NativeDate, args, new.target);
      };
      VirtualDate.prototype = NativeDate.prototype;
      Object.defineProperty(NativeDate.prototype, 'constructor', { value: VirtualDate, writable: true, configurable: true, enumerable: false });
      Object.defineProperty(VirtualDate, 'now', { value: function now() { return readClock(); }, writable: true, configurable: true, enumerable: false });
      Object.defineProperty(VirtualDate, 'parse', { value: NativeDate.parse, writable: true, configurable: true, enumerable: false });
      Object.defineProperty(VirtualDate, 'UTC', { value: NativeDate.UTC, writable: true, configurable: true, enumerable: false });
      Object.defineProperty(globalThis, 'Date', { value: VirtualDate, writable: true, configurable: true, enumerable: false });
    })`,
    context,
  ) as (readClock: () => number) => void;
  install(() => now());
}
