/**
 * The accounting systems reached by API (lexoffice, bexio): testing a key, the target for an export, the lists for the
 * "Accounts" and "Tax rates" sheets.
 *
 * NOT YET AVAILABLE: the lexoffice and bexio clients are still being written (issue 7 is open). Until they land, every
 * API call here refuses with a message that says so, and no key is stored; the exactly-once export around them
 * (core/export/api-export.ts, ./api.ts) is in place and tested against a scripted target.
 */
import type { ApiTarget, Pause, RemoteTarget } from '../../../core/export/remote';
import { TARGET_NAMES } from '../../../core/accounting/requirements';
import type { AppsScriptServices } from '../../platform/apps-script-api';
import type { Connection } from './connections';
import type { ExportSettings } from './settings';

/** The providers' own addresses (contracts §1: api.lexware.io replaced api.lexoffice.io; §2). */
export const DEFAULT_BASE_URL: Record<ApiTarget, string> = { lexoffice: 'https://api.lexware.io', bexio: 'https://api.bexio.com' };

export const pauseOf = (services: AppsScriptServices): Pause => ({
  sleep: (ms) => services.Utilities.sleep(Math.max(0, Math.min(ms, 300_000))),
  nowMs: () => Date.now(),
});

const notYet = (target: ApiTarget): string =>
  `Sending bookings to ${TARGET_NAMES[target]} is not available in this version yet. Export them to a DATEV or CSV file instead.`;

export function testConnection(_services: AppsScriptServices, target: ApiTarget, _connection: Connection): { ok: true; accountName: string } | { ok: false; message: string } {
  return { ok: false, message: notYet(target) };
}

export function remoteTargetFor(_services: AppsScriptServices, target: ApiTarget, _connection: Connection, _settings: ExportSettings): RemoteTarget {
  throw new Error(notYet(target));
}

export function accountListsOf(_services: AppsScriptServices, target: ApiTarget, _connection: Connection): { accounts: Array<Record<string, string>>; taxRates: Array<Record<string, string>> | null } {
  throw new Error(notYet(target));
}
