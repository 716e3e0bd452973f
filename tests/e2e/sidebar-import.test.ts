/**
 * The sidebar in headless Chromium against the real build: the playground serves the sample workbook through the local
 * Apps Script runtime and `dist/Sidebar.html` (as showSidebar delivers it), with google.script.run bridged to the runtime.
 * Precondition: `npm run build` (npm test runs it first).
 *
 * Screenshots of the key steps go to artifacts/screenshots/ (git-ignored; CI keeps them).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isValidIBAN } from 'ibantools';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allIbans } from '../../local/sample/parties';
import { encodeWindows1252, october2026, october2026Bad, sparkasseCsvText, type StatementLine } from '../../local/sample/statement';
import { count, launch, openFromMenu, openSession, requireBuild, root, sampleCsv, shot, type Session } from './session';

const badCsv = path.join(root, 'local/sample/sparkasse-2026-10-bad.csv');

function transactionsRows(s: Session): number {
  const sheet = s.playground.runtime.spreadsheet.getSheetByName('Transactions');
  return sheet === null ? 0 : sheet.values().length;
}

const gridRows = (s: Session) => s.page.locator('[data-testid="grid"][data-sheet="Transactions"] [data-testid="grid-row"]');

function csvFile(name: string, lines: StatementLine[]): { name: string; mimeType: string; buffer: Buffer } {
  return { name, mimeType: 'text/csv', buffer: encodeWindows1252(sparkasseCsvText(lines)) };
}

describe('sidebar: import a Sparkasse statement (English)', () => {
  let browser: Browser;
  let s: Session;
  let imported = 0;

  beforeAll(async () => {
    requireBuild();
    browser = await launch();
    s = await openSession(browser, 'en', { openSidebar: false });
  });

  afterAll(async () => {
    await s?.close();
    await browser?.close();
  });

  it('the sample data is sound: every IBAN has valid check digits', () => {
    const invalid = allIbans().filter((iban) => !isValidIBAN(iban));
    expect(invalid).toEqual([]);
  });

  it('opens from Extensions → Kontomatch → Import statement and lists the Sparkasse profile', async () => {
    await openFromMenu(s, 'showImport', { caption: 'Import statement', screenshot: 'e2e-00-menu.png' });
    expect(await s.sidebar.getByTestId('tab-import').getAttribute('aria-selected')).toBe('true');
    const options = await s.sidebar.getByTestId('profile-select').locator('option').allTextContents();
    expect(options.some((o) => o.includes('Sparkasse'))).toBe(true);
    await expect.poll(() => s.sidebar.getByTestId('footer').textContent()).toContain('Signed in as');
    // 300 px wide and nothing sticks out sideways.
    const widths = await s.page.getByTestId('sidebar-frame').evaluate((f: HTMLIFrameElement) => f.getBoundingClientRect().width);
    expect(widths).toBe(300);
    const scroll = await s.sidebar.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
    expect(scroll).toBe(0);
    // Keyboard: Tab goes from the profile (past its description's "More") to the file chooser, whose button then shows a
    // focus ring.
    await s.sidebar.getByTestId('profile-select').focus();
    const focused = (): Promise<string> => s.sidebar.locator('body').evaluate(() => document.activeElement?.id || document.activeElement?.textContent || '');
    const order: string[] = [];
    for (let i = 0; i < 3 && !order.includes('file'); i++) {
      await s.page.keyboard.press('Tab');
      order.push(await focused());
    }
    expect(order.at(-1)).toBe('file');
    expect(order.length).toBeLessThanOrEqual(2);
    expect(await s.sidebar.getByTestId('file-button').evaluate((label) => getComputedStyle(label).outlineStyle)).toBe('solid');
    await shot(s.page, 'e2e-01-sidebar-open.png');
  });

  it('previews the statement: counts, first rows, negative amounts marked', async () => {
    await s.sidebar.getByTestId('file-input').setInputFiles(sampleCsv);
    await s.sidebar.getByTestId('preview').waitFor();
    expect(await count(s.sidebar, 'count-rows-read')).toBe(october2026.length);
    expect(await count(s.sidebar, 'count-rejected')).toBe(0);
    expect(await count(s.sidebar, 'count-duplicates')).toBe(0);
    // The Sparkasse profile imports booked transactions only: the pending ("Umsatz vorgemerkt") row is left out, and said so.
    const booked = october2026.filter((line) => line.info !== 'Umsatz vorgemerkt');
    imported = await count(s.sidebar, 'count-new');
    expect(imported).toBe(booked.length);
    expect(await s.sidebar.getByTestId('left-out').textContent()).toMatch(/^1 row was left out by the bank profile/);
    const rows = s.sidebar.getByTestId('preview-row');
    expect(await rows.count()).toBeGreaterThan(3);
    expect(await rows.first().getByTestId('preview-name').textContent()).toBe('Rheinblick Immobilien KG');
    const rent = rows.first().getByTestId('preview-amount');
    expect(await rent.getAttribute('class')).toContain('negative');
    expect(await rent.textContent()).toMatch(/2,850\.00/);
    expect(await s.sidebar.getByTestId('import-button').textContent()).toBe(`Import ${imported} transactions`);
    expect(await s.sidebar.getByTestId('line-errors').count()).toBe(0);
    expect(transactionsRows(s)).toBe(0); // a preview writes nothing
    await shot(s.page.getByTestId('sidebar-frame'), 'e2e-02-preview.png');
  });

  it('imports into "Transactions": the grid shows the rows, the "=…" purpose lands as text', async () => {
    await s.sidebar.getByTestId('import-button').click();
    const message = s.sidebar.getByTestId('result-message');
    await message.waitFor();
    expect(await message.textContent()).toBe(`${imported} transactions imported into 'Transactions'. 0 duplicates skipped.`);
    expect(transactionsRows(s)).toBe(imported + 1); // with the header row

    // The page follows the write: the Transactions grid, one line per transaction.
    await expect.poll(() => gridRows(s).count(), { timeout: 10_000 }).toBe(imported);
    const formulas = s.playground.runtime.spreadsheet.sheet('Transactions').formulas();
    expect(formulas.flat().every((f) => f === '')).toBe(true);
    const cell = s.page.locator('[data-testid="grid"][data-sheet="Transactions"] td', { hasText: '=Rechnung RE-2026-0147' });
    expect(await cell.count()).toBe(1);
    expect((await cell.getAttribute('class')) ?? '').not.toContain('formula');
    expect(await s.page.getByTestId('last-call').textContent()).toMatch(/^last call: importStatement — \d+ reads?, \d+ writes?/);
    await shot(s.page, 'e2e-03-imported.png');
  });

  it('matches the imported transactions from the result: counts in words, proposals in the match columns', async () => {
    await s.sidebar.getByTestId('match-button').click();
    const outcome = s.sidebar.getByTestId('match-result');
    await outcome.waitFor();
    expect(await outcome.textContent()).toBe('Matched: 13 sure, 2 to check, 7 without an open item.');
    expect(await s.sidebar.getByTestId('match-button').isHidden()).toBe(true);
    const [header, ...rows] = s.playground.runtime.spreadsheet.sheet('Transactions').values();
    const status = header!.indexOf('Match status');
    const reason = header!.indexOf('Match reason');
    expect(rows.map((r) => r[status]).filter((v) => v === 'auto')).toHaveLength(13);
    expect(rows.every((r) => String(r[reason]).length > 0)).toBe(true);
    await shot(s.page.getByTestId('sidebar-frame'), 'e2e-03b-matched.png');
  });

  it('importing the same file again adds nothing and says so (the same file can be chosen again)', async () => {
    await s.sidebar.getByTestId('file-input').setInputFiles(sampleCsv);
    await s.sidebar.getByTestId('preview').waitFor();
    expect(await count(s.sidebar, 'count-new')).toBe(0);
    expect(await count(s.sidebar, 'count-duplicates')).toBe(imported);
    expect(await s.sidebar.getByTestId('nothing-new-notice').isVisible()).toBe(true);
    await s.sidebar.getByTestId('import-button').click();
    const message = s.sidebar.getByTestId('result-message');
    await message.waitFor();
    expect(await message.textContent()).toMatch(/^Nothing new: all \d+ transactions of this file are already in 'Transactions'\.$/);
    expect(transactionsRows(s)).toBe(imported + 1);
    await s.page.waitForTimeout(300);
    expect(await gridRows(s).count()).toBe(imported);
    await shot(s.page.getByTestId('sidebar-frame'), 'e2e-04-nothing-new.png');
  });

  it('a file with bad lines shows each line error; Cancel writes nothing', async () => {
    const before = transactionsRows(s);
    await s.sidebar.getByTestId('file-input').setInputFiles(badCsv);
    await s.sidebar.getByTestId('line-errors').waitFor();
    const errors = await s.sidebar.getByTestId('line-error').allTextContents();
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^sparkasse-2026-10-bad\.csv, line 3, column \d+ \(.+\): .+ — found "31\.02\.26"$/);
    expect(errors[1]).toMatch(/^sparkasse-2026-10-bad\.csv, line 5, column \d+ \(.+\): .+ — found "12,3x"$/);
    expect(await count(s.sidebar, 'count-rejected')).toBe(2);
    const good = october2026Bad.length - 2;
    expect(await s.sidebar.getByTestId('import-button').textContent()).toBe(`Import the ${good} good rows`);
    expect(await s.sidebar.getByTestId('cancel-button').isVisible()).toBe(true);
    expect(await s.sidebar.getByTestId('choice-notice').isVisible()).toBe(true);
    await shot(s.page.getByTestId('sidebar-frame'), 'e2e-05-bad-file.png');

    await s.sidebar.getByTestId('cancel-button').click();
    expect(await s.sidebar.getByTestId('result-message').textContent()).toBe('Cancelled. Nothing was written.');
    expect(await s.sidebar.getByTestId('preview').isHidden()).toBe(true);
    expect(transactionsRows(s)).toBe(before);
  });

  it('the good rows of a bad file are imported only when the user chooses so', async () => {
    const before = transactionsRows(s);
    await s.sidebar.getByTestId('file-input').setInputFiles(badCsv);
    await s.sidebar.getByTestId('line-errors').waitFor();
    await s.sidebar.getByTestId('import-button').click();
    const message = s.sidebar.getByTestId('result-message');
    await message.waitFor();
    const good = october2026Bad.length - 2;
    expect(await message.textContent()).toBe(`${good} transactions imported into 'Transactions'. 0 duplicates skipped. 2 unreadable lines left out.`);
    expect(transactionsRows(s)).toBe(before + good);
    await expect.poll(() => gridRows(s).count()).toBe(before + good - 1);
  });

  it('text from the bank is shown as text, never as markup', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const file = csvFile('<b>crafted</b>.csv', [
      { ...october2026[1]!, purpose: evil, counterparty: { name: '<script>alert(2)</script>', iban: '', bic: '' } },
    ]);
    await s.sidebar.getByTestId('file-input').setInputFiles(file);
    await s.sidebar.getByTestId('preview').waitFor();
    const row = s.sidebar.getByTestId('preview-row').first();
    expect(await row.getByTestId('preview-purpose').textContent()).toBe(evil);
    expect(await row.getByTestId('preview-name').textContent()).toBe('<script>alert(2)</script>');
    expect(await s.sidebar.getByTestId('preview-file').textContent()).toContain('<b>crafted</b>.csv');
    expect(await s.sidebar.locator('#preview img, #preview script, #preview b').count()).toBe(0);
    await shot(s.page.getByTestId('sidebar-frame'), 'e2e-06-markup-as-text.png');
    await s.sidebar.getByTestId('cancel-button').click();
    expect(s.dialogs).toEqual([]);
  });

  it('shows a busy indicator and disables the controls while a call runs', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await s.page.route('**/rpc/previewImport', async (route) => {
      await held;
      await route.continue();
    });
    await s.sidebar.getByTestId('file-input').setInputFiles(sampleCsv);
    await s.sidebar.getByTestId('busy').waitFor({ state: 'visible' });
    expect(await s.sidebar.getByTestId('profile-select').isDisabled()).toBe(true);
    expect(await s.sidebar.getByTestId('file-input').isDisabled()).toBe(true);
    expect(await s.sidebar.getByTestId('status').textContent()).toBe('Reading the file…');
    release();
    await s.sidebar.getByTestId('preview').waitFor();
    expect(await s.sidebar.getByTestId('busy').isHidden()).toBe(true);
    expect(await s.sidebar.getByTestId('profile-select').isEnabled()).toBe(true);
    await s.page.unroute('**/rpc/previewImport');
    await s.sidebar.getByTestId('cancel-button').click();
  });

  it('shows a server failure in the error box', async () => {
    // A profile the server does not know: the server refuses it and the failure handler fires.
    await s.sidebar.getByTestId('profile-select').evaluate((select: HTMLSelectElement) => {
      const option = document.createElement('option');
      option.value = 'no-such-bank';
      option.textContent = 'No such bank';
      select.append(option);
      select.value = 'no-such-bank';
    });
    await s.sidebar.getByTestId('file-input').setInputFiles(sampleCsv);
    const box = s.sidebar.getByTestId('error-box');
    await box.waitFor({ state: 'visible' });
    expect(await s.sidebar.getByTestId('error-message').textContent()).toContain('no-such-bank');
    expect(await s.sidebar.getByTestId('preview').isHidden()).toBe(true);
    await shot(s.page.getByTestId('sidebar-frame'), 'e2e-07-server-error.png');
    await s.sidebar.getByTestId('error-dismiss').click();
    expect(await box.isHidden()).toBe(true);
  });

  it('serves the real built sidebar with the google.script.run bridge first in <head>', async () => {
    const response = await s.page.request.get(new URL('/sidebar', s.playground.url).href);
    const html = await response.text();
    expect(html).toMatch(/^<!DOCTYPE html>\s*<html[^>]*>\s*<head>\s*<script data-functions=/);
    expect(html).toContain('data-testid="page-import"');
    const built = readFileSync(path.join(root, 'dist/Sidebar.html'), 'utf8');
    // showSidebar names the page to open on in <body data-start-page>; the rest is the built file as it is.
    expect(html).toContain('<body data-start-page="import">');
    expect(html.replace(/<script data-functions=[\s\S]*?<\/script>/, '').replace(' data-start-page="import"', '')).toBe(built);
  });

  it('loads nothing from outside and raises no script errors', () => {
    const own = new URL(s.playground.url).origin;
    const foreign = s.requests.filter((url) => !url.startsWith(own) && !url.startsWith('data:') && url !== 'about:blank');
    expect(foreign).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});

describe('sidebar in German', () => {
  let browser: Browser;
  let s: Session;

  beforeAll(async () => {
    requireBuild();
    browser = await launch();
    s = await openSession(browser, 'de', { openSidebar: false });
  });

  afterAll(async () => {
    await s?.close();
    await browser?.close();
  });

  it('speaks German and writes amounts and dates the German way', async () => {
    await openFromMenu(s, 'showImport', { caption: 'Kontoauszug importieren' });
    expect(await s.sidebar.locator('label[for="profile"]').textContent()).toBe('Bankprofil');
    await s.sidebar.getByTestId('file-input').setInputFiles(sampleCsv);
    await s.sidebar.getByTestId('preview').waitFor();
    const first = s.sidebar.getByTestId('preview-row').first();
    expect(await first.getByTestId('preview-amount').textContent()).toMatch(/^-2\.850,00\s€$/);
    expect(await first.textContent()).toContain('01.10.2026');
    expect(await s.sidebar.getByTestId('import-button').textContent()).toMatch(/^\d+ Umsätze importieren$/);
    await shot(s.page.getByTestId('sidebar-frame'), 'e2e-08-german-preview.png');
  });
});
