/**
 * Two people in one spreadsheet at once: two playgrounds share one workbook (as two browsers share one Google Sheet),
 * each with its own user and sidebar. Both open the same transaction; Anna books it; Ben, whose sidebar still shows it
 * open, presses Book too — and is refused with Anna's name and time, and nothing is booked twice.
 * Precondition: `npm run build` (npm test runs it first). Screenshots go to artifacts/screenshots/.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkbook } from '../../local/runtime/index';
import { october2026 } from '../../local/sample/statement';
import { sampleWorkbook } from '../../local/sample/workbook';
import { importAndMatch, launch, openFromMenu, openSession, requireBuild, sheetRecords, shot, type Session } from './session';

const booked = october2026.filter((l) => l.info !== 'Umsatz vorgemerkt');
const ANNA = 'anna.berger@kanzlei-berger.example';
const BEN = 'ben.krause@kanzlei-berger.example';
const PURPOSE = booked.find((l) => l.purpose.startsWith('RE-2026-0138'))!.purpose;

describe('two sessions in one workbook', () => {
  let browser: Browser;
  let anna: Session;
  let ben: Session;

  beforeAll(async () => {
    requireBuild();
    browser = await launch();
    const workbook = createWorkbook(sampleWorkbook());
    anna = await openSession(browser, 'en', { workbook, user: ANNA, menuItem: 'showImport' });
    ben = await openSession(browser, 'en', { workbook, user: BEN, openSidebar: false });
  });

  afterAll(async () => {
    expect(anna?.pageErrors).toEqual([]);
    expect(ben?.pageErrors).toEqual([]);
    await anna?.close();
    await ben?.close();
    await browser?.close();
  });

  const counter = (s: Session) => s.sidebar.getByTestId('reconcile-counter').textContent();

  /** Steps to the RE-2026-0138 payment (second in the sheet) on one user's reconcile page. */
  async function openRe0138(s: Session): Promise<string> {
    await expect.poll(() => counter(s)).toBe(`1 of ${booked.length}, ${booked.length} open`);
    await s.sidebar.getByTestId('reconcile-next').click();
    await expect.poll(() => counter(s)).toBe(`2 of ${booked.length}, ${booked.length} open`);
    expect(await s.sidebar.getByTestId('tx-purpose').textContent()).toBe(PURPOSE);
    return (await s.sidebar.getByTestId('reconcile-transaction').getAttribute('data-key')) ?? '';
  }

  it('both open the same transaction; Anna books it; Ben is refused with her name and time; nothing is booked twice', async () => {
    // Anna imports and matches; Ben opens his sidebar on the same spreadsheet afterwards and sees her transactions.
    await importAndMatch(anna);
    await anna.sidebar.getByTestId('go-reconcile-button').click();
    await openFromMenu(ben, 'showSidebar');
    await ben.sidebar.locator('body[data-ready="true"]').waitFor({ timeout: 15_000 });
    expect(await ben.sidebar.getByTestId('user').textContent()).toBe(`Signed in as ${BEN}`);

    const key = await openRe0138(anna);
    expect(await openRe0138(ben)).toBe(key);
    // Both see it open, with the proposal ready to book.
    for (const s of [anna, ben]) {
      expect(await s.sidebar.locator('[data-testid="action-invoice"][data-number="RE-2026-0138"]').isChecked()).toBe(true);
      expect(await s.sidebar.getByTestId('reconcile-book').isEnabled()).toBe(true);
    }

    await anna.sidebar.getByTestId('reconcile-book').click();
    await expect.poll(() => anna.sidebar.getByTestId('reconcile-notice-text').textContent()).toMatch(/^Processed: RE-2026-0138 paid; B-00001 Income/);
    await shot(anna.frame, 'e2e-29-two-sessions-booked-by-anna.png');

    // Ben's sidebar still shows the transaction open: his Book reaches the server, which refuses it.
    expect(await ben.sidebar.getByTestId('reconcile-processed').count()).toBe(0);
    await ben.sidebar.getByTestId('reconcile-book').click();
    const notice = ben.sidebar.getByTestId('reconcile-notice-text');
    await expect.poll(() => notice.textContent()).toMatch(/^Already processed by /);
    const at = sheetRecords(anna, 'Transactions').find((r) => r.Fingerprint === key)!['Processed at'] as Date;
    const when = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(at);
    expect(await notice.textContent()).toBe(`Already processed by ${ANNA} on ${when}. Nothing was booked.`);
    // … and shows it as processed now: by Anna, with search and Book disabled.
    await expect.poll(() => ben.sidebar.getByTestId('reconcile-processed-by').textContent()).toBe(`✓ Processed by ${ANNA} on ${when}`);
    expect(await ben.sidebar.getByTestId('reconcile-book').isDisabled()).toBe(true);
    expect(await ben.sidebar.getByTestId('reconcile-search').isDisabled()).toBe(true);
    await shot(ben.frame, 'e2e-29b-two-sessions-refused-for-ben.png');
    // It has left Ben's list of open transactions; "next" goes on to the one after it.
    expect(await counter(ben)).toBe(`– of ${booked.length - 1}, ${booked.length - 1} open`);
    await ben.sidebar.getByTestId('reconcile-next').click();
    await expect.poll(() => counter(ben)).toBe(`2 of ${booked.length - 1}, ${booked.length - 1} open`);
    expect(await ben.sidebar.getByTestId('tx-purpose').textContent()).toBe(booked[2]!.purpose);

    // One workbook, one booking, one payment of the invoice, one log entry — all Anna's.
    const bookings = sheetRecords(anna, 'Bookings').filter((b) => b.Transaction === key);
    expect(bookings).toEqual([expect.objectContaining({ Booking: 'B-00001', Invoice: 'RE-2026-0138', Amount: 4165, 'Created by': ANNA })]);
    expect(sheetRecords(ben, 'Bookings')).toHaveLength(1);
    expect(sheetRecords(anna, 'Invoices').filter((i) => i['Paid by transaction'] === key)).toEqual([
      expect.objectContaining({ Number: 'RE-2026-0138', Status: 'paid' }),
    ]);
    expect(sheetRecords(anna, 'Log').filter((e) => e.Transaction === key)).toEqual([expect.objectContaining({ By: ANNA, Action: 'reconcile' })]);
    expect(sheetRecords(anna, 'Transactions').find((r) => r.Fingerprint === key)!['Processed by']).toBe(ANNA);
  });
});
