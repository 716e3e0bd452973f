/**
 * Austrian banks' CSV exports.
 */
import type { CsvProfile } from '../profile';
import { NO_COLUMNS, anyOf } from './common';

/**
 * Erste Bank and Sparkassen in Austria, "George" online banking: `,`, quoted, UTF-8 or UTF-16 (both read), amounts
 * `-1.234,56`. Built from the column names of George's export as other projects document them, not from a sample file.
 */
export const ersteGeorge: CsvProfile = {
  id: 'erste-george',
  name: 'Erste Bank / Sparkasse Austria (George)',
  description:
    'CSV export of George, the online banking of Erste Bank and the Austrian Sparkassen ("Buchungsdatum", "Partner Name", ' +
    '"Partner IBAN", "Betrag", "Währung", "Buchungs-Details", "Valutadatum", …). Not yet checked against a real export: ' +
    'please report if your file is not read.',
  descriptionDe:
    'CSV-Export aus George, dem Online-Banking von Erste Bank und Sparkassen in Österreich ("Buchungsdatum", ' +
    '"Partner Name", "Partner IBAN", "Betrag", "Währung", "Buchungs-Details", "Valutadatum", …). Noch nicht an einem ' +
    'echten Export geprüft: bitte melden Sie, wenn Ihre Datei nicht gelesen wird.',
  skipLines: 0,
  skipFooterLines: 0,
  delimiter: ',',
  quoteChar: '"',
  encoding: 'auto',
  dateFormats: ['d.m.yyyy'],
  decimalSeparator: ',',
  thousandsSeparator: '.',
  header: { present: true },
  columns: {
    ...NO_COLUMNS,
    bookingDate: 'Buchungsdatum',
    valueDate: 'Valutadatum',
    counterpartyName: anyOf('Partner Name', 'Partnername'),
    counterpartyIban: 'Partner IBAN',
    counterpartyBic: anyOf('Partner BIC', 'BIC/SWIFT'),
    purpose: [anyOf('Buchungs-Details', 'Buchungstext'), 'Zahlungsreferenz'],
    amount: 'Betrag',
    currency: 'Währung',
    account: 'Eigene IBAN',
  },
  defaultCurrency: 'EUR',
  skipRowsWhere: [],
  continuationLines: 'skip',
  sepaKeywordsInPurpose: false,
};

/** easybank giro and credit card: no header; own IBAN, text, booking date, value date, signed amount (`+1,23`), currency. */
export const easybank: CsvProfile = {
  id: 'easybank',
  name: 'easybank (Austria)',
  description:
    'easybank export without header line: own IBAN; text; booking date; value date; amount; currency. The ' +
    'counterparty shows the booking text.',
  descriptionDe:
    'easybank-Export ohne Kopfzeile: eigene IBAN; Text; Buchungsdatum; Valutadatum; Betrag; Währung. Als Zahlungspartner ' +
    'erscheint der Buchungstext.',
  skipLines: 0,
  skipFooterLines: 0,
  delimiter: ';',
  quoteChar: '"',
  encoding: 'auto',
  dateFormats: ['dd.mm.yyyy'],
  decimalSeparator: ',',
  thousandsSeparator: '.',
  header: { present: false },
  columns: {
    ...NO_COLUMNS,
    account: 0,
    counterpartyName: 1,
    purpose: 1,
    bookingDate: 2,
    valueDate: 3,
    amount: 4,
    currency: 5,
  },
  defaultCurrency: 'EUR',
  skipRowsWhere: [],
  continuationLines: 'skip',
  sepaKeywordsInPurpose: false,
};

/**
 * Raiffeisen Austria (ELBA / Mein ELBA) transaction export: no header; booking date; text; value date; signed amount;
 * currency; a timestamp.
 */
export const raiffeisenAt: CsvProfile = {
  id: 'raiffeisen-at',
  name: 'Raiffeisen (Austria, ELBA)',
  description:
    'Raiffeisen Austria ELBA export without header line: booking date; text; value date; amount; currency; time stamp. ' +
    'The counterparty shows the booking text.',
  descriptionDe:
    'Raiffeisen-ELBA-Export (Österreich) ohne Kopfzeile: Buchungsdatum; Text; Valutadatum; Betrag; Währung; Zeitstempel. ' +
    'Als Zahlungspartner erscheint der Buchungstext.',
  skipLines: 0,
  skipFooterLines: 0,
  delimiter: ';',
  quoteChar: '"',
  encoding: 'auto',
  dateFormats: ['dd.mm.yyyy'],
  decimalSeparator: ',',
  thousandsSeparator: '.',
  header: { present: false },
  columns: {
    ...NO_COLUMNS,
    bookingDate: 0,
    counterpartyName: 1,
    purpose: 1,
    valueDate: 2,
    amount: 3,
    currency: 4,
  },
  defaultCurrency: 'EUR',
  skipRowsWhere: [],
  continuationLines: 'skip',
  sepaKeywordsInPurpose: false,
};
