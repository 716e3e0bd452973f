/**
 * Swiss banks' CSV exports. Swiss banks write the header in the user's language (German, French, Italian, English), so
 * columns are named by all four; amounts use `.` and `'` (`1'234.50`).
 */
import type { CsvProfile } from '../profile';
import { NO_COLUMNS, anyOf } from './common';

/** A footer starts with a line whose first cell is text, not a date: "Disclaimer:", "Total", a balance label. */
const FOOTER_AFTER_DATED_LINES = '^[^\\d;]';

/**
 * PostFinance since 2023: UTF-8 with BOM, key/value lines written as Excel formulas (`Konto:;"=CH…"`), header, a blank
 * line, the bookings, a blank line and "Disclaimer:" with its text.
 */
export const postFinance: CsvProfile = {
  id: 'postfinance',
  name: 'PostFinance (since 2023)',
  description:
    'PostFinance e-finance export since 2023 ("Datum; Bewegungstyp; Avisierungstext; Gutschrift in CHF; Lastschrift in ' +
    'CHF; …", also in French, Italian and English; the currency is the one the header names). The disclaimer at the ' +
    'end is skipped. PostFinance has no separate counterparty column: the counterparty shows the notification text.',
  descriptionDe:
    'PostFinance-E-Finance-Export seit 2023 ("Datum; Bewegungstyp; Avisierungstext; Gutschrift in CHF; Lastschrift in ' +
    'CHF; …", auch französisch, italienisch, englisch; Währung ist die, die die Kopfzeile nennt). Der Disclaimer am Ende ' +
    'wird übersprungen. Eine eigene Spalte für den Zahlungspartner gibt es nicht: dort steht der Avisierungstext.',
  skipLines: 0,
  skipFooterLines: 0,
  delimiter: ';',
  quoteChar: '"',
  encoding: 'auto',
  dateFormats: ['dd.mm.yyyy', 'yyyy-mm-dd'],
  decimalSeparator: '.',
  thousandsSeparator: "'",
  header: { present: true },
  columns: {
    ...NO_COLUMNS,
    bookingDate: anyOf('Datum', 'Date', 'Data'),
    valueDate: anyOf('Valuta', 'Valeur', 'Value date'),
    counterpartyName: anyOf('Avisierungstext', 'Notification text', 'Texte de notification', 'Testo di avviso'),
    purpose: anyOf('Avisierungstext', 'Notification text', 'Texte de notification', 'Testo di avviso'),
    debit: anyOf('Lastschrift in {currency}', 'Debit in {currency}', 'Débit en {currency}', 'Addebito in {currency}'),
    credit: anyOf('Gutschrift in {currency}', 'Credit in {currency}', 'Crédit en {currency}', 'Accredito in {currency}'),
    bookingType: anyOf('Bewegungstyp', 'Type of transaction', 'Type de transaction', 'Tipo di movimento'),
  },
  defaultCurrency: 'CHF',
  skipRowsWhere: [],
  footerPattern: FOOTER_AFTER_DATED_LINES,
  continuationLines: 'skip',
  sepaKeywordsInPurpose: false,
};

/** PostFinance until 2021: key/value lines, header "Buchungsdatum;Avisierungstext;Gutschrift;Lastschrift;Valuta;Saldo". */
export const postFinanceLegacy: CsvProfile = {
  id: 'postfinance-legacy',
  name: 'PostFinance (until 2021)',
  description:
    'PostFinance e-finance export until 2021 ("Buchungsdatum; Avisierungstext; Gutschrift; Lastschrift; Valuta; Saldo", ' +
    'also in French, Italian and English). The account lines before and the disclaimer after the bookings are skipped.',
  descriptionDe:
    'PostFinance-E-Finance-Export bis 2021 ("Buchungsdatum; Avisierungstext; Gutschrift; Lastschrift; Valuta; Saldo", ' +
    'auch französisch, italienisch, englisch). Kontozeilen davor und der Disclaimer danach werden übersprungen.',
  skipLines: 0,
  skipFooterLines: 0,
  delimiter: ';',
  quoteChar: '"',
  encoding: 'auto',
  dateFormats: ['dd.mm.yyyy', 'dd.mm.yy', 'yyyy-mm-dd'],
  decimalSeparator: '.',
  thousandsSeparator: "'",
  header: { present: true },
  columns: {
    ...NO_COLUMNS,
    bookingDate: anyOf('Buchungsdatum', 'Date de comptabilisation', 'Data di contabilizzazione', 'BookingDate', 'Data'),
    valueDate: anyOf('Valuta', 'Valeur', 'ValutaDate'),
    counterpartyName: anyOf('Avisierungstext', 'Texte de notification', "Testo d'avviso", 'Testo di avviso', 'BookingText', 'Descrizione della transazione'),
    purpose: [
      anyOf('Avisierungstext', 'Texte de notification', "Testo d'avviso", 'Testo di avviso', 'BookingText', 'Descrizione della transazione'),
    ],
    debit: anyOf('Lastschrift', 'Débit', 'Addebito', 'DebitAmount', 'Debito'),
    credit: anyOf('Gutschrift', 'Crédit', 'Accredito', 'CreditAmount', 'Accreditamento'),
  },
  defaultCurrency: 'CHF',
  skipRowsWhere: [],
  footerPattern: FOOTER_AFTER_DATED_LINES,
  continuationLines: 'skip',
  sepaKeywordsInPurpose: false,
};

const ubsDescriptions = [anyOf('Beschreibung2', 'Description2', 'Descrizione2'), anyOf('Beschreibung3', 'Description3', 'Descrizione3')];

/**
 * UBS since 2022: 8 key/value lines and a blank line, then "Abschlussdatum;Abschlusszeit;Buchungsdatum;…" (also FR, IT,
 * EN, and mixed: "Debit amount" in a German header). Lines of a collective order follow it without a date: their text
 * is added to it.
 */
export const ubs: CsvProfile = {
  id: 'ubs',
  name: 'UBS (since 2022)',
  description:
    'UBS e-banking export since 2022 ("Abschlussdatum; Abschlusszeit; Buchungsdatum; Valutadatum; Währung; Belastung; ' +
    'Gutschrift; Einzelbetrag; …", also French, Italian, English). The date is the trade date (Abschlussdatum), which ' +
    'every line has. The individual lines of a collective order are not separate transactions: their text is added to ' +
    'the collective booking.',
  descriptionDe:
    'UBS-E-Banking-Export seit 2022 ("Abschlussdatum; Abschlusszeit; Buchungsdatum; Valutadatum; Währung; Belastung; ' +
    'Gutschrift; Einzelbetrag; …", auch französisch, italienisch, englisch). Datum ist das Abschlussdatum, das jede Zeile ' +
    'hat. Die Einzelposten eines Sammelauftrags sind keine eigenen Umsätze: ihr Text kommt zur Sammelbuchung.',
  skipLines: 0,
  skipFooterLines: 0,
  delimiter: ';',
  quoteChar: '"',
  encoding: 'auto',
  dateFormats: ['yyyy-mm-dd', 'dd.mm.yyyy'],
  decimalSeparator: '.',
  thousandsSeparator: "'",
  header: { present: true },
  columns: {
    ...NO_COLUMNS,
    bookingDate: anyOf('Abschlussdatum', 'Trade date', 'Date de transaction', "Data dell'operazione"),
    valueDate: anyOf('Valutadatum', 'Value date', 'Date de valeur', 'Data di valuta'),
    counterpartyName: anyOf('Beschreibung1', 'Description1', 'Descrizione1'),
    purpose: ubsDescriptions,
    debit: anyOf('Belastung', 'Debit', 'Debit amount', 'Débit', 'Addebito'),
    credit: anyOf('Gutschrift', 'Credit', 'Credit amount', 'Crédit', 'Accredito'),
    currency: anyOf('Währung', 'Currency', 'Monnaie', 'Devise', 'Moneta'),
  },
  defaultCurrency: 'CHF',
  skipRowsWhere: [],
  continuationLines: 'appendToPurpose',
  sepaKeywordsInPurpose: false,
};

/** UBS 2022 interim layout: one signed "Transaktionsbetrag" and a "Belastung/Gutschrift" word. */
export const ubs2022: CsvProfile = {
  ...ubs,
  id: 'ubs-2022',
  name: 'UBS (2022, signed amount)',
  description:
    'UBS e-banking export of 2022 with one signed amount column ("Transaktionsbetrag; Belastung/Gutschrift"), in ' +
    'German, French, Italian or English.',
  descriptionDe:
    'UBS-E-Banking-Export von 2022 mit einer vorzeichenbehafteten Betragsspalte ("Transaktionsbetrag; ' +
    'Belastung/Gutschrift"), deutsch, französisch, italienisch oder englisch.',
  columns: {
    ...ubs.columns,
    debit: -1,
    credit: -1,
    amount: anyOf('Transaktionsbetrag', 'Transaction amount', 'Montant de la transaction', 'Importo della transazione'),
  },
};

/**
 * UBS until 2023: 21 columns with account, period and product on every line; the lines of one transaction share its
 * number and only the first carries the amount; two total lines at the end.
 */
export const ubsLegacy: CsvProfile = {
  id: 'ubs-legacy',
  name: 'UBS (until 2023)',
  description:
    'UBS e-banking export until 2023 ("Bewertungsdatum; Bankbeziehung; Portfolio; Produkt; IBAN; Whrg.; …; Belastung; ' +
    'Gutschrift; Saldo", also French, Italian, English). Lines without an amount belong to the transaction above (its ' +
    'details or the individual lines of a collective order) and are added to its text; the totals at the end are skipped.',
  descriptionDe:
    'UBS-E-Banking-Export bis 2023 ("Bewertungsdatum; Bankbeziehung; Portfolio; Produkt; IBAN; Whrg.; …; Belastung; ' +
    'Gutschrift; Saldo", auch französisch, italienisch, englisch). Zeilen ohne Betrag gehören zum Umsatz darüber ' +
    '(Details oder Einzelposten eines Sammelauftrags) und ergänzen seinen Text; die Summen am Ende werden übersprungen.',
  skipLines: 0,
  skipFooterLines: 0,
  delimiter: ';',
  quoteChar: '"',
  encoding: 'auto',
  dateFormats: ['dd.mm.yyyy', 'dd.mm.yy'],
  decimalSeparator: '.',
  thousandsSeparator: "'",
  header: { present: true },
  columns: {
    ...NO_COLUMNS,
    bookingDate: anyOf('Buchungsdatum', 'Booking date', 'Date de comptabilisation', 'Data di registrazione'),
    valueDate: anyOf('Valuta', 'Value date', 'Date de valeur'),
    counterpartyName: anyOf('Beschreibung 1', 'Description 1', 'Descrizione 1'),
    purpose: [anyOf('Beschreibung 2', 'Description 2', 'Descrizione 2'), anyOf('Beschreibung 3', 'Description 3', 'Descrizione 3')],
    debit: anyOf('Belastung', 'Debit', 'Débit', 'Addebito'),
    credit: anyOf('Gutschrift', 'Credit', 'Crédit', 'Accredito'),
    currency: anyOf('Whrg.', 'Ccy.', 'Monn.', 'Mon.'),
    account: 'IBAN',
  },
  defaultCurrency: 'CHF',
  skipRowsWhere: [],
  footerPattern: FOOTER_AFTER_DATED_LINES,
  continuationLines: 'appendToPurpose',
  sepaKeywordsInPurpose: false,
};

/**
 * Raiffeisen Switzerland: "IBAN;Booked At;Text;[Details;]Credit/Debit Amount;Balance;Valuta Date", timestamps as dates,
 * signed amounts; a booking's further text follows in lines without date and amount.
 */
export const raiffeisenCh: CsvProfile = {
  id: 'raiffeisen-ch',
  name: 'Raiffeisen (Switzerland)',
  description:
    'Raiffeisen Switzerland e-banking export ("IBAN; Booked At; Text; Credit/Debit Amount; Balance; Valuta Date"). ' +
    'Lines without date and amount continue the text of the booking above. The counterparty shows the booking text.',
  descriptionDe:
    'E-Banking-Export der Raiffeisenbanken Schweiz ("IBAN; Booked At; Text; Credit/Debit Amount; Balance; Valuta Date"). ' +
    'Zeilen ohne Datum und Betrag setzen den Text der Buchung darüber fort. Als Zahlungspartner erscheint der Buchungstext.',
  skipLines: 0,
  skipFooterLines: 0,
  delimiter: ';',
  quoteChar: '"',
  encoding: 'auto',
  dateFormats: [
    'yyyy-mm-dd hh:mm:ss.f', 'yyyy-mm-dd hh:mm:ss', 'yyyy-mm-dd', 'dd.mm.yyyy hh:mm', 'dd.mm.yyyy', 'dd.mm.yy', 'dd/mm/yyyy',
  ],
  decimalSeparator: '.',
  thousandsSeparator: "'",
  header: { present: true },
  columns: {
    ...NO_COLUMNS,
    bookingDate: 'Booked At',
    valueDate: 'Valuta Date',
    counterpartyName: 'Text',
    purpose: ['Text', 'Details'],
    amount: 'Credit/Debit Amount',
    account: 'IBAN',
  },
  defaultCurrency: 'CHF',
  skipRowsWhere: [],
  continuationLines: 'appendToPurpose',
  sepaKeywordsInPurpose: false,
};

/**
 * Zürcher Kantonalbank and the cantonal banks on the same e-banking (Basellandschaftliche, Luzerner, Basler): unsigned
 * "Belastung CHF" / "Gutschrift CHF"; the lines of a collective booking and its details follow it without date.
 */
export const zkb: CsvProfile = {
  id: 'zkb',
  name: 'ZKB and other cantonal banks',
  description:
    'E-banking export of Zürcher Kantonalbank and other cantonal banks with the same layout (BLKB, LUKB, BKB): "Datum; ' +
    'Buchungstext; …; Belastung CHF; Gutschrift CHF; Valuta; Saldo CHF" (also EUR, USD …). Lines without amount ' +
    '(details, individual lines of a collective booking) are added to the text of the booking above; the collective ' +
    'booking keeps its total. The counterparty shows the booking text.',
  descriptionDe:
    'E-Banking-Export der Zürcher Kantonalbank und anderer Kantonalbanken mit gleichem Aufbau (BLKB, LUKB, BKB): "Datum; ' +
    'Buchungstext; …; Belastung CHF; Gutschrift CHF; Valuta; Saldo CHF" (auch EUR, USD …). Zeilen ohne Betrag (Details, ' +
    'Einzelposten einer Sammelbuchung) ergänzen den Text der Buchung darüber; die Sammelbuchung behält ihre Summe. Als ' +
    'Zahlungspartner erscheint der Buchungstext.',
  skipLines: 0,
  skipFooterLines: 0,
  delimiter: ';',
  quoteChar: '"',
  encoding: 'auto',
  dateFormats: ['dd.mm.yyyy'],
  decimalSeparator: '.',
  thousandsSeparator: "'",
  header: { present: true },
  columns: {
    ...NO_COLUMNS,
    bookingDate: 'Datum',
    valueDate: 'Valuta',
    counterpartyName: 'Buchungstext',
    purpose: ['Buchungstext', 'Zahlungszweck', 'Details'],
    debit: anyOf('Belastung {currency}', 'Belastung'),
    credit: anyOf('Gutschrift {currency}', 'Gutschrift'),
    currency: 'Whg',
  },
  defaultCurrency: 'CHF',
  skipRowsWhere: [],
  continuationLines: 'appendToPurpose',
  sepaKeywordsInPurpose: false,
};

/**
 * Credit Suisse: `,`, UTF-8 with BOM, 4–6 lines (created at, account, balance) before the header, unsigned debit and
 * credit, and a total line at the end in the same layout ("TOTAL SPALTE,,30197.28,28067.70").
 */
export const creditSuisse: CsvProfile = {
  id: 'credit-suisse',
  name: 'Credit Suisse',
  description:
    'Credit Suisse online banking export ("Buchungsdatum, Text, Belastung, Gutschrift, Valutadatum, Saldo", also French ' +
    'and Italian). The lines before the header and the total line at the end are skipped. The counterparty shows the ' +
    'booking text.',
  descriptionDe:
    'Credit-Suisse-Export aus dem Online-Banking ("Buchungsdatum, Text, Belastung, Gutschrift, Valutadatum, Saldo", auch ' +
    'französisch, italienisch). Zeilen vor der Kopfzeile und die Summenzeile am Ende werden übersprungen. Als ' +
    'Zahlungspartner erscheint der Buchungstext.',
  skipLines: 0,
  skipFooterLines: 0,
  delimiter: ',',
  quoteChar: '"',
  encoding: 'auto',
  dateFormats: ['dd.mm.yyyy'],
  decimalSeparator: '.',
  thousandsSeparator: "'",
  header: { present: true },
  columns: {
    ...NO_COLUMNS,
    bookingDate: anyOf('Buchungsdatum', 'Date comptable', 'Data di registrazione', 'Valutadatum', 'Date de valeur', 'Data di valuta'),
    valueDate: anyOf('Valutadatum', 'Date de valeur', 'Data di valuta'),
    counterpartyName: anyOf('Text', 'Texte', 'Testo'),
    purpose: anyOf('Text', 'Texte', 'Testo'),
    debit: anyOf('Belastung', 'Débit', 'Addebito'),
    credit: anyOf('Gutschrift', 'Crédit', 'Accredito'),
  },
  defaultCurrency: 'CHF',
  skipRowsWhere: [],
  // "TOTAL SPALTE,,30197.28,28067.70": a word in the date column and nothing in the text column.
  footerPattern: '^[^\\d,][^,]*,,',
  continuationLines: 'skip',
  sepaKeywordsInPurpose: false,
};

/** ZKB until about 2009: the same columns, separated by `,`. */
export const zkb2009: CsvProfile = {
  ...zkb,
  id: 'zkb-2009',
  name: 'ZKB and other cantonal banks (until 2009)',
  description:
    'Older e-banking export of ZKB and other cantonal banks with "," as separator ("Datum","Buchungstext","Betrag ' +
    'Detail","Belastung CHF",…).',
  descriptionDe:
    'Älterer E-Banking-Export der ZKB und anderer Kantonalbanken mit "," als Trennzeichen ("Datum","Buchungstext",' +
    '"Betrag Detail","Belastung CHF",…).',
  delimiter: ',',
};

/** UBS until 2023 in the English comma-separated variant. */
export const ubsLegacyComma: CsvProfile = {
  ...ubsLegacy,
  id: 'ubs-legacy-comma',
  name: 'UBS (until 2023, comma-separated)',
  description: 'UBS e-banking export until 2023 as above, in the variant with "," as separator.',
  descriptionDe: 'UBS-E-Banking-Export bis 2023 wie oben, in der Variante mit "," als Trennzeichen.',
  delimiter: ',',
  footerPattern: '^[^\\d,]',
};
