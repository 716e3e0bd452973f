/**
 * Calendar dates as `YYYY-MM-DD` strings. Never `Date` objects: a booking day has no time and no time zone, and a `Date`
 * at midnight moves to the previous day in the first time zone west of it.
 */

export type DateResult = { ok: true; iso: string } | { ok: false; message: string };

/**
 * Pattern tokens: `dd`/`mm` exactly two digits, `d`/`m` one or two, `yyyy` four, `yy` two; `.`, `/`, `-`, `:`, `T` and
 * space literal. A time of day may follow the date (Raiffeisen writes `2025-03-26 00:00:00.0`, Credit Suisse
 * `24.08.2023 07:22:21`): `hh`/`h` hours, then `mm` means minutes (as everybody writes it), `ss` seconds, `f` a fraction of
 * a second (one or more digits). The time is checked (no 25:61) and dropped: a booking day has no time.
 */
const tokenPattern = /yyyy|yy|dd|d|mm|m|hh|h|ss|f|[./\- :T]/g;

type Part = 'y' | 'yy' | 'm' | 'd' | 'hour' | 'minute' | 'second' | 'fraction';

const dateTokens: Record<string, [string, Part]> = {
  yyyy: ['(\\d{4})', 'y'],
  yy: ['(\\d{2})', 'yy'],
  dd: ['(\\d{2})', 'd'],
  d: ['(\\d{1,2})', 'd'],
  mm: ['(\\d{2})', 'm'],
  m: ['(\\d{1,2})', 'm'],
};
const timeTokens: Record<string, [string, Part]> = {
  hh: ['(\\d{2})', 'hour'],
  h: ['(\\d{1,2})', 'hour'],
  mm: ['(\\d{2})', 'minute'],
  ss: ['(\\d{2})', 'second'],
  f: ['(\\d{1,9})', 'fraction'],
};

interface CompiledPattern {
  regex: RegExp;
  order: Part[];
}

const compiled = new Map<string, CompiledPattern | null>();

function compile(pattern: string): CompiledPattern | null {
  if (compiled.has(pattern)) return compiled.get(pattern)!;
  let source = '';
  const order: Part[] = [];
  let consumed = 0;
  for (const m of pattern.matchAll(tokenPattern)) {
    if (m.index !== consumed) break;
    consumed += m[0].length;
    const token = m[0];
    const inTime = order.includes('hour');
    const part = inTime ? timeTokens[token] : (dateTokens[token] ?? (token === 'hh' || token === 'h' ? timeTokens[token] : undefined));
    if (part === undefined) {
      if (token.length > 1 || /[a-z]/.test(token)) {
        consumed = -1;
        break;
      }
      source += token.replace(/[./\-]/g, '\\$&');
      continue;
    }
    if (order.includes(part[1])) {
      consumed = -1;
      break;
    }
    source += part[0];
    order.push(part[1]);
  }
  const count = (kinds: Part[]): number => order.filter((o) => kinds.includes(o)).length;
  const complete =
    consumed === pattern.length &&
    count(['d']) === 1 &&
    count(['m']) === 1 &&
    count(['y', 'yy']) === 1 &&
    // A time needs hours and minutes; seconds and fraction only after the minutes.
    (!order.includes('hour') || order.includes('minute')) &&
    (!order.includes('second') || order.includes('minute')) &&
    (!order.includes('fraction') || order.includes('second'));
  const result = complete ? { regex: new RegExp(`^${source}$`), order } : null;
  compiled.set(pattern, result);
  return result;
}

/** True for a pattern this module understands, e.g. `dd.mm.yy`; for profile validation. */
export function isDatePattern(pattern: string): boolean {
  return compile(pattern) !== null;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Banks write two-digit years for the recent past and near future; 00–69 → 20xx, 70–99 → 19xx, as spreadsheets do. */
function expandYear(yy: number): number {
  return yy < 70 ? 2000 + yy : 1900 + yy;
}

/**
 * Reads a date with the first of `patterns` that fits the whole text (surrounding spaces ignored: comdirect writes
 * `"21.05.2013 "`). A text that fits a pattern but names no real day (31.02.) is an error, not the next valid day.
 */
export function parseDate(input: string, patterns: readonly string[]): DateResult {
  const text = input.trim();
  if (text === '') return { ok: false, message: 'no date given' };
  for (const pattern of patterns) {
    const p = compile(pattern);
    if (p === null) return { ok: false, message: `the date pattern "${pattern}" is not supported` };
    const m = p.regex.exec(text);
    if (m === null) continue;
    let year = 0;
    let month = 0;
    let day = 0;
    let timeOk = true;
    p.order.forEach((kind, i) => {
      const n = Number(m[i + 1]);
      if (kind === 'y') year = n;
      else if (kind === 'yy') year = expandYear(n);
      else if (kind === 'm') month = n;
      else if (kind === 'd') day = n;
      else if ((kind === 'hour' && n > 23) || ((kind === 'minute' || kind === 'second') && n > 59)) timeOk = false;
    });
    if (!timeOk) return { ok: false, message: 'has a time of day that does not exist' };
    if (month < 1 || month > 12) return { ok: false, message: `has no month ${month}` };
    if (day < 1 || day > daysInMonth(year, month)) {
      return { ok: false, message: `is not a calendar day (${pad(month, 2)}/${year} has no day ${day})` };
    }
    return { ok: true, iso: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
  }
  return { ok: false, message: `is not a date in the form ${patterns.join(' or ')}` };
}

export function isValidIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm): integer arithmetic, no `Date`. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z0: number): [number, number, number] {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Sheets' serial day 0 is 1899-12-30 (inherited from Lotus 1-2-3 via Excel); 1970-01-01 is serial 25569. */
const SERIAL_OF_UNIX_EPOCH = 25569;

/** `2024-12-30` → 45656, the number Sheets shows as that date whatever the spreadsheet's time zone. */
export function toSerialDay(iso: string): number {
  if (!isValidIsoDate(iso)) throw new Error(`not a calendar date: "${iso}"`);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return daysFromCivil(y, m, d) + SERIAL_OF_UNIX_EPOCH;
}

/** Serial day → `YYYY-MM-DD`; a fraction (a time of day) is dropped. */
export function fromSerialDay(serial: number): string {
  if (!Number.isFinite(serial)) throw new Error(`not a serial day: ${serial}`);
  const [y, m, d] = civilFromDays(Math.floor(serial) - SERIAL_OF_UNIX_EPOCH);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}
