/**
 * Writes what an export did onto the bookings' rows: target, remote id or file, when, by whom, status. Each booking's row
 * is looked up by its id right before the write (under the document lock), because between two bookings of a long
 * export a colleague may have added, split or undone bookings and rows may have moved.
 */
import type { AppsScriptServices } from '../../platform/apps-script-api';
import { withDocumentLock } from '../../adapters/document-lock';
import type { SheetState } from '../books';
import { writeChanges, type CellChanges } from '../ledger';

export interface ExportMark {
  bookingId: string;
  exportedTo: string;
  exportId: string;
  at: Date;
  by: string;
  status: string;
}

/** Sheet row of each booking id, from one read of the id column. */
function rowsById(state: SheetState): Map<string, number> {
  const sheet = state.sheet!;
  const at = state.columns.id ?? -1;
  const last = sheet.getLastRow();
  const rows = new Map<string, number>();
  if (at < 0 || last < 2) return rows;
  sheet.getRange(2, at + 1, last - 1, 1).getValues().forEach((cells, i) => {
    const id = String(cells[0] ?? '').trim();
    if (id !== '' && !rows.has(id)) rows.set(id, i + 2);
  });
  return rows;
}

/**
 * Writes the marks (one block per run of rows; rows in between are left alone — they may be protected) and flushes, so
 * that they are stored before anything else is sent. A booking no longer in the sheet is returned: its record exists
 * at the target, and the user is told so.
 */
export function writeExportMarks(services: AppsScriptServices, state: SheetState, locale: string, marks: readonly ExportMark[]): string[] {
  if (marks.length === 0 || state.sheet === null) return [];
  return withDocumentLock(services.LockService, () => {
    const rows = rowsById(state);
    const changes: CellChanges = new Map();
    const lost: string[] = [];
    for (const m of marks) {
      const row = rows.get(m.bookingId);
      if (row === undefined) {
        lost.push(m.bookingId);
        continue;
      }
      changes.set(row, { exportedTo: m.exportedTo, exportId: m.exportId, exportedAt: m.at, exportedBy: m.by, exportStatus: m.status });
    }
    // Every row not changed now counts as locked: the marks go in runs and never over a row in between.
    const unchanged = new Set<number>();
    for (const row of rows.values()) if (!changes.has(row)) unchanged.add(row);
    writeChanges(state, changes, locale, unchanged);
    services.SpreadsheetApp.flush();
    return lost;
  });
}

