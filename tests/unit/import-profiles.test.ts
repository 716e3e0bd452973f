/**
 * The pure parts behind custom profiles: ids that never meet a built-in one, the schema's verdict per field, the header
 * and draft made from a file no profile fits, and the editor's text boxes ↔ profile values.
 */
import { describe, expect, it } from 'vitest';
import { columnOccurrence, columnText, headerTexts, listText, parseColumnText, parseFooterPatternText, parseListText, splitLine } from '../../sidebar/profile-fields';
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

describe('the editor\'s fields for footer, continuation lines, SEPA fields, payer and fee', () => {
  const byId = (id: string) => builtinProfiles.find((p) => p.id === id)!;
  /** Every column box the editor has, the new ones included. */
  const columnKeys = [
    'bookingDate', 'valueDate', 'counterpartyName', 'counterpartyIban', 'amount', 'debit', 'credit', 'currency', 'bookingType', 'account',
    'counterpartyNameIncoming', 'fee', 'endToEndId', 'mandateReference', 'creditorId', 'counterpartyBic',
  ] as const;

  /**
   * A profile taken through the form as if every box were typed anew: each text is what the box shows plus a trailing
   * space, so `parseColumnText` cannot fall back on the original and really reads the text (the original still lends
   * `occurrence`, which the box cannot show). The checkbox and the select carry the schema's values as they are.
   */
  function throughTheForm(profile: (typeof builtinProfiles)[number]): unknown {
    const draft = JSON.parse(JSON.stringify(profile)) as Record<string, unknown> & { columns: Record<string, unknown> };
    const retype = (ref: unknown): unknown => parseColumnText(`${columnText(ref)} `, ref);
    for (const key of columnKeys) draft.columns[key] = retype(draft.columns[key]);
    const purpose = draft.columns.purpose;
    draft.columns.purpose = Array.isArray(purpose) ? purpose.map(retype) : retype(purpose);
    const footer = parseFooterPatternText(typeof draft.footerPattern === 'string' ? draft.footerPattern : '');
    if (footer === undefined) delete draft.footerPattern;
    else draft.footerPattern = footer;
    return draft;
  }

  it('the built-in profiles use what the new fields offer, so the round trip below covers them', () => {
    expect(byId('ubs-legacy')).toMatchObject({ footerPattern: '^[^\\d;]', continuationLines: 'appendToPurpose' });
    expect(byId('ing').columns.currency).toEqual({ anyOf: ['Währung'], occurrence: 'last' });
    expect(byId('dkb').columns.counterpartyNameIncoming).toBe('Zahlungspflichtige*r');
    expect(byId('revolut').columns.fee).toBe('Fee');
    expect(byId('sparkasse-csv-mt940').sepaKeywordsInPurpose).toBe(true);
  });

  it('every built-in profile comes through the form unchanged, the schema agreeing', () => {
    for (const profile of builtinProfiles) {
      const parsed = csvProfileSchema.safeParse(throughTheForm(profile));
      expect(parsed.success, profile.id).toBe(true);
      expect(parsed.data, profile.id).toEqual(profile);
    }
  });

  it('keeps "the last column of that name" when the header texts are changed', () => {
    const original = byId('ing').columns.currency;
    expect(columnOccurrence(original)).toBe('last');
    expect(columnText(original)).toBe('Währung');
    expect(parseColumnText('Währung | Currency', original)).toEqual({ anyOf: ['Währung', 'Currency'], occurrence: 'last' });
    expect(parseColumnText('Currency', original)).toEqual({ anyOf: ['Currency'], occurrence: 'last' });
    // An index or an empty box has no occurrence to keep.
    expect([parseColumnText('7', original), parseColumnText('', original)]).toEqual([7, -1]);
    expect(columnOccurrence('Währung')).toBe('first');
  });

  it('reads the footer pattern box: empty means none, any other text as typed', () => {
    expect([parseFooterPatternText(''), parseFooterPatternText('   ')]).toEqual([undefined, undefined]);
    expect(parseFooterPatternText('^Alter Kontostand')).toBe('^Alter Kontostand');
    expect(parseFooterPatternText('^Total ')).toBe('^Total ');
  });

  it('names the field of every value of the new fields the schema refuses, with the schema\'s message', () => {
    const base = { id: 'custom-x', name: 'X', columns: { bookingDate: 0, counterpartyName: 1, purpose: 2, amount: 3 } };
    const issues = (extra: Record<string, unknown>, columns: Record<string, unknown> = {}) => {
      const result = checkProfile({ ...base, ...extra, columns: { ...base.columns, ...columns } });
      return result.ok ? [] : result.issues;
    };
    expect(issues({ footerPattern: '^Total (' })).toEqual([{ field: 'footerPattern', message: 'is not a valid regular expression' }]);
    expect(issues({ continuationLines: 'append' })).toEqual([{ field: 'continuationLines', message: expect.stringContaining('appendToPurpose') }]);
    expect(issues({}, { amount: -1, debit: 3, credit: 4, fee: 5 })).toEqual([{ field: 'columns.fee', message: 'needs an amount column' }]);
    // What the box makes of a lone "|"; the editor shows it at the closest field it has, `columns.counterpartyNameIncoming`.
    expect(issues({}, { counterpartyNameIncoming: parseColumnText('|') })).toEqual([
      { field: 'columns.counterpartyNameIncoming.anyOf', message: 'name at least one header text' },
    ]);
    expect(issues({ footerPattern: '^Total', continuationLines: 'appendToPurpose', sepaKeywordsInPurpose: true }, { fee: 'Fee', endToEndId: 'EREF' })).toEqual([]);
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
