/**
 * File exports (DATEV EXTF, CSV): written at once into the user's Drive and repeatable — a booking exported before may go
 * into another file, and keeps its first export's marks (its row is locked; nothing is written over it).
 */
import { TARGET_NAMES } from '../../../core/accounting/requirements';
import type { BookingProblem, ExportBooking } from '../../../core/export/export-booking';
import { writeDatevBatches, type DatevSettings } from '../../../core/export/datev';
import { builtinCsvExportProfiles, writeCsvExport } from '../../../core/export/csv';
import type { RequestOf } from '../../../shared/contract';
import type { ExportRunDto } from '../../../shared/contract';
import { saveToDrive } from '../../adapters/drive-files';
import type { AppsScriptServices } from '../../platform/apps-script-api';
import { userEmail } from '../import-statement';
import { readExportBooks, type ExportCandidate } from './bookings';
import { writeExportMarks } from './marks';
import { protectExportedRows } from './protection';
import { readExportSettings, type ExportSettings } from './settings';

type FileTarget = 'datev' | 'csv';

export function datevSettingsOf(settings: ExportSettings): DatevSettings {
  const d = settings.datev;
  return {
    consultantNumber: d.consultantNumber === '' ? null : Number(d.consultantNumber),
    clientNumber: d.clientNumber === '' ? null : Number(d.clientNumber),
    fiscalYearStartMonth: d.fiscalYearStartMonth,
    accountLength: d.accountLength,
    chart: d.chart,
    bankAccount: settings.bankAccount,
    period: d.period,
    batchLocked: d.batchLocked,
  } as DatevSettings;
}

interface WrittenFile {
  name: string;
  bytes: number[];
  bookingIds: string[];
  from: string;
  to: string;
}

function writeFiles(target: FileTarget, bookings: ExportBooking[], settings: ExportSettings, meta: { createdAt: string; exportedBy: string }): { files: WrittenFile[]; problems: BookingProblem[] } {
  if (target === 'datev') return writeDatevBatches(bookings, datevSettingsOf(settings), meta);
  const profile = builtinCsvExportProfiles.find((p) => p.id === settings.csv.profileId) ?? builtinCsvExportProfiles[0]!;
  const written = writeCsvExport(bookings, profile, meta);
  const dates = bookings.map((b) => b.date).sort();
  const ids = new Set(written.problems.map((p) => p.bookingId));
  return {
    files: bookings.length === ids.size ? [] : [{ name: written.name, bytes: written.bytes, bookingIds: bookings.filter((b) => !ids.has(b.id)).map((b) => b.id), from: dates[0] ?? '', to: dates[dates.length - 1] ?? '' }],
    problems: written.problems,
  };
}

/** What the file writer refuses of these bookings (DATEV account numbers, currency), for the overview. */
export function fileProblemsOf(target: FileTarget, settings: ExportSettings) {
  return (bookings: ExportBooking[]): BookingProblem[] => writeFiles(target, bookings, settings, { createdAt: '2000-01-01T00:00:00.000', exportedBy: '' }).problems;
}

/** The selection as a file target takes it: ready ones, and (chosen by hand) exported ones again. */
export function fileSelection(candidates: readonly ExportCandidate[], selection: RequestOf<'startExport'>['selection']) {
  if (selection.kind === 'all') return { chosen: candidates.filter((c) => c.state === 'ready'), problems: [] as BookingProblem[] };
  const byId = new Map(candidates.map((c) => [c.booking.id, c]));
  const chosen: ExportCandidate[] = [];
  const problems: BookingProblem[] = [];
  for (const id of selection.ids) {
    const c = byId.get(id);
    if (c === undefined) problems.push({ bookingId: id, field: 'id', message: `${id} is no longer in the Bookings sheet.` });
    else if (c.state === 'ready' || c.state === 'exported') chosen.push(c);
    else problems.push(...c.problems.map((message) => ({ bookingId: id, field: 'accounting', message })));
  }
  return { chosen, problems };
}

export function runFileExport(services: AppsScriptServices, target: FileTarget, selection: RequestOf<'startExport'>['selection']): ExportRunDto {
  const settings = readExportSettings(services);
  const books = readExportBooks(services, target, settings, new Set(), fileProblemsOf(target, settings));
  const { chosen, problems } = fileSelection(books.candidates, selection);
  if (selection.kind === 'all') for (const c of books.candidates) if (c.state === 'incomplete') problems.push(...c.problems.map((message) => ({ bookingId: c.booking.id, field: 'accounting', message })));
  const base: ExportRunDto = { status: 'refused', jobId: '', target, exported: 0, receipts: 0, remaining: 0, failed: 0, unknown: 0, files: [], problems: [], message: '' };
  const failedIds = new Set(problems.map((p) => p.bookingId));
  if (chosen.length === 0) {
    return { ...base, failed: failedIds.size, problems: problems.map((p) => ({ bookingId: p.bookingId, message: p.message })), message: `Nothing to export to ${TARGET_NAMES[target]}: ${problems.length === 0 ? 'every booking is exported already.' : 'no selected booking is complete.'}` };
  }
  const now = new Date();
  const by = userEmail(services);
  const createdAt = services.Utilities.formatDate(now, books.timeZone, "yyyy-MM-dd'T'HH:mm:ss.SSS");
  const written = writeFiles(target, chosen.map((c) => c.booking), settings, { createdAt, exportedBy: by });
  problems.push(...written.problems);
  const files = written.files.map((f) => {
    const saved = saveToDrive(services, Uint8Array.from(f.bytes), f.name, 'text/csv');
    return { name: f.name, url: saved.url, bookings: f.bookingIds.length, from: f.from, to: f.to, ids: f.bookingIds };
  });
  // Marks only on bookings not exported before: an exported row keeps its first export and stays untouched.
  const fresh = new Set(chosen.filter((c) => c.state === 'ready').map((c) => c.booking.id));
  const marks = files.flatMap((f) => f.ids.filter((id) => fresh.has(id)).map((id) => ({ bookingId: id, exportedTo: TARGET_NAMES[target], exportId: f.name, at: now, by, status: 'exported' })));
  writeExportMarks(services, books.state, books.locale, marks);
  protectExportedRows(services);
  const exported = files.reduce((n, f) => n + f.bookings, 0);
  for (const p of problems) failedIds.add(p.bookingId);
  const again = exported - marks.length;
  return {
    ...base,
    status: 'done',
    exported,
    failed: failedIds.size,
    files: files.map(({ ids: _ids, ...f }) => f),
    problems: problems.map((p) => ({ bookingId: p.bookingId, message: p.message })),
    message:
      `${exported} booking${exported === 1 ? '' : 's'} written to ${files.length} ${TARGET_NAMES[target]} file${files.length === 1 ? '' : 's'} in your Drive` +
      (again > 0 ? ` (${again} exported before)` : '') +
      (failedIds.size > 0 ? `; ${failedIds.size} not exported (see the list).` : '.'),
  };
}
