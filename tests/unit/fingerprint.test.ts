import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readCsvStatement } from '../../src/core/import/csv';
import { assignFingerprints, fingerprintKey, normalisePurpose } from '../../src/core/import/fingerprint';
import { findProfile } from '../../src/core/profiles/builtin';
import type { Transaction } from '../../src/core/transaction';
import { sparkasseCsvText, windows1252, type SparkasseRow } from '../helpers/sparkasse-csv';

const sparkasse = findProfile('sparkasse-csv-camt-v2')!;
const readRows = (rows: SparkasseRow[], fileName = 'umsatz.csv') =>
  readCsvStatement({ fileName, bytes: windows1252(sparkasseCsvText(rows)) }, sparkasse);

const january: SparkasseRow[] = [
  { bookingDate: '02.01.25', purpose: 'Miete Januar', counterparty: 'Mieter A', iban: 'DE02120300000000202051', amount: '500,00' },
  { bookingDate: '02.01.25', purpose: 'Miete Januar', counterparty: 'Mieter B', iban: 'DE02500105170137075030', amount: '500,00' },
  { bookingDate: '03.01.25', purpose: 'Kaffee', counterparty: 'Kiosk', amount: '-2,50' },
  { bookingDate: '03.01.25', purpose: 'Kaffee', counterparty: 'Kiosk', amount: '-2,50' },
  { bookingDate: '04.01.25', purpose: 'RE 4711', counterparty: 'Kunde', amount: '119,00' },
];
const base: Omit<Transaction, 'fingerprint'> = {
  bookingDate: '2025-01-02', valueDate: null, amountMinor: 50000, currency: 'EUR', counterpartyName: 'A',
  counterpartyIban: null, purpose: 'Miete', bookingType: null,
};

describe('fingerprints', () => {
  it('are the first 20 hex digits of SHA-256 over the canonical key', () => {
    const [t] = assignFingerprints([base], 'DE12500105170648489890');
    const key = fingerprintKey(base, 'DE12500105170648489890');
    expect(key).toBe('v1|DE12500105170648489890|2025-01-02|50000|EUR|miete|');
    expect(t!.fingerprint).toBe(createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 20));
  });

  it('hash non-ASCII text as UTF-8', () => {
    const t = { ...base, counterpartyIban: null, purpose: 'x' };
    const [a] = assignFingerprints([t], 'Konto Ä€💶');
    expect(a!.fingerprint).toBe(createHash('sha256').update(fingerprintKey(t, 'Konto Ä€💶'), 'utf8').digest('hex').slice(0, 20));
  });

  it('are stable across two reads of the same file', () => {
    const first = readRows(january).transactions.map((t) => t.fingerprint);
    const second = readRows(january, 'same-file-other-name.csv').transactions.map((t) => t.fingerprint);
    expect(second).toEqual(first);
  });

  it('keep identical payments on one day apart, by occurrence', () => {
    const fps = readRows(january).transactions.map((t) => t.fingerprint);
    expect(new Set(fps).size).toBe(5);
    expect(fps[3]).toBe(`${fps[2]}-2`);
    // Same purpose and amount from two different payers: told apart by their IBAN, no suffix needed.
    expect(fps[0]).not.toBe(fps[1]);
    expect(fps[1]).not.toContain('-');
  });

  it('give an overlapping second export the same fingerprints for the shared transactions', () => {
    const firstFile = readRows(january);
    const overlap = readRows(
      [
        ...january.slice(2),
        { bookingDate: '05.01.25', purpose: 'Neu', counterparty: 'X', amount: '-1,00' },
        { bookingDate: '05.01.25', purpose: 'Kaffee', counterparty: 'Kiosk', amount: '-2,50' },
      ],
      'februar.csv',
    );
    const known = new Set(firstFile.transactions.map((t) => t.fingerprint));
    const fresh = overlap.transactions.filter((t) => !known.has(t.fingerprint));
    expect(overlap.transactions.slice(0, 3).map((t) => t.fingerprint)).toEqual(firstFile.transactions.slice(2).map((t) => t.fingerprint));
    expect(fresh.map((t) => [t.bookingDate, t.purpose])).toEqual([
      ['2025-01-05', 'Neu'],
      ['2025-01-05', 'Kaffee'],
    ]);
  });

  it('ignore spacing, case and punctuation of the purpose, and the counterparty name', () => {
    const a = assignFingerprints([{ ...base, purpose: 'RE-Nr. 4711 / Müller', counterpartyName: 'Müller GmbH & Co. KG' }], null);
    const b = assignFingerprints([{ ...base, purpose: 'RE NR 4711MUELLER', counterpartyName: 'MUELLER GMBH' }], null);
    expect(a[0]!.fingerprint).toBe(b[0]!.fingerprint);
    expect(normalisePurpose('Straße  Ä-ö/Ü 12')).toBe('strasseaeoeue12');
  });

  it('change with account, date, amount, currency, purpose and counterparty IBAN', () => {
    const fp = (t: typeof base, account: string | null = 'A') => assignFingerprints([t], account)[0]!.fingerprint;
    const reference = fp(base);
    const variants = [
      fp(base, 'B'),
      fp(base, null),
      fp({ ...base, bookingDate: '2025-01-03' }),
      fp({ ...base, amountMinor: -50000 }),
      fp({ ...base, currency: 'CHF' }),
      fp({ ...base, purpose: 'Miete 2' }),
      fp({ ...base, counterpartyIban: 'DE02120300000000202051' }),
    ];
    for (const v of variants) expect(v).not.toBe(reference);
    expect(new Set(variants).size).toBe(variants.length);
    // …but not with value date, booking text or name.
    expect(fp({ ...base, valueDate: '2025-01-05', bookingType: 'GUTSCHRIFT', counterpartyName: 'Z' })).toBe(reference);
  });
});
