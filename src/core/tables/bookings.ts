/**
 * The "Bookings" sheet: the case ledger (Aktenkonto). Each row is one booking made from a bank transaction — a whole
 * transaction, or one part of a split one. The amounts of a transaction's bookings add up to the transaction's amount.
 *
 * Amounts are signed like the bank's: money in positive, money out negative, so that a column sum is the bank movement.
 * The export columns are filled by the exports; once `Exported to` holds a target the booking is final (no undo).
 */
import * as z from '../schema';
import { ACCOUNTING_FIELDS, FIELD_LABELS, parsePrefilled, type AccountingData, type Prefilled } from '../accounting/fields';
import { decimalToMinor } from '../money/currency';
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
    // Accounting data (Vorkontierung), see ../accounting/fields.ts. "Pre-filled" says which of them the machine filled.
    { key: 'glAccount', header: FIELD_LABELS.glAccount, kind: 'text', aliases: ['Sachkonto', 'Konto'] },
    { key: 'taxRate', header: FIELD_LABELS.taxRate, kind: 'text', aliases: ['Steuersatz', 'USt-Satz'] },
    { key: 'taxAmount', header: 'Tax amount', kind: 'amount', aliases: ['Steuerbetrag'] },
    { key: 'partner', header: FIELD_LABELS.partner, kind: 'text', aliases: ['Supplier', 'Customer', 'Lieferant/Kunde', 'Lieferant', 'Geschäftspartner'] },
    { key: 'costCentre', header: FIELD_LABELS.costCentre, kind: 'text', aliases: ['Cost center', 'Kostenstelle'] },
    { key: 'costObject', header: FIELD_LABELS.costObject, kind: 'text', aliases: ['Project', 'Projekt', 'Kostenträger'] },
    { key: 'receiptNumber', header: FIELD_LABELS.receiptNumber, kind: 'text', aliases: ['Belegnummer', 'Belegnr.'] },
    { key: 'receiptFile', header: FIELD_LABELS.receiptFile, kind: 'text', aliases: ['Receipt', 'Beleg-Datei', 'Belegdatei'] },
    { key: 'comment', header: FIELD_LABELS.comment, kind: 'text', aliases: ['Kommentar', 'Notiz'] },
    { key: 'prefilled', header: 'Pre-filled', kind: 'text', aliases: ['Vorkontiert durch'] },
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
    // `exported`, or what is still open about it: `receipt pending`, `receipt failed: …` (see ../export/export-status.ts).
    { key: 'exportStatus', header: 'Export status', kind: 'text', aliases: ['Exportstatus'] },
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
  /** Its accounting data ('' where empty) and the tax amount the sheet holds (signed; null where blank or typed as text). */
  accounting: AccountingData;
  taxAmountMinor: number | null;
  /** The machine-filled fields as the "Pre-filled" cell records them (whether still active: `activePrefilled`). */
  prefilled: Prefilled;
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
  exportStatus: string;
}

/** The tax amount is derived (amount and rate): a number cell is read, anything else counts as not yet computed. */
const taxAmountCell = z.pipe(z.unknown(), z.transform((value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null)));

type BookingCells = Omit<BookingRow, 'accounting' | 'taxAmountMinor' | 'prefilled'> &
  AccountingData & { taxAmount: number | null; prefilled: string };

function bookingSchema(options: ReadOptions): z.ZodMiniType<BookingCells> {
  return withAmountMinor(
    z.object({
      glAccount: optionalText,
      taxRate: optionalText,
      taxAmount: taxAmountCell,
      partner: optionalText,
      costCentre: optionalText,
      costObject: optionalText,
      receiptNumber: optionalText,
      receiptFile: optionalText,
      comment: optionalText,
      prefilled: optionalText,
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
      exportStatus: optionalText,
    }),
  );
}

export function readBookings(cells: readonly (readonly unknown[])[], options: ReadOptions): TableRead<BookingRow> {
  const read = readTableRows(bookingsTable, cells, bookingSchema(options), ['id', 'amount']);
  const records = read.records.map((r) => {
    const { taxAmount, prefilled, glAccount, taxRate, partner, costCentre, costObject, receiptNumber, receiptFile, comment, ...rest } = r;
    const accounting: AccountingData = { glAccount, taxRate, partner, costCentre, costObject, receiptNumber, receiptFile, comment };
    return {
      ...rest,
      accounting,
      taxAmountMinor: taxAmount === null ? null : decimalToMinor(taxAmount, r.currency),
      prefilled: parsePrefilled(prefilled),
    };
  });
  return keepFirstOf({ ...read, records }, bookingsTable.sheetName, 'id');
}

/** The cells of a booking's accounting columns, keyed like the table's columns. */
export function accountingCells(accounting: AccountingData): Record<string, string> {
  return Object.fromEntries(ACCOUNTING_FIELDS.map((field) => [field, accounting[field]]));
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
