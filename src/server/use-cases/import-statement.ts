/**
 * Import of a bank statement file (CSV, MT940 or CAMT) into the "Transactions" sheet: preview first, then one batched
 * write, and one entry in the "Imports" sheet for every attempt.
 *
 * The file is read completely before anything is written, and rows are written in one call, so a bad file can never leave
 * a half-written sheet. Duplicates are recognised by fingerprint against what the sheet already holds, whatever the format
 * the transactions came in.
 */
import { NoProfileFitsError, readStatement, type ReadResult } from '../../core/import/read-statement';
import type { StatementFile } from '../../core/import/statement';
import { builtinProfiles } from '../../core/profiles/builtin';
import type { CsvProfile, CsvProfileInput } from '../../core/profiles/profile';
import { importEntryCells, importsTable, type ImportStatus } from '../../core/tables/imports';
import { transactionCells, transactionsTable } from '../../core/tables/transactions';
import { decodeText } from '../../core/text/decode';
import { publicTransaction, StatementFileError, type LineError, type Transaction } from '../../core/transaction';
import type { PreviewRow, RequestOf, ResponseOf } from '../../shared/contract';
import { withDocumentLock } from '../adapters/document-lock';
import { SheetTable } from '../adapters/sheet-table';
import type { AppsScriptServices, PropertiesApi } from '../platform/apps-script-api';
import { draftProfile, findHeader } from './profile-draft';
import { ProfileStore } from './profile-store';

/** How many rows and errors the preview carries to the sidebar; the counts always cover the whole file. */
const PREVIEW_ROWS = 200;
const PREVIEW_ERRORS = 200;

type StatementRequest = RequestOf<'previewImport'>;

export function documentProperties(services: AppsScriptServices): PropertiesApi {
  const properties = services.PropertiesService.getDocumentProperties();
  if (properties === null) throw new Error('Kontomatch must be opened from a spreadsheet (no document properties available).');
  return properties;
}

/** Detection candidates and choices: the built-in profiles and this spreadsheet's own (broken stored ones left out). */
export function availableProfiles(services: AppsScriptServices): CsvProfile[] {
  return [...builtinProfiles, ...new ProfileStore(documentProperties(services)).readAll().profiles];
}

/**
 * Who imported: the user's email. Google withholds it in some consumer-account constellations (it then answers ""); the
 * history must still say something, and must not pretend to know.
 */
export function userEmail(services: AppsScriptServices): string {
  return services.Session.getActiveUser().getEmail() || services.Session.getEffectiveUser().getEmail() || '(email not available)';
}

type FileRead =
  | { kind: 'read'; read: ReadResult; formatDetected: boolean }
  | { kind: 'no-profile'; message: string; header: string[]; draft: CsvProfileInput };

function readFile(services: AppsScriptServices, request: StatementRequest): FileRead {
  // Apps Script decodes base64 natively (to signed bytes); the core decides the text encoding, not the platform.
  const file: StatementFile = { fileName: request.fileName, bytes: services.Utilities.base64Decode(request.contentBase64) };
  const profiles = availableProfiles(services);
  let profile: CsvProfile | undefined;
  if (request.profileId !== undefined) {
    profile = profiles.find((p) => p.id === request.profileId);
    if (profile === undefined) throw new Error(`There is no bank profile "${request.profileId}".`);
  }
  try {
    const read = readStatement(file, {
      profiles,
      ...(request.format === undefined ? {} : { format: request.format }),
      ...(profile === undefined ? {} : { profile }),
    });
    return { kind: 'read', read, formatDetected: request.format === undefined };
  } catch (e) {
    if (!(e instanceof NoProfileFitsError)) throw e;
    // The user gets the header seen and a draft profile made from it, to start their own.
    const header = findHeader(decodeText(file.bytes, 'auto', file.fileName).text, e.header);
    return { kind: 'no-profile', message: e.reason, header: e.header ?? header?.cells ?? [], draft: draftProfile(file.fileName, header) };
  }
}

function fingerprintsIn(table: SheetTable | null): Set<string> {
  return new Set((table?.readColumn('fingerprint') ?? []).map(String));
}

export function previewRows(transactions: ReadonlyArray<Transaction & { line: number }>, known: Set<string>, max: number): PreviewRow[] {
  return transactions.slice(0, max).map((t) => ({
    ...publicTransaction(t),
    line: t.line,
    duplicate: known.has(t.fingerprint),
  }));
}

export function previewImport(services: AppsScriptServices, request: StatementRequest): ResponseOf<'previewImport'> {
  const result = readFile(services, request);
  if (result.kind === 'no-profile') {
    return { status: 'no-profile', fileName: request.fileName, message: result.message, header: result.header, draft: result.draft };
  }
  const { read } = result;
  const known = fingerprintsIn(SheetTable.find(services.SpreadsheetApp.getActiveSpreadsheet(), transactionsTable));
  const duplicates = read.transactions.filter((t) => known.has(t.fingerprint)).length;
  return {
    status: 'ready',
    fileName: request.fileName,
    format: read.format,
    formatDetected: result.formatDetected,
    profileId: read.profile?.id ?? null,
    profileName: read.profile?.name ?? null,
    profileDetected: read.profileDetected,
    account: read.account,
    period: read.period,
    encoding: read.encoding,
    rowsRead: read.rowsRead,
    newCount: read.transactions.length - duplicates,
    duplicateCount: duplicates,
    errorCount: read.errors.length,
    skippedCount: read.skipped.length,
    warningCount: read.warnings.length,
    rows: previewRows(read.transactions, known, PREVIEW_ROWS),
    errors: read.errors.slice(0, PREVIEW_ERRORS),
    skipped: read.skipped.slice(0, PREVIEW_ERRORS),
    warnings: read.warnings.slice(0, PREVIEW_ERRORS),
  };
}

const plural = (n: number, one: string, many: string): string => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** Why an import is refused, or null when the user has agreed to everything the file asks them to decide. */
function refusal(read: ReadResult, request: RequestOf<'importStatement'>): string | null {
  const reasons: string[] = [];
  if (read.errors.length > 0 && !request.importGoodRows) reasons.push(`${plural(read.errors.length, 'line', 'lines')} could not be read`);
  if (read.warnings.length > 0 && request.acceptWarnings !== true) {
    reasons.push(`${plural(read.warnings.length, 'warning', 'warnings')} (${read.warnings[0]!.message}) not confirmed`);
  }
  return reasons.length === 0 ? null : `${request.fileName}: ${reasons.join(' and ')}; nothing was imported.`;
}

export function importStatement(services: AppsScriptServices, request: RequestOf<'importStatement'>): ResponseOf<'importStatement'> {
  const result = readFile(services, request);
  if (result.kind === 'no-profile') throw new StatementFileError(request.fileName, result.message);
  const { read } = result;
  const refused = refusal(read, request);
  const user = userEmail(services);
  const sheetName = transactionsTable.sheetName;
  return withDocumentLock(services.LockService, () => {
    // Read the fingerprints inside the lock: another editor may have imported the same file a moment ago.
    const book = services.SpreadsheetApp.getActiveSpreadsheet();
    const importedAt = new Date();
    const entry = (status: ImportStatus, imported: number, duplicates: number) =>
      importEntryCells({
        importedAt,
        importedBy: user,
        fileName: request.fileName,
        format: read.format,
        profile: read.profile?.name ?? '',
        account: read.account,
        period: read.period,
        rowsRead: read.rowsRead,
        imported,
        duplicates,
        rejected: read.errors.length,
        skipped: read.skipped.length,
        status,
        warnings: read.warnings,
      });
    const answer = (status: ImportStatus, imported: number, duplicates: number, message: string): ResponseOf<'importStatement'> => ({
      status,
      imported,
      duplicates,
      rejected: read.errors.length,
      skipped: read.skipped.length,
      warnings: read.warnings.length,
      sheetName,
      message,
    });

    if (refused !== null) {
      // Nothing goes into "Transactions" (not even its header); the history records the attempt and its counts.
      const known = fingerprintsIn(SheetTable.find(book, transactionsTable));
      const duplicates = read.transactions.filter((t) => known.has(t.fingerprint)).length;
      SheetTable.open(book, importsTable).appendRows([entry('refused', 0, duplicates)]);
      return answer('refused', 0, duplicates, refused);
    }

    const table = SheetTable.open(book, transactionsTable);
    const known = fingerprintsIn(table);
    const fresh = read.transactions.filter((t) => !known.has(t.fingerprint));
    const stamp = { account: read.account, fileName: request.fileName, importedAt, importedBy: user };
    table.appendRows(fresh.map((t) => transactionCells(t, stamp)));
    const duplicates = read.transactions.length - fresh.length;
    const status: ImportStatus = fresh.length > 0 ? 'imported' : 'nothing-new';
    SheetTable.open(book, importsTable).appendRows([entry(status, fresh.length, duplicates)]);
    return answer(status, fresh.length, duplicates, importMessage(read.errors, read.warnings, fresh.length, duplicates, request.fileName, sheetName));
  });
}

function importMessage(errors: LineError[], warnings: LineError[], imported: number, duplicates: number, fileName: string, sheetName: string): string {
  const leftOut = errors.length > 0 ? ` ${plural(errors.length, 'unreadable line', 'unreadable lines')} left out.` : '';
  const accepted = warnings.length > 0 ? ` ${plural(warnings.length, 'warning', 'warnings')} accepted.` : '';
  return imported > 0
    ? `${plural(imported, 'transaction', 'transactions')} imported into "${sheetName}", ${duplicates} already there.${leftOut}${accepted}`
    : `Nothing new: all ${duplicates} transaction(s) of ${fileName} are already in "${sheetName}".${leftOut}${accepted}`;
}
