/**
 * `npm run bench -- prefill`: "Fill from rules" over 10,000 bookings with 50 rules (half of them with a purpose
 * pattern), as the server plans it (`planAutoFill`: rules compiled once, history indexed once), against two baselines
 * measured in the same run:
 * - the same rules applied with native RegExp instead of Kontomatch's linear-time matcher (what the safety costs);
 * - a naive plan that rebuilds the learning history for every booking (what the indexing saves), on a sample.
 * Each is run once to warm up, then three times; the median counts. No thresholds: the numbers are for reading.
 */
import { performance } from 'node:perf_hooks';
import { emptyAccountingData } from '../src/core/accounting/fields';
import { assignmentsFrom } from '../src/core/accounting/learning';
import { planAutoFill, proposeAccounting, type AutoFillBooking } from '../src/core/accounting/prefill';
import { compileRules, type Rule, type RuleTransaction } from '../src/core/accounting/rules';
import { seededRandom } from './seeded-random';

const BOOKINGS = 10_000;
const RULES = 50;

const NAMES = ['Telekom Deutschland GmbH', 'Hausverwaltung Sommer', 'Papier Paul', 'Amazon EU S.a.r.l.', 'DB Vertrieb GmbH', 'Adobe Systems', 'Vodafone GmbH', 'Allianz Versicherungs-AG'];
const WORDS = ['Rechnung', 'Miete', 'Beitrag', 'Abo', 'Lastschrift', 'Kartenzahlung', 'Gutschrift', 'Ticket', 'Lizenz', 'Porto'];

function data(seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const transactions = new Map<string, RuleTransaction>();
  const bookings: AutoFillBooking[] = [];
  for (let i = 0; i < BOOKINGS; i++) {
    const key = `fp-${i}`;
    const purpose = `${pick(WORDS)} ${Math.floor(random() * 1e6)} ${pick(WORDS)} Kundennr ${Math.floor(random() * 1e4)} ${'x'.repeat(Math.floor(random() * 60))}`;
    transactions.set(key, { counterpartyName: pick(NAMES), counterpartyIban: null, purpose, amountMinor: -Math.floor(random() * 200_000) - 1, account: i % 5 === 0 ? '4871000000004711' : 'DE89370400440532013000' });
    const data = emptyAccountingData();
    if (i % 7 === 0) data.glAccount = '4999';
    bookings.push({ row: i + 2, id: `B-${i + 1}`, date: '2026-10-01', amountMinor: transactions.get(key)!.amountMinor, transaction: key, exportedTo: i % 10 === 0 ? 'DATEV' : '', data, prefilled: {}, taxAmountMinor: null });
  }
  const rules: Rule[] = Array.from({ length: RULES }, (_, i) => ({
    id: `R${i + 1}`,
    name: `Rule ${i + 1}`,
    active: true,
    conditions: {
      counterpartyEquals: '', counterpartyContains: i % 2 === 0 ? NAMES[i % NAMES.length]!.split(' ')[0]!.toLowerCase() : '', iban: '', purposeContains: '',
      purposePattern: i % 2 === 1 ? `${WORDS[i % WORDS.length]!.toLowerCase()}\\s+\\d{3,}.*kundennr\\s*\\d+` : '',
      amountFromMinor: null, amountToMinor: i % 3 === 0 ? 100_000 : null, direction: 'out', cardOrAccount: i === 0 ? '*4711' : '',
    },
    actions: { glAccount: String(4000 + i), taxRate: i % 4 === 0 ? '7' : '19', costCentre: i === 0 ? '100' : '' },
    origin: 'manual',
  }));
  for (const r of rules) if (r.actions.costCentre === '') delete r.actions.costCentre;
  return { transactions, bookings, rules };
}

function median(f: () => void): number {
  f();
  const times = [0, 1, 2].map(() => {
    const start = performance.now();
    f();
    return performance.now() - start;
  });
  return times.sort((a, b) => a - b)[1]!;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

export async function run(): Promise<void> {
  const { transactions, bookings, rules } = data(20261122);
  const compiled = compileRules(rules);
  if (compiled.problems.length > 0) throw new Error(compiled.problems[0]!.message);
  let changes = 0;
  const engine = median(() => {
    changes = planAutoFill(bookings, transactions, compiled.rules).changes.length;
  });
  console.log(`${BOOKINGS} bookings × ${RULES} rules: planAutoFill ${fmt(engine)} (${changes} bookings changed)`);

  // Baseline 1: the same conditions with native RegExp (backtracking; no protection from a pattern like (a+)+b).
  const native = rules.map((r) => ({ r, re: r.conditions.purposePattern === '' ? null : new RegExp(r.conditions.purposePattern, 'i') }));
  const nativeMs = median(() => {
    let hits = 0;
    for (const b of bookings) {
      const t = transactions.get(b.transaction)!;
      const name = t.counterpartyName.toLowerCase();
      for (const { r, re } of native) {
        const c = r.conditions;
        if (c.counterpartyContains !== '' && !name.includes(c.counterpartyContains)) continue;
        if (re !== null && !re.test(t.purpose.replace(/\s+/g, ' '))) continue;
        if (c.amountToMinor !== null && Math.abs(t.amountMinor) > c.amountToMinor) continue;
        hits++;
      }
    }
    if (hits < 0) throw new Error('unreachable');
  });
  console.log(`baseline, conditions only with native RegExp: ${fmt(nativeMs)} → planAutoFill takes ${(engine / nativeMs).toFixed(1)}× (it also learns, marks, computes tax)`);

  // Baseline 2: the history rebuilt per booking, on every 50th booking, extrapolated.
  const sample = bookings.filter((_, i) => i % 50 === 0);
  const naiveMs = median(() => {
    for (const b of sample) proposeAccounting(transactions.get(b.transaction)!, compiled.rules, assignmentsFrom(bookings, transactions));
  });
  const extrapolated = (naiveMs / sample.length) * bookings.length;
  console.log(`naive baseline, history rebuilt per booking: ${fmt(naiveMs)} for ${sample.length} → ${fmt(extrapolated)} extrapolated; planAutoFill is ${(extrapolated / engine).toFixed(0)}× faster`);
}
