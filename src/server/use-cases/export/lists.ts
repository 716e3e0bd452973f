/**
 * The accounting system's own lists into the "Accounts" and "Tax rates" sheets, so that the dropdowns offer what the
 * target accepts. Merged, never replaced: rows the firm keeps stay as they are (their names too); codes the sheet lacks are
 * appended in one write.
 */
import { readReferenceList } from '../../../core/tables/reference-lists';
import type { TableSpec } from '../../../core/tables/table';
import { SheetTable } from '../../adapters/sheet-table';
import type { SpreadsheetApi } from '../../platform/apps-script-api';

/** Appends the entries (cells by column key) whose code the sheet does not have yet; returns how many. */
export function mergeList(book: SpreadsheetApi, spec: TableSpec, entries: ReadonlyArray<Record<string, string>>): number {
  const table = SheetTable.open(book, spec);
  const sheet = book.getSheetByName(spec.sheetName)!;
  const cells = sheet.getLastRow() === 0 ? [] : sheet.getDataRange().getValues();
  const known = new Set(readReferenceList(spec, cells).records.map((r) => r.code.trim().toLowerCase()));
  const fresh: Array<Record<string, string>> = [];
  for (const e of entries) {
    const key = (e.code ?? '').trim().toLowerCase();
    if (key === '' || known.has(key)) continue;
    known.add(key);
    fresh.push(e);
  }
  const keys = spec.columns.map((c) => c.key);
  table.appendRows(fresh.map((e) => Object.fromEntries(keys.map((k) => [k, e[k] ?? '']))));
  return fresh.length;
}
