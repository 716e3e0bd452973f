/**
 * The two fonts of our PDFs, Helvetica and Helvetica-Bold, as the standard Type 1 fonts every PDF reader has built in
 * (the "standard 14"): nothing is embedded, so a report stays a few kilobytes. Text reaches them in WinAnsiEncoding
 * (Windows-1252), one byte per character; that covers German, French, Italian and Spanish text, the euro sign and the
 * typographic quotes and dashes banks and bookkeepers use.
 *
 * The widths are Adobe's published AFM metrics for the two fonts (units of 1/1000 em), listed by WinAnsi code
 * 32…255. They are fixed by the standard, so measuring with them gives the same line breaks as every reader.
 */
import { decodeText } from '../text/decode';

export type PdfFont = 'regular' | 'bold';

/** PostScript names, as written into the font dictionaries. */
export const fontNames: Record<PdfFont, string> = { regular: 'Helvetica', bold: 'Helvetica-Bold' };

// WinAnsi codes 32…255; 0 marks the five codes Windows-1252 leaves unassigned (and DEL), which we never write.
const regularWidths = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0,
  556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
  0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667,
  278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,
  400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,
  667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
  722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
  556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
];

const boldWidths = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
  975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
  333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
  611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0,
  556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
  0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667,
  278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333,
  400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611,
  722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
  722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
  556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,
  611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
];

const widths: Record<PdfFont, readonly number[]> = { regular: regularWidths, bold: boldWidths };

const fromUnicode = new Map<number, number>();
// Windows-1252 0x80–0x9F, read with the statement decoder so the code page is written down once. The five codes the
// page leaves unassigned come back as C1 controls (below U+0100) and are left out.
const highBytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
Array.from(decodeText(highBytes, 'windows-1252', 'WinAnsiEncoding').text).forEach((char, i) => {
  const unicode = char.codePointAt(0)!;
  if (unicode >= 0x100) fromUnicode.set(unicode, 0x80 + i);
});
// Characters outside the code page that have an obvious stand-in: the minus sign, the many hyphens and spaces.
for (const [unicode, code] of [
  [0x2212, 0x2d], [0x2010, 0x2d], [0x2011, 0x2d], [0x2012, 0x96], [0x2015, 0x97],
  [0x2007, 0x20], [0x2008, 0x20], [0x2009, 0x20], [0x200a, 0x20], [0x202f, 0x20], [0x2002, 0x20], [0x2003, 0x20],
] as const) {
  fromUnicode.set(unicode, code);
}

/** Zero-width characters and bidirectional controls: they carry nothing a reader of the report could see. */
const invisible = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/**
 * Unicode text → WinAnsi, as a string of char codes 0–255 (one per byte). Combining accents are joined first
 * (`u` + `¨` → `ü`, as some bank exports write them); line breaks and tabs become spaces; anything the code page
 * lacks becomes `?`, so a character we cannot show is visible as missing instead of turning into wrong bytes.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC').replace(invisible, '')) {
    const unicode = char.codePointAt(0)!;
    let code: number;
    if ((unicode >= 0x20 && unicode < 0x7f) || (unicode >= 0xa0 && unicode <= 0xff)) code = unicode;
    else if (unicode === 0x09 || unicode === 0x0a || unicode === 0x0d) code = 0x20;
    else code = fromUnicode.get(unicode) ?? 0x3f;
    out += String.fromCharCode(code);
  }
  return out;
}

/** Width in points of WinAnsi text (as `toWinAnsi` returns it) at the given size. */
export function winAnsiWidth(encoded: string, font: PdfFont, size: number): number {
  const table = widths[font];
  let units = 0;
  for (let i = 0; i < encoded.length; i++) units += table[encoded.charCodeAt(i) - 32] ?? 0;
  return (units * size) / 1000;
}
