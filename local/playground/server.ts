/**
 * `npm start`: the sample workbook in the local Apps Script runtime, shown in a browser page — the sheets as grids, the
 * add-on's menu (recorded from its onOpen), and the real built sidebar (`dist/Sidebar.html`, as `showSidebar` delivers it)
 * with its `google.script.run` bridged to the runtime.
 *
 *   GET  /             the page
 *   GET  /state        the workbook (displayed values and formulas), menus, sidebar, the last call's Sheets counters
 *   GET  /sidebar      the sidebar HTML of the last showSidebar, with the google.script.run bridge injected
 *   POST /rpc/<fn>     { args } → runtime.call(fn, ...args) → { ok: true, value } | { ok: false, message }
 *   POST /menu/<fn>    calls a menu item's function (no arguments) → { ok, sidebarOpened } | { ok: false, message }
 *   GET  /drive/<id>   a Drive file the add-on created for this playground's user (File.getUrl() points here)
 *
 * Two playgrounds can share one workbook (`workbook: createWorkbook(…)`, different `user`s): two people working in one
 * spreadsheet, each with their own sidebar, user properties and Drive files.
 *
 * Nothing is loaded from outside: the page's script and styles are inlined.
 */
import { build } from 'esbuild';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_USER, createRuntime, type FakeSpreadsheet, type LocalRuntime, type RuntimeOptions, type WorkbookSeed } from '../runtime/index';
import { sampleWorkbook } from '../sample/workbook';
import { pageHtml } from './page';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

export interface PlaygroundOptions {
  /** Default: `PORT` from the environment, else 8787. 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1 (the playground is for this machine only). */
  host?: string;
  /** Default `dist` (the output of `npm run build`). */
  bundleDir?: string;
  /** Default: the sample workbook of Kanzlei Berger & Partner. An existing workbook (createWorkbook) is shared, not copied. */
  workbook?: WorkbookSeed | FakeSpreadsheet;
  /** The user's locale (Session.getActiveUserLocale): decides the add-on's language. Default 'de'. */
  userLocale?: string;
  user?: string;
  /** Freeze the first row of every seeded sheet, as a real workbook would have it. Default true. */
  freezeHeaders?: boolean;
  /** Passed to the runtime: a virtual clock (see RuntimeOptions.clock). */
  clock?: RuntimeOptions['clock'];
}

export interface Playground {
  url: string;
  runtime: LocalRuntime;
  close(): Promise<void>;
}

export interface CallRecord {
  kind: 'rpc' | 'menu';
  name: string;
  ok: boolean;
  ms: number;
  counters: Record<string, number>;
  sheetsReads: number;
  sheetsWrites: number;
  sheetsCalls: number;
}

const SHEETS_CLASSES = new Set(['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range', 'Protection', 'DeveloperMetadata']);
const WRITE_METHOD = /^(set|insert|append|delete|clear|add|remove|copy|move|sort|merge|protect|hide|show|create|new|auto|trim|uncheck|check)/;
const READ_METHOD = /^(get|find|is|has)/;

/** Reads and writes of cell data and structure in one call's counters: what batching is about. */
export function summarizeCounters(counters: Record<string, number>): Pick<CallRecord, 'sheetsReads' | 'sheetsWrites' | 'sheetsCalls'> {
  let reads = 0;
  let writes = 0;
  let calls = 0;
  for (const [key, n] of Object.entries(counters)) {
    const [cls = '', method = ''] = key.split('.');
    if (!SHEETS_CLASSES.has(cls)) continue;
    calls += n;
    if (WRITE_METHOD.test(method)) writes += n;
    else if (READ_METHOD.test(method) && cls === 'Range') reads += n;
  }
  return { sheetsReads: reads, sheetsWrites: writes, sheetsCalls: calls };
}

async function bundleBrowserScript(file: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(here, file)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['chrome100', 'firefox100', 'safari15'],
    minify: false,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text.replace(/<\/script/gi, '<\\/script');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The sidebar as Apps Script would serve it, with the bridge as the very first thing in `<head>`. */
export function injectBridge(html: string, bridge: string, functions: string[], token: string): string {
  const tag = `<script data-functions='${escapeAttribute(JSON.stringify(functions))}' data-token='${escapeAttribute(token)}'>\n${bridge}</script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head === null) return tag + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + tag + html.slice(at);
}

async function readBody(request: http.IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error(`request body larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The sidebar iframe is sandboxed without allow-same-origin (Apps Script, too, serves user HTML from another origin than
 * the spreadsheet's), so its fetches come from the opaque origin "null" and the RPC answers must allow any origin. What
 * keeps other web pages in the same browser out: every POST needs the per-run token, which only the page and the sidebar
 * HTML carry, and those two are readable only from the playground's own origin (no CORS on them); and the Host header
 * must name the playground (against DNS rebinding).
 */
const TOKEN_HEADER = 'x-kontomatch-token';
const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'POST', 'access-control-allow-headers': `content-type, ${TOKEN_HEADER}` };

/**
 * Types a browser may show inline. Anything else is sent as a download: a file the add-on wrote must never run as a page
 * of the playground's origin (which holds the token).
 */
const INLINE_TYPES = new Set(['application/pdf', 'text/plain', 'text/csv', 'image/png', 'image/jpeg', 'image/gif']);

function sendFile(response: http.ServerResponse, file: { name: string; mimeType: string; bytes: Buffer }): void {
  const type = file.mimeType.split(';')[0]!.trim().toLowerCase();
  const inline = INLINE_TYPES.has(type);
  const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  response.writeHead(200, {
    'content-type': inline ? (type.startsWith('text/') ? `${type}; charset=utf-8` : type) : 'application/octet-stream',
    'content-length': file.bytes.length,
    'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(file.bytes);
}

function send(response: http.ServerResponse, status: number, type: string, body: string, cors = false): void {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...(cors ? CORS : {}),
  });
  response.end(body);
}

const json = (response: http.ServerResponse, status: number, value: unknown, cors = false): void =>
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value), cors);

export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const bundleDir = path.resolve(root, options.bundleDir ?? 'dist');
  const userLocale = options.userLocale ?? 'de';
  const user = options.user ?? DEFAULT_USER;
  const runtime = createRuntime({
    bundleDir,
    workbook: options.workbook ?? sampleWorkbook(),
    userLocale,
    user,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  // A firm's sheets have their header row frozen (the seed format cannot say so). Done on the fakes directly: uncounted.
  if (options.freezeHeaders ?? true) {
    for (const sheet of runtime.spreadsheet.getSheets()) {
      if (sheet.getLastRow() > 0 && sheet.getFrozenRows() === 0) sheet.setFrozenRows(1);
    }
  }
  // Apps Script opens the document with a simple trigger: the add-on's menu is recorded from onOpen.
  runtime.call('onOpen', { authMode: 'LIMITED' });

  const [bridge, client] = await Promise.all([bundleBrowserScript('bridge.ts'), bundleBrowserScript('client.ts')]);
  const token = randomBytes(16).toString('hex');
  const page = pageHtml(client, token);
  const functions = runtime.topLevelFunctions().filter((name) => !name.endsWith('_'));

  const allowedHosts = new Set<string>();
  let revision = 1;
  let sidebarRevision = 0;
  let lastSidebar = runtime.ui.sidebar;
  let lastCall: CallRecord | null = null;

  function callCounted(kind: CallRecord['kind'], name: string, args: unknown[]): { ok: true; value: unknown } | { ok: false; message: string } {
    runtime.counters.reset();
    const started = performance.now();
    let answer: { ok: true; value: unknown } | { ok: false; message: string };
    try {
      answer = { ok: true, value: runtime.call(name, ...args) };
    } catch (error) {
      answer = { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    const counters = runtime.counters.snapshot();
    lastCall = { kind, name, ok: answer.ok, ms: Math.round(performance.now() - started), counters, ...summarizeCounters(counters) };
    revision += 1;
    if (runtime.ui.sidebar !== lastSidebar) {
      lastSidebar = runtime.ui.sidebar;
      sidebarRevision += 1;
    }
    return answer;
  }

  function state(): unknown {
    return {
      revision,
      user,
      userLocale,
      workbook: runtime.spreadsheet.toJSON(),
      menus: runtime.ui.menus,
      sidebar: runtime.ui.sidebar === null ? null : { title: runtime.ui.sidebar.title, revision: sidebarRevision },
      lastCall,
    };
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://playground.invalid');
    const method = request.method ?? 'GET';
    if (!allowedHosts.has((request.headers.host ?? '').toLowerCase())) return send(response, 421, 'text/plain; charset=utf-8', 'Wrong host');
    if (method === 'OPTIONS' && url.pathname.startsWith('/rpc/')) {
      response.writeHead(204, CORS);
      return void response.end();
    }
    if (method === 'GET' && url.pathname === '/') return send(response, 200, 'text/html; charset=utf-8', page);
    if (method === 'GET' && url.pathname === '/favicon.ico') {
      response.writeHead(204);
      return void response.end();
    }
    if (method === 'GET' && url.pathname === '/state') return json(response, 200, state());
    const drive = /^\/drive\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
    if (method === 'GET' && drive !== null) {
      // drive.file: the playground's user sees the files the add-on made for them, nobody else's.
      const file = runtime.drive.files().find((f) => f.id === drive[1] && f.owner === user);
      if (file === undefined) return send(response, 404, 'text/plain; charset=utf-8', 'No such file for this user.');
      return sendFile(response, file);
    }
    if (method === 'GET' && url.pathname === '/sidebar') {
      const sidebar = runtime.ui.sidebar;
      if (sidebar === null) return send(response, 404, 'text/plain; charset=utf-8', 'No sidebar is open: use Extensions → Kontomatch.');
      return send(response, 200, 'text/html; charset=utf-8', injectBridge(sidebar.content, bridge, functions, token));
    }
    const rpc = /^\/(rpc|menu)\/([A-Za-z0-9_$]+)$/.exec(url.pathname);
    if (method === 'POST' && rpc !== null) {
      const kind = rpc[1] as CallRecord['kind'];
      const name = rpc[2]!;
      const cors = kind === 'rpc';
      if (request.headers[TOKEN_HEADER] !== token) return json(response, 403, { ok: false, message: 'missing or wrong playground token' }, cors);
      let args: unknown[] = [];
      if (kind === 'rpc') {
        const body = JSON.parse(await readBody(request, 100 * 1024 * 1024)) as { args?: unknown };
        if (!Array.isArray(body.args)) return json(response, 400, { ok: false, message: 'expected { args: [...] }' }, cors);
        args = body.args;
      } else if (!runtime.ui.menus.some((m) => m.items.some((item) => item !== 'separator' && item.functionName === name))) {
        return json(response, 404, { ok: false, message: `No menu item calls ${name}.` });
      }
      const before = sidebarRevision;
      const answer = callCounted(kind, name, args);
      // `undefined` has no JSON form: a void function answers { ok: true } and the client passes on undefined.
      return json(response, 200, kind === 'menu' ? { ...answer, sidebarOpened: sidebarRevision !== before } : answer, cors);
    }
    return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
  }

  const httpServer = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) json(response, 500, { ok: false, message: error instanceof Error ? error.message : String(error) });
      else response.end();
    });
  });
  const port = options.port ?? (process.env.PORT === undefined ? 8787 : Number(process.env.PORT));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const hostName = host.includes(':') ? `[${host}]` : host;
  const url = `http://${hostName}:${address.port}/`;
  allowedHosts.add(`${hostName}:${address.port}`);
  if (host === '127.0.0.1' || host === '::1') allowedHosts.add(`localhost:${address.port}`);
  // The add-on's File.getUrl() links (e.g. the run report in the Archive sheet) open here instead of on Drive.
  runtime.drive.setUrlBase(`${url}drive/`);
  return {
    url,
    runtime,
    close: () =>
      new Promise<void>((resolve, reject) => {
        httpServer.closeAllConnections();
        httpServer.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (runDirectly) {
  const userLocale = process.env.KONTOMATCH_LOCALE ?? 'de';
  const menuPath = userLocale.startsWith('de') ? 'Erweiterungen → Kontomatch → Kontoauszug importieren' : 'Extensions → Kontomatch → Import statement';
  startPlayground({ userLocale })
    .then((playground) => {
      console.log(`Kontomatch playground: ${playground.url}`);
      console.log(`${menuPath}, then import local/sample/sparkasse-2026-10.csv. Ctrl+C to stop.`);
      console.log('Other formats: local/sample/sparkasse-2026-11.sta (MT940), local/sample/sparkasse-2026-12-camt053.xml (CAMT.053).');
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
