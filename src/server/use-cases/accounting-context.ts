/**
 * What every pre-accounting call needs besides the books: the rules (one read of the "Rules" sheet), compiled once; the
 * user's earlier assignments (learned from the bookings already read); and the firm's settings — which export target's
 * required fields are checked.
 */
import { ACCOUNTING_FIELDS, activePrefilled, type Prefilled } from '../../core/accounting/fields';
import { assignmentsFrom, type Assignment } from '../../core/accounting/learning';
import { proposeAccounting, type AccountingProposal, type AutoFillBooking } from '../../core/accounting/prefill';
import { missingFields, type ExportTarget } from '../../core/accounting/requirements';
import { compileRules, type CompiledRule, type Rule, type RuleProblem, type RuleTransaction } from '../../core/accounting/rules';
import { autoFillBookingOf, ruleTransactionOf, ruleTransactions } from '../../core/reconcile/accounting-input';
import type { BookingRow } from '../../core/tables/bookings';
import { describeTableError, type TableError } from '../../core/tables/cells';
import { readRules, rulesTable } from '../../core/tables/rules';
import type { TransactionRecord } from '../../core/tables/transaction-rows';
import * as z from '../../core/schema';
import { exportTargetSchema, accountingFieldSchema } from '../../shared/accounting-dto';
import { JsonProperty } from '../adapters/property-store';
import type { AppsScriptServices } from '../platform/apps-script-api';
import { DEFAULT_CURRENCY, readTableCells, type OpenBooks } from './books';

/** Document property: the export target whose required fields are checked, and fields the firm requires on top. */
export const ACCOUNTING_SETTINGS_KEY = 'accountingSettings';

const accountingSettingsSchema = z.object({
  target: exportTargetSchema,
  extraRequired: z.array(z.object({ target: exportTargetSchema, fields: z.array(accountingFieldSchema) })),
});

export type AccountingSettings = z.output<typeof accountingSettingsSchema>;

/** lexoffice until the firm says otherwise: the target the product pages start from. */
const DEFAULT_SETTINGS: AccountingSettings = { target: 'lexoffice', extraRequired: [] };

export function accountingSettingsProperty(services: AppsScriptServices): JsonProperty<AccountingSettings> | null {
  const store = services.PropertiesService.getDocumentProperties();
  return store === null ? null : new JsonProperty(store, ACCOUNTING_SETTINGS_KEY, accountingSettingsSchema);
}

export function readAccountingSettings(services: AppsScriptServices): AccountingSettings {
  return accountingSettingsProperty(services)?.read() ?? DEFAULT_SETTINGS;
}

export function extraRequiredFor(settings: AccountingSettings, target: ExportTarget) {
  return settings.extraRequired.find((e) => e.target === target)?.fields ?? [];
}

/** The fields a booking lacks for the settings' target. */
export function missingFor(settings: AccountingSettings, b: Pick<BookingRow, 'accounting'>) {
  return missingFields(b.accounting, settings.target, extraRequiredFor(settings, settings.target));
}

/** The machine-filled fields a booking still holds, for the sidebar's blue markers. */
export function prefilledList(prefilled: Prefilled) {
  return ACCOUNTING_FIELDS.flatMap((field) => {
    const entry = prefilled[field];
    return entry === undefined ? [] : [{ field, value: entry.value, source: entry.source }];
  });
}

export function activeOf(b: Pick<BookingRow, 'accounting' | 'prefilled'>): Prefilled {
  return activePrefilled(b.prefilled, b.accounting);
}

export interface AccountingContext {
  settings: AccountingSettings;
  /** The rules as the sheet holds them, in order, with their rows. */
  rules: Array<Rule & { row: number }>;
  compiled: CompiledRule[];
  /** Rules left out: a cell that cannot be read, or a rule that cannot work (an invalid pattern). */
  problems: string[];
  /** Rows of the Rules sheet that could not be read (left out): a save over them must not erase them. */
  unreadableRules: TableError[];
  ruleProblems: RuleProblem[];
  transactions: Map<string, RuleTransaction>;
  bookings: AutoFillBooking[];
  history: Assignment[];
  propose(t: TransactionRecord): AccountingProposal;
}

/**
 * Reads the rules (one read) and the settings, and learns from the books. With `rules`, those read earlier in the same
 * call are used (a call that learns again after its own write).
 */
export function openAccounting(services: AppsScriptServices, open: Pick<OpenBooks, 'book' | 'books' | 'locale' | 'timeZone'>, preread?: RulesRead): AccountingContext {
  const rules = preread ?? readRulesOf(services, open);
  const { compiled } = rules;
  const transactions = ruleTransactions(open.books);
  const bookings = open.books.bookings.map(autoFillBookingOf);
  const history = assignmentsFrom(bookings, transactions);
  return {
    settings: rules.settings,
    rules: rules.rules,
    compiled,
    problems: rules.problems,
    unreadableRules: rules.unreadableRules,
    ruleProblems: rules.ruleProblems,
    transactions,
    bookings,
    history,
    propose: (t) => proposeAccounting(ruleTransactionOf(t), compiled, history),
  };
}

export type RulesRead = Pick<AccountingContext, 'settings' | 'rules' | 'compiled' | 'problems' | 'unreadableRules' | 'ruleProblems'>;

export function readRulesOf(services: AppsScriptServices, open: Pick<OpenBooks, 'book' | 'locale' | 'timeZone'>): RulesRead {
  const cells = readTableCells(services, open.book, rulesTable, open.timeZone);
  const read = readRules(cells, { locale: open.locale, defaultCurrency: DEFAULT_CURRENCY });
  const { rules: compiled, problems: ruleProblems } = compileRules(read.records);
  return {
    settings: readAccountingSettings(services),
    rules: read.records,
    compiled,
    problems: [...read.errors.map((e) => describeTableError(e)), ...ruleProblems.map((p) => p.message)],
    unreadableRules: read.errors,
    ruleProblems,
  };
}
