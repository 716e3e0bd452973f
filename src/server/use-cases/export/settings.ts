/**
 * Export settings of the spreadsheet (document properties, shared by every editor so that every export of the firm looks
 * alike): the bank's GL account, DATEV's consultant and client numbers, the CSV profile, lexoffice's voucher types. Keys
 * are never here: they are the user's own (./connections.ts).
 */
import * as z from '../../../core/schema';
import type { RequestOf, ResponseOf } from '../../../shared/contract';
import { exportSettingsDto } from '../../../shared/export-dto';
import { withDocumentLock } from '../../adapters/document-lock';
import { JsonProperty } from '../../adapters/property-store';
import type { AppsScriptServices } from '../../platform/apps-script-api';
import { builtinCsvExportProfiles } from '../../../core/export/csv';

export const EXPORT_SETTINGS_KEY = 'exportSettings';

export type ExportSettings = z.output<typeof exportSettingsDto>;

export const DEFAULT_EXPORT_SETTINGS: ExportSettings = {
  bankAccount: '1200', // SKR03 "Bank" (SKR04: 1800), contracts §3
  datev: { consultantNumber: '', clientNumber: '', fiscalYearStartMonth: 1, accountLength: 4, chart: '03', period: 'month', batchLocked: false },
  csv: { profileId: builtinCsvExportProfiles[0]!.id },
  // Money in is a sale, money out a purchase; purchase vouchers may be refused by lexoffice (contracts §1, addenda).
  lexoffice: { voucherTypes: { in: 'salesinvoice', out: 'purchaseinvoice' } },
};

function property(services: AppsScriptServices): JsonProperty<ExportSettings> {
  const store = services.PropertiesService.getDocumentProperties();
  if (store === null) throw new Error('Kontomatch must be opened from a spreadsheet to keep its export settings.');
  return new JsonProperty(store, EXPORT_SETTINGS_KEY, exportSettingsDto);
}

export function readExportSettings(services: AppsScriptServices): ExportSettings {
  return property(services).read() ?? DEFAULT_EXPORT_SETTINGS;
}

const csvProfiles = () => builtinCsvExportProfiles.map((p) => ({ id: p.id, name: p.name }));

export function getExportSettings(services: AppsScriptServices): ResponseOf<'getExportSettings'> {
  return { settings: readExportSettings(services), csvProfiles: csvProfiles() };
}

export function saveExportSettings(services: AppsScriptServices, request: RequestOf<'saveExportSettings'>): ResponseOf<'saveExportSettings'> {
  const settings = request.settings;
  if (!builtinCsvExportProfiles.some((p) => p.id === settings.csv.profileId)) {
    throw new Error(`There is no CSV export profile "${settings.csv.profileId}".`);
  }
  const checks: Array<[boolean, string]> = [
    [settings.datev.consultantNumber === '' || /^\d{4,7}$/.test(settings.datev.consultantNumber) && Number(settings.datev.consultantNumber) >= 1001, 'The DATEV consultant number (Beraternummer) is a number from 1001 to 9999999.'],
    [settings.datev.clientNumber === '' || /^\d{1,5}$/.test(settings.datev.clientNumber) && Number(settings.datev.clientNumber) >= 1, 'The DATEV client number (Mandantennummer) is a number from 1 to 99999.'],
    [/^\d{1,9}$/.test(settings.bankAccount.trim()), 'The bank\'s GL account is a number of up to 9 digits (SKR03: 1200, SKR04: 1800).'],
  ];
  const failed = checks.find(([ok]) => !ok);
  if (failed !== undefined) throw new Error(failed[1]);
  withDocumentLock(services.LockService, () => property(services).write({ ...settings, bankAccount: settings.bankAccount.trim() }));
  return { settings: readExportSettings(services), message: 'Export settings saved.' };
}
