/**
 * The only place that reaches Apps Script's global services. Everything else receives them as a parameter, in the manner of
 * apps-script-oauth2's injected stores, so that use cases can be tested with plain objects.
 */
import type { AppsScriptServices } from './apps-script-api';

export function appsScriptServices(): AppsScriptServices {
  // Read lazily: in AuthMode.NONE (onOpen before the add-on is enabled) touching some services throws.
  return {
    get SpreadsheetApp() { return SpreadsheetApp; },
    get HtmlService() { return HtmlService; },
    get PropertiesService() { return PropertiesService; },
    get LockService() { return LockService; },
    get CacheService() { return CacheService; },
    get Session() { return Session; },
    get Utilities() { return Utilities as unknown as AppsScriptServices['Utilities']; },
    get UrlFetchApp() { return UrlFetchApp; },
    get DriveApp() { return DriveApp; },
  };
}
