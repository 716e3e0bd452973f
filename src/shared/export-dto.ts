/**
 * The shapes the export page sends between sidebar and server (part of the one contract in `contract.ts`): which bookings
 * can go to which target, the connection to an accounting system (never its key), an export's progress and its files.
 */
import * as z from '../core/schema';
import { exportTargetSchema } from './accounting-dto';

const minorUnits = z.int().check(z.refine(Number.isSafeInteger, { error: 'amount out of range' }));
const count = z.int();
const bookingId = z.string().check(z.minLength(1), z.maxLength(50));

export const apiTargetSchema = z.enum(['lexoffice', 'bexio']);

/** Where a booking stands for the chosen target. */
export const exportStateSchema = z.enum([
  /** Complete for the target: it would be sent. */
  'ready',
  /** A required field is missing or a value the target refuses: listed with `problems`, not sent. */
  'incomplete',
  /** Sent (API) or written to a file before; locked. */
  'exported',
  /** Its record exists at the target, its receipt is still to be attached. */
  'receipt-pending',
  /** A request about it got no clear answer: the next export looks it up before anything is sent again. */
  'unknown',
]);

export const exportItemDto = z.object({
  id: bookingId,
  date: z.string(),
  amountMinor: minorUnits,
  currency: z.string(),
  description: z.string(),
  glAccount: z.string(),
  taxRate: z.string(),
  receiptFile: z.string(),
  state: exportStateSchema,
  /** In words, booking and field named: "B-00017 cannot go to lexoffice: GL account missing". */
  problems: z.array(z.string()),
  exportedTo: z.string(),
  exportId: z.string(),
  exportedAt: z.string(),
  exportedBy: z.string(),
});

/** A connection as the sidebar may see it: never the key, only its last four characters. */
export const connectionDto = z.object({
  target: apiTargetSchema,
  connected: z.boolean(),
  /** `••••a1b2`, or '' when not connected. */
  keyHint: z.string(),
  /** The company or account name the target gave when the key was tested. */
  accountName: z.string(),
  /** Only when it differs from the provider's own address (the local test servers). */
  baseUrl: z.string(),
});

export const exportFileDto = z.object({
  name: z.string(),
  /** The file in the user's Drive. */
  url: z.string(),
  bookings: count,
  from: z.string(),
  to: z.string(),
});

export const exportProblemDto = z.object({ bookingId: z.string(), message: z.string() });

/** One export, finished or to be continued (API exports continue in slices driven by the sidebar). */
export const exportRunDto = z.object({
  status: z.enum(['done', 'continuing', 'refused']),
  /** Set while an API export is unfinished: what `continueExport` takes. */
  jobId: z.string(),
  target: exportTargetSchema,
  /** Bookings sent or written now, in this call and the calls before of the same export. */
  exported: count,
  /** Receipts attached. */
  receipts: count,
  /** Bookings still to go (API export). */
  remaining: count,
  /** Bookings left out: incomplete, refused by the target, receipt unreadable. */
  failed: count,
  /** Requests whose outcome is still unknown: looked up before the next send. */
  unknown: count,
  files: z.array(exportFileDto),
  problems: z.array(exportProblemDto),
  message: z.string(),
});

const month = z.int().check(z.gte(1), z.lte(12));

/** Export settings of the spreadsheet (document properties; never a key). */
export const exportSettingsDto = z.object({
  /** The bank's GL account: DATEV Gegenkonto, bexio bank account number. */
  bankAccount: z.string().check(z.maxLength(20)),
  datev: z.object({
    consultantNumber: z.string().check(z.maxLength(7)),
    clientNumber: z.string().check(z.maxLength(5)),
    fiscalYearStartMonth: month,
    accountLength: z.int().check(z.gte(4), z.lte(8)),
    chart: z.enum(['03', '04']),
    period: z.enum(['month', 'quarter', 'year']),
    batchLocked: z.boolean(),
  }),
  csv: z.object({ profileId: z.string().check(z.maxLength(100)) }),
  lexoffice: z.object({
    voucherTypes: z.object({
      in: z.enum(['salesinvoice', 'salescreditnote', 'purchaseinvoice', 'purchasecreditnote']),
      out: z.enum(['salesinvoice', 'salescreditnote', 'purchaseinvoice', 'purchasecreditnote']),
    }),
  }),
});

export const exportSelectionSchema = z.discriminatedUnion('kind', [
  /** Every booking not yet exported that is complete for the target. */
  z.object({ kind: z.literal('all') }),
  /** Chosen by hand; with a file target, exported ones may be among them (another file). */
  z.object({ kind: z.literal('ids'), ids: z.array(bookingId).check(z.minLength(1), z.maxLength(500)) }),
]);

export { exportTargetSchema };
