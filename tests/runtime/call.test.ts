/** runtime.call follows google.script.run: what may cross, how it is copied, how failures surface. */
import { describe, expect, it } from 'vitest';
import { runtimeWith } from './bundle';

const code = `
  function echo(x) { return x; }
  function describe(x) { return { isArray: x instanceof Array, isObject: x instanceof Object, type: typeof x }; }
  function mutate(o) { o.changed = true; return o; }
  function returnsDate() { return { when: new Date(0) }; }
  function returnsFunction() { return [1, function () {}]; }
  function returnsUndefinedInArray() { return [1, undefined, 3]; }
  function returnsNothing() {}
  function fails() { throw new Error('Profil unbekannt: xyz'); }
  function failsWithString() { throw 'plain string'; }
  function helper_() { return 'secret'; }
`;

describe('call() with google.script.run semantics', () => {
  const runtime = runtimeWith(code);

  it('passes primitives, plain objects and arrays both ways, as plain Node data', () => {
    const value = { a: 1, b: 'x', c: [true, null, { d: 2.5 }] };
    const back = runtime.call('echo', value) as typeof value;
    expect(back).toEqual(value);
    expect(back).not.toBe(value);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype); // Node realm, so toEqual/instanceof work in tests
    expect(back.c).toBeInstanceOf(Array);
  });

  it('copies arguments into the bundle realm (deep, not shared)', () => {
    expect(runtime.call('describe', [1, 2])).toEqual({ isArray: true, isObject: true, type: 'object' });
    const original = { n: 1 };
    runtime.call('mutate', original);
    expect(original).toEqual({ n: 1 });
  });

  it('turns undefined inside arrays into null', () => {
    expect(runtime.call('echo', [1, undefined, 3])).toEqual([1, null, 3]);
    expect(runtime.call('returnsUndefinedInArray')).toEqual([1, null, 3]);
    expect(runtime.call('returnsNothing')).toBeUndefined();
  });

  it('fails when a Date or a function is anywhere in the arguments or the return value', () => {
    expect(() => runtime.call('echo', { nested: [new Date()] })).toThrow(/cannot pass a Date \(argument 0\.nested\[0\]\)/);
    expect(() => runtime.call('echo', () => 1)).toThrow(/cannot pass a function/);
    expect(() => runtime.call('echo', new Map())).toThrow(/cannot pass a Map/);
    expect(() => runtime.call('returnsDate')).toThrow(/cannot pass a Date \(return value of returnsDate\.when\)/);
    expect(() => runtime.call('returnsFunction')).toThrow(/cannot pass a function/);
  });

  it('surfaces an exception of the function as an Error with the same message', () => {
    expect(() => runtime.call('fails')).toThrow(new Error('Profil unbekannt: xyz'));
    expect(() => runtime.call('failsWithString')).toThrow('plain string');
  });

  it('refuses names that are not top-level functions, and private names ending in _', () => {
    expect(() => runtime.call('nothingHere')).toThrow('Script function not found: nothingHere');
    expect(() => runtime.call('SpreadsheetApp')).toThrow('Script function not found: SpreadsheetApp');
    expect(() => runtime.call('Array')).toThrow('Script function not found: Array');
    expect(() => runtime.call('helper_')).toThrow(/Script function not found: helper_/);
  });
});
