/**
 * The sample statement lines written as the other two formats banks deliver: MT940 (as Sparkassen write it: structured
 * `:86:` with `?20`… subfields and SEPA keywords, ISO-8859-1) and CAMT.053 (camt.053.001.02, UTF-8), with opening and
 * closing balances that add up. Used by the playground's sample files and by the tests that need statements of any size.
 */
import { firmAccount } from './parties';
import type { StatementLine } from './statement';

export interface StatementOptions {
  /** Opening balance in cents. */
  openingMinor: number;
  /** Statement number (MT940 :28C:, CAMT ElctrncSeqNb). */
  number: number;
}

/** `dd.mm.yy` → `yymmdd` / `YYYY-MM-DD`. */
const yymmdd = (d: string): string => `${d.slice(6, 8)}${d.slice(3, 5)}${d.slice(0, 2)}`;
const iso = (d: string): string => `20${d.slice(6, 8)}-${d.slice(3, 5)}-${d.slice(0, 2)}`;
/** `-1234,56` → -123456 cents. */
const cents = (amount: string): number => Math.round(Number(amount.replace(',', '.')) * 100);
const mtAmount = (minor: number): string => `${Math.floor(Math.abs(minor) / 100)},${String(Math.abs(minor) % 100).padStart(2, '0')}`;
const xmlAmount = (minor: number): string => `${Math.floor(Math.abs(minor) / 100)}.${String(Math.abs(minor) % 100).padStart(2, '0')}`;

/** Geschäftsvorfallcode (GVC) and SWIFT transaction type per booking text, as Sparkassen use them. */
const CODES: Record<string, { gvc: string; swift: string }> = {
  DAUERAUFTRAG: { gvc: '152', swift: 'STO' },
  'GUTSCHR. UEBERWEISUNG': { gvc: '166', swift: 'TRF' },
  FOLGELASTSCHRIFT: { gvc: '105', swift: 'DDT' },
  'ONLINE-UEBERWEISUNG': { gvc: '177', swift: 'TRF' },
  KARTENZAHLUNG: { gvc: '106', swift: 'MSC' },
  'LOHN GEHALT': { gvc: '153', swift: 'TRF' },
  ENTGELTABSCHLUSS: { gvc: '805', swift: 'CHG' },
};

function booked(lines: StatementLine[]): StatementLine[] {
  // Pending bookings (Umsatz vorgemerkt) exist only in CSV exports; MT940 and CAMT.053 carry booked ones.
  return lines.filter((l) => l.info !== 'Umsatz vorgemerkt');
}

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** The `:86:` field: GVC, ?00 booking text, ?10 prima nota, ?20–?29/?60–?63 purpose with SEPA keywords, ?30–?32 party. */
function field86(l: StatementLine): string {
  const code = CODES[l.text] ?? { gvc: '166', swift: 'TRF' };
  const keywords = [
    l.endToEnd === undefined ? '' : `EREF+${l.endToEnd}`,
    l.mandate === undefined ? '' : `MREF+${l.mandate}`,
    l.creditorId === undefined ? '' : `CRED+${l.creditorId}`,
  ].filter((k) => k !== '');
  const purposeParts = [...keywords.flatMap((k) => chunks(k, 27)), ...chunks(`SVWZ+${l.purpose}`, 27)].slice(0, 14);
  const tags = [...Array.from({ length: 10 }, (_, i) => `?2${i}`), '?60', '?61', '?62', '?63'];
  let text = `${code.gvc}?00${l.text}?109310`;
  purposeParts.forEach((part, i) => (text += `${tags[i]}${part}`));
  if (l.counterparty.bic !== '') text += `?30${l.counterparty.bic}`;
  if (l.counterparty.iban !== '') text += `?31${l.counterparty.iban}`;
  const name = chunks(l.counterparty.name, 27);
  if (name[0] !== undefined) text += `?32${name[0]}`;
  if (name[1] !== undefined) text += `?33${name[1]}`;
  // SWIFT lines are at most 65 characters; the field continues on the next lines (never inside a `?20` marker).
  return wrap(`:86:${text}`, 65).join('\r\n');
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > width) {
    let cut = width;
    const marker = rest.lastIndexOf('?', cut);
    if (marker > cut - 3 && marker > 0) cut = marker;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  out.push(rest);
  return out;
}

function balanceLine(tag: string, date: string, minor: number): string {
  return `${tag}${minor < 0 ? 'D' : 'C'}${date}EUR${mtAmount(minor)}`;
}

/** One MT940 statement (one `:20:` … `-` block) for the firm's account; text, to be written as ISO-8859-1. */
export function mt940Text(linesIn: StatementLine[], options: StatementOptions): string {
  const lines = booked(linesIn);
  const blz = firmAccount.iban.slice(4, 12);
  const account = firmAccount.iban.slice(12);
  let balance = options.openingMinor;
  const first = lines[0]?.booked ?? '01.01.26';
  const last = lines.at(-1)?.booked ?? first;
  const out = [':20:STARTUMSE', `:25:${blz}/${account}`, `:28C:${String(options.number).padStart(5, '0')}/001`, balanceLine(':60F:', yymmdd(first), balance)];
  for (const l of lines) {
    const minor = cents(l.amount);
    balance += minor;
    const code = CODES[l.text] ?? { gvc: '166', swift: 'TRF' };
    const value = yymmdd(l.value ?? l.booked);
    out.push(`:61:${value}${yymmdd(l.booked).slice(2)}${minor < 0 ? 'D' : 'C'}R${mtAmount(minor)}N${code.swift}NONREF`);
    out.push(field86(l));
  }
  out.push(balanceLine(':62F:', yymmdd(last), balance), '-');
  return `${out.join('\r\n')}\r\n`;
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function xmlBalance(code: string, minor: number, date: string): string {
  return `      <Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${xmlAmount(minor)}</Amt><CdtDbtInd>${minor < 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;
}

function xmlEntry(l: StatementLine): string {
  const minor = cents(l.amount);
  const incoming = minor >= 0;
  const party = l.counterparty;
  const role = incoming ? 'Dbtr' : 'Cdtr';
  const partyXml = [
    `<${role}><Nm>${escapeXml(party.name)}</Nm>${l.creditorId !== undefined && !incoming ? `<Id><PrvtId><Othr><Id>${l.creditorId}</Id><SchmeNm><Prtry>SEPA</Prtry></SchmeNm></Othr></PrvtId></Id>` : ''}</${role}>`,
    party.iban === '' ? '' : `<${role}Acct><Id><IBAN>${party.iban}</IBAN></Id></${role}Acct>`,
  ].join('');
  const refs = [
    l.endToEnd === undefined ? '' : `<EndToEndId>${escapeXml(l.endToEnd)}</EndToEndId>`,
    l.mandate === undefined ? '' : `<MndtId>${escapeXml(l.mandate)}</MndtId>`,
  ].join('');
  return [
    '      <Ntry>',
    `        <Amt Ccy="EUR">${xmlAmount(minor)}</Amt><CdtDbtInd>${incoming ? 'CRDT' : 'DBIT'}</CdtDbtInd><Sts>BOOK</Sts>`,
    `        <BookgDt><Dt>${iso(l.booked)}</Dt></BookgDt><ValDt><Dt>${iso(l.value ?? l.booked)}</Dt></ValDt>`,
    `        <BkTxCd><Prtry><Cd>NTRF+${(CODES[l.text] ?? { gvc: '166' }).gvc}+9310</Cd><Issr>DK</Issr></Prtry></BkTxCd>`,
    '        <NtryDtls><TxDtls>',
    refs === '' ? '' : `          <Refs>${refs}</Refs>`,
    `          <RltdPties>${partyXml}</RltdPties>`,
    party.bic === '' ? '' : `          <RltdAgts><${role}Agt><FinInstnId><BIC>${party.bic}</BIC></FinInstnId></${role}Agt></RltdAgts>`,
    `          <RmtInf><Ustrd>${escapeXml(l.purpose)}</Ustrd></RmtInf>`,
    '        </TxDtls></NtryDtls>',
    `        <AddtlNtryInf>${escapeXml(l.text)}</AddtlNtryInf>`,
    '      </Ntry>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** One CAMT.053 document (camt.053.001.02) with one statement for the firm's account; text, to be written as UTF-8. */
export function camt053Xml(linesIn: StatementLine[], options: StatementOptions): string {
  const lines = booked(linesIn);
  const first = iso(lines[0]?.booked ?? '01.01.26');
  const last = iso(lines.at(-1)?.booked ?? '01.01.26');
  const closing = lines.reduce((sum, l) => sum + cents(l.amount), options.openingMinor);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    '  <BkToCstmrStmt>',
    `    <GrpHdr><MsgId>KM-SAMPLE-${options.number}</MsgId><CreDtTm>${last}T06:00:00</CreDtTm></GrpHdr>`,
    '    <Stmt>',
    `      <Id>KM-SAMPLE-${options.number}-1</Id><ElctrncSeqNb>${options.number}</ElctrncSeqNb><CreDtTm>${last}T06:00:00</CreDtTm>`,
    `      <FrToDt><FrDtTm>${first}T00:00:00</FrDtTm><ToDtTm>${last}T23:59:59</ToDtTm></FrToDt>`,
    `      <Acct><Id><IBAN>${firmAccount.iban}</IBAN></Id><Ccy>EUR</Ccy><Svcr><FinInstnId><BIC>${firmAccount.bic}</BIC></FinInstnId></Svcr></Acct>`,
    xmlBalance('PRCD', options.openingMinor, first),
    xmlBalance('CLBD', closing, last),
    ...lines.map(xmlEntry),
    '    </Stmt>',
    '  </BkToCstmrStmt>',
    '</Document>',
    '',
  ].join('\n');
}

/** ISO-8859-1 bytes (MT940 files of German banks); characters outside it become `?`, as banks' exporters do. */
export function latin1(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => {
    const code = ch.codePointAt(0)!;
    return code <= 0xff ? code : 0x3f;
  }));
}
