/**
 * Custom bank profiles through the built bundle, as the sidebar's profile editor drives them: copy a built-in one, change
 * it with a live preview, save it with the document, load, edit, delete; validation naming the field; broken stored
 * profiles reported, not crashing the list; the platform's size limits refused in words.
 */
import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../local/runtime';
import { firmAccount } from '../../local/sample/parties';
import { encodeWindows1252, october2026, sparkasseCsvText } from '../../local/sample/statement';
import { base64, runtime, sheetRecords } from '../helpers/import-bundle';

const sparkasseId = 'sparkasse-csv-camt-v2';
const sample = { fileName: 'sparkasse-2026-10.csv', contentBase64: base64(encodeWindows1252(sparkasseCsvText(october2026))) };
const booked = october2026.filter((l) => l.info !== 'Umsatz vorgemerkt');

type Profile = Record<string, unknown> & { id: string; name: string; columns: Record<string, unknown> };
type Listing = { profiles: Array<{ id: string; name: string; description: string; builtin: boolean }>; broken: Array<{ id: string; message: string }> };
type Saved = { status: 'saved'; id: string; name: string } | { status: 'invalid'; message: string; issues: Array<{ field: string; message: string }> };
type ProfilePreview = {
  status: 'ready' | 'invalid' | 'unreadable';
  message?: string;
  issues?: Array<{ field: string; message: string }>;
  rows?: Array<{ counterpartyName: string; purpose: string; amountMinor: number }>;
  rowsRead?: number;
  transactionCount?: number;
  sampleLines: string[];
};

function copyOf(rt: ReturnType<typeof runtime>, id: string): Profile {
  const { profile, builtin } = rt.call('getProfile', { id }) as { profile: Profile; builtin: boolean };
  expect(builtin).toBe(true);
  return { ...profile, id: 'custom-new', name: `${profile.name} (copy)` };
}

describe('custom bank profiles', () => {
  it('lists the built-in profiles as built-in, and none of the document\'s own yet', () => {
    const listing = runtime().call('listProfiles', {}) as Listing;
    expect(listing.broken).toEqual([]);
    expect(listing.profiles.find((p) => p.id === sparkasseId)).toMatchObject({ builtin: true });
    expect(listing.profiles.every((p) => p.builtin)).toBe(true);
  });

  it('copies a built-in profile, previews a change live, saves it with the document, imports with it', () => {
    const rt = runtime();
    const draft = copyOf(rt, sparkasseId);

    // The live preview: first with the copy as it is, then with the counterparty taken from the booking text.
    const before = rt.call('previewProfile', { profile: draft, ...sample }) as ProfilePreview;
    expect(before).toMatchObject({ status: 'ready', rowsRead: october2026.length, transactionCount: booked.length });
    expect(before.rows!.map((r) => r.counterpartyName)).toEqual(booked.slice(0, 20).map((l) => l.counterparty.name));
    expect(before.sampleLines[0]).toMatch(/^"Auftragskonto";"Buchungstag";/);
    const changed = { ...draft, columns: { ...draft.columns, counterpartyName: 'Buchungstext' } };
    const after = rt.call('previewProfile', { profile: changed, ...sample }) as ProfilePreview;
    expect(after.rows!.map((r) => r.counterpartyName)).toEqual(booked.slice(0, 20).map((l) => l.text));
    // Nothing is stored by previewing.
    expect(rt.documentProperties.getKeys()).toEqual([]);

    const saved = rt.call('saveProfile', { id: null, profile: changed }) as Saved;
    expect(saved).toEqual({ status: 'saved', id: 'custom-sparkasse-csv-camt-v2-v8-copy', name: 'Sparkasse CSV-CAMT V2 / V8 (copy)' });
    // One document property per profile, holding the profile as the schema made it.
    const stored = JSON.parse(rt.documentProperties.getProperty('profile.custom-sparkasse-csv-camt-v2-v8-copy')!) as Profile;
    expect(stored).toMatchObject({ id: 'custom-sparkasse-csv-camt-v2-v8-copy', columns: { counterpartyName: 'Buchungstext' } });

    const listing = rt.call('listProfiles', {}) as Listing;
    expect(listing.profiles.filter((p) => !p.builtin).map((p) => p.id)).toEqual(['custom-sparkasse-csv-camt-v2-v8-copy']);

    const result = rt.call('importStatement', { ...sample, profileId: 'custom-sparkasse-csv-camt-v2-v8-copy', importGoodRows: false });
    expect(result).toMatchObject({ status: 'imported', imported: booked.length });
    expect(sheetRecords(rt, 'Transactions').values.map((r) => r.Counterparty)).toEqual(booked.map((l) => l.text));
    expect(sheetRecords(rt, 'Imports').values[0]).toMatchObject({ Profile: 'Sparkasse CSV-CAMT V2 / V8 (copy)', Account: firmAccount.iban });
  });

  it('gives every new profile its own id, never a built-in one', () => {
    const rt = runtime();
    const draft = { ...copyOf(rt, sparkasseId), id: sparkasseId };
    const first = rt.call('saveProfile', { id: null, profile: draft }) as Saved;
    const second = rt.call('saveProfile', { id: null, profile: draft }) as Saved;
    expect([first, second].map((s) => (s.status === 'saved' ? s.id : s.message))).toEqual([
      'custom-sparkasse-csv-camt-v2-v8-copy',
      'custom-sparkasse-csv-camt-v2-v8-copy-2',
    ]);
    // The built-in profile is untouched, and cannot be overwritten or deleted.
    expect(rt.call('saveProfile', { id: sparkasseId, profile: draft })).toMatchObject({
      status: 'invalid',
      message: `"${sparkasseId}" is a built-in profile: copy it, and change the copy.`,
    });
    expect(() => rt.call('deleteProfile', { id: sparkasseId })).toThrow(/built-in profile and cannot be deleted/);
    expect((rt.call('getProfile', { id: sparkasseId }) as { builtin: boolean }).builtin).toBe(true);
  });

  it('edits a saved profile in place and another editor of the spreadsheet sees it', () => {
    const book = createWorkbook();
    const anna = runtime({ workbook: book, user: 'anna@example.org' });
    const ben = runtime({ workbook: book, user: 'ben@example.org' });
    const saved = anna.call('saveProfile', { id: null, profile: copyOf(anna, sparkasseId) }) as Saved & { id: string };
    const { profile, builtin } = ben.call('getProfile', { id: saved.id }) as { profile: Profile; builtin: boolean };
    expect(builtin).toBe(false);
    const renamed = ben.call('saveProfile', { id: saved.id, profile: { ...profile, name: 'Sparkasse KölnBonn' } }) as Saved;
    expect(renamed).toEqual({ status: 'saved', id: saved.id, name: 'Sparkasse KölnBonn' });
    expect((anna.call('listProfiles', {}) as Listing).profiles.filter((p) => !p.builtin).map((p) => [p.id, p.name])).toEqual([
      [saved.id, 'Sparkasse KölnBonn'],
    ]);
  });

  it('refuses an invalid profile with the schema\'s message naming the field, in preview and on saving', () => {
    const rt = runtime();
    const draft = copyOf(rt, sparkasseId);
    const broken = { ...draft, columns: { ...draft.columns, amount: { column: 3 } }, dateFormats: ['tt.mm.jjjj'] };
    const preview = rt.call('previewProfile', { profile: broken, ...sample }) as ProfilePreview;
    expect(preview.status).toBe('invalid');
    expect(preview.issues).toEqual(
      expect.arrayContaining([
        { field: 'columns.amount', message: expect.stringMatching(/^expected a column index \(0, 1, …\), -1, a header text/) },
        { field: 'dateFormats[0]', message: expect.stringMatching(/is not a date pattern/) },
      ]),
    );
    // The sample's first lines come along even then: the user sees what they are describing.
    expect(preview.sampleLines).toHaveLength(12);
    const saved = rt.call('saveProfile', { id: null, profile: broken }) as Saved;
    expect(saved.status).toBe('invalid');
    if (saved.status === 'invalid') expect(saved.message).toMatch(/^columns\.amount: expected a column index/m);
    expect(rt.documentProperties.getKeys()).toEqual([]);

    const unknownField = rt.call('saveProfile', { id: null, profile: { ...draft, colums: {} } }) as Saved;
    expect(unknownField).toMatchObject({ status: 'invalid', issues: [{ field: '', message: 'unknown field "colums"' }] });
  });

  it('says why the file cannot be read with a draft, e.g. a header text the file does not have', () => {
    const rt = runtime();
    const draft = copyOf(rt, sparkasseId);
    const preview = rt.call('previewProfile', { profile: { ...draft, header: { present: true, findByText: 'Kontonummer' } }, ...sample }) as ProfilePreview;
    expect(preview.status).toBe('unreadable');
    expect(preview.message).toMatch(/^sparkasse-2026-10\.csv: .*"Kontonummer"/);
  });

  it('reports a broken stored profile instead of failing the list, and lets it be deleted', () => {
    const rt = runtime();
    const good = rt.call('saveProfile', { id: null, profile: copyOf(rt, sparkasseId) }) as Saved & { id: string };
    // Written by an older version, or by hand: not JSON, a field the schema refuses, an id that is not its key.
    rt.documentProperties.setProperty('profile.custom-old', '{"id": "custom-old", "name": ');
    rt.documentProperties.setProperty('profile.custom-bad', JSON.stringify({ id: 'custom-bad', name: 'Bad', columns: { bookingDate: 0, counterpartyName: 1, purpose: 2, amount: 'x', delimiter: ';' } }));
    rt.documentProperties.setProperty('profile.custom-moved', JSON.stringify({ ...copyOf(rt, sparkasseId), id: 'custom-elsewhere' }));
    const listing = rt.call('listProfiles', {}) as Listing;
    expect(listing.profiles.filter((p) => !p.builtin).map((p) => p.id)).toEqual([good.id]);
    expect(listing.broken).toEqual([
      { id: 'custom-bad', message: expect.stringMatching(/^The stored profile "custom-bad" is not valid: columns: unknown field "delimiter"/) },
      { id: 'custom-moved', message: 'The stored profile "custom-moved" carries the id "custom-elsewhere"; delete it and create it again.' },
      { id: 'custom-old', message: 'The stored profile "custom-old" is damaged (not JSON). Delete it and create it again.' },
    ]);
    expect(() => rt.call('getProfile', { id: 'custom-bad' })).toThrow(/not valid: columns: unknown field "delimiter"/);
    // Broken profiles are no candidates: the good ones still import.
    expect(rt.call('previewImport', { ...sample, profileId: good.id })).toMatchObject({ status: 'ready', profileId: good.id });
    expect(rt.call('deleteProfile', { id: 'custom-old' })).toEqual({ deleted: true });
    expect((rt.call('listProfiles', {}) as Listing).broken.map((b) => b.id)).toEqual(['custom-bad', 'custom-moved']);
  });

  it('deletes a profile; deleting it again finds nothing', () => {
    const rt = runtime();
    const saved = rt.call('saveProfile', { id: null, profile: copyOf(rt, sparkasseId) }) as Saved & { id: string };
    expect(rt.call('deleteProfile', { id: saved.id })).toEqual({ deleted: true });
    expect(rt.call('deleteProfile', { id: saved.id })).toEqual({ deleted: false });
    expect((rt.call('listProfiles', {}) as Listing).profiles.every((p) => p.builtin)).toBe(true);
    expect(() => rt.call('previewImport', { ...sample, profileId: saved.id })).toThrow(`There is no bank profile "${saved.id}".`);
  });

  it('refuses, in words, a profile over 9 KB and a store that would pass 500 KB', () => {
    const rt = runtime();
    const big = { ...copyOf(rt, sparkasseId), description: 'x'.repeat(10 * 1024) };
    const refused = rt.call('saveProfile', { id: null, profile: big }) as Saved;
    expect(refused).toEqual({
      status: 'invalid',
      message: expect.stringMatching(
        /^The profile "Sparkasse CSV-CAMT V2 \/ V8 \(copy\)" takes 1\d KB; a profile stored with the spreadsheet may take at most 9 KB\. Shorten its description or skip rules\.$/,
      ),
      issues: [],
    });
    // Other settings of the spreadsheet fill the store almost to Google's limit.
    for (let i = 0; i < 55; i++) rt.documentProperties.setProperty(`setting.${i}`, 'y'.repeat(9 * 1024));
    const used = rt.documentProperties.getKeys().reduce((n, k) => n + k.length + rt.documentProperties.getProperty(k)!.length, 0);
    rt.documentProperties.setProperty('setting.last', 'y'.repeat(500 * 1024 - 1024 - used - 'setting.last'.length));
    const full = rt.call('saveProfile', { id: null, profile: copyOf(rt, sparkasseId) }) as Saved;
    expect(full.status).toBe('invalid');
    if (full.status === 'invalid') expect(full.message).toMatch(/^The spreadsheet's stored settings would exceed the 500 KB Google allows \(\d+ KB are in use\)/);
    expect(rt.documentProperties.getKeys().some((k) => k.startsWith('profile.'))).toBe(false);
  });

  it('reads the SEPA references into their own columns when the profile names them', () => {
    const rt = runtime();
    const draft = copyOf(rt, sparkasseId);
    const withSepa = {
      ...draft,
      columns: { ...draft.columns, endToEndId: 'Kundenreferenz (End-to-End)', mandateReference: 'Mandatsreferenz', creditorId: 'Glaeubiger ID', counterpartyBic: 'BIC (SWIFT-Code)' },
    };
    const saved = rt.call('saveProfile', { id: null, profile: withSepa }) as Saved & { id: string };
    rt.call('importStatement', { ...sample, profileId: saved.id, importGoodRows: false });
    const rows = sheetRecords(rt, 'Transactions').values;
    const notProvided = (v: string | undefined): string => (v === undefined || v === 'NOTPROVIDED' ? '' : v);
    expect(rows.map((r) => [r['End-to-end ID'], r['Mandate reference'], r['Creditor ID'], r.BIC])).toEqual(
      booked.map((l) => [notProvided(l.endToEnd), l.mandate ?? '', l.creditorId ?? '', l.counterparty.bic]),
    );
  });
});
