/**
 * The sidebar's pages in headless Chromium against the real build, in German (a German user in a German spreadsheet):
 * every entry of the add-on menu opens the sidebar on its own page; Settings saves the matching settings (and refuses bad
 * input in words); Help lists the custom functions with examples in the spreadsheet's `;` notation; Bookings (the export
 * page) counts the "Bookings" sheet and lists what is not yet exported. Nothing scrolls sideways at 300 px.
 * Precondition: `npm run build`. Screenshots: artifacts/screenshots/e2e-3x-*.png.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultMatchSettings } from '../../src/core/matching';
import { customFunctions, menu } from '../../src/registry';
import { expectNoSidewaysScroll, launch, openFromMenu, openSession, requireBuild, sampleCsv, sheetRecords, shot, type Session } from './session';

const FILE = path.basename(sampleCsv);

/** German headings of the pages this test is about; the others are checked for being shown at all. */
const HEADINGS: Partial<Record<string, string>> = {
  run: 'Automatischer Abgleich',
  accounting: 'Vorkontierung',
  rules: 'Regeln',
  bookings: 'Buchungen',
  settings: 'Einstellungen',
  help: 'Hilfe',
};

const field = (s: Session, name: string) => s.sidebar.getByTestId(`setting-${name}`);
const stored = (s: Session): unknown => {
  const json = s.playground.runtime.documentProperties.getProperty('matchSettings');
  return json === null ? null : JSON.parse(json);
};

let browser: Browser;
let s: Session;

beforeAll(async () => {
  requireBuild();
  browser = await launch();
  s = await openSession(browser, 'de', { openSidebar: false });
});

afterAll(async () => {
  expect(s.pageErrors).toEqual([]);
  expect(s.dialogs).toEqual([]);
  await s?.close();
  await browser?.close();
});

describe('the add-on menu (German)', () => {
  it('has eight entries, each opening the sidebar on its own page, 300 px wide with nothing sticking out', async () => {
    expect(menu.map((m) => m.fn)).toEqual(['showSidebar', 'showImport', 'showAutoRun', 'showPreAccounting', 'showRules', 'showExport', 'showSettings', 'showHelp']);
    for (const entry of menu) {
      await openFromMenu(s, entry.fn, { caption: entry.label.de });
      expect(await s.sidebar.locator('body').getAttribute('data-page')).toBe(entry.page);
      const page = s.sidebar.getByTestId(`page-${entry.page}`);
      expect(await page.isVisible()).toBe(true);
      // Only the one page is shown.
      expect(await s.sidebar.locator('section.page:not([hidden])').count()).toBe(1);
      const heading = (await page.locator('h1').first().textContent()) ?? '';
      const expected = HEADINGS[entry.page];
      if (expected !== undefined) expect(heading).toBe(expected);
      else expect(heading.length).toBeGreaterThan(0);
      expect(await s.frame.evaluate((f: HTMLIFrameElement) => f.getBoundingClientRect().width)).toBe(300);
      await expectNoSidewaysScroll(s);
    }
    expect(await s.sidebar.locator('html').getAttribute('lang')).toBe('de');
    expect(await s.sidebar.getByTestId('footer').textContent()).toContain('Angemeldet als');
  });

  it('the run page for an empty "Transactions" sheet offers all open transactions and says no statement has any', async () => {
    await openFromMenu(s, 'showAutoRun');
    await s.sidebar.locator('[data-testid="run-body"][data-view="choice"]').waitFor();
    expect(await s.sidebar.getByTestId('scope-open').textContent()).toBe('Alle offenen Umsätze');
    expect(await s.sidebar.getByTestId('scope-file').count()).toBe(0);
    expect(await s.sidebar.getByTestId('run-scope').textContent()).toContain('Kein importierter Kontoauszug hat noch offene Umsätze.');
    await s.sidebar.getByTestId('archive-button').click();
    expect(await s.sidebar.getByTestId('archive-empty').textContent()).toBe('Noch keine abgeschlossenen Läufe.');
    await shot(s.frame, 'e2e-37-run-page-empty.png');
  });
});

describe('settings (German)', () => {
  it('shows the stored matching settings in German notation, and the bank profiles below', async () => {
    await openFromMenu(s, 'showSettings', { caption: 'Einstellungen' });
    await s.sidebar.locator('[data-testid="settings-page"][data-state="ready"]').waitFor();
    expect(stored(s)).toBeNull();
    expect(await field(s, 'threshold').inputValue()).toBe(defaultMatchSettings.fuzzyThreshold.toFixed(2).replace('.', ','));
    expect(await field(s, 'money').inputValue()).toBe('0,00');
    expect(await field(s, 'percent').inputValue()).toBe('0');
    expect(await field(s, 'partial').isChecked()).toBe(defaultMatchSettings.allowPartialPayments);
    const labels = await s.sidebar.locator('.settings-form label').allTextContents();
    expect(labels).toEqual(['Ähnlichkeit für Rechnungsnummern mit Tippfehlern', 'Betragstoleranz', 'Betragstoleranz in Prozent', 'Teilzahlungen zulassen']);
    const profiles = s.sidebar.getByTestId('settings-profiles');
    expect(await profiles.locator('h1').textContent()).toBe('Bankprofile');
    expect(await profiles.getByTestId('builtin-profiles').getByTestId('profile-item').count()).toBeGreaterThan(3);
    await expectNoSidewaysScroll(s);
  });

  it('refuses bad input with a message in words per field, and stores nothing', async () => {
    await field(s, 'threshold').fill('0,5');
    await field(s, 'money').fill('2,505');
    await field(s, 'percent').fill('zwölf');
    await s.sidebar.getByTestId('settings-save').click();
    expect(await s.sidebar.getByTestId('settings-message').textContent()).toBe('Bitte korrigieren Sie die rot markierten Felder.');
    expect(await s.sidebar.getByTestId('setting-threshold-error').textContent()).toBe(
      'Geben Sie eine Ähnlichkeit von 0,70 bis 1,00 ein, z. B. 0,90 – gefunden „0,5“.',
    );
    expect(await s.sidebar.getByTestId('setting-money-error').textContent()).toContain('gefunden „2,505“');
    expect(await s.sidebar.getByTestId('setting-percent-error').textContent()).toBe(
      'Geben Sie einen Prozentsatz von 0 bis 10 ein, z. B. 2 oder 3,5 – gefunden „zwölf“.',
    );
    expect(await field(s, 'threshold').getAttribute('aria-invalid')).toBe('true');
    // The first bad field has the focus, so the user can correct it at once.
    expect(await s.sidebar.locator('body').evaluate(() => document.activeElement?.id)).toBe('setting-threshold');
    expect(stored(s)).toBeNull();
    expect(s.requests.some((url) => url.endsWith('/rpc/saveSettings'))).toBe(false);
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-38-settings-invalid.png');

    // Out of range after parsing, too: more than 1,000.00 and more than 10 %.
    await field(s, 'threshold').fill('1,2');
    await field(s, 'money').fill('1.000,01');
    await field(s, 'percent').fill('10,5');
    await s.sidebar.getByTestId('settings-save').click();
    for (const name of ['threshold', 'money', 'percent']) expect(await s.sidebar.getByTestId(`setting-${name}-error`).isVisible()).toBe(true);
    expect(stored(s)).toBeNull();
  });

  it('saves good input into the document property "matchSettings" and shows it again when opened anew', async () => {
    await field(s, 'threshold').fill('0,85');
    await field(s, 'money').fill('2,50');
    await field(s, 'percent').fill('3');
    await field(s, 'partial').check();
    await s.sidebar.getByTestId('settings-save').click();
    await expect.poll(() => s.sidebar.getByTestId('settings-message').textContent()).toBe('Einstellungen gespeichert. Die nächste Zuordnung verwendet sie.');
    for (const name of ['threshold', 'money', 'percent']) expect(await s.sidebar.getByTestId(`setting-${name}-error`).isHidden()).toBe(true);
    expect(stored(s)).toEqual(
      expect.objectContaining({ fuzzyThreshold: 0.85, amountToleranceMinor: 250, amountTolerancePercent: 3, allowPartialPayments: true }),
    );
    await shot(s.frame, 'e2e-38b-settings-saved.png');

    await openFromMenu(s, 'showSettings');
    await s.sidebar.locator('[data-testid="settings-page"][data-state="ready"]').waitFor();
    expect(await field(s, 'threshold').inputValue()).toBe('0,85');
    expect(await field(s, 'money').inputValue()).toBe('2,50');
    expect(await field(s, 'percent').inputValue()).toBe('3');
    expect(await field(s, 'partial').isChecked()).toBe(true);
    expect(await s.sidebar.getByTestId('settings-message').isHidden()).toBe(true);

    // And back to the defaults, so the rest of this file matches as the sample expects.
    await field(s, 'threshold').fill('0,9');
    await field(s, 'money').fill('0');
    await field(s, 'percent').fill('0');
    await field(s, 'partial').uncheck();
    await s.sidebar.getByTestId('settings-save').click();
    await expect
      .poll(() => stored(s))
      .toEqual(expect.objectContaining({ fuzzyThreshold: 0.9, amountToleranceMinor: 0, amountTolerancePercent: 0, allowPartialPayments: false }));
  });
});

describe('help (German spreadsheet)', () => {
  it('lists every custom function with its German summary and an example in ";" notation, the keys and the steps', async () => {
    await openFromMenu(s, 'showHelp', { caption: 'Hilfe' });
    await s.sidebar.locator('[data-testid="help-functions"][data-state="ready"]').waitFor();
    const items = s.sidebar.getByTestId('function-item');
    expect(await items.count()).toBe(customFunctions.length);
    for (const [i, f] of customFunctions.entries()) {
      const item = items.nth(i);
      expect(await item.getByTestId('function-name').textContent()).toBe(f.name);
      expect(await item.getByTestId('function-example').textContent()).toBe(f.example!.de);
      // German, not the server's English summary.
      const summary = (await item.getByTestId('function-summary').textContent()) ?? '';
      expect(summary).not.toBe(f.summary);
      expect(summary.length).toBeGreaterThan(20);
    }
    // Functions with several arguments separate them with ";" in a spreadsheet with a decimal comma.
    const jaro = await s.sidebar.locator('[data-testid="function-item"][data-name="KM_JARO_WINKLER"] [data-testid="function-example"]').textContent();
    expect(jaro).toBe('=KM_JARO_WINKLER(A2:A; B2:B)');
    expect(await s.sidebar.locator('[data-name="KM_MATCH_INVOICE"] [data-testid="function-example"]').textContent()).toContain('; 0,9)');
    const keys = await s.sidebar.getByTestId('help-keys').textContent();
    expect(keys).toContain('← →');
    expect(keys).toContain('vorheriger / nächster Umsatz');
    expect(keys).toContain('EnterVorschlag bestätigen');
    expect(await s.sidebar.getByTestId('help-step').count()).toBe(4);
    expect(await s.sidebar.getByTestId('help-steps').textContent()).toContain('Erweiterungen → Kontomatch → Kontoauszug importieren');
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-39-help.png');

    // A step's link opens its page.
    await s.sidebar.getByTestId('help-open-4').click();
    await s.sidebar.locator('[data-testid="bookings-body"][data-state="ready"]').waitFor();
    expect(await s.sidebar.locator('body').getAttribute('data-page')).toBe('bookings');
  });
});

describe('bookings (German)', () => {
  it('with no bookings yet: zero counts, and nothing to export', async () => {
    await openFromMenu(s, 'showExport', { caption: 'Buchungen exportieren' });
    await s.sidebar.locator('[data-testid="bookings-body"][data-state="ready"]').waitFor();
    for (const id of ['bookings-selected', 'bookings-exportable', 'bookings-exported']) expect(await s.sidebar.getByTestId(`${id}-value`).textContent()).toBe('0');
    expect(await s.sidebar.getByTestId('no-bookings').isVisible()).toBe(true);
    // The export buttons are there, and do nothing yet: there is nothing to export.
    expect(await s.sidebar.getByTestId('export-all').textContent()).toBe('Alle noch nicht exportierten exportieren (0)');
    expect(await s.sidebar.getByTestId('export-all').isDisabled()).toBe(true);
    expect(await s.sidebar.getByTestId('export-selected').isDisabled()).toBe(true);
  });

  it('after an automatic run: the counts of the "Bookings" sheet, and every booking not yet exported listed in words', async () => {
    // Bookings to show: the October statement imported, matched and run automatically, straight through the runtime.
    const runtime = s.playground.runtime;
    runtime.call('importStatement', { fileName: FILE, contentBase64: readFileSync(sampleCsv).toString('base64'), importGoodRows: false });
    runtime.call('matchTransactions', {});
    let status = runtime.call('startAutoRun', { scope: { kind: 'import', fileName: FILE } }) as { runId: string; state: string };
    for (let i = 0; status.state === 'running' && i < 100; i++) status = runtime.call('continueAutoRun', { runId: status.runId }) as typeof status;
    expect(status.state).toBe('finished');
    const rows = sheetRecords(s, 'Bookings');
    expect(rows.length).toBeGreaterThan(0);
    const exported = rows.filter((r) => String(r['Exported to'] ?? '') !== '').length;

    await openFromMenu(s, 'showExport');
    await s.sidebar.locator('[data-testid="bookings-body"][data-state="ready"]').waitFor();
    const value = async (id: string) => ((await s.sidebar.getByTestId(id).count()) === 0 ? 0 : Number(await s.sidebar.getByTestId(`${id}-value`).textContent()));
    expect(await value('bookings-exported')).toBe(exported);
    // Every booking is exportable, incomplete or pending: together with the exported ones, the whole sheet.
    expect((await value('bookings-exportable')) + (await value('bookings-incomplete')) + (await value('bookings-pending')) + exported).toBe(rows.length);
    expect(await s.sidebar.getByTestId('bookings-counts').textContent()).toContain('Exportierbar');
    const items = s.sidebar.getByTestId('booking-item');
    expect(await items.count()).toBe(rows.length - exported);
    // The sheet's first booking, with its date, amount and description.
    const oldest = rows[0]!;
    const first = items.first();
    expect(await first.getAttribute('data-id')).toBe(String(oldest.Booking));
    const amount = new Intl.NumberFormat('de-DE', { style: 'currency', currency: String(oldest.Currency) }).format(Number(oldest.Amount));
    expect(await first.getByTestId('booking-amount').textContent()).toBe(amount);
    expect(await first.getByTestId('booking-description').textContent()).toBe(String(oldest.Description));
    expect(await first.getByTestId('booking-date').textContent()).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-39b-bookings.png');
  });
});
