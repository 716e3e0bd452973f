/**
 * Built-in bank profiles. Each is written out in full (no defaults left to the schema) so that reading one costs nothing
 * at run time; a unit test proves each one is exactly what the schema would make of it.
 */
import type { CsvProfile } from './profile';

/**
 * Sparkasse (and Landesbank) export "CSV-CAMT V2" — the same layout as "CSV-CAMT V8" (V8 only renames a few booking
 * texts). Every field quoted, `;`, Windows-1252, two-digit years, no thousands separator in practice.
 */
const sparkasseCsvCamtV2: CsvProfile = {
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
    bookingDate: 'Buchungstag',
    valueDate: 'Valutadatum',
    counterpartyName: 'Beguenstigter/Zahlungspflichtiger',
    counterpartyIban: 'Kontonummer/IBAN',
    purpose: 'Verwendungszweck',
    amount: 'Betrag',
    debit: -1,
    credit: -1,
    currency: 'Waehrung',
    bookingType: 'Buchungstext',
    account: 'Auftragskonto',
  },
  defaultCurrency: 'EUR',
  skipRowsWhere: [{ column: 'Info', notEquals: 'Umsatz gebucht', reason: 'not booked yet (pending booking)' }],
};

/**
 * A starting point for a German bank not listed yet: `;`, header in line 1, `dd.mm.yyyy`, `-1.234,56`, columns found by
 * their usual German header texts. Copy it to a JSON file and adjust the column names.
 */
const genericSemicolonDe: CsvProfile = {
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
    bookingDate: 'Buchungstag',
    valueDate: 'Valuta',
    counterpartyName: 'Name',
    counterpartyIban: 'IBAN',
    purpose: 'Verwendungszweck',
    amount: 'Betrag',
    debit: -1,
    credit: -1,
    currency: 'Währung',
    bookingType: -1,
    account: -1,
  },
  defaultCurrency: 'EUR',
  skipRowsWhere: [],
};

export const builtinProfiles: readonly CsvProfile[] = [sparkasseCsvCamtV2, genericSemicolonDe];

/** By id (`sparkasse-csv-camt-v2`) or by name, case-insensitively. */
export function findProfile(idOrName: string): CsvProfile | undefined {
  const key = idOrName.trim().toLowerCase();
  return builtinProfiles.find((p) => p.id === key || p.name.toLowerCase() === key);
}
