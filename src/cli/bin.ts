/** Process entry of the `kontomatch` command; bundled to `dist/cli.cjs` by `npm run build`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { main } from './main';
import { blockingSleep, childProcessHttpClient } from './sync-http';

main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readFile: (path) => readFileSync(path),
  export: {
    writeFile: (path, bytes) => writeFileSync(path, bytes),
    env: process.env,
    http: childProcessHttpClient(),
    sleep: blockingSleep,
    nowMs: () => Date.now(),
  },
}).then(
  // exitCode, not exit(): a large JSON on a pipe must be written out completely before the process ends.
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`kontomatch: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  },
);
