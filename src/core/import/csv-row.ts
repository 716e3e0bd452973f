/**
 * One CSV booking row → one transaction, or the reason it cannot be one. A rejected line is exactly one `LineError` (the
 * callers count rejected lines by errors), pointing at its leftmost bad cell; further bad cells of the same line are named
 * in its message, so a user still fixes the file in one pass.
 */
import { parseDate } from '../calendar/date';
import { normaliseIban } from '../iban/iban';
import { parseAmount, type AmountResult } from '../money/amount';
import type { CsvProfile } from '../profiles/profile';
import { collapseText } from '../text/clean';
import type { LineError, Transaction } from '../transaction';
import type { ResolvedColumns } from './columns';
import type { CsvRecord } from './csv-records';

export type RowTransaction = Omit<Transaction, 'fingerprint'> & { line: number };

export type RowResult =
  | { kind: 'transaction'; transaction: RowTransaction; account: string | null }
  | { kind: 'skipped'; reason: string }
  | { kind: 'rejected'; errors: LineError[] };

interface RowContext {
  profile: CsvProfile;
  columns: ResolvedColumns;
  fileName: string;
  /** Cells a row must have: the header's count, or for files without header the first booking row's. */
  expectedCells: number;
}

export function readCsvRow(record: CsvRecord, ctx: RowContext): RowResult {
  const { profile, columns: col, fileName } = ctx;
  const cells = record.cells;
  const lineError = (message: string): RowResult => ({
    kind: 'rejected',
    errors: [{ file: fileName, line: record.line, column: null, field: 'line', found: cells.join(profile.delimiter), message }],
  });
  if (record.problems.length > 0) return lineError(record.problems.join('; '));
  if (cells.length !== ctx.expectedCells || cells.length <= col.highest) {
    return lineError(`has ${cells.length} columns, expected ${Math.max(ctx.expectedCells, col.highest + 1)}`);
  }
  const cell = (index: number): string => (index < 0 ? '' : (cells[index] ?? ''));

  for (const rule of col.skipRules) {
    if (rule.test(cell(rule.column))) return { kind: 'skipped', reason: rule.reason };
  }

  const errors: LineError[] = [];
  const report = (column: number, field: string, message: string): void => {
    errors.push({ file: fileName, line: record.line, column, field, found: cell(column), message });
  };

  const booking = parseDate(cell(col.bookingDate), profile.dateFormats);
  if (!booking.ok) report(col.bookingDate, 'bookingDate', `booking date ${booking.message}`);
  let valueDate: string | null = null;
  if (col.valueDate >= 0 && cell(col.valueDate).trim() !== '') {
    const value = parseDate(cell(col.valueDate), profile.dateFormats);
    if (value.ok) valueDate = value.iso;
    else report(col.valueDate, 'valueDate', `value date ${value.message}`);
  }

  const currencyCell = cell(col.currency).trim().toUpperCase();
  if (currencyCell !== '' && !/^[A-Z]{3}$/.test(currencyCell)) {
    report(col.currency, 'currency', 'is not a currency code such as EUR');
  }
  const columnCurrency = /^[A-Z]{3}$/.test(currencyCell) ? currencyCell : null;
  const amount = readAmount(ctx, cell, columnCurrency ?? profile.defaultCurrency, report);
  let currency = columnCurrency ?? profile.defaultCurrency;
  if (amount !== null && amount.currency !== undefined) {
    if (columnCurrency !== null && amount.currency !== columnCurrency) {
      report(col.currency, 'currency', `says ${columnCurrency}, but the amount says ${amount.currency}`);
    }
    currency = amount.currency;
  }

  if (errors.length > 0 || !booking.ok || amount === null) return { kind: 'rejected', errors: [oneErrorPerLine(errors)] };
  const accountText = cell(col.account);
  return {
    kind: 'transaction',
    account: accountText.trim() === '' ? null : normaliseIban(accountText),
    transaction: {
      line: record.line,
      bookingDate: booking.iso,
      valueDate,
      amountMinor: amount.minor,
      currency,
      counterpartyName: collapseText(cell(col.counterpartyName)),
      counterpartyIban: normaliseIban(collapseText(cell(col.counterpartyIban))),
      purpose: collapseText(col.purpose.map(cell).join(' ')),
      bookingType: collapseText(cell(col.bookingType)) || null,
    },
  };
}

type Report = (column: number, field: string, message: string) => void;

function oneErrorPerLine(errors: LineError[]): LineError {
  const [first, ...more] = [...errors].sort((a, b) => (a.column ?? -1) - (b.column ?? -1));
  if (more.length === 0) return first!;
  const also = more.map((e) => `column ${e.column} (${e.field}) "${e.found}" ${e.message}`).join('; ');
  return { ...first!, message: `${first!.message}; also ${also}` };
}

/** The signed amount, from one signed column, a debit/credit column pair, or an unsigned column plus an S/H marker. */
function readAmount(
  ctx: RowContext,
  cell: (index: number) => string,
  currency: string,
  report: Report,
): { minor: number; currency?: string } | null {
  const { profile, columns: col } = ctx;
  const format = { decimalSeparator: profile.decimalSeparator, thousandsSeparator: profile.thousandsSeparator, currency };
  const read = (index: number, field: string): AmountResult & { ok: true } | null => {
    const result = parseAmount(cell(index), format);
    if (result.ok) return result;
    report(index, field, `${field} ${result.message}`);
    return null;
  };

  if (col.amount >= 0) {
    const amount = read(col.amount, 'amount');
    if (amount === null) return null;
    if (col.marker === null) return amount;
    const mark = cell(col.marker.column).trim().toLowerCase();
    const magnitude = Math.abs(amount.minor);
    if (col.marker.debitValues.includes(mark)) return { ...amount, minor: magnitude === 0 ? 0 : -magnitude };
    if (col.marker.creditValues.includes(mark)) return { ...amount, minor: magnitude };
    report(
      col.marker.column,
      'debitCreditMarker',
      `is neither a debit mark (${col.marker.debitValues.join(', ')}) nor a credit mark (${col.marker.creditValues.join(', ')})`,
    );
    return null;
  }

  // Debit (Soll / Belastung) and credit (Haben / Gutschrift) columns: banks write debits with or without a minus.
  const debitText = cell(col.debit).trim();
  const creditText = cell(col.credit).trim();
  const debit = debitText === '' ? null : read(col.debit, 'debit');
  const credit = creditText === '' ? null : read(col.credit, 'credit');
  if ((debitText !== '' && debit === null) || (creditText !== '' && credit === null)) return null;
  const debitMinor = debit === null ? 0 : Math.abs(debit.minor);
  const creditMinor = credit === null ? 0 : Math.abs(credit.minor);
  if (debit === null && credit === null) {
    report(col.debit, 'debit', 'neither debit nor credit holds an amount');
    return null;
  }
  if (debitMinor !== 0 && creditMinor !== 0) {
    report(col.credit, 'credit', 'both debit and credit hold an amount');
    return null;
  }
  const source = debitMinor !== 0 ? debit : (credit ?? debit);
  const minor = debitMinor !== 0 ? -debitMinor : creditMinor;
  return source?.currency === undefined ? { minor } : { minor, currency: source.currency };
}
