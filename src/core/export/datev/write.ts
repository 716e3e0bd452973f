/**
 * DATEV EXTF "Buchungsstapel" files for the tax adviser (format category 21, version 13; contracts §3): one file per
 * fiscal year and period, Windows-1252, `;` between fields, CRLF after every line, nothing after the last field.
 * The same bookings, settings and time give the same bytes.
 */
import { describeIssues } from '../../schema';
import { encodeWindows1252 } from '../../text/cp1252';
import type { BookingProblem, ExportBooking } from '../export-booking';
import { groupByPeriod } from './batches';
import { DATEV_COLUMNS } from './columns';
import { type DatevMeta, headerLine } from './header';
import { datevRow } from './row';
import { automaticAccountsFor, type DatevSettings, datevSettingsSchema } from './settings';

export interface DatevFile {
  /** `EXTF_Buchungsstapel_2025-01-01_2025-01-31.csv` */
  name: string;
  bytes: number[];
  bookingIds: string[];
  /** Datum vom / bis of the header, `YYYY-MM-DD`. */
  from: string;
  to: string;
}

type Checked =
  | { ok: false; problem: BookingProblem }
  | { ok: true; settings: DatevSettings & { consultantNumber: number; clientNumber: number }; lines: Array<{ booking: ExportBooking; line: string }>; problems: BookingProblem[] };

function check(bookings: readonly ExportBooking[], input: DatevSettings): Checked {
  const settingsProblem = (message: string): Checked => ({ ok: false, problem: { bookingId: '', field: 'settings', message: `DATEV export: ${message}` } });
  const parsed = datevSettingsSchema.safeParse(input);
  if (!parsed.success) return settingsProblem(`the settings are not valid (${describeIssues(parsed.error.issues)})`);
  const settings = parsed.data;
  const { consultantNumber, clientNumber } = settings;
  if (consultantNumber === null || clientNumber === null) {
    const missing = [consultantNumber === null ? 'consultant number (Beraternummer)' : '', clientNumber === null ? 'client number (Mandantennummer)' : ''].filter((s) => s !== '');
    return settingsProblem(`enter the ${missing.join(' and the ')} of your tax adviser in the export settings.`);
  }
  const automatic = new Set(settings.automaticAccounts ?? automaticAccountsFor(settings.chart));
  const problems: BookingProblem[] = [];
  const lines: Array<{ booking: ExportBooking; line: string }> = [];
  for (const booking of bookings) {
    const row = datevRow(booking, settings, automatic);
    if (row.ok) lines.push({ booking, line: row.line });
    else problems.push(...row.problems);
  }
  return { ok: true, settings: { ...settings, consultantNumber, clientNumber }, lines, problems };
}

/** What `writeDatevBatches` would refuse, without writing the files (for the export overview). */
export function datevProblemsOf(bookings: readonly ExportBooking[], settings: DatevSettings): BookingProblem[] {
  const checked = check(bookings, settings);
  return checked.ok ? checked.problems : [checked.problem];
}

export function writeDatevBatches(bookings: readonly ExportBooking[], input: DatevSettings, meta: DatevMeta): { files: DatevFile[]; problems: BookingProblem[] } {
  const checked = check(bookings, input);
  if (!checked.ok) return { files: [], problems: [checked.problem] };
  const { settings, lines, problems } = checked;
  // Date order inside a file; the sort is stable, so bookings of one day keep the order they came in.
  lines.sort((a, b) => (a.booking.date < b.booking.date ? -1 : a.booking.date > b.booking.date ? 1 : 0));

  const files = groupByPeriod(lines, (l) => l.booking.date, settings).map(({ period, items }) => {
    const text = [headerLine(period, settings, meta), DATEV_COLUMNS.join(';'), ...items.map((i) => i.line)].map((l) => `${l}\r\n`).join('');
    return {
      name: `EXTF_Buchungsstapel_${period.from}_${period.to}.csv`,
      bytes: encodeWindows1252(text).bytes,
      bookingIds: items.map((i) => i.booking.id),
      from: period.from,
      to: period.to,
    };
  });
  return { files, problems };
}
