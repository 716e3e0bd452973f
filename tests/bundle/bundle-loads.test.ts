/**
 * The built bundle, loaded the way Apps Script loads it: `dist/Code.js` in a context that holds only Apps Script's
 * globals. A bundling mistake (a Node built-in, a missing top-level function, lost JSDoc) fails here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type LocalRuntime } from '../../local/runtime';
import { customFunctions, menu, sidebarEndpoints, triggers } from '../../src/registry';

const dist = path.resolve(__dirname, '../../dist');
const code = readFileSync(path.join(dist, 'Code.js'), 'utf8');

describe('the built bundle in the local Apps Script runtime', () => {
  let runtime: LocalRuntime;
  beforeAll(() => {
    runtime = createRuntime({ bundleDir: dist });
  });

  it('runs in a context without Node or browser globals', () => {
    for (const name of ['require', 'process', 'module', 'exports', 'Buffer', 'setTimeout', 'fetch', 'TextDecoder', 'TextEncoder', 'window', 'document']) {
      expect(typeof (runtime.context as Record<string, unknown>)[name], name).toBe('undefined');
    }
    // …and still works there: a custom function runs end to end inside that context.
    expect(runtime.call('KM_IBAN_VALID', 'DE89370400440532013000')).toBe(true);
  });

  it('defines every registered function at the top level, with its parameters', () => {
    const expected = [...triggers, ...menu.map((m) => m.fn), ...sidebarEndpoints, ...customFunctions.map((f) => f.name)];
    expect(runtime.topLevelFunctions()).toEqual(expect.arrayContaining(expected));
    for (const f of customFunctions) {
      const declared = new RegExp(`function ${f.name}\\(${f.params.map((p) => p.name).join(', ')}\\)`);
      expect(code).toMatch(declared);
    }
  });

  it('puts @customfunction JSDoc right before every custom function', () => {
    for (const f of customFunctions) {
      const at = code.indexOf(`function ${f.name}(`);
      const doc = code.slice(code.lastIndexOf('/**', at), at);
      expect(doc).toContain('@customfunction');
      expect(doc).toContain(f.summary);
      for (const p of f.params) expect(doc).toContain(`@param {*} ${p.optional === true ? `[${p.name}]` : p.name}`);
    }
  });

  it('builds the add-on menu in AuthMode.NONE without touching properties, spreadsheet data or the network', () => {
    runtime.counters.reset();
    runtime.call('onOpen', { authMode: 'NONE' });
    const menus = runtime.ui.menus;
    expect(menus.at(-1)!.items).toEqual(menu.map((m) => ({ caption: m.label.en, functionName: m.fn })));
    const touched = Object.keys(runtime.counters.snapshot());
    expect(touched.filter((k) => /^(Properties|UrlFetchApp|Range|Sheet|Spreadsheet\.)/.test(k))).toEqual([]);
  });

  it('names the menu in German for a German user', () => {
    const german = createRuntime({ bundleDir: dist, userLocale: 'de' });
    german.call('onOpen', { authMode: 'LIMITED' });
    expect(german.ui.menus.at(-1)!.items[0]).toEqual({ caption: 'Seitenleiste öffnen', functionName: 'showSidebar' });
  });

  it('opens the sidebar from the built HTML file, on the page of the menu entry', () => {
    const built = readFileSync(path.join(dist, 'Sidebar.html'), 'utf8');
    const pages = { showSidebar: 'reconcile', showImport: 'import', showAutoRun: 'run', showExport: 'bookings', showSettings: 'settings', showHelp: 'help' };
    for (const [fn, page] of Object.entries(pages)) {
      runtime.call(fn);
      expect(runtime.ui.sidebar?.title).toBe('Kontomatch');
      // The built file, with only the start page added to its body tag.
      expect(runtime.ui.sidebar?.content).toBe(built.replace('<body', `<body data-start-page="${page}"`));
    }
  });

  it('answers a request that breaks the contract with the field at fault', () => {
    expect(() => runtime.call('previewImport', { fileName: 'a.csv', profileId: 'x' })).toThrow(/Invalid request to previewImport: contentBase64/);
    expect(() => runtime.call('importStatement', { fileName: '', contentBase64: '', profileId: 'x', importGoodRows: true })).toThrow(/fileName/);
  });

  it('stays lean: Apps Script loads the whole bundle on every call, custom functions included', () => {
    // 94 KB with the foundation (zod/mini, papaparse, ibantools; classic zod alone had made it 301 KB); 238 KB with
    // import (17 bank profiles with their German and English descriptions ≈ 38 KB, MT940, CAMT with parse-xml 14 KB
    // and fflate 6 KB) and matching; ≈ 300 KB with reconciliation (the planners, the sheet writer, the automatic run and
    // its PDF report with our own small PDF writer instead of a 300–500 KB PDF library); ≈ 360 KB with pre-accounting
    // (rules, learning, splits, and our own 10 KB linear-time pattern matcher instead of re2js's 150 KB); ≈ 400 KB with
    // the exports (DATEV EXTF writer with its 125 column names, Windows-1252, CSV profiles, the exactly-once engine, the
    // export page's server side). V8 compiles and runs that in ≈ 50 ms here. The guard catches the next accidental
    // heavyweight (a classic zod, a date library, a whole lodash), not honest growth.
    expect(Buffer.byteLength(code)).toBeLessThan(460 * 1024);
  });

  it('ships a manifest with V8 and only the narrow scopes', () => {
    const manifest = JSON.parse(readFileSync(path.join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/userinfo.email',
      // The PDF report of an automatic run: only files the add-on creates itself, never the rest of the user's Drive.
      'https://www.googleapis.com/auth/drive.file',
      // The lexoffice and bexio exports, and only to their addresses (urlFetchWhitelist, below).
      'https://www.googleapis.com/auth/script.external_request',
    ]);
    // Add-ons reaching out must list the URL prefixes; Apps Script refuses any other address at run time.
    expect(manifest.urlFetchWhitelist).toEqual(['https://api.lexware.io/', 'https://api.lexoffice.io/', 'https://api.bexio.com/']);
  });
});
