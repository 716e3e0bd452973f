/**
 * The one contract between the sidebar and the server.
 *
 * Every function the sidebar may call is listed here with zod schemas for its request and its response. The server parses
 * both (a request is untrusted input from the browser; a response is checked so that a server bug surfaces as a clear error
 * instead of a half-rendered sidebar). The sidebar imports only the *types* (`import type`), so zod stays out of its bundle.
 *
 * `google.script.run` carries only primitives, plain objects and arrays: no `Date` (dates travel as `YYYY-MM-DD` strings),
 * and money travels as integer minor units.
 */
import * as z from '../core/schema';

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD' }));
const minorUnits = z.int().check(z.refine(Number.isSafeInteger, { error: 'amount out of range' }));
const count = z.int();

/** Bank files are sent base64-encoded: the sidebar cannot know their encoding, the server's decoder can. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;
const base64 = z.string().check(
  z.maxLength(Math.ceil(MAX_FILE_BYTES / 3) * 4, { error: 'the file is larger than 50 MB' }),
  z.regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'the file content is not base64' }),
);

export const lineErrorSchema = z.object({
  file: z.string(),
  line: count,
  column: z.nullable(count),
  field: z.string(),
  found: z.string(),
  message: z.string(),
});

export const previewRowSchema = z.object({
  line: count,
  bookingDate: isoDate,
  valueDate: z.nullable(isoDate),
  amountMinor: minorUnits,
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  counterpartyName: z.string(),
  counterpartyIban: z.nullable(z.string()),
  purpose: z.string(),
  bookingType: z.nullable(z.string()),
  fingerprint: z.string(),
  /** Already in the "Transactions" sheet: will not be imported again. */
  duplicate: z.boolean(),
});

const statementFile = z.object({
  fileName: z.string().check(z.minLength(1), z.maxLength(255)),
  contentBase64: base64,
  profileId: z.string().check(z.minLength(1), z.maxLength(100)),
});

export const contract = {
  /** What the sidebar needs before it draws anything: who, which language, which time zone. */
  getSidebarContext: {
    request: z.object({}),
    response: z.object({
      user: z.string(),
      locale: z.enum(['de', 'en']),
      timeZone: z.string(),
      version: z.string(),
    }),
  },
  listProfiles: {
    request: z.object({}),
    response: z.object({
      profiles: z.array(z.object({ id: z.string(), name: z.string(), description: z.string() })),
    }),
  },
  /** Reads the file with the profile and tells what an import would do; writes nothing. */
  previewImport: {
    request: statementFile,
    response: z.object({
      fileName: z.string(),
      profileName: z.string(),
      rowsRead: count,
      newCount: count,
      duplicateCount: count,
      errorCount: count,
      /** Booking lines a profile rule leaves out on purpose, e.g. pending bookings ("Umsatz vorgemerkt"). */
      skippedCount: count,
      /** The first rows, for display; counts above are for the whole file. */
      rows: z.array(previewRowSchema),
      errors: z.array(lineErrorSchema),
      skipped: z.array(z.object({ line: count, reason: z.string() })),
    }),
  },
  /**
   * Imports the new transactions of the file into the "Transactions" sheet in one write. With rejected lines, nothing is
   * written unless `importGoodRows` is true: the user decides between the good rows and nothing.
   */
  importStatement: {
    request: z.extend(statementFile, { importGoodRows: z.boolean() }),
    response: z.object({
      status: z.enum(['imported', 'nothing-new', 'refused']),
      imported: count,
      duplicates: count,
      rejected: count,
      sheetName: z.string(),
      message: z.string(),
    }),
  },
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type RequestOf<K extends MethodName> = z.input<Contract[K]['request']>;
export type ResponseOf<K extends MethodName> = z.output<Contract[K]['response']>;

/** The server as the sidebar sees it: every method returns a promise. */
export type ServerApi = { [K in MethodName]: (request: RequestOf<K>) => Promise<ResponseOf<K>> };
export type PreviewRow = z.output<typeof previewRowSchema>;
export type LineErrorDto = z.output<typeof lineErrorSchema>;

export const methodNames = Object.keys(contract) as MethodName[];
