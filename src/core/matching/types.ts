/**
 * Public shapes of the matching engine (Zuordnung): which open item a bank transaction pays, how sure we are, and why.
 *
 * The workbook tables, the custom functions and `kontomatch match` all code against these names; add fields, never rename.
 */
import * as z from '../schema';
import type { Transaction } from '../transaction';

/**
 * An open item: an invoice we wrote (money comes in) or a payment order we owe (money goes out).
 * `status` is free text from the sheet; only `open` and `pending` count as open (see `isOpenStatus`).
 */
export interface OpenItem {
  /** Invoice or payment number as the user writes it, e.g. `RE-2024-0815`. */
  number: string;
  kind: 'invoice' | 'payment';
  /** Open amount in minor units, positive (the direction comes from `kind`). */
  amountMinor: number;
  currency: string;
  contactId: string | null;
  caseId: string | null;
  status: string;
}

export interface Contact {
  id: string;
  name: string;
  /** IBANs in any format (`DE89 3704 …`); normalised and validated by the matcher, invalid ones are ignored. */
  ibans: string[];
}

/** A case (Akte / Vorgang); `id` is the case (file) number the bank purpose may carry, e.g. `00012/25`. */
export interface Case {
  id: string;
  name?: string;
  contactIds: string[];
  status: 'active' | 'archived';
}

export interface MatchSettings {
  /** Jaro-Winkler similarity a number must exceed (strictly) in a purpose window to count as a fuzzy hit. */
  fuzzyThreshold: number;
  /** Fuzzy hits within this distance of the best score count as equally similar: the amount decides, or review. */
  ambiguityMargin: number;
  /**
   * Absolute amount tolerance (bank fees), minor units. The larger of the two tolerances applies, below the open amount
   * only, and only where an exact number identified the item (where the amount picks the item it must be equal).
   */
  amountToleranceMinor: number;
  /** Relative amount tolerance (cash discount, Skonto), percent of the open amount. */
  amountTolerancePercent: number;
  /** Whether a payment below the open amount (beyond tolerance) may still be booked automatically as a partial payment. */
  allowPartialPayments: boolean;
}

export const defaultMatchSettings: MatchSettings = {
  fuzzyThreshold: 0.9,
  ambiguityMargin: 0.02,
  amountToleranceMinor: 0,
  amountTolerancePercent: 0,
  allowPartialPayments: false,
};

/** Settings as the user may give them (sheet, CLI, sidebar): every field optional, missing ones take the default. */
export const matchSettingsSchema = z.object({
  fuzzyThreshold: z.optional(z.number().check(z.gte(0.7), z.lte(1))),
  ambiguityMargin: z.optional(z.number().check(z.gte(0), z.lte(0.3))),
  amountToleranceMinor: z.optional(z.int().check(z.gte(0))),
  amountTolerancePercent: z.optional(z.number().check(z.gte(0), z.lte(100))),
  allowPartialPayments: z.optional(z.boolean()),
});

/**
 * How a match was found: `exact` / `fuzzy` invoice or payment number in the purpose, `case` number in the purpose,
 * `iban` of the counterparty (contact → its one active case), `amount` (an open item with a fitting amount).
 */
export type MatchMethod = 'exact' | 'fuzzy' | 'case' | 'iban' | 'amount';

/** `auto`: unique and the amount fits, safe to book. `review`: a check failed or several candidates. `none`: nothing. */
export type MatchStatus = 'auto' | 'review' | 'none';

/**
 * How the transferred amount compares: `equal`; `within-tolerance` (less by at most the tolerance: Skonto, fees);
 * `partial` (less than open, beyond tolerance); `sum` (one transfer paying several items whose numbers all appear);
 * `differs` (more than open, or another currency).
 */
export type AmountCheck = 'equal' | 'within-tolerance' | 'partial' | 'sum' | 'differs';

export interface Match {
  /** The open item's number, or null for a case proposed without an item (`case`, `iban`). */
  number: string | null;
  kind?: 'invoice' | 'payment';
  caseId: string | null;
  contactId?: string | null;
  method: MatchMethod;
  /** Similarity of the number in the purpose: 1 for exact (and for case/IBAN equality), Jaro-Winkler for fuzzy, 0 for amount. */
  score: number;
  amountCheck?: AmountCheck;
}

export interface MatchResult {
  fingerprint: string;
  status: MatchStatus;
  matches: Match[];
  /** In words, e.g. `R21-123 found in purpose; amount equal`. */
  reason: string;
}

/** The part of a bank transaction the matcher reads. */
export type MatchTransaction = Pick<
  Transaction,
  'fingerprint' | 'amountMinor' | 'currency' | 'purpose' | 'counterpartyIban' | 'counterpartyName'
>;

export interface MatcherInput {
  items: OpenItem[];
  contacts: Contact[];
  cases: Case[];
  settings?: Partial<MatchSettings>;
}

export interface Matcher {
  match(t: MatchTransaction): MatchResult;
}

/** Result of `createNumberFinder(...).find(purpose)` — one cell of a custom function. */
export interface NumberFind {
  number: string;
  score: number;
  method: 'exact' | 'fuzzy';
  reason: string;
  /** True when several numbers fit equally well (several exact hits, or fuzzy hits within the margin): never a silent guess. */
  ambiguous: boolean;
  /** The other numbers that fit equally well (empty unless `ambiguous`). */
  alternatives: string[];
}

export interface NumberFinder {
  /** The number found in `purpose`, exact before fuzzy; null when none (or blank purpose). */
  find(purpose: string): NumberFind | null;
}

/**
 * For KM_MATCH_IBAN: `createIbanLookup(contactIbans, contactNames)`.
 * - `contactIbans[i]` are the IBANs of row i: a cell text (several IBANs separated by `,`, `;` or line breaks; spaces
 *   inside an IBAN allowed) or an array of IBANs. Invalid IBANs in the list are ignored.
 * - `contactNames[i]` is that row's name (may be shorter or missing: then the name is '').
 * `find(iban)` normalises and validates the IBAN (ibantools) and answers with every row holding it.
 */
export type IbanLookupResult =
  | { status: 'blank' }
  | { status: 'invalid'; reason: string }
  | { status: 'not-found'; iban: string }
  | { status: 'found'; iban: string; rows: number[]; names: string[] };

export interface IbanLookup {
  find(iban: string): IbanLookupResult;
}

/** `open` (invoices) and `pending` (payment orders) count as open; case and spaces do not matter. */
export function isOpenStatus(status: string): boolean {
  const s = status.trim().toLowerCase();
  return s === 'open' || s === 'pending';
}

/*
 * Functions (src/core/matching/index.ts re-exports them):
 *   jaroWinkler(a, b): number                                   — jaro-winkler.ts
 *   normaliseReference(s): string                               — reference.ts
 *   createMatcher(input: MatcherInput): Matcher                  — matcher.ts (indexes built once)
 *   matchAll(transactions: MatchTransaction[], input): MatchResult[]
 *   createNumberFinder(numbers: string[], threshold?): NumberFinder — number-finder.ts (index built once per call)
 *   createIbanLookup(contactIbans, contactNames?): IbanLookup   — iban-lookup.ts
 */
