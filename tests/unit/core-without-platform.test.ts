/**
 * The core must run where there is neither Node nor a browser (Apps Script's V8): bundle it and run it in an empty
 * `vm` context — no require, Buffer, TextDecoder, TextEncoder, process, URL, setTimeout.
 */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { coreInBareContext, signedBytes } from '../helpers/bare-core';
import { sparkasseCsvText, windows1252 } from '../helpers/sparkasse-csv';

describe('the core in a context without platform globals', () => {
  it('reads a Sparkasse statement from signed bytes, fingerprints included', async () => {
    const context = await coreInBareContext(`
      export { readCsvStatement } from './src/core/import/csv';
      export { findProfile } from './src/core/profiles/builtin';
      export { parseProfile } from './src/core/profiles/profile';
      export { escapeCellText } from './src/core/sheet/cell-text';`);
    const text = sparkasseCsvText([
      { bookingDate: '30.12.24', purpose: 'Müller „4711“ €', counterparty: 'Weiß', amount: '-1.234,56' },
      { bookingDate: '30.12.24', purpose: 'Müller „4711“ €', counterparty: 'Weiß', amount: '-1.234,56' },
    ]);
    context.bytes = signedBytes(windows1252(text));
    const result = JSON.parse(
      vm.runInContext(
        `JSON.stringify(core.readCsvStatement({ fileName: 'u.csv', bytes: bytes }, core.findProfile('sparkasse-csv-camt-v2')))`,
        context,
      ) as string,
    );
    expect(result.errors).toEqual([]);
    expect(result.transactions.map((t: { purpose: string; amountMinor: number }) => [t.purpose, t.amountMinor])).toEqual([
      ['Müller „4711“ €', -123456],
      ['Müller „4711“ €', -123456],
    ]);
    // Same fingerprints as in Node: the hash does not depend on the platform.
    const { readCsvStatement } = await import('../../src/core/import/csv');
    const { findProfile } = await import('../../src/core/profiles/builtin');
    const inNode = readCsvStatement({ fileName: 'u.csv', bytes: windows1252(text) }, findProfile('sparkasse-csv-camt-v2')!);
    expect(result.transactions.map((t: { fingerprint: string }) => t.fingerprint)).toEqual(inNode.transactions.map((t) => t.fingerprint));
    expect(vm.runInContext(`core.parseProfile({ id: 'x' }, 'p').ok`, context)).toBe(false);
    expect(vm.runInContext(`core.escapeCellText('=1+1')`, context)).toBe("'=1+1");
  });
});
