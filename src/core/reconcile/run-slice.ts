/**
 * One slice of an automatic run (Automatiklauf), decided on the books as read: which transactions are still to do, and
 * for each of them — in sheet order — the matcher's result and what the run does with it: book a sure match (invoice
 * paid or payment order executed, booking made) or leave it to a person with the reason.
 *
 * The run keeps no list of its own: what it has decided is written into each transaction row (`Automatic run`, `Run
 * outcome`), and what it has booked into the bookings (`Source` = the run id). So a slice is planned from the sheets
 * alone, and a slice that died halfway is resumed from them:
 * - a transaction whose outcome is written is done;
 * - a transaction with a booking of this run but no outcome yet was booked by a slice that died before marking it: it is
 *   *completed* (its invoices marked paid if still open, its row marked) — never booked again;
 * - every other transaction nobody has processed is still to do.
 * Nothing here touches the sheets: the server writes the result (bookings first) and counts from the rows.
 */
import type { AccountingProposal } from '../accounting/prefill';
import { formatMinor } from '../money/amount';
import { createMatcher, type MatchResult, type MatchSettings } from '../matching';
import { BOOKING_TYPE_WORDS } from '../tables/booking-types';
import { nextBookingNumber, type BookingRow } from '../tables/bookings';
import { matchCells } from '../tables/match-columns';
import { isRunOutcome, type RunOutcome } from '../tables/reconcile-columns';
import type { TransactionRecord } from '../tables/transaction-rows';
import { decideAutomatically } from './auto';
import { findInvoice, findPayment, type Books } from './books';
import { matcherInput } from './matcher-input';
import { planReconciliation, type Actor, type InvoiceChange, type PaymentChange, type ReconcilePlan } from './plan';

export type RunTransaction = TransactionRecord & { row: number };

/** The cells of a transaction row the run writes besides the processed marks: match columns and its outcome. */
export type RunCells = Record<string, string | number>;

export interface RunQueue {
  /** Rows this run has decided (outcome written), in sheet order. */
  done: RunTransaction[];
  /** Rows still to decide, in sheet order (completions among them). */
  queue: RunTransaction[];
  /** Keys in `queue` that have a booking of this run already: to complete, not to book. */
  completions: Set<string>;
}

const upper = (s: string): string => s.trim().toUpperCase();

/** Keys of every transaction that counts as processed (see `processedTrace`), found in one pass over each table. */
function processedKeys(books: Books): Set<string> {
  const keys = new Set<string>();
  for (const t of books.transactions) if (t.processedBy !== '') keys.add(t.key);
  for (const b of books.bookings) if (b.transaction !== '') keys.add(b.transaction);
  for (const i of books.invoices) if (i.paidBy !== '') keys.add(i.paidBy);
  for (const p of books.payments) if (p.executedBy !== '') keys.add(p.executedBy);
  return keys;
}

/** Transactions nobody has processed, in sheet order. */
export function openTransactions(books: Books): RunTransaction[] {
  const processed = processedKeys(books);
  return books.transactions.filter((t) => !processed.has(t.key));
}

/** What the run `runId` has done and has still to do; `inScope` says which rows the run was started for. */
export function runQueue(books: Books, runId: string, inScope: (t: RunTransaction) => boolean): RunQueue {
  const processed = processedKeys(books);
  const ownBookings = new Set(books.bookings.filter((b) => b.source === runId && b.transaction !== '').map((b) => b.transaction));
  const done: RunTransaction[] = [];
  const queue: RunTransaction[] = [];
  const completions = new Set<string>();
  for (const t of books.transactions) {
    if (t.autoRun === runId && isRunOutcome(t.runOutcome)) done.push(t);
    else if (ownBookings.has(t.key)) {
      completions.add(t.key);
      queue.push(t);
    } else if (inScope(t) && !processed.has(t.key)) queue.push(t);
  }
  return { done, queue, completions };
}

/**
 * The books as they were before the transactions to complete were booked: their invoices open, their payment orders
 * pending, their bookings and marks gone. The slice that died saw them so; seeing them so again, the retry decides the
 * same. An invoice or payment order counts as theirs when it names the transaction — or when one of its bookings names
 * it and it is marked settled by nobody: a slice that died between writing the status and the "paid by" cells (which
 * sit apart in the sheet) left it so, since the run only ever books open items.
 */
function beforeSettlement(books: Books, completions: ReadonlySet<string>): Books {
  if (completions.size === 0) return books;
  const named = new Set<string>();
  for (const b of books.bookings) {
    if (!completions.has(b.transaction)) continue;
    if (b.invoice !== '') named.add(`invoice|${upper(b.invoice)}`);
    if (b.payment !== '') named.add(`payment|${upper(b.payment)}`);
  }
  const invoiceTheirs = (i: Books['invoices'][number]) => completions.has(i.paidBy) || (i.paidBy === '' && i.status === 'paid' && named.has(`invoice|${upper(i.number)}`));
  const paymentTheirs = (p: Books['payments'][number]) => completions.has(p.executedBy) || (p.executedBy === '' && p.status === 'executed' && named.has(`payment|${upper(p.number)}`));
  return {
    ...books,
    transactions: books.transactions.map((t) => (completions.has(t.key) ? { ...t, processedBy: '', processedAt: '', processedAs: '' } : t)),
    invoices: books.invoices.map((i) => (invoiceTheirs(i) ? { ...i, status: 'open' as const, paidOn: null, paidBy: '' } : i)),
    payments: books.payments.map((p) => (paymentTheirs(p) ? { ...p, status: 'pending' as const, executedOn: null, executedBy: '' } : p)),
    bookings: books.bookings.filter((b) => !completions.has(b.transaction)),
  };
}

export interface SliceLimits {
  /** At most this many transactions per slice. */
  maxTransactions: number;
  /** Asked before each transaction after the first (every slice makes progress): true once the slice's time is used up. */
  timeUp: () => boolean;
}

export interface SliceInput {
  books: Books;
  runId: string;
  /** Who runs the slice; `source` is the run id (written into the bookings). */
  actor: Actor;
  settings: Partial<MatchSettings>;
  inScope: (t: RunTransaction) => boolean;
  limits: SliceLimits;
  /** The accounting data rules and learning give a transaction's bookings (pre-accounting); absent: none. */
  propose?: (t: RunTransaction) => AccountingProposal;
}

export interface BookedInSlice {
  /** The plan to write; a completed transaction's plan has no bookings (they are in the sheet already). */
  plan: ReconcilePlan;
  cells: RunCells;
  completed: boolean;
}

export interface PlannedSlice {
  booked: BookedInSlice[];
  /** Rows left to a person (review, none): sheet row → cells. */
  leftOpen: Map<number, RunCells>;
  /** Transactions decided in this slice (booked, completed and left open). */
  decided: number;
  /** Transactions still to decide after this slice. */
  remaining: number;
  /** Transactions the run had decided before this slice. */
  doneBefore: number;
}

function runCells(result: MatchResult, runId: string, outcome: RunOutcome, override: { status?: string; reason?: string } = {}): RunCells {
  const cells: RunCells = { ...matchCells(result), autoRun: runId, runOutcome: outcome };
  if (override.status !== undefined) cells['matchStatus'] = override.status;
  if (override.reason !== undefined) cells['matchReason'] = override.reason;
  return cells;
}

const sameBooking = (a: BookingRow, b: BookingRow): boolean =>
  a.id === b.id && a.amountMinor === b.amountMinor && a.currency === b.currency && a.type === b.type && upper(a.invoice) === upper(b.invoice) &&
  upper(a.payment) === upper(b.payment) && upper(a.case) === upper(b.case);

/**
 * Completes a transaction booked by a slice that died before marking it, from its bookings: the invoices and payment
 * orders they name (and any already marked by it) become paid / executed where still open or marked settled by nobody
 * (see beforeSettlement), and the row is marked. Used when the plan cannot be made again as it was.
 */
function completionFromBookings(books: Books, t: RunTransaction, own: readonly BookingRow[]): ReconcilePlan {
  const money = (minor: number): string => `${formatMinor(minor, t.currency)} ${t.currency}`;
  const invoiceNumbers = [...new Set([...own.map((b) => b.invoice), ...books.invoices.filter((i) => i.paidBy === t.key).map((i) => i.number)].filter((n) => n !== '').map(upper))];
  const paymentNumbers = [...new Set([...own.map((b) => b.payment), ...books.payments.filter((p) => p.executedBy === t.key).map((p) => p.number)].filter((n) => n !== '').map(upper))];
  const invoices: InvoiceChange[] = [];
  for (const number of invoiceNumbers) {
    const i = findInvoice(books, number);
    if (i === undefined || !(i.status === 'open' || i.paidBy === t.key || (i.status === 'paid' && i.paidBy === ''))) continue;
    invoices.push({ row: i.row, number: i.number, status: 'paid', paidOn: i.paidBy === t.key ? (i.paidOn ?? t.bookingDate) : t.bookingDate, paidBy: t.key });
  }
  const payments: PaymentChange[] = [];
  for (const number of paymentNumbers) {
    const p = findPayment(books, number);
    if (p === undefined || !(p.status === 'pending' || p.executedBy === t.key || (p.status === 'executed' && p.executedBy === ''))) continue;
    payments.push({ row: p.row, number: p.number, status: 'executed', executedOn: p.executedBy === t.key ? (p.executedOn ?? t.bookingDate) : t.bookingDate, executedBy: t.key });
  }
  const summary = [
    ...invoices.map((i) => `${i.number} paid`),
    ...payments.map((p) => `${p.number} executed`),
    ...own.map((b) => `${b.id} ${BOOKING_TYPE_WORDS[b.type]} ${money(Math.abs(b.amountMinor))}${b.case === '' ? '' : ` (case ${b.case})`}`),
  ].join('; ');
  return {
    transaction: t,
    invoices,
    payments,
    bookings: [],
    labels: [],
    summary,
    undo: {
      invoices: invoices.map((i) => ({ number: i.number, status: 'open' as const, paidOn: null, paidBy: '' })),
      payments: payments.map((p) => ({ number: p.number, status: 'pending' as const, executedOn: null, executedBy: '' })),
      labels: [],
      bookings: own.map((b) => b.id),
    },
  };
}

/** Decides the next transactions of the run, up to the slice's limits. */
export function planSlice(input: SliceInput): PlannedSlice {
  const { books, runId, actor, limits } = input;
  const { done, queue, completions } = runQueue(books, runId, input.inScope);
  // The matcher sees the books as the slice that died saw them (see beforeSettlement); without a death, as they are.
  const view = beforeSettlement(books, completions);
  const matcher = createMatcher(matcherInput(view, input.settings));

  // Numbers this run has settled: one invoice is never paid twice by one run, across slices too.
  const bookedKeys = new Set(done.filter((t) => t.runOutcome === 'booked').map((t) => t.key));
  const taken = new Set<string>([
    ...books.invoices.filter((i) => bookedKeys.has(i.paidBy)).map((i) => upper(i.number)),
    ...books.payments.filter((p) => bookedKeys.has(p.executedBy)).map((p) => upper(p.number)),
  ]);
  let nextNumber = nextBookingNumber(books.bookings.map((b) => b.id));

  const booked: BookedInSlice[] = [];
  const leftOpen = new Map<number, RunCells>();
  let decided = 0;
  for (const t of queue) {
    if (decided >= Math.max(1, limits.maxTransactions)) break;
    if (decided >= 1 && limits.timeUp()) break;
    decided++;
    const result = matcher.match({
      fingerprint: t.key, amountMinor: t.amountMinor, currency: t.currency, purpose: t.purpose,
      counterpartyName: t.counterpartyName, counterpartyIban: t.counterpartyIban,
    });

    if (completions.has(t.key)) {
      const own = books.bookings.filter((b) => b.transaction === t.key && b.source === runId);
      const plan = replanned(view, t, result, own, taken, actor, input.propose?.(t)) ?? completionFromBookings(books, t, own);
      const replannedOk = plan.bookings.length > 0;
      for (const i of plan.invoices) taken.add(upper(i.number));
      for (const p of plan.payments) taken.add(upper(p.number));
      for (const b of own) [b.invoice, b.payment].filter((n) => n !== '').forEach((n) => taken.add(upper(n)));
      booked.push({
        plan: { ...plan, bookings: [] },
        cells: runCells(result, runId, 'booked', replannedOk ? {} : { reason: `booked by this run before an interruption (${own.map((b) => b.id).join(', ')}); completed from its bookings` }),
        completed: true,
      });
      continue;
    }

    const decision = decideAutomatically(t, result, books, taken);
    if (decision.outcome === 'booked') {
      const planned = planReconciliation(books, t.key, decision.request, actor, nextNumber, input.propose?.(t));
      if (planned.ok) {
        nextNumber += planned.plan.bookings.length;
        for (const n of [...decision.request.markInvoicesPaid, ...decision.request.markPaymentsExecuted]) taken.add(upper(n));
        booked.push({ plan: planned.plan, cells: runCells(result, runId, 'booked'), completed: false });
      } else {
        leftOpen.set(t.row, runCells(result, runId, 'review', { status: 'review', reason: `${result.reason}; not booked: ${planned.message}` }));
      }
      continue;
    }
    const downgraded = result.status === 'auto' && decision.outcome === 'review';
    leftOpen.set(t.row, runCells(result, runId, decision.outcome, downgraded ? { status: 'review', reason: decision.reason } : { reason: decision.reason }));
  }
  return { booked, leftOpen, decided, remaining: queue.length - decided, doneBefore: done.length };
}

/**
 * The plan the dead slice made for `t`, made again on the books as that slice saw them — if it gives exactly the
 * bookings found in the sheet (so its summary and undo data are the ones it wrote). The plan's bookings are those found.
 */
function replanned(
  view: Books,
  t: RunTransaction,
  result: MatchResult,
  own: readonly BookingRow[],
  taken: ReadonlySet<string>,
  actor: Actor,
  proposal: AccountingProposal | undefined,
): ReconcilePlan | null {
  const first = /^B-(\d+)$/i.exec(own[0]?.id.trim() ?? '');
  if (first === null) return null;
  const decision = decideAutomatically(t, result, view, taken);
  if (decision.outcome !== 'booked') return null;
  const planned = planReconciliation(view, t.key, decision.request, actor, Number(first[1]), proposal);
  if (!planned.ok) return null;
  const bookings = planned.plan.bookings;
  if (bookings.length !== own.length || bookings.some((b, i) => !sameBooking(b, own[i]!))) return null;
  return { ...planned.plan, bookings: [...own] };
}

/**
 * The books as they are once `slice` is written (by `by`): the rows marked, the bookings added, the invoices paid and
 * payment orders executed — so that the same execution can finish the run without reading every sheet again. (Rows of new bookings are
 * not known here: 0.)
 */
export function booksAfterSlice(books: Books, slice: PlannedSlice, by: string): Books {
  if (slice.decided === 0) return books;
  const rows = new Map<number, Partial<TransactionRecord>>();
  for (const [row, cells] of slice.leftOpen) rows.set(row, { autoRun: String(cells['autoRun']), runOutcome: String(cells['runOutcome']) });
  for (const { plan, cells } of slice.booked) {
    rows.set(plan.transaction.row, { processedBy: by, processedAs: plan.summary, autoRun: String(cells['autoRun']), runOutcome: String(cells['runOutcome']) });
  }
  const invoices = new Map(slice.booked.flatMap(({ plan }) => plan.invoices.map((i) => [i.row, i] as const)));
  const payments = new Map(slice.booked.flatMap(({ plan }) => plan.payments.map((p) => [p.row, p] as const)));
  return {
    ...books,
    transactions: books.transactions.map((t) => (rows.has(t.row) ? { ...t, ...rows.get(t.row) } : t)),
    invoices: books.invoices.map((i) => {
      const change = invoices.get(i.row);
      return change === undefined ? i : { ...i, status: change.status, paidOn: change.paidOn, paidBy: change.paidBy };
    }),
    payments: books.payments.map((p) => {
      const change = payments.get(p.row);
      return change === undefined ? p : { ...p, status: change.status, executedOn: change.executedOn, executedBy: change.executedBy };
    }),
    bookings: [...books.bookings, ...slice.booked.flatMap(({ plan }) => plan.bookings.map((b) => ({ ...b, row: 0 })))],
  };
}
