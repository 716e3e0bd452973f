/**
 * Utilities.formatDate: Java SimpleDateFormat patterns (what Apps Script takes), computed with Intl for the given zone.
 * Supported letters: y M d E H h k K m s S a D u Z X z, quoted literals ('...'), '' for a quote.
 */
import { isKnownTimeZone, offsetMs, wallClock } from './time-zone';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

function offsetText(ms: number, colon: boolean): string {
  const minutes = Math.round(ms / 60000);
  const sign = minutes < 0 ? '-' : '+';
  const h = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const m = pad(Math.abs(minutes) % 60, 2);
  return colon ? `${sign}${h}:${m}` : `${sign}${h}${m}`;
}

export function formatDate(instantMs: number, timeZone: string, pattern: string): string {
  // Java falls back to GMT for a zone it does not know; so does Apps Script.
  const zone = isKnownTimeZone(timeZone) ? timeZone : 'UTC';
  const w = wallClock(instantMs, zone);
  const offset = offsetMs(instantMs, zone);
  const startOfYear = Date.UTC(w.year, 0, 1);
  const dayOfYear = Math.floor((Date.UTC(w.year, w.month - 1, w.day) - startOfYear) / 86_400_000) + 1;
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i]!;
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'"; // '' outside quotes is one quote
        i += 2;
        continue;
      }
      // Quoted literal up to the next lone quote; '' inside it is one quote.
      for (i++; i < pattern.length; i++) {
        if (pattern[i] === "'" && pattern[i + 1] === "'") {
          out += "'";
          i++;
        } else if (pattern[i] === "'") break;
        else out += pattern[i];
      }
      i++;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'y':
      case 'Y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1]!.slice(0, 3) : pad(w.month, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'D':
        out += pad(dayOfYear, n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[w.weekday] : DAYS[w.weekday]!.slice(0, 3);
        break;
      case 'u':
        out += pad(w.weekday === 0 ? 7 : w.weekday, n);
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'k':
        out += pad(w.hour === 0 ? 24 : w.hour, n);
        break;
      case 'h':
        out += pad(((w.hour + 11) % 12) + 1, n);
        break;
      case 'K':
        out += pad(w.hour % 12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(w.millisecond, Math.max(n, 3)).slice(0, n);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'Z':
        out += offsetText(offset, false);
        break;
      case 'X':
        out += offset === 0 ? 'Z' : n === 1 ? offsetText(offset, false).slice(0, 3) : offsetText(offset, n >= 3);
        break;
      case 'z':
        out += shortZoneName(instantMs, zone);
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

function shortZoneName(instantMs: number, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(new Date(instantMs)).find((p) => p.type === 'timeZoneName');
  return part?.value ?? 'GMT';
}
