/**
 * Profile column references (index, -1, header text or a choice of header texts) → column indexes of one file.
 */
import { describeColumnRef, requiredColumnRefs, type ColumnRef, type CsvProfile } from '../profiles/profile';
import { StatementFileError } from '../transaction';

export interface ResolvedColumns {
  bookingDate: number;
  valueDate: number;
  counterpartyName: number;
  counterpartyNameIncoming: number;
  counterpartyIban: number;
  counterpartyBic: number;
  purpose: number[];
  amount: number;
  debit: number;
  credit: number;
  fee: number;
  currency: number;
  bookingType: number;
  account: number;
  endToEndId: number;
  mandateReference: number;
  creditorId: number;
  marker: { column: number; debitValues: string[]; creditValues: string[] } | null;
  /**
   * The currency the header names for the amounts ("Belastung EUR", "Gutschrift in CHF"), when the profile names them
   * with `{currency}`; rows without a currency cell are in it.
   */
  headerCurrency: string | null;
  skipRules: Array<{ column: number; test: (cell: string) => boolean; reason: string }>;
  /** The highest index used: a row must have at least this many + 1 cells. */
  highest: number;
}

/** Header texts are compared trimmed, case-insensitively, with runs of spaces as one. */
export const headerKey = (s: string): string => s.replace(/^\ufeff/, '').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * A file that went through a wrong conversion has U+FFFD where an umlaut was ("W�hrung"): it still names the column
 * "Währung", as long as the rest of the text agrees letter by letter.
 */
function sameHeader(key: string, want: string): boolean {
  if (key === want) return true;
  if (key.length !== want.length || !key.includes('\ufffd')) return false;
  for (let i = 0; i < key.length; i++) {
    const k = key.charCodeAt(i);
    const w = want.charCodeAt(i);
    if (k !== w && !(k === 0xfffd && w > 127)) return false;
  }
  return true;
}

const CURRENCY = '{currency}';

/**
 * Whether header cell `key` is the column `want` names; for a name with `{currency}` ("Belastung {currency}"), also the
 * currency code the header puts there.
 */
function matchHeader(key: string, want: string): { currency: string | null } | null {
  const at = want.indexOf(CURRENCY);
  if (at === -1) return sameHeader(key, want) ? { currency: null } : null;
  const prefix = want.slice(0, at);
  const suffix = want.slice(at + CURRENCY.length);
  if (key.length !== prefix.length + 3 + suffix.length || !key.startsWith(prefix) || !key.endsWith(suffix)) return null;
  const code = key.slice(prefix.length, prefix.length + 3);
  return /^[a-z]{3}$/.test(code) ? { currency: code.toUpperCase() } : null;
}

/** The column `ref` names among the header `keys` (already `headerKey`ed): its index (-1: none) and header currency. */
export function matchColumn(ref: ColumnRef, keys: readonly string[]): { index: number; currency: string | null } {
  if (typeof ref === 'number') return { index: ref, currency: null };
  const choices = typeof ref === 'string' ? [ref] : ref.anyOf;
  const last = typeof ref === 'object' && ref.occurrence === 'last';
  for (const choice of choices) {
    const want = headerKey(choice);
    for (let n = 0; n < keys.length; n++) {
      const i = last ? keys.length - 1 - n : n;
      const match = matchHeader(keys[i]!, want);
      if (match !== null) return { index: i, currency: match.currency };
    }
  }
  return { index: -1, currency: null };
}

/** Index of the column `ref` names among the header `keys` (already `headerKey`ed), or -1. */
export function findColumn(ref: ColumnRef, keys: readonly string[]): number {
  return matchColumn(ref, keys).index;
}

/** The required header texts of `profile` that `cells` (a candidate header line) lacks; empty when it fits. */
export function missingRequiredColumns(profile: CsvProfile, cells: readonly string[]): ColumnRef[] {
  const keys = cells.map(headerKey);
  return requiredColumnRefs(profile).filter((ref) => typeof ref !== 'number' && findColumn(ref, keys) === -1);
}

/**
 * `header` is null for files without a header line. A required column that is not in the header stops the import (the
 * profile does not fit the file); an optional one (value date, IBAN, currency, booking text, own account, references)
 * is then absent.
 */
export function resolveColumns(profile: CsvProfile, header: string[] | null, fileName: string, headerLine: number): ResolvedColumns {
  const keys = header?.map(headerKey) ?? null;
  let headerCurrency: string | null = null;
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
    const { index, currency } = keys === null ? { index: -1, currency: null } : matchColumn(ref, keys);
    if (currency !== null) {
      if (headerCurrency !== null && headerCurrency !== currency) {
        throw new StatementFileError(fileName, `the header in line ${headerLine} names two currencies (${headerCurrency}, ${currency}) for the amounts`);
      }
      headerCurrency = currency;
    }
    if (index === -1 && required) {
      const seen = (header ?? []).map((h) => `"${h.trim()}"`).join(', ');
      throw new StatementFileError(
        fileName,
        `has no column ${describeColumnRef(ref)} (needed for ${field} by the profile "${profile.name}"); the header in line ${headerLine} has ${seen}`,
      );
    }
    return index;
  };
  const c = profile.columns;
  const amountRequired = c.amount !== -1;
  const resolved: Omit<ResolvedColumns, 'highest' | 'headerCurrency'> = {
    bookingDate: find(c.bookingDate, 'bookingDate', true),
    valueDate: find(c.valueDate, 'valueDate', false),
    counterpartyName: find(c.counterpartyName, 'counterpartyName', true),
    counterpartyNameIncoming: find(c.counterpartyNameIncoming, 'counterpartyNameIncoming', false),
    counterpartyIban: find(c.counterpartyIban, 'counterpartyIban', false),
    counterpartyBic: find(c.counterpartyBic, 'counterpartyBic', false),
    // The first purpose column must be there; further ones are read where the file has them (Raiffeisen added "Details").
    purpose: (Array.isArray(c.purpose) ? c.purpose : [c.purpose]).map((ref, i) => find(ref, 'purpose', i === 0)).filter((i) => i >= 0),
    amount: find(c.amount, 'amount', amountRequired),
    debit: find(c.debit, 'debit', !amountRequired),
    credit: find(c.credit, 'credit', !amountRequired),
    // A fee column the profile names but the file lacks would silently make every amount too small or too large: required.
    fee: find(c.fee, 'fee', c.fee !== -1),
    currency: find(c.currency, 'currency', false),
    bookingType: find(c.bookingType, 'bookingType', false),
    account: find(c.account, 'account', false),
    endToEndId: find(c.endToEndId, 'endToEndId', false),
    mandateReference: find(c.mandateReference, 'mandateReference', false),
    creditorId: find(c.creditorId, 'creditorId', false),
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
    resolved.bookingDate, resolved.valueDate, resolved.counterpartyName, resolved.counterpartyNameIncoming,
    resolved.counterpartyIban, resolved.counterpartyBic, ...resolved.purpose, resolved.amount, resolved.debit,
    resolved.credit, resolved.fee, resolved.currency, resolved.bookingType, resolved.account, resolved.endToEndId,
    resolved.mandateReference, resolved.creditorId, resolved.marker?.column ?? -1, ...resolved.skipRules.map((r) => r.column),
  ];
  return { ...resolved, headerCurrency, highest: Math.max(...all) };
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
