/**
 * The reconciliation side of the "Transactions" sheet: who processed a transaction and when, what was done, and what an
 * automatic run decided. They sit after the match columns, so an existing sheet grows them on the first use.
 *
 * A transaction counts as processed when `Processed by` holds a name — or when a booking names it (see
 * `reconcile/state.ts`): an execution that died between writing the booking and marking the row must not let the
 * transaction be booked a second time.
 */
import type { ColumnSpec } from './table';

export const reconcileColumns = [
  { key: 'processedBy', header: 'Processed by', kind: 'text', aliases: ['Bearbeitet von'] },
  { key: 'processedAt', header: 'Processed at', kind: 'timestamp', aliases: ['Bearbeitet am'] },
  { key: 'processedAs', header: 'Processed as', kind: 'text', aliases: ['Bearbeitung'] },
  { key: 'autoRun', header: 'Automatic run', kind: 'text', aliases: ['Automatiklauf'] },
  { key: 'runOutcome', header: 'Run outcome', kind: 'text', aliases: ['Ergebnis Automatiklauf'] },
] as const satisfies readonly ColumnSpec[];

export type ReconcileColumnKey = (typeof reconcileColumns)[number]['key'];

/** What an automatic run decided for a transaction: booked, left to check by hand, or no open item found. */
export type RunOutcome = 'booked' | 'review' | 'none';

export function isRunOutcome(text: string): text is RunOutcome {
  return text === 'booked' || text === 'review' || text === 'none';
}
