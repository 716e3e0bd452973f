/**
 * Which open item does a bank transaction settle? The rules, in order:
 * 1. an invoice or payment number in the purpose — exact before similar (fuzzy); among several, the amount decides;
 *    a number on file that is no candidate (paid, other direction) found exactly stops similar guesses and any `auto`;
 * 2. a case (file) number in the purpose, active cases only;
 * 3. the counterparty's IBAN → contact → that contact's open item with a fitting amount, else its one active case;
 * 4. the amount alone (only ever proposed for review).
 * Incoming money only matches open invoices, outgoing money only open payment orders. A result is `auto` only when it
 * is unique and the amount fits — a similar number alone never books.
 */
import { checkIban, type IbanCheck } from '../iban/iban';
import * as z from '../schema';
import { checkAmount, formatAmount } from './amount';
import { createNumberIndex } from './number-index';
import type { FuzzyHit, NumberSearcher, SearchOptions } from './number-search';
import { normaliseReference, prepareReferenceText } from './reference';
import {
  defaultMatchSettings,
  isOpenStatus,
  matchSettingsSchema,
  type AmountCheck,
  type Case,
  type Contact,
  type Match,
  type Matcher,
  type MatcherInput,
  type MatchMethod,
  type MatchResult,
  type MatchSettings,
  type MatchTransaction,
  type OpenItem,
} from './types';

export type SearcherFactory = (keys: readonly string[], options: SearchOptions) => NumberSearcher;

/** Longer candidate lists help nobody in a review; the reason says how many there were. */
const maxListed = 10;

/** Defaults filled in and checked; throws with the field named when a setting is out of range. */
export function resolveSettings(settings: Partial<MatchSettings> | undefined): MatchSettings {
  const parsed = z.safeParse(matchSettingsSchema, settings ?? {});
  if (!parsed.success) throw new Error(`match settings: ${z.describeIssues(parsed.error.issues)}`);
  const given = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
  return { ...defaultMatchSettings, ...given };
}

interface NumberTable<T> {
  searcher: NumberSearcher;
  /** Everything carrying each key, by key index. */
  byKey: T[][];
}

function numberTable<T>(entries: T[], numberOf: (e: T) => string, factory: SearcherFactory, options: SearchOptions): NumberTable<T> {
  const byNumber = new Map<string, T[]>();
  for (const e of entries) {
    const key = normaliseReference(numberOf(e));
    if (key === '') continue;
    const list = byNumber.get(key);
    if (list === undefined) byNumber.set(key, [e]);
    else list.push(e);
  }
  return { searcher: factory([...byNumber.keys()], options), byKey: [...byNumber.values()] };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

interface Candidate {
  item: OpenItem;
  check: AmountCheck;
  score: number;
  window?: string;
}

export function createMatcherWith(input: MatcherInput, factory: SearcherFactory): Matcher {
  const settings = resolveSettings(input.settings);
  const numberOptions: SearchOptions = { fuzzy: true, threshold: settings.fuzzyThreshold, margin: settings.ambiguityMargin };
  const open = input.items.filter((i) => isOpenStatus(i.status));
  const invoices = open.filter((i) => i.kind === 'invoice');
  const payments = open.filter((i) => i.kind === 'payment');
  const numbers = {
    invoice: numberTable(invoices, (i) => i.number, factory, numberOptions),
    payment: numberTable(payments, (i) => i.number, factory, numberOptions),
  };
  const activeCases = input.cases.filter((c) => c.status === 'active');
  const caseNumbers = numberTable(activeCases, (c) => c.id, factory, { ...numberOptions, fuzzy: false });
  // Numbers that are known but no candidate (paid, cancelled, or of the other direction): a purpose naming one exactly
  // must not be matched to a similar open neighbour (RE-2024-0816 paid, RE-2024-0815 open: 0.96).
  const exactOnly = { ...numberOptions, fuzzy: false };
  const notCandidates = {
    invoice: numberTable(input.items.filter((i) => !(i.kind === 'invoice' && isOpenStatus(i.status))), (i) => i.number, factory, exactOnly),
    payment: numberTable(input.items.filter((i) => !(i.kind === 'payment' && isOpenStatus(i.status))), (i) => i.number, factory, exactOnly),
  };

  const contactsByIban = new Map<string, Contact[]>();
  for (const contact of input.contacts) {
    for (const text of contact.ibans) {
      const iban = checkIban(text);
      if (iban.valid && !(contactsByIban.get(iban.electronic) ?? []).includes(contact)) push(contactsByIban, iban.electronic, contact);
    }
  }
  const casesByContact = new Map<string, Case[]>();
  for (const c of activeCases) for (const id of new Set(c.contactIds)) push(casesByContact, id, c);
  const itemsByContact = new Map<string, OpenItem[]>();
  const itemsByCase = new Map<string, OpenItem[]>();
  const itemsByAmount = new Map<string, OpenItem[]>();
  for (const item of open) {
    if (item.contactId !== null) push(itemsByContact, `${item.kind}|${item.contactId}`, item);
    if (item.caseId !== null) push(itemsByCase, `${item.kind}|${item.caseId}`, item);
    push(itemsByAmount, `${item.kind}|${item.currency.toUpperCase()}|${item.amountMinor}`, item);
  }

  // Statements repeat the same counterparties; ibantools' check-digit arithmetic is worth doing once per IBAN.
  const ibanChecks = new Map<string, IbanCheck>();
  const checkCounterparty = (text: string): IbanCheck => {
    let check = ibanChecks.get(text);
    if (check === undefined) ibanChecks.set(text, (check = checkIban(text)));
    return check;
  };

  return {
    match(t: MatchTransaction): MatchResult {
      // Set once a known but not open number is seen: from then on nothing is booked automatically.
      let reviewOnly = false;
      const result = (status: MatchResult['status'], matches: Match[], reason: string): MatchResult => ({
        fingerprint: t.fingerprint,
        status: status === 'auto' && reviewOnly ? 'review' : status,
        matches,
        reason,
      });
      if (t.amountMinor === 0) return result('none', [], 'amount is zero');
      const kind = t.amountMinor > 0 ? 'invoice' : 'payment';
      const itemWord = kind === 'invoice' ? 'invoice' : 'payment order';
      const paid = Math.abs(t.amountMinor);
      const currency = t.currency.toUpperCase();
      const paidText = formatAmount(paid, currency);
      const purpose = prepareReferenceText(t.purpose);

      const iban = t.counterpartyIban === null || t.counterpartyIban.trim() === '' ? null : checkCounterparty(t.counterpartyIban);
      const ibanContacts = iban !== null && iban.valid ? (contactsByIban.get(iban.electronic) ?? []) : [];
      const ibanContactIds = new Set(ibanContacts.map((c) => c.id));
      const ibanNames = ibanContacts.map((c) => c.name || c.id).join(', ');

      const check = (item: OpenItem): AmountCheck =>
        checkAmount(paid, item.amountMinor, item.currency.toUpperCase() === currency, settings);
      const fits = (a: AmountCheck) => a === 'equal' || a === 'within-tolerance';
      const ibanAgrees = (c: Candidate) => c.item.contactId !== null && ibanContactIds.has(c.item.contactId);
      // The IBAN names a known contact, and it is not the item's: for a merely similar number that is evidence of a
      // neighbouring client's invoice, not of a typo. (An exact number keeps its weight: third parties such as insurers
      // do pay other people's invoices.)
      const ibanContradicts = (c: Candidate) => c.item.contactId !== null && ibanContacts.length > 0 && !ibanContactIds.has(c.item.contactId);
      const contradiction = (c: Candidate) => `; but the counterparty IBAN belongs to ${ibanNames}, not to ${c.item.number}'s contact`;
      const candidate = (item: OpenItem, score: number, window?: string): Candidate => ({ item, check: check(item), score, window });
      const toMatch = (c: Candidate, method: MatchMethod, amountCheck: AmountCheck = c.check): Match => ({
        number: c.item.number,
        kind: c.item.kind,
        caseId: c.item.caseId,
        contactId: c.item.contactId,
        method,
        score: c.score,
        amountCheck,
      });
      const listed = (cs: Candidate[], method: MatchMethod) => cs.slice(0, maxListed).map((c) => toMatch(c, method));
      const more = (n: number) => (n > maxListed ? ` (first ${maxListed} of ${n} listed)` : '');
      const amountWords = (c: Candidate): string => {
        const openText = formatAmount(c.item.amountMinor, c.item.currency.toUpperCase());
        switch (c.check) {
          case 'equal':
            return 'amount equal';
          case 'within-tolerance':
            return `amount within tolerance (paid ${paidText} of ${openText})`;
          case 'partial':
            return settings.allowPartialPayments
              ? `partial payment (paid ${paidText} of ${openText})`
              : `partial payment (paid ${paidText} of ${openText}), to be reviewed`;
          default:
            return c.item.currency.toUpperCase() === currency
              ? `amount differs (paid ${paidText}, open ${openText})`
              : `currency differs (paid ${paidText}, open ${openText})`;
        }
      };
      /**
       * Several candidates: the one whose amount is equal, else the one of those whose contact owns the IBAN; else none.
       * Where the amount is what picks the item, it has to be equal: within a 3 % tolerance, one of several open items
       * fits by chance far too often (measured in the benchmark).
       */
      const decide = (cs: Candidate[]): { chosen: Candidate; by: string } | null => {
        const equal = cs.filter((c) => c.check === 'equal');
        if (equal.length === 1) return { chosen: equal[0]!, by: `amount equal to ${equal[0]!.item.number} only` };
        const owned = equal.filter(ibanAgrees);
        if (equal.length > 1 && owned.length === 1) {
          return { chosen: owned[0]!, by: `amount equal to ${equal.length} of them; counterparty IBAN belongs to ${owned[0]!.item.number}'s contact only` };
        }
        return null;
      };
      const numberList = (cs: Candidate[]) => [...new Set(cs.map((c) => c.item.number))].join(', ');

      // Rule 1: invoice / payment number in the purpose.
      const table = numbers[kind];
      const hits = table.searcher.search(purpose);
      if (hits.exact.length > 0) {
        const cs = hits.exact.flatMap((key) => table.byKey[key]!.map((item) => candidate(item, 1)));
        const found = `${numberList(cs)} found in purpose`;
        if (cs.length === 1) {
          const c = cs[0]!;
          const ok = fits(c.check) || (c.check === 'partial' && settings.allowPartialPayments);
          return result(ok ? 'auto' : 'review', [toMatch(c, 'exact')], `${found}; ${amountWords(c)}`);
        }
        const sameCurrency = cs.every((c) => c.item.currency.toUpperCase() === currency);
        const sum = cs.reduce((s, c) => s + c.item.amountMinor, 0);
        const sumCheck = checkAmount(paid, sum, sameCurrency, settings);
        if (fits(sumCheck)) {
          const how = sumCheck === 'equal' ? 'amount equals their sum' : `amount within tolerance of their sum (paid ${paidText} of ${formatAmount(sum, currency)})`;
          return result('auto', cs.map((c) => toMatch(c, 'exact', 'sum')), `${found}; ${how}`);
        }
        const decided = decide(cs);
        if (decided !== null) return result('auto', [toMatch(decided.chosen, 'exact')], `${found}; ${decided.by}`);
        const equalCount = cs.filter((c) => c.check === 'equal').length;
        return result(
          'review',
          listed(cs, 'exact'),
          `${found}; amount (${paidText}) equal to ${equalCount === 0 ? 'none' : equalCount} of them and not their sum${more(cs.length)}`,
        );
      }
      const known = notCandidates[kind].searcher.search(purpose).exact.flatMap((key) => notCandidates[kind].byKey[key]!);
      const why = (i: OpenItem) =>
        i.kind !== kind ? `${i.kind === 'invoice' ? 'an invoice' : 'a payment order'}, not ${kind === 'invoice' ? 'an invoice' : 'a payment order'}` : `not open (${i.status.trim() || 'no status'})`;
      const lead = known.length === 0 ? '' : `${known.slice(0, maxListed).map((i) => `${i.number} found in purpose, but it is ${why(i)}`).join('; ')}; `;
      reviewOnly = known.length > 0;
      if (hits.fuzzy.length > 0 && known.length === 0) {
        const cs = hits.fuzzy.flatMap((h: FuzzyHit) => table.byKey[h.key]!.map((item) => candidate(item, h.score, h.window)));
        const similar = (c: Candidate) => `"${c.window}" in purpose is similar to ${c.item.number} (${c.score.toFixed(3)}), not equal`;
        if (cs.length === 1) {
          const c = cs[0]!;
          // Similarity alone never books: an equal amount has to confirm it, or an amount within tolerance together
          // with the counterparty's IBAN.
          const contradicted = ibanContradicts(c);
          const confirmed = !contradicted && (c.check === 'equal' || (c.check === 'within-tolerance' && ibanAgrees(c)));
          const ibanWords = contradicted
            ? contradiction(c)
            : c.check === 'within-tolerance'
              ? ibanAgrees(c) ? '; counterparty IBAN belongs to its contact' : '; no IBAN to confirm it'
              : '';
          return result(confirmed ? 'auto' : 'review', [toMatch(c, 'fuzzy')], `${similar(c)}; ${amountWords(c)}${ibanWords}`);
        }
        const about = `"${cs[0]!.window}" in purpose is about equally similar to ${numberList(cs)} (${cs[0]!.score.toFixed(3)}–${cs[cs.length - 1]!.score.toFixed(3)})`;
        const decided = decide(cs);
        if (decided !== null) {
          const contradicted = ibanContradicts(decided.chosen);
          const words = `${about}; ${decided.by}${contradicted ? contradiction(decided.chosen) : ''}`;
          return result(contradicted ? 'review' : 'auto', [toMatch(decided.chosen, 'fuzzy')], words);
        }
        return result('review', listed(cs, 'fuzzy'), `${about}; no single one has an equal amount${more(cs.length)}`);
      }

      // Rule 2: case (file) number in the purpose.
      const caseKeys = caseNumbers.searcher.search(purpose).exact;
      if (caseKeys.length > 0) {
        const cases = caseKeys.flatMap((key) => caseNumbers.byKey[key]!);
        const found = `case ${cases.map((c) => c.id).join(', ')} found in purpose`;
        const cs = cases.flatMap((c) => (itemsByCase.get(`${kind}|${c.id}`) ?? []).map((item) => candidate(item, 1)));
        const decided = decide(cs);
        if (decided !== null) return result('auto', [toMatch(decided.chosen, 'case')], `${lead}${found}; its open ${itemWord} ${decided.chosen.item.number}: ${decided.by}`);
        const caseMatches = cases.slice(0, maxListed).map((c): Match => ({ number: null, caseId: c.id, contactId: c.contactIds.length === 1 ? c.contactIds[0]! : null, method: 'case', score: 1 }));
        const caseWhy = cs.length === 0 ? `no open ${itemWord} of the case` : `no single open ${itemWord} of the case has the amount (${paidText})`;
        return result('review', caseMatches, `${lead}${found}; ${caseWhy}`);
      }

      // Rule 3: the counterparty's IBAN.
      if (ibanContacts.length > 0) {
        const belongs = `${lead || 'no number in purpose; '}counterparty IBAN belongs to ${ibanNames}`;
        const cs = ibanContacts.flatMap((c) => (itemsByContact.get(`${kind}|${c.id}`) ?? []).map((item) => candidate(item, 1)));
        // The amount picks the item here: it has to be equal (see `decide`).
        const equal = cs.filter((c) => c.check === 'equal');
        if (equal.length === 1) {
          const c = equal[0]!;
          return result('auto', [toMatch(c, 'iban')], `${belongs}; their open ${itemWord} ${c.item.number} is the only one of this amount`);
        }
        const noItem = equal.length === 0 ? `none of their open ${itemWord}s has the amount (${paidText})` : `${equal.length} of their open ${itemWord}s have the amount`;
        const cases = [...new Set(ibanContacts.flatMap((c) => casesByContact.get(c.id) ?? []))];
        const contactId = ibanContacts.length === 1 ? ibanContacts[0]!.id : null;
        if (cases.length === 1) {
          const match: Match = { number: null, caseId: cases[0]!.id, contactId, method: 'iban', score: 1 };
          return result('review', [match], `${belongs}; ${noItem}; their only active case ${cases[0]!.id} proposed`);
        }
        const caseWords = cases.length === 0 ? 'no active case' : `${cases.length} active cases, none chosen automatically`;
        return result('review', [{ number: null, caseId: null, contactId, method: 'iban', score: 1 }], `${belongs}; ${noItem}; ${caseWords}`);
      }

      // Rule 4: the amount alone — a hint for the reviewer, never a booking.
      const sameAmount = itemsByAmount.get(`${kind}|${currency}|${paid}`) ?? [];
      if (sameAmount.length > 0) {
        const cs = sameAmount.map((item) => candidate(item, 0));
        const which = cs.length === 1 ? `${cs[0]!.item.number} is the only open ${itemWord} of ${paidText}` : `${cs.length} open ${itemWord}s of ${paidText}${more(cs.length)}`;
        return result('review', listed(cs, 'amount'), `${lead || 'no number, case or known IBAN; '}${which}: amount alone is not enough`);
      }
      const ibanWords = iban !== null && !iban.valid ? ` (counterparty IBAN invalid: ${iban.reason})` : '';
      // A known number that is not open (paid twice? a refund?) is worth a look even with nothing to match it to.
      if (known.length > 0) return result('review', [], `${lead}no open ${itemWord} to match it to${ibanWords}`);
      return result('none', [], `no open ${itemWord} number, active case number, known IBAN or equal amount found${ibanWords}`);
    },
  };
}

/** The matching engine; builds its indexes once, then `match` each transaction. */
export function createMatcher(input: MatcherInput): Matcher {
  return createMatcherWith(input, createNumberIndex);
}

export function matchAll(transactions: readonly MatchTransaction[], input: MatcherInput): MatchResult[] {
  const matcher = createMatcher(input);
  return transactions.map((t) => matcher.match(t));
}
