/**
 * Acceptance of the MT940 reader against real and published sample files, read in place from the shared samples (never
 * copied here), compared with the results two other parsers recorded for them:
 * - svenstaro/mt940-rs `*.json` (plain JSON; text folded to the SWIFT character set before parsing, so "Überweisung"
 *   is expected as "Uberweisung" and our text is folded the same way before comparing);
 * - WoLpH/mt940 `*.yml` (YAML dumps of Python objects; only their `data` maps are read).
 * Where our reading differs from theirs on purpose, the test says why.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readMt940Statement } from '../../src/core/import/mt940';
import type { StatementRead } from '../../src/core/import/statement';
import { StatementFileError } from '../../src/core/transaction';

const samples = path.resolve(__dirname, '../../../shared/samples/mt940');
const rs = (name: string): string => `svenstaro__mt940-rs__tests__data__${name}`;
const wolph = (name: string): string => `WoLpH__mt940__mt940_tests__${name}`;
const bytesOf = (name: string): Buffer => readFileSync(path.join(samples, name));
const read = (name: string): StatementRead => readMt940Statement({ fileName: name, bytes: bytesOf(name) });

type Tx = StatementRead['transactions'][number];

function once<T>(make: () => T): () => T {
  let value: { v: T } | null = null;
  return () => (value ??= { v: make() }).v;
}

// ---------------------------------------------------------------------------------------------------------------------
// Helpers that state the rules the expectations are compared by, independently of the reader's code.

/** A decimal string (`"1500.00"`, `"15000."`, `"-0.08"`) → minor units with the currency's two decimals. */
function minorOf(decimal: string, exponent = 2): number {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(decimal.trim());
  if (m === null) throw new Error(`not a decimal: ${decimal}`);
  const value = Number((m[2] || '0') + (m[3] ?? '').padEnd(exponent, '0').slice(0, exponent));
  return m[1] === '-' && value !== 0 ? -value : value;
}

const exponentOf = (currency: string): number => (['JPY', 'HUF'].includes(currency) ? (currency === 'JPY' ? 0 : 2) : 2);

/** mt940-rs' folding to the SWIFT character set: accents dropped (deunicode), anything else outside the set → `.`. */
function swiftFold(text: string): string {
  return text
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9/\-?:().,+ \n\r]/g, '.');
}

/** YAML turns `?31 9003932309` into a number: every expected value is read as text. */
const collapse = (s: unknown): string => String(s ?? '').replace(/\s+/g, ' ').trim();

/**
 * Free text as the other parsers keep it, with the bank's line breaks, against ours on one line: every character must
 * match, and each line break may have become a space or nothing (the reader joins a full 65-character line without one).
 */
function expectWrappedText(actual: string, expected: string): void {
  const lines = expected.split(/\r?\n/).map(collapse).filter((l) => l !== '');
  const pattern = new RegExp(`^${lines.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(' ?')}$`);
  if (!pattern.test(collapse(actual))) expect(collapse(actual)).toBe(lines.join(' '));
}

const sepaKeyword = /(EREF|KREF|MREF|CRED|DEBT|COAM|OAMT|SVWZ|ABWA|ABWE|IBAN|BIC|PURP)\+/;

/**
 * Per the German banks' SEPA structuring of the purpose lines: the purpose proper is the `SVWZ+` text up to the next
 * keyword; without keywords it is the whole text; with keywords but no `SVWZ+`, the text before the first keyword.
 */
function sepaPurpose(text: string): string {
  if (!sepaKeyword.test(text)) return text;
  const svwz = text.indexOf('SVWZ+');
  if (svwz === -1) return text.split(sepaKeyword)[0]!;
  return text.slice(svwz + 5).split(sepaKeyword)[0]!;
}

function sepaValue(text: string, keyword: string): string | null {
  const at = text.indexOf(`${keyword}+`);
  if (at === -1) return null;
  const value = collapse(text.slice(at + keyword.length + 1).split(sepaKeyword)[0]!);
  return value === '' || (keyword === 'EREF' && value === 'NOTPROVIDED') ? null : value;
}

const ibanShaped = (s: unknown): string | null => {
  const compact = String(s ?? '').replace(/\s/g, '').toUpperCase();
  return /^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(compact) ? compact : null;
};
const bicShaped = (s: unknown): string | null => {
  const compact = collapse(s ?? '').toUpperCase();
  return /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(compact) ? compact : null;
};

/** Splits a file into its statements (each from `:20:`), to read a file holding several accounts one account at a time. */
function statementsOf(name: string): StatementRead[] {
  const text = bytesOf(name).toString('latin1');
  const chunks = text.split(/\r?\n(?=:20:)/);
  return chunks
    .filter((c) => /^:(20|61):/m.test(c))
    .map((c, i) => readMt940Statement({ fileName: `${name}#${i + 1}`, bytes: Buffer.from(c, 'latin1') }));
}

/**
 * The whole file, and — where it holds statements of several accounts — each statement on its own. The reader keeps one
 * account per file (the fingerprint includes the account), as the CSV reader does: entries of a second account are
 * rejected with an `account` error, one per entry; read on their own they must read like all others.
 */
function readAllEntries(name: string): { whole: StatementRead; entries: Tx[]; warnings: StatementRead['warnings'] } {
  const whole = read(name);
  const accountErrors = whole.errors.filter((e) => e.field === 'account');
  if (accountErrors.length === 0) return { whole, entries: whole.transactions, warnings: whole.warnings };
  const parts = statementsOf(name);
  const entries = parts.flatMap((p) => p.transactions);
  expect(entries.length).toBe(whole.transactions.length + accountErrors.length);
  for (const e of accountErrors) expect(e.message).toMatch(/^belongs to account .+, but line \d+ to .+; export one account per file$/);
  return { whole, entries, warnings: parts.flatMap((p) => p.warnings) };
}

/**
 * Where the reader deliberately reads a sample differently from the other parser: the expected text is adjusted in
 * exactly that place, and the reason is given.
 */
const knownDifferences: Record<string, { reason: string; adjust: (expected: string) => string; ignoreSpaces?: boolean }> = {
  'rs:danskebank__MT940_FI_Example': {
    reason:
      'the entry has four :86: fields, one per line; mt940-rs glues them ("FI1111111111111111DABADKKK111111"), the ' +
      'reader takes each field as a line of its own',
    adjust: (t) => t.replace('FI1111111111111111DABADKKK111111-11111111DANSKE BANK', 'FI1111111111111111\nDABADKKK\n111111-11111111\nDANSKE BANK'),
  },
  'rs:jejik__ing': {
    reason: 'two tabs in the text: mt940-rs folds them to ".", the reader reads them as spaces',
    adjust: (t) => t.replace('SPOEDBETALING.MPBZ', 'SPOEDBETALING MPBZ').replace('002.5595781', '002 5595781'),
  },
  'wolph:jejik__ing': {
    reason:
      'the :86: after the closing balance :62F: is information on the statement, not on its last entry; WoLpH adds it ' +
      'to the last entry',
    adjust: (t) => t.replace(/\s*D000004C000002D25,24C28,71\s*-XXX\s*$/, ''),
  },
  'wolph:cmxl__mt940': {
    reason:
      'this sample ends its lines with a space; WoLpH drops spaces at line ends, the reader keeps them as mt940-rs does, ' +
      'because real German files put text there (VR-Bank: "?28 01.12.25/McFIT: Mega Deal " + "?29Aktion 2022")',
    adjust: (t) => t.replace('INFOINFO 2', 'INFO INFO 2').replace('TRANZYSTORY', 'TRANZY STORY').replace('333/2003', '333/ 2003').replace('ULPRZEMYSLOWA', 'UL PRZEMYSLOWA'),
  },
  'wolph:betterplace__sepa_mt9401': {
    reason:
      'WoLpH drops the spaces at line ends ("?24........ ", "Beginn ", "Fuellzeichen "), so spaces are not compared ' +
      'here — the mt940-rs test of the same file compares them exactly',
    adjust: (t) => t.replace(/\s/g, ''),
    ignoreSpaces: true,
  },
  'wolph:self-provided__raiffeisen-cmi': {
    reason:
      'the Hungarian bank writes DOS code page 852, which WoLpH tries; MT940 is ASCII/ISO-8859-1 in practice and the ' +
      'reader does not guess DOS code pages, so these letters arrive as their Windows-1252 bytes (0x81 is a control ' +
      'character and dropped)',
    adjust: (t) => t.replace(/[üéöáíó]/g, (ch) => ({ ü: '', é: '\u201a', ö: '\u201d', á: ' ', í: '\u00a1', ó: '\u00a2' })[ch]!),
  },
};
const adjusted = (key: string, text: string): string => knownDifferences[key]?.adjust(text) ?? text;
const spacesIf = (key: string, text: string): string => (knownDifferences[key]?.ignoreSpaces === true ? text.replace(/\s/g, '') : text);

it('states a reason for every known difference from the other parsers', () => {
  for (const [key, difference] of Object.entries(knownDifferences)) {
    expect(key).toMatch(/^(rs|wolph):/);
    expect(difference.reason.length).toBeGreaterThan(40);
  }
});

// ---------------------------------------------------------------------------------------------------------------------
// mt940-rs

interface RsBalance {
  debit_credit_indicator: 'Credit' | 'Debit';
  date: string;
  iso_currency_code: string;
  amount: string;
}
interface RsLine {
  value_date: string;
  entry_date: string | null;
  ext_debit_credit_indicator: 'Credit' | 'Debit' | 'ReverseCredit' | 'ReverseDebit';
  amount: string;
  information_to_account_owner: string | null | Record<string, string | undefined>;
}
interface RsStatement {
  account_id: string;
  opening_balance: RsBalance;
  closing_balance: RsBalance;
  statement_lines: RsLine[];
}

/**
 * SWIFT: `RC` is the reversal of a credit (money goes out), `RD` the reversal of a debit (money comes in). mt940-rs names
 * `RC` "ReverseDebit" and `RD` "ReverseCredit" (its lib.rs `ExtDebitOrCredit::from_str`), so its names map back like
 * this. The bank agrees: in betterplace sepa_mt9401 two statements only add up with `RC` as money going out.
 */
const rsSigned = (l: RsLine, exponent: number): number => {
  const minor = minorOf(l.amount, exponent);
  return l.ext_debit_credit_indicator === 'Debit' || l.ext_debit_credit_indicator === 'ReverseDebit' ? -minor : minor;
};
const rsBalance = (b: RsBalance): number => (b.debit_credit_indicator === 'Debit' ? -1 : 1) * minorOf(b.amount);

const rsFiles = [
  'abnamro__mt940', 'betterplace__sepa_mt9401', 'betterplace__sepa_snippet', 'betterplace__with_binary_character',
  'bugs__issue-51', 'cmxl__mt940_1', 'cmxl__mt940_2', 'danskebank__MT940_DK_Example', 'danskebank__MT940_FI_Example',
  'danskebank__MT940_NO_Example', 'danskebank__MT940_SE_Example', 'jejik__abnamro', 'jejik__ing', 'jejik__knab',
  'jejik__postfinance', 'jejik__rabobank-iban', 'jejik__sns', 'mBank__mt940', 'mBank__with_newline_in_tnr',
  'sparkasse__buxtehude',
];

describe.each(rsFiles)('mt940-rs sample %s', (sample) => {
  const name = rs(`mt940__full__${sample}.sta`);
  const expected = JSON.parse(bytesOf(rs(`mt940__full__${sample}.json`)).toString('utf8')) as RsStatement[];
  const got = once(() => readAllEntries(name));
  const lines = expected.flatMap((s) => s.statement_lines.map((line) => ({ line, statement: s })));

  it('reads every entry, none rejected for its content', () => {
    const { whole, entries } = got();
    expect(whole.errors.filter((e) => e.field !== 'account')).toEqual([]);
    expect(whole.rowsRead).toBe(lines.length);
    expect(entries).toHaveLength(lines.length);
  });

  it('has the expected amounts, currencies, value dates and booking (entry) dates', () => {
    const { entries } = got();
    expect(entries.map((t) => [t.amountMinor, t.currency, t.valueDate, t.bookingDate])).toEqual(
      lines.map(({ line, statement }) => {
        const currency = statement.opening_balance.iso_currency_code;
        return [rsSigned(line, exponentOf(currency)), currency, line.value_date, line.entry_date ?? line.value_date];
      }),
    );
  });

  it('has the expected purpose, counterparty, booking text and SEPA references', () => {
    const { entries } = got();
    lines.forEach(({ line }, i) => {
      const t = entries[i]!;
      const info = line.information_to_account_owner;
      if (info === null) {
        expect(t.purpose).toBe('');
      } else if (typeof info === 'string') {
        expectWrappedText(swiftFold(t.purpose), adjusted(`rs:${sample}`, info));
        expect([t.counterpartyName, t.counterpartyIban, t.bookingType]).toEqual(['', null, null]);
      } else {
        // mt940-rs joins ?20–?29 (and ?60–?63 as additional_purpose) with nothing in between, as the reader does.
        const text = (info.purpose ?? '') + (info.additional_purpose ?? '');
        expect(swiftFold(t.purpose)).toBe(collapse(sepaPurpose(text)));
        expect(swiftFold(t.counterpartyName)).toBe(collapse(info.applicant_name ?? ''));
        expect(t.counterpartyIban).toBe(ibanShaped(info.applicant_iban));
        expect(t.counterpartyBic).toBe(bicShaped(info.applicant_bin));
        expect(t.bookingType === null ? null : swiftFold(t.bookingType)).toBe(info.posting_text === undefined ? null : collapse(info.posting_text) || null);
        expect(t.endToEndId === null ? null : swiftFold(t.endToEndId!)).toBe(sepaValue(text, 'EREF'));
        expect(t.mandateReference).toBe(sepaValue(text, 'MREF'));
        expect(t.creditorId).toBe(sepaValue(text, 'CRED'));
      }
    });
  });

  it('warns exactly for the statements whose balances do not add up (the sample files are partly made up)', () => {
    const { warnings } = got();
    const inconsistent = expected.filter(
      (s) => rsBalance(s.opening_balance) + s.statement_lines.reduce((sum, l) => sum + rsSigned(l, 2), 0) !== rsBalance(s.closing_balance),
    );
    expect(warnings.filter((w) => w.field === 'closingBalance')).toHaveLength(inconsistent.length);
    for (const w of warnings) expect(w.message).toMatch(/^the closing balance -?\d+\.\d\d [A-Z]{3} does not match the opening balance/);
  });

  it('covers the statements of its account from the first opening to the last closing balance date', () => {
    const { whole } = got();
    const own = expected.filter((s) => s.account_id === expected[0]!.account_id);
    const dates = own.flatMap((s) => [s.opening_balance.date, s.closing_balance.date, ...s.statement_lines.map((l) => l.entry_date ?? l.value_date)]).sort();
    expect(whole.period).toEqual({ from: dates[0], to: dates[dates.length - 1] });
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// WoLpH/mt940

interface WolphData {
  status?: 'C' | 'D' | 'RC' | 'RD';
  amount?: { amount: [string]; currency?: string };
  currency?: string;
  date?: [Uint8Array];
  entry_date?: [Uint8Array];
  guessed_entry_date?: [Uint8Array];
  transaction_details?: string;
  purpose?: string | null;
  additional_purpose?: string | null;
  posting_text?: string | null;
  applicant_name?: string | null;
  applicant_iban?: string | null;
  applicant_bin?: string | null;
  end_to_end_reference?: string | null;
  additional_position_reference?: string | null;
  applicant_creditor_id?: string | null;
  transaction_code?: string | null;
}

/**
 * YAML of Python object dumps: the `!!python/…` tags are unknown to a YAML loader and resolve as the plain map or list
 * beneath. The failsafe schema keeps every scalar as written (`0904059001` stays text, not the number 904059001), so
 * `null` is read here.
 */
function readWolph(name: string): WolphData[] {
  const doc = parseDocument(bytesOf(name).toString('utf8'), { schema: 'failsafe', logLevel: 'silent' });
  const js = doc.toJS({ maxAliasCount: -1 }) as { transactions: Array<{ data: Record<string, unknown> }> };
  const nulls = (v: unknown): unknown =>
    v === 'null' ? null
    : Array.isArray(v) ? v.map(nulls)
    : typeof v === 'object' && v !== null && !(v instanceof Uint8Array) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, nulls(x)]))
    : v;
  return js.transactions.map((t) => nulls(t.data) as WolphData);
}

/** `!!binary` (which the YAML loader decodes to bytes) of 4 bytes: big-endian year, month, day. */
function wolphDate(value: [Uint8Array] | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const b = value[0];
  return `${String((b[0]! << 8) | b[1]!).padStart(4, '0')}-${String(b[2]).padStart(2, '0')}-${String(b[3]).padStart(2, '0')}`;
}

const wolphFiles = [
  'betterplace__sepa_mt9401', 'betterplace__sepa_snippet', 'betterplace__with_binary_character', 'cmxl__mt940',
  'jejik__abnamro', 'jejik__generic', 'jejik__ing', 'jejik__postfinance', 'jejik__rabobank-iban', 'jejik__rabobank',
  'jejik__sns', 'jejik__triodos', 'mBank__mt940', 'mBank__with_newline_in_tnr', 'sberbank__171011_01234945',
  'self-provided__gv_codes', 'self-provided__whitespace', 'self-provided__raiffeisen-cmi', 'self-provided__raphaelm',
];

describe.each(wolphFiles)('WoLpH sample %s', (sample) => {
  const staName = wolph(`${sample}.sta`);
  const ymlName = wolph(`${sample}.yml`);
  const expected = readWolph(ymlName);

  it('has the expected amounts, dates, purposes and counterparties', () => {
    const { whole, entries } = readAllEntries(staName);
    expect(whole.errors.filter((e) => e.field !== 'account')).toEqual([]);
    expect(entries).toHaveLength(expected.length);
    expected.forEach((x, i) => {
      const t = entries[i]!;
      // SWIFT: RC is a reversed credit, money going out; WoLpH signs it as money coming in (see `rsSigned` for the proof
      // from the bank's balances), so for RC the sign comes from the mark WoLpH read, the amount from its number.
      const wolphMinor = minorOf(x.amount!.amount[0], exponentOf(t.currency));
      expect(t.amountMinor).toBe(x.status === 'RC' ? -Math.abs(wolphMinor) : wolphMinor);
      expect(t.currency).toBe(x.currency ?? x.amount!.currency);
      expect(t.valueDate).toBe(wolphDate(x.date));
      expect(t.bookingDate).toBe(wolphDate(x.guessed_entry_date) ?? wolphDate(x.entry_date) ?? wolphDate(x.date));
      if (x.transaction_details !== undefined) {
        expectWrappedText(t.purpose, adjusted(`wolph:${sample}`, String(x.transaction_details)));
      } else if (x.transaction_code !== undefined) {
        const key = `wolph:${sample}`;
        // ?60–?63 continue ?20–?29 (DFÜ agreement; "Richter R" + "enat" in betterplace); WoLpH keeps them apart as
        // additional_purpose. Where that holds no SEPA keyword it continues the purpose WoLpH read (in these samples the
        // last keyword before ?60 is SVWZ+); files where it holds one are checked by hand in mt940-german.test.ts.
        const more = x.additional_purpose === null || x.additional_purpose === undefined ? '' : String(x.additional_purpose);
        expect(sepaKeyword.test(more)).toBe(false);
        expect(spacesIf(key, t.purpose)).toBe(collapse(adjusted(key, collapse(String(x.purpose ?? '') + more))));
        expect(spacesIf(key, t.counterpartyName)).toBe(collapse(adjusted(key, collapse(x.applicant_name))));
        expect(t.counterpartyIban).toBe(ibanShaped(x.applicant_iban));
        expect(t.counterpartyBic).toBe(bicShaped(x.applicant_bin));
        expect(t.bookingType).toBe(collapse(x.posting_text ?? '') || null);
        const eref = collapse(x.end_to_end_reference ?? '');
        expect(t.endToEndId ?? null).toBe(eref === '' || eref === 'NOTPROVIDED' ? null : eref);
        expect(t.mandateReference ?? null).toBe(collapse(x.additional_position_reference ?? '') || null);
        expect(t.creditorId ?? null).toBe(collapse(x.applicant_creditor_id ?? '') || null);
      }
    });
  });
});

