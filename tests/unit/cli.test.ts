import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { camt053Xml, latin1, mt940Text } from '../../local/sample/formats';
import { december2026, november2026 } from '../../local/sample/statement';
import { builtinProfiles } from '../../src/core/profiles/builtin';
import { sparkasseCsvText, windows1252 } from '../helpers/sparkasse-csv';
import { runCli } from '../helpers/cli';

const repo = path.resolve(__dirname, '../..');
const samples = path.resolve(__dirname, '../../../shared/samples/csv');
const simple2 = path.join(samples, 'omarkohl__ofxstatement-sparkasse-freiburg__tests__data__simple2.csv');
const buxtehude = path.resolve(__dirname, '../../../shared/samples/mt940/svenstaro__mt940-rs__tests__data__mt940__full__sparkasse__buxtehude');

const good = windows1252(
  sparkasseCsvText([
    { bookingDate: '02.01.25', purpose: 'RE 4711', counterparty: 'Jörg', iban: 'DE02 1203 0000 0000 2020 51', amount: '119,00' },
    { bookingDate: '03.01.25', purpose: 'Gebühr', counterparty: 'Sparkasse', amount: '-4,50', bookingText: 'ENTGELT' },
  ]),
);
const bad = windows1252(
  sparkasseCsvText([
    { bookingDate: '02.01.25', purpose: 'gut', counterparty: 'A', amount: '1,00' },
    { bookingDate: '31.02.25', valueDate: '03.02.25', purpose: 'schlecht', counterparty: 'B', amount: '12,3x' },
  ]),
);


describe('kontomatch import', () => {
  it('prints the transactions as JSON with exactly the public fields, in order', async () => {
    const r = await runCli(['import', 'umsatz.csv', '--profile', 'sparkasse-csv-camt-v2'], { 'umsatz.csv': good });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(out).toHaveLength(2);
    expect(Object.keys(out[0]!)).toEqual([
      'bookingDate', 'valueDate', 'amountMinor', 'currency', 'counterpartyName', 'counterpartyIban', 'purpose', 'bookingType', 'fingerprint',
      'endToEndId', 'mandateReference', 'creditorId', 'counterpartyBic',
    ]);
    expect(out[0]).toMatchObject({ bookingDate: '2025-01-02', amountMinor: 11900, counterpartyName: 'Jörg', counterpartyIban: 'DE02120300000000202051' });
    expect(out[1]).toMatchObject({ amountMinor: -450, purpose: 'Gebühr', counterpartyIban: null, bookingType: 'ENTGELT' });
  });

  it('refuses a file with bad lines: errors on stderr, nothing on stdout, exit 1', async () => {
    const r = await runCli(['import', 'bad.csv', '--profile', 'sparkasse-csv-camt-v2'], { 'bad.csv': bad });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(
      /^bad\.csv, line 3, column 1 \(bookingDate\): booking date is not a calendar day \(02\/2025 has no day 31\); also column 14 \(amount\) "12,3x" amount is not an amount .* — found "31\.02\.25"$/,
    );
    expect(lines[1]).toMatch(/^bad\.csv: 1 line\(s\) could not be read; nothing printed/);
    expect(lines).toHaveLength(2);
  });

  it('prints the good rows with --skip-bad-rows, errors still on stderr', async () => {
    const r = await runCli(['import', 'bad.csv', '--skip-bad-rows', '--profile=sparkasse-csv-camt-v2'], { 'bad.csv': bad });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((t: { purpose: string }) => t.purpose)).toEqual(['gut']);
    expect(r.stderr).toMatch(/line 3, column 1 \(bookingDate\)/);
  });

  it('reports file errors on stderr with exit 1', async () => {
    const missing = await runCli(['import', 'nope.csv', '--profile', 'sparkasse-csv-camt-v2']);
    expect(missing).toEqual({ code: 1, stdout: '', stderr: 'nope.csv: no such file\n' });
    const empty = await runCli(['import', 'leer.csv', '--profile', 'sparkasse-csv-camt-v2'], { 'leer.csv': new Uint8Array(0) });
    expect(empty).toEqual({ code: 1, stdout: '', stderr: 'leer.csv: is empty (0 bytes)\n' });
    const binary = await runCli(['import', 'a.pdf', '--profile', 'sparkasse-csv-camt-v2'], { 'a.pdf': Uint8Array.from([37, 80, 68, 70, 0, 1, 2]) });
    expect(binary).toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining('looks like a binary file') });
    const wrongBank = await runCli(['import', 'x.csv', '--profile', 'sparkasse-csv-camt-v2'], { 'x.csv': 'a;b\n1;2\n' });
    expect(wrongBank).toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining('no line has a column "Auftragskonto"') });
  });

  it('reads a profile from a JSON file, and names its faulty field', async () => {
    const profile = {
      id: 'mine', name: 'Mine', columns: { bookingDate: 'Buchungstag', counterpartyName: 'Beguenstigter/Zahlungspflichtiger', purpose: 'Verwendungszweck', amount: 'Betrag' },
      dateFormats: ['dd.mm.yy'],
    };
    const ok = await runCli(['import', 'u.csv', '--profile', 'mine.json'], { 'u.csv': good, 'mine.json': JSON.stringify(profile) });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toHaveLength(2);
    const broken = { ...profile, columns: { ...profile.columns, amount: { column: 3 } } };
    const r = await runCli(['import', 'u.csv', '--profile', 'mine.json'], { 'u.csv': good, 'mine.json': JSON.stringify(broken) });
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(/^profile "mine\.json": columns\.amount: expected a column index \(0, 1, …\), -1, a header text.*\n$/);
    expect(await runCli(['import', 'u.csv', '--profile', 'gone.json'], { 'u.csv': good })).toMatchObject({ code: 1, stderr: 'gone.json: no such file\n' });
  });

  it.each([
    [['frobnicate']],
    [['import']],
    [['import', 'u.csv', '--format', 'ofx']],
    [['import', 'u.csv', '--format']],
    [['import', 'u.csv', '--profile', 'sparkasse-csv-camt-v2', '--format', 'mt940']],
    [['import', 'u.csv', '--profile']],
    [['import', 'u.csv', '--profile', 'sparkasse-csv-camt-v2', '--verbose']],
    [['import', 'u.csv', 'v.csv', '--profile', 'sparkasse-csv-camt-v2']],
    [['import', 'u.csv', '--profile', 'no-such-bank']],
    [['profiles', 'extra']],
    [[]],
  ])('answers %j with usage on stderr and exit 2', async (argv) => {
    const r = await runCli(argv, { 'u.csv': good });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage:');
    expect(r.stderr).toContain('kontomatch import FILE [--profile NAME|PROFILE.json] [--format csv|mt940|camt] [--skip-bad-rows]');
  });
});

describe('kontomatch import without --profile: format and profile detected', () => {
  const sta = latin1(mt940Text(november2026, { openingMinor: 2431852, number: 11 }));
  const xml = camt053Xml(december2026, { openingMinor: 1753207, number: 12 });

  it('detects the bank profile of a CSV file and says so on stderr', async () => {
    const r = await runCli(['import', 'umsatz.csv'], { 'umsatz.csv': good });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('umsatz.csv: detected CSV with the bank profile "Sparkasse CSV-CAMT V2 / V8" (sparkasse-csv-camt-v2)\n');
    expect(JSON.parse(r.stdout)).toHaveLength(2);
  });

  it('reads MT940 and CAMT files, with their SEPA references', async () => {
    const mt940 = await runCli(['import', 'november.sta'], { 'november.sta': sta });
    expect([mt940.code, mt940.stderr]).toEqual([0, 'november.sta: detected MT940\n']);
    const fromMt940 = JSON.parse(mt940.stdout) as Array<Record<string, unknown>>;
    expect(fromMt940.map((t) => t.purpose)).toEqual(november2026.map((l) => l.purpose));
    expect(fromMt940.map((t) => t.mandateReference)).toEqual(november2026.map((l) => l.mandate ?? null));
    const camt = await runCli(['import', 'dezember.xml', '--format', 'camt'], { 'dezember.xml': xml });
    expect([camt.code, camt.stderr]).toEqual([0, '']);
    const fromCamt = JSON.parse(camt.stdout) as Array<Record<string, unknown>>;
    expect(fromCamt.map((t) => [t.amountMinor, t.counterpartyBic])).toEqual(
      december2026.map((l) => [Math.round(Number(l.amount.replace(',', '.')) * 100), l.counterparty.bic === '' ? null : l.counterparty.bic]),
    );
  });

  it('puts statement warnings on stderr and still prints the transactions', async () => {
    const bytes = readFileSync(`${buxtehude}.sta`);
    const expected = JSON.parse(readFileSync(`${buxtehude}.json`, 'utf8')) as Array<{ statement_lines: unknown[] }>;
    const r = await runCli(['import', 'buxtehude.sta'], { 'buxtehude.sta': bytes });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(expected[0]!.statement_lines.length);
    expect(r.stderr).toMatch(/^buxtehude\.sta: detected MT940\nwarning: buxtehude\.sta, line \d+.*\n/);
  });

  it('says when --profile meets a file that is not CSV, or no profile fits', async () => {
    const r = await runCli(['import', 'november.sta', '--profile', 'sparkasse-csv-camt-v2'], { 'november.sta': sta });
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: 'november.sta: is MT940, and --profile is for CSV files. Leave --profile out, or give --format csv to read it as CSV anyway.\n',
    });
    const unknown = await runCli(['import', 'x.csv'], { 'x.csv': 'Wann;Wer;Wieviel\n01.10.2026;A;1,00\n' });
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toMatch(/^x\.csv: /);
    const contradicted = await runCli(['import', 'umsatz.csv', '--format', 'mt940'], { 'umsatz.csv': good });
    expect(contradicted).toEqual({ code: 1, stdout: '', stderr: 'umsatz.csv: was given as MT940, but its content is CSV\n' });
  });
});

describe('kontomatch profiles and --help', () => {
  it('lists the built-in profiles, id and name per line', async () => {
    const r = await runCli(['profiles']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toEqual(builtinProfiles.map((p) => `${p.id}\t${p.name}`));
    expect(lines).toContain('sparkasse-csv-camt-v2\tSparkasse CSV-CAMT V2 / V8');
  });

  it('prints help on stdout', async () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['import', '--help']]) {
      const r = await runCli(argv);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toContain('Usage:');
    }
  });
});

describe('the real command (bin/kontomatch.cjs + bundled dist/cli.cjs)', () => {
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kontomatch-cli-'));
    mkdirSync(path.join(dir, 'bin'));
    copyFileSync(path.join(repo, 'bin/kontomatch.cjs'), path.join(dir, 'bin/kontomatch.cjs'));
    await build({
      entryPoints: [path.join(repo, 'src/cli/bin.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: path.join(dir, 'dist/cli.cjs'),
      logLevel: 'silent',
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const node = (args: string[], cwd = dir) => spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });

  it('imports a real Sparkasse export', () => {
    const r = node([path.join(dir, 'bin/kontomatch.cjs'), 'import', simple2, '--profile', 'sparkasse-csv-camt-v2']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Array<{ purpose: string; amountMinor: number }>;
    expect(out).toHaveLength(17);
    expect(out[2]).toMatchObject({ purpose: 'Bücher', amountMinor: -6000 });
    expect(r.stderr).toContain('1 line(s) left out, not booked yet (pending booking): line 2');
  });

  it('exits 1 on a missing file and 2 on a wrong command', () => {
    const missing = node([path.join(dir, 'bin/kontomatch.cjs'), 'import', path.join(dir, 'nope.csv'), '--profile', 'sparkasse-csv-camt-v2']);
    expect([missing.status, missing.stdout, missing.stderr]).toEqual([1, '', `${path.join(dir, 'nope.csv')}: no such file\n`]);
    const wrong = node([path.join(dir, 'bin/kontomatch.cjs'), 'nonsense']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('Usage:');
  });

  it('tells to build first when dist/cli.cjs is missing', () => {
    const bare = mkdtempSync(path.join(tmpdir(), 'kontomatch-bare-'));
    try {
      mkdirSync(path.join(bare, 'bin'));
      copyFileSync(path.join(repo, 'bin/kontomatch.cjs'), path.join(bare, 'bin/kontomatch.cjs'));
      const r = node([path.join(bare, 'bin/kontomatch.cjs'), 'profiles'], bare);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('run `npm run build` first');
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it('is the same launcher file as in the repository', () => {
    expect(readFileSync(path.join(dir, 'bin/kontomatch.cjs'), 'utf8')).toBe(readFileSync(path.join(repo, 'bin/kontomatch.cjs'), 'utf8'));
  });
});
