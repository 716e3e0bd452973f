/**
 * The same payments exported three times from one Sparkasse account — as "CSV-CAMT V2", as MT940 with `BLZ/Kontonummer`
 * in `:25:`, and as CAMT.053 — must get the same fingerprints, so that importing both (or overlapping exports of both) creates no
 * duplicates. The MT940 text is written here the way German banks write it: SEPA keywords in `?20`–`?29`, cut into
 * 27-character subfields and 65-character lines wherever the limit falls, umlauts spelled out or kept as ISO-8859-1.
 */
import { describe, expect, it } from 'vitest';
import { readCsvStatement } from '../../src/core/import/csv';
import { readCamtFile } from '../../src/core/import/camt';
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

const iso = (yymmdd: string): string => `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
const xmlText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A CAMT.053.001.02 statement of the payments, as a German bank writes it (UTF-8, Ustrd in 140-character pieces). */
function camtOf(list: Payment[], opening: number): Uint8Array {
  let balance = opening;
  const entries = list.map((p) => {
    const minor = Math.round(Number(p.amount.replace(',', '.')) * 100);
    balance += minor;
    const incoming = minor > 0;
    const party = p.name === '' ? '' : `<${incoming ? 'Dbtr' : 'Cdtr'}><Nm>${xmlText(p.name)}</Nm></${incoming ? 'Dbtr' : 'Cdtr'}>`;
    const account = p.iban ? `<${incoming ? 'DbtrAcct' : 'CdtrAcct'}><Id><IBAN>${p.iban}</IBAN></Id></${incoming ? 'DbtrAcct' : 'CdtrAcct'}>` : '';
    const agent = p.bic ? `<RltdAgts><${incoming ? 'DbtrAgt' : 'CdtrAgt'}><FinInstnId><BIC>${p.bic}</BIC></FinInstnId></${incoming ? 'DbtrAgt' : 'CdtrAgt'}></RltdAgts>` : '';
    const ustrd = pieces(p.svwz, 140).map((piece) => `<Ustrd>${xmlText(piece)}</Ustrd>`).join('');
    return `
      <Ntry>
        <Amt Ccy="EUR">${(Math.abs(minor) / 100).toFixed(2)}</Amt>
        <CdtDbtInd>${incoming ? 'CRDT' : 'DBIT'}</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>${iso(p.entryDate)}</Dt></BookgDt>
        <ValDt><Dt>${iso(p.valueDate)}</Dt></ValDt>
        <AcctSvcrRef>NONREF</AcctSvcrRef>
        <BkTxCd><Prtry><Cd>NTRF+${p.gvc}</Cd><Issr>DK</Issr></Prtry></BkTxCd>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>${p.eref ?? 'NOTPROVIDED'}</EndToEndId>${p.mref ? `<MndtId>${p.mref}</MndtId>` : ''}</Refs>
          <RltdPties>${party}${account}${p.cred ? `<Cdtr><Id><PrvtId><Othr><Id>${p.cred}</Id><SchmeNm><Prtry>SEPA</Prtry></SchmeNm></Othr></PrvtId></Id></Cdtr>` : ''}</RltdPties>
          ${agent}
          <RmtInf>${ustrd}</RmtInf>
        </TxDtls></NtryDtls>
        <AddtlNtryInf>${xmlText(p.bookingText)}</AddtlNtryInf>
      </Ntry>`;
  });
  const amount = (minor: number) => `<Amt Ccy="EUR">${(Math.abs(minor) / 100).toFixed(2)}</Amt><CdtDbtInd>${minor < 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd>`;
  const first = iso(list[0]!.entryDate);
  const last = iso(list[list.length - 1]!.entryDate);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>KM-TEST</MsgId><CreDtTm>${last}T06:00:00+01:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>KM-TEST-1</Id>
      <CreDtTm>${last}T06:00:00+01:00</CreDtTm>
      <Acct><Id><IBAN>${IBAN}</IBAN></Id><Ccy>EUR</Ccy></Acct>
      <Bal><Tp><CdOrPrtry><Cd>PRCD</Cd></CdOrPrtry></Tp>${amount(opening)}<Dt><Dt>${first}</Dt></Dt></Bal>
      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp>${amount(balance)}<Dt><Dt>${last}</Dt></Dt></Bal>
      ${entries.join('')}
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;
  return new TextEncoder().encode(xml);
}

describe('Sparkasse CSV-CAMT V2 and CAMT.053 of the same account', () => {
  const csv = readCsvStatement({ fileName: 'umsatz.csv', bytes: csvOf(payments) }, sparkasse);
  const camt = readCamtFile({ fileName: 'umsatz.xml', bytes: camtOf(payments, 1_000_00) });

  it('reads cleanly, the balances add up, the account is the same', () => {
    expect([camt.errors, camt.warnings, camt.skipped]).toEqual([[], [], []]);
    expect(camt.account).toBe(csv.account);
  });

  it('agrees on dates, amounts, purposes, counterparties and SEPA references entry by entry', () => {
    const key = (t: (typeof csv.transactions)[number]) => [t.bookingDate, t.valueDate, t.amountMinor, t.currency, t.counterpartyIban, t.purpose];
    expect(camt.transactions.map(key)).toEqual(csv.transactions.map(key));
    expect(camt.transactions[3]).toMatchObject({ endToEndId: 'SW-2025-000123456', mandateReference: 'MANDAT-0815-4711', counterpartyBic: 'INGDDEFFXXX' });
    expect(camt.transactions[0]!.endToEndId ?? null).toBeNull(); // NOTPROVIDED
  });

  it('gives the fingerprints of the CSV and the MT940 export, -2 suffix included', () => {
    const mt940 = readMt940Statement({ fileName: 'umsatz.sta', bytes: mt940Of(payments, 1_000_00) });
    const fromCsv = csv.transactions.map((t) => t.fingerprint);
    expect(camt.transactions.map((t) => t.fingerprint)).toEqual(fromCsv);
    expect(mt940.transactions.map((t) => t.fingerprint)).toEqual(fromCsv);
    expect(fromCsv[2]).toBe(`${fromCsv[1]}-2`);
  });
});
