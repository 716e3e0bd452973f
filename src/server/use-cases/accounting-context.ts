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
  ruleProblems: RuleProblem[];
  transactions: Map<string, RuleTransaction>;
  bookings: AutoFillBooking[];
  history: Assignment[];
  propose(t: TransactionRecord): AccountingProposal;
}

export function openAccounting(services: AppsScriptServices, open: OpenBooks): AccountingContext {
  const cells = readTableCells(services, open.book, rulesTable, open.timeZone);
  const read = readRules(cells, { locale: open.locale, defaultCurrency: DEFAULT_CURRENCY });
  const { rules: compiled, problems: ruleProblems } = compileRules(read.records);
  const transactions = ruleTransactions(open.books);
  const bookings = open.books.bookings.map(autoFillBookingOf);
  const history = assignmentsFrom(bookings, transactions);
  return {
    settings: readAccountingSettings(services),
    rules: read.records,
    compiled,
    problems: [...read.errors.map((e: TableError) => describeTableError(e)), ...ruleProblems.map((p) => p.message)],
    ruleProblems,
    transactions,
    bookings,
    history,
    propose: (t) => proposeAccounting(ruleTransactionOf(t), compiled, history),
  };
}
