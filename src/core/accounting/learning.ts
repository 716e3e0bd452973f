/**
 * Learning from the bookkeeper: what was chosen for a counterparty before is proposed again.
 *
 * - Rule proposals: when the same counterparty got the same GL account and tax rate from the user on two or more
 *   bookings of different transactions — and never other values — Kontomatch proposes a rule (the user agrees or
 *   dismisses; a dismissed proposal stays quiet, by its `key`).
 * - Learned supplier/customer: the most recent supplier/customer the user (or a rule) gave the same counterparty.
 *
 * "The same counterparty" means the same IBAN when both sides have one, else the same name (lower case, spaces collapsed).
 * Only values a person chose count as evidence for a rule: a machine-filled value still in its cell is the machine's
 * opinion, not the user's (see `activePrefilled`).
 */
import { ACCOUNTING_FIELDS, activePrefilled, type AccountingData, type AccountingField } from './fields';
import type { AutoFillBooking } from './prefill';
import { applyRules, normaliseText, type CompiledRule, type RuleTransaction } from './rules';
import { normaliseIban } from '../iban/iban';
import { parseTaxRate } from './tax';

export interface Assignment {
  bookingId: string;
  counterpartyName: string;
  counterpartyIban: string | null;
  /** The booking date (`YYYY-MM-DD`), '' when unknown; ties are broken by position in the history (later = newer). */
  date: string;
  values: AccountingData;
  /** Fields the user chose (non-empty and not machine-filled). */
  userFields: AccountingField[];
  /** Fields a rule filled and that still hold the rule's value (learned supplier/customer may come from them too). */
  ruleFields?: AccountingField[];
  /** The transaction the booking was made from: its key, what the rules see, and how many bookings (parts) it has. */
  transaction?: { key: string; data: RuleTransaction; parts: number };
}

export interface RuleProposal {
  /** Stable: `iban:DE…|gl:4210|tax:19|partner:…` or `name:…|gl:…|tax:…`; a dismissed key is not proposed again. */
  key: string;
  counterpartyName: string;
  /** Electronic IBAN, '' when the counterparty is known by name only. */
  iban: string;
  actions: Partial<AccountingData>;
  /** The bookings it was learned from, oldest first. */
  evidence: string[];
}

/**
 * The history learning works from: every booking that has a transaction and any accounting value. A split
 * transaction's parts are each an assignment (marked by `parts`).
 */
export function assignmentsFrom(bookings: readonly AutoFillBooking[], transactions: ReadonlyMap<string, RuleTransaction>): Assignment[] {
  const parts = new Map<string, number>();
  for (const b of bookings) parts.set(b.transaction, (parts.get(b.transaction) ?? 0) + 1);
  const history: Assignment[] = [];
  for (const b of bookings) {
    const t = transactions.get(b.transaction);
    if (t === undefined) continue;
    if (!ACCOUNTING_FIELDS.some((field) => b.data[field].trim() !== '')) continue;
    const active = activePrefilled(b.prefilled, b.data);
    history.push({
      bookingId: b.id,
      counterpartyName: t.counterpartyName,
      counterpartyIban: t.counterpartyIban,
      date: b.date ?? '',
      values: b.data,
      userFields: ACCOUNTING_FIELDS.filter((field) => b.data[field].trim() !== '' && active[field] === undefined),
      ruleFields: ACCOUNTING_FIELDS.filter((field) => active[field]?.source.kind === 'rule'),
      transaction: { key: b.transaction, data: t, parts: parts.get(b.transaction) ?? 1 },
    });
  }
  return history;
}

const canonicalRate = (text: string): string => {
  const rate = parseTaxRate(text);
  return rate.ok ? rate.text : text.trim();
};

function counterpartyKey(a: { counterpartyName: string; counterpartyIban: string | null }): string | null {
  const iban = a.counterpartyIban === null ? null : normaliseIban(a.counterpartyIban);
  if (iban !== null) return `iban:${iban}`;
  const name = normaliseText(a.counterpartyName);
  return name === '' ? null : `name:${name}`;
}

/** Newer first: by date, then by position in the history. */
const newer = (a: { date: string; order: number }, b: { date: string; order: number }): boolean => a.date > b.date || (a.date === b.date && a.order > b.order);

/**
 * Rules worth proposing. Evidence: bookings whose GL account the user chose and that carry a tax rate, of a transaction
 * that is not split (a part's values belong to that part). A counterparty whose evidence disagrees gets no proposal;
 * nor does one the existing rules already book this way for every piece of evidence.
 */
export function proposeRules(history: readonly Assignment[], rules: readonly CompiledRule[], dismissed: ReadonlySet<string>): RuleProposal[] {
  const groups = new Map<string, Array<{ a: Assignment; order: number }>>();
  history.forEach((a, order) => {
    if (!a.userFields.includes('glAccount') || a.values.taxRate.trim() === '' || (a.transaction?.parts ?? 1) > 1) return;
    const key = counterpartyKey(a);
    if (key === null) return;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [{ a, order }]);
    else group.push({ a, order });
  });

  const proposals: Array<RuleProposal & { first: number }> = [];
  for (const [who, group] of groups) {
    const gl = group[0]!.a.values.glAccount.trim();
    const tax = canonicalRate(group[0]!.a.values.taxRate);
    if (group.some(({ a }) => a.values.glAccount.trim() !== gl || canonicalRate(a.values.taxRate) !== tax)) continue;
    const transactions = new Set(group.map(({ a }) => a.transaction?.key ?? a.bookingId));
    if (transactions.size < 2) continue;

    const partners = new Set(group.map(({ a }) => a.values.partner.trim()).filter((p) => p !== ''));
    const partner = partners.size === 1 ? [...partners][0]! : null;
    const actions: Partial<AccountingData> = { glAccount: gl, taxRate: tax };
    if (partner !== null) actions.partner = partner;

    const covered = group.every(({ a }) => {
      const t = a.transaction?.data ?? { counterpartyName: a.counterpartyName, counterpartyIban: a.counterpartyIban, purpose: '', amountMinor: 0, account: '' };
      const values = applyRules(t, rules).values;
      return values.glAccount === gl && values.taxRate === tax && (partner === null || values.partner === partner);
    });
    if (covered) continue;

    const key = `${who}|gl:${gl}|tax:${tax}${partner === null ? '' : `|partner:${normaliseText(partner)}`}`;
    if (dismissed.has(key)) continue;
    const when = (x: { a: Assignment; order: number }) => ({ date: x.a.date, order: x.order });
    const ordered = [...group].sort((x, y) => (newer(when(x), when(y)) ? 1 : -1));
    const latest = ordered[ordered.length - 1]!.a;
    proposals.push({
      key,
      counterpartyName: latest.counterpartyName.trim(),
      iban: who.startsWith('iban:') ? who.slice(5) : '',
      actions,
      evidence: ordered.map(({ a }) => a.bookingId),
      first: group[0]!.order,
    });
  }
  proposals.sort((x, y) => y.evidence.length - x.evidence.length || x.first - y.first);
  return proposals.map(({ first: _first, ...proposal }) => proposal);
}

// ---------------------------------------------------------------------------------------------------------------------
// Learned supplier/customer, indexed once per history so that 10,000 lookups are not 10,000 scans.

interface Candidate {
  value: string;
  from: string;
  date: string;
  order: number;
}

/** The two newest candidates per key: the newest may be the very booking asking, which must not learn from itself. */
type Top = [Candidate] | [Candidate, Candidate];

interface PartnerIndex {
  length: number;
  byIban: Map<string, Top>;
  byNameWithoutIban: Map<string, Top>;
  byName: Map<string, Top>;
}

function remember(map: Map<string, Top>, key: string, c: Candidate): void {
  const top = map.get(key);
  if (top === undefined) map.set(key, [c]);
  else if (newer(c, top[0])) map.set(key, [c, top[0]]);
  else if (top.length === 1 || newer(c, top[1]!)) map.set(key, [top[0], c]);
}

function buildIndex(history: readonly Assignment[]): PartnerIndex {
  const index: PartnerIndex = { length: history.length, byIban: new Map(), byNameWithoutIban: new Map(), byName: new Map() };
  history.forEach((a, order) => {
    const value = a.values.partner.trim();
    if (value === '') return;
    if (!a.userFields.includes('partner') && !(a.ruleFields ?? []).includes('partner')) return; // learned values do not teach
    const c: Candidate = { value, from: a.bookingId, date: a.date, order };
    const iban = a.counterpartyIban === null ? null : normaliseIban(a.counterpartyIban);
    const name = normaliseText(a.counterpartyName);
    if (iban !== null) remember(index.byIban, iban, c);
    if (name !== '') {
      remember(index.byName, name, c);
      if (iban === null) remember(index.byNameWithoutIban, name, c);
    }
  });
  return index;
}

const indexes = new WeakMap<readonly Assignment[], PartnerIndex>();

export type PartnerFinder = (t: { counterpartyName: string; counterpartyIban: string | null }, excludeBookingId?: string) => { value: string; from: string } | null;

/** A lookup of learned suppliers/customers over a history (indexed once; the history is read as it is now). */
export function partnerFinder(history: readonly Assignment[]): PartnerFinder {
  let index = indexes.get(history);
  if (index === undefined || index.length !== history.length) {
    index = buildIndex(history);
    indexes.set(history, index);
  }
  const found = index;
  return (t, exclude) => {
    const iban = t.counterpartyIban === null ? null : normaliseIban(t.counterpartyIban);
    const name = normaliseText(t.counterpartyName);
    const tops = iban !== null ? [found.byIban.get(iban), name === '' ? undefined : found.byNameWithoutIban.get(name)] : [name === '' ? undefined : found.byName.get(name)];
    let best: Candidate | null = null;
    for (const top of tops) {
      for (const c of top ?? []) {
        if (c.from === exclude) continue;
        if (best === null || newer(c, best)) best = c;
      }
    }
    return best === null ? null : { value: best.value, from: best.from };
  };
}

/** The supplier/customer most recently chosen (by the user or a rule) for the same counterparty, and the booking it came from. */
export function learnedPartner(t: { counterpartyName: string; counterpartyIban: string | null }, history: readonly Assignment[]): { value: string; from: string } | null {
  return partnerFinder(history)(t);
}
