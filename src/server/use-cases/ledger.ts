/**
 * Writes reconciliation plans into the sheets, in whole ranges: the new bookings in one append, then per table one block
 * of the changed columns over the changed rows, then the transactions' processed marks, then the log.
 *
 * The order is the safety net for an execution that dies halfway (the 6-minute limit, a lost connection): a booking is
 * written before anything that says "done", and the core counts a transaction with a booking as processed
 * (`processedTrace`), so a retry never books it twice; what is missing afterwards (an invoice still open, a row not
 * marked) is completed by the retry or shown to the user.
 */
import { ACCOUNTING_FIELDS, formatPrefilled, type AccountingField, type Prefilled } from '../../core/accounting/fields';
import { toSerialDay } from '../../core/calendar/date';
import { minorToDecimal } from '../../core/money/currency';
import type { ReconcilePlan } from '../../core/reconcile/plan';
import type { UndoPlan } from '../../core/reconcile/undo';
import { BOOKING_TYPE_WORDS } from '../../core/tables/booking-types';
import { accountingCells, bookingsTable, type BookingRow } from '../../core/tables/bookings';
import { logTable, type LogAction } from '../../core/tables/log';
import { numberFormatFor } from '../../core/tables/table';
import type { CellValue } from '../platform/apps-script-api';
import type { OpenBooks, SheetState } from './books';

/** Cell changes of one table: per sheet row, per column key, the value to write (already in cell form). */
export type CellChanges = Map<number, Record<string, unknown>>;

const dateCell = (iso: string | null): CellValue => (iso === null || iso === '' ? '' : toSerialDay(iso));

/** Who acts and when: `at` is the platform's own instant (a Date in Apps Script), written as it is. */
export interface Stamp {
  by: string;
  at: Date;
}

function add(changes: CellChanges, row: number, values: Record<string, unknown>): void {
  changes.set(row, { ...(changes.get(row) ?? {}), ...values });
}

const NO_ROWS: ReadonlySet<number> = new Set();

/** Changed rows in runs that no unchanged locked row interrupts: each run can be written as one block. */
export function lockSafeRuns(changed: readonly number[], locked: ReadonlySet<number>): number[][] {
  const rows = [...new Set(changed)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const row of rows) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    let blocked = previous === undefined;
    for (let r = (previous ?? row) + 1; r < row && !blocked; r++) blocked = locked.has(r);
    if (blocked || run === undefined) runs.push([row]);
    else run.push(row);
  }
  return runs;
}

/** Adjacent sheet columns form one block to write; a column a user moved away makes a second block. */
export function blocksOf(positions: number[]): number[][] {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const blocks: number[][] = [];
  for (const p of sorted) {
    const last = blocks[blocks.length - 1];
    if (last !== undefined && last[last.length - 1] === p - 1) last.push(p);
    else blocks.push([p]);
  }
  return blocks;
}

/**
 * Writes `changes` into the sheet: per block of adjacent changed columns one format call and one value call over the rows
 * from the first to the last changed row; rows in between keep the values read (`state.values`), which are updated too,
 * so that a later write in the same execution sees them.
 */
export function writeChanges(state: SheetState, changes: CellChanges, locale: string, locked: ReadonlySet<number> = NO_ROWS): void {
  if (changes.size === 0 || state.sheet === null) return;
  // A locked row (an exported booking, protected against other users) that is not itself changed must not be rewritten
  // "as read": for a user who is not an editor of its protection, that write fails like typing into it would.
  if (locked.size > 0) {
    for (const rows of lockSafeRuns([...changes.keys()], locked)) writeChanges(state, new Map(rows.map((r) => [r, changes.get(r)!])), locale);
    return;
  }
  const keys = new Set<string>();
  for (const values of changes.values()) for (const key of Object.keys(values)) keys.add(key);
  const positions = [...keys].map((key) => {
    const at = state.columns[key] ?? -1;
    if (at < 0) throw new Error(`The ${state.spec.sheetName} sheet has no column "${state.spec.columns.find((c) => c.key === key)?.header ?? key}".`);
    return at;
  });
  const rows = [...changes.keys()];
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const keyAt = new Map(positions.map((p, i) => [p, [...keys][i]!]));
  // Columns of our own table between changed ones join the block, written back as read: one table, one write, so an
  // execution cannot die between "Status" and "Executed on" of a payment order. A user's own column in between is
  // never rewritten (it may hold formulas): it splits the block instead.
  for (const column of state.spec.columns) {
    const at = state.columns[column.key] ?? -1;
    if (at > Math.min(...positions) && at < Math.max(...positions) && !keyAt.has(at)) keyAt.set(at, column.key);
  }
  for (const block of blocksOf([...keyAt.keys()])) {
    const formats = block.map((p) => numberFormatFor(state.spec.columns.find((c) => c.key === keyAt.get(p))!.kind, locale));
    const values = Array.from({ length: last - first + 1 }, (_, i) => {
      const row = first + i;
      const change = changes.get(row);
      return block.map((p) => {
        const key = keyAt.get(p)!;
        const current = state.values[row - 1]?.[p] ?? '';
        return change !== undefined && key in change ? (change[key] as CellValue) : current;
      });
    });
    const range = state.sheet.getRange(first, block[0]! + 1, values.length, block.length);
    // Formats first: the texts quote the bank, and a text cell must be plain text before the value arrives.
    range.setNumberFormats(values.map(() => formats));
    range.setValues(values);
    values.forEach((row, i) => {
      const target = state.values[first + i - 1];
      if (target !== undefined) block.forEach((p, j) => (target[p] = row[j]!));
    });
  }
}

export function bookingRecord(b: BookingRow, at: Date): Record<string, unknown> {
  return {
    id: b.id,
    date: dateCell(b.date),
    type: BOOKING_TYPE_WORDS[b.type],
    amount: minorToDecimal(b.amountMinor, b.currency),
    currency: b.currency,
    description: b.description,
    ...accountingCells(b.accounting),
    taxAmount: b.taxAmountMinor === null ? '' : minorToDecimal(b.taxAmountMinor, b.currency),
    prefilled: formatPrefilled(b.prefilled),
    case: b.case,
    contact: b.contact,
    invoice: b.invoice,
    payment: b.payment,
    transaction: b.transaction,
    createdAt: at,
    createdBy: b.createdBy,
    source: b.source,
  };
}

/** Extra cells of the transaction row besides the processed marks (e.g. an automatic run's outcome). */
export type TransactionExtras = Record<string, unknown>;

/**
 * Writes several plans at once (the automatic run books many transactions per slice; the sidebar one): bookings,
 * invoices, payment orders, case labels, transaction marks, log — each table in as few calls as its changed blocks.
 * `extras` adds cells to transaction rows that were not booked (e.g. an automatic run's "review" outcome).
 */
export function writePlans(
  open: OpenBooks,
  plans: ReadonlyArray<{ plan: ReconcilePlan; extras?: TransactionExtras; logAction?: LogAction }>,
  stamp: Stamp,
  extras: CellChanges = new Map(),
): void {
  const bookings = plans.flatMap(({ plan }) => plan.bookings);
  if (bookings.length > 0) {
    const { firstRow } = open.table(bookingsTable).appendRows(bookings.map((b) => bookingRecord(b, stamp.at)));
    markPrefilled(open.sheets.bookings, firstRow, bookings.map((b) => b.prefilled));
  }

  const invoices: CellChanges = new Map();
  const payments: CellChanges = new Map();
  const cases: CellChanges = new Map();
  const transactions: CellChanges = new Map(extras);
  for (const { plan, extras: more } of plans) {
    for (const i of plan.invoices) add(invoices, i.row, { status: i.status, paidOn: dateCell(i.paidOn), paidBy: i.paidBy });
    for (const p of plan.payments) add(payments, p.row, { status: p.status, executedOn: dateCell(p.executedOn), executedBy: p.executedBy });
    for (const l of plan.labels) add(cases, l.row, { labels: l.after.join(', ') });
    add(transactions, plan.transaction.row, { processedBy: stamp.by, processedAt: stamp.at, processedAs: plan.summary, ...(more ?? {}) });
  }
  writeChanges(open.sheets.invoices, invoices, open.locale);
  writeChanges(open.sheets.payments, payments, open.locale);
  writeChanges(open.sheets.cases, cases, open.locale);
  writeChanges(open.sheets.transactions, transactions, open.locale);

  if (plans.length > 0) {
    open.table(logTable).appendRows(
      plans.map(({ plan, logAction }) => ({
        at: stamp.at,
        by: stamp.by,
        action: logAction ?? 'reconcile',
        transaction: plan.transaction.key,
        summary: plan.summary,
        undoData: JSON.stringify(plan.undo),
      })),
    );
  }
}

/**
 * Writes an undo: invoices, payment orders and labels back, the transaction open again, the log entry — and the bookings
 * removed last, so that an execution dying halfway leaves the transaction still counted as processed (by its bookings)
 * and the undo can simply be repeated.
 */
export function writeUndo(open: OpenBooks, key: string, plan: UndoPlan, stamp: Stamp): void {
  const invoices: CellChanges = new Map();
  const payments: CellChanges = new Map();
  const cases: CellChanges = new Map();
  for (const i of plan.invoices) add(invoices, i.row, { status: i.status, paidOn: dateCell(i.paidOn), paidBy: i.paidBy });
  for (const p of plan.payments) add(payments, p.row, { status: p.status, executedOn: dateCell(p.executedOn), executedBy: p.executedBy });
  for (const l of plan.labels) add(cases, l.row, { labels: l.after.join(', ') });
  writeChanges(open.sheets.invoices, invoices, open.locale);
  writeChanges(open.sheets.payments, payments, open.locale);
  writeChanges(open.sheets.cases, cases, open.locale);
  writeChanges(open.sheets.transactions, new Map([[plan.transactionRow, { processedBy: '', processedAt: '', processedAs: '' }]]), open.locale);
  open.table(logTable).appendRows([
    { at: stamp.at, by: stamp.by, action: 'undo', transaction: key, summary: plan.summary, undoData: '' },
  ]);
  deleteRows(open.sheets.bookings, plan.bookingRows);
}

/** Deletes sheet rows bottom-up (so the row numbers still to delete stay right), one call per run of adjacent rows. */
export function deleteRows(state: SheetState, rows: readonly number[]): void {
  if (state.sheet === null || rows.length === 0) return;
  const sorted = [...new Set(rows)].sort((a, b) => b - a);
  // Sheets refuses to delete every row below the frozen header; keep one empty row in that case.
  const maxRows = state.sheet.getMaxRows();
  if (sorted.length >= maxRows - state.sheet.getFrozenRows()) state.sheet.insertRowsAfter(maxRows, 1);
  let i = 0;
  while (i < sorted.length) {
    let start = sorted[i]!;
    let count = 1;
    while (i + count < sorted.length && sorted[i + count] === start - 1) {
      start -= 1;
      count += 1;
    }
    state.sheet.deleteRows(start, count);
    state.values.splice(start - 1, count);
    i += count;
  }
}

/** The blue of the machine's hand: a cell filled by a rule or learned, until the user overrides it. */
export const PREFILLED_BACKGROUND = '#d2e3fc';

/**
 * Colours the accounting cells of consecutive booking rows from `firstRow`: machine-filled ones blue, the others reset.
 * One setBackgrounds per block of adjacent accounting columns (one block unless a user moved a column away).
 */
export function markPrefilled(state: SheetState, firstRow: number, rows: readonly Prefilled[]): void {
  if (state.sheet === null || rows.length === 0) return;
  const positions = ACCOUNTING_FIELDS.map((field) => state.columns[field] ?? -1);
  if (positions.some((p) => p < 0)) return;
  const fieldAt = new Map<number, AccountingField | null>(positions.map((p, i) => [p, ACCOUNTING_FIELDS[i]!]));
  // Our own columns between them (the tax amount) join the block uncoloured; a user's column splits it.
  for (const column of state.spec.columns) {
    const at = state.columns[column.key] ?? -1;
    if (at > Math.min(...positions) && at < Math.max(...positions) && !fieldAt.has(at)) fieldAt.set(at, null);
  }
  for (const block of blocksOf([...fieldAt.keys()])) {
    const colours = rows.map((prefilled) =>
      block.map((p) => {
        const field = fieldAt.get(p) ?? null;
        return field !== null && prefilled[field] !== undefined ? PREFILLED_BACKGROUND : null;
      }),
    );
    state.sheet.getRange(firstRow, block[0]! + 1, rows.length, block.length).setBackgrounds(colours);
  }
}

export { add as addChange };
