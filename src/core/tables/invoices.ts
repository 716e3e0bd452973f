/**
 * The "Invoices" sheet: the firm's outgoing invoices, i.e. the open items (offene Posten) that incoming payments settle.
 *
 * Kontomatch reads this sheet; the bookkeeper (or their billing system) keeps it. `Paid on` and `Paid by transaction` record
 * how an invoice was settled — the fingerprint of the transaction in the "Transactions" sheet.
 */
import * as z from '../schema';
import {
  amountCell,
  currencyCell,
  keepFirstOf,
  optionalDate,
  optionalText,
  readTableRows,
  requiredText,
  statusCell,
  withAmountMinor,
  type ReadOptions,
  type TableRead,
} from './cells';
import type { TableSpec } from './table';

export const invoicesTable = {
  sheetName: 'Invoices',
  columns: [
    { key: 'number', header: 'Number', kind: 'text', aliases: ['Invoice number', 'Rechnungsnummer', 'Rechnungsnr.', 'Re-Nr.', 'Nummer'] },
    { key: 'date', header: 'Date', kind: 'date', aliases: ['Invoice date', 'Rechnungsdatum', 'Datum'] },
    { key: 'dueDate', header: 'Due date', kind: 'date', aliases: ['Fällig am', 'Fälligkeit', 'Fällig'] },
    { key: 'contact', header: 'Contact', kind: 'text', aliases: ['Contact id', 'Kontakt', 'Kunde', 'Mandant'] },
    { key: 'case', header: 'Case', kind: 'text', aliases: ['Case id', 'Akte', 'Aktenzeichen', 'Az.'] },
    { key: 'amount', header: 'Amount', kind: 'amount', aliases: ['Betrag', 'Rechnungsbetrag', 'Brutto'] },
    { key: 'currency', header: 'Currency', kind: 'text', aliases: ['Währung'] },
    { key: 'status', header: 'Status', kind: 'text', aliases: ['Zahlstatus'] },
    { key: 'paidOn', header: 'Paid on', kind: 'date', aliases: ['Bezahlt am'] },
    { key: 'paidBy', header: 'Paid by transaction', kind: 'text', aliases: ['Bezahlt durch Umsatz'] },
  ],
} as const satisfies TableSpec;

export type InvoiceStatus = 'open' | 'paid' | 'cancelled';

export interface InvoiceRow {
  number: string;
  date: string | null;
  dueDate: string | null;
  /** Contact id (see the "Contacts" sheet), or "". */
  contact: string;
  /** Case id (see the "Cases" sheet), or "". */
  case: string;
  /** Invoice total in minor units of `currency`. */
  amountMinor: number;
  currency: string;
  status: InvoiceStatus;
  paidOn: string | null;
  /** Fingerprint of the transaction that paid it, or "". */
  paidBy: string;
}

/** Status names a bookkeeper may type; blank is "open" (nobody has marked the invoice yet). */
const invoiceStatus = statusCell<InvoiceStatus>(
  {
    open: 'open', offen: 'open',
    paid: 'paid', bezahlt: 'paid', beglichen: 'paid',
    cancelled: 'cancelled', canceled: 'cancelled', storniert: 'cancelled',
  },
  'open',
  'open, paid or cancelled',
);

function invoiceSchema(options: ReadOptions): z.ZodMiniType<InvoiceRow> {
  return withAmountMinor(
    z.object({
      number: requiredText,
      date: optionalDate,
      dueDate: optionalDate,
      contact: optionalText,
      case: optionalText,
      amount: amountCell(options.locale),
      currency: currencyCell(options.defaultCurrency),
      status: invoiceStatus,
      paidOn: optionalDate,
      paidBy: optionalText,
    }),
  );
}

/** Reads the "Invoices" sheet (header row first). A number that repeats is reported; the first row with it is kept. */
export function readInvoices(cells: readonly (readonly unknown[])[], options: ReadOptions): TableRead<InvoiceRow> {
  const read = readTableRows(invoicesTable, cells, invoiceSchema(options), ['number', 'amount']);
  return keepFirstOf(read, invoicesTable.sheetName, 'number');
}
