/**
 * The matching rules of issue 4, each with the issue's own examples, and the facts measured in
 * shared/matching/README.md (neighbouring numbers above 0.9, numbers inside longer numbers, customer numbers one edit
 * away) as cases the engine must get right.
 */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  createMatcher,
  defaultMatchSettings,
  jaroWinkler,
  matchAll,
  matchSettingsSchema,
  normaliseReference,
  type Case,
  type Contact,
  type MatchSettings,
  type MatchTransaction,
  type OpenItem,
} from '../../src/core/matching';
import { createNaiveMatcher } from '../../src/core/matching/naive';
import { resolveSettings } from '../../src/core/matching/matcher';
import * as z from '../../src/core/schema';
import { coreInBareContext } from '../helpers/bare-core';

const IBAN_MUELLER = 'DE89370400440532013000';
const IBAN_SCHMIDT = 'DE02120300000000202051';
const IBAN_WEBER = 'DE75512108001245126199';

function invoice(number: string, amountMinor: number, more: Partial<OpenItem> = {}): OpenItem {
  return { number, kind: 'invoice', amountMinor, currency: 'EUR', contactId: null, caseId: null, status: 'open', ...more };
}
function paymentOrder(number: string, amountMinor: number, more: Partial<OpenItem> = {}): OpenItem {
  return { number, kind: 'payment', amountMinor, currency: 'EUR', contactId: null, caseId: null, status: 'pending', ...more };
}
function tx(purpose: string, amountMinor: number, more: Partial<MatchTransaction> = {}): MatchTransaction {
  return { fingerprint: 'fp', amountMinor, currency: 'EUR', purpose, counterpartyIban: null, counterpartyName: '', ...more };
}
function matcher(items: OpenItem[], more: { contacts?: Contact[]; cases?: Case[]; settings?: Partial<MatchSettings> } = {}) {
  const input = { items, contacts: more.contacts ?? [], cases: more.cases ?? [], settings: more.settings };
  const engine = createMatcher(input);
  const naive = createNaiveMatcher(input);
  // Every example also runs through the all-pairs baseline: same rules, same answer.
  return {
    match(t: MatchTransaction) {
      const result = engine.match(t);
      expect(naive.match(t)).toEqual(result);
      return result;
    },
  };
}

describe('normalising numbers', () => {
  it('RE 2024 0815 = RE-2024-0815 = re20240815 = RE.2024.0815 = RE/2024/0815', () => {
    const forms = ['RE 2024 0815', 'RE-2024-0815', 're20240815', 'RE.2024.0815', 'RE/2024/0815', 're – 2024 – 0815'];
    for (const f of forms) expect(normaliseReference(f)).toBe('RE20240815');
  });
  it('Az 00012/25 = AZ 00012-25 = 0001225 (case number, banks drop the slash)', () => {
    expect(normaliseReference('00012/25')).toBe('0001225');
    expect(normaliseReference('AZ 00012-25')).toBe('AZ0001225');
  });
  it('keeps ß and other characters whose upper case is longer, so positions stay one to one', () => {
    expect(normaliseReference('Straße 5')).toBe('STRAßE5');
  });
});

describe('rule 1: invoice number in the purpose, exact', () => {
  const m = matcher([invoice('RE-2024-0815', 11900)]);
  for (const purpose of ['Rechnung RE 2024 0815', 'RE-2024-0815', 're20240815 danke', 'Rg. RE.2024.0815, vom 01.08.', 'RE/2024/0815']) {
    it(`finds RE-2024-0815 in "${purpose}"; amount equal → auto`, () => {
      expect(m.match(tx(purpose, 11900))).toEqual({
        fingerprint: 'fp',
        status: 'auto',
        matches: [{ number: 'RE-2024-0815', kind: 'invoice', caseId: null, contactId: null, method: 'exact', score: 1, amountCheck: 'equal' }],
        reason: 'RE-2024-0815 found in purpose; amount equal',
      });
    });
  }

  it('R21-12 is not found in R21-123 (token boundary), not even as a similar number', () => {
    const r = matcher([invoice('R21-12', 5000)]).match(tx('Zahlung R21-123', 5000));
    expect(r.matches.filter((x) => x.method === 'exact' || x.method === 'fuzzy')).toEqual([]);
    // Only the amount is left: proposed for review, never booked.
    expect(r).toMatchObject({ status: 'review', matches: [{ number: 'R21-12', method: 'amount', score: 0 }] });
  });

  it('R25-100 is not read out of R25-1000 (digit boundary); R25-1000 is', () => {
    const m2 = matcher([invoice('R25-100', 5000), invoice('R25-1000', 7000)]);
    expect(m2.match(tx('RE R25-1000', 7000))).toMatchObject({ status: 'auto', matches: [{ number: 'R25-1000', method: 'exact' }] });
    // With the amount of R25-100 the exact R25-1000 still stands (amount differs → review); R25-100 is not offered.
    const r = m2.match(tx('RE R25-1000', 5000));
    expect(r).toMatchObject({ status: 'review', matches: [{ number: 'R25-1000', amountCheck: 'partial' }] });
    expect(r.matches).toHaveLength(1);
  });

  it('a number glued to letters is not an exact hit (RE20240815X); a separator before it is fine (Nr.RE20240815)', () => {
    const m2 = matcher([invoice('RE-2024-0815', 11900)]);
    expect(m2.match(tx('Nr.RE20240815', 11900)).matches[0]!.method).toBe('exact');
    expect(m2.match(tx('RE20240815X', 11900)).matches[0]!.method).toBe('fuzzy');
  });

  it('a customer number one edit away does not disturb the exact invoice number (measured: 181 wrong by substring)', () => {
    const m2 = matcher([invoice('R21-123', 5000), invoice('R21-124', 9000)]);
    const r = m2.match(tx('Kundennr R21124X Rechnung R21-123', 5000));
    expect(r).toMatchObject({ status: 'auto', matches: [{ number: 'R21-123', method: 'exact' }] });
  });
});

describe('rule 1: fuzzy (Jaro-Winkler above 0.90 in a same-length window)', () => {
  it('forgives a typo: R21-132 (transposed) → R21-123 with the vector score, booked because the amount confirms it', () => {
    const r = matcher([invoice('R21-123', 5000)]).match(tx('Rechnung R21-132 Danke', 5000));
    expect(r.status).toBe('auto');
    expect(r.matches).toEqual([{ number: 'R21-123', kind: 'invoice', caseId: null, contactId: null, method: 'fuzzy', score: jaroWinkler('R21123', 'R21132'), amountCheck: 'equal' }]);
    expect(r.matches[0]!.score).toBeGreaterThan(0.9);
    expect(r.reason).toBe('"R21132" in purpose is similar to R21-123 (0.967), not equal; amount equal');
  });

  it('similarity alone never books: amount differs → review, even when the IBAN belongs to the contact', () => {
    const contacts = [{ id: 'c1', name: 'Müller GmbH', ibans: [IBAN_MUELLER] }];
    const r = matcher([invoice('R21-123', 5000, { contactId: 'c1' })], { contacts }).match(
      tx('Rechnung R21-132', 4000, { counterpartyIban: IBAN_MUELLER }),
    );
    expect(r).toMatchObject({ status: 'review', matches: [{ number: 'R21-123', method: 'fuzzy', amountCheck: 'partial' }] });
  });

  it('a fuzzy hit within tolerance (Skonto) needs the IBAN as well: review without it, auto with it', () => {
    const contacts = [{ id: 'c1', name: 'Müller GmbH', ibans: [IBAN_MUELLER] }];
    const m2 = matcher([invoice('R21-123', 5000, { contactId: 'c1' })], { contacts, settings: { amountTolerancePercent: 3 } });
    const without = m2.match(tx('R21-132', 4900));
    expect(without).toMatchObject({ status: 'review', matches: [{ number: 'R21-123', method: 'fuzzy', amountCheck: 'within-tolerance' }] });
    expect(without.reason).toBe('"R21132" in purpose is similar to R21-123 (0.967), not equal; amount within tolerance (paid 49.00 EUR of 50.00 EUR); no IBAN to confirm it');
    expect(m2.match(tx('R21-132', 4900, { counterpartyIban: IBAN_MUELLER }))).toMatchObject({ status: 'auto', matches: [{ number: 'R21-123', method: 'fuzzy' }] });
  });

  it("a fuzzy hit whose contact is not the IBAN's owner goes to review, even with an equal amount (a neighbouring client's invoice)", () => {
    const contacts = [
      { id: 'c1', name: 'Müller GmbH', ibans: [IBAN_MUELLER] },
      { id: 'c2', name: 'Schmidt KG', ibans: [IBAN_SCHMIDT] },
    ];
    // Müller pays "R21-124" (her own invoice, not on file any more); the neighbouring number belongs to Schmidt.
    const m2 = matcher([invoice('R21-123', 5000, { contactId: 'c2' })], { contacts });
    const r = m2.match(tx('R21-124', 5000, { counterpartyIban: IBAN_MUELLER }));
    expect(r).toMatchObject({ status: 'review', matches: [{ number: 'R21-123', method: 'fuzzy', amountCheck: 'equal' }] });
    expect(r.reason).toMatch(/but the counterparty IBAN belongs to Müller GmbH, not to R21-123's contact$/);
    // The same payment from Schmidt's own account is a typo of Schmidt's invoice: booked.
    expect(m2.match(tx('R21-124', 5000, { counterpartyIban: IBAN_SCHMIDT })).status).toBe('auto');
    // An unknown IBAN contradicts nothing.
    expect(m2.match(tx('R21-124', 5000, { counterpartyIban: IBAN_WEBER })).status).toBe('auto');
  });

  it('a fuzzy hit never wins over an exact one, even when the fuzzy one has the fitting amount', () => {
    const r = matcher([invoice('R21-123', 5000), invoice('R21-128', 7000)]).match(tx('R21-123', 7000));
    expect(r).toMatchObject({ status: 'review', matches: [{ number: 'R21-123', method: 'exact', amountCheck: 'differs' }] });
    expect(r.matches).toHaveLength(1);
  });

  describe('R21-123 vs R21-128, both about equally similar to "R21-124" (0.933 each): the amount decides, or review', () => {
    const items = [invoice('R21-123', 5000, { contactId: 'c1' }), invoice('R21-128', 7000, { contactId: 'c2' })];
    it('both score the same, above 0.9 (the measured fact)', () => {
      expect(jaroWinkler('R21123', 'R21124')).toBeCloseTo(0.9333333, 6);
      expect(jaroWinkler('R21128', 'R21124')).toBeCloseTo(0.9333333, 6);
    });
    it('amount of R21-128 → R21-128, auto, the other one named in the reason', () => {
      const r = matcher(items).match(tx('R21-124', 7000));
      expect(r).toMatchObject({ status: 'auto', matches: [{ number: 'R21-128', method: 'fuzzy' }] });
      expect(r.matches).toHaveLength(1);
      expect(r.reason).toBe('"R21124" in purpose is about equally similar to R21-123, R21-128 (0.933–0.933); amount equal to R21-128 only');
    });
    it('amount fits neither → review with both, never a silent guess', () => {
      const r = matcher(items).match(tx('R21-124', 6000));
      expect(r.status).toBe('review');
      expect(r.matches.map((x) => x.number)).toEqual(['R21-123', 'R21-128']);
      expect(r.reason).toContain('no single one has an equal amount');
    });
    it('amount fits both → review; then the IBAN of one contact decides', () => {
      const same = [invoice('R21-123', 5000, { contactId: 'c1' }), invoice('R21-128', 5000, { contactId: 'c2' })];
      expect(matcher(same).match(tx('R21-124', 5000)).status).toBe('review');
      const contacts = [{ id: 'c2', name: 'Schmidt', ibans: [IBAN_SCHMIDT] }];
      expect(matcher(same, { contacts }).match(tx('R21-124', 5000, { counterpartyIban: IBAN_SCHMIDT }))).toMatchObject({
        status: 'auto',
        matches: [{ number: 'R21-128' }],
      });
    });
    it('a clearly better hit stands alone: "R21-132" is 0.967 to R21-123; R21-128 (0.933) is above 0.9 but not within the margin', () => {
      expect(jaroWinkler('R21128', 'R21132')).toBeGreaterThan(0.9);
      expect(jaroWinkler('R21128', 'R21132')).toBeLessThan(jaroWinkler('R21123', 'R21132') - defaultMatchSettings.ambiguityMargin);
      const r = matcher(items).match(tx('R21-132', 5000));
      expect(r.matches.map((x) => x.number)).toEqual(['R21-123']);
    });
  });

  it('the threshold is a setting: at 0.95 the 0.933 neighbour is no longer a hit', () => {
    const items = [invoice('R21-123', 5000)];
    expect(matcher(items).match(tx('R21-124', 5000)).matches[0]!.method).toBe('fuzzy');
    expect(matcher(items, { settings: { fuzzyThreshold: 0.95 } }).match(tx('R21-124', 5000)).matches[0]!.method).toBe('amount');
  });

  it('numbers shorter than 4 characters are only found exactly', () => {
    const r = matcher([invoice('123', 5000)]).match(tx('Nr 124', 5000));
    expect(r.matches[0]!.method).toBe('amount');
  });
});

describe('rule 1: only open items; incoming money → invoices, outgoing → payment orders', () => {
  const items = [invoice('RE-1001', 5000), paymentOrder('ZA-1001', 5000), invoice('RE-1002', 5000, { status: 'paid' }), invoice('RE-1003', 5000, { status: ' Open ' })];
  const m = matcher(items);
  it('outgoing money (−50.00) with both numbers in the purpose matches the payment order only', () => {
    expect(m.match(tx('RE-1001 ZA-1001', -5000))).toMatchObject({ status: 'auto', matches: [{ number: 'ZA-1001', kind: 'payment', method: 'exact' }] });
  });
  it('incoming money matches the invoice only', () => {
    expect(m.match(tx('RE-1001 ZA-1001', 5000))).toMatchObject({ status: 'auto', matches: [{ number: 'RE-1001', kind: 'invoice' }] });
  });
  it('incoming money never matches a payment order, even by number (review: money came back for a payment order?)', () => {
    expect(matcher([paymentOrder('ZA-1001', 5000)]).match(tx('ZA-1001', 5000))).toEqual({
      fingerprint: 'fp',
      status: 'review',
      matches: [],
      reason: 'ZA-1001 found in purpose, but it is a payment order, not an invoice; no open invoice to match it to',
    });
  });
  it('a paid invoice is no candidate; status is compared without case and spaces', () => {
    expect(m.match(tx('RE-1002', 5000)).matches.map((x) => x.number)).not.toContain('RE-1002');
    expect(m.match(tx('RE-1003', 5000))).toMatchObject({ status: 'auto', matches: [{ number: 'RE-1003' }] });
  });
  it('amount zero matches nothing', () => {
    expect(m.match(tx('RE-1001', 0))).toEqual({ fingerprint: 'fp', status: 'none', matches: [], reason: 'amount is zero' });
  });
});

describe('a known number that is not a candidate blocks similar guesses', () => {
  // Measured: neighbouring numbers score above 0.9 (RE20240815/RE20240816 = 0.96); a paid invoice named exactly must
  // not turn into its open neighbour.
  const items = [invoice('RE-2024-0815', 11900, { contactId: 'c1' }), invoice('RE-2024-0816', 11900, { status: 'paid', contactId: 'c1' })];
  const contacts = [{ id: 'c1', name: 'Müller GmbH', ibans: [IBAN_MUELLER] }];
  it('paid RE-2024-0816 in the purpose: no fuzzy RE-2024-0815, even with the same amount', () => {
    const r = matcher(items).match(tx('Rechnung RE-2024-0816', 11900));
    expect(r.matches.filter((x) => x.method === 'fuzzy')).toEqual([]);
    expect(r).toMatchObject({ status: 'review', matches: [{ number: 'RE-2024-0815', method: 'amount' }] });
    expect(r.reason).toBe('RE-2024-0816 found in purpose, but it is not open (paid); RE-2024-0815 is the only open invoice of 119.00 EUR: amount alone is not enough');
  });
  it('the same purpose without the paid invoice on file: fuzzy RE-2024-0815 with the amount → auto', () => {
    expect(matcher([items[0]!]).match(tx('Rechnung RE-2024-0816', 11900))).toMatchObject({ status: 'auto', matches: [{ number: 'RE-2024-0815', method: 'fuzzy', score: 0.96 }] });
  });
  it('IBAN and amount would book, but the paid number in the purpose makes it a review', () => {
    const r = matcher(items, { contacts }).match(tx('RE-2024-0816', 11900, { counterpartyIban: IBAN_MUELLER }));
    expect(r).toMatchObject({ status: 'review', matches: [{ number: 'RE-2024-0815', method: 'iban' }] });
    expect(r.reason.startsWith('RE-2024-0816 found in purpose, but it is not open (paid); counterparty IBAN belongs to Müller GmbH')).toBe(true);
  });
});

describe('rule 4 with rule 1: amount checks, each marked as such', () => {
  const items = [invoice('RE-1', 10000), invoice('RE-2', 20000), invoice('RE-3', 30000)];
  it('Skonto within the percent tolerance → auto, within-tolerance', () => {
    const r = matcher(items, { settings: { amountTolerancePercent: 3 } }).match(tx('RE-1', 9800));
    expect(r).toMatchObject({ status: 'auto', matches: [{ number: 'RE-1', amountCheck: 'within-tolerance' }] });
    expect(r.reason).toBe('RE-1 found in purpose; amount within tolerance (paid 98.00 EUR of 100.00 EUR)');
  });
  it('bank fees within the absolute tolerance → auto; without tolerance the same payment is partial → review', () => {
    expect(matcher(items, { settings: { amountToleranceMinor: 50 } }).match(tx('RE-1', 9950)).matches[0]!.amountCheck).toBe('within-tolerance');
    const r = matcher(items).match(tx('RE-1', 9950));
    expect(r).toMatchObject({ status: 'review', matches: [{ amountCheck: 'partial' }] });
  });
  it('partial payment → review by default; auto when partial payments are allowed', () => {
    expect(matcher(items).match(tx('RE-2', 5000))).toMatchObject({ status: 'review', matches: [{ amountCheck: 'partial' }] });
    const r = matcher(items, { settings: { allowPartialPayments: true } }).match(tx('RE-2', 5000));
    expect(r).toMatchObject({ status: 'auto', matches: [{ number: 'RE-2', amountCheck: 'partial' }] });
    expect(r.reason).toBe('RE-2 found in purpose; partial payment (paid 50.00 EUR of 200.00 EUR)');
  });
  it('overpaid → differs, review: the tolerance only reaches below the open amount (Skonto and fees reduce it)', () => {
    expect(matcher(items).match(tx('RE-1', 10100))).toMatchObject({ status: 'review', matches: [{ amountCheck: 'differs' }] });
    expect(matcher(items, { settings: { amountTolerancePercent: 3 } }).match(tx('RE-1', 10100))).toMatchObject({ status: 'review', matches: [{ amountCheck: 'differs' }] });
  });
  it('another currency → differs, review', () => {
    const r = matcher(items).match(tx('RE-1', 10000, { currency: 'USD' }));
    expect(r).toMatchObject({ status: 'review', matches: [{ amountCheck: 'differs' }] });
    expect(r.reason).toContain('currency differs');
  });
  it('one transfer paying several invoices whose numbers all appear: sum check → auto, all marked sum', () => {
    const r = matcher(items).match(tx('Rechnungen RE-1, RE-2 und RE-3', 60000));
    expect(r.status).toBe('auto');
    expect(r.matches.map((x) => [x.number, x.amountCheck, x.method])).toEqual([['RE-1', 'sum', 'exact'], ['RE-2', 'sum', 'exact'], ['RE-3', 'sum', 'exact']]);
    expect(r.reason).toBe('RE-1, RE-2, RE-3 found in purpose; amount equals their sum');
  });
  it('several numbers, amount equal to one of them only → that one (the amount decides)', () => {
    expect(matcher(items).match(tx('RE-1 RE-2', 20000))).toMatchObject({ status: 'auto', matches: [{ number: 'RE-2', amountCheck: 'equal' }] });
  });
  it('several numbers: where the amount picks one, it must be equal — within tolerance of one is a review', () => {
    const r = matcher(items, { settings: { amountTolerancePercent: 3 } }).match(tx('RE-1 RE-2', 19600));
    expect(r.status).toBe('review');
    expect(r.matches.map((x) => [x.number, x.amountCheck])).toEqual([['RE-1', 'differs'], ['RE-2', 'within-tolerance']]);
  });
  it('several numbers, amount fits none nor the sum → review with all', () => {
    const r = matcher(items).match(tx('RE-1 RE-2', 12345));
    expect(r.status).toBe('review');
    expect(r.matches.map((x) => x.number)).toEqual(['RE-1', 'RE-2']);
    expect(r.reason).toBe('RE-1, RE-2 found in purpose; amount (123.45 EUR) equal to none of them and not their sum');
  });
  it('amount alone: the only open invoice of that amount is proposed for review, never booked', () => {
    const r = matcher(items).match(tx('Zahlung', 30000));
    expect(r).toEqual({
      fingerprint: 'fp',
      status: 'review',
      matches: [{ number: 'RE-3', kind: 'invoice', caseId: null, contactId: null, method: 'amount', score: 0, amountCheck: 'equal' }],
      reason: 'no number, case or known IBAN; RE-3 is the only open invoice of 300.00 EUR: amount alone is not enough',
    });
  });
  it('nothing at all → none, with a reason', () => {
    expect(matcher(items).match(tx('Miete', 12345))).toEqual({
      fingerprint: 'fp',
      status: 'none',
      matches: [],
      reason: 'no open invoice number, active case number, known IBAN or equal amount found',
    });
  });
});

describe('rule 2: case (file) number in the purpose, active cases only', () => {
  const cases: Case[] = [
    { id: '00012/25', contactIds: ['c1'], status: 'active' },
    { id: '00099/24', contactIds: ['c1'], status: 'archived' },
  ];
  const items = [invoice('RE-7', 25000, { caseId: '00012/25', contactId: 'c1' }), invoice('RE-8', 40000, { caseId: '00012/25', contactId: 'c1' })];
  for (const purpose of ['Az 00012/25', 'AZ 00012-25', 'Ihr Zeichen 0001225', 'Akte 00012 25']) {
    it(`"${purpose}" finds case 00012/25; the amount picks its open invoice → auto`, () => {
      const r = matcher(items, { cases }).match(tx(purpose, 40000));
      expect(r).toMatchObject({ status: 'auto', matches: [{ number: 'RE-8', caseId: '00012/25', method: 'case', score: 1 }] });
    });
  }
  it('amount fits no invoice of the case → the case is proposed for review', () => {
    const r = matcher(items, { cases }).match(tx('Az 00012/25', 1000));
    expect(r).toEqual({
      fingerprint: 'fp',
      status: 'review',
      matches: [{ number: null, caseId: '00012/25', contactId: 'c1', method: 'case', score: 1 }],
      reason: 'case 00012/25 found in purpose; no single open invoice of the case has the amount (10.00 EUR)',
    });
  });
  it('the amount picks the case\'s invoice only when equal: within tolerance → the case is proposed', () => {
    const r = matcher(items, { cases, settings: { amountTolerancePercent: 3 } }).match(tx('Az 00012/25', 39500));
    expect(r).toMatchObject({ status: 'review', matches: [{ number: null, caseId: '00012/25', method: 'case' }] });
  });
  it('an archived case is never found', () => {
    expect(matcher(items, { cases }).match(tx('Az 00099/24', 1000)).status).toBe('none');
  });
  it('a case number is only compared exactly: 00012/26 is not 00012/25', () => {
    expect(matcher(items, { cases }).match(tx('Az 00012/26', 1000)).status).toBe('none');
  });
});

describe('rule 3: counterparty IBAN against the contacts', () => {
  const contacts: Contact[] = [
    { id: 'c1', name: 'Müller GmbH', ibans: ['de89 3704 0044 0532 0130 00'] },
    { id: 'c2', name: 'Schmidt', ibans: [IBAN_SCHMIDT, 'DE00 0000 0000 0000 0000 00'] },
    { id: 'c3', name: 'Weber', ibans: [IBAN_WEBER] },
  ];
  const cases: Case[] = [
    { id: 'A-1', contactIds: ['c1'], status: 'active' },
    { id: 'A-2', contactIds: ['c1'], status: 'archived' },
    { id: 'B-1', contactIds: ['c2'], status: 'active' },
    { id: 'B-2', contactIds: ['c2', 'c3'], status: 'active' },
  ];
  const items = [invoice('RE-50', 5000, { contactId: 'c1' }), invoice('RE-51', 7000, { contactId: 'c3' })];
  const m = matcher(items, { contacts, cases });
  it('contact in exactly one active case (the archived one does not count) → that case proposed', () => {
    const r = m.match(tx('Honorar', 1234, { counterpartyIban: IBAN_MUELLER }));
    expect(r).toEqual({
      fingerprint: 'fp',
      status: 'review',
      matches: [{ number: null, caseId: 'A-1', contactId: 'c1', method: 'iban', score: 1 }],
      reason: 'no number in purpose; counterparty IBAN belongs to Müller GmbH; none of their open invoices has the amount (12.34 EUR); their only active case A-1 proposed',
    });
  });
  it('contact in several active cases → no case chosen automatically', () => {
    const r = m.match(tx('Honorar', 1234, { counterpartyIban: IBAN_SCHMIDT }));
    expect(r).toMatchObject({ status: 'review', matches: [{ number: null, caseId: null, contactId: 'c2', method: 'iban' }] });
    expect(r.reason).toContain('2 active cases, none chosen automatically');
  });
  it('IBAN and the amount of that contact\'s only fitting open invoice → auto', () => {
    expect(m.match(tx('Danke', 5000, { counterpartyIban: IBAN_MUELLER }))).toMatchObject({ status: 'auto', matches: [{ number: 'RE-50', method: 'iban', amountCheck: 'equal' }] });
  });
  it('IBAN and an amount only within tolerance → no automatic booking', () => {
    const m2 = matcher(items, { contacts, cases, settings: { amountTolerancePercent: 3 } });
    expect(m2.match(tx('Danke', 4900, { counterpartyIban: IBAN_MUELLER }))).toMatchObject({ status: 'review', matches: [{ number: null, caseId: 'A-1', method: 'iban' }] });
  });
  it('the IBAN keeps the amount from wandering to another contact\'s invoice', () => {
    const r = m.match(tx('Danke', 7000, { counterpartyIban: IBAN_MUELLER }));
    expect(r.matches.map((x) => x.number)).not.toContain('RE-51');
  });
  it('an unknown or invalid IBAN is no signal (invalid ones in the contact list are ignored)', () => {
    expect(m.match(tx('Danke', 1234, { counterpartyIban: 'DE00000000000000000000' }))).toMatchObject({ status: 'none' });
    expect(m.match(tx('Danke', 1234, { counterpartyIban: 'DE00000000000000000000' })).reason).toContain('counterparty IBAN invalid');
  });
});

describe('results', () => {
  it('matchAll keeps the input order and carries each fingerprint', () => {
    const input = { items: [invoice('RE-1', 100)], contacts: [], cases: [] };
    const rs = matchAll([tx('x', 5, { fingerprint: 'a' }), tx('RE-1', 100, { fingerprint: 'b' }), tx('y', 0, { fingerprint: 'c' })], input);
    expect(rs.map((r) => [r.fingerprint, r.status])).toEqual([['a', 'none'], ['b', 'auto'], ['c', 'none']]);
  });
  it('long candidate lists are cut to 10 and the reason says how many there were', () => {
    const items = Array.from({ length: 14 }, (_, i) => invoice(`X-${i}`, 5000));
    const r = matcher(items).match(tx('Zahlung', 5000));
    expect(r.matches).toHaveLength(10);
    expect(r.reason).toContain('14 open invoices of 50.00 EUR (first 10 of 14 listed)');
  });
});

describe('settings', () => {
  it('defaults: fuzzy threshold 0.90', () => {
    expect(defaultMatchSettings.fuzzyThreshold).toBe(0.9);
    expect(resolveSettings(undefined)).toEqual(defaultMatchSettings);
    expect(resolveSettings({ amountTolerancePercent: 2 })).toEqual({ ...defaultMatchSettings, amountTolerancePercent: 2 });
  });
  it('the schema rejects settings out of range, naming the field', () => {
    expect(z.safeParse(matchSettingsSchema, { fuzzyThreshold: 0.5 }).success).toBe(false);
    expect(() => resolveSettings({ amountToleranceMinor: 1.5 })).toThrow(/^match settings: amountToleranceMinor: /);
    expect(() => createMatcher({ items: [], contacts: [], cases: [], settings: { fuzzyThreshold: 2 } })).toThrow(/fuzzyThreshold/);
  });
});

describe('the matching core without platform globals', () => {
  it('bundles and matches in an empty context (as in Apps Script: no Node, no browser)', async () => {
    const context = await coreInBareContext("export { matchAll, createNumberFinder, createIbanLookup } from './src/core/matching';");
    const input = JSON.stringify({ items: [invoice('RE-2024-0815', 11900)], contacts: [{ id: 'c', name: 'M', ibans: [IBAN_MUELLER] }], cases: [] });
    const out = vm.runInContext(
      `JSON.stringify([core.matchAll([${JSON.stringify(tx('re 2024 0815', 11900))}], ${input})[0].status,
        core.createNumberFinder(['RE-2024-0815']).find('RE 2024 0851').method,
        core.createIbanLookup(['${IBAN_MUELLER}'], ['M']).find('${IBAN_MUELLER}').status])`,
      context,
    ) as string;
    expect(JSON.parse(out)).toEqual(['auto', 'fuzzy', 'found']);
  });
});
