/**
 * Booking types of the case ledger and the direction of money each fits. A law firm keeps its own money (income,
 * expense), money it lays out for a client and gets back (disbursements, Auslagen) and money it holds for a client
 * (client money, Fremdgeld) apart: each has its own rules in the accounts.
 */
import * as z from '../schema';

export type BookingType = 'income' | 'expense' | 'disbursement-in' | 'disbursement-out' | 'client-money-in' | 'client-money-out';

export type Direction = 'in' | 'out';

/** Types offered for money coming in, and for money going out; the first is the default. */
export const BOOKING_TYPES_BY_DIRECTION: Record<Direction, readonly BookingType[]> = {
  in: ['income', 'disbursement-in', 'client-money-in'],
  out: ['expense', 'disbursement-out', 'client-money-out'],
};

export function directionOf(amountMinor: number): Direction {
  return amountMinor < 0 ? 'out' : 'in';
}

export function typeFits(type: BookingType, direction: Direction): boolean {
  return BOOKING_TYPES_BY_DIRECTION[direction].includes(type);
}

/** How the sheet writes a type: the bookkeeper's words. */
export const BOOKING_TYPE_WORDS: Record<BookingType, string> = {
  income: 'income',
  expense: 'expense',
  'disbursement-in': 'disbursement in',
  'disbursement-out': 'disbursement out',
  'client-money-in': 'client money in',
  'client-money-out': 'client money out',
};

/** Words a user may type into the Type column, English or German (Einnahme, Ausgabe, Auslage ein/aus, Fremdgeld ein/aus). */
const TYPE_BY_WORD = new Map<string, BookingType>([
  ...Object.entries(BOOKING_TYPE_WORDS).map(([type, word]) => [word, type as BookingType] as const),
  ...Object.keys(BOOKING_TYPE_WORDS).map((type) => [type, type as BookingType] as const),
  ['einnahme', 'income'],
  ['ausgabe', 'expense'],
  ['auslage ein', 'disbursement-in'],
  ['auslage aus', 'disbursement-out'],
  ['fremdgeld ein', 'client-money-in'],
  ['fremdgeld aus', 'client-money-out'],
]);

export const bookingTypeCell = z.pipe(
  z.unknown(),
  z.transform((value: unknown, ctx): BookingType => {
    const word = typeof value === 'string' ? value.trim().toLowerCase().replace(/\s+/g, ' ') : '';
    const type = TYPE_BY_WORD.get(word);
    if (type !== undefined) return type;
    ctx.issues.push({
      code: 'custom',
      message: 'is not a booking type (income, expense, disbursement in/out, client money in/out)',
      input: value,
    });
    return z.NEVER;
  }),
);
