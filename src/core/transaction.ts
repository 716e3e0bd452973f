/**
 * A bank transaction, normalised: the one shape every statement format (CSV, MT940, CAMT) is read into.
 *
 * This is also the public JSON format of `kontomatch import` (documented in the README): change it only compatibly.
 */
export interface Transaction {
  /** Booking date (Buchungstag), calendar date `YYYY-MM-DD`: no time, no time zone. */
  bookingDate: string;
  /** Value date (Wertstellung), `YYYY-MM-DD`, or null where the statement has none. */
  valueDate: string | null;
  /** Integer minor units (cents); negative for money going out. */
  amountMinor: number;
  /** ISO 4217 code, e.g. `EUR`. */
  currency: string;
  counterpartyName: string;
  /** IBAN in electronic format (no spaces, upper case), or null. Not necessarily valid: banks send broken ones too. */
  counterpartyIban: string | null;
  purpose: string;
  /** The bank's booking text (Buchungstext / Umsatzart), e.g. `GUTSCHRIFT`, or null. */
  bookingType: string | null;
  /** Stable id of this transaction across re-imports; used to recognise duplicates. */
  fingerprint: string;
  // SEPA references, where the format carries them (MT940 :86: EREF/MREF/CRED and ?30, CAMT, some CSV exports); absent
  // or null otherwise. They help matching and are shown to the user; they stay out of the fingerprint, because not every
  // export of the same account carries them.
  /** End-to-end reference (EREF / `EndToEndId`); `NOTPROVIDED` is read as null. */
  endToEndId?: string | null;
  /** SEPA direct debit mandate reference (MREF / `MndtId`). */
  mandateReference?: string | null;
  /** SEPA creditor identifier (CRED / Gläubiger-ID). */
  creditorId?: string | null;
  /** BIC of the counterparty's bank. */
  counterpartyBic?: string | null;
}

type SepaReference = 'endToEndId' | 'mandateReference' | 'creditorId' | 'counterpartyBic';
export type PublicTransaction = Omit<Transaction, SepaReference> & { [K in SepaReference]: string | null };

/**
 * Exactly the `Transaction` fields, in their documented order, with the SEPA references always present (null where the
 * statement has none), so that every object of the public JSON has the same fields — and nothing else a reader carried
 * along (such as its line number) leaks out.
 */
export function publicTransaction(t: Transaction): PublicTransaction {
  return {
    bookingDate: t.bookingDate,
    valueDate: t.valueDate,
    amountMinor: t.amountMinor,
    currency: t.currency,
    counterpartyName: t.counterpartyName,
    counterpartyIban: t.counterpartyIban,
    purpose: t.purpose,
    bookingType: t.bookingType,
    fingerprint: t.fingerprint,
    endToEndId: t.endToEndId ?? null,
    mandateReference: t.mandateReference ?? null,
    creditorId: t.creditorId ?? null,
    counterpartyBic: t.counterpartyBic ?? null,
  };
}

/** Where a problem was found in an input file. Lines count from 1, columns from 0 (as profiles count them). */
export interface LineError {
  file: string;
  line: number;
  /** Column index in the file (0-based), or null when the problem concerns the whole line. */
  column: number | null;
  /** The field the column was read as (`amount`, `bookingDate`, …), or `line`. */
  field: string;
  /** The text found there, as it was in the file. */
  found: string;
  message: string;
}

/** `statement.csv, line 7, column 5 (amount): "12,3x" is not an amount`. */
export function describeLineError(e: LineError): string {
  const where = e.column === null ? `line ${e.line}` : `line ${e.line}, column ${e.column} (${e.field})`;
  const found = e.found === '' ? '' : ` — found "${e.found.length > 60 ? e.found.slice(0, 57) + '…' : e.found}"`;
  return `${e.file}, ${where}: ${e.message}${found}`;
}

/** A whole file could not be read at all (empty, binary, too large, no header found …). */
export class StatementFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'StatementFileError';
  }
}
