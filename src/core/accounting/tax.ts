/**
 * Tax rates (Steuersätze) and the tax contained in a gross amount (enthaltene Umsatzsteuer / Vorsteuer).
 *
 * A rate is kept as text in the sheet, canonically the percentage with a "." and no trailing zeros: "19", "7", "0",
 * "7.7", "8.1". People also type "19 %", "19,0" or "7,7"; all read the same. Inside, a rate is an integer of basis
 * points (1 % = 100) so that no rate is ever a binary fraction.
 *
 * Bank amounts are gross, so the tax is gross × r / (1 + r), rounded half away from zero (kaufmännisch gerundet) on the
 * minor unit, computed exactly with BigInt: 10.00 at 19 % is 1.596… → 1.60. The sign follows the amount (money out,
 * input tax as a negative amount). A split booking rounds each part on its own, as each part is its own voucher line.
 */

export type TaxRateRead = { ok: true; basisPoints: number; text: string } | { ok: false; message: string };

const BASIS = 10_000; // basis points in 100 %

/** Reads a rate as people type it: "19", "19 %", "19,0", "7.7", "7,70 %". From 0 to 100 %, at most two decimals. */
export function parseTaxRate(text: string): TaxRateRead {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'empty' };
  const match = /^(\d{1,3})(?:[.,](\d*))?\s*%?$/.exec(trimmed);
  if (match === null) return { ok: false, message: 'not a percentage like 19 or 7.7' };
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  if (decimals.length > 2) return { ok: false, message: 'more than two decimals' };
  const basisPoints = Number(match[1]) * 100 + Number(decimals.padEnd(2, '0'));
  if (basisPoints > BASIS) return { ok: false, message: 'more than 100 %' };
  return { ok: true, basisPoints, text: formatTaxRate(basisPoints) };
}

/** The canonical text of a rate: 1900 → "19", 770 → "7.7", 0 → "0", 255 → "2.55". */
export function formatTaxRate(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const cents = basisPoints % 100;
  if (cents === 0) return String(whole);
  return `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/** The tax in a gross amount, in the same minor units and with its sign: gross × r / (1 + r), half away from zero. */
export function taxOfGross(grossMinor: number, basisPoints: number): number {
  if (!Number.isSafeInteger(grossMinor)) throw new RangeError(`amount ${grossMinor} is not a whole number of minor units`);
  if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > BASIS) throw new RangeError(`tax rate ${basisPoints} basis points is out of range`);
  const gross = BigInt(Math.abs(grossMinor));
  const numerator = gross * BigInt(basisPoints);
  const denominator = BigInt(BASIS + basisPoints);
  let tax = numerator / denominator;
  if ((numerator % denominator) * 2n >= denominator) tax += 1n;
  const result = Number(tax);
  return grossMinor < 0 && result !== 0 ? -result : result; // no -0 in a cell
}

/** The tax amount of a booking: null when its rate is empty or unreadable (the sheet then shows no tax amount). */
export function taxAmountFor(amountMinor: number, taxRate: string): number | null {
  const rate = parseTaxRate(taxRate);
  return rate.ok ? taxOfGross(amountMinor, rate.basisPoints) : null;
}
