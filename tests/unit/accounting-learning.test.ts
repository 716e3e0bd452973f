/**
 * Learning from the bookkeeper: rule proposals after the same values twice, and the supplier/customer learned from the
 * most recent booking of the same counterparty. Built from Bookings rows the way the server reads them (assignmentsFrom).
 */
import { describe, expect, it } from 'vitest';
import { emptyAccountingData, type AccountingData, type Prefilled } from '../../src/core/accounting/fields';
import { assignmentsFrom, learnedPartner, proposeRules } from '../../src/core/accounting/learning';
import type { AutoFillBooking } from '../../src/core/accounting/prefill';
import { compileRules, type Rule, type RuleTransaction } from '../../src/core/accounting/rules';

const OUR_IBAN = 'DE89370400440532013000';
const LANDLORD_IBAN = 'DE02500105170137075030';
const TELEKOM_IBAN = 'DE02120300000000202051';

const transactions = new Map<string, RuleTransaction>([
  ['fp-rent-07', { counterpartyName: 'Hausverwaltung Müller GmbH', counterpartyIban: LANDLORD_IBAN, purpose: 'Miete 07/2025', amountMinor: -150000, account: OUR_IBAN }],
  ['fp-rent-08', { counterpartyName: 'HAUSVERWALTUNG MUELLER', counterpartyIban: 'de02 5001 0517 0137 0750 30', purpose: 'Miete 08/2025', amountMinor: -150000, account: OUR_IBAN }],
  ['fp-rent-09', { counterpartyName: 'Hausverwaltung Müller GmbH', counterpartyIban: LANDLORD_IBAN, purpose: 'Miete 09/2025', amountMinor: -150000, account: OUR_IBAN }],
  ['fp-tel-07', { counterpartyName: 'Telekom Deutschland GmbH', counterpartyIban: TELEKOM_IBAN, purpose: 'Rechnung 07/2025', amountMinor: -5995, account: OUR_IBAN }],
  ['fp-tel-08', { counterpartyName: 'Telekom Deutschland GmbH', counterpartyIban: TELEKOM_IBAN, purpose: 'Rechnung 08/2025', amountMinor: -5995, account: OUR_IBAN }],
  ['fp-toner-1', { counterpartyName: 'Bürobedarf Schmidt', counterpartyIban: null, purpose: 'Toner', amountMinor: -8990, account: '4111********4711' }],
  ['fp-toner-2', { counterpartyName: '  bürobedarf   SCHMIDT ', counterpartyIban: null, purpose: 'Papier', amountMinor: -2380, account: '4111********4711' }],
  ['fp-split', { counterpartyName: 'Bürobedarf Schmidt', counterpartyIban: null, purpose: 'Sammelrechnung', amountMinor: -20000, account: OUR_IBAN }],
]);

let row = 1;
function booking(id: string, transaction: string, values: Partial<AccountingData>, extra: { prefilled?: Prefilled; date?: string; exportedTo?: string } = {}): AutoFillBooking {
  row++;
  const t = transactions.get(transaction);
  return {
    row,
    id,
    amountMinor: t?.amountMinor ?? 0,
    transaction,
    exportedTo: extra.exportedTo ?? '',
    data: { ...emptyAccountingData(), ...values },
    prefilled: extra.prefilled ?? {},
    taxAmountMinor: null,
    ...(extra.date === undefined ? {} : { date: extra.date }),
  };
}

const rentValues = { glAccount: '4210', taxRate: '19', partner: 'Hausverwaltung Müller' };
const byRule = (value: string, ruleId: string, ruleName: string) => ({ value, source: { kind: 'rule' as const, ruleId, ruleName } });

describe('assignmentsFrom', () => {
  it('separates the user\'s values from the machine\'s still in their cells', () => {
    const history = assignmentsFrom(
      [
        booking('B-00001', 'fp-tel-07', { glAccount: '4920', taxRate: '19', partner: 'Telekom', costCentre: 'Vertrieb' }, {
          prefilled: { glAccount: byRule('4920', 'R2', 'Telekom'), taxRate: byRule('19', 'R2', 'Telekom'), costCentre: byRule('Verwaltung', 'R1', 'Card') },
          date: '2025-07-03',
        }),
        booking('B-00002', 'fp-tel-08', {}),
        booking('B-00003', 'unknown-transaction', { glAccount: '4930' }),
      ],
      transactions,
    );
    expect(history).toHaveLength(1); // an empty booking and one without its transaction teach nothing
    expect(history[0]).toMatchObject({
      bookingId: 'B-00001',
      counterpartyName: 'Telekom Deutschland GmbH',
      counterpartyIban: TELEKOM_IBAN,
      date: '2025-07-03',
      userFields: ['partner', 'costCentre'], // the cost centre's marker says Verwaltung: the user changed it to Vertrieb
      ruleFields: ['glAccount', 'taxRate'],
      transaction: { key: 'fp-tel-07', parts: 1 },
    });
  });
});

describe('proposeRules', () => {
  it('two bookings of the same counterparty with the same values → a proposal', () => {
    const history = assignmentsFrom([booking('B-00010', 'fp-rent-07', rentValues), booking('B-00011', 'fp-rent-08', { ...rentValues, taxRate: '19 %' })], transactions);
    expect(proposeRules(history, [], new Set())).toEqual([
      {
        key: `iban:${LANDLORD_IBAN}|gl:4210|tax:19|partner:hausverwaltung müller`,
        counterpartyName: 'HAUSVERWALTUNG MUELLER',
        iban: LANDLORD_IBAN,
        actions: { glAccount: '4210', taxRate: '19', partner: 'Hausverwaltung Müller' },
        evidence: ['B-00010', 'B-00011'],
      },
    ]);
  });

  it('by name when there is no IBAN; no supplier in the proposal when the bookings disagree on it', () => {
    const history = assignmentsFrom(
      [booking('B-00020', 'fp-toner-1', { glAccount: '4930', taxRate: '19', partner: 'Schmidt' }), booking('B-00021', 'fp-toner-2', { glAccount: '4930', taxRate: '19', partner: 'Schmidt GmbH' })],
      transactions,
    );
    const proposals = proposeRules(history, [], new Set());
    expect(proposals.map((p) => [p.key, p.iban, p.actions])).toEqual([['name:bürobedarf schmidt|gl:4930|tax:19', '', { glAccount: '4930', taxRate: '19' }]]);
  });

  it('one booking → none', () => {
    expect(proposeRules(assignmentsFrom([booking('B-00030', 'fp-rent-07', rentValues)], transactions), [], new Set())).toEqual([]);
  });

  it('different values → none', () => {
    const history = assignmentsFrom([booking('B-00040', 'fp-rent-07', rentValues), booking('B-00041', 'fp-rent-08', { ...rentValues, glAccount: '4220' })], transactions);
    expect(proposeRules(history, [], new Set())).toEqual([]);
    const alsoRate = assignmentsFrom([booking('B-00042', 'fp-tel-07', { glAccount: '4920', taxRate: '19' }), booking('B-00043', 'fp-tel-08', { glAccount: '4920', taxRate: '7' })], transactions);
    expect(proposeRules(alsoRate, [], new Set())).toEqual([]);
  });

  it('a dismissed key → none', () => {
    const history = assignmentsFrom([booking('B-00050', 'fp-rent-07', rentValues), booking('B-00051', 'fp-rent-09', rentValues)], transactions);
    const [proposal] = proposeRules(history, [], new Set());
    expect(proposal).toBeDefined();
    expect(proposeRules(history, [], new Set([proposal!.key]))).toEqual([]);
  });

  it('an existing rule already giving these values → none; one giving other values does not count', () => {
    const history = assignmentsFrom([booking('B-00060', 'fp-tel-07', { glAccount: '4920', taxRate: '19' }), booking('B-00061', 'fp-tel-08', { glAccount: '4920', taxRate: '19' })], transactions);
    const telekomRule: Rule = {
      id: 'R2',
      name: 'Telekom',
      active: true,
      conditions: { counterpartyEquals: '', counterpartyContains: 'telekom', iban: '', purposeContains: '', purposePattern: '', amountFromMinor: null, amountToMinor: null, direction: 'any', cardOrAccount: '' },
      actions: { glAccount: '4920', taxRate: '19 %' },
      origin: '',
    };
    expect(proposeRules(history, compileRules([telekomRule]).rules, new Set())).toEqual([]);
    const otherAccount = compileRules([{ ...telekomRule, actions: { glAccount: '4900', taxRate: '19' } }]).rules;
    expect(proposeRules(history, otherAccount, new Set()).map((p) => p.key)).toEqual([`iban:${TELEKOM_IBAN}|gl:4920|tax:19`]);
  });

  it('values the machine filled are not evidence', () => {
    const marker: Prefilled = { glAccount: byRule('4920', 'R2', 'Telekom'), taxRate: byRule('19', 'R2', 'Telekom') };
    const history = assignmentsFrom(
      [booking('B-00070', 'fp-tel-07', { glAccount: '4920', taxRate: '19' }, { prefilled: marker }), booking('B-00071', 'fp-tel-08', { glAccount: '4920', taxRate: '19' })],
      transactions,
    );
    expect(proposeRules(history, [], new Set())).toEqual([]);
  });

  it('two parts of one split transaction are not two transactions', () => {
    const history = assignmentsFrom(
      [booking('B-00080', 'fp-split', { glAccount: '4930', taxRate: '19' }), booking('B-00081', 'fp-split', { glAccount: '4930', taxRate: '19' })],
      transactions,
    );
    expect(proposeRules(history, [], new Set())).toEqual([]);
  });
});

describe('learnedPartner', () => {
  it('takes the most recent supplier the user chose for the same counterparty', () => {
    const history = assignmentsFrom(
      [
        booking('B-00101', 'fp-tel-08', { partner: 'Telekom Deutschland GmbH' }, { date: '2025-08-04' }),
        booking('B-00100', 'fp-tel-07', { partner: 'Telekom' }, { date: '2025-07-03' }),
      ],
      transactions,
    );
    expect(learnedPartner({ counterpartyName: 'Telekom Deutschland GmbH', counterpartyIban: TELEKOM_IBAN }, history)).toEqual({ value: 'Telekom Deutschland GmbH', from: 'B-00101' });
  });

  it('on equal dates the later booking is the more recent', () => {
    const history = assignmentsFrom([booking('B-00110', 'fp-tel-07', { partner: 'Telekom' }), booking('B-00111', 'fp-tel-08', { partner: 'Deutsche Telekom' })], transactions);
    expect(learnedPartner(transactions.get('fp-tel-07')!, history)).toEqual({ value: 'Deutsche Telekom', from: 'B-00111' });
  });

  it('same IBAN counts even under another name; without IBAN, the same name', () => {
    const history = assignmentsFrom([booking('B-00120', 'fp-rent-08', { partner: 'Hausverwaltung Müller' }), booking('B-00121', 'fp-toner-1', { partner: 'Bürobedarf Schmidt KG' })], transactions);
    expect(learnedPartner({ counterpartyName: 'HV Müller', counterpartyIban: LANDLORD_IBAN }, history)).toEqual({ value: 'Hausverwaltung Müller', from: 'B-00120' });
    expect(learnedPartner({ counterpartyName: 'Bürobedarf  schmidt', counterpartyIban: null }, history)).toEqual({ value: 'Bürobedarf Schmidt KG', from: 'B-00121' });
    // Both have an IBAN, and they differ: not the same counterparty, whatever the name.
    expect(learnedPartner({ counterpartyName: 'HAUSVERWALTUNG MUELLER', counterpartyIban: TELEKOM_IBAN }, history)).toBeNull();
    expect(learnedPartner({ counterpartyName: 'Vodafone GmbH', counterpartyIban: null }, history)).toBeNull();
  });

  it('learns from rule-set suppliers, not from learned ones', () => {
    const ruleSet = booking('B-00130', 'fp-tel-07', { partner: 'Telekom (Regel)' }, { prefilled: { partner: byRule('Telekom (Regel)', 'R2', 'Telekom') }, date: '2025-07-03' });
    const learned = booking('B-00131', 'fp-tel-08', { partner: 'Telekom (gelernt)' }, { prefilled: { partner: { value: 'Telekom (gelernt)', source: { kind: 'learned', from: 'B-00099' } } }, date: '2025-08-04' });
    const history = assignmentsFrom([ruleSet, learned], transactions);
    expect(learnedPartner(transactions.get('fp-tel-08')!, history)).toEqual({ value: 'Telekom (Regel)', from: 'B-00130' });
  });

  it('stays correct when the same history array grows', () => {
    const history = assignmentsFrom([booking('B-00140', 'fp-tel-07', { partner: 'Telekom' }, { date: '2025-07-03' })], transactions);
    expect(learnedPartner(transactions.get('fp-tel-07')!, history)?.from).toBe('B-00140');
    history.push(...assignmentsFrom([booking('B-00141', 'fp-tel-08', { partner: 'Telekom GmbH' }, { date: '2025-08-04' })], transactions));
    expect(learnedPartner(transactions.get('fp-tel-07')!, history)).toEqual({ value: 'Telekom GmbH', from: 'B-00141' });
  });
});
