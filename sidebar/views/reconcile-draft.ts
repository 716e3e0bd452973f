/**
 * What the user is about to do with one transaction, before the Book button sends it: which invoices it pays (money in)
 * or which payment orders it executes (money out), the booking or the parts of a split, the case labels to change.
 * Plain data and rules, no DOM: the form (reconcile-form.ts) draws it, the page sends `requestOf(draft)`.
 *
 * The proposal fills it in; a search or a chosen case replaces what it points at. Amounts the user types stay text
 * until checked, so that "1.234,5" can be shown back as typed with the reason it is not (yet) an amount.
 */
import type { AccountingDataDto, PrefilledFieldDto } from '../../src/shared/accounting-dto';
import { emptyAccountingData } from '../../src/core/accounting/fields';
import type { InvoiceDto, PaymentDto, RequestOf, ResponseOf } from '../../src/shared/contract';
import { formatAmountInput, formatMoney, parseAmountInput, t } from '../i18n';

export type Loaded = ResponseOf<'getTransaction'>;
export type Assignable = Loaded['assignable'];
export type CaseDto = Assignable['cases'][number];
export type ContactDto = Assignable['contacts'][number];
export type BookingType = Loaded['bookingTypes'][number];
export type Direction = Loaded['transaction']['direction'];
type ReconcileRequest = RequestOf<'reconcileTransaction'>;

/** Ids and numbers are compared without case, as the server does. */
const keyOf = (id: string): string => id.trim().toUpperCase();

export function sameId(a: string, b: string): boolean {
  return keyOf(a) === keyOf(b);
}

/** Everything the sidebar has learnt about cases, invoices, payment orders and contacts while on this transaction. */
export class Pool {
  readonly cases = new Map<string, CaseDto>();
  readonly invoices = new Map<string, InvoiceDto>();
  readonly payments = new Map<string, PaymentDto>();
  readonly contacts = new Map<string, ContactDto>();

  add(found: { cases?: CaseDto[]; invoices?: InvoiceDto[]; payments?: PaymentDto[]; contacts?: ContactDto[] }): void {
    for (const c of found.cases ?? []) this.cases.set(keyOf(c.id), c);
    for (const i of found.invoices ?? []) this.invoices.set(keyOf(i.number), i);
    for (const p of found.payments ?? []) this.payments.set(keyOf(p.number), p);
    for (const c of found.contacts ?? []) this.contacts.set(keyOf(c.id), c);
  }

  theCase(id: string): CaseDto | undefined {
    return id === '' ? undefined : this.cases.get(keyOf(id));
  }

  invoice(number: string): InvoiceDto | undefined {
    return number === '' ? undefined : this.invoices.get(keyOf(number));
  }

  payment(number: string): PaymentDto | undefined {
    return number === '' ? undefined : this.payments.get(keyOf(number));
  }

  contact(id: string): ContactDto | undefined {
    return id === '' ? undefined : this.contacts.get(keyOf(id));
  }

  /** The case's parties (Beteiligte): the contacts a booking on that case may name. */
  partiesOf(caseId: string): ContactDto[] {
    const theCase = this.theCase(caseId);
    if (theCase === undefined) return [];
    return theCase.contactIds.map((id) => this.contact(id) ?? { id, name: id });
  }

  /** The case an invoice or payment order belongs to ("" for none or unknown). */
  caseOfItem(direction: Direction, number: string): string {
    return (direction === 'in' ? this.invoice(number)?.caseId : this.payment(number)?.caseId) ?? '';
  }

  /** Open invoices (money in) or pending payment orders (money out) of a case, in sheet order. */
  openItemsOf(direction: Direction, caseId: string): string[] {
    if (caseId === '') return [];
    return direction === 'in'
      ? [...this.invoices.values()].filter((i) => i.status === 'open' && sameId(i.caseId, caseId)).map((i) => i.number)
      : [...this.payments.values()].filter((p) => p.status === 'pending' && sameId(p.caseId, caseId)).map((p) => p.number);
  }

  isOpenItem(direction: Direction, number: string): boolean {
    return direction === 'in' ? this.invoice(number)?.status === 'open' : this.payment(number)?.status === 'pending';
  }

  itemAmount(direction: Direction, number: string): number | undefined {
    return direction === 'in' ? this.invoice(number)?.amountMinor : this.payment(number)?.amountMinor;
  }

  itemContact(direction: Direction, number: string): string {
    return direction === 'in' ? (this.invoice(number)?.contactId ?? '') : '';
  }
}

export interface Part {
  type: BookingType;
  /** As typed, in the locale's notation. */
  amountText: string;
  caseId: string;
  contactId: string;
  /** The invoice (money in) or payment order (money out) the booking names; "" for none. */
  itemNumber: string;
  description: string;
  /** Its accounting data (Vorkontierung), starting with what rules and learning propose. */
  accounting: AccountingDataDto;
  /** The proposal's machine-filled fields: marked blue while the part keeps their value. */
  machine: PrefilledFieldDto[];
  /** The part's "Accounting" section is open (kept across redraws). */
  accountingOpen: boolean;
}

export interface Draft {
  direction: Direction;
  /** The transaction's amount without sign, in minor units. */
  total: number;
  currency: string;
  bookingTypes: BookingType[];
  description: string;
  /** The contact the proposal named, if any: the default contact of a booking. */
  proposedContact: string;
  /** What rules and learning fill into a booking of this transaction. */
  accounting: { values: AccountingDataDto; prefilled: PrefilledFieldDto[] };
  /** Items offered with a checkbox besides the chosen case's open ones (the proposal's, the one found by a search). */
  extraItems: string[];
  /** The items to mark paid / executed. */
  checked: string[];
  /** The chosen case: its open items are offered, its labels can change. */
  caseId: string;
  book: boolean;
  parts: Part[];
  labelsAdd: string[];
  labelsRemove: string[];
}

/** The draft the proposal makes: its items checked, its case chosen, one booking of the whole amount (or one per item). */
export function draftFromProposal(loaded: Loaded, pool: Pool): Draft {
  const { transaction: tx, proposal } = loaded;
  const direction = tx.direction;
  const numbers = proposal.matches
    .map((m) => m.number)
    .filter((n): n is string => n !== null && (direction === 'in' ? pool.invoice(n) !== undefined : pool.payment(n) !== undefined));
  const items = unique(numbers);
  const caseIds = [
    ...proposal.matches.map((m) => m.caseId ?? ''),
    ...items.map((n) => pool.caseOfItem(direction, n)),
    ...(loaded.assignable.cases.length === 1 ? [loaded.assignable.cases[0]!.id] : []),
  ].filter((id) => id !== '' && pool.theCase(id) !== undefined);
  const proposedContact = proposal.matches.map((m) => m.contactId ?? '').find((id) => id !== '') ?? '';
  const draft: Draft = {
    direction,
    total: Math.abs(tx.amountMinor),
    currency: tx.currency,
    bookingTypes: loaded.bookingTypes,
    description: loaded.description,
    proposedContact,
    // An older server sends no proposal: the fields start empty.
    accounting: loaded.accounting ?? { values: emptyAccountingData(), prefilled: [] },
    extraItems: items,
    checked: items.filter((n) => pool.isOpenItem(direction, n)),
    caseId: caseIds[0] ? pool.theCase(caseIds[0])!.id : '',
    book: loaded.bookingTypes.length > 0,
    parts: [],
    labelsAdd: [],
    labelsRemove: [],
  };
  draft.parts = defaultParts(draft, pool);
  return draft;
}

/**
 * One booking of the whole amount naming the one checked item; or, when several checked items add up to exactly the
 * transaction (one transfer paying two invoices), one part per item with its amount.
 */
export function defaultParts(draft: Draft, pool: Pool): Part[] {
  const type = draft.bookingTypes[0] ?? (draft.direction === 'in' ? 'income' : 'expense');
  const amounts = draft.checked.map((n) => pool.itemAmount(draft.direction, n));
  const perItem = draft.checked.length > 1 && amounts.every((a) => a !== undefined) && amounts.reduce((s: number, a) => s + (a ?? 0), 0) === draft.total;
  if (perItem) {
    return draft.checked.map((number, i) => {
      const caseId = pool.caseOfItem(draft.direction, number) || draft.caseId;
      return part(draft, pool, type, amounts[i]!, caseId, number);
    });
  }
  return [part(draft, pool, type, draft.total, draft.caseId, draft.checked.length === 1 ? draft.checked[0]! : '')];
}

function part(draft: Draft, pool: Pool, type: BookingType, amountMinor: number, caseId: string, itemNumber: string): Part {
  const theCase = pool.theCase(caseId);
  return {
    type,
    amountText: formatAmountInput(amountMinor, draft.currency),
    caseId: theCase?.id ?? '',
    contactId: defaultContact(draft, pool, theCase?.id ?? '', itemNumber),
    itemNumber,
    description: draft.description,
    ...proposedAccounting(draft),
  };
}

/** Every part of the transaction starts with the proposal's accounting data and markers. */
function proposedAccounting(draft: Draft): Pick<Part, 'accounting' | 'machine' | 'accountingOpen'> {
  return { accounting: { ...draft.accounting.values }, machine: draft.accounting.prefilled, accountingOpen: false };
}

/** The invoice's contact, else the proposal's, if a party of the case; else the case's only party. */
export function defaultContact(draft: Draft, pool: Pool, caseId: string, itemNumber: string): string {
  const candidates = [pool.itemContact(draft.direction, itemNumber), draft.proposedContact].filter((id) => id !== '');
  if (caseId === '') return candidates[0] ?? '';
  const parties = pool.partiesOf(caseId);
  for (const id of candidates) {
    const party = parties.find((p) => sameId(p.id, id));
    if (party !== undefined) return party.id;
  }
  return parties.length === 1 ? parties[0]!.id : '';
}

/** The items with a checkbox: the proposal's and the searched ones, then the chosen case's other open ones. */
export function offeredItems(draft: Draft, pool: Pool): string[] {
  return unique([...draft.extraItems, ...draft.checked, ...pool.openItemsOf(draft.direction, draft.caseId)]);
}

/** A case chosen by hand replaces the proposal's: its items, the bookings' case and contact follow. */
export function chooseCase(draft: Draft, pool: Pool, caseId: string): void {
  const previous = draft.caseId;
  draft.caseId = pool.theCase(caseId)?.id ?? '';
  draft.labelsAdd = [];
  draft.labelsRemove = [];
  if (draft.caseId === '' || sameId(previous, draft.caseId)) return;
  const ofOtherCase = (n: string): boolean => {
    const c = pool.caseOfItem(draft.direction, n);
    return c !== '' && !sameId(c, draft.caseId);
  };
  draft.checked = draft.checked.filter((n) => !ofOtherCase(n));
  draft.extraItems = draft.extraItems.filter((n) => !ofOtherCase(n));
  for (const p of draft.parts) {
    if (p.caseId !== '' && !sameId(p.caseId, previous)) continue;
    p.caseId = draft.caseId;
    if (p.itemNumber !== '' && ofOtherCase(p.itemNumber)) p.itemNumber = '';
    p.contactId = defaultContact(draft, pool, p.caseId, p.itemNumber);
  }
}

/** An invoice or payment order chosen by hand: it alone is checked, its case is chosen, the booking names it. */
export function chooseItem(draft: Draft, pool: Pool, number: string): void {
  const caseId = pool.caseOfItem(draft.direction, number);
  if (caseId !== '') chooseCase(draft, pool, caseId);
  draft.extraItems = unique([number, ...draft.extraItems]);
  draft.checked = pool.isOpenItem(draft.direction, number) ? [number] : [];
  if (draft.parts.length === 1) {
    const p = draft.parts[0]!;
    p.itemNumber = number;
    p.contactId = defaultContact(draft, pool, p.caseId, number);
  }
}

/** A contact chosen by hand: the (first) booking names it; a case it is no party of is let go. */
export function chooseContact(draft: Draft, pool: Pool, contactId: string): void {
  const p = draft.parts[0];
  if (p === undefined) return;
  if (p.caseId !== '' && !pool.partiesOf(p.caseId).some((c) => sameId(c.id, contactId))) p.caseId = '';
  p.contactId = pool.contact(contactId)?.id ?? contactId;
}

/** Ticking or unticking an item; a single booking names the only ticked item. */
export function setChecked(draft: Draft, pool: Pool, number: string, checked: boolean): void {
  draft.checked = checked ? unique([...draft.checked, number]) : draft.checked.filter((n) => !sameId(n, number));
  const only = draft.parts.length === 1 ? draft.parts[0]! : undefined;
  if (only === undefined) return;
  if (checked && only.itemNumber === '') {
    only.itemNumber = number;
    only.contactId = defaultContact(draft, pool, only.caseId, number);
  } else if (!checked && sameId(only.itemNumber, number)) {
    only.itemNumber = draft.checked.length === 1 ? draft.checked[0]! : '';
  }
}

/** "Split": another part, taking what is left of the amount (or nothing yet). */
export function addPart(draft: Draft): void {
  const last = draft.parts[draft.parts.length - 1];
  const left = remainingMinor(draft);
  draft.parts.push({
    type: last?.type ?? draft.bookingTypes[0] ?? (draft.direction === 'in' ? 'income' : 'expense'),
    amountText: left !== null && left > 0 ? formatAmountInput(left, draft.currency) : '',
    caseId: last?.caseId ?? draft.caseId,
    contactId: last?.contactId ?? '',
    itemNumber: '',
    description: draft.description,
    ...proposedAccounting(draft),
  });
}

export function removePart(draft: Draft, index: number): void {
  if (draft.parts.length > 1) draft.parts.splice(index, 1);
}

/** What the parts leave of the transaction's amount; null while one of them is not an amount. */
export function remainingMinor(draft: Draft): number | null {
  let sum = 0;
  for (const p of draft.parts) {
    const minor = parseAmountInput(p.amountText, draft.currency);
    if (minor === null) return null;
    sum += minor;
  }
  return draft.total - sum;
}

export function addLabel(draft: Draft, pool: Pool, label: string): void {
  const text = label.trim().replace(/\s+/g, ' ');
  if (text === '' || draft.caseId === '') return;
  const same = (l: string) => l.trim().toLowerCase() === text.toLowerCase();
  if (draft.labelsRemove.some(same)) {
    draft.labelsRemove = draft.labelsRemove.filter((l) => !same(l));
    return;
  }
  if ((pool.theCase(draft.caseId)?.labels ?? []).some(same) || draft.labelsAdd.some(same)) return;
  draft.labelsAdd.push(text);
}

/** Removing a label the case has marks it for removal (again: keeps it); removing a new one forgets it. */
export function toggleLabel(draft: Draft, label: string): void {
  const same = (l: string) => l.toLowerCase() === label.toLowerCase();
  if (draft.labelsAdd.some(same)) draft.labelsAdd = draft.labelsAdd.filter((l) => !same(l));
  else if (draft.labelsRemove.some(same)) draft.labelsRemove = draft.labelsRemove.filter((l) => !same(l));
  else draft.labelsRemove.push(label);
}

export type Checked = { ok: true; request: Omit<ReconcileRequest, 'key' | 'seen'> } | { ok: false; reason: string };

/** The request the Book button sends, or why the button is disabled (in the user's language). */
export function requestOf(draft: Draft): Checked {
  const texts = t();
  const bookings: ReconcileRequest['bookings'] = [];
  if (draft.book) {
    let sum = 0;
    for (const [i, p] of draft.parts.entries()) {
      const minor = parseAmountInput(p.amountText, draft.currency);
      if (minor === null) return { ok: false, reason: texts.reasonAmount(i + 1, p.amountText) };
      if (minor <= 0) return { ok: false, reason: texts.reasonPositive(i + 1) };
      sum += minor;
      bookings.push({
        type: p.type,
        amountMinor: minor,
        caseId: p.caseId === '' ? null : p.caseId,
        contactId: p.contactId === '' ? null : p.contactId,
        invoiceNumber: draft.direction === 'in' && p.itemNumber !== '' ? p.itemNumber : null,
        paymentNumber: draft.direction === 'out' && p.itemNumber !== '' ? p.itemNumber : null,
        description: p.description.trim() === '' ? draft.description : p.description.trim(),
        accounting: trimmedAccounting(p.accounting),
      });
    }
    if (sum !== draft.total) {
      const money = (minor: number) => formatMoney(minor, draft.currency);
      return { ok: false, reason: texts.reasonSum(money(sum), money(draft.total), money(Math.abs(draft.total - sum)), sum < draft.total) };
    }
  }
  if (bookings.length === 0 && draft.checked.length === 0) return { ok: false, reason: texts.reasonNothing };
  const labels = draft.caseId !== '' && (draft.labelsAdd.length > 0 || draft.labelsRemove.length > 0)
    ? [{ caseId: draft.caseId, add: [...draft.labelsAdd], remove: [...draft.labelsRemove] }]
    : [];
  return {
    ok: true,
    request: {
      markInvoicesPaid: draft.direction === 'in' ? [...draft.checked] : [],
      markPaymentsExecuted: draft.direction === 'out' ? [...draft.checked] : [],
      bookings,
      labels,
    },
  };
}

/** The accounting data as sent: spaces around a typed value are not part of it. */
export function trimmedAccounting(data: AccountingDataDto): AccountingDataDto {
  return {
    glAccount: data.glAccount.trim(),
    taxRate: data.taxRate.trim(),
    partner: data.partner.trim(),
    costCentre: data.costCentre.trim(),
    costObject: data.costObject.trim(),
    receiptNumber: data.receiptNumber.trim(),
    receiptFile: data.receiptFile.trim(),
    comment: data.comment.trim(),
  };
}

function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = keyOf(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
