/**
 * The export page's server side: the overview, starting and continuing an export, connections and the lists import.
 */
import { TARGET_NAMES } from '../../../core/accounting/requirements';
import type { ApiTarget } from '../../../core/export/remote';
import { accountsTable, taxRatesTable } from '../../../core/tables/reference-lists';
import type { RequestOf, ResponseOf } from '../../../shared/contract';
import { withDocumentLock } from '../../adapters/document-lock';
import type { AppsScriptServices } from '../../platform/apps-script-api';
import { apiSlice, startApiExport } from './api';
import { isApiTarget, readExportBooks, tableErrorTexts } from './bookings';
import { connectionDto, connectionOf } from './connections';
import { fileProblemsOf, runFileExport } from './files';
import { readJob } from './job';
import { inflightIds } from './journal';
import { mergeList } from './lists';
import { readExportSettings } from './settings';
import { accountListsOf } from './targets';

export { connectTarget, disconnectTarget } from './connections';
export { getExportSettings, saveExportSettings } from './settings';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export function exportOverview(services: AppsScriptServices, request: RequestOf<'exportOverview'>): ResponseOf<'exportOverview'> {
  const { target } = request;
  const settings = readExportSettings(services);
  const api = isApiTarget(target);
  const inflight = api ? inflightIds(services, target) : new Set<string>();
  const books = readExportBooks(services, target, settings, inflight, api ? undefined : fileProblemsOf(target, settings));
  const count = (state: string) => books.candidates.filter((c) => c.state === state).length;
  const exportable = count('ready');
  const exported = books.candidates.filter((c) => c.state === 'exported' || c.state === 'receipt-pending').length;
  const incomplete = count('incomplete');
  const pending = count('receipt-pending') + count('unknown');
  const shown = books.candidates.filter((c) => request.showExported || (c.state !== 'exported' && c.state !== 'receipt-pending')).slice(0, request.limit);
  const job = readJob(services);
  const errors = tableErrorTexts(books.errors);
  return {
    target,
    total: books.candidates.length,
    exportable,
    exported,
    incomplete,
    pending,
    items: shown.map((c) => ({
      id: c.booking.id,
      date: c.booking.date,
      amountMinor: c.booking.amountMinor,
      currency: c.booking.currency,
      description: c.booking.description,
      glAccount: c.booking.accounting.glAccount,
      taxRate: c.booking.accounting.taxRate,
      receiptFile: c.booking.accounting.receiptFile,
      state: c.state,
      problems: c.problems,
      exportedTo: c.row.exportedTo,
      exportId: c.row.exportId,
      exportedAt: c.row.exportedAt,
      exportedBy: c.row.exportedBy,
    })),
    connection: api ? connectionDto(services, target) : null,
    run:
      job === null
        ? null
        : { status: 'continuing', jobId: job.jobId, target: job.target, exported: job.exported, receipts: job.receipts, remaining: 0, failed: job.failed, unknown: inflightIds(services, job.target).size, files: [], problems: job.problems, message: `An export to ${TARGET_NAMES[job.target]} started by ${job.startedBy} at ${job.startedAt} is not finished.` },
    message:
      `${plural(exportable, 'booking', 'bookings')} ready for ${TARGET_NAMES[target]}, ${incomplete} incomplete, ${exported} exported` +
      (pending > 0 ? `, ${pending} waiting for a receipt or an answer` : '') +
      '.' +
      (errors.length > 0 ? ` Rows that could not be read: ${errors.join('; ')}` : ''),
  };
}

export function startExport(services: AppsScriptServices, request: RequestOf<'startExport'>): ResponseOf<'startExport'> {
  const { target, selection } = request;
  return isApiTarget(target) ? startApiExport(services, target, selection) : runFileExport(services, target, selection);
}

export function continueExport(services: AppsScriptServices, request: RequestOf<'continueExport'>): ResponseOf<'continueExport'> {
  return apiSlice(services, request.jobId);
}

export function importAccountingLists(services: AppsScriptServices, request: RequestOf<'importAccountingLists'>): ResponseOf<'importAccountingLists'> {
  const target: ApiTarget = request.target;
  const connection = connectionOf(services, target);
  if (connection === null) throw new Error(`Connect ${TARGET_NAMES[target]} first: paste your key under "Connect" on the export page.`);
  const lists = accountListsOf(services, target, connection);
  const book = services.SpreadsheetApp.getActiveSpreadsheet();
  return withDocumentLock(services.LockService, () => {
    const accounts = mergeList(book, accountsTable, lists.accounts);
    const taxRates = lists.taxRates === null ? 0 : mergeList(book, taxRatesTable, lists.taxRates);
    return {
      accounts,
      taxRates,
      message:
        `${plural(accounts, target === 'lexoffice' ? 'posting category' : 'account', target === 'lexoffice' ? 'posting categories' : 'accounts')} imported from ${TARGET_NAMES[target]} into "${accountsTable.sheetName}"` +
        (lists.taxRates === null ? '.' : `, ${plural(taxRates, 'tax rate', 'tax rates')} into "${taxRatesTable.sheetName}".`),
    };
  });
}
