/**
 * The reconcile page in headless Chromium against the real build: the October statement imported and matched, then
 * worked through in the sidebar — stepping with the arrow keys and the buttons, booking an incoming payment (invoice
 * paid + income booking) and an outgoing one (payment order executed + expense booking), a manual assignment through
 * the search, a split into two parts, case labels, Enter confirming a proposal, a processed transaction's state, undo;
 * every step checked in the sheets. Then the navigation (tabs, "More" menu, keyboard) and the page in German.
 * Precondition: `npm run build` (npm test runs it first). Screenshots go to artifacts/screenshots/ (e2e-2x-…).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients, payees } from '../../local/sample/parties';
import { encodeWindows1252, october2026, sparkasseCsvText } from '../../local/sample/statement';
import { expectNoSidewaysScroll, goToPage, importAndMatch, isoDay, openFromMenu, openSession, sampleCsv, setCell, sheetRecords, shot, type Session, sharedBrowser } from './session';

const booked = october2026.filter((l) => l.info !== 'Umsatz vorgemerkt');
const ANNA = 'anna.berger@kanzlei-berger.example';

/** The statement line whose purpose starts with `start`. */
function line(start: string): (typeof booked)[number] {
  const found = booked.find((l) => l.purpose.startsWith(start));
  if (found === undefined) throw new Error(`no sample line starts with ${start}`);
  return found;
}

/** Intl writes a no-break space between amount and currency in German: compared as a plain space. */
const plain = (text: string | null): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const printIban = (iban: string): string => iban.replace(/(.{4})(?=.)/g, '$1 ');
/** What a booking's description starts as: "Name, IBAN: purpose". */
const description = (l: (typeof booked)[number]): string => `${l.counterparty.name}, ${printIban(l.counterparty.iban)}: ${l.purpose}`;

const browser = sharedBrowser();

/** Helpers on one session's reconcile page. */
function page(s: Session) {
  const sb = s.sidebar;
  const api = {
    counter: () => sb.getByTestId('reconcile-counter').textContent(),
    purpose: () => sb.getByTestId('tx-purpose').textContent(),
    key: async () => (await sb.getByTestId('reconcile-transaction').getAttribute('data-key')) ?? '',
    /** Puts the keyboard focus on the page itself (no control): where ← → and Enter belong to the page. */
    focusPage: () => sb.locator('#page-reconcile h1').click(),
    async press(key: string): Promise<void> {
      const before = await api.counter();
      await s.page.keyboard.press(key);
      await expect.poll(api.counter).not.toBe(before);
    },
    /** Steps with the arrow keys to the transaction whose purpose starts with `start`. */
    async stepTo(start: string): Promise<void> {
      await api.focusPage();
      while (!(await api.counter())?.startsWith('1 of') && !(await api.counter())?.startsWith('1 von')) await api.press('ArrowLeft');
      for (let i = 0; i < 30 && !(await api.purpose())?.startsWith(start); i++) await api.press('ArrowRight');
      expect(await api.purpose()).toMatch(new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
    },
    async book(): Promise<void> {
      const notice = await sb.getByTestId('reconcile-notice-text').count() > 0 ? await sb.getByTestId('reconcile-notice-text').textContent() : null;
      await sb.getByTestId('reconcile-book').click();
      await expect.poll(() => sb.getByTestId('reconcile-notice-text').textContent()).not.toBe(notice);
    },
    partField: (name: string, index = 0) => sb.locator(`[data-testid="part-${name}"][data-index="${index}"]`),
    options: async (name: string, index = 0) => api.partField(name, index).locator('option').allTextContents(),
  };
  return api;
}

function bookingsOf(s: Session, key: string): Array<Record<string, unknown>> {
  return sheetRecords(s, 'Bookings').filter((b) => b.Transaction === key);
}

function row(s: Session, sheet: string, column: string, value: string): Record<string, unknown> {
  const found = sheetRecords(s, sheet).find((r) => r[column] === value);
  if (found === undefined) throw new Error(`${sheet} has no row with ${column} = ${value}`);
  return found;
}

describe('reconcile: working through the October statement (English)', () => {
  let s: Session;
  let p: ReturnType<typeof page>;
  beforeAll(async () => {
    s = await openSession(browser(), 'en');
    p = page(s);
  });
  afterAll(async () => {
    expect(s.pageErrors).toEqual([]);
    expect(s.dialogs).toEqual([]);
    await s?.close();
  });

  it('opens on the reconcile page; with nothing imported yet it says so and leads to the import', async () => {
    expect(await s.sidebar.locator('body').getAttribute('data-page')).toBe('reconcile');
    expect(await s.sidebar.getByTestId('tab-reconcile').getAttribute('aria-selected')).toBe('true');
    expect(await s.sidebar.getByTestId('reconcile-empty').textContent()).toContain('There are no transactions yet. Import a bank statement first.');
    expect(await p.counter()).toBe('0 of 0, 0 open');
    await s.sidebar.getByTestId('reconcile-to-import').click();
    await s.sidebar.locator('body[data-page="import"]').waitFor();
    expect(await s.sidebar.getByTestId('tab-import').getAttribute('aria-selected')).toBe('true');
  });

  it('after import and matching, "Go through transactions" shows the first one with its proposal', async () => {
    await s.sidebar.getByTestId('file-input').setInputFiles(sampleCsv);
    await s.sidebar.getByTestId('import-button').click();
    await s.sidebar.getByTestId('result-message').waitFor();
    await s.sidebar.getByTestId('match-button').click();
    expect(await s.sidebar.getByTestId('match-result').textContent()).toBe('Matched: 13 sure, 2 to check, 7 without an open item.');
    expect(await s.sidebar.getByTestId('go-run-button').textContent()).toBe('Run automatic matching for this statement');
    await shot(s.frame, 'e2e-20-import-next-steps.png');
    await s.sidebar.getByTestId('go-reconcile-button').click();
    await expect.poll(p.counter).toBe(`1 of ${booked.length}, ${booked.length} open`);

    const rent = line('Miete Oktober');
    const tx = s.sidebar.getByTestId('reconcile-transaction');
    expect(await tx.getAttribute('data-direction')).toBe('out');
    expect(await s.sidebar.getByTestId('tx-date').textContent()).toBe('01/10/2026');
    expect(await s.sidebar.getByTestId('tx-counterparty').textContent()).toBe(payees.landlord.name);
    expect(await s.sidebar.getByTestId('tx-iban').textContent()).toBe('DE68 3705 0198 0003 3188 22');
    expect(await p.purpose()).toBe(rent.purpose);
    expect(await s.sidebar.getByTestId('tx-amount').textContent()).toBe('-€2,850.00');
    expect(await s.sidebar.getByTestId('tx-amount').getAttribute('class')).toContain('negative');
    expect(await s.sidebar.getByTestId('tx-direction').textContent()).toBe('↑ Money out');
    expect(await s.sidebar.getByTestId('tx-booking-type').textContent()).toBe('DAUERAUFTRAG');
    expect(await s.sidebar.getByTestId('reconcile-proposal').getAttribute('data-status')).toBe('auto');
    expect(await s.sidebar.getByTestId('proposal-status').textContent()).toBe('✓ Sure');
    expect(await s.sidebar.getByTestId('proposal-score').textContent()).toBe('score 100%');
    expect(await s.sidebar.getByTestId('proposal-reason').textContent()).toContain('ZA-2026-0071');
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-21-reconcile-open.png');
  });

  it('steps with ← → and with the buttons; the counter follows; arrows typed into the search stay there', async () => {
    await p.focusPage();
    await p.press('ArrowRight');
    expect(await p.counter()).toBe(`2 of ${booked.length}, ${booked.length} open`);
    expect(await s.sidebar.getByTestId('tx-counterparty').textContent()).toBe(clients.muellerBau.name);
    expect(await s.sidebar.getByTestId('tx-amount').textContent()).toBe('+€4,165.00');
    expect(await s.sidebar.getByTestId('tx-amount').getAttribute('class')).toContain('positive');
    expect(await s.sidebar.getByTestId('tx-direction').textContent()).toBe('↓ Money in');
    await p.press('ArrowRight');
    expect(await p.counter()).toBe(`3 of ${booked.length}, ${booked.length} open`);
    await p.press('ArrowLeft');
    expect(await p.counter()).toBe(`2 of ${booked.length}, ${booked.length} open`);
    await s.sidebar.getByTestId('reconcile-next').click();
    await expect.poll(p.counter).toBe(`3 of ${booked.length}, ${booked.length} open`);
    await s.sidebar.getByTestId('reconcile-prev').click();
    await expect.poll(p.counter).toBe(`2 of ${booked.length}, ${booked.length} open`);
    await s.sidebar.getByTestId('reconcile-prev').click();
    await expect.poll(p.counter).toBe(`1 of ${booked.length}, ${booked.length} open`);
    expect(await s.sidebar.getByTestId('reconcile-prev').isDisabled()).toBe(true);

    await s.sidebar.getByTestId('reconcile-search').fill('RE-2026');
    await s.page.keyboard.press('ArrowRight');
    await s.page.keyboard.press('ArrowLeft');
    await s.page.waitForTimeout(200);
    expect(await p.counter()).toBe(`1 of ${booked.length}, ${booked.length} open`);
    await s.sidebar.getByTestId('reconcile-search').fill('');
    await p.focusPage();
    await p.press('ArrowRight');
    expect(await p.purpose()).toBe(line('RE-2026-0138').purpose);
  });

  it('books an incoming payment: invoice RE-2026-0138 paid and an income booking, then moves on to the next open one', async () => {
    const l = line('RE-2026-0138');
    const invoice = s.sidebar.locator('[data-testid="action-invoice"][data-number="RE-2026-0138"]');
    expect(await invoice.isChecked()).toBe(true);
    expect(await s.sidebar.locator('label[for="action-RE-2026-0138"]').textContent()).toBe('Mark invoice RE-2026-0138 paid');
    expect(await p.options('type')).toEqual(['Income', 'Disbursement in', 'Client money in']);
    expect(await p.partField('type').inputValue()).toBe('income');
    expect(await p.partField('amount').inputValue()).toBe('4,165.00');
    expect(await p.partField('case').inputValue()).toBe('00012/26');
    expect(await p.partField('contact').inputValue()).toBe(clients.muellerBau.id);
    expect(await p.partField('item').inputValue()).toBe('RE-2026-0138');
    expect(await p.partField('description').inputValue()).toBe(description(l));
    expect(await s.sidebar.getByTestId('reconcile-book').isEnabled()).toBe(true);
    expect(await s.sidebar.getByTestId('remaining').textContent()).toBe('Remaining: €0.00');
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-22-reconcile-incoming.png');
    const key = await p.key();

    await p.book();
    expect(await s.sidebar.getByTestId('reconcile-notice-text').textContent()).toBe('Processed: RE-2026-0138 paid; B-00001 Income €4,165.00 (case 00012/26).');
    // On to the next open transaction; the one booked has left the list of open ones.
    await expect.poll(p.counter).toBe(`2 of ${booked.length - 1}, ${booked.length - 1} open`);
    expect(await s.sidebar.getByTestId('tx-counterparty').textContent()).toBe(payees.telekom.name);

    expect(row(s, 'Invoices', 'Number', 'RE-2026-0138')).toMatchObject({ Status: 'paid', 'Paid by transaction': key });
    expect(isoDay(row(s, 'Invoices', 'Number', 'RE-2026-0138')['Paid on'])).toBe('2026-10-01');
    const bookings = bookingsOf(s, key);
    expect(bookings).toHaveLength(1);
    expect(bookings[0]).toMatchObject({
      Booking: 'B-00001', Type: 'income', Amount: 4165, Currency: 'EUR', Description: description(l), Case: '00012/26',
      Contact: clients.muellerBau.id, Invoice: 'RE-2026-0138', 'Payment order': '', Transaction: key, 'Created by': ANNA, Source: 'manual',
    });
    expect(isoDay(bookings[0]!.Date)).toBe('2026-10-01');
    expect(row(s, 'Transactions', 'Fingerprint', key)['Processed by']).toBe(ANNA);
  });

  it('books an outgoing payment: payment order ZA-2026-0071 executed and an expense booking', async () => {
    await p.focusPage();
    await p.press('ArrowLeft');
    expect(await p.counter()).toBe(`1 of ${booked.length - 1}, ${booked.length - 1} open`);
    expect(await p.purpose()).toBe(line('Miete Oktober').purpose);
    const payment = s.sidebar.locator('[data-testid="action-payment"][data-number="ZA-2026-0071"]');
    expect(await payment.isChecked()).toBe(true);
    expect(await s.sidebar.locator('label[for="action-ZA-2026-0071"]').textContent()).toBe('Mark payment order ZA-2026-0071 executed');
    expect(await p.options('type')).toEqual(['Expense', 'Disbursement out', 'Client money out']);
    expect(await p.partField('item').inputValue()).toBe('ZA-2026-0071');
    expect(await p.partField('amount').inputValue()).toBe('2,850.00');
    const key = await p.key();

    await p.book();
    expect(await s.sidebar.getByTestId('reconcile-notice-text').textContent()).toBe('Processed: ZA-2026-0071 executed; B-00002 Expense €2,850.00.');
    await expect.poll(p.counter).toBe(`1 of ${booked.length - 2}, ${booked.length - 2} open`);

    expect(row(s, 'Payments', 'Number', 'ZA-2026-0071')).toMatchObject({ Status: 'executed', 'Executed by transaction': key });
    expect(isoDay(row(s, 'Payments', 'Number', 'ZA-2026-0071')['Executed on'])).toBe('2026-10-01');
    const bookings = bookingsOf(s, key);
    expect(bookings).toHaveLength(1);
    expect(bookings[0]).toMatchObject({ Booking: 'B-00002', Type: 'expense', Amount: -2850, Invoice: '', 'Payment order': 'ZA-2026-0071', Case: '', Transaction: key });
    expect(isoDay(bookings[0]!.Date)).toBe('2026-10-01');
  });

  it('assigns by hand: search a case, its open invoices load, search an invoice, book it', async () => {
    const l = line('Rechnung RE-2026-0154');
    await p.stepTo(l.purpose);
    const key = await p.key();

    await s.sidebar.getByTestId('reconcile-search').fill('00018/26');
    await s.sidebar.getByTestId('reconcile-search').press('Enter');
    const result = s.sidebar.locator('[data-testid="result-case"][data-id="00018/26"]');
    await result.waitFor();
    expect(bookingsOf(s, key)).toHaveLength(0); // Enter in the search field searched, it did not book
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-23-reconcile-search.png');
    await result.click();
    await s.sidebar.locator('[data-testid="reconcile-case"][data-id="00018/26"]').waitFor();
    const offered = await s.sidebar.getByTestId('action-invoice').evaluateAll((boxes) => boxes.map((b) => b.getAttribute('data-number')));
    expect([...offered].sort()).toEqual(['RE-2026-0142', 'RE-2026-0145', 'RE-2026-0149']);
    expect(await p.partField('case').inputValue()).toBe('00018/26');
    expect(await p.options('contact')).toEqual(['— none —', `${clients.jansen.name} (${clients.jansen.id})`, `${clients.rechtsschutz.name} (${clients.rechtsschutz.id})`]);

    // By amount: the 1,428.00 invoice of the case.
    await s.sidebar.getByTestId('reconcile-search').fill('1428');
    await s.sidebar.getByTestId('reconcile-search-button').click();
    await s.sidebar.locator('[data-testid="result-invoice"][data-id="RE-2026-0142"]').waitFor();

    await s.sidebar.getByTestId('reconcile-search').fill('RE-2026-0145');
    await s.sidebar.getByTestId('reconcile-search-button').click();
    await s.sidebar.locator('[data-testid="result-invoice"][data-id="RE-2026-0145"]').click();
    await expect.poll(() => p.partField('item').inputValue()).toBe('RE-2026-0145');
    const checked = await s.sidebar.getByTestId('action-invoice').evaluateAll((boxes) =>
      boxes.filter((b) => (b as HTMLInputElement).checked).map((b) => b.getAttribute('data-number')),
    );
    expect(checked).toEqual(['RE-2026-0145']);
    expect(await p.partField('contact').inputValue()).toBe(clients.jansen.id);

    await p.book();
    expect(row(s, 'Invoices', 'Number', 'RE-2026-0145')).toMatchObject({ Status: 'paid', 'Paid by transaction': key });
    expect(row(s, 'Invoices', 'Number', 'RE-2026-0142').Status).toBe('open');
    expect(bookingsOf(s, key)).toEqual([expect.objectContaining({ Type: 'income', Amount: 595, Case: '00018/26', Contact: clients.jansen.id, Invoice: 'RE-2026-0145' })]);
  });

  it('splits a transaction into two parts: Book stays disabled, with the reason, until the parts add up', async () => {
    const l = line('Rechnung RE-2026-0141');
    await p.stepTo(l.purpose);
    const key = await p.key();
    const book = s.sidebar.getByTestId('reconcile-book');
    const reason = () => s.sidebar.getByTestId('reconcile-book-reason').textContent();
    const remaining = () => s.sidebar.getByTestId('remaining').textContent();

    await s.sidebar.getByTestId('split-button').click();
    expect(await s.sidebar.getByTestId('booking-part').count()).toBe(2);
    expect(await p.partField('amount', 1).inputValue()).toBe('');
    expect(await book.isDisabled()).toBe(true);
    expect(await reason()).toBe('Part 2: enter an amount.');

    await p.partField('amount', 0).fill('1,000.00');
    await p.partField('amount', 1).fill('200');
    expect(await reason()).toBe('The parts add up to €1,200.00, the transaction is €1,190.00: €10.00 too much.');
    expect(await remaining()).toBe('Remaining: -€10.00');
    expect(await book.isDisabled()).toBe(true);
    await p.partField('amount', 1).fill('1x0');
    expect(await reason()).toBe('Part 2: "1x0" is not an amount (e.g. 1,234.56).');
    await p.partField('amount', 1).fill('150');
    expect(await reason()).toBe('The parts add up to €1,150.00, the transaction is €1,190.00: €40.00 missing.');
    await p.partField('amount', 1).fill('190.00');
    expect(await reason()).toBe('');
    expect(await remaining()).toBe('Remaining: €0.00');
    expect(await book.isEnabled()).toBe(true);
    await p.partField('type', 1).selectOption('client-money-in');
    await p.partField('description', 1).fill('Court fee advance for the estate, paid with the invoice');
    await expectNoSidewaysScroll(s);
    await s.sidebar.getByTestId('split-button').scrollIntoViewIfNeeded();
    await shot(s.frame, 'e2e-24-reconcile-split.png');

    await p.book();
    const parts = bookingsOf(s, key);
    expect(parts.map((b) => b.Amount)).toEqual([1000, 190]);
    expect(parts.reduce((sum, b) => sum + Number(b.Amount), 0)).toBe(1190);
    expect(parts.map((b) => b.Type)).toEqual(['income', 'client money in']);
    expect(parts.map((b) => b.Invoice)).toEqual(['RE-2026-0141', '']);
    expect(parts.map((b) => b.Description)).toEqual([description(l), 'Court fee advance for the estate, paid with the invoice']);
    expect(parts.every((b) => b.Case === '00011/26')).toBe(true);
    expect(row(s, 'Invoices', 'Number', 'RE-2026-0141')).toMatchObject({ Status: 'paid', 'Paid by transaction': key });
  });

  it('sets and removes case labels with the booking', async () => {
    const l = line('RE-2026-0139');
    await p.stepTo(l.purpose);
    const key = await p.key();
    const chip = (label: string) => s.sidebar.locator(`[data-testid="label-chip"][data-label="${label}"]`);
    expect(await chip('Arbeitsrecht').getAttribute('data-state')).toBe('kept');
    await s.sidebar.locator('[data-testid="label-suggestion"][data-label="paid"]').click();
    expect(await chip('paid').getAttribute('data-state')).toBe('adding');
    await s.sidebar.getByTestId('label-input').fill('payment open');
    await s.sidebar.getByTestId('label-add').click();
    expect(await chip('payment open').getAttribute('data-state')).toBe('adding');
    await chip('payment open').getByTestId('label-remove').click();
    expect(await chip('payment open').count()).toBe(0);
    await chip('Arbeitsrecht').getByTestId('label-remove').click();
    expect(await chip('Arbeitsrecht').getAttribute('data-state')).toBe('removing');
    expect(row(s, 'Cases', 'Id', '00014/26').Labels).toBe('Arbeitsrecht'); // nothing changes before Book
    await expectNoSidewaysScroll(s);
    await s.sidebar.getByTestId('reconcile-labels').scrollIntoViewIfNeeded();
    await shot(s.frame, 'e2e-25-reconcile-labels.png');

    await p.book();
    expect(await s.sidebar.getByTestId('reconcile-notice-text').textContent()).toMatch(/; labels of 00014\/26 changed\.$/);
    expect(row(s, 'Cases', 'Id', '00014/26').Labels).toBe('paid');
    expect(row(s, 'Invoices', 'Number', 'RE-2026-0139')).toMatchObject({ Status: 'paid', 'Paid by transaction': key });
  });

  it('Enter confirms the proposal: one transfer paying two invoices, booked as two parts', async () => {
    // Without a proposal (and nothing assigned by hand) there is nothing to confirm: Enter books nothing, and says so.
    const telekom = line('Kd-Nr. 5504229187');
    await p.stepTo(telekom.purpose);
    expect(await s.sidebar.getByTestId('reconcile-proposal').getAttribute('data-status')).toBe('none');
    await p.focusPage();
    await s.page.keyboard.press('Enter');
    await expect.poll(() => s.sidebar.getByTestId('reconcile-notice-text').textContent()).toBe(
      'There is no proposal to confirm: choose an invoice, a payment order or a case first.',
    );
    expect(bookingsOf(s, await p.key())).toHaveLength(0);

    const l = line('RE-2026-0143 und RE-2026-0144');
    await p.stepTo(l.purpose);
    const key = await p.key();
    expect(await s.sidebar.getByTestId('booking-part').count()).toBe(2);
    expect(await p.partField('amount', 0).inputValue()).toBe('1,785.00');
    expect(await p.partField('amount', 1).inputValue()).toBe('1,190.00');
    expect(await p.partField('item', 0).inputValue()).toBe('RE-2026-0143');
    expect(await p.partField('item', 1).inputValue()).toBe('RE-2026-0144');
    const before = sheetRecords(s, 'Bookings').length;
    await p.focusPage();
    await s.page.keyboard.press('Enter');
    await expect.poll(() => bookingsOf(s, key).length).toBe(2);
    expect(sheetRecords(s, 'Bookings')).toHaveLength(before + 2);
    expect(await s.sidebar.getByTestId('reconcile-notice-text').textContent()).toMatch(/^Processed: RE-2026-0143 paid; RE-2026-0144 paid; B-\d{5} Income €1,785\.00 \(case 00016\/26\); B-\d{5} Income €1,190\.00 \(case 00016\/26\)\.$/);
    for (const number of ['RE-2026-0143', 'RE-2026-0144']) {
      expect(row(s, 'Invoices', 'Number', number)).toMatchObject({ Status: 'paid', 'Paid by transaction': key });
    }
  });

  it('refuses to book a row that changed in the sheet since it was shown, and says why', async () => {
    const l = line('Zahlung für Prüfung Gewerbemietvertrag');
    await p.stepTo(l.purpose);
    const key = await p.key();
    setCell(s, 'Transactions', 'Fingerprint', key, 'Amount', 83.3); // someone mistypes the amount in the sheet meanwhile
    await s.sidebar.getByTestId('reconcile-book').click();
    await expect.poll(() => s.sidebar.getByTestId('reconcile-notice').getAttribute('class')).toContain('error');
    expect(await s.sidebar.getByTestId('reconcile-notice-text').textContent()).toMatch(/has changed since it was shown/);
    expect(bookingsOf(s, key)).toHaveLength(0);
    expect(row(s, 'Invoices', 'Number', 'RE-2026-0140').Status).toBe('open');
    // The form stays as it was, to be booked once the row is right again.
    setCell(s, 'Transactions', 'Fingerprint', key, 'Amount', 833);
    expect(await s.sidebar.locator('[data-testid="action-invoice"][data-number="RE-2026-0140"]').isChecked()).toBe(true);
  });

  it('a processed transaction shows who processed it and when; its search and Book are disabled', async () => {
    await s.sidebar.getByTestId('filter-processed').click();
    await expect.poll(p.counter).toMatch(new RegExp(`^\\d of 6, ${booked.length - 6} open$`));
    expect(await s.sidebar.getByTestId('filter-processed').getAttribute('aria-pressed')).toBe('true');
    await p.stepTo('Miete Oktober');
    expect(await p.counter()).toBe(`1 of 6, ${booked.length - 6} open`);
    const key = await p.key();
    const at = row(s, 'Transactions', 'Fingerprint', key)['Processed at'] as Date;
    const when = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(at);
    expect(await s.sidebar.getByTestId('reconcile-processed-by').textContent()).toBe(`✓ Processed by ${ANNA} on ${when}`);
    expect(await s.sidebar.getByTestId('processed-booking').getAttribute('data-id')).toBe('B-00002');
    expect(await s.sidebar.getByTestId('reconcile-search').isDisabled()).toBe(true);
    expect(await s.sidebar.getByTestId('reconcile-search-button').isDisabled()).toBe(true);
    expect(await s.sidebar.getByTestId('reconcile-book').isDisabled()).toBe(true);
    expect(await s.sidebar.getByTestId('reconcile-book-reason').textContent()).toBe('Already processed: nothing can be booked twice.');
    expect(await s.sidebar.getByTestId('reconcile-actions').count()).toBe(0);
    // Enter does not book a processed one again.
    await p.focusPage();
    await s.page.keyboard.press('Enter');
    await s.page.waitForTimeout(200);
    expect(bookingsOf(s, key)).toHaveLength(1);
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-26-reconcile-processed.png');

    // Once its booking is exported, undo is no longer offered; the reason is shown instead.
    setCell(s, 'Bookings', 'Booking', 'B-00002', 'Exported to', 'DATEV');
    await s.sidebar.getByTestId('filter-all').click();
    await s.sidebar.getByTestId('filter-processed').click();
    await expect.poll(() => s.sidebar.getByTestId('reconcile-undo-blocked').count()).toBe(1);
    expect(await s.sidebar.getByTestId('reconcile-undo-blocked').textContent()).toBe('Undo is not possible: booking B-00002 was exported to DATEV.');
    expect(await s.sidebar.getByTestId('reconcile-undo').count()).toBe(0);
  });

  it('undo restores the invoice, removes the booking and clears processed-by', async () => {
    await p.focusPage();
    await p.press('ArrowRight');
    expect(await p.purpose()).toBe(line('RE-2026-0138').purpose);
    const key = await p.key();
    expect(bookingsOf(s, key)).toHaveLength(1);
    await s.sidebar.getByTestId('reconcile-undo').click();
    await expect.poll(() => s.sidebar.getByTestId('reconcile-notice-text').textContent()).toBe('Undone: the transaction is open again.');
    await expect.poll(() => s.sidebar.getByTestId('reconcile-processed').count()).toBe(0);
    expect(row(s, 'Invoices', 'Number', 'RE-2026-0138')).toMatchObject({ Status: 'open', 'Paid on': '', 'Paid by transaction': '' });
    expect(bookingsOf(s, key)).toHaveLength(0);
    expect(sheetRecords(s, 'Bookings').some((b) => b.Booking === 'B-00001')).toBe(false);
    expect(row(s, 'Transactions', 'Fingerprint', key)['Processed by']).toBe('');
    // Open again: the proposal is back, and it can be booked.
    expect(await s.sidebar.getByTestId('reconcile-search').isEnabled()).toBe(true);
    expect(await s.sidebar.locator('[data-testid="action-invoice"][data-number="RE-2026-0138"]').isChecked()).toBe(true);
    expect(await s.sidebar.getByTestId('reconcile-book').isEnabled()).toBe(true);
    await shot(s.frame, 'e2e-26b-reconcile-undone.png');
  });

  it('shows text from the bank as text, never as markup', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const crafted = {
      name: 'crafted.csv',
      mimeType: 'text/csv',
      buffer: encodeWindows1252(sparkasseCsvText([{ ...october2026[1]!, booked: '31.10.26', purpose: evil, counterparty: { name: '<b>Evil</b> GmbH', iban: '', bic: '' } }])),
    };
    await goToPage(s, 'import');
    await s.sidebar.getByTestId('file-input').setInputFiles(crafted);
    await s.sidebar.getByTestId('import-button').click();
    await s.sidebar.getByTestId('go-reconcile-button').click();
    await s.sidebar.locator('body[data-page="reconcile"]').waitFor();
    await s.sidebar.getByTestId('filter-all').click();
    await expect.poll(p.counter).toMatch(/^\d+ of 23, \d+ open$/);
    await p.focusPage();
    for (let i = 0; i < 30 && (await p.purpose()) !== evil; i++) await p.press('ArrowRight');
    expect(await p.purpose()).toBe(evil);
    expect(await s.sidebar.getByTestId('tx-counterparty').textContent()).toBe('<b>Evil</b> GmbH');
    expect(await s.sidebar.getByTestId('part-description').first().inputValue()).toBe(`<b>Evil</b> GmbH: ${evil}`);
    expect(await s.sidebar.locator('#page-reconcile img, #page-reconcile b').count()).toBe(0);
    expect(s.dialogs).toEqual([]);
  });
});

describe('navigation: tabs, the "More" menu, the keyboard, the start page', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession(browser(), 'en');
  });
  afterAll(async () => {
    expect(s.pageErrors).toEqual([]);
    await s?.close();
  });

  it('moves between the tabs with ← → and opens Bookings, Settings and Help from "More"', async () => {
    const current = () => s.sidebar.locator('body').getAttribute('data-page');
    const focused = () => s.sidebar.locator('body').evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
    expect(await s.sidebar.getByTestId('nav-tabs').getAttribute('role')).toBe('tablist');
    expect(await s.sidebar.locator('[role="tab"]').allTextContents()).toEqual(['Reconcile', 'Import', 'Automatic', 'More▾']);
    await s.sidebar.getByTestId('tab-reconcile').focus();
    await s.page.keyboard.press('ArrowRight');
    await expect.poll(current).toBe('import');
    expect(await s.sidebar.getByTestId('tab-import').getAttribute('aria-selected')).toBe('true');
    expect(await s.sidebar.getByTestId('page-import').isVisible()).toBe(true);
    expect(await s.sidebar.getByTestId('page-reconcile').isHidden()).toBe(true);
    await s.page.keyboard.press('ArrowRight');
    await expect.poll(current).toBe('run');
    await s.page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('tab-more');
    expect(await current()).toBe('run'); // reaching "More" opens nothing by itself
    await s.page.keyboard.press('Enter');
    expect(await s.sidebar.getByTestId('more-menu').isVisible()).toBe(true);
    expect(await s.sidebar.getByTestId('tab-more').getAttribute('aria-expanded')).toBe('true');
    expect(await focused()).toBe('tab-accounting');
    expect(await s.sidebar.locator('[role="menuitemradio"]').allTextContents()).toEqual(['Pre-accounting', 'Rules', 'Bookings', 'Settings', 'Help']);
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-27-nav-more.png');
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('tab-help');
    await s.page.keyboard.press('Enter');
    await expect.poll(current).toBe('help');
    expect(await s.sidebar.getByTestId('more-menu').isHidden()).toBe(true);
    expect(await s.sidebar.getByTestId('tab-more').getAttribute('aria-selected')).toBe('true');
    expect(await s.sidebar.getByTestId('tab-help').getAttribute('aria-checked')).toBe('true');
    expect(await s.sidebar.getByTestId('page-help').getAttribute('aria-labelledby')).toBe('tab-more');
    // Escape closes the menu and gives the focus back to "More".
    await s.page.keyboard.press('ArrowDown');
    expect(await s.sidebar.getByTestId('more-menu').isVisible()).toBe(true);
    await s.page.keyboard.press('Escape');
    expect(await s.sidebar.getByTestId('more-menu').isHidden()).toBe(true);
    expect(await focused()).toBe('tab-more');
    await goToPage(s, 'bookings');
    expect(await s.sidebar.getByTestId('tab-bookings').getAttribute('aria-checked')).toBe('true');
  });

  it('each add-on menu entry opens the sidebar on its own page', async () => {
    for (const [item, page] of [['showSettings', 'settings'], ['showAutoRun', 'run'], ['showSidebar', 'reconcile']] as const) {
      await openFromMenu(s, item);
      await s.sidebar.locator(`body[data-page="${page}"]`).waitFor();
      expect(await s.sidebar.locator('body').getAttribute('data-start-page')).toBe(page);
      expect(await s.sidebar.getByTestId(`page-${page}`).isVisible()).toBe(true);
    }
  });
});

describe('amounts and dates in the user\'s own notation (formatLocale)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession(browser(), 'en_US', { menuItem: 'showImport' });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('an American user gets English texts with month-first dates', async () => {
    await s.sidebar.getByTestId('file-input').setInputFiles(sampleCsv);
    await s.sidebar.getByTestId('preview').waitFor();
    const first = s.sidebar.getByTestId('preview-row').first();
    expect(await first.getByTestId('preview-date').textContent()).toBe('10/01/2026');
    expect(await first.getByTestId('preview-amount').textContent()).toBe('-€2,850.00');
    expect(await s.sidebar.getByTestId('import-button').textContent()).toBe(`Import ${booked.length} transactions`);
  });
});

describe('reconcile in German', () => {
  let s: Session;
  let p: ReturnType<typeof page>;
  beforeAll(async () => {
    s = await openSession(browser(), 'de', { menuItem: 'showImport' });
    p = page(s);
  });
  afterAll(async () => {
    expect(s.pageErrors).toEqual([]);
    await s?.close();
  });

  it('speaks German, writes amounts and dates the German way, and reads amounts typed the German way', async () => {
    await importAndMatch(s);
    expect(await s.sidebar.getByTestId('go-reconcile-button').textContent()).toBe('Umsätze durcharbeiten');
    expect(await s.sidebar.getByTestId('go-run-button').textContent()).toBe('Automatischen Abgleich für diesen Auszug starten');
    await s.sidebar.getByTestId('go-reconcile-button').click();
    await expect.poll(p.counter).toBe(`1 von ${booked.length}, ${booked.length} offen`);
    expect(await s.sidebar.locator('[role="tab"]').allTextContents()).toEqual(['Abgleich', 'Import', 'Automatik', 'Mehr▾']);
    expect(await s.sidebar.getByTestId('reconcile-filter').locator('button').allTextContents()).toEqual(['Offen', 'Erledigt', 'Alle']);
    expect(plain(await s.sidebar.getByTestId('tx-amount').textContent())).toBe('-2.850,00 €');
    expect(await s.sidebar.getByTestId('tx-date').textContent()).toBe('01.10.2026');
    expect(await s.sidebar.getByTestId('tx-direction').textContent()).toBe('↑ Ausgang');
    expect(await s.sidebar.getByTestId('proposal-status').textContent()).toBe('✓ Sicher');
    expect(await s.sidebar.locator('label[for="action-ZA-2026-0071"]').textContent()).toBe('Zahlung ZA-2026-0071 als ausgeführt markieren');
    expect(await p.options('type')).toEqual(['Ausgabe', 'Auslage aus', 'Fremdgeld aus']);
    expect(await p.partField('amount').inputValue()).toBe('2.850,00');
    expect(await s.sidebar.getByTestId('reconcile-book').textContent()).toBe('Buchen');

    await s.sidebar.getByTestId('split-button').click();
    await p.partField('amount', 0).fill('2.000,00');
    await p.partField('amount', 1).fill('12.50');
    expect(await s.sidebar.getByTestId('reconcile-book-reason').textContent()).toBe('Teil 2: „12.50“ ist kein Betrag (z. B. 1.234,56).');
    await p.partField('amount', 1).fill('850');
    expect(plain(await s.sidebar.getByTestId('remaining').textContent())).toBe('Rest: 0,00 €');
    expect(await s.sidebar.getByTestId('reconcile-book-reason').textContent()).toBe('');
    await p.partField('type', 1).selectOption('disbursement-out');
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-28-reconcile-german.png');
    const key = await p.key();
    await p.book();
    expect(plain(await s.sidebar.getByTestId('reconcile-notice-text').textContent())).toBe(
      'Erledigt: ZA-2026-0071 ausgeführt; B-00001 Ausgabe 2.000,00 €; B-00002 Auslage aus 850,00 €.',
    );
    const parts = bookingsOf(s, key);
    expect(parts.map((b) => [b.Type, b.Amount])).toEqual([['expense', -2000], ['disbursement out', -850]]);
  });
});
