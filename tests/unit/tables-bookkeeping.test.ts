/**
 * The bookkeeper's tables (Invoices, Payments, Contacts, Cases) read from cells: typed records, German headers, several
 * values per cell, and every unreadable cell reported with sheet, row, column header and the text found.
 */
import { describe, expect, it } from 'vitest';
import { toSerialDay } from '../../src/core/calendar/date';
import { readCases, casesTable } from '../../src/core/tables/cases';
import { describeTableError, splitList } from '../../src/core/tables/cells';
import { contactsTable, readContacts } from '../../src/core/tables/contacts';
import { invoicesTable, readInvoices } from '../../src/core/tables/invoices';
import { paymentsTable, readPayments } from '../../src/core/tables/payments';
import { locateColumns } from '../../src/core/tables/table';
import { sampleWorkbook } from '../../local/sample/workbook';
import { clients, payees } from '../../local/sample/parties';

const german = { locale: 'de_DE', defaultCurrency: 'EUR' };
const english = { locale: 'en_GB', defaultCurrency: 'EUR' };
const headersOf = (spec: { columns: ReadonlyArray<{ header: string }> }) => spec.columns.map((c) => c.header);
const messages = (read: { errors: Parameters<typeof describeTableError>[0][] }) => read.errors.map(describeTableError);

describe('Invoices', () => {
  it('reads typed records: serial-day dates, amounts in minor units, blank status as open', () => {
    const read = readInvoices(
      [
        headersOf(invoicesTable),
        ['RE-2026-0138', toSerialDay('2026-09-18'), toSerialDay('2026-10-02'), 'K-001', '00012/26', 4165, 'EUR', 'open', '', ''],
        ['RE-2026-0149', toSerialDay('2026-10-09'), '', 'K-009', '', 1137.7, '', '', '', ''],
        ['RE-2026-0136', '2026-08-28', '11.09.2026', 'K-004', '00009/26', '2.023,00', 'eur', 'bezahlt', '9.9.26', 'fp-123'],
      ],
      german,
    );
    expect(read.errors).toEqual([]);
    expect(read.records).toEqual([
      { row: 2, number: 'RE-2026-0138', date: '2026-09-18', dueDate: '2026-10-02', contact: 'K-001', case: '00012/26', amountMinor: 416500, currency: 'EUR', status: 'open', paidOn: null, paidBy: '' },
      { row: 3, number: 'RE-2026-0149', date: '2026-10-09', dueDate: null, contact: 'K-009', case: '', amountMinor: 113770, currency: 'EUR', status: 'open', paidOn: null, paidBy: '' },
      { row: 4, number: 'RE-2026-0136', date: '2026-08-28', dueDate: '2026-09-11', contact: 'K-004', case: '00009/26', amountMinor: 202300, currency: 'EUR', status: 'paid', paidOn: '2026-09-09', paidBy: 'fp-123' },
    ]);
  });

  it('finds German headers in any order, next to columns of the user\'s own', () => {
    const header = ['Notiz', 'Betrag', 'Rechnungsnummer', 'Fällig am', 'Rechnungsdatum', 'Mandant', 'Aktenzeichen', 'Währung', 'Status'];
    expect(locateColumns(invoicesTable, header)).toMatchObject({ number: 2, amount: 1, dueDate: 3, date: 4, contact: 5, case: 6, currency: 7, status: 8, paidOn: -1 });
    // Where a sheet holds both, the canonical header wins over an alias.
    expect(locateColumns(invoicesTable, ['Betrag', 'Amount']).amount).toBe(1);
    const read = readInvoices([header, ['bitte prüfen', '1.190,00', 'RE-2026-0141', '08.10.2026', '24.09.2026', 'K-002', '00011/26', 'EUR', 'offen']], german);
    expect(read.records[0]).toMatchObject({ number: 'RE-2026-0141', amountMinor: 119000, dueDate: '2026-10-08', date: '2026-09-24', status: 'open' });
  });

  it('reports each unreadable cell by sheet, row and the header as the sheet names it, and leaves the row out', () => {
    const read = readInvoices(
      [
        ['Rechnungsnummer', 'Datum', 'Betrag', 'Währung', 'Status'],
        ['RE-1', 46300, 12.3, '', 'offen'],
        ['', '', '', '', ''],
        ['RE-3', '31.02.2026', '12,3x', 'EUR', 'erledigt'],
        ['RE-4', '', 12.345, 'EUR', ''],
        ['', '', 99, 'EUR', ''],
        ['RE-6', '', 5, 'Euro', ''],
        ['RE-1', '', 7, '', ''],
        ['RE-8', '', '', '', ''],
      ],
      german,
    );
    expect(read.records.map((r) => [r.row, r.number])).toEqual([[2, 'RE-1']]);
    expect(messages(read)).toEqual([
      'Invoices, row 4, column "Datum": "31.02.2026" is not a calendar day (02/2026 has no day 31)',
      'Invoices, row 4, column "Betrag": "12,3x" is not an amount',
      'Invoices, row 4, column "Status": "erledigt" is not a status (open, paid or cancelled)',
      'Invoices, row 5, column "Betrag": "12.345" has more decimals than EUR has (2)',
      'Invoices, row 6, column "Rechnungsnummer": is empty, but is needed',
      'Invoices, row 7, column "Währung": "Euro" is not a currency code (e.g. EUR, CHF)',
      'Invoices, row 8, column "Rechnungsnummer": "RE-1" is already in row 2',
      'Invoices, row 9, column "Betrag": is empty, but an amount is needed',
    ]);
  });

  it('reads amounts typed as text in the spreadsheet\'s own notation, and only that', () => {
    const sheet = (amount: string) => [['Number', 'Amount'], ['RE-1', amount]];
    expect(readInvoices(sheet('1,234.56'), english).records[0]!.amountMinor).toBe(123456);
    expect(readInvoices(sheet('1.234,56'), german).records[0]!.amountMinor).toBe(123456);
    expect(readInvoices(sheet('1.234,56 €'), german).records[0]!.amountMinor).toBe(123456);
    expect(messages(readInvoices(sheet('1.234,56'), english))).toEqual(['Invoices, row 2, column "Amount": "1.234,56" is not an amount']);
    expect(messages(readInvoices([['Number', 'Amount', 'Currency'], ['RE-1', '12,00 CHF', 'EUR']], german))).toEqual([
      'Invoices, row 2, column "Amount": "12,00 CHF" is in CHF, but the row\'s currency is EUR',
    ]);
  });

  it('says which needed column a sheet lacks, once, instead of failing every row', () => {
    const read = readInvoices([['Nummer', 'Datum'], ['RE-1', 46300]], german);
    expect(read.records).toEqual([]);
    expect(messages(read)).toEqual([
      'Invoices, row 1: has no column "Amount" or "Betrag" or "Rechnungsbetrag" or "Brutto" in its header row (row 1)',
    ]);
    expect(messages(readInvoices([], german))[0]).toMatch(/^Invoices, row 1: is empty: it needs a header row with "Number"/);
  });
});

describe('Payments', () => {
  it('reads payment orders with normalised IBANs and pending/executed status (German words too)', () => {
    const read = readPayments(
      [
        ['Zahlungsnummer', 'Empfänger', 'IBAN', 'Betrag', 'Status'],
        ['ZA-1', 'Lena Vogt', 'de63 3705 0198 0005 5432 19', 2870.45, 'ausgeführt'],
        ['ZA-2', 'Rheinblick', '', '2.850,00', ''],
        ['ZA-3', 'X', '', 1, 'storniert'],
      ],
      german,
    );
    expect(read.records).toEqual([
      { row: 2, number: 'ZA-1', payee: 'Lena Vogt', iban: 'DE63370501980005543219', amountMinor: 287045, currency: 'EUR', status: 'executed', case: '', executedOn: null, executedBy: '' },
      { row: 3, number: 'ZA-2', payee: 'Rheinblick', iban: null, amountMinor: 285000, currency: 'EUR', status: 'pending', case: '', executedOn: null, executedBy: '' },
    ]);
    expect(messages(read)).toEqual(['Payments, row 4, column "Status": "storniert" is not a status (pending or executed)']);
  });
});

describe('Contacts and Cases', () => {
  it('splits several IBANs, contact ids and labels in one cell at ",", ";" or a line break, never at a space', () => {
    expect(splitList('DE89 3704 0044 0532 0130 00, DE02120300000000202051;\nCH4700230000123456789')).toEqual([
      'DE89 3704 0044 0532 0130 00', 'DE02120300000000202051', 'CH4700230000123456789',
    ]);
    const contacts = readContacts([
      ['Kundennummer', 'Name', 'Bankverbindungen'],
      ['K-001', 'Müller Bau GmbH', 'DE06 3704 0044 0611 4088 00\nDE48370501980071239455'],
      ['K-010', 'Neu GmbH', ''],
      ['K-011', 'Tippfehler AG', 'DE06370400440611408801'],
    ]);
    expect(contacts.records).toEqual([
      { row: 2, id: 'K-001', name: 'Müller Bau GmbH', ibans: ['DE06370400440611408800', 'DE48370501980071239455'] },
      { row: 3, id: 'K-010', name: 'Neu GmbH', ibans: [] },
    ]);
    expect(messages(contacts)).toEqual(['Contacts, row 4, column "Bankverbindungen": "DE06370400440611408801" is not a valid IBAN (check digits do not match)']);

    const cases = readCases([
      headersOf(casesTable),
      ['00018/26', 'Jansen ./. Autohaus Rhein GmbH', 'K-007; K-009', 'aktiv', 'Verkehrsrecht, RSV'],
      ['00009/26', 'Räumung', 'K-004', 'archiviert', ''],
      ['00022/26', 'Neu', '', '', ''],
      ['00023/26', 'X', '', 'ruhend', ''],
    ]);
    expect(cases.records).toEqual([
      { row: 2, id: '00018/26', name: 'Jansen ./. Autohaus Rhein GmbH', contactIds: ['K-007', 'K-009'], status: 'active', labels: ['Verkehrsrecht', 'RSV'] },
      { row: 3, id: '00009/26', name: 'Räumung', contactIds: ['K-004'], status: 'archived', labels: [] },
      { row: 4, id: '00022/26', name: 'Neu', contactIds: [], status: 'active', labels: [] },
    ]);
    expect(messages(cases)).toEqual(['Cases, row 5, column "Status": "ruhend" is not a status (active or archived)']);
  });
});

describe('the sample workbook', () => {
  const seed = sampleWorkbook();
  const sheet = (name: string) => seed.sheets![name]!;

  it('follows the table specs: every row of every table reads without an error', () => {
    expect(sheet('Invoices')[0]).toEqual(headersOf(invoicesTable));
    expect(sheet('Payments')[0]).toEqual(headersOf(paymentsTable));
    expect(sheet('Contacts')[0]).toEqual(headersOf(contactsTable));
    expect(sheet('Cases')[0]).toEqual(headersOf(casesTable));
    const invoices = readInvoices(sheet('Invoices'), german);
    const payments = readPayments(sheet('Payments'), german);
    const contacts = readContacts(sheet('Contacts'));
    const cases = readCases(sheet('Cases'));
    expect([...invoices.errors, ...payments.errors, ...contacts.errors, ...cases.errors]).toEqual([]);
    expect(invoices.records).toHaveLength(sheet('Invoices').length - 1);
    expect(contacts.records.find((c) => c.id === clients.muellerBau.id)!.ibans).toEqual(clients.muellerBau.accounts.map((a) => a.iban));
    expect(payments.records.find((p) => p.number === 'ZA-2026-0071')).toMatchObject({ iban: payees.landlord.iban, amountMinor: 285000, status: 'pending' });
    // Every invoice's contact and case exist.
    const contactIds = new Set(contacts.records.map((c) => c.id));
    const caseIds = new Set(cases.records.map((c) => c.id));
    for (const invoice of invoices.records) {
      expect(contactIds.has(invoice.contact), invoice.number).toBe(true);
      expect(caseIds.has(invoice.case), invoice.number).toBe(true);
    }
  });
});
