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
  optionalText,
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
