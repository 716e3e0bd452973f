/**
 * An HTTP server in a child process, for tests of anything that calls UrlFetchApp. It must be another process: while the
 * script waits for an answer, the test's thread is blocked (that is what a synchronous fetch means), so a server in this
 * process could never answer.
 *
 * `handlerSource` is the body of a `(req, res, body)` handler, in plain JavaScript, run by `node -e`.
 */
import { spawn } from 'node:child_process';

export interface ChildServer {
  base: string;
  stop(): void;
}

export async function startChildServer(handlerSource: string): Promise<ChildServer> {
  const code = `
const http = require('node:http');
const handle = (req, res, body) => { ${handlerSource} };
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => handle(req, res, Buffer.concat(chunks)));
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()));
    child.once('error', reject);
    child.once('exit', (status) => reject(new Error(`test server exited with ${status}`)));
  });
  return { base: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}
