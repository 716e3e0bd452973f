/**
 * The shapes pre-accounting (Vorkontierung) sends between sidebar and server (part of the one contract in `contract.ts`):
 * the accounting fields of a booking, where the machine filled them, the reference lists the dropdowns offer, the rules
 * and their editor, and the rules learned from the user.
 */
import { ACCOUNTING_FIELDS } from '../core/accounting/fields';
import * as z from '../core/schema';

const minorUnits = z.int().check(z.refine(Number.isSafeInteger, { error: 'amount out of range' }));
const count = z.int();
const shortText = (max: number) => z.string().check(z.maxLength(max));

export const accountingFieldSchema = z.enum(ACCOUNTING_FIELDS);

/** Every field as text, '' when empty. Limits follow the strictest target (DATEV: Belegfeld 1 ≤ 36, KOST ≤ 36). */
export const accountingDataDto = z.object({
  glAccount: shortText(40),
  taxRate: shortText(10),
  partner: shortText(200),
  costCentre: shortText(40),
  costObject: shortText(40),
  receiptNumber: shortText(36),
  receiptFile: shortText(500),
  comment: shortText(500),
});

export const fieldSourceDto = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rule'), ruleId: z.string(), ruleName: z.string() }),
  z.object({ kind: z.literal('learned'), from: z.string() }),
]);

/** A field the machine filled and still holds the machine's value: shown with the blue marker and its reason. */
export const prefilledFieldDto = z.object({ field: accountingFieldSchema, value: z.string(), source: fieldSourceDto });

export const exportTargetSchema = z.enum(['lexoffice', 'bexio', 'datev', 'csv']);

/** The fields a booking lacks for the chosen export target. */
export const missingDto = z.object({ target: exportTargetSchema, fields: z.array(accountingFieldSchema) });

/** What rules and learning propose for a transaction's booking, before it exists (the reconcile form starts with it). */
export const accountingProposalDto = z.object({
  values: accountingDataDto,
  prefilled: z.array(prefilledFieldDto),
});

export const listEntryDto = z.object({ code: z.string(), name: z.string() });

/** The dropdowns' values: from the "Accounts", "Tax rates", "Cost centres", "Projects" sheets and earlier bookings. */
export const accountingListsDto = z.object({
  accounts: z.array(z.extend(listEntryDto, { type: z.string() })),
  taxRates: z.array(listEntryDto),
  costCentres: z.array(listEntryDto),
  projects: z.array(listEntryDto),
  /** Suppliers and customers: contact names and every supplier/customer used in a booking before. */
  partners: z.array(z.string()),
  /** The target whose required fields are checked, and what each target requires. */
  target: exportTargetSchema,
  required: z.array(z.object({ target: exportTargetSchema, fields: z.array(accountingFieldSchema) })),
});

export const ruleDirectionSchema = z.enum(['in', 'out', 'any']);

export const ruleConditionsDto = z.object({
  counterpartyEquals: shortText(200),
  counterpartyContains: shortText(200),
  iban: shortText(50),
  purposeContains: shortText(200),
  /** A regular expression (checked by the server's own linear-time matcher: it can never hang a run). */
  purposePattern: shortText(300),
  /** Absolute amounts in minor units, inclusive; null: no bound. */
  amountFromMinor: z.nullable(minorUnits),
  amountToMinor: z.nullable(minorUnits),
  direction: ruleDirectionSchema,
  /** The transaction's account: an IBAN, a card number, or `*4711` for one ending in 4711. */
  cardOrAccount: shortText(50),
});

export const ruleDto = z.object({
  /** `R1`, `R2`, …; '' for a rule not saved yet (the server numbers it). */
  id: shortText(20),
  active: z.boolean(),
  name: shortText(100),
  conditions: ruleConditionsDto,
  /** The fields the rule sets ('' = leaves alone). */
  actions: accountingDataDto,
  /** `manual`, or `learned` with the date it was created from the user's assignments. */
  origin: shortText(100),
});

export const ruleProblemDto = z.object({
  ruleId: z.string(),
  /** Position in the list (1 = first), so a rule not saved yet can be named too. */
  position: count,
  field: z.string(),
  message: z.string(),
});

/** How a rule meets the transactions in the sheet: what the editor shows next to it. */
export const ruleUsageDto = z.object({
  ruleId: z.string(),
  position: count,
  matches: count,
  /** Transactions for which this rule set at least one field (first match wins per field). */
  wins: count,
  /** Fields an earlier rule already set for some of its transactions: "GL account: R2 first, 3 transactions". */
  shadowed: z.array(z.object({ field: accountingFieldSchema, byRuleId: z.string(), count })),
});

export const ruleProposalDto = z.object({
  key: z.string(),
  counterpartyName: z.string(),
  iban: z.string(),
  actions: accountingDataDto,
  /** The bookings the user assigned these values to. */
  evidence: z.array(z.string()),
  message: z.string(),
});

/** A booking in the pre-accounting list. */
export const preAccountingItemDto = z.object({
  bookingId: z.string(),
  transactionKey: z.string(),
  date: z.string(),
  amountMinor: minorUnits,
  currency: z.string(),
  description: z.string(),
  counterpartyName: z.string(),
  caseId: z.string(),
  accounting: accountingDataDto,
  /** Signed like the amount; null while the tax rate is empty or unreadable. */
  taxAmountMinor: z.nullable(minorUnits),
  prefilled: z.array(prefilledFieldDto),
  missing: z.array(accountingFieldSchema),
  exportedTo: z.string(),
});

export const bookingPartSchema = z.object({
  /** Positive: the part of the booking's amount (the server gives it the booking's sign). */
  amountMinor: minorUnits.check(z.positive({ error: 'a part must be more than 0' })),
  accounting: accountingDataDto,
});

export type AccountingDataDto = z.output<typeof accountingDataDto>;
export type RuleDto = z.output<typeof ruleDto>;
export type PreAccountingItemDto = z.output<typeof preAccountingItemDto>;
export type AccountingListsDto = z.output<typeof accountingListsDto>;
export type RuleProposalDto = z.output<typeof ruleProposalDto>;
export type RuleUsageDto = z.output<typeof ruleUsageDto>;
export type PrefilledFieldDto = z.output<typeof prefilledFieldDto>;
