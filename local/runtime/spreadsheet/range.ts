/**
 * A rectangle of a FakeSheet. Reads and writes follow Apps Script: getValues gives Dates for date-formatted cells and ""
 * for empty ones; setValues checks dimensions with Apps Script's error texts and reads strings as typed (user-entered).
 */
import { Fake } from '../fake';
import { isDate } from '../realm';
import { dateToSerial, serialToInstant } from '../time-zone';
import type { RangeApi } from '../../../src/server/platform/apps-script-api';
import type { Cell } from './cell';
import { DEFAULT_FORMAT, TEXT_FORMAT, dateTimeFormatFor, displayValue, isDateFormat } from './number-format';
import { FakeDeveloperMetadata } from './metadata';
import { FakeProtection } from './protection';
import type { FakeSheet } from './sheet';
import { parseUserEntered } from './user-entered';

export class FakeRange extends Fake implements RangeApi {
  readonly className = 'Range';

  constructor(
    readonly sheet: FakeSheet,
    public row: number,
    public column: number,
    public numRows: number,
    public numColumns: number,
  ) {
    super();
  }

  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.column;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numColumns;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.column + this.numColumns - 1;
  }
  getSheet(): FakeSheet {
    return this.sheet;
  }
  getA1Notation(): string {
    const a1 = (r: number, c: number) => `${columnLetters(c)}${r}`;
    const start = a1(this.row, this.column);
    return this.numRows === 1 && this.numColumns === 1 ? start : `${start}:${a1(this.getLastRow(), this.getLastColumn())}`;
  }

  private map<T>(read: (cell: Cell | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this.numColumns; c++) row.push(read(this.sheet.cellAt(this.row + r, this.column + c)));
      out.push(row);
    }
    return out;
  }

  getValues(): Array<Array<number | string | boolean | Date>> {
    const tz = this.sheet.book.getSpreadsheetTimeZone();
    return this.map((cell) => {
      if (!cell) return '';
      if (typeof cell.value === 'number' && cell.formula === '' && isDateFormat(cell.format)) {
        return new Date(serialToInstant(cell.value, tz));
      }
      return cell.value;
    });
  }
  getValue(): number | string | boolean | Date {
    return this.getValues()[0]![0]!;
  }
  getDisplayValues(): string[][] {
    const locale = this.sheet.book.getSpreadsheetLocale();
    return this.map((cell) => (cell ? displayValue(cell.value, cell.format, locale) : ''));
  }
  getFormulas(): string[][] {
    return this.map((cell) => cell?.formula ?? '');
  }
  getNumberFormats(): string[][] {
    return this.map((cell) => cell?.format ?? DEFAULT_FORMAT);
  }
  getFontWeights(): string[][] {
    return this.map((cell) => cell?.fontWeight ?? 'normal');
  }

  /** Apps Script's dimension check for every 2-D setter. */
  private checkShape(values: unknown): unknown[][] {
    if (!Array.isArray(values)) throw new Error(`The parameters (${typeof values}) don't match the method signature for SpreadsheetApp.Range.setValues.`);
    if (values.length !== this.numRows) {
      throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.numRows}.`);
    }
    for (const row of values) {
      if (!Array.isArray(row)) throw new Error("The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.");
      if (row.length !== this.numColumns) {
        throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.numColumns}.`);
      }
    }
    return values as unknown[][];
  }

  private forEachCell(write: (cell: Cell, r: number, c: number) => void): void {
    this.sheet.assertEditable(this);
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numColumns; c++) write(this.sheet.cellForWrite(this.row + r, this.column + c), r, c);
    }
  }

  setValues(values: unknown[][]): FakeRange {
    const rows = this.checkShape(values);
    const book = this.sheet.book;
    this.forEachCell((cell, r, c) => writeCell(cell, rows[r]![c], book.getSpreadsheetTimeZone(), book.getSpreadsheetLocale()));
    return this;
  }
  setValue(value: unknown): FakeRange {
    const book = this.sheet.book;
    this.forEachCell((cell) => writeCell(cell, value, book.getSpreadsheetTimeZone(), book.getSpreadsheetLocale()));
    return this;
  }
  setNumberFormat(numberFormat: string): FakeRange {
    this.sheet.assertEditable(this);
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numColumns; c++) this.sheet.cellForWrite(this.row + r, this.column + c).format = String(numberFormat);
    }
    return this;
  }
  setNumberFormats(numberFormats: string[][]): FakeRange {
    this.sheet.assertEditable(this);
    const rows = this.checkShape(numberFormats);
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numColumns; c++) this.sheet.cellForWrite(this.row + r, this.column + c).format = String(rows[r]![c]);
    }
    return this;
  }
  setFontWeight(fontWeight: string | null): FakeRange {
    this.sheet.assertEditable(this);
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numColumns; c++) this.sheet.cellForWrite(this.row + r, this.column + c).fontWeight = fontWeight ?? 'normal';
    }
    return this;
  }
  clearContent(): FakeRange {
    this.forEachCell((cell) => {
      cell.value = '';
      cell.formula = '';
    });
    return this;
  }

  protect(): FakeProtection {
    return this.sheet.addProtection(this);
  }

  /** Whole rows (all columns) or whole columns (all rows): the only ranges Sheets accepts developer metadata on. */
  private metadataLocation() {
    const sheetId = this.sheet.getSheetId();
    if (this.column === 1 && this.numColumns === this.sheet.getMaxColumns()) {
      return { type: 'ROW' as const, sheetId, start: this.row, count: this.numRows };
    }
    if (this.row === 1 && this.numRows === this.sheet.getMaxRows()) {
      return { type: 'COLUMN' as const, sheetId, start: this.column, count: this.numColumns };
    }
    return null;
  }
  addDeveloperMetadata(key: string, value?: string): FakeRange {
    const location = this.metadataLocation();
    if (!location) {
      throw new Error('Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.');
    }
    this.sheet.book.metadata.add(String(key), value === undefined ? null : String(value), location);
    return this;
  }
  /** Row metadata on rows this range touches, and column metadata on its columns. */
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    const sheetId = this.sheet.getSheetId();
    return this.sheet.book.metadata.entries.filter((m) => {
      const l = m.location;
      if (l.type === 'ROW') return l.sheetId === sheetId && l.start <= this.getLastRow() && l.start + l.count - 1 >= this.row;
      if (l.type === 'COLUMN') return l.sheetId === sheetId && l.start <= this.getLastColumn() && l.start + l.count - 1 >= this.column;
      return false;
    });
  }

  intersects(other: FakeRange): boolean {
    return (
      other.sheet === this.sheet &&
      this.row <= other.getLastRow() && other.row <= this.getLastRow() &&
      this.column <= other.getLastColumn() && other.column <= this.getLastColumn()
    );
  }
}

/** One value written as USER_ENTERED (see user-entered.ts), except in plain-text (`@`) cells, which keep strings verbatim. */
function writeCell(cell: Cell, value: unknown, timeZone: string, locale: string): void {
  cell.formula = '';
  if (value === null || value === undefined || value === '') {
    cell.value = '';
  } else if (isDate(value)) {
    cell.value = dateToSerial(value.getTime(), timeZone);
    if (cell.format === DEFAULT_FORMAT) cell.format = dateTimeFormatFor(locale);
  } else if (typeof value === 'number') {
    cell.value = Number.isFinite(value) ? value : '#NUM!';
  } else if (typeof value === 'boolean') {
    cell.value = value;
  } else {
    const text = String(value);
    if (cell.format === TEXT_FORMAT) {
      cell.value = text;
      return;
    }
    const parsed = parseUserEntered(text, locale);
    if (parsed.kind === 'formula') {
      cell.formula = parsed.formula;
      cell.value = parsed.value;
    } else {
      cell.value = parsed.value;
      if (parsed.format && cell.format === DEFAULT_FORMAT) cell.format = parsed.format;
    }
  }
}

export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
