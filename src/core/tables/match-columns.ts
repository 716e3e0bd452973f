/**
 * The matching side of the "Transactions" sheet: the columns matching writes (status, numbers, case, method, score,
 * reason). They sit at the end of the Transactions table spec, so an existing sheet grows them on the first run.
 * (`transaction-rows.ts` reads a transaction back from its row; this module must not import the Transactions spec,
 * which includes these columns.)
 */
import type { MatchResult } from '../matching/types';
import type { ColumnSpec } from './table';

export const matchColumns = [
  { key: 'matchStatus', header: 'Match status', kind: 'text' },
  { key: 'matchNumbers', header: 'Matched numbers', kind: 'text' },
  { key: 'matchCase', header: 'Matched case', kind: 'text' },
  { key: 'matchMethod', header: 'Match method', kind: 'text' },
  { key: 'matchScore', header: 'Match score', kind: 'score' },
  { key: 'matchReason', header: 'Match reason', kind: 'text' },
] as const satisfies readonly ColumnSpec[];

export type MatchColumnKey = (typeof matchColumns)[number]['key'];

/** Several numbers, cases or methods share one cell, separated by `, ` (as in the tables the user keeps). */
const joined = (values: ReadonlyArray<string | null | undefined>): string =>
  [...new Set(values.filter((v): v is string => v !== null && v !== undefined && v !== ''))].join(', ');

/**
 * A match result as the cells of the match columns. The score is the weakest of the matches (a payment of two invoices
 * is as sure as its less sure half), rounded to three places; blank when nothing matched.
 */
export function matchCells(result: MatchResult): Record<MatchColumnKey, string | number> {
  const scores = result.matches.map((m) => m.score);
  return {
    matchStatus: result.status,
    matchNumbers: joined(result.matches.map((m) => m.number)),
    matchCase: joined(result.matches.map((m) => m.caseId)),
    matchMethod: joined(result.matches.map((m) => m.method)),
    matchScore: scores.length === 0 ? '' : Math.round(Math.min(...scores) * 1000) / 1000,
    matchReason: result.reason,
  };
}
