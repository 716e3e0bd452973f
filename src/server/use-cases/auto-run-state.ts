/**
 * What the server keeps of an unfinished automatic run, and how a run is read back from the sheets.
 *
 * The unfinished run lives in the document property `autoRun.current` (shared by every editor, so a colleague's sidebar
 * offers to continue it): its id, scope, statement, start and who started it — a few hundred bytes, never a list of
 * transactions. Everything the run has decided is in the sheets: `Automatic run` / `Run outcome` of each transaction
 * row, `Source` of each booking, and, once finished, its row in the "Archive" sheet.
 */
import * as z from '../../core/schema';
import { archiveTable, readArchive, type ArchiveRow } from '../../core/tables/archive';
import { countOutcomes, type MatchTexts, type RunCounts } from '../../core/reconcile/run-items';
import { runQueue, type RunTransaction } from '../../core/reconcile/run-slice';
import { scopeOfCell } from '../../core/reconcile/run-statement';
import type { ResponseOf } from '../../shared/contract';
import { runScopeSchema } from '../../shared/reconcile-dto';
import { JsonProperty } from '../adapters/property-store';
import type { AppsScriptServices, CellValue } from '../platform/apps-script-api';
import { readTableCells, type OpenBooks } from './books';

export type RunStatus = ResponseOf<'startAutoRun'>;

export const RUN_STATE_KEY = 'autoRun.current';

const runStateSchema = z.object({
  runId: z.string().check(z.minLength(1), z.maxLength(100)),
  scope: runScopeSchema,
  statement: z.string().check(z.maxLength(1000)),
  /** The start, ms since the epoch: rows imported after it do not join the run. */
  startedAtMs: z.number(),
  /** The start as the sidebar shows it (ISO with the spreadsheet's offset). */
  startedAt: z.string(),
  startedBy: z.string(),
});

export type RunState = z.output<typeof runStateSchema>;

export function runStore(services: AppsScriptServices): JsonProperty<RunState> {
  const store = services.PropertiesService.getDocumentProperties();
  if (store === null) throw new Error('Kontomatch must be opened from a spreadsheet to run automatic matching.');
  return new JsonProperty(store, RUN_STATE_KEY, runStateSchema);
}

/** The unfinished run, or null; a damaged property reads as `damaged` (the caller decides what to do about it). */
export function readRunState(services: AppsScriptServices): { state: RunState | null; damaged: string | null } {
  try {
    return { state: runStore(services).read(), damaged: null };
  } catch (error) {
    return { state: null, damaged: error instanceof Error ? error.message : String(error) };
  }
}

const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';

/** Cells of the Transactions sheet the records do not carry, by sheet row (read from the raw values). */
export interface RowCells {
  texts(row: number): MatchTexts;
  account(row: number): string;
  /** When the row was imported, ms since the epoch; null for a row without a timestamp (typed in by hand). */
  importedAtMs(row: number): number | null;
  /** `Automatic run` and `Run outcome` of every data row, as the sheet holds them now (after this execution's writes). */
  outcomes(runId: string): string[];
}

export function rowCells(open: OpenBooks): RowCells {
  const { values, columns } = open.sheets.transactions;
  const cell = (row: number, key: string): CellValue | undefined => {
    const at = columns[key] ?? -1;
    return at < 0 ? undefined : values[row - 1]?.[at];
  };
  const text = (row: number, key: string): string => {
    const value = cell(row, key);
    return value === undefined || value === null ? '' : String(value).trim();
  };
  return {
    texts: (row) => ({ matchReason: text(row, 'matchReason'), matchNumbers: text(row, 'matchNumbers') }),
    account: (row) => text(row, 'account'),
    importedAtMs: (row) => {
      const value = cell(row, 'importedAt');
      return isDate(value) ? value.getTime() : null;
    },
    outcomes: (runId) => {
      const run = columns['autoRun'] ?? -1;
      const outcome = columns['runOutcome'] ?? -1;
      if (run < 0 || outcome < 0) return [];
      return values.slice(1).filter((r) => String(r[run] ?? '').trim() === runId).map((r) => String(r[outcome] ?? '').trim());
    },
  };
}

/** The rows a run was started for: open ones (of one file, for an import run) that were there when it started. */
export function scopeFilter(state: Pick<RunState, 'scope' | 'startedAtMs'>, cells: RowCells): (t: RunTransaction) => boolean {
  return (t) => {
    if (state.scope.kind === 'import' && t.importFile !== state.scope.fileName) return false;
    const imported = cells.importedAtMs(t.row);
    return imported === null || imported <= state.startedAtMs;
  };
}

/** Counts of the run from the sheet's rows, plus the transactions still to decide. */
export function countRun(open: OpenBooks, runId: string, remaining: number): RunCounts {
  return countOutcomes(rowCells(open).outcomes(runId), remaining);
}

/** An unfinished run's status, counted from the sheets. */
export function runningStatus(open: OpenBooks, state: RunState, message: string, remaining?: number): RunStatus {
  const left = remaining ?? runQueue(open.books, state.runId, scopeFilter(state, rowCells(open))).queue.length;
  const counts = countRun(open, state.runId, left);
  return {
    runId: state.runId,
    state: 'running',
    scope: state.scope,
    statement: state.statement,
    startedAt: state.startedAt,
    startedBy: state.startedBy,
    finishedAt: '',
    ...counts,
    reportUrl: null,
    message,
  };
}

/** The Archive cell's link, or null where the report could not be saved (the cell then says why). */
export function reportLink(cell: string): string | null {
  return /^https?:\/\//i.test(cell.trim()) ? cell.trim() : null;
}

/** The Archive's "Report" cell of a run whose report could not be saved starts so, followed by why. */
export const NOT_SAVED = 'not saved: ';

export function finishedStatus(entry: ArchiveRow): RunStatus {
  const url = reportLink(entry.report);
  const why = entry.report.startsWith(NOT_SAVED) ? entry.report.slice(NOT_SAVED.length) : '';
  return {
    runId: entry.runId,
    state: 'finished',
    scope: scopeOfCell(entry.scope),
    statement: entry.statement,
    startedAt: entry.startedAt,
    startedBy: entry.by,
    finishedAt: entry.finishedAt,
    total: entry.total,
    done: entry.total,
    booked: entry.booked,
    review: entry.review,
    none: entry.none,
    reportUrl: url,
    message:
      `Run ${entry.runId} finished: ${entry.booked} booked, ${entry.review} to check by hand, ${entry.none} without an open item.` +
      (url !== null ? '' : why === '' ? ' There is no PDF report.' : ` The PDF report could not be saved to your Drive: ${why}`),
  };
}

/** The "Archive" sheet's rows (sheet order, oldest first); [] while there is none. */
export function readArchiveRows(services: AppsScriptServices, open: Pick<OpenBooks, 'book' | 'timeZone'>): ArchiveRow[] {
  return readArchive(readTableCells(services, open.book, archiveTable, open.timeZone)).records;
}
