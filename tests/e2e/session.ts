/**
 * A browser session on the playground for the sidebar's e2e tests: headless Debian Chromium, the sample workbook in the
 * local runtime, the sidebar opened from the add-on menu, screenshots to artifacts/screenshots/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startPlayground, type Playground, type PlaygroundOptions } from '../../local/playground/server';
import { sampleWorkbook } from '../../local/sample/workbook';
import type { PageName } from '../../sidebar/pages/page';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const shots = path.join(root, 'artifacts/screenshots');

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

export function requireBuild(): void {
  for (const file of ['dist/Code.js', 'dist/Sidebar.html']) {
    if (!existsSync(path.join(root, file))) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does).`);
  }
  mkdirSync(shots, { recursive: true });
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** One headless Chromium for a test file: launched before its tests (after checking the build), closed after them. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    requireBuild();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (browser === undefined) throw new Error('The browser is launched in beforeAll: use it inside a test or hook.');
    return browser;
  };
}

export interface Session {
  playground: Playground;
  page: Page;
  sidebar: FrameLocator;
  frame: Locator;
  /** Every URL the page or the sidebar asked for: all must be the playground's own. */
  requests: string[];
  pageErrors: string[];
  dialogs: string[];
  close(): Promise<void>;
}

export interface SessionOptions {
  /** Open the sidebar at once (default true), from this add-on menu entry (default showSidebar: the reconcile page). */
  openSidebar?: boolean;
  menuItem?: string;
  /** Another workbook than a fresh sample one, e.g. one shared with a second session (createWorkbook). */
  workbook?: PlaygroundOptions['workbook'];
  user?: string;
  /** The runtime's virtual clock (each service call costs `perCallMs`), e.g. to make the automatic run work in slices. */
  clock?: PlaygroundOptions['clock'];
}

/** The playground in a fresh page; unless told otherwise, with the sidebar opened from the add-on menu. */
export async function openSession(browser: Browser, userLocale = 'en', options: SessionOptions = {}): Promise<Session> {
  const playground = await startPlayground({
    port: 0,
    workbook: options.workbook ?? sampleWorkbook(),
    userLocale,
    ...(options.user === undefined ? {} : { user: options.user }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.setDefaultTimeout(10_000);
  const session: Session = {
    playground,
    page,
    sidebar: page.frameLocator('[data-testid="sidebar-frame"]'),
    frame: page.getByTestId('sidebar-frame'),
    requests: [],
    pageErrors: [],
    dialogs: [],
    close: async () => {
      await page.close();
      await playground.close();
    },
  };
  page.on('request', (request) => session.requests.push(request.url()));
  page.on('pageerror', (error) => session.pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    session.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(playground.url);
  if (options.openSidebar !== false) await openFromMenu(session, options.menuItem ?? 'showSidebar');
  return session;
}

/** The sample October statement (Sparkasse CSV) that most tests import. */
export const sampleCsv = path.join(root, 'local/sample/sparkasse-2026-10.csv');

/**
 * Extensions → Kontomatch → <entry> (`fn`: showSidebar, showImport, …), its caption checked when given; waits for the
 * sidebar this entry opened, not the one shown before.
 */
export async function openFromMenu(s: Session, fn: string, options: { caption?: string; screenshot?: string } = {}): Promise<void> {
  if (await s.frame.isVisible()) {
    await s.sidebar.locator('body').evaluate((body) => body.setAttribute('data-stale', ''), undefined, { timeout: 2000 }).catch(() => undefined);
  }
  await s.page.getByTestId('menu-extensions').click();
  await s.page.getByTestId('menu-addon-Kontomatch').click();
  const item = s.page.getByTestId(`menu-item-${fn}`);
  if (options.caption !== undefined) await expect.poll(() => item.textContent()).toBe(options.caption);
  if (options.screenshot !== undefined) await shot(s.page, options.screenshot);
  await item.click();
  await s.sidebar.locator('body[data-ready="true"]:not([data-stale])').waitFor({ timeout: 15_000 });
}

/** On the import page: imports the sample statement and matches it; the result then offers the next steps. */
export async function importAndMatch(s: Session): Promise<void> {
  await s.sidebar.getByTestId('file-input').setInputFiles(sampleCsv);
  await s.sidebar.getByTestId('import-button').click();
  await s.sidebar.getByTestId('result-message').waitFor();
  await s.sidebar.getByTestId('match-button').click();
  await s.sidebar.getByTestId('match-result').waitFor();
}

/** Switches the sidebar to a page through its navigation: a tab, or an entry of the "More" menu. */
export async function goToPage(s: Session, page: PageName): Promise<void> {
  if (page !== 'reconcile' && page !== 'import' && page !== 'run') await s.sidebar.getByTestId('tab-more').click();
  await s.sidebar.getByTestId(`tab-${page}`).click();
  await s.sidebar.locator(`body[data-page="${page}"]`).waitFor();
}

/** A date cell's value as `YYYY-MM-DD` in the sample workbook's zone (Europe/Berlin); "" for an empty cell. */
export function isoDay(value: unknown): string {
  if (value === '' || value === null || value === undefined) return '';
  if (!(value instanceof Date)) return String(value);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(value);
}

export async function shot(target: Page | Locator, name: string): Promise<void> {
  await target.screenshot({ path: path.join(shots, name) });
}

export const count = async (sidebar: FrameLocator, testId: string): Promise<number> =>
  Number((await sidebar.getByTestId(`${testId}-value`).textContent())?.replace(/\D/g, ''));

/** The data rows of a sheet of the runtime's workbook as records keyed by header text. */
export function sheetRecords(s: Session, sheetName: string): Array<Record<string, unknown>> {
  const sheet = s.playground.runtime.spreadsheet.getSheetByName(sheetName);
  if (sheet === null) return [];
  const [header = [], ...rows] = sheet.values();
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]])));
}

/**
 * Changes one cell as a user typing in the sheet would (straight in the runtime's workbook, outside any add-on call):
 * in the row whose `keyColumn` holds `key`, the cell under `column`.
 */
export function setCell(s: Session, sheetName: string, keyColumn: string, key: string, column: string, value: unknown): void {
  const sheet = s.playground.runtime.spreadsheet.getSheetByName(sheetName);
  if (sheet === null) throw new Error(`There is no sheet ${sheetName}.`);
  const [header = [], ...rows] = sheet.values();
  const at = rows.findIndex((row) => row[header.indexOf(keyColumn)] === key);
  if (at < 0 || !header.includes(column)) throw new Error(`${sheetName} has no row ${keyColumn} = ${key} or no column ${column}.`);
  sheet.getRange(at + 2, header.indexOf(column) + 1).setValue(value);
}

/** Nothing in the 300 px sidebar sticks out sideways. */
export async function expectNoSidewaysScroll(s: Session): Promise<void> {
  const scroll = await s.sidebar.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
  expect(scroll).toBe(0);
}

/**
 * Writes a whole sheet as a user pasting it would (straight in the runtime's workbook, outside any add-on call): the sheet
 * is created if missing, its old rows are blanked, `rows` (header first) written from A1.
 */
export function writeSheet(s: Session, sheetName: string, rows: ReadonlyArray<ReadonlyArray<unknown>>): void {
  const book = s.playground.runtime.spreadsheet;
  const sheet = book.getSheetByName(sheetName) ?? book.insertSheet(sheetName);
  const width = Math.max(...rows.map((r) => r.length), sheet.getLastColumn(), 1);
  const height = Math.max(rows.length, sheet.getLastRow(), 1);
  const values = Array.from({ length: height }, (_, i) => Array.from({ length: width }, (_, j) => rows[i]?.[j] ?? ''));
  sheet.getRange(1, 1, height, width).setValues(values);
}

/** The cell formulas of a sheet (`""` where a cell holds a plain value): what the sheet would evaluate. */
export function sheetFormulas(s: Session, sheetName: string): string[][] {
  return s.playground.runtime.spreadsheet.getSheetByName(sheetName)?.formulas() ?? [];
}

/**
 * The October statement imported, matched and run automatically in the session's runtime (the same server functions the
 * sidebar calls, without the clicks): 14 bookings, as the import, reconcile and run tests make them through the sidebar.
 */
export async function importMatchAndRun(s: Session): Promise<void> {
  const { readFileSync } = await import('node:fs');
  const runtime = s.playground.runtime;
  runtime.call('importStatement', { fileName: path.basename(sampleCsv), contentBase64: readFileSync(sampleCsv).toString('base64'), importGoodRows: false, acceptWarnings: true });
  runtime.call('matchTransactions', {});
  let status = runtime.call('startAutoRun', { scope: { kind: 'open' } }) as { runId: string; state: string };
  for (let i = 0; status.state === 'running' && i < 100; i++) status = runtime.call('continueAutoRun', { runId: status.runId }) as typeof status;
  expect(status.state).toBe('finished');
}
