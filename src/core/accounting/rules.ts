/**
 * Pre-accounting rules (Kontierungsregeln): "when the counterparty is Telekom, book to 4920 Telefon at 19 %", "every
 * transaction of card *4711 goes to cost centre Vertrieb". A rule's conditions must all hold (a blank one does not
 * restrict; a rule with no condition at all never applies); its actions fill accounting fields.
 *
 * Precedence is per field: for each field, the first matching rule in sheet order that sets it wins. So a card rule that
 * sets the cost centre and a counterparty rule that sets the GL account both apply to the same transaction, and a later
 * rule cannot take a field an earlier one set — the editor shows where that happens (`ruleUsage`).
 */
import { checkIban, normaliseIban } from '../iban/iban';
import { collapseText } from '../text/clean';
import { ACCOUNTING_FIELDS, FIELD_LABELS, type AccountingData, type AccountingField, type FieldSource } from './fields';
import { compilePattern, type Pattern } from './pattern';
import { parseTaxRate } from './tax';

export type Direction = 'in' | 'out' | 'any';

export interface RuleConditions {
  counterpartyEquals: string;
  counterpartyContains: string;
  iban: string;
  purposeContains: string;
  /** A regular expression (see pattern.ts), tested on the purpose with its whitespace collapsed, ignoring case. */
  purposePattern: string;
  /** Absolute amounts in minor units, inclusive; the sign is the direction's business. */
  amountFromMinor: number | null;
  amountToMinor: number | null;
  direction: Direction;
  /** The statement's account (an IBAN) or a card number; `*4711` (or `…4711`) matches every account ending in 4711. */
  cardOrAccount: string;
}

export interface Rule {
  id: string;
  name: string;
  active: boolean;
  conditions: RuleConditions;
  actions: Partial<AccountingData>;
  /** Where the rule came from: typed by the user, or "learned from B-00017, B-00023". */
  origin: string;
}

/** A bank transaction as the rules see it. `account` is the Account cell: the statement's IBAN or a card number. */
export interface RuleTransaction {
  counterpartyName: string;
  counterpartyIban: string | null;
  purpose: string;
  amountMinor: number;
  account: string;
}

export interface RuleProblem {
  ruleId: string;
  field: keyof RuleConditions | AccountingField | 'rule';
  message: string;
}

export interface RuleOutcome {
  values: Partial<AccountingData>;
  sources: Partial<Record<AccountingField, FieldSource>>;
  /** Ids of every matching rule, in order (also those whose fields were all taken already). */
  matched: string[];
}

/** No condition at all (a rule needs at least one to match anything): what a new rule starts from. */
export function noConditions(): RuleConditions {
  return {
    counterpartyEquals: '',
    counterpartyContains: '',
    iban: '',
    purposeContains: '',
    purposePattern: '',
    amountFromMinor: null,
    amountToMinor: null,
    direction: 'any',
    cardOrAccount: '',
  };
}

/** The condition columns as the "Rules" sheet heads them. */
export const CONDITION_LABELS: Record<keyof RuleConditions, string> = {
  counterpartyEquals: 'Counterparty equals',
  counterpartyContains: 'Counterparty contains',
  iban: 'IBAN',
  purposeContains: 'Purpose contains',
  purposePattern: 'Purpose pattern',
  amountFromMinor: 'Amount from',
  amountToMinor: 'Amount to',
  direction: 'Direction',
  cardOrAccount: 'Card or account',
};

/** Names and purposes compared as people read them: lower case, runs of spaces as one, trimmed. */
export function normaliseText(text: string): string {
  return collapseText(text).toLowerCase();
}

/** An account or card number compared without spaces and case: "4111 **** **** 4711" = "4111********4711". */
const compactAccount = (text: string): string => text.replace(/\s+/g, '').toUpperCase();

/** `*4711`, `…4711` or `...4711`: the account must end with what follows. */
function suffixOf(condition: string): string | null {
  const match = /^(?:\*+|…|\.\.\.)(.*)$/.exec(condition.trim());
  return match === null ? null : compactAccount(match[1]!);
}

/** At least the last four characters of a card: fewer would match cards by accident. */
const MIN_SUFFIX = 4;

/** A transaction read once for all rules: normalised texts, electronic IBAN, compact account. */
export interface PreparedTransaction {
  name: string;
  iban: string | null;
  purpose: string;
  purposeText: string;
  amountMinor: number;
  account: string;
}

export function prepareTransaction(t: RuleTransaction): PreparedTransaction {
  const purposeText = collapseText(t.purpose);
  return {
    name: normaliseText(t.counterpartyName),
    iban: t.counterpartyIban === null ? null : normaliseIban(t.counterpartyIban),
    purpose: purposeText.toLowerCase(),
    purposeText,
    amountMinor: t.amountMinor,
    account: compactAccount(t.account),
  };
}

export interface CompiledRule {
  readonly rule: Rule;
  /** The actions to apply, tax rate in canonical form ("19 %" → "19"), empty values left out. */
  readonly actions: Partial<AccountingData>;
  /** The fields it sets, in field order. */
  readonly fields: readonly AccountingField[];
  test(t: PreparedTransaction): boolean;
}

function hasCondition(c: RuleConditions): boolean {
  const texts = [c.counterpartyEquals, c.counterpartyContains, c.iban, c.purposeContains, c.purposePattern, c.cardOrAccount];
  return texts.some((text) => text.trim() !== '') || c.amountFromMinor !== null || c.amountToMinor !== null || c.direction !== 'any';
}

const amountText = (minor: number): string => (minor / 100).toFixed(2);

/** Everything that keeps a rule from working, each naming the rule, the column and the text found. */
export function checkRule(rule: Rule): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const c = rule.conditions;
  const problem = (field: RuleProblem['field'], message: string): void => {
    const where = field === 'rule' ? `Rule ${rule.id}` : `Rule ${rule.id}, "${field in CONDITION_LABELS ? CONDITION_LABELS[field as keyof RuleConditions] : FIELD_LABELS[field as AccountingField]}"`;
    problems.push({ ruleId: rule.id, field, message: `${where}: ${message}` });
  };

  if (!hasCondition(c)) problem('rule', 'no condition is filled in, so the rule would never apply');
  if (!ACCOUNTING_FIELDS.some((field) => (rule.actions[field] ?? '').trim() !== '')) problem('rule', 'sets no field: fill in at least one of GL account, tax rate, supplier/customer, cost centre, cost object, comment');

  if (c.purposePattern.trim() !== '') {
    const compiled = compilePattern(c.purposePattern.trim());
    if (!compiled.ok) problem('purposePattern', `"${c.purposePattern.trim()}" is not a valid pattern: ${compiled.message}`);
  }
  if (c.iban.trim() !== '') {
    const iban = checkIban(c.iban);
    if (!iban.valid) problem('iban', `"${c.iban.trim()}" is not a valid IBAN: ${iban.reason}`);
  }
  for (const field of ['amountFromMinor', 'amountToMinor'] as const) {
    const minor = c[field];
    if (minor !== null && (!Number.isSafeInteger(minor) || minor < 0)) problem(field, `${amountText(minor)} is not an amount without sign (say in or out under "Direction")`);
  }
  if (c.amountFromMinor !== null && c.amountToMinor !== null && c.amountFromMinor > c.amountToMinor) {
    problem('amountFromMinor', `${amountText(c.amountFromMinor)} is more than "Amount to" (${amountText(c.amountToMinor)}), so no amount fits`);
  }
  const suffix = suffixOf(c.cardOrAccount);
  if (suffix !== null && suffix.length < MIN_SUFFIX) problem('cardOrAccount', `"${c.cardOrAccount.trim()}" needs at least the last ${MIN_SUFFIX} characters of the card or account`);

  const rate = rule.actions.taxRate?.trim() ?? '';
  if (rate !== '') {
    const read = parseTaxRate(rate);
    if (!read.ok) problem('taxRate', `"${rate}" is not a tax rate: ${read.message}`);
  }
  return problems;
}

function compileOne(rule: Rule): CompiledRule {
  const c = rule.conditions;
  const tests: Array<(t: PreparedTransaction) => boolean> = [];
  // Cheap tests first; the pattern last.
  if (c.direction === 'in') tests.push((t) => t.amountMinor > 0);
  if (c.direction === 'out') tests.push((t) => t.amountMinor < 0);
  const from = c.amountFromMinor;
  const to = c.amountToMinor;
  if (from !== null) tests.push((t) => Math.abs(t.amountMinor) >= from);
  if (to !== null) tests.push((t) => Math.abs(t.amountMinor) <= to);
  if (c.cardOrAccount.trim() !== '') {
    const suffix = suffixOf(c.cardOrAccount);
    const whole = compactAccount(c.cardOrAccount);
    tests.push(suffix !== null ? (t) => t.account.endsWith(suffix) : (t) => t.account === whole);
  }
  const iban = normaliseIban(c.iban);
  if (iban !== null) tests.push((t) => t.iban === iban);
  const equals = normaliseText(c.counterpartyEquals);
  if (equals !== '') tests.push((t) => t.name === equals);
  const contains = normaliseText(c.counterpartyContains);
  if (contains !== '') tests.push((t) => t.name.includes(contains));
  const purpose = normaliseText(c.purposeContains);
  if (purpose !== '') tests.push((t) => t.purpose.includes(purpose));
  if (c.purposePattern.trim() !== '') {
    const compiled = compilePattern(c.purposePattern.trim());
    if (!compiled.ok) throw new Error(`rule ${rule.id}: ${compiled.message}`); // checkRule keeps such rules out
    const pattern: Pattern = compiled.pattern;
    tests.push((t) => pattern.test(t.purposeText));
  }

  const actions: Partial<AccountingData> = {};
  for (const field of ACCOUNTING_FIELDS) {
    const value = rule.actions[field]?.trim() ?? '';
    if (value === '') continue;
    const rate = field === 'taxRate' ? parseTaxRate(value) : null;
    actions[field] = rate !== null && rate.ok ? rate.text : value;
  }
  const fields = ACCOUNTING_FIELDS.filter((field) => actions[field] !== undefined);
  return {
    rule,
    actions,
    fields,
    test: (t) => tests.length > 0 && tests.every((test) => test(t)),
  };
}

/** The active rules ready to apply, in order; a rule with a problem is left out (a half-understood rule must not book). */
export function compileRules(rules: readonly Rule[]): { rules: CompiledRule[]; problems: RuleProblem[] } {
  const compiled: CompiledRule[] = [];
  const problems: RuleProblem[] = [];
  for (const rule of rules) {
    if (!rule.active) continue; // switched off: neither applied nor complained about
    const found = checkRule(rule);
    if (found.length > 0) problems.push(...found);
    else compiled.push(compileOne(rule));
  }
  return { rules: compiled, problems };
}

/** What the rules fill for a transaction: per field, the first matching rule that sets it. */
export function applyRules(t: RuleTransaction, rules: readonly CompiledRule[]): RuleOutcome {
  return applyPrepared(prepareTransaction(t), rules);
}

export function applyPrepared(t: PreparedTransaction, rules: readonly CompiledRule[]): RuleOutcome {
  const values: Partial<AccountingData> = {};
  const sources: Partial<Record<AccountingField, FieldSource>> = {};
  const matched: string[] = [];
  for (const compiled of rules) {
    if (!compiled.test(t)) continue;
    matched.push(compiled.rule.id);
    for (const field of compiled.fields) {
      if (values[field] !== undefined) continue;
      values[field] = compiled.actions[field]!;
      sources[field] = { kind: 'rule', ruleId: compiled.rule.id, ruleName: compiled.rule.name };
    }
  }
  return { values, sources, matched };
}

export interface RuleUsage {
  ruleId: string;
  /** Transactions the rule's conditions match. */
  matches: number;
  /** Transactions where it filled at least one field. */
  wins: number;
  /** Fields it would set but an earlier rule took: "GL account taken by R2 for 3 of them". */
  shadowed: Array<{ field: AccountingField; byRuleId: string; count: number }>;
}

/** For the editor: how often each rule matches, how often it actually fills something, and which earlier rules win over it. */
export function ruleUsage(transactions: Iterable<RuleTransaction>, rules: readonly CompiledRule[]): RuleUsage[] {
  const usage = rules.map(() => ({ matches: 0, wins: 0, shadowed: new Map<string, number>() }));
  for (const transaction of transactions) {
    const t = prepareTransaction(transaction);
    const owner: Partial<Record<AccountingField, string>> = {};
    rules.forEach((compiled, i) => {
      if (!compiled.test(t)) return;
      const u = usage[i]!;
      u.matches++;
      let won = false;
      for (const field of compiled.fields) {
        const taken = owner[field];
        if (taken === undefined) {
          owner[field] = compiled.rule.id;
          won = true;
        } else {
          const key = `${field}\u0000${taken}`;
          u.shadowed.set(key, (u.shadowed.get(key) ?? 0) + 1);
        }
      }
      if (won) u.wins++;
    });
  }
  return rules.map((compiled, i) => {
    const u = usage[i]!;
    const shadowed = [...u.shadowed].map(([key, count]) => {
      const [field, byRuleId] = key.split('\u0000') as [AccountingField, string];
      return { field, byRuleId, count };
    });
    const ruleOrder = new Map(rules.map((r, index) => [r.rule.id, index]));
    shadowed.sort((a, b) => ACCOUNTING_FIELDS.indexOf(a.field) - ACCOUNTING_FIELDS.indexOf(b.field) || (ruleOrder.get(a.byRuleId) ?? 0) - (ruleOrder.get(b.byRuleId) ?? 0));
    return { ruleId: compiled.rule.id, matches: u.matches, wins: u.wins, shadowed };
  });
}
