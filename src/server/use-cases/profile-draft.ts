/**
 * When no bank profile fits a CSV file: the line taken for its header, and a first draft of a profile for it, which the
 * user then corrects in the profile editor with the live preview. A draft is a guess and says so by being a draft: it is
 * never used to import anything until the user saves it.
 */
import { readCsvRecords, type CsvRecord } from '../../core/import/csv-records';
import type { CsvProfileInput } from '../../core/profiles/profile';

const DELIMITERS = [';', ',', '\t', '|'] as const;
type Delimiter = (typeof DELIMITERS)[number];
/** Where to look for the header: preambles (account number, period …) are a few lines long. */
const LINES_LOOKED_AT = 40;

export interface HeaderSeen {
  delimiter: Delimiter;
  /** 1-based line of the header in the file. */
  line: number;
  cells: string[];
  /** Records after the header (for guessing number and date forms). */
  dataRows: string[][];
}

function records(text: string, delimiter: Delimiter): CsvRecord[] {
  return readCsvRecords(text, { delimiter, quoteChar: '"', firstLine: 1 }).filter((r) => r.cells.some((c) => c.trim() !== ''));
}

/**
 * The header as found: with the delimiter that splits the first lines into the most cells, the first line having that
 * many cells (a preamble line has fewer). `knownCells` (the profile detection's view of the header) wins when given.
 */
export function findHeader(decodedText: string, knownCells: readonly string[] | null): HeaderSeen | null {
  const lines = decodedText.replace(/\r\n?/g, '\n').split('\n').slice(0, LINES_LOOKED_AT * 4);
  const head = lines.slice(0, LINES_LOOKED_AT).join('\n');
  let best: { delimiter: Delimiter; width: number; recs: CsvRecord[] } | null = null;
  for (const delimiter of DELIMITERS) {
    const recs = records(head, delimiter);
    const width = Math.max(0, ...recs.map((r) => r.cells.length));
    if (best === null || width > best.width) best = { delimiter, width, recs };
  }
  if (best === null || best.recs.length === 0) return null;
  const { delimiter } = best;
  const all = records(lines.join('\n'), delimiter);
  const clean = (c: string): string => c.replace(/^\ufeff/, '').trim();
  let index = -1;
  if (knownCells !== null && knownCells.length > 0) {
    const want = knownCells.map((c) => clean(c).toLowerCase()).join('\u0000');
    index = all.findIndex((r) => r.cells.map((c) => clean(c).toLowerCase()).join('\u0000') === want);
  }
  if (index === -1) index = all.findIndex((r) => r.cells.length === best!.width);
  if (index === -1) return null;
  const header = all[index]!;
  return {
    delimiter,
    line: header.line,
    cells: header.cells.map(clean),
    dataRows: all.slice(index + 1, index + 21).map((r) => r.cells),
  };
}

/** Usual header texts per field (German and English banks), compared lower-case without spaces and punctuation. */
const NAMES: Record<string, string[]> = {
  bookingDate: ['buchungstag', 'buchungsdatum', 'buchung', 'datum', 'date', 'bookingdate', 'transactiondate', 'abschlusstag'],
  valueDate: ['valutadatum', 'valuta', 'wertstellung', 'wertstellungsdatum', 'valuedate', 'wert'],
  counterpartyName: [
    'beguenstigterzahlungspflichtiger', 'begünstigterzahlungspflichtiger', 'zahlungspflichtigerempfaenger', 'name',
    'auftraggeberempfaenger', 'auftraggeberempfänger', 'empfaenger', 'empfänger', 'zahlungsempfaengerin',
    'zahlungsempfängerin', 'auftraggeber', 'counterparty', 'payee', 'beguenstigter', 'begünstigter',
  ],
  counterpartyIban: ['iban', 'kontonummeriban', 'ibanauftraggeber', 'ibanempfaenger', 'gegenkonto', 'counterpartyiban'],
  purpose: ['verwendungszweck', 'purpose', 'buchungsdetails', 'beschreibung', 'description', 'details', 'text', 'mitteilung'],
  amount: ['betrag', 'betrageur', 'betrag€', 'amount', 'umsatz', 'betragineur', 'umsatzineur'],
  debit: ['soll', 'belastung', 'debit', 'ausgang', 'lastschrift'],
  credit: ['haben', 'gutschrift', 'credit', 'eingang'],
  currency: ['waehrung', 'währung', 'whg', 'currency', 'wahrung'],
  bookingType: ['buchungstext', 'umsatzart', 'vorgang', 'transaktionstyp', 'art', 'type'],
  account: ['auftragskonto', 'ibanauftragskonto', 'eigeneskonto', 'konto'],
};

const squash = (text: string): string => text.toLowerCase().replace(/[\s\-_/().:]+/g, '');

function guessColumn(field: string, header: readonly string[], used: Set<string>): string | -1 {
  const names = NAMES[field] ?? [];
  const cells = header.filter((c) => c !== '' && !used.has(c));
  const found =
    cells.find((c) => names.includes(squash(c))) ??
    cells.find((c) => names.some((n) => n.length >= 5 && squash(c).startsWith(n)));
  if (found === undefined) return -1;
  used.add(found);
  return found;
}

/**
 * `,` as decimal separator when the amounts look like `-1234,56`, `.` when like `-1234.56` (German banks being the usual
 * case, `,` else); the thousands separator when some amount shows one (`1.234,56`).
 */
function guessSeparators(values: readonly string[]): { decimalSeparator: ',' | '.'; thousandsSeparator: '' | '.' | ',' } {
  let comma = 0;
  let dot = 0;
  for (const v of values) {
    if (/,\d{1,2}\s*(€|EUR)?$/.test(v.trim())) comma++;
    else if (/\.\d{1,2}\s*(€|EUR)?$/.test(v.trim())) dot++;
  }
  const decimalSeparator = dot > comma ? '.' : ',';
  const grouping = decimalSeparator === ',' ? /\d\.\d{3}(\.|,|$)/ : /\d,\d{3}(,|\.|$)/;
  const grouped = values.some((v) => grouping.test(v.trim().replace(/\s*(€|EUR)$/, '')));
  return { decimalSeparator, thousandsSeparator: grouped ? (decimalSeparator === ',' ? '.' : ',') : '' };
}

const AMOUNT_LIKE = /^[-+]?(\d{1,3}([.,' ]\d{3})+|\d+)[.,]\d{2}\s*(€|EUR)?$/;

function guessDateFormats(values: readonly string[]): string[] {
  const sample = values.map((v) => v.trim()).filter((v) => v !== '');
  if (sample.length > 0 && sample.every((v) => /^\d{4}-\d{2}-\d{2}/.test(v))) return ['yyyy-mm-dd'];
  if (sample.length > 0 && sample.every((v) => /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(v))) return ['dd/mm/yyyy'];
  return ['dd.mm.yyyy', 'dd.mm.yy'];
}

/** A starting point for the profile editor: delimiter, header line, and each column the header names in a usual way. */
export function draftProfile(fileName: string, header: HeaderSeen | null): CsvProfileInput {
  const name = fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim() || 'My bank';
  if (header === null) {
    return { id: 'custom-new', name, columns: { bookingDate: 0, counterpartyName: 1, purpose: 2, amount: 3 } };
  }
  const used = new Set<string>();
  const column = (field: string): string | -1 => guessColumn(field, header.cells, used);
  const bookingDate = column('bookingDate');
  const valueDate = column('valueDate');
  const account = column('account');
  const counterpartyIban = column('counterpartyIban');
  const counterpartyName = column('counterpartyName');
  const purpose = column('purpose');
  const amount = column('amount');
  const debit = amount === -1 ? column('debit') : -1;
  const credit = amount === -1 ? column('credit') : -1;
  const currency = column('currency');
  const bookingType = column('bookingType');
  const valuesOf = (ref: string | -1): string[] => {
    const at = ref === -1 ? -1 : header.cells.indexOf(ref);
    return at === -1 ? [] : header.dataRows.map((r) => r[at] ?? '');
  };
  // Unnamed amount columns still show the number format: any cell that looks like an amount with decimals will do.
  const moneyValues = [...valuesOf(amount), ...valuesOf(debit), ...valuesOf(credit)];
  const firstText = header.cells.find((c) => c !== '');
  return {
    id: 'custom-new',
    name,
    delimiter: header.delimiter,
    // Found by its text, the header may move (a longer preamble next month) without breaking the profile.
    header: firstText === undefined ? { present: true } : { present: true, findByText: firstText },
    dateFormats: guessDateFormats(valuesOf(bookingDate)),
    ...guessSeparators(moneyValues.length > 0 ? moneyValues : header.dataRows.flat().filter((c) => AMOUNT_LIKE.test(c.trim()))),
    columns: {
      // Required fields the header does not name stay empty: the editor's preview then points at them.
      ...(bookingDate === -1 ? {} : { bookingDate }),
      ...(counterpartyName === -1 ? {} : { counterpartyName }),
      ...(purpose === -1 ? {} : { purpose }),
      valueDate,
      counterpartyIban,
      amount,
      debit,
      credit,
      currency,
      bookingType,
      account,
    } as CsvProfileInput['columns'],
  };
}
