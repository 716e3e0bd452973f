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
import { purposeOf, splitSepaReferences } from './sepa-references';

export type RowTransaction = Omit<Transaction, 'fingerprint'> & { line: number };

export type RowResult =
  | { kind: 'transaction'; transaction: RowTransaction; account: string | null }
  | { kind: 'skipped'; reason: string }
  /** A line without date and amount that carries more text for the booking above it (see `continuationLines`). */
  | { kind: 'continuation'; text: string }
  | { kind: 'rejected'; errors: LineError[] };

export interface RowContext {
  profile: CsvProfile;
  columns: ResolvedColumns;
  fileName: string;
  /** Cells a row should have: the header's count, or for files without header the first booking row's. */
  expectedCells: number;
  /**
   * Cells a row must at least have: fewer than `expectedCells` when the header ends in empty cells (a trailing
   * delimiter the rows do not repeat).
   */
  minimumCells: number;
}

const isBlank = (s: string): boolean => s.trim() === '';

export function readCsvRow(record: CsvRecord, ctx: RowContext): RowResult {
  const { profile, columns: col, fileName } = ctx;
  const cells = record.cells;
  const lineError = (message: string): RowResult => ({
    kind: 'rejected',
    errors: [{ file: fileName, line: record.line, column: null, field: 'line', found: cells.join(profile.delimiter), message }],
  });
  if (record.problems.length > 0) return lineError(record.problems.join('; '));
  const cell = (index: number): string => (index < 0 ? '' : (cells[index] ?? ''));
  const wrongCount = `has ${cells.length} columns, expected ${Math.max(ctx.expectedCells, col.highest + 1)}`;
  if (cells.length > ctx.expectedCells && !cells.slice(ctx.expectedCells).every(isBlank)) return lineError(wrongCount);
  if (cells.length < Math.max(ctx.minimumCells, col.highest + 1)) {
    // UBS ends detail lines early instead of writing their empty cells; anything else this short is damaged.
    const detail = profile.continuationLines === 'appendToPurpose' && hasNoAmount(col, cell);
    if (!detail) return lineError(wrongCount);
  }

  for (const rule of col.skipRules) {
    if (rule.test(cell(rule.column))) return { kind: 'skipped', reason: rule.reason };
  }

  // No money, no booking: balance lines, information lines, the detail lines of a collective booking.
  if (hasNoAmount(col, cell)) {
    return profile.continuationLines === 'appendToPurpose'
      ? { kind: 'continuation', text: continuationText(col, cells) }
      : { kind: 'skipped', reason: 'no amount: not a booking (balance or information line)' };
  }
  const booking = parseDate(cell(col.bookingDate), profile.dateFormats);

  const errors: LineError[] = [];
  const report = (column: number, field: string, message: string): void => {
    errors.push({ file: fileName, line: record.line, column, field, found: cell(column), message });
  };

  if (!booking.ok) report(col.bookingDate, 'bookingDate', `booking date ${booking.message}`);
  let valueDate: string | null = null;
  if (col.valueDate >= 0 && !isBlank(cell(col.valueDate))) {
    const value = parseDate(cell(col.valueDate), profile.dateFormats);
    if (value.ok) valueDate = value.iso;
    else report(col.valueDate, 'valueDate', `value date ${value.message}`);
  }

  const currencyCell = cell(col.currency).trim().toUpperCase();
  if (currencyCell !== '' && !/^[A-Z]{3}$/.test(currencyCell)) {
    report(col.currency, 'currency', 'is not a currency code such as EUR');
  }
  const columnCurrency = /^[A-Z]{3}$/.test(currencyCell) ? currencyCell : null;
  const fallbackCurrency = col.headerCurrency ?? profile.defaultCurrency;
  const amount = readAmount(ctx, cell, columnCurrency ?? fallbackCurrency, report);
  let currency = columnCurrency ?? fallbackCurrency;
  if (amount !== null && amount.currency !== undefined) {
    if (columnCurrency !== null && amount.currency !== columnCurrency) {
      report(col.currency, 'currency', `says ${columnCurrency}, but the amount says ${amount.currency}`);
    }
    currency = amount.currency;
  }

  if (errors.length > 0 || !booking.ok || amount === null) return { kind: 'rejected', errors: [oneErrorPerLine(errors)] };
  const accountText = cell(col.account);
  const nameColumn = amount.minor > 0 && col.counterpartyNameIncoming >= 0 ? col.counterpartyNameIncoming : col.counterpartyName;
  const transaction: RowTransaction = {
    line: record.line,
    bookingDate: booking.iso,
    valueDate,
    amountMinor: amount.minor,
    currency,
    counterpartyName: collapseText(cell(nameColumn)),
    counterpartyIban: normaliseIban(collapseText(cell(col.counterpartyIban))),
    purpose: collapseText(col.purpose.map(cell).join(' ')),
    bookingType: collapseText(cell(col.bookingType)) || null,
  };
  addReferences(transaction, ctx, cell);
  return { kind: 'transaction', account: isBlank(accountText) ? null : normaliseIban(accountText), transaction };
}

type Report = (column: number, field: string, message: string) => void;

function oneErrorPerLine(errors: LineError[]): LineError {
  const [first, ...more] = [...errors].sort((a, b) => (a.column ?? -1) - (b.column ?? -1));
  if (more.length === 0) return first!;
  const also = more.map((e) => `column ${e.column} (${e.field}) "${e.found}" ${e.message}`).join('; ');
  return { ...first!, message: `${first!.message}; also ${also}` };
}

function hasNoAmount(col: ResolvedColumns, cell: (index: number) => string): boolean {
  return col.amount >= 0 ? isBlank(cell(col.amount)) : isBlank(cell(col.debit)) && isBlank(cell(col.credit));
}

/** The purpose columns' text; where they are empty (one Raiffeisen variant shifts it), every non-empty cell's. */
function continuationText(col: ResolvedColumns, cells: readonly string[]): string {
  const purpose = collapseText(col.purpose.map((i) => cells[i] ?? '').join(' '));
  return purpose !== '' ? purpose : collapseText(cells.filter((c) => !isBlank(c)).join(' '));
}

/** "NOTPROVIDED" is what SEPA systems write for a missing end-to-end reference: no reference at all. */
function reference(text: string): string | null {
  const t = collapseText(text);
  return t === '' || t.toUpperCase() === 'NOTPROVIDED' ? null : t;
}

/** The SEPA references, where the profile can deliver them; set only then, so other files keep their shape. */
function addReferences(t: RowTransaction, ctx: RowContext, cell: (index: number) => string): void {
  const { columns: col, profile } = ctx;
  // Sparkasse "CSV-MT940" keeps MT940's SEPA keywords in the purpose; read them as the MT940 reader does, so that the
  // purpose (SVWZ) and with it the fingerprint come out the same in every format.
  const sepa = profile.sepaKeywordsInPurpose ? splitSepaReferences(t.purpose) : null;
  if (sepa !== null && sepa.structured) t.purpose = purposeOf(sepa);
  const keyword = (name: 'EREF' | 'MREF' | 'CRED'): string | undefined => (sepa?.structured === true ? sepa.values[name] : undefined);
  const pick = (column: number, fromKeyword: string | undefined): string | null =>
    (column >= 0 ? reference(cell(column)) : null) ?? (fromKeyword === undefined ? null : reference(fromKeyword));
  if (col.endToEndId >= 0 || sepa !== null) t.endToEndId = pick(col.endToEndId, keyword('EREF'));
  if (col.mandateReference >= 0 || sepa !== null) t.mandateReference = pick(col.mandateReference, keyword('MREF'));
  if (col.creditorId >= 0 || sepa !== null) t.creditorId = pick(col.creditorId, keyword('CRED'));
  if (col.counterpartyBic >= 0) t.counterpartyBic = reference(cell(col.counterpartyBic))?.toUpperCase() ?? null;
}

/** The signed amount, from one signed column, a debit/credit column pair, or an unsigned column plus an S/H marker. */
function readAmount(
  ctx: RowContext,
  cell: (index: number) => string,
  currency: string,
  report: Report,
): { minor: number; currency?: string } | null {
  const gross = readGrossAmount(ctx, cell, currency, report);
  const { columns: col, profile } = ctx;
  if (gross === null || col.fee < 0 || isBlank(cell(col.fee))) return gross;
  const format = { decimalSeparator: profile.decimalSeparator, thousandsSeparator: profile.thousandsSeparator, currency };
  const fee = parseAmount(cell(col.fee), format);
  if (!fee.ok) {
    report(col.fee, 'fee', `fee ${fee.message}`);
    return null;
  }
  const minor = gross.minor - Math.abs(fee.minor);
  return { ...gross, minor: minor === 0 ? 0 : minor };
}

function readGrossAmount(
  ctx: RowContext,
  cell: (index: number) => string,
  currency: string,
  report: Report,
): { minor: number; currency?: string } | null {
  const { profile, columns: col } = ctx;
  const format = { decimalSeparator: profile.decimalSeparator, thousandsSeparator: profile.thousandsSeparator, currency };
  const read = (index: number, field: string): (AmountResult & { ok: true }) | null => {
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

  // Debit (Soll / Belastung) and credit (Haben / Gutschrift) columns: banks write debits with or without a minus, so a
  // debit is always money out. A credit with a minus is a reversal (UBS writes "Gutschrift -1'100.00"): it keeps its sign.
  const debitText = cell(col.debit).trim();
  const creditText = cell(col.credit).trim();
  const debit = debitText === '' ? null : read(col.debit, 'debit');
  const credit = creditText === '' ? null : read(col.credit, 'credit');
  if ((debitText !== '' && debit === null) || (creditText !== '' && credit === null)) return null;
  // (A line with neither is no booking: readCsvRow has dealt with it before.)
  const debitMinor = debit === null ? 0 : Math.abs(debit.minor);
  const creditMinor = credit === null ? 0 : credit.minor;
  if (debitMinor !== 0 && creditMinor !== 0) {
    report(col.credit, 'credit', 'both debit and credit hold an amount');
    return null;
  }
  const source = debitMinor !== 0 ? debit : (credit ?? debit);
  const minor = debitMinor !== 0 ? -debitMinor : creditMinor;
  return source?.currency === undefined ? { minor } : { minor, currency: source.currency };
}
