/**
 * The sample statement: October 2026 on the firm's Sparkasse account, written as Sparkasse's "CSV-CAMT V2" export —
 * header on line 1, every field quoted, `;` between fields, CRLF line ends, Windows-1252 bytes, dates `dd.mm.yy`,
 * amounts `-1234,56` without thousands separators.
 */
import { clients, creditorId, firmAccount, payees, type Party } from './parties';

export const SPARKASSE_CAMT_V2_HEADER = [
  'Auftragskonto', 'Buchungstag', 'Valutadatum', 'Buchungstext', 'Verwendungszweck', 'Glaeubiger ID', 'Mandatsreferenz',
  'Kundenreferenz (End-to-End)', 'Sammlerreferenz', 'Lastschrift Ursprungsbetrag', 'Auslagenersatz Ruecklastschrift',
  'Beguenstigter/Zahlungspflichtiger', 'Kontonummer/IBAN', 'BIC (SWIFT-Code)', 'Betrag', 'Waehrung', 'Info',
] as const;

export interface StatementLine {
  /** dd.mm.yy, as the bank writes it (the bad sample holds impossible dates on purpose). */
  booked: string;
  value?: string;
  text: string;
  purpose: string;
  creditorId?: string;
  mandate?: string;
  endToEnd?: string;
  counterparty: Party | { name: string; iban: string; bic: string };
  /** -1234,56 as the bank writes it. */
  amount: string;
  info?: 'Umsatz gebucht' | 'Umsatz vorgemerkt';
}

const incoming = (client: { name: string; accounts: Array<{ iban: string; bic: string }> }, which = 0): Party => {
  const account = client.accounts[which]!;
  return { name: client.name, iban: account.iban, bic: account.bic };
};

const CREDITOR = {
  telekom: creditorId('DE', 'ZZZ', '00000046783'),
  datev: creditorId('DE', 'ZZZ', '00000013371'),
  taxOffice: creditorId('DE', 'ZZZ', '00000021526'),
  insurer: creditorId('DE', 'ZZZ', '00000012299'),
  vodafone: creditorId('DE', 'ZZZ', '00000055440'),
};

/** October 2026, in booking order. Client payments quote the invoice numbers of the sample workbook. */
export const october2026: StatementLine[] = [
  { booked: '01.10.26', text: 'DAUERAUFTRAG', purpose: 'Miete Oktober 2026 Buero Hohenzollernring 52, 3. OG', counterparty: payees.landlord, amount: '-2850,00' },
  { booked: '01.10.26', text: 'GUTSCHR. UEBERWEISUNG', purpose: 'RE-2026-0138 Müller Bau ./. Schneider GmbH Az. 00012/26', endToEnd: 'MB-2026-10-0017', counterparty: incoming(clients.muellerBau), amount: '4165,00' },
  { booked: '02.10.26', text: 'FOLGELASTSCHRIFT', purpose: 'Kd-Nr. 5504229187 Rechnung 10/2026 Festnetz und Internet', creditorId: CREDITOR.telekom, mandate: 'TK5504229187-0001', endToEnd: '2610020551887', counterparty: payees.telekom, amount: '-89,95' },
  { booked: '02.10.26', text: 'GUTSCHR. UEBERWEISUNG', purpose: 'Rechnung RE-2026-0141 Beratung Nachlass', endToEnd: 'NOTPROVIDED', counterparty: incoming(clients.krueger), amount: '1190,00' },
  { booked: '05.10.26', text: 'FOLGELASTSCHRIFT', purpose: 'DATEV Rechnung 2026/09 Kanzleisoftware Berater-Nr. 48211', creditorId: CREDITOR.datev, mandate: 'DATEV-48211-01', endToEnd: 'D0926R48211', counterparty: payees.datev, amount: '-312,40' },
  { booked: '06.10.26', text: 'ONLINE-UEBERWEISUNG', purpose: 'Kassenzeichen 7261003455128 Gerichtskosten 21 O 114/26 Az. 00012/26', endToEnd: 'NOTPROVIDED', counterparty: payees.courtCashOffice, amount: '-438,00' },
  { booked: '07.10.26', text: 'GUTSCHR. UEBERWEISUNG', purpose: 'RE-2026-0143 und RE-2026-0144 Schaefer u. Soehne', endToEnd: 'NOTPROVIDED', counterparty: incoming(clients.schaefer), amount: '2975,00' },
  { booked: '08.10.26', value: '07.10.26', text: 'KARTENZAHLUNG', purpose: '2026-10-07T14:22 Debitk.1 2028-12 Buerobedarf Schreiber//Koeln/DE', counterparty: payees.stationer, amount: '-64,37' },
  { booked: '09.10.26', text: 'GUTSCHR. UEBERWEISUNG', purpose: 'Rechnung RE-2026-0154 Peter Jansen', endToEnd: 'NOTPROVIDED', counterparty: incoming(clients.jansen), amount: '595,00' },
  { booked: '12.10.26', value: '09.10.26', text: 'GUTSCHR. UEBERWEISUNG', purpose: 'RE-2026-0139 Weber Logistik Arbeitsrecht Huber', endToEnd: 'WL20261009-3381', counterparty: incoming(clients.weber), amount: '3570,00' },
  { booked: '12.10.26', text: 'FOLGELASTSCHRIFT', purpose: 'Lohnsteuer 09/2026 StNr. 214/5720/1183', creditorId: CREDITOR.taxOffice, mandate: 'FA214-57201183-LSt', endToEnd: 'NOTPROVIDED', counterparty: payees.taxOffice, amount: '-1480,33' },
  { booked: '13.10.26', text: 'GUTSCHR. UEBERWEISUNG', purpose: 'Zahlung für Prüfung Gewerbemietvertrag RE-2026-0140 über 833,00 € – schöne Grüße aus Mülheim', endToEnd: 'NOTPROVIDED', counterparty: incoming(clients.oezdemir), amount: '833,00' },
  { booked: '14.10.26', text: 'ONLINE-UEBERWEISUNG', purpose: 'Kassenzeichen 7261003461190 Gerichtskostenvorschuss 3 C 512/26', endToEnd: 'NOTPROVIDED', counterparty: payees.courtCashOffice, amount: '-273,00' },
  { booked: '15.10.26', text: 'GUTSCHR. UEBERWEISUNG', purpose: '=Rechnung RE-2026-0147', endToEnd: 'NOTPROVIDED', counterparty: incoming(clients.hofmann), amount: '1547,00' },
  { booked: '15.10.26', text: 'LOHN GEHALT', purpose: 'Gehalt Oktober 2026', endToEnd: 'GEHALT-2026-10-01', counterparty: payees.vogt, amount: '-2870,45' },
  { booked: '15.10.26', text: 'LOHN GEHALT', purpose: 'Gehalt Oktober 2026', endToEnd: 'GEHALT-2026-10-02', counterparty: payees.kraus, amount: '-3125,10' },
  { booked: '19.10.26', text: 'FOLGELASTSCHRIFT', purpose: 'Berufshaftpflicht Vers.-Nr. AS-7731-0044 Beitrag 4. Quartal', creditorId: CREDITOR.insurer, mandate: 'AS77310044', endToEnd: 'AZ26Q4-77310044', counterparty: payees.insurer, amount: '-418,20' },
  { booked: '20.10.26', value: '19.10.26', text: 'GUTSCHR. UEBERWEISUNG', purpose: 'Invoice RE-2026-0148 Lindner Treuhand AG', endToEnd: 'LT-PAY-88213', counterparty: incoming(clients.lindner), amount: '2380,00' },
  { booked: '22.10.26', text: 'GUTSCHR. UEBERWEISUNG', purpose: 'RE-2026-0146 Nachtrag Lindenstrasse', endToEnd: 'MB-2026-10-0031', counterparty: incoming(clients.muellerBau, 1), amount: '1785,00' },
  { booked: '26.10.26', text: 'KARTENZAHLUNG', purpose: '2026-10-24T08:03 Debitk.1 2028-12 DB Fernverkehr Fahrkarte Koeln-Hamm', counterparty: payees.bahn, amount: '-129,90' },
  { booked: '28.10.26', text: 'GUTSCHR. UEBERWEISUNG', purpose: 'Schadennr. RS-2026-4471 VN Jansen Kostennote RE-2026-0149', endToEnd: 'RSU-4471-02', counterparty: incoming(clients.rechtsschutz), amount: '987,70' },
  { booked: '30.10.26', text: 'ENTGELTABSCHLUSS', purpose: 'Entgeltabrechnung siehe Anlage', counterparty: { name: 'Sparkasse KölnBonn', iban: '', bic: '' }, amount: '-24,90' },
  { booked: '30.10.26', value: '02.11.26', text: 'FOLGELASTSCHRIFT', purpose: 'Mobilfunk Kundennr. 118844221 Rechnung 10/2026', creditorId: CREDITOR.vodafone, mandate: 'VF118844221', endToEnd: 'VF2610118844221', counterparty: payees.vodafone, amount: '-49,99', info: 'Umsatz vorgemerkt' },
];

/**
 * The same layout with two lines a reader must reject — an impossible date (line 3) and an amount that is not a number
 * (line 5) — among four good ones that are not in the October file (so "import the good rows" would add them).
 */
export const october2026Bad: StatementLine[] = [
  { booked: '27.10.26', text: 'GUTSCHR. UEBERWEISUNG', purpose: 'RE-2026-0142 Jansen ./. Autohaus Rhein', endToEnd: 'NOTPROVIDED', counterparty: incoming(clients.jansen), amount: '1428,00' },
  { booked: '31.02.26', text: 'GUTSCHR. UEBERWEISUNG', purpose: 'RE-2026-0150 Nachlass Krüger Teilzahlung', endToEnd: 'NOTPROVIDED', counterparty: incoming(clients.krueger), amount: '357,00' },
  { booked: '27.10.26', text: 'FOLGELASTSCHRIFT', purpose: 'DATEV Rechnung 2026/10 DATEV Unternehmen online', creditorId: CREDITOR.datev, mandate: 'DATEV-48211-01', endToEnd: 'D1026R48211', counterparty: payees.datev, amount: '-42,84' },
  { booked: '28.10.26', text: 'ONLINE-UEBERWEISUNG', purpose: 'Gutachten Az. 00019/26 Rechnung SV-2026-118', endToEnd: 'NOTPROVIDED', counterparty: payees.expert, amount: '12,3x' },
  { booked: '29.10.26', text: 'KARTENZAHLUNG', purpose: '2026-10-28T12:41 Debitk.1 2028-12 Kopierpapier Schreiber//Koeln/DE', counterparty: payees.stationer, amount: '-38,46' },
];

/** November 2026, for the sample MT940 file (`sparkasse-2026-11.sta`): the same account, the next month. */
export const november2026: StatementLine[] = [
  { booked: '02.11.26', text: 'DAUERAUFTRAG', purpose: 'Miete November 2026 Buero Hohenzollernring 52, 3. OG', counterparty: payees.landlord, amount: '-2850,00' },
  { booked: '03.11.26', text: 'GUTSCHR. UEBERWEISUNG', purpose: 'RE-2026-0145 Jansen Verkehrsunfall', endToEnd: 'NOTPROVIDED', counterparty: incoming(clients.jansen), amount: '595,00' },
  { booked: '04.11.26', text: 'FOLGELASTSCHRIFT', purpose: 'Kd-Nr. 5504229187 Rechnung 11/2026 Festnetz und Internet', creditorId: CREDITOR.telekom, mandate: 'TK5504229187-0001', endToEnd: '2611040551887', counterparty: payees.telekom, amount: '-89,95' },
  { booked: '05.11.26', text: 'GUTSCHR. UEBERWEISUNG', purpose: 'RE-2026-0150 Nachlass Krüger', endToEnd: 'NOTPROVIDED', counterparty: incoming(clients.krueger), amount: '357,00' },
  { booked: '05.11.26', text: 'FOLGELASTSCHRIFT', purpose: 'DATEV Rechnung 2026/10 Kanzleisoftware Berater-Nr. 48211', creditorId: CREDITOR.datev, mandate: 'DATEV-48211-01', endToEnd: 'D1026R48211', counterparty: payees.datev, amount: '-312,40' },
  { booked: '10.11.26', value: '09.11.26', text: 'GUTSCHR. UEBERWEISUNG', purpose: 'RE-2026-0142 Jansen ./. Autohaus Rhein', endToEnd: 'NOTPROVIDED', counterparty: incoming(clients.jansen), amount: '1428,00' },
  { booked: '13.11.26', text: 'ONLINE-UEBERWEISUNG', purpose: 'Kassenzeichen 7261003499012 Gerichtskosten 5 O 77/26', endToEnd: 'NOTPROVIDED', counterparty: payees.courtCashOffice, amount: '-198,00' },
  { booked: '16.11.26', text: 'LOHN GEHALT', purpose: 'Gehalt November 2026', endToEnd: 'GEHALT-2026-11-01', counterparty: payees.vogt, amount: '-2870,45' },
];

/** December 2026, for the sample CAMT.053 file (`sparkasse-2026-12-camt053.xml`). */
export const december2026: StatementLine[] = [
  { booked: '01.12.26', text: 'DAUERAUFTRAG', purpose: 'Miete Dezember 2026 Buero Hohenzollernring 52, 3. OG', counterparty: payees.landlord, amount: '-2850,00' },
  { booked: '02.12.26', text: 'GUTSCHR. UEBERWEISUNG', purpose: 'Rechnung RE-2026-0147 Hofmann Immobilien', endToEnd: 'HI-2026-12-0003', counterparty: incoming(clients.hofmann), amount: '1547,00' },
  { booked: '03.12.26', text: 'FOLGELASTSCHRIFT', purpose: 'Kd-Nr. 5504229187 Rechnung 12/2026 Festnetz und Internet', creditorId: CREDITOR.telekom, mandate: 'TK5504229187-0001', endToEnd: '2612030551887', counterparty: payees.telekom, amount: '-89,95' },
  { booked: '07.12.26', text: 'GUTSCHR. UEBERWEISUNG', purpose: 'Zahlung RE-2026-0148 Lindner Treuhand AG', endToEnd: 'LT-PAY-90417', counterparty: incoming(clients.lindner), amount: '2380,00' },
  { booked: '15.12.26', text: 'LOHN GEHALT', purpose: 'Gehalt Dezember 2026', endToEnd: 'GEHALT-2026-12-01', counterparty: payees.vogt, amount: '-2870,45' },
  { booked: '30.12.26', text: 'ENTGELTABSCHLUSS', purpose: 'Entgeltabrechnung siehe Anlage', counterparty: { name: 'Sparkasse KölnBonn', iban: '', bic: '' }, amount: '-24,90' },
];

const quote = (field: string): string => `"${field.replace(/"/g, '""')}"`;

export function sparkasseCsvText(lines: StatementLine[]): string {
  const out = [SPARKASSE_CAMT_V2_HEADER.map(quote).join(';')];
  for (const l of lines) {
    out.push(
      [
        firmAccount.iban, l.booked, l.value ?? l.booked, l.text, l.purpose, l.creditorId ?? '', l.mandate ?? '', l.endToEnd ?? '',
        '', '', '', l.counterparty.name, l.counterparty.iban, l.counterparty.bic, l.amount, 'EUR', l.info ?? 'Umsatz gebucht',
      ].map(quote).join(';'),
    );
  }
  return `${out.join('\r\n')}\r\n`;
}

/** Windows-1252's bytes 0x80–0x9F (the rest of 0x00–0xFF is Latin-1). */
const CP1252_HIGH: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b,
  'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99,
  'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

export function encodeWindows1252(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else if (CP1252_HIGH[ch] !== undefined) bytes.push(CP1252_HIGH[ch]);
    else throw new Error(`"${ch}" (U+${code.toString(16).toUpperCase()}) has no Windows-1252 byte`);
  }
  return Buffer.from(bytes);
}
