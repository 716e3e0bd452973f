/**
 * The server's adapters over the local runtime's services (the same interfaces as Apps Script's): HTTP over UrlFetchApp
 * against a real server, typed settings and secrets over the property stores.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime } from '../../local/runtime';
import * as z from '../../src/core/schema';
import { HttpNoAnswerError } from '../../src/core/ports/http';
import { JsonProperty, SecretStore } from '../../src/server/adapters/property-store';
import { urlFetchHttpClient } from '../../src/server/adapters/url-fetch-http';
import { startChildServer, type ChildServer } from '../helpers/child-http-server';

const dist = path.resolve(__dirname, '../../dist');

describe('HTTP over UrlFetchApp', () => {
  let server: ChildServer;
  beforeAll(async () => {
    server = await startChildServer(`
      if (req.url === '/echo') {
        res.writeHead(201, { 'Content-Type': 'application/json', 'X-Request-Id': 'r-1' });
        res.end(JSON.stringify({ method: req.method, type: req.headers['content-type'], auth: req.headers['authorization'], body: body.toString() }));
      } else if (req.url === '/limited') {
        res.writeHead(429, { 'Retry-After': '2' });
        res.end('{"message":"Rate limit exceeded"}');
      } else if (req.url === '/moved') {
        res.writeHead(302, { Location: '/echo' });
        res.end();
      } else if (req.url.startsWith('/slow')) {
        setTimeout(() => { res.writeHead(200); res.end('late'); }, 3000);
      } else { res.writeHead(404); res.end(); }
    `);
  });
  afterAll(() => server.stop());

  const client = () => urlFetchHttpClient(createRuntime({ bundleDir: dist, urlFetch: { timeoutMs: 500 } }).services.UrlFetchApp);

  it('sends JSON with headers and returns status, lower-case headers and text', () => {
    const response = client().send({ method: 'post', url: `${server.base}/echo`, headers: { Authorization: 'Bearer k-123' }, body: { json: { amount: 1234 } } });
    expect(response.status).toBe(201);
    expect(response.headers['x-request-id']).toBe('r-1');
    expect(JSON.parse(response.text)).toEqual({ method: 'POST', type: 'application/json', auth: 'Bearer k-123', body: '{"amount":1234}' });
  });

  it('hands back 4xx as an answer, for the caller to decide (a 429 means wait)', () => {
    const response = client().send({ method: 'get', url: `${server.base}/limited` });
    expect(response).toMatchObject({ status: 429, headers: { 'retry-after': '2' } });
  });

  it('does not follow redirects, which would carry the Authorization header elsewhere', () => {
    expect(client().send({ method: 'get', url: `${server.base}/moved`, headers: { Authorization: 'Bearer k' } }).status).toBe(302);
  });

  it('reports a request without answer as such, naming neither query nor headers', () => {
    let caught: unknown;
    try {
      client().send({ method: 'get', url: `${server.base}/slow?api_key=geheim`, headers: { Authorization: 'Bearer geheim' } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HttpNoAnswerError);
    expect((caught as Error).message).toMatch(new RegExp(`^No answer to GET ${server.base}/slow: `));
    expect((caught as Error).message).not.toContain('geheim');
  });
});

describe('settings and secrets in property stores', () => {
  const profileSchema = z.object({ name: z.string().check(z.minLength(1)), skipLines: z.int() });

  it('keeps a typed setting in the document properties, shared by every editor', () => {
    const runtime = createRuntime({ bundleDir: dist });
    const setting = new JsonProperty(runtime.services.PropertiesService.getDocumentProperties()!, 'profile.meine-bank', profileSchema);
    expect(setting.read()).toBeNull();
    setting.write({ name: 'Meine Bank', skipLines: 4 });
    expect(setting.read()).toEqual({ name: 'Meine Bank', skipLines: 4 });
    expect(runtime.documentProperties.getProperty('profile.meine-bank')).toBe('{"name":"Meine Bank","skipLines":4}');
    setting.remove();
    expect(setting.read()).toBeNull();
  });

  it('refuses bad and oversized values before writing, and names a damaged one', () => {
    const runtime = createRuntime({ bundleDir: dist });
    const store = runtime.services.PropertiesService.getDocumentProperties()!;
    const setting = new JsonProperty(store, 'profile.x', profileSchema);
    expect(() => setting.write({ name: '', skipLines: 1.5 })).toThrow(/Cannot save "profile.x": name: .*; skipLines: /);
    expect(() => setting.write({ name: 'ü'.repeat(5000), skipLines: 0 })).toThrow(/takes 10 KB, and a spreadsheet setting may take 9 KB/);
    expect(runtime.documentProperties.getProperty('profile.x')).toBeNull();
    store.setProperty('profile.x', '{"name":');
    expect(() => setting.read()).toThrow(/"profile.x" is damaged \(not JSON\)/);
    store.setProperty('profile.x', '{"name":"A","skipLines":"vier"}');
    expect(() => setting.read()).toThrow(/"profile.x" is damaged: skipLines: /);
  });

  it('keeps secrets in the user properties only, and shows no more than their last four characters', () => {
    const workbookOwner = createRuntime({ bundleDir: dist, user: 'anna@kanzlei.example' });
    const secrets = new SecretStore(workbookOwner.services.PropertiesService.getUserProperties());
    secrets.save('lexoffice', '  lx-0123456789abcdef  ');
    expect(secrets.reveal('lexoffice')).toBe('lx-0123456789abcdef');
    expect(secrets.hint('lexoffice')).toBe('••••cdef');
    expect(Object.values(workbookOwner.documentProperties.getProperties()).join()).not.toContain('lx-0123');
    expect(workbookOwner.logs.join('\n')).not.toContain('lx-0123');
    expect(() => secrets.save('bexio', '   ')).toThrow(/bexio key is empty/);
    secrets.forget('lexoffice');
    expect(secrets.hint('lexoffice')).toBeNull();
  });
});
