/**
 * Text → Windows-1252 ("ANSI") bytes, for files that must be in that code page: DATEV EXTF (contracts §3) and CSV for an
 * Excel that opens files in the German default. A character the code page lacks is transliterated (é stays é, but ő → o,
 * ł → l) or, when nothing fits, becomes `?`; every such character is reported so that the user can be told.
 */

/** Unicode of the bytes 0x80–0x9F. The five bytes the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are absent. */
const HIGH: Record<number, number> = {};
[
  0x20ac, 0, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0, 0x17d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0, 0x17e, 0x178,
].forEach((codePoint, i) => {
  if (codePoint !== 0) HIGH[codePoint] = 0x80 + i;
});

/** Letters with no decomposition that still have an obvious plain form, and the typographic dashes cp1252 lacks. */
const PLAIN: Record<string, string> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i', ħ: 'h', Ħ: 'H', '\u2010': '-', '\u2011': '-', '\u2212': '-' };

/** The byte of one code point, or -1. 0x00–0x7F and 0xA0–0xFF are Latin-1 and the same in Windows-1252. */
function byteOf(codePoint: number): number {
  if (codePoint < 0x80 || (codePoint >= 0xa0 && codePoint <= 0xff)) return codePoint;
  return HIGH[codePoint] ?? -1;
}

const encodable = (text: string): boolean => Array.from(text).every((c) => byteOf(c.codePointAt(0)!) >= 0);

/**
 * The same text with every character Windows-1252 can hold: others are transliterated — compatibility decomposition
 * (NFKD: also ligatures and odd spaces) without the combining marks — or become `?`. `replaced` lists each changed
 * character once, in order of appearance.
 */
export function toWindows1252Text(text: string): { text: string; replaced: string[] } {
  let out = '';
  const replaced: string[] = [];
  for (const char of text) {
    if (byteOf(char.codePointAt(0)!) >= 0) {
      out += char;
      continue;
    }
    const plain = PLAIN[char] ?? char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    out += plain !== '' && encodable(plain) ? plain : '?';
    if (!replaced.includes(char)) replaced.push(char);
  }
  return { text: out, replaced };
}

/** Bytes 0..255 of the text in Windows-1252, with the characters that had to be replaced (see `toWindows1252Text`). */
export function encodeWindows1252(text: string): { bytes: number[]; replaced: string[] } {
  const clean = toWindows1252Text(text);
  const bytes: number[] = [];
  for (const char of clean.text) bytes.push(byteOf(char.codePointAt(0)!));
  return { bytes, replaced: clean.replaced };
}
