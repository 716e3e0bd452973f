/**
 * The indexed engine must give exactly the answers of the plain all-pairs search (naive.ts) — on random data made to
 * be hard: dense numbers one digit apart, a small alphabet, typos of every kind, numbers glued to letters and digits,
 * separators anywhere, non-ASCII letters, and thresholds and margins other than the defaults.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../bench/seeded-random';
import { createMatcher } from '../../src/core/matching';
import { createNaiveMatcher, createNaiveSearcher } from '../../src/core/matching/naive';
import { createNumberIndex } from '../../src/core/matching/number-index';
import { normaliseReference, prepareReferenceText } from '../../src/core/matching/reference';
import type { MatchTransaction, OpenItem } from '../../src/core/matching/types';

function generator(seed: number) {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const number = (): string => {
    const digits = Array.from({ length: 2 + int(8) }, () => pick(['1', '2', '3', '0', String(int(10))])).join('');
    const prefix = pick(['R', 'RE', 'R2', '', 'ZA', 'Ä', 'RE2024']);
    const sep = pick(['', '-', ' ', '/', '.']);
    return prefix + sep + digits + (random() < 0.1 ? pick(['A', 'b', '-1']) : '');
  };
  const edit = (s: string): string => {
    const chars = [...s];
    const i = int(chars.length);
    switch (int(5)) {
      case 0: chars[i] = pick(['1', '2', '3', 'X', 'E']); break;
      case 1: if (i + 1 < chars.length) [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!]; break;
      case 2: chars.splice(i, 1); break;
      case 3: chars.splice(i, 0, pick(['1', '2', ' ', '-'])); break;
      default: break;
    }
    return chars.join('');
  };
  const purpose = (numbers: readonly string[]): string => {
    const parts: string[] = [];
    for (let k = 1 + int(4); k > 0; k--) {
      const r = random();
      if (r < 0.5) {
        let n = pick(numbers);
        for (let e = int(3); e > 0; e--) n = edit(n);
        if (random() < 0.3) n = n.toLowerCase();
        if (random() < 0.2) n = n.replace(/(\d)/, '$1 ');
        parts.push(random() < 0.15 ? pick(['X', '7', 'ab']) + n : n, random() < 0.15 ? pick(['0', 'Z']) : '');
      } else {
        parts.push(pick(['Rechnung', 'vom 12.03.2024', 'Kd 4711', 'ß', 'Grüße', '#', ':', '2024', 'R2', '1', 'Danke', 'SVWZ+']));
      }
      parts.push(pick([' ', ' ', ', ', '-', '/', '']));
    }
    return parts.join('');
  };
  return { random, int, pick, number, purpose };
}

describe('indexed number search = all-pairs search', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`seed ${seed}: same exact and fuzzy hits, same scores, same windows`, () => {
      const g = generator(seed);
      const numbers = [...new Set(Array.from({ length: 150 + g.int(150) }, g.number).map(normaliseReference))].filter((k) => k !== '');
      const options = { fuzzy: true, threshold: 0.8 + g.random() * 0.15, margin: g.pick([0, 0.01, 0.02, 0.05, 0.1]) };
      const index = createNumberIndex(numbers, options);
      const naive = createNaiveSearcher(numbers, options);
      let exactSeen = 0;
      let fuzzySeen = 0;
      for (let t = 0; t < 400; t++) {
        const text = prepareReferenceText(g.purpose(numbers));
        const want = naive.search(text);
        expect(index.search(text), text.text).toEqual(want);
        if (want.exact.length > 0) exactSeen++;
        if (want.fuzzy.length > 0) fuzzySeen++;
      }
      // The data must exercise both paths, or the comparison proves little.
      expect(exactSeen).toBeGreaterThan(40);
      expect(fuzzySeen).toBeGreaterThan(40);
    });
  }
});

describe('matcher with index = matcher with all-pairs search', () => {
  for (const seed of [11, 12, 13, 14]) {
    it(`seed ${seed}: identical results for 300 transactions`, () => {
      const g = generator(seed);
      const contacts = Array.from({ length: 20 }, (_, c) => ({ id: `K${c}`, name: `Kontakt ${c}`, ibans: [['DE89370400440532013000', 'DE02120300000000202051', 'DE75512108001245126199', 'GB82WEST12345698765432'][c % 4]!] }));
      const cases = Array.from({ length: 15 }, (_, c) => ({ id: `${String(c).padStart(5, '0')}/2${c % 3}`, contactIds: [`K${c}`], status: g.random() < 0.8 ? ('active' as const) : ('archived' as const) }));
      const items: OpenItem[] = Array.from({ length: 150 }, () => ({
        number: g.number(),
        kind: g.random() < 0.7 ? 'invoice' : 'payment',
        amountMinor: g.pick([1000, 2000, 5000, 11900, 100 + g.int(50000)]),
        currency: g.random() < 0.95 ? 'EUR' : 'USD',
        contactId: g.random() < 0.9 ? `K${g.int(20)}` : null,
        caseId: g.random() < 0.5 ? cases[g.int(15)]!.id : null,
        status: g.pick(['open', 'open', 'pending', 'paid', 'Open ']),
      }));
      const settings = { amountTolerancePercent: g.pick([0, 2, 3]), amountToleranceMinor: g.pick([0, 100]), allowPartialPayments: g.random() < 0.5 };
      const input = { items, contacts, cases, settings };
      const numbers = items.map((i) => i.number).concat(cases.map((c) => c.id));
      const transactions: MatchTransaction[] = Array.from({ length: 300 }, (_, t) => ({
        fingerprint: `t${t}`,
        amountMinor: (g.random() < 0.7 ? 1 : -1) * g.pick([1000, 2000, 3000, 5000, 11900, 11662, 100 + g.int(50000)]),
        currency: g.random() < 0.95 ? 'EUR' : 'USD',
        purpose: g.purpose(numbers),
        counterpartyIban: g.random() < 0.5 ? contacts[g.int(20)]!.ibans[0]! : g.pick([null, 'DE00 1234', '']),
        counterpartyName: 'X',
      }));
      const engine = createMatcher(input);
      const naive = createNaiveMatcher(input);
      const statuses = new Set<string>();
      const methods = new Set<string>();
      for (const t of transactions) {
        const got = engine.match(t);
        expect(got, t.purpose).toEqual(naive.match(t));
        statuses.add(got.status);
        for (const m of got.matches) methods.add(m.method);
      }
      expect([...statuses].sort()).toEqual(['auto', 'none', 'review']);
      expect(methods.size).toBeGreaterThanOrEqual(4);
    });
  }
});
