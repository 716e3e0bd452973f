/**
 * Builds Sparkasse "CSV-CAMT V2" files for tests: the bank's header, every field quoted, `;`, Windows-1252 bytes.
 */
export interface SparkasseRow {
  account?: string;
  bookingDate: string; // dd.mm.yy as the bank writes it
  valueDate?: string;
  bookingText?: string;
  purpose: string;
  counterparty: string;
  iban?: string;
  bic?: string;
  amount: string; // -1234,56 as the bank writes it
  currency?: string;
  info?: string;
}

const header = [
  'Auftragskonto', 'Buchungstag', 'Valutadatum', 'Buchungstext', 'Verwendungszweck', 'Glaeubiger ID', 'Mandatsreferenz',
  'Kundenreferenz (End-to-End)', 'Sammlerreferenz', 'Lastschrift Ursprungsbetrag', 'Auslagenersatz Ruecklastschrift',
  'Beguenstigter/Zahlungspflichtiger', 'Kontonummer/IBAN', 'BIC (SWIFT-Code)', 'Betrag', 'Waehrung', 'Info',
];

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

export function sparkasseCsvText(rows: SparkasseRow[]): string {
  const lines = [header.map(quote).join(';')];
  for (const r of rows) {
    lines.push(
      [
        r.account ?? 'DE12500105170648489890', r.bookingDate, r.valueDate ?? r.bookingDate, r.bookingText ?? 'GUTSCHR. UEBERWEISUNG',
        r.purpose, '', '', '', '', '', '', r.counterparty, r.iban ?? '', r.bic ?? '', r.amount, r.currency ?? 'EUR',
        r.info ?? 'Umsatz gebucht',
      ].map(quote).join(';'),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

const cp1252Extras: Record<string, number> = { '€': 0x80, '„': 0x84, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };

/** Windows-1252 bytes of a text (Latin-1 range plus the few extras a bank statement uses). */
export function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => {
    const code = ch.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    const extra = cp1252Extras[ch];
    if (extra === undefined) throw new Error(`no Windows-1252 byte for ${ch}`);
    return extra;
  }));
}

export function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}
