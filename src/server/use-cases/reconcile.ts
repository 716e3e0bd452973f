/**
 * Reconciliation in the sidebar: stepping through the transactions, the proposal for one of them, manual assignment
 * (search, a case's items), processing it in one step, and undo.
 *
 * Reads need no lock (they write nothing). Every change runs under the document lock and decides on the books as read
 * *inside* the lock: two people working in one spreadsheet at once cannot both book the same transaction — the second
 * gets "already processed by …" with the first one's name and time.
 */
import { createMatcher } from '../../core/matching';
import { findCase, findContact, findInvoice, findPayment, findTransaction, processedTrace, type Books } from '../../core/reconcile/books';
import { matcherInput } from '../../core/reconcile/matcher-input';
import { bookingDescription, planReconciliation, type ReconcileRequest } from '../../core/reconcile/plan';
import { parseUndoData, planUndo } from '../../core/reconcile/undo';
import { BOOKING_TYPES_BY_DIRECTION, directionOf } from '../../core/tables/booking-types';
import { nextBookingNumber, type BookingRow } from '../../core/tables/bookings';
import type { CaseRow } from '../../core/tables/cases';
import { amountSeparators } from '../../core/tables/cells';
import type { InvoiceRow } from '../../core/tables/invoices';
import { logTable, readLog } from '../../core/tables/log';
import type { PaymentRow } from '../../core/tables/payments';
import type { TransactionRecord } from '../../core/tables/transaction-rows';
import { parseAmount } from '../../core/money/amount';
import type { BookingDto, InvoiceDto, PaymentDto, RequestOf, ResponseOf } from '../../shared/contract';
import { withDocumentLock } from '../adapters/document-lock';
import type { AppsScriptServices } from '../platform/apps-script-api';
import { instantText, readBooks, readMatchSettings, readTableCells, type OpenBooks } from './books';
import { userEmail } from './import-statement';
import { writePlans, writeUndo } from './ledger';
import { activeOf, missingFor, openAccounting, prefilledList, type AccountingSettings } from './accounting-context';
import { emptyAccountingData } from '../../core/accounting/fields';

/** Search answers at most this many of each kind: more would not be read in a 300 px sidebar. */
const MAX_RESULTS = 20;

type ProcessedDto = NonNullable<ResponseOf<'getTransaction'>['processed']>;

// ---- DTOs ------------------------------------------------------------------------------------------------------------

function contactName(books: Books, id: string): string {
  return id === '' ? '' : (findContact(books, id)?.name ?? '');
}

export function invoiceDto(books: Books, i: InvoiceRow): InvoiceDto {
  return {
    number: i.number, date: i.date, dueDate: i.dueDate, contactId: i.contact, contactName: contactName(books, i.contact),
    caseId: i.case, amountMinor: i.amountMinor, currency: i.currency, status: i.status, paidOn: i.paidOn,
  };
}

export function paymentDto(p: PaymentRow): PaymentDto {
  return { number: p.number, payee: p.payee, iban: p.iban, caseId: p.case, amountMinor: Math.abs(p.amountMinor), currency: p.currency, status: p.status };
}

function caseDto(c: CaseRow) {
  return { id: c.id, name: c.name, status: c.status, labels: c.labels, contactIds: c.contactIds };
}

export function bookingDto(b: BookingRow, settings: AccountingSettings): BookingDto {
  return {
    id: b.id, date: b.date, type: b.type, amountMinor: b.amountMinor, currency: b.currency, description: b.description,
    caseId: b.case, contactId: b.contact, invoiceNumber: b.invoice, paymentNumber: b.payment, exportedTo: b.exportedTo,
    accounting: b.accounting,
    taxAmountMinor: b.taxAmountMinor,
    prefilled: prefilledList(activeOf(b)),
    missing: [{ target: settings.target, fields: missingFor(settings, b) }],
  };
}

function transactionDto(t: TransactionRecord & { row: number }) {
  return {
    key: t.key, row: t.row, bookingDate: t.bookingDate, valueDate: t.valueDate, counterpartyName: t.counterpartyName,
    counterpartyIban: t.counterpartyIban, purpose: t.purpose, amountMinor: t.amountMinor, currency: t.currency,
    bookingType: t.bookingType, direction: directionOf(t.amountMinor), importFile: t.importFile,
  };
}

function processedDto(books: Books, key: string, settings: AccountingSettings): ProcessedDto | null {
  const trace = processedTrace(books, key);
  if (trace === null) return null;
  const exported = trace.bookings.find((b) => b.exportedTo !== '');
  return {
    by: trace.by,
    at: trace.at,
    summary: trace.summary,
    run: trace.run,
    bookings: trace.bookings.map((b) => bookingDto(b, settings)),
    undoable: exported === undefined,
    undoBlockedBy: exported === undefined ? null : `booking ${exported.id} was exported to ${exported.exportedTo}`,
  };
}

/** The cases, their open items and their parties: what a proposal or a chosen case brings into reach. */
function assignableFor(books: Books, caseIds: readonly string[], numbers: readonly string[]): ResponseOf<'getTransaction'>['assignable'] {
  const cases = unique(caseIds.map((id) => findCase(books, id)).filter((c) => c !== undefined));
  const ids = new Set(cases.map((c) => c.id.toUpperCase()));
  const wanted = new Set(numbers.map((n) => n.toUpperCase()));
  const invoices = books.invoices.filter((i) => wanted.has(i.number.toUpperCase()) || (i.status === 'open' && ids.has(i.case.toUpperCase())));
  const payments = books.payments.filter((p) => wanted.has(p.number.toUpperCase()) || (p.status === 'pending' && ids.has(p.case.toUpperCase())));
  const contactIds = new Set([...cases.flatMap((c) => c.contactIds), ...invoices.map((i) => i.contact)].filter((id) => id !== '').map((id) => id.toUpperCase()));
  return {
    cases: cases.map(caseDto),
    invoices: invoices.map((i) => invoiceDto(books, i)),
    payments: payments.map(paymentDto),
    contacts: books.contacts.filter((c) => contactIds.has(c.id.toUpperCase())).map((c) => ({ id: c.id, name: c.name })),
  };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

// ---- reads -----------------------------------------------------------------------------------------------------------

export function reconcileOverview(services: AppsScriptServices, request: RequestOf<'reconcileOverview'>): ResponseOf<'reconcileOverview'> {
  const { books, errors } = readBooks(services, { prepare: false });
  const all = books.transactions.map((t) => ({ key: t.key, processed: processedTrace(books, t.key) !== null, matchStatus: matchStatusOf(t.matchStatus) }));
  const processed = all.filter((i) => i.processed).length;
  const items = request.filter === 'all' ? all : all.filter((i) => i.processed === (request.filter === 'processed'));
  const transactionErrors = errors.filter((e) => e.sheet === 'Transactions').length;
  return {
    total: all.length,
    open: all.length - processed,
    processed,
    items,
    errorCount: transactionErrors,
    message:
      all.length === 0
        ? 'There are no transactions yet: import a bank statement first.'
        : `${all.length} transaction(s), ${all.length - processed} open.` + (transactionErrors > 0 ? ` ${transactionErrors} unreadable cell(s) left out.` : ''),
  };
}

function matchStatusOf(text: string): 'auto' | 'review' | 'none' | '' {
  return text === 'auto' || text === 'review' || text === 'none' ? text : '';
}

export function getTransaction(services: AppsScriptServices, request: RequestOf<'getTransaction'>): ResponseOf<'getTransaction'> {
  const open = readBooks(services, { prepare: false });
  const { books } = open;
  const t = findTransaction(books, request.key);
  if (t === undefined) throw new Error(`There is no transaction "${request.key}" in the Transactions sheet (any more). Reload the list.`);
  // The proposal is made now, from the books as they are: an invoice paid since the last "Match transactions" no longer counts.
  const result = createMatcher(matcherInput(books, readMatchSettings(services))).match({
    fingerprint: t.key, amountMinor: t.amountMinor, currency: t.currency, purpose: t.purpose,
    counterpartyName: t.counterpartyName, counterpartyIban: t.counterpartyIban,
  });
  const caseIds = result.matches.map((m) => m.caseId ?? (m.number === null ? null : (findInvoice(books, m.number)?.case ?? findPayment(books, m.number)?.case ?? null))).filter((id): id is string => id !== null && id !== '');
  const numbers = result.matches.map((m) => m.number).filter((n): n is string => n !== null);
  const accounting = openAccounting(services, open);
  const proposed = accounting.propose(t);
  return {
    transaction: transactionDto(t),
    proposal: {
      status: result.status,
      reason: result.reason,
      matches: result.matches.map((m) => ({
        number: m.number, kind: m.kind ?? null, caseId: m.caseId, contactId: m.contactId ?? null, method: m.method,
        score: Math.round(m.score * 1000) / 1000, amountCheck: m.amountCheck ?? null,
      })),
    },
    assignable: assignableFor(books, caseIds, numbers),
    bookingTypes: [...BOOKING_TYPES_BY_DIRECTION[directionOf(t.amountMinor)]],
    description: bookingDescription(t),
    processed: processedDto(books, t.key, accounting.settings),
    accounting: { values: { ...emptyAccountingData(), ...proposed.values }, prefilled: prefilledList(proposed.prefilled) },
  };
}

export function searchAssignable(services: AppsScriptServices, request: RequestOf<'searchAssignable'>): ResponseOf<'searchAssignable'> {
  const { books, locale } = readBooks(services, { prepare: false });
  const query = request.query.trim().toLowerCase();
  const has = (...texts: string[]) => texts.some((text) => text.toLowerCase().includes(query));
  // "4165", "4.165,00" or "4,165.00" also find the items of that amount.
  const amount = parseAmount(request.query.trim(), { ...amountSeparators(locale), currency: 'EUR' });
  const amountFits = (minor: number) => amount.ok && Math.abs(minor) === Math.abs(amount.minor);
  const cases = books.cases.filter((c) => has(c.id, c.name, ...c.labels));
  const contacts = books.contacts.filter((c) => has(c.id, c.name, ...c.ibans));
  const contactIds = new Set(contacts.map((c) => c.id.toUpperCase()));
  const invoices = books.invoices.filter((i) => has(i.number, i.case) || contactIds.has(i.contact.toUpperCase()) || amountFits(i.amountMinor));
  const payments = books.payments.filter((p) => has(p.number, p.payee, p.case) || amountFits(p.amountMinor));
  // Open items first: they are what a transaction can still settle.
  const openFirst = <T extends { status: string }>(rows: T[]) => [...rows.filter((r) => r.status === 'open' || r.status === 'pending'), ...rows.filter((r) => r.status !== 'open' && r.status !== 'pending')];
  return {
    cases: [...cases.filter((c) => c.status === 'active'), ...cases.filter((c) => c.status !== 'active')].slice(0, MAX_RESULTS).map(caseDto),
    invoices: openFirst(invoices).slice(0, MAX_RESULTS).map((i) => invoiceDto(books, i)),
    payments: openFirst(payments).slice(0, MAX_RESULTS).map(paymentDto),
    contacts: contacts.slice(0, MAX_RESULTS).map((c) => ({ id: c.id, name: c.name })),
  };
}

export function getCase(services: AppsScriptServices, request: RequestOf<'getCase'>): ResponseOf<'getCase'> {
  const { books } = readBooks(services, { prepare: false });
  const theCase = findCase(books, request.caseId);
  if (theCase === undefined) throw new Error(`There is no case ${request.caseId} in the Cases sheet.`);
  const id = theCase.id.toUpperCase();
  const parties = new Set(theCase.contactIds.map((c) => c.toUpperCase()));
  return {
    case: caseDto(theCase),
    invoices: books.invoices.filter((i) => i.case.toUpperCase() === id && i.status !== 'cancelled').map((i) => invoiceDto(books, i)),
    payments: books.payments.filter((p) => p.case.toUpperCase() === id).map(paymentDto),
    contacts: books.contacts.filter((c) => parties.has(c.id.toUpperCase())).map((c) => ({ id: c.id, name: c.name })),
  };
}

// ---- changes ---------------------------------------------------------------------------------------------------------

export function reconcileTransaction(services: AppsScriptServices, request: RequestOf<'reconcileTransaction'>): ResponseOf<'reconcileTransaction'> {
  const by = userEmail(services);
  return withDocumentLock(services.LockService, () => {
    const open = readBooks(services, { prepare: true });
    const { books } = open;
    const t = findTransaction(books, request.key);
    if (t === undefined) return { status: 'invalid', message: `There is no transaction "${request.key}" in the Transactions sheet (any more). Reload the list.` };
    if (t.amountMinor !== request.seen.amountMinor || t.bookingDate !== request.seen.bookingDate) {
      return { status: 'invalid', message: `The transaction in row ${t.row} has changed since it was shown (date or amount). Reload it and check again.` };
    }
    const trace = processedTrace(books, t.key);
    if (trace !== null) {
      return {
        status: 'already-processed',
        by: trace.by,
        at: trace.at,
        message: `This transaction was already processed by ${trace.by || 'someone'}${trace.at === '' ? '' : ` at ${trace.at}`}. Nothing was booked.`,
      };
    }
    const reconcile: ReconcileRequest = {
      markInvoicesPaid: request.markInvoicesPaid,
      markPaymentsExecuted: request.markPaymentsExecuted,
      bookings: request.bookings,
      labels: request.labels,
    };
    const accounting = openAccounting(services, open);
    const planned = planReconciliation(books, t.key, reconcile, { by, source: 'manual' }, nextBookingNumber(books.bookings.map((b) => b.id)), accounting.propose(t));
    if (!planned.ok) return { status: 'invalid', message: planned.message };
    const at = new Date();
    writePlans(open, [{ plan: planned.plan }], { by, at });
    const bookings = planned.plan.bookings.map((b) => bookingDto(b, accounting.settings));
    return {
      status: 'done',
      processed: {
        by,
        at: instantText(services, open.timeZone, at),
        summary: planned.plan.summary,
        run: '',
        bookings,
        undoable: true,
        undoBlockedBy: null,
      },
      message: `Processed: ${planned.plan.summary}.`,
    };
  });
}

export function undoTransaction(services: AppsScriptServices, request: RequestOf<'undoTransaction'>): ResponseOf<'undoTransaction'> {
  const by = userEmail(services);
  return withDocumentLock(services.LockService, () => {
    const open = readBooks(services, { prepare: true });
    const planned = planUndo(open.books, request.key, latestUndoData(services, open, request.key));
    if (!planned.ok) return { status: 'refused', message: planned.message };
    writeUndo(open, request.key, planned.plan, { by, at: new Date() });
    return { status: 'undone', message: `Undone: ${planned.plan.summary}.` };
  });
}

/** The undo data of the transaction's latest processing that has not been undone yet (the log, read bottom-up). */
function latestUndoData(services: AppsScriptServices, open: OpenBooks, key: string) {
  const log = readLog(readTableCells(services, open.book, logTable, open.timeZone));
  for (let i = log.records.length - 1; i >= 0; i--) {
    const entry = log.records[i]!;
    if (entry.transaction !== key) continue;
    if (entry.action === 'undo') return null;
    if (entry.action === 'reconcile' || entry.action === 'auto') return parseUndoData(entry.undoData);
  }
  return null;
}
