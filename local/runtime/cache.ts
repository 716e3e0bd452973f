/**
 * CacheService with Apps Script's limits (key ≤ 250 chars, value ≤ 100 KB, TTL ≤ 21600 s, default 600 s). Expiry reads an
 * injectable clock so tests can jump forward instead of sleeping.
 */
import { Fake } from './fake';
import type { CacheApi, CacheServiceApi } from '../../src/server/platform/apps-script-api';

export const MAX_KEY_LENGTH = 250;
export const MAX_VALUE_BYTES = 100 * 1024;
export const MAX_TTL_SECONDS = 21600;

export class CacheStore {
  readonly entries = new Map<string, { value: string; expiresAt: number }>();
}

export class FakeCache extends Fake implements CacheApi {
  readonly className = 'Cache';

  constructor(
    private readonly store: CacheStore,
    private readonly now: () => number,
  ) {
    super();
  }

  private checkKey(key: unknown): string {
    const k = String(key);
    if (k.length > MAX_KEY_LENGTH) throw new Error('Argument too large: key');
    return k;
  }

  get(key: string): string | null {
    const k = this.checkKey(key);
    const entry = this.store.entries.get(k);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.store.entries.delete(k);
      return null;
    }
    return entry.value;
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of keys) {
      const v = this.get(key);
      if (v !== null) out[key] = v;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds = 600): void {
    const k = this.checkKey(key);
    const v = String(value);
    if (Buffer.byteLength(v, 'utf8') > MAX_VALUE_BYTES) throw new Error('Argument too large: value');
    // Apps Script documents 21600 s as the maximum; a longer TTL is cut to it.
    const ttl = Math.min(Math.max(Number(expirationInSeconds), 1), MAX_TTL_SECONDS);
    this.store.entries.set(k, { value: v, expiresAt: this.now() + ttl * 1000 });
  }
  remove(key: string): void {
    this.store.entries.delete(this.checkKey(key));
  }
}

export class FakeCacheService extends Fake implements CacheServiceApi {
  readonly className = 'CacheService';

  constructor(
    private readonly document: CacheStore,
    private readonly user: CacheStore,
    private readonly script: CacheStore,
    private readonly now: () => number,
  ) {
    super();
  }

  getDocumentCache(): FakeCache {
    return new FakeCache(this.document, this.now);
  }
  getUserCache(): FakeCache {
    return new FakeCache(this.user, this.now);
  }
  getScriptCache(): FakeCache {
    return new FakeCache(this.script, this.now);
  }
}
