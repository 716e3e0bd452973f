/**
 * Amounts, counts, dates and times as a German or English reader expects them in a printed report. Built on
 * `formatMinor` (exact, locale-free) rather than the platform's number formatting, so the output is the same wherever
 * the core runs and never passes through a binary fraction.
 *
 * Conventions (those of de-DE and en-GB):
 *   de  `1.234,56 €`   `-1.234,56 €`   `1.234,56 CHF`   `22.11.2026`   `22.11.2026 14:03:00`
 *   en  `€1,234.56`    `-€1,234.56`    `CHF 1,234.56`   `2026-11-22`   `2026-11-22 14:03:00`
 * The minus is the plain hyphen-minus: the report's fonts have no U+2212.
 */
import { formatMinor } from '../money/amount';

export type ReportLanguage = 'de' | 'en';

/** Currencies written as a symbol; all others by their ISO code. Each symbol exists in the report's fonts. */
const symbols: Record<string, string> = { EUR: '€', USD: '$', GBP: '£', JPY: '¥' };

/** `1234567` → `1.234.567` (de) / `1,234,567` (en). */
function group(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, separator);
}

export function formatCount(count: number, language: ReportLanguage): string {
  const sign = count < 0 ? '-' : '';
  return sign + group(String(Math.abs(Math.trunc(count))), language === 'de' ? '.' : ',');
}

/** Signed minor units → amount with currency, e.g. `-123456, 'EUR'` → `-1.234,56 €` / `-€1,234.56`. */
export function formatMoney(amountMinor: number, currency: string, language: ReportLanguage): string {
  const plain = formatMinor(amountMinor, currency);
  const negative = plain.startsWith('-');
  const [integer = '', fraction] = (negative ? plain.slice(1) : plain).split('.');
  const code = currency.toUpperCase();
  const symbol = symbols[code];
  const sign = negative ? '-' : '';
  if (language === 'de') {
    const number = group(integer, '.') + (fraction === undefined ? '' : `,${fraction}`);
    return `${sign}${number} ${symbol ?? code}`;
  }
  const number = group(integer, ',') + (fraction === undefined ? '' : `.${fraction}`);
  return symbol === undefined ? `${sign}${code} ${number}` : `${sign}${symbol}${number}`;
}

/** `2026-11-22` → `22.11.2026` (de) / `2026-11-22` (en). Text that is no such date is shown as it is. */
export function formatDate(date: string, language: ReportLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null || language === 'en') return date;
  return `${match[3]}.${match[2]}.${match[1]}`;
}

/**
 * `2026-11-22T14:03:00+01:00` → `22.11.2026 14:03:00` / `2026-11-22 14:03:00`: the wall time as given, in the zone
 * it was recorded in, not converted. Text of another form is shown as it is.
 */
export function formatDateTime(instant: string, language: ReportLanguage): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?/.exec(instant);
  if (match === null) return instant;
  return `${formatDate(match[1]!, language)} ${match[2]}${match[3] ?? ''}`;
}
