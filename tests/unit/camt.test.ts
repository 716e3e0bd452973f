/**
 * The CAMT reader's rules, one at a time, on small documents built here (and on real samples where one shows the case):
 * XML safety, encodings, entry fields and their errors, batch splitting, accounts, ZIP archives and their limits, and
 * that the whole reader runs without any platform global.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { strToU8, zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { readCamtFile } from '../../src/core/import/camt';
import { readStatement } from '../../src/core/import/read-statement';
import { StatementFileError, type LineError } from '../../src/core/transaction';
import { parseXmlDocument } from '../../src/core/xml/xml';
import { unzipArchive } from '../../src/core/zip/unzip';
import { coreInBareContext, signedBytes } from '../helpers/bare-core';


// Every test must check something: a loop over an empty list would otherwise pass silently.
beforeEach(() => {
  expect.hasAssertions();
});
const samples = path.resolve(__dirname, '../../../shared/samples/camt');
const sample = (name: string): Buffer => readFileSync(path.join(samples, name));
const hbci102 = 'hbci4j__hbci4java__src__test__resources__org__kapott__hbci4java__sepa__test-camt-parse-05200102.xml';
const hbci108 = 'hbci4j__hbci4java__src__test__resources__org__kapott__hbci4java__sepa__test-camt-parse-05200108.xml';
const haspa = 'andreas-mausch__haspa-camt052-to-csv__tests__camt052.xml';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const readXml = (xml: string, fileName = 'statement.xml') => readCamtFile({ fileName, bytes: utf8(xml) });

const OWN = 'DE02120300000000202051';

interface EntryParts {
  amount?: string;
  ccy?: string;
  cd?: string;
  status?: string;
  booking?: string;
  value?: string;
  extra?: string;
  details?: string;
}

/** One `<Ntry>`; every part can be replaced to make the case at hand. */
function ntry(p: EntryParts = {}): string {
  return [
    '<Ntry>',
    `<Amt Ccy="${p.ccy ?? 'EUR'}">${p.amount ?? '10.00'}</Amt>`,
    `<CdtDbtInd>${p.cd ?? 'CRDT'}</CdtDbtInd>`,
    p.status ?? '<Sts>BOOK</Sts>',
    p.booking ?? '<BookgDt><Dt>2024-03-01</Dt></BookgDt>',
    p.value ?? '<ValDt><Dt>2024-03-02</Dt></ValDt>',
    p.extra ?? '',
    p.details === undefined ? '' : `<NtryDtls>${p.details}</NtryDtls>`,
    '</Ntry>',
  ].join('\n');
}

/** A CAMT.053 document, one element per line, so that line numbers are easy to state. */
function camt053(entries: string[], opts: { account?: string; balances?: string; statements?: number } = {}): string {
  const statement = [
    '<Stmt>',
    '<Id>1</Id>',
    `<Acct><Id><IBAN>${opts.account ?? OWN}</IBAN></Id></Acct>`,
    opts.balances ?? '',
    ...entries,
    '</Stmt>',
  ].join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">',
    '<BkToCstmrStmt>',
    '<GrpHdr><MsgId>1</MsgId></GrpHdr>',
    ...Array.from({ length: opts.statements ?? 1 }, () => statement),
    '</BkToCstmrStmt>',
    '</Document>',
  ].join('\n');
}

const tx = (inner: string): string => `<TxDtls>${inner}</TxDtls>`;
const party = (role: 'Dbtr' | 'Cdtr', name: string, iban: string): string =>
  `<${role}><Nm>${name}</Nm></${role}><${role}Acct><Id><IBAN>${iban}</IBAN></Id></${role}Acct>`;
const parties = (...p: string[]): string => `<RltdPties>${p.join('')}</RltdPties>`;
const balance = (code: string, amount: string, cd = 'CRDT', ccy = 'EUR'): string =>
  `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="${ccy}">${amount}</Amt><CdtDbtInd>${cd}</CdtDbtInd><Dt><Dt>2024-03-01</Dt></Dt></Bal>`;

/** Line of the n-th `<Ntry>` in a document (1-based n), counted on the text. */
function ntryLine(xml: string, n = 1): number {
  let at = -1;
  for (let i = 0; i < n; i++) at = xml.indexOf('<Ntry>', at + 1);
  return xml.slice(0, at).split('\n').length;
}

// ---- XML ---------------------------------------------------------------------------------------------------------------

describe('XML', () => {
  it('reads elements with a namespace prefix (<ns2:Ntry>) by their local names', () => {
    const plain = sample(hbci102).toString('utf8');
    const prefixed = plain
      .replace(/<(\/?)([A-Za-z][\w]*)([\s>/])/g, '<$1ns2:$2$3')
      .replace('<ns2:Document xmlns=', '<ns2:Document xmlns:ns2=')
      .replace(/<ns2:\?xml/, '<?xml');
    expect(prefixed).toContain('<ns2:Ntry>');
    const a = readCamtFile({ fileName: 'a.xml', bytes: utf8(plain) });
    const b = readCamtFile({ fileName: 'b.xml', bytes: utf8(prefixed) });
    expect(b.transactions).toEqual(a.transactions);
    expect(b.transactions).toHaveLength(2);
  });

  it('decodes entities and CDATA in texts', () => {
    const xml = camt053([
      ntry({
        details: tx(
          parties(party('Dbtr', 'M&amp;M &lt;GmbH&gt; &#220;ber &#x20AC;', 'DE89370400440532013000')) +
            '<RmtInf><Ustrd><![CDATA[Rechnung <4711> & "Mahnung"]]></Ustrd></RmtInf>',
        ),
      }),
    ]);
    const [t] = readXml(xml).transactions;
    expect(t!.counterpartyName).toBe('M&M <GmbH> Über €');
    expect(t!.purpose).toBe('Rechnung <4711> & "Mahnung"');
  });

  it("gives each transaction the line where its <Ntry> starts, in every sample's own line numbering", () => {
    const xml = camt053([ntry({ amount: '1.00' }), ntry({ amount: '2.00' }), ntry({ amount: '3.00' })]);
    expect(readXml(xml).transactions.map((t) => t.line)).toEqual([1, 2, 3].map((n) => ntryLine(xml, n)));
    // CRLF line ends (kedder's camt052.xml) count as one line break.
    const crlf = 'kedder__ofxstatement-iso20022__tests__samples__camt052.xml';
    const raw = sample(crlf).toString('utf8');
    expect(raw).toContain('\r\n');
    const lines = raw.split('\n').flatMap((l, i) => (l.includes('<Ntry>') ? [i + 1] : []));
    expect(readCamtFile({ fileName: crlf, bytes: sample(crlf) }).transactions.map((t) => t.line)).toEqual(lines);
  });

  it('refuses text that is not well-formed XML, naming line and column', () => {
    const xml = camt053([ntry()]).replace('</CdtDbtInd>', '</CdtDbt>');
    const lines = xml.split('\n');
    const line = lines.findIndex((l) => l.includes('</CdtDbt>')) + 1;
    const column = lines[line - 1]!.indexOf('</CdtDbt>') + 1;
    expect(() => readXml(xml)).toThrow(
      new StatementFileError('statement.xml', `is not well-formed XML: Missing end tag for element CdtDbtInd (line ${line}, column ${column})`),
    );
  });

  it('refuses a document type declaration: no entity expansion ("billion laughs"), no external entities', () => {
    const laughs =
      '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n' +
      Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('\n') +
      ']>\n<Document><BkToCstmrStmt><Stmt><Ntry><Amt Ccy="EUR">&lol9;</Amt></Ntry></Stmt></BkToCstmrStmt></Document>';
    expect(() => readXml(laughs, 'laughs.xml')).toThrow(/^laughs\.xml: line 2: has a document type declaration \(<!DOCTYPE>\)/);
    const external = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document>&x;</Document>';
    expect(() => readXml(external)).toThrow(/document type declaration/);
    // Without a DTD an undefined entity is a plain syntax error.
    expect(() => readXml(camt053([ntry({ amount: '&x;' })]))).toThrow(/not well-formed XML: Named entity isn't defined: &x;/);
  });

  it('refuses absurdly deep nesting without exhausting the stack', () => {
    const deep = `<Document>${'<a>'.repeat(300)}${'</a>'.repeat(300)}</Document>`;
    expect(() => parseXmlDocument(deep, 'deep.xml')).toThrow(/nests elements more than 200 levels deep/);
    const deeper = `<Document>${'<a>'.repeat(200_000)}${'</a>'.repeat(200_000)}</Document>`;
    expect(() => parseXmlDocument(deeper, 'deeper.xml')).toThrow(StatementFileError);
  });

  it('says what a file is when it is XML but no CAMT.052/053 statement', () => {
    expect(() => readXml('<?xml version="1.0"?><html><body/></html>', 'page.xml')).toThrow(
      'page.xml: is XML, but no ISO 20022 bank statement: its root element is <html>, not <Document>',
    );
    expect(() => readXml('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn/></Document>', 'pain.xml')).toThrow(
      'pain.xml: is an XML message <CstmrCdtTrfInitn> (urn:iso:std:iso:20022:tech:xsd:pain.001.001.03), not a CAMT.052 account report or CAMT.053 statement',
    );
  });
});

// ---- Encodings ---------------------------------------------------------------------------------------------------------

describe('character encodings', () => {
  const withText = (declaration: string, purpose: string): string =>
    camt053([ntry({ details: tx(`<RmtInf><Ustrd>${purpose}</Ustrd></RmtInf>`) })]).replace(
      '<?xml version="1.0" encoding="UTF-8"?>',
      declaration,
    );

  it('honours a declared ISO-8859-1', () => {
    const result = readCamtFile({ fileName: 'l.xml', bytes: latin1(withText('<?xml version="1.0" encoding="ISO-8859-1"?>', 'Müller Größe')) });
    expect(result.transactions[0]!.purpose).toBe('Müller Größe');
    expect(result.encoding).toBe('iso-8859-1');
  });

  it('reads ISO-8859-15 (€ at 0xA4), and the signed bytes Apps Script hands over', () => {
    const bytes = latin1(withText("<?xml version='1.0' encoding='iso-8859-15'?>", 'Preis 5 \u00a4'));
    const signedBytes = Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
    expect(readCamtFile({ fileName: 'e.xml', bytes: signedBytes }).transactions[0]!.purpose).toBe('Preis 5 €');
  });

  it('reads UTF-8 with byte order mark, and UTF-16 with byte order mark', () => {
    const xml = withText('<?xml version="1.0" encoding="UTF-8"?>', 'Grüße');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(xml)]);
    expect(readCamtFile({ fileName: 'b.xml', bytes: bom }).transactions[0]!.purpose).toBe('Grüße');
    const utf16 = withText('<?xml version="1.0" encoding="UTF-16"?>', 'Grüße');
    const le = new Uint8Array(2 + utf16.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < utf16.length; i++) le[2 + 2 * i] = utf16.charCodeAt(i);
    const result = readCamtFile({ fileName: 'w.xml', bytes: le });
    expect([result.transactions[0]!.purpose, result.encoding]).toEqual(['Grüße', 'utf-16le']);
  });

  it('refuses a file whose bytes contradict its declared UTF-8, and an encoding it cannot read', () => {
    const lying = latin1(withText('<?xml version="1.0" encoding="UTF-8"?>', 'Müller'));
    expect(() => readCamtFile({ fileName: 'x.xml', bytes: lying })).toThrow(
      'x.xml: declares the encoding UTF-8, but its bytes are not valid UTF-8; the bank sent a damaged file (or one converted to another encoding afterwards)',
    );
    const ebcdic = utf8(withText('<?xml version="1.0" encoding="IBM037"?>', 'x'));
    expect(() => readCamtFile({ fileName: 'y.xml', bytes: ebcdic })).toThrow(/declares the character encoding "IBM037", which cannot be read/);
  });
});

// ---- Entries -----------------------------------------------------------------------------------------------------------

describe('entries', () => {
  it('a booked entry without booking date is a LineError with line and field; the other entries are read', () => {
    const xml = camt053([ntry({ amount: '1.00' }), ntry({ amount: '2.00', booking: '' }), ntry({ amount: '3.00' })]);
    const result = readXml(xml);
    expect(result.errors).toEqual<LineError[]>([
      { file: 'statement.xml', line: ntryLine(xml, 2), column: null, field: 'bookingDate', found: '', message: 'has no booking date (BookgDt)' },
    ]);
    expect(result.transactions.map((t) => t.amountMinor)).toEqual([100, 300]);
    expect(result.rowsRead).toBe(3);
  });

  it('points at the line of the bad element, names the field and the text found, and lists further problems', () => {
    const xml = camt053([ntry({ amount: '12,50', value: '<ValDt><Dt>2024-02-30</Dt></ValDt>' })]);
    const [error] = readXml(xml).errors;
    const amountLine = xml.split('\n').findIndex((l) => l.includes('12,50')) + 1;
    const valueLine = xml.split('\n').findIndex((l) => l.includes('2024-02-30')) + 1;
    expect(error).toEqual<LineError>({
      file: 'statement.xml',
      line: amountLine,
      column: null,
      field: 'amount',
      found: '12,50',
      message: `amount is not an amount (digits with "." as decimal separator); also line ${valueLine} (valueDate) value date is not a date in the form YYYY-MM-DD "2024-02-30"`,
    });
  });

  it('never rounds: decimals beyond the currency are refused unless they are zeros', () => {
    const result = readXml(
      camt053([
        ntry({ amount: '34.005' }),
        ntry({ amount: '34.00500' }),
        ntry({ amount: '1500', ccy: 'JPY' }),
        ntry({ amount: '1500.5', ccy: 'JPY' }),
        ntry({ amount: '1.234', ccy: 'KWD' }),
        ntry({ amount: '8.85000' }),
      ]),
    );
    expect(result.errors.map((e) => [e.field, e.found, e.message])).toEqual([
      ['amount', '34.005', 'amount has 3 decimal places, but EUR has 2; it is not rounded'],
      ['amount', '34.00500', 'amount has 5 decimal places, but EUR has 2; it is not rounded'],
      ['amount', '1500.5', 'amount has decimals, but JPY has no minor unit; it is not rounded'],
    ]);
    expect(result.transactions.map((t) => [t.amountMinor, t.currency])).toEqual([
      [1500, 'JPY'],
      [1234, 'KWD'],
      [885, 'EUR'],
    ]);
  });

  it('zero amounts are imported as 0 (never -0), debit or credit', () => {
    const result = readXml(camt053([ntry({ amount: '0.00', cd: 'DBIT' }), ntry({ amount: '0', cd: 'CRDT' })]));
    expect(result.transactions.map((t) => Object.is(t.amountMinor, 0))).toEqual([true, true]);
  });

  it('rejects a missing or unknown credit/debit mark, a bad currency code and a missing status', () => {
    const result = readXml(camt053([ntry({ cd: 'CR' }), ntry({ ccy: 'Euro' }), ntry({ status: '' })]));
    expect(result.errors.map((e) => [e.field, e.message])).toEqual([
      ['creditDebit', 'credit/debit mark is neither CRDT nor DBIT'],
      ['amount', 'amount the currency (Ccy="Euro") is not a currency code such as EUR'],
      ['status', 'has no status (Sts): an entry must say whether it is booked (BOOK)'],
    ]);
  });

  it('leaves out pending and information entries with the reason (version 02 and version 08 status forms)', () => {
    const xml = camt053([
      ntry({ status: '<Sts>PDNG</Sts>', booking: '' }),
      ntry({ status: '<Sts><Cd>INFO</Cd></Sts>' }),
      ntry({ status: '<Sts><Cd>BOOK</Cd></Sts>' }),
    ]);
    const result = readXml(xml);
    expect(result.skipped).toEqual([
      { line: ntryLine(xml, 1), reason: 'not booked yet (pending entry, status PDNG)' },
      { line: ntryLine(xml, 2), reason: 'for information only, not booked (status INFO)' },
    ]);
    expect(result.transactions).toHaveLength(1);
    expect(result.rowsRead).toBe(3);
  });

  it('keeps the calendar day of a date-time as written, never shifted by the time zone', () => {
    const result = readXml(
      camt053([
        ntry({ booking: '<BookgDt><DtTm>2024-03-31T23:30:00+02:00</DtTm></BookgDt>', value: '<ValDt><DtTm>2024-04-01T00:15:00.000-05:00</DtTm></ValDt>' }),
        ntry({ booking: '<BookgDt><Dt>2017-04-11+02:00</Dt></BookgDt>', value: '<ValDt><Dt>2017-04-12Z</Dt></ValDt>' }),
      ]),
    );
    expect(result.transactions.map((t) => [t.bookingDate, t.valueDate])).toEqual([
      ['2024-03-31', '2024-04-01'],
      ['2017-04-11', '2017-04-12'],
    ]);
  });

  it('counterparty: debtor for money in, creditor for money out; v8 Pty/Nm; BIC or BICFI; never the own account', () => {
    const details = tx(
      parties(party('Dbtr', 'Anna Zahler', 'DE89370400440532013000'), party('Cdtr', 'Own Company', OWN)) +
        '<RltdAgts><DbtrAgt><FinInstnId><BICFI>COBADEFFXXX</BICFI></FinInstnId></DbtrAgt></RltdAgts>',
    );
    const out = tx(
      '<RltdPties><Dbtr><Pty><Nm>Own Company</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>' +
        OWN +
        '</IBAN></Id></DbtrAcct><Cdtr><Pty><Nm>Vermieter  KG</Nm></Pty></Cdtr><CdtrAcct><Id><Othr><Id>0532013000</Id></Othr></Id></CdtrAcct></RltdPties>',
    );
    // A bank that names the account holder in the wrong role: the own account is not the counterparty.
    const swapped = tx(parties(party('Dbtr', 'Own Company', OWN), party('Cdtr', 'Lieferant AG', 'DE75512108001245126199')));
    const result = readXml(camt053([ntry({ details }), ntry({ cd: 'DBIT', details: out }), ntry({ details: swapped })]));
    expect(result.transactions.map((t) => [t.counterpartyName, t.counterpartyIban, t.counterpartyBic])).toEqual([
      ['Anna Zahler', 'DE89370400440532013000', 'COBADEFFXXX'],
      ['Vermieter KG', '0532013000', null],
      ['Lieferant AG', 'DE75512108001245126199', null],
    ]);
  });

  it('a reversal keeps the sign of the entry (CdtDbtInd) but the parties of the original payment', () => {
    // ISO 20022: "If the CreditDebitIndicator is CRDT and ReversalIndicator is Yes, the original operation was a debit
    // entry." Here a direct debit we paid (to the creditor) comes back: money in, the counterparty is the creditor.
    const details = tx(parties(party('Dbtr', 'Own Company', OWN), party('Cdtr', 'Stadtwerke', 'DE75512108001245126199')));
    const [t] = readXml(camt053([ntry({ cd: 'CRDT', amount: '80.00', extra: '<RvslInd>true</RvslInd>', details })])).transactions;
    expect([t!.amountMinor, t!.counterpartyName]).toEqual([8000, 'Stadtwerke']);
  });

  it('references: end-to-end id (NOTPROVIDED → null), mandate, SEPA creditor id (other schemes are not one)', () => {
    const sepa = '<Id><PrvtId><Othr><Id>DE98ZZZ09999999999</Id><SchmeNm><Prtry>SEPA</Prtry></SchmeNm></Othr></PrvtId></Id>';
    const other = '<Id><PrvtId><Othr><Id>123</Id><SchmeNm><Prtry>CUST</Prtry></SchmeNm></Othr></PrvtId></Id>';
    const result = readXml(
      camt053([
        ntry({ cd: 'DBIT', details: tx(`<Refs><EndToEndId>R-4711</EndToEndId><MndtId>M-1</MndtId></Refs><RltdPties><Cdtr><Nm>GEZ</Nm>${sepa}</Cdtr></RltdPties>`) }),
        ntry({ cd: 'DBIT', details: tx(`<Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs><RltdPties><Cdtr><Nm>X</Nm>${other}</Cdtr></RltdPties>`) }),
      ]),
    );
    expect(result.transactions.map((t) => [t.endToEndId, t.mandateReference, t.creditorId])).toEqual([
      ['R-4711', 'M-1', 'DE98ZZZ09999999999'],
      [null, null, null],
    ]);
  });

  it('purpose: the unstructured texts; structured references only where there are none', () => {
    const strd = '<Strd><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf><RfrdDocInf><Nb>RE-2024-17</Nb></RfrdDocInf><AddtlRmtInf>Danke</AddtlRmtInf></Strd>';
    const result = readXml(
      camt053([
        ntry({ details: tx(`<RmtInf><Ustrd>Rechnung 17</Ustrd><Ustrd>und 18</Ustrd>${strd}</RmtInf>`) }),
        ntry({ details: tx(`<RmtInf>${strd}</RmtInf>`) }),
        ntry({ details: tx('<AddtlTxInf>Kartenzahlung Tankstelle</AddtlTxInf>') }),
        ntry({ details: tx(`<RmtInf><Ustrd>${'x'.repeat(139)}A</Ustrd><Ustrd>BC</Ustrd></RmtInf>`) }),
      ]),
    );
    expect(result.transactions.map((t) => t.purpose)).toEqual([
      'Rechnung 17 und 18',
      'RF18539007547034 RE-2024-17 Danke',
      'Kartenzahlung Tankstelle',
      `${'x'.repeat(139)}ABC`,
    ]);
  });

  it('booking text: AddtlNtryInf, else the ISO bank transaction code, else the proprietary code', () => {
    const domain = '<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn><Prtry><Cd>NTRF+166</Cd></Prtry></BkTxCd>';
    const result = readXml(
      camt053([
        ntry({ extra: `${domain}<AddtlNtryInf>SEPA-Gutschrift</AddtlNtryInf>` }),
        ntry({ extra: domain }),
        ntry({ extra: '<BkTxCd><Prtry><Cd>NTRF+166</Cd></Prtry></BkTxCd>' }),
        ntry(),
      ]),
    );
    expect(result.transactions.map((t) => t.bookingType)).toEqual(['SEPA-Gutschrift', 'PMNT-RCDT-ESCT', 'NTRF+166', null]);
  });
});

// ---- Batches -----------------------------------------------------------------------------------------------------------

describe('batch entries (several TxDtls)', () => {
  const part = (amount: string, name: string, iban: string, purpose: string, where: 'Amt' | 'TxAmt' = 'Amt'): string =>
    tx(
      (where === 'Amt' ? `<Amt Ccy="EUR">${amount}</Amt>` : `<AmtDtls><TxAmt><Amt Ccy="EUR">${amount}</Amt></TxAmt></AmtDtls>`) +
        parties(party('Cdtr', name, iban)) +
        `<RmtInf><Ustrd>${purpose}</Ustrd></RmtInf>`,
    );

  it('are split into one transaction per payment when the parts add up to the entry', () => {
    const xml = camt053([
      ntry({
        amount: '150.00',
        cd: 'DBIT',
        details:
          part('100.00', 'Lieferant A', 'DE89370400440532013000', 'RE 1') + part('50.00', 'Lieferant B', 'DE75512108001245126199', 'RE 2', 'TxAmt'),
      }),
    ]);
    const result = readXml(xml);
    expect(result.transactions.map((t) => [t.line, t.amountMinor, t.counterpartyName, t.purpose])).toEqual([
      [ntryLine(xml), -10000, 'Lieferant A', 'RE 1'],
      [ntryLine(xml), -5000, 'Lieferant B', 'RE 2'],
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.rowsRead).toBe(2);
  });

  it('that do not add up are imported as one booking of the entry amount, with a warning: no money lost or made up', () => {
    const xml = camt053([
      ntry({
        amount: '150.00',
        cd: 'DBIT',
        details: part('100.00', 'Lieferant A', 'DE89370400440532013000', 'RE 1') + part('40.00', 'Lieferant B', 'DE75512108001245126199', 'RE 2'),
      }),
    ]);
    const result = readXml(xml);
    expect(result.transactions.map((t) => [t.amountMinor, t.counterpartyName, t.counterpartyIban, t.purpose])).toEqual([
      [-15000, '', null, 'RE 1; RE 2'],
    ]);
    expect(result.warnings).toEqual<LineError[]>([
      {
        file: 'statement.xml',
        line: ntryLine(xml),
        column: null,
        field: 'amount',
        found: '150.00',
        message: 'the 2 transaction details (TxDtls) add up to -140.00 EUR, but the entry is -150.00 EUR; it is imported as one booking of -150.00 EUR, not split',
      },
    ]);
  });

  it('with amounts in another currency or missing in some parts are not split either', () => {
    const foreign = tx('<AmtDtls><InstdAmt><Amt Ccy="USD">10.00</Amt></InstdAmt></AmtDtls><RmtInf><Ustrd>USD</Ustrd></RmtInf>');
    const result = readXml(camt053([ntry({ amount: '20.00', details: part('10.00', 'A', 'DE89370400440532013000', 'EUR') + foreign })]));
    expect(result.transactions.map((t) => t.amountMinor)).toEqual([2000]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      'only 1 of the 2 transaction details (TxDtls) state an amount in EUR; the entry is imported as one booking of 20.00 EUR, not split',
    ]);
  });
});

// ---- Statements and balances -------------------------------------------------------------------------------------------

describe('statements', () => {
  it('opening + booked entries ≠ closing is a warning naming both sums; pending entries do not count', () => {
    const xml = camt053([ntry({ amount: '10.00' }), ntry({ amount: '99.00', status: '<Sts>PDNG</Sts>' }), ntry({ amount: '2.50', cd: 'DBIT' })], {
      balances: [balance('PRCD', '100.00'), balance('CLBD', '108.00')].join('\n'),
    });
    const result = readXml(xml);
    const closingLine = xml.split('\n').findIndex((l) => l.includes('CLBD')) + 1;
    expect(result.warnings).toEqual<LineError[]>([
      {
        file: 'statement.xml',
        line: closingLine,
        column: null,
        field: 'closingBalance',
        found: '108.00',
        message:
          'opening balance (PRCD) 100.00 EUR + booked entries 7.50 EUR = 107.50 EUR, but the closing balance (CLBD) is 108.00 EUR ' +
          '(difference 0.50 EUR); entries may be missing or the file is damaged',
      },
    ]);
    const fine = readXml(camt053([ntry({ amount: '10.00' })], { balances: [balance('OPBD', '5.00', 'DBIT'), balance('CLBD', '5.00')].join('\n') }));
    expect(fine.warnings).toEqual([]);
  });

  it('several statements of one account are one read; the period is FrToDt widened to the bookings', () => {
    const xml = camt053([ntry()], { statements: 2 }).replace('<Id>1</Id>', '<Id>1</Id><FrToDt><FrDtTm>2024-02-01T00:00:00</FrDtTm><ToDtTm>2024-02-29T23:59:59</ToDtTm></FrToDt>');
    const result = readXml(xml);
    expect(result.transactions).toHaveLength(2);
    expect(result.period).toEqual({ from: '2024-02-01', to: '2024-03-01' });
    // Two identical bookings on one day: both kept, told apart by the occurrence suffix.
    expect(result.transactions[1]!.fingerprint).toBe(`${result.transactions[0]!.fingerprint}-2`);
  });

  it('entries of a second account are rejected, one error each, never imported under the first account', () => {
    const other = 'DE89370400440532013000';
    const xml = camt053([ntry()]).replace('</Stmt>', `</Stmt>\n${camt053([ntry({ amount: '5.00' })], { account: other }).match(/<Stmt>[\s\S]*<\/Stmt>/)![0]}`);
    const result = readXml(xml);
    expect(result.account).toBe(OWN);
    expect(result.transactions.map((t) => t.amountMinor)).toEqual([1000]);
    expect(result.errors.map((e) => [e.field, e.found, e.line])).toEqual([['account', other, ntryLine(xml, 2)]]);
    const [first, second] = xml.split('\n').flatMap((l, i) => (l.startsWith('<Acct>') ? [i + 1] : []));
    expect(result.errors[0]!.message).toBe(
      `belongs to account ${other} (named in line ${second}), but the first statement (statement.xml, line ${first}) is of ` +
        `account ${OWN}; import one account at a time`,
    );
  });

  it('is what the dispatcher returns for CAMT content, detected from the bytes, not the name', () => {
    const result = readStatement({ fileName: 'export.txt', bytes: sample(haspa) }, { profiles: [] });
    expect([result.format, result.profile, result.transactions.length]).toEqual(['camt', null, 1]);
  });
});

// ---- ZIP -----------------------------------------------------------------------------------------------------------------

describe('ZIP archives', () => {
  const single = (name: string) => readCamtFile({ fileName: name, bytes: sample(name) });

  it('reads every statement of the archive into one result, naming entries as archive.zip/entry.xml', () => {
    const zip = zipSync({ 'camt/0720.xml': sample(hbci102), 'camt/1110.xml': sample(hbci108) });
    const result = readCamtFile({ fileName: 'statements.zip', bytes: zip });
    const a = single(hbci102);
    const b = single(hbci108);
    expect(result.fileName).toBe('statements.zip');
    expect(result.account).toBe('DE12345678901234567890');
    expect(result.transactions.map(({ fingerprint: _, ...t }) => t)).toEqual(
      [...a.transactions, ...b.transactions].map(({ fingerprint: _, ...t }) => t),
    );
    // Distinct bookings: the fingerprints are those of each file read on its own.
    expect(result.transactions.map((t) => t.fingerprint)).toEqual([...a.transactions, ...b.transactions].map((t) => t.fingerprint));
    expect(result.period).toEqual({ from: '2018-07-20', to: '2023-11-10' });
    expect([result.errors, result.warnings, result.skipped]).toEqual([[], [], []]);
    expect(result.rowsRead).toBe(3);

    const broken = zipSync({ 'ok.xml': sample(hbci102), 'day2.xml': utf8(camt053([ntry({ booking: '' })])) });
    const errors = readCamtFile({ fileName: 'statements.zip', bytes: broken }).errors;
    expect(errors.map((e) => [e.file, e.field])).toEqual([['statements.zip/day2.xml', 'bookingDate']]);
  });

  it('leaves out entries that are no CAMT statement with a warning naming them; refuses an archive without any', () => {
    const notification = 'genkgo__camt__test__data__camt054.v2.xml';
    const zip = zipSync({
      'auszug.pdf': new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]),
      'camt053.xml': sample(hbci108),
      'camt054.xml': sample(notification),
      'empty.xml': new Uint8Array(0),
      '__MACOSX/._camt053.xml': new Uint8Array([0, 5, 22, 7]),
      'folder/': new Uint8Array(0),
    });
    const result = readCamtFile({ fileName: 'bank.zip', bytes: zip });
    expect(result.transactions).toHaveLength(1);
    expect(result.warnings.map((w) => [w.file, w.message.replace(/:.*(?=; left out$)/, '')])).toEqual([
      ['bank.zip/auszug.pdf', 'is not a CAMT XML file; left out'],
      ['bank.zip/camt054.xml', 'is a CAMT.054 debit/credit notification, not an account statement; left out'],
      ['bank.zip/empty.xml', 'is empty; left out'],
    ]);
    expect(() => readCamtFile({ fileName: 'n.zip', bytes: zipSync({ 'readme.txt': strToU8('hello') }) })).toThrow(
      'n.zip: contains no CAMT.052 or CAMT.053 statement: readme.txt is not a CAMT XML file; left out',
    );
    expect(() => readCamtFile({ fileName: 'e.zip', bytes: zipSync({ 'folder/': new Uint8Array(0) }) })).toThrow('e.zip: is a ZIP archive without files');
  });

  it('stops at a damaged statement inside, naming the entry', () => {
    const zip = zipSync({ 'a.xml': sample(hbci102), 'b.xml': strToU8('<Document><BkToCstmrStmt><Stmt>') });
    expect(() => readCamtFile({ fileName: 'z.zip', bytes: zip })).toThrow(/^z\.zip\/b\.xml: is not well-formed XML: /);
    const wrong = zipSync({ 'wrong.xml': sample('genkgo__camt__test__data__camt053.v2.wrong.xml') });
    expect(() => readCamtFile({ fileName: 'z.zip', bytes: wrong })).toThrow(/^z\.zip\/wrong\.xml: line 3: is a CAMT\.053 statement message without any <Stmt>/);
  });

  it('refuses a zip bomb: more than 50 MB unpacked, before unpacking it', () => {
    const zeros = new Uint8Array(51 * 1024 * 1024);
    const bomb = zipSync({ 'a.xml': zeros }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    expect(() => readCamtFile({ fileName: 'bomb.zip', bytes: bomb })).toThrow(
      'bomb.zip: unpacks to more than 50 MB (at a.xml); that is not a set of bank statements, so it is not unpacked',
    );
    // Many entries count together.
    const parts = zipSync(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`p${i}.xml`, new Uint8Array(10 * 1024 * 1024)])));
    expect(() => readCamtFile({ fileName: 'parts.zip', bytes: parts })).toThrow(/^parts\.zip: unpacks to more than 50 MB \(at p5\.xml\)/);
    // A small limit shows the check counts declared sizes, entry by entry.
    expect(() => unzipArchive(zipSync({ 'a.xml': new Uint8Array(600), 'b.xml': new Uint8Array(600) }), 'small.zip', 1000)).toThrow(
      'small.zip: unpacks to more than 1 MB (at b.xml); that is not a set of bank statements, so it is not unpacked',
    );
  });

  it('refuses a header that declares 4 GB without allocating it, and one that lies about a small size', () => {
    const zip = zipSync({ 'a.xml': sample(hbci108) });
    const forged = zip.slice();
    const view = new DataView(forged.buffer);
    const central = forged.findIndex((_, i) => view.getUint32(i, true) === 0x02014b50);
    view.setUint32(central + 24, 0xffff_fff0, true);
    const started = Date.now();
    expect(() => readCamtFile({ fileName: 'forged.zip', bytes: forged })).toThrow(/^forged\.zip: unpacks to more than 50 MB/);
    expect(Date.now() - started).toBeLessThan(1000);
    // Declared smaller than the content: inflating stops at the declared size, and the cut-off XML is refused.
    const small = zip.slice();
    new DataView(small.buffer).setUint32(central + 24, 100, true);
    expect(() => readCamtFile({ fileName: 'small.zip', bytes: small })).toThrow(/^small\.zip\/a\.xml: is not well-formed XML/);
  });

  it('says so when the archive is damaged', () => {
    const zip = zipSync({ 'a.xml': sample(hbci108) });
    expect(() => readCamtFile({ fileName: 'cut.zip', bytes: zip.slice(0, zip.length - 30) })).toThrow(/^cut\.zip: cannot be unpacked \(.*\); the ZIP archive is damaged or encrypted$/);
  });
});

// ---- Platform independence -----------------------------------------------------------------------------------------------

describe('the CAMT reader in a context without platform globals', () => {
  it('reads a ZIP of the Sparda and Haspa samples from signed bytes, with the same result as in Node', async () => {
    const context = await coreInBareContext("export { readCamtFile } from './src/core/import/camt';");
    const sparda = 'libfintx__libfintx__src__libfintx.Tests__Resources__Camt052_Spardabank.txt';
    const zip = zipSync({ 'sparda.xml': sample(sparda) });
    context.bytes = signedBytes(zip);
    const inVm = JSON.parse(vm.runInContext(`JSON.stringify(core.readCamtFile({ fileName: 's.zip', bytes: bytes }))`, context) as string);
    const inNode = readCamtFile({ fileName: 's.zip', bytes: zip });
    expect(inVm).toEqual(JSON.parse(JSON.stringify(inNode)));
    expect(inVm.transactions).toHaveLength(150);
  });
});
