/**
 * The "Imports" sheet: the history of every import attempt, one row each — what file, read how, covering which account
 * and period, what came of it, who did it and when.
 *
 * Refused attempts are recorded too (status "refused"): the history answers "was this statement ever imported, and if
 * not, why not?" — a file someone tried and that was refused for unreadable lines or balance warnings is part of that
 * answer, and the bookkeeper who finds the gap later sees who tried, when, and what was wrong.
 */
import { toSerialDay } from '../calendar/date';
import type { StatementFormat } from '../import/statement';
import type { LineError } from '../transaction';
import type { TableSpec } from './table';

export const importsTable = {
  sheetName: 'Imports',
  columns: [
    { key: 'importedAt', header: 'Imported at', kind: 'timestamp' },
    { key: 'importedBy', header: 'Imported by', kind: 'text' },
    { key: 'fileName', header: 'File', kind: 'text' },
    { key: 'format', header: 'Format', kind: 'text' },
    { key: 'profile', header: 'Profile', kind: 'text' },
    { key: 'account', header: 'Account', kind: 'text' },
    { key: 'periodFrom', header: 'Period from', kind: 'date' },
    { key: 'periodTo', header: 'Period to', kind: 'date' },
    { key: 'rowsRead', header: 'Rows read', kind: 'number' },
    { key: 'imported', header: 'New', kind: 'number' },
    { key: 'duplicates', header: 'Duplicates', kind: 'number' },
    { key: 'rejected', header: 'Rejected', kind: 'number' },
    { key: 'skipped', header: 'Skipped', kind: 'number' },
    { key: 'status', header: 'Status', kind: 'text' },
    { key: 'warnings', header: 'Warnings', kind: 'text' },
  ],
} as const satisfies TableSpec;

export type ImportStatus = 'imported' | 'nothing-new' | 'refused';

export interface ImportEntry {
  /** The moment of the attempt, as the platform's own instant (a `Date` in Apps Script), written as it is. */
  importedAt: unknown;
  importedBy: string;
  fileName: string;
  format: StatementFormat;
  /** The CSV profile's name (and id), or "" for MT940 and CAMT. */
  profile: string;
  account: string | null;
  period: { from: string; to: string } | null;
  rowsRead: number;
  imported: number;
  duplicates: number;
  rejected: number;
  skipped: number;
  status: ImportStatus;
  warnings: readonly LineError[];
}

/** A warnings cell is a summary to read at a glance; the sidebar showed them in full before the user chose. */
const MAX_WARNINGS_TEXT = 300;

const FORMAT_LABEL: Record<StatementFormat, string> = { csv: 'CSV', mt940: 'MT940', camt: 'CAMT' };

/** `2 warnings: line 12: closing balance … ; line 30: …`, shortened to a cell's glance. */
export function warningsSummary(warnings: readonly LineError[]): string {
  if (warnings.length === 0) return '';
  const parts = warnings.map((w) => (w.line > 0 ? `line ${w.line}: ${w.message}` : w.message));
  const text = `${warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`}: ${parts.join('; ')}`;
  return text.length > MAX_WARNINGS_TEXT ? `${text.slice(0, MAX_WARNINGS_TEXT - 1)}…` : text;
}

/** Cell values of one entry, by column key: dates as serial days, counts as numbers, text as text. */
export function importEntryCells(e: ImportEntry): Record<string, unknown> {
  return {
    importedAt: e.importedAt,
    importedBy: e.importedBy,
    fileName: e.fileName,
    format: FORMAT_LABEL[e.format],
    profile: e.profile,
    account: e.account ?? '',
    periodFrom: e.period === null ? '' : toSerialDay(e.period.from),
    periodTo: e.period === null ? '' : toSerialDay(e.period.to),
    rowsRead: e.rowsRead,
    imported: e.imported,
    duplicates: e.duplicates,
    rejected: e.rejected,
    skipped: e.skipped,
    status: e.status,
    warnings: warningsSummary(e.warnings),
  };
}
