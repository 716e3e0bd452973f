/**
 * The PDF report of an automatic run, read back with pdf.js: what a bookkeeper sees on paper must be what the run
 * decided — counts, every transaction with date, amount and counterparty, in German and English, on as many pages as
 * it takes, with text from the bank exactly as the bank wrote it.
 */
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { formatCount, formatDate, formatDateTime, formatMoney } from '../../src/core/report/format';
import { runReportPdf, type RunReport, type RunReportItem } from '../../src/core/report/run-report';
import { coreInBareContext } from '../helpers/bare-core';

const standardFontDataUrl = `${path.resolve(__dirname, '../../node_modules/pdfjs-dist/standard_fonts')}/`;

/**
 * Text items of each page in drawing order (without the blank items pdf.js puts between texts on one line), plus the
 * document title. pdf.js runs without a worker thread in Node.
 */
async function readPdf(bytes: Uint8Array): Promise<{ pages: string[][]; title: unknown }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, isEvalSupported: false }).promise;
  const pages: string[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).filter((s) => s.trim() !== ''));
  }
  const info = (await pdf.getMetadata()).info as Record<string, unknown>;
  await pdf.destroy();
  return { pages, title: info.Title };
}

const item = (overrides: Partial<RunReportItem>): RunReportItem => ({
  bookingDate: '2026-11-02',
  counterpartyName: 'Kunde',
  purpose: 'Rechnung',
  amountMinor: 100,
  currency: 'EUR',
  outcome: 'none',
  reason: 'No invoice number in the purpose',
  bookingIds: [],
  numbers: [],
  ...overrides,
});

const items: RunReportItem[] = [
  item({
    bookingDate: '2026-11-02',
    counterpartyName: 'Müller & Söhne GmbH',
    purpose: 'RE R21-123 (Teilzahlung) \\ Rest folgt',
    amountMinor: 123456,
    outcome: 'booked',
    reason: 'Invoice R21-123 found; amount equals the open item',
    bookingIds: ['B-00012'],
    numbers: ['R21-123'],
  }),
  item({
    bookingDate: '2026-11-03',
    counterpartyName: 'Weiß Immobilien KG',
    purpose: 'Miete 11/2026 „Am Markt“ 100%',
    amountMinor: -9950,
    outcome: 'review',
    reason: 'Two open items of this amount',
    numbers: ['R21-200', 'R21-201'],
  }),
  item({
    bookingDate: '2026-11-04',
    counterpartyName: "O'Brien (UK) \\ Ltd",
    purpose: '<script>alert(1)</script> %PDF-1.4 (',
    amountMinor: 150000,
    currency: 'CHF',
    outcome: 'none',
  }),
  item({
    bookingDate: '2026-11-30',
    counterpartyName: 'Tōkyō Shōji',
    purpose: 'Lizenz',
    amountMinor: 12345,
    currency: 'JPY',
    outcome: 'booked',
    bookingIds: ['B-00013', 'B-00014'],
  }),
];

const report: RunReport = {
  runId: 'R-20261122-1403',
  statement: 'Umsaetze_2026-11.csv, Sparkasse DE12 3456 7890 1234 5678 90, 01.11.2026 – 30.11.2026',
  scope: { kind: 'import', fileName: 'Umsaetze_2026-11.csv' },
  startedAt: '2026-11-22T14:03:00+01:00',
  finishedAt: '2026-11-22T14:04:12+01:00',
  by: 'anna.schmidt@kanzlei.de',
  counts: { total: 2345, booked: 1234, review: 1000, none: 111 },
  items,
};

describe('formatting for the report', () => {
  it('writes amounts the German and the English way, with the currency exponent', () => {
    expect(formatMoney(123456, 'EUR', 'de')).toBe('1.234,56 €');
    expect(formatMoney(123456, 'EUR', 'en')).toBe('€1,234.56');
    expect(formatMoney(-123456789, 'EUR', 'de')).toBe('-1.234.567,89 €');
    expect(formatMoney(-123456789, 'EUR', 'en')).toBe('-€1,234,567.89');
    expect(formatMoney(-5, 'EUR', 'de')).toBe('-0,05 €');
    expect(formatMoney(0, 'EUR', 'en')).toBe('€0.00');
    expect(formatMoney(150000, 'chf', 'de')).toBe('1.500,00 CHF');
    expect(formatMoney(-150000, 'CHF', 'en')).toBe('-CHF 1,500.00');
    expect(formatMoney(1234567, 'JPY', 'de')).toBe('1.234.567 ¥');
    expect(formatMoney(1234567, 'KWD', 'en')).toBe('KWD 1,234.567');
    expect(formatMoney(99, 'GBP', 'en')).toBe('£0.99');
  });

  it('writes counts, dates and wall times as given', () => {
    expect(formatCount(2000, 'de')).toBe('2.000');
    expect(formatCount(1234567, 'en')).toBe('1,234,567');
    expect(formatCount(999, 'de')).toBe('999');
    expect(formatDate('2026-11-22', 'de')).toBe('22.11.2026');
    expect(formatDate('2026-11-22', 'en')).toBe('2026-11-22');
    expect(formatDateTime('2026-11-22T14:03:07+01:00', 'de')).toBe('22.11.2026 14:03:07');
    // No zone conversion: the wall time recorded is the one printed.
    expect(formatDateTime('2026-11-22T23:59:00-10:00', 'en')).toBe('2026-11-22 23:59:00');
    expect(formatDateTime('gestern', 'de')).toBe('gestern');
  });
});

describe('runReportPdf', () => {
  it('German: heading, counts per outcome and every transaction with date, amount and counterparty', async () => {
    const { pages, title } = await readPdf(runReportPdf(report, 'de'));
    expect(title).toBe('Automatischer Abgleich – Bericht R-20261122-1403');
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    expect(text[0]).toBe('Automatischer Abgleich – Bericht');
    for (const [label, value] of [
      ['Kontoauszug', report.statement],
      ['Umfang', 'Umsätze aus der Datei Umsaetze_2026-11.csv'],
      ['Lauf', 'R-20261122-1403'],
      ['Gestartet von', 'anna.schmidt@kanzlei.de'],
      ['Begonnen', '22.11.2026 14:03:00'],
      ['Beendet', '22.11.2026 14:04:12'],
    ]) {
      expect(text[text.indexOf(label!) + 1]).toBe(value);
    }
    // Each box: symbol text ("?" / "!"; the check is drawn), count, label, note.
    const box = (label: string) => text.slice(text.indexOf(label) - 2, text.indexOf(label) + 2);
    expect(box('Automatisch gebucht').slice(1)).toEqual(['1.234', 'Automatisch gebucht', 'eindeutig zugeordnet']);
    expect(box('Von Hand prüfen')).toEqual(['?', '1.000', 'Von Hand prüfen', 'mindestens ein Kriterium nicht erfüllt']);
    expect(box('Kein offener Posten gefunden')).toEqual(['!', '111', 'Kein offener Posten gefunden', 'meist fehlt die Rechnungsnummer']);
    expect(text).toContain('Umsätze insgesamt: 2.345');
    expect(text).toEqual(expect.arrayContaining(['Datum', 'Gegenpartei / Verwendungszweck', 'Betrag', 'Ergebnis']));

    const rows: Array<[string, string, string, string]> = [
      ['02.11.2026', '1.234,56 €', 'Müller & Söhne GmbH', 'Gebucht'],
      ['03.11.2026', '-99,50 €', 'Weiß Immobilien KG', 'Prüfen'],
      ['04.11.2026', '1.500,00 CHF', "O'Brien (UK) \\ Ltd", 'Kein Treffer'],
      ['30.11.2026', '12.345 ¥', 'T?ky? Sh?ji', 'Gebucht'],
    ];
    for (const [date, amount, counterparty, outcome] of rows) {
      const at = text.indexOf(date);
      expect(at, date).toBeGreaterThan(0);
      // Drawing order of a row: date, amount, symbol, counterparty, purpose, outcome, details.
      expect(text.slice(at, at + 2)).toEqual([date, amount]);
      expect(text.slice(at + 2, at + 10)).toContain(counterparty);
      expect(text.slice(at + 2, at + 10)).toContain(outcome);
    }
    // Bank text with PDF syntax characters and markup arrives as written.
    expect(text).toContain('RE R21-123 (Teilzahlung) \\ Rest folgt');
    expect(text).toContain('Miete 11/2026 „Am Markt“ 100%');
    expect(text).toContain('<script>alert(1)</script> %PDF-1.4 (');
    // The reason wraps in the narrow outcome column; its lines follow each other.
    expect(text.join(' ')).toContain('Gebucht Invoice R21-123 found; amount equals the open item Buchung B-00012');
    expect(text).toContain('Buchung B-00012');
    expect(text).toContain('Buchungen B-00013, B-00014');
    expect(text).toContain('Rechnung/Zahlung: R21-200, R21-201');
    expect(text.slice(-2)).toEqual(['Lauf R-20261122-1403', 'Seite 1 von 1']);
  });

  it('English: the same report in English words, dates and amounts', async () => {
    const { pages, title } = await readPdf(runReportPdf({ ...report, scope: { kind: 'open' } }, 'en'));
    expect(title).toBe('Automatic matching – report R-20261122-1403');
    const text = pages[0]!;
    expect(text[0]).toBe('Automatic matching – report');
    expect(text[text.indexOf('Scope') + 1]).toBe('All open transactions');
    expect(text[text.indexOf('Started') + 1]).toBe('2026-11-22 14:03:00');
    expect(text[text.indexOf('Booked automatically') - 1]).toBe('1,234');
    expect(text[text.indexOf('To check by hand') - 1]).toBe('1,000');
    expect(text[text.indexOf('No open item found') - 1]).toBe('111');
    expect(text).toContain('usually no invoice number');
    expect(text).toContain('Transactions in total: 2,345');
    for (const [date, amount] of [
      ['2026-11-02', '€1,234.56'],
      ['2026-11-03', '-€99.50'],
      ['2026-11-04', 'CHF 1,500.00'],
      ['2026-11-30', '¥12,345'],
    ]) {
      expect(text.slice(text.indexOf(date!), text.indexOf(date!) + 2)).toEqual([date, amount]);
    }
    expect(text).toEqual(expect.arrayContaining(['Booked', 'Check', 'No match', 'Booking B-00012', 'Invoice/payment: R21-200, R21-201']));
    expect(text.slice(-2)).toEqual(['Run R-20261122-1403', 'Page 1 of 1']);
  });

  it('2,000 transactions: many pages, each with table header and "Page n of N", no row lost or doubled', async () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      item({
        bookingDate: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        counterpartyName: `Kunde ${String(i).padStart(4, '0')}`,
        purpose: 'Rechnung R21-123 vom 01.11.2026, Kundennummer 4711 '.repeat((i % 4) + 1),
        amountMinor: (i % 2 === 0 ? 1 : -1) * (i * 1013 + 1),
        outcome: (['booked', 'review', 'none'] as const)[i % 3],
        reason: 'Invoice number found in the purpose; amount equals the open item',
        bookingIds: i % 3 === 0 ? [`B-${String(i).padStart(5, '0')}`] : [],
      }),
    );
    const counts = { total: 2000, booked: 667, review: 667, none: 666 };
    const bytes = runReportPdf({ ...report, counts, items: many }, 'en');
    const { pages } = await readPdf(bytes);
    // A row takes 3–5 lines of 10 pt; a page holds about 740 pt of table.
    expect(pages.length).toBeGreaterThan(2000 / 25);
    expect(pages.length).toBeLessThan(2000 / 10);
    pages.forEach((text, i) => {
      expect(text.slice(-2)).toEqual(['Run R-20261122-1403', `Page ${i + 1} of ${pages.length}`]);
      expect(text).toEqual(expect.arrayContaining(['Date', 'Counterparty / purpose', 'Amount', 'Outcome']));
      if (i > 0) expect(text[0]).toBe('Automatic matching – report · R-20261122-1403');
    });
    const names = pages.flat().filter((s) => /^Kunde \d{4}$/.test(s));
    expect(names).toEqual(many.map((m) => m.counterpartyName));
    const amounts = pages.flat().filter((s) => /^-?€[\d,]+\.\d\d$/.test(s));
    expect(amounts).toEqual(many.map((m) => formatMoney(m.amountMinor, 'EUR', 'en')));
    expect(amounts[1]).toBe('-€10.14');
  }, 60_000);

  it('very long purposes are cut to two lines ending in "…"; umlauts and backslashes survive', async () => {
    const long = `Überweisung (Teil 1) C:\\Rechnungen\\ ${'Müßiggang ist aller Laster Anfang – '.repeat(200)}`;
    const { pages } = await readPdf(
      runReportPdf({ ...report, items: [item({ counterpartyName: 'Jörg Weiß', purpose: long, outcome: 'review' })] }, 'de'),
    );
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    const at = text.indexOf('Jörg Weiß');
    expect(text[at + 1]!.startsWith('Überweisung (Teil 1) C:\\Rechnungen\\ Müßiggang')).toBe(true);
    expect(text[at + 2]!.endsWith('…')).toBe(true);
    expect(text[at + 3]).toBe('Prüfen');
  });

  it('a run without transactions gives one page with the summary and a note', async () => {
    const empty = runReportPdf({ ...report, counts: { total: 0, booked: 0, review: 0, none: 0 }, items: [] }, 'de');
    const { pages } = await readPdf(empty);
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    expect(text[text.indexOf('Automatisch gebucht') - 1]).toBe('0');
    expect(text).toContain('Umsätze insgesamt: 0');
    expect(text).toContain('Dieser Lauf hat keine Umsätze bearbeitet.');
    expect(text.slice(-1)).toEqual(['Seite 1 von 1']);
  });

  it('runs where neither Node nor a browser is, and gives the same bytes there', async () => {
    const context = await coreInBareContext(`export { runReportPdf } from './src/core/report/run-report';`);
    context.report = JSON.parse(JSON.stringify(report));
    const bare = vm.runInContext(`Array.from(core.runReportPdf(report, 'de'))`, context) as number[];
    expect(bare).toEqual(Array.from(runReportPdf(report, 'de')));
  });
});
