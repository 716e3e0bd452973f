/**
 * What the import tests through the built bundle share: the bundle's folder, sheets read back as records by header, the
 * Sheets calls of one server call, and files as the sidebar sends them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRuntime, type LocalRuntime, type RuntimeOptions } from '../../local/runtime';

export const dist = path.resolve(__dirname, '../../dist');
export const shared = path.resolve(__dirname, '../../../shared');

export function runtime(options: Omit<RuntimeOptions, 'bundleDir'> = {}): LocalRuntime {
  return createRuntime({ bundleDir: dist, ...options });
}

export function base64(bytes: Uint8Array | string): string {
  return Buffer.from(bytes).toString('base64');
}

/** A file of ../shared/samples as the sidebar sends it. */
export function sampleFile(relative: string): { fileName: string; contentBase64: string; text: string; bytes: Buffer } {
  const bytes = readFileSync(path.join(shared, 'samples', relative));
  return { fileName: path.basename(relative), contentBase64: bytes.toString('base64'), text: bytes.toString('latin1'), bytes };
}

type Row = Record<string, unknown>;

/** The data rows of a sheet as records keyed by header text: `values` as stored, `display` as the user sees them. */
export function sheetRecords(rt: LocalRuntime, sheetName: string): { values: Row[]; display: Array<Record<string, string>> } {
  const sheet = rt.spreadsheet.sheet(sheetName);
  const values = sheet.values();
  const display = sheet.displayValues();
  const header = (values[0] ?? []).map(String);
  const byHeader = <T>(row: T[]): Record<string, T> => Object.fromEntries(header.map((h, i) => [h, row[i] as T]));
  return { values: values.slice(1).map(byHeader), display: display.slice(1).map(byHeader) };
}

/**
 * Runs an import of a file with `n` transactions into a workbook that already has both sheets, and counts the Sheets
 * calls it makes: `writes` (setValues), `grows` (insertRowsAfter: once, past the sheet's 1,000 rows) and everything else.
 */
export function importCalls(
  makeFile: (n: number, offset: number) => { fileName: string; contentBase64: string },
  n: number,
  request: Record<string, unknown> = {},
): { writes: number; grows: number; other: number; rows: number } {
  const rt = runtime();
  rt.call('importStatement', { ...makeFile(1, 0), importGoodRows: false, acceptWarnings: true, ...request });
  rt.counters.reset();
  const result = rt.call('importStatement', { ...makeFile(n, 1), importGoodRows: false, acceptWarnings: true, ...request }) as { imported: number };
  const snapshot = rt.counters.snapshot();
  const sheetsCalls = Object.entries(snapshot).filter(([k]) => /^(Range|Sheet|Spreadsheet)\./.test(k));
  return {
    grows: snapshot['Sheet.insertRowsAfter'] ?? 0,
    other: sheetsCalls.filter(([k]) => k !== 'Sheet.insertRowsAfter').reduce((sum, [, v]) => sum + v, 0),
    writes: snapshot['Range.setValues'] ?? 0,
    rows: result.imported,
  };
}
