/**
 * The "Imports" sheet through the built bundle: every import attempt leaves one entry — file, format, profile, account,
 * period, counts, warnings, status, who and when — written in the same lock as the transactions.
 */
import { describe, expect, it } from 'vitest';
import { firmAccount } from '../../local/sample/parties';
import { encodeWindows1252, october2026, october2026Bad, sparkasseCsvText, type StatementLine } from '../../local/sample/statement';
import { base64, runtime, sheetRecords } from '../helpers/import-bundle';

const profileId = 'sparkasse-csv-camt-v2';

function csv(fileName: string, lines: StatementLine[]) {
  return { fileName, contentBase64: base64(encodeWindows1252(sparkasseCsvText(lines))), profileId };
}

/** `26.10.26` → `26.10.2026`, as a German spreadsheet shows the date. */
const shown = (d: string): string => `${d.slice(0, 6)}20${d.slice(6)}`;
const sortable = (d: string): string => `${d.slice(6)}${d.slice(3, 5)}${d.slice(0, 2)}`;

describe('the "Imports" sheet', () => {
  const booked = october2026.filter((l) => l.info !== 'Umsatz vorgemerkt');
  const dates = booked.map((l) => l.booked).sort((a, b) => sortable(a).localeCompare(sortable(b)));

  it('records an import: file, format, profile, account, period, counts, status, who and when', () => {
    const rt = runtime({ workbook: { locale: 'de_DE', timeZone: 'Europe/Berlin' }, user: 'anna.berger@kanzlei-berger.example' });
    const before = Date.now();
    const result = rt.call('importStatement', { ...csv('umsatz-oktober.csv', october2026), importGoodRows: false }) as Record<string, unknown>;
    expect(result).toMatchObject({ status: 'imported', imported: booked.length, duplicates: 0, rejected: 0, skipped: 1, warnings: 0 });

    const { values, display } = sheetRecords(rt, 'Imports');
    expect(values).toHaveLength(1);
    expect(values[0]).toMatchObject({
      'Imported by': 'anna.berger@kanzlei-berger.example',
      File: 'umsatz-oktober.csv',
      Format: 'CSV',
      Profile: 'Sparkasse CSV-CAMT V2 / V8',
      Account: firmAccount.iban,
      'Rows read': october2026.length,
      New: booked.length,
      Duplicates: 0,
      Rejected: 0,
      Skipped: 1,
      Status: 'imported',
      Warnings: '',
    });
    expect(display[0]).toMatchObject({ 'Period from': shown(dates[0]!), 'Period to': shown(dates.at(-1)!) });
    const at = values[0]!['Imported at'] as Date;
    expect(at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(display[0]!['Imported at']).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
  });

  it('records a re-import that added nothing, and a refused attempt, so the history is complete', () => {
    const rt = runtime();
    rt.call('importStatement', { ...csv('oktober.csv', october2026), importGoodRows: false });
    const again = rt.call('importStatement', { ...csv('oktober.csv', october2026), importGoodRows: false }) as Record<string, unknown>;
    expect(again).toMatchObject({ status: 'nothing-new', imported: 0, duplicates: booked.length });
    const refused = rt.call('importStatement', { ...csv('kaputt.csv', october2026Bad), importGoodRows: false }) as Record<string, unknown>;
    expect(refused).toMatchObject({ status: 'refused', imported: 0, rejected: 2 });
    expect(refused.message).toMatch(/^kaputt\.csv: 2 lines could not be read; nothing was imported\.$/);

    const { values } = sheetRecords(rt, 'Imports');
    expect(values.map((v) => [v.File, v.Status, v.New, v.Duplicates, v.Rejected])).toEqual([
      ['oktober.csv', 'imported', booked.length, 0, 0],
      ['oktober.csv', 'nothing-new', 0, booked.length, 0],
      ['kaputt.csv', 'refused', 0, 0, 2],
    ]);
    // The refused file's good rows were not written.
    expect(rt.spreadsheet.sheet('Transactions').values()).toHaveLength(booked.length + 1);
    const accepted = rt.call('importStatement', { ...csv('kaputt.csv', october2026Bad), importGoodRows: true }) as Record<string, unknown>;
    expect(accepted).toMatchObject({ status: 'imported', imported: october2026Bad.length - 2, rejected: 2 });
    expect(sheetRecords(rt, 'Imports').values.at(-1)).toMatchObject({ File: 'kaputt.csv', Status: 'imported', New: october2026Bad.length - 2, Rejected: 2 });
  });

  it('a refused first attempt creates the history, but not the "Transactions" sheet', () => {
    const rt = runtime();
    rt.call('importStatement', { ...csv('kaputt.csv', october2026Bad), importGoodRows: false });
    expect(rt.spreadsheet.getSheetByName('Transactions')).toBeNull();
    expect(sheetRecords(rt, 'Imports').values).toHaveLength(1);
  });

  it('writes something sensible when Google does not tell the user\'s email', () => {
    const rt = runtime({ user: '' });
    rt.call('importStatement', { ...csv('oktober.csv', october2026.slice(0, 2)), importGoodRows: false });
    expect(sheetRecords(rt, 'Imports').values[0]!['Imported by']).toBe('(email not available)');
    expect(sheetRecords(rt, 'Transactions').values[0]!['Imported by']).toBe('(email not available)');
  });
});
