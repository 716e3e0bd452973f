/**
 * One sheet: a sparse grid of cells with a fixed size (1000 × 26 when new) that only insertRows/ColumnsAfter grow, as in
 * Sheets, so code that writes past the end without growing the sheet fails here too. A cell carries its value, formats,
 * background and data validation rule, so all of them move together when rows are deleted or inserted.
 */
import { Fake, currentActingUser } from '../fake';
import type { SheetApi } from '../../../src/server/platform/apps-script-api';
import { emptyCell, hasContent, type Cell } from './cell';
import { FakeDeveloperMetadata } from './metadata';
import { FakeProtection } from './protection';
import { FakeRange } from './range';
import type { FakeSpreadsheet } from './workbook';

function checkInteger(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`The parameters (${typeof value}) don't match the method signature for SpreadsheetApp.Sheet.${what}.`);
  }
  return Math.floor(value);
}

export class FakeSheet extends Fake implements SheetApi {
  readonly className = 'Sheet';
  /** rows[r][c], 0-based, sparse. */
  private rows: Array<Array<Cell | undefined> | undefined> = [];
  private maxRows = 1000;
  private maxColumns = 26;
  private frozenRows = 0;
  readonly protections: FakeProtection[] = [];

  constructor(
    readonly book: FakeSpreadsheet,
    private name: string,
    private readonly sheetId: number,
  ) {
    super();
  }

  cellAt(row: number, column: number): Cell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }
  cellForWrite(row: number, column: number): Cell {
    const r = (this.rows[row - 1] ??= []);
    return (r[column - 1] ??= emptyCell());
  }

  getName(): string {
    return this.name;
  }
  setName(name: string): FakeSheet {
    this.book.renameSheet(this, String(name));
    this.name = String(name);
    return this;
  }
  getSheetId(): number {
    return this.sheetId;
  }
  getParent(): FakeSpreadsheet {
    return this.book;
  }

  getLastRow(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) if (this.rows[r]?.some(hasContent)) return r + 1;
    return 0;
  }
  getLastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length - 1; c >= last; c--) if (hasContent(row[c])) last = c + 1;
    }
    return last;
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxColumns;
  }

  getRange(row: number, column: number, numRows = 1, numColumns = 1): FakeRange {
    row = checkInteger(row, 'getRange');
    column = checkInteger(column, 'getRange');
    numRows = checkInteger(numRows, 'getRange');
    numColumns = checkInteger(numColumns, 'getRange');
    if (row < 1) throw new Error('The starting row of the range is too small.');
    if (column < 1) throw new Error('The starting column of the range is too small.');
    if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, row, column, numRows, numColumns);
  }
  getDataRange(): FakeRange {
    return new FakeRange(this, 1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }

  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    afterPosition = checkInteger(afterPosition, 'insertRowsAfter');
    howMany = checkInteger(howMany, 'insertRowsAfter');
    if (afterPosition < 1 || afterPosition > this.maxRows) throw new Error('Those rows are out of bounds.');
    if (howMany < 1) throw new Error('The number of rows to insert must be at least 1.');
    if (this.rows.length > afterPosition) this.rows.splice(afterPosition, 0, ...new Array(howMany).fill(undefined));
    this.maxRows += howMany;
    this.shift('ROW', afterPosition, howMany);
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    afterPosition = checkInteger(afterPosition, 'insertColumnsAfter');
    howMany = checkInteger(howMany, 'insertColumnsAfter');
    if (afterPosition < 1 || afterPosition > this.maxColumns) throw new Error('Those columns are out of bounds.');
    if (howMany < 1) throw new Error('The number of columns to insert must be at least 1.');
    for (const row of this.rows) {
      if (row && row.length > afterPosition) row.splice(afterPosition, 0, ...new Array(howMany).fill(undefined));
    }
    this.maxColumns += howMany;
    this.shift('COLUMN', afterPosition, howMany);
    return this;
  }
  /**
   * Deletes whole rows as Sheets does: the rows below move up with their values, formats, row metadata and protections;
   * metadata and protections wholly inside the deleted rows go with them, ones that span the cut shrink. The sheet gets
   * smaller (maxRows), and a sheet must keep at least one row that is not frozen.
   */
  deleteRows(rowPosition: number, howMany: number): void {
    rowPosition = checkInteger(rowPosition, 'deleteRows');
    howMany = checkInteger(howMany, 'deleteRows');
    if (howMany < 1) throw new Error('The number of rows to delete must be at least 1.');
    const last = rowPosition + howMany - 1;
    if (rowPosition < 1 || last > this.maxRows) throw new Error('Those rows are out of bounds.');
    if (rowPosition <= this.frozenRows + 1 && last >= this.maxRows) throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    // Deleting a row edits every cell in it: a protection against this user anywhere in those rows stops the deletion.
    this.assertEditable(new FakeRange(this, rowPosition, 1, howMany, this.maxColumns));
    this.rows.splice(rowPosition - 1, howMany);
    this.maxRows -= howMany;
    this.frozenRows -= overlap(1, this.frozenRows, rowPosition, last);
    const book = this.book;
    for (const m of [...book.metadata.entries]) {
      const l = m.location;
      if (l.type !== 'ROW' || l.sheetId !== this.sheetId) continue;
      const cut = cutSpan(l.start, l.count, rowPosition, howMany);
      if (cut === null) book.metadata.delete(m);
      else [l.start, l.count] = cut;
    }
    for (const p of [...this.protections]) {
      const cut = cutSpan(p.range.row, p.range.numRows, rowPosition, howMany);
      if (cut === null) p.remove();
      else [p.range.row, p.range.numRows] = cut;
    }
    // Rules live on the cells and moved up with them; the lists they read from shrink like formula references. A list
    // deleted whole keeps its place (Sheets would show #REF!; nothing here depends on that).
    for (const source of this.validationSources()) {
      const cut = cutSpan(source.row, source.numRows, rowPosition, howMany);
      if (cut !== null) [source.row, source.numRows] = cut;
    }
  }
  deleteRow(rowPosition: number): FakeSheet {
    this.deleteRows(checkInteger(rowPosition, 'deleteRow'), 1);
    return this;
  }

  /** The source ranges of VALUE_IN_RANGE rules (anywhere in the workbook) that read from this sheet. */
  private validationSources(): FakeRange[] {
    return [...this.book.validations].flatMap((rule) => {
      const source = rule.sourceRange();
      return source && source.sheet === this ? [source] : [];
    });
  }

  /** Metadata, protections and the lists rules read from, below/right of an insertion, move with their cells. */
  private shift(axis: 'ROW' | 'COLUMN', after: number, by: number): void {
    for (const m of this.book.metadata.entries) {
      const l = m.location;
      if (l.type === axis && l.sheetId === this.sheetId && l.start > after) l.start += by;
      else if (l.type === axis && l.sheetId === this.sheetId && l.start + l.count - 1 > after) l.count += by;
    }
    for (const r of [...this.protections.map((p) => p.range), ...this.validationSources()]) {
      if (axis === 'ROW') {
        if (r.row > after) r.row += by;
        else if (r.getLastRow() > after) r.numRows += by;
      } else if (r.column > after) r.column += by;
      else if (r.getLastColumn() > after) r.numColumns += by;
    }
  }

  setFrozenRows(rows: number): void {
    rows = checkInteger(rows, 'setFrozenRows');
    if (rows < 0 || rows >= this.maxRows) throw new Error('Invalid argument: rows');
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }

  addProtection(range: FakeRange): FakeProtection {
    const protection = new FakeProtection(new FakeRange(this, range.row, range.column, range.numRows, range.numColumns), 'RANGE', (p) => {
      const i = this.protections.indexOf(p);
      if (i >= 0) this.protections.splice(i, 1);
    });
    this.protections.push(protection);
    return protection;
  }
  getProtections(type: unknown): FakeProtection[] {
    const wanted = String(type);
    return this.protections.filter((p) => p.type === wanted);
  }
  /** A script runs as its user: writing into a range protected against that user fails, as in Sheets. */
  assertEditable(range: FakeRange): void {
    const user = currentActingUser();
    if (user !== '' && user === this.book.owner) return; // the owner can always edit
    for (const p of this.protections) {
      if (p.blocks(user) && p.range.intersects(range)) {
        throw new Error('You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.');
      }
    }
  }

  addDeveloperMetadata(key: string, value?: string): FakeSheet {
    this.book.metadata.add(String(key), value === undefined ? null : String(value), { type: 'SHEET', sheetId: this.sheetId });
    return this;
  }
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    return this.book.metadata.entries.filter((m) => m.location.type === 'SHEET' && m.location.sheetId === this.sheetId);
  }

  // ---- For tests and the playground (not Apps Script API; calling them counts nothing) ----

  private usedRange(): FakeRange | null {
    const rows = this.getLastRow();
    const columns = this.getLastColumn();
    return rows === 0 || columns === 0 ? null : new FakeRange(this, 1, 1, rows, columns);
  }
  /** The used range as getValues gives it (Node-realm Dates); [] for an empty sheet. */
  values(): Array<Array<number | string | boolean | Date>> {
    return this.usedRange()?.getValues() ?? [];
  }
  formulas(): string[][] {
    return this.usedRange()?.getFormulas() ?? [];
  }
  numberFormats(): string[][] {
    return this.usedRange()?.getNumberFormats() ?? [];
  }
  displayValues(): string[][] {
    return this.usedRange()?.getDisplayValues() ?? [];
  }
  /** The used range's backgrounds (lower-case `#rrggbb`). */
  backgrounds(): string[][] {
    return this.usedRange()?.getBackgrounds() ?? [];
  }
}

/** How many rows [a1, a2] and [b1, b2] share. */
function overlap(a1: number, a2: number, b1: number, b2: number): number {
  return Math.max(0, Math.min(a2, b2) - Math.max(a1, b1) + 1);
}

/** A span of rows [start, start + count) after rows [at, at + howMany) were deleted; null if nothing of it is left. */
function cutSpan(start: number, count: number, at: number, howMany: number): [number, number] | null {
  const end = start + count - 1;
  const left = count - overlap(start, end, at, at + howMany - 1);
  if (left === 0) return null;
  return [start < at ? start : Math.max(at, start - howMany), left];
}
