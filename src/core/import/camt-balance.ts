/**
 * Balance check of one CAMT statement: opening balance + booked entries = closing balance. When it does not hold, the file
 * is incomplete or damaged (a missing page, an entry read wrongly), and the user is told before anything is imported.
 *
 * Opening: `OPBD` (opening booked), else `PRCD` (previous closing booked, what CAMT.052 reports carry). Closing: `CLBD`
 * (closing booked), else the last `ITBD` (interim booked: the balance after the entries of an intraday CAMT.052 report).
 * Available balances (`OPAV`, `CLAV`, …) include pending amounts and are not compared. Only booked entries (`BOOK`) count.
 */
import type { LineError } from '../transaction';
import { child, childrenNamed, firstText, type XmlElement } from '../xml/xml';
import { readAmount, readDirection, showAmount, signed, statusCode } from './camt-values';

interface Balance {
  el: XmlElement;
  code: string;
}

function balances(statement: XmlElement): Balance[] {
  return childrenNamed(statement, 'Bal').map((el) => ({
    el,
    code: firstText(el, 'Tp/CdOrPrtry/Cd', 'Tp/CdOrPrtry/Prtry') ?? '',
  }));
}

const label: Record<string, string> = { openingBalance: 'opening balance', closingBalance: 'closing balance' };

export function checkBalances(statement: XmlElement, fileName: string): LineError[] {
  const all = balances(statement);
  const opening = all.find((b) => b.code === 'OPBD') ?? all.find((b) => b.code === 'PRCD');
  const closing = all.find((b) => b.code === 'CLBD') ?? all.filter((b) => b.code === 'ITBD').pop();
  if (opening === undefined || closing === undefined) return [];

  const warn = (b: Balance, field: string, message: string): LineError[] => [
    { file: fileName, line: b.el.line, column: null, field, found: child(b.el, 'Amt')?.text.trim() ?? '', message },
  ];
  const read = (b: Balance, field: string): { minor: number; currency: string } | LineError[] => {
    const amount = readAmount(child(b.el, 'Amt'));
    const direction = readDirection(child(b.el, 'CdtDbtInd'));
    const what = `${label[field]} (${b.code})`;
    if (!amount.ok) return warn(b, field, `${what} ${amount.message}; the balances are not checked`);
    if (!direction.ok) return warn(b, field, `${what} credit/debit mark ${direction.message}; the balances are not checked`);
    return { minor: signed(amount.value.minor, direction.value), currency: amount.value.currency };
  };
  const open = read(opening, 'openingBalance');
  if (Array.isArray(open)) return open;
  const close = read(closing, 'closingBalance');
  if (Array.isArray(close)) return close;
  if (open.currency !== close.currency) {
    return warn(
      closing,
      'closingBalance',
      `the opening balance (${opening.code}) is in ${open.currency}, the closing balance (${closing.code}) in ` +
        `${close.currency}; the balances are not checked`,
    );
  }

  let sum = 0;
  for (const entry of childrenNamed(statement, 'Ntry')) {
    if (statusCode(entry) !== 'BOOK') continue;
    const amount = readAmount(child(entry, 'Amt'));
    const direction = readDirection(child(entry, 'CdtDbtInd'));
    // An unreadable entry is already reported as an error of its own; the sum would only repeat it less clearly.
    if (!amount.ok || !direction.ok) return [];
    if (amount.value.currency !== open.currency) {
      return warn(
        closing,
        'closingBalance',
        `the entry in line ${entry.line} is in ${amount.value.currency}, the balances in ${open.currency}; the balances ` +
          'are not checked',
      );
    }
    sum += signed(amount.value.minor, direction.value);
  }
  if (open.minor + sum === close.minor) return [];
  const c = open.currency;
  return warn(
    closing,
    'closingBalance',
    `opening balance (${opening.code}) ${showAmount(open.minor, c)} + booked entries ${showAmount(sum, c)} = ` +
      `${showAmount(open.minor + sum, c)}, but the closing balance (${closing.code}) is ${showAmount(close.minor, c)} ` +
      `(difference ${showAmount(close.minor - open.minor - sum, c)}); entries may be missing or the file is damaged`,
  );
}
