/**
 * The shapes reconciliation sends between sidebar and server (part of the one contract in `contract.ts`).
 *
 * A transaction is addressed by its key: its fingerprint, or `row N` for a row typed in by hand without one. Every change
 * also carries what the sidebar saw of it (`seen`), so that a row moved or edited meanwhile is refused instead of booked.
 * Instants travel as ISO 8601 strings with offset (`2026-11-22T14:03:00+01:00`), calendar dates as `YYYY-MM-DD`, money
 * as integer minor units.
 */
import * as z from '../core/schema';
import { accountingDataDto, missingDto, prefilledFieldDto } from './accounting-dto';

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD' }));
/** An instant as the sidebar shows it: ISO 8601 with the spreadsheet's offset; "" where a cell holds none. */
const instant = z.string();
const minorUnits = z.int().check(z.refine(Number.isSafeInteger, { error: 'amount out of range' }));
const count = z.int();
const currency = z.string().check(z.regex(/^[A-Z]{3}$/));
const shortText = (max: number) => z.string().check(z.maxLength(max));

export const transactionKeySchema = z.string().check(z.minLength(1), z.maxLength(200));
export const caseIdSchema = z.string().check(z.minLength(1), z.maxLength(200));

/** Booking types of the case ledger (Aktenkonto); which of them fit depends on the direction of the money. */
export const bookingTypeSchema = z.enum([
  'income', // Einnahme
  'expense', // Ausgabe
  'disbursement-in', // Auslage ein
  'disbursement-out', // Auslage aus
  'client-money-in', // Fremdgeld ein
  'client-money-out', // Fremdgeld aus
]);
export type BookingType = z.output<typeof bookingTypeSchema>;

export const matchStatusSchema = z.enum(['auto', 'review', 'none']);
export const filterSchema = z.enum(['open', 'processed', 'all']);

export const transactionDto = z.object({
  key: transactionKeySchema,
  /** Row in the "Transactions" sheet (1 = header). */
  row: count,
  bookingDate: isoDate,
  valueDate: z.nullable(isoDate),
  counterpartyName: z.string(),
  /** Electronic format (no spaces); the sidebar prints it in groups of four. */
  counterpartyIban: z.nullable(z.string()),
  purpose: z.string(),
  amountMinor: minorUnits,
  currency,
  bookingType: z.string(),
  direction: z.enum(['in', 'out']),
  /** The statement file it came from. */
  importFile: z.string(),
});

export const invoiceDto = z.object({
  number: z.string(),
  date: z.nullable(isoDate),
  dueDate: z.nullable(isoDate),
  contactId: z.string(),
  contactName: z.string(),
  caseId: z.string(),
  amountMinor: minorUnits,
  currency,
  status: z.enum(['open', 'paid', 'cancelled']),
  paidOn: z.nullable(isoDate),
});

export const paymentDto = z.object({
  number: z.string(),
  payee: z.string(),
  iban: z.nullable(z.string()),
  caseId: z.string(),
  amountMinor: minorUnits,
  currency,
  status: z.enum(['pending', 'executed']),
});

export const caseDto = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(['active', 'archived']),
  labels: z.array(z.string()),
  contactIds: z.array(z.string()),
});

export const contactDto = z.object({ id: z.string(), name: z.string() });

export const bookingDto = z.object({
  id: z.string(),
  date: isoDate,
  type: bookingTypeSchema,
  /** Signed like the transaction: positive for money in, negative for money out. */
  amountMinor: minorUnits,
  currency,
  description: z.string(),
  caseId: z.string(),
  contactId: z.string(),
  invoiceNumber: z.string(),
  paymentNumber: z.string(),
  /** Where it was exported to ("" while not exported): an exported booking can no longer be undone. */
  exportedTo: z.string(),
  /** Its accounting data (Vorkontierung), the tax amount that follows from it, what the machine filled, what is missing. */
  accounting: accountingDataDto,
  taxAmountMinor: z.nullable(minorUnits),
  prefilled: z.array(prefilledFieldDto),
  missing: z.array(missingDto),
});

export const proposalDto = z.object({
  status: matchStatusSchema,
  reason: z.string(),
  matches: z.array(
    z.object({
      number: z.nullable(z.string()),
      kind: z.nullable(z.enum(['invoice', 'payment'])),
      caseId: z.nullable(z.string()),
      contactId: z.nullable(z.string()),
      method: z.enum(['exact', 'fuzzy', 'case', 'iban', 'amount']),
      score: z.number(),
      amountCheck: z.nullable(z.enum(['equal', 'within-tolerance', 'partial', 'sum', 'differs'])),
    }),
  ),
});

export const processedDto = z.object({
  by: z.string(),
  at: instant,
  /** In words: "RE-2026-0138 paid; booking B-00003 (income)". */
  summary: z.string(),
  /** "" for a transaction booked by hand, else the automatic run's id. */
  run: z.string(),
  bookings: z.array(bookingDto),
  undoable: z.boolean(),
  /** Why undo is not possible (e.g. "booking B-00003 was exported to DATEV"), else null. */
  undoBlockedBy: z.nullable(z.string()),
});

/** The items a case or a proposal brings into reach: what the user may assign the transaction to. */
export const assignableDto = z.object({
  cases: z.array(caseDto),
  invoices: z.array(invoiceDto),
  payments: z.array(paymentDto),
  contacts: z.array(contactDto),
});

export const bookingRequestSchema = z.object({
  type: bookingTypeSchema,
  /** Positive: the part of the transaction's amount this booking takes (the server gives it the transaction's sign). */
  amountMinor: minorUnits.check(z.positive({ error: 'a booking amount must be more than 0' })),
  caseId: z.nullable(caseIdSchema),
  contactId: z.nullable(shortText(200)),
  invoiceNumber: z.nullable(shortText(200)),
  paymentNumber: z.nullable(shortText(200)),
  description: shortText(2000),
  /**
   * Its accounting data; absent: what rules and learning propose. A field left at the proposed value stays marked as
   * machine-filled (the server recomputes the proposal, the sidebar cannot claim a source).
   */
  accounting: z.optional(accountingDataDto),
});

export const labelChangeSchema = z.object({
  caseId: caseIdSchema,
  add: z.array(shortText(100).check(z.minLength(1))).check(z.maxLength(20)),
  remove: z.array(shortText(100).check(z.minLength(1))).check(z.maxLength(20)),
});

export const runScopeSchema = z.discriminatedUnion('kind', [
  /** Every transaction of the "Transactions" sheet nobody has processed yet. */
  z.object({ kind: z.literal('open') }),
  /** The open transactions of one imported statement file (the one just imported). */
  z.object({ kind: z.literal('import'), fileName: z.string().check(z.minLength(1), z.maxLength(255)) }),
]);

export const runOutcomeSchema = z.enum(['booked', 'review', 'none']);

export const runStatusDto = z.object({
  runId: z.string(),
  state: z.enum(['running', 'finished']),
  scope: runScopeSchema,
  /** The statement(s) in words: file name(s), account, period. */
  statement: z.string(),
  startedAt: instant,
  startedBy: z.string(),
  finishedAt: instant,
  /** Transactions in scope, and how many of them the run has decided so far. */
  total: count,
  done: count,
  booked: count,
  review: count,
  none: count,
  /** Link to the PDF report in the user's Drive, once the run has finished. */
  reportUrl: z.nullable(z.string()),
  message: z.string(),
});

export const runDetailDto = z.object({
  key: transactionKeySchema,
  bookingDate: isoDate,
  counterpartyName: z.string(),
  purpose: z.string(),
  amountMinor: minorUnits,
  currency,
  outcome: runOutcomeSchema,
  /** The matcher's reason: for `review` it names the criterion that failed. */
  reason: z.string(),
  /** Booking ids the run created for it. */
  bookingIds: z.array(z.string()),
  /** Key data of the invoices or payment orders it concerns, to show on click. */
  invoices: z.array(invoiceDto),
  payments: z.array(paymentDto),
});

export const archiveEntryDto = z.object({
  runId: z.string(),
  startedAt: instant,
  finishedAt: instant,
  statement: z.string(),
  total: count,
  booked: count,
  review: count,
  none: count,
  by: z.string(),
  reportUrl: z.string(),
});

export const matchSettingsDto = z.object({
  fuzzyThreshold: z.number().check(z.gte(0.7), z.lte(1)),
  amountToleranceMinor: z.int().check(z.gte(0), z.lte(100_000)),
  amountTolerancePercent: z.number().check(z.gte(0), z.lte(10)),
  allowPartialPayments: z.boolean(),
});
