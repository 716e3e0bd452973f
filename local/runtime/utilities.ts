/**
 * Utilities. base64Decode returns *signed* bytes (-128…127) because Apps Script's byte arrays are Java bytes; code that
 * decodes an uploaded file must cope with that, so the fake does it too.
 */
import { Fake } from './fake';
import { isDate } from './realm';
import { formatDate } from './format-date';
import { toBuffer, toSignedBytes } from './bytes';
import { FakeBlob } from './blob';
import type { UtilitiesApi } from '../../src/server/platform/apps-script-api';

export { toBuffer, toSignedBytes } from './bytes';

export const MAX_SLEEP_MS = 300_000;

/** Blocks the thread like Apps Script's sleep: nothing else of the script runs meanwhile. */
export function blockFor(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export class FakeUtilities extends Fake implements UtilitiesApi {
  readonly className = 'Utilities';

  /** `wait` is how sleep passes time: blocking the thread, or advancing a virtual clock (see clock.ts). */
  constructor(private readonly wait: (ms: number) => void = blockFor) {
    super();
  }

  base64Decode(encoded: string): number[] {
    const text = String(encoded).replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) throw new Error('Could not decode string.');
    return toSignedBytes(Buffer.from(text, 'base64'));
  }
  base64DecodeWebSafe(encoded: string): number[] {
    const text = String(encoded).replace(/\s+/g, '');
    if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) throw new Error('Could not decode string.');
    return toSignedBytes(Buffer.from(text, 'base64url'));
  }
  base64Encode(data: number[] | string): string {
    return toBuffer(data).toString('base64');
  }
  base64EncodeWebSafe(data: number[] | string): string {
    return toBuffer(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  newBlob(data: number[] | string, contentType?: string, name?: string): FakeBlob {
    return FakeBlob.from(data, contentType, name);
  }
  formatDate(date: GoogleAppsScript.Base.Date | Date, timeZone: string, format: string): string {
    if (!isDate(date)) throw new Error(`The parameters (${typeof date},String,String) don't match the method signature for Utilities.formatDate.`);
    return formatDate(date.getTime(), String(timeZone), String(format));
  }
  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return String(template).replace(/%[sdif%]/g, (m) => (m === '%%' ? '%' : String(args[i++])));
  }
  getUuid(): string {
    return crypto.randomUUID();
  }
  sleep(milliseconds: number): void {
    if (milliseconds > MAX_SLEEP_MS) throw new Error(`Invalid argument: milliseconds (maximum ${MAX_SLEEP_MS})`);
    this.wait(Math.max(0, Number(milliseconds)));
  }
}
