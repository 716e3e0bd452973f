/**
 * `kontomatch export` on files in memory: DATEV batches checked by the independent validator and parsed back, CSV, and
 * bad input named with file and field. The built command (dist/cli.cjs) is run once as a process too.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { parseExtfBookings, validateExtf } from '../helpers/datev-validator';

const BOOKINGS = {
  bankAccount: '1200',
  datev: { consultantNumber: 29098, clientNumber: 55003 },
  bookings: [
    { id: 'B-00001', date: '2026-10-02', amount: '-119.00', description: 'Büromaterial Müller & Söhne', glAccount: '4930', taxRate: '19', receiptNumber: 'RE-4711' },
    { id: 'B-00002', date: '2026-10-05', amount: '4165.00', description: 'Honorar Müller Bau GmbH', glAccount: '8400', taxRate: '19' },
    { id: 'B-00003', date: '2026-11-03', amount: '-59.50', description: '=1+1 Telekom', glAccount: '4920', taxRate: '19' },
  ],
};

function run(argv: string[], files: Record<string, string>, env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const written: Record<string, Uint8Array> = {};
  return main(argv, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    readFile: (p) => {
      if (!(p in files)) throw Object.assign(new Error(`ENOENT: no such file, open '${p}'`), { code: 'ENOENT' });
      return new TextEncoder().encode(files[p]);
    },
    export: {
      writeFile: (p, bytes) => void (written[p] = bytes),
      env,
      http: { send: () => { throw new Error('no HTTP in this test'); } },
      sleep: () => undefined,
      nowMs: () => Date.UTC(2026, 10, 22, 12, 0, 0),
    },
  }).then((code) => ({ code, stdout, stderr, written }));
}

describe('kontomatch export', () => {
  it('writes one valid DATEV batch per month, and the round trip gives the same bookings', async () => {
    const result = await run(['export', '--target', 'datev', '--bookings', 'b.json'], { 'b.json': JSON.stringify(BOOKINGS) });
    expect(result.stderr).toContain('EXTF_Buchungsstapel_2026-10-01_2026-10-31.csv: 2 booking(s)');
    expect(result.code).toBe(0);
    const names = Object.keys(result.written).sort();
    expect(names).toEqual(['EXTF_Buchungsstapel_2026-10-01_2026-10-31.csv', 'EXTF_Buchungsstapel_2026-11-01_2026-11-30.csv']);
    const october = result.written[names[0]!]!;
    expect(validateExtf(october).errors).toEqual([]);
    expect(parseExtfBookings(october).map((b) => [b.date, b.amountMinor, b.glAccount, b.bankAccount, b.text])).toEqual([
      ['2026-10-02', -11900, '4930', '1200', 'Büromaterial Müller & Söhne'],
      ['2026-10-05', 416500, '8400', '1200', 'Honorar Müller Bau GmbH'],
    ]);
  });

  it('writes a CSV where text cannot become a formula', async () => {
    const result = await run(['export', '--target', 'csv', '--bookings', 'b.json', '--out', 'out.csv'], { 'b.json': JSON.stringify(BOOKINGS) });
    expect(result.code).toBe(0);
    const text = new TextDecoder().decode(result.written['out.csv']);
    expect(text).toContain("'=1+1 Telekom");
    expect(text).toContain('-59.50');
  });

  it('names the file and field of bad input, and reads keys only from the environment', async () => {
    const bad = { ...BOOKINGS, bookings: [{ ...BOOKINGS.bookings[0], amount: '119,00' }] };
    const result = await run(['export', '--target', 'datev', '--bookings', 'b.json'], { 'b.json': JSON.stringify(bad) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('b.json: bookings[0].amount: expected an amount like "-119.00"');
    expect(Object.keys(result.written)).toEqual([]);
    const twice = { ...BOOKINGS, bookings: [BOOKINGS.bookings[0], BOOKINGS.bookings[0]] };
    expect((await run(['export', '--target', 'csv', '--bookings', 'b.json'], { 'b.json': JSON.stringify(twice) })).stderr).toContain('bookings[1].id: "B-00001" appears twice');
    const noKey = await run(['export', '--target', 'lexoffice', '--bookings', 'b.json'], { 'b.json': JSON.stringify(BOOKINGS) });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('set KONTOMATCH_LEXOFFICE_API_KEY');
    expect((await run(['export', '--target', 'sevdesk', '--bookings', 'b.json'], {})).stderr).toContain('--target must be datev, csv, lexoffice or bexio');
  });

  it('runs as the built command and writes the file given by --out', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'km-export-'));
    writeFileSync(path.join(dir, 'b.json'), JSON.stringify({ ...BOOKINGS, bookings: BOOKINGS.bookings.slice(0, 2) }));
    const bin = path.resolve(__dirname, '../../bin/kontomatch.cjs');
    execFileSync(process.execPath, [bin, 'export', '--target', 'datev', '--bookings', 'b.json', '--out', 'EXTF_oktober.csv'], { cwd: dir, stdio: 'pipe' });
    expect(readdirSync(dir).sort()).toEqual(['EXTF_oktober.csv', 'b.json']);
    expect(validateExtf(readFileSync(path.join(dir, 'EXTF_oktober.csv'))).errors).toEqual([]);
  });
});
