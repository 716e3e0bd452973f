/**
 * Bytes of a statement file → text. Banks write Windows-1252 (most German exports), UTF-8 with or without BOM, and
 * occasionally ISO-8859-1; the platform's decoders are not everywhere (Apps Script has no text decoder), so this is ours.
 */
import { StatementFileError } from '../transaction';

export type TextEncoding = 'auto' | 'utf-8' | 'windows-1252' | 'iso-8859-1';
export type ResolvedEncoding = 'utf-8' | 'windows-1252' | 'iso-8859-1' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  /** The text without byte order mark. */
  text: string;
  /** The encoding that was used; for `auto`, the one detected. */
  encoding: ResolvedEncoding;
}

/** Windows-1252 0x80–0x9F. The five bytes the code page leaves undefined map to the C1 controls, as browsers do. */
const windows1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Apps Script's base64 decoder yields signed bytes (-128..127), Node and browsers unsigned ones: accept both.
 */
export function toUnsignedBytes(bytes: ArrayLike<number>): Uint8Array {
  if (bytes instanceof Uint8Array) return bytes;
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = (bytes[i] as number) & 0xff;
  return out;
}

/** Strict UTF-8: overlong forms, surrogates, code points above U+10FFFF and cut-off sequences all make it invalid. */
function decodeUtf8Strict(bytes: Uint8Array, start: number): string | null {
  const units: number[] = [];
  let text = '';
  let i = start;
  while (i < bytes.length) {
    const b0 = bytes[i]!;
    let cp: number;
    let need: number;
    let min: number;
    if (b0 < 0x80) {
      cp = b0;
      need = 0;
      min = 0;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      cp = b0 & 0x1f;
      need = 1;
      min = 0x80;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      cp = b0 & 0x0f;
      need = 2;
      min = 0x800;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      cp = b0 & 0x07;
      need = 3;
      min = 0x10000;
    } else {
      return null;
    }
    for (let k = 1; k <= need; k++) {
      const b = bytes[i + k];
      if (b === undefined || (b & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    if (cp >= 0x10000) {
      const v = cp - 0x10000;
      units.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
    } else {
      units.push(cp);
    }
    i += need + 1;
    // Flush in chunks: String.fromCharCode with a huge argument list overflows the stack.
    if (units.length >= 8192) text += flush(units);
  }
  return text + flush(units);
}

function flush(units: number[]): string {
  const s = String.fromCharCode.apply(null, units);
  units.length = 0;
  return s;
}

function decodeSingleByte(bytes: Uint8Array, start: number, high: readonly number[] | null): string {
  const units: number[] = [];
  let text = '';
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i]!;
    units.push(high !== null && b >= 0x80 && b <= 0x9f ? high[b - 0x80]! : b);
    if (units.length >= 8192) text += flush(units);
  }
  return text + flush(units);
}

function decodeUtf16(bytes: Uint8Array, start: number, littleEndian: boolean): string {
  const units: number[] = [];
  let text = '';
  for (let i = start; i + 1 < bytes.length; i += 2) {
    units.push(littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
    if (units.length >= 8192) text += flush(units);
  }
  return text + flush(units);
}

function hasUtf8Bom(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

/** The first bytes of what users pick by mistake: ZIP (also .xlsx), PDF, old .xls, PNG, JPEG. */
const binarySignatures: ReadonlyArray<readonly number[]> = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x25, 0x50, 0x44, 0x46, 0x2d],
  [0xd0, 0xcf, 0x11, 0xe0],
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
];

/**
 * A statement is text: NUL bytes or many control characters mean a PDF, a spreadsheet or an image was picked by mistake.
 * Telling the user so beats a thousand "wrong column count" errors.
 */
function looksBinary(b: Uint8Array): boolean {
  if (binarySignatures.some((sig) => sig.every((byte, i) => b[i] === byte))) return true;
  const n = Math.min(b.length, 65536);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0) return true;
    // Tab, LF, FF, CR are text; 0x1A is the old DOS end-of-file mark some exporters still append.
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d && c !== 0x1a) controls++;
  }
  return controls > 8 && controls / n > 0.02;
}

export function decodeText(input: ArrayLike<number>, encoding: TextEncoding, fileName: string): DecodedText {
  const bytes = toUnsignedBytes(input);
  if (bytes.length === 0) throw new StatementFileError(fileName, 'the file is empty');
  // Excel's "Unicode text" is UTF-16 with a BOM; its NUL bytes must not be taken for a binary file.
  if (encoding === 'auto' && bytes.length >= 2) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes, 2, true), encoding: 'utf-16le' };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes, 2, false), encoding: 'utf-16be' };
  }
  const text = withoutEndPadding(bytes);
  if (text.length === 0) throw new StatementFileError(fileName, 'holds no text, only padding bytes');
  return decodeByteText(text, encoding, fileName);
}

/**
 * Some exporters pad the end of a file with NUL bytes or close it with the DOS end-of-file mark (0x1A), before or after
 * the last line break — a PostFinance export of 2003 ends in `45.85<NUL><CR><LF>`. That is no binary file, and the
 * padding is no text: it is dropped, the line breaks stay.
 */
function withoutEndPadding(bytes: Uint8Array): Uint8Array {
  const isPadding = (b: number) => b === 0x00 || b === 0x1a;
  let tail = bytes.length;
  while (tail > 0 && (isPadding(bytes[tail - 1]!) || bytes[tail - 1] === 0x0a || bytes[tail - 1] === 0x0d)) tail--;
  const end = bytes.subarray(tail);
  if (!end.some(isPadding)) return bytes;
  const out = new Uint8Array(bytes.length);
  out.set(bytes.subarray(0, tail));
  let n = tail;
  for (const b of end) if (!isPadding(b)) out[n++] = b;
  return out.subarray(0, n);
}

function decodeByteText(bytes: Uint8Array, encoding: TextEncoding, fileName: string): DecodedText {
  if (looksBinary(bytes)) throw new StatementFileError(fileName, 'looks like a binary file, not a bank statement');
  const bom = hasUtf8Bom(bytes);
  switch (encoding) {
    case 'utf-8': {
      const text = decodeUtf8Strict(bytes, bom ? 3 : 0);
      if (text === null) {
        throw new StatementFileError(fileName, 'is not valid UTF-8; choose the encoding Windows-1252 in the bank profile');
      }
      return { text, encoding: 'utf-8' };
    }
    case 'windows-1252':
      return { text: decodeSingleByte(bytes, 0, windows1252High), encoding: 'windows-1252' };
    case 'iso-8859-1':
      return { text: decodeSingleByte(bytes, 0, null), encoding: 'iso-8859-1' };
    case 'auto': {
      // A Windows-1252 text with umlauts is almost never valid UTF-8 by accident (ä = 0xE4 must be followed by two
      // continuation bytes), so "valid UTF-8 → UTF-8, else Windows-1252" is a safe rule.
      const utf8 = decodeUtf8Strict(bytes, bom ? 3 : 0);
      if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
      return { text: decodeSingleByte(bytes, 0, windows1252High), encoding: 'windows-1252' };
    }
  }
}
