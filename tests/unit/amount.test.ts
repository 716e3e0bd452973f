import { describe, expect, it } from 'vitest';
import { formatMinor, parseAmount, type AmountFormat } from '../../src/core/money/amount';

const de: AmountFormat = { decimalSeparator: ',', thousandsSeparator: '.', currency: 'EUR' };
const plainDe: AmountFormat = { decimalSeparator: ',', thousandsSeparator: '', currency: 'EUR' };
const ch: AmountFormat = { decimalSeparator: '.', thousandsSeparator: "'", currency: 'CHF' };
const en: AmountFormat = { decimalSeparator: '.', thousandsSeparator: ',', currency: 'EUR' };

describe('parseAmount', () => {
  it.each([
    ['1.234,56', de, 123456],
    ['-1.234,56', de, -123456],
    ['1234,56-', de, -123456],
    ['+12,00', de, 1200],
    ['−12,34', de, -1234],
    ['(12,34)', de, -1234],
    ['12', de, 1200],
    ['12,5', de, 1250],
    ['-10,7', plainDe, -1070],
    ['0,00', de, 0],
    ['  -5,00  ', de, -500],
    ['1234,56', de, 123456],
    ["1'234.50", ch, 123450],
    ['1’234.50', ch, 123450],
    ['-4200.00', ch, -420000],
    ['88,888.88', en, 8888888],
    ['1.234.567,89', de, 123456789],
  ])('%s → %i minor units', (text, format, minor) => {
    expect(parseAmount(text, format)).toEqual({ ok: true, minor });
  });

  it('returns the currency written beside the amount', () => {
    expect(parseAmount('1.234,56 EUR', de)).toEqual({ ok: true, minor: 123456, currency: 'EUR' });
    expect(parseAmount('-1.234,56 €', de)).toEqual({ ok: true, minor: -123456, currency: 'EUR' });
    expect(parseAmount('€ 12,00', de)).toEqual({ ok: true, minor: 1200, currency: 'EUR' });
    expect(parseAmount('CHF 1’000.00', ch)).toEqual({ ok: true, minor: 100000, currency: 'CHF' });
  });

  it('never yields negative zero', () => {
    const r = parseAmount('-0,00', de);
    expect(r.ok && Object.is(r.minor, 0)).toBe(true);
  });

  it('counts decimals against the currency exponent', () => {
    expect(parseAmount('12,345', plainDe)).toMatchObject({ ok: false, message: expect.stringContaining('EUR has 2') });
    expect(parseAmount('12,345', { ...plainDe, currency: 'KWD' })).toEqual({ ok: true, minor: 12345 });
    expect(parseAmount('1,5', { ...plainDe, currency: 'BHD' })).toEqual({ ok: true, minor: 1500 });
    expect(parseAmount('1200', { ...plainDe, currency: 'JPY' })).toEqual({ ok: true, minor: 1200 });
    expect(parseAmount('12,5', { ...plainDe, currency: 'JPY' })).toMatchObject({ ok: false });
    // With a thousands separator `.`, "12.345" is twelve thousand; with decimal `.` and EUR it has three decimals.
    expect(parseAmount('12.345', de)).toEqual({ ok: true, minor: 1234500 });
    expect(parseAmount('12.345', { ...en, thousandsSeparator: '' })).toMatchObject({ ok: false });
    expect(parseAmount('12,50 JPY', plainDe)).toMatchObject({ ok: false, message: expect.stringContaining('JPY') });
    // Zeros beyond the currency's decimals lose nothing: UBS writes individual amounts with nine decimals.
    expect(parseAmount('12,00 JPY', plainDe)).toEqual({ ok: true, minor: 12, currency: 'JPY' });
    expect(parseAmount('-1327.500000000', { ...en, thousandsSeparator: '' })).toEqual({ ok: true, minor: -132750 });
    expect(parseAmount('-1327.500000001', { ...en, thousandsSeparator: '' })).toMatchObject({ ok: false, message: expect.stringContaining('9 decimal places') });
  });

  it.each([
    ['12,3x', de],
    ['1.23.4', de],
    ['1.2345,00', de],
    ['12.34,5', de],
    ['--5', de],
    ['-5-', de],
    ['+-5', de],
    ['1,2,3', de],
    ['1,2,3', en],
    ['', de],
    ['   ', de],
    ['-', de],
    [',50', de],
    ['12,', de],
    ['1.234,56', plainDe],
    ['12 34', de],
    ['abc', de],
    ['12,00 EUR USD', de],
    ['EUR 12,00 USD', de],
    ['0x10', de],
    ['1e3', en],
    ['Infinity', en],
    ['99999999999999999999', de],
  ])('rejects %j', (text, format) => {
    const r = parseAmount(text, format);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.length).toBeGreaterThan(5);
  });
});

describe('formatMinor', () => {
  it.each([
    [-123456, 'EUR', '-1234.56'],
    [5, 'EUR', '0.05'],
    [-5, 'EUR', '-0.05'],
    [0, 'EUR', '0.00'],
    [1200, 'JPY', '1200'],
    [12345, 'KWD', '12.345'],
  ])('%i %s → %s', (minor, currency, text) => {
    expect(formatMinor(minor, currency)).toBe(text);
  });
});
