/**
 * Reading the bookkeeper's own tables (Invoices, Payments, Contacts, Cases) from cells into typed records.
 *
 * Those sheets are typed by people, so every cell is untrusted input: each column has a zod schema that turns a cell into
 * a value or an issue, and a row with an issue is reported (sheet, row, column header, the text found) and left out,
 * never repaired by guessing. The caller hands over the cells as one block read in one call, header row first.
 *
 * What a cell may hold, per column kind:
 * - text: any text; a number typed into a column that is not formatted as text (`20260138`) is read as its digits.
 * - list: several values in one cell, separated by `,`, `;` or a line break (`K-001, K-009`). Spaces inside a value stay
 *   (`DE89 3704 0044 0532 0130 00` is one IBAN), so the separators are exactly those three.
 * - date: a date cell (a serial day number; the server turns the platform's date value into one first), or a date typed
 *   as text `2026-10-01`, `01.10.2026` or `1.10.26`.
 * - amount: a number cell in the currency's unit (`1234.56`), or text in the spreadsheet's notation (`1.234,56` in a
 *   German spreadsheet, `1,234.56` in an English one), with the currency's number of decimals at most.
 */
import * as z from '../schema';
import { parseDate, fromSerialDay } from '../calendar/date';
import { parseAmount } from '../money/amount';
import { currencyExponent, decimalToMinor } from '../money/currency';
import { locateColumns, type TableSpec } from './table';

/** A problem with one row of a table (or, with row 1, with its header). */
export interface TableError {
  sheet: string;
  /** Row number in the sheet, counting from 1 (the header row is 1). */
  row: number;
  /** The column's header text as it stands in the sheet, or null when the problem concerns the whole row. */
  column: string | null;
  /** The cell's content as text. */
  found: string;
  message: string;
}

/** `Invoices, row 14, column "Amount": "12,3x" is not an amount`. */
export function describeTableError(e: TableError): string {
  const where = e.column === null ? `${e.sheet}, row ${e.row}` : `${e.sheet}, row ${e.row}, column "${e.column}"`;
  const found = e.found.length > 60 ? `${e.found.slice(0, 57)}…` : e.found;
  return e.found === '' ? `${where}: ${e.message}` : `${where}: "${found}" ${e.message}`;
}

/** The records of a table that could be read, each with its sheet row, and the rows that could not. */
export interface TableRead<T> {
  records: Array<T & { row: number }>;
  errors: TableError[];
  /** Header text of each column key as it stands in the sheet (the spec's header where the column is missing). */
  headers: Record<string, string>;
}

export function isBlank(value: unknown): boolean {
  return value === '' || value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** A cell as the user sees it, for error messages. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

/** The part of zod's transform context used here: adding an issue. */
type Issues = { issues: { push(...issues: Array<{ code: 'custom'; message: string; input: unknown }>): number } };

const fail = (ctx: Issues, input: unknown, message: string): never => {
  ctx.issues.push({ code: 'custom', message, input });
  return z.NEVER as never;
};

/** Text of a cell, trimmed. Numbers typed into a column that is not plain text come back as numbers: read their digits. */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** A text cell that must hold something. */
export const requiredText = z.pipe(
  z.unknown(),
  z.transform((value: unknown, ctx): string => {
    const text = textOf(value);
    if (text === null) return fail(ctx, value, 'is not text');
    return text === '' ? fail(ctx, value, 'is empty, but is needed') : text;
  }),
);

/** A text cell that may be empty (`""`). */
export const optionalText = z.pipe(
  z.unknown(),
  z.transform((value: unknown, ctx): string => {
    if (isBlank(value)) return '';
    return textOf(value) ?? fail(ctx, value, 'is not text');
  }),
);

/** `a, b; c` or one per line → `['a', 'b', 'c']`; see the module comment. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\r\n]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export const listCell = z.pipe(
  z.unknown(),
  z.transform((value: unknown, ctx): string[] => {
    if (isBlank(value)) return [];
    const text = textOf(value);
    return text === null ? fail(ctx, value, 'is not text') : splitList(text);
  }),
);

const TYPED_DATE_PATTERNS = ['yyyy-mm-dd', 'd.m.yyyy', 'd.m.yy'] as const;

/** A serial day Sheets can show: from 1900 to 9999. */
const isSerialDay = (n: number): boolean => Number.isFinite(n) && n >= 1 && n < 2958466;

function dateCell(required: boolean) {
  return z.pipe(
    z.unknown(),
    z.transform((value: unknown, ctx): string | null => {
      if (isBlank(value)) return required ? fail(ctx, value, 'is empty, but a date is needed') : null;
      if (typeof value === 'number') return isSerialDay(value) ? fromSerialDay(value) : fail(ctx, value, 'is not a date');
      if (typeof value !== 'string') return fail(ctx, value, 'is not a date');
      const parsed = parseDate(value, TYPED_DATE_PATTERNS);
      if (parsed.ok) return parsed.iso;
      return fail(ctx, value, /^is /.test(parsed.message) ? parsed.message : `is not a date (${parsed.message})`);
    }),
  );
}

export const requiredDate = dateCell(true);
export const optionalDate = dateCell(false);

/** A currency code; blank means the workbook's currency (`defaultCurrency`). */
export function currencyCell(defaultCurrency: string) {
  return z.pipe(
    z.unknown(),
    z.transform((value: unknown, ctx): string => {
      if (isBlank(value)) return defaultCurrency;
      const text = textOf(value)?.toUpperCase() ?? '';
      if (text === '€') return 'EUR';
      return /^[A-Z]{3}$/.test(text) ? text : fail(ctx, value, 'is not a currency code (e.g. EUR, CHF)');
    }),
  );
}

/** An amount cell before its currency is known: a number in the currency's unit, and the currency the text named, if any. */
export interface AmountCell {
  value: number;
  currency?: string;
}

/** The most decimals any currency has (ISO 4217 exponent 3: KWD, BHD …); the row's currency narrows it later. */
const MOST_DECIMALS_CURRENCY = 'KWD';

/** An amount cell; text is read in the spreadsheet's notation (see `amountSeparators`). */
export function amountCell(locale: string) {
  return z.pipe(
    z.unknown(),
    z.transform((value: unknown, ctx): AmountCell => {
      if (isBlank(value)) return fail(ctx, value, 'is empty, but an amount is needed');
      if (typeof value === 'number') return Number.isFinite(value) ? { value } : fail(ctx, value, 'is not an amount');
      if (typeof value !== 'string') return fail(ctx, value, 'is not an amount');
      const parsed = parseAmount(value, { ...amountSeparators(locale), currency: MOST_DECIMALS_CURRENCY });
      if (!parsed.ok) return fail(ctx, value, /^is /.test(parsed.message) ? 'is not an amount' : parsed.message);
      // Minor units of the currency the text names, if it names one (`12,00 €`), else of the widest currency.
      const cell: AmountCell = { value: parsed.minor / 10 ** currencyExponent(parsed.currency ?? MOST_DECIMALS_CURRENCY) };
      if (parsed.currency !== undefined) cell.currency = parsed.currency;
      return cell;
    }),
  );
}

/** Decimal and thousands separators of amounts typed as text, by the spreadsheet's locale. */
export function amountSeparators(locale: string): { decimalSeparator: ',' | '.'; thousandsSeparator: '.' | ',' } {
  const comma = /^(de|at|fr|es|it|nl|pt|da|sv|nb|fi|pl|cs|tr)/i.test(locale) && !/_CH$/i.test(locale);
  return comma ? { decimalSeparator: ',', thousandsSeparator: '.' } : { decimalSeparator: '.', thousandsSeparator: ',' };
}

/**
 * An amount in minor units of `currency`, or an error message. It must not carry more decimals than the currency has
 * (`12.345` EUR is a typing error, not 12.35).
 */
export function amountToMinor(amount: AmountCell, currency: string): { ok: true; minor: number } | { ok: false; message: string } {
  if (amount.currency !== undefined && amount.currency !== currency) {
    return { ok: false, message: `is in ${amount.currency}, but the row's currency is ${currency}` };
  }
  const exponent = currencyExponent(currency);
  const scaled = amount.value * 10 ** exponent;
  if (Math.abs(scaled - Math.round(scaled)) > 1e-6) return { ok: false, message: `has more decimals than ${currency} has (${exponent})` };
  const minor = decimalToMinor(amount.value, currency);
  if (!Number.isSafeInteger(minor)) return { ok: false, message: 'is too large' };
  // `-0` is zero: never let a negative zero reach a comparison.
  return { ok: true, minor: minor === 0 ? 0 : minor };
}

/**
 * A row schema whose `amount` cell is turned into `amountMinor` in the row's `currency` (the two cells are read together:
 * the currency decides how many decimals the amount may have).
 */
export function withAmountMinor<R extends { amount: AmountCell; currency: string }>(
  row: z.ZodMiniType<R>,
): z.ZodMiniType<Omit<R, 'amount'> & { amountMinor: number }> {
  return z.pipe(
    row,
    z.transform((r: R, ctx) => {
      const result = amountToMinor(r.amount, r.currency);
      if (!result.ok) {
        ctx.issues.push({ code: 'custom', message: result.message, input: r.amount, path: ['amount'] });
        return z.NEVER;
      }
      const { amount: _amount, ...rest } = r;
      return { ...rest, amountMinor: result.minor };
    }),
  ) as unknown as z.ZodMiniType<Omit<R, 'amount'> & { amountMinor: number }>;
}

/**
 * A status cell: one of `values` (or a German/English alias of one), compared without case. Blank is `blank`, the state
 * a new row starts in.
 */
export function statusCell<S extends string>(names: Record<string, S>, blank: S, describe: string) {
  const byName = new Map(Object.entries(names).map(([name, status]) => [name.toLowerCase(), status]));
  return z.pipe(
    z.unknown(),
    z.transform((value: unknown, ctx): S => {
      if (isBlank(value)) return blank;
      const status = byName.get((textOf(value) ?? '').toLowerCase());
      return status ?? fail(ctx, value, `is not a status (${describe})`);
    }),
  );
}

/** What the row schemas need beyond the cells. */
export interface ReadOptions {
  /** The spreadsheet's locale (`de_DE`), for amounts typed as text. */
  locale: string;
  /** Currency of rows whose currency cell is blank. */
  defaultCurrency: string;
}

/**
 * Reads a table from its cells (header row first) with a row schema over the spec's column keys. Empty rows are skipped;
 * a row the schema rejects is reported once per bad cell and left out. Missing columns read as blank cells, so a
 * missing column that is needed shows up on every row — `requiredColumns` turns that into one error instead.
 */
export function readTableRows<T>(
  spec: TableSpec,
  cells: readonly (readonly unknown[])[],
  schema: z.ZodMiniType<T>,
  requiredColumns: readonly string[],
): TableRead<T> {
  const header = cells[0] ?? [];
  const located = locateColumns(spec, header);
  const headers: Record<string, string> = {};
  for (const column of spec.columns) {
    const index = located[column.key]!;
    headers[column.key] = index >= 0 ? cellText(header[index]).trim() : column.header;
  }
  const missing = spec.columns.filter((c) => requiredColumns.includes(c.key) && located[c.key] === -1);
  if (missing.length > 0) {
    const names = missing.map((c) => [c.header, ...(c.aliases ?? [])].map((n) => `"${n}"`).join(' or ')).join('; ');
    const message =
      cells.length === 0 ? `is empty: it needs a header row with ${names}` : `has no column ${names} in its header row (row 1)`;
    return { records: [], errors: [{ sheet: spec.sheetName, row: 1, column: null, found: '', message }], headers };
  }
  const records: Array<T & { row: number }> = [];
  const errors: TableError[] = [];
  for (let r = 1; r < cells.length; r++) {
    const rowCells = cells[r]!;
    const input: Record<string, unknown> = {};
    let blank = true;
    for (const column of spec.columns) {
      const index = located[column.key]!;
      const value = index >= 0 ? rowCells[index] : '';
      input[column.key] = value;
      if (!isBlank(value)) blank = false;
    }
    if (blank) continue;
    const parsed = schema.safeParse(input);
    if (parsed.success) {
      records.push({ ...parsed.data, row: r + 1 });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const key = typeof issue.path[0] === 'string' ? issue.path[0] : null;
      errors.push({
        sheet: spec.sheetName,
        row: r + 1,
        column: key === null ? null : (headers[key] ?? key),
        found: key === null ? '' : cellText(input[key]).trim(),
        message: issue.message,
      });
    }
  }
  return { records, errors, headers };
}

/** Reports a value that must be unique in its column (an invoice number, a contact id) where it repeats; keeps the first. */
export function keepFirstOf<T>(read: TableRead<T>, sheet: string, key: keyof T & string): TableRead<T> {
  const keyOf = (record: T): string => String(record[key]);
  const column = read.headers[key] ?? key;
  const firstRow = new Map<string, number>();
  const records: Array<T & { row: number }> = [];
  const errors = [...read.errors];
  for (const record of read.records) {
    const id = keyOf(record).toUpperCase();
    const first = firstRow.get(id);
    if (first === undefined) {
      firstRow.set(id, record.row);
      records.push(record);
    } else {
      errors.push({ sheet, row: record.row, column, found: keyOf(record), message: `is already in row ${first}` });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return { records, errors, headers: read.headers };
}
