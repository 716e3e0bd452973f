/**
 * The part of Apps Script that Kontomatch uses, and nothing more.
 *
 * Server adapters are written against these interfaces, and the local runtime (`local/runtime`) implements them. Every
 * parameter list is taken from `@types/google-apps-script` (via `Sig`), so the adapters cannot call something the local runtime lacks, and the local runtime
 * cannot drift from what Apps Script really offers (`apps-script-api.proof.ts` assigns the real services to these
 * interfaces, so the compiler checks that claim): widening what we use means adding it here, where both sides see it.
 */
type S = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The real method `K` of `T`, with its parameters, returning `R` (our narrower view of the result). */
type Sig<T, K extends keyof T, R> = T[K] extends (...args: infer A) => unknown ? (...args: A) => R : never;

/** A cell value as `getValues` returns it: number, string, boolean, Date; `""` for an empty cell. */
export type CellValue = number | string | boolean | Date;

export interface RangeApi {
  getRow: Sig<S, 'getRow', number>;
  getColumn: Sig<S, 'getColumn', number>;
  getNumRows: Sig<S, 'getNumRows', number>;
  getNumColumns: Sig<S, 'getNumColumns', number>;
  getValues: Sig<S, 'getValues', CellValue[][]>;
  getDisplayValues: Sig<S, 'getDisplayValues', string[][]>;
  getFormulas: Sig<S, 'getFormulas', string[][]>;
  getNumberFormats: Sig<S, 'getNumberFormats', string[][]>;
  setValues: Sig<S, 'setValues', RangeApi>;
  setNumberFormat: Sig<S, 'setNumberFormat', RangeApi>;
  setNumberFormats: Sig<S, 'setNumberFormats', RangeApi>;
  setFontWeight: Sig<S, 'setFontWeight', RangeApi>;
  clearContent: Sig<S, 'clearContent', RangeApi>;
  /** CSS notation (`#d2e3fc`, `white`); `null` resets to white. Returned lower-case `#rrggbb`, white `#ffffff`. */
  setBackground: Sig<S, 'setBackground', RangeApi>;
  /** A grid of the range's size (checked like setValues); `null` entries reset to white. */
  setBackgrounds: Sig<S, 'setBackgrounds', RangeApi>;
  getBackground: Sig<S, 'getBackground', string>;
  getBackgrounds: Sig<S, 'getBackgrounds', string[][]>;
  /**
   * One rule for every cell of the range; `null` removes them. Method syntax on purpose: Apps Script wants its own
   * DataValidation here, which is what DataValidationBuilder.build hands us at run time.
   */
  setDataValidation(rule: DataValidationApi | null): RangeApi;
  /** The top-left cell's rule, or null. */
  getDataValidation: Sig<S, 'getDataValidation', DataValidationApi | null>;
  /** Each cell's rule, null where a cell has none. */
  getDataValidations: Sig<S, 'getDataValidations', Array<Array<DataValidationApi | null>>>;
  protect: Sig<S, 'protect', ProtectionApi>;
  addDeveloperMetadata(key: string, value: string): RangeApi;
  getDeveloperMetadata: Sig<S, 'getDeveloperMetadata', DeveloperMetadataApi[]>;
}

type RealValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type RealValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

/**
 * A built data validation rule. A rule with `getAllowInvalid() === false` makes Sheets refuse a script's write of a value
 * the rule does not allow ("The data you entered in cell … violates the data validation rules set on this cell.").
 */
export interface DataValidationApi {
  getCriteriaType: Sig<RealValidation, 'getCriteriaType', GoogleAppsScript.Spreadsheet.DataValidationCriteria>;
  /** VALUE_IN_RANGE: `[range, showDropdown]`; VALUE_IN_LIST: `[values as strings, showDropdown]`. */
  getCriteriaValues: Sig<RealValidation, 'getCriteriaValues', unknown[]>;
  getAllowInvalid: Sig<RealValidation, 'getAllowInvalid', boolean>;
  /** null when no help text was set. */
  getHelpText: Sig<RealValidation, 'getHelpText', string | null>;
}

export interface DataValidationBuilderApi {
  /** Method syntax on purpose: Apps Script wants its own Range here, which is what getRange hands us at run time. */
  requireValueInRange(range: RangeApi, showDropdown?: boolean): DataValidationBuilderApi;
  /** The values are kept as strings; showDropdown defaults to true. */
  requireValueInList(values: string[], showDropdown?: boolean): DataValidationBuilderApi;
  /** Default true (a warning only); false rejects invalid input — scripts' writes included. */
  setAllowInvalid: Sig<RealValidationBuilder, 'setAllowInvalid', DataValidationBuilderApi>;
  setHelpText: Sig<RealValidationBuilder, 'setHelpText', DataValidationBuilderApi>;
  build: Sig<RealValidationBuilder, 'build', DataValidationApi>;
}

export interface ProtectionApi {
  setDescription: Sig<GoogleAppsScript.Spreadsheet.Protection, 'setDescription', ProtectionApi>;
  getDescription: Sig<GoogleAppsScript.Spreadsheet.Protection, 'getDescription', string>;
  setWarningOnly: Sig<GoogleAppsScript.Spreadsheet.Protection, 'setWarningOnly', ProtectionApi>;
  isWarningOnly: Sig<GoogleAppsScript.Spreadsheet.Protection, 'isWarningOnly', boolean>;
  canEdit: Sig<GoogleAppsScript.Spreadsheet.Protection, 'canEdit', boolean>;
  remove: Sig<GoogleAppsScript.Spreadsheet.Protection, 'remove', void>;
  getRange: Sig<GoogleAppsScript.Spreadsheet.Protection, 'getRange', RangeApi>;
  /** The email overloads (Apps Script also takes User objects). */
  addEditor(emailAddress: string): ProtectionApi;
  removeEditors(emailAddresses: string[]): ProtectionApi;
  getEditors: Sig<GoogleAppsScript.Spreadsheet.Protection, 'getEditors', UserApi[]>;
  canDomainEdit: Sig<GoogleAppsScript.Spreadsheet.Protection, 'canDomainEdit', boolean>;
  setDomainEdit: Sig<GoogleAppsScript.Spreadsheet.Protection, 'setDomainEdit', ProtectionApi>;
}

export interface DeveloperMetadataApi {
  getKey: Sig<GoogleAppsScript.Spreadsheet.DeveloperMetadata, 'getKey', string>;
  getValue: Sig<GoogleAppsScript.Spreadsheet.DeveloperMetadata, 'getValue', string | null>;
  setValue: Sig<GoogleAppsScript.Spreadsheet.DeveloperMetadata, 'setValue', DeveloperMetadataApi>;
  remove: Sig<GoogleAppsScript.Spreadsheet.DeveloperMetadata, 'remove', void>;
}

export interface SheetApi {
  getName: Sig<Sheet, 'getName', string>;
  getSheetId: Sig<Sheet, 'getSheetId', number>;
  getLastRow: Sig<Sheet, 'getLastRow', number>;
  getLastColumn: Sig<Sheet, 'getLastColumn', number>;
  getMaxRows: Sig<Sheet, 'getMaxRows', number>;
  getMaxColumns: Sig<Sheet, 'getMaxColumns', number>;
  getRange: (row: number, column: number, numRows: number, numColumns: number) => RangeApi;
  getDataRange: Sig<Sheet, 'getDataRange', RangeApi>;
  insertRowsAfter: Sig<Sheet, 'insertRowsAfter', SheetApi>;
  insertColumnsAfter: Sig<Sheet, 'insertColumnsAfter', SheetApi>;
  deleteRows: Sig<Sheet, 'deleteRows', void>;
  deleteRow: Sig<Sheet, 'deleteRow', SheetApi>;
  setFrozenRows: Sig<Sheet, 'setFrozenRows', void>;
  getFrozenRows: Sig<Sheet, 'getFrozenRows', number>;
  getProtections: Sig<Sheet, 'getProtections', ProtectionApi[]>;
  addDeveloperMetadata(key: string, value: string): SheetApi;
  getDeveloperMetadata: Sig<Sheet, 'getDeveloperMetadata', DeveloperMetadataApi[]>;
}

export interface SpreadsheetApi {
  getId: Sig<Book, 'getId', string>;
  getName: Sig<Book, 'getName', string>;
  getSheets: Sig<Book, 'getSheets', SheetApi[]>;
  getSheetByName: Sig<Book, 'getSheetByName', SheetApi | null>;
  insertSheet: (sheetName: string) => SheetApi;
  getSpreadsheetTimeZone: Sig<Book, 'getSpreadsheetTimeZone', string>;
  getSpreadsheetLocale: Sig<Book, 'getSpreadsheetLocale', string>;
  addDeveloperMetadata(key: string, value: string): SpreadsheetApi;
  getDeveloperMetadata: Sig<Book, 'getDeveloperMetadata', DeveloperMetadataApi[]>;
}

export interface MenuApi {
  addItem: Sig<GoogleAppsScript.Base.Menu, 'addItem', MenuApi>;
  addSeparator: Sig<GoogleAppsScript.Base.Menu, 'addSeparator', MenuApi>;
  addToUi: Sig<GoogleAppsScript.Base.Menu, 'addToUi', void>;
}

export interface UiApi {
  createAddonMenu: Sig<GoogleAppsScript.Base.Ui, 'createAddonMenu', MenuApi>;
  // Method syntax on purpose: Apps Script wants its own HtmlOutput here, which is what HtmlService hands us at run time.
  showSidebar(userInterface: HtmlOutputApi): void;
  showModalDialog(userInterface: HtmlOutputApi, title: string): void;
}

export interface SpreadsheetAppApi {
  getActiveSpreadsheet: Sig<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'getActiveSpreadsheet', SpreadsheetApi>;
  getUi: Sig<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'getUi', UiApi>;
  flush: Sig<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'flush', void>;
  ProtectionType: typeof GoogleAppsScript.Spreadsheet.ProtectionType;
  newDataValidation: Sig<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'newDataValidation', DataValidationBuilderApi>;
  DataValidationCriteria: typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria;
}

export interface HtmlOutputApi {
  setTitle: Sig<GoogleAppsScript.HTML.HtmlOutput, 'setTitle', HtmlOutputApi>;
  getTitle: Sig<GoogleAppsScript.HTML.HtmlOutput, 'getTitle', string>;
  getContent: Sig<GoogleAppsScript.HTML.HtmlOutput, 'getContent', string>;
}

export interface HtmlServiceApi {
  createHtmlOutputFromFile: Sig<GoogleAppsScript.HTML.HtmlService, 'createHtmlOutputFromFile', HtmlOutputApi>;
  /** The `(html: string)` overload. */
  createHtmlOutput: Sig<GoogleAppsScript.HTML.HtmlService, 'createHtmlOutput', HtmlOutputApi>;
}

export interface PropertiesApi {
  getProperty: Sig<GoogleAppsScript.Properties.Properties, 'getProperty', string | null>;
  setProperty: Sig<GoogleAppsScript.Properties.Properties, 'setProperty', PropertiesApi>;
  deleteProperty: Sig<GoogleAppsScript.Properties.Properties, 'deleteProperty', PropertiesApi>;
  getProperties: Sig<GoogleAppsScript.Properties.Properties, 'getProperties', Record<string, string>>;
  setProperties: (properties: Record<string, string>, deleteAllOthers?: boolean) => PropertiesApi;
}

export interface PropertiesServiceApi {
  getUserProperties: () => PropertiesApi;
  getDocumentProperties: () => PropertiesApi | null;
  getScriptProperties: () => PropertiesApi;
}

export interface LockApi {
  tryLock: Sig<GoogleAppsScript.Lock.Lock, 'tryLock', boolean>;
  waitLock: Sig<GoogleAppsScript.Lock.Lock, 'waitLock', void>;
  releaseLock: Sig<GoogleAppsScript.Lock.Lock, 'releaseLock', void>;
  hasLock: Sig<GoogleAppsScript.Lock.Lock, 'hasLock', boolean>;
}

export interface LockServiceApi {
  getDocumentLock: () => LockApi | null;
  getUserLock: () => LockApi;
}

export interface CacheApi {
  get: Sig<GoogleAppsScript.Cache.Cache, 'get', string | null>;
  put: Sig<GoogleAppsScript.Cache.Cache, 'put', void>;
  remove: Sig<GoogleAppsScript.Cache.Cache, 'remove', void>;
}

export interface CacheServiceApi {
  getDocumentCache: () => CacheApi | null;
  getUserCache: () => CacheApi;
}

export interface UserApi {
  getEmail: Sig<GoogleAppsScript.Base.User, 'getEmail', string>;
}

export interface SessionApi {
  getActiveUser: () => UserApi;
  getEffectiveUser: () => UserApi;
  getActiveUserLocale: Sig<GoogleAppsScript.Base.Session, 'getActiveUserLocale', string>;
  getScriptTimeZone: Sig<GoogleAppsScript.Base.Session, 'getScriptTimeZone', string>;
}

type RealBlob = GoogleAppsScript.Base.Blob;

/** Bytes with a content type and a name (Apps Script's data interchange object). */
export interface BlobApi {
  /** Signed bytes (-128…127), as every Apps Script byte array. */
  getBytes: Sig<RealBlob, 'getBytes', number[]>;
  /** UTF-8 without a charset. */
  getDataAsString: (charset?: string) => string;
  getContentType: Sig<RealBlob, 'getContentType', string | null>;
  getName: Sig<RealBlob, 'getName', string | null>;
  setName: Sig<RealBlob, 'setName', BlobApi>;
  setContentType: Sig<RealBlob, 'setContentType', BlobApi>;
  copyBlob: Sig<RealBlob, 'copyBlob', BlobApi>;
  getAs: Sig<RealBlob, 'getAs', BlobApi>;
  getBlob: Sig<RealBlob, 'getBlob', BlobApi>;
}

export interface UtilitiesApi {
  /** Apps Script returns signed bytes (-128…127). */
  base64Decode: (encoded: string) => number[];
  base64Encode: (data: number[]) => string;
  formatDate: Sig<GoogleAppsScript.Utilities.Utilities, 'formatDate', string>;
  sleep: Sig<GoogleAppsScript.Utilities.Utilities, 'sleep', void>;
  /** Bytes (signed or unsigned) or a string (stored as UTF-8; content type then defaults to text/plain). */
  newBlob: {
    (data: number[], contentType?: string, name?: string): BlobApi;
    (data: string, contentType?: string, name?: string): BlobApi;
  };
}

type RealFile = GoogleAppsScript.Drive.File;

/** A Drive file. Under the `drive.file` scope the add-on sees only the files it created for the user. */
export interface FileApi {
  getId: Sig<RealFile, 'getId', string>;
  getName: Sig<RealFile, 'getName', string>;
  getUrl: Sig<RealFile, 'getUrl', string>;
  getMimeType: Sig<RealFile, 'getMimeType', string>;
  getBlob: Sig<RealFile, 'getBlob', BlobApi>;
  getSize: Sig<RealFile, 'getSize', number>;
  setName: Sig<RealFile, 'setName', FileApi>;
  setDescription: Sig<RealFile, 'setDescription', FileApi>;
  /** Apps Script's own Date type (no `Symbol.toPrimitive` in the typings); `getTime()` gives the instant. */
  getDateCreated: Sig<RealFile, 'getDateCreated', GoogleAppsScript.Base.Date>;
}

/** Anything a Blob can be taken from (a Blob itself, a File). */
export interface BlobSourceApi {
  getBlob(): BlobApi;
}

export interface DriveAppApi {
  /**
   * The `(blob: BlobSource)` overload: name, content type and bytes come from the blob. Method syntax on purpose: Apps
   * Script wants its own BlobSource here, which is what Utilities.newBlob hands us at run time.
   */
  createFile(blob: BlobSourceApi): FileApi;
  /** Throws "No item with the given ID could be found…" for a file this user did not create through the add-on. */
  getFileById: Sig<GoogleAppsScript.Drive.DriveApp, 'getFileById', FileApi>;
}

export interface HttpResponseApi {
  getResponseCode: Sig<GoogleAppsScript.URL_Fetch.HTTPResponse, 'getResponseCode', number>;
  getContentText(charset?: string): string;
  getHeaders: Sig<GoogleAppsScript.URL_Fetch.HTTPResponse, 'getHeaders', object>;
  /** Signed bytes (-128…127), as every Apps Script byte array. */
  getContent: Sig<GoogleAppsScript.URL_Fetch.HTTPResponse, 'getContent', number[]>;
  getAllHeaders: Sig<GoogleAppsScript.URL_Fetch.HTTPResponse, 'getAllHeaders', object>;
}

export interface UrlFetchAppApi {
  fetch: (url: string, params?: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions) => HttpResponseApi;
}

/** Every service the server code may touch, gathered so that adapters can take them injected (tests need no globals). */
export interface AppsScriptServices {
  SpreadsheetApp: SpreadsheetAppApi;
  HtmlService: HtmlServiceApi;
  PropertiesService: PropertiesServiceApi;
  LockService: LockServiceApi;
  CacheService: CacheServiceApi;
  Session: SessionApi;
  Utilities: UtilitiesApi;
  UrlFetchApp: UrlFetchAppApi;
  DriveApp: DriveAppApi;
}

