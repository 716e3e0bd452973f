/**
 * Finishing an automatic run, once nothing is left to decide: the PDF report (Abgleichsbericht) saved to the user's
 * Drive, the run's row in the "Archive" sheet, and the unfinished run's property removed — in that order, so that an
 * execution dying halfway is finished by the next call: the archive row is written once (it is looked for first), and
 * the property goes last. (Dying between saving the PDF and writing the archive row leaves one unlinked PDF in the
 * user's Drive; the retry saves another and links that one.)
 *
 * Saving to Drive may fail (Drive switched off for the domain, the user's Drive full): the run still finishes, without
 * a report link, and the archive row and the answer say why.
 */
import { countOutcomes, runItems, runReportOf, type RunItem } from '../../core/reconcile/run-items';
import { scopeCell } from '../../core/reconcile/run-statement';
import { runReportPdf } from '../../core/report/run-report';
import { archiveTable } from '../../core/tables/archive';
import { logTable } from '../../core/tables/log';
import { saveToDrive } from '../adapters/drive-files';
import { SheetTable } from '../adapters/sheet-table';
import { userLanguage } from '../language';
import type { AppsScriptServices } from '../platform/apps-script-api';
import { finishedStatus, NOT_SAVED, readArchiveRows, rowCells, runStore, type RunState, type RunStatus } from './auto-run-state';
import { instantText, type OpenBooks } from './books';

export function reportFileName(runId: string): string {
  return `Kontomatch report ${runId}.pdf`;
}

/** An error's message; errors from a service may come from another realm (not `instanceof Error` here). */
const messageOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string' ? (error as Error).message : String(error);

/**
 * Finishes the run `state` (under the document lock) on the books as read in this call and brought up to date with what
 * it wrote. `by`: who runs this call (the author of a log entry found missing).
 */
export function finishRun(services: AppsScriptServices, open: OpenBooks, state: RunState, by: string): RunStatus {
  const archived = readArchiveRows(services, open).find((entry) => entry.runId === state.runId);
  if (archived !== undefined) {
    runStore(services).remove();
    return finishedStatus(archived);
  }
  const cells = rowCells(open);
  const items = runItems(open.books, state.runId, cells.texts);
  logMissingEntries(open, items, by);

  const finished = new Date();
  const finishedAt = instantText(services, open.timeZone, finished);
  let report: string;
  try {
    const pdf = runReportPdf(
      runReportOf({ runId: state.runId, statement: state.statement, scope: state.scope, startedAt: state.startedAt, finishedAt, by: state.startedBy }, items),
      userLanguage(services.Session),
    );
    report = saveToDrive(services, pdf, reportFileName(state.runId), 'application/pdf').url;
  } catch (error) {
    report = `${NOT_SAVED}${messageOf(error)}`;
  }

  const counts = countOutcomes(items.map((i) => i.outcome), 0);
  const entry = {
    runId: state.runId,
    startedAt: state.startedAt,
    finishedAt,
    statement: state.statement,
    scope: scopeCell(state.scope),
    total: counts.total,
    booked: counts.booked,
    review: counts.review,
    none: counts.none,
    by: state.startedBy,
    report,
  };
  open.table(archiveTable).appendRows([{ ...entry, startedAt: new Date(state.startedAtMs), finishedAt: finished }]);
  runStore(services).remove();
  return finishedStatus(entry);
}

/**
 * The log entry of a booked transaction is written last of all its cells; an execution that died just before it left
 * the transaction booked and marked but unlogged. The audit trail is completed here, once per run, from the sheets.
 */
function logMissingEntries(open: OpenBooks, items: readonly RunItem[], by: string): void {
  const booked = items.filter((i) => i.outcome === 'booked' && i.bookingIds.length > 0);
  if (booked.length === 0) return;
  const log = SheetTable.find(open.book, logTable);
  const logged = new Set<string>();
  if (log !== null) {
    const actions = log.readColumn('action');
    log.readColumn('transaction').forEach((key, i) => {
      if (String(actions[i] ?? '').trim() === 'auto') logged.add(String(key).trim());
    });
  }
  const missing = booked.filter((i) => !logged.has(i.key));
  if (missing.length === 0) return;
  const at = new Date();
  const records = new Map(open.books.transactions.map((t) => [t.key, t]));
  open.table(logTable).appendRows(
    missing.map((i) => ({
      at,
      by,
      action: 'auto',
      transaction: i.key,
      summary: records.get(i.key)?.processedAs ?? i.bookingIds.join('; '),
      undoData: JSON.stringify({
        invoices: open.books.invoices.filter((inv) => inv.paidBy === i.key).map((inv) => ({ number: inv.number, status: 'open', paidOn: null, paidBy: '' })),
        payments: open.books.payments.filter((p) => p.executedBy === i.key).map((p) => ({ number: p.number, status: 'pending', executedOn: null, executedBy: '' })),
        labels: [],
        bookings: i.bookingIds,
      }),
    })),
  );
}
