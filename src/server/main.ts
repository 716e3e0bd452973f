/**
 * The server bundle's entry. esbuild wraps everything into one object (`Kontomatch`); the generated entry file
 * (`build/generate-entry.ts`, from `src/registry.ts`) adds the top-level functions Apps Script needs, each forwarding here.
 */
import { customFunctions } from './custom-functions';
import { userLanguage } from './language';
import { onOpen as buildMenu, showSidebar as openSidebar, type OpenEvent } from './menu';
import { appsScriptServices } from './platform/services';
import { menu as menuEntries } from '../registry';
import { dispatch, type Handlers } from './rpc';
import { importStatement, previewImport } from './use-cases/import-statement';
import { deleteProfile, getProfile, listProfiles, previewProfile, saveProfile } from './use-cases/profiles';
import { matchTransactions } from './use-cases/match-transactions';
import { getCase, getTransaction, reconcileOverview, reconcileTransaction, searchAssignable, undoTransaction } from './use-cases/reconcile';
import { bookingsOverview, getHelp, getSettings, saveSettings } from './use-cases/settings';
import { accountingLists, autoFillBookings, preAccountingOverview, saveBookingAccounting } from './use-cases/pre-accounting';
import { answerRuleProposal, checkRules, listRules, saveRules } from './use-cases/rules';
import { connectTarget, continueExport, disconnectTarget, exportOverview, getExportSettings, importAccountingLists, saveExportSettings, startExport } from './use-cases/export';
import { continueAutoRun, getAutoRun, getRunDetails, listArchive, startAutoRun } from './use-cases/auto-run';

declare const KONTOMATCH_VERSION: string;

const services = appsScriptServices();

const handlers: Handlers = {
  getSidebarContext: () => ({
    user: services.Session.getActiveUser().getEmail(),
    locale: userLanguage(services.Session),
    formatLocale: services.Session.getActiveUserLocale().replace('_', '-') || 'en',
    timeZone: services.SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(),
    version: KONTOMATCH_VERSION,
  }),
  listProfiles: () => listProfiles(services, userLanguage(services.Session)),
  getProfile: (request) => getProfile(services, request),
  saveProfile: (request) => saveProfile(services, request),
  deleteProfile: (request) => deleteProfile(services, request),
  previewProfile: (request) => previewProfile(services, request),
  previewImport: (request) => previewImport(services, request),
  importStatement: (request) => importStatement(services, request),
  matchTransactions: () => matchTransactions(services),
  reconcileOverview: (request) => reconcileOverview(services, request),
  getTransaction: (request) => getTransaction(services, request),
  searchAssignable: (request) => searchAssignable(services, request),
  getCase: (request) => getCase(services, request),
  reconcileTransaction: (request) => reconcileTransaction(services, request),
  undoTransaction: (request) => undoTransaction(services, request),
  startAutoRun: (request) => startAutoRun(services, request),
  continueAutoRun: (request) => continueAutoRun(services, request),
  getAutoRun: () => getAutoRun(services),
  getRunDetails: (request) => getRunDetails(services, request),
  listArchive: () => listArchive(services),
  bookingsOverview: () => bookingsOverview(services),
  getSettings: () => getSettings(services),
  saveSettings: (request) => saveSettings(services, request),
  getHelp: () => getHelp(services),
  accountingLists: () => accountingLists(services),
  preAccountingOverview: (request) => preAccountingOverview(services, request),
  saveBookingAccounting: (request) => saveBookingAccounting(services, request),
  autoFillBookings: () => autoFillBookings(services),
  listRules: () => listRules(services),
  checkRules: (request) => checkRules(services, request),
  saveRules: (request) => saveRules(services, request),
  answerRuleProposal: (request) => answerRuleProposal(services, request),
  exportOverview: (request) => exportOverview(services, request),
  startExport: (request) => startExport(services, request),
  continueExport: (request) => continueExport(services, request),
  connectTarget: (request) => connectTarget(services, request),
  disconnectTarget: (request) => disconnectTarget(services, request),
  importAccountingLists: (request) => importAccountingLists(services, request),
  getExportSettings: () => getExportSettings(services),
  saveExportSettings: (request) => saveExportSettings(services, request),
};

export function onOpen(event?: OpenEvent): void {
  buildMenu(services, event);
}

/** Runs in AuthMode.FULL right after installation: the menu must appear without reopening the document. */
export function onInstall(event?: OpenEvent): void {
  buildMenu(services, event);
}

/** Each menu entry opens the sidebar on its page (see the registry). */
export const menu = Object.fromEntries(menuEntries.map((entry) => [entry.fn, (): void => openSidebar(services, entry.page)]));

export function rpc(name: string, request: unknown): unknown {
  return dispatch(handlers, name, request);
}

export { customFunctions };
export { methodNames as rpcMethods } from '../shared/contract';
