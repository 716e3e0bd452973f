/**
 * Which accounting fields a booking needs before it can go to an export target. A booking that lacks one is not exported
 * and says which field is missing. The firm may require more fields on top (e.g. cost centre for every booking).
 *
 * Defaults, from the export contracts (/work/shared/contracts/accounting-targets.md):
 * - lexoffice: POST /v1/vouchers — every voucherItem needs `categoryId` (our GL account, mapped to a posting category) and
 *   `taxRatePercent`; `voucherNumber` (our receipt number) is required unless the status is `unchecked`. We send vouchers
 *   `open` when a receipt is attached, so then the receipt number is required too. lexoffice accepts only the tax rates
 *   0, 5, 7, 16 and 19 % (cookbook "bookkeeping", addenda of the contracts).
 * - bexio: POST /3.0/accounting/manual_entries — each entry needs its accounts (`debit_account_id`/`credit_account_id`:
 *   our GL account against the bank account) and the tax (`tax_id`, mapped from our tax rate).
 * - DATEV EXTF Buchungsstapel: each line needs the Gegenkonto (column 8: our GL account against the bank's Konto); the tax
 *   comes from the account or the BU key and may be left out.
 * - CSV: a plain list; nothing is required.
 */
import { ACCOUNTING_FIELDS, FIELD_LABELS, type AccountingData, type AccountingField } from './fields';
import { parseTaxRate } from './tax';

export const exportTargets = ['lexoffice', 'bexio', 'datev', 'csv'] as const;

export type ExportTarget = (typeof exportTargets)[number];

/** The targets as the bookkeeper writes them. */
export const TARGET_NAMES: Record<ExportTarget, string> = { lexoffice: 'lexoffice', bexio: 'bexio', datev: 'DATEV', csv: 'CSV' };

export const defaultRequiredFields: Record<ExportTarget, readonly AccountingField[]> = {
  lexoffice: ['glAccount', 'taxRate'],
  bexio: ['glAccount', 'taxRate'],
  datev: ['glAccount'],
  csv: [],
};

/** The fields a target always requires plus the firm's own, in field order. */
export function requiredFields(target: ExportTarget, extra: readonly AccountingField[]): AccountingField[] {
  const wanted = new Set<AccountingField>([...defaultRequiredFields[target], ...extra]);
  return ACCOUNTING_FIELDS.filter((field) => wanted.has(field));
}

const isEmpty = (data: AccountingData, field: AccountingField): boolean => data[field].trim() === '';

/** The required fields a booking leaves empty (lexoffice: the receipt number too when a receipt file is attached). */
export function missingFields(data: AccountingData, target: ExportTarget, extra: readonly AccountingField[]): AccountingField[] {
  const required = new Set(requiredFields(target, extra));
  if (target === 'lexoffice' && !isEmpty(data, 'receiptFile')) required.add('receiptNumber');
  return ACCOUNTING_FIELDS.filter((field) => required.has(field) && isEmpty(data, field));
}

/** "GL account" stays as it is, "Tax rate" reads "tax rate" inside a sentence. */
const inSentence = (label: string): string => (/^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1));

function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** `B-00017 cannot go to lexoffice: GL account and tax rate missing`. */
export function describeMissing(bookingId: string, target: ExportTarget, fields: readonly AccountingField[]): string {
  return `${bookingId} cannot go to ${TARGET_NAMES[target]}: ${listOf(fields.map((field) => inSentence(FIELD_LABELS[field])))} missing`;
}

/** A value the target refuses although the field is filled; reported like a missing field, with its own message. */
export interface TargetProblem {
  field: AccountingField;
  message: string;
}

const LEXOFFICE_RATES = new Set([0, 500, 700, 1600, 1900]); // basis points of 0, 5, 7, 16, 19 %

/** Values the target would refuse: an unreadable tax rate, or one lexoffice does not take. */
export function checkForTarget(data: AccountingData, target: ExportTarget): TargetProblem[] {
  const text = data.taxRate.trim();
  if (target === 'csv' || text === '') return [];
  const rate = parseTaxRate(text);
  if (!rate.ok) return [{ field: 'taxRate', message: `tax rate "${text}" cannot be read (${rate.message})` }];
  if (target === 'lexoffice' && !LEXOFFICE_RATES.has(rate.basisPoints)) {
    return [{ field: 'taxRate', message: `tax rate ${rate.text} % is not one lexoffice accepts (0, 5, 7, 16 or 19 %)` }];
  }
  return [];
}

/** `B-00017 cannot go to lexoffice: tax rate 7.7 % is not one lexoffice accepts (0, 5, 7, 16 or 19 %)`. */
export function describeTargetProblems(bookingId: string, target: ExportTarget, problems: readonly TargetProblem[]): string {
  return `${bookingId} cannot go to ${TARGET_NAMES[target]}: ${problems.map((p) => p.message).join('; ')}`;
}
