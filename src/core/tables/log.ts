/**
 * The "Log" sheet: one row per reconciliation and per undo — who did what to which transaction and when. It is the
 * audit trail a bookkeeper can read, and it keeps what an undo needs that the sheets no longer show (the case labels
 * before the change), as JSON in `Undo data`.
 */
import * as z from '../schema';
import { optionalText, readTableRows, type TableRead } from './cells';
import type { TableSpec } from './table';

export const logTable = {
  sheetName: 'Log',
  columns: [
    { key: 'at', header: 'At', kind: 'timestamp', aliases: ['Zeitpunkt'] },
    { key: 'by', header: 'By', kind: 'text', aliases: ['Von'] },
    { key: 'action', header: 'Action', kind: 'text', aliases: ['Aktion'] },
    { key: 'transaction', header: 'Transaction', kind: 'text', aliases: ['Umsatz'] },
    { key: 'summary', header: 'Summary', kind: 'text', aliases: ['Zusammenfassung'] },
    { key: 'undoData', header: 'Undo data', kind: 'text', aliases: ['Daten für Rückgängig'] },
  ],
} as const satisfies TableSpec;

export type LogAction = 'reconcile' | 'undo' | 'auto';

export interface LogRow {
  at: string;
  by: string;
  action: string;
  transaction: string;
  summary: string;
  undoData: string;
}

const logSchema = z.object({
  at: optionalText,
  by: optionalText,
  action: optionalText,
  transaction: optionalText,
  summary: optionalText,
  undoData: optionalText,
});

export function readLog(cells: readonly (readonly unknown[])[]): TableRead<LogRow> {
  return readTableRows(logTable, cells, logSchema, ['transaction']);
}
