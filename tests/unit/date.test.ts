import { describe, expect, it } from 'vitest';
import { fromSerialDay, isDatePattern, isValidIsoDate, parseDate, toSerialDay } from '../../src/core/calendar/date';

describe('parseDate', () => {
  it.each([
    ['30.12.24', ['dd.mm.yy'], '2024-12-30'],
    ['01.01.00', ['dd.mm.yy'], '2000-01-01'],
    ['31.12.69', ['dd.mm.yy'], '2069-12-31'],
    ['01.01.70', ['dd.mm.yy'], '1970-01-01'],
    ['28.03.99', ['dd.mm.yy'], '1999-03-28'],
    ['05.01.2024', ['dd.mm.yyyy'], '2024-01-05'],
    ['30.1.2026', ['d.m.yyyy'], '2026-01-30'],
    ['5.1.2026', ['d.m.yyyy'], '2026-01-05'],
    ['05.01.2026', ['d.m.yyyy'], '2026-01-05'],
    ['2024-02-29', ['yyyy-mm-dd'], '2024-02-29'],
    ['12/31/2024', ['mm/dd/yyyy'], '2024-12-31'],
    ['31/12/2024', ['dd/mm/yyyy'], '2024-12-31'],
    ['20240131', ['yyyymmdd'], '2024-01-31'],
    ['240131', ['yymmdd'], '2024-01-31'],
    ['21.05.2013 ', ['dd.mm.yyyy'], '2013-05-21'],
    ['  21.05.13', ['dd.mm.yy'], '2013-05-21'],
    ['2000-02-29', ['yyyy-mm-dd'], '2000-02-29'],
    // Raiffeisen (CH) writes timestamps; the time is checked and dropped.
    ['2025-03-26 00:00:00.0', ['yyyy-mm-dd hh:mm:ss.f'], '2025-03-26'],
    ['2017-12-01 01:23:58.0', ['yyyy-mm-dd hh:mm:ss.f'], '2017-12-01'],
    ['02.08.2017 01:51', ['dd.mm.yyyy hh:mm'], '2017-08-02'],
    ['2023-01-05 23:59:59', ['yyyy-mm-dd hh:mm:ss'], '2023-01-05'],
    ['2023-01-05T08:15:00', ['yyyy-mm-ddThh:mm:ss'], '2023-01-05'],
  ])('%j with %j → %s', (text, patterns, iso) => {
    expect(parseDate(text, patterns)).toEqual({ ok: true, iso });
  });

  it('takes the first pattern that fits', () => {
    expect(parseDate('03.04.18', ['dd.mm.yyyy', 'dd.mm.yy'])).toEqual({ ok: true, iso: '2018-04-03' });
    expect(parseDate('03.04.2018', ['dd.mm.yy', 'dd.mm.yyyy'])).toEqual({ ok: true, iso: '2018-04-03' });
    // Ambiguous day/month: the profile's order decides, nothing is guessed.
    expect(parseDate('04/03/2018', ['mm/dd/yyyy', 'dd/mm/yyyy'])).toEqual({ ok: true, iso: '2018-04-03' });
    expect(parseDate('04/03/2018', ['dd/mm/yyyy', 'mm/dd/yyyy'])).toEqual({ ok: true, iso: '2018-03-04' });
  });

  it.each([
    ['31.02.2024', ['dd.mm.yyyy']],
    ['29.02.2023', ['dd.mm.yyyy']],
    ['29.02.1900', ['dd.mm.yyyy']],
    ['00.01.2024', ['dd.mm.yyyy']],
    ['15.13.2024', ['dd.mm.yyyy']],
    ['31.04.24', ['dd.mm.yy']],
    ['1.2.2024', ['dd.mm.yyyy']],
    ['05.01.2024x', ['dd.mm.yyyy']],
    ['05.01.2024 12:00', ['dd.mm.yyyy']],
    ['05.01.24', ['dd.mm.yyyy']],
    ['2024-1-5', ['yyyy-mm-dd']],
    ['05-01-2024', ['dd.mm.yyyy']],
    ['', ['dd.mm.yyyy']],
    ['2024013', ['yyyymmdd']],
    ['2025-03-26 24:00:00.0', ['yyyy-mm-dd hh:mm:ss.f']],
    ['2025-03-26 12:60:00.0', ['yyyy-mm-dd hh:mm:ss.f']],
    ['2025-03-26 00:00:00.', ['yyyy-mm-dd hh:mm:ss.f']],
    ['2025-03-26', ['yyyy-mm-dd hh:mm:ss.f']],
    ['2025-02-30 00:00:00.0', ['yyyy-mm-dd hh:mm:ss.f']],
  ])('rejects %j with %j', (text, patterns) => {
    const r = parseDate(text, patterns);
    expect(r.ok).toBe(false);
  });

  it('says which day does not exist', () => {
    expect(parseDate('31.02.2024', ['dd.mm.yyyy'])).toEqual({
      ok: false,
      message: 'is not a calendar day (02/2024 has no day 31)',
    });
  });

  it('knows its patterns', () => {
    for (const p of ['dd.mm.yyyy', 'dd.mm.yy', 'd.m.yyyy', 'yyyy-mm-dd', 'mm/dd/yyyy', 'dd/mm/yyyy', 'yyyymmdd', 'yymmdd']) {
      expect(isDatePattern(p)).toBe(true);
    }
    for (const p of ['yyyy-mm-dd hh:mm:ss.f', 'yyyy-mm-dd hh:mm:ss', 'dd.mm.yyyy hh:mm', 'yyyy-mm-ddThh:mm:ss']) {
      expect(isDatePattern(p)).toBe(true);
    }
    for (const p of ['dd.mm', 'dd.dd.yyyy', '', 'qq', 'yyyy-mm-dd hh', 'yyyy-mm-dd hh:mm:ss:ss', 'yyyy-mm-dd hh:mm.f', 'dd.mm.yyyy f', 'yyyy-mm-dd ss']) {
      expect(isDatePattern(p)).toBe(false);
    }
  });
});

describe('ISO dates and serial days', () => {
  it('validates ISO dates', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2024-2-29')).toBe(false);
    expect(isValidIsoDate('2024-02-29T00:00')).toBe(false);
  });

  it.each([
    ['1899-12-30', 0],
    ['1899-12-31', 1],
    ['1900-01-01', 2],
    ['1900-03-01', 61],
    ['1970-01-01', 25569],
    ['2024-12-30', 45656],
    ['2000-02-29', 36585],
  ])('%s is serial day %i', (iso, serial) => {
    expect(toSerialDay(iso)).toBe(serial);
    expect(fromSerialDay(serial)).toBe(iso);
  });

  it('round-trips every day of four centuries', () => {
    for (let serial = -1000; serial < 150000; serial += 1) {
      const iso = fromSerialDay(serial);
      if (!isValidIsoDate(iso) || toSerialDay(iso) !== serial) throw new Error(`${serial} → ${iso} → ${toSerialDay(iso)}`);
    }
  });

  it('drops the time of a serial date-time and refuses non-dates', () => {
    expect(fromSerialDay(45656.75)).toBe('2024-12-30');
    expect(() => toSerialDay('2024-02-30')).toThrow(/not a calendar date/);
  });
});
