/**
 * Pre-accounting through the built bundle in the local runtime, as the sidebar calls it: rules from the "Rules" sheet
 * fill bookings (on reconciliation and all at once), the machine's values are marked, the user overrides and splits,
 * the add-on learns rules from the user's assignments, and the rules editor saves only valid rules. Run `npm run build`.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime, createWorkbook, type CellValue, type LocalRuntime } from '../../local/runtime';
import { emptyAccountingData } from '../../src/core/accounting/fields';
import { bookingsTable } from '../../src/core/tables/bookings';
import { rulesTable } from '../../src/core/tables/rules';
import { transactionsTable } from '../../src/core/tables/transactions';
import type { Contract, RequestOf, ResponseOf } from '../../src/shared/contract';
import type { RuleDto } from '../../src/shared/accounting-dto';
import { sampleWorkbook } from '../../local/sample/workbook';
import { readFileSync } from 'node:fs';

const october = readFileSync(path.resolve(__dirname, '../../local/sample/sparkasse-2026-10.csv'));

const dist = path.resolve(__dirname, '../../dist');
const ANNA = 'anna.berger@kanzlei-berger.example';
type Call = <K extends keyof Contract>(name: K, request: RequestOf<K>) => ResponseOf<K>;
const caller = (rt: LocalRuntime): Call => (name, request) => rt.call(name, request) as never;

const TELEKOM_IBAN = 'DE02120300000000202051';
const LANDLORD_IBAN = 'DE02100100100006820101';

/** Rows of a table by its header texts. */
function table(rt: LocalRuntime, name: string): Array<Record<string, CellValue>> {
  const [header, ...rows] = rt.spreadsheet.sheet(name).values();
  return rows.filter((r) => r.some((c) => c !== '')).map((row) => Object.fromEntries((header as string[]).map((h, i) => [h, row[i]!])));
}

const headerOf = (spec: { columns: readonly { key: string; header: string }[] }) => spec.columns.map((c) => c.header);
const rowOf = (spec: { columns: readonly { key: string }[] }, values: Record<string, CellValue>): CellValue[] => spec.columns.map((c) => values[c.key] ?? '');

interface Party {
  name: string;
  iban: string;
  purpose: string;
  amount: number;
  account: string;
}

const PARTIES: Party[] = [
  { name: 'Telekom Deutschland GmbH', iban: TELEKOM_IBAN, purpose: 'Rechnung 0815 Festnetz', amount: -59.5, account: 'DE89370400440532013000' },
  { name: 'Hausverwaltung Sommer', iban: LANDLORD_IBAN, purpose: 'Miete Kanzlei', amount: -1500, account: 'DE89370400440532013000' },
  { name: 'Papier Paul', iban: '', purpose: 'Büromaterial Karte', amount: -23.8, account: '4871 0000 0000 4711' },
  { name: 'Müller Bau GmbH', iban: 'DE06370400440611408800', purpose: 'RE-2026-0138', amount: 4165, account: 'DE89370400440532013000' },
];

/** A workbook with `n` transactions, each with one booking (not yet pre-accounted), and three rules. */
function bigWorkbook(n: number, options: { exportedEvery?: number; userGlEvery?: number } = {}) {
  const transactions: CellValue[][] = [headerOf(transactionsTable)];
  const bookings: CellValue[][] = [headerOf(bookingsTable)];
  for (let i = 0; i < n; i++) {
    const p = PARTIES[i % PARTIES.length]!;
    const key = `fp-${i}`;
    transactions.push(rowOf(transactionsTable, { bookingDate: 46000 + (i % 300), counterpartyName: p.name, counterpartyIban: p.iban, purpose: `${p.purpose} ${i}`, amount: p.amount, currency: 'EUR', account: p.account, fingerprint: key }));
    const exported = options.exportedEvery !== undefined && i % options.exportedEvery === 0;
    const userGl = options.userGlEvery !== undefined && i % options.userGlEvery === 1;
    bookings.push(
      rowOf(bookingsTable, {
        id: `B-${String(i + 1).padStart(5, '0')}`, date: 46000 + (i % 300), type: p.amount < 0 ? 'expense' : 'income', amount: p.amount, currency: 'EUR',
        description: p.purpose, transaction: key, source: 'manual', glAccount: userGl ? '4999' : '', exportedTo: exported ? 'DATEV' : '',
      }),
    );
  }
  const rules: CellValue[][] = [
    headerOf(rulesTable),
    rowOf(rulesTable, { id: 'R1', active: 'yes', name: 'Card 4711', cardOrAccount: '*4711', costCentre: '100', costObject: 'P-7' }),
    rowOf(rulesTable, { id: 'R2', active: 'yes', name: 'Telekom', iban: TELEKOM_IBAN, glAccount: '4920', taxRate: '19', partner: 'Telekom' }),
    rowOf(rulesTable, { id: 'R3', active: 'yes', name: 'Rent', purposePattern: '^miete\\b', direction: 'out', glAccount: '4210', taxRate: '0' }),
    rowOf(rulesTable, { id: 'R4', active: 'yes', name: 'Office supplies', counterpartyContains: 'papier', glAccount: '4930', taxRate: '19', costCentre: '999' }),
  ];
  const textColumns = (spec: { columns: readonly { kind: string }[] }) =>
    Object.fromEntries(spec.columns.map((c, i) => [i, c.kind === 'text' ? '@' : ''] as const).filter(([, f]) => f !== ''));
  return createWorkbook({
    locale: 'de_DE',
    sheets: { Transactions: transactions, Bookings: bookings, Rules: rules },
    numberFormats: { Transactions: textColumns(transactionsTable), Bookings: textColumns(bookingsTable), Rules: textColumns(rulesTable) },
  });
}

function runtimeOn(workbook: ReturnType<typeof createWorkbook>) {
  const rt = createRuntime({ bundleDir: dist, workbook, user: ANNA, userLocale: 'en' });
  return { rt, call: caller(rt) };
}

const writes = (calls: Record<string, number>) => ({
  setValues: calls['Range.setValues'] ?? 0,
  setNumberFormats: calls['Range.setNumberFormats'] ?? 0,
  setBackgrounds: calls['Range.setBackgrounds'] ?? 0,
});

describe('pre-accounting on the sample workbook', () => {
  it('books the October rent with the sample rule R1, marks it, and offers the lists as data validation in the sheet', () => {
    const workbook = createWorkbook(sampleWorkbook());
    const { rt, call } = runtimeOn(workbook);
    call('importStatement', { fileName: 'sparkasse-2026-10.csv', contentBase64: october.toString('base64'), importGoodRows: false, acceptWarnings: true });
    const rent = table(rt, 'Transactions').find((r) => String(r['Purpose']).includes('Miete'))!;
    const key = String(rent['Fingerprint']);
    const shown = call('getTransaction', { key });
    expect(shown.accounting.values).toMatchObject({ glAccount: '4210', taxRate: '0', costCentre: '100' });
    const done = call('reconcileTransaction', {
      key, seen: { amountMinor: shown.transaction.amountMinor, bookingDate: shown.transaction.bookingDate }, markInvoicesPaid: [], markPaymentsExecuted: [], labels: [],
      bookings: [{ type: 'expense', amountMinor: -shown.transaction.amountMinor, caseId: null, contactId: null, invoiceNumber: null, paymentNumber: null, description: '' }],
    });
    expect(done.status).toBe('done');
    expect(table(rt, 'Bookings')[0]).toMatchObject({ 'GL account': '4210', 'Tax rate': '0', 'Tax amount': 0, 'Cost centre': '100' });
    expect(String(table(rt, 'Bookings')[0]!['Pre-filled'])).toContain('GL account = 4210 ← rule R1 "Büromiete"');
    // The lists become dropdowns of the sheet (warning, not rejection: see booking-validation.ts).
    call('autoFillBookings', {});
    const sheet = rt.spreadsheet.sheet('Bookings');
    const header = sheet.values()[0] as string[];
    const rule = sheet.getRange(2, header.indexOf('GL account') + 1).getDataValidation();
    expect(rule).not.toBeNull();
    expect(String(rule!.getCriteriaType())).toBe('VALUE_IN_RANGE');
    expect(rule!.getAllowInvalid()).toBe(true);
    const source = rule!.getCriteriaValues()[0] as { getSheet(): { getName(): string } };
    expect(source.getSheet().getName()).toBe('Accounts');
    const lists = call('accountingLists', {});
    expect(lists.accounts.map((a) => a.code)).toContain('4210');
    expect(lists.taxRates.map((r) => r.code)).toEqual(['19', '7', '0']);
    expect(lists.projects.map((p) => p.code)).toContain('0010');
    expect(lists.required.find((r) => r.target === 'lexoffice')!.fields).toEqual(['glAccount', 'taxRate']);
  });
});

describe('pre-accounting through the built bundle', () => {
  it('fills 10,000 bookings from the rules in one batched write, and 3 bookings in as many calls', () => {
    const { rt, call } = runtimeOn(bigWorkbook(10_000, { exportedEvery: 10, userGlEvery: 8 }));
    rt.counters.reset();
    const filled = call('autoFillBookings', {});
    const big = writes(rt.counters.snapshot());
    expect(filled.considered).toBe(9_000);
    expect(filled.exportedLeftAlone).toBe(1_000);
    expect(filled.problems).toEqual([]);
    // One block of adjacent accounting columns: one format call, one value call, one background call.
    expect(big).toEqual({ setValues: 1, setNumberFormats: 1, setBackgrounds: 1 });

    const small = runtimeOn(bigWorkbook(3, { exportedEvery: 10, userGlEvery: 8 }));
    small.rt.counters.reset();
    small.call('autoFillBookings', {});
    expect(writes(small.rt.counters.snapshot())).toEqual(big);

    const rows = table(rt, 'Bookings');
    // Telekom (i % 4 === 0 … party 0): rule R2 by IBAN; exported ones (i % 10 === 0) untouched.
    expect(rows[4]).toMatchObject({ 'GL account': '4920', 'Tax rate': '19', 'Supplier/customer': 'Telekom', 'Tax amount': -9.5 });
    expect(String(rows[4]!['Pre-filled'])).toContain('GL account = 4920 ← rule R2 "Telekom"');
    expect(rows[0]).toMatchObject({ 'GL account': '', 'Exported to': 'DATEV', 'Pre-filled': '' });
    // Rent: the pattern rule, tax 0 → tax amount 0.
    expect(rows[5]).toMatchObject({ 'GL account': '4210', 'Tax rate': '0', 'Tax amount': 0 });
    // Card 4711: cost centre from the card rule R1 wins over R4's, GL account from R4 (first match per field).
    expect(rows[2]).toMatchObject({ 'GL account': '4930', 'Cost centre': '100', 'Cost object': 'P-7', 'Tax amount': -3.8 });
    // A value the user typed stays (row 9: i = 9, userGlEvery 8 → i % 8 === 1).
    expect(rows[9]).toMatchObject({ 'GL account': '4999' });
    expect(String(rows[9]!['Pre-filled'])).not.toContain('GL account');
    // The blue marker on machine-filled cells only.
    const sheet = rt.spreadsheet.sheet('Bookings');
    const header = sheet.values()[0] as string[];
    const gl = header.indexOf('GL account');
    const backgrounds = sheet.getRange(2, gl + 1, 10, 1).getBackgrounds().map((r) => r[0]);
    expect(backgrounds[4]).toBe('#d2e3fc');
    expect(backgrounds[9]).toBe('#ffffff');
    // Nothing to do the second time: no write at all.
    rt.counters.reset();
    expect(call('autoFillBookings', {}).changed).toBe(0);
    expect(writes(rt.counters.snapshot()).setValues).toBe(0);
  }, 120_000);

  it('keeps the marker only while the cell holds the machine value: an override in the sheet is the user\'s', () => {
    const { rt, call } = runtimeOn(bigWorkbook(4));
    call('autoFillBookings', {});
    const sheet = rt.spreadsheet.sheet('Bookings');
    const header = sheet.values()[0] as string[];
    sheet.getRange(2, header.indexOf('GL account') + 1).setValue('4925'); // Telekom's booking, typed over
    const overview = call('preAccountingOverview', { filter: 'all', limit: 100 });
    const telekom = overview.items.find((i) => i.bookingId === 'B-00001')!;
    expect(telekom.accounting.glAccount).toBe('4925');
    expect(telekom.prefilled.map((p) => p.field)).toEqual(['taxRate', 'partner']);
    // Filling again never touches the user's value.
    call('autoFillBookings', {});
    expect(table(rt, 'Bookings')[0]!['GL account']).toBe('4925');
  });

  it('splits a booking into parts with their own accounts and tax rates, refuses parts that do not add up', () => {
    const { rt, call } = runtimeOn(bigWorkbook(4));
    const empty = emptyAccountingData();
    const part = (amountMinor: number, glAccount: string, taxRate: string, costObject = '') => ({ amountMinor, accounting: { ...empty, glAccount, taxRate, costObject } });
    // Papier Paul, 23.80 out: 11.90 office supplies at 19 %, 11.89 books at 7 % — one cent missing.
    const short = call('saveBookingAccounting', { bookingId: 'B-00003', seen: { amountMinor: -2380 }, parts: [part(1190, '4930', '19'), part(1189, '4940', '7')] });
    expect(short).toEqual({ status: 'refused', message: 'The parts add up to 23.79 EUR, booking B-00003 is 23.80 EUR: 0.01 EUR missing.' });
    expect(table(rt, 'Bookings')).toHaveLength(4);
    const saved = call('saveBookingAccounting', { bookingId: 'B-00003', seen: { amountMinor: -2380 }, parts: [part(1190, '4930', '19', 'P-1'), part(1190, '4940', '7 %', 'P-2')] });
    expect(saved.status).toBe('saved');
    const rows = table(rt, 'Bookings');
    expect(rows).toHaveLength(5);
    expect(rows[2]).toMatchObject({ Booking: 'B-00003', Amount: -11.9, 'GL account': '4930', 'Tax rate': '19', 'Tax amount': -1.9, 'Cost object': 'P-1' });
    // 11.90 × 7 / 107 = 0.7785… → 0.78, rounded per part.
    expect(rows[4]).toMatchObject({ Booking: 'B-00005', Amount: -11.9, 'GL account': '4940', 'Tax rate': '7', 'Tax amount': -0.78, Transaction: 'fp-2' });
    expect(rows.filter((r) => r['Transaction'] === 'fp-2').reduce((s, r) => s + Math.round(Number(r['Amount']) * 100), 0)).toBe(-2380);
    expect(call('preAccountingOverview', { filter: 'all', limit: 10 }).message).not.toContain('do not add up');
    // A split whose second write never happened (the execution killed between the two) is named, not hidden.
    rt.spreadsheet.sheet('Bookings').deleteRows(6, 1);
    expect(call('preAccountingOverview', { filter: 'all', limit: 10 }).message).toContain('The bookings of 1 transaction do not add up to it: row 4 (Papier Paul): -11.90 of -23.80 EUR.');
    // An exported booking is locked.
    const sheet = rt.spreadsheet.sheet('Bookings');
    sheet.getRange(5, (sheet.values()[0] as string[]).indexOf('Exported to') + 1).setValue('lexoffice');
    const locked = call('saveBookingAccounting', { bookingId: 'B-00004', seen: { amountMinor: 416500 }, parts: [part(416500, '8400', '19')] });
    expect(locked.status).toBe('refused');
    expect(locked.status === 'refused' && locked.message).toContain('was exported to lexoffice');
  });

  it('learns: the same values for the same counterparty twice → a proposed rule; yes creates it, no silences it', () => {
    const { rt, call } = runtimeOn(bigWorkbook(12));
    const empty = emptyAccountingData();
    // Müller Bau pays in (bookings 4, 8, 12): no rule covers it.
    const first = call('saveBookingAccounting', { bookingId: 'B-00004', seen: { amountMinor: 416500 }, parts: [{ amountMinor: 416500, accounting: { ...empty, glAccount: '8400', taxRate: '19' } }] });
    expect(first.status === 'saved' && first.proposal).toBeNull();
    const second = call('saveBookingAccounting', { bookingId: 'B-00008', seen: { amountMinor: 416500 }, parts: [{ amountMinor: 416500, accounting: { ...empty, glAccount: '8400', taxRate: '19' } }] });
    expect(second.status).toBe('saved');
    const proposal = second.status === 'saved' ? second.proposal : null;
    expect(proposal).toMatchObject({ iban: 'DE06370400440611408800', evidence: ['B-00004', 'B-00008'] });
    expect(proposal!.actions).toMatchObject({ glAccount: '8400', taxRate: '19' });
    expect(call('preAccountingOverview', { filter: 'all', limit: 10 }).proposals.map((p) => p.key)).toEqual([proposal!.key]);
    const created = call('answerRuleProposal', { key: proposal!.key, accept: true });
    expect(created.status).toBe('created');
    const rules = table(rt, 'Rules');
    expect(rules).toHaveLength(5);
    expect(rules[4]).toMatchObject({ Rule: 'R5', IBAN: 'DE06370400440611408800', 'GL account': '8400', 'Tax rate': '19', Active: 'yes' });
    expect(String(rules[4]!['Origin'])).toMatch(/^learned \d{4}-\d{2}-\d{2} from B-00004, B-00008$/);
    // The new rule fills the third Müller Bau booking, and the proposal is gone.
    call('autoFillBookings', {});
    expect(table(rt, 'Bookings')[11]).toMatchObject({ 'GL account': '8400', 'Tax rate': '19' });
    expect(call('listRules', {}).proposals).toEqual([]);
    expect(call('answerRuleProposal', { key: proposal!.key, accept: true }).status).toBe('gone');
  });

  it('puts a learned rule before the rule the user overrode twice, so that it wins', () => {
    const { rt, call } = runtimeOn(bigWorkbook(12));
    call('autoFillBookings', {}); // Telekom bookings B-00001, B-00005, B-00009 get 4920 from R2
    const empty = emptyAccountingData();
    const internet = { ...empty, glAccount: '4925', taxRate: '19', partner: 'Telekom' };
    call('saveBookingAccounting', { bookingId: 'B-00001', seen: { amountMinor: -5950 }, parts: [{ amountMinor: 5950, accounting: internet }] });
    const second = call('saveBookingAccounting', { bookingId: 'B-00005', seen: { amountMinor: -5950 }, parts: [{ amountMinor: 5950, accounting: internet }] });
    const proposal = second.status === 'saved' ? second.proposal : null;
    expect(proposal).toMatchObject({ iban: TELEKOM_IBAN, evidence: ['B-00001', 'B-00005'] });
    const created = call('answerRuleProposal', { key: proposal!.key, accept: true });
    expect(created.message).toContain('before rule R2');
    expect(table(rt, 'Rules').map((r) => r['Rule'])).toEqual(['R1', 'R5', 'R2', 'R3', 'R4']);
    call('autoFillBookings', {});
    expect(table(rt, 'Bookings')[8]).toMatchObject({ 'GL account': '4925' });
  });

  it('saves rules only when every rule is valid, in the editor\'s order, as text', () => {
    const { rt, call } = runtimeOn(bigWorkbook(8));
    const listed = call('listRules', {});
    expect(listed.rules.map((r) => r.id)).toEqual(['R1', 'R2', 'R3', 'R4']);
    expect(listed.problems).toEqual([]);
    // Usage: R4 matches Papier Paul (2 of 8), its cost centre taken first by R1.
    const r4 = listed.usage.find((u) => u.ruleId === 'R4')!;
    expect(r4).toMatchObject({ position: 4, matches: 2, wins: 2 });
    expect(r4.shadowed).toEqual([{ field: 'costCentre', byRuleId: 'R1', count: 2 }]);

    const before = rt.spreadsheet.sheet('Rules').values();
    const broken: RuleDto = { ...listed.rules[2]!, conditions: { ...listed.rules[2]!.conditions, purposePattern: '(miete' } };
    const refused = call('saveRules', { rules: [listed.rules[0]!, listed.rules[1]!, broken, listed.rules[3]!] });
    expect(refused.status).toBe('invalid');
    expect(refused.status === 'invalid' && refused.problems[0]).toMatchObject({ ruleId: 'R3', position: 3, field: 'purposePattern' });
    expect(rt.spreadsheet.sheet('Rules').values()).toEqual(before);

    const hostile: RuleDto = { ...listed.rules[3]!, id: '', name: '=HYPERLINK("http://evil.example";"x")', actions: { ...listed.rules[3]!.actions, comment: '+49 0012' } };
    const saved = call('saveRules', { rules: [listed.rules[3]!, listed.rules[0]!, hostile] });
    expect(saved.status).toBe('saved');
    const rows = table(rt, 'Rules');
    expect(rows.map((r) => r['Rule'])).toEqual(['R4', 'R1', 'R5']);
    expect(rows[2]).toMatchObject({ Name: '=HYPERLINK("http://evil.example";"x")', Comment: '+49 0012' });
    expect(rt.spreadsheet.sheet('Rules').formulas().flat().filter((f) => f !== '')).toEqual([]);
    // R4 first now: its cost centre 999 wins for the card transactions.
    call('autoFillBookings', {});
    expect(table(rt, 'Bookings')[2]).toMatchObject({ 'Cost centre': '999' });
  });

  it('never saves over a rule row it cannot read: the editor names it and refuses, the sheet keeps it', () => {
    const { rt, call } = runtimeOn(bigWorkbook(4));
    const sheet = rt.spreadsheet.sheet('Rules');
    sheet.getRange(3, (sheet.values()[0] as string[]).indexOf('Amount from') + 1).setValue('viel');
    const listed = call('listRules', {});
    expect(listed.rules.map((r) => r.id)).toEqual(['R1', 'R3', 'R4']);
    expect(listed.problems[0]).toMatchObject({ ruleId: 'row 3', field: 'Amount from' });
    expect(listed.problems[0]!.message).toContain('Rules, row 3, column "Amount from": "viel"');
    const before = sheet.values();
    const saved = call('saveRules', { rules: listed.rules });
    expect(saved.status).toBe('invalid');
    expect(saved.message).toContain('the Rules sheet has a row the editor cannot show (Rules, row 3');
    expect(sheet.values()).toEqual(before);
  });

  it('pre-fills a reconciled booking from the rules and marks it; the sidebar may override a field', () => {
    const { rt, call } = runtimeOn(bigWorkbook(4));
    // Start from transactions without bookings: drop the Bookings sheet's rows.
    const sheet = rt.spreadsheet.sheet('Bookings');
    sheet.deleteRows(2, 4);
    const shown = call('getTransaction', { key: 'fp-0' });
    expect(shown.accounting.values).toMatchObject({ glAccount: '4920', taxRate: '19', partner: 'Telekom' });
    expect(shown.accounting.prefilled.find((p) => p.field === 'glAccount')).toEqual({ field: 'glAccount', value: '4920', source: { kind: 'rule', ruleId: 'R2', ruleName: 'Telekom' } });
    const done = call('reconcileTransaction', {
      key: 'fp-0', seen: { amountMinor: -5950, bookingDate: shown.transaction.bookingDate }, markInvoicesPaid: [], markPaymentsExecuted: [], labels: [],
      bookings: [{ type: 'expense', amountMinor: 5950, caseId: null, contactId: null, invoiceNumber: null, paymentNumber: null, description: '', accounting: { ...shown.accounting.values, glAccount: '4925' } }],
    });
    expect(done.status).toBe('done');
    const booked = done.status === 'done' ? done.processed.bookings[0]! : null;
    expect(booked!.accounting).toMatchObject({ glAccount: '4925', taxRate: '19', partner: 'Telekom' });
    expect(booked!.prefilled.map((p) => p.field)).toEqual(['taxRate', 'partner']);
    expect(booked!.taxAmountMinor).toBe(-950);
    expect(booked!.missing).toEqual([{ target: 'lexoffice', fields: [] }]);
    expect(table(rt, 'Bookings')[0]).toMatchObject({ 'GL account': '4925', 'Tax rate': '19', 'Tax amount': -9.5 });
    // Without accounting data the proposal itself is booked.
    const rent = call('getTransaction', { key: 'fp-1' });
    call('reconcileTransaction', {
      key: 'fp-1', seen: { amountMinor: -150000, bookingDate: rent.transaction.bookingDate }, markInvoicesPaid: [], markPaymentsExecuted: [], labels: [],
      bookings: [{ type: 'expense', amountMinor: 150000, caseId: null, contactId: null, invoiceNumber: null, paymentNumber: null, description: '' }],
    });
    expect(table(rt, 'Bookings')[1]).toMatchObject({ 'GL account': '4210', 'Tax rate': '0' });
    expect(String(table(rt, 'Bookings')[1]!['Pre-filled'])).toBe('GL account = 4210 ← rule R3 "Rent"\nTax rate = 0 ← rule R3 "Rent"');
  });
});
