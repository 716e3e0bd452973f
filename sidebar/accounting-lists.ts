/**
 * The values the accounting dropdowns offer (GL accounts, tax rates, cost centres, projects, suppliers and customers)
 * and what each export target requires: asked for once per sidebar session (`accountingLists`, a second or so in Apps
 * Script) and kept. The dropdowns are `<input list>` fields over one set of `<datalist>` elements in the document, so
 * a list that arrives after a form was drawn fills every field at once, and a value not in the list (a rule naming an
 * account the chart does not have yet) is still shown as it is.
 */
import type { AccountingField } from '../src/core/accounting/fields';
import type { AccountingListsDto } from '../src/shared/accounting-dto';
import { h, replaceChildren } from './dom';
import { server } from './server';

export type ListName = 'accounts' | 'taxRates' | 'costCentres' | 'projects' | 'partners';

/** The list each dropdown field offers; the other fields are typed freely. */
export const LIST_OF: Partial<Record<AccountingField, ListName>> = {
  glAccount: 'accounts',
  taxRate: 'taxRates',
  partner: 'partners',
  costCentre: 'costCentres',
  costObject: 'projects',
};

export function datalistId(list: ListName): string {
  return `km-list-${list}`;
}

let cached: AccountingListsDto | null = null;
let pending: Promise<AccountingListsDto | null> | null = null;
const listeners: Array<(lists: AccountingListsDto) => void> = [];

export function cachedLists(): AccountingListsDto | null {
  return cached;
}

/** Called whenever the lists arrive (again): a form shows the names next to codes typed before. */
export function onLists(listener: (lists: AccountingListsDto) => void): void {
  listeners.push(listener);
}

/**
 * The lists, from the cache or the server. Never fails: without them (the server could not read the sheets) the fields
 * are plain text boxes, and null is returned.
 */
export function loadLists(): Promise<AccountingListsDto | null> {
  if (cached !== null) return Promise.resolve(cached);
  if (pending === null) {
    pending = server.accountingLists({}).then(
      (lists) => {
        useLists(lists);
        return lists;
      },
      () => {
        pending = null;
        return null;
      },
    );
  }
  return pending;
}

/** Puts lists in the cache and the datalists (also what the settings page got after saving a new export target). */
export function useLists(lists: AccountingListsDto): void {
  cached = lists;
  pending = null;
  renderDatalists(lists);
  for (const listener of listeners) listener(lists);
}

/** Forgets the lists (the export target changed): the next `loadLists` asks the server again. */
export function forgetLists(): void {
  cached = null;
  pending = null;
}

function entries(lists: AccountingListsDto, list: ListName): Array<{ code: string; name: string }> {
  return list === 'partners' ? lists.partners.map((name) => ({ code: name, name: '' })) : lists[list];
}

function renderDatalists(lists: AccountingListsDto): void {
  let box = document.getElementById('km-datalists');
  if (box === null) {
    box = h('div', { id: 'km-datalists', hidden: true });
    document.body.append(box);
  }
  const names: ListName[] = ['accounts', 'taxRates', 'costCentres', 'projects', 'partners'];
  replaceChildren(
    box,
    ...names.map((list) =>
      h(
        'datalist',
        { id: datalistId(list) },
        // "code – name", so the user picks by name and the field keeps the code the sheet and the export need.
        ...entries(lists, list).map((e) => h('option', { value: e.code, label: e.name === '' ? e.code : `${e.code} – ${e.name}` })),
      ),
    ),
  );
}

/** The name of a code in its list ("Telefon" for 4920), '' when the list does not have it. */
export function nameOf(field: AccountingField, code: string): string {
  const list = LIST_OF[field];
  if (list === undefined || list === 'partners' || cached === null || code.trim() === '') return '';
  const wanted = code.trim().toLowerCase();
  return cached[list].find((e) => e.code.trim().toLowerCase() === wanted)?.name ?? '';
}

/** The fields a target requires (with the firm's own additions), from the lists. */
export function requiredFor(target: string): AccountingField[] {
  return cached?.required.find((r) => r.target === target)?.fields ?? [];
}
