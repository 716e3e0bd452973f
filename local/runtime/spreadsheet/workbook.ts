/**
 * The workbook (Apps Script's `Spreadsheet`). It also carries what Apps Script keeps per document — document properties,
 * the document lock, the document cache — and the "script group" state (user/script properties, user caches and locks),
 * so that two runtimes created on one workbook behave like two users of one add-on in one document.
 */
import { randomBytes } from 'node:crypto';
import { Fake } from '../fake';
import { CacheStore } from '../cache';
import { DriveStore } from '../drive';
import { LockState } from '../lock';
import { PropertyStore } from '../properties';
import type { SpreadsheetApi } from '../../../src/server/platform/apps-script-api';
import { FakeDeveloperMetadata, MetadataStore } from './metadata';
import { FakeSheet } from './sheet';
import type { FakeDataValidation } from './validation';

export type CellValue = number | string | boolean | Date;

export interface WorkbookSeed {
  name?: string;
  id?: string;
  /** Default 'Europe/Berlin'. */
  timeZone?: string;
  /** Default 'de_DE'. */
  locale?: string;
  /** Values are stored as given (not parsed as typed): strings stay strings; Dates get a date-time format. */
  sheets?: Record<string, CellValue[][]>;
  /** Per sheet, per 0-based column: the number format of the data rows below the header (e.g. `dd.mm.yyyy`). */
  numberFormats?: Record<string, Record<number, string>>;
}

/** Per-user and per-script state shared by all runtimes of one workbook (one add-on installation). */
export class ScriptGroup {
  /** The Drive files the add-on created, for every user (each user's DriveApp sees only their own). */
  readonly drive = new DriveStore();
  readonly scriptProperties = new PropertyStore();
  readonly scriptCache = new CacheStore();
  readonly scriptLock = new LockState();
  private readonly userProperties = new Map<string, PropertyStore>();
  private readonly userCaches = new Map<string, CacheStore>();
  private readonly userLocks = new Map<string, LockState>();

  propertiesOf(user: string): PropertyStore {
    return getOrCreate(this.userProperties, user, () => new PropertyStore());
  }
  cacheOf(user: string): CacheStore {
    return getOrCreate(this.userCaches, user, () => new CacheStore());
  }
  lockOf(user: string): LockState {
    return getOrCreate(this.userLocks, user, () => new LockState());
  }
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

export class FakeSpreadsheet extends Fake implements SpreadsheetApi {
  readonly className = 'Spreadsheet';
  readonly id: string;
  private name: string;
  private timeZone: string;
  private locale: string;
  private readonly sheets: FakeSheet[] = [];
  private nextSheetId = 0;
  readonly metadata = new MetadataStore();
  /** Every rule ever applied to cells (their copies): a VALUE_IN_RANGE source moves when rows of its sheet come or go. */
  readonly validations = new Set<FakeDataValidation>();
  readonly documentProperties = new PropertyStore();
  readonly documentLock = new LockState();
  readonly documentCache = new CacheStore();
  readonly group = new ScriptGroup();
  /** The first user who opens it through a runtime; the owner can edit protected ranges. */
  owner = '';

  constructor(seed: WorkbookSeed = {}) {
    super();
    this.id = seed.id ?? randomBytes(33).toString('base64url').slice(0, 44);
    this.name = seed.name ?? 'Kontomatch Test';
    this.timeZone = seed.timeZone ?? 'Europe/Berlin';
    this.locale = seed.locale ?? 'de_DE';
    const entries = Object.entries(seed.sheets ?? {});
    if (entries.length === 0) entries.push([this.locale.startsWith('de') ? 'Tabellenblatt1' : 'Sheet1', []]);
    for (const [name, rows] of entries) {
      const sheet = this.insertSheet(name);
      const width = Math.max(0, ...rows.map((r) => r.length));
      if (rows.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
      if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
      rows.forEach((row, r) =>
        row.forEach((value, c) => {
          const cell = sheet.cellForWrite(r + 1, c + 1);
          if (typeof value === 'string') cell.value = value; // seeds are data, not typing: no parsing
          else sheet.getRange(r + 1, c + 1, 1, 1).setValues([[value]]);
        }),
      );
      for (const [column, format] of Object.entries(seed.numberFormats?.[name] ?? {})) {
        if (rows.length > 1) sheet.getRange(2, Number(column) + 1, rows.length - 1, 1).setNumberFormat(format);
      }
    }
  }

  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  rename(name: string): void {
    this.name = String(name);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSheets(): FakeSheet[] {
    return [...this.sheets];
  }
  getSheetByName(name: string): FakeSheet | null {
    return this.sheets.find((s) => s.getName() === name) ?? null;
  }
  insertSheet(sheetName?: string): FakeSheet {
    const name = sheetName === undefined ? this.freeSheetName() : String(sheetName);
    if (this.sheets.some((s) => s.getName().toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sheet = new FakeSheet(this, name, this.sheets.length === 0 ? 0 : 100_000_000 + this.nextSheetId++ * 7919);
    this.sheets.push(sheet);
    return sheet;
  }
  private freeSheetName(): string {
    const base = this.locale.startsWith('de') ? 'Tabellenblatt' : 'Sheet';
    for (let i = 1; ; i++) if (!this.getSheetByName(`${base}${i}`)) return `${base}${i}`;
  }
  renameSheet(sheet: FakeSheet, name: string): void {
    if (this.sheets.some((s) => s !== sheet && s.getName().toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }
  deleteSheet(sheet: FakeSheet): void {
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    const i = this.sheets.indexOf(sheet);
    if (i >= 0) this.sheets.splice(i, 1);
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  setSpreadsheetTimeZone(timeZone: string): void {
    this.timeZone = String(timeZone);
  }
  getSpreadsheetLocale(): string {
    return this.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.locale = String(locale);
  }
  addDeveloperMetadata(key: string, value?: string): FakeSpreadsheet {
    this.metadata.add(String(key), value === undefined ? null : String(value), { type: 'SPREADSHEET' });
    return this;
  }
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    return this.metadata.entries.filter((m) => m.location.type === 'SPREADSHEET');
  }

  // ---- For tests and the playground ----

  /** The sheet of that name; throws if there is none (tests want a clear failure, not null). */
  sheet(name: string): FakeSheet {
    const sheet = this.getSheetByName(name);
    if (!sheet) throw new Error(`No sheet named "${name}" (sheets: ${this.sheets.map((s) => s.getName()).join(', ')})`);
    return sheet;
  }

  toJSON(): {
    name: string;
    timeZone: string;
    locale: string;
    sheets: Array<{ name: string; rows: string[][]; formulas: string[][]; backgrounds: string[][]; frozenRows: number }>;
  } {
    return {
      name: this.name,
      timeZone: this.timeZone,
      locale: this.locale,
      sheets: this.sheets.map((s) => ({
        name: s.getName(),
        rows: s.displayValues(),
        formulas: s.formulas(),
        backgrounds: s.backgrounds(),
        frozenRows: s.getFrozenRows(),
      })),
    };
  }
}
