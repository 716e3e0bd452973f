/**
 * The "Contacts" sheet: clients and other parties, each with the IBANs they pay from. An incoming payment from a known
 * IBAN names its contact even when the purpose names nothing.
 *
 * Several IBANs sit in one cell, separated by `,`, `;` or a line break (spaces inside an IBAN are fine).
 */
import * as z from '../schema';
import { checkIban } from '../iban/iban';
import { keepFirstOf, listCell, readTableRows, requiredText, optionalText, type TableRead } from './cells';
import type { TableSpec } from './table';

export const contactsTable = {
  sheetName: 'Contacts',
  columns: [
    { key: 'id', header: 'Id', kind: 'text', aliases: ['Contact id', 'Kontakt-Id', 'Kundennummer', 'Nr.'] },
    { key: 'name', header: 'Name', kind: 'text', aliases: ['Kontakt', 'Mandant'] },
    { key: 'ibans', header: 'IBANs', kind: 'text', aliases: ['IBAN', 'Bankverbindungen'] },
  ],
} as const satisfies TableSpec;

export interface ContactRow {
  id: string;
  name: string;
  /** Electronic format, each checked (a wrong IBAN here would attach payments to the wrong client). */
  ibans: string[];
}

/** Each IBAN of the cell must be valid; the message names the one that is not. */
const ibanList = z.pipe(
  listCell,
  z.transform((texts: string[], ctx): string[] => {
    const ibans: string[] = [];
    for (const text of texts) {
      const check = checkIban(text);
      if (!check.valid) {
        const what = texts.length === 1 ? 'is' : `holds "${text}", which is`;
        ctx.issues.push({ code: 'custom', message: `${what} not a valid IBAN (${check.reason})`, input: texts });
        return z.NEVER;
      }
      ibans.push(check.electronic);
    }
    return ibans;
  }),
);

const contactSchema = z.object({ id: requiredText, name: optionalText, ibans: ibanList });

export function readContacts(cells: readonly (readonly unknown[])[]): TableRead<ContactRow> {
  return keepFirstOf(readTableRows(contactsTable, cells, contactSchema, ['id']), contactsTable.sheetName, 'id');
}
