/** `kontomatch match`, run in memory through `io` like the other CLI tests. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';


/** As `kontomatch import` prints them (all Transaction fields). */
const transactions = [
  { bookingDate: '2025-01-02', valueDate: '2025-01-02', amountMinor: 11900, currency: 'EUR', counterpartyName: 'Jörg Müller', counterpartyIban: 'DE89370400440532013000', purpose: 'Rechnung RE 2024 0815 danke', bookingType: 'GUTSCHRIFT', fingerprint: 'f1' },
  { bookingDate: '2025-01-03', valueDate: null, amountMinor: -4500, currency: 'EUR', counterpartyName: 'Bürobedarf AG', counterpartyIban: null, purpose: 'ZA 2024 0007', bookingType: null, fingerprint: 'f2' },
  { bookingDate: '2025-01-04', valueDate: null, amountMinor: 5000, currency: 'EUR', counterpartyName: 'Jörg Müller', counterpartyIban: 'DE89 3704 0044 0532 0130 00', purpose: 'Vorschuss Az 00012-25', bookingType: null, fingerprint: 'f3' },
  { bookingDate: '2025-01-05', valueDate: null, amountMinor: 7000, currency: 'EUR', counterpartyName: 'X', counterpartyIban: null, purpose: 'R21-124', bookingType: null, fingerprint: 'f4' },
  { bookingDate: '2025-01-06', valueDate: null, amountMinor: 123, currency: 'EUR', counterpartyName: 'Y', counterpartyIban: null, purpose: 'Zinsen', bookingType: null, fingerprint: 'f5' },
];
const items = {
  invoices: [
    { number: 'RE-2024-0815', amountMinor: 11900, currency: 'EUR', contactId: 'c1', caseId: '00012/25', kind: 'invoice', status: 'open' },
    { number: 'ZA-2024-0007', amountMinor: 4500, currency: 'EUR', contactId: null, caseId: null, kind: 'payment', status: 'pending' },
    { number: 'R21-123', amountMinor: 5000, currency: 'EUR', contactId: null, caseId: null, kind: 'invoice', status: 'open' },
    { number: 'R21-128', amountMinor: 7000, currency: 'EUR', contactId: null, caseId: null, kind: 'invoice', status: 'open' },
  ],
  contacts: [{ id: 'c1', name: 'Jörg Müller', ibans: ['DE89370400440532013000'] }],
  cases: [{ id: '00012/25', contactIds: ['c1'], status: 'active' }],
};
const files = { 'T.json': JSON.stringify(transactions), 'ITEMS.json': JSON.stringify(items) };

describe('kontomatch match', () => {
  it('prints one result per transaction, in input order, with the documented fields', async () => {
    const r = await runCli(['match', '--transactions', 'T.json', '--items', 'ITEMS.json'], files);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(out.map((x) => x.fingerprint)).toEqual(['f1', 'f2', 'f3', 'f4', 'f5']);
    expect(Object.keys(out[0]!)).toEqual(['fingerprint', 'status', 'matches', 'reason']);
    expect(out[0]).toEqual({
      fingerprint: 'f1',
      status: 'auto',
      matches: [{ number: 'RE-2024-0815', caseId: '00012/25', method: 'exact', score: 1, amountCheck: 'equal' }],
      reason: 'RE-2024-0815 found in purpose; amount equal',
    });
    expect(out[1]).toMatchObject({ status: 'auto', matches: [{ number: 'ZA-2024-0007', method: 'exact' }] });
    expect(out[2]).toMatchObject({ status: 'review', matches: [{ number: null, caseId: '00012/25', method: 'case', score: 1 }] });
    expect(out[3]).toMatchObject({ status: 'auto', matches: [{ number: 'R21-128', method: 'fuzzy', score: 0.9333, amountCheck: 'equal' }] });
    expect(out[4]).toEqual({ fingerprint: 'f5', status: 'none', matches: [], reason: 'no open invoice number, active case number, known IBAN or equal amount found' });
  });

  it('takes settings from ITEMS.json (here a 3 % tolerance for Skonto) and the --opt=value form', async () => {
    const skonto = [{ ...transactions[0]!, amountMinor: 11543 }];
    const withSettings = { ...items, settings: { amountTolerancePercent: 3 } };
    const r = await runCli(['match', '--transactions=T.json', '--items=ITEMS.json'], { 'T.json': JSON.stringify(skonto), 'ITEMS.json': JSON.stringify(withSettings) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ status: 'auto', matches: [{ amountCheck: 'within-tolerance' }] });
  });

  it('names file and field of a bad value: ITEMS.json: invoices[3].amountMinor: expected an integer', async () => {
    const bad = structuredClone(items) as { invoices: Array<Record<string, unknown>> };
    bad.invoices[3]!.amountMinor = 70.5;
    const r = await runCli(['match', '--transactions', 'T.json', '--items', 'ITEMS.json'], { ...files, 'ITEMS.json': JSON.stringify(bad) });
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'ITEMS.json: invoices[3].amountMinor: expected an integer\n' });
  });

  it('names bad transaction fields and enum values', async () => {
    const badT = [{ ...transactions[0]!, amountMinor: '119,00' }, { ...transactions[1]!, purpose: undefined }];
    const r1 = await runCli(['match', '--transactions', 'T.json', '--items', 'ITEMS.json'], { ...files, 'T.json': JSON.stringify(badT) });
    expect(r1.code).toBe(1);
    expect(r1.stderr).toBe('T.json: [0].amountMinor: expected an integer; [1].purpose: expected text\n');
    const badItems = { ...items, cases: [{ id: 'A', contactIds: [], status: 'closed' }] };
    const r2 = await runCli(['match', '--transactions', 'T.json', '--items', 'ITEMS.json'], { ...files, 'ITEMS.json': JSON.stringify(badItems) });
    expect(r2.stderr).toBe('ITEMS.json: cases[0].status: expected "active" or "archived"\n');
    const badSettings = { ...items, settings: { fuzzyThreshold: 3 } };
    const r3 = await runCli(['match', '--transactions', 'T.json', '--items', 'ITEMS.json'], { ...files, 'ITEMS.json': JSON.stringify(badSettings) });
    expect(r3.code).toBe(1);
    expect(r3.stderr).toMatch(/^ITEMS\.json: settings\.fuzzyThreshold: /);
  });

  it('reports missing files and broken JSON with the file name', async () => {
    const r1 = await runCli(['match', '--transactions', 'nope.json', '--items', 'ITEMS.json'], files);
    expect(r1).toEqual({ code: 1, stdout: '', stderr: 'nope.json: no such file\n' });
    const r2 = await runCli(['match', '--transactions', 'T.json', '--items', 'ITEMS.json'], { ...files, 'ITEMS.json': '{"invoices": [' });
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/^ITEMS\.json: not valid JSON \(/);
  });

  it('wrong arguments: exit 2 with the usage, which documents match', async () => {
    const r = await runCli(['match', '--items', 'ITEMS.json'], files);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('kontomatch: match needs --transactions T.json');
    expect(r.stderr).toContain('kontomatch match --transactions T.json --items ITEMS.json');
    expect((await runCli(['match', 'T.json'], files)).code).toBe(2);
    const help = await runCli(['match', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('kontomatch match --transactions T.json --items ITEMS.json');
  });
});
