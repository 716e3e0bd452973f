/**
 * `kontomatch` command line: the same core as the add-on, on a local file. No platform access here either — files and
 * output come through `io`, so tests run it in memory.
 */
import { detectFormat, readStatement } from '../core/import/read-statement';
import type { StatementFormat } from '../core/import/statement';
import { builtinProfiles, findProfile } from '../core/profiles/builtin';
import { parseProfile, type CsvProfile } from '../core/profiles/profile';
import { decodeText } from '../core/text/decode';
import { describeLineError, publicTransaction, StatementFileError } from '../core/transaction';
import { MATCH_USAGE, runMatch } from './match';
import { EXPORT_USAGE, runExport, type ExportIo } from './export';

export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  /** Throws (e.g. ENOENT) when the file cannot be read. */
  readFile(path: string): Uint8Array;
  /** For `export` (bin.ts gives them; tests give their own). */
  export?: Omit<ExportIo, keyof Omit<CliIo, 'export'>>;
}

export const USAGE = `Usage:
  kontomatch import FILE [--profile NAME|PROFILE.json] [--format csv|mt940|camt] [--skip-bad-rows]
      Reads a bank statement (CSV, MT940, or CAMT.052/.053 as XML or a ZIP of them) and prints its
      transactions as a JSON array. Without --format and --profile, the format and (for CSV) the bank
      profile are detected from the content; what was detected is said on stderr.
      Statement warnings (e.g. balances that do not add up) and lines left out go to stderr.
      Unreadable lines are listed on stderr; then nothing is printed and the exit code is 1,
      unless --skip-bad-rows is given (the readable rows are printed, exit code 0).
${MATCH_USAGE}${EXPORT_USAGE}  kontomatch profiles
      Lists the built-in bank profiles (id and name).
  kontomatch --help
`;

class UsageError extends Error {}

interface ImportArgs {
  file: string;
  profile: string | undefined;
  format: StatementFormat | undefined;
  skipBadRows: boolean;
}

const FORMATS: readonly StatementFormat[] = ['csv', 'mt940', 'camt'];
const FORMAT_LABEL: Record<StatementFormat, string> = { csv: 'CSV', mt940: 'MT940', camt: 'CAMT' };

function parseImportArgs(args: string[]): ImportArgs {
  let file: string | undefined;
  let profile: string | undefined;
  let format: StatementFormat | undefined;
  let skipBadRows = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--skip-bad-rows') skipBadRows = true;
    else if (arg === '--profile' || arg.startsWith('--profile=')) {
      const value = arg === '--profile' ? args[++i] : arg.slice('--profile='.length);
      if (value === undefined || value === '') throw new UsageError('--profile needs a profile name or a .json file');
      profile = value;
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? args[++i] : arg.slice('--format='.length);
      const known = FORMATS.find((f) => f === value?.toLowerCase());
      if (known === undefined) throw new UsageError(`--format needs one of ${FORMATS.join(', ')}`);
      format = known;
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (file === undefined) file = arg;
    else throw new UsageError(`only one FILE, got also "${arg}"`);
  }
  if (file === undefined) throw new UsageError('import needs a FILE');
  if (profile !== undefined && format !== undefined && format !== 'csv') {
    throw new UsageError(`--profile is for CSV files; it cannot go with --format ${format}`);
  }
  return { file, profile, format, skipBadRows };
}

function readProfile(nameOrPath: string, io: CliIo): CsvProfile {
  const builtin = findProfile(nameOrPath);
  if (builtin !== undefined) return builtin;
  if (!nameOrPath.toLowerCase().endsWith('.json')) {
    throw new UsageError(`there is no built-in profile "${nameOrPath}" (see \`kontomatch profiles\`), and it is not a .json file`);
  }
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(nameOrPath);
  } catch (e) {
    throw new CliFailure(readError(nameOrPath, e));
  }
  // Profiles are written by hand in an editor: UTF-8 (the core's decoder, strict, BOM allowed).
  const text = decodeText(bytes, 'utf-8', nameOrPath).text;
  const result = parseProfile(text, nameOrPath);
  if (!result.ok) throw new CliFailure(result.message);
  return result.profile;
}

class CliFailure extends Error {}

function readError(path: string, e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return `${path}: no such file`;
  if (code === 'EISDIR') return `${path}: is a folder, not a file`;
  if (code === 'EACCES') return `${path}: not allowed to read it`;
  return `${path}: cannot be read (${(e as Error).message})`;
}

function runImport(args: ImportArgs, io: CliIo): number {
  const profile = args.profile === undefined ? undefined : readProfile(args.profile, io);
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(args.file);
  } catch (e) {
    io.stderr(`${readError(args.file, e)}\n`);
    return 1;
  }
  let format = args.format;
  if (profile !== undefined && format === undefined) {
    // A profile reads CSV. Given with an MT940 or CAMT file, it is a mistake to point out, not a reason to misread the file.
    const content = bytes.length > 0 ? detectFormat(bytes) : 'csv';
    if (content !== 'csv') {
      throw new CliFailure(
        `${args.file}: is ${FORMAT_LABEL[content]}, and --profile is for CSV files. Leave --profile out, or give --format csv to read it as CSV anyway.`,
      );
    }
    format = 'csv';
  }
  const read = readStatement(
    { fileName: args.file, bytes },
    { profiles: builtinProfiles, ...(format === undefined ? {} : { format }), ...(profile === undefined ? {} : { profile }) },
  );
  if (format === undefined || (read.format === 'csv' && profile === undefined)) {
    // Say what was detected: the user should know which profile read their money before trusting the output.
    const how = read.profile === null ? '' : ` with the bank profile "${read.profile.name}" (${read.profile.id})`;
    io.stderr(`${args.file}: detected ${FORMAT_LABEL[read.format]}${how}\n`);
  }
  for (const w of read.warnings) io.stderr(`warning: ${describeLineError(w)}\n`);
  for (const e of read.errors) io.stderr(`${describeLineError(e)}\n`);
  if (read.skipped.length > 0) {
    const reasons = new Map<string, number[]>();
    for (const s of read.skipped) reasons.set(s.reason, [...(reasons.get(s.reason) ?? []), s.line]);
    for (const [reason, lines] of reasons) {
      io.stderr(`${args.file}: ${lines.length} line(s) left out, ${reason}: line ${lines.join(', ')}\n`);
    }
  }
  if (read.errors.length > 0 && !args.skipBadRows) {
    io.stderr(
      `${args.file}: ${read.errors.length} line(s) could not be read; nothing printed. Fix the file, or use --skip-bad-rows to print the readable rows.\n`,
    );
    return 1;
  }
  io.stdout(`${JSON.stringify(read.transactions.map(publicTransaction), null, 2)}\n`);
  return 0;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      (command === undefined ? io.stderr : io.stdout)(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === 'profiles') {
      if (rest.length > 0) throw new UsageError(`profiles takes no arguments, got "${rest.join(' ')}"`);
      for (const p of builtinProfiles) io.stdout(`${p.id}\t${p.name}\n`);
      return 0;
    }
    if (command === 'import') {
      if (rest.includes('--help') || rest.includes('-h')) {
        io.stdout(USAGE);
        return 0;
      }
      return runImport(parseImportArgs(rest), io);
    }
    if (command === 'match') return runMatch(rest, io, USAGE);
    if (command === 'export') {
      if (io.export === undefined) throw new Error('export needs files, environment and HTTP');
      return runExport(rest, { ...io, ...io.export });
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`kontomatch: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof StatementFileError || e instanceof CliFailure) {
      io.stderr(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
