/**
 * Reads a CSV bank statement with a profile: decode → records → header (found by its columns, behind any preamble) →
 * footer (found by its content) → rows (lines without amount are skipped or continue the booking above) → fingerprints.
 * The whole file is read before anything is returned; a row that cannot be read becomes a `LineError` and the other
 * rows go on.
 */
import { parseDate } from '../calendar/date';
import { describeColumnRef, requiredColumnRefs, type CsvProfile } from '../profiles/profile';
import { decodeText } from '../text/decode';
import { StatementFileError, type LineError } from '../transaction';
import { periodOf, type SkippedLine, type StatementFile, type StatementRead } from './statement';
import { missingRequiredColumns, resolveColumns } from './columns';
import { readCsvRow, type RowTransaction } from './csv-row';
import { isBlankRecord, readCsvRecords, type CsvRecord } from './csv-records';
import { assignFingerprints } from './fingerprint';

export type { SkippedLine, StatementFile, StatementRead } from './statement';

/** Everything before line `skipLines + 1` is preamble; cut it before the CSV grammar sees its unbalanced quotes. */
export function dropPreamble(text: string, skipLines: number, fileName: string): string {
  let at = 0;
  for (let i = 0; i < skipLines; i++) {
    const next = text.indexOf('\n', at);
    if (next === -1) throw new StatementFileError(fileName, `has fewer than the ${skipLines} lines the profile skips at the top`);
    at = next + 1;
  }
  return text.slice(at);
}

/** The statement's records as the profile reads them: decoded, preamble lines cut, blank lines and footer lines dropped. */
export function profileRecords(text: string, profile: CsvProfile, fileName: string): CsvRecord[] {
  // One kind of line break: papaparse then needs no guessing, and line counting is counting '\n'.
  const body = dropPreamble(text.replace(/\r\n?/g, '\n'), profile.skipLines, fileName);
  const all = readCsvRecords(body, { delimiter: profile.delimiter, quoteChar: profile.quoteChar, firstLine: profile.skipLines + 1 });
  const records = all.filter((r) => !isBlankRecord(r));
  return records.slice(0, Math.max(0, records.length - profile.skipFooterLines));
}

/**
 * Where the header is: the first line with a cell `findByText`, else the first line that has every column the profile
 * needs by name (the preamble before it varies: ING 12–14 lines, DKB 4 or 7, UBS 9). Without such a line: the line
 * closest to it, whose missing columns are then reported; -1 when no line has any of them (or there are no lines).
 */
export function findHeader(records: readonly CsvRecord[], profile: CsvProfile, limit = records.length): number {
  const text = profile.header.findByText;
  const end = Math.min(limit, records.length);
  if (text !== undefined) {
    const want = text.trim().toLowerCase();
    for (let i = 0; i < end; i++) {
      if (records[i]!.cells.some((c) => c.replace(/^\ufeff/, '').trim().toLowerCase() === want)) return i;
    }
    return -1;
  }
  const named = requiredColumnRefs(profile).filter((r) => typeof r !== 'number').length;
  if (named === 0) return records.length > 0 ? 0 : -1;
  let best = -1;
  let fewestMissing = named;
  for (let i = 0; i < end; i++) {
    if (records[i]!.problems.length > 0) continue;
    const missing = missingRequiredColumns(profile, records[i]!.cells).length;
    if (missing === 0) return i;
    if (missing < fewestMissing) {
      best = i;
      fewestMissing = missing;
    }
  }
  return best;
}

/**
 * Index of the first footer record (balance, totals, disclaimer), or `records.length`. A footer line is found by the
 * profile's `footerPattern`, tested against its cells joined by the delimiter.
 */
function findFooter(records: readonly CsvRecord[], profile: CsvProfile): number {
  if (profile.footerPattern === undefined) return records.length;
  const pattern = new RegExp(profile.footerPattern, 'i');
  const index = records.findIndex((r) => pattern.test(r.cells.join(profile.delimiter)));
  return index === -1 ? records.length : index;
}

export function readCsvStatement(input: StatementFile, profile: CsvProfile): StatementRead {
  const { fileName } = input;
  const decoded = decodeText(input.bytes, profile.encoding, fileName);
  let records = profileRecords(decoded.text, profile, fileName);

  let header: CsvRecord | null = null;
  if (profile.header.present) {
    const at = findHeader(records, profile);
    if (at === -1 && records.length === 0) throw new StatementFileError(fileName, 'has no header line and no bookings');
    if (at === -1) {
      const wanted =
        profile.header.findByText !== undefined
          ? `a column "${profile.header.findByText}"`
          : `any of the columns ${requiredColumnRefs(profile).filter((r) => typeof r !== 'number').map(describeColumnRef).join(', ')}`;
      throw new StatementFileError(fileName, `does not look like a "${profile.name}" file: no line has ${wanted}. Is it the right bank profile?`);
    }
    header = records[at]!;
    if (header.problems.length > 0) {
      throw new StatementFileError(fileName, `the header in line ${header.line} cannot be read: ${header.problems.join('; ')}`);
    }
    records = records.slice(at + 1);
  }
  const columns = resolveColumns(profile, header?.cells ?? null, fileName, header?.line ?? 0);
  const expectedCells = header?.cells.length ?? records[0]?.cells.length ?? 0;
  let minimumCells = expectedCells;
  while (header !== null && minimumCells > 0 && header.cells[minimumCells - 1]!.trim() === '') minimumCells--;

  const errors: LineError[] = [];
  const footerAt = findFooter(records, profile);
  errors.push(...bookingsInFooter(records, footerAt, profile, columns.bookingDate, fileName));
  records = records.slice(0, footerAt);

  const rows: RowTransaction[] = [];
  const skipped: SkippedLine[] = [];
  let account: string | null = null;
  let accountLine = 0;
  // The line the last record came from and whether it became a transaction: continuation lines attach to it.
  let previous: { line: number; imported: boolean } | null = null;
  for (const record of records) {
    const result = readCsvRow(record, { profile, columns, fileName, expectedCells, minimumCells });
    if (result.kind === 'continuation') {
      const above = rows[rows.length - 1];
      if (previous?.imported === true && above !== undefined) {
        if (result.text !== '') above.purpose = above.purpose === '' ? result.text : `${above.purpose} ${result.text}`;
      } else {
        skipped.push({
          line: record.line,
          reason:
            previous === null
              ? 'continuation line without a booking above it (no date, no amount)'
              : `continues line ${previous.line}, which was not imported (no date, no amount)`,
        });
      }
      continue;
    }
    previous = { line: record.line, imported: false };
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
      previous.imported = true;
    }
  }
  return {
    fileName,
    format: 'csv',
    profileId: profile.id,
    account,
    period: periodOf(rows),
    // Every booking line is imported, rejected (one error each) or skipped; continuation lines added to a booking are not.
    rowsRead: rows.length + errors.length + skipped.length,
    transactions: assignFingerprints(rows, account),
    errors,
    skipped,
    warnings: [],
    encoding: decoded.encoding,
  };
}

/**
 * Money must never vanish silently: a footer line that starts with a valid booking date means the footer pattern matched
 * a booking (or bookings follow the footer), so it is reported instead of dropped.
 */
function bookingsInFooter(records: readonly CsvRecord[], footerAt: number, profile: CsvProfile, dateColumn: number, fileName: string): LineError[] {
  const errors: LineError[] = [];
  for (let i = footerAt; i < records.length; i++) {
    const r = records[i]!;
    const dateCell = r.cells[dateColumn] ?? '';
    if (dateColumn >= 0 && parseDate(dateCell, profile.dateFormats).ok) {
      errors.push({
        file: fileName,
        line: r.line,
        column: null,
        field: 'line',
        found: r.cells.join(profile.delimiter),
        message: `looks like a booking, but comes after the end of the bookings (line ${records[footerAt]!.line}); check the file`,
      });
    }
  }
  return errors;
}
