/**
 * BU-Schlüssel (column 9) from the booking's tax rate and direction (contracts §3 "Accounts and tax keys", Lexware FAQ
 * 000002619, valid from 2021-01-01, the same in SKR03 and SKR04): money in is a sale (output VAT: 19 % → 3, 7 % → 2), money
 * out a purchase (input VAT: 19 % → 9, 7 % → 8); 0 % or no rate → no key. Automatic accounts take no key: DATEV
 * computes their tax itself and refuses a key there (error REW00305).
 *
 * Written bare and quoted (`"9"`), as in the contracts' format-13 example; the description's own pattern has four digits
 * (`"0009"`) and DATEV's sample a bare 8 — unsettled (contracts, open items), both are read as the same key.
 */
import { parseTaxRate } from '../../accounting/tax';

const KEYS: Record<number, { in: string; out: string }> = {
  1900: { in: '3', out: '9' },
  700: { in: '2', out: '8' },
};

export type TaxKey = { ok: true; key: string } | { ok: false; message: string };

export function taxKeyOf(taxRate: string, moneyIn: boolean, automaticAccount: boolean): TaxKey {
  if (taxRate.trim() === '') return { ok: true, key: '' };
  const rate = parseTaxRate(taxRate);
  if (!rate.ok) return { ok: false, message: `tax rate "${taxRate}" cannot be read (${rate.message})` };
  if (rate.basisPoints === 0 || automaticAccount) return { ok: true, key: '' };
  const keys = KEYS[rate.basisPoints];
  if (keys === undefined) return { ok: false, message: `tax rate ${rate.text} % has no DATEV tax key here (19 %, 7 % and 0 % have)` };
  return { ok: true, key: moneyIn ? keys.in : keys.out };
}
