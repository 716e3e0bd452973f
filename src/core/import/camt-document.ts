/**
 * One CAMT XML document → its statements. CAMT.053 (bank to customer statement, the daily or monthly Kontoauszug) holds
 * `Stmt` elements, CAMT.052 (bank to customer account report, intraday Umsatzinformation) `Rpt` elements; both describe
 * an account with balances and entries (`Ntry`) in the same structure. Elements are matched by local name, so every
 * version (001.01 to 001.13 and later) and any namespace prefix is read alike.
 *
 * CAMT.054 (debit/credit notification) is deliberately not read: it advises single bookings, typically the details of a
 * batch booking, that the account's CAMT.053 statement contains as well; importing both would count them twice, and a
 * notification has no balances to check it against.
 */
import { normaliseIban } from '../iban/iban';
import type { ResolvedEncoding } from '../text/decode';
import { StatementFileError, type LineError } from '../transaction';
import { at, childrenNamed, firstText, parseXmlDocument, rootNamespace, textAt, type XmlElement } from '../xml/xml';
import { checkBalances } from './camt-balance';
import { readEntry, type CamtRow } from './camt-entry';
import { decodeCamtText } from './camt-text';
import { readIsoDate } from './camt-values';
import type { SkippedLine } from './statement';

/** One `Stmt` or `Rpt`: one account over one period. */
export interface CamtStatement {
  fileName: string;
  /** The own account (IBAN, else the bank's account number), or null. */
  account: string | null;
  /** Where the account is named, for messages: the `Acct` element's line and its text. */
  accountLine: number;
  /** The period the statement states (`FrToDt`), or null. */
  statedPeriod: { from: string; to: string } | null;
  entries: number;
  rows: CamtRow[];
  errors: LineError[];
  skipped: SkippedLine[];
  warnings: LineError[];
}

export type CamtDocument =
  | { ok: true; statements: CamtStatement[]; encoding: ResolvedEncoding }
  | { ok: false; reason: string; encoding: ResolvedEncoding };

/** The message element under `Document` → the element that holds each statement. */
const statementElement: Record<string, { element: string; label: string }> = {
  BkToCstmrStmt: { element: 'Stmt', label: 'CAMT.053 statement' },
  BkToCstmrStmtV01: { element: 'Stmt', label: 'CAMT.053 statement' },
  BkToCstmrAcctRpt: { element: 'Rpt', label: 'CAMT.052 account report' },
  BkToCstmrAcctRptV01: { element: 'Rpt', label: 'CAMT.052 account report' },
};

/**
 * Reads a CAMT file's bytes. `ok: false` means it is XML but no CAMT.052/053 statement (a CAMT.054 notification, a
 * payment order, some other XML); a damaged file (not well-formed, a statement message without statements) throws.
 */
export function readCamtDocument(bytes: ArrayLike<number>, fileName: string): CamtDocument {
  const { text, encoding } = decodeCamtText(bytes, fileName);
  const root = parseXmlDocument(text, fileName);
  const notStatement = (reason: string): CamtDocument => ({ ok: false, reason, encoding });
  if (root.name !== 'Document') {
    return notStatement(`is XML, but no ISO 20022 bank statement: its root element is <${root.name}>, not <Document>`);
  }
  const message = root.children[0];
  if (message === undefined) return notStatement('has an empty <Document>: it holds no statement');
  if (message.name.startsWith('BkToCstmrDbtCdtNtfctn')) {
    return notStatement(
      'is a CAMT.054 debit/credit notification, not an account statement: it advises single bookings that the ' +
        "account's CAMT.053 statement contains as well, so importing it would count them twice. Import the CAMT.053 " +
        'statement (or CAMT.052 report) of the account instead',
    );
  }
  const kind = statementElement[message.name];
  if (kind === undefined) {
    const ns = rootNamespace(root);
    return notStatement(
      `is an XML message <${message.name}>${ns === '' ? '' : ` (${ns})`}, not a CAMT.052 account report or CAMT.053 statement`,
    );
  }
  const elements = childrenNamed(message, kind.element);
  if (elements.length === 0) {
    throw new StatementFileError(
      fileName,
      `line ${message.line}: is a ${kind.label} message without any <${kind.element}>: it holds no statement to import`,
    );
  }
  return { ok: true, statements: elements.map((el) => readStatement(el, fileName)), encoding };
}

function readStatement(statement: XmlElement, fileName: string): CamtStatement {
  const accountEl = at(statement, 'Acct');
  const accountText = firstText(accountEl, 'Id/IBAN', 'Id/Othr/Id', 'Id/PrtryAcct/Id');
  const account = accountText === null ? null : normaliseIban(accountText);
  const result: CamtStatement = {
    fileName,
    account,
    accountLine: accountEl?.line ?? statement.line,
    statedPeriod: statedPeriod(statement),
    entries: 0,
    rows: [],
    errors: [],
    skipped: [],
    warnings: checkBalances(statement, fileName),
  };
  for (const entry of childrenNamed(statement, 'Ntry')) {
    result.entries++;
    const read = readEntry(entry, { fileName, ownAccount: account });
    if (read.kind === 'skipped') result.skipped.push({ line: entry.line, reason: read.reason });
    else if (read.kind === 'rejected') result.errors.push(read.error);
    else {
      result.rows.push(...read.rows);
      result.warnings.push(...read.warnings);
    }
  }
  return result;
}

/** `FrToDt/FrDtTm` … `ToDtTm`, calendar days as written; null when absent or unreadable (the bookings then decide). */
function statedPeriod(statement: XmlElement): { from: string; to: string } | null {
  const from = readIsoDate(textAt(statement, 'FrToDt/FrDtTm') ?? '');
  const to = readIsoDate(textAt(statement, 'FrToDt/ToDtTm') ?? '');
  return from.ok && to.ok && from.value <= to.value ? { from: from.value, to: to.value } : null;
}
