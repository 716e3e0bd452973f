/**
 * What an automatic run worked on, in words for the summary, the PDF report and the "Archive" sheet: the statement
 * file(s), the account(s) and the period of the transactions (Kontoauszug, Konto, Zeitraum) — and the run's scope as
 * the archive's "Scope" cell holds it.
 */
import { printIban } from '../iban/iban';
import { formatDate, type ReportLanguage } from '../report/format';

export type RunScope = { kind: 'open' } | { kind: 'import'; fileName: string };

/** How many file names the words list before "+ N more": a run over all open transactions may span many imports. */
const MAX_NAMES = 3;

const words = {
  de: { account: 'Konto', accounts: 'Konten', more: (n: number) => `+ ${n} weitere`, none: 'keine offenen Umsätze', handTyped: 'von Hand erfasst' },
  en: { account: 'account', accounts: 'accounts', more: (n: number) => `+ ${n} more`, none: 'no open transactions', handTyped: 'typed in by hand' },
} as const;

function listed(values: readonly string[], more: (n: number) => string): string {
  const shown = values.slice(0, MAX_NAMES).join(', ');
  return values.length > MAX_NAMES ? `${shown} ${more(values.length - MAX_NAMES)}` : shown;
}

/**
 * `sparkasse-2026-10.csv · Konto DE85 3705 0198 0019 2837 46 · 01.10.2026 – 30.10.2026`. Files and accounts in the order
 * of the rows; the period from the earliest to the latest booking date.
 */
export function statementWords(
  rows: ReadonlyArray<{ importFile: string; account: string; bookingDate: string }>,
  language: ReportLanguage,
): string {
  const w = words[language];
  if (rows.length === 0) return w.none;
  const files = [...new Set(rows.map((r) => r.importFile.trim() || w.handTyped))];
  const accounts = [...new Set(rows.map((r) => r.account.trim()).filter((a) => a !== ''))].map(printIban);
  const dates = rows.map((r) => r.bookingDate).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  const parts = [listed(files, w.more)];
  if (accounts.length > 0) parts.push(`${accounts.length === 1 ? w.account : w.accounts} ${listed(accounts, w.more)}`);
  const from = dates[0];
  const to = dates[dates.length - 1];
  if (from !== undefined && to !== undefined) parts.push(from === to ? formatDate(from, language) : `${formatDate(from, language)} – ${formatDate(to, language)}`);
  return parts.join(' · ');
}

const FILE_PREFIX = 'file: ';

/** The "Scope" cell: `open`, or `file: NAME` for the transactions of one imported file. */
export function scopeCell(scope: RunScope): string {
  return scope.kind === 'open' ? 'open' : `${FILE_PREFIX}${scope.fileName}`;
}

/** The scope back from its cell; anything else reads as "open" (the wider scope: nothing is hidden by a misread). */
export function scopeOfCell(text: string): RunScope {
  const trimmed = text.trim();
  return trimmed.startsWith(FILE_PREFIX) && trimmed.length > FILE_PREFIX.length
    ? { kind: 'import', fileName: trimmed.slice(FILE_PREFIX.length) }
    : { kind: 'open' };
}
