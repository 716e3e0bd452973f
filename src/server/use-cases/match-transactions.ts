/**
 * Matching of the "Transactions" sheet against the bookkeeper's tables: every transaction gets a match status, the matched
 * invoice or payment number(s), case, method, score and reason in the match columns.
 *
 * Sheets calls are few and fixed, whatever the number of rows: each table is read with one `getValues`, the matcher runs on
 * arrays, and the match columns are written with one `setValues` (one per block of adjacent match columns, should a user
 * have moved one of them away from the others). Everything happens under the document lock, so two editors matching at
 * once cannot interleave their writes.
 */
import { createMatcher, type MatchResult, type MatchTransaction } from '../../core/matching';
import { matcherInput } from '../../core/reconcile/matcher-input';
import { casesTable, readCases } from '../../core/tables/cases';
import { describeTableError, type ReadOptions, type TableError } from '../../core/tables/cells';
import { contactsTable, readContacts } from '../../core/tables/contacts';
import { invoicesTable, readInvoices } from '../../core/tables/invoices';
import { matchCells, matchColumns } from '../../core/tables/match-columns';
import { paymentsTable, readPayments } from '../../core/tables/payments';
import { locateColumns, numberFormatFor, type TableSpec } from '../../core/tables/table';
import { readTransactionsForMatching } from '../../core/tables/transaction-rows';
import { transactionsTable } from '../../core/tables/transactions';
import type { ResponseOf } from '../../shared/contract';
import { withDocumentLock } from '../adapters/document-lock';
import { DEFAULT_CURRENCY, platformCells, readMatchSettings, readTableCells } from './books';
import { blocksOf } from './ledger';
import { SheetTable } from '../adapters/sheet-table';
import type { AppsScriptServices, SpreadsheetApi } from '../platform/apps-script-api';

/** The tables the bookkeeper keeps (Transactions is the import's). */
export const bookkeepingTables: readonly TableSpec[] = [invoicesTable, paymentsTable, contactsTable, casesTable];

export { MATCH_SETTINGS_KEY } from './books';

/** How many unreadable rows the answer lists; the count covers all. */
const MAX_ERRORS = 100;

type Response = ResponseOf<'matchTransactions'>;

/**
 * Creates each missing table as a sheet with its header row (one value write per sheet) and formats its data rows by
 * column kind in one more call, so that an invoice number typed as `0012` stays text. Returns the names created.
 */
export function createMissingTables(book: SpreadsheetApi, tables: readonly TableSpec[] = bookkeepingTables): string[] {
  const created: string[] = [];
  for (const spec of tables) {
    if (book.getSheetByName(spec.sheetName) !== null) continue;
    SheetTable.open(book, spec);
    const sheet = book.getSheetByName(spec.sheetName)!;
    const rows = sheet.getMaxRows() - 1;
    if (rows > 0) {
      const formats = spec.columns.map((c) => numberFormatFor(c.kind, book.getSpreadsheetLocale()));
      sheet.getRange(2, 1, rows, formats.length).setNumberFormats(Array.from({ length: rows }, () => formats));
    }
    created.push(spec.sheetName);
  }
  return created;
}

/**
 * Rows a user (or an automatic run) has already processed keep their match cells: the proposal they acted on stays
 * readable next to what was done.
 */
export function processedByUser(row: readonly unknown[], columns: Record<string, number>): boolean {
  const at = columns['processedBy'] ?? -1;
  return at >= 0 && String(row[at] ?? '').trim() !== '';
}

export function matchTransactions(services: AppsScriptServices): Response {
  return withDocumentLock(services.LockService, () => {
    const book = services.SpreadsheetApp.getActiveSpreadsheet();
    const createdTables = createMissingTables(book);
    const locale = book.getSpreadsheetLocale();
    const options: ReadOptions = { locale, defaultCurrency: DEFAULT_CURRENCY };
    const timeZone = book.getSpreadsheetTimeZone();
    const sheetName = transactionsTable.sheetName;

    const invoices = readInvoices(readTableCells(services, book, invoicesTable, timeZone), options);
    const payments = readPayments(readTableCells(services, book, paymentsTable, timeZone), options);
    const contacts = readContacts(readTableCells(services, book, contactsTable, timeZone));
    const cases = readCases(readTableCells(services, book, casesTable, timeZone));
    const tableErrors = [...invoices.errors, ...payments.errors, ...contacts.errors, ...cases.errors];

    const empty = { auto: 0, review: 0, none: 0, keptAsProcessed: 0, createdTables, sheetName };
    const sheet = book.getSheetByName(sheetName);
    if (sheet === null) {
      return { ...empty, ...errorsOf(tableErrors), message: `There is no "${sheetName}" sheet yet: import a bank statement first.` };
    }
    // Read raw: the cells of rows that are not matched again are written back as they were.
    const values = sheet.getLastRow() === 0 ? [] : sheet.getDataRange().getValues();
    let columns = locateColumns(transactionsTable, values[0] ?? []);
    if (transactionsTable.columns.some((c) => columns[c.key] === -1)) {
      // The first run on a sheet the import wrote before matching existed: add the match columns' header cells, then
      // read the header again to learn where they went. Later runs read the sheet once.
      SheetTable.open(book, transactionsTable);
      columns = locateColumns(transactionsTable, sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []);
    }
    const transactions = readTransactionsForMatching(platformCells(services, timeZone)(values, transactionsTable, columns), options);

    const matcher = createMatcher(
      matcherInput(
        { invoices: invoices.records, payments: payments.records, contacts: contacts.records, cases: cases.records },
        readMatchSettings(services),
      ),
    );

    // Per sheet row: a result's cells, an error text, or nothing (processed by a user, or an empty row) — then the cells
    // stay as they are.
    const results = new Map<number, MatchResult>();
    const resultCells = new Map<number, ReturnType<typeof matchCells>>();
    const unreadable = new Map<number, string[]>();
    let keptAsProcessed = 0;
    for (const error of transactions.errors) unreadable.set(error.row, [...(unreadable.get(error.row) ?? []), describeTableError(error)]);
    for (const t of transactions.records) {
      if (processedByUser(values[t.row - 1]!, columns)) {
        keptAsProcessed++;
        continue;
      }
      const transaction: MatchTransaction = t;
      const result = matcher.match(transaction);
      results.set(t.row, result);
      resultCells.set(t.row, matchCells(result));
    }

    const positions = matchColumns.map((c) => columns[c.key]!);
    const dataRows = values.length - 1;
    if (dataRows > 0) {
      for (const block of blocksOf(positions)) {
        const specs = block.map((p) => matchColumns[positions.indexOf(p)]!);
        const formats = specs.map((c) => numberFormatFor(c.kind, locale));
        const rows = Array.from({ length: dataRows }, (_, i) => {
          const row = i + 2;
          const out = resultCells.get(row);
          if (out !== undefined) return specs.map((c) => out[c.key]);
          const errors = unreadable.get(row);
          if (errors !== undefined) return specs.map((c) => (c.key === 'matchReason' ? errors.join('; ') : ''));
          return block.map((p) => values[i + 1]![p] ?? '');
        });
        const range = sheet.getRange(2, block[0]! + 1, dataRows, block.length);
        // Formats first: the reason quotes bank text, which must stay text in the cell.
        range.setNumberFormats(rows.map(() => formats));
        range.setValues(rows);
      }
    }

    const counts = { auto: 0, review: 0, none: 0 };
    for (const result of results.values()) counts[result.status]++;
    const allErrors = [...tableErrors, ...transactions.errors];
    const unreadableNote = allErrors.length > 0 ? ` ${allErrors.length} unreadable cell(s) left out.` : '';
    return {
      ...empty,
      ...counts,
      keptAsProcessed,
      ...errorsOf(allErrors),
      message:
        `${results.size} transaction(s) matched: ${counts.auto} sure, ${counts.review} to review, ${counts.none} without a match.` +
        unreadableNote,
    };
  });
}

function errorsOf(errors: TableError[]): Pick<Response, 'errorCount' | 'errors'> {
  return {
    errorCount: errors.length,
    errors: errors.slice(0, MAX_ERRORS).map((e) => ({ ...e, text: describeTableError(e) })),
  };
}
