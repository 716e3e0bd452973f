/**
 * Bank profiles as the sidebar manages them: list (built-in and this spreadsheet's own), fetch one for the editor, save,
 * delete, and the editor's live preview of a draft on a sample file.
 */
import { readStatement } from '../../core/import/read-statement';
import { builtinProfiles } from '../../core/profiles/builtin';
import type { CsvProfile } from '../../core/profiles/profile';
import { decodeText, type TextEncoding } from '../../core/text/decode';
import { StatementFileError } from '../../core/transaction';
import type { RequestOf, ResponseOf } from '../../shared/contract';
import { withDocumentLock } from '../adapters/document-lock';
import type { Language } from '../language';
import type { AppsScriptServices } from '../platform/apps-script-api';
import { documentProperties, previewRows } from './import-statement';
import { checkProfile, isCustomId, newCustomId, ProfileStore } from './profile-store';

/** The editor shows the first rows only: enough to see every column land right, small enough to re-read on each change. */
const EDITOR_ROWS = 20;
const SAMPLE_LINES = 12;
const SAMPLE_LINE_CHARS = 300;

function store(services: AppsScriptServices): ProfileStore {
  return new ProfileStore(documentProperties(services));
}

function describe(p: CsvProfile, language: Language): string {
  return (language === 'de' ? p.descriptionDe : undefined) ?? p.description;
}

export function listProfiles(services: AppsScriptServices, language: Language): ResponseOf<'listProfiles'> {
  const stored = store(services).readAll();
  return {
    profiles: [
      ...builtinProfiles.map((p) => ({ id: p.id, name: p.name, description: describe(p, language), builtin: true })),
      ...stored.profiles.map((p) => ({ id: p.id, name: p.name, description: describe(p, language), builtin: false })),
    ],
    broken: stored.broken,
  };
}

export function getProfile(services: AppsScriptServices, request: RequestOf<'getProfile'>): ResponseOf<'getProfile'> {
  const builtin = builtinProfiles.find((p) => p.id === request.id);
  if (builtin !== undefined) return { profile: builtin, builtin: true };
  const custom = store(services).read(request.id);
  if (custom === null) throw new Error(`There is no bank profile "${request.id}".`);
  return { profile: custom, builtin: false };
}

export function saveProfile(services: AppsScriptServices, request: RequestOf<'saveProfile'>): ResponseOf<'saveProfile'> {
  const draft = request.profile;
  if (draft === null || typeof draft !== 'object' || Array.isArray(draft)) {
    return { status: 'invalid', message: 'A profile is a set of fields (a JSON object).', issues: [] };
  }
  if (request.id !== null && !isCustomId(request.id)) {
    return { status: 'invalid', message: `"${request.id}" is a built-in profile: copy it, and change the copy.`, issues: [] };
  }
  // Checked before the lock is taken: most refusals need no lock. The id is the server's to give, so a stand-in here.
  const precheck = checkProfile({ ...draft, id: request.id ?? 'custom-new' });
  if (!precheck.ok) return { status: 'invalid', message: precheck.message, issues: precheck.issues };
  const name = precheck.profile.name;
  return withDocumentLock(services.LockService, () => {
    const profiles = store(services);
    let id = request.id;
    if (id === null) {
      id = newCustomId(name, (candidate) => profiles.exists(candidate));
    } else if (!profiles.exists(id)) {
      return { status: 'invalid', message: `The profile "${id}" no longer exists (deleted meanwhile?). Save it as a new one.`, issues: [] };
    }
    const profile: CsvProfile = { ...precheck.profile, id };
    const written = profiles.write(profile);
    if (!written.ok) return { status: 'invalid', message: written.message, issues: [] };
    return { status: 'saved', id, name };
  });
}

export function deleteProfile(services: AppsScriptServices, request: RequestOf<'deleteProfile'>): ResponseOf<'deleteProfile'> {
  if (builtinProfiles.some((p) => p.id === request.id)) throw new Error(`"${request.id}" is a built-in profile and cannot be deleted.`);
  return withDocumentLock(services.LockService, () => ({ deleted: store(services).remove(request.id) }));
}

/** The file's first lines as text, so the user sees delimiter, preamble and header while setting up the profile. */
function sampleLines(bytes: ArrayLike<number>, encoding: TextEncoding, fileName: string): string[] {
  const text = decodeText(bytes, encoding, fileName).text;
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n', SAMPLE_LINES)
    .map((line) => (line.length > SAMPLE_LINE_CHARS ? `${line.slice(0, SAMPLE_LINE_CHARS - 1)}…` : line));
}

/** The lines with the draft's encoding, or, where that fails (a wrong encoding is a usual draft mistake), as detected. */
function sampleLinesOf(bytes: ArrayLike<number>, encoding: TextEncoding, fileName: string): string[] {
  try {
    return sampleLines(bytes, encoding, fileName);
  } catch (error) {
    if (encoding === 'auto' || !(error instanceof StatementFileError)) throw error;
    return sampleLines(bytes, 'auto', fileName);
  }
}

export function previewProfile(services: AppsScriptServices, request: RequestOf<'previewProfile'>): ResponseOf<'previewProfile'> {
  const file = { fileName: request.fileName, bytes: services.Utilities.base64Decode(request.contentBase64) };
  const draft = request.profile;
  // The draft's id does not matter for reading; a new profile has none yet.
  const checked = checkProfile(draft !== null && typeof draft === 'object' && !Array.isArray(draft) ? { id: 'custom-new', ...draft } : draft);
  let lines: string[] = [];
  try {
    lines = sampleLinesOf(file.bytes, checked.ok ? checked.profile.encoding : 'auto', file.fileName);
    if (!checked.ok) return { status: 'invalid', message: checked.message, issues: checked.issues, sampleLines: lines };
    const read = readStatement(file, { format: 'csv', profile: checked.profile, profiles: [] });
    return {
      status: 'ready',
      rowsRead: read.rowsRead,
      transactionCount: read.transactions.length,
      errorCount: read.errors.length,
      skippedCount: read.skipped.length,
      account: read.account,
      period: read.period,
      rows: previewRows(read.transactions, new Set(), EDITOR_ROWS),
      errors: read.errors.slice(0, EDITOR_ROWS),
      skipped: read.skipped.slice(0, EDITOR_ROWS),
      sampleLines: lines,
    };
  } catch (error) {
    // A draft that cannot read the file at all (header text not found, wrong encoding …) is the normal state of editing.
    if (error instanceof StatementFileError) return { status: 'unreadable', message: error.message, sampleLines: lines };
    throw error;
  }
}
