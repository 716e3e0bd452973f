/**
 * Wall-clock arithmetic in an IANA time zone with Intl only (no date library): Sheets stores dates as serial day numbers
 * in the *spreadsheet's* zone, and Utilities.formatDate formats in any zone, so both need "what does the clock in zone Z
 * show at instant T" and the inverse.
 */
export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True if Intl knows the zone (Java, hence Apps Script, silently falls back to GMT for unknown ones). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function wallClock(instantMs: number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instantMs))) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  return {
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((instantMs % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(parts.weekday ?? 'Sun'),
  };
}

/** Offset of the zone from UTC at an instant, in ms (Europe/Berlin in winter: +3600000). */
export function offsetMs(instantMs: number, timeZone: string): number {
  const w = wallClock(instantMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return asUtc - instantMs;
}

/** The instant at which the zone's clock shows the given wall time (given as a UTC-ms number of the wall fields). */
export function instantOfWallTime(wallAsUtcMs: number, timeZone: string): number {
  let guess = wallAsUtcMs - offsetMs(wallAsUtcMs, timeZone);
  // A second pass settles instants near a DST change.
  guess = wallAsUtcMs - offsetMs(guess, timeZone);
  return guess;
}

const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Sheets' serial number of an instant: days since 1899-12-30, the fraction being the time of day in `timeZone`. */
export function dateToSerial(instantMs: number, timeZone: string): number {
  const w = wallClock(instantMs, timeZone);
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return (wall - SERIAL_EPOCH_UTC) / DAY_MS;
}

/** The instant a serial number stands for in `timeZone` (45657 → 2024-12-30 00:00 there). */
export function serialToInstant(serial: number, timeZone: string): number {
  const wall = SERIAL_EPOCH_UTC + Math.round(serial * DAY_MS);
  return instantOfWallTime(wall, timeZone);
}

/** The wall-clock fields a serial number shows (no zone involved: a serial *is* wall time). */
export function serialToWallClock(serial: number): WallClock {
  const d = new Date(SERIAL_EPOCH_UTC + Math.round(serial * DAY_MS));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

export function wallClockToSerial(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return (Date.UTC(year, month - 1, day, hour, minute, second) - SERIAL_EPOCH_UTC) / DAY_MS;
}
