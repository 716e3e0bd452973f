/**
 * Pre-filling bookings (Vorkontierung by machine): rules first, then the learned supplier/customer, into the fields the
 * user has not filled — and the "Pre-filled" marker says which fields the machine wrote and why.
 *
 * The user always wins: a field holding anything but the machine's own value is the user's and is never touched. A field
 * still holding the machine's value is refreshed when rules change (a rule now says 4920 instead of 4210).
 *
 * Documented choice: when the proposal no longer gives a field the machine filled earlier (the rule was deleted or no
 * longer matches), the value stays, with its marker. Clearing it would silently remove a value the bookkeeper has seen
 * and may rely on; the marker keeps it visibly the machine's, so the user can check it or overwrite it.
 */
import { ACCOUNTING_FIELDS, type AccountingData, type AccountingField, type FieldSource, type Prefilled } from './fields';
import { assignmentsFrom, partnerFinder, type Assignment, type PartnerFinder } from './learning';
import { applyPrepared, prepareTransaction, type CompiledRule, type RuleOutcome, type RuleTransaction } from './rules';
import { taxAmountFor } from './tax';

export interface AccountingProposal {
  values: Partial<AccountingData>;
  prefilled: Prefilled;
}

function proposalOf(outcome: RuleOutcome, t: RuleTransaction, findPartner: PartnerFinder, exclude: string | undefined): AccountingProposal {
  const values: Partial<AccountingData> = { ...outcome.values };
  const prefilled: Prefilled = {};
  for (const field of ACCOUNTING_FIELDS) {
    const value = values[field];
    const source = outcome.sources[field];
    if (value !== undefined && source !== undefined) prefilled[field] = { value, source };
  }
  if (values.partner === undefined) {
    const learned = findPartner(t, exclude);
    if (learned !== null) {
      values.partner = learned.value;
      prefilled.partner = { value: learned.value, source: { kind: 'learned', from: learned.from } };
    }
  }
  return { values, prefilled };
}

/** What the machine proposes for a transaction's booking: per field the first matching rule, else the learned partner. */
export function proposeAccounting(t: RuleTransaction, rules: readonly CompiledRule[], history: readonly Assignment[]): AccountingProposal {
  return proposalOf(applyPrepared(prepareTransaction(t), rules), t, partnerFinder(history), undefined);
}

/**
 * Applies a proposal to a booking's fields: fills empty fields, refreshes fields still holding their machine value, never
 * overwrites the user's value. Marker entries the cells no longer bear out are dropped. `changed`: fields whose value changed.
 * A proposed value is only written with its reason (`proposal.prefilled`): an unmarked machine value would pass for the user's.
 */
export function prefillBooking(
  current: AccountingData,
  prefilled: Prefilled,
  proposal: AccountingProposal,
): { data: AccountingData; prefilled: Prefilled; changed: AccountingField[] } {
  const data: AccountingData = { ...current };
  const marker: Prefilled = {};
  const changed: AccountingField[] = [];
  for (const field of ACCOUNTING_FIELDS) {
    const value = current[field].trim();
    const entry = prefilled[field];
    const machine = entry !== undefined && entry.value !== '' && entry.value === value; // as activePrefilled
    const proposed = proposal.values[field];
    const offer = proposal.prefilled[field];
    if (proposed !== undefined && proposed.trim() !== '' && offer !== undefined && (value === '' || machine)) {
      if (proposed !== value) {
        data[field] = proposed;
        changed.push(field);
      }
      marker[field] = { value: proposed, source: offer.source };
    } else if (machine) {
      marker[field] = entry; // the proposal no longer gives it: kept, still marked (see the module comment)
    }
  }
  return { data, prefilled: marker, changed };
}

/** A booking as auto-fill reads it from the "Bookings" sheet. */
export interface AutoFillBooking {
  row: number;
  id: string;
  amountMinor: number;
  /** The key of the transaction it was made from. */
  transaction: string;
  exportedTo: string;
  data: AccountingData;
  prefilled: Prefilled;
  taxAmountMinor: number | null;
  /** The booking date, `YYYY-MM-DD`: the learned supplier/customer is the most recent one (on equal or missing dates, the later booking in the list). */
  date?: string;
}

export interface AutoFillChange {
  row: number;
  id: string;
  data: AccountingData;
  prefilled: Prefilled;
  taxAmountMinor: number | null;
  changedFields: AccountingField[];
}

function sameSource(a: FieldSource, b: FieldSource): boolean {
  if (a.kind === 'learned') return b.kind === 'learned' && a.from === b.from;
  return b.kind === 'rule' && a.ruleId === b.ruleId && a.ruleName === b.ruleName;
}

function samePrefilled(a: Prefilled, b: Prefilled): boolean {
  return ACCOUNTING_FIELDS.every((field) => {
    const x = a[field];
    const y = b[field];
    if (x === undefined || y === undefined) return x === y;
    return x.value === y.value && sameSource(x.source, y.source);
  });
}

/**
 * Auto-fill over the whole "Bookings" sheet in one pass: every booking not yet exported gets the rules' and learning's
 * values where it has room, and its tax amount recomputed. Exported bookings are final and left alone. Only rows whose
 * fields, marker or tax amount change are listed, so the caller writes one batch of exactly those.
 */
export function planAutoFill(
  bookings: readonly AutoFillBooking[],
  transactions: ReadonlyMap<string, RuleTransaction>,
  rules: readonly CompiledRule[],
): { changes: AutoFillChange[]; considered: number; exportedLeftAlone: number; fieldsFilled: number } {
  const history = assignmentsFrom(bookings, transactions);
  const findPartner = partnerFinder(history);
  // The parts of a split transaction share one evaluation of the rules.
  const outcomes = new Map<string, RuleOutcome>();
  const none: AccountingProposal = { values: {}, prefilled: {} };
  const changes: AutoFillChange[] = [];
  let considered = 0;
  let exportedLeftAlone = 0;
  let fieldsFilled = 0;
  for (const b of bookings) {
    if (b.exportedTo.trim() !== '') {
      exportedLeftAlone++;
      continue;
    }
    considered++;
    const t = transactions.get(b.transaction);
    let proposal = none;
    if (t !== undefined) {
      let outcome = outcomes.get(b.transaction);
      if (outcome === undefined) {
        outcome = applyPrepared(prepareTransaction(t), rules);
        outcomes.set(b.transaction, outcome);
      }
      proposal = proposalOf(outcome, t, findPartner, b.id);
    }
    const filled = prefillBooking(b.data, b.prefilled, proposal);
    const taxAmountMinor = taxAmountFor(b.amountMinor, filled.data.taxRate);
    const dataChanged = ACCOUNTING_FIELDS.some((field) => filled.data[field] !== b.data[field]);
    if (dataChanged || !samePrefilled(filled.prefilled, b.prefilled) || taxAmountMinor !== b.taxAmountMinor) {
      changes.push({ row: b.row, id: b.id, data: filled.data, prefilled: filled.prefilled, taxAmountMinor, changedFields: filled.changed });
      fieldsFilled += filled.changed.length;
    }
  }
  return { changes, considered, exportedLeftAlone, fieldsFilled };
}
