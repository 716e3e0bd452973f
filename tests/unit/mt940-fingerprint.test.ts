/**
 * The same payments exported twice from one Sparkasse account — as "CSV-CAMT V2" and as MT940 with `BLZ/Kontonummer`
 * in `:25:` — must get the same fingerprints, so that importing both (or overlapping exports of both) creates no
 * duplicates. The MT940 text is written here the way German banks write it: SEPA keywords in `?20`–`?29`, cut into
 * 27-character subfields and 65-character lines wherever the limit falls, umlauts spelled out or kept as ISO-8859-1.
 */
import { describe, expect, it } from 'vitest';
import { readCsvStatement } from '../../src/core/import/csv';
import { readMt940Statement } from '../../src/core/import/mt940';
import { findProfile } from '../../src/core/profiles/builtin';
import { sparkasseCsvText, windows1252, type SparkasseRow } from '../helpers/sparkasse-csv';

const BLZ = '50010517';
const KONTO = '648489890';
const IBAN = 'DE12500105170648489890'; // DE12 5001 0517 0648 4898 90: the same account

interface Payment {
  valueDate: string; // YYMMDD
  entryDate: string; // YYMMDD
  amount: string; // -1234,56
  bookingText: string;
  gvc: string;
  name: string;
  iban?: string;
  bic?: string;
  /** SEPA fields as MT940 carries them; the CSV's Verwendungszweck holds only `svwz`. */
  eref?: string;
  mref?: string;
  cred?: string;
  svwz: string;
  /** How the bank writes the purpose in MT940 where it differs from the CSV (umlauts spelled out). */
  svwzMt940?: string;
}

const payments: Payment[] = [
  { valueDate: '250102', entryDate: '250102', amount: '500,00', bookingText: 'GUTSCHR. UEBERWEISUNG', gvc: '166', name: 'Mieter A', iban: 'DE02120300000000202051', bic: 'BYLADEMM', svwz: 'Miete Januar Wohnung 3 links' },
  // Two identical card payments at the same kiosk on the same day.
  { valueDate: '250103', entryDate: '250103', amount: '-2,50', bookingText: 'KARTENZAHLUNG', gvc: '106', name: 'Kiosk am Markt', svwz: '2025-01-03T08.15 Debitk.4 2027-12' },
  { valueDate: '250103', entryDate: '250103', amount: '-2,50', bookingText: 'KARTENZAHLUNG', gvc: '106', name: 'Kiosk am Markt', svwz: '2025-01-03T08.15 Debitk.4 2027-12' },
  {
    valueDate: '250106', entryDate: '250106', amount: '-49,99', bookingText: 'FOLGELASTSCHRIFT', gvc: '105', name: 'Stadtwerke Musterstadt GmbH',
    iban: 'DE02500105170137075030', bic: 'INGDDEFFXXX', eref: 'SW-2025-000123456', mref: 'MANDAT-0815-4711', cred: 'DE98ZZZ09999999999',
    svwz: 'Abschlag Strom Januar 2025 Vertragskonto 4711 0815 Zählernummer 123456', svwzMt940: 'Abschlag Strom Januar 2025 Vertragskonto 4711 0815 Zaehlernummer 123456',
  },
  // Umlauts kept as ISO-8859-1 bytes in the MT940 file.
  { valueDate: '250107', entryDate: '250107', amount: '119,00', bookingText: 'GUTSCHR. UEBERWEISUNG', gvc: '166', name: 'Müller & Söhne', iban: 'DE02100100100006820101', svwz: 'RE 2025-017 Prüfung März' },
  // Value date in the old year, booked in the new one: the CSV's Buchungstag is the MT940 entry date.
  { valueDate: '241231', entryDate: '250102', amount: '-15,00', bookingText: 'ENTGELTABSCHLUSS', gvc: '805', name: '', svwz: 'Entgelte Dezember 2024' },
];

const ddmmyy = (yymmdd: string): string => `${yymmdd.slice(4, 6)}.${yymmdd.slice(2, 4)}.${yymmdd.slice(0, 2)}`;

function csvOf(list: Payment[]): Uint8Array {
  const rows: SparkasseRow[] = list.map((p) => ({
    account: IBAN, bookingDate: ddmmyy(p.entryDate), valueDate: ddmmyy(p.valueDate), bookingText: p.bookingText, purpose: p.svwz,
    counterparty: p.name, iban: p.iban ?? '', bic: p.bic ?? '', amount: p.amount,
  }));
  return windows1252(sparkasseCsvText(rows));
}

/** `text` in pieces of `size` characters, cut wherever the limit falls. */
const pieces = (text: string, size: number): string[] => text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [];

function mt940Of(list: Payment[], opening: number): Uint8Array {
  const lines = [':20:STARTUMSE', `:25:${BLZ}/${KONTO}`, ':28C:00001/001', `:60F:C${list[0]!.valueDate}EUR${(opening / 100).toFixed(2).replace('.', ',')}`];
  let balance = opening;
  for (const p of list) {
    const minor = Math.round(Number(p.amount.replace(',', '.')) * 100);
    balance += minor;
    lines.push(`:61:${p.valueDate}${p.entryDate.slice(2)}${minor < 0 ? 'D' : 'C'}R${p.amount.replace('-', '')}N${p.gvc === '106' ? '106' : 'TRF'}NONREF`);
    const sepa = (p.eref ? `EREF+${p.eref}` : '') + (p.mref ? `MREF+${p.mref}` : '') + (p.cred ? `CRED+${p.cred}` : '') + `SVWZ+${p.svwzMt940 ?? p.svwz}`;
    const name = pieces(p.name, 27);
    const field =
      `${p.gvc}?00${p.bookingText}?109310` +
      pieces(sepa, 27).map((piece, i) => `?${20 + i}${piece}`).join('') +
      (p.bic ? `?30${p.bic}` : '') + (p.iban ? `?31${p.iban}` : '') +
      (name[0] ? `?32${name[0]}` : '') + (name[1] ? `?33${name[1]}` : '');
    // 65 characters per line, the first counted with its tag.
    const wrapped = pieces(`:86:${field}`, 65);
    lines.push(...wrapped);
  }
  const last = list[list.length - 1]!;
  lines.push(`:62F:${balance < 0 ? 'D' : 'C'}${last.entryDate}EUR${(Math.abs(balance) / 100).toFixed(2).replace('.', ',')}`, '-');
  const text = lines.join('\r\n') + '\r\n';
  return Uint8Array.from([...text].map((ch) => ch.charCodeAt(0))); // ISO-8859-1
}

const sparkasse = findProfile('sparkasse-csv-camt-v2')!;

describe('Sparkasse CSV-CAMT V2 and MT940 of the same account', () => {
  const csv = readCsvStatement({ fileName: 'umsatz.csv', bytes: csvOf(payments) }, sparkasse);
  const mt940 = readMt940Statement({ fileName: 'umsatz.sta', bytes: mt940Of(payments, 1_000_00) });

  it('both read cleanly, the MT940 balances add up', () => {
    expect([csv.errors, csv.skipped, mt940.errors, mt940.warnings, mt940.skipped]).toEqual([[], [], [], [], []]);
    expect(mt940.transactions).toHaveLength(payments.length);
    expect(mt940.encoding).toBe('windows-1252');
  });

  it('name the same account: :25: BLZ/Kontonummer becomes the IBAN of the CSV', () => {
    expect(csv.account).toBe(IBAN);
    expect(mt940.account).toBe(IBAN);
  });

  it('agree on booking date, amount, purpose and counterparty IBAN entry by entry', () => {
    const key = (t: (typeof csv.transactions)[number]) => [t.bookingDate, t.valueDate, t.amountMinor, t.currency, t.counterpartyIban];
    expect(mt940.transactions.map(key)).toEqual(csv.transactions.map(key));
    // The MT940 purpose is the SVWZ+ text, as in the CSV — unless the bank spelled the umlauts out.
    expect(mt940.transactions[3]!.purpose).toBe('Abschlag Strom Januar 2025 Vertragskonto 4711 0815 Zaehlernummer 123456');
    expect(csv.transactions[3]!.purpose).toBe('Abschlag Strom Januar 2025 Vertragskonto 4711 0815 Zählernummer 123456');
    expect(mt940.transactions[4]!.purpose).toBe(csv.transactions[4]!.purpose);
    expect(mt940.transactions[3]).toMatchObject({ endToEndId: 'SW-2025-000123456', mandateReference: 'MANDAT-0815-4711', creditorId: 'DE98ZZZ09999999999', counterpartyBic: 'INGDDEFFXXX' });
    expect(mt940.transactions[5]).toMatchObject({ bookingDate: '2025-01-02', valueDate: '2024-12-31' });
  });

  it('give identical fingerprints, the second of two identical payments on one day suffixed -2 in both', () => {
    const fromCsv = csv.transactions.map((t) => t.fingerprint);
    expect(mt940.transactions.map((t) => t.fingerprint)).toEqual(fromCsv);
    expect(fromCsv[2]).toBe(`${fromCsv[1]}-2`);
    expect(new Set(fromCsv).size).toBe(payments.length);
  });

  it('an MT940 export overlapping the CSV one recognises the shared payments', () => {
    const later = readMt940Statement({ fileName: 'later.sta', bytes: mt940Of(payments.slice(1, 3), 1_500_00) });
    expect(later.transactions.map((t) => t.fingerprint)).toEqual(csv.transactions.slice(1, 3).map((t) => t.fingerprint));
  });
});
