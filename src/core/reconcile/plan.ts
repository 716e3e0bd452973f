/**
 * Processing one bank transaction (Abgleich): which invoices it pays, which payment orders it executes, which bookings of
 * the case ledger it makes (one, or several parts of a split), which case labels change. `planReconciliation` checks a
 * request against the books and answers with a plan — every cell to change — or with the reason it must be refused;
 * it changes nothing itself, so a refused request leaves no trace and the server can write a plan in whole ranges.
 */
import { emptyAccountingData, type AccountingData, type Prefilled } from '../accounting/fields';
import { prefillBooking, type AccountingProposal } from '../accounting/prefill';
import { taxAmountFor } from '../accounting/tax';
import { printIban } from '../iban/iban';
import { formatMinor } from '../money/amount';
import { BOOKING_TYPE_WORDS, directionOf, typeFits, type BookingType, type Direction } from '../tables/booking-types';
import { bookingId, type BookingRow } from '../tables/bookings';
import type { InvoiceRow } from '../tables/invoices';
import type { PaymentRow } from '../tables/payments';
import type { TransactionRecord } from '../tables/transaction-rows';
import { findCase, findContact, findInvoice, findPayment, processedTrace, type Books } from './books';
import { chosenAccounting } from './split';

export interface BookingRequest {
  type: BookingType;
  /** Positive: the part of the transaction's amount; the booking gets the transaction's sign. */
  amountMinor: number;
  caseId: string | null;
  contactId: string | null;
  invoiceNumber: string | null;
  paymentNumber: string | null;
  description: string;
  /** Its accounting data as the user left it; absent: what rules and learning propose. */
  accounting?: AccountingData | undefined;
}

export interface LabelChange {
  caseId: string;
  add: string[];
  remove: string[];
}

export interface ReconcileRequest {
  markInvoicesPaid: string[];
  markPaymentsExecuted: string[];
  bookings: BookingRequest[];
  labels: LabelChange[];
}

/** Who acts: the user's email, and `manual` or the automatic run's id (written as the bookings' source). */
export interface Actor {
  by: string;
  source: string;
}

type Row<T> = T & { row: number };

export interface InvoiceChange {
  row: number;
  number: string;
  status: InvoiceRow['status'];
  paidOn: string | null;
  paidBy: string;
}

export interface PaymentChange {
  row: number;
  number: string;
  status: PaymentRow['status'];
  executedOn: string | null;
  executedBy: string;
}

export interface LabelsChange {
  row: number;
  caseId: string;
  before: string[];
  after: string[];
}

/** What an undo needs that the sheets will no longer show. Kept as JSON in the "Log" sheet. */
export interface UndoData {
  invoices: Array<{ number: string; status: InvoiceRow['status']; paidOn: string | null; paidBy: string }>;
  payments: Array<{ number: string; status: PaymentRow['status']; executedOn: string | null; executedBy: string }>;
  labels: Array<{ caseId: string; before: string[]; after: string[] }>;
  bookings: string[];
}

export interface ReconcilePlan {
  transaction: Row<TransactionRecord>;
  invoices: InvoiceChange[];
  payments: PaymentChange[];
  /** New rows of the "Bookings" sheet; `createdAt` is left to the server, which writes the platform's own instant. */
  bookings: BookingRow[];
  labels: LabelsChange[];
  /** In words, for the "Processed as" cell and the log: `RE-2026-0138 paid; B-00003 income 4165.00 EUR`. */
  summary: string;
  undo: UndoData;
}

export type PlanResult = { ok: true; plan: ReconcilePlan } | { ok: false; message: string };

const refuse = (message: string): PlanResult => ({ ok: false, message });

/** "Name, IBAN: purpose" — what a booking's description starts with (parts that are missing are left out). */
export function bookingDescription(t: Pick<TransactionRecord, 'counterpartyName' | 'counterpartyIban' | 'purpose'>): string {
  const iban = t.counterpartyIban === null || t.counterpartyIban === '' ? '' : printIban(t.counterpartyIban);
  const who = [t.counterpartyName.trim(), iban].filter((part) => part !== '').join(', ');
  const purpose = t.purpose.trim();
  return (who === '' ? purpose : purpose === '' ? who : `${who}: ${purpose}`).slice(0, 2000);
}

/** A booking's accounting data: the user's, where the sidebar sent it (see `chosenAccounting`), else the proposal itself. */
function accountingOf(
  chosen: AccountingData | undefined,
  proposal: AccountingProposal,
): { ok: true; data: AccountingData; prefilled: Prefilled } | { ok: false; message: string } {
  if (chosen !== undefined) return chosenAccounting(chosen, proposal.prefilled);
  const filled = prefillBooking(emptyAccountingData(), {}, proposal);
  return { ok: true, data: filled.data, prefilled: filled.prefilled };
}

/** Labels compared without case; the first spelling stays. */
function applyLabels(before: readonly string[], add: readonly string[], remove: readonly string[]): string[] {
  const removed = new Set(remove.map((l) => l.trim().toLowerCase()));
  const after = before.filter((l) => !removed.has(l.trim().toLowerCase()));
  for (const label of add) {
    const text = label.trim();
    if (text !== '' && !after.some((l) => l.trim().toLowerCase() === text.toLowerCase())) after.push(text);
  }
  return after;
}

const unique = (values: readonly string[]): string[] => {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = v.trim().toUpperCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

/**
 * Checks `request` for the transaction `key` and plans it. `nextNumber` is the number the first new booking gets
 * (`B-00042`); the caller knows the highest one in the sheet. Refused: a processed transaction, a direction that does not
 * fit (an invoice is paid by money coming in), an invoice or payment order that is not open, parts that do not add up
 * to the transaction, a case, contact or number that does not exist, a request with nothing to do.
 */
export function planReconciliation(
  books: Books,
  key: string,
  request: ReconcileRequest,
  actor: Actor,
  nextNumber: number,
  proposal: AccountingProposal = { values: {}, prefilled: {} },
): PlanResult {
  const t = books.transactions.find((candidate) => candidate.key === key);
  if (t === undefined) return refuse(`There is no transaction "${key}" in the Transactions sheet (any more).`);
  const trace = processedTrace(books, key);
  if (trace !== null) return refuse(`This transaction was already processed${trace.by === '' ? '' : ` by ${trace.by}`}${trace.at === '' ? '' : ` at ${trace.at}`}.`);
  if (t.amountMinor === 0) return refuse('A transaction of 0.00 cannot be booked.');
  const direction: Direction = directionOf(t.amountMinor);
  const total = Math.abs(t.amountMinor);
  const money = (minor: number): string => `${formatMinor(minor, t.currency)} ${t.currency}`;

  const invoiceNumbers = unique(request.markInvoicesPaid);
  const paymentNumbers = unique(request.markPaymentsExecuted);
  if (invoiceNumbers.length === 0 && paymentNumbers.length === 0 && request.bookings.length === 0) {
    return refuse('Choose at least one action: mark an invoice paid, mark a payment order executed, or create a booking.');
  }
  if (direction === 'out' && invoiceNumbers.length > 0) return refuse('Money going out cannot pay an invoice of ours: mark a payment order executed instead.');
  if (direction === 'in' && paymentNumbers.length > 0) return refuse('Money coming in cannot execute a payment order: mark an invoice paid instead.');

  const invoices: InvoiceChange[] = [];
  const undoInvoices: UndoData['invoices'] = [];
  for (const number of invoiceNumbers) {
    const invoice = findInvoice(books, number);
    if (invoice === undefined) return refuse(`There is no invoice ${number} in the Invoices sheet.`);
    if (invoice.status === 'paid') return refuse(`Invoice ${invoice.number} is already paid${invoice.paidOn === null ? '' : ` (on ${invoice.paidOn})`}.`);
    if (invoice.status === 'cancelled') return refuse(`Invoice ${invoice.number} is cancelled.`);
    if (invoice.currency !== t.currency) return refuse(`Invoice ${invoice.number} is in ${invoice.currency}, the transaction in ${t.currency}.`);
    invoices.push({ row: invoice.row, number: invoice.number, status: 'paid', paidOn: t.bookingDate, paidBy: key });
    undoInvoices.push({ number: invoice.number, status: invoice.status, paidOn: invoice.paidOn, paidBy: invoice.paidBy });
  }

  const payments: PaymentChange[] = [];
  const undoPayments: UndoData['payments'] = [];
  for (const number of paymentNumbers) {
    const payment = findPayment(books, number);
    if (payment === undefined) return refuse(`There is no payment order ${number} in the Payments sheet.`);
    if (payment.status === 'executed') return refuse(`Payment order ${payment.number} is already executed${payment.executedOn === null ? '' : ` (on ${payment.executedOn})`}.`);
    if (payment.currency !== t.currency) return refuse(`Payment order ${payment.number} is in ${payment.currency}, the transaction in ${t.currency}.`);
    payments.push({ row: payment.row, number: payment.number, status: 'executed', executedOn: t.bookingDate, executedBy: key });
    undoPayments.push({ number: payment.number, status: payment.status, executedOn: payment.executedOn, executedBy: payment.executedBy });
  }

  const bookings: BookingRow[] = [];
  if (request.bookings.length > 0) {
    const sum = request.bookings.reduce((s, b) => s + b.amountMinor, 0);
    if (sum !== total) {
      return refuse(
        request.bookings.length === 1
          ? `The booking's amount (${money(sum)}) must be the transaction's (${money(total)}).`
          : `The parts add up to ${money(sum)}, the transaction is ${money(total)}: ${money(Math.abs(total - sum))} ${sum < total ? 'missing' : 'too much'}.`,
      );
    }
    const sign = direction === 'out' ? -1 : 1;
    for (const [i, b] of request.bookings.entries()) {
      const part = request.bookings.length === 1 ? 'The booking' : `Part ${i + 1}`;
      if (!Number.isSafeInteger(b.amountMinor) || b.amountMinor <= 0) return refuse(`${part}: the amount must be more than 0.`);
      if (!typeFits(b.type, direction)) {
        return refuse(`${part}: "${BOOKING_TYPE_WORDS[b.type]}" does not fit money ${direction === 'in' ? 'coming in' : 'going out'}.`);
      }
      const theCase = b.caseId === null ? undefined : findCase(books, b.caseId);
      if (b.caseId !== null && theCase === undefined) return refuse(`${part}: there is no case ${b.caseId} in the Cases sheet.`);
      if (b.contactId !== null) {
        if (findContact(books, b.contactId) === undefined) return refuse(`${part}: there is no contact ${b.contactId} in the Contacts sheet.`);
        if (theCase !== undefined && !theCase.contactIds.some((id) => id.toUpperCase() === b.contactId!.toUpperCase())) {
          return refuse(`${part}: contact ${b.contactId} is not a party of case ${theCase.id}.`);
        }
      }
      const invoice = b.invoiceNumber === null ? undefined : findInvoice(books, b.invoiceNumber);
      if (b.invoiceNumber !== null && invoice === undefined) return refuse(`${part}: there is no invoice ${b.invoiceNumber} in the Invoices sheet.`);
      const payment = b.paymentNumber === null ? undefined : findPayment(books, b.paymentNumber);
      if (b.paymentNumber !== null && payment === undefined) return refuse(`${part}: there is no payment order ${b.paymentNumber} in the Payments sheet.`);
      const description = b.description.trim() === '' ? bookingDescription(t) : b.description.trim();
      const accounting = accountingOf(b.accounting, proposal);
      if (!accounting.ok) return refuse(`${part}: ${accounting.message}`);
      const signed = sign * b.amountMinor;
      bookings.push({
        id: bookingId(nextNumber + i),
        date: t.bookingDate,
        type: b.type,
        amountMinor: signed,
        currency: t.currency,
        description,
        accounting: accounting.data,
        taxAmountMinor: taxAmountFor(signed, accounting.data.taxRate),
        prefilled: accounting.prefilled,
        case: theCase?.id ?? '',
        contact: b.contactId === null ? '' : (findContact(books, b.contactId)?.id ?? b.contactId),
        invoice: invoice?.number ?? '',
        payment: payment?.number ?? '',
        transaction: key,
        createdAt: '',
        createdBy: actor.by,
        source: actor.source,
        exportedTo: '',
        exportId: '',
        exportedAt: '',
        exportedBy: '',
        exportStatus: '',
      });
    }
  }

  const labels: LabelsChange[] = [];
  for (const change of request.labels) {
    const theCase = findCase(books, change.caseId);
    if (theCase === undefined) return refuse(`There is no case ${change.caseId} in the Cases sheet.`);
    const before = labels.find((l) => l.row === theCase.row)?.after ?? theCase.labels;
    const after = applyLabels(before, change.add, change.remove);
    const existing = labels.find((l) => l.row === theCase.row);
    if (existing !== undefined) existing.after = after;
    else if (after.join('\n') !== before.join('\n')) labels.push({ row: theCase.row, caseId: theCase.id, before: [...theCase.labels], after });
  }

  const summary = [
    ...invoices.map((i) => `${i.number} paid`),
    ...payments.map((p) => `${p.number} executed`),
    ...bookings.map((b) => `${b.id} ${BOOKING_TYPE_WORDS[b.type]} ${money(Math.abs(b.amountMinor))}${b.case === '' ? '' : ` (case ${b.case})`}`),
    ...labels.map((l) => `labels of ${l.caseId}: ${l.after.join(', ') || '(none)'}`),
  ].join('; ');

  return {
    ok: true,
    plan: {
      transaction: t,
      invoices,
      payments,
      bookings,
      labels,
      summary,
      undo: {
        invoices: undoInvoices,
        payments: undoPayments,
        labels: labels.map((l) => ({ caseId: l.caseId, before: l.before, after: l.after })),
        bookings: bookings.map((b) => b.id),
      },
    },
  };
}
