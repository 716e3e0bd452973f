/**
 * The in-flight journal of API exports (document property `export.inflight`): bookings sent without a known outcome yet,
 * with what was sent. Written before each request and cleared when the outcome is stored, so that after a timeout, a 5xx
 * or an execution killed mid-request, every export — whoever starts it — first looks these records up at the target.
 * Small by design: a booking stays only while its outcome is unknown.
 */
import type { InflightEntry, InflightJournal } from '../../../core/export/api-export';
import * as z from '../../../core/schema';
import { JsonProperty } from '../../adapters/property-store';
import type { AppsScriptServices } from '../../platform/apps-script-api';

const entrySchema = z.object({
  sentAtMs: z.number(),
  date: z.string(),
  amountMinor: z.int(),
  receiptNumber: z.string(),
  target: z.enum(['lexoffice', 'bexio']),
});

const journalSchema = z.record(z.string(), entrySchema);

type Stored = z.output<typeof journalSchema>;

export const INFLIGHT_KEY = 'export.inflight';

function property(services: AppsScriptServices): JsonProperty<Stored> {
  const store = services.PropertiesService.getDocumentProperties();
  if (store === null) throw new Error('Kontomatch must be opened from a spreadsheet to export.');
  return new JsonProperty(store, INFLIGHT_KEY, journalSchema);
}

/** Booking ids in flight for `target` (all targets when omitted). */
export function inflightIds(services: AppsScriptServices, target?: 'lexoffice' | 'bexio'): Set<string> {
  const all = property(services).read() ?? {};
  return new Set(Object.entries(all).filter(([, e]) => target === undefined || e.target === target).map(([id]) => id));
}

export function inflightJournal(services: AppsScriptServices, target: 'lexoffice' | 'bexio'): InflightJournal {
  const store = property(services);
  return {
    read: () => Object.fromEntries(Object.entries(store.read() ?? {}).filter(([, e]) => e.target === target)),
    add: (bookingId, entry: InflightEntry) => store.write({ ...(store.read() ?? {}), [bookingId]: { ...entry, target } }),
    remove: (bookingId) => {
      const all = store.read() ?? {};
      if (!(bookingId in all)) return;
      delete all[bookingId];
      if (Object.keys(all).length === 0) store.remove();
      else store.write(all);
    },
  };
}
