/**
 * Import of a bank statement file into the "Transactions" sheet: preview first, then one batched write.
 *
 * The file is read completely before anything is written, and rows are written in one call, so a bad file can never leave
 * a half-written sheet. Duplicates are recognised by fingerprint against what the sheet already holds.
 */
import { readCsvStatement, type StatementRead } from '../../core/import/csv';
import { builtinProfiles, findProfile } from '../../core/profiles/builtin';
import type { CsvProfile } from '../../core/profiles/profile';
import { transactionCells, transactionsTable } from '../../core/tables/transactions';
import type { RequestOf, ResponseOf } from '../../shared/contract';
import { withDocumentLock } from '../adapters/document-lock';
import { SheetTable } from '../adapters/sheet-table';
import type { Language } from '../language';
import type { AppsScriptServices } from '../platform/apps-script-api';

/** How many rows and errors the preview carries to the sidebar; the counts always cover the whole file. */
const PREVIEW_ROWS = 200;
const PREVIEW_ERRORS = 200;

type StatementFile = RequestOf<'previewImport'>;

export function listProfiles(language: Language): ResponseOf<'listProfiles'> {
  return {
    profiles: builtinProfiles.map((p) => ({
      id: p.id,
      name: p.name,
      description: (language === 'de' ? p.descriptionDe : undefined) ?? p.description,
    })),
  };
}

function profileFor(profileId: string): CsvProfile {
  const profile = findProfile(profileId);
  if (profile === undefined) throw new Error(`There is no bank profile "${profileId}".`);
  return profile;
}

type ReadFile = StatementRead & { profile: CsvProfile };

function readFile(services: AppsScriptServices, file: StatementFile): ReadFile {
  const profile = profileFor(file.profileId);
  // Apps Script decodes base64 natively (to signed bytes); the core decides the text encoding, not the platform.
  const bytes = services.Utilities.base64Decode(file.contentBase64);
  return { ...readCsvStatement({ fileName: file.fileName, bytes }, profile), profile };
}

function fingerprintsInSheet(services: AppsScriptServices): Set<string> {
  const table = SheetTable.find(services.SpreadsheetApp.getActiveSpreadsheet(), transactionsTable);
  return new Set((table?.readColumn('fingerprint') ?? []).map(String));
}

export function previewImport(services: AppsScriptServices, file: StatementFile): ResponseOf<'previewImport'> {
  const read = readFile(services, file);
  const known = fingerprintsInSheet(services);
  const duplicates = read.transactions.filter((t) => known.has(t.fingerprint)).length;
  return {
    fileName: file.fileName,
    profileName: read.profile.name,
    rowsRead: read.rowsRead,
    newCount: read.transactions.length - duplicates,
    duplicateCount: duplicates,
    errorCount: read.errors.length,
    skippedCount: read.skipped.length,
    rows: read.transactions.slice(0, PREVIEW_ROWS).map((t) => ({ ...t, duplicate: known.has(t.fingerprint) })),
    errors: read.errors.slice(0, PREVIEW_ERRORS),
    skipped: read.skipped.slice(0, PREVIEW_ERRORS),
  };
}

export function importStatement(
  services: AppsScriptServices,
  request: RequestOf<'importStatement'>,
): ResponseOf<'importStatement'> {
  const read = readFile(services, request);
  const sheetName = transactionsTable.sheetName;
  if (read.errors.length > 0 && !request.importGoodRows) {
    return {
      status: 'refused',
      imported: 0,
      duplicates: 0,
      rejected: read.errors.length,
      sheetName,
      message: `${read.errors.length} line(s) of ${request.fileName} could not be read; nothing was imported.`,
    };
  }
  const user = services.Session.getActiveUser().getEmail();
  return withDocumentLock(services.LockService, () => {
    // Read the fingerprints inside the lock: another editor may have imported the same file a moment ago.
    const book = services.SpreadsheetApp.getActiveSpreadsheet();
    const table = SheetTable.open(book, transactionsTable);
    const known = new Set(table.readColumn('fingerprint').map(String));
    const fresh = read.transactions.filter((t) => !known.has(t.fingerprint));
    const stamp = { account: read.account, fileName: request.fileName, importedAt: new Date(), importedBy: user };
    table.appendRows(fresh.map((t) => transactionCells(t, stamp)));
    const duplicates = read.transactions.length - fresh.length;
    const skipped = read.errors.length > 0 ? ` ${read.errors.length} unreadable line(s) left out.` : '';
    return {
      status: fresh.length > 0 ? 'imported' : 'nothing-new',
      imported: fresh.length,
      duplicates,
      rejected: read.errors.length,
      sheetName,
      message:
        fresh.length > 0
          ? `${fresh.length} transaction(s) imported into "${sheetName}", ${duplicates} already there.${skipped}`
          : `Nothing new: all ${duplicates} transaction(s) of ${request.fileName} are already in "${sheetName}".${skipped}`,
    };
  });
}
