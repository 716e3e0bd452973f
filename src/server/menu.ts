/**
 * The add-on menu and the sidebar.
 *
 * `onOpen` runs in AuthMode.NONE when the add-on is installed but not yet used in this document: then only menu items may
 * be added (no properties, no spreadsheet reads). So the menu is built from the registry alone; the user's language is asked
 * for only where the mode allows it.
 */
import { menu, sidebarPages, type SidebarPage } from '../registry';
import { userLanguage, type Language } from './language';
import type { AppsScriptServices } from './platform/apps-script-api';

export interface OpenEvent {
  authMode?: unknown;
}

function menuLanguage(services: AppsScriptServices, event: OpenEvent | undefined): Language {
  if (event !== undefined && String(event.authMode) === 'NONE') return 'en';
  try {
    return userLanguage(services.Session);
  } catch {
    return 'en';
  }
}

export function onOpen(services: AppsScriptServices, event?: OpenEvent): void {
  const language = menuLanguage(services, event);
  const addonMenu = services.SpreadsheetApp.getUi().createAddonMenu();
  for (const entry of menu) addonMenu.addItem(entry.label[language], entry.fn);
  addonMenu.addToUi();
}

/**
 * Opens the sidebar on `page`. The page travels in the HTML itself (`<body data-start-page>`), so the sidebar draws the
 * right page without another round trip; the value is one of our own constants, never user text.
 */
export function showSidebar(services: AppsScriptServices, page: SidebarPage = 'reconcile'): void {
  if (!sidebarPages.includes(page)) throw new Error(`There is no sidebar page "${page}".`);
  const file = services.HtmlService.createHtmlOutputFromFile('Sidebar').getContent();
  const html = services.HtmlService.createHtmlOutput(file.replace('<body', `<body data-start-page="${page}"`)).setTitle('Kontomatch');
  services.SpreadsheetApp.getUi().showSidebar(html);
}
