/**
 * CSV grammar only (quotes, doubled quotes, delimiters and line breaks inside quoted cells) — papaparse does that — plus
 * the one thing it does not: the physical line in the file where each record starts, which is what a user looks for when
 * an error says "line 7".
 */
import Papa from 'papaparse/papaparse.min.js';

export interface CsvRecord {
  /** 1-based physical line of the record's first character. */
  line: number;
  cells: string[];
  /** Grammar problems (an unclosed quote …) in words; the record's cells are then not to be trusted. */
  problems: string[];
}

const problemText: Record<string, string> = {
  MissingQuotes: 'a quoted cell is opened but never closed',
  InvalidQuotes: 'a quote character stands where the CSV grammar does not allow one',
  UndetectableDelimiter: 'the column separator could not be found',
};

/** `="0012345"`: Excel's way to keep leading zeros, written by PostFinance and others; the cell means what is quoted. */
function unwrapFormula(cell: string): string {
  return cell.charCodeAt(0) === 61 && cell.length >= 3 && cell.charCodeAt(1) === 34 && cell.endsWith('"') ? cell.slice(2, -1) : cell;
}

/**
 * Splits `text` (line breaks already `\n`) into records. `firstLine` is the file line `text` starts at, for text that
 * follows skipped preamble lines.
 */
export function readCsvRecords(input: string, options: { delimiter: string; quoteChar: string; firstLine: number }): CsvRecord[] {
  // Some ZKB exports put a space before the first quote of every line (` "Datum";…`), which the CSV grammar reads as
  // part of the cell. Drop such spaces, but only in a file written that way: elsewhere they may belong to a quoted cell.
  const quote = options.quoteChar;
  const text = new RegExp(`^[ \\t]+${escapeRegExp(quote)}`).test(input.replace(/^\n+/, ''))
    ? input.replace(new RegExp(`^[ \\t]+(?=${escapeRegExp(quote)})`, 'gm'), '')
    : input;
  const records: CsvRecord[] = [];
  let from = 0;
  let firstLine = options.firstLine;
  // A quote that is opened and never closed (or closed lines later) makes the grammar read the following lines into one
  // cell: one damaged line would swallow the bookings after it. That line becomes an error of its own, and reading goes
  // on with the next line.
  for (let attempts = 0; attempts < 1000; attempts++) {
    const part = parseRecords(text, from, firstLine, options);
    const bad = part.records.findIndex((r, i) => r.problems.length > 0 && spansLines(text, part.starts[i]!, part.starts[i + 1] ?? text.length));
    if (bad === -1) {
      records.push(...part.records);
      break;
    }
    const damaged = part.records[bad]!;
    const lineEnd = text.indexOf('\n', part.starts[bad]!);
    const lineText = text.slice(part.starts[bad]!, lineEnd);
    const problems = [`${problemText.MissingQuotes!} on this line`];
    records.push(...part.records.slice(0, bad), { line: damaged.line, cells: lineText.split(options.delimiter), problems });
    from = lineEnd + 1;
    firstLine = damaged.line + 1;
  }
  return records;
}

/** True when the record from `start` to `end` covers more than one line (a line break before its last character). */
function spansLines(text: string, start: number, end: number): boolean {
  const lineEnd = text.indexOf('\n', start);
  return lineEnd !== -1 && lineEnd < end - 1;
}

/** Records of `text` from offset `from` on, with the offset where each starts. */
function parseRecords(
  text: string,
  from: number,
  firstLine: number,
  options: { delimiter: string; quoteChar: string },
): { records: CsvRecord[]; starts: number[] } {
  const records: CsvRecord[] = [];
  const starts: number[] = [];
  const body = from === 0 ? text : text.slice(from);
  let start = 0;
  let line = firstLine;
  let counted = 0;
  Papa.parse(body, {
    delimiter: options.delimiter,
    newline: '\n',
    quoteChar: options.quoteChar,
    escapeChar: options.quoteChar,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step(result) {
      // Lines spanned by earlier records: count the line breaks between the previous record's start and this one's.
      for (let i = counted; i < start; i++) if (body.charCodeAt(i) === 10) line++;
      counted = start;
      const problems = result.errors.map((e) => problemText[e.code] ?? e.message);
      const cells = result.data;
      for (let i = 0; i < cells.length; i++) cells[i] = unwrapFormula(cells[i]!);
      records.push({ line, cells, problems });
      starts.push(from + start);
      start = result.meta.cursor;
    },
  });
  return { records, starts };
}

export function isBlankRecord(r: CsvRecord): boolean {
  return r.problems.length === 0 && r.cells.every((c) => c.trim() === '');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
