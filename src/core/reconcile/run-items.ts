/**
 * A run's transactions as its summary, "Details" and PDF report show them: every row whose `Automatic run` is the run's
 * id, with its outcome, the reason (the `Match reason` the run wrote), the bookings the run made for it and the invoice
 * or payment order numbers it concerns. All of it is read back from the sheets, so a finished run can be shown again.
 */
import type { RunReport, RunReportItem } from '../report/run-report';
import { isRunOutcome, type RunOutcome } from '../tables/reconcile-columns';
import type { Books } from './books';
import type { RunScope } from './run-statement';

export interface RunItem extends RunReportItem {
  key: string;
  row: number;
}

export interface RunCounts {
  total: number;
  done: number;
  booked: number;
  review: number;
  none: number;
}

/** Cells of the match columns the records do not carry. */
export interface MatchTexts {
  matchReason: string;
  matchNumbers: string;
}

/** Several numbers share one cell, separated by `, ` (see match-columns.ts). */
export function splitNumbers(cell: string): string[] {
  return cell.split(/\s*[,;]\s*/).map((n) => n.trim()).filter((n) => n !== '');
}

export function runItems(books: Books, runId: string, textsOf: (row: number) => MatchTexts): RunItem[] {
  const bookingIds = new Map<string, string[]>();
  for (const b of books.bookings) {
    if (b.source !== runId || b.transaction === '') continue;
    bookingIds.set(b.transaction, [...(bookingIds.get(b.transaction) ?? []), b.id]);
  }
  const items: RunItem[] = [];
  for (const t of books.transactions) {
    if (t.autoRun !== runId || !isRunOutcome(t.runOutcome)) continue;
    const texts = textsOf(t.row);
    items.push({
      key: t.key,
      row: t.row,
      bookingDate: t.bookingDate,
      counterpartyName: t.counterpartyName,
      purpose: t.purpose,
      amountMinor: t.amountMinor,
      currency: t.currency,
      outcome: t.runOutcome,
      reason: texts.matchReason,
      bookingIds: bookingIds.get(t.key) ?? [],
      numbers: splitNumbers(texts.matchNumbers),
    });
  }
  return items;
}

/** Counts of outcomes; `remaining` transactions still to decide make up the total with those decided. */
export function countOutcomes(outcomes: Iterable<string>, remaining: number): RunCounts {
  const counts: Record<RunOutcome, number> = { booked: 0, review: 0, none: 0 };
  for (const outcome of outcomes) if (isRunOutcome(outcome)) counts[outcome]++;
  const done = counts.booked + counts.review + counts.none;
  return { total: done + remaining, done, ...counts };
}

export interface RunFacts {
  runId: string;
  statement: string;
  scope: RunScope;
  startedAt: string;
  finishedAt: string;
  by: string;
}

/** The PDF report's content: the run's facts, its counts and every transaction in sheet order. */
export function runReportOf(facts: RunFacts, items: readonly RunItem[]): RunReport {
  const counts = countOutcomes(items.map((i) => i.outcome), 0);
  return {
    ...facts,
    counts: { total: counts.total, booked: counts.booked, review: counts.review, none: counts.none },
    items: items.map(({ key: _key, row: _row, ...item }) => item),
  };
}
