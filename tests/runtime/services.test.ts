/** Session, HtmlService, Utilities. */
import { describe, expect, it } from 'vitest';
import { EVAL_BUNDLE, runtimeWith } from './bundle';

describe('Session', () => {
  it('reports the user, locale and script time zone (not the spreadsheet’s)', () => {
    const runtime = runtimeWith(EVAL_BUNDLE);
    expect(runtime.call('run', `[Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), Session.getActiveUserLocale(), Session.getScriptTimeZone()]`)).toEqual([
      'anna.berger@kanzlei-berger.example', 'anna.berger@kanzlei-berger.example', 'de', 'America/Los_Angeles',
    ]);
    const other = runtimeWith(EVAL_BUNDLE, { user: 'bob@x.example', userLocale: 'en', scriptTimeZone: 'Europe/Berlin' });
    expect(other.call('run', `[Session.getActiveUser().getEmail(), Session.getActiveUserLocale(), Session.getScriptTimeZone()]`)).toEqual(['bob@x.example', 'en', 'Europe/Berlin']);
  });
});

describe('HtmlService', () => {
  it('serves NAME.html from the bundle directory, and names a missing file like Apps Script', () => {
    const runtime = runtimeWith(EVAL_BUNDLE, {}, { 'Sidebar.html': '<div id="app"></div>' });
    expect(runtime.call('run', `var o = HtmlService.createHtmlOutputFromFile('Sidebar'); var t0 = o.getTitle(); o.setTitle('Kontomatch'); [t0, o.getTitle(), o.getContent()]`)).toEqual([
      '', 'Kontomatch', '<div id="app"></div>',
    ]);
    expect(() => runtime.call('run', `HtmlService.createHtmlOutputFromFile('Dialog')`)).toThrow('No HTML file named Dialog was found.');
    expect(() => runtime.call('run', `HtmlService.createHtmlOutputFromFile('../etc/passwd')`)).toThrow(/No HTML file named/);
  });
});

describe('Utilities', () => {
  const runtime = runtimeWith(EVAL_BUNDLE);

  it('decodes base64 into signed bytes and encodes bytes or strings', () => {
    expect(runtime.call('run', `Utilities.base64Decode('AH+A/w==')`)).toEqual([0, 127, -128, -1]);
    expect(runtime.call('run', `Utilities.base64Encode([0, 127, -128, -1])`)).toBe('AH+A/w==');
    expect(runtime.call('run', `Utilities.base64Encode([252, 228])`)).toBe('/OQ=');
    expect(runtime.call('run', `Utilities.base64Encode('Müller')`)).toBe('TcO8bGxlcg==');
    expect(() => runtime.call('run', `Utilities.base64Decode('***')`)).toThrow('Could not decode string.');
  });

  it('formats dates with Java patterns in the given zone', () => {
    const at = `new Date(Date.UTC(2024, 0, 5, 23, 7, 9))`; // Friday 5 Jan 2024, 23:07:09 UTC
    expect(runtime.call('run', `Utilities.formatDate(${at}, 'Europe/Berlin', "yyyy-MM-dd'T'HH:mm:ss EEE")`)).toBe('2024-01-06T00:07:09 Sat');
    expect(runtime.call('run', `Utilities.formatDate(${at}, 'America/Los_Angeles', "d.M.yy H:mm 'Uhr' '''x''' 'it''s'")`)).toBe("5.1.24 15:07 Uhr 'x' it's");
    expect(runtime.call('run', `Utilities.formatDate(${at}, 'UTC', 'dd.MM.yyyy EEEE MMM Z')`)).toBe('05.01.2024 Friday Jan +0000');
    expect(runtime.call('run', `Utilities.formatDate(${at}, 'Europe/Berlin', 'XXX')`)).toBe('+01:00');
  });

  it('sleeps by blocking the thread', () => {
    const started = Date.now();
    runtime.call('run', `Utilities.sleep(50); 1`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});
