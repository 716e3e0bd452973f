/**
 * A sheet seen as a table: a header row whose texts name the columns, and one record per row.
 *
 * Columns are found by their header text, never by position, so a user may reorder columns or add their own between ours
 * without breaking the add-on. Each column says how its value is kept in a cell (`kind`), which decides the number format:
 * text columns are plain text (`@`) so that Sheets never parses a bank's text as a formula or a number.
 */
/** `score`: a similarity from 0 to 1, shown with three decimals. */
export type ColumnKind = 'text' | 'date' | 'amount' | 'timestamp' | 'number' | 'score';

export interface ColumnSpec {
  /** Stable key used in code. */
  key: string;
  /** Header text in the sheet: what the bookkeeper reads. */
  header: string;
  kind: ColumnKind;
  /**
   * Other header texts that name the same column, e.g. "Rechnungsnummer" for "Number": users bring sheets they already
   * keep, often with German headers. New sheets get `header`.
   */
  aliases?: readonly string[];
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
    case 'score':
      return '0.000';
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
  for (const column of spec.columns) {
    const names = [column.header, ...(column.aliases ?? [])].map((name) => name.trim().toLowerCase());
    // The first name found wins, so the canonical header beats an alias if a sheet happens to hold both.
    located[column.key] = names.map((name) => byText.get(name) ?? -1).find((index) => index !== -1) ?? -1;
  }
  return located;
}
