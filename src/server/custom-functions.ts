/**
 * Custom functions: what cells call. Pure and deterministic (no services: Sheets runs custom functions without
 * authorisation), and range-aware: each takes a single value or a whole range (a 2-D array) and returns the same shape,
 * because every call is a separate round trip and Google advises one call per column rather than one per cell.
 *
 * Errors come in two sizes. A problem with the call as a whole (a threshold of 2, ranges of different sizes) throws, so
 * the cell shows #ERROR! with the message on hover. A problem with one cell (an invalid IBAN among 10,000) becomes that
 * cell's text, so that the other results still show. Blank cells stay blank.
 */
import { checkIban, printIban } from '../core/iban/iban';
import { createIbanLookup, createNumberFinder, jaroWinkler, type NumberFind } from '../core/matching';

type Cell = unknown;

const isBlank = (value: Cell): boolean =>
  value === '' || value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** A cell as text; a number typed into a cell that is not plain text is read as its digits. */
function textOf(value: Cell): string {
  return typeof value === 'string' ? value : String(value);
}

/** Applies `fn` to a single value or to every cell of a range; blank cells stay blank. */
function perCell(input: Cell, fn: (value: string) => Cell): Cell {
  const one = (value: Cell): Cell => (isBlank(value) ? '' : fn(textOf(value)));
  if (Array.isArray(input)) return input.map((row: Cell) => (Array.isArray(row) ? row.map(one) : one(row)));
  return one(input);
}

/** Every non-blank cell of a value or range, row by row. */
function cellsOf(input: Cell): Cell[] {
  if (!Array.isArray(input)) return isBlank(input) ? [] : [input];
  return input.flatMap((row: Cell) => (Array.isArray(row) ? row : [row])).filter((cell) => !isBlank(cell));
}

/** The rows of a value or range (a single value is one row of one cell). */
function rowsOf(input: Cell): Cell[][] {
  if (!Array.isArray(input)) return [[input]];
  return input.map((row: Cell) => (Array.isArray(row) ? row : [row]));
}

function sizeOf(input: Cell): string {
  if (!Array.isArray(input)) return 'a single cell';
  const first = input[0] as Cell;
  return `${input.length}×${Array.isArray(first) ? first.length : 1}`;
}

/**
 * A threshold argument: omitted or blank means the matcher's default; otherwise a number with 0 < t ≤ 1. A percentage
 * cell (90 %) arrives as 0.9 already.
 */
function thresholdOf(input: Cell): number | undefined {
  let value = input;
  if (Array.isArray(value)) {
    const cells = rowsOf(value);
    if (cells.length !== 1 || cells[0]!.length !== 1) throw new Error(`threshold must be a single value, not a range of ${sizeOf(value)}.`);
    value = cells[0]![0];
  }
  if (isBlank(value)) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 1) {
    throw new Error(`threshold must be a number greater than 0 and at most 1, e.g. 0.9 — found "${textOf(value)}".`);
  }
  return value;
}

/**
 * Invoice numbers from a range, usually a whole column (`Invoices!A:A`): blank cells and texts without a digit (the
 * header "Number", a note) are not invoice numbers and are left out.
 */
function invoiceNumbersOf(input: Cell): string[] {
  return cellsOf(input)
    .map((cell) => textOf(cell).trim())
    .filter((text) => /\d/.test(text));
}

/** One finder per call (its index is built once for the whole column), applied to every purpose. */
function findInPurposes(purposes: Cell, invoiceNumbers: Cell, threshold: Cell, pick: (found: NumberFind | null) => Cell): Cell {
  if (purposes === undefined) throw new Error('purposes is missing: give a cell or a range of payment purposes.');
  if (invoiceNumbers === undefined) throw new Error('invoice_numbers is missing: give the range of invoice numbers, e.g. Invoices!A2:A.');
  const finder = createNumberFinder(invoiceNumbersOf(invoiceNumbers), thresholdOf(threshold));
  return perCell(purposes, (purpose) => pick(finder.find(purpose)));
}

/**
 * Several numbers quoted in one purpose are all shown (one transfer may pay two invoices; picking one would be a silent
 * guess). For a typo, the most similar number is shown; KM_MATCH_REASON names any that are about as similar.
 */
const foundNumbers = (found: NumberFind | null): string =>
  found === null ? '' : found.method === 'exact' ? [found.number, ...found.alternatives].join(', ') : found.number;

export const customFunctions = {
  KM_IBAN_VALID: (ibans: Cell): Cell => perCell(ibans, (text) => checkIban(text).valid),

  KM_IBAN_FORMAT: (ibans: Cell): Cell =>
    perCell(ibans, (text) => {
      const check = checkIban(text);
      return check.valid ? printIban(check.electronic) : `invalid IBAN: ${check.reason}`;
    }),

  /** Two single values, two ranges of one size (pairwise), or a range and a single value (each against it). */
  KM_JARO_WINKLER: (a: Cell, b: Cell): Cell => {
    if (a === undefined || b === undefined) throw new Error('KM_JARO_WINKLER needs two texts or ranges: a and b.');
    const pair = (x: Cell, y: Cell): Cell => (isBlank(x) || isBlank(y) ? '' : jaroWinkler(textOf(x), textOf(y)));
    if (!Array.isArray(a) && !Array.isArray(b)) return pair(a, b);
    if (!Array.isArray(b)) return rowsOf(a).map((row) => row.map((x) => pair(x, b)));
    if (!Array.isArray(a)) return rowsOf(b).map((row) => row.map((y) => pair(a, y)));
    const rowsA = rowsOf(a);
    const rowsB = rowsOf(b);
    if (rowsA.length !== rowsB.length || rowsA.some((row, i) => row.length !== rowsB[i]!.length)) {
      throw new Error(`a and b must be ranges of the same size (a is ${sizeOf(a)}, b is ${sizeOf(b)}), or one of them a single value.`);
    }
    return rowsA.map((row, i) => row.map((x, j) => pair(x, rowsB[i]![j])));
  },

  KM_MATCH_INVOICE: (purposes: Cell, invoiceNumbers: Cell, threshold?: Cell): Cell =>
    findInPurposes(purposes, invoiceNumbers, threshold, foundNumbers),

  KM_MATCH_SCORE: (purposes: Cell, invoiceNumbers: Cell, threshold?: Cell): Cell =>
    findInPurposes(purposes, invoiceNumbers, threshold, (found) => (found === null ? '' : found.score)),

  KM_MATCH_REASON: (purposes: Cell, invoiceNumbers: Cell, threshold?: Cell): Cell =>
    findInPurposes(purposes, invoiceNumbers, threshold, (found) => (found === null ? 'no invoice number found' : found.reason)),

  /**
   * The contact holding each IBAN. `contactIbans` and `contactNames` are ranges of the same number of rows (the Contacts
   * sheet's columns); a row may hold several IBANs in one cell or in several cells.
   */
  KM_MATCH_IBAN: (ibans: Cell, contactIbans: Cell, contactNames: Cell): Cell => {
    if (ibans === undefined || contactIbans === undefined || contactNames === undefined) {
      throw new Error('KM_MATCH_IBAN needs three ranges: ibans, contact_ibans and contact_names.');
    }
    const ibanRows = rowsOf(contactIbans);
    const nameRows = rowsOf(contactNames);
    if (ibanRows.length !== nameRows.length) {
      throw new Error(`contact_ibans and contact_names must have the same number of rows (${ibanRows.length} and ${nameRows.length}).`);
    }
    const lookup = createIbanLookup(
      ibanRows.map((row) => row.filter((cell) => !isBlank(cell)).map(textOf).join('\n')),
      nameRows.map((row) => row.filter((cell) => !isBlank(cell)).map(textOf).join(' ')),
    );
    return perCell(ibans, (text) => {
      const found = lookup.find(text);
      switch (found.status) {
        case 'blank':
        case 'not-found':
          return '';
        case 'invalid':
          return `invalid IBAN: ${found.reason}`;
        case 'found':
          // One IBAN on two contacts' rows is a data problem the bookkeeper should see, not a choice to make here.
          return [...new Set(found.names)].join(', ');
      }
    });
  },
};
