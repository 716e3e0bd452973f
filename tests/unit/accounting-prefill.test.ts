/**
 * Pre-filling bookings: rules first, then the learned supplier/customer; the user's values are never overwritten, the
 * machine's are refreshed; and auto-fill over 10,000 bookings with 50 rules in one plan of changed rows.
 */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { coreInBareContext } from '../helpers/bare-core';
import { emptyAccountingData, type AccountingData, type Prefilled } from '../../src/core/accounting/fields';
import { assignmentsFrom } from '../../src/core/accounting/learning';
import { planAutoFill, prefillBooking, proposeAccounting, type AccountingProposal, type AutoFillBooking } from '../../src/core/accounting/prefill';
import { compileRules, type Rule, type RuleConditions, type RuleTransaction, noConditions } from '../../src/core/accounting/rules';
import { taxOfGross } from '../../src/core/accounting/tax';

const OUR_IBAN = 'DE89370400440532013000';
const TELEKOM_IBAN = 'DE02120300000000202051';
const LANDLORD_IBAN = 'DE02500105170137075030';
const CLIENT_IBAN = 'DE12500105170648489890';


function rule(id: string, name: string, conditions: Partial<RuleConditions>, actions: Partial<AccountingData>): Rule {
  return { id, name, active: true, conditions: { ...noConditions(), ...conditions }, actions, origin: '' };
}

function compiled(rules: Rule[]) {
  const result = compileRules(rules);
  expect(result.problems).toEqual([]);
  return result.rules;
}

const data = (values: Partial<AccountingData>): AccountingData => ({ ...emptyAccountingData(), ...values });
const byRule = (value: string, ruleId: string, ruleName: string) => ({ value, source: { kind: 'rule' as const, ruleId, ruleName } });

/** The rules of a small firm: 45 for other suppliers and contracts that these transactions never meet, then the five that matter. */
function firmRules(telekomAccount = '4920'): Rule[] {
  const others = Array.from({ length: 45 }, (_, i) =>
    i % 3 === 0
      ? rule(`R${i + 1}`, `Vertrag ${i + 1}`, { purposePattern: `\\bvertrag v-${i + 1}\\b` }, { glAccount: '4980', taxRate: '19' })
      : rule(`R${i + 1}`, `Lieferant ${i + 1}`, { counterpartyEquals: `Lieferant ${i + 1} GmbH` }, { glAccount: '3400', taxRate: '7', partner: `Lieferant ${i + 1}` }),
  );
  return [
    ...others,
    rule('R46', 'Card Vertrieb', { cardOrAccount: '*4711' }, { costCentre: 'Vertrieb' }),
    rule('R47', 'Telekom', { iban: TELEKOM_IBAN }, { glAccount: telekomAccount, taxRate: '19', partner: 'Telekom Deutschland GmbH' }),
    rule('R48', 'Rent', { purposePattern: '^miete \\d{2}/\\d{4}' }, { glAccount: '4210', taxRate: '19' }),
    rule('R49', 'Office supplies', { counterpartyContains: 'bürobedarf' }, { glAccount: '4930', taxRate: '19' }),
    rule('R50', 'Revenue', { direction: 'in', amountFromMinor: 1 }, { glAccount: '8400', taxRate: '19' }),
  ];
}

const telekom: RuleTransaction = { counterpartyName: 'Telekom Deutschland GmbH', counterpartyIban: TELEKOM_IBAN, purpose: 'Rechnung 08/2025', amountMinor: -5995, account: OUR_IBAN };
const client: RuleTransaction = { counterpartyName: 'Kanzlei Weber & Partner', counterpartyIban: CLIENT_IBAN, purpose: 'RE-2025-0138', amountMinor: 416500, account: OUR_IBAN };

describe('proposeAccounting', () => {
  it('rules first, then the learned supplier/customer where no rule sets one', () => {
    const history = assignmentsFrom(
      [{ row: 2, id: 'B-00017', amountMinor: 416500, transaction: 'fp-1', exportedTo: 'lexoffice', data: data({ glAccount: '8400', partner: 'Weber & Partner mbB' }), prefilled: {}, taxAmountMinor: null }],
      new Map([['fp-1', client]]),
    );
    const rules = compiled(firmRules());
    expect(proposeAccounting(client, rules, history)).toEqual({
      values: { glAccount: '8400', taxRate: '19', partner: 'Weber & Partner mbB' },
      prefilled: {
        glAccount: byRule('8400', 'R50', 'Revenue'),
        taxRate: byRule('19', 'R50', 'Revenue'),
        partner: { value: 'Weber & Partner mbB', source: { kind: 'learned', from: 'B-00017' } },
      },
    });
  });

  it('a rule that sets the supplier wins over learning', () => {
    const history = assignmentsFrom(
      [{ row: 2, id: 'B-00018', amountMinor: -5995, transaction: 'fp-2', exportedTo: '', data: data({ partner: 'Telekom' }), prefilled: {}, taxAmountMinor: null }],
      new Map([['fp-2', telekom]]),
    );
    expect(proposeAccounting(telekom, compiled(firmRules()), history).prefilled.partner).toEqual(byRule('Telekom Deutschland GmbH', 'R47', 'Telekom'));
    expect(proposeAccounting(telekom, [], history).prefilled.partner).toEqual({ value: 'Telekom', source: { kind: 'learned', from: 'B-00018' } });
  });
});

describe('prefillBooking', () => {
  const proposal: AccountingProposal = {
    values: { glAccount: '4920', taxRate: '19', partner: 'Telekom Deutschland GmbH' },
    prefilled: { glAccount: byRule('4920', 'R47', 'Telekom'), taxRate: byRule('19', 'R47', 'Telekom'), partner: byRule('Telekom Deutschland GmbH', 'R47', 'Telekom') },
  };

  it('fills empty fields and marks them', () => {
    const result = prefillBooking(data({ comment: 'Juli' }), {}, proposal);
    expect(result).toEqual({ data: data({ glAccount: '4920', taxRate: '19', partner: 'Telekom Deutschland GmbH', comment: 'Juli' }), prefilled: proposal.prefilled, changed: ['glAccount', 'taxRate', 'partner'] });
  });

  it("never overwrites the user's value, also one typed over a machine value (whose marker is dropped)", () => {
    const marker: Prefilled = { glAccount: byRule('4920', 'R47', 'Telekom') };
    const result = prefillBooking(data({ glAccount: '4925', taxRate: '19' }), marker, proposal);
    expect(result.data).toEqual(data({ glAccount: '4925', taxRate: '19', partner: 'Telekom Deutschland GmbH' }));
    expect(result.prefilled).toEqual({ partner: proposal.prefilled.partner });
    expect(result.changed).toEqual(['partner']);
  });

  it("refreshes a field still holding the machine's value when the rule now says otherwise", () => {
    const marker: Prefilled = { glAccount: byRule('4900', 'R47', 'Telekom (old)'), taxRate: byRule('19', 'R47', 'Telekom (old)') };
    const result = prefillBooking(data({ glAccount: '4900', taxRate: '19' }), marker, proposal);
    expect(result.data.glAccount).toBe('4920');
    expect(result.prefilled.glAccount).toEqual(byRule('4920', 'R47', 'Telekom'));
    expect(result.prefilled.taxRate).toEqual(byRule('19', 'R47', 'Telekom')); // same value, the reason updated
    expect(result.changed).toEqual(['glAccount', 'partner']);
  });

  it('keeps a machine value (with its marker) that the proposal no longer gives', () => {
    const marker: Prefilled = { costCentre: byRule('Vertrieb', 'R46', 'Card Vertrieb'), partner: { value: 'Telekom', source: { kind: 'learned', from: 'B-00003' } } };
    const result = prefillBooking(data({ costCentre: 'Vertrieb', partner: 'Telekom' }), marker, { values: {}, prefilled: {} });
    expect(result).toEqual({ data: data({ costCentre: 'Vertrieb', partner: 'Telekom' }), prefilled: marker, changed: [] });
  });

  it('writes nothing the proposal cannot give a reason for', () => {
    const result = prefillBooking(data({}), {}, { values: { glAccount: '4920' }, prefilled: {} });
    expect(result).toEqual({ data: data({}), prefilled: {}, changed: [] });
  });
});

describe('planAutoFill', () => {
  const N = 10_000;
  type Kind = 'telekom' | 'rent' | 'supplies' | 'client' | 'private';
  const kinds: Kind[] = ['telekom', 'rent', 'supplies', 'client', 'private'];

  function transactionOf(kind: Kind, i: number): RuleTransaction {
    const month = String((i % 12) + 1).padStart(2, '0');
    switch (kind) {
      case 'telekom':
        return { ...telekom, purpose: `Rechnung ${month}/2025 Kundenkonto 4711`, amountMinor: -5995 - (i % 7) * 100 };
      case 'rent':
        return { counterpartyName: 'Hausverwaltung Müller GmbH', counterpartyIban: LANDLORD_IBAN, purpose: `Miete ${month}/2025 Büro Hauptstr. 5`, amountMinor: -150000, account: OUR_IBAN };
      case 'supplies':
        return { counterpartyName: 'Bürobedarf Schmidt', counterpartyIban: null, purpose: `Kartenzahlung ${i}`, amountMinor: -(1000 + (i % 50) * 37), account: '4111 **** **** 4711' };
      case 'client':
        return { ...client, purpose: `RE-2025-${String(i).padStart(5, '0')}`, amountMinor: 100000 + i };
      case 'private':
        return { counterpartyName: `Erika Mustermann ${i % 3}`, counterpartyIban: null, purpose: 'Auslagen', amountMinor: -(500 + i), account: OUR_IBAN };
    }
  }

  /**
   * 10,000 bookings, one per transaction. By i: the kind (5 kinds), and its state (10 states, independent of the kind):
   * 0 exported to lexoffice, 1 a GL account and supplier/customer the user typed, 2 a GL account a rule filled before (4900, rule
   * R47 "Telekom (old)"), else empty.
   */
  function books() {
    const transactions = new Map<string, RuleTransaction>();
    const bookings: AutoFillBooking[] = [];
    for (let i = 0; i < N; i++) {
      const kind = kinds[i % 5]!;
      const state = Math.floor(i / 5) % 10;
      const key = `fp-${i}`;
      const t = transactionOf(kind, i);
      transactions.set(key, t);
      let values: Partial<AccountingData> = {};
      let prefilled: Prefilled = {};
      if (state === 0) values = { glAccount: '1590' };
      if (state === 1) values = { glAccount: '4900', partner: kind !== 'client' ? t.counterpartyName.toUpperCase() : i < N / 2 ? 'Weber & Partner' : 'Kanzlei Weber & Partner mbB' };
      if (state === 2) {
        values = { glAccount: '4900' };
        prefilled = { glAccount: byRule('4900', 'R47', 'Telekom (old)') };
      }
      bookings.push({ row: i + 2, id: `B-${String(i + 1).padStart(5, '0')}`, amountMinor: t.amountMinor, transaction: key, exportedTo: state === 0 ? 'lexoffice' : '', data: data(values), prefilled, taxAmountMinor: null });
    }
    return { transactions, bookings };
  }

  const apply = (bookings: AutoFillBooking[], changes: ReturnType<typeof planAutoFill>['changes']): AutoFillBooking[] => {
    const byRow = new Map(changes.map((c) => [c.row, c]));
    return bookings.map((b) => {
      const c = byRow.get(b.row);
      return c === undefined ? b : { ...b, data: c.data, prefilled: c.prefilled, taxAmountMinor: c.taxAmountMinor };
    });
  };

  it('fills 10,000 bookings with 50 rules: counts, exported left alone, user values kept, machine values refreshed', () => {
    const { transactions, bookings } = books();
    const rules = compiled(firmRules());
    expect(rules).toHaveLength(50);
    const plan = planAutoFill(bookings, transactions, rules);

    const exported = bookings.filter((b) => b.exportedTo !== '');
    expect(exported).toHaveLength(N / 10);
    expect(plan.exportedLeftAlone).toBe(exported.length);
    expect(plan.considered).toBe(N - exported.length);
    const changeOf = new Map(plan.changes.map((c) => [c.id, c]));
    for (const b of exported) expect(changeOf.has(b.id)).toBe(false);
    expect(plan.fieldsFilled).toBe(plan.changes.reduce((sum, c) => sum + c.changedFields.length, 0));

    // The latest user-chosen supplier of the client (no dates: the later booking).
    const lastClientChoice = [...bookings].reverse().find((b) => b.exportedTo === '' && transactions.get(b.transaction)!.counterpartyIban === CLIENT_IBAN && b.data.partner !== '')!;
    expect(lastClientChoice.data.partner).toBe('Kanzlei Weber & Partner mbB');

    for (const b of bookings) {
      if (b.exportedTo !== '') continue;
      const i = b.row - 2;
      const kind = kinds[i % 5]!;
      const state = Math.floor(i / 5) % 10;
      const change = changeOf.get(b.id);
      const after = change?.data ?? b.data;
      const marker = change?.prefilled ?? b.prefilled;
      const expectedGl = { telekom: '4920', rent: '4210', supplies: '4930', client: '8400', private: '' }[kind];
      if (state === 1) {
        expect(after.glAccount).toBe('4900'); // the user's, whatever the rules say
        expect(marker.glAccount).toBeUndefined();
      } else if (state === 2 && kind === 'private') {
        expect(after.glAccount).toBe('4900'); // no rule gives it any more: kept, still marked
        expect(marker.glAccount).toEqual(byRule('4900', 'R47', 'Telekom (old)'));
      } else {
        expect(after.glAccount).toBe(expectedGl);
      }
      if (kind === 'private') {
        expect(after.taxRate).toBe('');
        expect(change?.taxAmountMinor ?? b.taxAmountMinor).toBeNull();
      } else {
        expect(after.taxRate).toBe('19');
        expect(change?.taxAmountMinor).toBe(taxOfGross(b.amountMinor, 1900));
      }
      expect(after.costCentre).toBe(kind === 'supplies' ? 'Vertrieb' : '');
      if (kind === 'telekom') expect(after.partner).toBe(state === 1 ? b.data.partner : 'Telekom Deutschland GmbH');
      if (kind === 'private' && state !== 1) {
        // No rule knows private persons: the supplier/customer is learned from the user's latest choice for that name.
        const name = transactions.get(b.transaction)!.counterpartyName;
        expect(after.partner).toBe(name.toUpperCase());
        expect(marker.partner?.source.kind).toBe('learned');
      }
      if (kind === 'client' && state !== 1) {
        expect(after.partner).toBe('Kanzlei Weber & Partner mbB');
        expect(marker.partner).toEqual({ value: 'Kanzlei Weber & Partner mbB', source: { kind: 'learned', from: lastClientChoice.id } });
      }
    }
    // Every considered booking changes (a field or the tax amount at least) but the private ones the user filled in.
    const untouched = bookings.filter((b, i) => kinds[i % 5] === 'private' && Math.floor(i / 5) % 10 === 1);
    expect(plan.changes).toHaveLength(plan.considered - untouched.length);
  });

  it('a second run changes nothing; a changed rule refreshes only the machine values', () => {
    const { transactions, bookings } = books();
    const first = planAutoFill(bookings, transactions, compiled(firmRules()));
    const filled = apply(bookings, first.changes);
    const again = planAutoFill(filled, transactions, compiled(firmRules()));
    expect(again.changes).toEqual([]);
    expect(again.fieldsFilled).toBe(0);

    // Telekom is now booked to 4925 (Telefon Mobilfunk).
    const changed = planAutoFill(filled, transactions, compiled(firmRules('4925')));
    const telekomBookings = filled.filter((b, i) => b.exportedTo === '' && kinds[i % 5] === 'telekom');
    const userChosen = telekomBookings.filter((b) => b.prefilled.glAccount === undefined);
    expect(userChosen.length).toBeGreaterThan(0);
    expect(changed.changes.map((c) => c.id).sort()).toEqual(telekomBookings.filter((b) => b.prefilled.glAccount !== undefined).map((b) => b.id).sort());
    for (const c of changed.changes) {
      expect(c.changedFields).toEqual(['glAccount']);
      expect(c.data.glAccount).toBe('4925');
      expect(c.prefilled.glAccount).toEqual(byRule('4925', 'R47', 'Telekom'));
    }
    expect(changed.fieldsFilled).toBe(changed.changes.length);
  });

  it('split parts: each part keeps its own values and gets its own tax amount', () => {
    const transactions = new Map([['fp-split', { counterpartyName: 'Bürobedarf Schmidt', counterpartyIban: null, purpose: 'Sammelrechnung', amountMinor: -10000, account: OUR_IBAN }]]);
    const part = (row: number, amountMinor: number, values: Partial<AccountingData>): AutoFillBooking => ({ row, id: `B-0000${row}`, amountMinor, transaction: 'fp-split', exportedTo: '', data: data(values), prefilled: {}, taxAmountMinor: null });
    const plan = planAutoFill([part(2, -3333, {}), part(3, -3333, { glAccount: '4980', taxRate: '7' }), part(4, -3334, { costObject: 'P-2025-01' })], transactions, compiled(firmRules()));
    expect(plan.changes.map((c) => [c.id, c.data.glAccount, c.data.taxRate, c.data.costObject, c.taxAmountMinor])).toEqual([
      ['B-00002', '4930', '19', '', -532],
      ['B-00003', '4980', '7', '', -218], // 33.33 @ 7 % → 2.1805… → 2.18
      ['B-00004', '4930', '19', 'P-2025-01', -532],
    ]);
  });

  it('a tax amount out of date is corrected even when no field changes', () => {
    const transactions = new Map([['fp-1', telekom]]);
    const b: AutoFillBooking = { row: 2, id: 'B-00001', amountMinor: -5995, transaction: 'fp-1', exportedTo: '', data: data({ glAccount: '4920', taxRate: '7' }), prefilled: {}, taxAmountMinor: -957 };
    const plan = planAutoFill([b], transactions, []);
    expect(plan.changes).toEqual([{ row: 2, id: 'B-00001', data: b.data, prefilled: {}, taxAmountMinor: -392, changedFields: [] }]);
    expect(plan.fieldsFilled).toBe(0);
  });
});

describe('in a context without platform globals (Apps Script V8)', () => {
  it('compiles rules with a pattern, plans auto-fill and computes the tax', async () => {
    const context = await coreInBareContext(`export * from './src/core/accounting/index';`);
    context.input = JSON.stringify({ rules: firmRules(), telekom });
    const result = JSON.parse(
      vm.runInContext(
        `(function () {
          var given = JSON.parse(input);
          var rules = core.compileRules(given.rules).rules;
          var transactions = new Map([['fp-1', given.telekom], ['fp-2', Object.assign({}, given.telekom, { counterpartyIban: null, counterpartyName: 'Hausverwaltung Müller GmbH', purpose: 'MIETE 09/2025' })]]);
          var empty = core.emptyAccountingData();
          var plan = core.planAutoFill([
            { row: 2, id: 'B-00001', amountMinor: -5995, transaction: 'fp-1', exportedTo: '', data: empty, prefilled: {}, taxAmountMinor: null },
            { row: 3, id: 'B-00002', amountMinor: -150000, transaction: 'fp-2', exportedTo: '', data: empty, prefilled: {}, taxAmountMinor: null },
          ], transactions, rules);
          return JSON.stringify(plan.changes.map(function (c) { return [c.data.glAccount, c.taxAmountMinor, core.formatPrefilled(c.prefilled).split('\\n')[0]]; }));
        })()`,
        context,
      ) as string,
    );
    expect(result).toEqual([
      ['4920', -957, 'GL account = 4920 ← rule R47 "Telekom"'],
      ['4210', -23950, 'GL account = 4210 ← rule R48 "Rent"'],
    ]);
  });
});
