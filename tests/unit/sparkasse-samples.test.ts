/**
 * Acceptance against real Sparkasse "CSV-CAMT V2" exports (read in place from the shared samples, never copied here).
 * The Freiburg samples come with the OFX another project (ofxstatement-sparkasse-freiburg) produced from them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvStatement } from '../../src/core/import/csv';
import { findProfile } from '../../src/core/profiles/builtin';

const samples = path.resolve(__dirname, '../../../shared/samples/csv');
const sparkasse = findProfile('sparkasse-csv-camt-v2')!;

function readSample(name: string) {
  return readCsvStatement({ fileName: name, bytes: readFileSync(path.join(samples, name)) }, sparkasse);
}

interface OfxTransaction {
  date: string;
  amountMinor: number;
  purpose: string;
  name: string;
  memo: string;
}

const field = (block: string, tag: string): string => {
  const m = new RegExp(`<${tag}>\\s*([^<]*?)\\s*(?:</${tag}>|<)`).exec(block);
  if (m === null) throw new Error(`no <${tag}> in ${block}`);
  return m[1]!;
};

/** ofxstatement writes NAME as "purpose; counterparty" (both cut at ~47 characters, then "...") and the value date. */
function readOfx(name: string): OfxTransaction[] {
  const ofx = readFileSync(path.join(samples, name), 'utf8');
  return [...ofx.matchAll(/<STMTTRN>([\s\S]*?)<\/STMTTRN>/g)].map(([, block]) => {
    const d = field(block!, 'DTPOSTED');
    const [purpose, ...rest] = field(block!, 'NAME').split('; ');
    const amount = field(block!, 'TRNAMT');
    return {
      date: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`,
      amountMinor: Math.round(Number(amount) * 100),
      purpose: purpose!,
      name: rest.join('; '),
      memo: field(block!, 'MEMO'),
    };
  });
}

/** OFX text is cut with "..." and sometimes with whitespace collapsed; compare what it kept. */
function expectSameText(actual: string, ofx: string): void {
  if (ofx.endsWith('...')) expect(actual.startsWith(ofx.slice(0, -3).trimEnd())).toBe(true);
  else expect(actual).toBe(ofx);
}

describe.each(['simple1', 'simple2'])('Sparkasse Freiburg sample %s', (sample) => {
  const csvName = `omarkohl__ofxstatement-sparkasse-freiburg__tests__data__${sample}.csv`;
  const read = readSample(csvName);
  const ofx = readOfx(`omarkohl__ofxstatement-sparkasse-freiburg__tests__data__${sample}.ofx`);

  it('reads every line, leaves out only the pending booking of line 2', () => {
    expect(read.errors).toEqual([]);
    expect(read.encoding).toBe('windows-1252');
    expect(read.skipped).toEqual([{ line: 2, reason: 'not booked yet (pending booking)' }]);
    // ofxstatement imports pending bookings too: its first transaction is the one left out here.
    expect(read.transactions).toHaveLength(ofx.length - 1);
    expect(read.rowsRead).toBe(ofx.length);
  });

  it('matches the OFX in value date, amount, purpose, counterparty, booking text and IBAN of every transaction', () => {
    read.transactions.forEach((t, i) => {
      const want = ofx[i + 1]!;
      expect(t.valueDate).toBe(want.date);
      expect(t.amountMinor).toBe(want.amountMinor);
      expectSameText(t.purpose, want.purpose);
      expectSameText(t.counterpartyName, want.name === 'UNBEKANNT' ? '' : want.name);
      const [bookingText, iban] = want.memo.split('; ');
      expect(t.bookingType).toBe(bookingText!.replace(/\s+/g, ' '));
      expect(t.counterpartyIban).toBe(iban!.replace('IBAN: ', ''));
      expect(t.currency).toBe('EUR');
      expect(t.fingerprint).toMatch(/^[0-9a-f]{20}(-\d+)?$/);
    });
  });
});

describe('Sparkasse Freiburg samples in detail', () => {
  it('simple1: umlaut from Windows-1252, two-digit year, account', () => {
    const r = readSample('omarkohl__ofxstatement-sparkasse-freiburg__tests__data__simple1.csv');
    expect(r.account).toBe('12341234');
    expect(r.transactions).toEqual([
      {
        line: 3, bookingDate: '2018-03-28', valueDate: '2018-03-28', amountMinor: 12300, currency: 'EUR',
        counterpartyName: 'Sabrina Mustermann', counterpartyIban: 'DE12341234123412341234',
        purpose: 'Geschenk Hans Meyer abzügl. Schulden', bookingType: 'GUTSCHRIFT', fingerprint: expect.any(String),
        counterpartyBic: 'ASDFASDFASD', endToEndId: null, mandateReference: null, creditorId: null,
      },
    ]);
  });

  it('simple2: booking date differs from value date, long purposes, zero amounts, padded names', () => {
    const r = readSample('omarkohl__ofxstatement-sparkasse-freiburg__tests__data__simple2.csv');
    const byLine = new Map(r.transactions.map((t) => [t.line, t]));
    expect(byLine.get(16)).toMatchObject({ bookingDate: '2018-03-26', valueDate: '2018-03-24', amountMinor: -20000, purpose: '24.03/14.30UHR Böbbingen' });
    expect(byLine.get(11)).toMatchObject({ amountMinor: 0, bookingType: 'ABSCHLUSS', counterpartyName: '', counterpartyIban: '1234123412' });
    expect(byLine.get(11)!.purpose).toContain('Sollzinssätze am 29.03.2018 10,9900 v.H. für Kontoüberziehungen');
    expect(byLine.get(10)!.counterpartyName).toBe('FIRMA M Immobilien- Management GmbH Bohnenstr. 24 123456 Aachen');
    expect(byLine.get(15)).toMatchObject({ bookingDate: '2018-03-27', amountMinor: 106022, bookingType: 'LOHN GEHALT' });
    expect(r.transactions.reduce((sum, t) => sum + t.amountMinor, 0)).toBe(-6259 - 10000 - 6000 - 16500 - 2500 - 2500 - 4000 - 46122 + 0 - 450 + 35000 - 7900 + 106022 - 20000 - 4151 - 15 - 1649);
    // Every fingerprint distinct, also for the two "Spende" -25,00 standing orders on one day.
    expect(new Set(r.transactions.map((t) => t.fingerprint)).size).toBe(r.transactions.length);
  });
});

describe('RechnungsPilot Sparkasse LzO samples (CSV-CAMT V2 and V8)', () => {
  const v2 = readSample('nicolettas-muggelbude__RechnungsPilot__vorlagen__bank-csv__sparkasse-lzo-camt-v2.csv');
  const v8 = readSample('nicolettas-muggelbude__RechnungsPilot__vorlagen__bank-csv__sparkasse-lzo-camt-v8.csv');

  it('reads the booked transactions of V2', () => {
    expect(v2.errors).toEqual([]);
    expect(v2.account).toBe('DE89370400440532013000');
    expect(v2.rowsRead).toBe(10);
    expect(v2.skipped.map((s) => s.line)).toEqual([2, 3, 4]);
    expect(v2.transactions.map((t) => [t.line, t.bookingDate, t.amountMinor, t.counterpartyName, t.purpose])).toEqual([
      [5, '2025-12-05', -595, 'Sparkasse', 'KOSTEN KONTO QUARTAL 01.12.25 - 31.12.25'],
      [6, '2025-12-05', -1285, 'Lieferant GmbH', 'RE-NR123456 Lieferung'],
      [7, '2025-12-04', -2999, 'Dienstleister GmbH', 'Rechnung 11063225'],
      [8, '2025-12-03', 6750, 'Eva Schmidt', 'Beleg Nr. 203047'],
      [9, '2025-12-03', 11900, 'Kunde GmbH', 'Beleg Nr. 203037, Rechnung'],
      [10, '2025-12-03', 15890, 'Auftraggeber AG', 'Beleg Nr. 203045, Rechnung'],
      [11, '2025-12-03', 3590, 'Max Mustermann', 'Beleg 203036'],
    ]);
    expect(v2.transactions[3]).toMatchObject({ counterpartyIban: 'DE89370400440532013007', bookingType: 'GUTSCHR. UEBERWEISUNG', valueDate: '2025-12-03' });
  });

  it('reads V8 the same, with the same fingerprints although its booking texts differ', () => {
    expect(v8.errors).toEqual([]);
    expect(v8.transactions[3]!.bookingType).toBe('GUTSCHRIFT UEBERWEISUNG');
    const strip = (t: (typeof v2.transactions)[number]) => ({ ...t, bookingType: null });
    expect(v8.transactions.map(strip)).toEqual(v2.transactions.map(strip));
  });
});
