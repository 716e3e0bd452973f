/**
 * Reads CAMT.052/053 bank statements (ISO 20022 XML), as a single XML file or as the ZIP archive banks deliver them in
 * (one XML file per day or account), into one `StatementRead`.
 *
 * A ZIP entry that is no CAMT statement (a PDF copy, a CAMT.054 notification) is left out with a warning that names it,
 * so the user sees it before importing; a damaged statement stops the import, naming `archive.zip/entry.xml`.
 *
 * All statements of one import must be of one account, as for CSV: the import stamps one account on every row.
 * Entries of another account are rejected with an error each, never imported under the wrong account.
 */
import { toUnsignedBytes, type ResolvedEncoding } from '../text/decode';
import { StatementFileError, type LineError } from '../transaction';
import { looksLikeZip, unzipArchive } from '../zip/unzip';
import { readCamtDocument, type CamtStatement } from './camt-document';
import type { CamtRow } from './camt-entry';
import { assignFingerprints } from './fingerprint';
import { periodOf, type SkippedLine, type StatementFile, type StatementRead } from './statement';

/** A CAMT.052/.053 XML file, or a ZIP of them. */
export function readCamtFile(file: StatementFile): StatementRead {
  const bytes = toUnsignedBytes(file.bytes);
  if (looksLikeZip(bytes)) return readArchive(bytes, file.fileName);
  const document = readCamtDocument(bytes, file.fileName);
  if (!document.ok) throw new StatementFileError(file.fileName, document.reason);
  return combine(file.fileName, document.statements, [], document.encoding);
}

/** XML starts with `<` after an optional byte order mark and white space; anything else in an archive is no CAMT file. */
function looksLikeXml(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c;
}

function readArchive(bytes: Uint8Array, archiveName: string): StatementRead {
  const entries = unzipArchive(bytes, archiveName);
  if (entries.length === 0) throw new StatementFileError(archiveName, 'is a ZIP archive without files');
  const statements: CamtStatement[] = [];
  const leftOut: LineError[] = [];
  let encoding: ResolvedEncoding | null = null;
  for (const entry of entries) {
    const name = `${archiveName}/${entry.name}`;
    const leave = (reason: string): void => {
      leftOut.push({ file: name, line: 1, column: null, field: 'file', found: entry.name, message: `${reason}; left out` });
    };
    if (entry.bytes.length === 0) {
      leave('is empty');
      continue;
    }
    if (!looksLikeXml(entry.bytes)) {
      leave('is not a CAMT XML file');
      continue;
    }
    const document = readCamtDocument(entry.bytes, name);
    encoding ??= document.encoding;
    if (document.ok) statements.push(...document.statements);
    else leave(document.reason);
  }
  if (statements.length === 0) {
    const why = leftOut.map((w) => `${w.found} ${w.message}`).join('; ');
    throw new StatementFileError(archiveName, `contains no CAMT.052 or CAMT.053 statement: ${why}`);
  }
  return combine(archiveName, statements, leftOut, encoding ?? 'utf-8');
}

function combine(
  fileName: string,
  statements: readonly CamtStatement[],
  leftOut: readonly LineError[],
  encoding: ResolvedEncoding,
): StatementRead {
  const first = statements.find((s) => s.account !== null) ?? null;
  const account = first?.account ?? null;
  const rows: CamtRow[] = [];
  const errors: LineError[] = [];
  const skipped: SkippedLine[] = [];
  const warnings: LineError[] = [...leftOut];
  let from: string | null = null;
  let to: string | null = null;
  for (const s of statements) {
    errors.push(...s.errors);
    skipped.push(...s.skipped);
    warnings.push(...s.warnings);
    if (s.account !== null && s.account !== account) {
      for (const row of s.rows) {
        errors.push({
          file: s.fileName,
          line: row.line,
          column: null,
          field: 'account',
          found: s.account,
          message:
            `belongs to account ${s.account} (named in line ${s.accountLine}), but the first statement ` +
            `(${first!.fileName}, line ${first!.accountLine}) is of account ${account}; import one account at a time`,
        });
      }
      continue;
    }
    rows.push(...s.rows);
    // The stated period, widened to any booking outside it: a statement for the 23rd may carry a booking of the 22nd.
    for (const p of [s.statedPeriod, periodOf(s.rows)]) {
      if (p === null) continue;
      if (from === null || p.from < from) from = p.from;
      if (to === null || p.to > to) to = p.to;
    }
  }
  return {
    fileName,
    format: 'camt',
    profileId: null,
    account,
    period: from === null || to === null ? null : { from, to },
    rowsRead: rows.length + errors.length + skipped.length,
    transactions: assignFingerprints(rows, account),
    errors,
    skipped,
    warnings,
    encoding,
  };
}
