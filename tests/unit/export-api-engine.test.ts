/**
 * The exactly-once export (core/export/api-export.ts) against a scripted target that keeps its records like a server:
 * answers lost after the record was written, refusals, executions killed at any step — and afterwards every booking has
 * exactly one record there and the row holds its id.
 */
import { describe, expect, it } from 'vitest';
import { emptyAccountingData } from '../../src/core/accounting/fields';
import { runApiExport, type InflightEntry, type QueuedBooking } from '../../src/core/export/api-export';
import type { ExportBooking } from '../../src/core/export/export-booking';
import type { ReceiptState } from '../../src/core/export/export-status';
import type { CreateOutcome, ReceiptFile, RemoteTarget } from '../../src/core/export/remote';
import { seededRandom } from '../../bench/seeded-random';

class Killed extends Error {
  constructor(step: string) {
    super(`killed: ${step}`);
  }
}

type Step = 'create:before' | 'create:after' | 'record' | 'attach:after' | 'find';

/** A target with records, and faults: `lose` drops the answer of the next create after committing, `drop` before. */
class FakeTarget implements RemoteTarget {
  readonly target = 'lexoffice' as const;
  records = new Map<string, { booking: string; number: string; date: string; amount: number; files: number }>();
  next = 1;
  faults: Array<'lose' | 'drop' | 'refuse' | 'find-fails'> = [];
  kill: ((step: Step) => boolean) | null = null;
  calls: string[] = [];

  private step(step: Step): void {
    if (this.kill?.(step)) throw new Killed(step);
  }
  prepare(b: ExportBooking) {
    return b.accounting.glAccount === '' ? { ok: false as const, problem: { bookingId: b.id, field: 'glAccount', message: `${b.id}: GL account missing` } } : { ok: true as const };
  }
  create(b: ExportBooking): CreateOutcome {
    this.calls.push(`create ${b.id}`);
    this.step('create:before');
    const fault = this.faults.shift();
    if (fault === 'refuse') return { kind: 'refused', message: `lexoffice refused ${b.id}: posting category missing` };
    if (fault === 'drop') return { kind: 'unknown', reason: 'timeout' };
    const id = `V-${this.next++}`;
    this.records.set(id, { booking: b.id, number: b.accounting.receiptNumber || b.id, date: b.date, amount: b.amountMinor, files: 0 });
    this.step('create:after');
    if (fault === 'lose') return { kind: 'unknown', reason: '504' };
    return { kind: 'created', remoteId: id };
  }
  find(b: ExportBooking) {
    this.calls.push(`find ${b.id}`);
    this.step('find');
    if (this.faults[0] === 'find-fails') {
      this.faults.shift();
      throw new Error('no answer');
    }
    const number = b.accounting.receiptNumber || b.id;
    const hit = [...this.records].find(([, r]) => r.number === number && r.date === b.date && r.amount === b.amountMinor);
    return hit === undefined ? null : { remoteId: hit[0], hasReceipt: hit[1].files > 0 };
  }
  checkReceipt(file: ReceiptFile) {
    return file.bytes.length > 10 ? 'the receipt is larger than 10 bytes' : null;
  }
  attachReceipt(remoteId: string, _b: ExportBooking, _file: ReceiptFile) {
    this.calls.push(`attach ${remoteId}`);
    this.records.get(remoteId)!.files++;
    this.step('attach:after');
    return { ok: true as const };
  }
  /** Records per booking id. */
  perBooking(): Map<string, number> {
    const out = new Map<string, number>();
    for (const r of this.records.values()) out.set(r.booking, (out.get(r.booking) ?? 0) + 1);
    return out;
  }
}

const booking = (n: number, more: Partial<ExportBooking['accounting']> = {}): ExportBooking => ({
  id: `B-${String(n).padStart(5, '0')}`,
  date: `2026-10-${String((n % 28) + 1).padStart(2, '0')}`,
  amountMinor: -1000 * n - 19,
  currency: 'EUR',
  description: `Booking ${n}`,
  accounting: { ...emptyAccountingData(), glAccount: 'Bürobedarf', taxRate: '19', ...more },
  taxAmountMinor: null,
  bankAccount: '1200',
});

/** The durable side: the rows (remote id + receipt state) and the journal, surviving any kill. */
class Workbook {
  rows = new Map<string, { remoteId: string; receipt: ReceiptState }>();
  journal: Record<string, InflightEntry> = {};
  constructor(readonly kill: { at: ((step: Step) => boolean) | null }) {}
  queue(bookings: readonly ExportBooking[]): QueuedBooking[] {
    return bookings
      .filter((b) => { const r = this.rows.get(b.id); return r === undefined || r.receipt === 'pending'; })
      .map((b) => ({ booking: b, remoteId: this.rows.get(b.id)?.remoteId ?? null }));
  }
  ports() {
    return {
      journal: {
        read: () => ({ ...this.journal }),
        add: (id: string, e: InflightEntry) => void (this.journal[id] = e),
        remove: (id: string) => void delete this.journal[id],
      },
      recorder: {
        record: (id: string, remoteId: string, receipt: ReceiptState) => {
          this.rows.set(id, { remoteId, receipt });
          if (this.kill.at?.('record')) throw new Killed('record');
        },
        has: (id: string) => this.rows.has(id),
      },
    };
  }
}

const noReceipts = { read: () => ({ ok: false as const, message: 'no receipts here' }) };
const smallReceipt = { read: () => ({ ok: true as const, file: { name: 'r.pdf', mimeType: 'application/pdf', bytes: [37, 80, 68, 70] } }) };
const pause = { sleep: () => undefined, nowMs: () => 0 };

/** A killed execution cannot run any more code: the engine's own catch only ends the slice, so it is rethrown here. */
function run(target: FakeTarget, book: Workbook, bookings: readonly ExportBooking[], receipts = noReceipts as { read: (b: ExportBooking) => { ok: true; file: ReceiptFile } | { ok: false; message: string } }) {
  const result = runApiExport({ target, queue: book.queue(bookings), ...book.ports(), receipts, pause, deadlineMs: Number.POSITIVE_INFINITY, settleMs: 0 });
  if (result.stopped === 'failure' && result.failure.startsWith('killed: ')) throw new Killed(result.failure.slice(8));
  return result;
}

describe('exactly-once API export', () => {
  it('sends every booking once, stores each id, and leaves the journal empty', () => {
    const target = new FakeTarget();
    const book = new Workbook({ at: null });
    const bookings = [1, 2, 3].map((n) => booking(n));
    const result = run(target, book, bookings);
    expect(result.exported).toEqual(['B-00001', 'B-00002', 'B-00003']);
    expect([...book.rows.values()].map((r) => r.remoteId)).toEqual(['V-1', 'V-2', 'V-3']);
    expect(book.journal).toEqual({});
    expect(result.stopped).toBe('finished');
    // A second export finds nothing to do.
    expect(run(target, book, bookings).exported).toEqual([]);
    expect(target.records.size).toBe(3);
  });

  it('after an answer lost behind a committed record it looks the record up and does not send again', () => {
    const target = new FakeTarget();
    target.faults = ['lose'];
    const book = new Workbook({ at: null });
    const result = run(target, book, [booking(1)]);
    expect(result.exported).toEqual(['B-00001']);
    expect(target.calls).toEqual(['create B-00001', 'find B-00001']);
    expect(target.records.size).toBe(1);
    expect(book.rows.get('B-00001')?.remoteId).toBe('V-1');
  });

  it('sends again only when the lookup shows the first request never arrived', () => {
    const target = new FakeTarget();
    target.faults = ['drop'];
    const book = new Workbook({ at: null });
    run(target, book, [booking(1)]);
    expect(target.calls).toEqual(['create B-00001', 'find B-00001', 'create B-00001']);
    expect(target.perBooking().get('B-00001')).toBe(1);
  });

  it('keeps a booking in the journal while its lookup has no answer, and settles it first next time', () => {
    const target = new FakeTarget();
    target.faults = ['lose', 'find-fails'];
    const book = new Workbook({ at: null });
    const first = run(target, book, [booking(1), booking(2)]);
    expect(first.unknown).toEqual(['B-00001']);
    expect(first.exported).toEqual(['B-00002']);
    expect(Object.keys(book.journal)).toEqual(['B-00001']);
    expect(book.rows.has('B-00001')).toBe(false);
    target.calls = [];
    const second = run(target, book, [booking(1), booking(2)]);
    expect(target.calls).toEqual(['find B-00001']);
    expect(second.exported).toEqual(['B-00001']);
    expect(target.perBooking()).toEqual(new Map([['B-00001', 1], ['B-00002', 1]]));
  });

  it('looks an in-flight booking up as it was sent, even if its row changed since', () => {
    const target = new FakeTarget();
    const book = new Workbook({ at: null });
    target.kill = (step) => step === 'create:after';
    expect(() => run(target, book, [booking(1)])).toThrow(Killed);
    target.kill = null;
    const changed = { ...booking(1), amountMinor: -99 };
    run(target, book, [changed]);
    expect(target.records.size).toBe(1);
    expect(book.rows.get('B-00001')?.remoteId).toBe('V-1');
  });

  it('reports a refusal in words, stores nothing and goes on', () => {
    const target = new FakeTarget();
    target.faults = ['refuse'];
    const book = new Workbook({ at: null });
    const result = run(target, book, [booking(1), booking(2), booking(3, { glAccount: '' })]);
    expect(result.problems.map((p) => p.message)).toEqual(['lexoffice refused B-00001: posting category missing', 'B-00003: GL account missing']);
    expect(result.exported).toEqual(['B-00002']);
    expect(book.journal).toEqual({});
  });

  it('never creates a record whose receipt cannot follow, and attaches the receipt after the record', () => {
    const target = new FakeTarget();
    const book = new Workbook({ at: null });
    const withReceipt = booking(1, { receiptFile: 'https://drive.google.com/file/d/abcdefghijkl/view', receiptNumber: 'RE-1' });
    expect(run(target, book, [withReceipt]).problems[0]!.message).toBe('no receipts here');
    expect(target.records.size).toBe(0);
    const tooLarge = { read: () => ({ ok: true as const, file: { name: 'r.pdf', mimeType: 'application/pdf', bytes: new Array(11).fill(1) } }) };
    expect(run(target, book, [withReceipt], tooLarge).problems[0]!.message).toBe('B-00001 cannot go to lexoffice: the receipt is larger than 10 bytes');
    expect(target.records.size).toBe(0);
    const result = run(target, book, [withReceipt], smallReceipt);
    expect(result.receipts).toEqual(['B-00001']);
    expect(target.records.get('V-1')!.files).toBe(1);
    expect(book.rows.get('B-00001')).toEqual({ remoteId: 'V-1', receipt: 'attached' });
  });

  it('stops at the deadline before starting another booking', () => {
    const target = new FakeTarget();
    const book = new Workbook({ at: null });
    // Each record created takes 600 ms.
    const result = runApiExport({
      target, queue: book.queue([booking(1), booking(2), booking(3)]), ...book.ports(), receipts: noReceipts,
      pause: { sleep: () => undefined, nowMs: () => target.records.size * 600 }, deadlineMs: 1000, settleMs: 0,
    });
    expect(result.stopped).toBe('time');
    expect(result.exported).toEqual(['B-00001', 'B-00002']);
  });

  it('killed at random steps many times, ends with exactly one record and one receipt per booking', () => {
    const random = seededRandom(7);
    const steps: Step[] = ['create:before', 'create:after', 'record', 'attach:after', 'find'];
    let totalKills = 0;
    for (let round = 0; round < 200; round++) {
      const target = new FakeTarget();
      const kill: { at: ((step: Step) => boolean) | null } = { at: null };
      const book = new Workbook(kill);
      const bookings = Array.from({ length: 6 }, (_, i) => booking(i + 1, i % 2 === 0 ? { receiptFile: 'abcdefghijkl', receiptNumber: `RE-${i}` } : {}));
      // Unclear answers too, now and then.
      target.faults = Array.from({ length: 6 }, () => (random() < 0.3 ? ('lose' as const) : random() < 0.2 ? ('drop' as const) : ('ok' as never)));
      let kills = 0;
      for (let attempt = 0; attempt < 50; attempt++) {
        const when = Math.floor(random() * 12);
        let seen = 0;
        const step = steps[Math.floor(random() * steps.length)]!;
        const armed = (s: Step) => s === step && seen++ === when % 3;
        target.kill = kills < 4 ? armed : null;
        kill.at = kills < 4 ? armed : null;
        try {
          const result = run(target, book, bookings, smallReceipt);
          if (result.stopped === 'finished' && result.unknown.length === 0 && book.queue(bookings).length === 0) break;
        } catch (error) {
          if (!(error instanceof Killed)) throw error;
          kills++;
          totalKills++;
        }
      }
      const per = target.perBooking();
      for (const b of bookings) {
        expect(per.get(b.id), `round ${round}, ${b.id}`).toBe(1);
        const row = book.rows.get(b.id)!;
        expect(target.records.get(row.remoteId)?.booking, `round ${round}`).toBe(b.id);
        if (b.accounting.receiptFile !== '') {
          expect(row.receipt).toBe('attached');
          expect(target.records.get(row.remoteId)!.files, `round ${round}, receipt of ${b.id}`).toBe(1);
        }
      }
      expect(book.journal).toEqual({});
    }
    // The kills did happen, at every kind of step.
    expect(totalKills).toBeGreaterThan(300);
  });
});
