/**
 * The accounting data a booking needs before it goes to the accountant (Vorkontierung): which GL account, which tax rate,
 * which supplier or customer, which cost centre and cost object, which receipt. Kept on the rows of the "Bookings" sheet;
 * a split transaction has one row per part, each with its own data.
 *
 * Every value is text, '' when empty: the cells are typed by people and by rules alike, and the export targets each
 * read them their own way. The tax amount is not a field: it follows from amount and rate (see tax.ts).
 */
export const ACCOUNTING_FIELDS = ['glAccount', 'taxRate', 'partner', 'costCentre', 'costObject', 'receiptNumber', 'receiptFile', 'comment'] as const;

export type AccountingField = (typeof ACCOUNTING_FIELDS)[number];

export type AccountingData = Record<AccountingField, string>;

/** What the bookkeeper reads in headers, messages and the marker column. */
export const FIELD_LABELS: Record<AccountingField, string> = {
  glAccount: 'GL account', // Sachkonto
  taxRate: 'Tax rate', // Steuersatz
  partner: 'Supplier/customer', // Lieferant/Kunde
  costCentre: 'Cost centre', // Kostenstelle (team)
  costObject: 'Cost object', // Kostenträger (project)
  receiptNumber: 'Receipt number', // Belegnummer
  receiptFile: 'Receipt file', // the receipt in Drive
  comment: 'Comment',
};

export function emptyAccountingData(): AccountingData {
  return { glAccount: '', taxRate: '', partner: '', costCentre: '', costObject: '', receiptNumber: '', receiptFile: '', comment: '' };
}

/** Why the machine filled a field: a rule of the "Rules" sheet, or what the user chose for the same counterparty before. */
export type FieldSource = { kind: 'rule'; ruleId: string; ruleName: string } | { kind: 'learned'; from: string };

/** The fields the machine filled, each with the value it wrote and why. */
export type Prefilled = Partial<Record<AccountingField, { value: string; source: FieldSource }>>;

const ARROW = '←';

function sourceText(source: FieldSource): string {
  if (source.kind === 'learned') return `learned from ${source.from}`;
  const name = source.ruleName.replace(/["\r\n]/g, ' ').trim();
  return name === '' ? `rule ${source.ruleId}` : `rule ${source.ruleId} "${name}"`;
}

/** Values on one line: line breaks would split a marker line, and a value never needs one. */
const oneLine = (value: string): string => value.replace(/[\r\n]+/g, ' ').trim();

/**
 * The "Pre-filled" cell: one readable line per machine-filled field, e.g.
 * `GL account = 4210 ← rule R3 "Rent"` or `Supplier/customer = Telekom ← learned from B-00017`.
 */
export function formatPrefilled(prefilled: Prefilled): string {
  return ACCOUNTING_FIELDS.flatMap((field) => {
    const entry = prefilled[field];
    return entry === undefined ? [] : [`${FIELD_LABELS[field]} = ${oneLine(entry.value)} ${ARROW} ${sourceText(entry.source)}`];
  }).join('\n');
}

const fieldByLabel = new Map<string, AccountingField>(ACCOUNTING_FIELDS.map((field) => [FIELD_LABELS[field].toLowerCase(), field]));

/** Reads a "Pre-filled" cell back; lines it cannot read (a user's note) are ignored, never guessed at. */
export function parsePrefilled(text: string): Prefilled {
  const prefilled: Prefilled = {};
  for (const line of text.split(/\r?\n/)) {
    const arrow = line.lastIndexOf(` ${ARROW} `);
    const equals = line.indexOf(' = ');
    if (arrow < 0 || equals < 0 || equals > arrow) continue;
    const field = fieldByLabel.get(line.slice(0, equals).trim().toLowerCase());
    if (field === undefined) continue;
    const value = line.slice(equals + 3, arrow).trim();
    const why = line.slice(arrow + 3).trim();
    const learned = /^learned from (\S+)$/.exec(why);
    const rule = /^rule (\S+)(?: "(.*)")?$/.exec(why);
    if (learned !== null) prefilled[field] = { value, source: { kind: 'learned', from: learned[1]! } };
    else if (rule !== null) prefilled[field] = { value, source: { kind: 'rule', ruleId: rule[1]!, ruleName: rule[2] ?? '' } };
  }
  return prefilled;
}

/** Only the entries whose cell still holds the machine's value: anything else the user has overridden since. */
export function activePrefilled(prefilled: Prefilled, data: AccountingData): Prefilled {
  const active: Prefilled = {};
  for (const field of ACCOUNTING_FIELDS) {
    const entry = prefilled[field];
    if (entry !== undefined && entry.value !== '' && entry.value === data[field].trim()) active[field] = entry;
  }
  return active;
}
