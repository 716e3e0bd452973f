// The thread that does UrlFetchApp's HTTP requests. Plain JavaScript on purpose: it runs without any TypeScript loader
// (the runtime starts it with execArgv: [] under vitest and tsx alike). The main thread is blocked in Atomics.wait on
// `signal` while we work; we post the result on `port` first, then flip the signal and notify.
import http from 'node:http';
import https from 'node:https';
import { workerData } from 'node:worker_threads';

const { port, signal } = workerData;
const flag = new Int32Array(signal);
const MAX_BODY_BYTES = 50 * 1024 * 1024; // Apps Script's response size limit
const MAX_REDIRECTS = 10;

// Kept in step with isLoopbackHost in url-fetch.ts: only this machine may be reached (no other traffic allowed).
function isLoopbackHost(hostname) {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

function once(request, url, method, body) {
  return new Promise((resolve) => {
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.request(
      url,
      { method, headers: request.headers, rejectUnauthorized: request.validateHttpsCertificates !== false },
      (res) => {
        const chunks = [];
        let size = 0;
        res.on('data', (chunk) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) {
            req.destroy();
            resolve({ error: 'too-large' });
          } else chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }));
        res.on('error', (e) => resolve({ error: 'network', message: e.message }));
      },
    );
    req.on('error', (e) => resolve({ error: 'network', message: e.message }));
    if (body && body.length > 0) req.write(body);
    req.end();
  });
}

async function perform(request) {
  let url = new URL(request.url);
  let method = request.method;
  let body = request.bodyBase64 === null ? null : Buffer.from(request.bodyBase64, 'base64');
  for (let hop = 0; ; hop++) {
    if (!isLoopbackHost(url.hostname)) return { error: 'address', url: url.href };
    const res = await once(request, url, method, body);
    if (res.error) return { ...res, url: url.href };
    let location;
    for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) if (/^location$/i.test(res.rawHeaders[i])) location = res.rawHeaders[i + 1];
    if (request.followRedirects && [301, 302, 303, 307, 308].includes(res.status) && location && hop < MAX_REDIRECTS) {
      url = new URL(location, url);
      if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
        method = 'GET';
        body = null;
      }
      continue;
    }
    return { status: res.status, rawHeaders: res.rawHeaders, bodyBase64: res.body.toString('base64'), url: url.href };
  }
}

port.on('message', async (request) => {
  let result;
  const timer = new Promise((resolve) => setTimeout(() => resolve({ error: 'timeout' }), request.timeoutMs));
  try {
    result = await Promise.race([perform(request), timer]);
  } catch (e) {
    result = { error: 'network', message: String(e && e.message ? e.message : e) };
  }
  port.postMessage({ id: request.id, ...result });
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
