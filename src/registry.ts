/**
 * The one registry of everything Apps Script must see as a top-level function.
 *
 * esbuild drops comments and wraps the bundle, so Apps Script would see neither our functions nor the `@customfunction`
 * JSDoc that Sheets' autocomplete reads. `build/generate-entry.ts` writes, from this registry, a plain top-level function
 * for each entry (named parameters, JSDoc) that forwards to the bundle. The bundle test checks both directions: every entry
 * here exists in the bundle, and nothing the bundle implements is missing here.
 */
import { methodNames } from './shared/contract';

/** Apps Script's own triggers and the menu's handlers: called with the event object, or nothing. */
export const triggers = ['onOpen', 'onInstall'] as const;

/** The sidebar's pages; a menu entry opens the sidebar on one of them. */
export const sidebarPages = ['reconcile', 'import', 'run', 'accounting', 'rules', 'bookings', 'settings', 'help'] as const;
export type SidebarPage = (typeof sidebarPages)[number];

export interface MenuEntry {
  /** Function name (top level). */
  fn: string;
  label: { en: string; de: string };
  /** The sidebar page it opens. */
  page: SidebarPage;
}

/** The add-on menu ("Erweiterungen → Kontomatch"), in order. */
export const menu: MenuEntry[] = [
  { fn: 'showSidebar', label: { en: 'Open sidebar', de: 'Seitenleiste öffnen' }, page: 'reconcile' },
  { fn: 'showImport', label: { en: 'Import statement', de: 'Kontoauszug importieren' }, page: 'import' },
  { fn: 'showAutoRun', label: { en: 'Run automatic matching', de: 'Automatischen Abgleich starten' }, page: 'run' },
  { fn: 'showPreAccounting', label: { en: 'Pre-accounting', de: 'Vorkontierung' }, page: 'accounting' },
  { fn: 'showRules', label: { en: 'Rules', de: 'Regeln' }, page: 'rules' },
  { fn: 'showExport', label: { en: 'Export bookings', de: 'Buchungen exportieren' }, page: 'bookings' },
  { fn: 'showSettings', label: { en: 'Settings', de: 'Einstellungen' }, page: 'settings' },
  { fn: 'showHelp', label: { en: 'Help', de: 'Hilfe' }, page: 'help' },
];

export interface CustomFunctionParam {
  name: string;
  doc: string;
  optional?: boolean;
}

export interface CustomFunctionEntry {
  name: string;
  summary: string;
  params: CustomFunctionParam[];
  returns: string;
  /**
   * A formula as the user types it. Sheets separates arguments with `,` in an English spreadsheet and with `;` (decimal
   * comma) in a German one, but the `@customfunction` JSDoc is fixed at build time: it shows both, and the sidebar's help
   * shows the one of the user's locale.
   */
  example?: { en: string; de: string };
}

/**
 * Custom functions (cells call them). Each takes a single value or a whole range and returns the same shape: Google
 * advises ranges because every call is a separate server round trip.
 */
export const customFunctions: CustomFunctionEntry[] = [
  {
    name: 'KM_IBAN_VALID',
    summary: 'Checks IBANs (length, country format and check digits). Blank cells stay blank.',
    params: [{ name: 'ibans', doc: 'An IBAN or a range of IBANs, with or without spaces.' }],
    returns: 'TRUE for a valid IBAN, FALSE otherwise; an array of the same shape for a range.',
    example: { en: '=KM_IBAN_VALID(D2:D)', de: '=KM_IBAN_VALID(D2:D)' },
  },
  {
    name: 'KM_IBAN_FORMAT',
    summary: 'Prints IBANs in groups of four (DE89 3704 0044 0532 0130 00). Blank cells stay blank.',
    params: [{ name: 'ibans', doc: 'An IBAN or a range of IBANs.' }],
    returns: 'The IBAN in print format, or an error text for an invalid one.',
    example: { en: '=KM_IBAN_FORMAT(D2:D)', de: '=KM_IBAN_FORMAT(D2:D)' },
  },
  {
    name: 'KM_JARO_WINKLER',
    summary: 'Similarity of two texts from 0 (nothing alike) to 1 (equal), Jaro-Winkler. Blank cells stay blank.',
    params: [
      { name: 'a', doc: 'A text or a range of texts.' },
      { name: 'b', doc: 'A text, or a range of the same size as a (compared pairwise).' },
    ],
    returns: 'A number from 0 to 1, or an array of the same shape for ranges.',
    example: { en: '=KM_JARO_WINKLER(A2:A, B2:B)', de: '=KM_JARO_WINKLER(A2:A; B2:B)' },
  },
  {
    name: 'KM_MATCH_INVOICE',
    summary:
      'Finds the invoice number each payment purpose quotes: exact first, else the most similar (typos). Blank when none fits.',
    params: [
      { name: 'purposes', doc: 'A purpose (Verwendungszweck) or a range of them, e.g. Transactions!E2:E.' },
      { name: 'invoice_numbers', doc: 'The range of invoice numbers, e.g. Invoices!A2:A (blank cells and headers are skipped).' },
      { name: 'threshold', doc: 'Least similarity for a number with a typo, greater than 0 and at most 1; default 0.9.', optional: true },
    ],
    returns: 'The invoice number per purpose; all of them, separated by commas, when a purpose quotes several.',
    example: { en: '=KM_MATCH_INVOICE(E2:E, Invoices!A2:A, 0.9)', de: '=KM_MATCH_INVOICE(E2:E; Invoices!A2:A; 0,9)' },
  },
  {
    name: 'KM_MATCH_SCORE',
    summary: 'How sure KM_MATCH_INVOICE is of each purpose\'s invoice number: 1 for an exact hit, the similarity for a typo.',
    params: [
      { name: 'purposes', doc: 'A purpose or a range of them.' },
      { name: 'invoice_numbers', doc: 'The range of invoice numbers, e.g. Invoices!A2:A.' },
      { name: 'threshold', doc: 'As for KM_MATCH_INVOICE; default 0.9.', optional: true },
    ],
    returns: 'A number from 0 to 1 per purpose; blank when no number fits.',
    example: { en: '=KM_MATCH_SCORE(E2:E, Invoices!A2:A)', de: '=KM_MATCH_SCORE(E2:E; Invoices!A2:A)' },
  },
  {
    name: 'KM_MATCH_REASON',
    summary: 'Says in words why KM_MATCH_INVOICE chose its invoice number, or that none was found.',
    params: [
      { name: 'purposes', doc: 'A purpose or a range of them.' },
      { name: 'invoice_numbers', doc: 'The range of invoice numbers, e.g. Invoices!A2:A.' },
      { name: 'threshold', doc: 'As for KM_MATCH_INVOICE; default 0.9.', optional: true },
    ],
    returns: 'A text per purpose.',
    example: { en: '=KM_MATCH_REASON(E2:E, Invoices!A2:A)', de: '=KM_MATCH_REASON(E2:E; Invoices!A2:A)' },
  },
  {
    name: 'KM_MATCH_IBAN',
    summary: 'Names the contact who pays from each IBAN, looked up in the contacts\' IBANs. Blank when no contact has it.',
    params: [
      { name: 'ibans', doc: 'An IBAN or a range of IBANs, e.g. Transactions!D2:D.' },
      { name: 'contact_ibans', doc: 'The contacts\' IBANs, e.g. Contacts!C2:C; several in one cell separated by , or ; or a line break.' },
      { name: 'contact_names', doc: 'The contacts\' names, same rows as contact_ibans, e.g. Contacts!B2:B.' },
    ],
    returns: 'The contact\'s name per IBAN, or an error text for an invalid IBAN.',
    example: { en: '=KM_MATCH_IBAN(D2:D, Contacts!C2:C, Contacts!B2:B)', de: '=KM_MATCH_IBAN(D2:D; Contacts!C2:C; Contacts!B2:B)' },
  },
];

/** Functions the sidebar calls through `google.script.run`: exactly the contract's methods. */
export const sidebarEndpoints: readonly string[] = methodNames;

/** Menu handlers, triggers and sidebar endpoints: everything generated as `function name(arg)`. */
export function serverEntryPoints(): string[] {
  return [...triggers, ...menu.map((m) => m.fn)];
}
