/**
 * The fixed-format MT940 fields: balances (`:60F:`, `:62F:`, …) and the statement line `:61:`, read strictly — an amount
 * or date that is only partly understood is an error, never a guess.
 */
import { daysInMonth } from '../calendar/date';
import { currencyExponent } from '../money/currency';

export type FieldResult<T> = { ok: true; value: T } | { ok: false; field: string; found: string; message: string };

const fail = <T>(field: string, found: string, message: string): FieldResult<T> => ({ ok: false, field, found, message });

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** SWIFT years have two digits; like spreadsheets, 00–69 are 20xx and 70–99 are 19xx (DEM statements from the 1990s exist). */
function expandYear(yy: number): number {
  return yy < 70 ? 2000 + yy : 1900 + yy;
}

/** `YYMMDD` → `YYYY-MM-DD`, or the reason it is no date. */
export function readSwiftDate(text: string): { ok: true; iso: string } | { ok: false; message: string } {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (m === null) return { ok: false, message: 'is not a date in the form YYMMDD' };
  const year = expandYear(Number(m[1]));
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return { ok: false, message: `is not a date (there is no month ${month})` };
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, message: `is not a calendar day (${pad2(month)}/${year} has no day ${day})` };
  }
  return { ok: true, iso: `${year}-${pad2(month)}-${pad2(day)}` };
}

/** Days since 1970-01-01 (H. Hinnant's algorithm); plain integers, because this runs once per entry. */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/**
 * The entry date (Buchungsdatum) has no year: it is the `MMDD` nearest to the value date, so that a value date of
 * 2024-12-30 with entry date 0102 is 2025-01-02, and 2025-01-02 with entry date 1230 is 2024-12-30.
 */
export function resolveEntryDate(mmdd: string, valueDate: string): string | null {
  const month = Number(mmdd.slice(0, 2));
  const day = Number(mmdd.slice(2, 4));
  if (month < 1 || month > 12 || day < 1) return null;
  const year = Number(valueDate.slice(0, 4));
  const value = dayNumber(year, Number(valueDate.slice(5, 7)), Number(valueDate.slice(8, 10)));
  let bestYear = 0;
  let bestDistance = Infinity;
  for (const y of [year, year - 1, year + 1]) {
    if (day > daysInMonth(y, month)) continue;
    const distance = Math.abs(dayNumber(y, month, day) - value);
    if (distance < bestDistance) {
      bestYear = y;
      bestDistance = distance;
    }
  }
  return bestDistance === Infinity ? null : `${bestYear}-${pad2(month)}-${pad2(day)}`;
}

/**
 * An MT940 amount: digits with a decimal comma, which SWIFT makes mandatory even without decimals (`500,`). No sign,
 * no thousands separator; at most as many decimals as the currency has.
 */
export function readSwiftAmount(text: string, currency: string): { ok: true; minor: number } | { ok: false; message: string } {
  const m = /^(\d+),(\d*)$/.exec(text);
  if (m === null) {
    return { ok: false, message: 'is not an MT940 amount (digits with a decimal comma, e.g. 1234,56 or 500,)' };
  }
  const exponent = currencyExponent(currency);
  const fraction = m[2]!;
  if (fraction.length > exponent) {
    return { ok: false, message: `has ${fraction.length} decimal places, but ${currency} has ${exponent}` };
  }
  const minor = Number(m[1]! + fraction.padEnd(exponent, '0'));
  if (!Number.isSafeInteger(minor)) return { ok: false, message: 'is too large' };
  return { ok: true, minor };
}

export interface Balance {
  /** Signed: a debit balance (D) is negative. */
  minor: number;
  currency: string;
  date: string;
}

/** `:60F:`, `:60M:`, `:62F:`, `:62M:`, `:64:`, `:65:`: `C` or `D`, date `YYMMDD`, currency, amount. */
export function readBalance(text: string, field: string): FieldResult<Balance> {
  const found = text.trim();
  const m = /^([CD])(\d{6})([A-Z]{3})([\d,]+)$/.exec(found);
  if (m === null) return fail(field, found, 'is not a balance in the form C or D, date YYMMDD, currency, amount (e.g. C240131EUR1234,56)');
  const date = readSwiftDate(m[2]!);
  if (!date.ok) return fail(field, found, `has the date ${m[2]}, which ${date.message}`);
  const amount = readSwiftAmount(m[4]!, m[3]!);
  if (!amount.ok) return fail(field, found, `has the amount ${m[4]}, which ${amount.message}`);
  const minor = m[1] === 'D' && amount.minor !== 0 ? -amount.minor : amount.minor;
  return { ok: true, value: { minor, currency: m[3]!, date: date.iso } };
}

export interface StatementLine {
  valueDate: string;
  /** The entry (booking) date with its year resolved, or null when the bank left it out. */
  entryDate: string | null;
  /** C credit, D debit, RC reversal of a credit (money goes out), RD reversal of a debit (money comes in). */
  mark: 'C' | 'D' | 'RC' | 'RD';
  /** Signed minor units: negative for D and RC. */
  amountMinor: number;
  /** `NTRF`, `N051`, `FMSC`, … or null. */
  typeCode: string | null;
  customerReference: string;
  bankReference: string | null;
  /** The next line(s): supplementary details such as `/OCMT/EUR11,85//CHGS/EUR0,50/`. */
  supplementary: string;
}

/**
 * `:61:` — value date `YYMMDD`, optional entry date `MMDD`, mark `C`/`D`/`RC`/`RD`, optional funds code (the third letter
 * of the currency: `R` for EUR), amount with decimal comma, transaction type (`N`/`F`/`S` + 3 characters), customer
 * reference, `//` bank reference; supplementary details on the next line.
 */
export function readStatementLine(lines: readonly string[], currency: string): FieldResult<StatementLine> {
  let first = lines[0]!.trim();
  let rest = 1;
  // Some Sparkassen break the line after the mark (`1811261126CR` / `30,00N062NONREF`).
  if (/^\d{6}(\d{4})?R?[CD][A-Z]?$/.test(first) && lines.length > 1) {
    first += lines[1]!.trim();
    rest = 2;
  }

  const date = /^(\d{6})(\d{4})?/.exec(first);
  if (date === null) return fail('valueDate', first.slice(0, 10), 'the value date (YYMMDD at the start of :61:) is missing');
  const value = readSwiftDate(date[1]!);
  if (!value.ok) return fail('valueDate', date[1]!, `the value date ${date[1]} ${value.message}`);
  let entryDate: string | null = null;
  if (date[2] !== undefined) {
    entryDate = resolveEntryDate(date[2], value.iso);
    if (entryDate === null) return fail('entryDate', date[2], `the entry date ${date[2]} is not a date in the form MMDD`);
  }
  first = first.slice(date[0].length);

  const markMatch = /^(RC|RD|C|D)/.exec(first);
  if (markMatch === null) {
    return fail('debitCredit', first.slice(0, 3), 'the debit/credit mark (C, D, RC or RD after the dates) is missing');
  }
  const mark = markMatch[1] as StatementLine['mark'];
  first = first.slice(mark.length);
  // Funds code: a letter right before the amount.
  if (/^[A-Z](?=[\d,])/.test(first)) first = first.slice(1);

  const amountMatch = /^[\d,]+/.exec(first);
  if (amountMatch === null) return fail('amount', first.slice(0, 15), 'the amount is missing');
  const amount = readSwiftAmount(amountMatch[0], currency);
  if (!amount.ok) return fail('amount', amountMatch[0], `the amount ${amountMatch[0]} ${amount.message}`);
  first = first.slice(amountMatch[0].length).trimStart();

  const typeMatch = /^[A-Z][A-Z0-9]{3}/.exec(first);
  const typeCode = typeMatch === null ? null : typeMatch[0];
  if (typeMatch !== null) first = first.slice(4);
  const refs = first.indexOf('//');
  const customerReference = (refs === -1 ? first : first.slice(0, refs)).trim();
  const bankReference = refs === -1 ? null : first.slice(refs + 2).trim() || null;

  const outgoing = mark === 'D' || mark === 'RC';
  return {
    ok: true,
    value: {
      valueDate: value.iso,
      entryDate,
      mark,
      amountMinor: outgoing && amount.minor !== 0 ? -amount.minor : amount.minor,
      typeCode,
      customerReference,
      bankReference,
      supplementary: lines.slice(rest).map((l) => l.trim()).join(' '),
    },
  };
}
