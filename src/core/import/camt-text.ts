/**
 * The bytes of a CAMT XML file → text. XML says its encoding in the declaration (`<?xml version="1.0"
 * encoding="ISO-8859-1"?>`) and that is honoured; files without declaration occur too (Sparda-Bank writes ISO-8859-1
 * without one, against the XML rule that such a file is UTF-8), so those are detected like any statement file.
 */
import { decodeText, toUnsignedBytes, type DecodedText, type TextEncoding } from '../text/decode';
import { StatementFileError } from '../transaction';

const declaredNames: Record<string, Exclude<TextEncoding, 'auto'> | 'iso-8859-15' | 'auto'> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  // ASCII is a subset of UTF-8; a byte above 127 in such a file is then reported as invalid, as it should be.
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
  'iso-8859-1': 'iso-8859-1',
  'iso_8859-1': 'iso-8859-1',
  'iso8859-1': 'iso-8859-1',
  latin1: 'iso-8859-1',
  'latin-1': 'iso-8859-1',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'iso-8859-15': 'iso-8859-15',
  'iso_8859-15': 'iso-8859-15',
  latin9: 'iso-8859-15',
  // A UTF-16 declaration can only be read after the byte order mark, which the automatic detection looks for.
  'utf-16': 'auto',
};

/** ISO-8859-15 (Latin-9, the one with €) differs from ISO-8859-1 in eight positions; everything else is the same. */
const latin9: Record<string, string> = {
  '\u00a4': '€',
  '\u00a6': 'Š',
  '\u00a8': 'š',
  '\u00b4': 'Ž',
  '\u00b8': 'ž',
  '\u00bc': 'Œ',
  '\u00bd': 'œ',
  '\u00be': 'Ÿ',
};

/** The encoding named in the XML declaration, read from the raw bytes (the declaration itself is always ASCII). */
export function declaredEncoding(bytes: Uint8Array): string | null {
  let head = '';
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < Math.min(bytes.length, start + 200); i++) head += String.fromCharCode(bytes[i]!);
  const m = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return m === null ? null : m[1]!;
}

export function decodeCamtText(input: ArrayLike<number>, fileName: string): DecodedText {
  const bytes = toUnsignedBytes(input);
  const declared = declaredEncoding(bytes);
  if (declared === null) return decodeText(bytes, 'auto', fileName);
  const encoding = declaredNames[declared.toLowerCase()];
  if (encoding === undefined) {
    throw new StatementFileError(
      fileName,
      `declares the character encoding "${declared}", which cannot be read (UTF-8, ISO-8859-1, ISO-8859-15 and ` +
        'Windows-1252 can)',
    );
  }
  if (encoding === 'iso-8859-15') {
    const decoded = decodeText(bytes, 'iso-8859-1', fileName);
    // Reported as ISO-8859-1, the nearest encoding the statement's `encoding` field knows.
    const text = decoded.text.replace(/[\u00a4\u00a6\u00a8\u00b4\u00b8\u00bc-\u00be]/g, (c) => latin9[c]!);
    return { text, encoding: 'iso-8859-1' };
  }
  if (encoding === 'utf-8') {
    try {
      return decodeText(bytes, 'utf-8', fileName);
    } catch (e) {
      if (!(e instanceof StatementFileError)) throw e;
      throw new StatementFileError(
        fileName,
        `declares the encoding ${declared}, but its bytes are not valid ${declared}; the bank sent a damaged file (or one ` +
          'converted to another encoding afterwards)',
      );
    }
  }
  return decodeText(bytes, encoding, fileName);
}
