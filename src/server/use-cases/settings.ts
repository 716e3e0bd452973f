/**
 * The sidebar's settings and help pages, and the bookings in numbers.
 *
 * Match settings belong to the spreadsheet (document properties), so every editor matches alike.
 */
import { defaultMatchSettings, matchSettingsSchema } from '../../core/matching';
import { amountSeparators } from '../../core/tables/cells';
import { bookingsTable, readBookings } from '../../core/tables/bookings';
import { customFunctions } from '../../registry';
import type { RequestOf, ResponseOf } from '../../shared/contract';
import { withDocumentLock } from '../adapters/document-lock';
import { JsonProperty } from '../adapters/property-store';
import type { AppsScriptServices } from '../platform/apps-script-api';
import { DEFAULT_CURRENCY, MATCH_SETTINGS_KEY, readMatchSettings, readTableCells } from './books';
import { bookingDto } from './reconcile';
import { accountingSettingsProperty, readAccountingSettings } from './accounting-context';

/** How many of the newest bookings the bookings page lists. */
const LATEST = 20;

type Matching = ResponseOf<'getSettings'>['matching'];

function current(services: AppsScriptServices): Matching {
  const stored = { ...defaultMatchSettings, ...readMatchSettings(services) };
  return {
    fuzzyThreshold: stored.fuzzyThreshold,
    amountToleranceMinor: stored.amountToleranceMinor,
    amountTolerancePercent: stored.amountTolerancePercent,
    allowPartialPayments: stored.allowPartialPayments,
  };
}

export function getSettings(services: AppsScriptServices): ResponseOf<'getSettings'> {
  return { matching: current(services), accounting: readAccountingSettings(services) };
}

export function saveSettings(services: AppsScriptServices, request: RequestOf<'saveSettings'>): ResponseOf<'saveSettings'> {
  const store = services.PropertiesService.getDocumentProperties();
  if (store === null) throw new Error('Kontomatch must be opened from a spreadsheet to keep its settings.');
  return withDocumentLock(services.LockService, () => {
    // Fields the sidebar does not show (the ambiguity margin) keep what is stored.
    const stored = readMatchSettings(services);
    new JsonProperty(store, MATCH_SETTINGS_KEY, matchSettingsSchema).write({ ...stored, ...request.matching });
    accountingSettingsProperty(services)?.write(request.accounting);
    return { matching: current(services), accounting: readAccountingSettings(services) };
  });
}

export function getHelp(services: AppsScriptServices): ResponseOf<'getHelp'> {
  const locale = services.SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale();
  // A spreadsheet with a decimal comma separates arguments with ";".
  const semicolon = amountSeparators(locale).decimalSeparator === ',';
  return {
    functions: customFunctions.map((f) => ({
      name: f.name,
      summary: f.summary,
      example: f.example === undefined ? '' : semicolon ? f.example.de : f.example.en,
    })),
  };
}

export function bookingsOverview(services: AppsScriptServices): ResponseOf<'bookingsOverview'> {
  const book = services.SpreadsheetApp.getActiveSpreadsheet();
  const cells = readTableCells(services, book, bookingsTable, book.getSpreadsheetTimeZone());
  if (cells.length < 2) return { total: 0, exported: 0, notExported: 0, latest: [] };
  const read = readBookings(cells, { locale: book.getSpreadsheetLocale(), defaultCurrency: DEFAULT_CURRENCY });
  const exported = read.records.filter((b) => b.exportedTo !== '').length;
  const settings = readAccountingSettings(services);
  return {
    total: read.records.length,
    exported,
    notExported: read.records.length - exported,
    latest: read.records.slice(-LATEST).reverse().map((b) => bookingDto(b, settings)),
  };
}
