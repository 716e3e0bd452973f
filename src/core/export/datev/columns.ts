/**
 * The 125 columns of a format-13 Buchungsstapel, in order: line 2 of the file. Names as the format description on
 * developer.datev.de heads them (contracts §3: transcription in tgw013/HGB-accounting-plugin
 * config/shared/datev-extf-fields.json, cross-checked with ameax/datev-extf), with the long forms DATEV's own files use for
 * columns 1 and 8. DATEV reads the columns by position; spellings differ between implementations (contracts §3).
 */
const numbered = (prefix: string, count: number, kinds: readonly string[]): string[] =>
  Array.from({ length: count }, (_, i) => kinds.map((kind) => `${prefix} - ${kind} ${i + 1}`)).flat();

export const DATEV_COLUMNS: readonly string[] = [
  'Umsatz (ohne Soll/Haben-Kz)', 'Soll/Haben-Kennzeichen', 'WKZ Umsatz', 'Kurs', 'Basis-Umsatz', 'WKZ Basis-Umsatz',
  'Konto', 'Gegenkonto (ohne BU-Schlüssel)', 'BU-Schlüssel', 'Belegdatum', 'Belegfeld 1', 'Belegfeld 2', 'Skonto',
  'Buchungstext', 'Postensperre', 'Diverse Adressnummer', 'Geschäftspartnerbank', 'Sachverhalt', 'Zinssperre', 'Beleglink',
  ...numbered('Beleginfo', 8, ['Art', 'Inhalt']), // 21–36
  'KOST1 - Kostenstelle', 'KOST2 - Kostenstelle', 'Kost-Menge', 'EU-Land u. UStID (Bestimmung)',
  'EU-Steuersatz (Bestimmung)', 'Abw. Versteuerungsart', 'Sachverhalt L+L', 'Funktionsergänzung L+L',
  'BU 49 Hauptfunktionstyp', 'BU 49 Hauptfunktionsnummer', 'BU 49 Funktionsergänzung',
  ...numbered('Zusatzinformation', 20, ['Art', 'Inhalt']), // 48–87
  'Stück', 'Gewicht', 'Zahlweise', 'Forderungsart', 'Veranlagungsjahr', 'Zugeordnete Fälligkeit', 'Skontotyp',
  'Auftragsnummer', 'Buchungstyp', 'USt-Schlüssel (Anzahlungen)', 'EU-Mitgliedstaat (Anzahlungen)',
  'Sachverhalt L+L (Anzahlungen)', 'EU-Steuersatz (Anzahlungen)', 'Erlöskonto (Anzahlungen)', 'Herkunft-Kz', 'Leerfeld',
  'KOST-Datum', 'SEPA-Mandatsreferenz', 'Skontosperre', 'Gesellschaftername', 'Beteiligtennummer', 'Identifikationsnummer',
  'Zeichnernummer', 'Postensperre bis', 'Bezeichnung SoBil-Sachverhalt', 'Kennzeichen SoBil-Buchung', 'Festschreibung',
  'Leistungsdatum', 'Datum Zuord. Steuerperiode', 'Fälligkeit', 'Generalumkehr', 'Steuersatz', 'Land',
  'Abrechnungsreferenz', 'BVV-Position', 'EU-Mitgliedstaat u. UStID (Ursprung)', 'EU-Steuersatz (Ursprung)',
  'Abw. Skontokonto',
];

/** 1-based positions of the columns Kontomatch fills. */
export const COLUMN = {
  amount: 1, // Umsatz
  debitCredit: 2, // Soll/Haben-Kennzeichen
  currency: 3, // WKZ Umsatz
  account: 7, // Konto
  contraAccount: 8, // Gegenkonto
  taxKey: 9, // BU-Schlüssel
  date: 10, // Belegdatum
  receiptField1: 11, // Belegfeld 1
  receiptField2: 12, // Belegfeld 2
  text: 14, // Buchungstext
  receiptInfoKind1: 21, // Beleginfo - Art 1
  receiptInfoContent1: 22, // Beleginfo - Inhalt 1
  costCentre: 37, // KOST1
  costObject: 38, // KOST2
  locked: 114, // Festschreibung
} as const;
