/**
 * What every built-in profile leaves out unless it says otherwise: the optional columns a bank's export does not have.
 * Spread into each profile's `columns`, so every profile still states all its fields (the schema adds nothing).
 */
import type { CsvProfile } from '../profile';

type OptionalColumn =
  | 'valueDate' | 'counterpartyIban' | 'amount' | 'debit' | 'credit' | 'currency' | 'bookingType' | 'account'
  | 'counterpartyNameIncoming' | 'counterpartyBic' | 'endToEndId' | 'mandateReference' | 'creditorId' | 'fee';

export const NO_COLUMNS: Pick<CsvProfile['columns'], OptionalColumn> = {
  valueDate: -1,
  counterpartyIban: -1,
  amount: -1,
  debit: -1,
  credit: -1,
  currency: -1,
  bookingType: -1,
  account: -1,
  counterpartyNameIncoming: -1,
  counterpartyBic: -1,
  endToEndId: -1,
  mandateReference: -1,
  creditorId: -1,
  fee: -1,
};

/** A column that goes by several names (languages, export versions): the first the file has. */
export const anyOf = (...names: string[]): { anyOf: string[]; occurrence: 'first' } => ({ anyOf: names, occurrence: 'first' });
