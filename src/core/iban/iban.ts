/**
 * IBAN checks and formats, on top of `ibantools` (country lengths, BBAN formats, ISO 7064 check digits) rather than our own
 * tables: the registry changes, the library follows it.
 */
import { electronicFormatIBAN, friendlyFormatIBAN, validateIBAN, ValidationErrorsIBAN } from 'ibantools';

/** `de89 3704 0044 …` → `DE89370400440532013000`; null for blank input. Does not validate. */
export function normaliseIban(text: string): string | null {
  const electronic = electronicFormatIBAN(text.replace(/[\s\u00a0-]/g, ''));
  return electronic === null || electronic === '' ? null : electronic;
}

const reasons: Record<number, string> = {
  [ValidationErrorsIBAN.NoIBANProvided]: 'no IBAN given',
  [ValidationErrorsIBAN.NoIBANCountry]: 'unknown country code',
  [ValidationErrorsIBAN.WrongBBANLength]: 'wrong length for its country',
  [ValidationErrorsIBAN.WrongBBANFormat]: 'wrong account format for its country',
  [ValidationErrorsIBAN.ChecksumNotNumber]: 'check digits are not numbers',
  [ValidationErrorsIBAN.WrongIBANChecksum]: 'check digits do not match',
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum]: 'national check digit does not match',
  [ValidationErrorsIBAN.QRIBANNotAllowed]: 'QR-IBAN not allowed',
};

export type IbanCheck = { valid: true; electronic: string } | { valid: false; reason: string };

export function checkIban(text: string): IbanCheck {
  const electronic = normaliseIban(text);
  if (electronic === null) return { valid: false, reason: reasons[ValidationErrorsIBAN.NoIBANProvided]! };
  const result = validateIBAN(electronic);
  if (result.valid) return { valid: true, electronic };
  const code = result.errorCodes[0] ?? ValidationErrorsIBAN.WrongIBANChecksum;
  return { valid: false, reason: reasons[code] ?? 'not a valid IBAN' };
}

/** Print format in groups of four, `DE89 3704 0044 0532 0130 00`. */
export function printIban(electronic: string): string {
  return friendlyFormatIBAN(electronic) ?? electronic;
}
