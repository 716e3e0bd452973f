/**
 * Pre-accounting rules: each condition, precedence per field (first matching rule wins, rules for different fields
 * combine), inactive rules, rules that cannot work (reported with rule id, column and text), and the editor's usage view.
 * Accounts are SKR03: 4210 Miete, 4920 Telefon, 4930 Bürobedarf, 8400 Erlöse 19 %.
 */
import { describe, expect, it } from 'vitest';
import { applyRules, checkRule, compileRules, ruleUsage, type Rule, type RuleConditions, type RuleTransaction, noConditions } from '../../src/core/accounting/rules';
import type { AccountingData } from '../../src/core/accounting/fields';

const OUR_IBAN = 'DE89370400440532013000'; // the firm's bank account (Account cell of statement rows)
const TELEKOM_IBAN = 'DE02120300000000202051';
const LANDLORD_IBAN = 'DE02500105170137075030';


function rule(id: string, name: string, conditions: Partial<RuleConditions>, actions: Partial<AccountingData>, active = true): Rule {
  return { id, name, active, conditions: { ...noConditions(), ...conditions }, actions, origin: '' };
}

const telekom: RuleTransaction = {
  counterpartyName: 'Telekom Deutschland GmbH',
  counterpartyIban: TELEKOM_IBAN,
  purpose: 'Rechnung 0123456789  Kundenkonto\n4711 08/2025',
  amountMinor: -5995,
  account: OUR_IBAN,
};
const rent: RuleTransaction = {
  counterpartyName: 'Hausverwaltung Müller GmbH',
  counterpartyIban: LANDLORD_IBAN,
  purpose: 'Miete 08/2025 Büro Hauptstr. 5',
  amountMinor: -150000,
  account: OUR_IBAN,
};
const cardPurchase: RuleTransaction = {
  counterpartyName: 'Bürobedarf Schmidt',
  counterpartyIban: null,
  purpose: 'Kartenzahlung Toner',
  amountMinor: -8990,
  account: '4111 **** **** 4711',
};
const customer: RuleTransaction = {
  counterpartyName: 'Kanzlei Weber & Partner',
  counterpartyIban: 'DE12500105170648489890',
  purpose: 'RE-2025-0138 Beratung',
  amountMinor: 416500,
  account: OUR_IBAN,
};

function compiled(...rules: Rule[]) {
  const result = compileRules(rules);
  expect(result.problems).toEqual([]);
  return result.rules;
}

const matches = (r: Rule, t: RuleTransaction): boolean => applyRules(t, compiled(r)).matched.length === 1;

describe('conditions', () => {
  const gl = { glAccount: '4920' };

  it('counterparty equals / contains compare lower case with spaces collapsed', () => {
    expect(matches(rule('R1', '', { counterpartyEquals: '  TELEKOM   deutschland gmbh ' }, gl), telekom)).toBe(true);
    expect(matches(rule('R1', '', { counterpartyEquals: 'Telekom' }, gl), telekom)).toBe(false);
    expect(matches(rule('R1', '', { counterpartyContains: 'telekom' }, gl), telekom)).toBe(true);
    expect(matches(rule('R1', '', { counterpartyContains: 'müller' }, gl), rent)).toBe(true);
    expect(matches(rule('R1', '', { counterpartyContains: 'MÜLLER' }, gl), rent)).toBe(true);
    expect(matches(rule('R1', '', { counterpartyContains: 'Vodafone' }, gl), telekom)).toBe(false);
  });

  it('IBAN compares the electronic form; a transaction without IBAN never matches', () => {
    expect(matches(rule('R1', '', { iban: 'de02 1203 0000 0000 2020 51' }, gl), telekom)).toBe(true);
    expect(matches(rule('R1', '', { iban: LANDLORD_IBAN }, gl), telekom)).toBe(false);
    expect(matches(rule('R1', '', { iban: TELEKOM_IBAN }, gl), cardPurchase)).toBe(false);
  });

  it('purpose contains (normalised) and purpose pattern (on the collapsed purpose, any case)', () => {
    expect(matches(rule('R1', '', { purposeContains: 'kundenkonto 4711' }, gl), telekom)).toBe(true);
    expect(matches(rule('R1', '', { purposePattern: 'kundenkonto \\d{4} \\d{2}/\\d{4}$' }, gl), telekom)).toBe(true);
    expect(matches(rule('R1', '', { purposePattern: '^miete \\d{2}/20\\d\\d' }, gl), rent)).toBe(true);
    expect(matches(rule('R1', '', { purposePattern: '^miete \\d{2}/20\\d\\d' }, gl), telekom)).toBe(false);
  });

  it('amount from/to: absolute amount in minor units, inclusive', () => {
    expect(matches(rule('R1', '', { amountFromMinor: 5995, amountToMinor: 5995 }, gl), telekom)).toBe(true);
    expect(matches(rule('R1', '', { amountFromMinor: 5996 }, gl), telekom)).toBe(false);
    expect(matches(rule('R1', '', { amountToMinor: 5994 }, gl), telekom)).toBe(false);
    expect(matches(rule('R1', '', { amountFromMinor: 100000 }, gl), rent)).toBe(true);
  });

  it('direction by sign', () => {
    expect(matches(rule('R1', '', { direction: 'out' }, gl), telekom)).toBe(true);
    expect(matches(rule('R1', '', { direction: 'in' }, gl), telekom)).toBe(false);
    expect(matches(rule('R1', '', { direction: 'in' }, gl), customer)).toBe(true);
  });

  it('card or account: equal without spaces, or the end after "*" / "…"', () => {
    expect(matches(rule('R1', '', { cardOrAccount: 'DE89 3704 0044 0532 0130 00' }, gl), telekom)).toBe(true);
    expect(matches(rule('R1', '', { cardOrAccount: '*4711' }, gl), cardPurchase)).toBe(true);
    expect(matches(rule('R1', '', { cardOrAccount: '…4711' }, gl), cardPurchase)).toBe(true);
    expect(matches(rule('R1', '', { cardOrAccount: '4111********4711' }, gl), cardPurchase)).toBe(true);
    expect(matches(rule('R1', '', { cardOrAccount: '*4712' }, gl), cardPurchase)).toBe(false);
    expect(matches(rule('R1', '', { cardOrAccount: '4711' }, gl), cardPurchase)).toBe(false); // not a suffix without "*"
  });

  it('all conditions of a rule must hold', () => {
    const r = rule('R1', 'Telekom small', { counterpartyContains: 'telekom', amountToMinor: 5000, direction: 'out' }, gl);
    expect(matches(r, telekom)).toBe(false);
    expect(matches(r, { ...telekom, amountMinor: -4999 })).toBe(true);
  });
});

describe('precedence: per field, the first matching rule wins', () => {
  const card = rule('R1', 'Card Vertrieb', { cardOrAccount: '*4711' }, { costCentre: 'Vertrieb', costObject: 'P-2025-01' });
  const telekomRule = rule('R2', 'Telekom', { counterpartyContains: 'telekom' }, { glAccount: '4920', taxRate: '19 %', partner: 'Telekom Deutschland GmbH' });
  const officeSupplies = rule('R3', 'Bürobedarf', { counterpartyContains: 'bürobedarf' }, { glAccount: '4930', taxRate: '19', partner: 'Bürobedarf Schmidt', costCentre: 'Verwaltung' });
  const catchAllOut = rule('R4', 'Everything out', { direction: 'out' }, { glAccount: '4900', comment: 'bitte prüfen' });

  it('a card rule and a counterparty rule combine; a later rule fills only what is left', () => {
    const rules = compiled(card, telekomRule, officeSupplies, catchAllOut);
    const outcome = applyRules(cardPurchase, rules);
    expect(outcome.matched).toEqual(['R1', 'R3', 'R4']);
    expect(outcome.values).toEqual({ costCentre: 'Vertrieb', costObject: 'P-2025-01', glAccount: '4930', taxRate: '19', partner: 'Bürobedarf Schmidt', comment: 'bitte prüfen' });
    expect(outcome.sources).toEqual({
      costCentre: { kind: 'rule', ruleId: 'R1', ruleName: 'Card Vertrieb' },
      costObject: { kind: 'rule', ruleId: 'R1', ruleName: 'Card Vertrieb' },
      glAccount: { kind: 'rule', ruleId: 'R3', ruleName: 'Bürobedarf' },
      taxRate: { kind: 'rule', ruleId: 'R3', ruleName: 'Bürobedarf' },
      partner: { kind: 'rule', ruleId: 'R3', ruleName: 'Bürobedarf' },
      comment: { kind: 'rule', ruleId: 'R4', ruleName: 'Everything out' },
    });
  });

  it('order is precedence: the catch-all first takes the GL account from the specific rule', () => {
    const outcome = applyRules(telekom, compiled(catchAllOut, telekomRule));
    expect(outcome.matched).toEqual(['R4', 'R2']);
    expect(outcome.values).toEqual({ glAccount: '4900', comment: 'bitte prüfen', taxRate: '19', partner: 'Telekom Deutschland GmbH' });
  });

  it('tax rates in actions are canonical ("19 %" → "19")', () => {
    expect(applyRules(telekom, compiled(telekomRule)).values.taxRate).toBe('19');
  });

  it('inactive rules are neither applied nor checked', () => {
    const off = rule('R0', 'Old Telekom account', { counterpartyContains: 'telekom' }, { glAccount: '4910' }, false);
    const broken = rule('R9', 'Broken but off', { purposePattern: '(a' }, { glAccount: '4910' }, false);
    const result = compileRules([off, broken, telekomRule]);
    expect(result.problems).toEqual([]);
    expect(result.rules.map((r) => r.rule.id)).toEqual(['R2']);
    expect(applyRules(telekom, result.rules).values.glAccount).toBe('4920');
  });

  it('a rule with no condition never applies and is reported', () => {
    const everything = rule('R5', 'Everything', {}, { glAccount: '8400' });
    const result = compileRules([everything, telekomRule]);
    expect(result.problems).toEqual([{ ruleId: 'R5', field: 'rule', message: 'Rule R5: no condition is filled in, so the rule would never apply' }]);
    expect(applyRules(customer, result.rules)).toEqual({ values: {}, sources: {}, matched: [] });
  });

  it('no rules, no match: nothing is filled', () => {
    expect(applyRules(rent, [])).toEqual({ values: {}, sources: {}, matched: [] });
  });
});

describe('rules that cannot work', () => {
  it('are reported with rule id, column and the text found, and left out', () => {
    const rules = [
      rule('R4', 'Rent', { purposePattern: '(a' }, { glAccount: '4210' }),
      rule('R5', 'Telekom', { iban: 'DE02 1203 0000 0000 2020 52' }, { glAccount: '4920' }),
      rule('R6', 'Big ones', { amountFromMinor: 50000, amountToMinor: 10000 }, { costCentre: 'GF' }),
      rule('R7', 'Revenue', { direction: 'in' }, { glAccount: '8400', taxRate: '19,5 % USt' }),
      rule('R8', 'Nothing to do', { counterpartyContains: 'weber' }, { glAccount: '  ' }),
      rule('R9', 'Card', { cardOrAccount: '*471' }, { costCentre: 'Vertrieb' }),
      rule('R10', 'Negative', { amountFromMinor: -500 }, { costCentre: 'Vertrieb' }),
      rule('R11', 'Lookahead', { purposePattern: 'Miete(?= 08)' }, { glAccount: '4210' }),
      rule('R13', 'Too big', { purposePattern: '((Miete \\d{2}){100}){10}' }, { glAccount: '4210' }),
      rule('R12', 'Fine', { counterpartyContains: 'weber' }, { glAccount: '8400', taxRate: '19' }),
    ];
    const result = compileRules(rules);
    expect(result.problems.map((p) => [p.ruleId, p.field, p.message])).toEqual([
      ['R4', 'purposePattern', 'Rule R4, "Purpose pattern": "(a" is not a valid pattern: missing ")" at position 2'],
      ['R5', 'iban', 'Rule R5, "IBAN": "DE02 1203 0000 0000 2020 52" is not a valid IBAN: check digits do not match'],
      ['R6', 'amountFromMinor', 'Rule R6, "Amount from": 500.00 is more than "Amount to" (100.00), so no amount fits'],
      ['R7', 'taxRate', 'Rule R7, "Tax rate": "19,5 % USt" is not a tax rate: not a percentage like 19 or 7.7'],
      ['R8', 'rule', 'Rule R8: sets no field: fill in at least one of GL account, tax rate, supplier/customer, cost centre, cost object, comment'],
      ['R9', 'cardOrAccount', 'Rule R9, "Card or account": "*471" needs at least the last 4 characters of the card or account'],
      ['R10', 'amountFromMinor', 'Rule R10, "Amount from": -5.00 is not an amount without sign (say in or out under "Direction")'],
      ['R11', 'purposePattern', 'Rule R11, "Purpose pattern": "Miete(?= 08)" is not a valid pattern: lookahead "(?=" at position 5 is not supported'],
      ['R13', 'purposePattern', 'Rule R13, "Purpose pattern": "((Miete \\d{2}){100}){10}" is not a valid pattern: too large: its repeats expand to 8001 parts (at most 5000); use smaller counts in { }'],
    ]);
    expect(result.rules.map((r) => r.rule.id)).toEqual(['R12']);
  });

  it('checkRule reports several problems of one rule at once', () => {
    expect(checkRule(rule('R1', '', {}, {})).map((p) => p.field)).toEqual(['rule', 'rule']);
    expect(checkRule(rule('R2', 'Telekom', { counterpartyContains: 'telekom' }, { glAccount: '4920', taxRate: '19' }))).toEqual([]);
  });
});

describe('ruleUsage for the editor', () => {
  it('counts matches, wins and which earlier rule takes a field', () => {
    const rules = compiled(
      rule('R1', 'Card Vertrieb', { cardOrAccount: '*4711' }, { costCentre: 'Vertrieb' }),
      rule('R2', 'Telekom', { counterpartyContains: 'telekom' }, { glAccount: '4920', taxRate: '19' }),
      rule('R3', 'Out by default', { direction: 'out' }, { glAccount: '4900', costCentre: 'Verwaltung' }),
      rule('R4', 'Telekom again', { iban: TELEKOM_IBAN }, { glAccount: '4920' }),
    );
    const transactions = [telekom, { ...telekom, amountMinor: -4995 }, { ...telekom, account: '4111 **** **** 4711' }, rent, cardPurchase, customer];
    expect(ruleUsage(transactions, rules)).toEqual([
      { ruleId: 'R1', matches: 2, wins: 2, shadowed: [] },
      { ruleId: 'R2', matches: 3, wins: 3, shadowed: [] },
      {
        ruleId: 'R3',
        matches: 5,
        wins: 4, // all but the Telekom payment by card, where R1 and R2 took both of its fields
        shadowed: [
          { field: 'glAccount', byRuleId: 'R2', count: 3 },
          { field: 'costCentre', byRuleId: 'R1', count: 2 },
        ],
      },
      { ruleId: 'R4', matches: 3, wins: 0, shadowed: [{ field: 'glAccount', byRuleId: 'R2', count: 3 }] },
    ]);
  });
});
