/**
 * The profile editor's text boxes ↔ the profile's JSON values. Pure functions (no DOM), so that what a user types and what
 * the server's schema receives are easy to reason about: the schema stays the judge of what is valid.
 */
import type { ColumnRef } from '../src/core/profiles/profile';

/** A column reference as the user sees it in a text box: `3`, `Betrag`, `Datum | Date`, or empty for "no such column". */
export function columnText(ref: unknown): string {
  if (ref === undefined || ref === null || ref === -1) return '';
  if (typeof ref === 'number' || typeof ref === 'string') return String(ref);
  if (typeof ref === 'object' && Array.isArray((ref as { anyOf?: unknown }).anyOf)) {
    return ((ref as { anyOf: unknown[] }).anyOf).map(String).join(' | ');
  }
  return JSON.stringify(ref);
}

/** `last` for a choice of header texts that takes the last column of that name (ING's second "Währung"), else `first`. */
export function columnOccurrence(ref: unknown): 'first' | 'last' {
  return typeof ref === 'object' && ref !== null && (ref as { occurrence?: unknown }).occurrence === 'last' ? 'last' : 'first';
}

/**
 * What the user typed → a column reference. Empty → -1 (absent), digits → an index, `A | B` → a choice of header texts,
 * anything else → one header text. When the text is what `original` shows, `original` is kept as it was. The box cannot
 * show `occurrence: "last"` (the editor says it in a hint), so new header texts keep it from `original`.
 */
export function parseColumnText(text: string, original?: unknown): ColumnRef {
  if (original !== undefined && columnText(original) === text) return original as ColumnRef;
  const trimmed = text.trim();
  if (trimmed === '') return -1;
  if (/^-?\d+$/.test(trimmed)) return Number(trimmed);
  const names = trimmed.split('|').map((s) => s.trim()).filter((s) => s !== '');
  const occurrence = columnOccurrence(original);
  if (names.length === 1 && occurrence === 'first') return names[0]!;
  return { anyOf: names, occurrence };
}

/**
 * The footer pattern's box: empty (or only spaces) means the profile has none, so the key goes away as in a profile
 * written without it. Any other text goes to the schema as typed — spaces can be part of a pattern.
 */
export function parseFooterPatternText(text: string): string | undefined {
  return text.trim() === '' ? undefined : text;
}

/** `dd.mm.yyyy, dd.mm.yy` ↔ `['dd.mm.yyyy', 'dd.mm.yy']`; also for marker values (`S, Soll`). */
export function listText(values: unknown): string {
  return Array.isArray(values) ? values.map(String).join(', ') : '';
}

export function parseListText(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * The cells of one line of the sample, split the simple way (quotes around a cell removed, doubled quotes undone): only to
 * offer the header texts as suggestions, never to read data — the server does that with the real CSV grammar.
 */
export function splitLine(line: string, delimiter: string, quote = '"'): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === quote && line[i + 1] === quote) {
        cell += quote;
        i++;
      } else if (ch === quote) quoted = false;
      else cell += ch;
    } else if (ch === quote && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells.map((c) => c.replace(/^\ufeff/, ''));
}

/** The header texts of the sample as the draft profile would find them: the line with `findByText`, else after `skipLines`. */
export function headerTexts(
  sampleLines: readonly string[],
  draft: Record<string, unknown>,
): string[] {
  const header = (draft.header ?? { present: true }) as { present?: unknown; findByText?: unknown };
  if (header.present === false) return [];
  const delimiter = typeof draft.delimiter === 'string' ? draft.delimiter : ';';
  const quote = typeof draft.quoteChar === 'string' && draft.quoteChar.length === 1 ? draft.quoteChar : '"';
  const lines = sampleLines.map((l) => splitLine(l, delimiter, quote));
  const want = typeof header.findByText === 'string' ? header.findByText.trim().toLowerCase() : '';
  const skip = typeof draft.skipLines === 'number' && draft.skipLines >= 0 ? draft.skipLines : 0;
  const found = want === '' ? lines.slice(skip).find((cells) => cells.some((c) => c !== '')) : lines.find((cells) => cells.some((c) => c.toLowerCase() === want));
  return (found ?? []).filter((c) => c !== '');
}
