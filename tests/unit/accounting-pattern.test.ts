/**
 * The rules' own regular-expression matcher: same answers as RegExp (flag i) on patterns a bookkeeper writes, refusals
 * that name the position, and a bound on the work — the patterns that make RegExp backtrack for ages run in linear steps.
 */
import { describe, expect, it } from 'vitest';
import { compilePattern, MAX_PATTERN_STATES, type Pattern } from '../../src/core/accounting/pattern';

function compiled(source: string): Pattern {
  const result = compilePattern(source);
  if (!result.ok) throw new Error(`${source}: ${result.message}`);
  return result.pattern;
}

function refusal(source: string): { message: string; position: number | null } {
  const result = compilePattern(source);
  if (result.ok) throw new Error(`${source} was accepted`);
  return { message: result.message, position: result.position };
}

describe('pattern semantics, compared with RegExp (flag i)', () => {
  const patterns = [
    'miete',
    'Miete\\s+\\d{2}/\\d{4}',
    '^SEPA',
    'GmbH$',
    '\\bAG\\b',
    '\\Bstr',
    'm(ü|ue)ller',
    'M(?:Ü|UE)LLER',
    '[äöü]',
    '[ÄÖÜ]{2}',
    '[a-z]+\\d',
    '[A-Z]{3}',
    '[^a-z ]',
    '[^0-9 ]{5}',
    '^\\d{4,}$',
    'x{0}y',
    'ab{2,3}c',
    'a{2,}',
    '(?:re|rg)[-. ]?nr\\.?\\s*\\d+',
    'telekom|vodafone|o2',
    '\\W\\w',
    '\\D\\S',
    'a.c',
    'colou?r',
    'b+?c',
    'b*?c',
    'straße',
    'STRASSE',
    'ü\\b',
    '^$',
    '',
    '(a|)b',
    '\\.',
    '\\$',
    '[.-]',
    '[\\d-]',
    '[\\w-]+@',
    '\\t',
    '(ab)*c',
    '^(?:DE|AT)\\d{2}',
    '\\d{1,3}(\\.\\d{3})*,\\d{2}',
    '(\\d+)\\s*€',
    '\\(\\d\\)',
    '\\[x\\]|\\{y\\}',
    '^\\s*$',
    'kd\\.?-?nr',
  ];
  const texts = [
    'Miete 01/2025 Büro Hauptstr. 5',
    'MIETE 12/2024',
    'miete12/2024',
    'Telekom Deutschland GmbH',
    'Vodafone GmbH Düsseldorf',
    'O2 Telefonica',
    'Müller & Söhne AG',
    'MUELLER',
    'SEPA-Lastschrift Rg-Nr. 4711 Kd.-Nr 12',
    'RE NR 2024-17',
    '',
    '   ',
    'ÄÖÜ äöü ß STRASSE Straße',
    'colour color',
    '12345',
    'abbc abbbc abbbbc',
    'tab\there',
    'x$y [x] {y}',
    'A.C abc',
    'Betrag 1.234,56 € (1)',
    'info@bürobedarf-schmidt.de',
    'Hauptstraße',
  ];

  for (const source of patterns) {
    it(`/${source}/i`, () => {
      const ours = compiled(source);
      const native = new RegExp(source, 'i');
      for (const text of texts) expect([text, ours.test(text)]).toEqual([text, native.test(text)]);
    });
  }

  it('compares umlauts case-insensitively through toLowerCase, ß stays ß', () => {
    expect(compiled('BÜROBEDARF').test('bürobedarf Schmidt')).toBe(true);
    expect(compiled('[ä-ü]+').test('ÖL')).toBe(true);
    expect(compiled('straße').test('HAUPTSTRASSE')).toBe(false);
    expect(compiled('STRAẞE').test('Hauptstraße')).toBe(true); // capital ẞ lower-cases to ß
  });

  it('treats characters as code points', () => {
    expect(compiled('^.$').test('😀')).toBe(true);
    expect(compiled('^..$').test('😀')).toBe(false);
  });
});

describe('refusals name the position', () => {
  const cases: Array<[string, string, number | null]> = [
    ['(a', 'missing ")" at position 2', 2],
    ['((a)', 'missing ")" at position 4', 4],
    ['a)', 'unmatched ")" at position 1', 1],
    ['[abc', 'missing "]" at position 4', 4],
    ['ab]', 'unmatched "]" at position 2', 2],
    ['x}', 'unmatched "}" at position 1', 1],
    ['[]', 'empty class "[]" at position 0', 0],
    ['[z-a]', 'range "z-a" at position 1 is out of order', 1],
    ['(\\w+)\\1', 'back-reference "\\1" at position 5 is not supported', 5],
    ['(?<n>a)\\k<n>', 'named groups "(?<" at position 0 are not supported: use ( ) or (?: )', 0],
    ['Miete(?= Januar)', 'lookahead "(?=" at position 5 is not supported', 5],
    ['Miete(?!x)', 'lookahead "(?!" at position 5 is not supported', 5],
    ['(?<=EUR )\\d+', 'lookbehind "(?<=" at position 0 is not supported', 0],
    ['(?<!x)y', 'lookbehind "(?<!" at position 0 is not supported', 0],
    ['(?i)miete', '"(?" at position 0 is not supported: use ( ) or (?: )', 0],
    ['*Miete', '"*" at position 0 has nothing to repeat', 0],
    ['a|+b', '"+" at position 2 has nothing to repeat', 2],
    ['(?:)?x|(*)', '"*" at position 8 has nothing to repeat', 8],
    ['a**', '"*" at position 2 has nothing to repeat', 2],
    ['a???', '"?" at position 3 has nothing to repeat', 3],
    ['^*', '"*" at position 1 has nothing to repeat ("^" is not a character)', 1],
    ['{2}', '"{" at position 0 has nothing to repeat', 0],
    ['a{5,2}', '"{5,2}" at position 1 counts down: the smaller number comes first', 1],
    ['a{1,101}', '"{1,101}" at position 1 repeats more than 100 times', 1],
    ['a{101}', '"{101}" at position 1 repeats more than 100 times', 1],
    ['Kd{Nr', '"{" at position 2 is not a count like {2} or {2,5} (write \\{ for the character itself)', 2],
    ['\\x41', '"\\x" at position 0 is not a supported escape', 0],
    ['a\\', '"\\" at position 1 ends the pattern: write \\\\ for a backslash', 1],
    ['[\\b]', '"\\b" at position 1 is not supported inside [ ]', 1],
  ];
  for (const [source, message, position] of cases) {
    it(`refuses ${source}`, () => {
      expect(refusal(source)).toEqual({ message, position });
    });
  }

  it('refuses patterns longer than 300 characters', () => {
    expect(compilePattern('x'.repeat(300)).ok).toBe(true);
    expect(refusal('x'.repeat(301))).toEqual({ message: '301 characters long (at most 300)', position: null });
  });

  it(`refuses counted repeats that expand to more than ${MAX_PATTERN_STATES} states`, () => {
    expect(compiled('(a{50}){50}').stateCount).toBe(2501);
    expect(refusal('(a{100}){60}')).toEqual({ message: 'too large: its repeats expand to 6001 parts (at most 5000); use smaller counts in { }', position: null });
    expect(refusal('((a{100}){100}){100}').message).toMatch(/^too large: its repeats expand to 1000001 parts/);
  });
});

describe('catastrophic patterns run in linear steps', () => {
  const n = 10_000;
  const cases: Array<[string, string, boolean]> = [
    ['(a+)+b', 'a'.repeat(n), false],
    ['(a+)+b', `${'a'.repeat(n - 1)}b`, true],
    ['(a|a)*b', 'a'.repeat(n), false],
    ['(a|a)*b', `${'a'.repeat(n - 1)}b`, true],
    ['(a|a)*b$', `${'a'.repeat(n - 2)}b!`, false],
    ['(a|aa)*c', 'a'.repeat(n), false],
    ['(.*a){20}', `${'a'.repeat(19)}${'b'.repeat(n - 19)}`, false],
    ['(.*a){20}', `${'b'.repeat(n - 20)}${'a'.repeat(20)}`, true],
    ['^(\\w+\\s?)*$', `${'a'.repeat(n - 1)}!`, false],
    ['^(\\w+\\s?)*$', `${'Miete '.repeat(n / 5 - 1)}Miete`.slice(0, n), true],
    ['(x+x+)+y', 'x'.repeat(n), false],
    ['^(([a-z])+.)+[A-Z]([a-z])+$', `${'a'.repeat(n - 1)}1`, false],
  ];
  for (const [source, text, expected] of cases) {
    it(`/${source}/ on ${text.length} characters: ${expected}`, () => {
      const pattern = compiled(source);
      expect(pattern.test(text)).toBe(expected);
      expect(pattern.lastSteps).toBeLessThanOrEqual(pattern.stateCount * (text.length + 1));
    });
  }

  it('a text without a piece of plain text every match needs is answered without running the NFA', () => {
    const pattern = compiled('\\bvertrag v-\\d+\\b');
    expect(pattern.test('Rechnung 4711 Kundenkonto 0815')).toBe(false);
    expect(pattern.lastSteps).toBe(0);
    expect(pattern.test(`${'Vertrag '.repeat(1000)}Vertrag V-12`)).toBe(true);
    expect(pattern.lastSteps).toBeGreaterThan(1000);
    // The NFA had to run through the whole long text of near misses for these:
    const nearMiss = compiled('(a|a)*b$');
    nearMiss.test(`${'a'.repeat(n - 2)}b!`);
    expect(nearMiss.lastSteps).toBeGreaterThan(n);
  });

  it('the step bound holds for every pattern of the semantics table on a long purpose', () => {
    const text = 'SEPA-Lastschrift Miete 01/2025 Büro Hauptstr. 5 Telekom Deutschland GmbH '.repeat(100);
    for (const source of ['miete', '\\bAG\\b', '(?:re|rg)[-. ]?nr\\.?\\s*\\d+', '\\d{1,3}(\\.\\d{3})*,\\d{2}', '^\\s*$', 'x{0}y']) {
      const pattern = compiled(source);
      pattern.test(text);
      expect(pattern.lastSteps).toBeLessThanOrEqual(pattern.stateCount * (text.length + 1));
    }
  });
});
