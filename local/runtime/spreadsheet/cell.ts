/** One stored cell. Dates are stored as serial numbers, as Sheets does; the number format decides how they come back. */
export interface Cell {
  /** '' for empty; a formula cell holds its (never evaluated) result, e.g. `#NAME?`. */
  value: number | string | boolean;
  /** '' if the cell holds no formula. */
  formula: string;
  format: string;
  fontWeight: string;
}

export function emptyCell(): Cell {
  return { value: '', formula: '', format: 'General', fontWeight: 'normal' };
}

export function hasContent(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.value !== '' || cell.formula !== '');
}
