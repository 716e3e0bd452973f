/**
 * The lists the accounting dropdowns offer: "Accounts" (the chart of accounts, Kontenrahmen), "Tax rates", "Cost centres"
 * (Kostenstellen) and "Projects" (Kostenträger). The firm keeps them as sheets (or imports them from its accounting
 * system); the Bookings sheet's data validation and the sidebar read the same cells.
 */
import * as z from '../schema';
import { keepFirstOf, optionalText, readTableRows, requiredText, type TableRead } from './cells';
import type { TableSpec } from './table';

export const accountsTable = {
  sheetName: 'Accounts',
  columns: [
    { key: 'code', header: 'Account', kind: 'text', aliases: ['Konto', 'Sachkonto', 'Kontonummer', 'Number'] },
    { key: 'name', header: 'Name', kind: 'text', aliases: ['Bezeichnung', 'Kontobezeichnung'] },
    { key: 'type', header: 'Type', kind: 'text', aliases: ['Typ', 'Art'] },
  ],
} as const satisfies TableSpec;

export const taxRatesTable = {
  sheetName: 'Tax rates',
  columns: [
    { key: 'code', header: 'Rate', kind: 'text', aliases: ['Satz', 'Steuersatz'] },
    { key: 'name', header: 'Name', kind: 'text', aliases: ['Bezeichnung'] },
    { key: 'key', header: 'Code', kind: 'text', aliases: ['BU-Schlüssel', 'Steuerschlüssel'] },
  ],
} as const satisfies TableSpec;

export const costCentresTable = {
  sheetName: 'Cost centres',
  columns: [
    { key: 'code', header: 'Code', kind: 'text', aliases: ['Kostenstelle', 'Nummer'] },
    { key: 'name', header: 'Name', kind: 'text', aliases: ['Bezeichnung'] },
  ],
} as const satisfies TableSpec;

export const projectsTable = {
  sheetName: 'Projects',
  columns: [
    { key: 'code', header: 'Code', kind: 'text', aliases: ['Projekt', 'Kostenträger', 'Nummer'] },
    { key: 'name', header: 'Name', kind: 'text', aliases: ['Bezeichnung'] },
  ],
} as const satisfies TableSpec;

export const referenceListTables = [accountsTable, taxRatesTable, costCentresTable, projectsTable] as const;

export interface ListEntry {
  code: string;
  name: string;
  /** Accounts: `income`, `expense`, … as the firm writes it; '' elsewhere. */
  type: string;
}

const entrySchema = z.object({ code: requiredText, name: optionalText, type: z._default(optionalText, '') });

/** One list (header row first); a code that repeats is reported and its first row kept. */
export function readReferenceList(spec: TableSpec, cells: readonly (readonly unknown[])[]): TableRead<ListEntry> {
  const read = readTableRows(spec, cells, entrySchema, ['code']);
  const records = read.records.map((r) => ({ code: r.code, name: r.name, type: r.type ?? '', row: r.row }));
  return keepFirstOf({ ...read, records }, spec.sheetName, 'code');
}
