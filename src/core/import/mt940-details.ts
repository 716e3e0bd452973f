/**
 * `:86:` — information to the account owner (Mehrzweckfeld). German banks structure it (DFÜ-Abkommen): a three-digit
 * business transaction code (GVC, Geschäftsvorfallcode), then subfields `?00` booking text, `?10` prima nota, `?20`–`?29`
 * purpose, `?30` BIC (or old bank code), `?31` IBAN (or old account number), `?32`/`?33` counterparty name, `?34` return
 * reason, `?60`–`?63` purpose continued. Other banks write free text.
 *
 * Line breaks and subfield borders: the bank fills the purpose into 27-character subfields and the whole field into
 * 65-character lines, cutting wherever the limit falls — inside words (`Strukturier` + `ter Verwend` + `ungszweck`),
 * inside IBANs and SEPA keywords, even between `?2` and `2`. Joining the pieces with nothing in between restores the
 * bank's text exactly; a space would be invented inside every cut word and IBAN. The price: where an old-style bank
 * ended a subfield at a word's end on purpose (`?20FAM. MEIER?21ENGLAND`) the words run together. The fingerprint ignores
 * spaces either way; for the reader, an exact SEPA text (all German banks since 2014) beats a nicer pre-SEPA one.
 *
 * Free text has no such fixed width in practice, so there a full line (65 characters) is taken as cut by the wrap and
 * joined as is, and a shorter one as ended on purpose and joined with a space.
 */
import { normaliseIban } from '../iban/iban';
import { collapseText } from '../text/clean';
import { endToEndIdOf, purposeOf, splitSepaReferences } from './sepa-references';

export interface EntryDetails {
  purpose: string;
  counterpartyName: string;
  counterpartyIban: string | null;
  counterpartyBic: string | null;
  /** `?00` Buchungstext, e.g. `GUTSCHRIFT`, or null. */
  bookingType: string | null;
  endToEndId: string | null;
  mandateReference: string | null;
  creditorId: string | null;
}

const SWIFT_LINE = 65;

const empty: EntryDetails = {
  purpose: '',
  counterpartyName: '',
  counterpartyIban: null,
  counterpartyBic: null,
  bookingType: null,
  endToEndId: null,
  mandateReference: null,
  creditorId: null,
};

const ibanShape = /^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/;
const bicShape = /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

/** Subfields of a structured `:86:` (text after the GVC), in order; a code given twice is joined. */
function readSubfields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  const marker = /\?(\d{2})/g;
  let code: string | null = null;
  let from = 0;
  for (let m = marker.exec(text); ; m = marker.exec(text)) {
    const to = m === null ? text.length : m.index;
    if (code !== null) fields.set(code, (fields.get(code) ?? '') + text.slice(from, to));
    if (m === null) break;
    code = m[1]!;
    from = m.index + m[0].length;
  }
  return fields;
}

function joinFreeText(lines: readonly string[]): string {
  let text = '';
  lines.forEach((line, i) => {
    // The first line's width is counted with its tag `:86:`, as the bank counted it.
    const width = line.replace(/\s+$/, '').length + (i === 0 ? 4 : 0);
    text += line;
    if (i < lines.length - 1 && width < SWIFT_LINE) text += ' ';
  });
  return text;
}

/**
 * `details`: the lines of each `:86:` after the entry — one field almost always; some banks (Rabobank, Danske Bank) write
 * one `:86:` per line, and each such field is a line of its own.
 */
export function readEntryDetails(details: ReadonlyArray<readonly string[]>): EntryDetails {
  const joined = details.map((lines) => lines.join('')).join('');
  const structured = /^\s*(\d{3})\?\d{2}/.exec(joined);
  if (structured === null) return { ...empty, purpose: collapseText(details.map(joinFreeText).join(' ')) };

  const fields = readSubfields(joined.slice(structured[0].length - 3));
  const part = (code: string): string => fields.get(code) ?? '';
  let purposeText = '';
  for (const code of ['20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '60', '61', '62', '63']) {
    purposeText += part(code);
  }
  const refs = splitSepaReferences(purposeText);

  const ibanText = normaliseIban(collapseText(part('31')));
  const bicText = collapseText(part('30')).toUpperCase();
  const refIban = refs.values.IBAN === undefined ? null : normaliseIban(refs.values.IBAN);
  const refBic = refs.values.BIC?.toUpperCase() ?? null;
  return {
    purpose: purposeOf(refs),
    counterpartyName: collapseText(part('32') + part('33')),
    // `?30`/`?31` hold a bank code and account number in old bookings: not an IBAN and BIC, so left out.
    counterpartyIban: ibanText !== null && ibanShape.test(ibanText) ? ibanText : refIban !== null && ibanShape.test(refIban) ? refIban : null,
    counterpartyBic: bicShape.test(bicText) ? bicText : refBic !== null && bicShape.test(refBic) ? refBic : null,
    bookingType: collapseText(part('00')) || null,
    endToEndId: endToEndIdOf(refs),
    mandateReference: refs.values.MREF ?? null,
    creditorId: refs.values.CRED ?? null,
  };
}
