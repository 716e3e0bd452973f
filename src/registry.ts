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

export interface MenuEntry {
  /** Function name (top level). */
  fn: string;
  label: { en: string; de: string };
}

/** The add-on menu ("Erweiterungen → Kontomatch"), in order. */
export const menu: MenuEntry[] = [
  { fn: 'showSidebar', label: { en: 'Open sidebar', de: 'Seitenleiste öffnen' } },
  { fn: 'showImport', label: { en: 'Import statement', de: 'Kontoauszug importieren' } },
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
  },
  {
    name: 'KM_IBAN_FORMAT',
    summary: 'Prints IBANs in groups of four (DE89 3704 0044 0532 0130 00). Blank cells stay blank.',
    params: [{ name: 'ibans', doc: 'An IBAN or a range of IBANs.' }],
    returns: 'The IBAN in print format, or an error text for an invalid one.',
  },
];

/** Functions the sidebar calls through `google.script.run`: exactly the contract's methods. */
export const sidebarEndpoints: readonly string[] = methodNames;

/** Menu handlers, triggers and sidebar endpoints: everything generated as `function name(arg)`. */
export function serverEntryPoints(): string[] {
  return [...triggers, ...menu.map((m) => m.fn)];
}
