/**
 * UrlFetchApp with real HTTP, synchronous as the script sees it: a worker thread (url-fetch-worker.mjs) does the request
 * while this thread blocks in Atomics.wait, then reads the answer with receiveMessageOnPort. Only loopback hosts are
 * allowed: anything else fails with "Address unavailable" before a single packet leaves (this workplace forbids it).
 */
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { Fake } from './fake';
import { isPlainObject } from './realm';
import { toBuffer, toSignedBytes } from './utilities';
import type { HttpResponseApi, UrlFetchAppApi } from '../../src/server/platform/apps-script-api';

export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

interface WorkerRequest {
  id: number;
  url: string;
  method: string;
  headers: Record<string, string>;
  bodyBase64: string | null;
  followRedirects: boolean;
  validateHttpsCertificates: boolean;
  timeoutMs: number;
}

type WorkerResult =
  | { id: number; status: number; rawHeaders: string[]; bodyBase64: string; url: string }
  | { id: number; error: 'timeout' | 'address' | 'network' | 'too-large'; message?: string; url?: string };

/** One worker per process, started on first use and unref'd so it never keeps a test run or the playground alive. */
class FetchThread {
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private readonly port: MessagePort;
  private nextId = 0;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(new URL('./url-fetch-worker.mjs', import.meta.url), {
      execArgv: [], // no TypeScript loader needed, and none inherited from vitest/tsx
      workerData: { port: port2, signal: this.signal.buffer },
      transferList: [port2],
    });
    worker.unref();
    port1.unref();
    this.port = port1;
  }

  request(request: Omit<WorkerRequest, 'id'>): WorkerResult {
    const id = ++this.nextId;
    Atomics.store(this.signal, 0, 0);
    this.port.postMessage({ ...request, id });
    // A little longer than the worker's own timer, so the worker's answer normally decides.
    const deadline = Date.now() + request.timeoutMs + 5000;
    for (;;) {
      const received = receiveMessageOnPort(this.port);
      if (received) {
        const result = received.message as WorkerResult;
        if (result.id === id) return result;
        continue; // a late answer to an earlier request that we gave up on
      }
      const left = deadline - Date.now();
      if (left <= 0) return { id, error: 'timeout' };
      Atomics.wait(this.signal, 0, 0, left);
      Atomics.store(this.signal, 0, 0);
    }
  }
}

let thread: FetchThread | null = null;

export class FakeHttpResponse extends Fake implements HttpResponseApi {
  readonly className = 'HTTPResponse';

  constructor(
    private readonly status: number,
    private readonly rawHeaders: string[],
    private readonly body: Buffer,
  ) {
    super();
  }

  getResponseCode(): number {
    return this.status;
  }
  getContentText(charset?: string): string {
    const declared = /charset=([^;]+)/i.exec(this.headerValues('content-type')[0] ?? '')?.[1]?.trim();
    try {
      return new TextDecoder(charset ?? declared ?? 'utf-8').decode(this.body);
    } catch {
      return new TextDecoder('utf-8').decode(this.body);
    }
  }
  /** Signed bytes, like every Apps Script byte array. */
  getContent(): number[] {
    return toSignedBytes(this.body);
  }
  /** One value per header (several values joined with ", "), names as the server sent them. */
  getHeaders(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, values] of this.grouped()) out[name] = values.join(', ');
    return out;
  }
  /** Like getHeaders, but a header sent several times (Set-Cookie) gives an array. */
  getAllHeaders(): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (const [name, values] of this.grouped()) out[name] = values.length === 1 ? values[0]! : values;
    return out;
  }

  private grouped(): Map<string, string[]> {
    const byLower = new Map<string, { name: string; values: string[] }>();
    for (let i = 0; i + 1 < this.rawHeaders.length; i += 2) {
      const name = this.rawHeaders[i]!;
      const entry = byLower.get(name.toLowerCase()) ?? { name, values: [] };
      entry.values.push(this.rawHeaders[i + 1]!);
      byLower.set(name.toLowerCase(), entry);
    }
    return new Map([...byLower.values()].map((e) => [e.name, e.values]));
  }
  private headerValues(lowerName: string): string[] {
    return [...this.grouped()].find(([name]) => name.toLowerCase() === lowerName)?.[1] ?? [];
  }
}

type FetchParams = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;

export class FakeUrlFetchApp extends Fake implements UrlFetchAppApi {
  readonly className = 'UrlFetchApp';

  constructor(private readonly timeoutMs: number) {
    super();
  }

  fetch(url: string, params: FetchParams = {}): FakeHttpResponse {
    const text = String(url);
    if (text.length > 2048) throw new Error('Limit Exceeded: URLFetch URL Length.');
    let parsed: URL;
    try {
      parsed = new URL(text);
    } catch {
      throw new Error(`Invalid argument: ${text}`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`Invalid argument: ${text}`);
    if (!isLoopbackHost(parsed.hostname)) throw new Error(`Address unavailable: ${text}`);

    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries((params.headers ?? {}) as Record<string, unknown>)) headers[k] = String(v);
    const { body, contentType } = encodePayload(params.payload);
    const hasContentType = Object.keys(headers).some((k) => k.toLowerCase() === 'content-type');
    if (params.contentType) headers['Content-Type'] = params.contentType;
    else if (body !== null && !hasContentType) headers['Content-Type'] = contentType;
    if (body !== null) headers['Content-Length'] = String(body.length);

    thread ??= new FetchThread();
    const result = thread.request({
      url: parsed.href,
      method: String(params.method ?? 'get').toUpperCase(),
      headers,
      bodyBase64: body === null ? null : body.toString('base64'),
      followRedirects: params.followRedirects !== false,
      validateHttpsCertificates: params.validateHttpsCertificates !== false,
      timeoutMs: this.timeoutMs,
    });
    if ('error' in result) {
      if (result.error === 'timeout') throw new Error(`Timeout: ${text}`);
      if (result.error === 'too-large') throw new Error(`Exceeded maximum file size for UrlFetch: ${text}`);
      throw new Error(`Address unavailable: ${result.url ?? text}`);
    }
    const response = new FakeHttpResponse(result.status, result.rawHeaders, Buffer.from(result.bodyBase64, 'base64'));
    if (result.status >= 400 && params.muteHttpExceptions !== true) {
      const content = response.getContentText();
      const truncated = content.length > 100 ? `${content.slice(0, 100)}...` : content;
      throw new Error(
        `Request failed for ${parsed.origin} returned code ${result.status}. Truncated server response: ${truncated} (use muteHttpExceptions option to examine full response)`,
      );
    }
    return response;
  }
}

/** Apps Script's payload rules: a string as is, a byte array raw, a plain object as a form. */
function encodePayload(payload: unknown): { body: Buffer | null; contentType: string } {
  const form = 'application/x-www-form-urlencoded';
  if (payload === undefined || payload === null) return { body: null, contentType: form };
  if (typeof payload === 'string') return { body: Buffer.from(payload, 'utf8'), contentType: form };
  if (Array.isArray(payload)) return { body: toBuffer(payload), contentType: 'application/octet-stream' };
  if (isPlainObject(payload)) {
    const body = new URLSearchParams(Object.entries(payload).map(([k, v]) => [k, String(v)])).toString();
    return { body: Buffer.from(body, 'utf8'), contentType: form };
  }
  throw new Error('Invalid argument: payload');
}
