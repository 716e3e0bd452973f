/**
 * The custom functions through the built bundle (`dist/Code.js`) in the local Apps Script runtime, called as a cell calls
 * them: a single value, a whole range (10,000 rows in one call), blank cells, bad input. Run `npm run build` first.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type LocalRuntime } from '../../local/runtime';
import { clients, payees } from '../../local/sample/parties';
import { october2026 } from '../../local/sample/statement';
import { sampleWorkbook } from '../../local/sample/workbook';
import { customFunctions } from '../../src/registry';

const dist = path.resolve(__dirname, '../../dist');
const code = readFileSync(path.join(dist, 'Code.js'), 'utf8');

interface Vector {
  a: string;
  b: string;
  expected: number;
  tolerance: number;
  variant_id: string;
}
/** Kontomatch follows the commons-text variant; `computed` rows were computed with it (shared/matching/README.md). */
const vectors = (JSON.parse(readFileSync(path.resolve(__dirname, '../../../shared/matching/jw_vectors.json'), 'utf8')) as Vector[]).filter(
  (v) => (v.variant_id === 'commons' || v.variant_id === 'computed') && v.a.trim() !== '' && v.b.trim() !== '',
);

const column = (values: unknown[]): unknown[][] => values.map((v) => [v]);
const flat = (result: unknown): unknown[] => (result as unknown[][]).map((row) => row[0]);

/** The sample workbook's invoice numbers as a cell range holds them: the whole column, header and blank rows included. */
const invoiceColumn = (): unknown[][] => [...sampleWorkbook().sheets!.Invoices!.map((row) => [row[0]]), [''], ['']];

describe('custom functions in the built bundle', () => {
  let runtime: LocalRuntime;
  beforeAll(() => {
    runtime = createRuntime({ bundleDir: dist, workbook: sampleWorkbook() });
  });

  describe('the generated entry file', () => {
    it('declares each custom function with @customfunction JSDoc, named parameters and the example in both locales', () => {
      const names = customFunctions.map((f) => f.name);
      expect(names).toEqual(expect.arrayContaining(['KM_JARO_WINKLER', 'KM_MATCH_INVOICE', 'KM_MATCH_SCORE', 'KM_MATCH_REASON', 'KM_MATCH_IBAN', 'KM_IBAN_VALID', 'KM_IBAN_FORMAT']));
      for (const f of customFunctions) {
        const at = code.indexOf(`\nfunction ${f.name}(${f.params.map((p) => p.name).join(', ')}) {`);
        expect(at, f.name).toBeGreaterThan(0);
        const doc = code.slice(code.lastIndexOf('/**', at), at);
        expect(doc).toMatch(/ \* @customfunction\n \*\/$/);
        for (const p of f.params) expect(doc).toContain(`@param {*} ${p.optional === true ? `[${p.name}]` : p.name} `);
        expect(doc).toContain(`Example: ${f.example!.en}`);
        if (f.params.length > 1) {
          expect(f.example!.en).toContain(', ');
          expect(f.example!.de).toContain('; ');
          expect(doc).toContain(`(German spreadsheet: ${f.example!.de})`);
        }
      }
      expect(code).toContain(' * @param {*} [threshold] Least similarity');
      expect(code).toContain('=KM_MATCH_INVOICE(E2:E; Invoices!A2:A; 0,9)');
    });
  });

  describe('KM_JARO_WINKLER', () => {
    it('gives the published reference values, one cell at a time', () => {
      expect(vectors.length).toBeGreaterThan(25);
      for (const v of vectors) {
        expect(runtime.call('KM_JARO_WINKLER', v.a, v.b) as number, `${v.a} / ${v.b}`).toBeCloseTo(v.expected, 4);
      }
    });

    it('compares two ranges pairwise and a range against one value; blank cells stay blank', () => {
      const result = runtime.call('KM_JARO_WINKLER', column(vectors.map((v) => v.a)), column(vectors.map((v) => v.b)));
      flat(result).forEach((score, i) => expect(score as number).toBeCloseTo(vectors[i]!.expected, 4));
      expect(runtime.call('KM_JARO_WINKLER', [['R21-123', ''], ['', 'R21-1234']], 'R21-123')).toEqual([[1, ''], ['', expect.closeTo(0.975, 5)]]);
      expect(runtime.call('KM_JARO_WINKLER', '', 'x')).toBe('');
    });

    it('handles a 10,000-row range in one call', () => {
      const a = Array.from({ length: 10_000 }, (_, i) => [i % 100 === 0 ? '' : `RE-2024-${String(i).padStart(4, '0')}`]);
      const result = runtime.call('KM_JARO_WINKLER', a, 'RE-2024-0815') as unknown[][];
      expect(result).toHaveLength(10_000);
      expect(result[815]).toEqual([1]);
      expect(result[816]![0] as number).toBeCloseTo(0.966667, 5);
      expect(result[851]![0] as number).toBeCloseTo(0.983333, 5);
      expect(result.filter((r) => r[0] === '')).toHaveLength(100);
    });

    it('refuses ranges of different sizes with a message that says so', () => {
      expect(() => runtime.call('KM_JARO_WINKLER', [['a'], ['b']], [['a'], ['b'], ['c']])).toThrow(
        'a and b must be ranges of the same size (a is 2×1, b is 3×1), or one of them a single value.',
      );
    });
  });

  describe('KM_MATCH_INVOICE, KM_MATCH_SCORE, KM_MATCH_REASON', () => {
    const purposes = october2026.map((line) => line.purpose);
    const at = (fragment: string) => purposes.findIndex((p) => p.includes(fragment));

    it('find the quoted invoice number for a single purpose, against the whole number column', () => {
      expect(runtime.call('KM_MATCH_INVOICE', 'RE-2026-0138 Müller Bau ./. Schneider GmbH Az. 00012/26', invoiceColumn())).toBe('RE-2026-0138');
      expect(runtime.call('KM_MATCH_SCORE', 'Rechnung RE-2026-0141 Beratung Nachlass', invoiceColumn())).toBe(1);
      expect(runtime.call('KM_MATCH_REASON', 'Rechnung RE-2026-0141 Beratung Nachlass', invoiceColumn())).toBe('RE-2026-0141 found in purpose');
    });

    it('answer the October statement\'s purposes in one call each: exact, two numbers, a typo, none', () => {
      const numbers = flat(runtime.call('KM_MATCH_INVOICE', column(purposes), invoiceColumn()));
      const scores = flat(runtime.call('KM_MATCH_SCORE', column(purposes), invoiceColumn()));
      const reasons = flat(runtime.call('KM_MATCH_REASON', column(purposes), invoiceColumn()));
      expect(numbers).toHaveLength(purposes.length);
      expect(numbers[at('Gewerbemietvertrag RE-2026-0140')]).toBe('RE-2026-0140');
      expect(numbers[at('=Rechnung RE-2026-0147')]).toBe('RE-2026-0147');
      // One transfer for two invoices: both are shown, not one picked.
      expect(numbers[at('RE-2026-0143 und RE-2026-0144')]).toBe('RE-2026-0143, RE-2026-0144');
      // "0154" is a typo for RE-2026-0145 (two digits swapped).
      const typo = at('RE-2026-0154');
      expect(numbers[typo]).toBe('RE-2026-0145');
      // Numbers are compared without their separators (RE-2026-0154 → RE20260154).
      expect(scores[typo]).toBeCloseTo(runtime.call('KM_JARO_WINKLER', 'RE20260154', 'RE20260145') as number, 6);
      expect(scores[typo] as number).toBeLessThan(1);
      expect(reasons[typo]).toMatch(/RE-2026-0145/);
      // Rent and bank fees quote no invoice.
      expect(numbers[at('Miete Oktober 2026')]).toBe('');
      expect(scores[at('Entgeltabrechnung')]).toBe('');
      expect(reasons[at('Entgeltabrechnung')]).toBe('no invoice number found');
      // Every purpose quoting an RE- number gets one (the typo included); no other purpose does.
      const quoting = purposes.map((p) => /RE-2026-\d{4}/.test(p));
      expect(quoting.filter(Boolean)).toHaveLength(10);
      expect(numbers.map((n) => n !== '')).toEqual(quoting);
    });

    it('handle 10,000 purposes against 10,000 invoice numbers in one call', () => {
      const numbers = Array.from({ length: 10_000 }, (_, i) => [`RE-2026-${String(i + 1).padStart(5, '0')}`]);
      const purposeRows = Array.from({ length: 10_000 }, (_, i) => {
        if (i % 10 === 3) return [''];
        if (i % 10 === 7) return [`Gehalt ${i}`];
        return [`Rechnung RE-2026-${String(10_000 - i).padStart(5, '0')} Mandant ${i}`];
      });
      const started = Date.now();
      const found = flat(runtime.call('KM_MATCH_INVOICE', purposeRows, [['Number'], ...numbers]));
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(found).toHaveLength(10_000);
      expect(found[0]).toBe('RE-2026-10000');
      expect(found[9_999]).toBe('RE-2026-00001');
      expect(found[3]).toBe('');
      expect(found[7]).toBe('');
      expect(found.filter((n) => n !== '')).toHaveLength(8_000);
      expect(found.every((n, i) => n === '' || n === `RE-2026-${String(10_000 - i).padStart(5, '0')}`)).toBe(true);
      const scores = flat(runtime.call('KM_MATCH_SCORE', purposeRows, numbers));
      expect(scores.filter((s) => s === 1)).toHaveLength(8_000);
      const reasons = flat(runtime.call('KM_MATCH_REASON', purposeRows, numbers));
      expect(reasons[0]).toBe('RE-2026-10000 found in purpose');
      expect(reasons[3]).toBe('');
      expect(reasons.filter((r) => r === 'no invoice number found')).toHaveLength(1_000);
    });

    it('keep blank purposes blank', () => {
      expect(runtime.call('KM_MATCH_INVOICE', [[''], ['RE-2026-0139 Weber'], ['  ']], invoiceColumn())).toEqual([[''], ['RE-2026-0139'], ['']]);
      expect(runtime.call('KM_MATCH_REASON', '', invoiceColumn())).toBe('');
    });

    it('refuse a threshold outside (0, 1] or a missing number range with a readable message', () => {
      for (const threshold of [0, 1.5, -0.2, 'hoch']) {
        expect(() => runtime.call('KM_MATCH_INVOICE', 'RE-2026-0138', invoiceColumn(), threshold)).toThrow(
          `threshold must be a number greater than 0 and at most 1, e.g. 0.9 — found "${threshold}".`,
        );
      }
      expect(() => runtime.call('KM_MATCH_SCORE', 'x', invoiceColumn(), [[0.9], [0.8]])).toThrow('threshold must be a single value, not a range of 2×1.');
      expect(() => runtime.call('KM_MATCH_INVOICE', 'RE-2026-0138')).toThrow(/invoice_numbers is missing/);
      // A stricter threshold drops the typo; the default keeps it; 1 means exact only.
      expect(runtime.call('KM_MATCH_INVOICE', 'Rechnung RE-2026-0154 Peter Jansen', invoiceColumn(), 0.99)).toBe('');
      expect(runtime.call('KM_MATCH_INVOICE', 'Rechnung RE-2026-0154 Peter Jansen', invoiceColumn(), 1)).toBe('');
      expect(runtime.call('KM_MATCH_INVOICE', 'Rechnung RE-2026-0154 Peter Jansen', invoiceColumn(), '')).toBe('RE-2026-0145');
    });
  });

  describe('KM_MATCH_IBAN', () => {
    const contacts = sampleWorkbook().sheets!.Contacts!;
    const contactIbans = contacts.slice(1).map((row) => [row[2]]);
    const contactNames = contacts.slice(1).map((row) => [row[1]]);

    it('names the contact for a single IBAN, in any spelling, including a client\'s second IBAN', () => {
      expect(runtime.call('KM_MATCH_IBAN', 'DE81 3707 0060 1234 0077 00', contactIbans, contactNames)).toBe(clients.krueger.name);
      expect(runtime.call('KM_MATCH_IBAN', clients.muellerBau.accounts[1]!.iban.toLowerCase(), contactIbans, contactNames)).toBe(clients.muellerBau.name);
    });

    it('looks up the statement\'s IBANs: clients found, payees and blanks blank, a broken IBAN said so', () => {
      const ibans = october2026.map((line) => [line.counterparty.iban]);
      ibans.push(['DE81370700601234007701']);
      const names = flat(runtime.call('KM_MATCH_IBAN', ibans, contactIbans, contactNames));
      expect(names[1]).toBe(clients.muellerBau.name);
      expect(names[0]).toBe(''); // the landlord is a payee, not a contact
      expect(names[october2026.findIndex((l) => l.counterparty.iban === '')]).toBe('');
      expect(names.at(-1)).toBe('invalid IBAN: check digits do not match');
      const clientNames = new Set(Object.values(clients).map((c) => c.name));
      expect(names.filter((n) => clientNames.has(n as string))).toHaveLength(october2026.filter((l) => l.amount[0] !== '-' && l.counterparty.iban !== '').length);
    });

    it('handles 10,000 IBANs in one call', () => {
      const pool = [...Object.values(clients).map((c) => c.accounts[0]!.iban), payees.landlord.iban, ''];
      const ibans = Array.from({ length: 10_000 }, (_, i) => [pool[i % pool.length]]);
      const names = flat(runtime.call('KM_MATCH_IBAN', ibans, contactIbans, contactNames));
      expect(names).toHaveLength(10_000);
      expect(names[0]).toBe(clients.muellerBau.name);
      expect(names[pool.length - 1]).toBe('');
      expect(names.filter((n) => n === '')).toHaveLength(2 * Math.ceil((10_000 - (pool.length - 2)) / pool.length));
    });

    it('refuses contact ranges of different lengths', () => {
      expect(() => runtime.call('KM_MATCH_IBAN', 'DE89370400440532013000', contactIbans, contactNames.slice(1))).toThrow(
        `contact_ibans and contact_names must have the same number of rows (${contactIbans.length} and ${contactIbans.length - 1}).`,
      );
    });
  });

  it('KM_IBAN_VALID and KM_IBAN_FORMAT: a single cell, blanks, a broken IBAN, and 10,000 rows in one call', () => {
    expect(runtime.call('KM_IBAN_VALID', [['DE89 3704 0044 0532 0130 00'], [''], ['DE89370400440532013001']])).toEqual([[true], [''], [false]]);
    expect(runtime.call('KM_IBAN_FORMAT', 'de89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
    expect(runtime.call('KM_IBAN_FORMAT', 'DE89370400440532013001')).toBe('invalid IBAN: check digits do not match');
    const pool = [clients.lindner.accounts[0]!.iban, '', 'DE89370400440532013001', clients.weber.accounts[0]!.iban];
    const ibans = Array.from({ length: 10_000 }, (_, i) => [pool[i % 4]]);
    const valid = flat(runtime.call('KM_IBAN_VALID', ibans));
    expect([valid.filter((v) => v === true).length, valid.filter((v) => v === false).length, valid.filter((v) => v === '').length]).toEqual([5_000, 2_500, 2_500]);
    const printed = flat(runtime.call('KM_IBAN_FORMAT', ibans));
    expect(printed.slice(0, 4)).toEqual(['CH47 0023 0000 1234 5678 9', '', 'invalid IBAN: check digits do not match', 'AT38 2011 1822 1234 5600']);
  });

  it('touch no service: custom functions run without authorisation', () => {
    runtime.counters.reset();
    runtime.call('KM_MATCH_INVOICE', [['RE-2026-0138']], invoiceColumn());
    runtime.call('KM_MATCH_IBAN', 'DE89370400440532013000', [['DE89370400440532013000']], [['A']]);
    expect(runtime.counters.total()).toBe(0);
  });
});
