/**
 * Reads an MT940 file (SWIFT customer statement; banks name them `.sta`, `.mt940`, `.mta`, `.940`, `.txt`): one or more
 * statements, each `:20:` reference, `:25:` account, `:28C:` number, `:60F:` opening balance, `:61:` entries each with
 * its `:86:` details, `:62F:` closing balance. A `:61:` that cannot be read becomes one `LineError` and the rest goes on;
 * a statement whose entries do not add up from its opening to its closing balance gets a warning.
 *
 * MT942 (interim transaction report: today's entries so far, which the bank may still change) is not a statement: its
 * entries are listed as skipped, and a file holding nothing but MT942 reports is refused with that reason — import the
 * MT940 the bank sends at the end of the day instead. This is the same rule as for pending rows in CSV exports.
 *
 * One account per file, as for CSV: the fingerprint includes the own account, and the import puts a file's entries on
 * one account. Entries of a statement for another account (EBICS downloads can hold all of a firm's accounts) are
 * each rejected with an `account` error that says so.
 *
 * MT940 text is ASCII or ISO-8859-1 in practice; it is decoded like every statement (valid UTF-8, else Windows-1252,
 * which agrees with ISO-8859-1 on every letter a bank writes).
 */
import { formatMinor } from '../money/amount';
import { decodeText } from '../text/decode';
import { StatementFileError, type LineError, type Transaction } from '../transaction';
import { assignFingerprints } from './fingerprint';
import { ownAccountOf } from './mt940-account';
import { readEntryDetails } from './mt940-details';
import { readBalance, readStatementLine, type Balance } from './mt940-fields';
import { splitMt940Messages, type Mt940Field, type Mt940Message } from './mt940-lines';
import { periodOf, type SkippedLine, type StatementFile, type StatementRead } from './statement';

type Row = Omit<Transaction, 'fingerprint'> & { line: number };

const openingTags = new Set(['60F', '60M', '60']);
const closingTags = new Set(['62F', '62M', '62']);

function fieldText(field: Mt940Field): string {
  return field.lines.join('');
}

/** MT942 carries a floor limit (`:34F:`) and a date-time (`:13D:`) and no opening balance. */
function isInterimReport(message: Mt940Message): boolean {
  const tags = message.fields.map((f) => f.tag);
  return (tags.includes('34F') || tags.includes('13D')) && !tags.some((t) => openingTags.has(t));
}

const money = (minor: number, currency: string): string => `${formatMinor(minor, currency)} ${currency}`;

/** What the statements of one file add up to, statement by statement. */
interface FileRead {
  fileName: string;
  /** The first statement's account; every entry's fingerprint includes it. */
  account: string | null;
  accountLine: number;
  rows: Row[];
  errors: LineError[];
  warnings: LineError[];
  skipped: SkippedLine[];
  rowsRead: number;
  /** Balance dates: the earliest opening, the latest closing. */
  from: string | null;
  to: string | null;
}

export function readMt940Statement(file: StatementFile): StatementRead {
  const { fileName } = file;
  const decoded = decodeText(file.bytes, 'auto', fileName);
  const messages = splitMt940Messages(decoded.text).filter((m) => m.fields.some((f) => f.tag === '20' || f.tag === '61'));
  if (messages.length === 0) {
    throw new StatementFileError(fileName, 'is not an MT940 statement: it has no statement (":20:") and no entry (":61:")');
  }
  if (messages.every(isInterimReport)) {
    throw new StatementFileError(
      fileName,
      "is an MT942 interim report (today's entries so far, which the bank may still change), not an MT940 statement; " +
        'import the MT940 statement of the day instead',
    );
  }

  const read: FileRead = {
    fileName, account: null, accountLine: 0, rows: [], errors: [], warnings: [], skipped: [], rowsRead: 0, from: null, to: null,
  };
  for (const message of messages) readMessage(message, read);

  // Opening balance date to closing balance date; booking dates outside them (or balances missing, or dated backwards
  // in a damaged file) widen the period rather than hide those bookings from it.
  const byBookings = periodOf(read.rows);
  const dates = [read.from, read.to, byBookings?.from ?? null, byBookings?.to ?? null].filter((d): d is string => d !== null).sort();
  return {
    fileName,
    format: 'mt940',
    profileId: null,
    account: read.account,
    period: dates.length === 0 ? null : { from: dates[0]!, to: dates[dates.length - 1]! },
    rowsRead: read.rowsRead,
    transactions: assignFingerprints(read.rows, read.account),
    errors: read.errors,
    skipped: read.skipped,
    warnings: read.warnings,
    encoding: decoded.encoding,
  };
}

/** One message (`:20:` … `-`): its account, balances and entries, and whether the entries add up. */
function readMessage(message: Mt940Message, read: FileRead): void {
  const interim = isInterimReport(message);
  const fields = message.fields;
  const warn = (field: Mt940Field, name: string, text: string): void => {
    read.warnings.push({ file: read.fileName, line: field.line, column: null, field: name, found: fieldText(field).trim(), message: text });
  };
  let statementAccount: string | null = null;
  let opening: Balance | null = null;
  let closing: { balance: Balance; field: Mt940Field } | null = null;
  let currency: string | null | undefined;
  const sum = { minor: 0, read: 0, rejected: 0 };

  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (field.tag === '25') {
      if (sum.read + sum.rejected > 0) {
        warn(field, 'account', 'a second account identification (:25:) after the entries; the statement looks damaged, check it with the bank');
      } else if (statementAccount === null) {
        statementAccount = ownAccountOf(fieldText(field));
        if (read.account === null && statementAccount !== null) {
          read.account = statementAccount;
          read.accountLine = field.line;
        }
      }
    } else if (openingTags.has(field.tag) && opening === null) {
      const balance = readBalance(fieldText(field), 'openingBalance');
      if (balance.ok) opening = balance.value;
      else warn(field, 'openingBalance', `the opening balance ${balance.message}`);
    } else if (closingTags.has(field.tag)) {
      const balance = readBalance(fieldText(field), 'closingBalance');
      if (balance.ok) closing = { balance: balance.value, field };
      else warn(field, 'closingBalance', `the closing balance ${balance.message}`);
    } else if (field.tag === '61') {
      read.rowsRead++;
      if (interim) {
        read.skipped.push({ line: field.line, reason: 'entry of an MT942 interim report, not a booked statement entry' });
        continue;
      }
      if (currency === undefined) currency = opening?.currency ?? closingCurrency(fields);
      const details: string[][] = [];
      for (let k = i + 1; k < fields.length && fields[k]!.tag === '86'; k++) details.push(fields[k]!.lines);
      readEntry(field, details, currency, statementAccount, read, sum);
    }
  }

  // The period is the file's account's: a statement of another account (its entries rejected) does not widen it.
  const ownAccount = statementAccount === null || statementAccount === read.account;
  if (ownAccount && opening !== null && (read.from === null || opening.date < read.from)) read.from = opening.date;
  if (ownAccount && closing !== null && (read.to === null || closing.balance.date > read.to)) read.to = closing.balance.date;
  if (opening === null || closing === null || interim) return;
  const { balance } = closing;
  const expected = opening.minor + sum.minor;
  if (opening.currency !== balance.currency) {
    warn(closing.field, 'closingBalance', `the closing balance is in ${balance.currency}, the opening balance in ${opening.currency}`);
  } else if (expected !== balance.minor) {
    const unread = sum.rejected === 0 ? '' : `; ${sum.rejected} of its entries could not be read (see the errors)`;
    warn(
      closing.field,
      'closingBalance',
      `the closing balance ${money(balance.minor, balance.currency)} does not match the opening balance ` +
        `${money(opening.minor, opening.currency)} plus the ${sum.read} entries (${money(sum.minor, opening.currency)}), ` +
        `which gives ${money(expected, opening.currency)}${unread}`,
    );
  }
}

/**
 * One `:61:` with its `:86:` fields → a row, or one error. Its amount counts towards the balance check whenever it
 * could be read, also when the entry is then refused for belonging to another account.
 */
function readEntry(
  field: Mt940Field,
  details: string[][],
  currency: string | null,
  statementAccount: string | null,
  read: FileRead,
  sum: { minor: number; read: number; rejected: number },
): void {
  const reject = (name: string, found: string, message: string): void => {
    read.errors.push({ file: read.fileName, line: field.line, column: null, field: name, found, message });
  };
  if (currency === null) {
    sum.rejected++;
    reject('currency', fieldText(field).trim(), 'the statement has no readable opening balance (:60F:), which gives the currency of its entries');
    return;
  }
  const entry = readStatementLine(field.lines, currency);
  if (!entry.ok) {
    sum.rejected++;
    reject(entry.field, entry.found, entry.message);
    return;
  }
  sum.minor += entry.value.amountMinor;
  sum.read++;
  if (statementAccount !== null && statementAccount !== read.account) {
    // Fingerprints include the own account: a file mixing two accounts would be half wrong, so say it.
    reject('account', statementAccount, `belongs to account ${statementAccount}, but line ${read.accountLine} to ${read.account}; export one account per file`);
    return;
  }
  const info = details.length === 0 ? null : readEntryDetails(details);
  read.rows.push({
    line: field.line,
    bookingDate: entry.value.entryDate ?? entry.value.valueDate,
    valueDate: entry.value.valueDate,
    amountMinor: entry.value.amountMinor,
    currency,
    counterpartyName: info?.counterpartyName ?? '',
    counterpartyIban: info?.counterpartyIban ?? null,
    purpose: info?.purpose ?? '',
    bookingType: info?.bookingType ?? null,
    endToEndId: info?.endToEndId ?? null,
    mandateReference: info?.mandateReference ?? null,
    creditorId: info?.creditorId ?? null,
    counterpartyBic: info?.counterpartyBic ?? null,
  });
}

/** Without an opening balance, the closing balance still names the currency. */
function closingCurrency(fields: readonly Mt940Field[]): string | null {
  for (const field of fields) {
    if (!closingTags.has(field.tag)) continue;
    const balance = readBalance(fieldText(field), 'closingBalance');
    if (balance.ok) return balance.value.currency;
  }
  return null;
}
