/**
 * SEPA references inside a German bank's purpose text. The German banks' data-exchange agreement (DFÜ-Abkommen, "SEPA-
 * Strukturierung") puts every SEPA field of a payment into the purpose lines behind a keyword: `EREF+` end-to-end
 * reference, `KREF+` customer reference, `MREF+` mandate reference, `CRED+` creditor id (Gläubiger-ID), `DEBT+` debtor
 * id, `COAM+` / `OAMT+` compensation and original amount, `SVWZ+` the remittance text (Verwendungszweck) proper, `ABWA+` /
 * `ABWE+` ultimate debtor / creditor (abweichender Auftraggeber / Empfänger), `IBAN+` / `BIC+`, `PURP+` purpose code.
 *
 * Keywords are found anywhere, not only after a space: the bank cuts the text into fixed-width pieces and joins them
 * with nothing in between, so a keyword often follows a word directly (`SEPA-BASISLASTSCHRIFTEREF+…`) or was even cut in
 * two (`… S` + `VWZ+ …`) before the pieces were joined again.
 */
import { collapseText } from '../text/clean';

export const sepaKeywords = [
  'EREF', 'KREF', 'MREF', 'CRED', 'DEBT', 'COAM', 'OAMT', 'SVWZ', 'ABWA', 'ABWE', 'IBAN', 'BIC', 'PURP',
] as const;

export type SepaKeyword = (typeof sepaKeywords)[number];

export interface SepaReferences {
  /** True when the text holds at least one keyword, i.e. is SEPA-structured. */
  structured: boolean;
  /** Text before the first keyword, collapsed. */
  freeText: string;
  /** Each keyword's text up to the next keyword, collapsed; absent when the keyword is absent or empty. */
  values: Partial<Record<SepaKeyword, string>>;
}

const fourLetter = new Set<string>(sepaKeywords.filter((k) => k.length === 4));

/** The keyword ending right before the `+` at `plus`, if any (a scan for `+` beats a 13-way regex alternation). */
function keywordBefore(text: string, plus: number): SepaKeyword | null {
  if (plus >= 4 && fourLetter.has(text.slice(plus - 4, plus))) return text.slice(plus - 4, plus) as SepaKeyword;
  if (plus >= 3 && text.slice(plus - 3, plus) === 'BIC') return 'BIC';
  return null;
}

export function splitSepaReferences(text: string): SepaReferences {
  const values: Partial<Record<SepaKeyword, string>> = {};
  let freeText = '';
  let keyword: SepaKeyword | null = null;
  let from = 0;
  const take = (to: number): void => {
    const value = collapseText(text.slice(from, to));
    if (keyword === null) freeText = value;
    // A keyword twice (it happens): keep both parts rather than lose one.
    else if (value !== '') values[keyword] = values[keyword] === undefined ? value : `${values[keyword]} ${value}`;
  };
  for (let plus = text.indexOf('+'); plus !== -1; plus = text.indexOf('+', plus + 1)) {
    const found = keywordBefore(text, plus);
    if (found === null || plus - found.length < from) continue;
    take(plus - found.length);
    keyword = found;
    from = plus + 1;
  }
  take(text.length);
  return { structured: keyword !== null, freeText, values };
}

/** `NOTPROVIDED` (the SEPA placeholder for "no end-to-end reference") and blanks → null. */
export function endToEndIdOf(refs: SepaReferences): string | null {
  const value = refs.values.EREF;
  return value === undefined || value.toUpperCase() === 'NOTPROVIDED' ? null : value;
}

/**
 * The purpose a bookkeeper reads: the `SVWZ+` text where the payment is SEPA-structured — which is also all that CSV and
 * CAMT exports of the same payment put in their purpose column, so that the fingerprint comes out the same. A structured
 * text without `SVWZ+` (a collective booking, a return) keeps whatever stands before its first keyword.
 */
export function purposeOf(refs: SepaReferences): string {
  if (!refs.structured) return refs.freeText;
  return refs.values.SVWZ ?? refs.freeText;
}
