/**
 * Amount text from a statement → integer minor units. Strict on purpose: a number that is only partly understood
 * (`12,3x`, `1.23.4`) must be an error, never a smaller amount booked without anyone noticing.
 */
import { currencyExponent } from './currency';

export type DecimalSeparator = ',' | '.';
export type ThousandsSeparator = '' | '.' | ',' | "'" | ' ';

export interface AmountFormat {
  decimalSeparator: DecimalSeparator;
  thousandsSeparator: ThousandsSeparator;
  /** Decides how many decimals are allowed when the text names no currency itself. */
  currency: string;
}

export type AmountResult = { ok: true; minor: number; currency?: string } | { ok: false; message: string };

const symbols: Record<string, string> = { '€': 'EUR', $: 'USD', '£': 'GBP', '¥': 'JPY' };

/** Typographic variants a spreadsheet or a bank's PDF-to-CSV step may have put in place of the plain separator. */
const thousandsVariants: Record<ThousandsSeparator, string> = {
  '': '',
  '.': '.',
  ',': ',',
  "'": "'\u2019",
  ' ': ' \u00a0\u202f',
};

const escapeClass = (chars: string): string => chars.replace(/[\\\]^-]/g, '\\$&');

function fail(message: string): AmountResult {
  return { ok: false, message };
}

/** Takes a currency code or symbol off either end; `1.234,56 EUR`, `€ 12,00`, `-12,00€`. */
function splitCurrency(text: string): { rest: string; currency?: string } | { error: string } {
  let rest = text;
  let currency: string | undefined;
  const take = (code: string): boolean => {
    if (currency !== undefined && currency !== code) return false;
    currency = code;
    return true;
  };
  const suffix = /^(.*?)\s*([A-Z]{3}|[€$£¥])$/u.exec(rest);
  if (suffix !== null && /\d/.test(suffix[1]!)) {
    take(symbols[suffix[2]!] ?? suffix[2]!);
    rest = suffix[1]!;
  }
  const prefix = /^([-+\u2212]?)\s*([A-Z]{3}|[€$£¥])\s*(.*)$/u.exec(rest);
  if (prefix !== null && /\d/.test(prefix[3]!)) {
    if (!take(symbols[prefix[2]!] ?? prefix[2]!)) return { error: 'names two different currencies' };
    rest = prefix[1]! + prefix[3]!;
  }
  return currency === undefined ? { rest } : { rest, currency };
}

/**
 * Sign forms seen in bank files: `-12,00`, `+12,00`, `−12,00` (typographic minus), `12,00-` (trailing minus, common in
 * older German and Swiss exports), `(12,00)` (accounting style). Exactly one of them, or none.
 */
function splitSign(text: string): { negative: boolean; digits: string } | null {
  let t = text;
  let signs = 0;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren !== null) {
    t = paren[1]!.trim();
    negative = true;
    signs++;
  }
  const lead = /^([-+\u2212])\s*(.*)$/u.exec(t);
  if (lead !== null) {
    t = lead[2]!;
    negative = negative || lead[1] !== '+';
    signs++;
  }
  const trail = /^(.*?)\s*([-+])$/.exec(t);
  if (trail !== null) {
    t = trail[1]!;
    negative = negative || trail[2] === '-';
    signs++;
  }
  return signs > 1 ? null : { negative, digits: t };
}

const numberRegexes = new Map<string, RegExp>();

/** Digits with optional groups of three and decimals; compiled once per separator pair, not once per amount. */
function numberRegex(dec: DecimalSeparator, sep: ThousandsSeparator): RegExp {
  const key = dec + sep;
  let regex = numberRegexes.get(key);
  if (regex === undefined) {
    const sepClass = sep === '' ? null : `[${escapeClass(thousandsVariants[sep])}]`;
    const integerPart = sepClass === null ? '\\d+' : `(?:\\d{1,3}(?:${sepClass}\\d{3})+|\\d+)`;
    regex = new RegExp(`^(${integerPart})(?:[${escapeClass(dec)}](\\d+))?$`, 'u');
    numberRegexes.set(key, regex);
  }
  return regex;
}

export function parseAmount(input: string, format: AmountFormat): AmountResult {
  const { decimalSeparator: dec, thousandsSeparator: sep } = format;
  if (dec === sep) return fail('decimal and thousands separator are the same');
  const text = input.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');
  if (text === '') return fail('no amount given');
  const split = splitCurrency(text);
  if ('error' in split) return fail(split.error);
  const signed = splitSign(split.rest.trim());
  if (signed === null) return fail('has more than one sign');
  const match = numberRegex(dec, sep).exec(signed.digits);
  if (match === null) {
    return fail(
      `is not an amount (expected digits with "${dec}" as decimal separator` +
        (sep === '' ? '' : ` and "${sep === ' ' ? 'space' : sep}" between groups of three digits`) +
        ')',
    );
  }
  const currency = split.currency ?? format.currency;
  const exponent = currencyExponent(currency);
  const integerDigits = match[1]!.replace(/\D/g, '');
  // Zeros beyond the currency's decimals change nothing (UBS writes `-1327.500000000`); any other digit there would be lost.
  let fraction = match[2] ?? '';
  while (fraction.length > exponent && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  if (fraction.length > exponent) {
    return fail(
      exponent === 0
        ? `has decimals, but ${currency.toUpperCase()} has no minor unit`
        : `has ${fraction.length} decimal places, but ${currency.toUpperCase()} has ${exponent}`,
    );
  }
  const magnitude = Number(integerDigits + fraction.padEnd(exponent, '0'));
  if (!Number.isSafeInteger(magnitude)) return fail('is too large');
  // `-0,00` is zero: never let a negative zero reach a cell or a comparison.
  const minor = magnitude === 0 ? 0 : signed.negative ? -magnitude : magnitude;
  return split.currency === undefined ? { ok: true, minor } : { ok: true, minor, currency: split.currency };
}

/** `-123456, 'EUR'` → `"-1234.56"`: exact, locale-free, for JSON and debugging. */
export function formatMinor(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const sign = minor < 0 ? '-' : '';
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
