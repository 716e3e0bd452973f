/**
 * Reads the whole workbook for reconciliation — Transactions, Invoices, Payments, Contacts, Cases, Bookings — with one
 * `getValues` per sheet, and keeps the raw cells and column positions so that changes can be written back in whole
 * ranges (see ledger.ts).
 *
 * Cells come from Sheets with dates and timestamps as the platform's instants; the core reads calendar dates and ISO
 * instants. Only the spreadsheet's time zone names the right day, so the platform formats them here, per column kind.
 */
import { matchSettingsSchema, type MatchSettings } from '../../core/matching';
import type { Books } from '../../core/reconcile/books';
import { bookingsTable, readBookings } from '../../core/tables/bookings';
import { casesTable, readCases } from '../../core/tables/cases';
import type { ReadOptions, TableError } from '../../core/tables/cells';
import { contactsTable, readContacts } from '../../core/tables/contacts';
import { invoicesTable, readInvoices } from '../../core/tables/invoices';
import { logTable } from '../../core/tables/log';
import { paymentsTable, readPayments } from '../../core/tables/payments';
import { locateColumns, type TableSpec } from '../../core/tables/table';
import { readTransactionRecords } from '../../core/tables/transaction-rows';
import { transactionsTable } from '../../core/tables/transactions';
import { JsonProperty } from '../adapters/property-store';
import { SheetTable } from '../adapters/sheet-table';
import type { AppsScriptServices, CellValue, SheetApi, SpreadsheetApi } from '../platform/apps-script-api';

/** The currency of a row whose currency cell is blank. A setting later, when a firm outside the euro area asks. */
export const DEFAULT_CURRENCY = 'EUR';

/** Match settings of this spreadsheet (document properties), e.g. `{"fuzzyThreshold":0.92}`; missing fields take defaults. */
export const MATCH_SETTINGS_KEY = 'matchSettings';

/** ISO 8601 with the spreadsheet's offset, as instants travel to the sidebar. */
export const INSTANT_PATTERN = "yyyy-MM-dd'T'HH:mm:ssXXX";

/** A sheet as read: its raw cells (header first) and where each column of the spec sits (-1: missing). */
export interface SheetState {
  spec: TableSpec;
  sheet: SheetApi | null;
  values: CellValue[][];
  columns: Record<string, number>;
}

export interface OpenBooks {
  book: SpreadsheetApi;
  locale: string;
  timeZone: string;
  books: Books;
  /** Rows of any table that could not be read (left out, never guessed). */
  errors: TableError[];
  sheets: Record<'transactions' | 'invoices' | 'payments' | 'contacts' | 'cases' | 'bookings', SheetState>;
  /** The table to append to: the one `readBooks` opened (its header already read), else opened now. */
  table(spec: TableSpec): SheetTable;
}

const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';

/** The tables reconciliation writes to: created (or given their missing header cells) before a change. */
export const ledgerTables: readonly TableSpec[] = [transactionsTable, invoicesTable, paymentsTable, casesTable, bookingsTable, logTable];

/**
 * Reads every table. With `prepare`, missing sheets and missing header cells are added first (a change is about to be
 * written, under the document lock) — to every table, or to the ones listed; without, nothing is written and missing
 * columns read as blank.
 */
export function readBooks(services: AppsScriptServices, options: { prepare: boolean | readonly TableSpec[] }): OpenBooks {
  const book = services.SpreadsheetApp.getActiveSpreadsheet();
  const opened = new Map<string, SheetTable>();
  const table = (spec: TableSpec): SheetTable => {
    let found = opened.get(spec.sheetName);
    if (found === undefined) opened.set(spec.sheetName, (found = SheetTable.open(book, spec)));
    return found;
  };
  const toPrepare = options.prepare === true ? [...ledgerTables, contactsTable] : options.prepare === false ? [] : options.prepare;
  for (const spec of toPrepare) table(spec);
  const locale = book.getSpreadsheetLocale();
  const timeZone = book.getSpreadsheetTimeZone();
  const readOptions: ReadOptions = { locale, defaultCurrency: DEFAULT_CURRENCY };
  const convert = platformCells(services, timeZone);
  const state = (spec: TableSpec): SheetState => {
    const sheet = book.getSheetByName(spec.sheetName);
    const values = sheet === null || sheet.getLastRow() === 0 ? [] : sheet.getDataRange().getValues();
    return { spec, sheet, values, columns: locateColumns(spec, values[0] ?? []) };
  };
  const sheets = {
    transactions: state(transactionsTable),
    invoices: state(invoicesTable),
    payments: state(paymentsTable),
    contacts: state(contactsTable),
    cases: state(casesTable),
    bookings: state(bookingsTable),
  };
  const cells = (s: SheetState) => convert(s.values, s.spec, s.columns);
  const transactions = readTransactionRecords(cells(sheets.transactions), readOptions);
  const invoices = readInvoices(cells(sheets.invoices), readOptions);
  const payments = readPayments(cells(sheets.payments), readOptions);
  const contacts = readContacts(cells(sheets.contacts));
  const cases = readCases(cells(sheets.cases));
  const bookings = readBookings(cells(sheets.bookings), readOptions);
  return {
    book,
    locale,
    timeZone,
    books: {
      transactions: transactions.records,
      invoices: invoices.records,
      payments: payments.records,
      contacts: contacts.records,
      cases: cases.records,
      bookings: bookings.records,
    },
    errors: [...transactions.errors, ...invoices.errors, ...payments.errors, ...contacts.errors, ...cases.errors, ...bookings.errors],
    sheets,
    table,
  };
}

/**
 * Date cells of `date` columns become `YYYY-MM-DD`, of `timestamp` columns ISO instants, both in the spreadsheet's zone;
 * each distinct instant is formatted once (a table holds few).
 */
export function platformCells(services: AppsScriptServices, timeZone: string) {
  const memo = new Map<string, string>();
  const format = (date: Date, pattern: string): string => {
    const key = `${pattern}|${date.getTime()}`;
    let text = memo.get(key);
    if (text === undefined) memo.set(key, (text = services.Utilities.formatDate(date, timeZone, pattern)));
    return text;
  };
  return (rows: CellValue[][], spec: TableSpec, columns: Record<string, number>): unknown[][] => {
    const timestamps = new Set(spec.columns.filter((c) => c.kind === 'timestamp').map((c) => columns[c.key]!).filter((i) => i >= 0));
    return rows.map((row) =>
      row.some(isDate) ? row.map((cell, i) => (isDate(cell) ? format(cell, timestamps.has(i) ? INSTANT_PATTERN : 'yyyy-MM-dd') : cell)) : row,
    );
  };
}

/**
 * One table's cells as the core reads them (header row first; dates and instants as text), in one read; [] for a
 * missing or empty sheet. For the tables outside `readBooks` (Log, Archive) and for pages that need one table only.
 */
export function readTableCells(services: AppsScriptServices, book: SpreadsheetApi, spec: TableSpec, timeZone: string): unknown[][] {
  const sheet = book.getSheetByName(spec.sheetName);
  if (sheet === null || sheet.getLastRow() === 0) return [];
  const values = sheet.getDataRange().getValues();
  return platformCells(services, timeZone)(values, spec, locateColumns(spec, values[0] ?? []));
}

/** The platform's instant as the sidebar gets it. */
export function instantText(services: AppsScriptServices, timeZone: string, date: Date): string {
  return services.Utilities.formatDate(date, timeZone, INSTANT_PATTERN);
}

export function readMatchSettings(services: AppsScriptServices): Partial<MatchSettings> {
  const store = services.PropertiesService.getDocumentProperties();
  return store === null ? {} : (new JsonProperty(store, MATCH_SETTINGS_KEY, matchSettingsSchema).read() ?? {});
}
