/**
 * German and English texts, chosen by the locale the server reports, and the locale's formats for amounts and dates.
 * Until the server has answered, the browser's language decides (so the first error box is readable too).
 */
export type Language = 'de' | 'en';

/** `3, 7, 12` — at most five line numbers, then `…`. */
function listLines(lines: number[]): string {
  return lines.length > 5 ? `${lines.slice(0, 5).join(', ')}, …` : lines.join(', ');
}

const en = {
  title: 'Import bank statement',
  loading: 'Loading…',
  working: 'Working…',
  reading: 'Reading the file…',
  importing: 'Importing…',
  profile: 'Bank profile',
  file: 'Statement file',
  chooseFile: 'Choose file…',
  noFile: 'No file chosen',
  fileHint: 'CSV export of your bank (.csv, .txt)',
  preview: 'Preview',
  rowsRead: 'Rows read',
  newRows: 'New',
  duplicates: 'Already imported',
  rejected: 'Rejected',
  firstRows: (shown: number, total: number) => (shown < total ? `First ${shown} of ${total} transactions` : total === 1 ? '1 transaction' : `${total} transactions`),
  noRows: 'The file holds no transactions.',
  leftOutByProfile: (n: number, lines: number[]) =>
    `${n === 1 ? '1 row was' : `${n} rows were`} left out by the bank profile, e.g. bookings still pending (line${lines.length === 1 ? '' : 's'} ${listLines(lines)}).`,
  more: 'More',
  less: 'Less',
  duplicateBadge: 'already imported',
  outgoing: 'outgoing',
  lineErrors: (n: number) => (n === 1 ? '1 line could not be read' : `${n} lines could not be read`),
  moreErrors: (n: number) => `… and ${n} more`,
  lineError: (file: string, line: number, column: number | null, field: string, message: string, found: string) =>
    `${file}, line ${line}${column === null ? '' : `, column ${column}`}${field === '' ? '' : ` (${field})`}: ${message} — found "${found}"`,
  importButton: (n: number) => (n === 1 ? 'Import 1 transaction' : `Import ${n} transactions`),
  importPlain: 'Import',
  importGood: (n: number) => (n === 1 ? 'Import the 1 good row' : `Import the ${n} good rows`),
  cancel: 'Cancel',
  badFileChoice: 'Some lines could not be read. Import only the good rows, or cancel — nothing is written until you choose.',
  nothingNewHint: 'Every transaction in this file is already in the sheet.',
  imported: (n: number, sheet: string, dup: number) =>
    `${n === 1 ? '1 transaction' : `${n} transactions`} imported into '${sheet}'. ${dup === 1 ? '1 duplicate' : `${dup} duplicates`} skipped.`,
  nothingNew: (dup: number, sheet: string) =>
    `Nothing new: ${dup === 1 ? 'the 1 transaction' : `all ${dup} transactions`} of this file ${dup === 1 ? 'is' : 'are'} already in '${sheet}'.`,
  leftOut: (n: number) => (n === 1 ? ' 1 unreadable line left out.' : ` ${n} unreadable lines left out.`),
  refused: (n: number) => `${n === 1 ? '1 line' : `${n} lines`} could not be read; nothing was imported.`,
  cancelled: 'Cancelled. Nothing was written.',
  another: 'Import another file',
  errorTitle: 'Something went wrong',
  dismiss: 'Dismiss',
  signedIn: (user: string) => `Signed in as ${user}`,
  version: (v: string) => `Kontomatch ${v}`,
  noProfiles: 'No bank profiles are available.',
};

type Texts = typeof en;

const de: Texts = {
  title: 'Kontoauszug importieren',
  loading: 'Wird geladen…',
  working: 'Bitte warten…',
  reading: 'Datei wird gelesen…',
  importing: 'Wird importiert…',
  profile: 'Bankprofil',
  file: 'Kontoauszugsdatei',
  chooseFile: 'Datei auswählen…',
  noFile: 'Keine Datei ausgewählt',
  fileHint: 'CSV-Export Ihrer Bank (.csv, .txt)',
  preview: 'Vorschau',
  rowsRead: 'Zeilen gelesen',
  newRows: 'Neu',
  duplicates: 'Bereits importiert',
  rejected: 'Abgelehnt',
  firstRows: (shown, total) => (shown < total ? `Die ersten ${shown} von ${total} Umsätzen` : total === 1 ? '1 Umsatz' : `${total} Umsätze`),
  noRows: 'Die Datei enthält keine Umsätze.',
  leftOutByProfile: (n, lines) =>
    `${n === 1 ? '1 Zeile wurde' : `${n} Zeilen wurden`} vom Bankprofil ausgelassen, z. B. noch vorgemerkte Umsätze (Zeile${lines.length === 1 ? '' : 'n'} ${listLines(lines)}).`,
  more: 'Mehr',
  less: 'Weniger',
  duplicateBadge: 'bereits importiert',
  outgoing: 'Ausgang',
  lineErrors: (n) => (n === 1 ? '1 Zeile konnte nicht gelesen werden' : `${n} Zeilen konnten nicht gelesen werden`),
  moreErrors: (n) => `… und ${n} weitere`,
  lineError: (file, line, column, field, message, found) =>
    `${file}, Zeile ${line}${column === null ? '' : `, Spalte ${column}`}${field === '' ? '' : ` (${field})`}: ${message} — gefunden „${found}“`,
  importButton: (n) => (n === 1 ? '1 Umsatz importieren' : `${n} Umsätze importieren`),
  importPlain: 'Importieren',
  importGood: (n) => (n === 1 ? 'Die 1 gültige Zeile importieren' : `Die ${n} gültigen Zeilen importieren`),
  cancel: 'Abbrechen',
  badFileChoice:
    'Einige Zeilen konnten nicht gelesen werden. Importieren Sie nur die gültigen Zeilen oder brechen Sie ab – bis dahin wird nichts geschrieben.',
  nothingNewHint: 'Alle Umsätze dieser Datei sind bereits im Blatt.',
  imported: (n, sheet, dup) =>
    `${n === 1 ? '1 Umsatz' : `${n} Umsätze`} in „${sheet}“ importiert. ${dup === 1 ? '1 Duplikat' : `${dup} Duplikate`} übersprungen.`,
  nothingNew: (dup, sheet) =>
    `Nichts Neues: ${dup === 1 ? 'Der Umsatz dieser Datei ist' : `Alle ${dup} Umsätze dieser Datei sind`} bereits in „${sheet}“.`,
  leftOut: (n) => (n === 1 ? ' 1 unlesbare Zeile ausgelassen.' : ` ${n} unlesbare Zeilen ausgelassen.`),
  refused: (n) => `${n === 1 ? '1 Zeile konnte' : `${n} Zeilen konnten`} nicht gelesen werden; nichts wurde importiert.`,
  cancelled: 'Abgebrochen. Es wurde nichts geschrieben.',
  another: 'Weitere Datei importieren',
  errorTitle: 'Es ist ein Fehler aufgetreten',
  dismiss: 'Schließen',
  signedIn: (user) => `Angemeldet als ${user}`,
  version: (v) => `Kontomatch ${v}`,
  noProfiles: 'Es sind keine Bankprofile verfügbar.',
};

const TEXTS: Record<Language, Texts> = { de, en };
/** BCP 47 tags for Intl: German as in Germany; English with day-month-year dates (the users are in Europe). */
const INTL_LOCALE: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

let language: Language = typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en';

export function setLanguage(next: Language): void {
  language = next;
  document.documentElement.lang = next;
}

export function currentLanguage(): Language {
  return language;
}

/** The current language's texts. */
export function t(): Texts {
  return TEXTS[language];
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string): Intl.NumberFormat {
  const key = `${language}|${currency}`;
  let format = moneyFormats.get(key);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(INTL_LOCALE[language], { style: 'currency', currency });
    } catch {
      format = new Intl.NumberFormat(INTL_LOCALE[language], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    moneyFormats.set(key, format);
  }
  return format;
}

/** An amount in minor units (cents) as the locale writes it: `-1.234,56 €` / `-€1,234.56`. */
export function formatMoney(amountMinor: number, currency: string): string {
  const format = moneyFormat(currency);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  // Exact for every safe integer: the division is only for display.
  return format.format(amountMinor / 10 ** digits);
}

/** A calendar date `YYYY-MM-DD` as the locale writes it; formatted in UTC so that no time zone can shift the day. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(INTL_LOCALE[language], { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}

export function formatCount(n: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[language]).format(n);
}
