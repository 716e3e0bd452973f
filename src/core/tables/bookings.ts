/**
 * The "Bookings" sheet: the case ledger (Aktenkonto). Each row is one booking made from a bank transaction — a whole
 * transaction, or one part of a split one. The amounts of a transaction's bookings add up to the transaction's amount.
 *
 * Amounts are signed like the bank's: money in positive, money out negative, so that a column sum is the bank movement.
 * The export columns are filled by the exports; once `Exported to` holds a target the booking is final (no undo).
 */
import * as z from '../schema';
import type { BookingType } from './booking-types';
import { bookingTypeCell } from './booking-types';
import {
  amountCell,
  currencyCell,
  keepFirstOf,
  optionalText,
  readTableRows,
  requiredDate,
  requiredText,
  withAmountMinor,
  type ReadOptions,
  type TableRead,
} from './cells';
import type { TableSpec } from './table';

export const bookingsTable = {
  sheetName: 'Bookings',
  columns: [
    { key: 'id', header: 'Booking', kind: 'text', aliases: ['Id', 'Buchung', 'Buchungsnr.', 'Buchungsnummer'] },
    { key: 'date', header: 'Date', kind: 'date', aliases: ['Datum', 'Buchungsdatum'] },
    { key: 'type', header: 'Type', kind: 'text', aliases: ['Buchungsart', 'Art'] },
    { key: 'amount', header: 'Amount', kind: 'amount', aliases: ['Betrag'] },
    { key: 'currency', header: 'Currency', kind: 'text', aliases: ['Währung'] },
    { key: 'description', header: 'Description', kind: 'text', aliases: ['Beschreibung', 'Buchungstext'] },
    { key: 'case', header: 'Case', kind: 'text', aliases: ['Akte', 'Aktenzeichen'] },
    { key: 'contact', header: 'Contact', kind: 'text', aliases: ['Kontakt', 'Buchungskontakt'] },
    { key: 'invoice', header: 'Invoice', kind: 'text', aliases: ['Rechnung', 'Beleg'] },
    { key: 'payment', header: 'Payment order', kind: 'text', aliases: ['Zahlungsauftrag'] },
    { key: 'transaction', header: 'Transaction', kind: 'text', aliases: ['Umsatz', 'Fingerprint'] },
    { key: 'createdAt', header: 'Created at', kind: 'timestamp', aliases: ['Erstellt am'] },
    { key: 'createdBy', header: 'Created by', kind: 'text', aliases: ['Erstellt von'] },
    { key: 'source', header: 'Source', kind: 'text', aliases: ['Quelle'] },
    { key: 'exportedTo', header: 'Exported to', kind: 'text', aliases: ['Exportiert nach'] },
    { key: 'exportId', header: 'Export id', kind: 'text', aliases: ['Export-Id'] },
    { key: 'exportedAt', header: 'Exported at', kind: 'timestamp', aliases: ['Exportiert am'] },
    { key: 'exportedBy', header: 'Exported by', kind: 'text', aliases: ['Exportiert von'] },
  ],
} as const satisfies TableSpec;

export interface BookingRow {
  id: string;
  date: string;
  type: BookingType;
  /** Signed minor units (see the module comment). */
  amountMinor: number;
  currency: string;
  description: string;
  case: string;
  contact: string;
  invoice: string;
  payment: string;
  /** The key (fingerprint) of the transaction it was made from. */
  transaction: string;
  /** ISO instant as the server read it, or "". */
  createdAt: string;
  createdBy: string;
  /** `manual`, or the id of the automatic run that made it. */
  source: string;
  exportedTo: string;
  exportId: string;
  exportedAt: string;
  exportedBy: string;
}

function bookingSchema(options: ReadOptions): z.ZodMiniType<BookingRow> {
  return withAmountMinor(
    z.object({
      id: requiredText,
      date: z.pipe(requiredDate, z.transform((date: string | null) => date ?? '')),
      type: bookingTypeCell,
      amount: amountCell(options.locale),
      currency: currencyCell(options.defaultCurrency),
      description: optionalText,
      case: optionalText,
      contact: optionalText,
      invoice: optionalText,
      payment: optionalText,
      transaction: optionalText,
      createdAt: optionalText,
      createdBy: optionalText,
      source: optionalText,
      exportedTo: optionalText,
      exportId: optionalText,
      exportedAt: optionalText,
      exportedBy: optionalText,
    }),
  );
}

export function readBookings(cells: readonly (readonly unknown[])[], options: ReadOptions): TableRead<BookingRow> {
  const read = readTableRows(bookingsTable, cells, bookingSchema(options), ['id', 'amount']);
  return keepFirstOf(read, bookingsTable.sheetName, 'id');
}

/** `B-00001`, `B-00002`, …: the next number after the highest of this form in the sheet (ids a user typed otherwise are left alone). */
export function nextBookingNumber(existing: Iterable<string>): number {
  let highest = 0;
  for (const id of existing) {
    const match = /^B-(\d+)$/i.exec(id.trim());
    if (match !== null) highest = Math.max(highest, Number(match[1]));
  }
  return highest + 1;
}

export function bookingId(number: number): string {
  return `B-${String(number).padStart(5, '0')}`;
}
