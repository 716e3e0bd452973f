/**
 * One CSV file of bookings under an export profile. Quoting is done here rather than by papaparse's unparse: a dozen
 * characters of rule, while the injection defence has to know which cells are text and which are numbers anyway.
 */
import { isValidIsoDate } from '../../calendar/date';
import { encodeWindows1252 } from '../../text/cp1252';
import { utf8Bytes } from '../../text/utf8';
import type { BookingProblem, ExportBooking } from '../export-booking';
import { cellOf, defuse, quote } from './cells';
import type { CsvExportProfile } from './profile';

export interface CsvExport {
  name: string;
  bytes: number[];
  /** Bookings left out of the file, each with why. */
  problems: BookingProblem[];
}

export function writeCsvExport(bookings: readonly ExportBooking[], profile: CsvExportProfile, meta?: { createdAt: string; exportedBy?: string }): CsvExport {
  const problems: BookingProblem[] = [];
  const written = bookings.filter((b) => {
    if (!isValidIsoDate(b.date)) problems.push({ bookingId: b.id, field: 'date', message: `${b.id}: date "${b.date}" is not a calendar date` });
    else if (!Number.isSafeInteger(b.amountMinor)) problems.push({ bookingId: b.id, field: 'amount', message: `${b.id}: amount ${b.amountMinor} is not a whole number of cents` });
    else return true;
    return false;
  });
  const line = (cells: string[]) => cells.map((c) => quote(c, profile.delimiter)).join(profile.delimiter) + profile.lineEnding;
  let text = profile.header ? line(profile.columns.map((c) => defuse(c.header))) : '';
  for (const booking of written) text += line(profile.columns.map((c) => cellOf(booking, c.field, profile)));
  const dates = written.map((b) => b.date).sort();
  const span = dates.length > 0 ? `${dates[0]}_${dates[dates.length - 1]}` : (meta?.createdAt ?? '').slice(0, 10) || 'empty';
  return {
    name: `Kontomatch_${profile.id}_${span}.csv`,
    bytes: profile.encoding === 'utf-8' ? Array.from(utf8Bytes(text)) : encodeWindows1252(text).bytes,
    problems,
  };
}
