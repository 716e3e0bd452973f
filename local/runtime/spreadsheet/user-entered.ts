/**
 * How Sheets reads a string written with `setValues` (ValueInputOption USER_ENTERED, "as if typed"): formulas, numbers,
 * booleans and dates are recognised; a leading apostrophe forces text. This is what makes formula injection from bank
 * data possible, so the fake must do it for the injection tests to mean anything.
 */
import { wallClockToSerial } from '../time-zone';

export type Parsed =
  | { kind: 'formula'; formula: string; value: string }
  | { kind: 'value'; value: number | string | boolean; format?: string };

function usesDecimalComma(locale: string): boolean {
  return /^(de|fr|es|it|nl|pt|pl|da|sv|nb|fi|cs|ru|tr)/i.test(locale);
}

/** A number as typed in `locale`, or null. */
export function parseTypedNumber(text: string, locale: string): number | null {
  const t = text.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) {
    // Plain digits with a dot. In a decimal-comma locale Sheets would read "12.5" as a date (12 May); we read it as a
    // number, which is what a script author usually means and what the tests expect. "1.234" in such a locale is grouping.
    if (usesDecimalComma(locale) && /^[+-]?\d{1,3}(\.\d{3})+$/.test(t)) return Number(t.replace(/\./g, ''));
    return Number(t);
  }
  if (usesDecimalComma(locale)) {
    if (/^[+-]?\d+(,\d+)?$/.test(t) || /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) {
      return Number(t.replace(/\./g, '').replace(',', '.'));
    }
  } else if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) {
    return Number(t.replace(/,/g, ''));
  }
  return null;
}

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A date (optionally with time) as typed, as a serial number plus the format Sheets then gives the cell; or null. */
export function parseTypedDate(text: string): { serial: number; format: string } | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validDate(y, mo, d)) return null;
    const withTime = m[4] !== undefined;
    return {
      serial: wallClockToSerial(y, mo, d, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)),
      format: withTime ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd',
    };
  }
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/.exec(t);
  if (m) {
    const [d, mo] = [Number(m[1]), Number(m[2])];
    let y = Number(m[3]);
    if (m[3]!.length === 2) y += y < 30 ? 2000 : 1900; // Sheets' two-digit-year pivot
    if (!validDate(y, mo, d)) return null;
    return { serial: wallClockToSerial(y, mo, d), format: 'dd.mm.yyyy' };
  }
  return null;
}

export function parseUserEntered(text: string, locale: string): Parsed {
  if (text.startsWith("'")) return { kind: 'value', value: text.slice(1) }; // the apostrophe forces text and is not stored
  if (text.startsWith('=') && text.length > 1) return { kind: 'formula', formula: text, value: '#NAME?' };
  const number = parseTypedNumber(text, locale);
  if (number !== null) return { kind: 'value', value: number };
  if (/^[+-]./s.test(text)) {
    // "+Angreifer" or "-foo" is typed as the formula "=+Angreifer"; it does not evaluate.
    return { kind: 'formula', formula: `=${text}`, value: '#ERROR!' };
  }
  const upper = text.trim().toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'value', value: upper === 'TRUE' };
  const date = parseTypedDate(text);
  if (date) return { kind: 'value', value: date.serial, format: date.format };
  return { kind: 'value', value: text };
}
