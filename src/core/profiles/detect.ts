/**
 * Which bank profile reads a CSV file the user gave without choosing one: every profile looks for its header in the
 * first lines (with its own delimiter, encoding and preamble rules); the one that recognises the most of its columns
 * wins. Files without header line are tried against headerless profiles by reading their first lines as bookings.
 */
import { findColumn, headerKey, resolveColumns } from '../import/columns';
import { findHeader, profileRecords } from '../import/csv';
import { readCsvRow } from '../import/csv-row';
import type { CsvRecord } from '../import/csv-records';
import type { StatementFile } from '../import/statement';
import { decodeText, toUnsignedBytes, type TextEncoding } from '../text/decode';
import { allColumnRefs, type CsvProfile } from './profile';

export type DetectResult =
  | { ok: true; profile: CsvProfile; /** The header's line, or null for a file without header. */ headerLine: number | null }
  | {
      ok: false;
      message: string;
      /** The line that looks like the file's header (cells as read), or null when there is none. */
      header: string[] | null;
      headerLine: number | null;
    };

/** Preambles are at most a couple of dozen lines (comdirect: 23); the header is looked for in this many. */
const HEADER_SEARCH_LINES = 30;
/** Bytes looked at: enough for any preamble and some bookings, without decoding a 50 MB file twice. */
const SAMPLE_BYTES = 64 * 1024;
const DELIMITERS = [';', ',', '\t', '|'] as const;

interface Candidate {
  profile: CsvProfile;
  /** Header texts of the profile found in the header line; 0.5 for a headerless profile whose lines read as bookings. */
  found: number;
  /** Header texts of the profile the header line lacks (optional columns): fewer is a closer fit. */
  missing: number;
  order: number;
  headerLine: number | null;
}

/**
 * Picks the profile for `file` among `profiles` (built-in ones and the user's own). Ties are broken deliberately: more
 * recognised columns first (the most specific profile), then fewer unrecognised ones, then the order of `profiles`
 * (bank profiles before the generic one). A file that cannot be decoded at all (empty, binary) throws its
 * `StatementFileError`, as reading it would.
 */
export function detectCsvProfile(file: StatementFile, profiles: readonly CsvProfile[]): DetectResult {
  const sample = sampleBytes(toUnsignedBytes(file.bytes));
  const texts = new Map<TextEncoding, string>();
  const textFor = (encoding: TextEncoding): string => {
    let text = texts.get(encoding);
    if (text === undefined) {
      text = decodeText(sample, encoding, file.fileName).text;
      texts.set(encoding, text);
    }
    return text;
  };
  textFor('auto');

  const candidates: Candidate[] = [];
  profiles.forEach((profile, order) => {
    let records: CsvRecord[];
    try {
      records = profileRecords(textFor(profile.encoding), profile, file.fileName);
    } catch {
      return; // e.g. fewer lines than the profile skips, or not valid in the profile's encoding
    }
    const candidate = profile.header.present ? headerFit(profile, records) : headerlessFit(profile, records, file.fileName);
    if (candidate !== null) candidates.push({ ...candidate, profile, order });
  });
  candidates.sort((a, b) => b.found - a.found || a.missing - b.missing || a.order - b.order);
  const best = candidates[0];
  if (best !== undefined) return { ok: true, profile: best.profile, headerLine: best.headerLine };
  return noneFits(textFor('auto'));
}

function sampleBytes(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= SAMPLE_BYTES) return bytes;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) return bytes.subarray(0, SAMPLE_BYTES);
  // Cut after a line break, never inside a UTF-8 sequence.
  const lastBreak = bytes.lastIndexOf(0x0a, SAMPLE_BYTES);
  return bytes.subarray(0, lastBreak > 0 ? lastBreak + 1 : SAMPLE_BYTES);
}

function headerFit(profile: CsvProfile, records: readonly CsvRecord[]): Omit<Candidate, 'profile' | 'order'> | null {
  const at = findHeader(records, profile, HEADER_SEARCH_LINES);
  if (at === -1) return null;
  const header = records[at]!;
  // findHeader falls back to the closest line; detection wants a line with every required column.
  try {
    resolveColumns(profile, header.cells, '', header.line);
  } catch {
    return null;
  }
  const keys = header.cells.map(headerKey);
  // Each column once, however many fields read it (counterparty and purpose are often the same column).
  const named = [...new Map(allColumnRefs(profile).filter((r) => typeof r !== 'number').map((r) => [JSON.stringify(r), r])).values()];
  const found = named.filter((r) => findColumn(r, keys) !== -1).length;
  // A profile that names no column by its header text cannot recognise a file by its header; one that finds fewer than
  // half of its columns has only met common words ("Buchungstag", "Betrag") in another bank's header.
  if (found === 0 || found < named.length / 2) return null;
  return { found, missing: named.length - found, headerLine: header.line };
}

/** A headerless profile fits when its first lines (up to ten) all read as bookings, with the same number of cells. */
function headerlessFit(profile: CsvProfile, records: readonly CsvRecord[], fileName: string): Omit<Candidate, 'profile' | 'order'> | null {
  const lines = records.slice(0, 10);
  if (lines.length === 0 || lines.some((r) => r.cells.length !== lines[0]!.cells.length)) return null;
  let columns;
  try {
    columns = resolveColumns(profile, null, fileName, 0);
  } catch {
    return null;
  }
  const expectedCells = lines[0]!.cells.length;
  const context = { profile, columns, fileName, expectedCells, minimumCells: expectedCells };
  const results = lines.map((r) => readCsvRow(r, context).kind);
  if (!results.includes('transaction') || results.some((k) => k === 'rejected')) return null;
  return { found: 0.5, missing: 0, headerLine: null };
}

/** The "none fits" answer, showing the line that most looks like a header so the user can write a profile for it. */
function noneFits(text: string): DetectResult {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').slice(0, HEADER_SEARCH_LINES);
  let best: { delimiter: string; count: number; lines: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const counts = new Map<number, number>();
    for (const line of lines) {
      const n = line.split(delimiter).length;
      if (n >= 2) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    for (const [count, many] of counts) {
      if (best === null || many > best.lines || (many === best.lines && count > best.count)) best = { delimiter, count, lines: many };
    }
  }
  if (best === null) {
    return { ok: false, message: 'no bank profile fits this file, and it has no line with columns', header: null, headerLine: null };
  }
  const index = lines.findIndex((l) => l.split(best.delimiter).length === best.count);
  const header = lines[index]!.split(best.delimiter).map((c) => c.replace(/^\ufeff/, '').trim().replace(/^"(.*)"$/, '$1'));
  const shown = header.slice(0, 15).map((c) => `"${c.length > 40 ? c.slice(0, 37) + '…' : c}"`).join(best.delimiter);
  const more = header.length > 15 ? best.delimiter + '…' : '';
  // A first line with a date in it is a booking: the file has no header line at all.
  const isData = header.some((c) => /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/.test(c));
  return {
    ok: false,
    message: isData
      ? `no bank profile fits this file; it has no header line, its line ${index + 1} is: ${shown}${more}`
      : `no bank profile fits this file; its header (line ${index + 1}) is: ${shown}${more}`,
    header: isData ? null : header,
    headerLine: isData ? null : index + 1,
  };
}
