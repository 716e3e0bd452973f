/**
 * A sheet seen as a table: a header row whose texts name the columns, and one record per row.
 *
 * Columns are found by their header text, never by position, so a user may reorder columns or add their own between ours
 * without breaking the add-on. Each column says how its value is kept in a cell (`kind`), which decides the number format:
 * text columns are plain text (`@`) so that Sheets never parses a bank's text as a formula or a number.
 */
export type ColumnKind = 'text' | 'date' | 'amount' | 'timestamp' | 'number';

export interface ColumnSpec {
  /** Stable key used in code. */
  key: string;
  /** Header text in the sheet: what the bookkeeper reads. */
  header: string;
  kind: ColumnKind;
}

export interface TableSpec {
  sheetName: string;
  columns: readonly ColumnSpec[];
}

/** Number formats per kind. Dates are written as serial day numbers, so only the format decides how they look. */
export function numberFormatFor(kind: ColumnKind, locale: string): string {
  const german = /^(de|at|ch)/i.test(locale) || /_(DE|AT|CH)$/.test(locale);
  switch (kind) {
    case 'text':
      return '@';
    case 'date':
      return german ? 'dd.mm.yyyy' : 'yyyy-mm-dd';
    case 'timestamp':
      return german ? 'dd.mm.yyyy hh:mm' : 'yyyy-mm-dd hh:mm';
    case 'amount':
      return '#,##0.00';
    case 'number':
      return '0';
  }
}

/** Where each column of the spec sits in the sheet (0-based), given the header row; -1 where it is missing. */
export function locateColumns(spec: TableSpec, headerRow: readonly unknown[]): Record<string, number> {
  const byText = new Map<string, number>();
  headerRow.forEach((cell, index) => {
    const text = String(cell).trim().toLowerCase();
    if (text !== '' && !byText.has(text)) byText.set(text, index);
  });
  const located: Record<string, number> = {};
  for (const column of spec.columns) located[column.key] = byText.get(column.header.toLowerCase()) ?? -1;
  return located;
}
