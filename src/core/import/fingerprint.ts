/**
 * The fingerprint recognises a transaction again when a statement is imported twice, or when two exports overlap
 * (January–March, then March–June). It must therefore come only from what the bank itself says about the payment, in a
 * form that survives being read from another export format.
 *
 * What goes in, and why:
 * - own account: the same rent payment on two different accounts is two transactions;
 * - booking date, amount in minor units, currency: the core of every statement line in every format;
 * - purpose (Verwendungszweck), lower-cased, reduced to letters and digits, umlauts spelled out: CSV, MT940 and CAMT
 *   wrap, pad and truncate-at-line-ends it differently, and MT940's character set has no umlauts;
 * - counterparty IBAN: tells apart two tenants who both pay "Miete" 500,00 on the first of the month.
 *
 * What stays out, and why:
 * - counterparty name: banks cut it at 27 (MT940), 70 (CSV) or 140 (CAMT) characters and pad it with spaces;
 * - value date: not every format has it, and banks correct it after booking;
 * - booking text (Buchungstext): V2 and V8 of the very same Sparkasse export already word it differently.
 *
 * Two genuinely identical payments on one day (two coffees at the same kiosk) have the same key; the n-th occurrence in a
 * file gets `-n` appended, so both are kept, and a re-import of the same day yields the same suffixes again.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import type { Transaction } from '../transaction';
import { utf8Bytes } from '../text/utf8';

type Unfingerprinted = Omit<Transaction, 'fingerprint'>;

const spelledOut: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** `"Rechnung  Nr. 4711 / März"` → `"rechnungnr4711maerz"`. */
export function normalisePurpose(purpose: string): string {
  return purpose
    .toLowerCase()
    .replace(/[äöüß]/g, (ch) => spelledOut[ch]!)
    .replace(/[^a-z0-9]/g, '');
}

/** The text that is hashed; versioned so that a future change of the rule cannot silently collide with old ones. */
export function fingerprintKey(t: Unfingerprinted, account: string | null): string {
  return [
    'v1',
    account ?? '',
    t.bookingDate,
    String(t.amountMinor),
    t.currency.toUpperCase(),
    normalisePurpose(t.purpose),
    t.counterpartyIban ?? '',
  ].join('|');
}

export function assignFingerprints<T extends Unfingerprinted>(
  transactions: readonly T[],
  account: string | null,
): Array<T & { fingerprint: string }> {
  const seen = new Map<string, number>();
  return transactions.map((t) => {
    const hash = bytesToHex(sha256(utf8Bytes(fingerprintKey(t, account)))).slice(0, 20);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return { ...t, fingerprint: n === 1 ? hash : `${hash}-${n}` };
  });
}
