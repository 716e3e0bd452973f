/**
 * A rectangle of a FakeSheet. Reads and writes follow Apps Script: getValues gives Dates for date-formatted cells and ""
 * for empty ones; setValues checks dimensions with Apps Script's error texts and reads strings as typed (user-entered).
 * Backgrounds and data validation live on the cells, so they move with their rows. A write into a cell whose rule rejects
 * invalid data fails when the value is not allowed, as Sheets refuses it (see README: "Data validation").
 */
import { Fake } from '../fake';
import { isDate } from '../realm';
import { dateToSerial, serialToInstant } from '../time-zone';
import type { RangeApi } from '../../../src/server/platform/apps-script-api';
import { DEFAULT_BACKGROUND, type Cell } from './cell';
import { backgroundColor } from './color';
import { DEFAULT_FORMAT, TEXT_FORMAT, dateTimeFormatFor, displayValue, isDateFormat } from './number-format';
import { FakeDeveloperMetadata } from './metadata';
import { FakeProtection } from './protection';
import type { FakeSheet } from './sheet';
import { parseUserEntered } from './user-entered';
import { FakeDataValidation } from './validation';

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
  private checkShape(values: unknown, method = 'setValues'): unknown[][] {
    if (!Array.isArray(values)) throw new Error(`The parameters (${typeof values}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
    if (values.length !== this.numRows) {
      throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.numRows}.`);
    }
    for (const row of values) {
      if (!Array.isArray(row)) throw new Error(`The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.${method}.`);
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
    this.sheet.assertEditable(this);
    this.checkValidation((r, c) => rows[r]![c]);
    this.forEachCell((cell, r, c) => writeCell(cell, rows[r]![c], book.getSpreadsheetTimeZone(), book.getSpreadsheetLocale()));
    return this;
  }
  setValue(value: unknown): FakeRange {
    const book = this.sheet.book;
    this.sheet.assertEditable(this);
    this.checkValidation(() => value);
    this.forEachCell((cell) => writeCell(cell, value, book.getSpreadsheetTimeZone(), book.getSpreadsheetLocale()));
    return this;
  }

  /**
   * Sheets refuses a script's value that a rejecting rule (setAllowInvalid(false)) does not allow, as it refuses typing:
   * "The data you entered in cell X violates the data validation rules set on this cell." Checked before anything is
   * written, so a refused setValues leaves every cell as it was. Blank values are always allowed; formulas are not
   * checked (this runtime does not evaluate them). Texts are compared as Sheets shows them, exactly (case-sensitive).
   */
  private checkValidation(valueAt: (r: number, c: number) => unknown): void {
    const book = this.sheet.book;
    const locale = book.getSpreadsheetLocale();
    const allowed = new Map<FakeDataValidation, Set<string>>();
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numColumns; c++) {
        const cell = this.sheet.cellAt(this.row + r, this.column + c);
        const rule = cell?.validation;
        if (!cell || !rule || rule.getAllowInvalid()) continue;
        const probe: Cell = { ...cell };
        writeCell(probe, valueAt(r, c), book.getSpreadsheetTimeZone(), locale);
        if (probe.formula !== '' || probe.value === '') continue;
        let texts = allowed.get(rule);
        if (!texts) allowed.set(rule, (texts = rule.allowedTexts(locale)));
        if (!texts.has(displayValue(probe.value, probe.format, locale))) {
          throw new Error(`The data you entered in cell ${columnLetters(this.column + c)}${this.row + r} violates the data validation rules set on this cell.`);
        }
      }
    }
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
  /** `null` (or '') resets to white; colours are stored and returned as lower-case `#rrggbb`. */
  setBackground(color: string | null): FakeRange {
    const stored = backgroundColor(color, 'setBackground');
    this.forEachCell((cell) => {
      cell.background = stored;
    });
    return this;
  }
  setBackgrounds(color: Array<Array<string | null>>): FakeRange {
    const rows = this.checkShape(color, 'setBackgrounds');
    const stored = rows.map((row) => row.map((c) => backgroundColor(c, 'setBackgrounds')));
    this.forEachCell((cell, r, c) => {
      cell.background = stored[r]![c]!;
    });
    return this;
  }
  getBackground(): string {
    return this.getBackgrounds()[0]![0]!;
  }
  getBackgrounds(): string[][] {
    return this.map((cell) => cell?.background ?? DEFAULT_BACKGROUND);
  }

  /** One rule for every cell of the range (`null` removes the rules), as Sheets' SetDataValidationRequest does. */
  setDataValidation(rule: FakeDataValidation | null): FakeRange {
    if (rule !== null && !(rule instanceof FakeDataValidation)) {
      throw new Error(`The parameters (${typeof rule}) don't match the method signature for SpreadsheetApp.Range.setDataValidation.`);
    }
    // The cells keep their own copy: its source range then moves with the rows of its sheet (workbook.validations).
    const stored = rule === null ? null : rule.storedCopy();
    if (stored) this.sheet.book.validations.add(stored);
    this.forEachCell((cell) => {
      cell.validation = stored;
    });
    return this;
  }
  clearDataValidations(): FakeRange {
    return this.setDataValidation(null);
  }
  /** The top-left cell's rule, or null. */
  getDataValidation(): FakeDataValidation | null {
    return this.getDataValidations()[0]![0]!;
  }
  /** Each cell's rule (a fresh object per cell, as Apps Script hands out), or null where a cell has none. */
  getDataValidations(): Array<Array<FakeDataValidation | null>> {
    return this.map((cell) => cell?.validation?.storedCopy() ?? null);
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
