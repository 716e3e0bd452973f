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
  MissingQuotes: 'a quoted cell is opened but never closed (the rest of the file was read into it)',
  InvalidQuotes: 'a quote character stands where the CSV grammar does not allow one',
  UndetectableDelimiter: 'the column separator could not be found',
};

/**
 * Splits `text` (line breaks already `\n`) into records. `firstLine` is the file line `text` starts at, for text that
 * follows skipped preamble lines.
 */
export function readCsvRecords(text: string, options: { delimiter: string; quoteChar: string; firstLine: number }): CsvRecord[] {
  const records: CsvRecord[] = [];
  let start = 0;
  let line = options.firstLine;
  let counted = 0;
  Papa.parse(text, {
    delimiter: options.delimiter,
    newline: '\n',
    quoteChar: options.quoteChar,
    escapeChar: options.quoteChar,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step(result) {
      // Lines spanned by earlier records: count the line breaks between the previous record's start and this one's.
      for (let i = counted; i < start; i++) if (text.charCodeAt(i) === 10) line++;
      counted = start;
      const problems = result.errors.map((e) => problemText[e.code] ?? e.message);
      records.push({ line, cells: result.data, problems });
      start = result.meta.cursor;
    },
  });
  return records;
}

export function isBlankRecord(r: CsvRecord): boolean {
  return r.problems.length === 0 && r.cells.every((c) => c.trim() === '');
}
