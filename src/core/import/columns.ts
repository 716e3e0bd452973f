/**
 * Profile column references (index, -1 or header text) → column indexes of one file.
 */
import type { ColumnRef, CsvProfile } from '../profiles/profile';
import { StatementFileError } from '../transaction';

export interface ResolvedColumns {
  bookingDate: number;
  valueDate: number;
  counterpartyName: number;
  counterpartyIban: number;
  purpose: number[];
  amount: number;
  debit: number;
  credit: number;
  currency: number;
  bookingType: number;
  account: number;
  marker: { column: number; debitValues: string[]; creditValues: string[] } | null;
  skipRules: Array<{ column: number; test: (cell: string) => boolean; reason: string }>;
  /** The highest index used: a row must have at least this many + 1 cells. */
  highest: number;
}

const headerKey = (s: string): string => s.replace(/^\ufeff/, '').trim().toLowerCase();

/**
 * `header` is null for files without a header line. A required column that is not in the header stops the import (the
 * profile does not fit the file); an optional one (value date, IBAN, currency, booking text, own account) is then absent.
 */
export function resolveColumns(profile: CsvProfile, header: string[] | null, fileName: string, headerLine: number): ResolvedColumns {
  const keys = header?.map(headerKey) ?? null;
  const find = (ref: ColumnRef, field: string, required: boolean): number => {
    if (typeof ref === 'number') {
      if (ref !== -1 && header !== null && ref >= header.length) {
        throw new StatementFileError(
          fileName,
          `the profile "${profile.name}" reads ${field} from column ${ref}, but the header (line ${headerLine}) has only ${header.length} columns (0–${header.length - 1})`,
        );
      }
      return ref;
    }
    const index = keys === null ? -1 : keys.indexOf(headerKey(ref));
    if (index === -1 && required) {
      const seen = (header ?? []).map((h) => `"${h.trim()}"`).join(', ');
      throw new StatementFileError(
        fileName,
        `has no column "${ref}" (needed for ${field} by the profile "${profile.name}"); the header in line ${headerLine} has ${seen}`,
      );
    }
    return index;
  };
  const c = profile.columns;
  const amountRequired = c.amount !== -1;
  const resolved: Omit<ResolvedColumns, 'highest'> = {
    bookingDate: find(c.bookingDate, 'bookingDate', true),
    valueDate: find(c.valueDate, 'valueDate', false),
    counterpartyName: find(c.counterpartyName, 'counterpartyName', true),
    counterpartyIban: find(c.counterpartyIban, 'counterpartyIban', false),
    purpose: (Array.isArray(c.purpose) ? c.purpose : [c.purpose]).map((ref) => find(ref, 'purpose', true)),
    amount: find(c.amount, 'amount', amountRequired),
    debit: find(c.debit, 'debit', !amountRequired),
    credit: find(c.credit, 'credit', !amountRequired),
    currency: find(c.currency, 'currency', false),
    bookingType: find(c.bookingType, 'bookingType', false),
    account: find(c.account, 'account', false),
    marker:
      c.debitCreditMarker === undefined
        ? null
        : {
            column: find(c.debitCreditMarker.column, 'debitCreditMarker', true),
            debitValues: c.debitCreditMarker.debitValues.map(headerKey),
            creditValues: c.debitCreditMarker.creditValues.map(headerKey),
          },
    // A rule the file cannot be checked against must stop the import: silently importing pending bookings is worse.
    skipRules: profile.skipRowsWhere.map((rule) => {
      const column = find(rule.column, 'skipRowsWhere', true);
      const test = skipTest(rule);
      return { column, test, reason: rule.reason };
    }),
  };
  const all = [
    resolved.bookingDate, resolved.valueDate, resolved.counterpartyName, resolved.counterpartyIban, ...resolved.purpose,
    resolved.amount, resolved.debit, resolved.credit, resolved.currency, resolved.bookingType, resolved.account,
    resolved.marker?.column ?? -1, ...resolved.skipRules.map((r) => r.column),
  ];
  return { ...resolved, highest: Math.max(...all) };
}

function skipTest(rule: CsvProfile['skipRowsWhere'][number]): (cell: string) => boolean {
  if (rule.equals !== undefined) {
    const want = headerKey(rule.equals);
    return (cell) => headerKey(cell) === want;
  }
  if (rule.notEquals !== undefined) {
    const want = headerKey(rule.notEquals);
    return (cell) => headerKey(cell) !== want;
  }
  const regex = new RegExp(rule.matches ?? '', 'i');
  return (cell) => regex.test(cell.trim());
}
