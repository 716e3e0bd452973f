/**
 * A CSV bank profile: everything needed to read one bank's export, as data. The parser (`import/csv.ts`) knows no bank;
 * a new bank is a new profile, not new code. User-written profiles (JSON) go through the same schema as the built-in ones.
 */
import * as z from '../schema';
import { isDatePattern } from '../calendar/date';

const COLUMN_MESSAGE = 'expected a column index (0, 1, …), -1, a header text or {"anyOf": [header texts]}';

const text = () => z.string().check(z.trim(), z.minLength(1));

/**
 * Several names for one column: the first the file's header has. Banks rename columns between exports and write them in
 * the user's language (PostFinance: "Datum" / "Date" / "Data"). `occurrence: "last"` picks the last column of that name
 * when the header has it twice (ING: "Währung" of the balance, then "Währung" of the amount). In a header text (here or
 * plain), `{currency}` stands for a currency code the header names: "Belastung {currency}" finds "Belastung EUR", and
 * rows without a currency of their own are then in EUR.
 */
const headerChoice = z.strictObject({
  anyOf: z.array(text()).check(z.minLength(1, { error: 'name at least one header text' })),
  occurrence: z._default(z.enum(['first', 'last']), 'first'),
});

/**
 * 0-based index, -1 for "this file has no such column", a header text (matched case-insensitively, trimmed), or a
 * choice of header texts.
 */
const columnRef = z.union([z.int().check(z.gte(-1)), text(), headerChoice], { error: COLUMN_MESSAGE });
export type ColumnRef = z.output<typeof columnRef>;

const optionalColumn = z._default(columnRef, -1);

function isRegExp(s: string): boolean {
  try {
    new RegExp(s, 'i');
    return true;
  } catch {
    return false;
  }
}

const regexText = () => z.string().check(z.minLength(1), z.refine(isRegExp, { error: 'is not a valid regular expression' }));

const marker = z.strictObject({
  column: columnRef,
  debitValues: z.array(text()).check(z.minLength(1, { error: 'name at least one value, e.g. "S" or "Soll"' })),
  creditValues: z.array(text()).check(z.minLength(1, { error: 'name at least one value, e.g. "H" or "Haben"' })),
});

const columns = z.strictObject({
  bookingDate: columnRef,
  valueDate: optionalColumn,
  counterpartyName: columnRef,
  counterpartyIban: optionalColumn,
  /**
   * Several columns are joined with a space: some banks split the purpose (Verwendungszweck) over many. The first must
   * be in the file; the others are read where the file has them.
   */
  purpose: z.union([columnRef, z.array(columnRef).check(z.minLength(1))], { error: `${COLUMN_MESSAGE}, or a list of them` }),
  amount: optionalColumn,
  debit: optionalColumn,
  credit: optionalColumn,
  currency: optionalColumn,
  bookingType: optionalColumn,
  /** The own account (e.g. Sparkasse "Auftragskonto"); it goes into the fingerprint. */
  account: optionalColumn,
  debitCreditMarker: z.optional(marker),
  /**
   * For money coming in, the counterparty is read from this column instead of `counterpartyName`: DKB names the payer
   * (Zahlungspflichtige*r) and the payee (Zahlungsempfänger*in) in two columns, and one of them is always the account
   * holder.
   */
  counterpartyNameIncoming: optionalColumn,
  counterpartyBic: optionalColumn,
  /** SEPA references (Kundenreferenz / End-to-End, Mandatsreferenz, Gläubiger-ID); `NOTPROVIDED` reads as empty. */
  endToEndId: optionalColumn,
  mandateReference: optionalColumn,
  creditorId: optionalColumn,
  /**
   * A fee charged on top of the amount (Revolut "Fee"): its size is taken off the amount, so the transaction shows what
   * left the account.
   */
  fee: optionalColumn,
});

const skipRule = z
  .strictObject({
    column: columnRef,
    equals: z.optional(z.string()),
    notEquals: z.optional(z.string()),
    matches: z.optional(regexText()),
    /** Shown to the user for every skipped line, e.g. "pending booking". */
    reason: text(),
  })
  .check(
    z.refine((r) => [r.equals, r.notEquals, r.matches].filter((x) => x !== undefined).length === 1, {
      error: 'give exactly one of equals, notEquals, matches',
    }),
  );
export type SkipRule = z.output<typeof skipRule>;

const separatorsByLocale = {
  DE: { decimalSeparator: ',', thousandsSeparator: '.' },
  EN: { decimalSeparator: '.', thousandsSeparator: ',' },
  CH: { decimalSeparator: '.', thousandsSeparator: "'" },
} as const;

const decimalSeparator = z.enum([',', '.']);
const thousandsSeparator = z.enum(['', '.', ',', "'", ' ']);

const profileFields = z
  .strictObject({
    id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'use lower-case letters, digits and "-"' })),
    name: text(),
    description: z._default(z.string(), ''),
    /** The description for German-speaking users; without it they see `description`. */
    descriptionDe: z.optional(z.string()),
    /** Physical lines before the header (or before the data when there is no header). */
    skipLines: z._default(z.int().check(z.gte(0)), 0),
    /** Non-blank records at the end that are not bookings (balance lines, disclaimers). */
    skipFooterLines: z._default(z.int().check(z.gte(0)), 0),
    delimiter: z._default(z.enum([';', ',', '\t', '|']), ';'),
    quoteChar: z._default(z.string().check(z.length(1)), '"'),
    encoding: z._default(z.enum(['auto', 'utf-8', 'windows-1252', 'iso-8859-1']), 'auto'),
    dateFormats: z._default(
      z
        .array(z.string().check(z.refine(isDatePattern, { error: 'is not a date pattern such as dd.mm.yyyy, dd.mm.yy or yyyy-mm-dd' })))
        .check(z.minLength(1)),
      ['dd.mm.yyyy'],
    ),
    decimalSeparator: z.optional(decimalSeparator),
    thousandsSeparator: z.optional(thousandsSeparator),
    /** Spreadsheet-style alternative to the two separators: `#,##0.00` with the locale that gives `,` and `.` meaning. */
    numberPattern: z.optional(z.enum(['#,##0.00', '0.00'])),
    locale: z.optional(z.enum(['DE', 'EN', 'CH'])),
    header: z._default(
      z.strictObject({
        present: z.boolean(),
        /** The header is the first line with a cell of this text: ING's and DKB's header line moves between exports. */
        findByText: z.optional(text()),
      }),
      { present: true },
    ),
    columns,
    defaultCurrency: z._default(z.string().check(z.regex(/^[A-Z]{3}$/, { error: 'expected an ISO 4217 code such as EUR' })), 'EUR'),
    skipRowsWhere: z._default(z.array(skipRule), []),
    /**
     * The bookings end at the first line (its cells joined by the delimiter) that matches this regular expression:
     * balance lines, totals and disclaimers follow (PostFinance "Disclaimer:", Credit Suisse "Total", Deutsche Bank
     * "Kontostand"). Found by content, because their position moves between exports.
     */
    footerPattern: z.optional(regexText()),
    /**
     * Lines without an amount are no bookings. ZKB, Raiffeisen and UBS write the details of a booking into such lines
     * below it: `appendToPurpose` adds their text to the booking above. `skip` leaves them out and lists them as skipped
     * (balance and information lines). A line with an amount but no date is an error either way.
     */
    continuationLines: z._default(z.enum(['skip', 'appendToPurpose']), 'skip'),
    /**
     * The purpose holds the raw SEPA fields of the MT940 format, `EREF+…MREF+…CRED+…SVWZ+…` (Sparkasse "CSV-MT940"): the
     * purpose becomes the SVWZ text, the references go to their own fields.
     */
    sepaKeywordsInPurpose: z._default(z.boolean(), false),
  })
  .check(
    z.superRefine((p, ctx) => {
      const c = p.columns;
      const hasAmount = c.amount !== -1;
      if (!hasAmount && (c.debit === -1 || c.credit === -1)) {
        ctx.addIssue({ code: 'custom', input: p, path: ['columns', 'amount'], message: 'required unless both debit and credit are given' });
      }
      if (c.debitCreditMarker !== undefined && !hasAmount) {
        ctx.addIssue({ code: 'custom', input: p, path: ['columns', 'debitCreditMarker'], message: 'needs an amount column' });
      }
      for (const key of ['bookingDate', 'counterpartyName'] as const) {
        if (c[key] === -1) ctx.addIssue({ code: 'custom', input: p, path: ['columns', key], message: 'is required; -1 is not allowed' });
      }
      if (c.fee !== -1 && !hasAmount) {
        ctx.addIssue({ code: 'custom', input: p, path: ['columns', 'fee'], message: 'needs an amount column' });
      }
      if (!p.header.present) {
        const texts = allColumnRefs(p).filter((r) => typeof r !== 'number').map(describeColumnRef);
        if (texts.length > 0) {
          ctx.addIssue({
            code: 'custom',
            input: p,
            path: ['columns'],
            message: `a file without header line needs column indexes, not header texts (${texts.join(', ')})`,
          });
        }
        if (p.header.findByText !== undefined) {
          ctx.addIssue({ code: 'custom', input: p, path: ['header', 'findByText'], message: 'makes no sense without a header line' });
        }
      }
      if (p.numberPattern !== undefined && (p.decimalSeparator !== undefined || p.thousandsSeparator !== undefined)) {
        ctx.addIssue({ code: 'custom', input: p, path: ['numberPattern'], message: 'give either numberPattern or the separators, not both' });
      }
      if (p.numberPattern !== undefined && p.locale === undefined) {
        ctx.addIssue({ code: 'custom', input: p, path: ['locale'], message: 'is needed with numberPattern (DE, EN or CH)' });
      }
      const { decimalSeparator: dec, thousandsSeparator: sep } = resolveSeparators(p);
      if (dec === sep) {
        ctx.addIssue({ code: 'custom', input: p, path: ['thousandsSeparator'], message: 'must differ from the decimal separator' });
      }
    }),
  );

export const csvProfileSchema = z.pipe(
  profileFields,
  z.transform((p: z.output<typeof profileFields>) => {
    const { numberPattern: _pattern, locale: _locale, ...rest } = p;
    return { ...rest, ...resolveSeparators(p) };
  }),
);

interface SeparatorInput {
  decimalSeparator?: ',' | '.' | undefined;
  thousandsSeparator?: '' | '.' | ',' | "'" | ' ' | undefined;
  numberPattern?: '#,##0.00' | '0.00' | undefined;
  locale?: 'DE' | 'EN' | 'CH' | undefined;
}

/** German-speaking banks write `1234,56` unless told otherwise; a missing thousands separator stays absent. */
function resolveSeparators(p: SeparatorInput): {
  decimalSeparator: z.output<typeof decimalSeparator>;
  thousandsSeparator: z.output<typeof thousandsSeparator>;
} {
  if (p.numberPattern !== undefined && p.locale !== undefined) {
    const byLocale = separatorsByLocale[p.locale];
    return {
      decimalSeparator: byLocale.decimalSeparator,
      thousandsSeparator: p.numberPattern === '0.00' ? '' : byLocale.thousandsSeparator,
    };
  }
  return { decimalSeparator: p.decimalSeparator ?? ',', thousandsSeparator: p.thousandsSeparator ?? '' };
}

export type CsvProfile = z.output<typeof csvProfileSchema>;
/** A profile as written by hand: defaults may be left out, `numberPattern` + `locale` instead of separators. */
export type CsvProfileInput = z.input<typeof csvProfileSchema>;

type ColumnsLike = { columns: z.output<typeof columns>; skipRowsWhere: SkipRule[] };

/** Every column reference of a profile, for "is this header there?" checks. */
export function allColumnRefs(p: ColumnsLike): ColumnRef[] {
  const c = p.columns;
  const refs: ColumnRef[] = [
    c.bookingDate, c.valueDate, c.counterpartyName, c.counterpartyIban, c.amount, c.debit, c.credit, c.currency,
    c.bookingType, c.account, c.counterpartyNameIncoming, c.counterpartyBic, c.endToEndId, c.mandateReference,
    c.creditorId, c.fee,
    ...(Array.isArray(c.purpose) ? c.purpose : [c.purpose]),
    ...(c.debitCreditMarker === undefined ? [] : [c.debitCreditMarker.column]),
    ...p.skipRowsWhere.map((r) => r.column),
  ];
  return refs.filter((r) => r !== -1);
}

/**
 * The references a file must have for the profile to read it at all: booking date, counterparty, the first purpose
 * column, the amount (or debit and credit), a fee column, the debit/credit marker and the columns of skip rules.
 */
export function requiredColumnRefs(p: ColumnsLike): ColumnRef[] {
  const c = p.columns;
  const refs: ColumnRef[] = [
    c.bookingDate, c.counterpartyName,
    Array.isArray(c.purpose) ? c.purpose[0]! : c.purpose,
    ...(c.amount !== -1 ? [c.amount] : [c.debit, c.credit]),
    c.fee,
    ...(c.debitCreditMarker === undefined ? [] : [c.debitCreditMarker.column]),
    ...p.skipRowsWhere.map((r) => r.column),
  ];
  return refs.filter((r) => r !== -1);
}

/** `3`, `"Betrag"` or `"Betrag" / "Amount"`, for messages. */
export function describeColumnRef(ref: ColumnRef): string {
  if (typeof ref === 'number') return `column ${ref}`;
  if (typeof ref === 'string') return `"${ref}"`;
  return ref.anyOf.map((t) => `"${t}"`).join(' / ');
}

export type ProfileResult = { ok: true; profile: CsvProfile } | { ok: false; message: string };

/**
 * A profile from JSON (text or already parsed) → checked profile, or one readable message per problem:
 * `profile "My bank": columns.amount: expected a column index (0, 1, …), -1 or a header text`.
 */
export function parseProfile(json: unknown, sourceName: string): ProfileResult {
  let data = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json);
    } catch (e) {
      return { ok: false, message: `profile "${sourceName}": not valid JSON (${(e as Error).message})` };
    }
  }
  const result = csvProfileSchema.safeParse(data);
  if (result.success) return { ok: true, profile: result.data };
  const lines = result.error.issues.map((issue) => {
    const where = z.describePath(issue.path);
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
        : issue.message;
    return `profile "${sourceName}": ${where === '' ? '' : `${where}: `}${message}`;
  });
  return { ok: false, message: lines.join('\n') };
}
