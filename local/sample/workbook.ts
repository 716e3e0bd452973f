/**
 * The sample workbook: Kanzlei Berger & Partner, a small law firm in Köln, with its open and paid invoices, payment
 * orders, contacts and cases. Dates are `YYYY-MM-DD` strings and amounts plain numbers (the seed stores values as given).
 */
import type { CellValue, WorkbookSeed } from '../runtime/index';
import { clients, payees } from './parties';

const ibans = (client: { accounts: Array<{ iban: string }> }): string => client.accounts.map((a) => a.iban).join(', ');

export function sampleWorkbook(): WorkbookSeed {
  const c = clients;
  const invoices: CellValue[][] = [
    ['Number', 'Date', 'Due date', 'Contact', 'Case', 'Amount', 'Currency', 'Status', 'Paid on', 'Paid by transaction'],
    ['RE-2026-0136', '2026-08-28', '2026-09-11', c.hofmann.id, '00009/26', 2023, 'EUR', 'paid', '2026-09-09', ''],
    ['RE-2026-0137', '2026-09-04', '2026-09-18', c.krueger.id, '00011/26', 714, 'EUR', 'paid', '2026-09-16', ''],
    ['RE-2026-0138', '2026-09-18', '2026-10-02', c.muellerBau.id, '00012/26', 4165, 'EUR', 'open', '', ''],
    ['RE-2026-0139', '2026-09-21', '2026-10-05', c.weber.id, '00014/26', 3570, 'EUR', 'open', '', ''],
    ['RE-2026-0140', '2026-09-22', '2026-10-06', c.oezdemir.id, '00015/26', 833, 'EUR', 'open', '', ''],
    ['RE-2026-0141', '2026-09-24', '2026-10-08', c.krueger.id, '00011/26', 1190, 'EUR', 'open', '', ''],
    ['RE-2026-0142', '2026-09-25', '2026-10-09', c.jansen.id, '00018/26', 1428, 'EUR', 'open', '', ''],
    ['RE-2026-0143', '2026-09-28', '2026-10-12', c.schaefer.id, '00016/26', 1785, 'EUR', 'open', '', ''],
    ['RE-2026-0144', '2026-09-28', '2026-10-12', c.schaefer.id, '00016/26', 1190, 'EUR', 'open', '', ''],
    ['RE-2026-0145', '2026-09-30', '2026-10-14', c.jansen.id, '00018/26', 595, 'EUR', 'open', '', ''],
    ['RE-2026-0146', '2026-10-02', '2026-10-16', c.muellerBau.id, '00019/26', 1785, 'EUR', 'open', '', ''],
    ['RE-2026-0147', '2026-10-05', '2026-10-19', c.hofmann.id, '00020/26', 1547, 'EUR', 'open', '', ''],
    ['RE-2026-0148', '2026-10-06', '2026-10-20', c.lindner.id, '00021/26', 2380, 'EUR', 'open', '', ''],
    ['RE-2026-0149', '2026-10-09', '2026-10-23', c.rechtsschutz.id, '00018/26', 987.7, 'EUR', 'open', '', ''],
    ['RE-2026-0150', '2026-10-20', '2026-11-03', c.krueger.id, '00011/26', 357, 'EUR', 'open', '', ''],
  ];

  const p = payees;
  const payments: CellValue[][] = [
    ['Number', 'Payee', 'IBAN', 'Amount', 'Status'],
    ['ZA-2026-0070', p.expert.name, p.expert.iban, 1249.5, 'paid'],
    ['ZA-2026-0071', p.landlord.name, p.landlord.iban, 2850, 'open'],
    ['ZA-2026-0072', p.courtCashOffice.name, p.courtCashOffice.iban, 438, 'open'],
    ['ZA-2026-0073', p.vogt.name, p.vogt.iban, 2870.45, 'open'],
    ['ZA-2026-0074', p.kraus.name, p.kraus.iban, 3125.1, 'open'],
    ['ZA-2026-0075', p.courtCashOffice.name, p.courtCashOffice.iban, 273, 'open'],
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

  return {
    name: 'Kanzlei Berger & Partner – Buchhaltung 2026',
    timeZone: 'Europe/Berlin',
    locale: 'de_DE',
    sheets: { Invoices: invoices, Payments: payments, Contacts: contacts, Cases: cases },
  };
}
