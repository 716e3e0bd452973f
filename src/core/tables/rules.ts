/**
 * The "Rules" sheet: pre-accounting rules (Kontierungsregeln), one per row, in the order they apply — for each field the
 * first matching rule that sets it wins, so the order is the precedence and the sheet shows it as it is.
 *
 * Conditions are the left columns (a blank one does not restrict), actions the right ones (a blank one leaves the field
 * alone). Amounts are absolute amounts in the workbook's currency; the direction says in or out.
 */
import type { AccountingData } from '../accounting/fields';
import type { Direction, Rule } from '../accounting/rules';
import * as z from '../schema';
import { minorToDecimal } from '../money/currency';
import { amountCell, amountToMinor, keepFirstOf, optionalText, readTableRows, type ReadOptions, type TableRead } from './cells';
import type { TableSpec } from './table';

export const rulesTable = {
  sheetName: 'Rules',
  columns: [
    { key: 'id', header: 'Rule', kind: 'text', aliases: ['Regel', 'Nr.'] },
    { key: 'active', header: 'Active', kind: 'text', aliases: ['Aktiv'] },
    { key: 'name', header: 'Name', kind: 'text', aliases: ['Bezeichnung'] },
    { key: 'counterpartyEquals', header: 'Counterparty equals', kind: 'text', aliases: ['Name ist'] },
    { key: 'counterpartyContains', header: 'Counterparty contains', kind: 'text', aliases: ['Name enthält'] },
    { key: 'iban', header: 'IBAN', kind: 'text' },
    { key: 'purposeContains', header: 'Purpose contains', kind: 'text', aliases: ['Verwendungszweck enthält'] },
    { key: 'purposePattern', header: 'Purpose pattern', kind: 'text', aliases: ['Verwendungszweck Muster', 'Regulärer Ausdruck'] },
    { key: 'amountFrom', header: 'Amount from', kind: 'amount', aliases: ['Betrag von'] },
    { key: 'amountTo', header: 'Amount to', kind: 'amount', aliases: ['Betrag bis'] },
    { key: 'direction', header: 'Direction', kind: 'text', aliases: ['Richtung'] },
    { key: 'cardOrAccount', header: 'Card or account', kind: 'text', aliases: ['Karte oder Konto', 'Karte', 'Account'] },
    { key: 'glAccount', header: 'GL account', kind: 'text', aliases: ['Sachkonto'] },
    { key: 'taxRate', header: 'Tax rate', kind: 'text', aliases: ['Steuersatz'] },
    { key: 'partner', header: 'Supplier/customer', kind: 'text', aliases: ['Lieferant/Kunde', 'Lieferant'] },
    { key: 'costCentre', header: 'Cost centre', kind: 'text', aliases: ['Kostenstelle'] },
    { key: 'costObject', header: 'Cost object', kind: 'text', aliases: ['Kostenträger', 'Projekt'] },
    { key: 'comment', header: 'Comment', kind: 'text', aliases: ['Kommentar'] },
    { key: 'origin', header: 'Origin', kind: 'text', aliases: ['Herkunft'] },
  ],
} as const satisfies TableSpec;

const ACTIVE: Record<string, boolean> = { '': true, yes: true, y: true, ja: true, true: true, '1': true, x: true, no: false, n: false, nein: false, false: false, '0': false };
const DIRECTIONS: Record<string, Direction> = { '': 'any', any: 'any', both: 'any', alle: 'any', beide: 'any', in: 'in', incoming: 'in', ein: 'in', eingang: 'in', out: 'out', outgoing: 'out', aus: 'out', ausgang: 'out' };

function wordCell<T>(words: Record<string, T>, describe: string) {
  return z.pipe(
    optionalText,
    z.transform((text: string, ctx): T => {
      const value = words[text.toLowerCase()];
      if (value !== undefined) return value;
      ctx.issues.push({ code: 'custom', message: `is not ${describe}`, input: text });
      return z.NEVER;
    }),
  );
}

function optionalAmount(options: ReadOptions) {
  const cell = amountCell(options.locale);
  return z.pipe(
    z.unknown(),
    z.transform((value: unknown, ctx): number | null => {
      if (value === '' || value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
      const parsed = cell.safeParse(value);
      const minor = parsed.success ? amountToMinor(parsed.data, options.defaultCurrency) : null;
      if (minor === null || !minor.ok) {
        ctx.issues.push({ code: 'custom', message: minor?.ok === false ? minor.message : 'is not an amount', input: value });
        return z.NEVER;
      }
      return Math.abs(minor.minor);
    }),
  );
}

function ruleSchema(options: ReadOptions) {
  return z.object({
    id: optionalText,
    active: wordCell(ACTIVE, 'yes or no'),
    name: optionalText,
    counterpartyEquals: optionalText,
    counterpartyContains: optionalText,
    iban: optionalText,
    purposeContains: optionalText,
    purposePattern: optionalText,
    amountFrom: optionalAmount(options),
    amountTo: optionalAmount(options),
    direction: wordCell(DIRECTIONS, 'a direction (in, out or any)'),
    cardOrAccount: optionalText,
    glAccount: optionalText,
    taxRate: optionalText,
    partner: optionalText,
    costCentre: optionalText,
    costObject: optionalText,
    comment: optionalText,
    origin: optionalText,
  });
}

/** The action columns: the accounting fields a rule may set (receipts belong to one booking, never to a rule). */
export const RULE_ACTION_FIELDS = ['glAccount', 'taxRate', 'partner', 'costCentre', 'costObject', 'comment'] as const;

/**
 * Reads the rules in sheet order. A row without an id gets `R<row>` so that messages can name it; a row with a cell that
 * cannot be read is reported and left out (a half-understood rule must not book).
 */
export function readRules(cells: readonly (readonly unknown[])[], options: ReadOptions): TableRead<Rule> {
  const read = readTableRows(rulesTable, cells, ruleSchema(options), []);
  const records = read.records.map((r) => {
    const actions: Partial<AccountingData> = {};
    for (const field of RULE_ACTION_FIELDS) if (r[field] !== '') actions[field] = r[field];
    const rule: Rule & { row: number } = {
      id: r.id === '' ? `R${r.row}` : r.id,
      name: r.name,
      active: r.active,
      conditions: {
        counterpartyEquals: r.counterpartyEquals,
        counterpartyContains: r.counterpartyContains,
        iban: r.iban,
        purposeContains: r.purposeContains,
        purposePattern: r.purposePattern,
        amountFromMinor: r.amountFrom,
        amountToMinor: r.amountTo,
        direction: r.direction,
        cardOrAccount: r.cardOrAccount,
      },
      actions,
      origin: r.origin,
      row: r.row,
    };
    return rule;
  });
  return keepFirstOf({ ...read, records }, rulesTable.sheetName, 'id');
}

/** A rule as the cells of its row (amounts in the currency's unit, so the sheet shows `1500.00`). */
export function ruleRecord(rule: Rule, currency: string): Record<string, unknown> {
  const amount = (minor: number | null): number | string => (minor === null ? '' : minorToDecimal(minor, currency));
  const c = rule.conditions;
  return {
    id: rule.id,
    active: rule.active ? 'yes' : 'no',
    name: rule.name,
    counterpartyEquals: c.counterpartyEquals,
    counterpartyContains: c.counterpartyContains,
    iban: c.iban,
    purposeContains: c.purposeContains,
    purposePattern: c.purposePattern,
    amountFrom: amount(c.amountFromMinor),
    amountTo: amount(c.amountToMinor),
    direction: c.direction,
    cardOrAccount: c.cardOrAccount,
    ...Object.fromEntries(RULE_ACTION_FIELDS.map((field) => [field, rule.actions[field] ?? ''])),
    origin: rule.origin,
  };
}

/** `R1`, `R2`, …: the next number after the highest of this form. */
export function nextRuleId(existing: Iterable<string>): string {
  let highest = 0;
  for (const id of existing) {
    const match = /^R(\d+)$/i.exec(id.trim());
    if (match !== null) highest = Math.max(highest, Number(match[1]));
  }
  return `R${highest + 1}`;
}

