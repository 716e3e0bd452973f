/**
 * Counts every call the bundle makes on a fake Apps Script object, keyed `Class.method` (e.g. `Range.setValues`), so tests
 * and benchmarks can assert batching ("one setValues per import") instead of timing a platform we do not have.
 */

/** Which Apps Script service each fake class belongs to (for `byService`). */
const SERVICE_OF_CLASS: Record<string, string> = {
  SpreadsheetApp: 'SpreadsheetApp',
  Spreadsheet: 'SpreadsheetApp',
  Sheet: 'SpreadsheetApp',
  Range: 'SpreadsheetApp',
  Protection: 'SpreadsheetApp',
  DeveloperMetadata: 'SpreadsheetApp',
  DataValidationBuilder: 'SpreadsheetApp',
  DataValidation: 'SpreadsheetApp',
  Ui: 'SpreadsheetApp',
  Menu: 'SpreadsheetApp',
  HtmlService: 'HtmlService',
  HtmlOutput: 'HtmlService',
  PropertiesService: 'PropertiesService',
  Properties: 'PropertiesService',
  LockService: 'LockService',
  Lock: 'LockService',
  CacheService: 'CacheService',
  Cache: 'CacheService',
  Session: 'Session',
  User: 'Session',
  Utilities: 'Utilities',
  Blob: 'Utilities', // made by Utilities.newBlob (or File.getBlob); Apps Script files Blob under its base service
  DriveApp: 'DriveApp',
  File: 'DriveApp',
  UrlFetchApp: 'UrlFetchApp',
  HTTPResponse: 'UrlFetchApp',
  Logger: 'Logger',
  console: 'console',
};

export class CallCounters {
  private readonly counts = new Map<string, number>();

  /** Records one call of `key` (`Class.method`). */
  increment(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Calls of one `Class.method`, 0 if never called. */
  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** All calls since the last reset. */
  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  /** Calls on every class of one service: `byService('SpreadsheetApp')` counts Spreadsheet, Sheet, Range, Protection… too. */
  byService(service: string): number {
    let sum = 0;
    for (const [key, n] of this.counts) {
      const cls = key.slice(0, key.indexOf('.'));
      if ((SERVICE_OF_CLASS[cls] ?? cls) === service) sum += n;
    }
    return sum;
  }

  reset(): void {
    this.counts.clear();
  }

  /** Only the keys that were called (a plain, sorted copy). */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }
}
