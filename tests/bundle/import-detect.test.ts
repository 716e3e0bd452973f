/**
 * "Detect automatically" through the built bundle: the format from the content, and for CSV the bank profile among the
 * built-in ones and the document's own — or, when none fits, the header line seen and a draft profile made from it.
 *
 * The tests marked "(detection)" need `detectCsvProfile` (src/core/profiles/detect.ts); the others run on any core.
 */
import { describe, expect, it } from 'vitest';
import { firmAccount } from '../../local/sample/parties';
import { encodeWindows1252, october2026, sparkasseCsvText } from '../../local/sample/statement';
import { base64, runtime, sampleFile, sheetRecords } from '../helpers/import-bundle';

const booked = october2026.filter((l) => l.info !== 'Umsatz vorgemerkt');
const sparkasse = { fileName: 'sparkasse-2026-10.csv', contentBase64: base64(encodeWindows1252(sparkasseCsvText(october2026))) };

/** A bank no profile knows: a preamble, then a header no built-in profile uses, `;`, dates dd.mm.yyyy, `-1.234,56`. */
const oddHeader = ['Tag', 'Gegenüber', 'Notiz', 'Summe'];
const oddRows = [
  ['01.10.2026', 'Rheinblick Immobilien KG', 'Miete Oktober', '-2.850,00'],
  ['02.10.2026', 'Dr. Sabine Krüger', 'RE-2026-0141', '1.190,00'],
  ['05.10.2026', 'DATEV eG', 'Rechnung 2026/09', '-312,40'],
];
const oddCsv = ['Kontoauszug Hausbank;', 'Konto;DE85370501980019283746', '', oddHeader.join(';'), ...oddRows.map((r) => r.join(';')), ''].join('\r\n');
const odd = { fileName: 'hausbank.csv', contentBase64: base64(encodeWindows1252(oddCsv)) };

type NoProfile = { status: 'no-profile'; fileName: string; message: string; header: string[]; draft: Record<string, unknown> & { columns: Record<string, unknown> } };

describe('detecting format and profile', () => {
  it('(detection) finds the Sparkasse profile for the sample statement, and the import reads it the same way', () => {
    const rt = runtime();
    const preview = rt.call('previewImport', sparkasse) as Record<string, unknown>;
    expect(preview).toMatchObject({
      status: 'ready',
      format: 'csv',
      formatDetected: true,
      profileId: 'sparkasse-csv-camt-v2',
      profileDetected: true,
      account: firmAccount.iban,
      newCount: booked.length,
      skippedCount: 1,
    });
    const result = rt.call('importStatement', { ...sparkasse, format: 'csv', profileId: preview.profileId, importGoodRows: false });
    expect(result).toMatchObject({ status: 'imported', imported: booked.length });
  });

  it('(detection) finds the Sparkasse profile for a real Sparkasse export', () => {
    const file = sampleFile('csv/omarkohl__ofxstatement-sparkasse-freiburg__tests__data__simple2.csv');
    const preview = runtime().call('previewImport', { fileName: file.fileName, contentBase64: file.contentBase64 }) as Record<string, unknown>;
    expect(preview).toMatchObject({ status: 'ready', format: 'csv', profileId: 'sparkasse-csv-camt-v2', profileDetected: true });
  });

  it('(detection) finds the document\'s own profile among the candidates', () => {
    const rt = runtime();
    const profile = {
      id: 'custom-new', name: 'Hausbank', header: { present: true, findByText: 'Tag' }, dateFormats: ['dd.mm.yyyy'], decimalSeparator: ',', thousandsSeparator: '.',
      columns: { bookingDate: 'Tag', counterpartyName: 'Gegenüber', purpose: 'Notiz', amount: 'Summe' },
    };
    const saved = rt.call('saveProfile', { id: null, profile }) as { id: string };
    const preview = rt.call('previewImport', odd) as Record<string, unknown>;
    expect(preview).toMatchObject({ status: 'ready', profileId: saved.id, profileName: 'Hausbank', profileDetected: true, newCount: oddRows.length });
  });

  it('says when no profile fits, shows the header line it saw, and drafts a profile from it', () => {
    const rt = runtime();
    const result = rt.call('previewImport', odd) as NoProfile;
    expect(result.status).toBe('no-profile');
    expect(result.fileName).toBe('hausbank.csv');
    expect(result.message).not.toBe('');
    expect(result.header).toEqual(oddHeader);
    // The draft finds the header by its text (a preamble may grow) and knows the delimiter.
    expect(result.draft).toMatchObject({ delimiter: ';', header: { present: true, findByText: 'Tag' }, decimalSeparator: ',' });
    expect(rt.spreadsheet.getSheetByName('Imports')).toBeNull();

    // The draft is incomplete (these header texts are nobody's usual ones): the editor's preview names what is missing.
    const draftPreview = rt.call('previewProfile', { profile: result.draft, ...odd }) as { status: string; issues: Array<{ field: string }> };
    expect(draftPreview.status).toBe('invalid');
    expect(draftPreview.issues.map((i) => i.field)).toEqual(expect.arrayContaining(['columns.bookingDate', 'columns.counterpartyName']));

    // Completed in the editor, it reads the file.
    const completed = { ...result.draft, columns: { ...result.draft.columns, bookingDate: 'Tag', counterpartyName: 'Gegenüber', purpose: 'Notiz', amount: 'Summe' } };
    const ready = rt.call('previewProfile', { profile: completed, ...odd }) as { status: string; rows: Array<{ bookingDate: string; counterpartyName: string; amountMinor: number }> };
    expect(ready.status).toBe('ready');
    expect(ready.rows.map((r) => [r.bookingDate, r.counterpartyName, r.amountMinor])).toEqual([
      ['2026-10-01', 'Rheinblick Immobilien KG', -285000],
      ['2026-10-02', 'Dr. Sabine Krüger', 119000],
      ['2026-10-05', 'DATEV eG', -31240],
    ]);
  });

  it('drafts the usual German header texts into the right columns', () => {
    const header = ['Buchungsdatum', 'Wertstellung', 'Empfänger', 'IBAN', 'Verwendungszweck', 'Betrag (EUR)'];
    const text = [header.join(','), '2026-10-01,2026-10-01,Rheinblick Immobilien KG,DE68370501980003318822,Miete Oktober,-2850.00', ''].join('\n');
    const file = { fileName: 'export.csv', contentBase64: base64(text) };
    const rt = runtime();
    const result = rt.call('previewImport', file) as NoProfile;
    if (result.status !== 'no-profile') return expect.fail(`a built-in profile took this file: ${JSON.stringify(result)}`);
    expect(result.header).toEqual(header);
    expect(result.draft).toMatchObject({
      delimiter: ',',
      dateFormats: ['yyyy-mm-dd'],
      decimalSeparator: '.',
      columns: { bookingDate: 'Buchungsdatum', valueDate: 'Wertstellung', counterpartyName: 'Empfänger', counterpartyIban: 'IBAN', purpose: 'Verwendungszweck', amount: 'Betrag (EUR)' },
    });
    const preview = rt.call('previewProfile', { profile: result.draft, ...file }) as { status: string; rows: Array<{ amountMinor: number; counterpartyIban: string }> };
    expect(preview).toMatchObject({ status: 'ready', rows: [{ amountMinor: -285000, counterpartyIban: 'DE68370501980003318822' }] });
  });

  it('refuses a chosen format the content contradicts, and an empty or binary file, by name', () => {
    const rt = runtime();
    expect(() => rt.call('previewImport', { ...sparkasse, format: 'mt940' })).toThrow(/^sparkasse-2026-10\.csv: was given as MT940, but its content is CSV$/);
    expect(() => rt.call('previewImport', { fileName: 'leer.csv', contentBase64: '' })).toThrow(/^leer\.csv: is empty/);
    const png = base64(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]));
    expect(() => rt.call('previewImport', { fileName: 'scan.png', contentBase64: png })).toThrow(/^scan\.png: .*binary/);
    expect(() => rt.call('importStatement', { fileName: 'scan.png', contentBase64: png, importGoodRows: true })).toThrow(/^scan\.png: .*binary/);
    expect(rt.spreadsheet.getSheetByName('Imports')).toBeNull();
  });

  it('refuses a file over 50 MB before reading it, and names a wrong encoding', () => {
    const rt = runtime();
    const huge = 'A'.repeat(Math.ceil((50 * 1024 * 1024) / 3) * 4 + 4);
    expect(() => rt.call('previewImport', { fileName: 'huge.csv', contentBase64: huge })).toThrow(/^Invalid request to previewImport: contentBase64: the file is larger than 50 MB/);
    // A profile that says UTF-8, and a file in Windows-1252 (as Sparkasse writes it).
    const utf8 = { id: 'custom-new', name: 'Sparkasse UTF-8', encoding: 'utf-8', header: { present: true, findByText: 'Auftragskonto' }, thousandsSeparator: '.', dateFormats: ['dd.mm.yy'],
      columns: { bookingDate: 'Buchungstag', counterpartyName: 'Beguenstigter/Zahlungspflichtiger', purpose: 'Verwendungszweck', amount: 'Betrag' } };
    const message = 'sparkasse-2026-10.csv: is not valid UTF-8; choose the encoding Windows-1252 in the bank profile';
    const draftPreview = rt.call('previewProfile', { profile: utf8, ...sparkasse }) as { status: string; message: string; sampleLines: string[] };
    expect(draftPreview).toMatchObject({ status: 'unreadable', message });
    // The user still sees the file's first lines, decoded as detected, to put the encoding right.
    expect(draftPreview.sampleLines[2]).toContain('Müller Bau GmbH');
    const saved = rt.call('saveProfile', { id: null, profile: utf8 }) as { id: string };
    expect(() => rt.call('previewImport', { ...sparkasse, profileId: saved.id })).toThrow(message);
  });

  it('imports a file no profile fits only with a profile: the attempt is refused by name', () => {
    const rt = runtime();
    expect(() => rt.call('importStatement', { ...odd, importGoodRows: true })).toThrow(/^hausbank\.csv: /);
    expect(rt.spreadsheet.getSheetByName('Transactions')).toBeNull();
    // With a profile chosen, the same file imports (the user's choice wins over detection).
    const saved = rt.call('saveProfile', {
      id: null,
      profile: { id: 'custom-new', name: 'Hausbank', header: { present: true, findByText: 'Tag' }, dateFormats: ['dd.mm.yyyy'], thousandsSeparator: '.', columns: { bookingDate: 'Tag', counterpartyName: 'Gegenüber', purpose: 'Notiz', amount: 'Summe' } },
    }) as { id: string };
    expect(rt.call('importStatement', { ...odd, profileId: saved.id, importGoodRows: false })).toMatchObject({ status: 'imported', imported: 3 });
    expect(sheetRecords(rt, 'Imports').values[0]).toMatchObject({ Profile: 'Hausbank', Format: 'CSV', 'Rows read': 3 });
  });
});
