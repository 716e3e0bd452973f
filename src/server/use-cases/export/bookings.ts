/**
 * The bookings as an export sees them: read from the "Bookings" sheet in one call, each with where it stands for the
 * chosen target — ready, incomplete (and why, field named), exported, receipt pending, or sent without a known outcome.
 */
import { checkForTarget, describeMissing, describeTargetProblems, missingFields, TARGET_NAMES, type ExportTarget } from '../../../core/accounting/requirements';
import type { BookingProblem, ExportBooking } from '../../../core/export/export-booking';
import { receiptPending } from '../../../core/export/export-status';
import { bookingsTable, readBookings, type BookingRow } from '../../../core/tables/bookings';
import { describeTableError, type TableError } from '../../../core/tables/cells';
import { locateColumns } from '../../../core/tables/table';
import type { AppsScriptServices, CellValue } from '../../platform/apps-script-api';
import { extraRequiredFor, readAccountingSettings } from '../accounting-context';
import { DEFAULT_CURRENCY, platformCells, type SheetState } from '../books';
import type { ExportSettings } from './settings';

export type ExportState = 'ready' | 'incomplete' | 'exported' | 'receipt-pending' | 'unknown';

export interface ExportCandidate {
  row: BookingRow & { row: number };
  booking: ExportBooking;
  state: ExportState;
  problems: string[];
}

export interface ExportBooks {
  state: SheetState;
  timeZone: string;
  locale: string;
  candidates: ExportCandidate[];
  errors: TableError[];
}

export const isApiTarget = (target: ExportTarget): target is 'lexoffice' | 'bexio' => target === 'lexoffice' || target === 'bexio';

export function exportBookingOf(b: BookingRow, settings: ExportSettings): ExportBooking {
  return {
    id: b.id,
    date: b.date,
    amountMinor: b.amountMinor,
    currency: b.currency,
    description: b.description,
    accounting: b.accounting,
    taxAmountMinor: b.taxAmountMinor,
    bankAccount: settings.bankAccount,
  };
}

/**
 * Reads the "Bookings" sheet and judges every booking for `target`. `inflight`: bookings sent without a known outcome
 * (the API export's journal). `fileProblems`: what a file target's writer refuses (DATEV account numbers).
 */
export function readExportBooks(
  services: AppsScriptServices,
  target: ExportTarget,
  settings: ExportSettings,
  inflight: ReadonlySet<string>,
  fileProblems: (bookings: ExportBooking[]) => BookingProblem[] = () => [],
): ExportBooks {
  const book = services.SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = book.getSpreadsheetTimeZone();
  const locale = book.getSpreadsheetLocale();
  const sheet = book.getSheetByName(bookingsTable.sheetName);
  const values: CellValue[][] = sheet === null || sheet.getLastRow() === 0 ? [] : sheet.getDataRange().getValues();
  const columns = locateColumns(bookingsTable, values[0] ?? []);
  const state: SheetState = { spec: bookingsTable, sheet, values, columns };
  const read = values.length < 2 ? { records: [], errors: [] } : readBookings(platformCells(services, timeZone)(values, bookingsTable, columns), { locale, defaultCurrency: DEFAULT_CURRENCY });
  const extra = extraRequiredFor(readAccountingSettings(services), target);

  const candidates: ExportCandidate[] = read.records.map((row) => {
    const booking = exportBookingOf(row, settings);
    if (row.exportedTo !== '') {
      const pending = isApiTarget(target) && row.exportedTo === TARGET_NAMES[target] && receiptPending(row.exportStatus);
      return { row, booking, state: pending ? 'receipt-pending' : 'exported', problems: [] };
    }
    if (inflight.has(row.id)) return { row, booking, state: 'unknown', problems: [] };
    const problems: string[] = [];
    if (row.amountMinor === 0) problems.push(`${row.id} cannot go to ${TARGET_NAMES[target]}: its amount is 0`);
    const missing = missingFields(row.accounting, target, extra);
    if (missing.length > 0) problems.push(describeMissing(row.id, target, missing));
    const refused = checkForTarget(row.accounting, target);
    if (refused.length > 0) problems.push(describeTargetProblems(row.id, target, refused));
    return { row, booking, state: problems.length > 0 ? 'incomplete' : 'ready', problems };
  });
  // The file writer's own checks, once for all that are ready (a wrong account number, a foreign currency for DATEV).
  const ready = candidates.filter((c) => c.state === 'ready');
  const byId = new Map(ready.map((c) => [c.booking.id, c]));
  for (const p of fileProblems(ready.map((c) => c.booking))) {
    const c = byId.get(p.bookingId);
    if (c === undefined) continue;
    c.state = 'incomplete';
    c.problems.push(p.message);
  }
  return { state, timeZone, locale, candidates, errors: read.errors };
}

export function tableErrorTexts(errors: readonly TableError[]): string[] {
  return errors.slice(0, 20).map(describeTableError);
}
