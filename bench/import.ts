/**
 * `npm run bench -- import`: 100,000 bookings as a Sparkasse "CSV-CAMT V2" file (Windows-1252 bytes) and as an MT940
 * file (one statement per day, structured German `:86:` with SEPA keywords, 27-character subfields, 65-character lines),
 * built in memory. Timed: readCsvStatement (decode, parse, normalise, fingerprint), readMt940Statement, and — as the
 * baseline measured in the same run — papaparse's raw parse of the same CSV text. Each is run once to warm up, then three
 * times; the median counts. No thresholds: the numbers are for reading.
 */
import { performance } from 'node:perf_hooks';
import Papa from 'papaparse';
import { readCsvStatement } from '../src/core/import/csv';
import { readMt940Statement } from '../src/core/import/mt940';
import type { StatementRead } from '../src/core/import/statement';
import { findProfile } from '../src/core/profiles/builtin';
import { seededRandom } from './seeded-random';

const ROWS = 100_000;
const ACCOUNT_BLZ = '50010517';
const ACCOUNT_NUMBER = '0648489890';
const ACCOUNT_IBAN = 'DE12500105170648489890';


function germanIban(bankCode: string, account: string): string {
  const bban = bankCode + account.padStart(10, '0');
  let rest = 0;
  for (const ch of `${bban}131400`) rest = (rest * 10 + Number(ch)) % 97;
  return `DE${String(98 - rest).padStart(2, '0')}${bban}`;
}

interface Booking {
  valueDate: string; // YYMMDD
  entryDate: string; // YYMMDD
  minor: number;
  bookingText: string;
  gvc: string;
  name: string;
  iban: string;
  bic: string;
  eref: string;
  mref: string;
  cred: string;
  purpose: string;
}

const names = [
  'Müller Bürobedarf GmbH', 'Stadtwerke Musterstadt GmbH', 'Schmidt & Söhne KG', 'Praxis Dr. Weber', 'Bäckerei Jäger',
  'Deutsche Telekom AG', 'Allianz Versicherungs-AG', 'Hausverwaltung Groß', 'Finanzamt Musterstadt', 'Amazon Payments Europe S.C.A.',
  'PayPal Europe S.a.r.l. et Cie S.C.A', 'REWE Markt GmbH', 'Kunde Meier', 'Ingenieurbüro Köhler', 'Elektro Özdemir',
];
const purposes = [
  (r: () => number) => `RE ${2025}-${String(Math.floor(r() * 9000) + 1000)} Kundennr. ${Math.floor(r() * 90000) + 10000} vielen Dank`,
  (r: () => number) => `Abschlag Strom ${['Januar', 'Februar', 'März', 'April'][Math.floor(r() * 4)]} 2025 Vertragskonto ${Math.floor(r() * 1e8)}`,
  (r: () => number) => `${2025}-0${Math.floor(r() * 9) + 1}-1${Math.floor(r() * 9)}T1${Math.floor(r() * 9)}.${Math.floor(r() * 50) + 10} Debitk.4 2027-12`,
  (r: () => number) => `Miete ${['Januar', 'Februar', 'März'][Math.floor(r() * 3)]} Wohnung ${Math.floor(r() * 20) + 1} links, Objekt Hauptstraße ${Math.floor(r() * 200)}`,
  (r: () => number) => `Gehalt ${Math.floor(r() * 12) + 1}/2025 Personalnummer ${Math.floor(r() * 9999)}`,
  (r: () => number) => `Beitrag ${Math.floor(r() * 4) + 1}. Quartal 2025 Mitgliedsnummer ${Math.floor(r() * 1e6)} Zahlung gem. Vereinbarung vom 12.03.2025`,
];
const kinds = [
  { text: 'GUTSCHR. UEBERWEISUNG', gvc: '166', sign: 1 },
  { text: 'FOLGELASTSCHRIFT', gvc: '105', sign: -1 },
  { text: 'KARTENZAHLUNG', gvc: '106', sign: -1 },
  { text: 'ONLINE-UEBERWEISUNG', gvc: '177', sign: -1 },
];

function bookings(): Booking[] {
  const r = seededRandom(4711);
  const out: Booking[] = [];
  // About 275 bookings a day over a year, in date order.
  for (let i = 0; i < ROWS; i++) {
    const day = Math.floor((i / ROWS) * 364);
    const date = new Date(Date.UTC(2025, 0, 1 + day));
    const yymmdd = `${String(date.getUTCFullYear() % 100).padStart(2, '0')}${String(date.getUTCMonth() + 1).padStart(2, '0')}${String(date.getUTCDate()).padStart(2, '0')}`;
    const kind = kinds[Math.floor(r() * kinds.length)]!;
    const debit = kind.gvc === '105';
    out.push({
      valueDate: yymmdd,
      entryDate: yymmdd,
      minor: kind.sign * (Math.floor(r() * 250_000) + 1),
      bookingText: kind.text,
      gvc: kind.gvc,
      name: names[Math.floor(r() * names.length)]!,
      iban: kind.gvc === '106' ? '' : germanIban(String(10000000 + Math.floor(r() * 89999999)), String(Math.floor(r() * 1e9))),
      bic: kind.gvc === '106' ? '' : 'COBADEFFXXX',
      eref: debit || r() < 0.5 ? `E2E-${Math.floor(r() * 1e12)}` : '',
      mref: debit ? `M-${Math.floor(r() * 1e8)}` : '',
      cred: debit ? 'DE98ZZZ09999999999' : '',
      purpose: purposes[Math.floor(r() * purposes.length)]!(r),
    });
  }
  return out;
}

const amountText = (minor: number): string => `${minor < 0 ? '-' : ''}${Math.floor(Math.abs(minor) / 100)},${String(Math.abs(minor) % 100).padStart(2, '0')}`;
const ddmmyy = (yymmdd: string): string => `${yymmdd.slice(4, 6)}.${yymmdd.slice(2, 4)}.${yymmdd.slice(0, 2)}`;
const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

function csvText(list: Booking[]): string {
  const header = [
    'Auftragskonto', 'Buchungstag', 'Valutadatum', 'Buchungstext', 'Verwendungszweck', 'Glaeubiger ID', 'Mandatsreferenz',
    'Kundenreferenz (End-to-End)', 'Sammlerreferenz', 'Lastschrift Ursprungsbetrag', 'Auslagenersatz Ruecklastschrift',
    'Beguenstigter/Zahlungspflichtiger', 'Kontonummer/IBAN', 'BIC (SWIFT-Code)', 'Betrag', 'Waehrung', 'Info',
  ];
  const lines = [header.map(quote).join(';')];
  for (const b of list) {
    lines.push([
      ACCOUNT_IBAN, ddmmyy(b.entryDate), ddmmyy(b.valueDate), b.bookingText, b.purpose, b.cred, b.mref, b.eref, '', '', '',
      b.name, b.iban, b.bic, amountText(b.minor), 'EUR', 'Umsatz gebucht',
    ].map(quote).join(';'));
  }
  return lines.join('\r\n') + '\r\n';
}

/** Windows-1252 bytes; the texts above hold only Latin-1 letters. */
function latin1Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

const pieces = (text: string, size: number): string[] => {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
};

function mt940Text(list: Booking[]): string {
  const out: string[] = [];
  let balance = 1_000_000_00;
  const money = (minor: number): string => `${minor < 0 ? 'D' : 'C'}`;
  let i = 0;
  let statement = 1;
  while (i < list.length) {
    const day = list[i]!.entryDate;
    out.push(':20:STARTUMSE', `:25:${ACCOUNT_BLZ}/${ACCOUNT_NUMBER}`, `:28C:${String(statement++).padStart(5, '0')}/001`, `:60F:${money(balance)}${day}EUR${amountText(Math.abs(balance))}`);
    for (; i < list.length && list[i]!.entryDate === day; i++) {
      const b = list[i]!;
      balance += b.minor;
      out.push(`:61:${b.valueDate}${b.entryDate.slice(2)}${b.minor < 0 ? 'D' : 'C'}R${amountText(Math.abs(b.minor))}NTRFNONREF`);
      const sepa = (b.eref ? `EREF+${b.eref}` : '') + (b.mref ? `MREF+${b.mref}` : '') + (b.cred ? `CRED+${b.cred}` : '') + `SVWZ+${b.purpose}`;
      const name = pieces(b.name, 27);
      const field =
        `${b.gvc}?00${b.bookingText}?109310` + pieces(sepa, 27).map((p, k) => `?${20 + k}${p}`).join('') +
        (b.bic ? `?30${b.bic}` : '') + (b.iban ? `?31${b.iban}` : '') + `?32${name[0]}` + (name[1] ? `?33${name[1]}` : '');
      out.push(...pieces(`:86:${field}`, 65));
    }
    out.push(`:62F:${money(balance)}${day}EUR${amountText(Math.abs(balance))}`, '-');
  }
  return out.join('\r\n') + '\r\n';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timed(work: () => void): number {
  work(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    work();
    times.push((performance.now() - start) / 1000);
  }
  return median(times);
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

export async function run(): Promise<void> {
  const list = bookings();
  const csv = csvText(list);
  const csvBytes = latin1Bytes(csv);
  const mt940Bytes = latin1Bytes(mt940Text(list));
  const profile = findProfile('sparkasse-csv-camt-v2')!;
  console.log(`data: ${fmt(ROWS)} bookings; CSV ${mb(csvBytes.length)}, MT940 ${mb(mt940Bytes.length)}${(globalThis as { gc?: unknown }).gc ? '' : ' (no --expose-gc: heap figures include garbage)'}`);

  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let csvRead: StatementRead | null = null;
  let mt940Read: StatementRead | null = null;
  const papaSeconds = timed(() => {
    const parsed = Papa.parse<string[]>(csv, { delimiter: ';', quoteChar: '"' });
    if (parsed.data.length < ROWS) throw new Error('papaparse lost rows');
  });
  const csvSeconds = timed(() => {
    csvRead = readCsvStatement({ fileName: 'bench.csv', bytes: csvBytes }, profile);
  });
  const mt940Seconds = timed(() => {
    mt940Read = readMt940Statement({ fileName: 'bench.sta', bytes: mt940Bytes });
  });
  const heapAfter = process.memoryUsage().heapUsed;

  // The runs must have read everything, and both formats must agree, or the timings mean nothing.
  const c = csvRead as StatementRead | null;
  const m = mt940Read as StatementRead | null;
  if (c === null || m === null) throw new Error('nothing was read');
  const problems = [c.errors.length, m.errors.length, m.warnings.length, ROWS - c.transactions.length, ROWS - m.transactions.length];
  if (problems.some((n) => n !== 0)) throw new Error(`unexpected read problems (csv errors, mt940 errors, mt940 warnings, csv missing, mt940 missing): ${problems.join(', ')}`);
  const same = c.transactions.every((t, i) => t.fingerprint === m.transactions[i]!.fingerprint);

  console.log(`papaparse raw: ${fmt(ROWS)} rows in ${papaSeconds.toFixed(2)} s = ${fmt(ROWS / papaSeconds)} rows/s`);
  console.log(`csv: ${fmt(ROWS)} rows in ${csvSeconds.toFixed(2)} s = ${fmt(ROWS / csvSeconds)} rows/s; papaparse raw ${papaSeconds.toFixed(2)} s; overhead ×${(csvSeconds / papaSeconds).toFixed(2)}`);
  console.log(`mt940: ${fmt(ROWS)} entries in ${mt940Seconds.toFixed(2)} s = ${fmt(ROWS / mt940Seconds)} entries/s; ×${(mt940Seconds / papaSeconds).toFixed(2)} the papaparse time of the CSV`);
  console.log(`heap used: ${mb(heapBefore)} before, ${mb(heapAfter)} after (both results held)`);
  console.log(`csv and mt940 fingerprints identical: ${same ? 'yes' : 'NO'}`);
}
