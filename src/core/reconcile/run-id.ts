/**
 * The id of an automatic run (Automatiklauf): `RUN-20261122-140312`, the moment it started in the spreadsheet's time zone.
 * It is written into every transaction row the run decides and every booking it makes, so it must never name two runs:
 * two runs started within the same second get a suffix (`RUN-20261122-140312-2`).
 */

/** `stamp`: the start as `yyyyMMdd-HHmmss`; `taken`: ids in use (archive, transaction rows, bookings). */
export function newRunId(stamp: string, taken: ReadonlySet<string>): string {
  const base = `RUN-${stamp}`;
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
