/**
 * A synchronous HttpClient for the command line. The export core is synchronous (Apps Script's URL fetch service is), so
 * each request runs in a short-lived child Node process that the CLI waits for: slow per request, but the accounting
 * APIs allow 2 requests a second anyway, and nothing here needs a worker or an event loop trick.
 *
 * Only an answer is a response; a timeout or a refused connection is `HttpNoAnswerError`, as with UrlFetchApp.
 */
import { execFileSync } from 'node:child_process';
import { HttpNoAnswerError, type HttpClient, type HttpRequest, type HttpResponse } from '../core/ports/http';

const CHILD = `
const input = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
const url = new URL(input.url);
const lib = url.protocol === 'https:' ? require('node:https') : require('node:http');
const body = input.body === null ? null : Buffer.from(input.body, 'base64');
const headers = Object.assign({}, input.headers, body === null ? {} : { 'Content-Length': String(body.length) });
const req = lib.request(url, { method: input.method, headers, timeout: input.timeoutMs }, (res) => {
  const chunks = [];
  res.on('data', (c) => chunks.push(c));
  res.on('end', () => process.stdout.write(JSON.stringify({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('base64') })));
  res.on('error', (e) => process.stdout.write(JSON.stringify({ error: e.message })));
});
req.on('timeout', () => { req.destroy(new Error('Timeout')); });
req.on('error', (e) => process.stdout.write(JSON.stringify({ error: e.message })));
if (body !== null) req.write(body);
req.end();
`;

function encode(request: HttpRequest): { contentType?: string; body: string | null } {
  const b = request.body;
  if (b === undefined) return { body: null };
  if ('json' in b) return { contentType: 'application/json', body: Buffer.from(JSON.stringify(b.json), 'utf8').toString('base64') };
  if ('text' in b) return { contentType: b.contentType, body: Buffer.from(b.text, 'utf8').toString('base64') };
  return { contentType: b.contentType, body: Buffer.from(Uint8Array.from(b.bytes)).toString('base64') };
}

export function childProcessHttpClient(timeoutMs = 60_000): HttpClient {
  return {
    send(request: HttpRequest): HttpResponse {
      const { contentType, body } = encode(request);
      const headers: Record<string, string> = { ...(request.headers ?? {}) };
      if (contentType !== undefined && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['Content-Type'] = contentType;
      let out: string;
      try {
        out = execFileSync(process.execPath, ['-e', CHILD], {
          input: JSON.stringify({ url: request.url, method: request.method.toUpperCase(), headers, body, timeoutMs }),
          timeout: timeoutMs + 5000,
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        });
      } catch {
        throw new HttpNoAnswerError(request, 'the request did not finish');
      }
      const answer = JSON.parse(out) as { status: number; headers: Record<string, string | string[]>; body: string } | { error: string };
      if ('error' in answer) throw new HttpNoAnswerError(request, answer.error.replace(/https?:\/\/\S*/g, ''));
      const lower: Record<string, string> = {};
      for (const [k, v] of Object.entries(answer.headers)) lower[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
      return { status: answer.status, headers: lower, text: Buffer.from(answer.body, 'base64').toString('utf8') };
    },
  };
}

/** Blocks the thread (the CLI has nothing else to do meanwhile). */
export function blockingSleep(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
