/**
 * A booking as it leaves the spreadsheet for an accounting system: what every export target (lexoffice, bexio, DATEV, CSV)
 * reads, and nothing about where it came from. The server builds it from a row of the "Bookings" sheet, the command line
 * from a JSON file.
 */
import type { AccountingData } from '../accounting/fields';
import { taxAmountFor } from '../accounting/tax';

export interface ExportBooking {
  /** `B-00017`: unique in its spreadsheet, and the key by which a target finds it again. */
  id: string;
  /** Booking date, `YYYY-MM-DD`. */
  date: string;
  /** Signed like the bank's: money in positive, money out negative. */
  amountMinor: number;
  currency: string;
  description: string;
  accounting: AccountingData;
  /** Signed like the amount; null where the sheet holds none (then computed from the rate, see `taxOf`). */
  taxAmountMinor: number | null;
  /** The bank's own GL account (DATEV Konto/Gegenkonto, bexio's bank account number); '' when not set. */
  bankAccount: string;
}

/** Why a booking is not exported: named booking, named field, in words. */
export interface BookingProblem {
  bookingId: string;
  /** An accounting field, `amount`, `date`, `receipt` or `settings`. */
  field: string;
  message: string;
}

/** The booking's tax in minor units, signed like its amount: the sheet's value, else computed from the rate (0 without). */
export function taxOf(booking: ExportBooking): number {
  if (booking.taxAmountMinor !== null) return booking.taxAmountMinor;
  return taxAmountFor(booking.amountMinor, booking.accounting.taxRate) ?? 0;
}

export const isMoneyIn = (booking: ExportBooking): boolean => booking.amountMinor > 0;
