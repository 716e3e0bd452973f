/**
 * Changing a booking's accounting data after it was made, or splitting it into parts (Splitbuchung): the rent paid with
 * one transfer that is part office, part storage; a supplier invoice with items at 19 % and at 7 %. Each part has its own
 * amount, GL account, tax rate and cost object; the parts add up to the booking, to the cent, and each part's tax is
 * computed from its own amount and rounded on its own (that is how the invoice shows it, and what the targets check).
 *
 * `planBookingAccounting` decides, the server writes: the booking's own row keeps its id and takes the first part, the
 * other parts become new rows with the same case, contact, invoice, transaction and source.
 */
import { ACCOUNTING_FIELDS, emptyAccountingData, type AccountingData, type Prefilled } from '../accounting/fields';
import { parseTaxRate, taxAmountFor } from '../accounting/tax';
import { formatMinor } from '../money/amount';
import { bookingId, type BookingRow } from '../tables/bookings';

export interface BookingPart {
  /** Positive: the part of the booking's amount; it gets the booking's sign. */
  amountMinor: number;
  accounting: AccountingData;
}

export interface BookingAccountingPlan {
  /** The booking's row as it will be (amount, accounting data, tax, marker). */
  updated: BookingRow & { row: number };
  /** New rows for the parts after the first. */
  added: BookingRow[];
}

export type BookingAccountingResult = { ok: true; plan: BookingAccountingPlan } | { ok: false; message: string };

const MAX_PARTS = 20;

/**
 * The accounting data of a part as the user sent it: tax rates in their canonical form; a field the user left at the
 * machine's value keeps its marker, any other value is the user's own.
 */
export function chosenAccounting(
  chosen: AccountingData,
  machine: Prefilled,
): { ok: true; data: AccountingData; prefilled: Prefilled } | { ok: false; message: string } {
  const data = emptyAccountingData();
  const prefilled: Prefilled = {};
  for (const field of ACCOUNTING_FIELDS) data[field] = chosen[field].trim();
  if (data.taxRate !== '') {
    const rate = parseTaxRate(data.taxRate);
    if (!rate.ok) return { ok: false, message: `"${data.taxRate}" is not a tax rate (${rate.message})` };
    data.taxRate = rate.text;
  }
  for (const field of ACCOUNTING_FIELDS) {
    const entry = machine[field];
    if (entry !== undefined && data[field] !== '' && entry.value === data[field]) prefilled[field] = entry;
  }
  return { ok: true, data, prefilled };
}

/**
 * Plans the new accounting data of `booking` (one part: an edit; several: a split). `machine` is what the machine filled
 * and the row still holds; `nextNumber` is the number the first new booking gets. Refused: an exported booking, parts
 * that do not add up, a part of 0, an unreadable tax rate.
 */
export function planBookingAccounting(
  booking: BookingRow & { row: number },
  parts: readonly BookingPart[],
  machine: Prefilled,
  nextNumber: number,
): BookingAccountingResult {
  const money = (minor: number): string => `${formatMinor(minor, booking.currency)} ${booking.currency}`;
  if (booking.exportedTo !== '') {
    return { ok: false, message: `Booking ${booking.id} was exported to ${booking.exportedTo}${booking.exportedAt === '' ? '' : ` at ${booking.exportedAt}`}: it can no longer be changed.` };
  }
  if (parts.length === 0) return { ok: false, message: 'A booking needs at least one part.' };
  if (parts.length > MAX_PARTS) return { ok: false, message: `A booking can be split into at most ${MAX_PARTS} parts.` };
  const total = Math.abs(booking.amountMinor);
  const sum = parts.reduce((s, p) => s + p.amountMinor, 0);
  for (const [i, part] of parts.entries()) {
    if (!Number.isSafeInteger(part.amountMinor) || part.amountMinor <= 0) return { ok: false, message: `Part ${i + 1}: the amount must be more than 0.` };
  }
  if (sum !== total) {
    return {
      ok: false,
      message:
        parts.length === 1
          ? `The amount (${money(sum)}) must be the booking's (${money(total)}).`
          : `The parts add up to ${money(sum)}, booking ${booking.id} is ${money(total)}: ${money(Math.abs(total - sum))} ${sum < total ? 'missing' : 'too much'}.`,
    };
  }
  const sign = booking.amountMinor < 0 ? -1 : 1;
  const { row, ...base } = booking;
  const rows: BookingRow[] = [];
  for (const [i, part] of parts.entries()) {
    const chosen = chosenAccounting(part.accounting, machine);
    if (!chosen.ok) return { ok: false, message: parts.length === 1 ? chosen.message : `Part ${i + 1}: ${chosen.message}` };
    const amountMinor = sign * part.amountMinor;
    rows.push({
      ...base,
      id: i === 0 ? booking.id : bookingId(nextNumber + i - 1),
      amountMinor,
      accounting: chosen.data,
      taxAmountMinor: taxAmountFor(amountMinor, chosen.data.taxRate),
      prefilled: chosen.prefilled,
    });
  }
  const [first, ...added] = rows;
  return { ok: true, plan: { updated: { ...first!, row }, added } };
}
