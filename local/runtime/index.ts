/**
 * The local Apps Script runtime: loads the built bundle into a context that holds only Apps Script's globals, backed by
 * in-memory fakes of the services Kontomatch uses. Tests, benchmarks and the playground all run the add-on through this.
 *
 *   const runtime = createRuntime({ bundleDir: 'dist' });
 *   runtime.call('onOpen', { authMode: 'LIMITED' });
 *   runtime.spreadsheet.sheet('Transactions').values();
 *
 * Crash safety and time limits (see execution.ts, clock.ts):
 *
 *   const runtime = createRuntime({ bundleDir: 'dist', clock: { perCallMs: 50 } });
 *   runtime.killAfter(3, (key) => key === 'Range.setValues'); // the 3rd setValues of the next call kills the execution
 */
import type vm from 'node:vm';
import type { AppsScriptServices } from '../../src/server/platform/apps-script-api';
import { Boundary } from './boundary';
import { FakeCacheService } from './cache';
import { VirtualClock, installVirtualDate, type ClockOptions } from './clock';
import { CallCounters } from './counters';
import { FakeDriveApp, driveView, type DriveLinks, type DriveView } from './drive';
import { EXCEEDED_MESSAGE, ExecutionGuard } from './execution';
import { setActingUser } from './fake';
import { FakeHtmlService } from './html';
import { createAppsScriptContext, loadBundle } from './load-bundle';
import { FakeLockService } from './lock';
import { FakeConsole, FakeLogger } from './logger';
import { FakeProperties, FakePropertiesService } from './properties';
import { Realm, toNode } from './realm';
import { assertTransferable, wireCopy } from './run-semantics';
import { FakeSession } from './session';
import { FakeSpreadsheetApp, FakeUi, type UiRecord } from './spreadsheet/app';
import { FakeSpreadsheet, type WorkbookSeed } from './spreadsheet/workbook';
import { FakeUrlFetchApp } from './url-fetch';
import { FakeUtilities, blockFor } from './utilities';

export type { CellValue, WorkbookSeed } from './spreadsheet/workbook';
export { FakeSpreadsheet } from './spreadsheet/workbook';
export { FakeSheet } from './spreadsheet/sheet';
export { FakeRange } from './spreadsheet/range';
export { FakeProperties } from './properties';
export { CallCounters } from './counters';
export { FakeBlob } from './blob';
export { FakeDriveApp, FakeFile, NOT_FOUND_MESSAGE, type DriveView } from './drive';
export { VirtualClock, type ClockOptions } from './clock';
export { EXCEEDED_MESSAGE, MAX_EXECUTION_MS } from './execution';
export type { UiRecord, MenuItem } from './spreadsheet/app';

export const DEFAULT_USER = 'anna.berger@kanzlei-berger.example';

export interface RuntimeOptions {
  /** Every .js file in it is loaded with gas-local; HtmlService serves the .html files in it. */
  bundleDir: string;
  /** A seed for a new workbook, or an existing one (from createWorkbook) to let two sessions share it. */
  workbook?: WorkbookSeed | FakeSpreadsheet;
  /** The active user's email. */
  user?: string;
  /** Session.getActiveUserLocale(), default 'de'. */
  userLocale?: string;
  /** Session.getScriptTimeZone(), default 'America/Los_Angeles' (deliberately not the spreadsheet's zone). */
  scriptTimeZone?: string;
  urlFetch?: { timeoutMs?: number };
  /** Extra: the clock CacheService expiry reads (ms since epoch), default the virtual clock if any, else Date.now. */
  now?: () => number;
  /**
   * A virtual clock: the bundle's `Date.now()` / `new Date()` read it; every counted service call advances it by
   * `perCallMs`, Utilities.sleep by the time asked for (without blocking); and a call() that has run longer than 360 s of
   * it dies at its next service call, or when it returns (`Exceeded maximum execution time`). Pass another runtime's
   * `clock` to share one.
   * Without it: real time, no time limit.
   */
  clock?: ClockOptions | VirtualClock;
  /** Session.getActiveUser().getEmail() returns "" (as for accounts whose email Apps Script withholds). */
  hideEmail?: boolean;
  /** Extra: the title the add-on menu is recorded under (Extensions › NAME), default 'Kontomatch'. */
  addonName?: string;
}

export type LocalServices = AppsScriptServices & { Logger: FakeLogger; console: FakeConsole };

export interface LocalRuntime {
  /** The vm context holding the bundle (its global object). */
  context: vm.Context;
  /** The services as the bundle sees them: counted, context-realm results. */
  services: LocalServices;
  spreadsheet: FakeSpreadsheet;
  counters: CallCounters;
  ui: UiRecord;
  logs: string[];
  /** Calls a top-level function of the bundle with google.script.run semantics. */
  call(functionName: string, ...args: unknown[]): unknown;
  topLevelFunctions(): string[];
  /** Direct (uncounted, Node-realm) access to the stores, for tests. */
  userProperties: FakeProperties;
  documentProperties: FakeProperties;
  scriptProperties: FakeProperties;
  /** The Drive files the add-on created (all users of this workbook), and where their links point. */
  drive: DriveView;
  /** The virtual clock, or null when the runtime runs on real time. */
  clock: VirtualClock | null;
  /**
   * Kill switch: during the next call(), the n-th counted service call whose key (`Range.setValues`) matches throws
   * `Exceeded maximum execution time` instead of running, and so does every service call after it in that execution;
   * the call() then throws that error. Counting starts afresh in each call; armed until it has fired (or disarm()).
   */
  killAfter(n: number, match?: (key: string) => boolean): void;
  disarm(): void;
}

/** A workbook to share between runtimes (two users, one spreadsheet). */
export function createWorkbook(seed?: WorkbookSeed): FakeSpreadsheet {
  return new FakeSpreadsheet(seed);
}

export function createRuntime(options: RuntimeOptions): LocalRuntime {
  const book = options.workbook instanceof FakeSpreadsheet ? options.workbook : new FakeSpreadsheet(options.workbook);
  const user = options.user ?? DEFAULT_USER;
  if (book.owner === '') book.owner = user;
  const clock = options.clock === undefined ? null : options.clock instanceof VirtualClock ? options.clock : new VirtualClock(options.clock);
  const now = options.now ?? clock?.now ?? Date.now;
  const counters = new CallCounters();
  const guard = new ExecutionGuard(clock);
  const links: DriveLinks = { urlBase: null };
  const logs: string[] = [];
  const ui: UiRecord = { menus: [], sidebar: null, dialogs: [] };
  /** The identity that holds locks for this runtime's executions. */
  const execution = { user };

  const globals: Record<string, unknown> = {};
  const context = createAppsScriptContext(globals);
  if (clock) installVirtualDate(context, clock.now);
  const realm = new Realm(context);
  const boundary = new Boundary(realm, counters, user, (key) => guard.beforeCall(key));

  const group = book.group;
  const lockService = new FakeLockService(book.documentLock, group.lockOf(user), group.scriptLock, execution);
  const raw = {
    SpreadsheetApp: new FakeSpreadsheetApp(book, new FakeUi(ui, options.addonName ?? 'Kontomatch')),
    HtmlService: new FakeHtmlService(options.bundleDir),
    PropertiesService: new FakePropertiesService(group.propertiesOf(user), book.documentProperties, group.scriptProperties),
    LockService: lockService,
    CacheService: new FakeCacheService(book.documentCache, group.cacheOf(user), group.scriptCache, now),
    Session: new FakeSession(user, options.userLocale ?? 'de', options.scriptTimeZone ?? 'America/Los_Angeles', options.hideEmail ?? false),
    Utilities: new FakeUtilities(clock ? clock.advance : blockFor),
    DriveApp: new FakeDriveApp(group.drive, user, links, { now }),
    UrlFetchApp: new FakeUrlFetchApp(options.urlFetch?.timeoutMs ?? 60_000),
    Logger: new FakeLogger(logs),
    console: new FakeConsole(logs),
  };
  const services = Object.fromEntries(Object.entries(raw).map(([name, fake]) => [name, boundary.expose(fake)])) as unknown as LocalServices;
  Object.assign(globals, services);

  const added = loadBundle(options.bundleDir, context);
  const topLevel = () => added.filter((name) => typeof (context as Record<string, unknown>)[name] === 'function');

  function call(functionName: string, ...args: unknown[]): unknown {
    const name = String(functionName);
    if (name.endsWith('_')) {
      throw new Error(`Script function not found: ${name} (functions ending in "_" are private and cannot be called from google.script.run)`);
    }
    const fn = (context as Record<string, unknown>)[name];
    if (!added.includes(name) || typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
    args.forEach((arg, i) => assertTransferable(arg, `argument ${i}`));
    const contextArgs = args.map((arg) => wireCopy(arg, (text) => realm.JSON.parse(text)));
    setActingUser(user);
    guard.begin();
    try {
      let result: unknown;
      let failure: { error: unknown } | null = null;
      try {
        result = (fn as (...a: unknown[]) => unknown).apply(undefined, contextArgs);
      } catch (error) {
        failure = { error };
      }
      // A terminated execution fails as such, whatever the script caught, wrapped or returned after the first refusal.
      guard.checkEnd();
      if (guard.isDead()) throw new Error(EXCEEDED_MESSAGE, failure ? { cause: toNode(failure.error) } : undefined);
      if (failure) throw nodeError(failure.error);
      assertTransferable(result, `return value of ${name}`);
      return wireCopy(result);
    } finally {
      guard.end();
      // Apps Script releases an execution's locks when it ends.
      lockService.releaseAll();
    }
  }

  return {
    context,
    services,
    spreadsheet: book,
    counters,
    ui,
    logs,
    call,
    topLevelFunctions: topLevel,
    userProperties: new FakeProperties(group.propertiesOf(user)),
    documentProperties: new FakeProperties(book.documentProperties),
    scriptProperties: new FakeProperties(group.scriptProperties),
    drive: driveView(group.drive, links),
    clock,
    killAfter: (n, match) => guard.killAfter(n, match),
    disarm: () => guard.disarm(),
  };
}

const BUILT_IN_ERRORS: Record<string, ErrorConstructor> = { TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError };

/** The bundle's exception as a Node-realm Error with the same message (and the same built-in class, e.g. ReferenceError). */
function nodeError(error: unknown): Error {
  const isObject = error !== null && typeof error === 'object';
  const message = isObject && 'message' in error ? String((error as Error).message) : String(error);
  const name = isObject && 'name' in error ? String((error as Error).name) : 'Error';
  const Ctor = BUILT_IN_ERRORS[name] ?? Error;
  const copy = new Ctor(message, { cause: toNode(error) });
  if (isObject && 'stack' in error) copy.stack = String((error as Error).stack);
  return copy;
}
