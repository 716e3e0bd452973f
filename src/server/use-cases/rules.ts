/**
 * The rules editor: the "Rules" sheet as an ordered list, checked (patterns, amounts, tax rates) and shown against the
 * transactions in the sheet — how many each rule matches, and where an earlier rule takes a field first — saved as a
 * whole in one write, and the rules learned from the user's own assignments, proposed until the user says yes or no.
 */
import { emptyAccountingData, FIELD_LABELS, type AccountingData } from '../../core/accounting/fields';
import { proposeRules, type RuleProposal } from '../../core/accounting/learning';
import { applyRules, checkRule, compileRules, noConditions, ruleUsage, type Rule, type RuleProblem, type RuleTransaction } from '../../core/accounting/rules';
import { ruleTransactionOf } from '../../core/reconcile/accounting-input';
import { describeTableError } from '../../core/tables/cells';
import { readTransactionRecords } from '../../core/tables/transaction-rows';
import { transactionsTable } from '../../core/tables/transactions';
import { nextRuleId, RULE_ACTION_FIELDS, ruleRecord, rulesTable } from '../../core/tables/rules';
import { locateColumns } from '../../core/tables/table';
import { printIban } from '../../core/iban/iban';
import * as z from '../../core/schema';
import type { RuleDto } from '../../shared/accounting-dto';
import type { RequestOf, ResponseOf } from '../../shared/contract';
import { withDocumentLock } from '../adapters/document-lock';
import { JsonProperty } from '../adapters/property-store';
import { SheetTable } from '../adapters/sheet-table';
import type { AppsScriptServices } from '../platform/apps-script-api';
import { openAccounting, readRulesOf } from './accounting-context';
import { DEFAULT_CURRENCY, readBooks, readTableCells, type OpenBooks } from './books';
import { writeChanges, type CellChanges } from './ledger';

/** Proposals the user said no to (document property): never proposed again. The newest 300 are kept. */
const DISMISSED_KEY = 'rules.dismissed';
const MAX_DISMISSED = 300;
const dismissedSchema = z.array(z.string());

function dismissedProperty(services: AppsScriptServices) {
  const store = services.PropertiesService.getDocumentProperties();
  return store === null ? null : new JsonProperty(store, DISMISSED_KEY, dismissedSchema);
}

export function dismissedProposals(services: AppsScriptServices): Set<string> {
  return new Set(dismissedProperty(services)?.read() ?? []);
}

// ---- conversions -----------------------------------------------------------------------------------------------------

export function ruleDtoOf(rule: Rule): RuleDto {
  return {
    id: rule.id,
    active: rule.active,
    name: rule.name,
    conditions: { ...rule.conditions },
    actions: { ...emptyAccountingData(), ...rule.actions },
    origin: rule.origin,
  };
}

function ruleOf(dto: RuleDto, id: string): Rule {
  const actions: Partial<AccountingData> = {};
  for (const field of RULE_ACTION_FIELDS) if (dto.actions[field].trim() !== '') actions[field] = dto.actions[field].trim();
  const c = dto.conditions;
  return {
    id,
    name: dto.name.trim(),
    active: dto.active,
    conditions: {
      counterpartyEquals: c.counterpartyEquals.trim(),
      counterpartyContains: c.counterpartyContains.trim(),
      iban: c.iban.trim(),
      purposeContains: c.purposeContains.trim(),
      purposePattern: c.purposePattern,
      amountFromMinor: c.amountFromMinor === null ? null : Math.abs(c.amountFromMinor),
      amountToMinor: c.amountToMinor === null ? null : Math.abs(c.amountToMinor),
      direction: c.direction,
      cardOrAccount: c.cardOrAccount.trim(),
    },
    actions,
    origin: dto.origin.trim() === '' ? 'manual' : dto.origin.trim(),
  };
}

/** Ids for rules not saved yet (`R7`, …), never one already used in the list. */
function withIds(dtos: readonly RuleDto[]): Rule[] {
  const used = dtos.map((d) => d.id.trim()).filter((id) => id !== '');
  return dtos.map((dto) => {
    let id = dto.id.trim();
    if (id === '') used.push((id = nextRuleId(used)));
    return ruleOf(dto, id);
  });
}

function problemsOf(rules: readonly Rule[], dtos: readonly RuleDto[]) {
  const problems: Array<{ ruleId: string; position: number; field: string; message: string }> = [];
  const seen = new Map<string, number>();
  rules.forEach((rule, i) => {
    for (const p of checkRule(rule)) problems.push(problemDto(p, i + 1));
    // Receipts belong to one booking: a rule that names one would attach it to every booking of the counterparty.
    for (const field of ['receiptNumber', 'receiptFile'] as const) {
      if ((dtos[i]?.actions[field] ?? '').trim() !== '') {
        problems.push({ ruleId: rule.id, position: i + 1, field, message: `Rule ${rule.id}: a rule cannot set the ${FIELD_LABELS[field].toLowerCase()}; a receipt belongs to one booking.` });
      }
    }
    const first = seen.get(rule.id.toUpperCase());
    if (first !== undefined) problems.push({ ruleId: rule.id, position: i + 1, field: 'rule', message: `Rule ${rule.id} appears twice (positions ${first} and ${i + 1}).` });
    else seen.set(rule.id.toUpperCase(), i + 1);
  });
  return problems;
}

function problemDto(p: RuleProblem, position: number) {
  return { ruleId: p.ruleId, position, field: p.field, message: p.message };
}

function usageOf(transactions: Iterable<RuleTransaction>, rules: readonly Rule[]) {
  const { rules: compiled } = compileRules(rules);
  const position = new Map(rules.map((r, i) => [r.id, i + 1]));
  return ruleUsage(transactions, compiled).map((u) => ({ ...u, position: position.get(u.ruleId) ?? 0 }));
}

export function proposalDto(p: RuleProposal): ResponseOf<'listRules'>['proposals'][number] {
  const who = p.counterpartyName !== '' ? p.counterpartyName : printIban(p.iban);
  const values = RULE_ACTION_FIELDS.filter((f) => (p.actions[f] ?? '') !== '').map((f) => `${FIELD_LABELS[f]} ${p.actions[f]}`);
  return {
    key: p.key,
    counterpartyName: p.counterpartyName,
    iban: p.iban,
    actions: { ...emptyAccountingData(), ...p.actions },
    evidence: p.evidence,
    message: `You gave ${who} ${values.join(', ')} on ${p.evidence.length} bookings (${p.evidence.join(', ')}). Create a rule for it?`,
  };
}

// ---- use cases -------------------------------------------------------------------------------------------------------

export function listRules(services: AppsScriptServices): ResponseOf<'listRules'> {
  const open = readBooks(services, { prepare: false });
  const context = openAccounting(services, open);
  const rules = context.rules.map(({ row: _row, ...rule }) => rule);
  const dtos = rules.map(ruleDtoOf);
  const unreadable = context.unreadableRules.map((e) => ({ ruleId: `row ${e.row}`, position: 0, field: e.column ?? 'rule', message: `${describeTableError(e)} — the rule is left out.` }));
  return {
    rules: dtos,
    problems: [...unreadable, ...problemsOf(rules, dtos)],
    usage: usageOf(context.transactions.values(), rules),
    proposals: proposeRules(context.history, context.compiled, dismissedProposals(services)).map(proposalDto),
  };
}

/** The transactions as the rules read them, from the one sheet the editor's live check needs. */
function sheetTransactions(services: AppsScriptServices): Iterable<RuleTransaction> {
  const book = services.SpreadsheetApp.getActiveSpreadsheet();
  const cells = readTableCells(services, book, transactionsTable, book.getSpreadsheetTimeZone());
  return readTransactionRecords(cells, { locale: book.getSpreadsheetLocale(), defaultCurrency: DEFAULT_CURRENCY }).records.map(ruleTransactionOf);
}

export function checkRules(services: AppsScriptServices, request: RequestOf<'checkRules'>): ResponseOf<'checkRules'> {
  const rules = withIds(request.rules);
  return { problems: problemsOf(rules, request.rules), usage: usageOf(sheetTransactions(services), rules) };
}

export function saveRules(services: AppsScriptServices, request: RequestOf<'saveRules'>): ResponseOf<'saveRules'> {
  const rules = withIds(request.rules);
  const problems = problemsOf(rules, request.rules);
  if (problems.length > 0) {
    return { status: 'invalid', problems, message: `Nothing saved: ${problems.length === 1 ? problems[0]!.message : `${problems.length} problems, the first: ${problems[0]!.message}`}` };
  }
  return withDocumentLock(services.LockService, () => {
    const book = services.SpreadsheetApp.getActiveSpreadsheet();
    const place = { book, locale: book.getSpreadsheetLocale(), timeZone: book.getSpreadsheetTimeZone() };
    // A row the editor could not show must not vanish by saving over it: the user fixes it in the sheet first.
    const e = readRulesOf(services, place).unreadableRules[0];
    if (e !== undefined) {
      const message = `Nothing saved: the Rules sheet has a row the editor cannot show (${describeTableError(e)}). Correct it in the sheet, then save again.`;
      return { status: 'invalid', problems: [{ ruleId: `row ${e.row}`, position: 0, field: e.column ?? 'rule', message }], message };
    }
    writeRules(place, rules);
    return { status: 'saved', rules: rules.map(ruleDtoOf), usage: usageOf(sheetTransactions(services), rules), message: `${rules.length} rule(s) saved, in this order.` };
  });
}

/**
 * Replaces the rules below the header with `rules` in one write per block of our columns: rows a shorter list leaves
 * are blanked in the same write, so a rule is never half-written and no stale rule survives below the list.
 */
function writeRules(open: Pick<OpenBooks, 'book' | 'locale'>, rules: readonly Rule[]): void {
  SheetTable.open(open.book, rulesTable);
  const sheet = open.book.getSheetByName(rulesTable.sheetName)!;
  const values = sheet.getDataRange().getValues();
  const state = { spec: rulesTable, sheet, values, columns: locateColumns(rulesTable, values[0] ?? []) };
  const oldRows = Math.max(0, values.length - 1);
  const changes: CellChanges = new Map();
  const blank = Object.fromEntries(rulesTable.columns.map((c) => [c.key, '']));
  for (let i = 0; i < Math.max(oldRows, rules.length); i++) {
    changes.set(i + 2, i < rules.length ? ruleRecord(rules[i]!, DEFAULT_CURRENCY) : blank);
  }
  const needed = rules.length + 1;
  if (needed > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
  writeChanges(state, changes, open.locale);
}

/** The first rule that sets one of the proposal's fields for one of its bookings' transactions, or null. */
function firstShadowingRule(context: ReturnType<typeof openAccounting>, proposal: RuleProposal): string | null {
  const fields = RULE_ACTION_FIELDS.filter((f) => (proposal.actions[f] ?? '') !== '');
  const order = new Map(context.compiled.map((c, i) => [c.rule.id, i]));
  let first: number | null = null;
  for (const id of proposal.evidence) {
    const t = context.transactions.get(context.bookings.find((b) => b.id === id)?.transaction ?? '');
    if (t === undefined) continue;
    const outcome = applyRules(t, context.compiled);
    for (const field of fields) {
      const source = outcome.sources[field];
      const index = source?.kind === 'rule' ? order.get(source.ruleId) : undefined;
      if (index !== undefined && (first === null || index < first)) first = index;
    }
  }
  return first === null ? null : context.compiled[first]!.rule.id;
}

export function answerRuleProposal(services: AppsScriptServices, request: RequestOf<'answerRuleProposal'>): ResponseOf<'answerRuleProposal'> {
  return withDocumentLock(services.LockService, () => {
    const open = readBooks(services, { prepare: false });
    const context = openAccounting(services, open);
    const dismissed = dismissedProposals(services);
    const proposal = proposeRules(context.history, context.compiled, dismissed).find((p) => p.key === request.key);
    if (proposal === undefined) return { status: 'gone', rule: null, message: 'This proposal no longer applies (a rule covers it already, or it was answered).' };
    if (!request.accept) {
      dismissedProperty(services)?.write([...dismissed, proposal.key].slice(-MAX_DISMISSED));
      return { status: 'dismissed', rule: null, message: `No rule for ${proposal.counterpartyName || printIban(proposal.iban)}: it will not be proposed again.` };
    }
    const today = services.Utilities.formatDate(new Date(), open.timeZone, 'yyyy-MM-dd');
    const rule: Rule = {
      id: nextRuleId(context.rules.map((r) => r.id)),
      name: proposal.counterpartyName || printIban(proposal.iban),
      active: true,
      // By IBAN where the bookings had one (names vary between banks), else by name.
      conditions: { ...noConditions(), counterpartyEquals: proposal.iban === '' ? proposal.counterpartyName : '', iban: proposal.iban },
      actions: Object.fromEntries(RULE_ACTION_FIELDS.filter((f) => (proposal.actions[f] ?? '') !== '').map((f) => [f, proposal.actions[f]!])),
      origin: `learned ${today} from ${proposal.evidence.join(', ')}`,
    };
    // Placed before the first rule that would otherwise give these transactions other values (the user overrode it
    // twice: the learned rule must win), else last. Inserting rewrites the list; with a row the reader cannot show in
    // the sheet the rule is appended instead, so that row stays as the user left it.
    const before = firstShadowingRule(context, proposal);
    const sheetRules: Rule[] = context.rules.map(({ row: _row, ...r }) => r);
    const at = before === null || context.unreadableRules.length > 0 ? sheetRules.length : sheetRules.findIndex((r) => r.id === before);
    if (at >= sheetRules.length) SheetTable.open(open.book, rulesTable).appendRows([ruleRecord(rule, DEFAULT_CURRENCY)]);
    else writeRules(open, [...sheetRules.slice(0, at), rule, ...sheetRules.slice(at)]);
    const where = at >= sheetRules.length ? 'as the last rule' : `before rule ${sheetRules[at]!.id}, which gave these bookings other values`;
    return { status: 'created', rule: ruleDtoOf(rule), message: `Rule ${rule.id} created ${where}: ${rule.name}. It applies to new bookings and to "Fill from rules".` };
  });
}
