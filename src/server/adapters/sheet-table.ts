/**
 * A sheet read and written as a typed table, in whole ranges.
 *
 * Every Sheets call is a round trip of tens of milliseconds, so this adapter never touches cells one by one: the header is
 * read once, a column is read in one call, and new rows are appended with one format call and one value call, whatever
 * their number.
 */
import { locateColumns, numberFormatFor, type TableSpec } from '../../core/tables/table';
import type { CellValue, SheetApi, SpreadsheetApi } from '../platform/apps-script-api';

export class SheetTable {
  private constructor(
    private readonly sheet: SheetApi,
    private readonly spec: TableSpec,
    /** Position (0-based) of each spec column in the sheet. */
    private readonly columns: Record<string, number>,
    private readonly width: number,
    private readonly locale: string,
  ) {}

  /** Opens the table, or finds it absent (null): reading must not create sheets. */
  static find(book: SpreadsheetApi, spec: TableSpec): SheetTable | null {
    const sheet = book.getSheetByName(spec.sheetName);
    return sheet === null ? null : SheetTable.fromSheet(book, sheet, spec);
  }

  /** Opens the table, creating the sheet with its header row, or adding header cells for columns it lacks. */
  static open(book: SpreadsheetApi, spec: TableSpec): SheetTable {
    const sheet = book.getSheetByName(spec.sheetName) ?? book.insertSheet(spec.sheetName);
    const table = SheetTable.fromSheet(book, sheet, spec);
    return table.withMissingHeaders();
  }

  private static fromSheet(book: SpreadsheetApi, sheet: SheetApi, spec: TableSpec): SheetTable {
    const lastColumn = sheet.getLastColumn();
    const header = lastColumn === 0 ? [] : sheet.getRange(1, 1, 1, lastColumn).getValues()[0] ?? [];
    return new SheetTable(sheet, spec, locateColumns(spec, header), lastColumn, book.getSpreadsheetLocale());
  }

  private withMissingHeaders(): SheetTable {
    const missing = this.spec.columns.filter((c) => this.columns[c.key] === -1);
    if (missing.length === 0) return this;
    const first = this.width + 1;
    this.ensureSize(1, first + missing.length - 1);
    const range = this.sheet.getRange(1, first, 1, missing.length);
    range.setNumberFormat('@');
    range.setValues([missing.map((c) => c.header)]);
    range.setFontWeight('bold');
    if (this.sheet.getFrozenRows() === 0) this.sheet.setFrozenRows(1);
    const columns = { ...this.columns };
    missing.forEach((c, i) => (columns[c.key] = this.width + i));
    return new SheetTable(this.sheet, this.spec, columns, this.width + missing.length, this.locale);
  }

  get sheetName(): string {
    return this.spec.sheetName;
  }

  /** Number of data rows (below the header). */
  rowCount(): number {
    return Math.max(0, this.sheet.getLastRow() - 1);
  }

  /** All values of one column, top to bottom, in one read. */
  readColumn(key: string): CellValue[] {
    const index = this.columnIndex(key);
    const rows = this.rowCount();
    if (rows === 0 || index < 0) return [];
    return this.sheet.getRange(2, index + 1, rows, 1).getValues().map((r) => r[0] as CellValue);
  }

  /**
   * Appends records below the last row: one call for formats, one for values. Cells of columns the spec does not know
   * (the user's own) are left empty.
   */
  appendRows(records: ReadonlyArray<Record<string, unknown>>): { firstRow: number; count: number } {
    const firstRow = this.sheet.getLastRow() + 1;
    if (records.length === 0) return { firstRow, count: 0 };
    const formatRow: string[] = new Array<string>(this.width).fill('');
    for (const column of this.spec.columns) formatRow[this.columnIndex(column.key)] = numberFormatFor(column.kind, this.locale);
    const values = records.map((record) => {
      const row: unknown[] = new Array<unknown>(this.width).fill('');
      for (const column of this.spec.columns) {
        const value = record[column.key];
        if (value !== undefined && value !== null) row[this.columnIndex(column.key)] = value;
      }
      return row;
    });
    this.ensureSize(firstRow + records.length - 1, this.width);
    const range = this.sheet.getRange(firstRow, 1, records.length, this.width);
    // Formats first: a text column must be plain text *before* the values arrive, or Sheets parses them like typing.
    range.setNumberFormats(values.map(() => formatRow));
    range.setValues(values);
    return { firstRow, count: records.length };
  }

  private columnIndex(key: string): number {
    const index = this.columns[key];
    if (index === undefined) throw new Error(`The ${this.spec.sheetName} table has no column "${key}".`);
    return index;
  }

  /** A new sheet has 1000 rows and 26 columns; writing past them fails, so grow first (one call each, only when needed). */
  private ensureSize(rows: number, columns: number): void {
    const maxRows = this.sheet.getMaxRows();
    if (rows > maxRows) this.sheet.insertRowsAfter(maxRows, rows - maxRows);
    const maxColumns = this.sheet.getMaxColumns();
    if (columns > maxColumns) this.sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  }
}
