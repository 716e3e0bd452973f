/**
 * The sample workbook: Kanzlei Berger & Partner, a small law firm in Köln, with its open and paid invoices, payment
 * orders, contacts and cases, laid out as Kontomatch's tables (src/core/tables/*: header texts, status words, several
 * IBANs / contact ids / labels in one cell separated by ", "). Dates are serial day numbers, as date cells hold them,
 * formatted as dates; amounts are numbers in euros, formatted with two decimals.
 *
 * Against the October statement (`sparkasse-2026-10.csv`) it holds every case matching has to tell apart:
 * - invoice numbers quoted exactly (RE-2026-0138, -0139, -0140, -0141, -0146, -0147, -0148), one of them paid from the
 *   client's second IBAN (-0146) and one behind a leading "=" (-0147);
 * - one transfer paying two invoices (RE-2026-0143 + RE-2026-0144 = 2,975.00);
 * - a typo: "RE-2026-0154" for RE-2026-0145 (595.00, Peter Jansen's IBAN);
 * - a partial payment: the legal expenses insurer pays 987.70 on RE-2026-0149 (1,137.70, less the 150.00 deductible);
 * - a case number only: court costs "Az. 00012/26" (payment order ZA-2026-0072);
 * - no number at all, only the payee's IBAN and the amount: rent and salaries (ZA-2026-0071, -0073, -0074);
 * - bank fees, card payments and direct debits that match nothing.
 * Payment orders name their case where they belong to one (an expert's fee, a court advance), so that choosing a case
 * in the sidebar loads them; the court costs of 00012/26 (ZA-2026-0072) deliberately do not, so that only the case
 * number in the purpose points at them.
 *
 * For pre-accounting (Vorkontierung) it holds the lists the dropdowns offer and a few rules:
 * - "Accounts": the SKR03 accounts a small law firm books to (Sachkonten; Type income / expense / balance);
 * - "Tax rates": 19 / 7 / 0 with the DATEV BU key of the input tax (Vorsteuer) — 9 for 19 %, 8 for 7 %, none for 0 %
 *   (shared/contracts/accounting-targets.md, "Accounts and tax keys", after Lexware FAQ 000002619; the revenue accounts
 *   8400/8300 are automatic accounts and take no BU key at all);
 * - "Cost centres" (Kostenstellen) and "Projects" (Kostenträger), codes kept as text ("0012" stays "0012");
 * - "Rules": rent, telephone, the professional liability insurance and court cost advances of the October statement, by
 *   the payees' real names and IBANs (parties.ts).
 * Every text column of these sheets is formatted as plain text (`@`), so that a code typed later stays text too.
 */
import { toSerialDay } from '../../src/core/calendar/date';
import type { CellValue, WorkbookSeed } from '../runtime/index';
import { clients, payees } from './parties';

const ibans = (client: { accounts: Array<{ iban: string }> }): string => client.accounts.map((a) => a.iban).join(', ');

/** A date cell's value: the serial day (blank stays blank). */
const day = (iso: string): CellValue => (iso === '' ? '' : toSerialDay(iso));

export function sampleWorkbook(): WorkbookSeed {
  const c = clients;
  const invoices: CellValue[][] = [
    ['Number', 'Date', 'Due date', 'Contact', 'Case', 'Amount', 'Currency', 'Status', 'Paid on', 'Paid by transaction'],
    ['RE-2026-0135', day('2026-08-26'), day('2026-09-09'), c.weber.id, '00014/26', 1190, 'EUR', 'cancelled', day(''), ''],
    ['RE-2026-0136', day('2026-08-28'), day('2026-09-11'), c.hofmann.id, '00009/26', 2023, 'EUR', 'paid', day('2026-09-09'), ''],
    ['RE-2026-0137', day('2026-09-04'), day('2026-09-18'), c.krueger.id, '00011/26', 714, 'EUR', 'paid', day('2026-09-16'), ''],
    ['RE-2026-0138', day('2026-09-18'), day('2026-10-02'), c.muellerBau.id, '00012/26', 4165, 'EUR', 'open', day(''), ''],
    ['RE-2026-0139', day('2026-09-21'), day('2026-10-05'), c.weber.id, '00014/26', 3570, 'EUR', 'open', day(''), ''],
    ['RE-2026-0140', day('2026-09-22'), day('2026-10-06'), c.oezdemir.id, '00015/26', 833, 'EUR', 'open', day(''), ''],
    ['RE-2026-0141', day('2026-09-24'), day('2026-10-08'), c.krueger.id, '00011/26', 1190, 'EUR', 'open', day(''), ''],
    ['RE-2026-0142', day('2026-09-25'), day('2026-10-09'), c.jansen.id, '00018/26', 1428, 'EUR', 'open', day(''), ''],
    ['RE-2026-0143', day('2026-09-28'), day('2026-10-12'), c.schaefer.id, '00016/26', 1785, 'EUR', 'open', day(''), ''],
    ['RE-2026-0144', day('2026-09-28'), day('2026-10-12'), c.schaefer.id, '00016/26', 1190, 'EUR', 'open', day(''), ''],
    ['RE-2026-0145', day('2026-09-30'), day('2026-10-14'), c.jansen.id, '00018/26', 595, 'EUR', 'open', day(''), ''],
    ['RE-2026-0146', day('2026-10-02'), day('2026-10-16'), c.muellerBau.id, '00019/26', 1785, 'EUR', 'open', day(''), ''],
    ['RE-2026-0147', day('2026-10-05'), day('2026-10-19'), c.hofmann.id, '00020/26', 1547, 'EUR', 'open', day(''), ''],
    ['RE-2026-0148', day('2026-10-06'), day('2026-10-20'), c.lindner.id, '00021/26', 2380, 'EUR', 'open', day(''), ''],
    ['RE-2026-0149', day('2026-10-09'), day('2026-10-23'), c.rechtsschutz.id, '00018/26', 1137.7, 'EUR', 'open', day(''), ''],
    ['RE-2026-0150', day('2026-10-20'), day('2026-11-03'), c.krueger.id, '00011/26', 714, 'EUR', 'open', day(''), ''],
  ];

  const p = payees;
  const payments: CellValue[][] = [
    ['Number', 'Payee', 'IBAN', 'Amount', 'Currency', 'Status', 'Case', 'Executed on', 'Executed by transaction'],
    ['ZA-2026-0070', p.expert.name, p.expert.iban, 1249.5, 'EUR', 'executed', '00018/26', day('2026-09-25'), ''],
    ['ZA-2026-0071', p.landlord.name, p.landlord.iban, 2850, 'EUR', 'pending', '', day(''), ''],
    ['ZA-2026-0072', p.courtCashOffice.name, p.courtCashOffice.iban, 438, 'EUR', 'pending', '', day(''), ''],
    ['ZA-2026-0073', p.vogt.name, p.vogt.iban, 2870.45, 'EUR', 'pending', '', day(''), ''],
    ['ZA-2026-0074', p.kraus.name, p.kraus.iban, 3125.1, 'EUR', 'pending', '', day(''), ''],
    ['ZA-2026-0075', p.courtCashOffice.name, p.courtCashOffice.iban, 273, 'EUR', 'pending', '00020/26', day(''), ''],
  ];

  const contacts: CellValue[][] = [
    ['Id', 'Name', 'IBANs'],
    ...Object.values(clients).map((client): CellValue[] => [client.id, client.name, ibans(client)]),
  ];

  const cases: CellValue[][] = [
    ['Id', 'Name', 'Contact ids', 'Status', 'Labels'],
    ['00031/25', 'Krüger – Grundstückskauf Rodenkirchen', c.krueger.id, 'archived', 'Immobilienrecht'],
    ['00009/26', 'Hofmann Immobilien ./. Meier – Räumung', c.hofmann.id, 'archived', 'Mietrecht'],
    ['00011/26', 'Krüger – Nachlass Krüger', c.krueger.id, 'active', 'Erbrecht'],
    ['00012/26', 'Müller Bau ./. Schneider GmbH', c.muellerBau.id, 'active', 'Baurecht, Forderung'],
    ['00014/26', 'Weber Logistik – Kündigungsschutz Huber', c.weber.id, 'active', 'Arbeitsrecht'],
    ['00015/26', 'Özdemir Gastronomie – Gewerbemietvertrag', c.oezdemir.id, 'active', 'Mietrecht'],
    ['00016/26', 'Schäfer & Söhne – Gesellschaftsvertrag', c.schaefer.id, 'active', 'Gesellschaftsrecht'],
    ['00018/26', 'Jansen ./. Autohaus Rhein GmbH', `${c.jansen.id}, ${c.rechtsschutz.id}`, 'active', 'Verkehrsrecht, RSV'],
    ['00019/26', 'Müller Bau – Nachtrag Lindenstraße', c.muellerBau.id, 'active', 'Baurecht'],
    ['00020/26', 'Hofmann Immobilien – WEG-Beschlussanfechtung', c.hofmann.id, 'active', 'WEG-Recht'],
    ['00021/26', 'Lindner Treuhand AG – Vertragsprüfung DE/CH', c.lindner.id, 'active', 'Vertragsrecht'],
  ];

  const accounts: CellValue[][] = [
    ['Account', 'Name', 'Type'],
    ['1200', 'Bank', 'balance'],
    ['1360', 'Geldtransit', 'balance'],
    ['1590', 'Durchlaufende Posten', 'balance'],
    ['1600', 'Verbindlichkeiten aus Lieferungen und Leistungen', 'balance'],
    ['1740', 'Verbindlichkeiten aus Lohn und Gehalt', 'balance'],
    ['1741', 'Verbindlichkeiten aus Lohn- und Kirchensteuer', 'balance'],
    ['4120', 'Gehälter', 'expense'],
    ['4210', 'Miete', 'expense'],
    ['4240', 'Gas, Strom, Wasser', 'expense'],
    ['4360', 'Versicherungen', 'expense'],
    ['4600', 'Werbekosten', 'expense'],
    ['4650', 'Bewirtungskosten', 'expense'],
    ['4663', 'Reisekosten Arbeitnehmer Fahrtkosten', 'expense'],
    ['4806', 'Wartungskosten für Hard- und Software', 'expense'],
    ['4910', 'Porto', 'expense'],
    ['4920', 'Telefon', 'expense'],
    ['4925', 'Telefax und Internetkosten', 'expense'],
    ['4930', 'Bürobedarf', 'expense'],
    ['4940', 'Zeitschriften, Bücher', 'expense'],
    ['4950', 'Rechts- und Beratungskosten', 'expense'],
    ['4970', 'Nebenkosten des Geldverkehrs', 'expense'],
    ['8100', 'Steuerfreie Umsätze § 4 Nr. 8 ff. UStG', 'income'],
    ['8300', 'Erlöse 7 % USt', 'income'],
    ['8400', 'Erlöse 19 % USt', 'income'],
  ];

  const taxRates: CellValue[][] = [
    ['Rate', 'Name', 'Code'],
    ['19', '19 % USt/VSt', '9'],
    ['7', '7 % USt/VSt', '8'],
    ['0', '0 % (steuerfrei / nicht steuerbar)', ''],
  ];

  const costCentres: CellValue[][] = [
    ['Code', 'Name'],
    ['100', 'Kanzlei'],
    ['200', 'Familienrecht'],
    ['300', 'Arbeitsrecht'],
    ['400', 'Bau- und Immobilienrecht'],
    ['500', 'Wirtschafts- und Gesellschaftsrecht'],
  ];

  const projects: CellValue[][] = [
    ['Code', 'Name'],
    ['0010', 'Neue Kanzlei-Website'],
    ['0011', 'Umstellung auf DATEV Anwalt classic'],
    ['0012', 'Fortbildung Fachanwalt Arbeitsrecht'],
  ];

  // Conditions first (blank = no condition), then what the rule sets; amounts in euros; the order is the precedence.
  const rules: CellValue[][] = [
    [
      'Rule', 'Active', 'Name', 'Counterparty equals', 'Counterparty contains', 'IBAN', 'Purpose contains', 'Purpose pattern',
      'Amount from', 'Amount to', 'Direction', 'Card or account', 'GL account', 'Tax rate', 'Supplier/customer', 'Cost centre',
      'Cost object', 'Comment', 'Origin',
    ],
    [
      'R1', 'yes', 'Büromiete', p.landlord.name, '', p.landlord.iban, 'Miete', '', 2000, 3000, 'out', '', '4210', '0',
      p.landlord.name, '100', '', 'Hohenzollernring 52, vermietet ohne USt (§ 4 Nr. 12 UStG)', 'manual',
    ],
    [
      'R2', 'yes', 'Telefon und Internet', '', 'Telekom', '', 'Festnetz', '', '', '', 'out', '', '4920', '19',
      p.telekom.name, '100', '', '', 'manual',
    ],
    [
      'R3', 'yes', 'Berufshaftpflicht', '', 'Allianz', p.insurer.iban, '', 'Berufshaftpflicht|Vers\\.-Nr\\.', '', '', 'out', '', '4360', '0',
      p.insurer.name, '100', '', 'Versicherungsbeiträge sind umsatzsteuerfrei', 'manual',
    ],
    [
      'R4', 'yes', 'Gerichtskosten für Mandanten', p.courtCashOffice.name, '', '', '', 'Kassenzeichen \\d+', '', '', 'out', '', '1590',
      '0', p.courtCashOffice.name, '', '', 'Vorschuss für Mandanten: durchlaufender Posten, wird weiterberechnet', 'manual',
    ],
  ];

  /** Plain text (`@`) for the given 0-based columns. */
  const text = (...columns: number[]): Record<number, string> => Object.fromEntries(columns.map((c) => [c, '@']));

  return {
    name: 'Kanzlei Berger & Partner – Buchhaltung 2026',
    timeZone: 'Europe/Berlin',
    locale: 'de_DE',
    sheets: {
      Invoices: invoices,
      Payments: payments,
      Contacts: contacts,
      Cases: cases,
      Accounts: accounts,
      'Tax rates': taxRates,
      'Cost centres': costCentres,
      Projects: projects,
      Rules: rules,
    },
    numberFormats: {
      Invoices: { 1: 'dd.mm.yyyy', 2: 'dd.mm.yyyy', 5: '#,##0.00', 8: 'dd.mm.yyyy' },
      Payments: { 3: '#,##0.00', 7: 'dd.mm.yyyy' },
      Accounts: text(0, 1, 2),
      'Tax rates': text(0, 1, 2),
      'Cost centres': text(0, 1),
      Projects: text(0, 1),
      Rules: { ...text(0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15, 16, 17, 18), 8: '#,##0.00', 9: '#,##0.00' },
    },
  };
}
