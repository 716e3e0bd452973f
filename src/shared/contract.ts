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
import {
  archiveEntryDto,
  assignableDto,
  bookingDto,
  bookingRequestSchema,
  caseDto,
  caseIdSchema,
  filterSchema,
  invoiceDto,
  labelChangeSchema,
  matchSettingsDto,
  matchStatusSchema,
  paymentDto,
  processedDto,
  proposalDto,
  runDetailDto,
  runScopeSchema,
  runStatusDto,
  transactionDto,
  transactionKeySchema,
  bookingTypeSchema,
} from './reconcile-dto';
import {
  accountingFieldSchema,
  accountingListsDto,
  accountingProposalDto,
  bookingPartSchema,
  exportTargetSchema,
  preAccountingItemDto,
  ruleDto,
  ruleProblemDto,
  ruleProposalDto,
  ruleUsageDto,
} from './accounting-dto';
import {
  apiTargetSchema,
  connectionDto,
  exportItemDto,
  exportRunDto,
  exportSelectionSchema,
  exportSettingsDto,
} from './export-dto';

/** Pre-accounting settings: the export target whose required fields are checked, and fields a firm requires on top. */
const accountingSettingsDto = z.object({
  target: exportTargetSchema,
  extraRequired: z.array(z.object({ target: exportTargetSchema, fields: z.array(accountingFieldSchema) })),
});

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
      /** The user's locale as a BCP 47 tag (`de-DE`, `en-GB`): how the sidebar formats amounts and dates. */
      formatLocale: z.string(),
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

  // ---- reconciliation (issue 5) --------------------------------------------------------------------------------------

  /**
   * The transactions to step through, in sheet order, with the counts the sidebar shows ("12 of 87, 9 open"). Only keys
   * and what the list needs: the sidebar asks for one transaction in full when it shows it.
   */
  reconcileOverview: {
    request: z.object({ filter: filterSchema }),
    response: z.object({
      total: count,
      open: count,
      processed: count,
      items: z.array(z.object({ key: transactionKeySchema, processed: z.boolean(), matchStatus: z.union([matchStatusSchema, z.literal('')]) })),
      /** Rows of the sheet that could not be read (left out), e.g. an amount typed as text. */
      errorCount: count,
      message: z.string(),
    }),
  },
  /**
   * One transaction in full: its data, the matcher's proposal computed now (with reason and score), the cases, invoices,
   * payment orders and contacts the proposal points at, the booking types its direction allows, and who processed it.
   */
  getTransaction: {
    request: z.object({ key: transactionKeySchema }),
    response: z.object({
      transaction: transactionDto,
      proposal: proposalDto,
      assignable: assignableDto,
      bookingTypes: z.array(bookingTypeSchema),
      /** "Name, IBAN: purpose" — the description a booking starts with. */
      description: z.string(),
      processed: z.nullable(processedDto),
      /** What rules and learning fill into a new booking of this transaction. */
      accounting: accountingProposalDto,
    }),
  },
  /** Manual assignment: cases, contacts, invoices and payment orders whose id, name, number or amount fit the query. */
  searchAssignable: {
    request: z.object({ query: z.string().check(z.minLength(1), z.maxLength(100)) }),
    response: assignableDto,
  },
  /** A case chosen by hand: its parties, its open (and paid) invoices and its payment orders. */
  getCase: {
    request: z.object({ caseId: caseIdSchema }),
    response: z.object({ case: caseDto, invoices: z.array(invoiceDto), payments: z.array(paymentDto), contacts: z.array(z.object({ id: z.string(), name: z.string() })) }),
  },
  /**
   * Processes one transaction in one step under the document lock: marks invoices paid (money in) or payment orders
   * executed (money out), writes the bookings (split parts must add up to the transaction's amount), changes case labels,
   * and records who processed it and when. Refused when someone processed it meanwhile, or when the row no longer holds
   * what the sidebar saw.
   */
  reconcileTransaction: {
    request: z.object({
      key: transactionKeySchema,
      seen: z.object({ amountMinor: minorUnits, bookingDate: isoDate }),
      markInvoicesPaid: z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(20)),
      markPaymentsExecuted: z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(20)),
      bookings: z.array(bookingRequestSchema).check(z.maxLength(20)),
      labels: z.array(labelChangeSchema).check(z.maxLength(10)),
    }),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('done'), processed: processedDto, message: z.string() }),
      z.object({ status: z.literal('already-processed'), by: z.string(), at: z.string(), message: z.string() }),
      z.object({ status: z.literal('invalid'), message: z.string() }),
    ]),
  },
  /**
   * Undoes a processed transaction while none of its bookings is exported: restores the invoices' and payment orders'
   * status, removes its bookings, restores the case labels, clears processed-by. Recorded in the log.
   */
  undoTransaction: {
    request: z.object({ key: transactionKeySchema }),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('undone'), message: z.string() }),
      z.object({ status: z.literal('refused'), message: z.string() }),
    ]),
  },

  // ---- automatic run -------------------------------------------------------------------------------------------------

  /**
   * Starts an automatic run (books every `auto` match: invoice paid or payment order executed, booking written; touches
   * nothing else) and works until its time slice is used up. Refused while another run of this spreadsheet is
   * unfinished: that one is returned to be continued.
   */
  startAutoRun: {
    request: z.object({ scope: runScopeSchema }),
    response: runStatusDto,
  },
  /** Continues the unfinished run for another time slice; finishing writes the PDF report and the archive entry. */
  continueAutoRun: {
    request: z.object({ runId: z.string().check(z.minLength(1), z.maxLength(100)) }),
    response: runStatusDto,
  },
  /** The unfinished run of this spreadsheet, if any (the sidebar offers to continue it). */
  getAutoRun: {
    request: z.object({}),
    response: z.object({
      run: z.nullable(runStatusDto),
      /** Statement files with open transactions, newest import first: what a run may be limited to. */
      importFiles: z.array(z.object({ fileName: z.string(), open: count })),
    }),
  },
  /** Every transaction of a run with its outcome, for "Details". */
  getRunDetails: {
    request: z.object({ runId: z.string().check(z.minLength(1), z.maxLength(100)) }),
    response: z.object({ run: runStatusDto, items: z.array(runDetailDto) }),
  },
  /** The "Archive" sheet: finished runs, newest first. */
  listArchive: {
    request: z.object({}),
    response: z.object({ entries: z.array(archiveEntryDto) }),
  },

  // ---- bookings, settings, help --------------------------------------------------------------------------------------

  /** The "Bookings" sheet in numbers (the export page builds on it), and the newest bookings. */
  bookingsOverview: {
    request: z.object({}),
    response: z.object({ total: count, exported: count, notExported: count, latest: z.array(bookingDto) }),
  },
  getSettings: {
    request: z.object({}),
    response: z.object({ matching: matchSettingsDto, accounting: accountingSettingsDto }),
  },
  saveSettings: {
    request: z.object({ matching: matchSettingsDto, accounting: accountingSettingsDto }),
    response: z.object({ matching: matchSettingsDto, accounting: accountingSettingsDto }),
  },
  // ---- pre-accounting (issue 6) --------------------------------------------------------------------------------------

  /** The dropdowns' values and what the export targets require. */
  accountingLists: {
    request: z.object({}),
    response: accountingListsDto,
  },
  /**
   * The bookings not yet exported with their accounting data, what the machine filled and what the chosen target still
   * misses. `incomplete`: only those missing a required field. At most `limit` items; counts cover all.
   */
  preAccountingOverview: {
    request: z.object({ filter: z.enum(['incomplete', 'all']), limit: z.int().check(z.gte(1), z.lte(500)) }),
    response: z.object({
      target: exportTargetSchema,
      total: count,
      exported: count,
      complete: count,
      incomplete: count,
      /** Bookings with at least one field the machine filled (blue marker). */
      machineFilled: count,
      items: z.array(preAccountingItemDto),
      /** Learned rules waiting for the user's yes or no. */
      proposals: z.array(ruleProposalDto),
      message: z.string(),
    }),
  },
  /**
   * Saves a booking's accounting data, or splits it: one part edits the booking; several parts replace it by parts (the
   * first keeps its id), which must add up to its amount to the cent; tax amounts are computed per part. Refused once the
   * booking is exported, or when it no longer holds the amount the sidebar saw. May answer with a rule the user could
   * create from what they just assigned.
   */
  saveBookingAccounting: {
    request: z.object({
      bookingId: z.string().check(z.minLength(1), z.maxLength(50)),
      seen: z.object({ amountMinor: minorUnits }),
      parts: z.array(bookingPartSchema).check(z.minLength(1), z.maxLength(20)),
    }),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('saved'), bookings: z.array(bookingDto), proposal: z.nullable(ruleProposalDto), message: z.string() }),
      z.object({ status: z.literal('refused'), message: z.string() }),
    ]),
  },
  /**
   * Fills every booking not yet exported from the rules and learned suppliers, in one write: empty fields, and fields that
   * still hold an earlier machine value; never a value the user chose. Recomputes tax amounts.
   */
  autoFillBookings: {
    request: z.object({}),
    response: z.object({
      considered: count,
      changed: count,
      fieldsFilled: count,
      exportedLeftAlone: count,
      problems: z.array(ruleProblemDto),
      message: z.string(),
    }),
  },
  /** The rules in their order (first match wins per field), their problems, how they meet the transactions, proposals. */
  listRules: {
    request: z.object({}),
    response: z.object({
      rules: z.array(ruleDto),
      problems: z.array(ruleProblemDto),
      usage: z.array(ruleUsageDto),
      proposals: z.array(ruleProposalDto),
    }),
  },
  /** Checks a list of rules without saving: problems and usage, for the editor's live view. */
  checkRules: {
    request: z.object({ rules: z.array(ruleDto).check(z.maxLength(500)) }),
    response: z.object({ problems: z.array(ruleProblemDto), usage: z.array(ruleUsageDto) }),
  },
  /** Replaces the "Rules" sheet with this ordered list in one write; refused (nothing written) while a rule has a problem. */
  saveRules: {
    request: z.object({ rules: z.array(ruleDto).check(z.maxLength(500)) }),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('saved'), rules: z.array(ruleDto), usage: z.array(ruleUsageDto), message: z.string() }),
      z.object({ status: z.literal('invalid'), problems: z.array(ruleProblemDto), message: z.string() }),
    ]),
  },
  /** Yes to a learned rule: appended to the rules (if still proposed). No: never proposed again. */
  answerRuleProposal: {
    request: z.object({ key: z.string().check(z.minLength(1), z.maxLength(500)), accept: z.boolean() }),
    response: z.object({ status: z.enum(['created', 'dismissed', 'gone']), rule: z.nullable(ruleDto), message: z.string() }),
  },

  // ---- export (issue 7) ----------------------------------------------------------------------------------------------

  /**
   * The bookings as the chosen target sees them: counts of exportable / already exported / incomplete (always all of
   * them), and up to `limit` items — not yet exported ones, plus exported ones when `showExported`. Also the target's
   * connection (API targets) and an unfinished export to continue.
   */
  exportOverview: {
    request: z.object({ target: exportTargetSchema, showExported: z.boolean(), limit: z.int().check(z.gte(1), z.lte(1000)) }),
    response: z.object({
      target: exportTargetSchema,
      total: count,
      exportable: count,
      exported: count,
      incomplete: count,
      /** Record at the target, receipt to follow; or a request whose outcome is unknown. */
      pending: count,
      items: z.array(exportItemDto),
      connection: z.nullable(connectionDto),
      run: z.nullable(exportRunDto),
      message: z.string(),
    }),
  },
  /**
   * Exports the selection. A file target (DATEV, CSV) writes its files into the user's Drive at once (DATEV: one per fiscal
   * year and period) and may repeat exported bookings. An API target sends booking by booking, storing each remote id
   * before the next is sent, until its time slice is used; the sidebar then calls `continueExport`. Incomplete bookings
   * are never sent; they come back as problems.
   */
  startExport: {
    request: z.object({ target: exportTargetSchema, selection: exportSelectionSchema }),
    response: exportRunDto,
  },
  continueExport: {
    request: z.object({ jobId: z.string().check(z.minLength(1), z.maxLength(100)) }),
    response: exportRunDto,
  },
  /** Tests the key or token against the target (its account name) and, if it works, keeps it in the user's properties. */
  connectTarget: {
    request: z.object({
      target: apiTargetSchema,
      secret: z.string().check(z.minLength(8), z.maxLength(4000)),
      /** Another server than the provider's (the local test servers); empty: the provider's own. */
      baseUrl: z.optional(z.string().check(z.maxLength(300))),
    }),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('connected'), connection: connectionDto, message: z.string() }),
      z.object({ status: z.literal('refused'), message: z.string() }),
    ]),
  },
  disconnectTarget: {
    request: z.object({ target: apiTargetSchema }),
    response: z.object({ connection: connectionDto }),
  },
  /** Imports the target's posting categories / accounts and taxes into the "Accounts" and "Tax rates" sheets. */
  importAccountingLists: {
    request: z.object({ target: apiTargetSchema }),
    response: z.object({ accounts: count, taxRates: count, message: z.string() }),
  },
  getExportSettings: {
    request: z.object({}),
    response: z.object({ settings: exportSettingsDto, csvProfiles: z.array(z.object({ id: z.string(), name: z.string() })) }),
  },
  saveExportSettings: {
    request: z.object({ settings: exportSettingsDto }),
    response: z.object({ settings: exportSettingsDto, message: z.string() }),
  },

  /** The custom functions with an example formula in the spreadsheet's notation (`,` or `;`). */
  getHelp: {
    request: z.object({}),
    response: z.object({
      functions: z.array(z.object({ name: z.string(), summary: z.string(), example: z.string() })),
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
export type TransactionDto = z.output<typeof transactionDto>;
export type InvoiceDto = z.output<typeof invoiceDto>;
export type PaymentDto = z.output<typeof paymentDto>;
export type BookingDto = z.output<typeof bookingDto>;
export type LineErrorDto = z.output<typeof lineErrorSchema>;
export type ExportItemDto = z.output<typeof exportItemDto>;
export type ExportRunDto = z.output<typeof exportRunDto>;
export type ConnectionDto = z.output<typeof connectionDto>;
export type ExportSettingsDto = z.output<typeof exportSettingsDto>;

export const methodNames = Object.keys(contract) as MethodName[];
