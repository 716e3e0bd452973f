/**
 * Tax rates as people type them, and the tax contained in a gross bank amount, rounded half away from zero per booking
 * (and per part of a split booking).
 */
import { describe, expect, it } from 'vitest';
import { formatTaxRate, parseTaxRate, taxAmountFor, taxOfGross } from '../../src/core/accounting/tax';

describe('parseTaxRate', () => {
  const readable: Array<[string, number, string]> = [
    ['19', 1900, '19'],
    ['19 %', 1900, '19'],
    ['19%', 1900, '19'],
    ['19,0', 1900, '19'],
    ['19.00 %', 1900, '19'],
    ['7', 700, '7'],
    ['7,7', 770, '7.7'],
    ['7.70%', 770, '7.7'],
    ['8.1', 810, '8.1'],
    ['2,55', 255, '2.55'],
    [' 0 ', 0, '0'],
    ['0,05', 5, '0.05'],
    ['100', 10000, '100'],
    ['20.000', 2000, '20'],
  ];
  for (const [text, basisPoints, canonical] of readable) {
    it(`reads "${text}" as ${canonical} %`, () => {
      expect(parseTaxRate(text)).toEqual({ ok: true, basisPoints, text: canonical });
    });
  }

  const unreadable: Array<[string, string]> = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'not a percentage like 19 or 7.7'],
    ['-7', 'not a percentage like 19 or 7.7'],
    ['19 % USt', 'not a percentage like 19 or 7.7'],
    ['1.900,00', 'not a percentage like 19 or 7.7'],
    ['7.125', 'more than two decimals'],
    ['100.5', 'more than 100 %'],
    ['119', 'more than 100 %'],
  ];
  for (const [text, message] of unreadable) {
    it(`refuses "${text}": ${message}`, () => {
      expect(parseTaxRate(text)).toEqual({ ok: false, message });
    });
  }

  it('formats basis points canonically', () => {
    expect([1900, 700, 770, 810, 255, 5, 0, 10000].map(formatTaxRate)).toEqual(['19', '7', '7.7', '8.1', '2.55', '0.05', '0', '100']);
  });
});

describe('taxOfGross: gross × r / (1 + r), half away from zero', () => {
  it('German rates on typical amounts', () => {
    expect(taxOfGross(11900, 1900)).toBe(1900); // 119.00 @ 19 % → 19.00
    expect(taxOfGross(1000, 1900)).toBe(160); // 10.00 @ 19 % → 1.596… → 1.60
    expect(taxOfGross(5, 1900)).toBe(1); // 0.05 @ 19 % → 0.00798… → 0.01
    expect(taxOfGross(4, 1900)).toBe(1); // 0.04 → 0.0064 → 0.01
    expect(taxOfGross(2, 1900)).toBe(0); // 0.02 → 0.0032 → 0.00
    expect(taxOfGross(10700, 700)).toBe(700); // 107.00 @ 7 % → 7.00
    expect(taxOfGross(5995, 1900)).toBe(957); // Telekom 59.95 → 9.5718… → 9.57
    expect(taxOfGross(150000, 0)).toBe(0); // rent without VAT
  });

  it('exact halves round away from zero (20 % Austrian rate: 0.03 → 0.005, 0.09 → 0.015)', () => {
    expect(taxOfGross(3, 2000)).toBe(1);
    expect(taxOfGross(9, 2000)).toBe(2);
    expect(taxOfGross(15, 2000)).toBe(3); // 0.025 → 0.03 (banker's rounding would give 0.02)
    expect(taxOfGross(-3, 2000)).toBe(-1);
    expect(taxOfGross(-15, 2000)).toBe(-3);
  });

  it('is symmetric for money out (input tax) and never gives -0', () => {
    for (const gross of [11900, 1000, 5, 4, 2, 5995, 1, 123456789]) {
      for (const rate of [0, 500, 700, 770, 810, 1600, 1900, 2000]) {
        expect(taxOfGross(-gross, rate)).toBe(-taxOfGross(gross, rate) || 0);
      }
    }
    expect(Object.is(taxOfGross(-2, 1900), 0)).toBe(true);
    expect(Object.is(taxOfGross(-150000, 0), 0)).toBe(true);
  });

  it('Swiss rates: 7.7 % (until 2023) and 8.1 %', () => {
    expect(taxOfGross(10770, 770)).toBe(770); // 107.70 @ 7.7 % → 7.70
    expect(taxOfGross(10000, 770)).toBe(715); // 100.00 @ 7.7 % → 7.1494… → 7.15
    expect(taxOfGross(10810, 810)).toBe(810); // 108.10 @ 8.1 % → 8.10 (bexio example: Büromaterial 108.10)
    expect(taxOfGross(-10000, 810)).toBe(-749); // 100.00 @ 8.1 % → 7.4930… → 7.49
  });

  it('rounds each part of a split on its own: 100.00 as 33.33 / 33.33 / 33.34 @ 19 %', () => {
    const parts = [3333, 3333, 3334];
    expect(parts.reduce((a, b) => a + b, 0)).toBe(10000);
    const taxes = parts.map((p) => taxOfGross(p, 1900));
    expect(taxes).toEqual([532, 532, 532]); // 5.3218…, 5.3218…, 5.3234…
    // Per-part rounding may differ from the whole by a cent: that is how each voucher line is booked.
    expect(taxOfGross(10000, 1900)).toBe(1597); // 15.966…
    expect(taxes.reduce((a, b) => a + b, 0)).toBe(1596);
  });

  it('stays exact beyond what a double can multiply', () => {
    // 119,000,000,000.00 × 1900 exceeds 2^53; BigInt keeps it exact.
    expect(taxOfGross(11_900_000_000_000, 1900)).toBe(1_900_000_000_000);
    expect(taxOfGross(Number.MAX_SAFE_INTEGER, 1900)).toBe(Number((BigInt(Number.MAX_SAFE_INTEGER) * 1900n * 2n + 11900n) / (2n * 11900n)));
  });

  it('refuses amounts that are not whole minor units and rates out of range', () => {
    expect(() => taxOfGross(10.5, 1900)).toThrow(RangeError);
    expect(() => taxOfGross(1000, 10001)).toThrow(RangeError);
    expect(() => taxOfGross(1000, -1)).toThrow(RangeError);
  });
});

describe('taxAmountFor', () => {
  it('reads the rate as the sheet holds it; null when empty or unreadable', () => {
    expect(taxAmountFor(-11900, '19 %')).toBe(-1900);
    expect(taxAmountFor(10770, '7,7')).toBe(770);
    expect(taxAmountFor(-5995, '19')).toBe(-957);
    expect(taxAmountFor(150000, '0')).toBe(0);
    expect(taxAmountFor(11900, '')).toBeNull();
    expect(taxAmountFor(11900, 'USt')).toBeNull();
    expect(taxAmountFor(11900, '7.125')).toBeNull();
  });
});
