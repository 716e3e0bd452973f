/** The per-cell helpers for custom functions: one number per purpose, and whose IBAN it is. */
import { describe, expect, it } from 'vitest';
import { createIbanLookup, createNumberFinder, jaroWinkler } from '../../src/core/matching';

describe('createNumberFinder', () => {
  const finder = createNumberFinder(['RE-2024-0815', '', '  ', 're 2024 0815', 'R21-123', 'R21-128', 'R21-12', 'R25-100']);

  it('finds a number exactly in any spelling, answering with the first spelling of duplicates', () => {
    expect(finder.find('Zahlung re20240815 danke')).toEqual({
      number: 'RE-2024-0815',
      score: 1,
      method: 'exact',
      reason: 'RE-2024-0815 found in purpose',
      ambiguous: false,
      alternatives: [],
    });
  });

  it('R21-12 is not found in R21-123: the exact R21-123 is', () => {
    expect(finder.find('R21-123')).toMatchObject({ number: 'R21-123', method: 'exact', ambiguous: false });
  });

  it('several exact numbers: ambiguous, all named', () => {
    expect(finder.find('R21-123 und R21-128')).toMatchObject({ number: 'R21-123', ambiguous: true, alternatives: ['R21-128'] });
  });

  it('a typo: fuzzy with the Jaro-Winkler score; equally similar neighbours make it ambiguous', () => {
    expect(finder.find('RE 2024 0851')).toMatchObject({ number: 'RE-2024-0815', method: 'fuzzy', score: jaroWinkler('RE20240815', 'RE20240851'), ambiguous: false });
    const r = finder.find('R21-124');
    expect(r).toMatchObject({ number: 'R21-123', method: 'fuzzy', ambiguous: true, alternatives: ['R21-128'] });
    expect(r!.reason).toBe('"R21124" in purpose is similar to R21-123 (0.933), not equal; about as similar: R21-128');
  });

  it('nothing, a blank purpose, or a number inside a longer number (R25-100 in R25-1000) → null', () => {
    expect(finder.find('Miete Januar')).toBeNull();
    expect(finder.find('   ')).toBeNull();
    expect(finder.find('R25-1000')).toBeNull();
  });

  it('takes a threshold: at 0.99 the typo is no longer found', () => {
    expect(createNumberFinder(['RE-2024-0815'], 0.99).find('RE 2024 0851')).toBeNull();
  });

  it('an empty number list finds nothing', () => {
    expect(createNumberFinder(['', '']).find('RE-1')).toBeNull();
  });
});

describe('createIbanLookup', () => {
  const lookup = createIbanLookup(
    ['DE89 3704 0044 0532 0130 00', 'DE02120300000000202051; de89370400440532013000', '', 'not an iban', ['DE75512108001245126199']],
    ['Müller GmbH', 'Schmidt', 'Leer', 'Kaputt'],
  );

  it('finds every row holding the IBAN, in any print format, with names', () => {
    expect(lookup.find('de89 3704 0044 0532 0130 00')).toEqual({ status: 'found', iban: 'DE89370400440532013000', rows: [0, 1], names: ['Müller GmbH', 'Schmidt'] });
    expect(lookup.find('DE02120300000000202051')).toEqual({ status: 'found', iban: 'DE02120300000000202051', rows: [1], names: ['Schmidt'] });
  });

  it('rows given as arrays work too; a missing name is empty', () => {
    expect(lookup.find('DE75512108001245126199')).toEqual({ status: 'found', iban: 'DE75512108001245126199', rows: [4], names: [''] });
  });

  it('blank, invalid (with the reason from ibantools) and unknown IBANs', () => {
    expect(lookup.find('  ')).toEqual({ status: 'blank' });
    expect(lookup.find('DE00370400440532013000')).toEqual({ status: 'invalid', reason: 'check digits do not match' });
    expect(lookup.find('GB82 WEST 1234 5698 7654 32')).toEqual({ status: 'not-found', iban: 'GB82WEST12345698765432' });
  });
});

describe('cells that are not text', () => {
  it('numbers in the number list and in the purpose cell are read as their text; empty cells as blank', () => {
    const finder = createNumberFinder([4711 as unknown as string, null as unknown as string]);
    expect(finder.find(4711 as unknown as string)).toMatchObject({ number: '4711', method: 'exact' });
    expect(finder.find(undefined as unknown as string)).toBeNull();
    expect(createIbanLookup([]).find(null as unknown as string)).toEqual({ status: 'blank' });
  });
});
