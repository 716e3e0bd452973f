/**
 * Minor units per currency (ISO 4217 exponent). Most have 2; the exceptions a European firm may meet are listed.
 */
const exponents: Record<string, number> = {
  JPY: 0, KRW: 0, ISK: 0, CLP: 0, HUF: 2,
  BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3, LYD: 3, IQD: 3,
};

export function currencyExponent(currency: string): number {
  return exponents[currency.toUpperCase()] ?? 2;
}

/** 123456 EUR → 1234.56, for a number cell. Exact to the displayed digits for every safe integer amount. */
export function minorToDecimal(minor: number, currency: string): number {
  const exponent = currencyExponent(currency);
  return exponent === 0 ? minor : Number((minor / 10 ** exponent).toFixed(exponent));
}

/** A number read back from a cell → minor units (rounded: the cell holds a binary fraction). */
export function decimalToMinor(value: number, currency: string): number {
  return Math.round(value * 10 ** currencyExponent(currency));
}
