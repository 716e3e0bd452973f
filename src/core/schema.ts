/**
 * zod for every border (files, cells, HTTP, sidebar calls), in its tree-shakable "mini" form with English messages only.
 * Import it as a namespace (`import * as z from '…/schema'`): esbuild then keeps only what is used.
 *
 * Apps Script loads the whole bundle on every call, custom functions included; classic zod with all its locales made up
 * nine tenths of the bundle (271 KB).
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';

/** A zod path as a reader writes it: `columns.amount`, `skipRowsWhere[0].column`. */
export function describePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${String(part)}`;
  return out;
}

/** Zod issues as one line: `fileName: Too small…; profileId: …` (the first five; more would not be read). */
export function describeIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${describePath(issue.path)}: ${issue.message}` : issue.message))
    .join('; ');
}
