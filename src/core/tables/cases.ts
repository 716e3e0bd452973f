/**
 * The "Cases" sheet: matters or projects (Akten) the firm works on, each with its contacts. A payment that quotes a case
 * number (Aktenzeichen, e.g. `Az. 00012/26`) belongs to that case even without an invoice number.
 *
 * Contact ids and labels: several per cell, separated by `,`, `;` or a line break.
 */
import * as z from '../schema';
import { keepFirstOf, listCell, optionalText, readTableRows, requiredText, statusCell, type TableRead } from './cells';
import type { TableSpec } from './table';

export const casesTable = {
  sheetName: 'Cases',
  columns: [
    { key: 'id', header: 'Id', kind: 'text', aliases: ['Case id', 'Aktenzeichen', 'Az.', 'Akte'] },
    { key: 'name', header: 'Name', kind: 'text', aliases: ['Bezeichnung', 'Rubrum', 'Kurzrubrum'] },
    { key: 'contactIds', header: 'Contact ids', kind: 'text', aliases: ['Contacts', 'Kontakte', 'Mandanten', 'Beteiligte'] },
    { key: 'status', header: 'Status', kind: 'text' },
    { key: 'labels', header: 'Labels', kind: 'text', aliases: ['Schlagworte', 'Kategorien', 'Tags'] },
  ],
} as const satisfies TableSpec;

export type CaseStatus = 'active' | 'archived';

export interface CaseRow {
  id: string;
  name: string;
  contactIds: string[];
  status: CaseStatus;
  labels: string[];
}

/** Blank is "active": a case is worked on until someone archives it. */
const caseStatus = statusCell<CaseStatus>(
  {
    active: 'active', aktiv: 'active', open: 'active', offen: 'active', laufend: 'active',
    archived: 'archived', archiviert: 'archived', abgelegt: 'archived', closed: 'archived', geschlossen: 'archived',
  },
  'active',
  'active or archived',
);

const caseSchema = z.object({ id: requiredText, name: optionalText, contactIds: listCell, status: caseStatus, labels: listCell });

export function readCases(cells: readonly (readonly unknown[])[]): TableRead<CaseRow> {
  return keepFirstOf(readTableRows(casesTable, cells, caseSchema, ['id']), casesTable.sheetName, 'id');
}
