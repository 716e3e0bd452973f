/**
 * German banks' CSV exports (Umsatzexporte). Layouts as observed in real exports (see the shared samples' FORMATS.md).
 */
import type { CsvProfile } from '../profile';
import { NO_COLUMNS, anyOf } from './common';

const PENDING = 'not booked yet (pending booking)';

/**
 * Sparkasse (and Landesbank) export "CSV-CAMT V2" — the same layout as "CSV-CAMT V8" (V8 only renames a few booking
 * texts). Every field quoted, `;`, Windows-1252, two-digit years, no thousands separator in practice.
 */
export const sparkasseCsvCamt: CsvProfile = {
  id: 'sparkasse-csv-camt-v2',
  name: 'Sparkasse CSV-CAMT V2 / V8',
  description:
    'Sparkasse online banking export "CSV-CAMT V2" (also fits "CSV-CAMT V8"). Only booked transactions ' +
    '(Info "Umsatz gebucht") are imported; pending ones ("Umsatz vorgemerkt") are left out, because the bank may still ' +
    'change or drop them: import them once they are booked.',
  descriptionDe:
    'Export "CSV-CAMT V2" aus dem Online-Banking der Sparkasse (passt auch für "CSV-CAMT V8"). Importiert werden nur ' +
    'gebuchte Umsätze (Info "Umsatz gebucht"); vorgemerkte ("Umsatz vorgemerkt") bleiben draußen, weil die Bank sie noch ' +
    'ändern oder streichen kann: importieren Sie sie, sobald sie gebucht sind.',
  skipLines: 0,
  skipFooterLines: 0,
  delimiter: ';',
  quoteChar: '"',
  encoding: 'auto',
  dateFormats: ['dd.mm.yy', 'dd.mm.yyyy'],
  decimalSeparator: ',',
  // Sparkasse writes -1234,56; accepting 1.234,56 too costs nothing and survives a file re-saved by a spreadsheet.
  thousandsSeparator: '.',
  header: { present: true, findByText: 'Auftragskonto' },
  columns: {
    ...NO_COLUMNS,
    bookingDate: 'Buchungstag',
    valueDate: 'Valutadatum',
    counterpartyName: 'Beguenstigter/Zahlungspflichtiger',
    counterpartyIban: 'Kontonummer/IBAN',
    counterpartyBic: 'BIC (SWIFT-Code)',
    purpose: 'Verwendungszweck',
    amount: 'Betrag',
    currency: 'Waehrung',
    bookingType: 'Buchungstext',
    account: 'Auftragskonto',
    endToEndId: 'Kundenreferenz (End-to-End)',
    mandateReference: 'Mandatsreferenz',
    creditorId: 'Glaeubiger ID',
  },
  defaultCurrency: 'EUR',
  skipRowsWhere: [{ column: 'Info', notEquals: 'Umsatz gebucht', reason: PENDING }],
  continuationLines: 'skip',
  sepaKeywordsInPurpose: false,
};

/**
 * Sparkasse export "CSV-MT940": the purpose holds the raw SEPA fields (`EREF+…MREF+…SVWZ+…`), "Kontonummer" the IBAN and
 * "BLZ" the BIC.
 */
export const sparkasseCsvMt940: CsvProfile = {
  id: 'sparkasse-csv-mt940',
  name: 'Sparkasse CSV-MT940',
  description:
    'Sparkasse online banking export "CSV-MT940". The purpose is taken from the SEPA field SVWZ; end-to-end reference, ' +
    'mandate and creditor ID from EREF, MREF and CRED. Pending transactions ("Umsatz vorgemerkt") are left out.',
  descriptionDe:
    'Export "CSV-MT940" aus dem Online-Banking der Sparkasse. Der Verwendungszweck kommt aus dem SEPA-Feld SVWZ, ' +
    'Kundenreferenz, Mandatsreferenz und Gläubiger-ID aus EREF, MREF und CRED. Vorgemerkte Umsätze bleiben draußen.',
  skipLines: 0,
  skipFooterLines: 0,
  delimiter: ';',
  quoteChar: '"',
  encoding: 'auto',
  dateFormats: ['dd.mm.yy', 'dd.mm.yyyy'],
  decimalSeparator: ',',
  thousandsSeparator: '.',
  header: { present: true, findByText: 'Auftragskonto' },
  columns: {
    ...NO_COLUMNS,
    bookingDate: 'Buchungstag',
    valueDate: 'Valutadatum',
    counterpartyName: 'Beguenstigter/Zahlungspflichtiger',
    counterpartyIban: 'Kontonummer',
    counterpartyBic: 'BLZ',
    purpose: 'Verwendungszweck',
    amount: 'Betrag',
    currency: 'Waehrung',
    bookingType: 'Buchungstext',
    account: 'Auftragskonto',
  },
  defaultCurrency: 'EUR',
  skipRowsWhere: [{ column: 'Info', notEquals: 'Umsatz gebucht', reason: PENDING }],
  continuationLines: 'skip',
  sepaKeywordsInPurpose: true,
};

/**
 * Banks on the Atruvia platform (Volksbanken Raiffeisenbanken, GLS, Sparda, PSD, BBBank …): UTF-8 with BOM, `;`,
 * unquoted, header in line 1, 18 columns.
 */
export const atruvia: CsvProfile = {
  id: 'volksbank-raiffeisenbank',
  name: 'Volksbank / Raiffeisenbank (Atruvia)',
  description:
    'CSV export of the Volksbanken Raiffeisenbanken and other banks on the Atruvia platform (GLS, Sparda, PSD, BBBank): ' +
    '"Bezeichnung Auftragskonto; IBAN Auftragskonto; … Name Zahlungsbeteiligter; … Betrag; Waehrung; …".',
  descriptionDe:
    'CSV-Export der Volksbanken Raiffeisenbanken und weiterer Banken auf der Atruvia-Plattform (GLS, Sparda, PSD, ' +
    'BBBank): "Bezeichnung Auftragskonto; IBAN Auftragskonto; … Name Zahlungsbeteiligter; … Betrag; Waehrung; …".',
  skipLines: 0,
  skipFooterLines: 0,
  delimiter: ';',
  quoteChar: '"',
  encoding: 'auto',
  dateFormats: ['dd.mm.yyyy', 'dd.mm.yy'],
  decimalSeparator: ',',
  thousandsSeparator: '.',
  header: { present: true },
  columns: {
    ...NO_COLUMNS,
    bookingDate: 'Buchungstag',
    valueDate: 'Valutadatum',
    counterpartyName: 'Name Zahlungsbeteiligter',
    counterpartyIban: 'IBAN Zahlungsbeteiligter',
    counterpartyBic: 'BIC (SWIFT-Code) Zahlungsbeteiligter',
    purpose: 'Verwendungszweck',
    amount: 'Betrag',
    currency: 'Waehrung',
    bookingType: 'Buchungstext',
    account: 'IBAN Auftragskonto',
    mandateReference: 'Mandatsreferenz',
    creditorId: 'Glaeubiger ID',
  },
  defaultCurrency: 'EUR',
  skipRowsWhere: [],
  continuationLines: 'skip',
  sepaKeywordsInPurpose: false,
};

/**
 * Deutsche Bank and Postbank (one online banking since 2023), German UI: preamble with account, period and balance,
 * header "Buchungstag;Wert;Umsatzart;…", amounts in Soll and Haben, footer "Kontostand;<date>;…". Older exports lack
 * the counterparty column: the purpose stands in for it.
 */
export const deutscheBank: CsvProfile = {
  id: 'deutsche-bank-postbank',
  name: 'Deutsche Bank / Postbank',
  description:
    'Transaction export of Deutsche Bank and Postbank online banking in the German interface (dates 1.3.2025, amounts ' +
    '-1.234,56; debit and credit columns "Soll" / "Haben"). The balance lines before and after the bookings are skipped. ' +
    'Pending transactions are not in this export.',
  descriptionDe:
    'Umsatzexport aus dem Online-Banking von Deutscher Bank und Postbank in der deutschen Oberfläche (Datum 1.3.2025, ' +
    'Beträge -1.234,56, Spalten "Soll" / "Haben"). Die Kontostandszeilen vor und nach den Buchungen werden übersprungen. ' +
    'Vorgemerkte Umsätze enthält dieser Export nicht.',
  skipLines: 0,
  skipFooterLines: 0,
  delimiter: ';',
  quoteChar: '"',
  encoding: 'auto',
  dateFormats: ['d.m.yyyy'],
  decimalSeparator: ',',
  thousandsSeparator: '.',
  header: { present: true },
  columns: {
    ...NO_COLUMNS,
    bookingDate: 'Buchungstag',
    valueDate: 'Wert',
    counterpartyName: anyOf('Begünstigter / Auftraggeber', 'Verwendungszweck'),
    counterpartyIban: anyOf('IBAN', 'IBAN / Kontonummer'),
    counterpartyBic: 'BIC',
    purpose: 'Verwendungszweck',
    debit: 'Soll',
    credit: 'Haben',
    currency: 'Währung',
    bookingType: 'Umsatzart',
    endToEndId: 'Kundenreferenz',
    mandateReference: 'Mandatsreferenz',
    creditorId: 'Gläubiger ID',
  },
  defaultCurrency: 'EUR',
  skipRowsWhere: [],
  // "Kontostand;1.4.2025;;;2.110,9;EUR": a word, then a date.
  footerPattern: '^[^\\d;][^;]*;\\d{1,2}\\.\\d{1,2}\\.\\d{4};',
  continuationLines: 'skip',
  sepaKeywordsInPurpose: false,
};

/** Deutsche Bank's overview export with categories: "Datum;Auftraggeber / Empfänger;Verwendungszweck;Kategorie;…". */
export const deutscheBankOverview: CsvProfile = {
  id: 'deutsche-bank-overview',
  name: 'Deutsche Bank (overview with categories)',
  description:
    'Deutsche Bank export from the transaction overview with categories: "Datum; Auftraggeber / Empfänger; ' +
    'Verwendungszweck; Kategorie; IBAN / Kontonummer; Bank; Produkt; Betrag". "IBAN / Kontonummer" is your own account.',
  descriptionDe:
    'Deutsche-Bank-Export aus der Umsatzübersicht mit Kategorien: "Datum; Auftraggeber / Empfänger; Verwendungszweck; ' +
    'Kategorie; IBAN / Kontonummer; Bank; Produkt; Betrag". "IBAN / Kontonummer" ist hier Ihr eigenes Konto.',
  skipLines: 0,
  skipFooterLines: 0,
  delimiter: ';',
  quoteChar: '"',
  encoding: 'auto',
  dateFormats: ['d.m.yyyy'],
  decimalSeparator: ',',
  thousandsSeparator: '.',
  header: { present: true },
  columns: {
    ...NO_COLUMNS,
    bookingDate: 'Datum',
    counterpartyName: 'Auftraggeber / Empfänger',
    purpose: 'Verwendungszweck',
    amount: 'Betrag',
    account: 'IBAN / Kontonummer',
  },
  defaultCurrency: 'EUR',
  skipRowsWhere: [],
  continuationLines: 'skip',
  sepaKeywordsInPurpose: false,
};

/**
 * Commerzbank: header in line 1, `;`, no counterparty column (the name is at the start of "Buchungstext"). The own
 * account is "IBAN Kontoinhaber" (2024) or "IBAN Auftraggeberkonto" (older).
 */
export const commerzbank: CsvProfile = {
  id: 'commerzbank',
  name: 'Commerzbank',
  description:
    'Commerzbank transaction export ("Buchungstag; Wertstellung; Umsatzart; Buchungstext; Betrag; Währung; …"). ' +
    'Commerzbank has no separate counterparty column: the counterparty shows the booking text, which starts with the name.',
  descriptionDe:
    'Umsatzexport der Commerzbank ("Buchungstag; Wertstellung; Umsatzart; Buchungstext; Betrag; Währung; …"). ' +
    'Eine eigene Spalte für den Zahlungspartner gibt es nicht: dort steht der Buchungstext, der mit dem Namen beginnt.',
  skipLines: 0,
  skipFooterLines: 0,
  delimiter: ';',
  quoteChar: '"',
  encoding: 'auto',
  dateFormats: ['dd.mm.yyyy'],
  decimalSeparator: ',',
  thousandsSeparator: '.',
  header: { present: true },
  columns: {
    ...NO_COLUMNS,
    bookingDate: 'Buchungstag',
    valueDate: 'Wertstellung',
    counterpartyName: 'Buchungstext',
    purpose: 'Buchungstext',
    amount: 'Betrag',
    currency: 'Währung',
    bookingType: 'Umsatzart',
    account: anyOf('IBAN Kontoinhaber', 'IBAN Auftraggeberkonto'),
  },
  defaultCurrency: 'EUR',
  skipRowsWhere: [],
  continuationLines: 'skip',
  sepaKeywordsInPurpose: false,
};

/**
 * comdirect: 20-odd preamble lines (customer number, balances), header "Buchungstag";"Wertstellung (Valuta)";…, dates
 * with a trailing space, footer "Alter Kontostand". Pending bookings carry "offen" as booking day.
 */
export const comdirect: CsvProfile = {
  id: 'comdirect',
  name: 'comdirect',
  description:
    'comdirect transaction export of the current account ("Buchungstag; Wertstellung (Valuta); Vorgang; Buchungstext; ' +
    'Umsatz in EUR"). Preamble and the closing balance line are skipped; pending transactions (booking day "offen") are ' +
    'left out. The counterparty shows the booking text, which names it ("Auftraggeber: …").',
  descriptionDe:
    'Umsatzexport des comdirect-Girokontos ("Buchungstag; Wertstellung (Valuta); Vorgang; Buchungstext; Umsatz in EUR"). ' +
    'Vorspann und die Zeile "Alter Kontostand" werden übersprungen, offene Umsätze (Buchungstag "offen") bleiben draußen. ' +
    'Als Zahlungspartner erscheint der Buchungstext, der ihn nennt ("Auftraggeber: …").',
  skipLines: 0,
  skipFooterLines: 0,
  delimiter: ';',
  quoteChar: '"',
  encoding: 'auto',
  dateFormats: ['dd.mm.yyyy'],
  decimalSeparator: ',',
  thousandsSeparator: '.',
  header: { present: true },
  columns: {
    ...NO_COLUMNS,
    bookingDate: 'Buchungstag',
    valueDate: 'Wertstellung (Valuta)',
    counterpartyName: 'Buchungstext',
    purpose: 'Buchungstext',
    amount: anyOf('Umsatz in EUR', 'Umsatz'),
    bookingType: 'Vorgang',
  },
  defaultCurrency: 'EUR',
  skipRowsWhere: [{ column: 'Buchungstag', equals: 'offen', reason: PENDING }],
  footerPattern: '^Alter Kontostand',
  continuationLines: 'skip',
  sepaKeywordsInPurpose: false,
};

/**
 * DKB since 2023: 4 preamble lines, header "Buchungsdatum";"Wertstellung";"Status";"Zahlungspflichtige*r";
 * "Zahlungsempfänger*in";…; amounts `-1.234,56 €` or `-62,3`; pending rows have Status "Vorgemerkt".
 */
export const dkb: CsvProfile = {
  id: 'dkb',
  name: 'DKB (since 2023)',
  description:
    'DKB export of the new online banking (since 2023): giro and savings accounts. The counterparty is the payer for ' +
    'money coming in and the payee for money going out. Pending transactions (Status "Vorgemerkt") are left out.',
  descriptionDe:
    'DKB-Export aus dem neuen Online-Banking (seit 2023), für Giro- und Tagesgeldkonten. Zahlungspartner ist bei ' +
    'Eingängen der Zahlungspflichtige, bei Ausgängen der Zahlungsempfänger. Vorgemerkte Umsätze bleiben draußen.',
  skipLines: 0,
  skipFooterLines: 0,
  delimiter: ';',
  quoteChar: '"',
  encoding: 'auto',
  dateFormats: ['dd.mm.yy', 'dd.mm.yyyy'],
  decimalSeparator: ',',
  thousandsSeparator: '.',
  header: { present: true },
  columns: {
    ...NO_COLUMNS,
    bookingDate: 'Buchungsdatum',
    valueDate: 'Wertstellung',
    counterpartyName: 'Zahlungsempfänger*in',
    counterpartyNameIncoming: 'Zahlungspflichtige*r',
    counterpartyIban: 'IBAN',
    purpose: 'Verwendungszweck',
    amount: anyOf('Betrag (€)', 'Betrag (EUR)', 'Betrag'),
    bookingType: 'Umsatztyp',
    endToEndId: 'Kundenreferenz',
    mandateReference: 'Mandatsreferenz',
    creditorId: 'Gläubiger-ID',
  },
  defaultCurrency: 'EUR',
  skipRowsWhere: [{ column: 'Status', notEquals: 'Gebucht', reason: PENDING }],
  continuationLines: 'skip',
  sepaKeywordsInPurpose: false,
};

/** DKB before 2023: 7 preamble lines (Kontonummer, Von, Bis, Kontostand …), ISO-8859-1, every line ends in `;`. */
export const dkbLegacy: CsvProfile = {
  id: 'dkb-legacy',
  name: 'DKB (before 2023)',
  description:
    'DKB giro account export of the old online banking (until 2023): "Buchungstag; Wertstellung; Buchungstext; ' +
    'Auftraggeber / Begünstigter; Verwendungszweck; Kontonummer; BLZ; Betrag (EUR); …".',
  descriptionDe:
    'DKB-Girokonto-Export aus dem alten Online-Banking (bis 2023): "Buchungstag; Wertstellung; Buchungstext; ' +
    'Auftraggeber / Begünstigter; Verwendungszweck; Kontonummer; BLZ; Betrag (EUR); …".',
  skipLines: 0,
  skipFooterLines: 0,
  delimiter: ';',
  quoteChar: '"',
  encoding: 'auto',
  dateFormats: ['dd.mm.yyyy', 'dd.mm.yy'],
  decimalSeparator: ',',
  thousandsSeparator: '.',
  header: { present: true },
  columns: {
    ...NO_COLUMNS,
    bookingDate: 'Buchungstag',
    valueDate: 'Wertstellung',
    counterpartyName: 'Auftraggeber / Begünstigter',
    counterpartyIban: 'Kontonummer',
    counterpartyBic: 'BLZ',
    purpose: 'Verwendungszweck',
    amount: 'Betrag (EUR)',
    bookingType: 'Buchungstext',
    endToEndId: 'Kundenreferenz',
    mandateReference: 'Mandatsreferenz',
    creditorId: 'Gläubiger-ID',
  },
  defaultCurrency: 'EUR',
  skipRowsWhere: [],
  continuationLines: 'skip',
  sepaKeywordsInPurpose: false,
};

/**
 * ING (ING-DiBa): 12–14 key/value lines before the header (with or without a "Saldo" line), ISO-8859-1, unquoted. With
 * the balance columns the header names "Währung" twice; the amount's is the last.
 */
export const ing: CsvProfile = {
  id: 'ing',
  name: 'ING (Germany)',
  description:
    'ING Germany "Umsatzanzeige" CSV, with or without balance column. Pending transactions are not in this export.',
  descriptionDe: 'ING-Umsatzanzeige als CSV, mit oder ohne Saldo-Spalte. Vorgemerkte Umsätze enthält dieser Export nicht.',
  skipLines: 0,
  skipFooterLines: 0,
  delimiter: ';',
  quoteChar: '"',
  encoding: 'auto',
  dateFormats: ['dd.mm.yyyy'],
  decimalSeparator: ',',
  thousandsSeparator: '.',
  header: { present: true },
  columns: {
    ...NO_COLUMNS,
    bookingDate: 'Buchung',
    valueDate: anyOf('Wertstellungsdatum', 'Valuta'),
    counterpartyName: 'Auftraggeber/Empfänger',
    purpose: 'Verwendungszweck',
    amount: 'Betrag',
    currency: { anyOf: ['Währung'], occurrence: 'last' },
    bookingType: 'Buchungstext',
  },
  defaultCurrency: 'EUR',
  skipRowsWhere: [],
  continuationLines: 'skip',
  sepaKeywordsInPurpose: false,
};

/** N26 since about 2019: `,`, English header, `yyyy-mm-dd`, `-15.00`. */
export const n26: CsvProfile = {
  id: 'n26',
  name: 'N26',
  description: 'N26 CSV export ("Booking Date", "Value Date", "Partner Name", "Partner Iban", …, "Amount (EUR)").',
  descriptionDe: 'CSV-Export von N26 ("Booking Date", "Value Date", "Partner Name", "Partner Iban", …, "Amount (EUR)").',
  skipLines: 0,
  skipFooterLines: 0,
  delimiter: ',',
  quoteChar: '"',
  encoding: 'auto',
  dateFormats: ['yyyy-mm-dd'],
  decimalSeparator: '.',
  thousandsSeparator: '',
  header: { present: true },
  columns: {
    ...NO_COLUMNS,
    bookingDate: 'Booking Date',
    valueDate: 'Value Date',
    counterpartyName: 'Partner Name',
    counterpartyIban: 'Partner Iban',
    purpose: 'Payment Reference',
    amount: 'Amount (EUR)',
    bookingType: 'Type',
  },
  defaultCurrency: 'EUR',
  skipRowsWhere: [],
  continuationLines: 'skip',
  sepaKeywordsInPurpose: false,
};

/** N26 until about 2018: `,`, German header "Datum,Empfänger,Kontonummer,Transaktionstyp,…,Betrag (EUR),…". */
export const n26Legacy: CsvProfile = {
  id: 'n26-legacy',
  name: 'N26 (until 2018)',
  description: 'Older N26 CSV export with German header ("Datum, Empfänger, Kontonummer, Transaktionstyp, …, Betrag (EUR)").',
  descriptionDe: 'Älterer CSV-Export von N26 mit deutscher Kopfzeile ("Datum, Empfänger, Kontonummer, Transaktionstyp, …, Betrag (EUR)").',
  skipLines: 0,
  skipFooterLines: 0,
  delimiter: ',',
  quoteChar: '"',
  encoding: 'auto',
  dateFormats: ['yyyy-mm-dd'],
  decimalSeparator: '.',
  thousandsSeparator: '',
  header: { present: true },
  columns: {
    ...NO_COLUMNS,
    bookingDate: 'Datum',
    counterpartyName: 'Empfänger',
    counterpartyIban: 'Kontonummer',
    purpose: 'Verwendungszweck',
    amount: 'Betrag (EUR)',
    bookingType: 'Transaktionstyp',
  },
  defaultCurrency: 'EUR',
  skipRowsWhere: [],
  continuationLines: 'skip',
  sepaKeywordsInPurpose: false,
};

/**
 * Targobank: no header; date; text (name, IBAN and purpose run together); debit (negative); credit; three empty columns;
 * the own IBAN in single quotes.
 */
export const targobank: CsvProfile = {
  id: 'targobank',
  name: 'Targobank',
  description:
    'Targobank CSV export without header line: date; text; debit; credit; …; own IBAN. The text holds counterparty, ' +
    'IBAN and purpose together; it is shown as both counterparty and purpose.',
  descriptionDe:
    'Targobank-CSV-Export ohne Kopfzeile: Datum; Text; Soll; Haben; …; eigene IBAN. Der Text enthält Zahlungspartner, ' +
    'IBAN und Verwendungszweck zusammen; er erscheint als Zahlungspartner und als Verwendungszweck.',
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
    debit: 2,
    credit: 3,
  },
  defaultCurrency: 'EUR',
  skipRowsWhere: [],
  continuationLines: 'skip',
  sepaKeywordsInPurpose: false,
};

/** Targobank as above, in the variant with a decimal point (`-5.00`). */
export const targobankDecimalPoint: CsvProfile = {
  ...targobank,
  id: 'targobank-decimal-point',
  name: 'Targobank (decimal point)',
  description: 'Targobank CSV export as above, in the variant that writes amounts with a decimal point (-5.00).',
  descriptionDe: 'Targobank-CSV-Export wie oben, in der Variante mit Dezimalpunkt in den Beträgen (-5.00).',
  decimalSeparator: '.',
  thousandsSeparator: '',
};

/**
 * A starting point for a German bank not listed yet: `;`, header in line 1, `dd.mm.yyyy`, `-1.234,56`, columns found by
 * their usual German header texts. Copy it to a JSON file and adjust the column names.
 */
export const genericSemicolonDe: CsvProfile = {
  id: 'generic-semicolon-de',
  name: 'Generic CSV (German, semicolon)',
  description:
    'Semicolon-separated CSV with a header line and columns "Buchungstag", "Valuta", "Name", "IBAN", ' +
    '"Verwendungszweck", "Betrag", "Währung". Dates dd.mm.yyyy (or dd.mm.yy), amounts -1.234,56.',
  descriptionDe:
    'CSV mit Semikolon und Kopfzeile, Spalten "Buchungstag", "Valuta", "Name", "IBAN", "Verwendungszweck", "Betrag", ' +
    '"Währung". Datum TT.MM.JJJJ (oder TT.MM.JJ), Beträge -1.234,56.',
  skipLines: 0,
  skipFooterLines: 0,
  delimiter: ';',
  quoteChar: '"',
  encoding: 'auto',
  dateFormats: ['dd.mm.yyyy', 'dd.mm.yy'],
  decimalSeparator: ',',
  thousandsSeparator: '.',
  header: { present: true },
  columns: {
    ...NO_COLUMNS,
    bookingDate: 'Buchungstag',
    valueDate: 'Valuta',
    counterpartyName: 'Name',
    counterpartyIban: 'IBAN',
    purpose: 'Verwendungszweck',
    amount: 'Betrag',
    currency: 'Währung',
  },
  defaultCurrency: 'EUR',
  skipRowsWhere: [],
  continuationLines: 'skip',
  sepaKeywordsInPurpose: false,
};
