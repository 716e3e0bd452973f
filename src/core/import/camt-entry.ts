/**
 * One CAMT entry (`Ntry`, a booking line of the statement) → transactions, or the reason it is left out or rejected.
 *
 * An entry is one booking on the account; its transaction details (`NtryDtls/TxDtls`) say who paid whom and why. A batch
 * booking (Sammelbuchung: one debit for many direct debits or transfers) carries one `TxDtls` per payment: it becomes one
 * transaction per payment when their amounts add up to the entry, so that each can be matched to its own invoice.
 */
import { normaliseIban } from '../iban/iban';
import { collapseText } from '../text/clean';
import type { LineError, Transaction } from '../transaction';
import { allAt, at, child, childrenNamed, firstText, textAt, type XmlElement } from '../xml/xml';
import { readAmount, readDateChoice, readDirection, showAmount, signed, statusCode, type Read } from './camt-values';

export type CamtRow = Omit<Transaction, 'fingerprint'> & { line: number };

export interface EntryContext {
  fileName: string;
  /** The statement's own account, to recognise it when a bank names it as the counterparty. */
  ownAccount: string | null;
}

export type EntryResult =
  | { kind: 'skipped'; reason: string }
  | { kind: 'rejected'; error: LineError }
  | { kind: 'booked'; rows: CamtRow[]; warnings: LineError[] };

const statusReasons: Record<string, string> = {
  PDNG: 'not booked yet (pending entry, status PDNG)',
  INFO: 'for information only, not booked (status INFO)',
  FUTR: 'booked in the future, not on the account yet (status FUTR)',
};

/**
 * ISO 20022 `Max140Text`: a remittance text longer than 140 characters is cut into several `Ustrd` blocks, mid-word
 * (Sparda-Bank: "…IBAN: DE5943060967003092" + "1901 BIC: …"). A full block therefore continues in the next one without a
 * space; a shorter block ended on its own ("MUSTER MITTEILUNG 1", "MUSTER MITTEILUNG 2").
 */
const MAX_TEXT_BLOCK = 140;

export function readEntry(entry: XmlElement, ctx: EntryContext): EntryResult {
  const status = statusCode(entry);
  if (status === null) {
    return {
      kind: 'rejected',
      error: lineError(ctx, entry.line, 'status', '', 'has no status (Sts): an entry must say whether it is booked (BOOK)'),
    };
  }
  if (status !== 'BOOK') return { kind: 'skipped', reason: statusReasons[status] ?? `not booked (status ${status})` };

  const fields = readFields(entry, ctx);
  if ('error' in fields) return { kind: 'rejected', error: fields.error };
  const base: Omit<CamtRow, keyof Details | 'amountMinor'> = {
    line: entry.line,
    bookingDate: fields.bookingDate,
    valueDate: fields.valueDate,
    currency: fields.currency,
    bookingType: bookingTypeOf(entry),
  };
  const entryMinor = signed(fields.minor, fields.direction);
  const reversal = /^(true|1)$/.test(textAt(entry, 'RvslInd') ?? '');
  const details = allAt(entry, 'NtryDtls/TxDtls');
  if (details.length <= 1) {
    const tx = details[0] ?? null;
    const row = { ...base, amountMinor: entryMinor, ...detailsOf(tx, fields.direction, reversal, ctx) };
    return { kind: 'booked', rows: [row], warnings: [] };
  }

  const parts = details.map((tx) => partAmount(tx, fields.currency, fields.direction));
  const stated = parts.filter((p): p is { minor: number; direction: 1 | -1 } => p !== null);
  const sum = stated.reduce((s, p) => s + p.minor, 0);
  if (stated.length === details.length && sum === entryMinor) {
    const rows = details.map((tx, i) => {
      const part = parts[i]!;
      return { ...base, amountMinor: part.minor, ...detailsOf(tx, part.direction, reversal, ctx) };
    });
    return { kind: 'booked', rows, warnings: [] };
  }
  // The parts do not account for the entry: book the entry's own amount (that is what moved on the account) as one
  // transaction, and say why it was not split. Parts without any amount are no defect (some banks list only references).
  const shown = showAmount(entryMinor, fields.currency);
  const why =
    stated.length === details.length
      ? `the ${details.length} transaction details (TxDtls) add up to ${showAmount(sum, fields.currency)}, but the entry is ` +
        `${shown}; it is imported as one booking of ${shown}, not split`
      : `only ${stated.length} of the ${details.length} transaction details (TxDtls) state an amount in ${fields.currency}; ` +
        `the entry is imported as one booking of ${shown}, not split`;
  return {
    kind: 'booked',
    rows: [{ ...base, amountMinor: entryMinor, ...batchDetails(details, fields.direction, reversal, ctx) }],
    warnings: stated.length === 0 ? [] : [lineError(ctx, entry.line, 'amount', fields.amountText, why)],
  };
}

interface EntryFields {
  minor: number;
  currency: string;
  amountText: string;
  direction: 1 | -1;
  bookingDate: string;
  valueDate: string | null;
}

/**
 * Amount, credit/debit mark, booking and value date: each problem points at its element's line (the entry's, when the
 * element is missing); one error per entry, naming the further problems, so the user fixes the file in one pass.
 */
function readFields(entry: XmlElement, ctx: EntryContext): EntryFields | { error: LineError } {
  const problems: LineError[] = [];
  type Reader<T> = (el: XmlElement | null) => Read<T>;
  const check = <T>(tag: string, field: string, what: string, read: Reader<T>, optional = false): T | null => {
    const el = child(entry, tag);
    if (el === null && optional) return null;
    const result = read(el);
    if (result.ok) return result.value;
    const message = el === null ? `has no ${what} (${tag})` : `${what} ${result.message}`;
    problems.push(lineError(ctx, el?.line ?? entry.line, field, result.found, message));
    return null;
  };
  const amount = check('Amt', 'amount', 'amount', readAmount);
  const direction = check('CdtDbtInd', 'creditDebit', 'credit/debit mark', readDirection);
  const bookingDate = check('BookgDt', 'bookingDate', 'booking date', readDateChoice);
  const valueDate = check('ValDt', 'valueDate', 'value date', readDateChoice, true);
  const [first, ...more] = problems;
  if (first !== undefined) {
    if (more.length === 0) return { error: first };
    const also = more.map((e) => `line ${e.line} (${e.field}) ${e.message}${e.found === '' ? '' : ` "${e.found}"`}`).join('; ');
    return { error: { ...first, message: `${first.message}; also ${also}` } };
  }
  return {
    minor: amount!.minor,
    currency: amount!.currency,
    amountText: child(entry, 'Amt')!.text.trim(),
    direction: direction!,
    bookingDate: bookingDate!,
    valueDate,
  };
}

function lineError(ctx: EntryContext, line: number, field: string, found: string, message: string): LineError {
  return { file: ctx.fileName, line, column: null, field, found, message };
}

/**
 * A batch part's own amount in the entry's currency: `TxDtls/Amt` (from version 03) or `AmtDtls/TxAmt/Amt`, with the
 * part's own credit/debit mark where it has one. Instructed amounts in another currency cannot be added up.
 */
function partAmount(tx: XmlElement, currency: string, entryDirection: 1 | -1): { minor: number; direction: 1 | -1 } | null {
  for (const el of [child(tx, 'Amt'), at(tx, 'AmtDtls/TxAmt/Amt')]) {
    if (el === null || (el.attributes['Ccy'] ?? '').trim().toUpperCase() !== currency) continue;
    const amount = readAmount(el);
    const own = child(tx, 'CdtDbtInd');
    const direction: Read<1 | -1> = own === null ? { ok: true, value: entryDirection } : readDirection(own);
    if (!amount.ok || !direction.ok) return null;
    return { minor: signed(amount.value.minor, direction.value), direction: direction.value };
  }
  return null;
}

type Details = Pick<
  CamtRow,
  'counterpartyName' | 'counterpartyIban' | 'purpose' | 'endToEndId' | 'mandateReference' | 'creditorId' | 'counterpartyBic'
>;

function detailsOf(tx: XmlElement | null, direction: 1 | -1, reversal: boolean, ctx: EntryContext): Details {
  const party = counterparty(tx, direction, reversal, ctx.ownAccount);
  const endToEnd = textAt(tx, 'Refs/EndToEndId');
  return {
    counterpartyName: party.name ?? '',
    counterpartyIban: party.iban,
    counterpartyBic: party.bic,
    purpose: purposeOf(tx),
    endToEndId: endToEnd === null || /^NOTPROVIDED$/i.test(endToEnd) ? null : endToEnd,
    mandateReference: textAt(tx, 'Refs/MndtId'),
    creditorId: creditorIdOf(tx),
  };
}

/** A batch that is not split: the payments' texts together, the counterparty only where all parts share it. */
function batchDetails(details: XmlElement[], direction: 1 | -1, reversal: boolean, ctx: EntryContext): Details {
  const each = details.map((tx) => detailsOf(tx, direction, reversal, ctx));
  const first = each[0]!;
  const same = each.every((d) => d.counterpartyName === first.counterpartyName && d.counterpartyIban === first.counterpartyIban);
  const purposes = [...new Set(each.map((d) => d.purpose).filter((p) => p !== ''))];
  return {
    counterpartyName: same ? first.counterpartyName : '',
    counterpartyIban: same ? first.counterpartyIban : null,
    counterpartyBic: same ? first.counterpartyBic : null,
    purpose: purposes.join('; '),
    endToEndId: null,
    mandateReference: null,
    creditorId: null,
  };
}

interface Side {
  name: string | null;
  iban: string | null;
  bic: string | null;
}

function sideOf(tx: XmlElement | null, role: 'Dbtr' | 'Cdtr'): Side {
  const parties = at(tx, 'RltdPties');
  // Up to version 06 the name is `Dbtr/Nm`, from 08 `Dbtr/Pty/Nm`. The ultimate party (on whose behalf a payment service
  // paid) stands in only where the bank names no direct party: the account and BIC belong to the direct one.
  const name = firstText(child(parties, role), 'Nm', 'Pty/Nm') ?? firstText(child(parties, `Ultmt${role}`), 'Nm', 'Pty/Nm');
  const account = firstText(child(parties, `${role}Acct`), 'Id/IBAN', 'Id/Othr/Id');
  return {
    name: name === null ? null : collapseText(name) || null,
    iban: account === null ? null : normaliseIban(account),
    bic: firstText(at(tx, `RltdAgts/${role}Agt`), 'FinInstnId/BIC', 'FinInstnId/BICFI'),
  };
}

/**
 * Money coming in comes from the debtor, money going out goes to the creditor. A reversal (`RvslInd`, ISO 20022: "if the
 * credit/debit indicator is DBIT and the reversal indicator is true, the original operation was a credit") and a return
 * (`RtrInf`, e.g. a direct debit the payer's bank sent back) keep the sign of the entry (`CdtDbtInd` is how the money
 * moved now) but keep the parties of the original payment: the counterparty is then the other role.
 *
 * Banks do not always fill both roles, and some name the account holder where the counterparty belongs: the own account
 * is never shown as the counterparty, and an empty role falls back to the other one.
 */
function counterparty(tx: XmlElement | null, direction: 1 | -1, reversal: boolean, ownAccount: string | null): Side {
  const returned = reversal || at(tx, 'RtrInf') !== null;
  const fromDebtor = (direction === 1) !== returned;
  const wanted = sideOf(tx, fromDebtor ? 'Dbtr' : 'Cdtr');
  const other = sideOf(tx, fromDebtor ? 'Cdtr' : 'Dbtr');
  const isOwn = (s: Side): boolean => ownAccount !== null && s.iban === ownAccount;
  const isEmpty = (s: Side): boolean => s.name === null && s.iban === null;
  if ((isOwn(wanted) || isEmpty(wanted)) && !isEmpty(other) && !isOwn(other)) return other;
  if (isOwn(wanted)) return { name: null, iban: null, bic: null };
  return wanted;
}

/** SEPA creditor identifier (Gläubiger-ID): `Cdtr/Id/PrvtId/Othr/Id` (version 08: under `Cdtr/Pty`), scheme `SEPA`. */
function creditorIdOf(tx: XmlElement | null): string | null {
  const creditor = at(tx, 'RltdPties/Cdtr');
  const other = at(creditor, 'Id/PrvtId/Othr') ?? at(creditor, 'Pty/Id/PrvtId/Othr');
  const scheme = firstText(other, 'SchmeNm/Prtry', 'SchmeNm/Cd');
  if (scheme !== null && scheme.toUpperCase() !== 'SEPA') return null;
  return textAt(other, 'Id');
}

/**
 * The purpose (Verwendungszweck). For the fingerprint to recognise the same payment from a CSV or MT940 export of the
 * account, it is what those exports show: the unstructured remittance text. Structured references (creditor reference,
 * Swiss QR/ISR reference, invoice numbers) stand in only where there is no unstructured text, and the additional
 * transaction information where there is neither.
 */
function purposeOf(tx: XmlElement | null): string {
  const blocks = allAt(tx, 'RmtInf/Ustrd').map((u) => u.text);
  let text = '';
  blocks.forEach((block, i) => {
    text += block;
    if (i < blocks.length - 1 && block.length !== MAX_TEXT_BLOCK) text += ' ';
  });
  const unstructured = collapseText(text);
  if (unstructured !== '') return unstructured;
  const structured = childrenNamed(at(tx, 'RmtInf'), 'Strd').flatMap((s) => [
    ...allAt(s, 'CdtrRefInf/Ref'),
    ...allAt(s, 'RfrdDocInf/Nb'),
    ...childrenNamed(s, 'AddtlRmtInf'),
  ]);
  const references = collapseText(structured.map((e) => e.text).join(' '));
  if (references !== '') return references;
  return collapseText(childrenNamed(tx, 'AddtlTxInf').map((e) => e.text).join(' '));
}

/**
 * The booking text (Buchungstext): German banks put it into `AddtlNtryInf` ("FOLGELASTSCHRIFT", "Überweisungsgutschr.");
 * without it, the ISO bank transaction code (`PMNT-RCDT-ESCT`), else the bank's proprietary code.
 */
function bookingTypeOf(entry: XmlElement): string | null {
  const text = textAt(entry, 'AddtlNtryInf');
  if (text !== null) return collapseText(text);
  const sources = [child(entry, 'BkTxCd'), ...allAt(entry, 'NtryDtls/TxDtls/BkTxCd')];
  for (const code of sources) {
    const domain = textAt(code, 'Domn/Cd');
    if (domain !== null) {
      return [domain, textAt(code, 'Domn/Fmly/Cd'), textAt(code, 'Domn/Fmly/SubFmlyCd')].filter((c) => c !== null).join('-');
    }
  }
  for (const code of sources) {
    const proprietary = textAt(code, 'Prtry/Cd');
    if (proprietary !== null) return proprietary;
  }
  return null;
}
