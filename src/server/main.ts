/**
 * The server bundle's entry. esbuild wraps everything into one object (`Kontomatch`); the generated entry file
 * (`build/generate-entry.ts`, from `src/registry.ts`) adds the top-level functions Apps Script needs, each forwarding here.
 */
import { customFunctions } from './custom-functions';
import { userLanguage } from './language';
import { onOpen as buildMenu, showSidebar as openSidebar, type OpenEvent } from './menu';
import { appsScriptServices } from './platform/services';
import { dispatch, type Handlers } from './rpc';
import { importStatement, previewImport } from './use-cases/import-statement';
import { deleteProfile, getProfile, listProfiles, previewProfile, saveProfile } from './use-cases/profiles';
import { matchTransactions } from './use-cases/match-transactions';

declare const KONTOMATCH_VERSION: string;

const services = appsScriptServices();

const handlers: Handlers = {
  getSidebarContext: () => ({
    user: services.Session.getActiveUser().getEmail(),
    locale: userLanguage(services.Session),
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
};

export function onOpen(event?: OpenEvent): void {
  buildMenu(services, event);
}

/** Runs in AuthMode.FULL right after installation: the menu must appear without reopening the document. */
export function onInstall(event?: OpenEvent): void {
  buildMenu(services, event);
}

export const menu = {
  showSidebar: (): void => openSidebar(services),
  // The sidebar opens on its import page: one place for importing, whether from the menu or the sidebar.
  showImport: (): void => openSidebar(services),
};

export function rpc(name: string, request: unknown): unknown {
  return dispatch(handlers, name, request);
}

export { customFunctions };
export { methodNames as rpcMethods } from '../shared/contract';
