/**
 * Exported bookings are locked in the sheet too: their rows in "Bookings", and the rows of their transactions in
 * "Transactions" (the reconciliation that made them), get a range protection that leaves only the spreadsheet's owner and
 * the user who exported as editors — Apps Script cannot take those two off (Protection.removeEditors). The sidebar refuses
 * every change of an exported booking for everyone, the owner included.
 *
 * Protections are only ever added, for exported rows no protection of ours covers yet: removing one needs its editor
 * rights, which a colleague exporting later may lack. A booking whose receipt is still to be attached is protected once
 * it is (the export still writes its status).
 */
import { receiptPending } from '../../../core/export/export-status';
import { bookingsTable } from '../../../core/tables/bookings';
import { locateColumns } from '../../../core/tables/table';
import { transactionsTable } from '../../../core/tables/transactions';
import type { AppsScriptServices, SheetApi } from '../../platform/apps-script-api';

export const PROTECTION_DESCRIPTION = 'Kontomatch: exported bookings are locked';

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim());

/** Rows (1-based) of a sheet's data that our protections cover already. */
function coveredRows(sheet: SheetApi, type: GoogleAppsScript.Spreadsheet.ProtectionType): Set<number> {
  const rows = new Set<number>();
  for (const p of sheet.getProtections(type)) {
    if (p.getDescription() !== PROTECTION_DESCRIPTION) continue;
    const range = p.getRange();
    const first = range.getRow();
    for (let r = first; r < first + range.getNumRows(); r++) rows.add(r);
  }
  return rows;
}

function protectRows(services: AppsScriptServices, sheet: SheetApi, rows: readonly number[], me: string): number {
  const width = sheet.getLastColumn();
  if (rows.length === 0 || width === 0) return 0;
  const covered = coveredRows(sheet, services.SpreadsheetApp.ProtectionType.RANGE);
  const fresh = rows.filter((r) => !covered.has(r));
  // Runs of consecutive rows: a row in between is not exported and stays editable.
  const pieces: number[][] = [];
  for (const row of fresh.sort((a, b) => a - b)) {
    const last = pieces[pieces.length - 1];
    if (last !== undefined && last[last.length - 1] === row - 1) last.push(row);
    else pieces.push([row]);
  }
  for (const piece of pieces) {
    const protection = sheet.getRange(piece[0]!, 1, piece.length, width).protect().setDescription(PROTECTION_DESCRIPTION);
    // Google's own recipe: make sure the user is an editor, then remove everyone else (owner and user stay).
    if (me !== '') protection.addEditor(me);
    protection.removeEditors(protection.getEditors().map((u) => u.getEmail()).filter((e) => e !== '' && e !== me));
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
  }
  const added = pieces.length;
  return added;
}

/** Protects every exported booking's row and its transaction's row not protected yet; returns how many protections it added. */
export function protectExportedRows(services: AppsScriptServices): number {
  const book = services.SpreadsheetApp.getActiveSpreadsheet();
  const bookings = book.getSheetByName(bookingsTable.sheetName);
  if (bookings === null || bookings.getLastRow() < 2) return 0;
  const values = bookings.getDataRange().getValues();
  const at = locateColumns(bookingsTable, values[0] ?? []);
  const exportedRows: number[] = [];
  const transactionKeys = new Set<string>();
  for (let i = 1; i < values.length; i++) {
    const row = values[i]!;
    if (text(row[at.exportedTo!]) === '' || (at.exportStatus! >= 0 && receiptPending(text(row[at.exportStatus!])))) continue;
    exportedRows.push(i + 1);
    if (at.transaction! >= 0 && text(row[at.transaction!]) !== '') transactionKeys.add(text(row[at.transaction!]));
  }
  const me = services.Session.getEffectiveUser().getEmail();
  let added = protectRows(services, bookings, exportedRows, me);
  const transactions = book.getSheetByName(transactionsTable.sheetName);
  if (transactions !== null && transactions.getLastRow() >= 2 && transactionKeys.size > 0) {
    const tx = transactions.getDataRange().getValues();
    const tat = locateColumns(transactionsTable, tx[0] ?? []);
    const keyAt = tat.fingerprint ?? -1;
    const rows: number[] = [];
    if (keyAt >= 0) for (let i = 1; i < tx.length; i++) if (transactionKeys.has(text(tx[i]![keyAt]))) rows.push(i + 1);
    added += protectRows(services, transactions, rows, me);
  }
  return added;
}

/**
 * Rows of the sheet that one of our protections keeps from the current user (a colleague who did not export them). Writes
 * must go around these; for the owner and the exporting user there are none, so their writes stay one block.
 */
export function rowsLockedForMe(services: AppsScriptServices, sheet: SheetApi | null): Set<number> {
  const rows = new Set<number>();
  if (sheet === null) return rows;
  for (const p of sheet.getProtections(services.SpreadsheetApp.ProtectionType.RANGE)) {
    if (p.getDescription() !== PROTECTION_DESCRIPTION || p.canEdit()) continue;
    const range = p.getRange();
    for (let r = range.getRow(); r < range.getRow() + range.getNumRows(); r++) rows.add(r);
  }
  return rows;
}
