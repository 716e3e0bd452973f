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

function call<K extends MethodName>(name: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  return new Promise<ResponseOf<K>>((resolve, reject) => {
    const runner = scriptRun()
      .withSuccessHandler((value) => resolve(value as ResponseOf<K>))
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
