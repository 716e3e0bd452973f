/**
 * Pre-accounting in the sidebar (Vorkontierung): the dropdowns' lists, the bookings with what they still miss for the
 * export target, editing and splitting one booking, and filling every booking from the rules in one write.
 *
 * Like reconciliation, every change runs under the document lock on the books as read inside it; an exported booking
 * is never changed.
 */
import { formatPrefilled, type Prefilled } from '../../core/accounting/fields';
import { proposeRules } from '../../core/accounting/learning';
import { planAutoFill } from '../../core/accounting/prefill';
import { exportTargets, requiredFields } from '../../core/accounting/requirements';
import { planBookingAccounting } from '../../core/reconcile/split';
import { accountingCells, bookingsTable, nextBookingNumber, type BookingRow } from '../../core/tables/bookings';
import { contactsTable, readContacts } from '../../core/tables/contacts';
import { readReferenceList, referenceListTables, type ListEntry } from '../../core/tables/reference-lists';
import { minorToDecimal } from '../../core/money/currency';
import { formatMinor } from '../../core/money/amount';
import type { RequestOf, ResponseOf } from '../../shared/contract';
import { withDocumentLock } from '../adapters/document-lock';
import { SheetTable } from '../adapters/sheet-table';
import type { AppsScriptServices } from '../platform/apps-script-api';
import { activeOf, extraRequiredFor, missingFor, openAccounting, prefilledList, readAccountingSettings, readRulesOf, type AccountingContext } from './accounting-context';
import { ensureBookingValidation } from './booking-validation';
import { inflightIds } from './export/journal';
import { rowsLockedForMe } from './export/protection';
import { DEFAULT_CURRENCY, readBooks, readTableCells, type OpenBooks } from './books';
import { userEmail } from './import-statement';
import { bookingRecord, lockSafeRuns, markPrefilled, writeChanges, type CellChanges } from './ledger';
import { bookingDto } from './reconcile';
import { dismissedProposals, proposalDto } from './rules';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

// ---- lists -----------------------------------------------------------------------------------------------------------

export function accountingLists(services: AppsScriptServices): ResponseOf<'accountingLists'> {
  const book = services.SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = book.getSpreadsheetTimeZone();
  const list = (index: number): ListEntry[] => readReferenceList(referenceListTables[index]!, readTableCells(services, book, referenceListTables[index]!, timeZone)).records;
  const [accounts, taxRates, costCentres, projects] = [0, 1, 2, 3].map(list) as [ListEntry[], ListEntry[], ListEntry[], ListEntry[]];
  const contacts = readContacts(readTableCells(services, book, contactsTable, timeZone)).records;
  // Suppliers and customers used before: read from the one column, not the whole ledger.
  const used = SheetTable.find(book, bookingsTable)?.readColumn('partner').map((cell) => String(cell).trim()) ?? [];
  const partners = [...new Set([...contacts.map((c) => c.name.trim()), ...used].filter((p) => p !== ''))].sort((a, b) => a.localeCompare(b));
  const settings = readAccountingSettings(services);
  return {
    accounts: accounts.map((a) => ({ code: a.code, name: a.name, type: a.type })),
    taxRates: taxRates.map((r) => ({ code: r.code, name: r.name })),
    costCentres: costCentres.map((c) => ({ code: c.code, name: c.name })),
    projects: projects.map((p) => ({ code: p.code, name: p.name })),
    partners,
    target: settings.target,
    required: exportTargets.map((target) => ({ target, fields: requiredFields(target, extraRequiredFor(settings, target)) })),
  };
}

// ---- overview --------------------------------------------------------------------------------------------------------

export function preAccountingOverview(services: AppsScriptServices, request: RequestOf<'preAccountingOverview'>): ResponseOf<'preAccountingOverview'> {
  const open = readBooks(services, { prepare: false });
  const context = openAccounting(services, open);
  const { settings } = context;
  let exported = 0;
  let complete = 0;
  let machineFilled = 0;
  const items: ResponseOf<'preAccountingOverview'>['items'] = [];
  for (const b of open.books.bookings) {
    if (b.exportedTo !== '') {
      exported++;
      continue;
    }
    const missing = missingFor(settings, b);
    const active = activeOf(b);
    if (missing.length === 0) complete++;
    if (Object.keys(active).length > 0) machineFilled++;
    if ((request.filter === 'all' || missing.length > 0) && items.length < request.limit) {
      items.push({
        bookingId: b.id,
        transactionKey: b.transaction,
        date: b.date,
        amountMinor: b.amountMinor,
        currency: b.currency,
        description: b.description,
        counterpartyName: context.transactions.get(b.transaction)?.counterpartyName ?? '',
        caseId: b.case,
        accounting: b.accounting,
        taxAmountMinor: b.taxAmountMinor,
        prefilled: prefilledList(active),
        missing,
        exportedTo: b.exportedTo,
      });
    }
  }
  const total = open.books.bookings.length;
  const notExported = total - exported;
  const proposals = proposalsOf(services, context);
  const unbalanced = unbalancedTransactions(open);
  return {
    target: settings.target,
    total,
    exported,
    complete,
    incomplete: notExported - complete,
    machineFilled,
    items,
    proposals,
    message:
      total === 0
        ? 'There are no bookings yet: reconcile transactions first.'
        : `${plural(notExported, 'booking', 'bookings')} not exported: ${complete} complete for ${settings.target}, ${notExported - complete} missing a required field.` +
          (context.problems.length > 0 ? ` ${plural(context.problems.length, 'rule is', 'rules are')} left out: ${context.problems[0]}` : '') +
          (unbalanced.length > 0 ? ` The bookings of ${plural(unbalanced.length, 'transaction do', 'transactions do')} not add up to it: ${unbalanced.slice(0, 3).join('; ')}.` : ''),
  };
}

/**
 * Transactions whose bookings add up to another amount than the transaction's — a split whose new parts were never
 * appended (an execution killed between its two writes), or a booking edited by hand — in words, for the user to fix.
 */
function unbalancedTransactions(open: OpenBooks): string[] {
  const sums = new Map<string, number>();
  for (const b of open.books.bookings) if (b.transaction !== '') sums.set(b.transaction, (sums.get(b.transaction) ?? 0) + b.amountMinor);
  return open.books.transactions.flatMap((t) => {
    const sum = sums.get(t.key);
    if (sum === undefined || sum === t.amountMinor) return [];
    return [`row ${t.row} (${t.counterpartyName || t.purpose.slice(0, 30)}): ${formatMinor(sum, t.currency)} of ${formatMinor(t.amountMinor, t.currency)} ${t.currency}`];
  });
}

function proposalsOf(services: AppsScriptServices, context: AccountingContext) {
  const dismissed = dismissedProposals(services);
  return proposeRules(context.history, context.compiled, dismissed).map(proposalDto);
}

// ---- one booking -----------------------------------------------------------------------------------------------------

export function saveBookingAccounting(services: AppsScriptServices, request: RequestOf<'saveBookingAccounting'>): ResponseOf<'saveBookingAccounting'> {
  return withDocumentLock(services.LockService, () => {
    const open = readBooks(services, { prepare: [bookingsTable] });
    const booking = open.books.bookings.find((b) => b.id.toUpperCase() === request.bookingId.trim().toUpperCase());
    if (booking === undefined) return { status: 'refused', message: `There is no booking ${request.bookingId} in the Bookings sheet (any more). Reload the list.` };
    if (inflightIds(services).has(booking.id)) {
      return { status: 'refused', message: `${booking.id} was sent to an accounting system without a clear answer yet: it can be changed once the next export has looked it up there.` };
    }
    if (Math.abs(booking.amountMinor) !== Math.abs(request.seen.amountMinor)) {
      return { status: 'refused', message: `Booking ${booking.id} (row ${booking.row}) has changed since it was shown: its amount is now ${minorToDecimal(booking.amountMinor, booking.currency)} ${booking.currency}. Reload it.` };
    }
    const planned = planBookingAccounting(booking, request.parts, activeOf(booking), nextBookingNumber(open.books.bookings.map((b) => b.id)));
    if (!planned.ok) return { status: 'refused', message: planned.message };
    const { updated, added } = planned.plan;
    // The booking's own row first: an execution that dies before the new parts are appended leaves the parts short (the
    // overview names the transaction), never a part twice — and a retry is refused because the amount changed.
    writeChanges(open.sheets.bookings, new Map([[updated.row, accountingRow(updated)]]), open.locale);
    markPrefilled(open.sheets.bookings, updated.row, [updated.prefilled]);
    if (added.length > 0) {
      const stamp = new Date();
      const by = userEmail(services);
      const records = added.map((b) => ({ ...bookingRecord(b, stamp), createdBy: by }));
      const { firstRow } = open.table(bookingsTable).appendRows(records);
      markPrefilled(open.sheets.bookings, firstRow, added.map((b) => b.prefilled));
    }
    ensureBookingValidation(services, open);
    // What the user just assigned may complete a proposal: learn again from the books as written (rules as read).
    const after = [...open.books.bookings.filter((b) => b.row !== updated.row), updated, ...added.map((b) => ({ ...b, row: 0 }))];
    const context = openAccounting(services, { ...open, books: { ...open.books, bookings: after } }, readRulesOf(services, open));
    const proposal = proposalsOf(services, context).find((p) => p.evidence.some((id) => id === updated.id || added.some((b) => b.id === id))) ?? null;
    const bookings = [updated, ...added].map((b) => bookingDto(b, context.settings));
    return {
      status: 'saved',
      bookings,
      proposal,
      message: added.length === 0 ? `Booking ${updated.id} saved.` : `Booking ${updated.id} split into ${added.length + 1} parts: ${[updated, ...added].map((b) => b.id).join(', ')}.`,
    };
  });
}

/** The cells of a booking row that pre-accounting changes. */
function accountingRow(b: BookingRow): Record<string, unknown> {
  return {
    amount: minorToDecimal(b.amountMinor, b.currency),
    ...accountingCells(b.accounting),
    taxAmount: b.taxAmountMinor === null ? '' : minorToDecimal(b.taxAmountMinor, b.currency),
    prefilled: formatPrefilled(b.prefilled),
  };
}

// ---- everything at once ----------------------------------------------------------------------------------------------

export function autoFillBookings(services: AppsScriptServices): ResponseOf<'autoFillBookings'> {
  return withDocumentLock(services.LockService, () => {
    // Only the Bookings sheet is written: the other tables are read, never created here.
    const open = readBooks(services, { prepare: [bookingsTable] });
    const context = openAccounting(services, open);
    const plan = planAutoFill(context.bookings, context.transactions, context.compiled);
    writeAutoFill(services, open, plan.changes);
    ensureBookingValidation(services, open);
    const problems = context.ruleProblems.map((p) => ({
      ruleId: p.ruleId,
      position: Math.max(1, context.rules.findIndex((r) => r.id === p.ruleId) + 1),
      field: p.field,
      message: p.message,
    }));
    const left = context.problems.length;
    return {
      considered: plan.considered,
      changed: plan.changes.length,
      fieldsFilled: plan.fieldsFilled,
      exportedLeftAlone: plan.exportedLeftAlone,
      problems,
      message:
        `${plural(plan.changes.length, 'booking', 'bookings')} of ${plan.considered} filled from the rules (${plural(plan.fieldsFilled, 'field', 'fields')})` +
        (plan.exportedLeftAlone > 0 ? `; ${plan.exportedLeftAlone} exported left alone` : '') +
        (left > 0 ? `; ${plural(left, 'rule', 'rules')} left out: ${context.problems[0]}` : '') +
        '.',
    };
  });
}

/**
 * Every change in one block over the changed rows (one format and one value call per block of adjacent columns), and
 * the blue markers in one more call per block: 3 calls for 10,000 bookings as for 3.
 */
function writeAutoFill(services: AppsScriptServices, open: OpenBooks, changes: ReturnType<typeof planAutoFill>['changes']): void {
  if (changes.length === 0) return;
  const byRow: CellChanges = new Map();
  const currencyOf = new Map(open.books.bookings.map((b) => [b.row, b.currency]));
  for (const c of changes) {
    const currency = currencyOf.get(c.row) ?? DEFAULT_CURRENCY;
    byRow.set(c.row, {
      ...accountingCells(c.data),
      taxAmount: c.taxAmountMinor === null ? '' : minorToDecimal(c.taxAmountMinor, currency),
      prefilled: formatPrefilled(c.prefilled),
    });
  }
  // Exported rows protected against this user (a colleague's export): the blocks go around them, never over them.
  const locked = rowsLockedForMe(services, open.sheets.bookings.sheet);
  const marks = new Map<number, Prefilled>(open.books.bookings.map((b) => [b.row, activeOf(b)]));
  for (const c of changes) marks.set(c.row, c.prefilled);
  for (const run of lockSafeRuns(changes.map((c) => c.row), locked)) {
    writeChanges(open.sheets.bookings, new Map(run.map((row) => [row, byRow.get(row)!])), open.locale);
    const first = run[0]!;
    const last = run[run.length - 1]!;
    markPrefilled(open.sheets.bookings, first, Array.from({ length: last - first + 1 }, (_, i) => marks.get(first + i) ?? {}));
  }
}
