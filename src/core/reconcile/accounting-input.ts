/**
 * The books seen the way pre-accounting looks at them: each transaction as the rules read it, each booking as auto-fill
 * and learning read it — built once per call, so that 10,000 bookings are not joined to their transactions over and over.
 */
import type { AutoFillBooking } from '../accounting/prefill';
import type { RuleTransaction } from '../accounting/rules';
import type { BookingRow } from '../tables/bookings';
import type { TransactionRecord } from '../tables/transaction-rows';
import type { Books } from './books';

export function ruleTransactionOf(t: TransactionRecord): RuleTransaction {
  return {
    counterpartyName: t.counterpartyName,
    counterpartyIban: t.counterpartyIban,
    purpose: t.purpose,
    amountMinor: t.amountMinor,
    account: t.account,
  };
}

export function autoFillBookingOf(b: BookingRow & { row: number }): AutoFillBooking {
  return {
    row: b.row,
    id: b.id,
    date: b.date,
    amountMinor: b.amountMinor,
    transaction: b.transaction,
    exportedTo: b.exportedTo,
    data: b.accounting,
    prefilled: b.prefilled,
    taxAmountMinor: b.taxAmountMinor,
  };
}

/** Every transaction by its key (fingerprint or `row N`), as the rules read it. */
export function ruleTransactions(books: Pick<Books, 'transactions'>): Map<string, RuleTransaction> {
  return new Map(books.transactions.map((t) => [t.key, ruleTransactionOf(t)]));
}
