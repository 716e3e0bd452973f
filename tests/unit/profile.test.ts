import { describe, expect, it } from 'vitest';
import { builtinProfiles, findProfile } from '../../src/core/profiles/builtin';
import { csvProfileSchema, parseProfile } from '../../src/core/profiles/profile';

const minimal = { id: 'my-bank', name: 'My bank', columns: { bookingDate: 0, counterpartyName: 1, purpose: 2, amount: 3 } };

function messageOf(json: unknown): string {
  const r = parseProfile(json, 'My bank');
  if (r.ok) throw new Error('expected the profile to be refused');
  return r.message;
}

describe('parseProfile', () => {
  it('fills in defaults', () => {
    const r = parseProfile(minimal, 'My bank');
    expect(r).toMatchObject({
      ok: true,
      profile: {
        delimiter: ';',
        quoteChar: '"',
        encoding: 'auto',
        decimalSeparator: ',',
        thousandsSeparator: '',
        header: { present: true },
        defaultCurrency: 'EUR',
        skipLines: 0,
        skipFooterLines: 0,
        skipRowsWhere: [],
        columns: {
          valueDate: -1, counterpartyIban: -1, debit: -1, credit: -1, currency: -1, bookingType: -1, account: -1,
          counterpartyNameIncoming: -1, counterpartyBic: -1, endToEndId: -1, mandateReference: -1, creditorId: -1, fee: -1,
        },
        continuationLines: 'skip',
        sepaKeywordsInPurpose: false,
      },
    });
    expect(r.ok && 'footerPattern' in r.profile).toBe(false);
  });

  it('accepts a choice of header texts and completes its occurrence', () => {
    const r = parseProfile({ ...minimal, columns: { ...minimal.columns, bookingDate: { anyOf: ['Datum', 'Date'] } } }, 'x');
    expect(r).toMatchObject({ ok: true, profile: { columns: { bookingDate: { anyOf: ['Datum', 'Date'], occurrence: 'first' } } } });
    expect(messageOf({ ...minimal, columns: { ...minimal.columns, bookingDate: { anyOf: [] } } })).toBe(
      'profile "My bank": columns.bookingDate.anyOf: name at least one header text',
    );
    expect(messageOf({ ...minimal, columns: { ...minimal.columns, currency: { anyOf: ['Währung'], occurrence: 'second' } } })).toMatch(/columns\.currency/);
    expect(messageOf({ ...minimal, header: { present: false }, columns: { ...minimal.columns, purpose: { anyOf: ['Text', 'Texte'] } } })).toMatch(
      /a file without header line needs column indexes, not header texts \("Text" \/ "Texte"\)/,
    );
  });

  it('checks the new fields: fee needs an amount, footer pattern, continuation lines', () => {
    const { amount: _amount, ...noAmount } = minimal.columns;
    expect(messageOf({ ...minimal, columns: { ...noAmount, debit: 4, credit: 5, fee: 6 } })).toBe('profile "My bank": columns.fee: needs an amount column');
    expect(messageOf({ ...minimal, footerPattern: '(' })).toBe('profile "My bank": footerPattern: is not a valid regular expression');
    expect(messageOf({ ...minimal, continuationLines: 'merge' })).toMatch(/^profile "My bank": continuationLines: /);
    expect(parseProfile({ ...minimal, footerPattern: '^Kontostand', continuationLines: 'appendToPurpose', sepaKeywordsInPurpose: true }, 'x').ok).toBe(true);
    expect(messageOf({ ...minimal, dateFormats: ['yyyy-mm-dd hh:mm:ss.f', 'dd.mm.yyyy hh'] })).toMatch(/dateFormats\[1\]: is not a date pattern/);
  });

  it('names the field path of a wrong column', () => {
    expect(messageOf({ ...minimal, columns: { ...minimal.columns, amount: true } })).toBe(
      'profile "My bank": columns.amount: expected a column index (0, 1, …), -1, a header text or {"anyOf": [header texts]}',
    );
    expect(messageOf({ ...minimal, columns: { ...minimal.columns, amount: -2 } })).toMatch(/^profile "My bank": columns\.amount: /);
    expect(messageOf({ ...minimal, columns: { ...minimal.columns, valueDate: 1.5 } })).toMatch(/columns\.valueDate: expected a column index/);
  });

  it('names array positions and unknown fields', () => {
    expect(messageOf({ ...minimal, dateFormats: ['dd.mm.yyyy', 'qq.mm'] })).toMatch(/dateFormats\[1\]: is not a date pattern/);
    expect(messageOf({ ...minimal, delimeter: ';' })).toBe('profile "My bank": unknown field "delimeter"');
    expect(messageOf({ ...minimal, columns: { ...minimal.columns, amout: 3 } })).toBe('profile "My bank": columns: unknown field "amout"');
    expect(messageOf({ ...minimal, delimiter: ':' })).toMatch(/^profile "My bank": delimiter: /);
    expect(messageOf({ ...minimal, skipRowsWhere: [{ column: 'Info', equals: 'x', matches: 'y', reason: 'r' }] })).toMatch(
      /skipRowsWhere\[0\]: give exactly one of equals, notEquals, matches/,
    );
    expect(messageOf({ ...minimal, skipRowsWhere: [{ column: 'Info', matches: '(', reason: 'r' }] })).toMatch(
      /skipRowsWhere\[0\]\.matches: is not a valid regular expression/,
    );
  });

  it('requires an amount unless debit and credit are given', () => {
    const { amount: _amount, ...noAmount } = minimal.columns;
    expect(messageOf({ ...minimal, columns: noAmount })).toBe(
      'profile "My bank": columns.amount: required unless both debit and credit are given',
    );
    expect(parseProfile({ ...minimal, columns: { ...noAmount, debit: 4, credit: 5 } }, 'x').ok).toBe(true);
    expect(messageOf({ ...minimal, columns: { ...noAmount, debit: 4 } })).toMatch(/columns\.amount/);
  });

  it('refuses header texts for a file without header', () => {
    expect(messageOf({ ...minimal, header: { present: false }, columns: { ...minimal.columns, purpose: 'Text' } })).toMatch(
      /columns: a file without header line needs column indexes, not header texts \("Text"\)/,
    );
  });

  it('resolves numberPattern and locale to separators', () => {
    const of = (extra: object) => {
      const r = parseProfile({ ...minimal, ...extra }, 'x');
      if (!r.ok) throw new Error(r.message);
      return [r.profile.decimalSeparator, r.profile.thousandsSeparator, 'numberPattern' in r.profile];
    };
    expect(of({ numberPattern: '#,##0.00', locale: 'DE' })).toEqual([',', '.', false]);
    expect(of({ numberPattern: '#,##0.00', locale: 'EN' })).toEqual(['.', ',', false]);
    expect(of({ numberPattern: '#,##0.00', locale: 'CH' })).toEqual(['.', "'", false]);
    expect(of({ numberPattern: '0.00', locale: 'EN' })).toEqual(['.', '', false]);
    expect(messageOf({ ...minimal, numberPattern: '#,##0.00' })).toMatch(/locale: is needed/);
    expect(messageOf({ ...minimal, decimalSeparator: '.', thousandsSeparator: '.' })).toMatch(/thousandsSeparator: must differ/);
  });

  it('reads JSON text and reports broken JSON', () => {
    expect(parseProfile(JSON.stringify(minimal), 'p.json').ok).toBe(true);
    expect(parseProfile('{"id": ', 'p.json')).toMatchObject({ ok: false, message: expect.stringMatching(/^profile "p.json": not valid JSON/) });
  });
});

describe('built-in profiles', () => {
  it('are exactly what the schema makes of them', () => {
    for (const p of builtinProfiles) expect(csvProfileSchema.parse(p)).toEqual(p);
  });

  it('have unique ids and are found by id or name', () => {
    expect(new Set(builtinProfiles.map((p) => p.id)).size).toBe(builtinProfiles.length);
    expect(findProfile('sparkasse-csv-camt-v2')?.id).toBe('sparkasse-csv-camt-v2');
    expect(findProfile('SPARKASSE CSV-CAMT V2 / V8')?.id).toBe('sparkasse-csv-camt-v2');
    expect(findProfile('generic-semicolon-de')?.id).toBe('generic-semicolon-de');
    expect(findProfile('nope')).toBeUndefined();
  });

  it('say in the Sparkasse description what happens to pending bookings', () => {
    expect(findProfile('sparkasse-csv-camt-v2')?.description).toMatch(/Umsatz gebucht.*Umsatz vorgemerkt/s);
  });

  it('cover the banks of issue 3, each described in English and German', () => {
    const ids = builtinProfiles.map((p) => p.id);
    for (const id of [
      'sparkasse-csv-camt-v2', 'sparkasse-csv-mt940', 'volksbank-raiffeisenbank', 'deutsche-bank-postbank', 'commerzbank', 'comdirect',
      'dkb', 'dkb-legacy', 'ing', 'n26', 'postfinance', 'postfinance-legacy', 'ubs', 'raiffeisen-ch', 'erste-george', 'paypal',
      'revolut', 'generic-semicolon-de', 'zkb', 'credit-suisse', 'easybank',
    ]) {
      expect(ids).toContain(id);
    }
    for (const p of builtinProfiles) {
      expect(p.description.length, p.id).toBeGreaterThan(40);
      expect(p.descriptionDe?.length ?? 0, p.id).toBeGreaterThan(40);
      expect(p.descriptionDe, p.id).not.toBe(p.description);
    }
    // The generic profile comes last: detection breaks ties by list order, so any bank's own profile wins over it.
    expect(ids[ids.length - 1]).toBe('generic-semicolon-de');
  });
});
