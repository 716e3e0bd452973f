/**
 * Undoing a processed transaction, as long as none of its bookings has been exported: its bookings go, the invoices it
 * paid are open again, the payment orders it executed pending again, the case labels it changed are changed back, and
 * the transaction is open again. Everything is found from the sheets themselves (bookings, `Paid by transaction`,
 * `Executed by transaction`); only what the sheets no longer show — the status before and the labels before — comes
 * from the log's undo data, and without it the planner falls back to "open" and leaves labels alone.
 */
import type { InvoiceChange, LabelsChange, PaymentChange, UndoData } from './plan';
import { bookingsOf, findCase, findTransaction, processedTrace, type Books } from './books';

export interface UndoPlan {
  transactionRow: number;
  invoices: InvoiceChange[];
  payments: PaymentChange[];
  /** Sheet rows of the bookings to remove. */
  bookingRows: number[];
  bookingIds: string[];
  labels: LabelsChange[];
  summary: string;
}

export type UndoResult = { ok: true; plan: UndoPlan } | { ok: false; message: string };

const lower = (values: readonly string[]): Set<string> => new Set(values.map((v) => v.trim().toLowerCase()));

export function planUndo(books: Books, key: string, undo: UndoData | null): UndoResult {
  const t = findTransaction(books, key);
  if (t === undefined) return { ok: false, message: `There is no transaction "${key}" in the Transactions sheet (any more).` };
  if (processedTrace(books, key) === null) return { ok: false, message: 'This transaction has not been processed: there is nothing to undo.' };
  const bookings = bookingsOf(books, key);
  const exported = bookings.find((b) => b.exportedTo !== '');
  if (exported !== undefined) {
    return {
      ok: false,
      message: `Booking ${exported.id} was exported to ${exported.exportedTo}${exported.exportedAt === '' ? '' : ` at ${exported.exportedAt}`}: it can no longer be undone.`,
    };
  }

  const invoices: InvoiceChange[] = books.invoices
    .filter((i) => i.paidBy === key)
    .map((i) => {
      const before = undo?.invoices.find((u) => u.number.toUpperCase() === i.number.toUpperCase());
      return { row: i.row, number: i.number, status: before?.status ?? 'open', paidOn: before?.paidOn ?? null, paidBy: before?.paidBy ?? '' };
    });
  const payments: PaymentChange[] = books.payments
    .filter((p) => p.executedBy === key)
    .map((p) => {
      const before = undo?.payments.find((u) => u.number.toUpperCase() === p.number.toUpperCase());
      return {
        row: p.row,
        number: p.number,
        status: before?.status ?? 'pending',
        executedOn: before?.executedOn ?? null,
        executedBy: before?.executedBy ?? '',
      };
    });

  // Labels changed since stay changed: only what this transaction added is taken away, and what it removed put back.
  const labels: LabelsChange[] = [];
  for (const change of undo?.labels ?? []) {
    const theCase = findCase(books, change.caseId);
    if (theCase === undefined) continue;
    const before = lower(change.before);
    const after = lower(change.after);
    const added = lower(change.after.filter((l) => !before.has(l.trim().toLowerCase())));
    const removed = change.before.filter((l) => !after.has(l.trim().toLowerCase()));
    const now = theCase.labels.filter((l) => !added.has(l.trim().toLowerCase()));
    for (const label of removed) if (!now.some((l) => l.trim().toLowerCase() === label.trim().toLowerCase())) now.push(label);
    if (now.join('\n') !== theCase.labels.join('\n')) labels.push({ row: theCase.row, caseId: theCase.id, before: [...theCase.labels], after: now });
  }

  const summary = [
    ...invoices.map((i) => `${i.number} ${i.status} again`),
    ...payments.map((p) => `${p.number} ${p.status} again`),
    ...bookings.map((b) => `${b.id} removed`),
    ...labels.map((l) => `labels of ${l.caseId}: ${l.after.join(', ') || '(none)'}`),
  ].join('; ');

  return {
    ok: true,
    plan: {
      transactionRow: t.row,
      invoices,
      payments,
      bookingRows: bookings.map((b) => b.row),
      bookingIds: bookings.map((b) => b.id),
      labels,
      summary: summary === '' ? 'marked open again' : summary,
    },
  };
}

/** Undo data from a log cell; null when the cell is empty or not ours (a damaged cell must not block the undo). */
export function parseUndoData(text: string): UndoData | null {
  if (text.trim() === '') return null;
  try {
    const data = JSON.parse(text) as Partial<UndoData>;
    if (!Array.isArray(data.invoices) || !Array.isArray(data.payments) || !Array.isArray(data.labels) || !Array.isArray(data.bookings)) return null;
    return data as UndoData;
  } catch {
    return null;
  }
}
