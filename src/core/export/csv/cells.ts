/** How one value becomes one CSV cell under a profile. */
import { parseTaxRate } from '../../accounting/tax';
import { formatMinor } from '../../money/amount';
import { type ExportBooking, taxOf } from '../export-booking';
import type { CsvExportField, CsvExportProfile } from './profile';

/** `2025-03-07` in `dd.MM.yyyy` → `07.03.2025`; tokens as import profiles know them (yyyy, yy, dd, d, mm/MM, m/M). */
export function formatDate(isoDate: string, pattern: string): string {
  const [year, month, day] = [isoDate.slice(0, 4), isoDate.slice(5, 7), isoDate.slice(8, 10)];
  const parts: Record<string, string> = { yyyy: year, yy: year.slice(2), dd: day, d: String(Number(day)), mm: month, m: String(Number(month)) };
  return pattern.replace(/yyyy|yy|dd|d|mm|m/gi, (token) => parts[token.toLowerCase()]!);
}

/**
 * A spreadsheet takes a cell starting with `= + - @`, tab or carriage return for a formula (CSV injection, OWASP): text
 * gets a leading `'`. Numbers are never touched (a refund stays `-12.50`).
 */
export const defuse = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const number = (minor: number, currency: string, profile: CsvExportProfile): string => formatMinor(minor, currency).replace('.', profile.decimalSeparator);

/** The tax: the sheet's amount, else the one the rate gives; '' when neither says anything. */
function taxAmount(booking: ExportBooking): number | null {
  if (booking.taxAmountMinor === null && !parseTaxRate(booking.accounting.taxRate).ok) return null;
  return taxOf(booking);
}

/** The cell's text, before quoting: numbers as they are, text defused. */
export function cellOf(booking: ExportBooking, field: CsvExportField, profile: CsvExportProfile): string {
  const { amountMinor: amount, currency } = booking;
  switch (field) {
    case 'date':
      return formatDate(booking.date, profile.dateFormat);
    case 'amount':
      return number(amount, currency, profile);
    case 'debit':
      return amount < 0 ? number(-amount, currency, profile) : '';
    case 'credit':
      return amount > 0 ? number(amount, currency, profile) : '';
    case 'taxAmount': {
      const tax = taxAmount(booking);
      if (tax === null) return '';
      return number(profile.amountStyle === 'debit-credit' ? Math.abs(tax) : tax, currency, profile);
    }
    case 'taxRate': {
      const rate = parseTaxRate(booking.accounting.taxRate);
      return rate.ok ? rate.text.replace('.', profile.decimalSeparator) : defuse(booking.accounting.taxRate);
    }
    case 'id':
      return defuse(booking.id);
    case 'currency':
      return defuse(currency);
    case 'description':
      return defuse(booking.description);
    case 'bankAccount':
      return defuse(booking.bankAccount);
    default:
      return defuse(booking.accounting[field]);
  }
}

/** Quotes where the cell would otherwise split or lose spaces: delimiter, quote, line break, edge space (RFC 4180). */
export function quote(cell: string, delimiter: string): string {
  return cell.includes(delimiter) || /["\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
