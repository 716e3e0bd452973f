/**
 * Custom functions: what cells call. Pure and deterministic (no services), and range-aware: each takes a single value or a
 * whole range (a 2-D array) and returns the same shape, because every call is a separate round trip and Google advises one
 * call per column rather than one per cell.
 */
import { checkIban, printIban } from '../core/iban/iban';

type Cell = unknown;

/** Applies `fn` to a single value or to every cell of a range; blank cells stay blank. */
function perCell(input: Cell, fn: (value: string) => Cell): Cell {
  const one = (value: Cell): Cell => (value === '' || value === null || value === undefined ? '' : fn(String(value)));
  if (Array.isArray(input)) return input.map((row: Cell) => (Array.isArray(row) ? row.map(one) : one(row)));
  return one(input);
}

export const customFunctions = {
  KM_IBAN_VALID: (ibans: Cell): Cell => perCell(ibans, (text) => checkIban(text).valid),
  KM_IBAN_FORMAT: (ibans: Cell): Cell =>
    perCell(ibans, (text) => {
      const check = checkIban(text);
      return check.valid ? printIban(check.electronic) : `invalid IBAN: ${check.reason}`;
    }),
};
