/**
 * The rules editor in headless Chromium against the real build: the October statement imported (so each rule shows how
 * many transactions it matches and where an earlier rule takes a field first), three rules in the "Rules" sheet. A new
 * rule with an invalid pattern shows the problem and is refused (the sheet unchanged); fixed, it is saved; moving a rule
 * up changes the sheet's order and the usage text; a name like `=HYPERLINK("x")` stays text in the sidebar and the
 * sheet; switching a rule off and deleting one are saved too. Precondition: `npm run build`. Screenshots: e2e-5x-*.png.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../local/runtime/index';
import { sampleWorkbook } from '../../local/sample/workbook';
import { expectNoSidewaysScroll, launch, openFromMenu, openSession, requireBuild, sampleCsv, sheetFormulas, sheetRecords, shot, type Session } from './session';

const RULES_HEADER = [
  'Rule', 'Active', 'Name', 'Counterparty equals', 'Counterparty contains', 'IBAN', 'Purpose contains', 'Purpose pattern', 'Amount from', 'Amount to',
  'Direction', 'Card or account', 'GL account', 'Tax rate', 'Supplier/customer', 'Cost centre', 'Cost object', 'Comment', 'Origin',
];

/** Rent, court fees by counterparty, and court fees by the cash office's reference ("Kassenzeichen"): R2 and R3 overlap. */
const RULES: CellValue[][] = [
  ['R1', 'yes', 'Rent', '', 'Rheinblick', '', '', '', '', '', 'out', '', '4210', '0', '', 'KS1', '', '', 'manual'],
  ['R2', 'yes', 'Court fees', '', 'Gerichtskasse', '', '', '', '', '', 'out', '', '4957', '0', '', '', '', '', 'manual'],
  ['R3', 'yes', 'Court advances', '', '', '', '', 'Kassenzeichen \\d+', '', '', 'out', '', '1590', '0', '', '', '', 'Vorschuss', 'manual'],
];

function workbook() {
  const seed = sampleWorkbook();
  seed.sheets = {
    ...seed.sheets,
    Accounts: [['Account', 'Name', 'Type'], ['1590', 'Durchlaufende Posten', 'other'], ['4210', 'Miete', 'expense'], ['4920', 'Telefon', 'expense'], ['4957', 'Gerichtskosten', 'expense']],
    'Tax rates': [['Rate', 'Name', 'Code'], ['19', 'USt/VSt 19 %', '9'], ['0', 'steuerfrei', '']],
    Rules: [RULES_HEADER, ...RULES],
  };
  return seed;
}

let browser: Browser;
let s: Session;

beforeAll(async () => {
  requireBuild();
  browser = await launch();
  s = await openSession(browser, 'en', { workbook: workbook(), openSidebar: false });
  s.playground.runtime.call('importStatement', { fileName: path.basename(sampleCsv), contentBase64: readFileSync(sampleCsv).toString('base64'), importGoodRows: false });
});

afterAll(async () => {
  expect(s.pageErrors).toEqual([]);
  expect(s.dialogs).toEqual([]);
  await s?.close();
  await browser?.close();
});

const page = () => s.sidebar.getByTestId('page-rules');
const card = (index: number) => page().locator(`[data-testid="rule-card"][data-index="${index}"]`);
const cardIds = async () => page().getByTestId('rule-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-id')));
const usage = (index: number) => card(index).getByTestId('rule-usage').textContent();
const notice = () => page().getByTestId('rules-notice-text').textContent();
const rulesSheet = () => sheetRecords(s, 'Rules').filter((r) => r.Rule !== '');
const idle = () => expect.poll(() => s.sidebar.locator('body').evaluate((b) => b.classList.contains('is-busy'))).toBe(false);

describe('the rules editor (English)', () => {
  it('lists the rules in their order, says that the first match wins per field, and shows usage and conflicts', async () => {
    await openFromMenu(s, 'showRules', { caption: 'Rules' });
    await page().locator('[data-testid="rules-body"][data-state="ready"]').waitFor();
    expect(await page().locator('h1').textContent()).toBe('Rules');
    expect(await page().getByTestId('rules-intro').textContent()).toBe(
      'Rules apply in this order: for each field, the first matching rule that sets it wins. Move a rule up to give it precedence.',
    );
    expect(await cardIds()).toEqual(['R1', 'R2', 'R3']);
    expect(await card(0).getByTestId('rule-card-name').textContent()).toBe('Rent');
    expect(await card(0).getByTestId('rule-summary').textContent()).toBe('counterparty contains "Rheinblick" · money out → GL account 4210, Tax rate 0 %, Cost centre KS1');
    expect(await card(2).getByTestId('rule-summary').textContent()).toBe('purpose matches /Kassenzeichen \\d+/ · money out → GL account 1590, Tax rate 0 %, Comment Vorschuss');
    expect(await usage(0)).toBe('matches 1 transaction');
    expect(await usage(1)).toBe('matches 2 transactions');
    expect(await usage(2)).toBe('matches 2 transactions; GL account: R2 first for 2; Tax rate: R2 first for 2');
    expect(await card(0).getByTestId('rule-active').isChecked()).toBe(true);
    expect(await page().getByTestId('rule-problem').count()).toBe(0);
    expect(await page().getByTestId('rules-state').textContent()).toBe('Saved');
    expect(await card(0).getByTestId('rule-up').isDisabled()).toBe(true);
    expect(await card(2).getByTestId('rule-down').isDisabled()).toBe(true);
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-50-rules-list.png');
  });

  it('a new rule with an invalid pattern shows the problem at the field; Save is refused and the sheet stays as it was', async () => {
    const before = rulesSheet();
    await page().getByTestId('rules-new').click();
    const editor = card(3).getByTestId('rule-editor');
    await editor.waitFor();
    expect(await s.sidebar.locator('body').evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('rule-name');
    await editor.getByTestId('rule-name').fill('Telekom');
    await editor.getByTestId('rule-counterpartyContains').fill('Telekom');
    await editor.getByTestId('rule-purposePattern').fill('(a');
    await editor.getByTestId('rule-direction').selectOption('out');
    await editor.getByTestId('rule-amountFromMinor').fill('50');
    await editor.getByTestId('rule-amountToMinor').fill('100.00');
    await editor.getByTestId('rule-action-glAccount').fill('4920');
    await editor.getByTestId('rule-action-taxRate').fill('19');
    expect(await editor.locator('[data-testid="rule-action-glAccount-name"]').textContent()).toBe('Telefon');
    expect(await page().getByTestId('rules-state').textContent()).toBe('Unsaved changes');
    // The live check (debounced) names the field.
    const problem = card(3).locator('[data-testid="rule-problem"][data-field="purposePattern"]');
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/^Purpose pattern \(regular expression\): .+/);
    expect(await editor.getByTestId('rule-error-purposePattern').isVisible()).toBe(true);
    expect(await editor.getByTestId('rule-purposePattern').getAttribute('aria-invalid')).toBe('true');
    expect(await card(3).getByTestId('rule-summary').textContent()).toBe(
      'counterparty contains "Telekom" · purpose matches /(a/ · amount 50.00 to 100.00 · money out → GL account 4920, Tax rate 19 %',
    );
    await expectNoSidewaysScroll(s);
    await card(3).scrollIntoViewIfNeeded();
    await shot(s.frame, 'e2e-51-rules-invalid-pattern.png');

    await page().getByTestId('rules-save').click();
    await expect.poll(notice).toBe('Nothing saved: 1 problem. Correct the field in red.');
    await idle();
    expect(rulesSheet()).toEqual(before);
    expect(await page().getByTestId('rules-state').textContent()).toBe('Unsaved changes');

    // An amount that is not one is caught before anything is sent.
    await editor.getByTestId('rule-amountToMinor').fill('1x0');
    expect(await card(3).locator('[data-testid="rule-problem"][data-field="amountToMinor"]').textContent()).toBe('Amount to: "1x0" is not an amount (e.g. 1,234.56).');
    await editor.getByTestId('rule-amountToMinor').fill('100.00');
  });

  it('fixed, the rule is saved at the end of the sheet with its usage', async () => {
    const editor = card(3).getByTestId('rule-editor');
    await editor.getByTestId('rule-purposePattern').fill('Festnetz|Internet');
    await expect.poll(() => card(3).getByTestId('rule-problem').count()).toBe(0);
    await expect.poll(() => usage(3)).toBe('matches 1 transaction');
    await page().getByTestId('rules-save').click();
    await expect.poll(notice).toBe('4 rules saved, in this order.');
    expect(await page().getByTestId('rules-state').textContent()).toBe('Saved');
    const rules = rulesSheet();
    expect(rules.map((r) => r.Rule)).toEqual(['R1', 'R2', 'R3', 'R4']);
    expect(rules[3]).toMatchObject({
      Active: 'yes', Name: 'Telekom', 'Counterparty contains': 'Telekom', 'Purpose pattern': 'Festnetz|Internet', 'Amount from': 50, 'Amount to': 100, Direction: 'out', 'GL account': '4920', 'Tax rate': '19', Origin: 'manual',
    });
    expect(await cardIds()).toEqual(['R1', 'R2', 'R3', 'R4']);
    expect(await usage(3)).toBe('matches 1 transaction');
  });

  it('moving a rule up changes the order in the sheet and which rule takes a field first', async () => {
    await card(2).getByTestId('rule-up').click();
    expect(await cardIds()).toEqual(['R1', 'R3', 'R2', 'R4']);
    // The focus stays with the moved rule's button.
    expect(await s.sidebar.locator('body').evaluate(() => `${document.activeElement?.getAttribute('data-testid')}@${document.activeElement?.getAttribute('data-index')}`)).toBe('rule-up@1');
    expect(await page().getByTestId('rules-state').textContent()).toBe('Unsaved changes');
    await expect.poll(() => usage(2)).toBe('matches 2 transactions; GL account: R3 first for 2; Tax rate: R3 first for 2');
    expect(await usage(1)).toBe('matches 2 transactions');
    expect(rulesSheet().map((r) => r.Rule)).toEqual(['R1', 'R2', 'R3', 'R4']);
    await page().getByTestId('rules-save').click();
    await expect.poll(notice).toBe('4 rules saved, in this order.');
    expect(rulesSheet().map((r) => r.Rule)).toEqual(['R1', 'R3', 'R2', 'R4']);
    expect(rulesSheet().map((r) => r.Name)).toEqual(['Rent', 'Court advances', 'Court fees', 'Telekom']);
    expect(await usage(2)).toBe('matches 2 transactions; GL account: R3 first for 2; Tax rate: R3 first for 2');
    // With the keyboard: Enter on "↓" moves it back down.
    await card(1).getByTestId('rule-down').focus();
    await s.page.keyboard.press('Enter');
    expect(await cardIds()).toEqual(['R1', 'R2', 'R3', 'R4']);
    expect(await s.sidebar.locator('body').evaluate(() => `${document.activeElement?.getAttribute('data-testid')}@${document.activeElement?.getAttribute('data-index')}`)).toBe('rule-down@2');
    await s.page.keyboard.press('Enter');
    expect(await cardIds()).toEqual(['R1', 'R2', 'R4', 'R3']);
    await card(3).getByTestId('rule-up').click();
    expect(await cardIds()).toEqual(['R1', 'R2', 'R3', 'R4']);
    await card(2).getByTestId('rule-up').click();
    expect(await cardIds()).toEqual(['R1', 'R3', 'R2', 'R4']);
    await expect.poll(() => usage(2)).toBe('matches 2 transactions; GL account: R3 first for 2; Tax rate: R3 first for 2');
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-52-rules-reordered.png');
  });

  it('a name like =HYPERLINK("x") stays text, in the sidebar and in the sheet', async () => {
    const name = '=HYPERLINK("x")';
    // The rule made above is still open in the editor; its "Close" closes it, "Edit" opens it again.
    expect(await card(3).getByTestId('rule-edit').textContent()).toBe('Close');
    await card(3).getByTestId('rule-edit').click();
    expect(await card(3).getByTestId('rule-editor').count()).toBe(0);
    await card(3).getByTestId('rule-edit').click();
    const editor = card(3).getByTestId('rule-editor');
    await editor.getByTestId('rule-name').fill(name);
    expect(await card(3).getByTestId('rule-card-name').textContent()).toBe(name);
    await page().getByTestId('rules-save').click();
    await expect.poll(notice).toBe('4 rules saved, in this order.');
    expect(await card(3).getByTestId('rule-card-name').textContent()).toBe(name);
    expect(await page().locator('.rule-list a').count()).toBe(0);
    const rules = rulesSheet();
    expect(rules[3]!.Name).toBe(name);
    const header = sheetFormulas(s, 'Rules')[0] ?? [];
    const formulas = sheetFormulas(s, 'Rules');
    expect(formulas.every((row) => row.every((f) => f === ''))).toBe(true);
    expect(header.length).toBeGreaterThan(0);
  });

  it('switching a rule off and deleting one are saved with the list', async () => {
    await card(0).getByTestId('rule-active').uncheck();
    expect(await card(0).getAttribute('class')).toContain('inactive');
    await card(3).getByTestId('rule-delete').click();
    expect(await cardIds()).toEqual(['R1', 'R3', 'R2']);
    await page().getByTestId('rules-save').click();
    await expect.poll(notice).toBe('3 rules saved, in this order.');
    const rules = rulesSheet();
    expect(rules.map((r) => [r.Rule, r.Active])).toEqual([['R1', 'no'], ['R3', 'yes'], ['R2', 'yes']]);
    // No stale rule below the list.
    expect(sheetRecords(s, 'Rules').slice(3).every((r) => Object.values(r).every((v) => v === ''))).toBe(true);
    // A rule switched off applies to nothing.
    expect(await usage(0)).toBe('switched off: applies to nothing');
  });
});
