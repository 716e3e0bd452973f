/**
 * The PDF writer, checked by a real reader: pdf.js (its legacy build, the one made for Node) opens what we wrote and
 * gives back pages, text, metadata and drawing operators. Plus our own check of the file structure, since a reader
 * that repairs a broken cross-reference table silently would hide exactly the mistakes we want to see.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { A4, PdfDocument, pdfDate } from '../../src/core/report/pdf';
import { toWinAnsi } from '../../src/core/report/pdf-fonts';

const standardFontDataUrl = `${path.resolve(__dirname, '../../node_modules/pdfjs-dist/standard_fonts')}/`;

/** In Node pdf.js runs without a worker thread (its "fake worker", in this thread); it wants a copy of the bytes. */
async function openPdf(bytes: Uint8Array) {
  return getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, isEvalSupported: false }).promise;
}

/** The text items of each page, in drawing order. */
async function pageTexts(bytes: Uint8Array): Promise<string[][]> {
  const pdf = await openPdf(bytes);
  const pages: string[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).filter((s) => s.trim() !== ''));
  }
  await pdf.destroy();
  return pages;
}

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

/**
 * Structure as the specification wants it: `startxref` names the offset of `xref`; the table has /Size entries of
 * exactly 20 bytes; each in-use entry points at `N 0 obj`; each stream's /Length is the number of bytes between
 * `stream\n` and `\nendstream`.
 */
function checkStructure(bytes: Uint8Array): { objects: number; streams: number } {
  const file = latin1(bytes);
  expect(file.startsWith('%PDF-1.4\n%')).toBe(true);
  expect([...file.slice(10, 14)].every((c) => c.charCodeAt(0) > 127)).toBe(true);
  expect(file.endsWith('%%EOF\n')).toBe(true);
  const startxref = /startxref\n(\d+)\n%%EOF\n$/.exec(file);
  expect(startxref).not.toBeNull();
  const xrefAt = Number(startxref![1]);
  expect(file.slice(xrefAt, xrefAt + 5)).toBe('xref\n');
  const header = /^xref\n0 (\d+)\n/.exec(file.slice(xrefAt))!;
  const size = Number(header[1]);
  const entries = file.slice(xrefAt + header[0].length, xrefAt + header[0].length + 20 * size);
  expect(entries.slice(0, 20)).toBe('0000000000 65535 f \n');
  for (let n = 1; n < size; n++) {
    const entry = entries.slice(20 * n, 20 * n + 20);
    expect(entry).toMatch(/^\d{10} 00000 n \n$/);
    const offset = Number(entry.slice(0, 10));
    expect(file.slice(offset, offset + `${n} 0 obj\n`.length)).toBe(`${n} 0 obj\n`);
  }
  const trailer = file.slice(xrefAt + header[0].length + 20 * size);
  expect(trailer).toMatch(new RegExp(`^trailer\\n<< /Size ${size} /Root 1 0 R /Info 5 0 R >>\\n`));
  let streams = 0;
  for (const match of file.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const start = match.index + match[0].length;
    expect(file.slice(start + Number(match[1]), start + Number(match[1]) + 11)).toBe('\nendstream\n');
    streams++;
  }
  return { objects: size - 1, streams };
}

const creationDate = '2026-11-22T14:03:00+01:00';

describe('PdfDocument', () => {
  it('writes pages whose text pdf.js reads back exactly, umlauts, euro sign, dashes and escapes included', async () => {
    const doc = new PdfDocument({ title: 'Bericht – Müller (€)', author: 'anna@example.de', creationDate });
    const first = doc.addPage();
    first.text(40, 60, 'Müller & Söhne – 1.234,56 €', { font: 'bold', size: 14 });
    first.text(40, 90, 'Klammern (a) (b)) \\ Backslash \\\\ und ( allein', { size: 10 });
    first.text(40, 120, '„Anführung“ ‚einfach‘ — Ellipse… • ß Ä Ö Ü é 100% <script>', { size: 10, color: '#1a73e8' });
    const second = doc.addPage();
    second.text(555, 60, 'rechtsbündig', { align: 'right' });
    doc.addPage();
    const bytes = doc.toBytes();

    const structure = checkStructure(bytes);
    expect(structure).toEqual({ objects: 5 + 2 * 3, streams: 3 });
    const pages = await pageTexts(bytes);
    expect(pages).toEqual([
      [
        'Müller & Söhne – 1.234,56 €',
        'Klammern (a) (b)) \\ Backslash \\\\ und ( allein',
        '„Anführung“ ‚einfach‘ — Ellipse… • ß Ä Ö Ü é 100% <script>',
      ],
      ['rechtsbündig'],
      [],
    ]);
  });

  it('writes the document information: title in UTF-16, producer, author and creation date', async () => {
    const doc = new PdfDocument({ title: 'Automatischer Abgleich – Bericht (Müller) €', author: 'Jörg', creationDate });
    doc.addPage().text(40, 40, 'x');
    const pdf = await openPdf(doc.toBytes());
    const info = (await pdf.getMetadata()).info as Record<string, unknown>;
    expect(info.Title).toBe('Automatischer Abgleich – Bericht (Müller) €');
    expect(info.Author).toBe('Jörg');
    expect(info.Producer).toBe('Kontomatch');
    expect(info.CreationDate).toBe("D:20261122140300+01'00'");
    expect(info.PDFFormatVersion).toBe('1.4');
    await pdf.destroy();
  });

  it('converts creation dates with offset or Z and refuses anything else', () => {
    expect(pdfDate('2026-01-05T09:07:03-05:30')).toBe("D:20260105090703-05'30'");
    expect(pdfDate('2026-01-05T09:07:03.250Z')).toBe('D:20260105090703Z');
    expect(() => new PdfDocument({ title: 't', creationDate: '22.11.2026 14:03' })).toThrow(/22\.11\.2026 14:03/);
  });

  it('puts pages in A4 portrait and maps the top-left coordinates the API uses', async () => {
    const doc = new PdfDocument({ title: 't', creationDate });
    doc.addPage().text(100, 50, 'oben links', { size: 12 });
    const pdf = await openPdf(doc.toBytes());
    const page = await pdf.getPage(1);
    expect(page.view).toEqual([0, 0, A4.width, A4.height]);
    const [item] = (await page.getTextContent()).items as Array<{ str: string; transform: number[] }>;
    expect(item!.str).toBe('oben links');
    // transform = [size, 0, 0, size, x, y] in PDF's bottom-left system.
    expect(item!.transform[0]).toBe(12);
    expect(item!.transform[4]).toBeCloseTo(100, 2);
    expect(item!.transform[5]).toBeCloseTo(A4.height - 50, 2);
    await pdf.destroy();
  });

  it('right and centre alignment place the text by its AFM width', async () => {
    const doc = new PdfDocument({ title: 't', creationDate });
    const page = doc.addPage();
    page.text(300, 100, 'Hello', { align: 'right', size: 10 });
    page.text(300, 200, 'Hello', { align: 'center', size: 10, font: 'bold' });
    const pdf = await openPdf(doc.toBytes());
    const items = (await (await pdf.getPage(1)).getTextContent()).items as Array<{ transform: number[]; width: number }>;
    expect(items[0]!.transform[4]).toBeCloseTo(300 - 22.78, 2);
    expect(items[1]!.transform[4]).toBeCloseTo(300 - 24.45 / 2, 2);
    // pdf.js measures with the same standard metrics.
    expect(items[0]!.width).toBeCloseTo(22.78, 2);
    await pdf.destroy();
  });

  it('draws lines, rectangles and circles in the given colours', async () => {
    const doc = new PdfDocument({ title: 't', creationDate });
    const page = doc.addPage();
    page.rect(40, 40, 100, 20, { fill: '#1e8e3e' });
    page.rect(40, 80, 100, 20, { stroke: '#d93025', lineWidth: 2 });
    page.circle(200, 200, 10, { fill: '#f9ab00', stroke: '#1a73e8' });
    page.line(40, 300, 500, 300, { width: 0.5, color: '#dadce0' });
    page.polyline(
      [
        [10, 10],
        [20, 20],
        [30, 5],
      ],
      { round: true },
    );
    const bytes = doc.toBytes();
    checkStructure(bytes);
    const pdf = await openPdf(bytes);
    const ops = await (await pdf.getPage(1)).getOperatorList();
    const colours = (fn: number) =>
      ops.fnArray.flatMap((f, i) => (f === fn ? [String((ops.argsArray[i] as unknown[])[0])] : []));
    expect(colours(OPS.setFillRGBColor)).toEqual(['#1e8e3e', '#f9ab00']);
    expect(colours(OPS.setStrokeRGBColor)).toEqual(['#d93025', '#1a73e8', '#dadce0', '#000000']);
    const widths = ops.fnArray.flatMap((f, i) => (f === OPS.setLineWidth ? [(ops.argsArray[i] as number[])[0]] : []));
    expect(widths).toEqual([1, 2, 1, 0.5, 1]);
    expect(ops.fnArray.filter((f) => f === OPS.constructPath)).toHaveLength(5);
    // The circle is four Bézier curves through the four points at distance r.
    const content = latin1(bytes);
    expect(content).toContain('210 641.89 m 210 647.41 205.52 651.89 200 651.89 c');
    await pdf.destroy();
  });

  it('a document without pages still becomes a valid one-page file', async () => {
    const bytes = new PdfDocument({ title: 'leer', creationDate }).toBytes();
    expect(checkStructure(bytes).streams).toBe(1);
    expect(await pageTexts(bytes)).toEqual([[]]);
  });
});

describe('text in WinAnsiEncoding', () => {
  it('maps each character to its Windows-1252 byte and writes it unchanged into the content stream', () => {
    expect([...toWinAnsi('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')].map((c) => c.charCodeAt(0))).toEqual([
      0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96,
      0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f,
    ]);
    expect([...toWinAnsi('äöüßÄÖÜ é')].map((c) => c.charCodeAt(0))).toEqual([0xe4, 0xf6, 0xfc, 0xdf, 0xc4, 0xd6, 0xdc, 0x20, 0xe9]);
    const doc = new PdfDocument({ title: 't', creationDate });
    doc.addPage().text(0, 10, 'ü€');
    const file = doc.toBytes();
    const at = latin1(file).indexOf('(\u00fc\u0080) Tj');
    expect(at).toBeGreaterThan(0);
    expect([...file.slice(at + 1, at + 3)]).toEqual([0xfc, 0x80]);
  });

  it('turns characters outside the code page into "?", never into broken bytes', async () => {
    expect(toWinAnsi('✓ 日本 😀 Ł')).toBe('? ?? ? ?');
    expect(toWinAnsi('a\tb\nc\r\nd')).toBe('a b c  d');
    // Decomposed umlauts (u + combining diaeresis) are joined; the minus sign and narrow spaces get stand-ins.
    expect(toWinAnsi('Mu\u0308ller \u22121\u202f000')).toBe('Müller -1 000');
    expect(toWinAnsi('a\u200bb\u00adc')).toBe('abc');
    const doc = new PdfDocument({ title: 't', creationDate });
    doc.addPage().text(10, 10, 'Zahlung ✓ an 日本 😀');
    expect(await pageTexts(doc.toBytes())).toEqual([['Zahlung ? an ?? ?']]);
  });
});

describe('measuring and wrapping', () => {
  const doc = new PdfDocument({ title: 't', creationDate });

  it('measures with the AFM widths of Helvetica and Helvetica-Bold', () => {
    expect(doc.textWidth('Hello', 'regular', 10)).toBeCloseTo(((722 + 556 + 222 + 222 + 556) / 1000) * 10, 10);
    expect(doc.textWidth('Hello', 'bold', 10)).toBeCloseTo(((722 + 556 + 278 + 278 + 611) / 1000) * 10, 10);
    // € 556, ü 556, ( 333, W 944 in both; the straight quote is 191 regular, 238 bold.
    expect(doc.textWidth("€ü(W'", 'regular', 1000)).toBe(556 + 556 + 333 + 944 + 191);
    expect(doc.textWidth("€ü(W'", 'bold', 1000)).toBe(556 + 611 + 333 + 944 + 238);
    expect(doc.textWidth('日', 'regular', 1000)).toBe(556); // drawn as "?"
  });

  it('breaks at spaces, keeps every word, and no line is wider than asked', () => {
    const text = 'Rechnung R21-123 und R21-124 vom 01.11.2026, Kundennummer 4711, Müller & Söhne GmbH';
    const lines = doc.wrap(text, 100, 'regular', 9);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(doc.textWidth(line, 'regular', 9)).toBeLessThanOrEqual(100);
    expect(lines.join(' ')).toBe(text);
    expect(doc.wrap('  mehrere   Leerzeichen\n und Zeilen  ', 500, 'regular', 9)).toEqual(['mehrere Leerzeichen und Zeilen']);
    expect(doc.wrap('   ', 100, 'regular', 9)).toEqual([]);
  });

  it('breaks a word that is wider than the line inside the word', () => {
    const iban = 'DE02120300000000202051DE02120300000000202051';
    const lines = doc.wrap(`IBAN ${iban} Ende`, 80, 'regular', 9);
    for (const line of lines) expect(doc.textWidth(line, 'regular', 9)).toBeLessThanOrEqual(80);
    expect(lines.join('')).toBe(`IBAN${iban}Ende`);
  });

  it('cuts at maxLines and ends the last line in "…", still within the width', () => {
    const text = 'eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf '.repeat(50);
    const lines = doc.wrap(text, 90, 'bold', 8, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    for (const line of lines) expect(doc.textWidth(line, 'bold', 8)).toBeLessThanOrEqual(90);
    expect(doc.wrap('passt genau', 200, 'regular', 8, 1)).toEqual(['passt genau']);
  });
});
