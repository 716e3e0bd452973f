/**
 * One booking → one data line of 125 fields, or the reasons it cannot be one (the booking then stays out of every file).
 * Konto is the GL account and Gegenkonto the bank, so Soll/Haben is the GL account's side: money out debits the expense
 * (S), money in credits the revenue (H) (contracts §3 columns 2, 7, 8).
 */
import { isValidIsoDate } from '../../calendar/date';
import { toWindows1252Text } from '../../text/cp1252';
import { type BookingProblem, type ExportBooking, isMoneyIn } from '../export-booking';
import { COLUMN, DATEV_COLUMNS } from './columns';
import { amount, dayMonth, isReceiptField, text } from './fields';
import type { DatevSettings } from './settings';
import { taxKeyOf } from './tax-key';

/** Umsatz has at most 10 digits before the comma (contracts §3 column 1). */
const MAX_AMOUNT_MINOR = 9_999_999_999_99;

/** KOST1/KOST2: word characters and spaces, at most 36 in format 13 (contracts §3; description `[\w ]{0,36}`). */
const isCostCentre = (value: string): boolean =>
  value.length <= 36 && /^[\p{L}\p{N}_ ]*$/u.test(value) && toWindows1252Text(value).replaced.length === 0;

export type DatevRow = { ok: true; line: string } | { ok: false; problems: BookingProblem[] };

/**
 * A DATEV account number: digits, not all zeros (pattern of columns 7/8), at most Sachkontenlänge + 1 (personal accounts
 * may be one digit longer, contracts §3; developer.datev.de column 7). Not cut or padded: another number is another account.
 */
function accountProblem(value: string, accountLength: number): string | null {
  if (value === '') return 'is missing';
  if (/^\d+$/.test(value) && !/^0+$/.test(value) && value.length <= accountLength + 1) return null;
  return `"${value}" is not a DATEV account number (digits, at most ${accountLength + 1})`;
}

export function datevRow(booking: ExportBooking, settings: DatevSettings, automaticAccounts: ReadonlySet<string>): DatevRow {
  const problems: BookingProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ bookingId: booking.id, field, message: `${booking.id}: ${message}` });
  const data = booking.accounting;
  const glAccount = data.glAccount.trim();
  const bankAccount = (booking.bankAccount.trim() || settings.bankAccount).trim();

  if (!isValidIsoDate(booking.date)) problem('date', `date "${booking.date}" is not a calendar date`);
  if (booking.amountMinor === 0) problem('amount', 'amount is 0,00; DATEV takes no booking without an amount');
  else if (!Number.isSafeInteger(booking.amountMinor) || Math.abs(booking.amountMinor) > MAX_AMOUNT_MINOR) {
    problem('amount', 'amount is too large for DATEV (at most 10 digits before the comma)');
  }
  // The header's currency and the amounts are EUR: a batch in another currency would need a rate per line (columns 4–6).
  if (booking.currency !== 'EUR') problem('currency', `currency is ${booking.currency}; the DATEV batch is written in EUR only`);
  const glProblem = accountProblem(glAccount, settings.accountLength);
  if (glProblem !== null) problem('glAccount', `GL account ${glProblem}`);
  const bankProblem = accountProblem(bankAccount, settings.accountLength);
  if (bankProblem !== null) problem('bankAccount', `bank account (Gegenkonto) ${bankProblem}${bankAccount === '' ? ': set the bank\'s GL account in the export settings' : ''}`);
  if (glProblem === null && glAccount === bankAccount) problem('glAccount', `GL account ${glAccount} is the bank account itself`);
  const taxKey = taxKeyOf(data.taxRate, isMoneyIn(booking), automaticAccounts.has(glAccount));
  if (!taxKey.ok) problem('taxRate', taxKey.message);
  if (!isCostCentre(data.costCentre.trim())) problem('costCentre', `cost centre "${data.costCentre}" is not a DATEV cost centre (letters, digits and spaces, at most 36)`);
  if (!isCostCentre(data.costObject.trim())) problem('costObject', `cost object "${data.costObject}" is not a DATEV cost centre (KOST2: letters, digits and spaces, at most 36)`);
  if (problems.length > 0 || !taxKey.ok) return { ok: false, problems };

  const receiptNumber = data.receiptNumber.trim();
  const fields: string[] = DATEV_COLUMNS.map(() => '');
  const set = (column: number, value: string) => (fields[column - 1] = value);
  set(COLUMN.amount, amount(booking.amountMinor));
  set(COLUMN.debitCredit, isMoneyIn(booking) ? '"H"' : '"S"');
  set(COLUMN.currency, '"EUR"');
  set(COLUMN.account, glAccount);
  set(COLUMN.contraAccount, bankAccount);
  set(COLUMN.taxKey, taxKey.key === '' ? '' : `"${taxKey.key}"`);
  set(COLUMN.date, dayMonth(booking.date));
  // Belegfeld 1 is DATEV's key for open items: the receipt number when DATEV can take it as it is, else the booking id.
  const receiptField = [receiptNumber, booking.id].find((v) => v !== '' && isReceiptField(v, 36)) ?? '';
  set(COLUMN.receiptField1, text(receiptField, 36));
  // Belegfeld 2: the booking id, the way back to the spreadsheet; 12 characters, the safe one of the sources' 12 and 36.
  set(COLUMN.receiptField2, text(isReceiptField(booking.id, 12) ? booking.id : '', 12));
  set(COLUMN.text, text(booking.description, 60));
  if (data.receiptFile.trim() !== '') {
    set(COLUMN.receiptInfoKind1, text('Beleg', 20));
    set(COLUMN.receiptInfoContent1, text(data.receiptFile, 210));
  }
  set(COLUMN.costCentre, text(data.costCentre, 36));
  set(COLUMN.costObject, text(data.costObject, 36));
  // The line's own Festschreibung, the same as the header's: an empty one is read as "lock" (contracts §3 addenda).
  set(COLUMN.locked, settings.batchLocked ? '1' : '0');
  return { ok: true, line: fields.join(';') };
}
