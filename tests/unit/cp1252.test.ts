import { describe, expect, it } from 'vitest';
import { encodeWindows1252, toWindows1252Text } from '../../src/core/text/cp1252';
import { decodeText } from '../../src/core/text/decode';

const decode = (bytes: number[]) => decodeText(bytes, 'windows-1252', 'x').text;

describe('encodeWindows1252', () => {
  it('writes ASCII and Latin-1 byte for byte', () => {
    expect(encodeWindows1252('Aa;"1\r\n')).toEqual({ bytes: [0x41, 0x61, 0x3b, 0x22, 0x31, 0x0d, 0x0a], replaced: [] });
    expect(encodeWindows1252('äöüßÄÖÜ é ñ ÿ ×').bytes).toEqual([0xe4, 0xf6, 0xfc, 0xdf, 0xc4, 0xd6, 0xdc, 0x20, 0xe9, 0x20, 0xf1, 0x20, 0xff, 0x20, 0xd7]);
  });

  it('writes the characters of 0x80–0x9F', () => {
    expect(encodeWindows1252('€‚„…–—‘’“”™ŠšŽžŒœŸ').bytes).toEqual([0x80, 0x82, 0x84, 0x85, 0x96, 0x97, 0x91, 0x92, 0x93, 0x94, 0x99, 0x8a, 0x9a, 0x8e, 0x9e, 0x8c, 0x9c, 0x9f]);
  });

  it('round-trips every printable character the code page defines through the import decoder', () => {
    // Control characters left out: the decoder takes a file full of them for a binary one.
    const defined = Array.from({ length: 256 }, (_, b) => b).filter((b) => (b >= 0x20 || [0x09, 0x0a, 0x0d].includes(b)) && ![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b));
    const text = decode(defined);
    expect(encodeWindows1252(text)).toEqual({ bytes: defined, replaced: [] });
  });

  it('transliterates what it lacks, or writes ?, and lists each such character once', () => {
    const out = encodeWindows1252('Łódź, Dvořák, Ővári, ﬁne\u2009thin, −5, 😀 Ωmega 😀');
    expect(decode(out.bytes)).toBe('Lódz, Dvorák, Ovári, fine thin, -5, ? ?mega ?');
    expect(out.replaced).toEqual(['Ł', 'ź', 'ř', 'Ő', 'ﬁ', '\u2009', '−', '😀', 'Ω']);
    expect(out.bytes.every((b) => b >= 0 && b <= 255)).toBe(true);
  });

  it('never writes the five bytes the code page leaves undefined, nor half a surrogate pair', () => {
    const out = encodeWindows1252('\u0081\u008d\u008f\u0090\u009d \ud800');
    expect(decode(out.bytes)).toBe('????? ?');
    expect(out.replaced).toHaveLength(6);
  });

  it('gives the transliterated text for cutting to a field length', () => {
    expect(toWindows1252Text('Straße Łódź')).toEqual({ text: 'Straße Lódz', replaced: ['Ł', 'ź'] });
  });
});
