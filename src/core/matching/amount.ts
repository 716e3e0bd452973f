/**
 * Does the transferred amount fit the open amount? Equal; within the user's tolerance (cash discount / Skonto, bank
 * fees); less than open (partial payment, Teilzahlung); or not at all. The tolerance only reaches below the open amount:
 * discounts and fees make the payer pay less, and more than open is not explained by either.
 */
import { currencyExponent } from '../money/currency';
import type { AmountCheck, MatchSettings } from './types';

export type AmountSettings = Pick<MatchSettings, 'amountToleranceMinor' | 'amountTolerancePercent'>;

/** The larger of the absolute and the relative tolerance, for an open amount. */
export function toleranceFor(openMinor: number, s: AmountSettings): number {
  return Math.max(s.amountToleranceMinor, Math.floor((Math.abs(openMinor) * s.amountTolerancePercent) / 100));
}

/** `paidMinor` is the transferred amount without sign; `openMinor` the open amount (of one item, or of several summed). */
export function checkAmount(paidMinor: number, openMinor: number, sameCurrency: boolean, s: AmountSettings): AmountCheck {
  if (!sameCurrency) return 'differs';
  const diff = paidMinor - openMinor;
  if (diff === 0) return 'equal';
  if (diff < 0 && -diff <= toleranceFor(openMinor, s)) return 'within-tolerance';
  if (diff < 0 && paidMinor > 0) return 'partial';
  return 'differs';
}

/** `123456`, `EUR` → `1234.56 EUR`, for reasons shown to the user. */
export function formatAmount(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return `${sign}${whole} ${currency}`;
}
