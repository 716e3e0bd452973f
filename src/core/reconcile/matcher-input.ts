/**
 * The matcher's view of the bookkeeper's tables: invoices and payment orders as open items, contacts with their IBANs,
 * cases with their parties. Shared by "Match transactions", the sidebar's proposals and the automatic run, so that all
 * three propose the same thing for the same transaction.
 */
import type { Contact, MatcherInput, MatchSettings } from '../matching/types';
import type { CaseRow } from '../tables/cases';
import type { ContactRow } from '../tables/contacts';
import type { InvoiceRow } from '../tables/invoices';
import type { PaymentRow } from '../tables/payments';

export function matcherInput(
  tables: { invoices: readonly InvoiceRow[]; payments: readonly PaymentRow[]; contacts: readonly ContactRow[]; cases: readonly CaseRow[] },
  settings: Partial<MatchSettings>,
): MatcherInput {
  const parties = partiesOf(tables.contacts, tables.payments);
  return {
    items: [
      ...tables.invoices.map((i) => ({
        number: i.number, kind: 'invoice' as const, amountMinor: i.amountMinor, currency: i.currency,
        contactId: i.contact === '' ? null : i.contact, caseId: i.case === '' ? null : i.case, status: i.status,
      })),
      ...tables.payments.map((p) => ({
        number: p.number, kind: 'payment' as const, amountMinor: Math.abs(p.amountMinor), currency: p.currency,
        contactId: p.iban === null ? null : (parties.contactOfIban.get(p.iban) ?? null), caseId: p.case === '' ? null : p.case, status: p.status,
      })),
    ],
    contacts: parties.contacts,
    cases: tables.cases.map((c) => ({ id: c.id, name: c.name, contactIds: c.contactIds, status: c.status })),
    settings,
  };
}

/**
 * The matcher knows parties as contacts with IBANs. A payment order names its payee by IBAN: that IBAN's contact if the
 * Contacts sheet has one, else a contact made for the payee (`payee:IBAN`), so that a debit to that IBAN counts as
 * evidence for the order just as a client's IBAN does for an invoice.
 */
function partiesOf(contacts: readonly ContactRow[], payments: readonly PaymentRow[]): { contacts: Contact[]; contactOfIban: Map<string, string> } {
  const all: Contact[] = contacts.map((c) => ({ id: c.id, name: c.name, ibans: c.ibans }));
  const contactOfIban = new Map<string, string>();
  for (const c of contacts) for (const iban of c.ibans) if (!contactOfIban.has(iban)) contactOfIban.set(iban, c.id);
  for (const p of payments) {
    if (p.iban === null || contactOfIban.has(p.iban)) continue;
    const id = `payee:${p.iban}`;
    contactOfIban.set(p.iban, id);
    all.push({ id, name: p.payee, ibans: [p.iban] });
  }
  return { contacts: all, contactOfIban };
}
