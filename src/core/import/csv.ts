/**
 * Reads a CSV bank statement with a profile: decode → records → header → rows → fingerprints. The whole file is read
 * before anything is returned; a row that cannot be read becomes a `LineError` and the other rows go on.
 */
import type { CsvProfile } from '../profiles/profile';
import { decodeText } from '../text/decode';
import { StatementFileError, type LineError } from '../transaction';
import { periodOf, type SkippedLine, type StatementFile, type StatementRead } from './statement';
import { resolveColumns } from './columns';
import { readCsvRow, type RowTransaction } from './csv-row';
import { isBlankRecord, readCsvRecords, type CsvRecord } from './csv-records';
import { assignFingerprints } from './fingerprint';

export type { SkippedLine, StatementFile, StatementRead } from './statement';

/** Everything before line `skipLines + 1` is preamble; cut it before the CSV grammar sees its unbalanced quotes. */
function dropPreamble(text: string, skipLines: number, fileName: string): string {
  let at = 0;
  for (let i = 0; i < skipLines; i++) {
    const next = text.indexOf('\n', at);
    if (next === -1) throw new StatementFileError(fileName, `has fewer than the ${skipLines} lines the profile skips at the top`);
    at = next + 1;
  }
  return text.slice(at);
}

function findHeader(records: CsvRecord[], profile: CsvProfile, fileName: string): number {
  const text = profile.header.findByText;
  if (text === undefined) return records.length > 0 ? 0 : -1;
  const want = text.trim().toLowerCase();
  const index = records.findIndex((r) => r.cells.some((c) => c.replace(/^\ufeff/, '').trim().toLowerCase() === want));
  if (index === -1) {
    throw new StatementFileError(
      fileName,
      `does not look like a "${profile.name}" file: no line has a column "${text}". Is it the right bank profile?`,
    );
  }
  return index;
}

export function readCsvStatement(input: StatementFile, profile: CsvProfile): StatementRead {
  const { fileName } = input;
  const decoded = decodeText(input.bytes, profile.encoding, fileName);
  // One kind of line break: papaparse then needs no guessing, and line counting is counting '\n'.
  const text = dropPreamble(decoded.text.replace(/\r\n?/g, '\n'), profile.skipLines, fileName);
  const all = readCsvRecords(text, { delimiter: profile.delimiter, quoteChar: profile.quoteChar, firstLine: profile.skipLines + 1 });
  let records = all.filter((r) => !isBlankRecord(r));
  records = records.slice(0, Math.max(0, records.length - profile.skipFooterLines));

  let header: CsvRecord | null = null;
  if (profile.header.present) {
    const at = findHeader(records, profile, fileName);
    if (at === -1) throw new StatementFileError(fileName, 'has no header line and no bookings');
    header = records[at]!;
    if (header.problems.length > 0) {
      throw new StatementFileError(fileName, `the header in line ${header.line} cannot be read: ${header.problems.join('; ')}`);
    }
    records = records.slice(at + 1);
  }
  const columns = resolveColumns(profile, header?.cells ?? null, fileName, header?.line ?? 0);
  const expectedCells = header?.cells.length ?? records[0]?.cells.length ?? 0;

  const rows: RowTransaction[] = [];
  const errors: LineError[] = [];
  const skipped: SkippedLine[] = [];
  let account: string | null = null;
  let accountLine = 0;
  for (const record of records) {
    const result = readCsvRow(record, { profile, columns, fileName, expectedCells });
    if (result.kind === 'skipped') skipped.push({ line: record.line, reason: result.reason });
    else if (result.kind === 'rejected') errors.push(...result.errors);
    else if (result.account !== null && account !== null && result.account !== account) {
      // Fingerprints include the own account: a file mixing two accounts would be half wrong, so say it.
      errors.push({
        file: fileName,
        line: record.line,
        column: columns.account,
        field: 'account',
        found: record.cells[columns.account] ?? '',
        message: `belongs to account ${result.account}, but line ${accountLine} to ${account}; export one account per file`,
      });
    } else {
      if (account === null && result.account !== null) {
        account = result.account;
        accountLine = record.line;
      }
      rows.push(result.transaction);
    }
  }

  return {
    fileName,
    format: 'csv',
    profileId: profile.id,
    account,
    period: periodOf(rows),
    rowsRead: records.length,
    transactions: assignFingerprints(rows, account),
    errors,
    skipped,
    warnings: [],
    encoding: decoded.encoding,
  };
}
