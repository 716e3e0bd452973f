/**
 * German and English texts, chosen by the language the server reports, and the user's notation for amounts and dates
 * (`formatLocale`, e.g. `de-AT`: the number formats of Intl; without a region, German as in Germany and English with
 * day-month-year dates). Until the server has answered, the browser's language decides (so the first error box is
 * readable too). Typed amounts are read by the core's strict amount parser with the same locale's separators.
 */
import { parseAmount, type DecimalSeparator, type ThousandsSeparator } from '../src/core/money/amount';
import { currencyExponent } from '../src/core/money/currency';

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
  fileHint: 'CSV, MT940 (.sta, .mt940, .mta, .txt) or CAMT.052/.053 (.xml, .zip) from your bank',
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
  matchNow: 'Match transactions',
  matching: 'Matching…',
  matched: (auto: number, review: number, none: number, errors: number) =>
    `Matched: ${auto} sure, ${review} to check, ${none} without an open item.` +
    (errors === 0 ? '' : ` ${errors === 1 ? '1 row' : `${errors} rows`} of the tables could not be read.`),
  errorTitle: 'Something went wrong',
  dismiss: 'Dismiss',
  signedIn: (user: string) => `Signed in as ${user}`,
  version: (v: string) => `Kontomatch ${v}`,
  noProfiles: 'No bank profiles are available.',
  // ---- format and profile choice
  format: 'Format',
  detectAutomatically: 'Detect automatically',
  formatNames: { csv: 'CSV', mt940: 'MT940', camt: 'CAMT (XML or ZIP)' } as Record<'csv' | 'mt940' | 'camt', string>,
  builtinGroup: 'Built-in',
  customGroup: 'Your profiles',
  profileOnlyCsv: 'Bank profiles apply to CSV files only.',
  detected: 'detected',
  chosen: 'chosen',
  account: 'Account',
  period: 'Period',
  periodText: (from: string, to: string) => (from === to ? from : `${from} – ${to}`),
  encoding: 'Encoding',
  skippedStat: 'Skipped',
  warningsTitle: (n: number) => (n === 1 ? '1 warning about the statement' : `${n} warnings about the statement`),
  warningsChoice: 'The statement has warnings. Import it anyway, or cancel — nothing is written until you choose.',
  importAnyway: (n: number) => (n === 1 ? 'Import 1 transaction anyway' : `Import ${n} transactions anyway`),
  importGoodAnyway: (n: number) => (n === 1 ? 'Import the 1 good row anyway' : `Import the ${n} good rows anyway`),
  warningsAccepted: (n: number) => (n === 1 ? ' 1 warning accepted.' : ` ${n} warnings accepted.`),
  refusedWarnings: 'The statement has warnings that were not confirmed; nothing was imported.',
  // ---- no profile fits
  noProfileTitle: 'No bank profile fits this file',
  headerSeen: 'Header line seen:',
  noHeaderSeen: 'No header line could be found in the file.',
  createProfile: 'Create a profile from this file',
  chooseProfileHint: 'Or choose a profile above and pick the file again.',
  // ---- profiles page
  profilesTitle: 'Bank profiles',
  profilesIntro: 'A profile tells Kontomatch how to read one bank\'s CSV export. Your own profiles are stored in this spreadsheet: every editor has them.',
  newProfile: 'New profile',
  builtinProfiles: 'Built-in',
  customProfiles: 'Your profiles',
  noCustomProfiles: 'No profiles of your own yet. Copy a built-in one, or create a new one.',
  brokenProfiles: 'Damaged profiles',
  copy: 'Copy',
  edit: 'Edit',
  delete: 'Delete',
  keep: 'Keep',
  confirmDelete: (name: string) => `Delete "${name}"? Every editor of this spreadsheet loses it.`,
  deleted: (name: string) => `"${name}" was deleted.`,
  saved: (name: string) => `"${name}" was saved.`,
  copyName: (name: string) => `${name} (copy)`,
  newProfileName: 'My bank',
  // ---- profile editor
  editorNew: 'New profile',
  editorEdit: 'Edit profile',
  sampleFile: 'Sample file',
  sampleHint: 'The preview reads this file with the profile as you change it. Nothing is imported.',
  chooseSample: 'Choose sample…',
  name: 'Name',
  description: 'Description',
  sectionLayout: 'File layout',
  delimiter: 'Column separator',
  tab: 'Tab',
  quote: 'Quote character',
  encodingAuto: 'Detect',
  skipTop: 'Lines to skip at the top',
  skipBottom: 'Lines to skip at the end',
  headerPresent: 'The file has a header line',
  findByText: 'Header line contains the text',
  footerPattern: 'Bookings end at the line matching',
  footerPatternHint: 'A regular expression, e.g. ^Kontostand or ^Total. Empty: the bookings run to the end of the file.',
  continuationLines: 'Lines without amount',
  continuationOptions: { skip: 'Leave out (counted as left out)', appendToPurpose: 'Add their text to the purpose above' } as Record<'skip' | 'appendToPurpose', string>,
  continuationHint: 'Some banks (ZKB, UBS, Raiffeisen CH) write the details of a booking in lines below it.',
  sectionColumns: 'Columns',
  columnsHint: 'Column number (0 = first), its header text, or empty if the file has no such column. Several header texts: separate them with |.',
  columnLabels: {
    bookingDate: 'Booking date',
    valueDate: 'Value date',
    counterpartyName: 'Counterparty',
    counterpartyIban: 'Counterparty IBAN',
    purpose: 'Purpose',
    amount: 'Amount',
    debit: 'Debit (money out)',
    credit: 'Credit (money in)',
    currency: 'Currency',
    bookingType: 'Booking text',
    account: 'Own account',
    endToEndId: 'End-to-end ID',
    mandateReference: 'Mandate reference',
    creditorId: 'Creditor ID',
    counterpartyBic: 'Counterparty BIC',
    counterpartyNameIncoming: 'Counterparty for money in',
    fee: 'Fee',
  } as Record<string, string>,
  columnHints: {
    counterpartyNameIncoming: 'Only if the bank names the payer in a column of its own (DKB); empty: the counterparty column.',
    fee: 'Taken off the amount, so the transaction shows what left the account (Revolut "Fee"). Needs an amount column.',
  } as Record<string, string>,
  lastOccurrenceHint: 'If the header has this name twice, the last such column is read.',
  addPurpose: '+ Purpose column',
  sectionMoreColumns: 'More columns (payer, fee, SEPA references)',
  sepaKeywords: 'The purpose holds SEPA fields (EREF+, MREF+, CRED+, SVWZ+)',
  sepaKeywordsHint: 'The purpose becomes the SVWZ+ text; the references go to their own fields (Sparkasse CSV-MT940).',
  sectionMarker: 'Debit/credit marker',
  markerHint: 'For files with unsigned amounts and a column saying which way the money went (e.g. S / H).',
  markerColumn: 'Marker column',
  debitValues: 'Values meaning debit',
  creditValues: 'Values meaning credit',
  valuesHint: 'Separate several with commas.',
  sectionNumbers: 'Dates and amounts',
  dateFormats: 'Date formats',
  dateFormatsHint: 'Separate several with commas, e.g. dd.mm.yyyy, dd.mm.yy',
  decimal: 'Decimal separator',
  thousands: 'Thousands separator',
  none: 'none',
  space: 'space',
  defaultCurrency: 'Currency when the file names none',
  sectionSkip: 'Rows to leave out',
  addSkipRule: '+ Rule',
  skipColumn: 'Column',
  skipOps: { equals: 'equals', notEquals: 'does not equal', matches: 'matches (regular expression)' } as Record<'equals' | 'notEquals' | 'matches', string>,
  skipValue: 'Value',
  skipReason: 'Reason shown',
  remove: 'Remove',
  saveProfile: 'Save profile',
  editorPreview: 'Preview',
  previewNeedsSample: 'Choose a sample file to see how the profile reads it.',
  previewUpdating: 'Updating…',
  previewInvalid: 'The profile is not complete yet:',
  previewUnreadable: 'The file cannot be read with this profile:',
  previewSummary: (rows: number, tx: number, errors: number, skipped: number) =>
    `${rows} rows read: ${tx} transactions, ${errors} rejected, ${skipped} left out.`,
  sampleLines: 'First lines of the file',
  fieldProblem: 'Check this field.',
  // ---- shell and navigation
  navLabel: 'Kontomatch pages',
  navMore: 'More',
  pageNames: {
    reconcile: 'Reconcile', import: 'Import', run: 'Automatic', accounting: 'Pre-accounting', rules: 'Rules', bookings: 'Bookings', settings: 'Settings', help: 'Help',
  } as Record<'reconcile' | 'import' | 'run' | 'accounting' | 'rules' | 'bookings' | 'settings' | 'help', string>,
  // ---- import page: what comes after an import
  goThrough: 'Go through transactions',
  runForStatement: 'Run automatic matching for this statement',
  // ---- reconcile page
  reconcileTitle: 'Reconcile transactions',
  filterLabel: 'Show',
  filters: { open: 'Open', processed: 'Processed', all: 'All' } as Record<'open' | 'processed' | 'all', string>,
  counter: (position: number, total: number, open: number) => `${position} of ${total}, ${open} open`,
  counterNone: (open: number) => `0 of 0, ${open} open`,
  /** The transaction shown has left the list (processed meanwhile). */
  counterOutside: (total: number, open: number) => `– of ${total}, ${open} open`,
  previous: 'Previous transaction',
  next: 'Next transaction',
  loadingTransactions: 'Loading transactions…',
  loadingTransaction: 'Loading the transaction…',
  noTransactions: 'There are no transactions yet. Import a bank statement first.',
  noneOpen: 'Every transaction is processed.',
  noneProcessed: 'No transaction has been processed yet.',
  toImport: 'Import a statement',
  unreadableRows: (n: number) => (n === 1 ? '1 row of the Transactions sheet could not be read and is left out.' : `${n} rows of the Transactions sheet could not be read and are left out.`),
  moneyIn: 'Money in',
  moneyOut: 'Money out',
  valueDate: (date: string) => `value date ${date}`,
  from: 'From',
  to: 'To',
  iban: 'IBAN',
  purpose: 'Purpose',
  bankBookingText: 'Booking text',
  proposal: 'Proposal',
  proposalStatus: { auto: 'Sure', review: 'To check', none: 'No proposal' } as Record<'auto' | 'review' | 'none', string>,
  score: (percent: string) => `score ${percent}`,
  assignment: 'Assignment',
  searchLabel: 'Search a case, contact, invoice number or amount',
  searchPlaceholder: 'e.g. 00012/26, Müller, RE-2026-0138, 4165',
  searchButton: 'Search',
  searching: 'Searching…',
  searchNothing: (query: string) => `Nothing found for "${query}".`,
  resultCases: 'Cases',
  resultInvoices: 'Invoices',
  resultPayments: 'Payment orders',
  resultContacts: 'Contacts',
  caseField: 'Case',
  noCase: '— no case —',
  clearCase: 'Clear the case',
  loadingCase: 'Loading the case…',
  archived: 'archived',
  invoiceStatus: { open: 'open', paid: 'paid', cancelled: 'cancelled' } as Record<'open' | 'paid' | 'cancelled', string>,
  paymentStatus: { pending: 'pending', executed: 'executed' } as Record<'pending' | 'executed', string>,
  due: (date: string) => `due ${date}`,
  actions: 'Actions',
  markPaid: (number: string) => `Mark invoice ${number} paid`,
  markExecuted: (number: string) => `Mark payment order ${number} executed`,
  noInvoices: 'No open invoice assigned: search for a case or an invoice.',
  noPayments: 'No payment order assigned: search for a case or a payment order.',
  createBooking: 'Create a booking in the case ledger',
  part: (n: number) => `Part ${n}`,
  bookingTypeField: 'Type',
  bookingTypes: {
    income: 'Income',
    expense: 'Expense',
    'disbursement-in': 'Disbursement in',
    'disbursement-out': 'Disbursement out',
    'client-money-in': 'Client money in',
    'client-money-out': 'Client money out',
  } as Record<'income' | 'expense' | 'disbursement-in' | 'disbursement-out' | 'client-money-in' | 'client-money-out', string>,
  amountField: 'Amount',
  contactField: 'Contact',
  noContact: '— none —',
  invoiceField: 'Invoice',
  paymentField: 'Payment order',
  noItem: '— none —',
  descriptionField: 'Description',
  split: 'Split',
  removePart: (n: number) => `Remove part ${n}`,
  remaining: (money: string) => `Remaining: ${money}`,
  labels: 'Case labels',
  labelsOf: (caseId: string) => `Labels of case ${caseId}`,
  noLabels: 'No labels.',
  newLabel: 'New label',
  addLabel: 'Add',
  removeLabel: (label: string) => `Remove label ${label}`,
  keepLabel: (label: string) => `Keep label ${label}`,
  labelSuggestions: ['payment open', 'paid'],
  labelsHint: 'Labels change when you book.',
  book: 'Book',
  booking: 'Booking…',
  reasonNothing: 'Choose at least one action.',
  reasonAmount: (part: number, text: string) => (text.trim() === '' ? `Part ${part}: enter an amount.` : `Part ${part}: "${text}" is not an amount (e.g. ${example()}).`),
  reasonPositive: (part: number) => `Part ${part}: the amount must be more than 0.`,
  reasonSum: (sum: string, total: string, difference: string, missing: boolean) =>
    `The parts add up to ${sum}, the transaction is ${total}: ${difference} ${missing ? 'missing' : 'too much'}.`,
  reasonProcessed: 'Already processed: nothing can be booked twice.',
  processedBy: (who: string, when: string) => (when === '' ? `Processed by ${who}` : `Processed by ${who} on ${when}`),
  someone: 'someone',
  byRun: (run: string) => `Automatic run ${run}`,
  alreadyProcessed: (who: string, when: string) =>
    `Already processed by ${who}${when === '' ? '' : ` on ${when}`}. Nothing was booked.`,
  doneMessage: (summary: string) => `Processed: ${summary}.`,
  paidWord: (number: string) => `${number} paid`,
  executedWord: (number: string) => `${number} executed`,
  bookingWord: (id: string, type: string, amount: string, caseId: string) => `${id} ${type} ${amount}${caseId === '' ? '' : ` (case ${caseId})`}`,
  labelsWord: (caseId: string) => `labels of ${caseId} changed`,
  showProcessed: 'Show',
  lastOpenDone: 'That was the last open transaction.',
  undo: 'Undo',
  undoing: 'Undoing…',
  undone: 'Undone: the transaction is open again.',
  undoBlocked: (reason: string) => `Undo is not possible: ${reason}.`,
  transactionBookings: 'Bookings',
  keyboardHint: '← → move, Enter books the proposal.',
  enterNoProposal: 'There is no proposal to confirm: choose an invoice, a payment order or a case first.',
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
  fileHint: 'CSV, MT940 (.sta, .mt940, .mta, .txt) oder CAMT.052/.053 (.xml, .zip) Ihrer Bank',
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
  matchNow: 'Umsätze zuordnen',
  matching: 'Ordne zu…',
  matched: (auto, review, none, errors) =>
    `Zugeordnet: ${auto} sicher, ${review} zu prüfen, ${none} ohne offenen Posten.` +
    (errors === 0 ? '' : ` ${errors === 1 ? '1 Zeile' : `${errors} Zeilen`} der Tabellen konnte${errors === 1 ? '' : 'n'} nicht gelesen werden.`),
  errorTitle: 'Es ist ein Fehler aufgetreten',
  dismiss: 'Schließen',
  signedIn: (user) => `Angemeldet als ${user}`,
  version: (v) => `Kontomatch ${v}`,
  noProfiles: 'Es sind keine Bankprofile verfügbar.',
  format: 'Format',
  detectAutomatically: 'Automatisch erkennen',
  formatNames: { csv: 'CSV', mt940: 'MT940', camt: 'CAMT (XML oder ZIP)' },
  builtinGroup: 'Mitgeliefert',
  customGroup: 'Eigene Profile',
  profileOnlyCsv: 'Bankprofile gelten nur für CSV-Dateien.',
  detected: 'erkannt',
  chosen: 'gewählt',
  account: 'Konto',
  period: 'Zeitraum',
  periodText: (from, to) => (from === to ? from : `${from} – ${to}`),
  encoding: 'Zeichensatz',
  skippedStat: 'Ausgelassen',
  warningsTitle: (n) => (n === 1 ? '1 Warnung zum Kontoauszug' : `${n} Warnungen zum Kontoauszug`),
  warningsChoice:
    'Zum Kontoauszug gibt es Warnungen. Importieren Sie trotzdem oder brechen Sie ab – bis dahin wird nichts geschrieben.',
  importAnyway: (n) => (n === 1 ? '1 Umsatz trotzdem importieren' : `${n} Umsätze trotzdem importieren`),
  importGoodAnyway: (n) => (n === 1 ? 'Die 1 gültige Zeile trotzdem importieren' : `Die ${n} gültigen Zeilen trotzdem importieren`),
  warningsAccepted: (n) => (n === 1 ? ' 1 Warnung bestätigt.' : ` ${n} Warnungen bestätigt.`),
  refusedWarnings: 'Der Kontoauszug hat unbestätigte Warnungen; nichts wurde importiert.',
  noProfileTitle: 'Kein Bankprofil passt zu dieser Datei',
  headerSeen: 'Gefundene Kopfzeile:',
  noHeaderSeen: 'In der Datei wurde keine Kopfzeile gefunden.',
  createProfile: 'Profil aus dieser Datei anlegen',
  chooseProfileHint: 'Oder wählen Sie oben ein Profil und die Datei erneut.',
  profilesTitle: 'Bankprofile',
  profilesIntro:
    'Ein Profil sagt Kontomatch, wie der CSV-Export einer Bank zu lesen ist. Eigene Profile liegen in dieser Tabelle: Alle Bearbeiter haben sie.',
  newProfile: 'Neues Profil',
  builtinProfiles: 'Mitgeliefert',
  customProfiles: 'Eigene Profile',
  noCustomProfiles: 'Noch keine eigenen Profile. Kopieren Sie ein mitgeliefertes oder legen Sie ein neues an.',
  brokenProfiles: 'Beschädigte Profile',
  copy: 'Kopieren',
  edit: 'Bearbeiten',
  delete: 'Löschen',
  keep: 'Behalten',
  confirmDelete: (name) => `„${name}“ löschen? Alle Bearbeiter dieser Tabelle verlieren es.`,
  deleted: (name) => `„${name}“ wurde gelöscht.`,
  saved: (name) => `„${name}“ wurde gespeichert.`,
  copyName: (name) => `${name} (Kopie)`,
  newProfileName: 'Meine Bank',
  editorNew: 'Neues Profil',
  editorEdit: 'Profil bearbeiten',
  sampleFile: 'Beispieldatei',
  sampleHint: 'Die Vorschau liest diese Datei mit dem Profil, während Sie es ändern. Importiert wird nichts.',
  chooseSample: 'Beispiel auswählen…',
  name: 'Name',
  description: 'Beschreibung',
  sectionLayout: 'Aufbau der Datei',
  delimiter: 'Spaltentrenner',
  tab: 'Tabulator',
  quote: 'Anführungszeichen',
  encodingAuto: 'Erkennen',
  skipTop: 'Zeilen am Anfang überspringen',
  skipBottom: 'Zeilen am Ende überspringen',
  headerPresent: 'Die Datei hat eine Kopfzeile',
  findByText: 'Kopfzeile enthält den Text',
  footerPattern: 'Buchungen enden an der Zeile, die passt zu',
  footerPatternHint: 'Ein regulärer Ausdruck, z. B. ^Kontostand oder ^Total. Leer: Die Buchungen reichen bis zum Dateiende.',
  continuationLines: 'Zeilen ohne Betrag',
  continuationOptions: { skip: 'Auslassen (als ausgelassen gezählt)', appendToPurpose: 'Ihren Text an den Zweck darüber anhängen' },
  continuationHint: 'Manche Banken (ZKB, UBS, Raiffeisen CH) schreiben die Details einer Buchung in Zeilen darunter.',
  sectionColumns: 'Spalten',
  columnsHint:
    'Spaltennummer (0 = erste), Text der Kopfzeile, oder leer, wenn die Datei keine solche Spalte hat. Mehrere Kopfzeilentexte mit | trennen.',
  columnLabels: {
    bookingDate: 'Buchungstag',
    valueDate: 'Wertstellung',
    counterpartyName: 'Gegenpartei',
    counterpartyIban: 'IBAN der Gegenpartei',
    purpose: 'Verwendungszweck',
    amount: 'Betrag',
    debit: 'Soll (Ausgang)',
    credit: 'Haben (Eingang)',
    currency: 'Währung',
    bookingType: 'Buchungstext',
    account: 'Eigenes Konto',
    endToEndId: 'End-to-End-Referenz',
    mandateReference: 'Mandatsreferenz',
    creditorId: 'Gläubiger-ID',
    counterpartyBic: 'BIC der Gegenpartei',
    counterpartyNameIncoming: 'Gegenpartei bei Eingängen',
    fee: 'Gebühr',
  },
  columnHints: {
    counterpartyNameIncoming: 'Nur wenn die Bank den Zahlungspflichtigen in einer eigenen Spalte nennt (DKB); leer: die Spalte Gegenpartei.',
    fee: 'Wird vom Betrag abgezogen, damit der Umsatz zeigt, was das Konto verlassen hat (Revolut „Fee“). Braucht eine Betragsspalte.',
  },
  lastOccurrenceHint: 'Hat die Kopfzeile diesen Namen zweimal, wird die letzte dieser Spalten gelesen.',
  addPurpose: '+ Zweck-Spalte',
  sectionMoreColumns: 'Weitere Spalten (Zahler, Gebühr, SEPA-Referenzen)',
  sepaKeywords: 'Der Zweck enthält SEPA-Felder (EREF+, MREF+, CRED+, SVWZ+)',
  sepaKeywordsHint: 'Der Zweck wird der SVWZ+-Text; die Referenzen kommen in eigene Felder (Sparkasse CSV-MT940).',
  sectionMarker: 'Soll/Haben-Kennzeichen',
  markerHint: 'Für Dateien mit vorzeichenlosen Beträgen und einer Spalte, die die Richtung angibt (z. B. S / H).',
  markerColumn: 'Spalte des Kennzeichens',
  debitValues: 'Werte für Soll',
  creditValues: 'Werte für Haben',
  valuesHint: 'Mehrere durch Kommas trennen.',
  sectionNumbers: 'Datum und Beträge',
  dateFormats: 'Datumsformate',
  dateFormatsHint: 'Mehrere durch Kommas trennen, z. B. dd.mm.yyyy, dd.mm.yy',
  decimal: 'Dezimaltrenner',
  thousands: 'Tausendertrenner',
  none: 'keiner',
  space: 'Leerzeichen',
  defaultCurrency: 'Währung, wenn die Datei keine nennt',
  sectionSkip: 'Auszulassende Zeilen',
  addSkipRule: '+ Regel',
  skipColumn: 'Spalte',
  skipOps: { equals: 'ist gleich', notEquals: 'ist nicht gleich', matches: 'passt zu (regulärer Ausdruck)' },
  skipValue: 'Wert',
  skipReason: 'Angezeigter Grund',
  remove: 'Entfernen',
  saveProfile: 'Profil speichern',
  editorPreview: 'Vorschau',
  previewNeedsSample: 'Wählen Sie eine Beispieldatei, um zu sehen, wie das Profil sie liest.',
  previewUpdating: 'Wird aktualisiert…',
  previewInvalid: 'Das Profil ist noch nicht vollständig:',
  previewUnreadable: 'Mit diesem Profil lässt sich die Datei nicht lesen:',
  previewSummary: (rows, tx, errors, skipped) =>
    `${rows} Zeilen gelesen: ${tx} Umsätze, ${errors} abgelehnt, ${skipped} ausgelassen.`,
  sampleLines: 'Erste Zeilen der Datei',
  fieldProblem: 'Bitte dieses Feld prüfen.',
  navLabel: 'Kontomatch-Seiten',
  navMore: 'Mehr',
  pageNames: {
    reconcile: 'Abgleich', import: 'Import', run: 'Automatik', accounting: 'Vorkontierung', rules: 'Regeln', bookings: 'Buchungen', settings: 'Einstellungen', help: 'Hilfe',
  },
  goThrough: 'Umsätze durcharbeiten',
  runForStatement: 'Automatischen Abgleich für diesen Auszug starten',
  reconcileTitle: 'Umsätze abgleichen',
  filterLabel: 'Anzeigen',
  filters: { open: 'Offen', processed: 'Erledigt', all: 'Alle' },
  counter: (position, total, open) => `${position} von ${total}, ${open} offen`,
  counterNone: (open) => `0 von 0, ${open} offen`,
  counterOutside: (total, open) => `– von ${total}, ${open} offen`,
  previous: 'Vorheriger Umsatz',
  next: 'Nächster Umsatz',
  loadingTransactions: 'Umsätze werden geladen…',
  loadingTransaction: 'Umsatz wird geladen…',
  noTransactions: 'Es gibt noch keine Umsätze. Importieren Sie zuerst einen Kontoauszug.',
  noneOpen: 'Alle Umsätze sind erledigt.',
  noneProcessed: 'Es wurde noch kein Umsatz erledigt.',
  toImport: 'Kontoauszug importieren',
  unreadableRows: (n) => (n === 1 ? '1 Zeile des Blatts „Transactions“ ist unlesbar und wird ausgelassen.' : `${n} Zeilen des Blatts „Transactions“ sind unlesbar und werden ausgelassen.`),
  moneyIn: 'Eingang',
  moneyOut: 'Ausgang',
  valueDate: (date) => `Wertstellung ${date}`,
  from: 'Von',
  to: 'An',
  iban: 'IBAN',
  purpose: 'Verwendungszweck',
  bankBookingText: 'Buchungsart',
  proposal: 'Vorschlag',
  proposalStatus: { auto: 'Sicher', review: 'Zu prüfen', none: 'Kein Vorschlag' },
  score: (percent) => `Trefferquote ${percent}`,
  assignment: 'Zuordnung',
  searchLabel: 'Akte, Kontakt, Rechnungsnummer oder Betrag suchen',
  searchPlaceholder: 'z. B. 00012/26, Müller, RE-2026-0138, 4165',
  searchButton: 'Suchen',
  searching: 'Suche läuft…',
  searchNothing: (query) => `Nichts gefunden für „${query}“.`,
  resultCases: 'Akten',
  resultInvoices: 'Rechnungen',
  resultPayments: 'Zahlungsaufträge',
  resultContacts: 'Kontakte',
  caseField: 'Akte',
  noCase: '— keine Akte —',
  clearCase: 'Akte entfernen',
  loadingCase: 'Akte wird geladen…',
  archived: 'archiviert',
  invoiceStatus: { open: 'offen', paid: 'bezahlt', cancelled: 'storniert' },
  paymentStatus: { pending: 'offen', executed: 'ausgeführt' },
  due: (date) => `fällig ${date}`,
  actions: 'Aktionen',
  markPaid: (number) => `Rechnung ${number} als bezahlt markieren`,
  markExecuted: (number) => `Zahlung ${number} als ausgeführt markieren`,
  noInvoices: 'Keine offene Rechnung zugeordnet: Suchen Sie eine Akte oder Rechnung.',
  noPayments: 'Kein Zahlungsauftrag zugeordnet: Suchen Sie eine Akte oder Zahlung.',
  createBooking: 'Buchung im Aktenkonto erstellen',
  part: (n) => `Teil ${n}`,
  bookingTypeField: 'Buchungsart',
  bookingTypes: {
    income: 'Einnahme',
    expense: 'Ausgabe',
    'disbursement-in': 'Auslage ein',
    'disbursement-out': 'Auslage aus',
    'client-money-in': 'Fremdgeld ein',
    'client-money-out': 'Fremdgeld aus',
  },
  amountField: 'Betrag',
  contactField: 'Buchungskontakt',
  noContact: '— keiner —',
  invoiceField: 'Rechnung',
  paymentField: 'Zahlungsauftrag',
  noItem: '— keine —',
  descriptionField: 'Beschreibung',
  split: 'Aufteilen',
  removePart: (n) => `Teil ${n} entfernen`,
  remaining: (money) => `Rest: ${money}`,
  labels: 'Aktenetiketten',
  labelsOf: (caseId) => `Etiketten der Akte ${caseId}`,
  noLabels: 'Keine Etiketten.',
  newLabel: 'Neues Etikett',
  addLabel: 'Hinzufügen',
  removeLabel: (label) => `Etikett ${label} entfernen`,
  keepLabel: (label) => `Etikett ${label} behalten`,
  labelSuggestions: ['Zahlung offen', 'Bezahlt'],
  labelsHint: 'Etiketten ändern sich beim Buchen.',
  book: 'Buchen',
  booking: 'Wird gebucht…',
  reasonNothing: 'Wählen Sie mindestens eine Aktion.',
  reasonAmount: (part, text) => (text.trim() === '' ? `Teil ${part}: Bitte einen Betrag eingeben.` : `Teil ${part}: „${text}“ ist kein Betrag (z. B. ${example()}).`),
  reasonPositive: (part) => `Teil ${part}: Der Betrag muss größer als 0 sein.`,
  reasonSum: (sum, total, difference, missing) =>
    `Die Teile ergeben ${sum}, der Umsatz beträgt ${total}: ${difference} ${missing ? 'fehlen' : 'zu viel'}.`,
  reasonProcessed: 'Bereits erledigt: Nichts wird doppelt gebucht.',
  processedBy: (who, when) => (when === '' ? `Erledigt von ${who}` : `Erledigt von ${who} am ${when}`),
  someone: 'jemandem',
  byRun: (run) => `Automatischer Abgleich ${run}`,
  alreadyProcessed: (who, when) => `Bereits erledigt von ${who}${when === '' ? '' : ` am ${when}`}. Es wurde nichts gebucht.`,
  doneMessage: (summary) => `Erledigt: ${summary}.`,
  paidWord: (number) => `${number} bezahlt`,
  executedWord: (number) => `${number} ausgeführt`,
  bookingWord: (id, type, amount, caseId) => `${id} ${type} ${amount}${caseId === '' ? '' : ` (Akte ${caseId})`}`,
  labelsWord: (caseId) => `Etiketten der Akte ${caseId} geändert`,
  showProcessed: 'Anzeigen',
  lastOpenDone: 'Das war der letzte offene Umsatz.',
  undo: 'Rückgängig',
  undoing: 'Wird rückgängig gemacht…',
  undone: 'Rückgängig gemacht: Der Umsatz ist wieder offen.',
  undoBlocked: (reason) => `Rückgängig machen ist nicht möglich: ${reason}.`,
  transactionBookings: 'Buchungen',
  keyboardHint: '← → blättern, Enter bucht den Vorschlag.',
  enterNoProposal: 'Es gibt keinen Vorschlag zu bestätigen: Wählen Sie zuerst eine Rechnung, Zahlung oder Akte.',
};

const TEXTS: Record<Language, Texts> = { de, en };
/** BCP 47 tags for Intl when the user's locale names no region: German as in Germany; English with day-month-year dates
 * (the users are in Europe). */
const INTL_LOCALE: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

let language: Language = typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en';
/** The user's own locale with region (`de-AT`, `en-US`), when the server has told it; else null. */
let formatLocale: string | null = null;

export function setLanguage(next: Language): void {
  language = next;
  document.documentElement.lang = next;
  clearFormats();
}

/**
 * The locale amounts and dates are written in (`getSidebarContext().formatLocale`). A bare language (`en`, `de`) says
 * nothing about notation, so the defaults above stay; a tag Intl does not know is ignored.
 */
export function setFormatLocale(tag: string): void {
  let next: string | null = null;
  try {
    next = /-[A-Za-z]{2}|-\d{3}/.test(tag) && Intl.NumberFormat.supportedLocalesOf([tag]).length > 0 ? tag : null;
  } catch {
    next = null;
  }
  formatLocale = next;
  clearFormats();
}

export function currentLanguage(): Language {
  return language;
}

/** The current language's texts. */
export function t(): Texts {
  return TEXTS[language];
}

/** The BCP 47 tag every Intl formatter of the sidebar uses. */
export function intlLocale(): string {
  return formatLocale ?? INTL_LOCALE[language];
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
const plainFormats = new Map<number, Intl.NumberFormat>();

function clearFormats(): void {
  moneyFormats.clear();
  plainFormats.clear();
}

function moneyFormat(currency: string): Intl.NumberFormat {
  let format = moneyFormats.get(currency);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(intlLocale(), { style: 'currency', currency });
    } catch {
      format = new Intl.NumberFormat(intlLocale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    moneyFormats.set(currency, format);
  }
  return format;
}

/** An amount in minor units (cents) as the locale writes it: `-1.234,56 €` / `-€1,234.56`. */
export function formatMoney(amountMinor: number, currency: string): string {
  // Exact for every safe integer: the division is only for display.
  return moneyFormat(currency).format(amountMinor / 10 ** currencyExponent(currency));
}

function plainFormat(digits: number): Intl.NumberFormat {
  let format = plainFormats.get(digits);
  if (format === undefined) {
    format = new Intl.NumberFormat(intlLocale(), { minimumFractionDigits: digits, maximumFractionDigits: digits });
    plainFormats.set(digits, format);
  }
  return format;
}

/** An amount as the user would type it into a field: the locale's separators, no currency (`4.165,00`). */
export function formatAmountInput(amountMinor: number, currency: string): string {
  const digits = currencyExponent(currency);
  return plainFormat(digits).format(amountMinor / 10 ** digits);
}

/** `1.234,56` / `1,234.56`: how amounts are typed here, for hints. */
function example(): string {
  return formatAmountInput(123456, 'EUR');
}

/** The locale's separators, as the core's amount parser names them. */
function separators(): { decimalSeparator: DecimalSeparator; thousandsSeparator: ThousandsSeparator } {
  const parts = plainFormat(2).formatToParts(1234567.5);
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const group = parts.find((p) => p.type === 'group')?.value ?? '';
  const decimalSeparator: DecimalSeparator = decimal === ',' ? ',' : '.';
  const thousandsSeparator: ThousandsSeparator =
    group === '.' || group === ',' ? group : group === "'" || group === '\u2019' ? "'" : /^[\s\u00a0\u202f]$/.test(group) ? ' ' : '';
  return { decimalSeparator, thousandsSeparator: thousandsSeparator === decimalSeparator ? '' : thousandsSeparator };
}

/**
 * An amount the user typed, in the locale's notation (`1.234,56`, `1234,56` in German; `1,234.56` in English) → minor
 * units; null for anything that is not exactly an amount. Strict like the statement reader: `12.50` in German is refused,
 * not read as 1250.
 */
export function parseAmountInput(text: string, currency: string): number | null {
  const result = parseAmount(text, { ...separators(), currency });
  if (!result.ok || (result.currency !== undefined && result.currency !== currency.toUpperCase())) return null;
  return result.minor;
}

/** A calendar date `YYYY-MM-DD` as the locale writes it; formatted in UTC so that no time zone can shift the day. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(intlLocale(), { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}

/**
 * An instant as the server sends it (`2026-11-22T14:03:00+01:00`): date and time as written there, in the spreadsheet's
 * zone — not converted to the browser's, which may be elsewhere. Anything else is shown as it is.
 */
export function formatInstant(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/.exec(iso);
  if (match === null) return iso;
  const [, y, mo, d, hh, mm] = match.map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, hh, mm));
  return new Intl.DateTimeFormat(intlLocale(), {
    timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
  }).format(date);
}

/** An IBAN in print format, groups of four: `DE89 3704 0044 0532 0130 00`. */
export function formatIban(iban: string): string {
  return iban.replace(/\s+/g, '').toUpperCase().replace(/(.{4})(?=.)/g, '$1 ');
}

export function formatCount(n: number): string {
  return new Intl.NumberFormat(intlLocale()).format(n);
}

/** A matcher's score (0…1) as a percentage: `97 %` / `97%`. */
export function formatPercent(score: number): string {
  return new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(score);
}
