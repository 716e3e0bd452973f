/**
 * The own account from `:25:` (account identification), as an IBAN wherever the text allows it: the fingerprint includes
 * the account, and CSV and CAMT exports of the same account name it by IBAN.
 *
 * German banks still write `BLZ/Kontonummer` there (`87052000/123456789`, sometimes with the currency appended). The
 * German IBAN is fully determined by them: `DE`, two check digits, the 8-digit bank code, the account number padded to
 * 10 digits. ibantools computes the check digits (ISO 7064 mod 97-10) and knows every country's account format.
 */
import { composeIBAN, isValidIBAN } from 'ibantools';
import { collapseText } from '../text/clean';

/** German IBAN from bank code (BLZ) and account number, or null when the account number cannot be one. */
export function germanIban(bankCode: string, accountNumber: string): string | null {
  const account = accountNumber.replace(/^0+(?=\d)/, '');
  if (!/^\d{8}$/.test(bankCode) || !/^\d{1,10}$/.test(account)) return null;
  return composeIBAN({ countryCode: 'DE', bban: bankCode + account.padStart(10, '0') });
}

/**
 * `DE89370400440532013000`, `DE89 3704 0044 0532 0130 00 EUR`, `37040044/532013000` → the IBAN; anything else (a Dutch
 * `1291.99.348EUR`, a `BIC/account`, an IBAN failing its check digits) → the text as written, so that it still tells
 * the accounts apart. Null when `:25:` is empty.
 */
export function ownAccountOf(identification: string): string | null {
  const text = collapseText(identification);
  if (text === '') return null;
  const german = /^(\d{8})\s*\/\s*(\d{1,18})\s*(?:[A-Z]{3})?$/.exec(text);
  if (german !== null) return germanIban(german[1]!, german[2]!) ?? text;
  const compact = text.replace(/\s/g, '').toUpperCase();
  for (const candidate of [compact, compact.replace(/\/?[A-Z]{3}$/, '')]) {
    if (/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(candidate) && isValidIBAN(candidate)) return candidate;
  }
  return text;
}
