/**
 * API exports (lexoffice, bexio): booking by booking, exactly once (see core/export/api-export.ts), in slices of at most
 * SLICE_MS that the sidebar chains with `continueExport` — an add-on's time-driven triggers run at most hourly, and one
 * execution ends after 6 minutes. Each booking's remote id is on its row before the next is sent.
 */
import { TARGET_NAMES } from '../../../core/accounting/requirements';
import { runApiExport, type QueuedBooking } from '../../../core/export/api-export';
import { exportStatusText } from '../../../core/export/export-status';
import type { ApiTarget } from '../../../core/export/remote';
import type { ExportRunDto, RequestOf } from '../../../shared/contract';
import { withDocumentLock } from '../../adapters/document-lock';
import { SheetTable } from '../../adapters/sheet-table';
import type { AppsScriptServices } from '../../platform/apps-script-api';
import { bookingsTable } from '../../../core/tables/bookings';
import { userEmail } from '../import-statement';
import { instantText } from '../books';
import { readExportBooks, type ExportCandidate } from './bookings';
import { connectionOf } from './connections';
import { readJob, writeJob, jobStore, type ExportJob } from './job';
import { inflightIds, inflightJournal } from './journal';
import { writeExportMarks } from './marks';
import { protectExportedRows } from './protection';
import { driveReceipts } from './receipts';
import { readExportSettings } from './settings';
import { pauseOf, remoteTargetFor } from './targets';

/** Work per slice: well inside the 6 minutes, leaving room for one request that hangs until UrlFetchApp gives up. */
export const SLICE_MS = 150_000;
/** A slice that died keeps its lease at most this long. */
const LEASE_MS = 6.5 * 60_000;


function jobDto(job: ExportJob, status: ExportRunDto['status'], remaining: number, unknown: number, message: string): ExportRunDto {
  return {
    status,
    jobId: status === 'done' ? '' : job.jobId,
    target: job.target,
    exported: job.exported,
    receipts: job.receipts,
    remaining,
    failed: job.failed,
    unknown,
    files: [],
    problems: job.problems,
    message,
  };
}

const refused = (target: ApiTarget, message: string, jobId = ''): ExportRunDto => ({
  status: 'refused', jobId, target, exported: 0, receipts: 0, remaining: 0, failed: 0, unknown: 0, files: [], problems: [], message,
});

/** The bookings a job still has to deal with, in sheet order: those in flight first (they may exist already). */
function queueOf(candidates: readonly ExportCandidate[], job: Pick<ExportJob, 'selection' | 'target'>): QueuedBooking[] {
  const wanted = job.selection.kind === 'ids' ? new Set(job.selection.ids) : null;
  const open = candidates.filter((c) => (c.state === 'ready' || c.state === 'receipt-pending' || c.state === 'unknown') && (wanted === null || wanted.has(c.booking.id) || c.state === 'unknown'));
  open.sort((a, b) => Number(b.state === 'unknown') - Number(a.state === 'unknown'));
  return open.map((c) => ({ booking: c.booking, remoteId: c.state === 'receipt-pending' ? c.row.exportId : null }));
}

export function startApiExport(services: AppsScriptServices, target: ApiTarget, selection: RequestOf<'startExport'>['selection']): ExportRunDto {
  if (connectionOf(services, target) === null) return refused(target, `Connect ${TARGET_NAMES[target]} first: paste your key under "Connect" on this page.`);
  const started = withDocumentLock(services.LockService, () => {
    const running = readJob(services);
    if (running !== null) return running;
    const now = new Date();
    const book = services.SpreadsheetApp.getActiveSpreadsheet();
    const job: ExportJob = {
      jobId: `EXP-${now.getTime()}`,
      target,
      selection,
      startedBy: userEmail(services),
      startedAt: instantText(services, book.getSpreadsheetTimeZone(), now),
      exported: 0, receipts: 0, failed: 0, problems: [], leaseUntilMs: 0, leasedBy: '',
    };
    writeJob(services, job);
    return { ...job, fresh: true as const };
  });
  if (!('fresh' in started)) {
    return refused(target, `An export to ${TARGET_NAMES[started.target]} started by ${started.startedBy} at ${started.startedAt} is not finished: continue it first.`, started.jobId);
  }
  return apiSlice(services, started.jobId);
}

export function apiSlice(services: AppsScriptServices, jobId: string): ExportRunDto {
  const startMs = Date.now();
  const me = userEmail(services);
  const leased = withDocumentLock(services.LockService, () => {
    const job = readJob(services);
    if (job === null || job.jobId !== jobId) return null;
    if (job.leaseUntilMs > startMs) return { job, busy: true };
    const mine = { ...job, leaseUntilMs: startMs + LEASE_MS, leasedBy: me };
    writeJob(services, mine);
    // Older spreadsheets get the "Export status" column before the first mark is written.
    SheetTable.open(services.SpreadsheetApp.getActiveSpreadsheet(), bookingsTable);
    return { job: mine, busy: false };
  });
  if (leased === null) return refused('lexoffice', 'This export is finished or was replaced by another one.');
  const { job } = leased;
  if (leased.busy) return refused(job.target, `This export is running right now (${job.leasedBy}). It continues there.`, job.jobId);

  const connection = connectionOf(services, job.target);
  const release = (patch: Partial<ExportJob>): ExportJob => {
    const next = { ...(readJob(services) ?? job), ...patch, leaseUntilMs: 0, leasedBy: '' };
    writeJob(services, next);
    return next;
  };
  if (connection === null) {
    release({});
    return refused(job.target, `Connect ${TARGET_NAMES[job.target]} first: the export continues once you have.`, job.jobId);
  }
  const settings = readExportSettings(services);
  const books = readExportBooks(services, job.target, settings, inflightIds(services, job.target));
  const queue = queueOf(books.candidates, job);
  const by = userEmail(services);
  const lost: string[] = [];
  const recorded = new Set(books.candidates.filter((c) => c.row.exportedTo !== '').map((c) => c.booking.id));
  const result = runApiExport({
    target: remoteTargetFor(services, job.target, connection, settings),
    queue,
    journal: inflightJournal(services, job.target),
    recorder: {
      record: (bookingId, remoteId, receipt) => {
        const mark = { bookingId, exportedTo: TARGET_NAMES[job.target], exportId: remoteId, at: new Date(), by, status: exportStatusText(receipt) };
        lost.push(...writeExportMarks(services, books.state, books.locale, [mark]));
        recorded.add(bookingId);
      },
      has: (bookingId) => recorded.has(bookingId),
    },
    receipts: driveReceipts(services),
    pause: pauseOf(services),
    deadlineMs: startMs + SLICE_MS,
  });
  protectExportedRows(services);

  const problems = [
    ...result.problems.map((p) => ({ bookingId: p.bookingId, message: p.message })),
    ...lost.map((id) => ({ bookingId: id, message: `${id} was exported to ${TARGET_NAMES[job.target]}, but its row is gone from the Bookings sheet: it is there, do not export it again by hand.` })),
  ];
  const failedNow = new Set(result.problems.filter((p) => p.field !== 'receiptFile' || !result.exported.includes(p.bookingId)).map((p) => p.bookingId)).size;
  const remaining = queue.length - result.handled;
  const name = TARGET_NAMES[job.target];
  const unknownText = result.unknown.length === 0 ? '' : ` ${result.unknown.length} without a clear answer from ${name}: looked up there before anything is sent again.`;
  if (result.stopped === 'finished') {
    const done = { ...job, exported: job.exported + result.exported.length, receipts: job.receipts + result.receipts.length, failed: job.failed + failedNow, problems: [...job.problems, ...problems] };
    jobStore(services).remove();
    return jobDto(done, 'done', 0, result.unknown.length, `${done.exported} booking${done.exported === 1 ? '' : 's'} sent to ${name}, ${done.receipts} receipt${done.receipts === 1 ? '' : 's'} attached${done.failed > 0 ? `, ${done.failed} not sent (see the list)` : ''}.${unknownText}`);
  }
  const next = release({
    exported: job.exported + result.exported.length,
    receipts: job.receipts + result.receipts.length,
    failed: job.failed + failedNow,
    problems: [...job.problems, ...problems],
  });
  if (result.stopped === 'failure') {
    return { ...jobDto(next, 'refused', remaining, result.unknown.length, `${name} cannot be reached right now (${result.failure}). Nothing is lost: continue the export later.`), jobId: next.jobId };
  }
  return jobDto(next, 'continuing', remaining, result.unknown.length, `${next.exported} sent to ${name} so far, ${remaining} to go.${unknownText}`);
}
