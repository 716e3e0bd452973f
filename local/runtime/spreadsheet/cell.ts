/** One stored cell. Dates are stored as serial numbers, as Sheets does; the number format decides how they come back. */
import type { FakeDataValidation } from './validation';

/** The background getBackground(s) reports for a cell nobody coloured (Sheets' white). */
export const DEFAULT_BACKGROUND = '#ffffff';

export interface Cell {
  /** '' for empty; a formula cell holds its (never evaluated) result, e.g. `#NAME?`. */
  value: number | string | boolean;
  /** '' if the cell holds no formula. */
  formula: string;
  format: string;
  fontWeight: string;
  /** Lower-case `#rrggbb`. */
  background: string;
  /** The rule on this cell (a range's rule is shared by its cells), or null. */
  validation: FakeDataValidation | null;
}

export function emptyCell(): Cell {
  return { value: '', formula: '', format: 'General', fontWeight: 'normal', background: DEFAULT_BACKGROUND, validation: null };
}

/** Formats, colours and rules do not count: getLastRow/getLastColumn look at values and formulas only, as in Sheets. */
export function hasContent(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.value !== '' || cell.formula !== '');
}
