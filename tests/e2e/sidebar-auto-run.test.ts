/**
 * The automatic run in headless Chromium against the real build: import the October sample statement, match it, run the
 * automatic matching for that file from the sidebar, and compare everything the sidebar says with what the sheets hold —
 * the summary counts with the "Run outcome" column, the bookings with the "Bookings" sheet, the paid invoices and
 * executed payment orders, the details list, the PDF report the playground serves, the "Archive" sheet and the archive list.
 * Then an interrupted run: the execution is killed halfway (the runtime's kill switch), the sidebar shows the error and
 * offers "Continue", and continuing finishes the run with exactly what an uninterrupted run books.
 *
 * The playground runs on a virtual clock (every service call costs some milliseconds), so that a run takes more than one
 * of the server's time slices and the sidebar's continue loop is exercised.
 * Precondition: `npm run build`. Screenshots: artifacts/screenshots/e2e-3x-*.png.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_USER, createRuntime, type LocalRuntime } from '../../local/runtime';
import { sampleWorkbook } from '../../local/sample/workbook';
import { expectNoSidewaysScroll, importAndMatch, openFromMenu, openSession, sampleCsv, root, shot, type Session, sharedBrowser } from './session';

const FILE = path.basename(sampleCsv);
/** Each counted service call moves the bundle's clock this far: a run then needs several time slices. */
const PER_CALL_MS = 250;
type Outcome = 'booked' | 'review' | 'none';
const OUTCOMES: Outcome[] = ['booked', 'review', 'none'];
/**
 * The n-th `Range.setValues` after arming kills the execution. The run's first call writes the bookings, then the paid
 * invoices, then the executed payment orders and the transactions' outcomes: the 5th write dies with the bookings
 * written and no transaction marked yet — the worst moment, where a careless resume would book everything again.
 */
const KILL_AT = 5;
const MATCH_TO_OUTCOME: Record<string, Outcome> = { auto: 'booked', review: 'review', none: 'none' };

const rpcCalls = (s: Session, name: string): number => s.requests.filter((url) => url.endsWith(`/rpc/${name}`)).length;

// ---- what the sheets say ---------------------------------------------------------------------------------------------

interface Books {
  transactions: Array<Record<string, unknown>>;
  bookings: Array<Record<string, unknown>>;
  invoices: Array<Record<string, unknown>>;
  payments: Array<Record<string, unknown>>;
  archive: Array<Record<string, unknown>>;
}

function booksOf(runtime: LocalRuntime): Books {
  const records = (name: string) => {
    const sheet = runtime.spreadsheet.getSheetByName(name);
    if (sheet === null) return [];
    const [header = [], ...rows] = sheet.values();
    return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]])));
  };
  return {
    transactions: records('Transactions'),
    bookings: records('Bookings'),
    invoices: records('Invoices'),
    payments: records('Payments'),
    archive: records('Archive'),
  };
}

const books = (s: Session): Books => booksOf(s.playground.runtime);

function outcomeCounts(transactions: Array<Record<string, unknown>>): Record<Outcome, number> {
  const counts = { booked: 0, review: 0, none: 0 };
  for (const t of transactions) {
    const outcome = String(t['Run outcome'] ?? '') as Outcome;
    if (outcome in counts) counts[outcome] += 1;
  }
  return counts;
}

/** What matching proposed, in outcomes: an `auto` match is what the run books. */
function proposedCounts(transactions: Array<Record<string, unknown>>): Record<Outcome, number> {
  const counts = { booked: 0, review: 0, none: 0 };
  for (const t of transactions) counts[MATCH_TO_OUTCOME[String(t['Match status'])] ?? 'none'] += 1;
  return counts;
}

/** Per transaction (fingerprint): its outcome, its bookings' amounts, the invoices it paid, the orders it executed. */
function trace(b: Books): Record<string, { outcome: string; bookings: number[]; invoices: string[]; payments: string[] }> {
  const out: Record<string, { outcome: string; bookings: number[]; invoices: string[]; payments: string[] }> = {};
  for (const t of b.transactions) {
    const key = String(t.Fingerprint);
    out[key] = {
      outcome: String(t['Run outcome'] ?? ''),
      bookings: b.bookings.filter((x) => x.Transaction === key).map((x) => Number(x.Amount)).sort((x, y) => x - y),
      invoices: b.invoices.filter((i) => i['Paid by transaction'] === key).map((i) => String(i.Number)).sort(),
      payments: b.payments.filter((p) => p['Executed by transaction'] === key).map((p) => String(p.Number)).sort(),
    };
  }
  return out;
}

/** The sheets must agree with themselves: what was booked, paid and executed, and nothing twice. */
function expectConsistentRun(b: Books, runId: string): void {
  const runRows = b.transactions.filter((t) => t['Automatic run'] === runId);
  expect(runRows.length).toBe(b.transactions.length); // every transaction in scope was decided by this run
  expect(runRows.every((t) => OUTCOMES.includes(t['Run outcome'] as Outcome))).toBe(true);
  const booked = new Set(runRows.filter((t) => t['Run outcome'] === 'booked').map((t) => String(t.Fingerprint)));
  const runBookings = b.bookings.filter((x) => x.Source === runId);
  expect(runBookings.length).toBe(b.bookings.length); // only this run books in these tests
  // Each booked transaction has its bookings, nothing else has any, and they add up to the transaction's amount.
  expect(new Set(runBookings.map((x) => String(x.Transaction)))).toEqual(booked);
  for (const t of runRows.filter((r) => booked.has(String(r.Fingerprint)))) {
    const sum = runBookings.filter((x) => x.Transaction === t.Fingerprint).reduce((acc, x) => acc + Math.round(Number(x.Amount) * 100), 0);
    expect(sum).toBe(Math.round(Number(t.Amount) * 100));
    // Money in paid invoices, money out executed payment orders: by this very transaction.
    const settled = Number(t.Amount) > 0
      ? b.invoices.filter((i) => i['Paid by transaction'] === t.Fingerprint && i.Status === 'paid')
      : b.payments.filter((p) => p['Executed by transaction'] === t.Fingerprint && p.Status === 'executed');
    expect(settled.length, `${String(t.Purpose)} settled nothing`).toBeGreaterThan(0);
  }
  // Booking numbers are unique; no invoice or order was settled by a transaction that was not booked.
  expect(new Set(runBookings.map((x) => x.Booking)).size).toBe(runBookings.length);
  expect(b.invoices.filter((i) => String(i['Paid by transaction'] ?? '') !== '').every((i) => booked.has(String(i['Paid by transaction'])))).toBe(true);
  expect(b.payments.filter((p) => String(p['Executed by transaction'] ?? '') !== '').every((p) => booked.has(String(p['Executed by transaction'])))).toBe(true);
}

async function summaryCount(s: Session, outcome: Outcome): Promise<number> {
  return Number((await s.sidebar.getByTestId(`summary-${outcome}-value`).textContent())?.replace(/\D/g, ''));
}

/** Import and match the October statement from the sidebar's import page; the result offers the run for this file. */
async function importAndMatchFromMenu(s: Session): Promise<void> {
  await openFromMenu(s, 'showImport');
  await importAndMatch(s);
}

const browser = sharedBrowser();

describe('automatic run for the statement just imported (English)', () => {
  let s: Session;
  let proposed: Record<Outcome, number>;
  let runId = '';

  beforeAll(async () => {
    s = await openSession(browser(), 'en', { openSidebar: false, clock: { perCallMs: PER_CALL_MS } });
  });
  afterAll(async () => {
    expect(s.pageErrors).toEqual([]);
    expect(s.dialogs).toEqual([]);
    await s?.close();
  });

  it('offers the run for the file just imported, preselected', async () => {
    await importAndMatchFromMenu(s);
    proposed = proposedCounts(books(s).transactions);
    // The sample October statement: 13 sure matches, 2 to check, 7 without an open item (the matcher's own tests).
    expect(proposed).toEqual({ booked: 13, review: 2, none: 7 });
    await s.sidebar.getByTestId('go-run-button').click();
    await s.sidebar.locator('[data-testid="run-body"][data-view="choice"]').waitFor();
    expect(await s.sidebar.locator('body').getAttribute('data-page')).toBe('run');
    const file = s.sidebar.locator(`[data-testid="scope-file"][data-file="${FILE}"]`);
    expect(await file.locator('input').isChecked()).toBe(true);
    expect(await file.textContent()).toBe(`${FILE} (${books(s).transactions.length} open)`);
    expect(await s.sidebar.getByTestId('scope-open').locator('input').isChecked()).toBe(false);
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-30-run-choice.png');
  });

  it('runs slice after slice to the end; the summary counts are what the sheets say', async () => {
    const continuesBefore = rpcCalls(s, 'continueAutoRun');
    await s.sidebar.getByTestId('run-start').click();
    await s.sidebar.locator('[data-testid="run-body"][data-view="summary"]').waitFor({ timeout: 60_000 });
    runId = (await s.sidebar.getByTestId('run-summary').getAttribute('data-run')) ?? '';
    expect(runId).not.toBe('');
    // More than one time slice: the sidebar went on with continueAutoRun by itself.
    expect(rpcCalls(s, 'continueAutoRun') - continuesBefore).toBeGreaterThan(0);

    const b = books(s);
    const inSheet = outcomeCounts(b.transactions);
    expect(inSheet).toEqual(proposed);
    for (const o of OUTCOMES) expect(await summaryCount(s, o)).toBe(inSheet[o]);
    expect(await s.sidebar.getByTestId('summary-total').textContent()).toBe(String(b.transactions.length));
    expectConsistentRun(b, runId);

    expect(await s.sidebar.getByTestId('summary-booked').textContent()).toContain('booked automatically');
    expect(await s.sidebar.getByTestId('summary-review').textContent()).toContain('to check by hand');
    expect(await s.sidebar.getByTestId('summary-none').textContent()).toContain('no open item found (usually no invoice number)');
    expect(await s.sidebar.getByTestId('summary-statement').textContent()).toContain(FILE);
    expect(await s.sidebar.getByTestId('summary-by').textContent()).toBe(DEFAULT_USER);
    // Started/finished as the locale writes date and time (en-GB: 03/11/2026, 09:00).
    expect(await s.sidebar.getByTestId('summary-finished').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4},? \d{2}:\d{2}$/);
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-31-run-summary.png');
  });

  it('links the PDF report the playground serves, in a new tab', async () => {
    const link = s.sidebar.getByTestId('run-report-link');
    expect(await link.textContent()).toBe('Report (PDF)');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    const href = (await link.getAttribute('href')) ?? '';
    expect(new URL(href, s.playground.url).origin).toBe(new URL(s.playground.url).origin);
    const response = await fetch(new URL(href, s.playground.url));
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(s.playground.runtime.drive.files().some((f) => href.includes(f.id))).toBe(true);
  });

  it('"Details" lists every transaction with its outcome; clicking one shows its invoice\'s key data', async () => {
    await s.sidebar.getByTestId('run-details-button').click();
    await s.sidebar.getByTestId('run-details').waitFor();
    const b = books(s);
    const items = s.sidebar.getByTestId('detail-item');
    expect(await items.count()).toBe(b.transactions.length);
    const shown = await items.evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-key'), li.getAttribute('data-outcome')]));
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(b.transactions.map((t) => [String(t.Fingerprint), String(t['Run outcome'])])));

    // A booked payment of one invoice: its key data.
    const paid = b.invoices.find((i) => i.Number === 'RE-2026-0138')!;
    const key = String(paid['Paid by transaction']);
    expect(key).not.toBe('');
    const item = s.sidebar.locator(`[data-testid="detail-item"][data-key="${key}"]`);
    expect(await item.getAttribute('data-outcome')).toBe('booked');
    const transaction = b.transactions.find((t) => t.Fingerprint === key)!;
    expect(await item.getByTestId('detail-purpose').textContent()).toBe(String(transaction.Purpose));
    expect(await item.getByTestId('detail-amount').textContent()).toBe('€4,165.00');
    expect(await item.getByTestId('detail-date').textContent()).toMatch(/^\d{2}\/10\/2026$/);
    expect(await item.getByTestId('detail-panel').isHidden()).toBe(true);
    await item.getByTestId('detail-toggle').click();
    expect(await item.getByTestId('detail-toggle').getAttribute('aria-expanded')).toBe('true');
    const invoice = item.locator('[data-testid="detail-invoice"][data-number="RE-2026-0138"]');
    await invoice.waitFor();
    const data = await invoice.getByTestId('invoice-data').textContent();
    for (const text of ['RE-2026-0138', '18/09/2026', '02/10/2026', String(paid.Contact), '00012/26', '€4,165.00', 'paid']) expect(data).toContain(text);
    const bookingIds = b.bookings.filter((x) => x.Transaction === key).map((x) => String(x.Booking));
    expect(await item.getByTestId('detail-bookings').textContent()).toBe(`Bookings: ${bookingIds.join(', ')}`);

    // One without an open item says why, and has no key data; the bank's "=…" purpose is shown as text.
    const formula = b.transactions.find((t) => String(t.Purpose).startsWith('='));
    expect(formula).toBeDefined();
    const formulaRow = s.sidebar.locator(`[data-testid="detail-item"][data-key="${String(formula!.Fingerprint)}"]`);
    expect(await formulaRow.getByTestId('detail-purpose').textContent()).toBe(String(formula!.Purpose));
    const none = b.transactions.find((t) => t['Run outcome'] === 'none')!;
    const noneItem = s.sidebar.locator(`[data-testid="detail-item"][data-key="${String(none.Fingerprint)}"]`);
    expect((await noneItem.getByTestId('detail-reason').textContent())?.startsWith('no open item: ')).toBe(true);
    const review = b.transactions.find((t) => t['Run outcome'] === 'review')!;
    const reviewItem = s.sidebar.locator(`[data-testid="detail-item"][data-key="${String(review.Fingerprint)}"]`);
    expect((await reviewItem.getByTestId('detail-reason').textContent())?.length).toBeGreaterThan('to check: '.length);
    await expectNoSidewaysScroll(s);
    await item.scrollIntoViewIfNeeded();
    await shot(s.frame, 'e2e-32-run-details.png');
  });

  it('keeps the run in the "Archive" sheet, and the sidebar\'s archive lists it', async () => {
    const archive = books(s).archive;
    expect(archive).toHaveLength(1);
    const row = archive[0]!;
    const counts = outcomeCounts(books(s).transactions);
    expect(row).toEqual(
      expect.objectContaining({ Run: runId, Transactions: books(s).transactions.length, Booked: counts.booked, 'To check': counts.review, 'No match': counts.none }),
    );
    expect(String(row.Statement)).toContain(FILE);
    const href = await s.sidebar.getByTestId('run-report-link').getAttribute('href');
    expect(row.Report).toBe(href);

    await s.sidebar.getByTestId('archive-button').click();
    const entry = s.sidebar.locator(`[data-testid="archive-item"][data-run="${runId}"]`);
    await entry.waitFor();
    expect(await s.sidebar.getByTestId('archive-item').count()).toBe(1);
    expect(await entry.getByTestId('archive-statement').textContent()).toBe(String(row.Statement));
    for (const o of OUTCOMES) expect(await entry.getByTestId(`archive-${o}-value`).textContent()).toBe(String(counts[o]));
    expect(await entry.getByTestId('archive-by').textContent()).toBe(`Run by: ${String(row['Run by'])}`);
    expect(await entry.getByTestId('archive-report-link').getAttribute('href')).toBe(href);
    expect(await entry.getByTestId('archive-report-link').getAttribute('target')).toBe('_blank');
    await entry.scrollIntoViewIfNeeded();
    await shot(s.frame, 'e2e-33-run-archive.png');

    // "Details" of the archived run: its summary again, with the list open.
    await s.sidebar.getByTestId('run-new').click();
    await s.sidebar.locator('[data-testid="run-body"][data-view="choice"]').waitFor();
    await entry.getByTestId('archive-details').click();
    await s.sidebar.locator(`[data-testid="run-summary"][data-run="${runId}"]`).waitFor();
    await s.sidebar.getByTestId('run-details').waitFor();
    expect(await s.sidebar.getByTestId('detail-item').count()).toBe(books(s).transactions.length);
    for (const o of OUTCOMES) expect(await summaryCount(s, o)).toBe(counts[o]);
  });

  it('opened from the menu with nothing left open, it offers all open transactions and no file', async () => {
    await openFromMenu(s, 'showAutoRun');
    await s.sidebar.locator('[data-testid="run-body"][data-view="choice"]').waitFor();
    // The file's review and no-match transactions are still open (nobody processed them): the file is offered again.
    const open = books(s).transactions.filter((t) => t['Run outcome'] !== 'booked').length;
    const files = s.sidebar.getByTestId('scope-file');
    expect(await files.count()).toBe(1);
    expect(await files.textContent()).toBe(`${FILE} (${open} open)`);
    expect(await s.sidebar.getByTestId('scope-open').locator('input').isChecked()).toBe(true);
  });
});

/** The same import, match and run without interruption, in the runtime alone: what an interrupted run must end with. */
function referenceRun(): ReturnType<typeof trace> {
  const runtime = createRuntime({ bundleDir: path.join(root, 'dist'), workbook: sampleWorkbook(), userLocale: 'de', clock: { perCallMs: PER_CALL_MS } });
  const contentBase64 = readFileSync(sampleCsv).toString('base64');
  runtime.call('importStatement', { fileName: FILE, contentBase64, importGoodRows: false });
  runtime.call('matchTransactions', {});
  let status = runtime.call('startAutoRun', { scope: { kind: 'import', fileName: FILE } }) as { runId: string; state: string };
  for (let i = 0; status.state === 'running' && i < 100; i++) status = runtime.call('continueAutoRun', { runId: status.runId }) as typeof status;
  expect(status.state).toBe('finished');
  return trace(booksOf(runtime));
}

describe('an interrupted run continues where it stopped (German)', () => {
  let s: Session;
  let reference: ReturnType<typeof trace>;

  beforeAll(async () => {
    reference = referenceRun();
    s = await openSession(browser(), 'de', { openSidebar: false, clock: { perCallMs: PER_CALL_MS } });
  });
  afterAll(async () => {
    expect(s.pageErrors).toEqual([]);
    expect(s.dialogs).toEqual([]);
    await s?.close();
  });

  it('dies halfway — bookings written, transactions not yet marked: the sidebar shows the error and offers "Fortsetzen"', async () => {
    await importAndMatchFromMenu(s);
    const total = books(s).transactions.length;
    await openFromMenu(s, 'showAutoRun');
    await s.sidebar.locator('[data-testid="run-body"][data-view="choice"]').waitFor();
    expect(await s.sidebar.getByTestId('run-start').textContent()).toBe('Automatischen Abgleich starten');
    await s.sidebar.locator(`[data-testid="scope-file"][data-file="${FILE}"] input`).check();
    // The execution dies at its KILL_AT-th cell write.
    s.playground.runtime.killAfter(KILL_AT, (key) => key === 'Range.setValues');
    await s.sidebar.getByTestId('run-start').click();
    await s.sidebar.locator('[data-testid="run-body"][data-view="stopped"]').waitFor({ timeout: 60_000 });
    expect(await s.sidebar.getByTestId('error-box').isVisible()).toBe(true);
    expect(await s.sidebar.getByTestId('error-message').textContent()).toContain('Exceeded maximum execution time');
    expect(await s.sidebar.getByTestId('run-stopped').textContent()).toContain('nichts wird doppelt gebucht');
    expect(await s.sidebar.getByTestId('run-continue').textContent()).toBe('Fortsetzen');
    expect(await s.sidebar.getByTestId('run-continue').isEnabled()).toBe(true);
    // Halfway indeed: bookings and paid invoices are written, but not every transaction has its outcome, and the run has
    // no archive row (it is not finished).
    const b = books(s);
    expect(b.bookings.length).toBeGreaterThan(0);
    expect(b.invoices.some((i) => String(i['Paid by transaction'] ?? '') !== '')).toBe(true);
    const decided = b.transactions.filter((t) => String(t['Run outcome'] ?? '') !== '').length;
    expect(decided).toBeLessThan(total);
    expect(b.archive).toEqual([]);
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-34-run-interrupted.png');
  });

  it('"Fortsetzen" after a second kill stops again without doubling anything; opened anew, the run is offered as unfinished', async () => {
    const bookingsBefore = books(s).bookings.length;
    const asked = rpcCalls(s, 'getAutoRun');
    // The first call died before it answered: the sidebar asks the server for the unfinished run, then continues it.
    s.playground.runtime.killAfter(2, (key) => key === 'Range.setValues');
    await s.sidebar.getByTestId('run-continue').click();
    await expect.poll(() => rpcCalls(s, 'continueAutoRun')).toBeGreaterThan(0);
    await s.sidebar.locator('[data-testid="run-body"][data-view="stopped"]').waitFor({ timeout: 60_000 });
    expect(rpcCalls(s, 'getAutoRun')).toBe(asked + 1);
    expect(await s.sidebar.getByTestId('error-message').textContent()).toContain('Exceeded maximum execution time');
    expect(books(s).bookings.length).toBe(bookingsBefore);

    await openFromMenu(s, 'showAutoRun');
    await s.sidebar.locator('[data-testid="run-body"][data-view="unfinished"]').waitFor();
    expect(await s.sidebar.getByTestId('run-unfinished').textContent()).toContain('Ein Lauf ist nicht abgeschlossen');
    expect(await s.sidebar.getByTestId('run-unfinished').textContent()).toContain(`Gestartet von ${DEFAULT_USER}`);
    expect(await s.sidebar.getByTestId('run-progress-statement').textContent()).toContain(FILE);
    expect(await s.sidebar.getByTestId('run-continue').textContent()).toBe('Fortsetzen');
    await expectNoSidewaysScroll(s);
    await shot(s.frame, 'e2e-35-run-unfinished.png');
  });

  it('"Fortsetzen" finishes it: nothing booked twice, nothing lost — the same books as an uninterrupted run', async () => {
    await s.sidebar.getByTestId('run-continue').click();
    await s.sidebar.locator('[data-testid="run-body"][data-view="summary"]').waitFor({ timeout: 60_000 });
    expect(await s.sidebar.getByTestId('error-box').isHidden()).toBe(true);
    const runId = (await s.sidebar.getByTestId('run-summary').getAttribute('data-run')) ?? '';
    const b = books(s);
    expectConsistentRun(b, runId);
    // Every transaction of the file has an outcome, each booked once: exactly what the run without interruption did.
    const actual = trace(b);
    expect(Object.keys(actual).sort()).toEqual(Object.keys(reference).sort());
    expect(actual).toEqual(reference);
    const counts = outcomeCounts(b.transactions);
    expect(counts).toEqual(proposedCounts(b.transactions));
    for (const o of OUTCOMES) expect(await summaryCount(s, o)).toBe(counts[o]);
    expect(await s.sidebar.getByTestId('summary-booked').textContent()).toContain('automatisch ausgebucht');
    expect(await s.sidebar.getByTestId('summary-review').textContent()).toContain('manuell zu prüfen');
    expect(await s.sidebar.getByTestId('summary-none').textContent()).toContain('kein offener Posten gefunden');
    expect(await s.sidebar.getByTestId('run-report-link').textContent()).toBe('Bericht (PDF)');
    // One archive row, for the one run.
    expect(b.archive.map((r) => r.Run)).toEqual([runId]);
    await shot(s.frame, 'e2e-36-run-continued.png');
  });
});
