/**
 * The sidebar in headless Chromium against the real build: "Detect automatically" for CSV and MT940, a statement with
 * warnings, a CSV no profile fits (the header seen, a profile made from it), and the profile editor — copy a built-in
 * profile, change a column, watch the live preview follow, save, import with it, delete it; and the footer pattern and
 * continuation-line fields on a copy of the ZKB profile.
 * Precondition: `npm run build` (npm test runs it first). Screenshots go to artifacts/screenshots/.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firmAccount } from '../../local/sample/parties';
import { encodeWindows1252, october2026 } from '../../local/sample/statement';
import { zkb } from '../../src/core/profiles/banks/switzerland';
import { count, expectNoSidewaysScroll, goToPage, openSession, root, sampleCsv, sheetRecords, shot, type Session, sharedBrowser } from './session';

const sampleSta = path.join(root, 'local/sample/sparkasse-2026-11.sta');
const buxtehude = path.resolve(root, '../shared/samples/mt940/svenstaro__mt940-rs__tests__data__mt940__full__sparkasse__buxtehude.sta');
const booked = october2026.filter((l) => l.info !== 'Umsatz vorgemerkt');

/** A bank no profile knows: header texts nobody uses, after a two-line preamble. */
const oddHeader = ['Tag', 'Gegenüber', 'Notiz', 'Summe'];
const oddFile = {
  name: 'hausbank-oktober.csv',
  mimeType: 'text/csv',
  buffer: encodeWindows1252(
    ['Kontoauszug Hausbank;', `Konto;${firmAccount.iban}`, oddHeader.join(';'), '01.10.2026;Rheinblick Immobilien KG;Miete Oktober;-2.850,00', '02.10.2026;Dr. Sabine Krüger;RE-2026-0141;1.190,00', ''].join('\r\n'),
  ),
};

const browser = sharedBrowser();

describe('sidebar: detect automatically (English)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession(browser(), 'en', { menuItem: 'showImport' });
  });
  afterAll(async () => {
    expect(s.pageErrors).toEqual([]);
    expect(s.dialogs).toEqual([]);
    await s?.close();
  });

  it('imports the sample CSV with format and bank profile detected, and records it in "Imports"', async () => {
    expect(await s.sidebar.getByTestId('format-select').inputValue()).toBe('');
    expect(await s.sidebar.getByTestId('profile-select').inputValue()).toBe('');
    expect(await s.sidebar.getByTestId('format-select').locator('option:checked').textContent()).toBe('Detect automatically');
    await s.sidebar.getByTestId('file-input').setInputFiles(sampleCsv);
    await s.sidebar.getByTestId('preview').waitFor();
    expect(await s.sidebar.getByTestId('preview-format').textContent()).toBe('CSV (detected)');
    expect(await s.sidebar.getByTestId('preview-profile').textContent()).toBe('Sparkasse CSV-CAMT V2 / V8 (detected)');
    expect(await s.sidebar.getByTestId('preview-account').textContent()).toBe(firmAccount.iban);
    expect(await s.sidebar.getByTestId('preview-period').textContent()).toBe('01/10/2026 – 30/10/2026');
    expect(await count(s.sidebar, 'count-rows-read')).toBe(october2026.length);
    expect(await count(s.sidebar, 'count-new')).toBe(booked.length);
    expect(await count(s.sidebar, 'count-skipped')).toBe(1);
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-10-detected-preview.png');

    await s.sidebar.getByTestId('import-button').click();
    await s.sidebar.getByTestId('result-message').waitFor();
    expect(await s.sidebar.getByTestId('result-message').textContent()).toBe(`${booked.length} transactions imported into 'Transactions'. 0 duplicates skipped.`);
    expect(sheetRecords(s, 'Imports')).toEqual([
      expect.objectContaining({ File: 'sparkasse-2026-10.csv', Format: 'CSV', Profile: 'Sparkasse CSV-CAMT V2 / V8', New: booked.length, Skipped: 1, Status: 'imported' }),
    ]);
  });

  it('imports an MT940 file: format detected, no bank profile needed', async () => {
    // Bank profiles are for CSV: choosing MT940 or CAMT takes the profile choice away.
    await s.sidebar.getByTestId('format-select').selectOption('mt940');
    expect(await s.sidebar.getByTestId('profile-select').isHidden()).toBe(true);
    await s.sidebar.getByTestId('format-select').selectOption('');
    expect(await s.sidebar.getByTestId('profile-select').isVisible()).toBe(true);
    await s.sidebar.getByTestId('file-input').setInputFiles(sampleSta);
    await s.sidebar.getByTestId('preview').waitFor();
    expect(await s.sidebar.getByTestId('preview-format').textContent()).toBe('MT940 (detected)');
    expect(await s.sidebar.getByTestId('preview-profile').count()).toBe(0);
    expect(await s.sidebar.getByTestId('warnings').count()).toBe(0);
    const fresh = await count(s.sidebar, 'count-new');
    expect(fresh).toBeGreaterThan(0);
    await shot(s.frame, 'e2e-11-mt940-preview.png');
    await s.sidebar.getByTestId('import-button').click();
    await s.sidebar.getByTestId('result-message').waitFor();
    expect(sheetRecords(s, 'Imports').at(-1)).toMatchObject({ File: 'sparkasse-2026-11.sta', Format: 'MT940', New: fresh, Status: 'imported' });
  });

  it('shows the warnings of a statement whose balances do not add up, and imports only when told to', async () => {
    await s.sidebar.getByTestId('file-input').setInputFiles(buxtehude);
    await s.sidebar.getByTestId('warnings').waitFor();
    const warnings = await s.sidebar.getByTestId('warning').allTextContents();
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0]).toMatch(/^svenstaro__mt940-rs__tests__data__mt940__full__sparkasse__buxtehude\.sta, line \d+/);
    expect(await s.sidebar.getByTestId('warnings-notice').isVisible()).toBe(true);
    const fresh = await count(s.sidebar, 'count-new');
    expect(await s.sidebar.getByTestId('import-button').textContent()).toBe(`Import ${fresh} transactions anyway`);
    await shot(s.frame, 'e2e-12-warnings.png');
    await s.sidebar.getByTestId('import-button').click();
    await s.sidebar.getByTestId('result-message').waitFor();
    expect(await s.sidebar.getByTestId('result-message').textContent()).toMatch(/^3 transactions imported into 'Transactions'\. 0 duplicates skipped\. \d+ warnings? accepted\.$/);
    expect(sheetRecords(s, 'Imports').at(-1)).toMatchObject({ Format: 'MT940', Status: 'imported', Warnings: expect.stringMatching(/^\d+ warnings?: /) });
  });

  it('says when no profile fits a CSV, shows the header line it saw, and makes a profile from it', async () => {
    await s.sidebar.getByTestId('file-input').setInputFiles(oddFile);
    await s.sidebar.getByTestId('no-profile-title').waitFor();
    expect(await s.sidebar.getByTestId('no-profile-title').textContent()).toBe('No bank profile fits this file');
    expect(await s.sidebar.getByTestId('header-cell').allTextContents()).toEqual(oddHeader);
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-13-no-profile.png');

    await s.sidebar.getByTestId('create-profile-button').click();
    await s.sidebar.getByTestId('editor-title').waitFor();
    // Bank profiles live under Settings, in the "More" menu.
    expect(await s.sidebar.getByTestId('tab-more').getAttribute('aria-selected')).toBe('true');
    expect(await s.sidebar.getByTestId('tab-settings').getAttribute('aria-checked')).toBe('true');
    expect(await s.sidebar.getByTestId('editor-sample-name').textContent()).toBe('hausbank-oktober.csv');
    expect(await s.sidebar.getByTestId('field-find-by-text').inputValue()).toBe('Tag');
    // The draft lacks what these header texts do not say: the preview names the fields, and marks them.
    await expect.poll(() => s.sidebar.getByTestId('editor-preview').getAttribute('data-state')).toBe('invalid');
    expect((await s.sidebar.getByTestId('editor-issue').allTextContents()).join('\n')).toMatch(/^columns\.bookingDate: /m);
    expect(await s.sidebar.getByTestId('issue-columns.bookingDate').isVisible()).toBe(true);
    await shot(s.frame, 'e2e-14-editor-draft.png');

    await s.sidebar.getByTestId('field-name').fill('Hausbank');
    await s.sidebar.getByTestId('column-bookingDate').fill('Tag');
    await s.sidebar.getByTestId('column-counterpartyName').fill('Gegenüber');
    await s.sidebar.getByTestId('column-purpose-0').fill('Notiz');
    await s.sidebar.getByTestId('column-amount').fill('Summe');
    await expect.poll(() => s.sidebar.getByTestId('editor-preview').getAttribute('data-state')).toBe('ready');
    expect(await s.sidebar.getByTestId('editor-preview-name').allTextContents()).toEqual(['Rheinblick Immobilien KG', 'Dr. Sabine Krüger']);
    expect(await s.sidebar.getByTestId('issue-columns.bookingDate').isHidden()).toBe(true);

    // Saved from here, the profile reads the file on the import page at once.
    await s.sidebar.getByTestId('editor-save').click();
    await s.sidebar.getByTestId('preview-profile').waitFor();
    expect(await s.sidebar.getByTestId('tab-import').getAttribute('aria-selected')).toBe('true');
    expect(await s.sidebar.getByTestId('preview-profile').textContent()).toBe('Hausbank (chosen)');
    expect(await count(s.sidebar, 'count-new')).toBe(2);
    await s.sidebar.getByTestId('cancel-button').click();
  });
});

describe('sidebar: the profile editor (English)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession(browser(), 'en');
  });
  afterAll(async () => {
    expect(s.pageErrors).toEqual([]);
    expect(s.dialogs).toEqual([]);
    await s?.close();
  });

  it('copies a built-in profile, changes a column with the live preview following, saves it', async () => {
    await goToPage(s, 'settings');
    const builtin = s.sidebar.locator('[data-testid="builtin-profiles"] [data-id="sparkasse-csv-camt-v2"]');
    await builtin.waitFor();
    expect(await s.sidebar.getByTestId('no-custom-profiles').isVisible()).toBe(true);
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-15-profiles.png');
    await builtin.getByTestId('profile-copy').click();
    await s.sidebar.getByTestId('editor-title').waitFor();
    expect(await s.sidebar.getByTestId('editor-title').textContent()).toBe('New profile');
    expect(await s.sidebar.getByTestId('field-name').inputValue()).toBe('Sparkasse CSV-CAMT V2 / V8 (copy)');
    expect(await s.sidebar.getByTestId('column-counterpartyName').inputValue()).toBe('Beguenstigter/Zahlungspflichtiger');
    expect(await s.sidebar.getByTestId('editor-preview').getAttribute('data-state')).toBe('empty');

    await s.sidebar.getByTestId('editor-sample-input').setInputFiles(sampleCsv);
    await expect.poll(() => s.sidebar.getByTestId('editor-preview').getAttribute('data-state')).toBe('ready');
    const names = s.sidebar.getByTestId('editor-preview-name');
    expect(await names.first().textContent()).toBe(booked[0]!.counterparty.name);
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-16-editor-copy.png');

    // The counterparty from the booking text instead: the preview follows without a click.
    await s.sidebar.getByTestId('column-counterpartyName').fill('Buchungstext');
    await expect.poll(() => names.first().textContent()).toBe(booked[0]!.text);
    expect(await names.allTextContents()).toEqual(booked.slice(0, 10).map((l) => l.text));
    // A column the file lacks: the preview says so, naming the text.
    await s.sidebar.getByTestId('column-amount').fill('Betrag in EUR');
    await expect.poll(() => s.sidebar.getByTestId('editor-preview').getAttribute('data-state')).toBe('unreadable');
    expect(await s.sidebar.getByTestId('editor-unreadable').textContent()).toContain('Betrag in EUR');
    await s.sidebar.getByTestId('column-amount').fill('Betrag');
    await expect.poll(() => s.sidebar.getByTestId('editor-preview').getAttribute('data-state')).toBe('ready');
    await shot(s.frame, 'e2e-17-editor-changed.png');

    await s.sidebar.getByTestId('editor-save').click();
    await s.sidebar.getByTestId('profiles-message').waitFor();
    expect(await s.sidebar.getByTestId('profiles-message').textContent()).toBe('"Sparkasse CSV-CAMT V2 / V8 (copy)" was saved.');
    const custom = s.sidebar.locator('[data-testid="custom-profiles"] [data-testid="profile-item"]');
    expect(await custom.getByTestId('profile-name').allTextContents()).toEqual(['Sparkasse CSV-CAMT V2 / V8 (copy)']);
    expect(s.playground.runtime.documentProperties.getKeys()).toEqual(['profile.custom-sparkasse-csv-camt-v2-v8-copy']);
  });

  it('imports with the saved profile', async () => {
    await s.sidebar.getByTestId('tab-import').click();
    await s.sidebar.getByTestId('profile-select').selectOption('custom-sparkasse-csv-camt-v2-v8-copy');
    await s.sidebar.getByTestId('file-input').setInputFiles(sampleCsv);
    await s.sidebar.getByTestId('preview').waitFor();
    expect(await s.sidebar.getByTestId('preview-profile').textContent()).toBe('Sparkasse CSV-CAMT V2 / V8 (copy) (chosen)');
    expect(await s.sidebar.getByTestId('preview-name').first().textContent()).toBe(booked[0]!.text);
    await s.sidebar.getByTestId('import-button').click();
    await s.sidebar.getByTestId('result-message').waitFor();
    expect(sheetRecords(s, 'Transactions').map((r) => r.Counterparty)).toEqual(booked.map((l) => l.text));
  });

  it('edits the saved profile, then deletes it after asking', async () => {
    await goToPage(s, 'settings');
    const item = s.sidebar.locator('[data-testid="custom-profiles"] [data-id="custom-sparkasse-csv-camt-v2-v8-copy"]');
    await item.getByTestId('profile-edit').click();
    expect(await s.sidebar.getByTestId('editor-title').textContent()).toBe('Edit profile');
    expect(await s.sidebar.getByTestId('column-counterpartyName').inputValue()).toBe('Buchungstext');
    await s.sidebar.getByTestId('field-name').fill('Sparkasse KölnBonn');
    await s.sidebar.getByTestId('editor-save').click();
    await s.sidebar.getByTestId('profiles-message').waitFor();
    expect(await item.getByTestId('profile-name').textContent()).toBe('Sparkasse KölnBonn');

    await item.getByTestId('profile-delete').click();
    expect(await item.locator('.confirm p').textContent()).toBe('Delete "Sparkasse KölnBonn"? Every editor of this spreadsheet loses it.');
    await shot(s.frame, 'e2e-18-confirm-delete.png');
    await item.getByTestId('keep-profile').click();
    expect(await item.locator('.confirm').count()).toBe(0);
    expect(s.playground.runtime.documentProperties.getKeys()).toEqual(['profile.custom-sparkasse-csv-camt-v2-v8-copy']);

    await item.getByTestId('profile-delete').click();
    await item.getByTestId('confirm-delete').click();
    await s.sidebar.getByTestId('profiles-message').waitFor();
    expect(await s.sidebar.getByTestId('profiles-message').textContent()).toBe('"Sparkasse KölnBonn" was deleted.');
    expect(await s.sidebar.getByTestId('no-custom-profiles').isVisible()).toBe(true);
    expect(s.playground.runtime.documentProperties.getKeys()).toEqual([]);
    const options = await s.sidebar.getByTestId('profile-select').locator('option').allTextContents();
    expect(options).not.toContain('Sparkasse KölnBonn');
  });
});

describe('sidebar: the profile editor\'s footer and continuation-line fields (English)', () => {
  /**
   * A ZKB export in small: a collective booking whose individual lines follow without date and amount, a single booking,
   * and a total line at the end — an amount without a date, which is an error unless a footer pattern ends the bookings.
   */
  const zkbFile = {
    name: 'zkb-oktober.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [
        'Datum;Buchungstext;Belastung CHF;Gutschrift CHF;Valuta;Saldo CHF',
        "01.10.2026;Sammelauftrag Löhne;12'500.00;;01.10.2026;87'500.00",
        ';Lohn Oktober Anna Muster;;;;',
        ';Lohn Oktober Beat Keller;;;;',
        "02.10.2026;Gutschrift Rheinblick KG;;2'850.00;02.10.2026;90'350.00",
        "Total;;12'500.00;2'850.00;;",
        '',
      ].join('\r\n'),
      'utf-8',
    ),
  };
  const collective = 'Sammelauftrag Löhne';
  const withDetails = `${collective} Lohn Oktober Anna Muster Lohn Oktober Beat Keller`;
  let s: Session;
  beforeAll(async () => {
    s = await openSession(browser(), 'en');
  });
  afterAll(async () => {
    expect(s.pageErrors).toEqual([]);
    expect(s.dialogs).toEqual([]);
    await s?.close();
  });

  it('copies a profile with continuation lines, sets a footer pattern and leaves the lines out, the preview following; saves it', async () => {
    await goToPage(s, 'settings');
    const builtin = s.sidebar.locator('[data-testid="builtin-profiles"] [data-id="zkb"]');
    await builtin.getByTestId('profile-copy').click();
    await s.sidebar.getByTestId('editor-title').waitFor();
    // What the copy brings along shows in the new fields; a choice of header texts reads as "A | B".
    expect(await s.sidebar.getByTestId('field-continuation-lines').inputValue()).toBe('appendToPurpose');
    expect(await s.sidebar.getByTestId('field-footer-pattern').inputValue()).toBe('');
    expect(await s.sidebar.getByTestId('field-sepa-keywords').isChecked()).toBe(false);
    expect(await s.sidebar.getByTestId('column-debit').inputValue()).toBe('Belastung {currency} | Belastung');
    expect(await s.sidebar.getByTestId('section-more-columns').getAttribute('open')).toBeNull();

    await s.sidebar.getByTestId('editor-sample-input').setInputFiles(zkbFile);
    await expect.poll(() => s.sidebar.getByTestId('editor-preview').getAttribute('data-state')).toBe('ready');
    const summary = s.sidebar.getByTestId('editor-summary');
    const purposes = s.sidebar.getByTestId('editor-preview-purpose');
    // The detail lines are added to the collective booking; the total line has an amount but no date.
    expect(await summary.textContent()).toBe('3 rows read: 2 transactions, 1 rejected, 0 left out.');
    expect(await purposes.first().getAttribute('title')).toBe(withDetails);
    expect(await s.sidebar.getByTestId('editor-line-error').first().getAttribute('data-line')).toBe('6');

    // A pattern that is no regular expression: the schema's message at the field.
    await s.sidebar.getByTestId('field-footer-pattern').fill('^Total (');
    await expect.poll(() => s.sidebar.getByTestId('editor-preview').getAttribute('data-state')).toBe('invalid');
    expect(await s.sidebar.getByTestId('issue-footerPattern').textContent()).toBe('is not a valid regular expression');
    await s.sidebar.getByTestId('field-footer-pattern').fill('^Total');
    await expect.poll(() => summary.textContent()).toBe('2 rows read: 2 transactions, 0 rejected, 0 left out.');
    expect(await s.sidebar.getByTestId('issue-footerPattern').isHidden()).toBe(true);

    // Leave the lines without amount out: the purpose loses the details, the lines count as left out.
    await s.sidebar.getByTestId('field-continuation-lines').selectOption('skip');
    await expect.poll(() => summary.textContent()).toBe('4 rows read: 2 transactions, 0 rejected, 2 left out.');
    expect(await purposes.allTextContents()).toEqual([collective, 'Gutschrift Rheinblick KG']);

    // A fee needs an amount column, and this bank has debit and credit: the schema says so at the fee box.
    await s.sidebar.getByTestId('section-more-columns').locator('summary').click();
    await s.sidebar.getByTestId('column-fee').fill('Gebühr');
    await expect.poll(() => s.sidebar.getByTestId('issue-columns.fee').textContent()).toBe('needs an amount column');
    await s.sidebar.getByTestId('column-fee').fill('');
    await expect.poll(() => s.sidebar.getByTestId('editor-preview').getAttribute('data-state')).toBe('ready');
    expect(await s.sidebar.getByTestId('issue-columns.fee').isHidden()).toBe(true);
    await expectNoSidewaysScroll(s);
    await s.sidebar.getByTestId('field-continuation-lines').scrollIntoViewIfNeeded();
    await shot(s.frame, 'e2e-19-editor-more-fields.png');

    await s.sidebar.getByTestId('editor-save').click();
    await s.sidebar.getByTestId('profiles-message').waitFor();
    const stored = s.playground.runtime.documentProperties.getProperty('profile.custom-zkb-and-other-cantonal-banks-copy');
    // What the form changed, and everything else as the built-in profile has it (a copy has one description only).
    const { descriptionDe: _german, ...original } = zkb;
    expect(JSON.parse(stored ?? 'null')).toStrictEqual({
      ...original,
      id: 'custom-zkb-and-other-cantonal-banks-copy',
      name: 'ZKB and other cantonal banks (copy)',
      footerPattern: '^Total',
      continuationLines: 'skip',
    });
  });
});
