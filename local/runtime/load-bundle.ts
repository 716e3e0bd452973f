/**
 * Loads the built bundle with gas-local into a vm context that holds Apps Script's globals and nothing of Node or the
 * browser. A fresh vm context already lacks require/process/Buffer/timers/fetch/URL/TextEncoder; we also remove what V8
 * adds but Apps Script lacks (WebAssembly), and replace V8's console with the capturing one.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

const require = createRequire(import.meta.url);
const gasLocal = require('gas-local') as {
  require: (dir: string, globalObject: object, options?: { filter?: (file: string) => boolean }) => vm.Context;
};

/** Globals that a V8 context has but Apps Script's V8 runtime does not offer to scripts. */
const NOT_IN_APPS_SCRIPT = ['WebAssembly'];

/** A context whose global object is `globals` (so adding services to it later makes them globals). */
export function createAppsScriptContext(globals: Record<string, unknown>): vm.Context {
  const context = vm.createContext(globals, { name: 'Apps Script (local)', codeGeneration: { strings: true, wasm: false } });
  for (const name of NOT_IN_APPS_SCRIPT) vm.runInContext(`delete globalThis.${name}`, context);
  return context;
}

/**
 * Runs every `.js` file of `bundleDir` (recursively, in gas-local's order) in `context`; returns the names the bundle
 * added to the global object. gas-local's `vm.createContext` returns an already contextified object unchanged, which is
 * why the context (and its realm's constructors) can exist before loading.
 */
export function loadBundle(bundleDir: string, context: vm.Context): string[] {
  const before = new Set(Object.getOwnPropertyNames(context));
  gasLocal.require(path.resolve(bundleDir), context, { filter: (file) => path.extname(file) === '.js' });
  return Object.getOwnPropertyNames(context).filter((name) => !before.has(name));
}
