/**
 * The "Payments" sheet: the firm's outgoing payment orders (Zahlungsaufträge) — rent, salaries, court fees, experts —
 * which debits on the statement settle.
 */
import * as z from '../schema';
import { normaliseIban } from '../iban/iban';
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

export const paymentsTable = {
  sheetName: 'Payments',
  columns: [
    { key: 'number', header: 'Number', kind: 'text', aliases: ['Payment number', 'Zahlungsnummer', 'Auftragsnummer', 'Nummer'] },
    { key: 'payee', header: 'Payee', kind: 'text', aliases: ['Empfänger', 'Zahlungsempfänger', 'Begünstigter'] },
    { key: 'iban', header: 'IBAN', kind: 'text' },
    { key: 'amount', header: 'Amount', kind: 'amount', aliases: ['Betrag'] },
    { key: 'currency', header: 'Currency', kind: 'text', aliases: ['Währung'] },
    { key: 'status', header: 'Status', kind: 'text' },
    { key: 'case', header: 'Case', kind: 'text', aliases: ['Case id', 'Akte', 'Aktenzeichen', 'Az.'] },
    { key: 'executedOn', header: 'Executed on', kind: 'date', aliases: ['Ausgeführt am'] },
    { key: 'executedBy', header: 'Executed by transaction', kind: 'text', aliases: ['Ausgeführt durch Umsatz'] },
  ],
} as const satisfies TableSpec;

export type PaymentStatus = 'pending' | 'executed';

export interface PaymentRow {
  number: string;
  payee: string;
  /** Electronic format (no spaces), or null where the cell is blank. Not validated: a typo must still be visible. */
  iban: string | null;
  /** The amount paid out, positive, in minor units. */
  amountMinor: number;
  currency: string;
  status: PaymentStatus;
  /** Case id (see the "Cases" sheet), or "". */
  case: string;
  executedOn: string | null;
  /** Key (fingerprint) of the transaction that executed it, or "". */
  executedBy: string;
}

/** Blank is "pending": an order nobody has confirmed as executed. */
const paymentStatus = statusCell<PaymentStatus>(
  {
    pending: 'pending', open: 'pending', offen: 'pending', ausstehend: 'pending',
    executed: 'executed', paid: 'executed', 'ausgeführt': 'executed', ausgefuehrt: 'executed', bezahlt: 'executed',
  },
  'pending',
  'pending or executed',
);

function paymentSchema(options: ReadOptions): z.ZodMiniType<PaymentRow> {
  return withAmountMinor(
    z.object({
      number: requiredText,
      payee: optionalText,
      iban: z.pipe(optionalText, z.transform((text: string) => (text === '' ? null : normaliseIban(text)))),
      amount: amountCell(options.locale),
      currency: currencyCell(options.defaultCurrency),
      status: paymentStatus,
      case: optionalText,
      executedOn: optionalDate,
      executedBy: optionalText,
    }),
  );
}

export function readPayments(cells: readonly (readonly unknown[])[], options: ReadOptions): TableRead<PaymentRow> {
  const read = readTableRows(paymentsTable, cells, paymentSchema(options), ['number', 'amount']);
  return keepFirstOf(read, paymentsTable.sheetName, 'number');
}
