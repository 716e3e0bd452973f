/**
 * The value types of ISO 20022 as CAMT writes them: amounts with a currency attribute, credit/debit marks, dates.
 */
import { isValidIsoDate } from '../calendar/date';
import { formatMinor } from '../money/amount';
import { currencyExponent } from '../money/currency';
import { at, textAt, type XmlElement } from '../xml/xml';

export type Read<T> = { ok: true; value: T } | { ok: false; message: string; found: string };

/** An amount as the file states it: always unsigned, the direction is a separate `CdtDbtInd`. */
export interface CamtAmount {
  minor: number;
  currency: string;
}

/**
 * `<Amt Ccy="EUR">1234.5</Amt>` → 123450 EUR. ISO 20022 allows up to five decimals whatever the currency, and some banks
 * pad with zeros (`8.850`, `5442.09000`); zeros beyond the currency's minor unit change nothing and are accepted. A
 * non-zero digit there (`100.0000000000005`) is refused, never rounded: the reader must not change money, and an amount the
 * bank cannot state in cents is a defect to show, not to hide.
 */
export function readAmount(el: XmlElement | null): Read<CamtAmount> {
  const text = el === null ? '' : el.text.trim();
  if (el === null || text === '') return { ok: false, message: 'is empty', found: '' };
  const currency = (el.attributes['Ccy'] ?? '').trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) {
    const message = `the currency (Ccy="${el.attributes['Ccy'] ?? ''}") is not a currency code such as EUR`;
    return { ok: false, message, found: text };
  }
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (m === null) return { ok: false, message: 'is not an amount (digits with "." as decimal separator)', found: text };
  const exponent = currencyExponent(currency);
  const fraction = m[2] ?? '';
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > exponent) {
    return {
      ok: false,
      message:
        exponent === 0
          ? `has decimals, but ${currency} has no minor unit; it is not rounded`
          : `has ${fraction.length} decimal places, but ${currency} has ${exponent}; it is not rounded`,
      found: text,
    };
  }
  const minor = Number(m[1]! + significant.padEnd(exponent, '0'));
  if (!Number.isSafeInteger(minor)) return { ok: false, message: 'is too large', found: text };
  return { ok: true, value: { minor, currency } };
}

/** `CRDT` → +1, `DBIT` → -1 (money out). */
export function readDirection(el: XmlElement | null): Read<1 | -1> {
  const text = el === null ? '' : el.text.trim();
  if (text === 'CRDT') return { ok: true, value: 1 };
  if (text === 'DBIT') return { ok: true, value: -1 };
  return { ok: false, message: text === '' ? 'is empty' : 'is neither CRDT nor DBIT', found: text };
}

/** The signed amount; a zero stays +0 whatever the mark. */
export function signed(minor: number, direction: 1 | -1): number {
  return minor === 0 ? 0 : minor * direction;
}

/**
 * A date element of the `DateAndDateTimeChoice` kind: `<Dt>2024-03-01</Dt>` (a time zone suffix such as `+02:00` is
 * allowed by XML Schema and seen in Swiss files) or `<DtTm>2024-03-01T23:30:00+01:00</DtTm>`. The calendar day is taken as
 * written: converting a bank's 23:30+01:00 to UTC would book it on the wrong day.
 */
export function readDateChoice(el: XmlElement | null): Read<string> {
  const text = textAt(el, 'Dt') ?? textAt(el, 'DtTm') ?? '';
  if (text === '') return { ok: false, message: 'is empty (neither Dt nor DtTm given)', found: '' };
  return readIsoDate(text);
}

const isoDate = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:\d{2})?$/;

/** `2024-03-01`, `2024-03-01+02:00`, `2024-03-01T10:15:00.000Z` → `2024-03-01`. */
export function readIsoDate(text: string): Read<string> {
  if (text === '') return { ok: false, message: 'is empty', found: '' };
  const m = isoDate.exec(text);
  if (m === null || !isValidIsoDate(m[1]!)) return { ok: false, message: 'is not a date in the form YYYY-MM-DD', found: text };
  return { ok: true, value: m[1]! };
}

/** `-123456, 'EUR'` → `-1234.56 EUR`, for messages. */
export function showAmount(minor: number, currency: string): string {
  return `${formatMinor(minor, currency)} ${currency}`;
}

/** The status code: `<Sts>BOOK</Sts>` up to version 06, `<Sts><Cd>BOOK</Cd></Sts>` from version 08. */
export function statusCode(entry: XmlElement): string | null {
  const sts = at(entry, 'Sts');
  if (sts === null) return null;
  return (textAt(sts, 'Cd') ?? textAt(sts, 'Prtry') ?? sts.text.trim()) || null;
}
