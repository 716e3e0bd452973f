/**
 * What every statement reader (CSV, MT940, CAMT) returns: the one shape the import use case, the preview and the command
 * line work with, whatever the file's format.
 */
import type { ResolvedEncoding } from '../text/decode';
import type { LineError, Transaction } from '../transaction';

export type StatementFormat = 'csv' | 'mt940' | 'camt';

/** A booking row deliberately left out, e.g. a pending booking; `line` as in the file. */
export interface SkippedLine {
  line: number;
  reason: string;
}

/** A statement file as it arrives: a name (for messages) and its raw bytes (signed or unsigned). */
export interface StatementFile {
  fileName: string;
  bytes: ArrayLike<number>;
}

export interface StatementRead {
  fileName: string;
  format: StatementFormat;
  /** The CSV profile used; null for MT940 and CAMT. */
  profileId: string | null;
  /** The own account (IBAN in electronic format where the file allows it), or null. */
  account: string | null;
  /**
   * First and last day the file covers: the statement's own period where it states one (CAMT `FrToDt`, MT940 balances),
   * else the earliest and latest booking date; null for a file without bookings and without a stated period.
   */
  period: { from: string; to: string } | null;
  /** Booking rows / entries in the file: imported + rejected + skipped. Header, preamble, footer, balances not counted. */
  rowsRead: number;
  /** `line`: where the booking starts in the file (1-based), so that every later message can point at it. */
  transactions: Array<Transaction & { line: number }>;
  /** Bookings that could not be read: one error per rejected booking. */
  errors: LineError[];
  skipped: SkippedLine[];
  /**
   * Problems with the statement as a whole that reject no single booking, e.g. opening balance + entries ≠ closing
   * balance. The user sees them and must confirm before such a file is imported.
   */
  warnings: LineError[];
  encoding: ResolvedEncoding;
}

/** Earliest and latest booking date of the transactions, or null when there are none. */
export function periodOf(transactions: ReadonlyArray<{ bookingDate: string }>): { from: string; to: string } | null {
  if (transactions.length === 0) return null;
  let from = transactions[0]!.bookingDate;
  let to = from;
  for (const t of transactions) {
    if (t.bookingDate < from) from = t.bookingDate;
    if (t.bookingDate > to) to = t.bookingDate;
  }
  return { from, to };
}
