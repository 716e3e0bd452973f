/** Tiny bundles written to a temp dir, so runtime tests do not depend on the real build. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { createRuntime, type LocalRuntime, type RuntimeOptions } from '../../local/runtime';

const made: string[] = [];
// Registered while the importing test file is collected, so it runs after that file's tests.
afterAll(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

export function bundleDir(code: string, extraFiles: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'km-bundle-'));
  made.push(dir);
  writeFileSync(path.join(dir, 'Code.js'), code);
  for (const [name, content] of Object.entries(extraFiles)) writeFileSync(path.join(dir, name), content);
  return dir;
}

/** A runtime over a bundle made of `code`. */
export function runtimeWith(code: string, options: Omit<RuntimeOptions, 'bundleDir'> = {}, extraFiles: Record<string, string> = {}): LocalRuntime {
  return createRuntime({ ...options, bundleDir: bundleDir(code, extraFiles) });
}

/** A bundle exposing `run(source)`: evaluates script text inside the context, so one test can try many snippets. */
export const EVAL_BUNDLE = 'function run(source) { return (0, eval)(source); }';
