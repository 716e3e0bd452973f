/**
 * One entry point for every statement file: detect the format (unless told), pick the reader, and for CSV the profile
 * (unless told). The import use case, the preview and the command line all come through here.
 */
import type { CsvProfile } from '../profiles/profile';
import { detectCsvProfile } from '../profiles/detect';
import { toUnsignedBytes } from '../text/decode';
import { StatementFileError } from '../transaction';
import { readCamtFile } from './camt';
import { readCsvStatement } from './csv';
import { readMt940Statement } from './mt940';
import type { StatementFile, StatementFormat, StatementRead } from './statement';

export interface ReadOptions {
  /** Given by the user: then the file must be of this format. Absent: detected from the content, not the file name. */
  format?: StatementFormat;
  /** For CSV: the profile the user chose. Absent: detected among `profiles`. */
  profile?: CsvProfile;
  /** Candidates for detection: the built-in profiles and the document's own. */
  profiles: readonly CsvProfile[];
}

export type ReadResult = StatementRead & {
  profile: CsvProfile | null;
  /** True when the CSV profile was picked by detection rather than given. */
  profileDetected: boolean;
};

/** No bank profile fits a CSV file: says so, with the header line seen (null for a file without one). */
export class NoProfileFitsError extends StatementFileError {
  constructor(
    fileName: string,
    readonly reason: string,
    readonly header: string[] | null,
  ) {
    super(fileName, reason);
    this.name = 'NoProfileFitsError';
  }
}

/** Files larger than this are refused before any parsing: nobody's monthly statement is that large. */
export const MAX_STATEMENT_BYTES = 50 * 1024 * 1024;

/**
 * The format as the content shows it: ZIP (CAMT files as banks deliver them) and XML are CAMT, a SWIFT block or `:20:` …
 * `:61:` is MT940, anything else is treated as CSV. The file name is not trusted: banks name MT940 files `.txt`, `.sta`,
 * `.mta` and `.940`.
 */
export function detectFormat(bytesIn: ArrayLike<number>): StatementFormat {
  const bytes = toUnsignedBytes(bytesIn);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'camt';
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 4096); i++) head += String.fromCharCode(bytes[i]!);
  const start = head.replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '').replace(/\x00/g, '').trimStart();
  if (start.startsWith('<')) return 'camt';
  if (/^\{1:|^:20:/m.test(start) || (/^:20:/m.test(head) && /^:(25|60[FM]):/m.test(head))) return 'mt940';
  return 'csv';
}

export function readStatement(file: StatementFile, options: ReadOptions): ReadResult {
  if (file.bytes.length === 0) throw new StatementFileError(file.fileName, 'is empty (0 bytes)');
  if (file.bytes.length > MAX_STATEMENT_BYTES) {
    throw new StatementFileError(file.fileName, `is ${(file.bytes.length / 1024 / 1024).toFixed(0)} MB; statements over 50 MB are not accepted — export a shorter period`);
  }
  const detected = detectFormat(file.bytes);
  const format = options.format ?? detected;
  if (options.format !== undefined && options.format !== detected && !(options.format === 'csv' && detected !== 'csv')) {
    throw new StatementFileError(file.fileName, `was given as ${label(options.format)}, but its content is ${label(detected)}`);
  }
  if (format === 'mt940') return { ...readMt940Statement(file), profile: null, profileDetected: false };
  if (format === 'camt') return { ...readCamtFile(file), profile: null, profileDetected: false };
  const profile = options.profile ?? pickProfile(file, options.profiles);
  return { ...readCsvStatement(file, profile), profile, profileDetected: options.profile === undefined };
}

function pickProfile(file: StatementFile, profiles: readonly CsvProfile[]): CsvProfile {
  const found = detectCsvProfile(file, profiles);
  if (found.ok) return found.profile;
  throw new NoProfileFitsError(file.fileName, found.message, found.header);
}

function label(format: StatementFormat): string {
  return format === 'camt' ? 'CAMT (XML)' : format.toUpperCase();
}
