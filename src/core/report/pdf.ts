/**
 * A small PDF 1.4 writer: A4 pages with text in Helvetica / Helvetica-Bold, lines, rectangles and circles — what a
 * run report needs, and nothing more.
 *
 * Why our own and not jsPDF or pdf-lib: Apps Script loads the whole bundle on every call, custom functions included,
 * and either library would add 300–500 KB to a bundle of about 244 KB. Text, a few lines and filled shapes in the two
 * standard fonts take a few hundred lines.
 *
 * Coordinates are in points (1/72 inch) with the origin at the TOP-LEFT corner of the page and y growing downwards,
 * the way one lays out a report; the writer turns them into PDF's bottom-left system. A text's y is its baseline.
 *
 * The file is built as a "byte string" (one char code 0–255 per byte), so byte offsets for the cross-reference table
 * are plain string lengths. Content streams stay uncompressed: smaller code, and a report is text anyway.
 */
import { fontNames, toWinAnsi, winAnsiWidth, type PdfFont } from './pdf-fonts';

export type { PdfFont } from './pdf-fonts';

/** A colour as `#rrggbb`. */
export type PdfColor = string;

export interface PdfInfo {
  title: string;
  author?: string;
  subject?: string;
  /** When the document was made, `YYYY-MM-DDTHH:mm:ss` with offset (`+01:00`) or `Z`; the core has no clock. */
  creationDate: string;
}

export interface TextOptions {
  font?: PdfFont;
  /** Font size in points; 10 unless given. */
  size?: number;
  color?: PdfColor;
  /** Where x is: at the text's left end (default), its right end or its middle. */
  align?: 'left' | 'right' | 'center';
}

export interface LineOptions {
  /** Line width in points; 1 unless given. */
  width?: number;
  color?: PdfColor;
  /** Round ends and joins (for drawn symbols) instead of square-cut ones. */
  round?: boolean;
}

export interface ShapeOptions {
  fill?: PdfColor;
  stroke?: PdfColor;
  /** Outline width in points; 1 unless given. */
  lineWidth?: number;
}

/** A4 portrait, in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

const BLACK = '#000000';

/** A number as PDF writes it: at most 2 decimals, no exponent, no `-0`. */
function num(value: number): string {
  const text = (Math.round(value * 100) / 100).toFixed(2).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

/** `#1e8e3e` → `0.118 0.557 0.243`, the operands of `rg`/`RG`; three decimals give back the same 0–255 value. */
function rgb(color: PdfColor): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (match === null) throw new Error(`PDF colour "${color}" is not of the form #rrggbb`);
  return match
    .slice(1)
    .map((hex) => (parseInt(hex, 16) / 255).toFixed(3).replace(/\.?0+$/, ''))
    .join(' ');
}

/** A literal string `( … )`: the three characters with a meaning inside it are escaped, all other bytes go as they are. */
function literal(encoded: string): string {
  return `(${encoded.replace(/[()\\]/g, '\\$&')})`;
}

/**
 * A text string for the document information: UTF-16BE with byte order mark, as hex. Readers show umlauts and any
 * other character correctly this way, whatever the PDFDocEncoding would have made of them.
 */
function infoString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** `2026-11-22T14:03:00+01:00` → `D:20261122140300+01'00'`. */
export function pdfDate(instant: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/.exec(instant);
  if (match === null) {
    throw new Error(`PDF creation date "${instant}" is not of the form YYYY-MM-DDTHH:mm:ss+01:00`);
  }
  const [, year, month, day, hour, minute, second, zone, sign, zoneHours, zoneMinutes] = match;
  return `D:${year}${month}${day}${hour}${minute}${second}${zone === 'Z' ? 'Z' : `${sign}${zoneHours}'${zoneMinutes}'`}`;
}

const fontResource: Record<PdfFont, string> = { regular: '/F1', bold: '/F2' };

/** One page. Drawing appends to its content stream; nothing is written out before `PdfDocument.toBytes`. */
export class PdfPage {
  readonly width = A4.width;
  readonly height = A4.height;
  /** Content stream operators, one drawing per entry (byte strings). */
  private readonly ops: string[] = [];
  private fontState = '';
  private fillState = '';

  /** Text on one line, `y` being the baseline. Line breaks in `text` become spaces; use `PdfDocument.wrap` first. */
  text(x: number, y: number, text: string, options: TextOptions = {}): void {
    const font = options.font ?? 'regular';
    const size = options.size ?? 10;
    const encoded = toWinAnsi(text);
    if (encoded === '') return;
    let left = x;
    if (options.align === 'right') left = x - winAnsiWidth(encoded, font, size);
    else if (options.align === 'center') left = x - winAnsiWidth(encoded, font, size) / 2;
    // Font and fill colour outlast BT…ET (shapes restore theirs with Q): set them only when they change.
    let state = '';
    const fontState = `${fontResource[font]} ${num(size)} Tf`;
    if (fontState !== this.fontState) state += `${(this.fontState = fontState)} `;
    const fillState = `${rgb(options.color ?? BLACK)} rg`;
    if (fillState !== this.fillState) state += `${(this.fillState = fillState)} `;
    this.ops.push(`BT ${state}${num(left)} ${num(this.height - y)} Td ${literal(encoded)} Tj ET`);
  }

  line(x1: number, y1: number, x2: number, y2: number, options: LineOptions = {}): void {
    this.polyline(
      [
        [x1, y1],
        [x2, y2],
      ],
      options,
    );
  }

  /** Connected straight segments through the points, e.g. a check mark. */
  polyline(points: ReadonlyArray<readonly [number, number]>, options: LineOptions = {}): void {
    if (points.length < 2) return;
    const path = points.map(([x, y], i) => `${num(x)} ${num(this.height - y)} ${i === 0 ? 'm' : 'l'}`).join(' ');
    const style = options.round === true ? ' 1 J 1 j' : '';
    this.ops.push(`q ${num(options.width ?? 1)} w ${rgb(options.color ?? BLACK)} RG${style} ${path} S Q`);
  }

  /** A rectangle whose top-left corner is (x, y); filled, outlined, or both (outlined in black when neither is given). */
  rect(x: number, y: number, width: number, height: number, options: ShapeOptions = {}): void {
    this.shape(`${num(x)} ${num(this.height - y - height)} ${num(width)} ${num(height)} re`, options);
  }

  /** A circle around (cx, cy), drawn as four Bézier curves (the usual approximation, off by less than 0.03 %). */
  circle(cx: number, cy: number, radius: number, options: ShapeOptions = {}): void {
    const k = 0.5523 * radius;
    const y = this.height - cy;
    const r = radius;
    const p = (dx: number, dy: number): string => `${num(cx + dx)} ${num(y + dy)}`;
    this.shape(
      `${p(r, 0)} m ${p(r, k)} ${p(k, r)} ${p(0, r)} c ${p(-k, r)} ${p(-r, k)} ${p(-r, 0)} c ` +
        `${p(-r, -k)} ${p(-k, -r)} ${p(0, -r)} c ${p(k, -r)} ${p(r, -k)} ${p(r, 0)} c h`,
      options,
    );
  }

  private shape(path: string, options: ShapeOptions): void {
    const fill = options.fill;
    const stroke = options.stroke ?? (fill === undefined ? BLACK : undefined);
    let state = `q ${num(options.lineWidth ?? 1)} w`;
    if (fill !== undefined) state += ` ${rgb(fill)} rg`;
    if (stroke !== undefined) state += ` ${rgb(stroke)} RG`;
    const paint = fill !== undefined && stroke !== undefined ? 'B' : fill !== undefined ? 'f' : 'S';
    this.ops.push(`${state} ${path} ${paint} Q`);
  }

  /** The content stream (byte string). */
  content(): string {
    return this.ops.join('\n');
  }
}

export class PdfDocument {
  private readonly pageList: PdfPage[] = [];
  private readonly info: PdfInfo;
  private readonly created: string;

  constructor(info: PdfInfo) {
    this.created = pdfDate(info.creationDate);
    this.info = info;
  }

  addPage(): PdfPage {
    const page = new PdfPage();
    this.pageList.push(page);
    return page;
  }

  get pages(): readonly PdfPage[] {
    return this.pageList;
  }

  /** Width in points of `text` as `PdfPage.text` would draw it. */
  textWidth(text: string, font: PdfFont, size: number): number {
    return winAnsiWidth(toWinAnsi(text), font, size);
  }

  /**
   * Breaks `text` into lines no wider than `width`: at spaces where possible, inside a word only when the word alone
   * is too wide. Whitespace runs count as one space; blank text gives no lines. With `maxLines`, text that does not
   * fit is cut and the last line ends in "…".
   */
  wrap(text: string, width: number, font: PdfFont, size: number, maxLines = Infinity): string[] {
    const fits = (line: string): boolean => this.textWidth(line, font, size) <= width;
    const lines: string[] = [];
    let current = '';
    for (const word of text.split(/\s+/).filter((w) => w !== '')) {
      // One line beyond the limit is enough to know the text is cut; a 5,000-character purpose need not be laid out.
      if (lines.length > maxLines) break;
      const joined = current === '' ? word : `${current} ${word}`;
      if (fits(joined)) {
        current = joined;
        continue;
      }
      if (current !== '') lines.push(current);
      current = word;
      // A word wider than the whole line (an IBAN, a long reference): break it where it has to.
      while (!fits(current) && lines.length <= maxLines) {
        let cut = 1;
        const chars = Array.from(current);
        while (cut < chars.length - 1 && fits(chars.slice(0, cut + 1).join(''))) cut++;
        lines.push(chars.slice(0, cut).join(''));
        current = chars.slice(cut).join('');
      }
    }
    if (current !== '') lines.push(current);
    if (lines.length <= maxLines) return lines;
    const kept = lines.slice(0, Math.max(0, maxLines));
    if (kept.length === 0) return kept;
    let last = Array.from(`${kept[kept.length - 1]!} `);
    while (last.length > 0 && !fits(`${last.join('').trimEnd()}…`)) last = last.slice(0, -1);
    kept[kept.length - 1] = `${last.join('').trimEnd()}…`;
    return kept;
  }

  /** The finished file. A document without pages gets one blank page: a PDF must have at least one. */
  toBytes(): Uint8Array {
    if (this.pageList.length === 0) this.addPage();
    const pages = this.pageList;
    // Fixed objects: 1 catalog, 2 page tree, 3 and 4 the fonts, 5 the document information; then page + content pairs.
    const objects: string[] = [];
    const pageObject = (i: number): number => 6 + 2 * i;
    objects.push('<< /Type /Catalog /Pages 2 0 R >>');
    objects.push(`<< /Type /Pages /Kids [${pages.map((_, i) => `${pageObject(i)} 0 R`).join(' ')}] /Count ${pages.length} >>`);
    for (const font of ['regular', 'bold'] as const) {
      objects.push(`<< /Type /Font /Subtype /Type1 /BaseFont /${fontNames[font]} /Encoding /WinAnsiEncoding >>`);
    }
    const { title, author, subject } = this.info;
    objects.push(
      `<< /Title ${infoString(title)}` +
        (author === undefined ? '' : ` /Author ${infoString(author)}`) +
        (subject === undefined ? '' : ` /Subject ${infoString(subject)}`) +
        ` /Producer ${infoString('Kontomatch')} /CreationDate (${this.created}) >>`,
    );
    pages.forEach((page, i) => {
      objects.push(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(A4.width)} ${num(A4.height)}] ` +
          `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageObject(i) + 1} 0 R >>`,
      );
      const content = page.content();
      objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    });

    // The second line's bytes above 127 tell transfer programs the file is binary.
    const parts: string[] = ['%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n'];
    let length = parts[0]!.length;
    const offsets: number[] = [];
    objects.forEach((body, i) => {
      offsets.push(length);
      const object = `${i + 1} 0 obj\n${body}\nendobj\n`;
      parts.push(object);
      length += object.length;
    });
    const size = objects.length + 1;
    // Each cross-reference entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, space, newline.
    let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
    for (const offset of offsets) xref += `${String(offset).padStart(10, '0')} 00000 n \n`;
    parts.push(xref, `trailer\n<< /Size ${size} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${length}\n%%EOF\n`);

    const file = parts.join('');
    const bytes = new Uint8Array(file.length);
    for (let i = 0; i < file.length; i++) bytes[i] = file.charCodeAt(i);
    return bytes;
  }
}
