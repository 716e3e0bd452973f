/**
 * Untrusted text (a counterparty name, a purpose) going into a spreadsheet cell. In a cell formatted as text (`@`) Sheets
 * stores what it is given; in any other cell it *interprets* it: `=IMPORTXML(…)` becomes a formula that can send data
 * away, `0012` loses its zeros, `1/2` becomes a date. A leading apostrophe makes Sheets keep the rest as plain text and
 * is not shown.
 */

/** The largest text Sheets accepts in one cell; a longer one fails the whole write. */
export const MAX_CELL_TEXT = 50000;

const formulaStart = /^[=+\-@\t\r\n\u2212\uff1d\uff0b\uff0d\uff20]/;
const numberLike = /^[\s(]*[-+\u2212]?[\s$€£¥]*[\d.,'’\s]*\d[\d.,'’\s]*(?:e[-+]?\d+)?[\s%$€£¥)]*(?:[A-Z]{3})?\s*$/i;
const dateOrTimeLike = /^\s*\d{1,4}\s*[./\-:]\s*\d{1,2}(?:\s*[./\-:]\s*\d{1,4})?(?:[ T]+\d{1,2}(?::\d{2}){1,2})?\s*(?:am|pm)?\s*$/i;
const months =
  'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|januar|january|februar|february|märz|maerz|march|april|mai|juni|june|juli|july|august|september|oktober|october|november|dezember|december|okt|dez';
const monthDateLike = new RegExp(
  `^\\s*(?:\\d{1,2}\\.?\\s*(?:${months})\\.?(?:\\s*,?\\s*\\d{2,4})?|(?:${months})\\.?\\s*\\d{1,4}(?:\\s*,?\\s*\\d{2,4})?)\\s*$`,
  'i',
);
const booleanLike = /^\s*(?:true|false|wahr|falsch|vrai|faux|vero|falso)\s*$/i;

/** True when Sheets would not keep `s` as the text it is. */
export function needsTextPrefix(s: string): boolean {
  if (s === '') return false;
  return (
    formulaStart.test(s) ||
    // Sheets removes a leading apostrophe itself; keep one that belongs to the text by adding another.
    s.startsWith("'") ||
    numberLike.test(s) ||
    dateOrTimeLike.test(s) ||
    monthDateLike.test(s) ||
    booleanLike.test(s)
  );
}

/** For a cell that is not formatted as text: the value that makes Sheets store `s` literally and never evaluate it. */
export function escapeCellText(s: string): string {
  return needsTextPrefix(s) ? `'${s}` : s;
}

// C0/C1 controls (but not the line break), and the bidirectional overrides that can make a text display as another.
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text fit for a cell: Windows line breaks become `\n`, tabs a space, other control characters and direction overrides go,
 * and the length stays within what a cell takes.
 */
export function sanitizeForSheet(s: string): string {
  const clean = s.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(controls, '');
  return clean.length > MAX_CELL_TEXT ? `${clean.slice(0, MAX_CELL_TEXT - 1)}…` : clean;
}
