/**
 * The workbook as reconciliation sees it: every table read once, as records with their sheet rows. The server reads it
 * under the document lock, the planners here decide on it, the server writes their plans back in whole ranges.
 */
import type { BookingRow } from '../tables/bookings';
import type { CaseRow } from '../tables/cases';
import type { ContactRow } from '../tables/contacts';
import type { InvoiceRow } from '../tables/invoices';
import type { PaymentRow } from '../tables/payments';
import type { TransactionRecord } from '../tables/transaction-rows';

type Rows<T> = Array<T & { row: number }>;

export interface Books {
  transactions: Rows<TransactionRecord>;
  invoices: Rows<InvoiceRow>;
  payments: Rows<PaymentRow>;
  contacts: Rows<ContactRow>;
  cases: Rows<CaseRow>;
  bookings: Rows<BookingRow>;
}

const same = (a: string, b: string): boolean => a.trim().toUpperCase() === b.trim().toUpperCase();

export function findTransaction(books: Books, key: string): (TransactionRecord & { row: number }) | undefined {
  return books.transactions.find((t) => t.key === key);
}

export function findInvoice(books: Books, number: string): (InvoiceRow & { row: number }) | undefined {
  return books.invoices.find((i) => same(i.number, number));
}

export function findPayment(books: Books, number: string): (PaymentRow & { row: number }) | undefined {
  return books.payments.find((p) => same(p.number, number));
}

export function findCase(books: Books, id: string): (CaseRow & { row: number }) | undefined {
  return books.cases.find((c) => same(c.id, id));
}

export function findContact(books: Books, id: string): (ContactRow & { row: number }) | undefined {
  return books.contacts.find((c) => same(c.id, id));
}

export function bookingsOf(books: Books, key: string): Rows<BookingRow> {
  return books.bookings.filter((b) => b.transaction === key);
}

/** What shows that a transaction has been processed, and by whom; null while it is open. */
export interface ProcessedTrace {
  by: string;
  at: string;
  summary: string;
  run: string;
  bookings: Rows<BookingRow>;
}

/**
 * A transaction is processed when its row names who processed it — or when any booking, paid invoice or executed payment
 * order names it. The second half matters after an execution died between writing a booking and marking the row: the
 * transaction must still count as processed, or it would be booked twice.
 */
export function processedTrace(books: Books, key: string): ProcessedTrace | null {
  const t = findTransaction(books, key);
  const bookings = bookingsOf(books, key);
  const paid = books.invoices.filter((i) => i.paidBy === key);
  const executed = books.payments.filter((p) => p.executedBy === key);
  if ((t === undefined || t.processedBy === '') && bookings.length === 0 && paid.length === 0 && executed.length === 0) return null;
  const first = bookings[0];
  const run = t?.autoRun !== undefined && t.autoRun !== '' && t.runOutcome === 'booked' ? t.autoRun : first !== undefined && first.source !== 'manual' ? first.source : '';
  return {
    by: t?.processedBy || first?.createdBy || '',
    at: t?.processedAt || first?.createdAt || '',
    summary:
      t?.processedAs ||
      [...paid.map((i) => `${i.number} paid`), ...executed.map((p) => `${p.number} executed`), ...bookings.map((b) => b.id)].join('; '),
    run,
    bookings,
  };
}
