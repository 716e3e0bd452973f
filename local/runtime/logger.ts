/** Logger and console, captured into `logs` so tests can assert what was (and what was never, e.g. a secret) printed. */
import { inspect } from 'node:util';
import { Fake } from './fake';

function text(args: unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 4, breakLength: Infinity }))).join(' ');
}

export class FakeLogger extends Fake {
  readonly className = 'Logger';
  constructor(private readonly logs: string[]) {
    super();
  }
  /** Logger.log(format, ...values) substitutes %s like Apps Script; with one argument it logs that value. */
  log(data: unknown, ...values: unknown[]): FakeLogger {
    if (typeof data === 'string' && values.length > 0) {
      let i = 0;
      this.logs.push(data.replace(/%s/g, () => text([values[i++]])));
    } else this.logs.push(text([data, ...values]));
    return this;
  }
  getLog(): string {
    return this.logs.join('\n');
  }
  clear(): void {
    this.logs.length = 0;
  }
}

export class FakeConsole extends Fake {
  readonly className = 'console';
  constructor(private readonly logs: string[]) {
    super();
  }
  log(...args: unknown[]): void {
    this.logs.push(text(args));
  }
  info(...args: unknown[]): void {
    this.logs.push(`INFO ${text(args)}`);
  }
  warn(...args: unknown[]): void {
    this.logs.push(`WARNING ${text(args)}`);
  }
  error(...args: unknown[]): void {
    this.logs.push(`ERROR ${text(args)}`);
  }
  time(): void {}
  timeEnd(): void {}
}
