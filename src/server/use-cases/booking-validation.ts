/**
 * Data validation on the Bookings sheet's accounting columns: GL account, tax rate, cost centre and cost object offer a
 * dropdown of the "Accounts", "Tax rates", "Cost centres" and "Projects" sheets — the same lists the sidebar offers —
 * and mark any other value with Sheets' warning triangle. Warn, not reject: a rejecting rule applies to a script's own
 * `setValues` too (public add-ons hit "The data you entered in cell … violates the data validation rules"), so one rule
 * naming an account the list lacks would make a whole "Fill from rules" write fail. The export checks the values.
 *
 * One call per column, and only when something changed (a column moved, the sheet grew, a list appeared): the state last
 * applied is kept in a document property, so the everyday call costs one property read.
 */
import type { AccountingField } from '../../core/accounting/fields';
import { accountsTable, costCentresTable, projectsTable, taxRatesTable } from '../../core/tables/reference-lists';
import { locateColumns, type TableSpec } from '../../core/tables/table';
import type { AppsScriptServices } from '../platform/apps-script-api';
import type { OpenBooks } from './books';

const VALIDATION_KEY = 'bookingValidation';

const LISTS: ReadonlyArray<{ field: AccountingField; list: TableSpec; help: string }> = [
  { field: 'glAccount', list: accountsTable, help: 'Choose an account of the "Accounts" sheet.' },
  { field: 'taxRate', list: taxRatesTable, help: 'Choose a rate of the "Tax rates" sheet.' },
  { field: 'costCentre', list: costCentresTable, help: 'Choose a cost centre of the "Cost centres" sheet.' },
  { field: 'costObject', list: projectsTable, help: 'Choose a project of the "Projects" sheet.' },
];

export function ensureBookingValidation(services: AppsScriptServices, open: OpenBooks): void {
  const state = open.sheets.bookings;
  const sheet = state.sheet ?? open.book.getSheetByName(state.spec.sheetName);
  const store = services.PropertiesService.getDocumentProperties();
  if (sheet === null || store === null) return;
  const rows = sheet.getMaxRows() - 1;
  if (rows < 1) return;
  const plans = LISTS.flatMap(({ field, list, help }) => {
    const column = state.columns[field] ?? -1;
    const listSheet = open.book.getSheetByName(list.sheetName);
    if (column < 0 || listSheet === null || listSheet.getLastRow() < 2) return [];
    const header = listSheet.getRange(1, 1, 1, Math.max(1, listSheet.getLastColumn())).getValues()[0] ?? [];
    const code = locateColumns(list, header)['code'] ?? -1;
    return code < 0 ? [] : [{ column, listSheet, code, help, key: `${field}@${column}:${list.sheetName}!${code}` }];
  });
  const signature = `${rows}|${plans.map((p) => p.key).join('|')}`;
  if (store.getProperty(VALIDATION_KEY) === signature) return;
  for (const p of plans) {
    const source = p.listSheet.getRange(2, p.code + 1, Math.max(1, p.listSheet.getMaxRows() - 1), 1);
    const rule = services.SpreadsheetApp.newDataValidation().requireValueInRange(source, true).setAllowInvalid(true).setHelpText(p.help).build();
    sheet.getRange(2, p.column + 1, rows, 1).setDataValidation(rule);
  }
  store.setProperty(VALIDATION_KEY, signature);
}
