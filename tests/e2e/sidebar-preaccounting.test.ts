/**
 * Pre-accounting (Vorkontierung) in headless Chromium against the real build. The October statement is imported,
 * matched and run automatically in the session's runtime (14 bookings), one more booking is made by hand, and the firm's
 * reference lists ("Accounts", "Tax rates", "Cost centres", "Projects") are in the workbook. Then, in the sidebar:
 * "Fill from rules" after rules appear in the sheet (counts and blue markers change); a GL account overridden (marker
 * gone, the Bookings sheet has it); a booking split into two parts with their own GL account and tax rate (Save disabled
 * until they add up; the sheet's rows add up and their tax amounts are right); learning (the same counterparty given
 * the same GL account and tax rate twice → banner → Yes → a rule in the Rules sheet); a booking exported meanwhile is
 * refused and shown read-only; the reconcile form starting with a rule's values and writing them; the page in German.
 * Precondition: `npm run build`. Screenshots: artifacts/screenshots/e2e-4x-*.png.
 */
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payees } from '../../local/sample/parties';
import type { CellValue } from '../../local/runtime/index';
import { sampleWorkbook } from '../../local/sample/workbook';
import { taxAmountFor } from '../../src/core/accounting/tax';
import { expectNoSidewaysScroll, importMatchAndRun, openFromMenu, openSession, setCell, sheetRecords, shot, writeSheet, type Session, sharedBrowser, goToPage } from './session';

const RULES_HEADER = [
  'Rule', 'Active', 'Name', 'Counterparty equals', 'Counterparty contains', 'IBAN', 'Purpose contains', 'Purpose pattern', 'Amount from', 'Amount to',
  'Direction', 'Card or account', 'GL account', 'Tax rate', 'Supplier/customer', 'Cost centre', 'Cost object', 'Comment', 'Origin',
];

/** The sample workbook with this test's reference lists (SKR 03 accounts) and rules, in place of the sample's own. */
function workbookWithLists(rules: CellValue[][] = []) {
  const seed = sampleWorkbook();
  seed.sheets = {
    ...seed.sheets,
    Accounts: [
      ['Account', 'Name', 'Type'],
      ['4120', 'Gehälter', 'expense'],
      ['4200', 'Raumkosten', 'expense'],
      ['4210', 'Miete', 'expense'],
      ['4920', 'Telefon', 'expense'],
      ['4957', 'Gerichtskosten', 'expense'],
      ['8300', 'Erlöse 7 % USt', 'income'],
      ['8400', 'Erlöse 19 % USt', 'income'],
    ],
    'Tax rates': [
      ['Rate', 'Name', 'Code'],
      ['19', 'USt/VSt 19 %', '9'],
      ['7', 'USt/VSt 7 %', '8'],
      ['0', 'steuerfrei', ''],
    ],
    'Cost centres': [
      ['Code', 'Name'],
      ['KS1', 'Kanzlei'],
      ['KS2', 'Prozessführung'],
    ],
    Projects: [
      ['Code', 'Name'],
      ['P-100', 'Baurecht'],
      ['P-200', 'Gewerbemiete'],
    ],
    // The rules of each test, not the sample's own.
    Rules: [RULES_HEADER, ...rules],
  };
  return seed;
}

/** A count of the page's stats (`acc-total-value` …), digits only. */
const count = async (page: Locator, testId: string): Promise<number> => Number((await page.getByTestId(`${testId}-value`).textContent())?.replace(/\D/g, ''));

/** Intl writes a no-break space between amount and currency in German: compared as a plain space. */
const plain = (text: string | null): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

/** The transaction key (fingerprint) of the statement line whose purpose starts with `start`. */
function transactionKey(s: Session, start: string): string {
  const row = sheetRecords(s, 'Transactions').find((r) => String(r.Purpose).startsWith(start));
  if (row === undefined) throw new Error(`no transaction's purpose starts with ${start}`);
  return String(row.Fingerprint);
}

function booking(s: Session, id: string): Record<string, unknown> {
  const found = sheetRecords(s, 'Bookings').find((b) => b.Booking === id);
  if (found === undefined) throw new Error(`the Bookings sheet has no ${id}`);
  return found;
}

/**
 * The court costs of 438.00 (payment order ZA-2026-0072): the automatic run leaves them for a person, who books them on
 * the reconcile page — here through the same server function. It becomes B-00015, the second booking paid to the court
 * cash office (B-00009 is the first).
 */
function bookCourtCostsByHand(s: Session): void {
  const key = transactionKey(s, 'Kassenzeichen 7261003455128');
  const answer = s.playground.runtime.call('reconcileTransaction', {
    key,
    seen: { amountMinor: -43800, bookingDate: '2026-10-06' },
    markInvoicesPaid: [],
    markPaymentsExecuted: ['ZA-2026-0072'],
    bookings: [{ type: 'expense', amountMinor: 43800, caseId: '00012/26', contactId: null, invoiceNumber: null, paymentNumber: 'ZA-2026-0072', description: 'Gerichtskosten 21 O 114/26' }],
    labels: [],
  }) as { status: string };
  expect(answer.status).toBe('done');
}

const browser = sharedBrowser();

/** Helpers on one session's pre-accounting page. */
function accounting(s: Session) {
  const sb = s.sidebar;
  const page = sb.getByTestId('page-accounting');
  const api = {
    page,
    item: (id: string) => page.locator(`[data-testid="acc-item"][data-id="${id}"]`),
    field: (name: string, index = 0) => page.locator(`[data-testid="edit-${name}"][data-index="${index}"]`),
    marker: (name: string, index = 0) => page.locator(`[data-testid="edit-${name}-field"][data-index="${index}"] [data-testid="edit-marker"]`),
    notice: () => page.getByTestId('acc-notice-text').textContent(),
    async waitList(): Promise<void> {
      await page.locator('[data-testid="acc-body"][data-view="list"]').waitFor();
      await expect.poll(() => sb.locator('body').evaluate((b) => b.classList.contains('is-busy'))).toBe(false);
    },
    async filter(which: 'incomplete' | 'all'): Promise<void> {
      const button = page.getByTestId(`acc-filter-${which}`);
      if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
      await expect.poll(() => page.getByTestId(`acc-filter-${which}`).getAttribute('aria-pressed')).toBe('true');
      await api.waitList();
    },
    async open(id: string): Promise<void> {
      await api.filter('all');
      await api.item(id).click();
      await page.locator(`[data-testid="edit-booking"][data-id="${id}"]`).waitFor();
    },
    async save(): Promise<void> {
      await page.getByTestId('edit-save').click();
      await api.waitList();
    },
    counts: async () => ({
      total: await count(page, 'acc-total'),
      complete: await count(page, 'acc-complete'),
      incomplete: await count(page, 'acc-incomplete'),
      machine: await count(page, 'acc-machine'),
    }),
  };
  return api;
}

describe('pre-accounting: rules, overrides, splits, learning (English)', () => {
  let s: Session;
  let p: ReturnType<typeof accounting>;
  beforeAll(async () => {
    s = await openSession(browser(), 'en', { workbook: workbookWithLists(), openSidebar: false });
    await importMatchAndRun(s);
    bookCourtCostsByHand(s);
    p = accounting(s);
  });
  afterAll(async () => {
    expect(s.pageErrors).toEqual([]);
    expect(s.dialogs).toEqual([]);
    await s?.close();
  });

  it('opens from the add-on menu with the counts for the export target; every booking still misses GL account and tax rate', async () => {
    await openFromMenu(s, 'showPreAccounting', { caption: 'Pre-accounting' });
    expect(await s.sidebar.locator('body').getAttribute('data-page')).toBe('accounting');
    await p.waitList();
    expect(await p.page.locator('h1').textContent()).toBe('Pre-accounting');
    expect(await p.page.getByTestId('acc-target').textContent()).toBe('Bookings not yet exported, checked for lexoffice');
    const bookings = sheetRecords(s, 'Bookings');
    expect(bookings).toHaveLength(15);
    expect(await p.counts()).toEqual({ total: 15, complete: 0, incomplete: 15, machine: 0 });
    expect(await p.page.getByTestId('acc-item').count()).toBe(15);
    const first = p.item('B-00001');
    expect(await first.getByTestId('acc-item-counterparty').textContent()).toBe(payees.landlord.name);
    expect(await first.getByTestId('acc-item-amount').textContent()).toBe('-€2,850.00');
    expect(await first.getByTestId('missing-chip').allTextContents()).toEqual(['GL account', 'Tax rate']);
    expect(await first.getAttribute('data-machine')).toBe('false');
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-40-preaccounting-list.png');
  });

  it('"Fill from rules" fills the bookings the new rules match: counts change, blue markers appear', async () => {
    writeSheet(s, 'Rules', [
      RULES_HEADER,
      ['R1', 'yes', 'Rent', '', 'Rheinblick', '', '', '', '', '', 'any', '', '4210', '0', '', 'KS1', '', '', 'manual'],
      ['R2', 'yes', 'Salaries', '', '', '', '', '^Gehalt', '', '', 'out', '', '4120', '0', '', 'KS1', '', '', 'manual'],
    ]);
    await p.page.getByTestId('acc-fill').click();
    await expect.poll(p.notice).toBe('3 of 15 bookings filled from the rules (9 fields).');
    await p.waitList();
    expect(await p.counts()).toEqual({ total: 15, complete: 3, incomplete: 12, machine: 3 });
    // The complete ones have left the list of incomplete bookings …
    expect(await p.page.getByTestId('acc-item').count()).toBe(12);
    expect(await p.item('B-00001').count()).toBe(0);
    // … and carry the marker in the list of all.
    await p.filter('all');
    expect(await p.item('B-00001').getAttribute('data-machine')).toBe('true');
    expect(await p.item('B-00001').getByTestId('acc-item-marker').getAttribute('title')).toBe('Filled by rule R1 "Rent"');
    expect(await p.item('B-00011').getByTestId('acc-item-assigned').textContent()).toBe('4120 · 0 %');
    expect(await p.item('B-00002').getAttribute('data-machine')).toBe('false');
    expect(booking(s, 'B-00001')).toMatchObject({ 'GL account': '4210', 'Tax rate': '0', 'Cost centre': 'KS1' });
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-41-preaccounting-filled.png');
  });

  it('a GL account the user overrides loses its marker and lands in the Bookings sheet', async () => {
    await p.open('B-00001');
    expect(await p.field('glAccount').inputValue()).toBe('4210');
    expect(await p.page.locator('[data-testid="edit-glAccount-name"][data-index="0"]').textContent()).toBe('Miete');
    expect(await p.marker('glAccount').getAttribute('title')).toBe('Filled by rule R1 "Rent"');
    expect(await p.marker('taxRate').count()).toBe(1);
    expect(await p.page.locator('[data-testid="edit-tax"][data-index="0"]').textContent()).toBe('Tax: €0.00');
    await p.field('glAccount').fill('4200');
    expect(await p.marker('glAccount').count()).toBe(0);
    expect(await p.page.locator('[data-testid="edit-glAccount-field"][data-index="0"]').getAttribute('data-prefilled')).toBe('false');
    expect(await p.page.locator('[data-testid="edit-glAccount-name"][data-index="0"]').textContent()).toBe('Raumkosten');
    expect(await p.marker('taxRate').count()).toBe(1);
    // The machine's value typed back is the machine's again.
    await p.field('glAccount').fill('4210');
    expect(await p.marker('glAccount').count()).toBe(1);
    await p.field('glAccount').fill('4200');
    expect(await p.page.getByTestId('edit-save').isEnabled()).toBe(true);
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-42-preaccounting-override.png');

    await p.save();
    expect(await p.notice()).toBe('Booking B-00001 saved.');
    const row = booking(s, 'B-00001');
    expect(row).toMatchObject({ 'GL account': '4200', 'Tax rate': '0', 'Cost centre': 'KS1' });
    expect(String(row['Pre-filled'])).not.toContain('GL account');
    expect(String(row['Pre-filled'])).toContain('Tax rate = 0 ← rule R1 "Rent"');
    // Still machine-filled (tax rate, cost centre), still complete.
    expect(await p.counts()).toEqual({ total: 15, complete: 3, incomplete: 12, machine: 3 });
    await p.open('B-00001');
    expect(await p.field('glAccount').inputValue()).toBe('4200');
    expect(await p.marker('glAccount').count()).toBe(0);
    expect(await p.marker('costCentre').count()).toBe(1);
    await p.page.getByTestId('edit-back').click();
    await p.waitList();
  });

  it('splits a booking into two parts with their own GL account and tax rate; Save waits until they add up', async () => {
    const before = booking(s, 'B-00008');
    expect(before.Amount).toBe(833);
    await p.open('B-00008');
    const save = p.page.getByTestId('edit-save');
    const reason = () => p.page.getByTestId('edit-reason').textContent();
    const remaining = () => p.page.getByTestId('edit-remaining').textContent();
    await p.page.getByTestId('edit-split').click();
    expect(await p.page.getByTestId('edit-part').count()).toBe(2);
    expect(await p.page.locator('[data-testid="edit-part-amount"][data-index="0"]').inputValue()).toBe('833.00');
    expect(await p.page.locator('[data-testid="edit-part-amount"][data-index="1"]').inputValue()).toBe('');
    expect(await save.isDisabled()).toBe(true);
    expect(await reason()).toBe('Part 2: enter an amount.');
    await p.page.locator('[data-testid="edit-part-amount"][data-index="1"]').fill('133');
    expect(await remaining()).toBe('133.00 too much');
    expect(await reason()).toBe("The parts must add up to the booking's amount: 133.00 too much.");
    expect(await save.isDisabled()).toBe(true);
    await p.page.locator('[data-testid="edit-part-amount"][data-index="0"]').fill('699.99');
    expect(await remaining()).toBe('0.01 left');
    expect(await save.isDisabled()).toBe(true);
    await p.page.locator('[data-testid="edit-part-amount"][data-index="0"]').fill('700');
    expect(await remaining()).toBe('0.00 left');
    expect(await reason()).toBe('');
    expect(await save.isEnabled()).toBe(true);

    await p.field('glAccount', 0).fill('8400');
    await p.field('taxRate', 0).fill('19');
    await p.field('glAccount', 1).fill('8300');
    await p.field('taxRate', 1).fill('7');
    await p.field('costObject', 1).fill('P-200');
    // Tax per part, rounded half away from zero: 700.00 × 19/119 = 111.764… → 111.76; 133.00 × 7/107 = 8.700… → 8.70.
    expect(await p.page.locator('[data-testid="edit-tax"][data-index="0"]').textContent()).toBe('Tax: €111.76');
    expect(await p.page.locator('[data-testid="edit-tax"][data-index="1"]').textContent()).toBe('Tax: €8.70');
    await p.field('taxRate', 1).fill('7x');
    expect(await p.page.locator('[data-testid="edit-tax"][data-index="1"]').textContent()).toBe('Tax: — "7x" is not a tax rate (e.g. 19 or 7.7)');
    await p.field('taxRate', 1).fill('7');
    await expectNoSidewaysScroll(s);
    await p.page.getByTestId('edit-split').scrollIntoViewIfNeeded();
    await shot(s.frame, 'e2e-43-preaccounting-split.png');

    await p.save();
    expect(await p.notice()).toBe('Booking B-00008 split into B-00008 and B-00016.');
    const parts = sheetRecords(s, 'Bookings').filter((b) => b.Transaction === before.Transaction);
    expect(parts.map((b) => b.Booking)).toEqual(['B-00008', 'B-00016']);
    expect(parts.map((b) => b.Amount)).toEqual([700, 133]);
    expect(parts.reduce((sum, b) => sum + Math.round(Number(b.Amount) * 100), 0)).toBe(83300);
    expect(parts.map((b) => String(b['GL account']))).toEqual(['8400', '8300']);
    expect(parts.map((b) => String(b['Tax rate']))).toEqual(['19', '7']);
    expect(parts.map((b) => String(b['Cost object']))).toEqual(['', 'P-200']);
    expect(parts.map((b) => Math.round(Number(b['Tax amount']) * 100))).toEqual([taxAmountFor(70000, '19'), taxAmountFor(13300, '7')]);
    expect(parts.map((b) => b['Tax amount'])).toEqual([111.76, 8.7]);
    expect(await p.counts()).toEqual({ total: 16, complete: 5, incomplete: 11, machine: 3 });
  });

  it('learns: the same GL account and tax rate for the court cash office twice → a banner; Yes creates the rule', async () => {
    await p.open('B-00009');
    expect(await p.page.getByTestId('edit-counterparty').textContent()).toBe(payees.courtCashOffice.name);
    await p.field('glAccount').fill('4957');
    await p.field('taxRate').fill('0');
    await p.save();
    expect(await p.notice()).toBe('Booking B-00009 saved.');
    expect(await p.page.getByTestId('rule-proposal').count()).toBe(0);

    await p.open('B-00015');
    await p.field('glAccount').fill('4957');
    await p.field('taxRate').fill('0');
    await p.save();
    const banner = p.page.getByTestId('rule-proposal');
    await banner.waitFor();
    expect(await banner.getByTestId('rule-proposal-text').textContent()).toBe(`You gave ${payees.courtCashOffice.name} GL account 4957 and 0 % twice. Create a rule?`);
    expect(sheetRecords(s, 'Rules')).toHaveLength(2);
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-44-preaccounting-learned.png');

    await banner.getByTestId('proposal-yes').click();
    await expect.poll(p.notice).toBe(`Rule R3 "${payees.courtCashOffice.name}" created. It applies to new bookings and to "Fill from rules".`);
    expect(await p.page.getByTestId('rule-proposal').count()).toBe(0);
    const rules = sheetRecords(s, 'Rules');
    expect(rules).toHaveLength(3);
    expect(rules[2]).toMatchObject({ Rule: 'R3', Active: 'yes', Name: payees.courtCashOffice.name, IBAN: payees.courtCashOffice.iban, 'GL account': '4957', 'Tax rate': '0' });
    expect(String(rules[2]!.Origin)).toMatch(/^learned /);
    expect(String(rules[2]!.Origin)).toContain('B-00009');
    expect(String(rules[2]!.Origin)).toContain('B-00015');
    expect(await p.counts()).toEqual({ total: 16, complete: 7, incomplete: 9, machine: 3 });
  });

  it('a booking exported meanwhile is refused and turns read-only; the list leaves it out and counts it as locked', async () => {
    await p.open('B-00010');
    await p.field('glAccount').fill('8400');
    await p.field('taxRate').fill('19');
    setCell(s, 'Bookings', 'Booking', 'B-00010', 'Exported to', 'DATEV');
    await p.page.getByTestId('edit-save').click();
    await p.page.getByTestId('edit-locked').waitFor();
    expect(await p.notice()).toContain('Booking B-00010 was exported to DATEV');
    expect(await p.notice()).toContain('it can no longer be changed.');
    expect(await p.page.getByTestId('edit-locked').textContent()).toContain('Booking B-00010 is no longer in the list (exported or removed meanwhile).');
    expect(await p.page.getByTestId('edit-save').count()).toBe(0);
    expect(await p.page.getByTestId('edit-split').count()).toBe(0);
    expect(await p.field('glAccount').getAttribute('readonly')).not.toBeNull();
    expect(booking(s, 'B-00010')['GL account']).toBe('');
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-45-preaccounting-locked.png');

    await p.page.getByTestId('edit-back').click();
    await p.waitList();
    expect(await p.item('B-00010').count()).toBe(0);
    expect(await p.page.getByTestId('acc-exported').textContent()).toBe('1 exported booking is locked and not listed.');
    // 16 bookings, 1 of them exported: 15 left, of which the 7 complete ones (B-00001, -08, -09, -11, -12, -15, -16).
    expect(await p.counts()).toEqual({ total: 15, complete: 7, incomplete: 8, machine: 3 });
  });
});

describe('the reconcile form starts with what a rule fills, and books it', () => {
  let s: Session;
  beforeAll(async () => {
    const telekom: CellValue[] = ['R1', 'yes', 'Telekom', '', '', payees.telekom.iban, '', '', '', '', 'out', '', '4920', '19', 'Telekom Deutschland', 'KS1', '', '', 'manual'];
    s = await openSession(browser(), 'en', { workbook: workbookWithLists([telekom]), openSidebar: false });
    const runtime = s.playground.runtime;
    const { readFileSync } = await import('node:fs');
    const { sampleCsv } = await import('./session');
    runtime.call('importStatement', { fileName: 'sparkasse-2026-10.csv', contentBase64: readFileSync(sampleCsv).toString('base64'), importGoodRows: false });
    runtime.call('matchTransactions', {});
  });
  afterAll(async () => {
    expect(s.pageErrors).toEqual([]);
    await s?.close();
  });

  it('shows the rule\'s values with the blue marker and the tax amount; an override loses its marker; the booking has them', async () => {
    await openFromMenu(s, 'showSidebar');
    const sb = s.sidebar;
    const counter = () => sb.getByTestId('reconcile-counter').textContent();
    await expect.poll(counter).toMatch(/^1 of /);
    // Step to the Telekom direct debit.
    await sb.locator('#page-reconcile h1').click();
    for (let i = 0; i < 30 && !(await sb.getByTestId('tx-purpose').textContent())?.startsWith('Kd-Nr. 5504229187'); i++) {
      const before = await counter();
      await s.page.keyboard.press('ArrowRight');
      await expect.poll(counter).not.toBe(before);
    }
    expect(await sb.getByTestId('tx-counterparty').textContent()).toBe(payees.telekom.name);
    const field = (name: string) => sb.locator(`[data-testid="part-${name}"][data-index="0"]`);
    const marker = (name: string) => sb.locator(`[data-testid="part-${name}-field"][data-index="0"] [data-testid="part-marker"]`);
    // Closed at first: a short summary with the marker.
    expect(await sb.locator('[data-testid="part-accounting"][data-index="0"]').getAttribute('open')).toBeNull();
    expect(await sb.locator('[data-testid="part-accounting-summary"][data-index="0"]').textContent()).toBe('4920 · 19 % · Telekom Deutschland · KS1');
    expect(await sb.getByTestId('part-accounting-marker').getAttribute('title')).toBe('Filled by rule R1 "Telekom"');
    await sb.locator('[data-testid="part-accounting-toggle"][data-index="0"]').click();
    expect(await field('glAccount').inputValue()).toBe('4920');
    expect(await sb.locator('[data-testid="part-glAccount-name"][data-index="0"]').textContent()).toBe('Telefon');
    expect(await field('taxRate').inputValue()).toBe('19');
    expect(await field('partner').inputValue()).toBe('Telekom Deutschland');
    expect(await field('costCentre').inputValue()).toBe('KS1');
    for (const name of ['glAccount', 'taxRate', 'partner', 'costCentre']) expect(await marker(name).getAttribute('title')).toBe('Filled by rule R1 "Telekom"');
    expect(await marker('costObject').count()).toBe(0);
    // -89.95 × 19/119 = -14.361… → -14.36
    expect(await sb.locator('[data-testid="part-tax"][data-index="0"]').textContent()).toBe('Tax: -€14.36');
    await field('costCentre').fill('KS2');
    expect(await marker('costCentre').count()).toBe(0);
    await field('receiptNumber').fill('TK-2610-0551887');
    await expectNoSidewaysScroll(s);
    await sb.locator('[data-testid="part-accounting"][data-index="0"]').scrollIntoViewIfNeeded();
    await shot(s.frame, 'e2e-46-reconcile-accounting.png');

    const key = await sb.getByTestId('reconcile-transaction').getAttribute('data-key');
    await sb.getByTestId('reconcile-book').click();
    await expect.poll(() => sb.getByTestId('reconcile-notice-text').textContent()).toMatch(/^Processed: B-00001 Expense €89\.95/);
    const rows = sheetRecords(s, 'Bookings').filter((b) => b.Transaction === key);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      Booking: 'B-00001', Amount: -89.95, 'GL account': '4920', 'Tax rate': '19', 'Tax amount': -14.36, 'Supplier/customer': 'Telekom Deutschland', 'Cost centre': 'KS2', 'Receipt number': 'TK-2610-0551887',
    });
    expect(String(rows[0]!['Pre-filled'])).toContain('GL account = 4920 ← rule R1 "Telekom"');
    expect(String(rows[0]!['Pre-filled'])).not.toContain('Cost centre');

    // The processed transaction shows the booking's accounting data, with the markers and what lexoffice still misses.
    await sb.getByTestId('reconcile-notice-show').click();
    const readout = sb.locator('[data-testid="booking-accounting"][data-id="B-00001"]');
    await readout.waitFor();
    const row = (field: string) => readout.locator(`[data-testid="booking-accounting-field"][data-field="${field}"]`);
    expect(await row('glAccount').getAttribute('data-prefilled')).toBe('true');
    expect(await row('glAccount').getByTestId('booking-accounting-marker').getAttribute('title')).toBe('Filled by rule R1 "Telekom"');
    expect(await row('costCentre').getAttribute('data-prefilled')).toBe('false');
    expect(await row('costCentre').locator('dd').textContent()).toBe('KS2');
    expect(await row('glAccount').locator('dd').textContent()).toBe('4920');
    expect(await readout.getByTestId('booking-tax').textContent()).toBe('Tax: -€14.36');
    expect(await readout.getByTestId('booking-complete').textContent()).toBe('Complete for lexoffice');
    await expectNoSidewaysScroll(s);
    await readout.scrollIntoViewIfNeeded();
    await shot(s.frame, 'e2e-47-reconcile-processed-accounting.png');
  });
});

describe('pre-accounting in German', () => {
  let s: Session;
  beforeAll(async () => {
    const rent: CellValue[] = ['R1', 'ja', 'Miete', '', 'Rheinblick', '', '', '', '', '', 'aus', '', '4210', '0', '', 'KS1', '', '', 'manual'];
    s = await openSession(browser(), 'de', { workbook: workbookWithLists([rent]), openSidebar: false });
    await importMatchAndRun(s);
  });
  afterAll(async () => {
    expect(s.pageErrors).toEqual([]);
    await s?.close();
  });

  it('speaks German: menu, counts, chips, editor, split remainder and tax in German notation', async () => {
    await openFromMenu(s, 'showPreAccounting', { caption: 'Vorkontierung' });
    const p = accounting(s);
    await p.waitList();
    expect(await p.page.locator('h1').textContent()).toBe('Vorkontierung');
    expect(await p.page.getByTestId('acc-target').textContent()).toBe('Noch nicht exportierte Buchungen, geprüft für lexoffice');
    expect(await p.page.locator('.stat-label').allTextContents()).toEqual(['Buchungen', 'Vollständig', 'Unvollständig', 'Automatisch']);
    // The automatic run filled the rent from the rule as it booked it.
    expect(await p.counts()).toEqual({ total: 14, complete: 1, incomplete: 13, machine: 1 });
    expect(await p.page.getByTestId('acc-fill').textContent()).toBe('Aus Regeln ausfüllen');
    expect(await p.page.getByTestId('acc-filter').locator('button').allTextContents()).toEqual(['Unvollständig', 'Alle']);
    expect(await p.item('B-00002').getByTestId('missing-chip').allTextContents()).toEqual(['Sachkonto', 'Steuersatz']);
    expect(plain(await p.item('B-00002').getByTestId('acc-item-amount').textContent())).toBe('4.165,00 €');

    await p.open('B-00001');
    expect(await p.marker('glAccount').getAttribute('title')).toBe('Ausgefüllt durch Regel R1 „Miete“');
    expect(await p.page.locator('[data-testid="edit-glAccount-field"][data-index="0"] label').textContent()).toContain('Sachkonto');
    await p.page.getByTestId('edit-back').click();
    await p.waitList();
    await p.open('B-00002');
    await p.page.getByTestId('edit-split').click();
    await p.page.locator('[data-testid="edit-part-amount"][data-index="0"]').fill('4.000,00');
    await p.page.locator('[data-testid="edit-part-amount"][data-index="1"]').fill('166,00');
    expect(await p.page.getByTestId('edit-remaining').textContent()).toBe('1,00 zu viel');
    expect(await p.page.getByTestId('edit-reason').textContent()).toBe('Die Teile müssen den Betrag der Buchung ergeben: 1,00 zu viel.');
    await p.page.locator('[data-testid="edit-part-amount"][data-index="1"]').fill('165');
    expect(await p.page.getByTestId('edit-remaining').textContent()).toBe('0,00 übrig');
    await p.field('taxRate', 0).fill('19');
    expect(plain(await p.page.locator('[data-testid="edit-tax"][data-index="0"]').textContent())).toBe('Steuer: 638,66 €');
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-48-preaccounting-german.png');
    await p.page.getByTestId('edit-back').click();
    await p.waitList();

    await goToPage(s, 'rules');
    await s.sidebar.locator('[data-testid="rules-body"][data-state="ready"]').waitFor();
    expect(await s.sidebar.getByTestId('page-rules').locator('h1').textContent()).toBe('Regeln');
    expect(await s.sidebar.getByTestId('rules-intro').textContent()).toContain('Für jedes Feld gewinnt die erste passende Regel, die es setzt.');
    const card = s.sidebar.locator('[data-testid="rule-card"][data-index="0"]');
    expect(await card.getByTestId('rule-summary').textContent()).toBe('Gegenpartei enthält „Rheinblick“ · Ausgang → Sachkonto 4210, Steuersatz 0 %, Kostenstelle KS1');
    expect(await card.getByTestId('rule-usage').textContent()).toBe('trifft auf 1 Umsatz zu');
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-49-rules-german.png');
  });

  it('the settings choose the export target and the fields it requires on top; pre-accounting checks for them', async () => {
    await openFromMenu(s, 'showSettings', { caption: 'Einstellungen' });
    await s.sidebar.locator('[data-testid="settings-page"][data-state="ready"]').waitFor();
    const target = s.sidebar.getByTestId('setting-target');
    const box = (field: string) => s.sidebar.locator(`[data-testid="setting-required"][data-field="${field}"]`);
    expect(await target.inputValue()).toBe('lexoffice');
    expect(await target.locator('option').allTextContents()).toEqual(['lexoffice', 'bexio', 'DATEV', 'CSV']);
    // lexoffice needs GL account and tax rate by itself: ticked and fixed.
    expect(await box('glAccount').isChecked()).toBe(true);
    expect(await box('glAccount').isDisabled()).toBe(true);
    expect(await box('taxRate').isDisabled()).toBe(true);
    expect(await box('costCentre').isChecked()).toBe(false);
    await target.selectOption('csv');
    expect(await s.sidebar.getByTestId('setting-required-fields').locator('legend').textContent()).toBe('Pflichtfelder für CSV');
    expect(await box('glAccount').isChecked()).toBe(false);
    expect(await box('glAccount').isDisabled()).toBe(false);
    await box('glAccount').check();
    await expectNoSidewaysScroll(s);
    await s.sidebar.getByTestId('settings-export').scrollIntoViewIfNeeded();
    await shot(s.frame, 'e2e-53-settings-export-target.png');
    await s.sidebar.getByTestId('settings-export-save').click();
    await expect.poll(() => s.sidebar.getByTestId('settings-export-message').textContent()).toBe('Exporteinstellungen gespeichert.');
    const stored = s.playground.runtime.call('getSettings', {}) as { accounting: unknown };
    expect(stored.accounting).toEqual({ target: 'csv', extraRequired: [{ target: 'csv', fields: ['glAccount'] }] });

    await goToPage(s, 'accounting');
    const p = accounting(s);
    await p.waitList();
    expect(await p.page.getByTestId('acc-target').textContent()).toBe('Noch nicht exportierte Buchungen, geprüft für CSV');
    expect(await p.counts()).toEqual({ total: 14, complete: 1, incomplete: 13, machine: 1 });
    expect(await p.item('B-00002').getByTestId('missing-chip').allTextContents()).toEqual(['Sachkonto']);
  });
});
