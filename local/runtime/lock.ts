/**
 * LockService. A lock is held by an *execution*; here an execution is one `LocalRuntime` (its `call()`s release what they
 * still hold when they end, as Apps Script does when a script finishes). The process is single-threaded, so a lock held by
 * another runtime can never be released while we wait: tryLock/waitLock give up at once instead of sleeping for nothing.
 */
import { Fake } from './fake';
import type { LockApi, LockServiceApi } from '../../src/server/platform/apps-script-api';

/** The shared state of one lock (the document lock of a workbook, or one user's lock). */
export class LockState {
  holder: object | null = null;
}

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

export class FakeLock extends Fake implements LockApi {
  readonly className = 'Lock';
  private acquired = false;

  constructor(
    private readonly state: LockState,
    private readonly execution: object,
    private readonly onAcquire: (state: LockState) => void,
  ) {
    super();
  }

  tryLock(timeoutInMillis: number): boolean {
    if (typeof timeoutInMillis !== 'number') throw new Error('Invalid argument: timeoutInMillis');
    if (this.state.holder !== null && this.state.holder !== this.execution) return false;
    this.state.holder = this.execution;
    this.acquired = true;
    this.onAcquire(this.state);
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }
  releaseLock(): void {
    if (this.state.holder === this.execution) this.state.holder = null;
    this.acquired = false;
  }
  hasLock(): boolean {
    return this.acquired && this.state.holder === this.execution;
  }
}

export class FakeLockService extends Fake implements LockServiceApi {
  readonly className = 'LockService';
  /** Locks this execution took, to release when its call ends. */
  readonly taken = new Set<LockState>();

  constructor(
    private readonly documentLock: LockState,
    private readonly userLock: LockState,
    private readonly scriptLock: LockState,
    private readonly execution: object,
  ) {
    super();
  }

  private lock(state: LockState): FakeLock {
    return new FakeLock(state, this.execution, (s) => this.taken.add(s));
  }
  getDocumentLock(): FakeLock {
    return this.lock(this.documentLock);
  }
  getUserLock(): FakeLock {
    return this.lock(this.userLock);
  }
  getScriptLock(): FakeLock {
    return this.lock(this.scriptLock);
  }

  /** End of an execution: everything it still holds is released. */
  releaseAll(): void {
    for (const state of this.taken) if (state.holder === this.execution) state.holder = null;
    this.taken.clear();
  }
}
