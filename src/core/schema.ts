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
