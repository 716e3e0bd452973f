import { describe, expect, it } from 'vitest';
import { decodeText, toUnsignedBytes } from '../../src/core/text/decode';
import { StatementFileError } from '../../src/core/transaction';

const bytes = (...b: number[]): number[] => b;
/** As Apps Script's Utilities.base64Decode returns them: -128..127. */
const signed = (b: ArrayLike<number>): number[] => Array.from(b, (x) => (x > 127 ? x - 256 : x));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('reads umlauts and ß from Windows-1252 bytes', () => {
    const text = bytes(0x4d, 0xe4, 0xf6, 0xfc, 0xdf, 0xc4, 0xd6, 0xdc);
    expect(decodeText(text, 'windows-1252', 'f.csv')).toEqual({ text: 'Mäöüß' + 'ÄÖÜ', encoding: 'windows-1252' });
    expect(decodeText(text, 'auto', 'f.csv')).toEqual({ text: 'MäöüßÄÖÜ', encoding: 'windows-1252' });
  });

  it('knows the whole Windows-1252 range 0x80–0x9F', () => {
    const high = Array.from({ length: 32 }, (_, i) => 0x80 + i);
    const expected = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
    expect(decodeText(high, 'windows-1252', 'f').text).toBe(expected);
  });

  it('reads ISO-8859-1 byte for byte', () => {
    expect(decodeText([0x80, 0xe4, 0x41], 'iso-8859-1', 'f').text).toBe('\u0080äA');
  });

  it('accepts the signed bytes Apps Script produces', () => {
    expect(decodeText(signed([0x80, 0x20, 0xe4]), 'windows-1252', 'f').text).toBe('€ ä');
    expect(decodeText(signed(utf8('Grüße €')), 'auto', 'f')).toEqual({ text: 'Grüße €', encoding: 'utf-8' });
    expect(Array.from(toUnsignedBytes([-1, -128, 127, 0]))).toEqual([255, 128, 127, 0]);
  });

  it('drops a UTF-8 byte order mark, with auto and with utf-8', () => {
    const withBom = [0xef, 0xbb, 0xbf, ...utf8('"Buchungstag";"Betrag"')];
    expect(decodeText(withBom, 'auto', 'f')).toEqual({ text: '"Buchungstag";"Betrag"', encoding: 'utf-8' });
    expect(decodeText(withBom, 'utf-8', 'f').text).toBe('"Buchungstag";"Betrag"');
  });

  it('reads UTF-8 including four-byte characters', () => {
    expect(decodeText(utf8('Zahlung 💶 für Café'), 'auto', 'f').text).toBe('Zahlung 💶 für Café');
  });

  it('falls back to Windows-1252 when the bytes are not valid UTF-8', () => {
    // "Müller" in Windows-1252: 0xFC followed by "l" is no UTF-8 sequence.
    expect(decodeText([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72], 'auto', 'f')).toEqual({ text: 'Müller', encoding: 'windows-1252' });
    // Valid lead byte, cut-off sequence at the end.
    expect(decodeText([0x41, 0xc3], 'auto', 'f').encoding).toBe('windows-1252');
  });

  it.each([
    ['overlong', [0xc0, 0xaf]],
    ['overlong three-byte', [0xe0, 0x80, 0xaf]],
    ['surrogate', [0xed, 0xa0, 0x80]],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['lone continuation byte', [0x80]],
    ['cut off', [0xe2, 0x82]],
  ])('strict UTF-8 refuses %s', (_name, b) => {
    expect(() => decodeText([0x41, ...b], 'utf-8', 'f.csv')).toThrow(/not valid UTF-8/);
    expect(decodeText([0x41, ...b], 'auto', 'f.csv').encoding).toBe('windows-1252');
  });

  it('reads UTF-16 with byte order mark (Excel "Unicode text")', () => {
    expect(decodeText([0xff, 0xfe, 0x41, 0x00, 0xe4, 0x00], 'auto', 'f')).toEqual({ text: 'Aä', encoding: 'utf-16le' });
    expect(decodeText([0xfe, 0xff, 0x00, 0x41, 0x20, 0xac], 'auto', 'f')).toEqual({ text: 'A€', encoding: 'utf-16be' });
  });

  it('refuses an empty file', () => {
    expect(() => decodeText([], 'auto', 'leer.csv')).toThrow(StatementFileError);
    expect(() => decodeText(new Uint8Array(0), 'utf-8', 'leer.csv')).toThrow('leer.csv: the file is empty');
  });

  it('refuses binary files', () => {
    const pdf = [...utf8('%PDF-1.4\n'), 0x00, 0x01, 0x02, ...utf8('stream')];
    expect(() => decodeText(pdf, 'auto', 'auszug.pdf')).toThrow('auszug.pdf: looks like a binary file, not a bank statement');
    const controls = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x07 : 0x41));
    expect(() => decodeText(controls, 'windows-1252', 'x.bin')).toThrow(/binary/);
    // Tabs and CR/LF are text; a trailing DOS end-of-file mark is padding (see below).
    expect(decodeText([...utf8('a\tb\r\nc\n'), 0x1a], 'auto', 'f').text).toBe('a\tb\r\nc\n');
  });
});

describe('padding at the end of a file', () => {
  it('NUL bytes and the DOS end-of-file mark after the text are dropped, not taken for a binary file', () => {
    const text = 'Datum;Betrag\n01.02.2025;12,00\n';
    const padded = [...Array.from(text, (c) => c.charCodeAt(0)), 0x1a, 0, 0];
    expect(decodeText(padded, 'auto', 'pf.csv')).toEqual({ text, encoding: 'utf-8' });
    // Before the last line break, as PostFinance wrote it in 2003.
    const beforeBreak = [...Array.from('a;1\r\nb;2', (c) => c.charCodeAt(0)), 0, 0x0d, 0x0a];
    expect(decodeText(beforeBreak, 'auto', 'pf.csv').text).toBe('a;1\r\nb;2\r\n');
  });

  it('a NUL inside the text still means binary, and a file of padding only is refused in words', () => {
    expect(() => decodeText([0x41, 0x00, 0x42, 0x0a], 'auto', 'x.csv')).toThrow(/x\.csv: looks like a binary file/);
    expect(() => decodeText([0, 0, 0], 'auto', 'x.csv')).toThrow(/x\.csv: holds no text, only padding bytes/);
  });
});
