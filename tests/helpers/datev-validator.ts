/**
 * A checker for DATEV EXTF "Buchungsstapel" files (format category 21, version 13), written from the format description
 * — developer.datev.de "DATEV-Format" header and Buchungsstapel tables, as transcribed in
 * tgw013/HGB-accounting-plugin config/shared/datev-extf-fields.json and summarised in /work/shared/contracts
 * accounting-targets.md §3 — and on purpose not from Kontomatch's writer: nothing of src/core/export/datev is used here,
 * so a mistake in the writer is not repeated in its test.
 *
 * What it checks: Windows-1252 bytes (no UTF-8, no byte order mark, no undefined bytes, no control characters), CRLF
 * line ends only, the 31 header fields (position, quoting, pattern, range), the 125 column names, and every data line
 * (125 fields; each field's quoting, pattern and length; Belegdatum inside the header's period; no line break inside a
 * field; nothing after the last field).
 */

export interface ExtfError {
  /** 1-based line of the file; 0 for the file as a whole. */
  line: number;
  /** Header field or column name; '' for the file or line as a whole. */
  field: string;
  message: string;
}

export interface ExtfCheck {
  errors: ExtfError[];
  /** Header field name → value (quotes removed). */
  header: Record<string, string>;
  /** One record per data line: column name → value (quotes removed). */
  rows: Record<string, string>[];
}

interface Field {
  raw: string;
  value: string;
  quoted: boolean;
}

/**
 * How a field is written. `text`: in quotes (`""` for a quote inside), its content at most `max` characters and matching
 * `chars`. `number`: bare, matching `pattern`. `either`: the content matches `pattern`, quoted or not.
 */
type Rule =
  | { kind: 'text'; max: number; chars?: RegExp; required?: boolean }
  | { kind: 'number'; pattern: RegExp; required?: boolean }
  | { kind: 'either'; pattern: RegExp; required?: boolean }
  | { kind: 'empty' };

const text = (max: number, chars?: RegExp, required = false): Rule => ({ kind: 'text', max, required, ...(chars ? { chars } : {}) });
const num = (pattern: RegExp, required = false): Rule => ({ kind: 'number', pattern, required });
const EMPTY: Rule = { kind: 'empty' };

const DATE8 = /^20\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/; // JJJJMMTT
const DDMMYYYY = /^(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])20\d{2}$/; // TTMMJJJJ
const WORD = /^\w*$/;
const ISO_CURRENCY = /^[A-Z]{3}$/;
const COUNTRY = /^[A-Z]{2}$/;

/** Header, fields 1–31 (developer.datev.de formate/header; contracts §3 "Header, in order"). */
const HEADER: Array<[string, Rule]> = [
  ['Kennzeichen', text(4, /^EXTF$/, true)],
  ['Versionsnummer', num(/^700$/, true)],
  ['Formatkategorie', num(/^21$/, true)],
  ['Formatname', text(14, /^Buchungsstapel$/, true)],
  ['Formatversion', num(/^13$/, true)],
  ['Erzeugt am', num(/^\d{17}$/, true)],
  ['Importiert', EMPTY],
  ['Herkunft', text(2, WORD)],
  ['Exportiert von', text(25, WORD)],
  ['Importiert von', text(25, WORD)],
  ['Beraternummer', num(/^\d{4,7}$/, true)],
  ['Mandantennummer', num(/^\d{1,5}$/, true)],
  ['WJ-Beginn', num(DATE8, true)],
  ['Sachkontenlänge', num(/^[4-8]$/, true)],
  ['Datum vom', num(DATE8, true)],
  ['Datum bis', num(DATE8, true)],
  ['Bezeichnung', text(30, /^[\w.\-/ ]*$/)],
  ['Diktatkürzel', text(4, /^([A-Z]{2}){0,2}$/)],
  ['Buchungstyp', num(/^[12]$/)],
  ['Rechnungslegungszweck', num(/^(0|30|40|50|64)$/)],
  ['Festschreibung', num(/^[01]$/, true)],
  ['WKZ', text(3, ISO_CURRENCY, true)],
  ['Reserviert 23', EMPTY],
  ['Derivatskontenrahmen', text(0)],
  ['Reserviert 25', EMPTY],
  ['Reserviert 26', EMPTY],
  ['Sachkontenrahmen', text(4, /^(\d{2}){0,2}$/)],
  ['ID der Branchenlösung', num(/^\d{0,4}$/)],
  ['Reserviert 29', EMPTY],
  ['Reserviert 30', text(0)],
  ['Anwendungsinformation', text(16)],
];

const BELEGFELD = /^[A-Za-z0-9_$&%*+\-/]*$/;
const KOST = /^[\p{L}\p{N}_ ]*$/u;
const AMOUNT = /^\d{1,10},\d{2}$/;

const pairs = (prefix: string, count: number, art: Rule, inhalt: Rule): Array<[string, Rule]> =>
  Array.from({ length: count }, (_, i): Array<[string, Rule]> => [
    [`${prefix} - Art ${i + 1}`, art],
    [`${prefix} - Inhalt ${i + 1}`, inhalt],
  ]).flat();

/** Columns 1–125 of format version 13 (developer.datev.de formate/buchungsstapel; contracts §3 "Columns"). */
const COLUMNS: Array<[string, Rule]> = [
  ['Umsatz (ohne Soll/Haben-Kz)', num(AMOUNT, true)],
  ['Soll/Haben-Kennzeichen', text(1, /^[SH]$/, true)],
  ['WKZ Umsatz', text(3, ISO_CURRENCY)],
  ['Kurs', num(/^[1-9]\d{0,3},\d{2,6}$/)],
  ['Basis-Umsatz', num(AMOUNT)],
  ['WKZ Basis-Umsatz', text(3, ISO_CURRENCY)],
  ['Konto', num(/^\d{1,9}$/, true)],
  ['Gegenkonto (ohne BU-Schlüssel)', num(/^\d{1,9}$/, true)],
  // Four digits quoted in the description, a bare 8 in DATEV's sample: 1–4 digits, quoted or not (contracts §3).
  ['BU-Schlüssel', { kind: 'either', pattern: /^\d{1,4}$/ }],
  ['Belegdatum', num(/^\d{4}$/, true)],
  ['Belegfeld 1', text(36, BELEGFELD)],
  ['Belegfeld 2', text(12, BELEGFELD)],
  ['Skonto', num(/^[1-9]\d{0,7},\d{2}$/)],
  ['Buchungstext', text(60)],
  ['Postensperre', num(/^[01]$/)],
  ['Diverse Adressnummer', text(9, WORD)],
  ['Geschäftspartnerbank', num(/^\d{3}$/)],
  ['Sachverhalt', num(/^\d{2}$/)],
  ['Zinssperre', num(/^[01]$/)],
  ['Beleglink', text(210)],
  ...pairs('Beleginfo', 8, text(20), text(210)),
  ['KOST1 - Kostenstelle', text(36, KOST)],
  ['KOST2 - Kostenstelle', text(36, KOST)],
  ['Kost-Menge', num(/^\d{1,12},\d{1,4}$/)],
  ['EU-Land u. UStID (Bestimmung)', text(15)],
  ['EU-Steuersatz (Bestimmung)', num(/^\d{1,2},\d{2}$/)],
  ['Abw. Versteuerungsart', text(1, /^[IKPS]$/)],
  ['Sachverhalt L+L', num(/^\d{1,3}$/)],
  ['Funktionsergänzung L+L', num(/^\d{1,3}$/)],
  ['BU 49 Hauptfunktionstyp', num(/^\d$/)],
  ['BU 49 Hauptfunktionsnummer', num(/^\d{1,2}$/)],
  ['BU 49 Funktionsergänzung', num(/^\d{1,3}$/)],
  ...pairs('Zusatzinformation', 20, text(20), text(210)),
  ['Stück', num(/^\d{1,8}$/)],
  ['Gewicht', num(/^\d{1,8},\d{2}$/)],
  ['Zahlweise', num(/^\d{1,2}$/)],
  ['Forderungsart', text(10, WORD)],
  ['Veranlagungsjahr', num(/^20\d{2}$/)],
  ['Zugeordnete Fälligkeit', num(DDMMYYYY)],
  ['Skontotyp', num(/^\d$/)],
  ['Auftragsnummer', text(30)],
  ['Buchungstyp', text(2, /^[A-Z]{2}$/)],
  ['USt-Schlüssel (Anzahlungen)', num(/^\d{1,4}$/)],
  ['EU-Mitgliedstaat (Anzahlungen)', text(2, COUNTRY)],
  ['Sachverhalt L+L (Anzahlungen)', num(/^\d{1,3}$/)],
  ['EU-Steuersatz (Anzahlungen)', num(/^\d{1,2},\d{2}$/)],
  ['Erlöskonto (Anzahlungen)', num(/^\d{4,8}$/)],
  ['Herkunft-Kz', text(2, /^[A-Z]{2}$/)],
  ['Leerfeld', text(36)],
  ['KOST-Datum', num(DDMMYYYY)],
  ['SEPA-Mandatsreferenz', text(35)],
  ['Skontosperre', num(/^[01]$/)],
  ['Gesellschaftername', text(76)],
  ['Beteiligtennummer', num(/^\d{4}$/)],
  ['Identifikationsnummer', text(11)],
  ['Zeichnernummer', text(20)],
  ['Postensperre bis', num(DDMMYYYY)],
  ['Bezeichnung SoBil-Sachverhalt', text(30)],
  ['Kennzeichen SoBil-Buchung', num(/^\d{1,2}$/)],
  ['Festschreibung', num(/^[01]$/)],
  ['Leistungsdatum', num(DDMMYYYY)],
  ['Datum Zuord. Steuerperiode', num(DDMMYYYY)],
  ['Fälligkeit', num(DDMMYYYY)],
  ['Generalumkehr', text(1, /^[01]$/)],
  ['Steuersatz', num(/^\d{1,2},\d{2}$/)],
  ['Land', text(2, COUNTRY)],
  ['Abrechnungsreferenz', text(50)],
  ['BVV-Position', num(/^[1-5]$/)],
  ['EU-Mitgliedstaat u. UStID (Ursprung)', text(15)],
  ['EU-Steuersatz (Ursprung)', num(/^\d{2},\d{2}$/)],
  ['Abw. Skontokonto', num(/^\d{1,9}$/)],
];

/** Other spellings of column names seen in DATEV's and others' files; DATEV reads by position. */
const ALSO: Record<string, string[]> = {
  'Umsatz (ohne Soll/Haben-Kz)': ['Umsatz'],
  'Gegenkonto (ohne BU-Schlüssel)': ['Gegenkonto'],
  'EU-Land u. UStID (Bestimmung)': ['EU-Land u. UStID'],
  'EU-Steuersatz (Bestimmung)': ['EU-Steuersatz'],
  'EU-Mitgliedstaat (Anzahlungen)': ['EU-Land (Anzahlungen)'],
  Leerfeld: ['Buchungs GUID'],
  'BVV-Position': ['BVV-Position (Betriebsvermögensvergleich)'],
};

/** Windows-1252 leaves these bytes undefined. */
const UNDEFINED_BYTES = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Bytes 0x80–0x9F of Windows-1252 (the rest is Latin-1). Typed here: Node 20's decoder for "windows-1252" reads Latin-1. */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

function checkBytes(bytes: Uint8Array, errors: ExtfError[]): void {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) errors.push({ line: 1, field: '', message: 'starts with a UTF-8 byte order mark' });
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) line++;
    if (UNDEFINED_BYTES.has(b)) errors.push({ line, field: '', message: `byte 0x${b.toString(16)} at offset ${i} is not a Windows-1252 character` });
    if ((b < 0x20 && b !== 0x0d && b !== 0x0a) || b === 0x7f) errors.push({ line, field: '', message: `control character 0x${b.toString(16)} at offset ${i}` });
    // A UTF-8 sequence (lead byte + continuation bytes) reads as "Ã¤" in Windows-1252: the file was written in UTF-8.
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need > 0 && Array.from({ length: need }, (_, k) => bytes[i + 1 + k]).every((c) => c !== undefined && c >= 0x80 && c <= 0xbf)) {
      const char = new TextDecoder('utf-8').decode(bytes.subarray(i, i + 1 + need));
      errors.push({ line, field: '', message: `UTF-8 bytes at offset ${i} ("${char}"): the file must be Windows-1252` });
      i += need;
    }
  }
}

/** Splits one line into fields: `"…"` with `""` inside, or bare text without quotes. */
function splitLine(line: string, lineNo: number, errors: ExtfError[]): Field[] {
  const fields: Field[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) {
          errors.push({ line: lineNo, field: '', message: `quote opened at column ${i + 1} is never closed (a line break inside a field?)` });
          return fields;
        }
        value += line.slice(j, q);
        if (line[q + 1] === '"') {
          value += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      fields.push({ raw: line.slice(i, j), value, quoted: true });
      i = j;
    } else {
      const end = line.indexOf(';', i);
      const raw = end < 0 ? line.slice(i) : line.slice(i, end);
      if (raw.includes('"')) errors.push({ line: lineNo, field: '', message: `quote inside an unquoted field: ${raw}` });
      fields.push({ raw, value: raw, quoted: false });
      i += raw.length;
    }
    if (i >= line.length) return fields;
    if (line[i] !== ';') {
      errors.push({ line: lineNo, field: '', message: `text after a closing quote at column ${i + 1}: ${line.slice(i, i + 20)}` });
      const next = line.indexOf(';', i);
      if (next < 0) return fields;
      i = next;
    }
    i++;
    if (i === line.length) {
      fields.push({ raw: '', value: '', quoted: false });
      return fields;
    }
  }
}

function checkField(field: Field, rule: Rule, name: string, line: number, errors: ExtfError[]): void {
  const error = (message: string) => errors.push({ line, field: name, message });
  if (rule.kind === 'empty') {
    if (field.raw !== '') error(`must be empty, found ${field.raw}`);
    return;
  }
  if (field.raw === '') {
    if (rule.required === true) error('is required');
    return;
  }
  if (/[\r\n]/.test(field.value)) error('holds a line break');
  if (rule.kind === 'text') {
    if (!field.quoted) error(`text must be in quotes, found ${field.raw}`);
    if (field.value.length > rule.max) error(`is ${field.value.length} characters long, at most ${rule.max} allowed: ${field.value}`);
    if (rule.chars !== undefined && !rule.chars.test(field.value)) error(`"${field.value}" does not match ${rule.chars}`);
    if (rule.required === true && field.value === '') error('is required');
  } else if (rule.kind === 'number') {
    if (field.quoted) error(`a number is written without quotes, found ${field.raw}`);
    else if (!rule.pattern.test(field.value)) error(`"${field.value}" does not match ${rule.pattern}`);
  } else if (!rule.pattern.test(field.value)) {
    error(`"${field.value}" does not match ${rule.pattern}`);
  }
}

const isoOf = (date8: string): string => `${date8.slice(0, 4)}-${date8.slice(4, 6)}-${date8.slice(6, 8)}`;

function isCalendarDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The header's period, when its dates are readable. */
function periodOf(header: Record<string, string>): { fiscalYearStart: string; from: string; to: string } | null {
  const dates = [header['WJ-Beginn'], header['Datum vom'], header['Datum bis']];
  if (!dates.every((d) => d !== undefined && DATE8.test(d) && isCalendarDate(isoOf(d)))) return null;
  const [fiscalYearStart, from, to] = dates.map((d) => isoOf(d!)) as [string, string, string];
  return { fiscalYearStart, from, to };
}

/** TTMM → `YYYY-MM-DD` inside the period (the year comes from the header, contracts §3 column 10), or null. */
function dateInPeriod(ttmm: string, period: { from: string; to: string }): string | null {
  for (const year of new Set([period.from.slice(0, 4), period.to.slice(0, 4)])) {
    const iso = `${year}-${ttmm.slice(2, 4)}-${ttmm.slice(0, 2)}`;
    if (isCalendarDate(iso) && iso >= period.from && iso <= period.to) return iso;
  }
  return null;
}

function checkHeader(header: Record<string, string>, errors: ExtfError[]): void {
  const error = (field: string, message: string) => errors.push({ line: 1, field, message });
  const created = header['Erzeugt am'] ?? '';
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})$/.exec(created);
  if (m !== null && (!isCalendarDate(`${m[1]}-${m[2]}-${m[3]}`) || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59)) {
    error('Erzeugt am', `${created} is not a time JJJJMMTTHHMMSSFFF`);
  }
  const consultant = Number(header.Beraternummer);
  if (/^\d+$/.test(header.Beraternummer ?? '') && (consultant < 1001 || consultant > 9_999_999)) error('Beraternummer', `${consultant} is outside 1001–9999999`);
  const client = Number(header.Mandantennummer);
  if (/^\d+$/.test(header.Mandantennummer ?? '') && (client < 1 || client > 99_999)) error('Mandantennummer', `${client} is outside 1–99999`);
  for (const name of ['WJ-Beginn', 'Datum vom', 'Datum bis']) {
    const value = header[name] ?? '';
    if (DATE8.test(value) && !isCalendarDate(isoOf(value))) error(name, `${value} is not a calendar date`);
  }
  const period = periodOf(header);
  if (period === null) return;
  if (period.from > period.to) error('Datum bis', `${period.to} is before Datum vom ${period.from}`);
  if (period.from < period.fiscalYearStart) error('Datum vom', `${period.from} is before WJ-Beginn ${period.fiscalYearStart}`);
  const nextYear = `${Number(period.fiscalYearStart.slice(0, 4)) + 1}${period.fiscalYearStart.slice(4)}`;
  if (period.to >= nextYear) error('Datum bis', `${period.to} is outside the fiscal year starting ${period.fiscalYearStart}`);
}

function checkRow(row: Record<string, string>, line: number, header: Record<string, string>, errors: ExtfError[]): void {
  const error = (field: string, message: string) => errors.push({ line, field, message });
  const umsatz = row['Umsatz (ohne Soll/Haben-Kz)'] ?? '';
  if (AMOUNT.test(umsatz) && /^0+,00$/.test(umsatz)) error('Umsatz (ohne Soll/Haben-Kz)', 'is 0,00; DATEV takes no booking without an amount');
  const accountLength = Number(header['Sachkontenlänge']);
  for (const name of ['Konto', 'Gegenkonto (ohne BU-Schlüssel)']) {
    const account = row[name] ?? '';
    if (/^0+$/.test(account)) error(name, `${account} is no account`);
    // Personal accounts may be one digit longer than GL accounts (developer.datev.de, column 7).
    if (accountLength >= 4 && account.length > accountLength + 1) error(name, `${account} is longer than Sachkontenlänge ${accountLength} + 1`);
  }
  const ttmm = row.Belegdatum ?? '';
  const period = periodOf(header);
  if (/^\d{4}$/.test(ttmm) && period !== null && dateInPeriod(ttmm, period) === null) {
    error('Belegdatum', `${ttmm} is not a day between Datum vom ${period.from} and Datum bis ${period.to}`);
  }
  for (let n = 1; n <= 8; n++) {
    if ((row[`Beleginfo - Inhalt ${n}`] ?? '') !== '' && (row[`Beleginfo - Art ${n}`] ?? '') === '') error(`Beleginfo - Art ${n}`, `is empty while Beleginfo - Inhalt ${n} is set`);
  }
}

interface Parsed {
  errors: ExtfError[];
  header: Record<string, string>;
  rows: Record<string, string>[];
}

function parse(input: ArrayLike<number>): Parsed {
  const bytes = Uint8Array.from(input, (b) => b & 0xff);
  const errors: ExtfError[] = [];
  checkBytes(bytes, errors);
  const content = decodeWindows1252(bytes);
  const bareLf = /(^|[^\r])\n/.exec(content);
  if (bareLf !== null) errors.push({ line: content.slice(0, bareLf.index + 1).split('\n').length, field: '', message: 'line ends with LF only; DATEV files end lines with CR LF' });
  const bareCr = /\r(?!\n)/.exec(content);
  if (bareCr !== null) errors.push({ line: content.slice(0, bareCr.index).split('\n').length, field: '', message: 'CR without LF inside a line' });
  const lines = content.split(/\r\n|\n/);
  if (lines[lines.length - 1] === '') lines.pop();

  const header: Record<string, string> = {};
  const rows: Record<string, string>[] = [];
  if (lines.length < 2) {
    errors.push({ line: 0, field: '', message: `has ${lines.length} line(s); a batch has a header line, a column line and bookings` });
    return { errors, header, rows };
  }

  const headerFields = splitLine(lines[0]!, 1, errors);
  if (headerFields.length !== HEADER.length) errors.push({ line: 1, field: '', message: `header has ${headerFields.length} fields, format 13 has ${HEADER.length}` });
  HEADER.forEach(([name, rule], i) => {
    const field = headerFields[i];
    if (field === undefined) return;
    header[name] = field.value;
    checkField(field, rule, name, 1, errors);
  });
  checkHeader(header, errors);

  const names = splitLine(lines[1]!, 2, errors);
  if (names.length !== COLUMNS.length) errors.push({ line: 2, field: '', message: `column line has ${names.length} names, format 13 has ${COLUMNS.length}` });
  COLUMNS.forEach(([name], i) => {
    const found = names[i]?.value;
    if (found !== undefined && found !== name && !(ALSO[name] ?? []).includes(found)) errors.push({ line: 2, field: name, message: `column ${i + 1} is named "${found}", expected "${name}"` });
  });

  if (lines.length === 2) errors.push({ line: 0, field: '', message: 'has no bookings' });
  lines.slice(2).forEach((text, k) => {
    const line = k + 3;
    if (text === '') {
      errors.push({ line, field: '', message: 'empty line' });
      return;
    }
    const fields = splitLine(text, line, errors);
    if (fields.length !== COLUMNS.length) errors.push({ line, field: '', message: `has ${fields.length} fields, format 13 has ${COLUMNS.length} (nothing may follow the last one)` });
    const row: Record<string, string> = {};
    COLUMNS.forEach(([name, rule], i) => {
      const field = fields[i];
      if (field === undefined) return;
      row[name] = field.value;
      checkField(field, rule, name, line, errors);
    });
    checkRow(row, line, header, errors);
    rows.push(row);
  });
  return { errors, header, rows };
}

export function validateExtf(bytes: ArrayLike<number>): ExtfCheck {
  return parse(bytes);
}

export interface ExtfBooking {
  /** Money in positive, money out negative: S on Konto (the GL account) is money out, H money in. */
  amountMinor: number;
  /** `YYYY-MM-DD`, the year from the header's period. */
  date: string;
  glAccount: string;
  bankAccount: string;
  buKey: string;
  text: string;
  belegfeld1: string;
  belegfeld2: string;
  kost1: string;
  kost2: string;
}

/** The data lines read back as bookings (no checking: see `validateExtf`). */
export function parseExtfBookings(bytes: ArrayLike<number>): ExtfBooking[] {
  const { header, rows } = parse(bytes);
  const period = periodOf(header);
  return rows.map((row) => {
    const [whole, cents] = (row['Umsatz (ohne Soll/Haben-Kz)'] ?? '').split(',');
    const magnitude = Number(whole) * 100 + Number(cents);
    return {
      amountMinor: row['Soll/Haben-Kennzeichen'] === 'S' ? -magnitude : magnitude,
      date: (period === null ? null : dateInPeriod(row.Belegdatum ?? '', period)) ?? '',
      glAccount: row.Konto ?? '',
      bankAccount: row['Gegenkonto (ohne BU-Schlüssel)'] ?? '',
      buKey: row['BU-Schlüssel'] ?? '',
      text: row.Buchungstext ?? '',
      belegfeld1: row['Belegfeld 1'] ?? '',
      belegfeld2: row['Belegfeld 2'] ?? '',
      kost1: row['KOST1 - Kostenstelle'] ?? '',
      kost2: row['KOST2 - Kostenstelle'] ?? '',
    };
  });
}
