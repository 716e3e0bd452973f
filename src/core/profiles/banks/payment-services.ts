/**
 * Payment services and app banks that are not tied to one country: PayPal, Revolut.
 */
import type { CsvProfile } from '../profile';
import { NO_COLUMNS } from './common';

/**
 * PayPal activity download in the German interface: `,`, all quoted, but amounts with a decimal comma (`"-6,19"`). The
 * net amount is what moved the PayPal balance; only completed activities are imported.
 */
export const paypal: CsvProfile = {
  id: 'paypal',
  name: 'PayPal (German)',
  description:
    'PayPal activity report (CSV, German interface: "Datum", "Uhrzeit", "Zeitzone", "Name", "Typ", "Status", "Währung", ' +
    '"Brutto", "Gebühr", "Netto", …). The amount is the net amount (after PayPal fees). Only completed activities ' +
    '(Status "Abgeschlossen") are imported; pending or reversed ones are listed as skipped.',
  descriptionDe:
    'PayPal-Aktivitätenbericht (CSV, deutsche Oberfläche: "Datum", "Uhrzeit", "Zeitzone", "Name", "Typ", "Status", ' +
    '"Währung", "Brutto", "Gebühr", "Netto", …). Betrag ist der Nettobetrag (nach PayPal-Gebühren). Importiert werden nur ' +
    'abgeschlossene Aktivitäten (Status "Abgeschlossen"); ausstehende oder stornierte erscheinen als übersprungen.',
  skipLines: 0,
  skipFooterLines: 0,
  delimiter: ',',
  quoteChar: '"',
  encoding: 'auto',
  dateFormats: ['dd.mm.yyyy'],
  decimalSeparator: ',',
  thousandsSeparator: '.',
  header: { present: true },
  columns: {
    ...NO_COLUMNS,
    bookingDate: 'Datum',
    counterpartyName: 'Name',
    purpose: ['Betreff', 'Artikelbezeichnung', 'Rechnungsnummer', 'Hinweis'],
    amount: 'Netto',
    currency: 'Währung',
    bookingType: 'Typ',
  },
  defaultCurrency: 'EUR',
  skipRowsWhere: [{ column: 'Status', notEquals: 'Abgeschlossen', reason: 'not completed (PayPal status is not "Abgeschlossen")' }],
  continuationLines: 'skip',
  sepaKeywordsInPurpose: false,
};

/**
 * Revolut account statement (CSV, English): `,`, timestamps, the fee in its own column, and every state of a
 * transaction; only completed ones count.
 */
export const revolut: CsvProfile = {
  id: 'revolut',
  name: 'Revolut',
  description:
    'Revolut account statement as CSV ("Type, Product, Started Date, Completed Date, Description, Amount, Fee, Currency, ' +
    'State, Balance"). The date is the completion date; the fee is taken off the amount. Only completed transactions ' +
    '(State "COMPLETED") are imported; pending, reverted or declined ones are listed as skipped.',
  descriptionDe:
    'Revolut-Kontoauszug als CSV ("Type, Product, Started Date, Completed Date, Description, Amount, Fee, Currency, State, ' +
    'Balance"). Datum ist das Abschlussdatum; die Gebühr wird vom Betrag abgezogen. Importiert werden nur abgeschlossene ' +
    'Umsätze (State "COMPLETED"); ausstehende, zurückgebuchte oder abgelehnte erscheinen als übersprungen.',
  skipLines: 0,
  skipFooterLines: 0,
  delimiter: ',',
  quoteChar: '"',
  encoding: 'auto',
  dateFormats: ['yyyy-mm-dd hh:mm:ss', 'yyyy-mm-dd'],
  decimalSeparator: '.',
  thousandsSeparator: '',
  header: { present: true },
  columns: {
    ...NO_COLUMNS,
    bookingDate: 'Completed Date',
    counterpartyName: 'Description',
    purpose: 'Description',
    amount: 'Amount',
    fee: 'Fee',
    currency: 'Currency',
    bookingType: 'Type',
  },
  defaultCurrency: 'EUR',
  skipRowsWhere: [{ column: 'State', notEquals: 'COMPLETED', reason: 'not completed (Revolut state is not "COMPLETED")' }],
  continuationLines: 'skip',
  sepaKeywordsInPurpose: false,
};
