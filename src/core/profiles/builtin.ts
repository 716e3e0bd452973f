/**
 * Built-in bank profiles. Each is written out in full (no defaults left to the schema) so that reading one costs nothing
 * at run time; a unit test proves each one is exactly what the schema would make of it. The banks' profiles live in
 * `banks/`, one file per country.
 */
import type { CsvProfile } from './profile';
import { easybank, ersteGeorge, raiffeisenAt } from './banks/austria';
import {
  atruvia, commerzbank, comdirect, deutscheBank, deutscheBankOverview, dkb, dkbLegacy, genericSemicolonDe, ing, n26,
  n26Legacy, sparkasseCsvCamt, sparkasseCsvMt940, targobank,
  targobankDecimalPoint,
} from './banks/germany';
import { paypal, revolut } from './banks/payment-services';
import {
  creditSuisse, postFinance, postFinanceLegacy, raiffeisenCh, ubs, ubs2022, ubsLegacy, ubsLegacyComma, zkb, zkb2009,
} from './banks/switzerland';

/** In this order detection breaks ties; the generic profile comes last, so any bank's own profile wins over it. */
export const builtinProfiles: readonly CsvProfile[] = [
  sparkasseCsvCamt,
  sparkasseCsvMt940,
  atruvia,
  deutscheBank,
  deutscheBankOverview,
  commerzbank,
  comdirect,
  dkb,
  dkbLegacy,
  ing,
  n26,
  n26Legacy,
  targobank,
  targobankDecimalPoint,
  postFinance,
  postFinanceLegacy,
  ubs,
  ubs2022,
  ubsLegacy,
  ubsLegacyComma,
  raiffeisenCh,
  zkb,
  zkb2009,
  creditSuisse,
  ersteGeorge,
  easybank,
  raiffeisenAt,
  paypal,
  revolut,
  genericSemicolonDe,
];

/** By id (`sparkasse-csv-camt-v2`) or by name, case-insensitively. */
export function findProfile(idOrName: string): CsvProfile | undefined {
  const key = idOrName.trim().toLowerCase();
  return builtinProfiles.find((p) => p.id === key || p.name.toLowerCase() === key);
}
