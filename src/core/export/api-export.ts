/**
 * Sending bookings to an accounting system exactly once.
 *
 * lexoffice vouchers cannot be deleted (contracts §1), so a duplicate is for ever; a booking marked exported that is not
 * there is lost to the accountant. The rules that prevent both:
 * 1. Before a record is created, the booking goes into the in-flight journal (what was sent and when). It leaves the
 *    journal only when the outcome is known: the remote id stored on the booking's row, or a refusal.
 * 2. The remote id is stored on the row (durably) before the next booking is sent.
 * 3. A request without a clear answer (timeout, 5xx, an execution killed while it waited) is never simply repeated: the
 *    record is looked up first — right away, and again at the start of any later export for every booking still in the
 *    journal — and sent again only when it is not there.
 * 4. A receipt follows its record: read and checked before the record is created (a record must not go without the
 *    receipt that belongs to it), attached after; an attachment whose outcome is unknown is looked up before it is
 *    attached again.
 * Everything that reaches the target is behind the ports, so this runs the same against the local test servers, in Apps
 * Script and from the command line.
 */
import type { BookingProblem, ExportBooking } from './export-booking';
import type { ReceiptState } from './export-status';
import type { Pause, ReceiptFile, RemoteTarget } from './remote';

export interface QueuedBooking {
  booking: ExportBooking;
  /** Set when its record exists already (the row holds the id) and only its receipt is still to be attached. */
  remoteId: string | null;
}

/** What was sent for a booking whose outcome is not known yet: enough to find the record even if the row changed since. */
export interface InflightEntry {
  sentAtMs: number;
  date: string;
  amountMinor: number;
  receiptNumber: string;
}

export interface InflightJournal {
  read(): Record<string, InflightEntry>;
  add(bookingId: string, entry: InflightEntry): void;
  remove(bookingId: string): void;
}

/** Stores a booking's remote id and receipt state on its row; durable when it returns. */
export interface ExportRecorder {
  record(bookingId: string, remoteId: string, receipt: ReceiptState): void;
  /** Whether the booking's row holds a remote id already (then its journal entry, if any, is left over from a kill). */
  has(bookingId: string): boolean;
}

export interface ReceiptSource {
  read(booking: ExportBooking): { ok: true; file: ReceiptFile } | { ok: false; message: string };
}

export interface ApiExportInput {
  target: RemoteTarget;
  queue: readonly QueuedBooking[];
  journal: InflightJournal;
  recorder: ExportRecorder;
  receipts: ReceiptSource;
  pause: Pause;
  /** Stop before starting another booking at or after this time (ms): the execution's limit must not cut a request. */
  deadlineMs: number;
  /** How long to wait after an unclear answer before looking the record up (the target may still be writing it). */
  settleMs?: number;
}

export interface ApiExportResult {
  /** Records created (or found) in this slice and stored on their rows. */
  exported: string[];
  receipts: string[];
  problems: BookingProblem[];
  /** Bookings whose outcome is still unknown: they stay in the journal and are looked up first next time. */
  unknown: string[];
  /** Bookings of the queue dealt with (successfully or not) in this slice. */
  handled: number;
  /** Why the slice ended: the queue is through, the time is up, or the target cannot be reached right now. */
  stopped: 'finished' | 'time' | 'failure';
  failure: string;
}

type Found = { remoteId: string; hasReceipt: boolean } | null | 'unknown';

const problem = (bookingId: string, field: string, message: string): BookingProblem => ({ bookingId, field, message });

export function runApiExport(input: ApiExportInput): ApiExportResult {
  const { target, journal, recorder, receipts, pause } = input;
  const settleMs = input.settleMs ?? 2000;
  const result: ApiExportResult = { exported: [], receipts: [], problems: [], unknown: [], handled: 0, stopped: 'finished', failure: '' };
  const name = target.target;

  const find = (booking: ExportBooking): Found => {
    try {
      return target.find(booking);
    } catch {
      return 'unknown';
    }
  };

  const attach = (booking: ExportBooking, remoteId: string, file: ReceiptFile): void => {
    const outcome = target.attachReceipt(remoteId, booking, file);
    if (outcome.ok) {
      recorder.record(booking.id, remoteId, 'attached');
      result.receipts.push(booking.id);
      return;
    }
    result.problems.push(problem(booking.id, 'receiptFile', outcome.message));
    // A refusal is final (too large, wrong type); anything else stays pending, and is looked up before the next attempt.
    if (!outcome.retry) recorder.record(booking.id, remoteId, { failed: outcome.message });
  };

  const stored = (booking: ExportBooking, remoteId: string, file: ReceiptFile | null, hasReceipt: boolean): void => {
    const receipt: ReceiptState = file === null ? 'none' : hasReceipt ? 'attached' : 'pending';
    recorder.record(booking.id, remoteId, receipt);
    journal.remove(booking.id);
    result.exported.push(booking.id);
    if (receipt === 'attached') result.receipts.push(booking.id);
    if (receipt === 'pending') attach(booking, remoteId, file!);
  };

  /** The receipt as the target will get it, or why the booking cannot go (nothing is sent then). */
  const receiptOf = (booking: ExportBooking): { ok: true; file: ReceiptFile | null } | { ok: false } => {
    if (booking.accounting.receiptFile.trim() === '') return { ok: true, file: null };
    const read = receipts.read(booking);
    if (!read.ok) {
      result.problems.push(problem(booking.id, 'receiptFile', read.message));
      return { ok: false };
    }
    const refusal = target.checkReceipt(read.file);
    if (refusal !== null) {
      result.problems.push(problem(booking.id, 'receiptFile', `${booking.id} cannot go to ${name}: ${refusal}`));
      return { ok: false };
    }
    return { ok: true, file: read.file };
  };

  const send = (booking: ExportBooking, file: ReceiptFile | null): void => {
    for (let attempt = 1; attempt <= 2; attempt++) {
      journal.add(booking.id, { sentAtMs: pause.nowMs(), date: booking.date, amountMinor: booking.amountMinor, receiptNumber: booking.accounting.receiptNumber });
      const outcome = target.create(booking);
      if (outcome.kind === 'created') return stored(booking, outcome.remoteId, file, false);
      if (outcome.kind === 'refused') {
        journal.remove(booking.id);
        result.problems.push(problem(booking.id, 'target', outcome.message));
        return;
      }
      pause.sleep(settleMs);
      const found = find(booking);
      if (found === 'unknown') break;
      if (found !== null) return stored(booking, found.remoteId, file, found.hasReceipt);
      // Not there: the request did not get through, so sending again cannot double it.
    }
    result.unknown.push(booking.id);
  };

  /** A booking sent before without a known outcome: the record is looked up as it was sent, not as the row holds it now. */
  const settleInflight = (booking: ExportBooking, entry: InflightEntry, file: ReceiptFile | null): 'done' | 'send' => {
    const asSent: ExportBooking = {
      ...booking,
      date: entry.date,
      amountMinor: entry.amountMinor,
      accounting: { ...booking.accounting, receiptNumber: entry.receiptNumber },
    };
    const found = find(asSent);
    if (found === 'unknown') {
      result.unknown.push(booking.id);
      return 'done';
    }
    if (found === null) return 'send';
    stored(booking, found.remoteId, file, found.hasReceipt);
    return 'done';
  };

  // An execution killed between storing an id and clearing the journal leaves an entry that is settled already.
  for (const id of Object.keys(journal.read())) if (recorder.has(id)) journal.remove(id);

  for (const queued of input.queue) {
    if (pause.nowMs() >= input.deadlineMs) {
      result.stopped = 'time';
      break;
    }
    const { booking } = queued;
    try {
      if (queued.remoteId !== null) {
        const read = receiptOf(booking);
        if (read.ok && read.file !== null) {
          const found = find(booking);
          if (found !== 'unknown' && found !== null && found.hasReceipt) {
            recorder.record(booking.id, queued.remoteId, 'attached');
            result.receipts.push(booking.id);
          } else if (found !== 'unknown') attach(booking, queued.remoteId, read.file);
          else result.unknown.push(booking.id);
        }
        result.handled++;
        continue;
      }
      const inflight = journal.read()[booking.id];
      const read = receiptOf(booking);
      if (inflight !== undefined) {
        // Settled before anything else, even when the booking could no longer be sent as it is: it may be there.
        if (settleInflight(booking, inflight, read.ok ? read.file : null) === 'done') {
          result.handled++;
          continue;
        }
        // Not there. If it cannot be sent now, nothing is in flight any more.
        if (!read.ok) journal.remove(booking.id);
      }
      if (!read.ok) {
        result.handled++;
        continue;
      }
      const prepared = target.prepare(booking);
      if (!prepared.ok) {
        if (inflight !== undefined) journal.remove(booking.id);
        result.problems.push(prepared.problem);
        result.handled++;
        continue;
      }
      send(booking, read.file);
      result.handled++;
    } catch (error) {
      // An answer nobody planned for (the target unreachable, throttled beyond patience): stop here; the journal keeps
      // whatever was in flight, so the next export settles it before sending anything.
      result.stopped = 'failure';
      result.failure = error instanceof Error ? error.message : String(error);
      break;
    }
  }
  return result;
}
