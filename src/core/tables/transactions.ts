/**
 * The "Transactions" sheet: one row per imported bank transaction.
 *
 * Later work (matching, reconciliation) adds columns to this spec; the table adapter appends missing headers, so existing
 * workbooks grow with it.
 */
import type { Transaction } from '../transaction';
import { toSerialDay } from '../calendar/date';
import { minorToDecimal } from '../money/currency';
import type { TableSpec } from './table';
import { matchColumns } from './match-columns';
import { reconcileColumns } from './reconcile-columns';

export const transactionsTable = {
  sheetName: 'Transactions',
  columns: [
    { key: 'bookingDate', header: 'Booking date', kind: 'date' },
    { key: 'valueDate', header: 'Value date', kind: 'date' },
    { key: 'counterpartyName', header: 'Counterparty', kind: 'text' },
    { key: 'counterpartyIban', header: 'IBAN', kind: 'text' },
    { key: 'purpose', header: 'Purpose', kind: 'text' },
    { key: 'amount', header: 'Amount', kind: 'amount' },
    { key: 'currency', header: 'Currency', kind: 'text' },
    { key: 'bookingType', header: 'Booking type', kind: 'text' },
    // SEPA references (where the statement carries them): what matching and the bookkeeper look for after the purpose.
    { key: 'endToEndId', header: 'End-to-end ID', kind: 'text' },
    { key: 'mandateReference', header: 'Mandate reference', kind: 'text' },
    { key: 'creditorId', header: 'Creditor ID', kind: 'text' },
    { key: 'counterpartyBic', header: 'BIC', kind: 'text' },
    { key: 'account', header: 'Account', kind: 'text' },
    { key: 'fingerprint', header: 'Fingerprint', kind: 'text' },
    { key: 'importFile', header: 'Import file', kind: 'text' },
    { key: 'importedAt', header: 'Imported at', kind: 'timestamp' },
    { key: 'importedBy', header: 'Imported by', kind: 'text' },
    // What matching found (see match-columns.ts); the import leaves them blank.
    ...matchColumns,
    // Who processed it, when and how; what an automatic run decided (see reconcile-columns.ts).
    ...reconcileColumns,
  ],
} as const satisfies TableSpec;

export interface ImportStamp {
  account: string | null;
  fileName: string;
  /** The moment of import, as the platform's own instant (a `Date` in Apps Script), written as it is. */
  importedAt: unknown;
  importedBy: string;
}

/**
 * Cell values of one transaction, by column key. Dates become serial day numbers (no time zone can move a serial day),
 * amounts decimal numbers in the currency's unit, text stays text (the text columns are formatted `@`).
 */
export function transactionCells(t: Transaction, stamp: ImportStamp): Record<string, unknown> {
  return {
    bookingDate: toSerialDay(t.bookingDate),
    valueDate: t.valueDate === null ? '' : toSerialDay(t.valueDate),
    counterpartyName: t.counterpartyName,
    counterpartyIban: t.counterpartyIban ?? '',
    purpose: t.purpose,
    amount: minorToDecimal(t.amountMinor, t.currency),
    currency: t.currency,
    bookingType: t.bookingType ?? '',
    endToEndId: t.endToEndId ?? '',
    mandateReference: t.mandateReference ?? '',
    creditorId: t.creditorId ?? '',
    counterpartyBic: t.counterpartyBic ?? '',
    account: stamp.account ?? '',
    fingerprint: t.fingerprint,
    importFile: stamp.fileName,
    importedAt: stamp.importedAt,
    importedBy: stamp.importedBy,
  };
}
