/**
 * Never bundled, only type-checked: assigning each real Apps Script service to our interface makes the compiler prove that
 * the interfaces in `apps-script-api.ts` are a true subset of Apps Script (overloads included).
 */
import type * as Api from './apps-script-api';

declare const real: {
  range: GoogleAppsScript.Spreadsheet.Range;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  book: GoogleAppsScript.Spreadsheet.Spreadsheet;
  spreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  dataValidation: GoogleAppsScript.Spreadsheet.DataValidation;
  dataValidationBuilder: GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  html: GoogleAppsScript.HTML.HtmlService;
  properties: GoogleAppsScript.Properties.PropertiesService;
  lock: GoogleAppsScript.Lock.LockService;
  cache: GoogleAppsScript.Cache.CacheService;
  session: GoogleAppsScript.Base.Session;
  utilities: GoogleAppsScript.Utilities.Utilities;
  urlFetch: GoogleAppsScript.URL_Fetch.UrlFetchApp;
  drive: GoogleAppsScript.Drive.DriveApp;
  file: GoogleAppsScript.Drive.File;
  blob: GoogleAppsScript.Base.Blob;
};

export const proofs: [
  Api.RangeApi,
  Api.SheetApi,
  Api.SpreadsheetApi,
  Api.SpreadsheetAppApi,
  Api.DataValidationApi,
  Api.DataValidationBuilderApi,
  Api.HtmlServiceApi,
  Api.PropertiesServiceApi,
  Api.LockServiceApi,
  Api.CacheServiceApi,
  Api.SessionApi,
  Api.UtilitiesApi,
  Api.UrlFetchAppApi,
  Api.DriveAppApi,
  Api.FileApi,
  Api.BlobApi,
] = [
  real.range,
  real.sheet,
  real.book,
  real.spreadsheetApp,
  real.dataValidation,
  real.dataValidationBuilder,
  real.html,
  real.properties,
  real.lock,
  real.cache,
  real.session,
  real.utilities,
  real.urlFetch,
  real.drive,
  real.file,
  real.blob,
];
