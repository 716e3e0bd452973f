/**
 * The "Archive" sheet: one row per finished automatic run — the statement, the counts, who ran it and when, and the link
 * to its PDF report in the user's Drive.
 */
import * as z from '../schema';
import { optionalText, readTableRows, requiredText, type TableRead } from './cells';
import type { TableSpec } from './table';

export const archiveTable = {
  sheetName: 'Archive',
  columns: [
    { key: 'runId', header: 'Run', kind: 'text', aliases: ['Lauf'] },
    { key: 'startedAt', header: 'Started at', kind: 'timestamp', aliases: ['Begonnen am'] },
    { key: 'finishedAt', header: 'Finished at', kind: 'timestamp', aliases: ['Beendet am'] },
    { key: 'statement', header: 'Statement', kind: 'text', aliases: ['Kontoauszug'] },
    { key: 'scope', header: 'Scope', kind: 'text', aliases: ['Umfang'] },
    { key: 'total', header: 'Transactions', kind: 'number', aliases: ['Umsätze'] },
    { key: 'booked', header: 'Booked', kind: 'number', aliases: ['Gebucht'] },
    { key: 'review', header: 'To check', kind: 'number', aliases: ['Zu prüfen'] },
    { key: 'none', header: 'No match', kind: 'number', aliases: ['Ohne Zuordnung'] },
    { key: 'by', header: 'Run by', kind: 'text', aliases: ['Gestartet von'] },
    { key: 'report', header: 'Report', kind: 'text', aliases: ['Bericht'] },
  ],
} as const satisfies TableSpec;

export interface ArchiveRow {
  runId: string;
  startedAt: string;
  finishedAt: string;
  statement: string;
  scope: string;
  total: number;
  booked: number;
  review: number;
  none: number;
  by: string;
  report: string;
}

const countCell = z.pipe(
  z.unknown(),
  z.transform((value: unknown, ctx): number => {
    if (value === '' || value === null || value === undefined) return 0;
    const n = typeof value === 'number' ? value : Number(String(value).trim());
    if (Number.isInteger(n) && n >= 0) return n;
    ctx.issues.push({ code: 'custom', message: 'is not a count', input: value });
    return z.NEVER;
  }),
);

const archiveSchema = z.object({
  runId: requiredText,
  startedAt: optionalText,
  finishedAt: optionalText,
  statement: optionalText,
  scope: optionalText,
  total: countCell,
  booked: countCell,
  review: countCell,
  none: countCell,
  by: optionalText,
  report: optionalText,
});

export function readArchive(cells: readonly (readonly unknown[])[]): TableRead<ArchiveRow> {
  return readTableRows(archiveTable, cells, archiveSchema, ['runId']);
}
