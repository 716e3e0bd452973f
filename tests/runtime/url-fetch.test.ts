/**
 * UrlFetchApp against a real HTTP server. The server runs in a child process: while the script waits for an answer the
 * test's thread is blocked (that is the point of the synchronous fetch), so a server in this process could never answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../helpers/child-http-server';
import { EVAL_BUNDLE, runtimeWith } from './bundle';

const handler = `
    if (req.url === '/json') {
      res.writeHead(200, [['Content-Type', 'application/json; charset=utf-8'], ['X-Kontomatch', 'ja'], ['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']]);
      res.end(JSON.stringify({ ok: true, name: 'Müller' }));
    } else if (req.url === '/echo') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ method: req.method, contentType: req.headers['content-type'] || null, auth: req.headers['authorization'] || null, body: body.toString('base64') }));
    } else if (req.url === '/fail') {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('Interner Serverfehler: ' + 'x'.repeat(200));
    } else if (req.url === '/redirect') {
      res.writeHead(302, { Location: '/json' });
      res.end();
    } else if (req.url === '/redirect-away') {
      res.writeHead(302, { Location: 'http://example.com/steal' });
      res.end();
    } else if (req.url === '/bytes') {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      res.end(Buffer.from([0, 127, 128, 255]));
    } else if (req.url === '/slow') {
      setTimeout(() => { res.writeHead(200); res.end('late'); }, 3000);
    } else { res.writeHead(404); res.end('not found'); }
`;

let server: ChildServer;
let base = '';

beforeAll(async () => {
  server = await startChildServer(handler);
  base = server.base;
});

afterAll(() => {
  server?.stop();
});

describe('UrlFetchApp', () => {
  const runtime = runtimeWith(EVAL_BUNDLE, { urlFetch: { timeoutMs: 1000 } });
  const fetchIn = (source: string) => runtime.call('run', `var base = ${JSON.stringify(base)}; ${source}`);

  it('fetches synchronously: status, JSON body, headers', () => {
    const result = fetchIn(`var r = UrlFetchApp.fetch(base + '/json');
      [r.getResponseCode(), JSON.parse(r.getContentText()), r.getHeaders()['X-Kontomatch'], r.getAllHeaders()['Set-Cookie'], r.getHeaders()['Content-Type']]`);
    expect(result).toEqual([200, { ok: true, name: 'Müller' }, 'ja', ['a=1', 'b=2'], 'application/json; charset=utf-8']);
    expect(runtime.counters.get('UrlFetchApp.fetch')).toBe(1);
  });

  it('sends method, headers, content type and a string payload', () => {
    const echoed = fetchIn(`JSON.parse(UrlFetchApp.fetch(base + '/echo', { method: 'post', contentType: 'application/json',
      headers: { Authorization: 'Bearer t0k3n' }, payload: JSON.stringify({ a: 'ä' }) }).getContentText())`) as Record<string, string>;
    expect(echoed).toMatchObject({ method: 'POST', contentType: 'application/json', auth: 'Bearer t0k3n' });
    expect(Buffer.from(echoed.body!, 'base64').toString('utf8')).toBe('{"a":"ä"}');
  });

  it('sends a byte-array payload as raw bytes, and an object payload as a form', () => {
    const raw = fetchIn(`JSON.parse(UrlFetchApp.fetch(base + '/echo', { method: 'put', payload: [0, -1, 127, -128] }).getContentText())`) as Record<string, string>;
    expect([...Buffer.from(raw.body!, 'base64')]).toEqual([0, 255, 127, 128]);
    const form = fetchIn(`JSON.parse(UrlFetchApp.fetch(base + '/echo', { method: 'post', payload: { a: '1', b: 'x y' } }).getContentText())`) as Record<string, string>;
    expect(form.contentType).toBe('application/x-www-form-urlencoded');
    expect(Buffer.from(form.body!, 'base64').toString()).toBe('a=1&b=x+y');
  });

  it('returns the body as signed bytes from getContent', () => {
    expect(fetchIn(`UrlFetchApp.fetch(base + '/bytes').getContent()`)).toEqual([0, 127, -128, -1]);
  });

  it('throws for status >= 400 unless muteHttpExceptions is set', () => {
    expect(() => fetchIn(`UrlFetchApp.fetch(base + '/fail')`)).toThrow(
      new RegExp(`^Request failed for ${base.replace(/\./g, '\\.')} returned code 500\\. Truncated server response: Interner Serverfehler: x+\\.\\.\\. \\(use muteHttpExceptions option to examine full response\\)$`),
    );
    expect(fetchIn(`var r = UrlFetchApp.fetch(base + '/fail', { muteHttpExceptions: true }); [r.getResponseCode(), r.getContentText().length]`)).toEqual([500, 223]);
  });

  it('follows redirects unless told not to, and never to another host', () => {
    expect(fetchIn(`UrlFetchApp.fetch(base + '/redirect').getResponseCode()`)).toBe(200);
    expect(fetchIn(`UrlFetchApp.fetch(base + '/redirect', { followRedirects: false }).getResponseCode()`)).toBe(302);
    expect(() => fetchIn(`UrlFetchApp.fetch(base + '/redirect-away')`)).toThrow('Address unavailable: http://example.com/steal');
  });

  it('times out like Apps Script', () => {
    const started = Date.now();
    expect(() => fetchIn(`UrlFetchApp.fetch(base + '/slow')`)).toThrow(`Timeout: ${base}/slow`);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('refuses every host but loopback before any traffic', () => {
    for (const url of ['https://api.lexoffice.io/v1/vouchers', 'http://10.0.0.1/', 'http://[2001:db8::1]/', 'http://127.0.0.1.nip.io/']) {
      expect(() => fetchIn(`UrlFetchApp.fetch(${JSON.stringify(url)})`), url).toThrow(`Address unavailable: ${url}`);
    }
    expect(() => fetchIn(`UrlFetchApp.fetch('ftp://127.0.0.1/x')`)).toThrow('Invalid argument: ftp://127.0.0.1/x');
  });

  it('reports a loopback port where nothing listens as unavailable', () => {
    expect(() => fetchIn(`UrlFetchApp.fetch('http://127.0.0.1:9/')`)).toThrow('Address unavailable: http://127.0.0.1:9/');
  });
});
