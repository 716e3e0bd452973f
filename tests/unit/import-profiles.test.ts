/**
 * The pure parts behind custom profiles: ids that never meet a built-in one, the schema's verdict per field, the header
 * and draft made from a file no profile fits, and the editor's text boxes ↔ profile values.
 */
import { describe, expect, it } from 'vitest';
import { columnText, headerTexts, listText, parseColumnText, parseListText, splitLine } from '../../sidebar/profile-fields';
import { builtinProfiles } from '../../src/core/profiles/builtin';
import { csvProfileSchema } from '../../src/core/profiles/profile';
import { importEntryCells, warningsSummary } from '../../src/core/tables/imports';
import { draftProfile, findHeader } from '../../src/server/use-cases/profile-draft';
import { checkProfile, CUSTOM_ID_PREFIX, isCustomId, newCustomId } from '../../src/server/use-cases/profile-store';

describe('custom profile ids', () => {
  it('no built-in profile id starts with the custom prefix, so no saved profile can ever collide with one', () => {
    expect(builtinProfiles.length).toBeGreaterThan(0);
    expect(builtinProfiles.filter((p) => p.id.startsWith(CUSTOM_ID_PREFIX)).map((p) => p.id)).toEqual([]);
    expect(builtinProfiles.map((p) => isCustomId(p.id))).toEqual(builtinProfiles.map(() => false));
  });

  it('makes an id from the name, readable and unique', () => {
    const none = (): boolean => false;
    expect(newCustomId('Sparkasse KölnBonn (Giro)', none)).toBe('custom-sparkasse-koelnbonn-giro');
    expect(newCustomId('Straße & Söhne — Crédit', none)).toBe('custom-strasse-soehne-credit');
    expect(newCustomId('€€€', none)).toBe('custom-profile');
    const taken = new Set(['custom-meine-bank', 'custom-meine-bank-2']);
    expect(newCustomId('Meine Bank', (id) => taken.has(id))).toBe('custom-meine-bank-3');
    // Whatever the name, the id passes the profile schema's rule for ids.
    for (const name of ['A', 'x'.repeat(300), 'Ümlaut ÄÖÜ', '---']) {
      expect(newCustomId(name, none)).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    }
  });

  it('names every problem of a profile by its field', () => {
    const result = checkProfile({ id: 'custom-x', name: '', columns: { bookingDate: 0, counterpartyName: 1, purpose: 2 }, delimiter: 'x', extra: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.field)).toEqual(expect.arrayContaining(['', 'name', 'delimiter']));
    expect(result.issues.find((i) => i.field === '')?.message).toBe('unknown field "extra"');
    expect(result.message.split('\n')).toContain('unknown field "extra"');
  });
});

describe('a draft profile from a file no profile fits', () => {
  const text = ['Umsatzliste;;', 'Zeitraum;01.10.2026 - 31.10.2026;', '', 'Buchungstag;Empfänger;Verwendungszweck;Betrag', '01.10.2026;"Rheinblick; KG";Miete;-2.850,00', '02.10.2026;Krüger;RE-1;1.190,00'].join('\n');

  it('finds the header after a preamble, with its delimiter', () => {
    expect(findHeader(text, null)).toMatchObject({ delimiter: ';', line: 4, cells: ['Buchungstag', 'Empfänger', 'Verwendungszweck', 'Betrag'] });
    // The detection's view of the header wins where it is given.
    expect(findHeader(text, ['Buchungstag', 'Empfänger', 'Verwendungszweck', 'Betrag'])?.line).toBe(4);
  });

  it('maps the usual header texts and guesses the number and date forms; the schema accepts the draft', () => {
    const draft = draftProfile('umsatz.csv', findHeader(text, null));
    expect(draft).toMatchObject({
      name: 'umsatz',
      delimiter: ';',
      header: { present: true, findByText: 'Buchungstag' },
      dateFormats: ['dd.mm.yyyy', 'dd.mm.yy'],
      decimalSeparator: ',',
      thousandsSeparator: '.',
      columns: { bookingDate: 'Buchungstag', counterpartyName: 'Empfänger', purpose: 'Verwendungszweck', amount: 'Betrag', valueDate: -1 },
    });
    expect(csvProfileSchema.safeParse(draft).success).toBe(true);
  });
});

describe('the editor\'s text boxes', () => {
  it('shows and reads column references: index, header text, several texts, absent', () => {
    expect([columnText(-1), columnText(3), columnText('Betrag'), columnText({ anyOf: ['Datum', 'Date'], occurrence: 'last' })]).toEqual(['', '3', 'Betrag', 'Datum | Date']);
    expect([parseColumnText(''), parseColumnText(' 4 '), parseColumnText('Betrag'), parseColumnText('Datum | Date |')]).toEqual([
      -1, 4, 'Betrag', { anyOf: ['Datum', 'Date'], occurrence: 'first' },
    ]);
    // A box left as it was keeps what it cannot show.
    const original = { anyOf: ['Währung', 'Currency'], occurrence: 'last' };
    expect(parseColumnText('Währung | Currency', original)).toBe(original);
  });

  it('reads lists and splits sample lines the simple way for header suggestions', () => {
    expect(parseListText(' dd.mm.yyyy, dd.mm.yy ,')).toEqual(['dd.mm.yyyy', 'dd.mm.yy']);
    expect(listText(['S', 'Soll'])).toBe('S, Soll');
    expect(splitLine('"a";"b ""c""";d', ';')).toEqual(['a', 'b "c"', 'd']);
    const lines = ['Konto;123', '', '"Tag";"Betrag"', '1;2'];
    expect(headerTexts(lines, { delimiter: ';', header: { present: true, findByText: 'tag' } })).toEqual(['Tag', 'Betrag']);
    expect(headerTexts(lines, { delimiter: ';', skipLines: 2 })).toEqual(['Tag', 'Betrag']);
    expect(headerTexts(lines, { delimiter: ';', header: { present: false } })).toEqual([]);
  });
});

describe('an "Imports" entry', () => {
  it('summarises warnings for a cell, and writes dates as serial days', () => {
    const warning = { file: 'a.sta', line: 12, column: null, field: 'closingBalance', found: '', message: 'the closing balance does not add up' };
    expect(warningsSummary([])).toBe('');
    expect(warningsSummary([warning])).toBe('1 warning: line 12: the closing balance does not add up');
    expect(warningsSummary(Array.from({ length: 20 }, () => warning)).length).toBe(300);
    const cells = importEntryCells({
      importedAt: 'now', importedBy: 'a@b.example', fileName: 'a.sta', format: 'mt940', profile: '', account: null, period: { from: '1899-12-31', to: '1900-01-01' },
      rowsRead: 3, imported: 2, duplicates: 1, rejected: 0, skipped: 0, status: 'imported', warnings: [warning],
    });
    expect(cells).toMatchObject({ format: 'MT940', account: '', periodFrom: 1, periodTo: 2, status: 'imported' });
  });
});
