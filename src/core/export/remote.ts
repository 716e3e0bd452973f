/**
 * An accounting system reached by API (lexoffice, bexio), as the export needs it. Each call is one decision the exactly-once
 * export (./api-export.ts) builds on: `create` says whether the record now exists, does not, or may (`unknown`); `find`
 * settles an unknown before anything is sent again.
 */
import type { BookingProblem, ExportBooking } from './export-booking';

export type ApiTarget = 'lexoffice' | 'bexio';

export type CreateOutcome =
  | { kind: 'created'; remoteId: string }
  /** Timeout, no answer, 5xx: the record may or may not exist now. Never send again before `find` has looked. */
  | { kind: 'unknown'; reason: string }
  /** The target said no (4xx): in the user's words, booking named, e.g. "lexoffice refused B-00017: posting category missing". */
  | { kind: 'refused'; message: string };

export interface ReceiptFile {
  name: string;
  mimeType: string;
  /** Unsigned bytes 0…255. */
  bytes: number[];
}

export type AttachOutcome = { ok: true } | { ok: false; message: string; retry: boolean };

export interface RemoteTarget {
  readonly target: ApiTarget;
  /** Whether the booking can be sent as it is (a GL account the target knows, a rate it takes…), checked before sending. */
  prepare(booking: ExportBooking): { ok: true } | { ok: false; problem: BookingProblem };
  create(booking: ExportBooking): CreateOutcome;
  /** The booking's record, looked up by its voucher or reference number (and date and amount); null when not there. */
  find(booking: ExportBooking): { remoteId: string; hasReceipt: boolean } | null;
  /** Why the target would refuse this receipt (size, type), checked before the record is created; null when fine. */
  checkReceipt(file: ReceiptFile): string | null;
  attachReceipt(remoteId: string, booking: ExportBooking, file: ReceiptFile): AttachOutcome;
}

/** Time as an export needs it: to pace requests (rate limits) and to stop before the execution's limit. */
export interface Pause {
  sleep(ms: number): void;
  nowMs(): number;
}
