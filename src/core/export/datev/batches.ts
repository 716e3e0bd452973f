/**
 * Which file a booking goes into. A batch never crosses a fiscal year: Belegdatum carries day and month only and the
 * year comes from the header's WJ-Beginn (contracts §3, column 10). Within the year one file per period, as DATEV
 * recommends ("pro Buchungsperiode eine eigene Datei", developer.datev.de, Buchungsstapel).
 */
import { daysInMonth } from '../../calendar/date';
import type { DatevSettings } from './settings';

export interface BatchPeriod {
  /** WJ-Beginn, `YYYY-MM-DD`. */
  fiscalYearStart: string;
  /** Datum vom / Datum bis, `YYYY-MM-DD`, inside the fiscal year. */
  from: string;
  to: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of the first day of the month `offset` months after year/month (month 1-based). */
function monthStart(year: number, month: number, offset: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + offset;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The fiscal year and period a booking date (`YYYY-MM-DD`) falls into. */
export function periodOfDate(date: string, settings: Pick<DatevSettings, 'fiscalYearStartMonth' | 'period'>): BatchPeriod {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const startMonth = settings.fiscalYearStartMonth;
  const fyYear = month >= startMonth ? year : year - 1;
  // Months since the start of the fiscal year (0–11); quarters and years count from that start, not from January.
  const sinceStart = (year - fyYear) * 12 + month - startMonth;
  const length = settings.period === 'month' ? 1 : settings.period === 'quarter' ? 3 : 12;
  const first = monthStart(fyYear, startMonth, sinceStart - (sinceStart % length));
  const last = monthStart(first.year, first.month, length - 1);
  return {
    fiscalYearStart: `${fyYear}-${pad(startMonth)}-01`,
    from: `${first.year}-${pad(first.month)}-01`,
    to: `${last.year}-${pad(last.month)}-${pad(daysInMonth(last.year, last.month))}`,
  };
}

/** Groups items by period, periods in date order, items in their given order within one. */
export function groupByPeriod<T>(items: readonly T[], dateOf: (item: T) => string, settings: Pick<DatevSettings, 'fiscalYearStartMonth' | 'period'>): Array<{ period: BatchPeriod; items: T[] }> {
  const groups = new Map<string, { period: BatchPeriod; items: T[] }>();
  for (const item of items) {
    const period = periodOfDate(dateOf(item), settings);
    const group = groups.get(period.from);
    if (group === undefined) groups.set(period.from, { period, items: [item] });
    else group.items.push(item);
  }
  return [...groups.values()].sort((a, b) => (a.period.from < b.period.from ? -1 : 1));
}
