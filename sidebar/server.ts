/**
 * The server as a typed promise API over `google.script.run`.
 *
 *   const context = await server.getSidebarContext({});
 *
 * Only types come from the contract (`import type`): zod stays out of the sidebar bundle. `google.script.run` carries
 * primitives, plain objects and arrays only — never a `Date` (the platform rejects it); dates travel as ISO strings.
 */
import type { MethodName, RequestOf, ResponseOf, ServerApi } from '../src/shared/contract';

/** The part of Apps Script's client-side `google.script.run` we use (no @types package describes it). */
export interface ScriptRun {
  withSuccessHandler(handler: (value: unknown, userObject?: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error, userObject?: unknown) => void): ScriptRun;
  withUserObject(userObject: unknown): ScriptRun;
  [serverFunction: string]: unknown;
}

export interface GoogleScript {
  script: { run: ScriptRun; host?: { close(): void } };
}

declare global {
  interface Window {
    google?: GoogleScript;
  }
}

/** The names the sidebar may call: listed once, checked against the contract by the compiler. */
const METHODS = {
  getSidebarContext: true,
  listProfiles: true,
  getProfile: true,
  saveProfile: true,
  deleteProfile: true,
  previewProfile: true,
  previewImport: true,
  importStatement: true,
  matchTransactions: true,
  reconcileOverview: true,
  getTransaction: true,
  searchAssignable: true,
  getCase: true,
  reconcileTransaction: true,
  undoTransaction: true,
  startAutoRun: true,
  continueAutoRun: true,
  getAutoRun: true,
  getRunDetails: true,
  listArchive: true,
  bookingsOverview: true,
  getSettings: true,
  saveSettings: true,
  accountingLists: true,
  preAccountingOverview: true,
  saveBookingAccounting: true,
  autoFillBookings: true,
  listRules: true,
  checkRules: true,
  saveRules: true,
  answerRuleProposal: true,
  exportOverview: true,
  startExport: true,
  continueExport: true,
  connectTarget: true,
  disconnectTarget: true,
  importAccountingLists: true,
  getExportSettings: true,
  saveExportSettings: true,
  getHelp: true,
} as const satisfies Record<MethodName, true>;

export class ServerUnavailableError extends Error {
  constructor() {
    super('google.script.run is not available: the sidebar must be opened from the spreadsheet (Extensions → Kontomatch).');
    this.name = 'ServerUnavailableError';
  }
}

function scriptRun(): ScriptRun {
  const run = window.google?.script?.run;
  if (run === undefined) throw new ServerUnavailableError();
  return run;
}

type Listener<K extends MethodName> = (answer: ResponseOf<K>) => void;
const listeners = new Map<MethodName, Array<Listener<never>>>();

/**
 * Hears every answer of one method, whoever asked: e.g. the import page's profile choice follows each `listProfiles`
 * the bank profiles page makes after saving or deleting one, without the two pages knowing each other.
 */
export function onAnswer<K extends MethodName>(name: K, listener: Listener<K>): void {
  listeners.set(name, [...(listeners.get(name) ?? []), listener as unknown as Listener<never>]);
}

function tell<K extends MethodName>(name: K, answer: ResponseOf<K>): void {
  for (const listener of listeners.get(name) ?? []) (listener as unknown as Listener<K>)(answer);
}

function call<K extends MethodName>(name: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  return new Promise<ResponseOf<K>>((resolve, reject) => {
    const runner = scriptRun()
      .withSuccessHandler((value) => {
        tell(name, value as ResponseOf<K>);
        resolve(value as ResponseOf<K>);
      })
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
    const fn = runner[name];
    if (typeof fn !== 'function') throw new Error(`The server has no function "${name}".`);
    (fn as (request: unknown) => void).call(runner, request);
  });
}

function makeServer(): ServerApi {
  const api: Partial<Record<MethodName, unknown>> = {};
  for (const name of Object.keys(METHODS) as MethodName[]) {
    api[name] = (request: never) => call(name, request);
  }
  return api as ServerApi;
}

export const server: ServerApi = makeServer();
