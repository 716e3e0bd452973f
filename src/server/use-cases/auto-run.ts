/**
 * The automatic run (Automatiklauf, "automatisches Ausbuchen"): books every sure match of the imported statement — invoice
 * paid or payment order executed, booking written — leaves everything else to a person with the reason, and ends with
 * a summary, a PDF report in the user's Drive and a row in the "Archive" sheet.
 *
 * Apps Script ends an execution after 6 minutes, so a run works in slices: each call (start, then continue, which the
 * sidebar repeats) decides at most `MAX_PER_SLICE` transactions or for about `SLICE_MS`, writes them, and returns the
 * counts so far. Each slice runs under the document lock and plans from the sheets as read inside it (run-slice.ts), so
 * a slice that died at any point is resumed by the next one without booking anything twice or losing a transaction.
 */
import { newRunId } from '../../core/reconcile/run-id';
import { findInvoice, findPayment } from '../../core/reconcile/books';
import { countOutcomes, runItems } from '../../core/reconcile/run-items';
import { openAccounting } from './accounting-context';
import { booksAfterSlice, openTransactions, planSlice, runQueue } from '../../core/reconcile/run-slice';
import { statementWords } from '../../core/reconcile/run-statement';
import type { RequestOf, ResponseOf } from '../../shared/contract';
import { withDocumentLock } from '../adapters/document-lock';
import { userLanguage } from '../language';
import type { AppsScriptServices } from '../platform/apps-script-api';
import {
  countRun,
  finishedStatus,
  readArchiveRows,
  readRunState,
  rowCells,
  runningStatus,
  runStore,
  scopeFilter,
  type RunState,
  type RunStatus,
} from './auto-run-state';
import { finishRun } from './auto-run-finish';
import { instantText, readBooks, readMatchSettings, type OpenBooks } from './books';
import { userEmail } from './import-statement';
import { writePlans } from './ledger';
import { invoiceDto, paymentDto } from './reconcile';

/** At most this many transactions per slice: one slice's writes stay a few ranges of moderate size. */
export const MAX_PER_SLICE = 250;
/**
 * A slice stops deciding after this long. Counted from when the books are read: reading and writing take a fixed number
 * of Sheets calls per slice, deciding is what grows — and a slow read is no reason to decide less once it is paid for.
 * The same span, counted from the start of the call, decides whether the run is finished in this call or the next.
 */
export const SLICE_MS = 20_000;

export interface SliceOptions {
  maxTransactions?: number;
  sliceMs?: number;
  /** The clock (ms since the epoch); tests pass their own. */
  now?: () => number;
}

interface Slice {
  started: number;
  now: () => number;
  sliceMs: number;
  maxTransactions: number;
}

function sliceOf(options: SliceOptions): Slice {
  const now = options.now ?? (() => Date.now());
  return { started: now(), now, sliceMs: options.sliceMs ?? SLICE_MS, maxTransactions: options.maxTransactions ?? MAX_PER_SLICE };
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Ids in use: the archive's, and those written into transaction rows and bookings (a run that never finished). */
function usedRunIds(services: AppsScriptServices, open: OpenBooks): Set<string> {
  return new Set([
    ...readArchiveRows(services, open).map((e) => e.runId),
    ...open.books.transactions.map((t) => t.autoRun).filter((id) => id !== ''),
    ...open.books.bookings.map((b) => b.source).filter((id) => id.startsWith('RUN-')),
  ]);
}

export function startAutoRun(services: AppsScriptServices, request: RequestOf<'startAutoRun'>, options: SliceOptions = {}): RunStatus {
  const by = userEmail(services);
  return withDocumentLock(services.LockService, () => {
    const slice = sliceOf(options);
    const { state: unfinished, damaged } = readRunState(services);
    if (unfinished !== null) {
      const open = readBooks(services, { prepare: false });
      return runningStatus(
        open,
        unfinished,
        `Run ${unfinished.runId}, started by ${unfinished.startedBy} at ${unfinished.startedAt}, is not finished yet: continue it before starting another.`,
      );
    }
    // A damaged record of an earlier run cannot be continued; its bookings and outcomes stay in the sheets.
    if (damaged !== null) runStore(services).remove();

    const open = readBooks(services, { prepare: true });
    const startedAt = new Date();
    const runId = newRunId(services.Utilities.formatDate(startedAt, open.timeZone, 'yyyyMMdd-HHmmss'), usedRunIds(services, open));
    const cells = rowCells(open);
    const scope = request.scope;
    const draft = { scope, startedAtMs: startedAt.getTime() };
    const rows = runQueue(open.books, runId, scopeFilter(draft, cells)).queue;
    if (rows.length === 0) {
      throw new Error(
        scope.kind === 'import'
          ? `There are no open transactions from ${scope.fileName}: nothing to run over.`
          : 'There are no open transactions: nothing to run over.',
      );
    }
    const state: RunState = {
      runId,
      scope,
      statement: statementWords(
        rows.map((t) => ({ importFile: t.importFile, account: cells.account(t.row), bookingDate: t.bookingDate })),
        userLanguage(services.Session),
      ).slice(0, 1000),
      startedAtMs: startedAt.getTime(),
      startedAt: instantText(services, open.timeZone, startedAt),
      startedBy: by,
    };
    runStore(services).write(state);
    return workSlice(services, open, state, slice, by);
  });
}

export function continueAutoRun(services: AppsScriptServices, request: RequestOf<'continueAutoRun'>, options: SliceOptions = {}): RunStatus {
  const by = userEmail(services);
  return withDocumentLock(services.LockService, () => {
    const slice = sliceOf(options);
    const { state, damaged } = readRunState(services);
    if (state === null || state.runId !== request.runId) {
      const book = services.SpreadsheetApp.getActiveSpreadsheet();
      const archived = readArchiveRows(services, { book, timeZone: book.getSpreadsheetTimeZone() }).find((e) => e.runId === request.runId);
      if (archived !== undefined) return finishedStatus(archived);
      if (damaged !== null) throw new Error('The record of the unfinished automatic run is damaged: start the run again (what it has booked so far stays booked).');
      throw new Error(
        state === null ? `There is no unfinished automatic run ${request.runId}.` : `Run ${request.runId} is not the unfinished run of this spreadsheet: ${state.runId} is.`,
      );
    }
    return workSlice(services, readBooks(services, { prepare: true }), state, slice, by);
  });
}

/** Decides the next transactions, writes them (bookings first), and finishes the run if nothing is left. */
function workSlice(services: AppsScriptServices, open: OpenBooks, state: RunState, slice: Slice, by: string): RunStatus {
  const deciding = slice.now();
  const planned = planSlice({
    books: open.books,
    runId: state.runId,
    actor: { by, source: state.runId },
    settings: readMatchSettings(services),
    inScope: scopeFilter(state, rowCells(open)),
    limits: { maxTransactions: slice.maxTransactions, timeUp: () => slice.now() - deciding >= slice.sliceMs },
    propose: openAccounting(services, open).propose,
  });
  if (planned.decided > 0) {
    writePlans(
      open,
      planned.booked.map((b) => ({ plan: b.plan, extras: b.cells, logAction: 'auto' as const })),
      { by, at: new Date() },
      new Map(planned.leftOpen),
    );
  }
  // Finishing takes a few more calls: done in this call while it is young, else by the next one.
  if (planned.remaining === 0 && (planned.decided === 0 || slice.now() - slice.started < slice.sliceMs)) {
    return finishRun(services, { ...open, books: booksAfterSlice(open.books, planned, by) }, state, by);
  }
  const counts = countRun(open, state.runId, planned.remaining);
  const unreadable = open.errors.filter((e) => e.sheet === 'Transactions').length;
  return runningStatus(
    open,
    state,
    `${counts.done} of ${counts.total} transactions decided: ${counts.booked} booked, ${counts.review} to check by hand, ${counts.none} without an open item.` +
      (unreadable > 0 ? ` ${plural(unreadable, 'unreadable cell', 'unreadable cells')} of the Transactions sheet left out.` : ''),
    planned.remaining,
  );
}

export function getAutoRun(services: AppsScriptServices): ResponseOf<'getAutoRun'> {
  const open = readBooks(services, { prepare: false });
  const { state } = readRunState(services);
  const run = state === null ? null : runningStatus(open, state, `Run ${state.runId}, started by ${state.startedBy} at ${state.startedAt}, is not finished yet.`);
  return { run, importFiles: importFilesWithOpenTransactions(open) };
}

/** Statement files with open transactions, newest import first (by the rows' `Imported at`; later rows first on a tie). */
function importFilesWithOpenTransactions(open: OpenBooks): ResponseOf<'getAutoRun'>['importFiles'] {
  const cells = rowCells(open);
  const files = new Map<string, { open: number; newest: number; lastRow: number }>();
  for (const t of openTransactions(open.books)) {
    const name = t.importFile.trim();
    if (name === '') continue;
    const file = files.get(name) ?? { open: 0, newest: -Infinity, lastRow: 0 };
    file.open++;
    file.newest = Math.max(file.newest, cells.importedAtMs(t.row) ?? -Infinity);
    file.lastRow = Math.max(file.lastRow, t.row);
    files.set(name, file);
  }
  return [...files.entries()]
    .sort(([, a], [, b]) => (b.newest === a.newest ? b.lastRow - a.lastRow : b.newest > a.newest ? 1 : -1))
    .map(([fileName, f]) => ({ fileName, open: f.open }));
}

export function getRunDetails(services: AppsScriptServices, request: RequestOf<'getRunDetails'>): ResponseOf<'getRunDetails'> {
  const open = readBooks(services, { prepare: false });
  const { books } = open;
  const items = runItems(books, request.runId, rowCells(open).texts);
  const { state } = readRunState(services);
  let run: RunStatus;
  if (state !== null && state.runId === request.runId) run = runningStatus(open, state, `Run ${state.runId} is not finished yet.`);
  else {
    const archived = readArchiveRows(services, open).find((e) => e.runId === request.runId);
    if (archived !== undefined) run = finishedStatus(archived);
    else if (items.length > 0) run = orphanStatus(request.runId, items);
    else throw new Error(`There is no automatic run ${request.runId} in this spreadsheet.`);
  }
  return {
    run,
    items: items.map((item) => {
      const invoices = item.numbers.map((n) => findInvoice(books, n)).filter((i) => i !== undefined);
      const payments = item.numbers.map((n) => findPayment(books, n)).filter((p) => p !== undefined);
      return {
        key: item.key,
        bookingDate: item.bookingDate,
        counterpartyName: item.counterpartyName,
        purpose: item.purpose,
        amountMinor: item.amountMinor,
        currency: item.currency,
        outcome: item.outcome,
        reason: item.reason,
        bookingIds: item.bookingIds,
        invoices: invoices.map((i) => invoiceDto(books, i)),
        payments: payments.map(paymentDto),
      };
    }),
  };
}

/** A run known only from its rows (its archive row deleted, or its record lost): what the rows tell. */
function orphanStatus(runId: string, items: ReturnType<typeof runItems>): RunStatus {
  return {
    runId, state: 'finished', scope: { kind: 'open' }, statement: '', startedAt: '', startedBy: '', finishedAt: '',
    ...countOutcomes(items.map((i) => i.outcome), 0), reportUrl: null,
    message: `Run ${runId} is not in the Archive sheet; its transactions are shown as the Transactions sheet holds them.`,
  };
}

export function listArchive(services: AppsScriptServices): ResponseOf<'listArchive'> {
  const book = services.SpreadsheetApp.getActiveSpreadsheet();
  const rows = readArchiveRows(services, { book, timeZone: book.getSpreadsheetTimeZone() });
  return {
    entries: rows.reverse().map((e) => {
      const status = finishedStatus(e);
      return {
        runId: e.runId, startedAt: e.startedAt, finishedAt: e.finishedAt, statement: e.statement,
        total: e.total, booked: e.booked, review: e.review, none: e.none, by: e.by, reportUrl: status.reportUrl ?? '',
      };
    }),
  };
}
