/**
 * Invoice, payment and case numbers as banks mangle them: `RE 2024 0815`, `RE-2024-0815` and `re20240815` are one
 * number; `Az 00012/25` and `AZ 00012-25` are one case (banks drop or swap the slash). Comparing happens on a normalised
 * form; where a number was found is then checked against the original text, so that token boundaries still count
 * (`R21-12` is not in `R21-123`).
 */

/** Spaces, dashes, dots and slashes carry no meaning inside a number. */
function isSeparator(code: number): boolean {
  return (
    code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || // spaces, tab, line breaks, NBSP
    code === 0x2d || (code >= 0x2010 && code <= 0x2015) || code === 0x2212 || // hyphen, Unicode dashes, minus sign
    code === 0x2e || code === 0x2f || code === 0x5c // dot, slash, backslash
  );
}

const wordChar = /[\p{L}\p{N}]/u;

/** Letters and digits of any script: a number only counts as found where it is not glued to one of them. */
export function isWordChar(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return wordChar.test(text.charAt(index));
}

function isDigit(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0x30 && code <= 0x39;
}

/** One non-ASCII character upper-cased, unless that changes its length (`ß` → `SS`): positions stay one to one. */
function upper(ch: string): string {
  const u = ch.toUpperCase();
  return u.length === 1 ? u : ch;
}

/** `re 2024-0815` → `RE20240815`: upper case, without spaces, dashes, dots and slashes. */
export function normaliseReference(s: string): string {
  return prepareReferenceText(s).text;
}

/**
 * A purpose prepared for searching: `text` is `normaliseReference(purpose)`; for every position of `text`, whether a
 * number may start there (`start`: the original character before it is no letter or digit), end there (`end`: the
 * original character after it is no letter or digit), and whether ending there would cut a run of digits (`cutsDigits`:
 * `R25-100` must not be read out of `R25-1000`).
 */
export interface ReferenceText {
  text: string;
  start: Uint8Array;
  end: Uint8Array;
  cutsDigits: Uint8Array;
}

export function prepareReferenceText(original: string): ReferenceText {
  const n = original.length;
  const start = new Uint8Array(n);
  const end = new Uint8Array(n);
  const cutsDigits = new Uint8Array(n);
  let text = '';
  let k = 0;
  let wordBefore = false;
  for (let i = 0; i < n; i++) {
    const code = original.charCodeAt(i);
    const word = isWordChar(original, i);
    if (!isSeparator(code)) {
      text += code < 0x80 ? String.fromCharCode(code >= 0x61 && code <= 0x7a ? code - 32 : code) : upper(original.charAt(i));
      start[k] = wordBefore ? 0 : 1;
      const last = i === n - 1;
      end[k] = last || !isWordChar(original, i + 1) ? 1 : 0;
      cutsDigits[k] = !last && isDigit(original, i) && isDigit(original, i + 1) ? 1 : 0;
      k++;
    }
    wordBefore = word;
  }
  return { text, start: start.subarray(0, k), end: end.subarray(0, k), cutsDigits: cutsDigits.subarray(0, k) };
}

/** Whether `key` (normalised) occurs in `t` at position `at` on token boundaries. */
export function occursAt(t: ReferenceText, key: string, at: number): boolean {
  return t.start[at] === 1 && t.end[at + key.length - 1] === 1 && t.text.startsWith(key, at);
}

/**
 * Fuzzy windows: a same-length window of the normalised purpose that starts where a token starts and does not cut a run
 * of digits at its end. Numbers shorter than this are only ever found exactly: one typo in a short number is another
 * number, and Jaro-Winkler over three characters says little.
 */
export const minFuzzyLength = 4;

export function isFuzzyWindow(t: ReferenceText, at: number, length: number): boolean {
  return at + length <= t.text.length && t.start[at] === 1 && t.cutsDigits[at + length - 1] === 0;
}
