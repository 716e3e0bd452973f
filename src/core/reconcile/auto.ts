/**
 * What an automatic run does with one transaction: only a sure (`auto`) match is booked — the invoices it names are
 * marked paid (money in) or the payment orders executed (money out), and a booking is made per item. Everything else is
 * left for a person, with the criterion that failed.
 */
import type { MatchResult } from '../matching/types';
import type { RunOutcome } from '../tables/reconcile-columns';
import type { TransactionRecord } from '../tables/transaction-rows';
import { directionOf } from '../tables/booking-types';
import { findCase, findInvoice, findPayment, type Books } from './books';
import { bookingDescription, type BookingRequest, type ReconcileRequest } from './plan';

export type AutoDecision = { outcome: 'booked'; request: ReconcileRequest } | { outcome: Exclude<RunOutcome, 'booked'>; reason: string };

/**
 * `taken`: numbers an earlier transaction of the same run has already settled (upper case); such a match goes to review,
 * since one invoice cannot be paid twice.
 */
export function decideAutomatically(t: TransactionRecord, result: MatchResult, books: Books, taken: ReadonlySet<string>): AutoDecision {
  if (result.status === 'none') return { outcome: 'none', reason: result.reason };
  if (result.status === 'review') return { outcome: 'review', reason: result.reason };
  const direction = directionOf(t.amountMinor);
  const numbered = result.matches.filter((m) => m.number !== null);
  const already = numbered.find((m) => taken.has(m.number!.toUpperCase()));
  if (already !== undefined) return { outcome: 'review', reason: `${already.number} was already settled by another transaction of this run` };
  const invoices = numbered.filter((m) => m.kind === 'invoice').map((m) => findInvoice(books, m.number!)).filter((i) => i !== undefined);
  const payments = numbered.filter((m) => m.kind === 'payment').map((m) => findPayment(books, m.number!)).filter((p) => p !== undefined);
  if (direction === 'in' ? invoices.length === 0 || payments.length > 0 : payments.length === 0 || invoices.length > 0) {
    return { outcome: 'review', reason: `${result.reason}; no open ${direction === 'in' ? 'invoice' : 'payment order'} to settle` };
  }
  const total = Math.abs(t.amountMinor);
  const description = bookingDescription(t);
  const items = direction === 'in' ? invoices.map((i) => ({ amountMinor: i.amountMinor, caseId: i.case, contactId: i.contact, invoice: i.number, payment: null })) : payments.map((p) => ({ amountMinor: Math.abs(p.amountMinor), caseId: p.case, contactId: '', invoice: null, payment: p.number }));
  // One booking per item where the items add up to the transaction (a transfer paying two invoices); else one booking
  // for the whole amount (a payment within tolerance: the bank amount is what was booked).
  const perItem = items.length > 1 && items.reduce((s, i) => s + i.amountMinor, 0) === total;
  const parts = perItem ? items : [{ ...items[0]!, amountMinor: total }];
  const bookings: BookingRequest[] = parts.map((item) => {
    const theCase = item.caseId === '' ? undefined : findCase(books, item.caseId);
    const contactFits = item.contactId !== '' && (theCase === undefined || theCase.contactIds.some((id) => id.toUpperCase() === item.contactId.toUpperCase()));
    return {
      type: direction === 'in' ? 'income' : 'expense',
      amountMinor: item.amountMinor,
      caseId: theCase?.id ?? null,
      contactId: contactFits && books.contacts.some((c) => c.id.toUpperCase() === item.contactId.toUpperCase()) ? item.contactId : null,
      invoiceNumber: item.invoice,
      paymentNumber: item.payment,
      description,
    };
  });
  return {
    outcome: 'booked',
    request: {
      markInvoicesPaid: invoices.map((i) => i.number),
      markPaymentsExecuted: payments.map((p) => p.number),
      bookings,
      labels: [],
    },
  };
}
