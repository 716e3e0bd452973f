// Placeholder until profile detection lands (issue 3): the dispatcher's signature is fixed here.
import type { StatementFile } from '../import/statement';
import type { CsvProfile } from './profile';

export type DetectResult = { ok: true; profile: CsvProfile } | { ok: false; message: string; header: string[] | null };

export function detectCsvProfile(_file: StatementFile, _profiles: readonly CsvProfile[]): DetectResult {
  return { ok: false, message: 'no bank profile could be detected; choose one', header: null };
}
