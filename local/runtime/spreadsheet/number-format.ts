/**
 * Enough of Sheets' number formats to show values like the UI does: plain text `@`, `General`, `0`, `0.00`, `#,##0.00`,
 * literal prefixes/suffixes (`#,##0.00 "€"`, `[$€]`), percent, negative sections, and date/time patterns
 * (`yyyy-mm-dd`, `dd.mm.yyyy`, `hh:mm:ss`, `mmm`, `dddd`). Separators follow the spreadsheet locale.
 */
import { serialToWallClock } from '../time-zone';

export const DEFAULT_FORMAT = 'General';
export const TEXT_FORMAT = '@';

function stripLiterals(format: string): string {
  return format.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
}

/** True for a date and/or time pattern: cells with such a format give `Date`s from getValues. */
export function isDateFormat(format: string): boolean {
  if (format === TEXT_FORMAT || format === DEFAULT_FORMAT) return false;
  return /[ydhs]/i.test(stripLiterals(format)) || /^\s*m+\s*$/i.test(stripLiterals(format));
}

function separators(locale: string): { decimal: string; group: string } {
  if (/^(de|es|it|nl|pt|da|tr|id)/i.test(locale)) return { decimal: ',', group: '.' };
  if (/^(fr|pl|cs|ru|sv|nb|fi)/i.test(locale)) return { decimal: ',', group: '\u202f' };
  if (/^de_CH/i.test(locale)) return { decimal: '.', group: '’' };
  return { decimal: '.', group: ',' };
}

function groupDigits(digits: string, group: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, group);
}

function formatGeneral(value: number, locale: string): string {
  const { decimal } = separators(locale);
  if (!Number.isFinite(value)) return '#NUM!';
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  return text.replace('.', decimal);
}

function formatNumberSection(value: number, section: string, locale: string): string {
  const { decimal, group } = separators(locale);
  // Literal text: "…" quoted, \x escaped, [$€] currency.
  const unquoted = section.replace(/\[\$([^\]-]*)(-[^\]]*)?\]/g, '"$1"').replace(/\\(.)/g, '"$1"');
  const match = /[#0?][#0?,.]*/.exec(unquoted.replace(/"[^"]*"/g, (s) => ' '.repeat(s.length)));
  if (!match) return unquoted.replace(/"([^"]*)"/g, '$1');
  const pattern = match[0];
  const prefix = unquoted.slice(0, match.index).replace(/"([^"]*)"/g, '$1');
  const suffix = unquoted.slice(match.index + pattern.length).replace(/"([^"]*)"/g, '$1');
  let scaled = value;
  if (suffix.includes('%')) scaled *= 100;
  const [intPart, fracPart = ''] = pattern.split('.');
  const decimals = fracPart.replace(/[^0#?]/g, '').length;
  const minDecimals = fracPart.replace(/[^0]/g, '').length;
  let fixed = Math.abs(scaled).toFixed(decimals);
  let [int, frac = ''] = fixed.split('.');
  while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
  const minInt = (intPart ?? '').replace(/[^0]/g, '').length;
  int = int!.replace(/^0+/, '').padStart(minInt, '0');
  if ((intPart ?? '').includes(',')) int = groupDigits(int, group);
  fixed = frac ? `${int}${decimal}${frac}` : int;
  return `${prefix}${fixed}${suffix}`;
}

function formatNumber(value: number, format: string, locale: string): string {
  const sections = format.split(';');
  if (value < 0 && sections[1] !== undefined) return formatNumberSection(-value, sections[1], locale);
  if (value === 0 && sections[2] !== undefined) return formatNumberSection(0, sections[2], locale);
  const text = formatNumberSection(Math.abs(value), sections[0]!, locale);
  return value < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Formats a serial number with a Sheets date pattern (`m` is minutes next to `h` or `s`, months elsewhere). */
export function formatSerialAsDate(serial: number, format: string): string {
  const w = serialToWallClock(serial);
  const tokens = format.match(/"[^"]*"|\\.|am\/pm|a\/p|y+|m+|d+|h+|s+|\.0+|./gi) ?? [];
  const hasAmPm = tokens.some((t) => /^(am\/pm|a\/p)$/i.test(t));
  const out: string[] = [];
  tokens.forEach((token, i) => {
    const lower = token.toLowerCase();
    const prev = tokens.slice(0, i).reverse().find((t) => /^[a-z]/i.test(t))?.toLowerCase() ?? '';
    const next = tokens.slice(i + 1).find((t) => /^[a-z]/i.test(t))?.toLowerCase() ?? '';
    const pad = (n: number, len: number) => String(n).padStart(len, '0');
    if (token.startsWith('"')) out.push(token.slice(1, -1));
    else if (token.startsWith('\\')) out.push(token.slice(1));
    else if (lower[0] === 'y') out.push(lower.length <= 2 ? pad(w.year % 100, 2) : pad(w.year, 4));
    else if (lower[0] === 'm') {
      const isMinute = lower.length <= 2 && (prev.startsWith('h') || next.startsWith('s'));
      if (isMinute) out.push(lower.length === 2 ? pad(w.minute, 2) : String(w.minute));
      else if (lower.length === 1) out.push(String(w.month));
      else if (lower.length === 2) out.push(pad(w.month, 2));
      else if (lower.length === 3) out.push(MONTHS[w.month - 1]!.slice(0, 3));
      else out.push(MONTHS[w.month - 1]!);
    } else if (lower[0] === 'd') {
      if (lower.length === 1) out.push(String(w.day));
      else if (lower.length === 2) out.push(pad(w.day, 2));
      else if (lower.length === 3) out.push(DAYS[w.weekday]!.slice(0, 3));
      else out.push(DAYS[w.weekday]!);
    } else if (lower[0] === 'h') {
      const h = hasAmPm ? ((w.hour + 11) % 12) + 1 : w.hour;
      out.push(lower.length >= 2 ? pad(h, 2) : String(h));
    } else if (lower[0] === 's') out.push(lower.length >= 2 ? pad(w.second, 2) : String(w.second));
    else if (lower === 'am/pm') out.push(w.hour < 12 ? 'AM' : 'PM');
    else if (lower === 'a/p') out.push(w.hour < 12 ? 'a' : 'p');
    else if (lower.startsWith('.0')) out.push('.' + pad(w.millisecond, 3).slice(0, lower.length - 1));
    else out.push(token);
  });
  return out.join('');
}

/** What the cell shows (getDisplayValues). */
export function displayValue(value: number | string | boolean, format: string, locale: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (format === TEXT_FORMAT || format === DEFAULT_FORMAT || format === '') return formatGeneral(value, locale);
  if (isDateFormat(format)) return formatSerialAsDate(value, format);
  return formatNumber(value, format, locale);
}

/** The format Sheets gives a General cell when a Date is written into it. */
export function dateTimeFormatFor(locale: string): string {
  if (/^de/i.test(locale)) return 'dd.mm.yyyy hh:mm:ss';
  if (/^en_US$/i.test(locale) || /^en$/i.test(locale)) return 'm/d/yyyy h:mm:ss';
  return 'yyyy-mm-dd hh:mm:ss';
}
