/**
 * PropertiesService. Stores outlive a runtime: document properties live on the workbook (shared by every session of that
 * workbook), user and script properties on the workbook's script group (see workbook.ts). Apps Script's size limits are
 * enforced because settings and secrets are stored here and an oversized value must fail in tests, not in production.
 */
import { Fake } from './fake';
import type { PropertiesApi, PropertiesServiceApi } from '../../src/server/platform/apps-script-api';

export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The data of one property store. */
export class PropertyStore {
  readonly map = new Map<string, string>();

  size(): number {
    let total = 0;
    for (const [k, v] of this.map) total += bytes(k) + bytes(v);
    return total;
  }
}

export class FakeProperties extends Fake implements PropertiesApi {
  readonly className = 'Properties';

  constructor(readonly store: PropertyStore) {
    super();
  }

  getProperty(key: string): string | null {
    return this.store.map.get(String(key)) ?? null;
  }
  setProperty(key: string, value: string): FakeProperties {
    this.write({ [String(key)]: value }, false);
    return this;
  }
  deleteProperty(key: string): FakeProperties {
    this.store.map.delete(String(key));
    return this;
  }
  deleteAllProperties(): FakeProperties {
    this.store.map.clear();
    return this;
  }
  getKeys(): string[] {
    return [...this.store.map.keys()];
  }
  /** A copy: changing it changes nothing stored (the boundary rebuilds it in the context realm). */
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store.map);
  }
  setProperties(properties: Record<string, string>, deleteAllOthers = false): FakeProperties {
    this.write(properties, deleteAllOthers);
    return this;
  }

  /** All or nothing, like one Apps Script call: limits are checked before anything is stored. */
  private write(properties: Record<string, unknown>, deleteAllOthers: boolean): void {
    if (properties === null || typeof properties !== 'object') throw new Error('Invalid argument: properties');
    const next = new Map(deleteAllOthers ? [] : this.store.map);
    for (const [key, raw] of Object.entries(properties)) {
      const value = String(raw); // Apps Script stores the string form of whatever it is given
      if (bytes(value) > MAX_VALUE_BYTES) throw new Error('Argument too large: value');
      next.set(key, value);
    }
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > MAX_STORE_BYTES) throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    this.store.map.clear();
    for (const [k, v] of next) this.store.map.set(k, v);
  }
}

export class FakePropertiesService extends Fake implements PropertiesServiceApi {
  readonly className = 'PropertiesService';

  constructor(
    private readonly user: PropertyStore,
    private readonly document: PropertyStore,
    private readonly script: PropertyStore,
  ) {
    super();
  }

  getUserProperties(): FakeProperties {
    return new FakeProperties(this.user);
  }
  getDocumentProperties(): FakeProperties {
    return new FakeProperties(this.document);
  }
  getScriptProperties(): FakeProperties {
    return new FakeProperties(this.script);
  }
}
