/**
 * Acceptance of the CAMT reader against real and reference CAMT files, read in place from the shared samples (never
 * copied here), compared with the results other projects' parsers give for the same files:
 * - genkgo/camt (PHP): a JSON dump of its object tree next to each XML file, amounts in minor units;
 * - OCA bank-statement-import (Odoo): Python-literal dumps of the statements it imports (`.pydata`);
 * - andreas-mausch/haspa-camt052-to-csv: the CSV it writes for a Hamburger Sparkasse CAMT.052;
 * - hbci4java: the values its unit test asserts for a returned direct debit (quoted below).
 * Files without expected results (kedder, viafintech, libfintx, hbci4java) are checked against themselves: every entry
 * read, and opening balance + booked entries = closing balance, which the files state independently of the entries.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readCamtFile } from '../../src/core/import/camt';
import { formatMinor } from '../../src/core/money/amount';
import { StatementFileError, type LineError } from '../../src/core/transaction';


// Every test must check something: a loop over an empty list would otherwise pass silently.
beforeEach(() => {
  expect.hasAssertions();
});
const samples = path.resolve(__dirname, '../../../shared/samples/camt');
const bytesOf = (name: string): Buffer => readFileSync(path.join(samples, name));
const read = (name: string) => readCamtFile({ fileName: name, bytes: bytesOf(name) });
const text = (name: string): string => bytesOf(name).toString('latin1');

/** `<Ntry>` elements in the file, counted on the raw text: what the reader must account for, one way or another. */
const ntryCount = (name: string): number => (text(name).match(/<(?:\w+:)?Ntry>/g) ?? []).length;

/** Per `<Ntry>` of the raw text: booked or not, and how many transaction details it carries. */
function entryChunks(name: string): Array<{ booked: boolean; details: number }> {
  return [...text(name).matchAll(/<Ntry>([\s\S]*?)<\/Ntry>/g)].map(([, body]) => ({
    booked: /<Sts>\s*(?:<Cd>)?BOOK</.test(body!),
    details: (body!.match(/<TxDtls>/g) ?? []).length,
  }));
}

// ---- genkgo/camt ---------------------------------------------------------------------------------------------------

/* eslint-disable @typescript-eslint/no-explicit-any -- the genkgo dumps are deep, untyped PHP object trees */
type Dump = any;

const isObject = (v: unknown): v is Record<string, Dump> => typeof v === 'object' && v !== null && !Array.isArray(v);
const classOf = (v: Dump): string => (isObject(v) ? String(v['__CLASS__']).split('\\').pop()! : '');
/** The dumper writes an object it has already written as "__RECURSIVITY__"; the singular getter holds the first one. */
const listWith = (first: Dump, list: Dump): Dump[] =>
  (Array.isArray(list) ? list : []).map((x: Dump, i: number) => (x === '__RECURSIVITY__' && i === 0 ? first : x)).filter(isObject);
const day = (d: Dump): string | null => (isObject(d) ? String(d['0']).slice(0, 10) : null);

interface GenkgoEntry {
  status: string;
  amountMinor: number;
  currency: string;
  /** genkgo converts date-times to UTC; none of these samples has a time that crosses midnight that way. */
  bookingDate: string | null;
  valueDate: string | null;
  counterpartyName: string;
  counterpartyIban: string | null;
  counterpartyBic: string | null;
  purpose: string;
  endToEndId: string | null;
  mandateReference: string | null;
  bookingType: string | null;
}

/**
 * genkgo lists the related parties without saying which is the counterparty. Ours: the debtor for money in, the creditor
 * for money out (the other way round for reversals and returns); where the bank names only the other party, that one,
 * unless it is the own account.
 */
function genkgoEntry(e: Dump, ownAccount: string | null): GenkgoEntry {
  const detail = isObject(e.getTransactionDetail) ? e.getTransactionDetail : null;
  const returned = e.getReversalIndicator === true || isObject(detail?.getReturnInformation);
  const fromDebtor = (e.getCreditDebitIndicator === 'CRDT') !== returned;
  const parties = listWith(detail?.getRelatedParty, detail?.getRelatedParties);
  const party = (type: string): Dump => parties.find((p) => classOf(p.getRelatedPartyType) === type) ?? null;
  const ibanOf = (p: Dump): string | null => p?.getAccount?.getIban?.getIban ?? p?.getAccount?.getIdentification ?? null;
  let role = fromDebtor ? 'Debtor' : 'Creditor';
  const other = fromDebtor ? 'Creditor' : 'Debtor';
  if (party(role) === null && party(`Ultimate${role}`) === null && party(other) !== null && ibanOf(party(other)) !== ownAccount) role = other;
  const chosen = party(role);
  const agents = listWith(detail?.getRelatedAgent, detail?.getRelatedAgents);
  const agent = agents.find((a) => classOf(a.getRelatedAgentType) === `${role}Agent`);

  const remittance = isObject(detail?.getRemittanceInformation) ? detail.getRemittanceInformation : null;
  const unstructured = listWith(remittance?.getUnstructuredBlock, remittance?.getUnstructuredBlocks).map((b) => b.getMessage);
  const structured = [
    remittance?.getCreditorReferenceInformation?.getRef,
    remittance?.getStructuredBlock?.getAdditionalRemittanceInformation,
  ].filter((s) => typeof s === 'string' && s !== '');
  const purpose = unstructured.length > 0 ? unstructured.join(' ') : structured.length > 0 ? structured.join(' ') : (detail?.getAdditionalTransactionInformation ?? '');

  const code = e.getBankTransactionCode;
  const domain = code?.getDomain;
  const domainCode = isObject(domain) ? [domain.getCode, domain.getFamily?.getCode, domain.getFamily?.getSubFamilyCode].filter(Boolean).join('-') : null;
  const endToEnd = detail?.getReference?.getEndToEndId ?? null;
  return {
    status: e.getStatus,
    amountMinor: Number(e.getAmount.getAmount),
    currency: e.getAmount.getCurrency.getCode,
    bookingDate: day(e.getBookingDate),
    valueDate: day(e.getValueDate),
    counterpartyName: chosen?.getRelatedPartyType?.getName ?? party(`Ultimate${role}`)?.getRelatedPartyType?.getName ?? '',
    counterpartyIban: ibanOf(chosen),
    counterpartyBic: agent?.getRelatedAgentType?.getBIC ?? null,
    purpose,
    endToEndId: endToEnd === 'NOTPROVIDED' ? null : endToEnd,
    mandateReference: detail?.getReference?.getMandateId ?? null,
    bookingType: e.getAdditionalInfo || domainCode || code?.getProprietary?.getCode || null,
  };
}

interface GenkgoBalance {
  type: string;
  minor: number;
  currency: string;
}

const genkgoFiles = readdirSync(samples).filter(
  (f) => /^genkgo__camt__test__data__camt0?5[23]\..*\.xml$/.test(f) && readdirSync(samples).includes(f.replace(/\.xml$/, '.json')),
);

describe('genkgo/camt samples: every CAMT.052/053 file with a JSON result', () => {
  it('covers the 052 and 053 files of all versions (001.01 to 001.08)', () => {
    expect(genkgoFiles).toHaveLength(19);
    expect(genkgoFiles.filter((f) => f.includes('camt052'))).toHaveLength(8);
  });

  describe.each(genkgoFiles)('%s', (name) => {
    const json = JSON.parse(readFileSync(path.join(samples, name.replace(/\.xml$/, '.json')), 'utf8'));
    const result = read(name);
    const record = json.getEntries[0]?.getRecord ?? json.getRecords.find(isObject);
    const account: string = record.getAccount.getIban?.getIban ?? record.getAccount.getIdentification;
    const entries = (json.getEntries as Dump[]).map((e) => genkgoEntry(e, account));

    it('has the own account and every entry of the file accounted for', () => {
      expect(result.account).toBe(account);
      expect(result.format).toBe('camt');
      expect(result.transactions.length + result.errors.length + result.skipped.length).toBe(ntryCount(name));
      expect(result.rowsRead).toBe(ntryCount(name));
    });

    it('reads amount, currency, dates, counterparty, texts and references as genkgo does', () => {
      const booked = entries.filter((e) => e.status === 'BOOK' && e.bookingDate !== null);
      // multi.statement: genkgo's dump holds the second statement's entry only; the first is checked further down.
      expect(result.transactions).toHaveLength(booked.length + (name.includes('multi.statement') ? 1 : 0));
      for (const want of booked) {
        const matches = result.transactions.filter((t) => t.amountMinor === want.amountMinor && t.currency === want.currency);
        expect(matches).toHaveLength(1);
        const t = matches[0]!;
        expect({
          bookingDate: t.bookingDate,
          valueDate: t.valueDate,
          counterpartyName: t.counterpartyName,
          counterpartyIban: t.counterpartyIban,
          counterpartyBic: t.counterpartyBic,
          purpose: t.purpose,
          endToEndId: t.endToEndId,
          mandateReference: t.mandateReference,
          bookingType: t.bookingType,
        }).toEqual({
          bookingDate: want.bookingDate,
          valueDate: want.valueDate,
          counterpartyName: want.counterpartyName,
          counterpartyIban: want.counterpartyIban,
          counterpartyBic: want.counterpartyBic,
          purpose: want.purpose,
          endToEndId: want.endToEndId,
          mandateReference: want.mandateReference,
          bookingType: want.bookingType,
        });
        expect(t.fingerprint).toMatch(/^[0-9a-f]{20}$/);
      }
    });

    it('leaves out pending entries with the reason, and rejects a booked entry without booking date', () => {
      const pending = entries.filter((e) => e.status === 'PDNG');
      expect(result.skipped).toHaveLength(pending.length);
      for (const s of result.skipped) expect(s.reason).toBe('not booked yet (pending entry, status PDNG)');
      // genkgo accepts a booked entry without booking date (its booking date is then null); a booking without a day
      // cannot be put on a statement sheet, so it is an error here.
      const undated = entries.filter((e) => e.status === 'BOOK' && e.bookingDate === null);
      expect(result.errors.map((e) => [e.field, e.message])).toEqual(undated.map(() => ['bookingDate', 'has no booking date (BookgDt)']));
    });

    it('checks opening + booked entries = closing with the balances genkgo reads', () => {
      const balances: GenkgoBalance[] = record.getBalances.map((b: Dump) => ({
        type: b.getType,
        minor: Number(b.getAmount.getAmount),
        currency: b.getAmount.getCurrency.getCode,
      }));
      // genkgo calls OPBD and PRCD both "opening" and ITBD "interim"; its order is the file's order.
      const opening = balances.find((b) => b.type === 'opening');
      const closing = balances.find((b) => b.type === 'closing') ?? balances.filter((b) => b.type === 'interim').pop();
      const balanceWarnings = result.warnings.filter((w) => w.field === 'closingBalance' || w.field === 'openingBalance');
      // The record is the statement of the first JSON entry; multi.statement holds a second one (checked further down).
      const own = name.includes('multi.statement') ? balanceWarnings.slice(-1) : balanceWarnings;
      if (opening === undefined || closing === undefined) {
        expect(own).toEqual([]);
      } else if (opening.currency !== closing.currency) {
        expect(own.map((w) => w.message)).toEqual([expect.stringContaining(`is in ${opening.currency}, the closing balance (CLBD) in ${closing.currency}; the balances are not checked`)]);
      } else {
        const record_entries = (json.getEntries as Dump[]).filter((e) => e.getStatus === 'BOOK').map((e) => Number(e.getAmount.getAmount));
        const difference = closing.minor - opening.minor - record_entries.reduce((s, a) => s + a, 0);
        if (difference === 0) expect(own).toEqual([]);
        else expect(own.map((w) => w.message)).toEqual([expect.stringContaining(`(difference ${formatMinor(difference, closing.currency)} ${closing.currency})`)]);
      }
    });

    it('takes the period from FrToDt (calendar days as written), widened to the booking dates', () => {
      const days = [day(record.getFromDate), day(record.getToDate), ...result.transactions.map((t) => t.bookingDate)].filter(
        (d): d is string => d !== null,
      );
      const stated = days.length === 0 ? null : { from: days.sort()[0]!, to: days.sort().pop()! };
      if (name.includes('multi.statement')) {
        // genkgo's record is the second statement; the first one (not in the dump) may widen the period further.
        expect(result.period!.from <= stated!.from && result.period!.to >= stated!.to).toBe(true);
      } else {
        expect(result.period).toEqual(stated);
      }
    });
  });

  it('multi.statement: both statements are read, each with balances that add up (genkgo dumps only the second)', () => {
    const name = 'genkgo__camt__test__data__camt053.v2.multi.statement.xml';
    const result = read(name);
    expect(result.transactions.map((t) => [t.amountMinor, t.purpose])).toEqual([
      [885, 'Transaction Description 1'], // as in the XML: genkgo's dump lacks this statement
      [-700, 'Transaction Description 2'],
    ]);
    expect(result.warnings).toEqual([]);
    // The first statement states FrToDt 2007-10-18 (as written, +01:00), the bookings are of 2014-12-31.
    expect(result.period).toEqual({ from: '2007-10-18', to: '2014-12-31' });
    // Same account, same day, different amounts: two distinct fingerprints.
    expect(new Set(result.transactions.map((t) => t.fingerprint)).size).toBe(2);
  });

  it('the five-decimals sample: zeros beyond the cent are read exactly (8.850 EUR = 885 cents), and its balances do not add up', () => {
    const result = read('genkgo__camt__test__data__camt053.v2.five.decimals.xml');
    expect(result.transactions.map((t) => t.amountMinor)).toEqual([885]);
    // OPBD 18.150 + 8.850 = 27.000, but CLBD says 27.050: a defect of the sample, reported, not hidden.
    expect(result.warnings.map((w) => [w.field, w.found])).toEqual([['closingBalance', '27.050']]);
  });

  it('Amt-zero: the zero amounts of its only TxDtls do not replace the entry amount (there is nothing to split)', () => {
    const name = 'genkgo__camt__test__data__camt052.v6.Amt-zero.xml';
    expect(read(name).skipped).toEqual([{ line: text(name).split('\n').findIndex((l) => l.includes('<Ntry>')) + 1, reason: 'not booked yet (pending entry, status PDNG)' }]);
    // The same entry as if booked: the entry's 200000 SEK is what moved, not the zero USD/CHF of its details.
    const booked = readCamtFile({ fileName: name, bytes: Buffer.from(text(name).replace('<Sts>PDNG</Sts>', '<Sts>BOOK</Sts>'), 'latin1') });
    expect(booked.transactions.map((t) => [t.amountMinor, t.currency, t.counterpartyName, t.purpose])).toEqual([
      // A debit whose creditor is the account holder itself (CdtrAcct = own IBAN): the counterparty is the other party.
      [-20000000, 'SEK', 'Example Creditor 6 - V1', 'Example Remittance - 6 - V1'],
    ]);
  });

  it('the wrong sample (a statement message without statement) is refused with a clear message', () => {
    expect(() => read('genkgo__camt__test__data__camt053.v2.wrong.xml')).toThrow(
      new StatementFileError(
        'genkgo__camt__test__data__camt053.v2.wrong.xml',
        'line 3: is a CAMT.053 statement message without any <Stmt>: it holds no statement to import',
      ),
    );
  });

  it.each(readdirSync(samples).filter((f) => /^genkgo.*camt054.*\.xml$/.test(f)))('%s (CAMT.054) is refused as a notification, not a statement', (name) => {
    expect(() => read(name)).toThrow(/is a CAMT\.054 debit\/credit notification, not an account statement/);
  });
});

// ---- OCA bank-statement-import -------------------------------------------------------------------------------------

/** A Python literal (tuples, lists, dicts, strings with implicit concatenation, numbers, None/True/False) → JSON value. */
function parsePython(source: string): unknown {
  let i = 0;
  const skip = (): void => {
    while (i < source.length && /\s/.test(source[i]!)) i++;
  };
  const str = (): string => {
    let out = '';
    while (source[i] === "'" || source[i] === '"') {
      const quote = source[i++];
      while (source[i] !== quote) {
        if (source[i] === '\\') {
          const c = source[i + 1]!;
          out += c === 'n' ? '\n' : c === 't' ? '\t' : c;
          i += 2;
        } else out += source[i++];
      }
      i++;
      skip();
    }
    return out;
  };
  const value = (): unknown => {
    skip();
    const c = source[i]!;
    if (c === "'" || c === '"') return str();
    if (c === '(' || c === '[' || c === '{') {
      const close = c === '(' ? ')' : c === '[' ? ']' : '}';
      i++;
      const items: unknown[] = [];
      const dict: Record<string, unknown> = {};
      for (skip(); source[i] !== close; skip()) {
        const v = value();
        skip();
        if (source[i] === ':') {
          i++;
          dict[String(v)] = value();
          skip();
        } else items.push(v);
        if (source[i] === ',') i++;
      }
      i++;
      return c === '{' ? dict : items;
    }
    const m = /^(None|True|False|-?\d+(?:\.\d+)?)/.exec(source.slice(i))!;
    i += m[0].length;
    return m[0] === 'None' ? null : m[0] === 'True' ? true : m[0] === 'False' ? false : Number(m[0]);
  };
  return value();
}

interface OcaTransaction {
  account_number: string;
  amount: number;
  date: string;
  narration: string;
  partner_name: string;
  ref: string;
  transaction_type: string;
}

interface OcaStatement {
  balance_start: number;
  balance_end_real: number;
  transactions: OcaTransaction[];
}

const oca = (name: string): string => `OCA__bank-statement-import__account_statement_import_camt__test_files__${name}`;

/** OCA's narration is "Label (XML path): value" per line. */
function narrationOf(t: OcaTransaction): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of t.narration.split('\n')) {
    const m = /^(.*?): (.*)$/.exec(line);
    if (m !== null) out[m[1]!] = m[2]!;
  }
  return out;
}

describe.each(['camt053', 'camt053-txdtls'])('OCA sample test-%s against golden-%s.pydata', (sample) => {
  const [currency, account, statements] = parsePython(readFileSync(path.join(samples, oca(`golden-${sample}.pydata`)), 'utf8')) as [
    string,
    string,
    OcaStatement[],
  ];
  const result = read(oca(`test-${sample}`));
  const expected = statements.flatMap((s) => s.transactions);

  it('has the account and one transaction per payment, batch entries split into their transaction details', () => {
    expect(result.account).toBe(account);
    expect(result.errors).toEqual([]);
    expect(result.transactions.map((t) => [t.bookingDate, t.amountMinor, t.currency])).toEqual(
      expected.map((t) => [t.date, Math.round(t.amount * 100), currency]),
    );
  });

  it('reads counterparty, purpose, references and booking text as OCA does', () => {
    result.transactions.forEach((t, i) => {
      const want = expected[i]!;
      const n = narrationOf(want);
      expect(t.counterpartyName).toBe(want.partner_name);
      expect(t.counterpartyIban).toBe(want.account_number);
      expect(t.endToEndId).toBe(n['End To End Id (Refs/EndToEndId)'] ?? null);
      const purpose =
        n['Unstructured Reference (RmtInf/Ustrd)'] ??
        n['Structured Reference (RmtInf/Strd/CdtrRefInf/Ref)'] ??
        n['Additional Transaction Information (AddtlTxInf)'];
      // The structured reference is followed by the additional remittance information (`?REJECT?0`, a Swiss ISR flag).
      expect(t.purpose.startsWith(purpose!)).toBe(true);
      expect(t.bookingType).toBe(n['Additional Entry Information (AddtlNtryInf)'] ?? want.transaction_type);
    });
  });

  it('checks the balances OCA reads: opening + transactions = closing, or a warning with both sums', () => {
    const [s] = statements;
    const sum = expected.reduce((acc, t) => acc + Math.round(t.amount * 100), 0);
    const difference = Math.round(s!.balance_end_real * 100) - Math.round(s!.balance_start * 100) - sum;
    if (difference === 0) {
      expect(result.warnings).toEqual([]);
    } else {
      // test-camt053 is such a case: 15568.27 - 12.99 is not 15121.12. OCA imports it without checking.
      expect(result.warnings.map((w) => [w.field, w.found])).toEqual([['closingBalance', s!.balance_end_real.toFixed(2)]]);
      expect(result.warnings[0]!.message).toBe(
        `opening balance (OPBD) ${s!.balance_start.toFixed(2)} ${currency} + booked entries ${formatMinor(sum, currency)} ${currency} = ` +
          `${formatMinor(Math.round(s!.balance_start * 100) + sum, currency)} ${currency}, but the closing balance (CLBD) is ` +
          `${s!.balance_end_real.toFixed(2)} ${currency} (difference ${formatMinor(difference, currency)} ${currency}); ` +
          'entries may be missing or the file is damaged',
      );
    }
  });
});

describe('OCA samples without entries and CAMT.054', () => {
  it('test-camt053-no-ntry: a statement without entries is an empty read, not an error (OCA drops it: golden is empty)', () => {
    expect(parsePython(readFileSync(path.join(samples, oca('golden-camt053-no-ntry.pydata')), 'utf8'))).toEqual([null, null, []]);
    const result = read(oca('test-camt053-no-ntry'));
    expect(result.transactions).toEqual([]);
    expect(result.errors).toEqual([]);
    // Opening 1520.76 = closing 1520.76: nothing to warn about.
    expect(result.warnings).toEqual([]);
    expect(result.rowsRead).toBe(0);
  });

  it('test-camt054: OCA imports notifications; this reader refuses them (they duplicate the CAMT.053 statement)', () => {
    expect(() => read(oca('test-camt054'))).toThrow(/is a CAMT\.054 debit\/credit notification/);
  });
});

// ---- Hamburger Sparkasse CAMT.052 against the CSV another tool made from it -----------------------------------------

describe('andreas-mausch/haspa-camt052-to-csv: Hamburger Sparkasse CAMT.052', () => {
  it('matches the CSV in every column', () => {
    const [header, ...lines] = text('andreas-mausch__haspa-camt052-to-csv__tests__camt052.csv').trim().split('\n');
    expect(header).toBe('Date;Valuta;Amount;Currency;Creditor Name;Creditor IBAN;Debtor Name;Debtor IBAN;Transaction Type;Description');
    const result = read('andreas-mausch__haspa-camt052-to-csv__tests__camt052.xml');
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]); // PRCD 20000.00 - 1500.00 = CLBD 18500.00
    expect(result.transactions).toHaveLength(lines.length);
    lines.forEach((line, i) => {
      const [date, valuta, amount, currency, creditorName, creditorIban, debtorName, debtorIban, type, description] = line.split(';');
      const t = result.transactions[i]!;
      const outgoing = amount!.startsWith('-');
      expect(t.bookingDate).toBe(date);
      expect(t.valueDate).toBe(valuta);
      expect(formatMinor(t.amountMinor, t.currency)).toBe(amount);
      expect(t.currency).toBe(currency);
      expect(t.counterpartyName).toBe(outgoing ? creditorName : debtorName);
      expect(t.counterpartyIban).toBe((outgoing ? creditorIban : debtorIban)!.replace(/ /g, ''));
      expect(result.account).toBe((outgoing ? debtorIban : creditorIban)!.replace(/ /g, ''));
      expect(t.bookingType).toBe(type);
      expect(t.purpose).toBe(description);
    });
  });

  it('has the SEPA references of the direct debit', () => {
    const [t] = read('andreas-mausch__haspa-camt052-to-csv__tests__camt052.xml').transactions;
    expect([t!.endToEndId, t!.mandateReference, t!.creditorId, t!.counterpartyBic]).toEqual([
      'TR25F7LEK7KAKRQA',
      'Q1.1ke32hq7c0h0wb3kd.gpfskhjrk',
      'DE30100000001111111111',
      'MARKDEF1100',
    ]);
  });
});

// ---- Sparda-Bank: ISO-8859-1 without XML declaration, 150 entries ---------------------------------------------------

describe('libfintx: Sparda-Bank CAMT.052, ISO-8859-1 without XML declaration', () => {
  const name = 'libfintx__libfintx__src__libfintx.Tests__Resources__Camt052_Spardabank.txt';
  const result = read(name);

  it('reads all 150 entries, and PRCD + entries = ITBD', () => {
    expect(ntryCount(name)).toBe(150);
    expect(result.transactions).toHaveLength(150);
    expect(result.errors).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.account).toBe('DE55120965970123456789');
    expect(result.period).toEqual({ from: '2021-01-04', to: '2021-07-27' });
  });

  it('decodes the umlauts (no declaration, not valid UTF-8 → detected as a Latin code page)', () => {
    expect(result.encoding).toBe('windows-1252');
    const types = result.transactions.map((t) => t.bookingType);
    expect(types.filter((t) => t === 'Überweisungsauftrag')).toHaveLength(6);
    expect(types.filter((t) => t === 'Überweisungsgutschr.')).toHaveLength(1);
    expect(result.transactions.map((t) => t.purpose)).toContain('Umbuchung für Bestattungsvorsorge');
    expect(result.transactions.some((t) => /[\ufffdÃ]/.test(t.purpose + t.bookingType))).toBe(false);
  });

  it('joins remittance text the bank cut at 140 characters without inventing a space', () => {
    const purposes = result.transactions.map((t) => t.purpose);
    // "…IBAN: DE6110010010003590410" + "1 BIC: PBNKDEFF": the IBAN must come out whole.
    expect(purposes).toContain(
      '077616: Beitrag+RSV bis 31.12.2021 EREF: DE56BMG00001024542-MNR.077616 MREF: 077616/001 CRED: DE56BMG00001024542 ' +
        'IBAN: DE61100100100035904101 BIC: PBNKDEFF',
    );
    expect(purposes.filter((p) => p.includes('GENODEF1EK1'))).toHaveLength(5);
    expect(purposes.some((p) => p.includes('GENODEF1EK 1'))).toBe(false);
  });

  it('gives the entry lines (the file is a single line)', () => {
    expect(new Set(result.transactions.map((t) => t.line))).toEqual(new Set([1]));
  });
});

// ---- hbci4java edge cases ----------------------------------------------------------------------------------------

const hbci = (name: string): string => `hbci4j__hbci4java__src__test__resources__org__kapott__hbci4java__sepa__${name}.xml`;

describe('hbci4java samples', () => {
  it('returned direct debit (Rücklastschrift): the counterparty is the original debtor, as hbci4java asserts', () => {
    // TestCamtParse.test005: other.iban "DES1234567890", other.bic "TESTS1234", other.name "Sven Schuldner"; value -53.
    const result = read(hbci('test-camt-ruecklastschrift'));
    const [t] = result.transactions;
    expect([t!.counterpartyName, t!.counterpartyIban, t!.counterpartyBic]).toEqual(['Sven Schuldner', 'DES1234567890', 'TESTS1234']);
    expect(t!.amountMinor).toBe(-5300);
    expect(t!.purpose).toBe('RUECKLASTSCHRIFT Sonstige Gruende');
    expect(t!.bookingType).toBe('LS RUECKBELASTUNG');
    expect(t!.mandateReference).toBe('TEST1234');
    // The sample's balances do not add up (PRCD 100.00 - 53.00 ≠ CLBD 100.00); hbci4java does not check them.
    expect(result.warnings.map((w) => [w.field, w.line, w.found])).toEqual([['closingBalance', 47, '100.00']]);
    expect(result.warnings[0]!.message).toContain('= 47.00 EUR, but the closing balance (CLBD) is 100.00 EUR (difference 53.00 EUR)');
  });

  it('camt.052.001.08 direct debit: the values hbci4java asserts (TestCamtParse.test006)', () => {
    const result = read(hbci('test-camt-parse-05200108'));
    expect(result.account).toBe('DE12345678901234567890');
    expect(result.warnings).toEqual([]); // OPBD 100 - 34 = CLBD 66
    const [t] = result.transactions;
    expect({
      bookingDate: t!.bookingDate,
      valueDate: t!.valueDate,
      amountMinor: t!.amountMinor,
      counterpartyName: t!.counterpartyName,
      counterpartyIban: t!.counterpartyIban,
      counterpartyBic: t!.counterpartyBic,
      creditorId: t!.creditorId,
      bookingType: t!.bookingType,
      purpose: t!.purpose,
    }).toEqual({
      bookingDate: '2023-11-10',
      valueDate: '2023-11-10',
      amountMinor: -3400,
      counterpartyName: 'Beispiel AG',
      counterpartyIban: 'DE12345678901234567892',
      counterpartyBic: 'ABCDEFG1CBA',
      creditorId: 'DE46ZZZ00000012345',
      bookingType: 'FOLGELASTSCHRIFT',
      purpose: 'Verwendungszweck',
    });
  });

  it('camt.052.001.02: two bookings, PRCD 100 + 10.50 = CLBD 110.50 (TestCamtParse.test004)', () => {
    const result = read(hbci('test-camt-parse-05200102'));
    expect(result.warnings).toEqual([]);
    expect(result.transactions.map((t) => [t.amountMinor, t.counterpartyName, t.counterpartyIban, t.purpose, t.bookingType, t.valueDate])).toEqual([
      [1000, 'Max Mustermann', 'DE12345678901234567891', 'Verwendungszweck 1', 'DAUERAUFTRAG', '2018-07-21'],
      [50, 'Bert Bezahler', 'DE12345678901234567892', 'Verwendungszweck 2', 'EINZAHLUNG', '2018-07-22'],
    ]);
  });

  it('invalid-saldo: a balance with 13 decimals is not rounded; the entries are read, the balances reported as unchecked', () => {
    const result = read(hbci('test-camt-parse-5200108-invalid-saldo'));
    expect(result.transactions.map((t) => t.amountMinor)).toEqual([-3400]);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual<LineError[]>([
      {
        file: hbci('test-camt-parse-5200108-invalid-saldo'),
        line: 33,
        column: null,
        field: 'openingBalance',
        found: '100.0000000000005',
        message: 'opening balance (OPBD) has 13 decimal places, but EUR has 2; it is not rounded; the balances are not checked',
      },
    ]);
  });

  it('missing-date: only the balances lack their date, which the balance check does not need; the entry is read', () => {
    // The sample drops <Dt> from both <Bal>; no entry lacks a date. A missing booking date is tested in camt.test.ts.
    const result = read(hbci('test-camt-parse-5200108-missing-date'));
    expect(result.transactions.map((t) => [t.bookingDate, t.amountMinor])).toEqual([['2023-11-10', -3400]]);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it.each(['test-camt-parse-invalid', 'test-camt-parse-none'])('%s: an account report without report is refused', (name) => {
    expect(() => read(hbci(name))).toThrow(/is a CAMT\.052 account report message without any <Rpt>: it holds no statement to import/);
  });
});

// ---- Files checked against themselves -------------------------------------------------------------------------------

const selfChecked = readdirSync(samples).filter((f) => /^(kedder|viafintech|libfintx).*\.(xml|txt)$/.test(f) && !/054|unsupported/.test(f));

describe.each(selfChecked)('%s', (name) => {
  const result = read(name);

  it('accounts for every entry: booked ones as one transaction each, batches split into their details', () => {
    const chunks = entryChunks(name);
    expect(chunks).toHaveLength(ntryCount(name));
    expect(result.errors).toEqual([]);
    expect(result.skipped).toHaveLength(chunks.filter((c) => !c.booked).length);
    expect(result.transactions).toHaveLength(chunks.filter((c) => c.booked).reduce((n, c) => n + Math.max(1, c.details), 0));
    for (const t of result.transactions) {
      expect(t.bookingDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(t.currency).toMatch(/^[A-Z]{3}$/);
      expect(t.fingerprint).toMatch(/^[0-9a-f]{20}(-\d+)?$/);
    }
  });

  it("gives every transaction the line of its <Ntry> in the file, one line per booked entry", () => {
    const lines = text(name)
      .split('\n')
      .flatMap((l, i) => (l.includes('<Ntry>') ? Array.from({ length: l.split('<Ntry>').length - 1 }, () => i + 1) : []));
    const booked = entryChunks(name).flatMap((c, i) => (c.booked ? [lines[i]!] : []));
    expect([...new Set(result.transactions.map((t) => t.line))]).toEqual([...new Set(booked)]);
  });

  it('opening balance + booked entries = closing balance, where the file states both in one currency', () => {
    const known: Record<string, RegExp> = {
      // OPBD 0.00 + 13010.00 booked ≠ CLBD 10000.00: the sample's balances do not add up.
      kedder__ofxstatement_iso20022__tests__samples__gcamp6: /^opening balance \(OPBD\) 0\.00 XXX \+ booked entries 13010\.00 XXX = 13010\.00 XXX, but the closing balance \(CLBD\) is 10000\.00 XXX \(difference -3010\.00 XXX\)/,
      // One entry is in EUR on a CHF account: a sum across currencies would be meaningless.
      viafintech__camt_parser__spec__fixtures__053__valid_example_v8: /^the entry in line \d+ is in EUR, the balances in CHF; the balances are not checked$/,
    };
    const expected = known[name.replace(/\.(xml|txt)$/, '').replace(/-/g, '_')];
    if (expected === undefined) expect(result.warnings).toEqual([]);
    else expect(result.warnings.map((w) => w.message)).toEqual([expect.stringMatching(expected)]);
  });
});

describe('kedder: a message in an unknown namespace without statements', () => {
  it('is refused', () => {
    expect(() => read('kedder__ofxstatement-iso20022__tests__samples__unsupported.xml')).toThrow(/without any <Stmt>/);
  });
});

describe('viafintech: batch entries', () => {
  it('the Swiss CAMT.053 v4 sample has batches, and they are split (their parts add up: no warning)', () => {
    const name = 'viafintech__camt_parser__spec__fixtures__053__valid_example_v4.xml';
    const batches = entryChunks(name).filter((c) => c.details > 1);
    expect(batches.length).toBeGreaterThan(0);
    const result = read(name);
    expect(result.transactions.length).toBeGreaterThan(ntryCount(name));
    expect(result.warnings).toEqual([]);
  });
});
