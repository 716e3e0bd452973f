/** Runs the `kontomatch` command line in memory: files from a map (text or bytes), stdout and stderr captured. */
import { main } from '../../src/cli/main';

export function runCli(argv: string[], files: Record<string, Uint8Array | string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (s: string) => void (stdout += s),
    stderr: (s: string) => void (stderr += s),
    readFile: (p: string): Uint8Array => {
      const f = files[p];
      if (f === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: 'ENOENT' });
      return typeof f === 'string' ? new TextEncoder().encode(f) : f;
    },
  };
  return main(argv, io).then((code) => ({ code, stdout, stderr }));
}
