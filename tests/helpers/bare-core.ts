/**
 * The core as Apps Script's V8 sees it: bundled the way `build/build.ts` bundles the server (neutral platform, ES2020,
 * the same main fields) and run in an empty `vm` context — no require, Buffer, TextDecoder, TextEncoder, process, URL,
 * setTimeout, fetch, crypto, Worker, Blob. The exports land on the context's `core`.
 */
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { expect } from 'vitest';

const repo = path.resolve(__dirname, '../..');
const PLATFORM_GLOBALS = ['require', 'Buffer', 'TextDecoder', 'TextEncoder', 'process', 'URL', 'setTimeout', 'fetch', 'crypto', 'Worker', 'Blob'];

/** `exports` is module source such as `export { readCamtFile } from './src/core/import/camt';` (paths from the repo). */
export async function coreInBareContext(exports: string): Promise<vm.Context> {
  const result = await build({
    stdin: { contents: exports, resolveDir: repo, loader: 'ts' },
    bundle: true,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    format: 'iife',
    globalName: 'core',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  const context = vm.createContext({});
  for (const name of PLATFORM_GLOBALS) expect(vm.runInContext(`typeof ${name}`, context), name).toBe('undefined');
  vm.runInContext(result.outputFiles[0]!.text, context);
  return context;
}

/** Bytes as Apps Script's base64 decoder hands them over: signed (-128…127). */
export const signedBytes = (bytes: Uint8Array): number[] => Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
