/**
 * Loads the server bundle into a bare V8 context (nothing but the language: no Node, no Apps Script services) and checks
 * that the registry and the bundle agree. Loading must not touch any service: Apps Script evaluates every file on every
 * call, including in AuthMode.NONE.
 */
import vm from 'node:vm';

export interface Expected {
  topLevel: string[];
  customFunctions: string[];
  rpcMethods: string[];
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

export function verifyBundle(code: string, expected: Expected): void {
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename: 'Code.js' });
  const missing = expected.topLevel.filter((name) => vm.runInContext(`typeof ${name}`, context) !== 'function');
  if (missing.length > 0) throw new Error(`Code.js lacks top-level functions: ${missing.join(', ')}`);
  const implemented = Object.keys(vm.runInContext('Kontomatch.customFunctions', context) as object);
  if (!sameSet(implemented, expected.customFunctions)) {
    throw new Error(`Custom functions in the registry (${expected.customFunctions.join(', ')}) and in the bundle (${implemented.join(', ')}) differ.`);
  }
  const rpc = vm.runInContext('Kontomatch.rpcMethods', context) as string[];
  if (!sameSet([...rpc], expected.rpcMethods)) throw new Error('The bundle and the registry disagree on the sidebar endpoints.');
}
