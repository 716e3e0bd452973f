/**
 * The PDF report of an automatic matching run (Abgleichsbericht): which statement, who started the run and when, how
 * many transactions were booked, left to check by hand or found no open item — then every transaction with its
 * outcome and the matcher's reason. Filed with the run in the Archive, so a bookkeeper or an auditor can see later
 * what the machine decided and why.
 *
 * The three outcomes appear as the symbols bookkeepers know from their accounting programs: a green check (booked
 * automatically), a blue question mark (check by hand: at least one criterion not met), a yellow exclamation mark (no
 * open item found, usually because the purpose names no invoice number). The fonts have no such glyphs, so they are
 * drawn: filled circles, a stroked check, a bold "?" or "!".
 */
import { formatCount, formatDate, formatDateTime, formatMoney, type ReportLanguage } from './format';
import { PdfDocument, type PdfFont, type PdfPage } from './pdf';

export type { ReportLanguage } from './format';

export type RunOutcome = 'booked' | 'review' | 'none';

export interface RunReportItem {
  /** `YYYY-MM-DD`. */
  bookingDate: string;
  counterpartyName: string;
  purpose: string;
  /** Signed, in minor units of `currency`. */
  amountMinor: number;
  /** ISO 4217 code. */
  currency: string;
  outcome: RunOutcome;
  /** The matcher's reason in words (English). */
  reason: string;
  /** Bookings the run made for this transaction, e.g. `B-00012`. */
  bookingIds: string[];
  /** Invoice and payment numbers concerned. */
  numbers: string[];
}

export interface RunReport {
  runId: string;
  /** The statement(s) in words: file name(s), account, period. */
  statement: string;
  /** 'open' = all open transactions; 'import' = one statement file. Shown in words. */
  scope: { kind: 'open' } | { kind: 'import'; fileName: string };
  /** ISO 8601 with offset, e.g. `2026-11-22T14:03:00+01:00`; printed as the wall time given, not converted. */
  startedAt: string;
  /** Same form as `startedAt`; also the PDF's creation date. */
  finishedAt: string;
  /** Who started the run (email). */
  by: string;
  counts: { total: number; booked: number; review: number; none: number };
  items: RunReportItem[];
}

interface Texts {
  title: string;
  statement: string;
  scope: string;
  scopeOpen: string;
  scopeImport: (fileName: string) => string;
  run: string;
  by: string;
  started: string;
  finished: string;
  result: string;
  total: string;
  outcome: Record<RunOutcome, { label: string; note: string; short: string }>;
  columns: { date: string; party: string; amount: string; outcome: string };
  bookings: (count: number) => string;
  numbers: string;
  empty: string;
  page: (page: number, pages: number) => string;
}

const texts: Record<ReportLanguage, Texts> = {
  de: {
    title: 'Automatischer Abgleich – Bericht',
    statement: 'Kontoauszug',
    scope: 'Umfang',
    scopeOpen: 'Alle offenen Umsätze',
    scopeImport: (fileName) => `Umsätze aus der Datei ${fileName}`,
    run: 'Lauf',
    by: 'Gestartet von',
    started: 'Begonnen',
    finished: 'Beendet',
    result: 'Ergebnis',
    total: 'Umsätze insgesamt',
    outcome: {
      booked: { label: 'Automatisch gebucht', note: 'eindeutig zugeordnet', short: 'Gebucht' },
      review: { label: 'Von Hand prüfen', note: 'mindestens ein Kriterium nicht erfüllt', short: 'Prüfen' },
      none: { label: 'Kein offener Posten gefunden', note: 'meist fehlt die Rechnungsnummer', short: 'Kein Treffer' },
    },
    columns: { date: 'Datum', party: 'Gegenpartei / Verwendungszweck', amount: 'Betrag', outcome: 'Ergebnis' },
    bookings: (count) => (count === 1 ? 'Buchung' : 'Buchungen'),
    numbers: 'Rechnung/Zahlung',
    empty: 'Dieser Lauf hat keine Umsätze bearbeitet.',
    page: (page, pages) => `Seite ${page} von ${pages}`,
  },
  en: {
    title: 'Automatic matching – report',
    statement: 'Statement',
    scope: 'Scope',
    scopeOpen: 'All open transactions',
    scopeImport: (fileName) => `Transactions from the file ${fileName}`,
    run: 'Run',
    by: 'Started by',
    started: 'Started',
    finished: 'Finished',
    result: 'Result',
    total: 'Transactions in total',
    outcome: {
      booked: { label: 'Booked automatically', note: 'matched beyond doubt', short: 'Booked' },
      review: { label: 'To check by hand', note: 'at least one criterion not met', short: 'Check' },
      none: { label: 'No open item found', note: 'usually no invoice number', short: 'No match' },
    },
    columns: { date: 'Date', party: 'Counterparty / purpose', amount: 'Amount', outcome: 'Outcome' },
    bookings: (count) => (count === 1 ? 'Booking' : 'Bookings'),
    numbers: 'Invoice/payment',
    empty: 'This run handled no transactions.',
    page: (page, pages) => `Page ${page} of ${pages}`,
  },
};

const colors = {
  text: '#202124',
  muted: '#5f6368',
  rule: '#dadce0',
  headerFill: '#f1f3f4',
  white: '#ffffff',
  outcome: { booked: '#1e8e3e', review: '#1a73e8', none: '#f9ab00' },
  tint: { booked: '#e6f4ea', review: '#e8f0fe', none: '#fef7e0' },
} as const;

// Page geometry in points, origin top-left (see pdf.ts).
const LEFT = 40;
const RIGHT = 595.28 - 40;
const TABLE_BOTTOM = 841.89 - 52;
const FOOTER_RULE = 841.89 - 42;
const FOOTER_BASELINE = 841.89 - 30;

// Table columns and row text.
const col = {
  date: LEFT + 2,
  party: LEFT + 56,
  partyWidth: 192,
  amountRight: 372,
  symbol: 386,
  outcome: 395,
  outcomeWidth: RIGHT - 395 - 2,
};
const ROW_SIZE = 8;
const ROW_LINE = 10;
const HEADER_HEIGHT = 16;

/** The outcome's symbol: a filled circle around (cx, cy) with a white check, a white "?" or a dark "!". */
function drawSymbol(page: PdfPage, outcome: RunOutcome, cx: number, cy: number, r: number): void {
  page.circle(cx, cy, r, { fill: colors.outcome[outcome] });
  if (outcome === 'booked') {
    page.polyline(
      [
        [cx - 0.45 * r, cy + 0.02 * r],
        [cx - 0.12 * r, cy + 0.36 * r],
        [cx + 0.46 * r, cy - 0.34 * r],
      ],
      { width: 0.26 * r, color: colors.white, round: true },
    );
    return;
  }
  const size = 1.45 * r;
  // Helvetica's capitals stand 0.72 em high: a baseline 0.36 em below the centre centres them.
  page.text(cx, cy + 0.36 * size, outcome === 'review' ? '?' : '!', {
    font: 'bold',
    size,
    align: 'center',
    color: outcome === 'review' ? colors.white : colors.text,
  });
}

interface RowLine {
  text: string;
  font: PdfFont;
  color: string;
}

/** Lays out the pages of one report; `y` is the top of the next free space on the current page. */
class ReportWriter {
  readonly doc: PdfDocument;
  private page!: PdfPage;
  private y = 0;

  constructor(
    private readonly report: RunReport,
    private readonly t: Texts,
    private readonly language: ReportLanguage,
  ) {
    this.doc = new PdfDocument({
      title: `${t.title} ${report.runId}`,
      author: report.by,
      subject: report.statement,
      creationDate: report.finishedAt,
    });
  }

  write(): Uint8Array {
    this.page = this.doc.addPage();
    this.y = 40;
    this.heading();
    this.summary();
    this.tableHeader();
    if (this.report.items.length === 0) {
      this.page.text(col.date, this.y + 14, this.t.empty, { size: 9, color: colors.muted });
    }
    for (const item of this.report.items) this.row(item);
    this.footers();
    return this.doc.toBytes();
  }

  private heading(): void {
    const { report, t, language } = this;
    this.page.text(LEFT, this.y + 16, t.title, { font: 'bold', size: 16, color: colors.text });
    this.y += 34;
    const scope = report.scope.kind === 'open' ? t.scopeOpen : t.scopeImport(report.scope.fileName);
    const rows: Array<[string, string]> = [
      [t.statement, report.statement],
      [t.scope, scope],
      [t.run, report.runId],
      [t.by, report.by],
      [t.started, formatDateTime(report.startedAt, language)],
      [t.finished, formatDateTime(report.finishedAt, language)],
    ];
    for (const [label, value] of rows) {
      this.page.text(LEFT, this.y + 9, label, { font: 'bold', size: 9, color: colors.muted });
      const lines = this.doc.wrap(value, RIGHT - LEFT - 95, 'regular', 9, 3);
      lines.forEach((line, i) => this.page.text(LEFT + 95, this.y + 9 + 12 * i, line, { size: 9, color: colors.text }));
      this.y += 12 * Math.max(1, lines.length);
    }
    this.y += 10;
  }

  private summary(): void {
    const { report, t, language, page } = this;
    page.text(LEFT, this.y + 11, t.result, { font: 'bold', size: 11, color: colors.text });
    this.y += 18;
    const gap = 10;
    const width = (RIGHT - LEFT - 2 * gap) / 3;
    const height = 58;
    (['booked', 'review', 'none'] as const).forEach((outcome, i) => {
      const x = LEFT + i * (width + gap);
      const top = this.y;
      const { label, note } = t.outcome[outcome];
      page.rect(x, top, width, height, { fill: colors.tint[outcome] });
      drawSymbol(page, outcome, x + 18, top + 19, 9);
      page.text(x + 34, top + 25, formatCount(report.counts[outcome], language), { font: 'bold', size: 16, color: colors.text });
      const labelLine = this.doc.wrap(label, width - 16, 'bold', 8.5, 1)[0] ?? '';
      page.text(x + 8, top + 41, labelLine, { font: 'bold', size: 8.5, color: colors.text });
      const noteLine = this.doc.wrap(note, width - 16, 'regular', 7.5, 1)[0] ?? '';
      page.text(x + 8, top + 51, noteLine, { size: 7.5, color: colors.muted });
    });
    this.y += height + 14;
    page.text(LEFT, this.y, `${t.total}: ${formatCount(report.counts.total, language)}`, { size: 9, color: colors.text });
    this.y += 14;
  }

  private tableHeader(): void {
    const { page, t } = this;
    page.rect(LEFT, this.y, RIGHT - LEFT, HEADER_HEIGHT, { fill: colors.headerFill });
    const baseline = this.y + 11;
    const style = { font: 'bold', size: ROW_SIZE, color: colors.muted } as const;
    page.text(col.date, baseline, t.columns.date, style);
    page.text(col.party, baseline, t.columns.party, style);
    page.text(col.amountRight, baseline, t.columns.amount, { ...style, align: 'right' });
    page.text(col.outcome - 11, baseline, t.columns.outcome, style);
    this.y += HEADER_HEIGHT;
  }

  private row(item: RunReportItem): void {
    const { doc, t, language } = this;
    const party: RowLine[] = [];
    const name = item.counterpartyName.trim();
    if (name !== '') {
      for (const text of doc.wrap(name, col.partyWidth, 'bold', ROW_SIZE, 1)) {
        party.push({ text, font: 'bold', color: colors.text });
      }
    }
    for (const text of doc.wrap(item.purpose, col.partyWidth, 'regular', ROW_SIZE, name === '' ? 3 : 2)) {
      party.push({ text, font: 'regular', color: colors.text });
    }

    const outcome: RowLine[] = [{ text: t.outcome[item.outcome].short, font: 'bold', color: colors.text }];
    const detail = (text: string, maxLines: number): void => {
      for (const line of doc.wrap(text, col.outcomeWidth, 'regular', ROW_SIZE, maxLines)) {
        outcome.push({ text: line, font: 'regular', color: colors.muted });
      }
    };
    detail(item.reason, 2);
    if (item.bookingIds.length > 0) detail(`${t.bookings(item.bookingIds.length)} ${item.bookingIds.join(', ')}`, 2);
    if (item.numbers.length > 0) detail(`${t.numbers}: ${item.numbers.join(', ')}`, 2);

    const lines = Math.max(1, party.length, outcome.length);
    const height = lines * ROW_LINE + 6;
    if (this.y + height > TABLE_BOTTOM) this.newPage();
    const { page } = this;
    const first = this.y + 3 + ROW_SIZE;
    page.text(col.date, first, formatDate(item.bookingDate, language), { size: ROW_SIZE, color: colors.text });
    page.text(col.amountRight, first, formatMoney(item.amountMinor, item.currency, language), {
      size: ROW_SIZE,
      color: colors.text,
      align: 'right',
    });
    drawSymbol(page, item.outcome, col.symbol, first - 2.9, 4.2);
    const column = (x: number, lines: RowLine[]): void =>
      lines.forEach(({ text, font, color }, i) => page.text(x, first + i * ROW_LINE, text, { font, size: ROW_SIZE, color }));
    column(col.party, party);
    column(col.outcome, outcome);
    this.y += height;
    page.line(LEFT, this.y, RIGHT, this.y, { width: 0.5, color: colors.rule });
  }

  /** A continuation page: the report's title small at the top, then the table header again. */
  private newPage(): void {
    this.page = this.doc.addPage();
    this.page.text(LEFT, 34, `${this.t.title} · ${this.report.runId}`, { size: 8, color: colors.muted });
    this.y = 44;
    this.tableHeader();
  }

  /** Run id and "page n of N" on every page; written last, when N is known. */
  private footers(): void {
    const pages = this.doc.pages;
    pages.forEach((page, i) => {
      page.line(LEFT, FOOTER_RULE, RIGHT, FOOTER_RULE, { width: 0.5, color: colors.rule });
      const style = { size: 8, color: colors.muted } as const;
      page.text(LEFT, FOOTER_BASELINE, `${this.t.run} ${this.report.runId}`, style);
      page.text(RIGHT, FOOTER_BASELINE, this.t.page(i + 1, pages.length), { ...style, align: 'right' });
    });
  }
}

/** The finished PDF file of a run, in German or English. */
export function runReportPdf(report: RunReport, language: ReportLanguage): Uint8Array {
  return new ReportWriter(report, texts[language], language).write();
}
