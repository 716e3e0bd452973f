/**
 * One execution (one `call()`) as Apps Script ends it: after 6 minutes the script is terminated. Here the end is simulated
 * at the only place the runtime sees — the service calls: once an execution is dead, every further service call throws
 * `Exceeded maximum execution time`, so no `catch` or `finally` of the script can reach the spreadsheet any more, and
 * `call()` fails with that message whatever the script did afterwards. Two ways to die:
 *  - the virtual clock (clock.ts) shows the call has run longer than 360 s (checked at each service call, and when the
 *    script returns);
 *  - the kill switch (`killAfter`) fires at the n-th matching service call — to prove that work stopped between any two
 *    writes can be resumed without doing anything twice.
 */
import type { VirtualClock } from './clock';

export const EXCEEDED_MESSAGE = 'Exceeded maximum execution time';
/** Apps Script's limit per execution (consumer and Workspace accounts alike). */
export const MAX_EXECUTION_MS = 6 * 60 * 1000;

interface Trigger {
  n: number;
  match: (key: string) => boolean;
  seen: number;
}

export class ExecutionGuard {
  private trigger: Trigger | null = null;
  private running = false;
  private dead = false;
  private fired = false;
  private startedAt = 0;

  constructor(private readonly clock: VirtualClock | null) {}

  /**
   * During the next `call()`, the n-th counted service call whose key (`Range.setValues`) matches kills the execution.
   * Counting starts afresh in each call; the switch stays armed until it has fired (or `disarm`).
   */
  killAfter(n: number, match: (key: string) => boolean = () => true): void {
    if (!Number.isInteger(n) || n < 1) throw new Error(`killAfter needs a whole number ≥ 1, got ${n}`);
    if (typeof match !== 'function') throw new Error('killAfter: match must be a function of the call key');
    this.trigger = { n, match, seen: 0 };
  }
  disarm(): void {
    this.trigger = null;
  }
  isArmed(): boolean {
    return this.trigger !== null;
  }
  /** Whether the current (or, between calls, the last) execution was killed. */
  isDead(): boolean {
    return this.dead;
  }

  begin(): void {
    this.running = true;
    this.dead = false;
    this.fired = false;
    if (this.trigger) this.trigger.seen = 0;
    this.startedAt = this.clock?.now() ?? 0;
  }
  end(): void {
    this.running = false;
    if (this.fired) this.trigger = null;
  }

  /** When the script has returned: an execution whose clock ran past the limit would not have got there either. */
  checkEnd(): void {
    if (this.running && this.clock && this.clock.now() - this.startedAt > MAX_EXECUTION_MS) this.dead = true;
  }

  /** Before every counted service call (the boundary calls this); throws if the execution is, or now becomes, dead. */
  beforeCall(key: string): void {
    if (this.running) {
      if (this.dead) throw new Error(EXCEEDED_MESSAGE);
      if (this.clock && this.clock.now() - this.startedAt > MAX_EXECUTION_MS) this.die();
      const trigger = this.trigger;
      if (trigger && trigger.match(key) && ++trigger.seen === trigger.n) {
        this.fired = true;
        this.die();
      }
    }
    if (this.clock) this.clock.advance(this.clock.perCallMs);
  }

  private die(): never {
    this.dead = true;
    throw new Error(EXCEEDED_MESSAGE);
  }
}
