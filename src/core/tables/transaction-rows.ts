/**
 * A row of the "Transactions" sheet read back for matching: the fields the matcher needs, from cells the bookkeeper may
 * have edited (an amount retyped, a row added by hand), so each is checked like any other table's cells.
 */
import * as z from '../schema';
import type { MatchTransaction } from '../matching/types';
import { normaliseIban } from '../iban/iban';
import {
  amountCell,
  currencyCell,
  optionalDate,
  optionalText,
  requiredDate,
  readTableRows,
  withAmountMinor,
  type ReadOptions,
  type TableRead,
} from './cells';
import { transactionsTable } from './transactions';

function transactionSchema(options: ReadOptions): z.ZodMiniType<MatchTransaction> {
  return withAmountMinor(
    z.object({
      fingerprint: optionalText,
      amount: amountCell(options.locale),
      currency: currencyCell(options.defaultCurrency),
      purpose: optionalText,
      counterpartyName: optionalText,
      counterpartyIban: z.pipe(optionalText, z.transform((text: string) => (text === '' ? null : normaliseIban(text)))),
    }),
  );
}

/**
 * Reads the transactions of the sheet (header row first) for matching. A row typed in by hand may lack a fingerprint;
 * it is still matched, under `row N`.
 */
export function readTransactionsForMatching(
  cells: readonly (readonly unknown[])[],
  options: ReadOptions,
): TableRead<MatchTransaction> {
  const read = readTableRows(transactionsTable, cells, transactionSchema(options), ['amount', 'purpose']);
  for (const record of read.records) if (record.fingerprint === '') record.fingerprint = `row ${record.row}`;
  return read;
}

/** A row of the "Transactions" sheet as reconciliation reads it: the bank data and what happened to it. */
export interface TransactionRecord {
  /** The fingerprint, or `row N` for a row typed in by hand without one. */
  key: string;
  fingerprint: string;
  bookingDate: string;
  valueDate: string | null;
  counterpartyName: string;
  counterpartyIban: string | null;
  purpose: string;
  amountMinor: number;
  currency: string;
  bookingType: string;
  /** The statement's own account (an IBAN, or a card number for card statements): what card/account rules look at. */
  account: string;
  importFile: string;
  matchStatus: string;
  processedBy: string;
  /** ISO instant as the server read it, or "". */
  processedAt: string;
  processedAs: string;
  autoRun: string;
  runOutcome: string;
}

function recordSchema(options: ReadOptions): z.ZodMiniType<Omit<TransactionRecord, 'key'>> {
  return withAmountMinor(
    z.object({
      fingerprint: optionalText,
      bookingDate: z.pipe(requiredDate, z.transform((date: string | null) => date ?? '')),
      valueDate: optionalDate,
      counterpartyName: optionalText,
      counterpartyIban: z.pipe(optionalText, z.transform((text: string) => (text === '' ? null : normaliseIban(text) ?? text))),
      purpose: optionalText,
      amount: amountCell(options.locale),
      currency: currencyCell(options.defaultCurrency),
      bookingType: optionalText,
      account: optionalText,
      importFile: optionalText,
      matchStatus: optionalText,
      processedBy: optionalText,
      processedAt: optionalText,
      processedAs: optionalText,
      autoRun: optionalText,
      runOutcome: optionalText,
    }),
  );
}

/** Reads every transaction with its reconciliation columns (header row first); unreadable rows are reported and left out. */
export function readTransactionRecords(cells: readonly (readonly unknown[])[], options: ReadOptions): TableRead<TransactionRecord> {
  const read = readTableRows(transactionsTable, cells, recordSchema(options), ['amount', 'bookingDate']);
  const records = read.records.map((r) => ({ ...r, key: r.fingerprint === '' ? `row ${r.row}` : r.fingerprint }));
  return { ...read, records };
}
