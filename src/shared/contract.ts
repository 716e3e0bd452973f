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
import type { CsvProfileInput } from '../core/profiles/profile';
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
  endToEndId: z.nullable(z.string()),
  mandateReference: z.nullable(z.string()),
  creditorId: z.nullable(z.string()),
  counterpartyBic: z.nullable(z.string()),
  /** Already in the "Transactions" sheet: will not be imported again. */
  duplicate: z.boolean(),
});

export const statementFormatSchema = z.enum(['csv', 'mt940', 'camt']);
const profileId = z.string().check(z.minLength(1), z.maxLength(100));
const fileName = z.string().check(z.minLength(1), z.maxLength(255));

const statementFile = z.object({
  fileName,
  contentBase64: base64,
  /** Chosen by the user; absent: "Detect automatically" — the server looks at the content, not the file name. */
  format: z.optional(statementFormatSchema),
  /** CSV only: the bank profile chosen; absent: detected among the built-in profiles and the document's own. */
  profileId: z.optional(profileId),
});

const period = z.nullable(z.object({ from: isoDate, to: isoDate }));
const skippedLine = z.object({ line: count, reason: z.string() });

/** A profile as JSON (what `CsvProfileInput` describes); checked by the server with the profile schema, not here. */
const profileJson = z.custom<CsvProfileInput>((value) => typeof value === 'object' && value !== null && !Array.isArray(value));

/** One zod issue of a profile: `field` is its path (`columns.amount`, `skipRowsWhere[0].column`), "" for the whole. */
const profileIssue = z.object({ field: z.string(), message: z.string() });

/** What reading a statement gave, for display: counts cover the whole file, `rows`/`errors` only its beginning. */
const statementPreview = z.object({
  fileName: z.string(),
  format: statementFormatSchema,
  /** True when the format was detected rather than chosen. */
  formatDetected: z.boolean(),
  /** The CSV profile used; null for MT940 and CAMT. */
  profileId: z.nullable(z.string()),
  profileName: z.nullable(z.string()),
  profileDetected: z.boolean(),
  account: z.nullable(z.string()),
  period,
  encoding: z.string(),
  rowsRead: count,
  newCount: count,
  duplicateCount: count,
  errorCount: count,
  /** Booking lines a profile rule leaves out on purpose, e.g. pending bookings ("Umsatz vorgemerkt"). */
  skippedCount: count,
  /** Problems of the statement as a whole (e.g. the balances do not add up): importing then needs the user's consent. */
  warningCount: count,
  rows: z.array(previewRowSchema),
  errors: z.array(lineErrorSchema),
  skipped: z.array(skippedLine),
  warnings: z.array(lineErrorSchema),
});

/** No profile fits a CSV file: what the server saw, and a profile draft made from it for the editor. */
const noProfileFits = z.object({
  status: z.literal('no-profile'),
  fileName: z.string(),
  message: z.string(),
  /** The cells of the line taken for the header, as found. */
  header: z.array(z.string()),
  draft: profileJson,
});

const profileSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  /** Built-in profiles can be copied, not changed; custom ones live in this spreadsheet's document properties. */
  builtin: z.boolean(),
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
  /** Built-in profiles first, then this spreadsheet's own; stored profiles that fail the schema are listed as broken. */
  listProfiles: {
    request: z.object({}),
    response: z.object({
      profiles: z.array(profileSummary),
      broken: z.array(z.object({ id: z.string(), message: z.string() })),
    }),
  },
  /** One profile in full, for the editor (a built-in one to copy from). */
  getProfile: {
    request: z.object({ id: profileId }),
    response: z.object({ profile: profileJson, builtin: z.boolean() }),
  },
  /**
   * Saves a custom profile with the document. `id` null: a new profile, the server gives it an id (`custom-…`, which no
   * built-in profile uses); otherwise the custom profile of that id is replaced.
   */
  saveProfile: {
    request: z.object({ id: z.nullable(profileId), profile: z.unknown() }),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('saved'), id: z.string(), name: z.string() }),
      z.object({ status: z.literal('invalid'), message: z.string(), issues: z.array(profileIssue) }),
    ]),
  },
  deleteProfile: {
    request: z.object({ id: profileId }),
    response: z.object({ deleted: z.boolean() }),
  },
  /**
   * The profile editor's live preview: reads the sample file with the draft profile (not saved) and returns the first
   * rows, or why the draft is not a valid profile (zod's message naming the field), or why the file cannot be read with it.
   */
  previewProfile: {
    request: z.object({ profile: z.unknown(), fileName, contentBase64: base64 }),
    response: z.discriminatedUnion('status', [
      z.object({
        status: z.literal('ready'),
        rowsRead: count,
        transactionCount: count,
        errorCount: count,
        skippedCount: count,
        account: z.nullable(z.string()),
        period,
        rows: z.array(previewRowSchema),
        errors: z.array(lineErrorSchema),
        skipped: z.array(skippedLine),
        /** The first lines of the file as text (decoded with the draft's encoding), to see delimiter and header. */
        sampleLines: z.array(z.string()),
      }),
      z.object({ status: z.literal('invalid'), message: z.string(), issues: z.array(profileIssue), sampleLines: z.array(z.string()) }),
      z.object({ status: z.literal('unreadable'), message: z.string(), sampleLines: z.array(z.string()) }),
    ]),
  },
  /** Reads the file (format and CSV profile detected unless chosen) and tells what an import would do; writes nothing. */
  previewImport: {
    request: statementFile,
    response: z.discriminatedUnion('status', [z.extend(statementPreview, { status: z.literal('ready') }), noProfileFits]),
  },
  /**
   * Imports the new transactions of the file into the "Transactions" sheet in one write, and records the attempt in the
   * "Imports" sheet. With rejected lines nothing is written unless `importGoodRows` is true; with statement warnings
   * (e.g. the balances do not add up) nothing unless `acceptWarnings` is true: the user decides. A refused attempt is
   * recorded too.
   */
  importStatement: {
    request: z.extend(statementFile, { importGoodRows: z.boolean(), acceptWarnings: z.optional(z.boolean()) }),
    response: z.object({
      status: z.enum(['imported', 'nothing-new', 'refused']),
      imported: count,
      duplicates: count,
      rejected: count,
      skipped: count,
      warnings: count,
      sheetName: z.string(),
      message: z.string(),
    }),
  },

  /**
   * Matches every transaction of the "Transactions" sheet against the open items of "Invoices" and "Payments" (with
   * "Contacts" and "Cases"), and writes status, numbers, case, method, score and reason into its match columns in one
   * write. Creates the four tables (header rows only) where they are missing. Counts are of transactions; `errors` names
   * the rows of any table that could not be read (left out, never guessed), the first 100 of `errorCount`.
   */
  matchTransactions: {
    request: z.object({}),
    response: z.object({
      auto: count,
      review: count,
      none: count,
      /** Rows a user has already dealt with: left as they are. */
      keptAsProcessed: count,
      errorCount: count,
      errors: z.array(
        z.object({ sheet: z.string(), row: count, column: z.nullable(z.string()), found: z.string(), message: z.string(), text: z.string() }),
      ),
      /** Tables that did not exist and were created with their header row. */
      createdTables: z.array(z.string()),
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
