/**
 * How one value is written into a DATEV EXTF field (contracts §3, "File format"; format description on developer.datev.de):
 * text in `"…"` with `"` doubled, numbers bare, a decimal comma and no thousands separator, dates as digits only.
 */
import { toWindows1252Text } from '../../text/cp1252';

/**
 * A text field: on one line (DATEV allows no line break inside a field, contracts §3 addenda), in characters the file's
 * code page holds, cut to the field's length, quoted. Cut after the transliteration, so that the limit holds for what is
 * written.
 */
export function text(value: string, maxLength: number): string {
  const oneLine = value.replace(/[ \t]*[\r\n\v\f\u0085\u2028\u2029][\s]*/g, ' ').replace(/\t/g, ' ').trim();
  const cut = Array.from(toWindows1252Text(oneLine).text).slice(0, maxLength).join('').trimEnd();
  return `"${cut.replace(/"/g, '""')}"`;
}

/** Umsatz: positive, decimal comma, exactly two decimals: 11900 → `119,00`. */
export function amount(minor: number): string {
  const digits = String(Math.abs(minor)).padStart(3, '0');
  return `${digits.slice(0, -2)},${digits.slice(-2)}`;
}

/** Belegdatum TTMM: `2025-01-15` → `1501`; the year comes from the header (contracts §3, column 10). */
export const dayMonth = (isoDate: string): string => isoDate.slice(8, 10) + isoDate.slice(5, 7);

/** Header dates JJJJMMTT: `2025-01-01` → `20250101`. */
export const compactDate = (isoDate: string): string => isoDate.replace(/-/g, '');

/**
 * Header field 6 "Erzeugt am", JJJJMMTTHHMMSSFFF (17 digits), from the local wall time `YYYY-MM-DDTHH:MM:SS.mmm`
 * (milliseconds optional).
 */
export function createdAtStamp(createdAt: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/.exec(createdAt);
  if (m === null) throw new Error(`DATEV export: created-at "${createdAt}" is not a time like 2025-01-31T12:00:00.000`);
  return m.slice(1, 7).join('') + (m[7] ?? '').padEnd(3, '0');
}

/**
 * Belegfeld 1: letters, digits and `_ $ & % * + - /` only, at most 36 (contracts §3 column 11 and addenda). DATEV matches
 * open items by it, so a value that does not fit is not altered into another one: the caller falls back.
 */
export const isReceiptField = (value: string, maxLength: number): boolean =>
  value.length <= maxLength && /^[A-Za-z0-9_$&%*+\-/]*$/.test(value);
