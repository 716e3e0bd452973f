/**
 * Whose IBAN is this? For KM_MATCH_IBAN(iban; contact IBANs; contact names): the contact range is indexed once per
 * call, then each IBAN cell is normalised, validated (ibantools, via iban.ts) and looked up.
 */
import { checkIban } from '../iban/iban';
import type { IbanLookup, IbanLookupResult } from './types';

/** A cell may hold several IBANs: separated by `,`, `;` or line breaks (spaces inside an IBAN are its print format). */
function ibansOf(cell: string | ReadonlyArray<string>): string[] {
  const texts = typeof cell === 'string' ? cell.split(/[,;\n\r]+/) : cell.map((c) => String(c ?? ''));
  return texts.map((t) => t.trim()).filter((t) => t !== '');
}

export function createIbanLookup(
  contactIbans: ReadonlyArray<string | ReadonlyArray<string>>,
  contactNames: ReadonlyArray<string> = [],
): IbanLookup {
  const rowsByIban = new Map<string, number[]>();
  contactIbans.forEach((cell, row) => {
    for (const text of ibansOf(cell ?? '')) {
      const iban = checkIban(text);
      if (!iban.valid) continue;
      const rows = rowsByIban.get(iban.electronic);
      if (rows === undefined) rowsByIban.set(iban.electronic, [row]);
      else if (!rows.includes(row)) rows.push(row);
    }
  });
  return {
    find(text: string): IbanLookupResult {
      const cell = typeof text === 'string' ? text : text === null || text === undefined ? '' : String(text);
      if (cell.trim() === '') return { status: 'blank' };
      const iban = checkIban(cell);
      if (!iban.valid) return { status: 'invalid', reason: iban.reason };
      const rows = rowsByIban.get(iban.electronic);
      if (rows === undefined) return { status: 'not-found', iban: iban.electronic };
      return { status: 'found', iban: iban.electronic, rows: [...rows], names: rows.map((r) => String(contactNames[r] ?? '')) };
    },
  };
}
