/**
 * What a DATEV batch needs to know about the firm and its tax adviser. Ranges are DATEV's (contracts §3, header fields
 * 11–14 and 27, from the format-13 description on developer.datev.de).
 */
import * as z from '../../schema';

const accountNumber = z.string().check(z.regex(/^\d{1,9}$/, { error: 'is not an account number (digits, at most 9)' }));

export const datevSettingsSchema = z.object({
  /** Beraternummer, 1001–9999999: the tax adviser's number; null until the user enters it. */
  consultantNumber: z._default(z.nullable(z.int().check(z.gte(1001), z.lte(9_999_999))), null),
  /** Mandantennummer, 1–99999: the firm's number at the adviser. */
  clientNumber: z._default(z.nullable(z.int().check(z.gte(1), z.lte(99_999))), null),
  /** First month of the fiscal year (Wirtschaftsjahr), 1 = January. */
  fiscalYearStartMonth: z._default(z.int().check(z.gte(1), z.lte(12)), 1),
  /** Sachkontenlänge, 4–8: digits of a GL account; personal accounts may have one more. */
  accountLength: z._default(z.int().check(z.gte(4), z.lte(8)), 4),
  /** Sachkontenrahmen: SKR03 or SKR04. */
  chart: z._default(z.enum(['03', '04']), '03'),
  /** The bank's GL account (SKR03 1200, SKR04 1800), Gegenkonto of every booking that names none itself; '' = none. */
  bankAccount: z._default(z.union([z.literal(''), accountNumber]), '1200'),
  /** One file per fiscal year and this period. */
  period: z._default(z.enum(['month', 'quarter', 'year']), 'month'),
  /** Festschreibung: the adviser's import locks the batch. Off unless the adviser asks for it (contracts §3, addenda). */
  batchLocked: z._default(z.boolean(), false),
  /** Automatic accounts (Automatikkonten) of the chart: their BU key stays empty. Unset → `automaticAccountsFor(chart)`. */
  automaticAccounts: z.optional(z.array(accountNumber)),
});

export type DatevSettings = z.output<typeof datevSettingsSchema>;

/** Every default (the schema's, spelled out: no parse when the bundle loads); consultant and client number still to enter. */
export const DATEV_DEFAULTS: DatevSettings = {
  consultantNumber: null,
  clientNumber: null,
  fiscalYearStartMonth: 1,
  accountLength: 4,
  chart: '03',
  bankAccount: '1200',
  period: 'month',
  batchLocked: false,
};

/**
 * Revenue 19 %/7 % (SKR03 8400/8300, SKR04 4400/4300, contracts §3) and goods purchased 19 %/7 % (SKR03 3400/3300, SKR04
 * 5400/5300; marked AV in DATEV's charts): DATEV computes their tax itself and refuses a BU key there (error REW00305).
 * Less common automatic accounts are added in the settings.
 */
export function automaticAccountsFor(chart: DatevSettings['chart']): string[] {
  return chart === '03' ? ['8400', '8300', '3400', '3300'] : ['4400', '4300', '5400', '5300'];
}
