/**
 * Typed settings and secrets on top of Apps Script's property stores.
 *
 * Which store holds what is a decision about who may read it:
 * - document properties: shared by every editor of this spreadsheet (custom bank profiles, settings of the workbook);
 * - user properties: private to one user in this add-on (API keys and tokens of the accounting systems).
 * Script properties are shared by every customer of the add-on and hold nothing of theirs.
 *
 * Values are JSON checked with a zod schema on the way in and on the way out: a property may have been written by an
 * older version, or by hand.
 */
import * as z from '../../core/schema';
import { utf8Bytes } from '../../core/text/utf8';
import type { PropertiesApi } from '../platform/apps-script-api';

/** Apps Script refuses a property value over 9 KB. */
export const MAX_PROPERTY_BYTES = 9 * 1024;

export class JsonProperty<T> {
  constructor(
    private readonly store: PropertiesApi,
    readonly key: string,
    private readonly schema: z.ZodMiniType<T>,
  ) {}

  read(): T | null {
    const raw = this.store.getProperty(this.key);
    if (raw === null) return null;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      throw new Error(`The stored setting "${this.key}" is damaged (not JSON). Save it again to repair it.`);
    }
    const parsed = this.schema.safeParse(data);
    if (!parsed.success) throw new Error(`The stored setting "${this.key}" is damaged: ${z.describeIssues(parsed.error.issues)}`);
    return parsed.data;
  }

  write(value: T): void {
    const parsed = this.schema.safeParse(value);
    if (!parsed.success) throw new Error(`Cannot save "${this.key}": ${z.describeIssues(parsed.error.issues)}`);
    const text = JSON.stringify(parsed.data);
    const size = utf8Bytes(text).length;
    if (size > MAX_PROPERTY_BYTES) {
      throw new Error(`Cannot save "${this.key}": it takes ${Math.ceil(size / 1024)} KB, and a spreadsheet setting may take 9 KB.`);
    }
    this.store.setProperty(this.key, text);
  }

  remove(): void {
    this.store.deleteProperty(this.key);
  }
}

const SECRET_PREFIX = 'secret.';

/**
 * API keys and tokens, in the user's own properties. A secret is handed out only to be sent; to show it, there is `hint`
 * (last four characters), so that the sidebar can say which key is connected without ever showing it again.
 */
export class SecretStore {
  constructor(private readonly userProperties: PropertiesApi) {}

  save(name: string, secret: string): void {
    const trimmed = secret.trim();
    if (trimmed === '') throw new Error(`The ${name} key is empty.`);
    this.userProperties.setProperty(SECRET_PREFIX + name, trimmed);
  }

  /** For the Authorization header, and nothing else. */
  reveal(name: string): string | null {
    return this.userProperties.getProperty(SECRET_PREFIX + name);
  }

  hint(name: string): string | null {
    const secret = this.reveal(name);
    if (secret === null) return null;
    return secret.length <= 8 ? '••••' : `••••${secret.slice(-4)}`;
  }

  forget(name: string): void {
    this.userProperties.deleteProperty(SECRET_PREFIX + name);
  }
}
