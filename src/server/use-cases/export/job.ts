/**
 * The unfinished API export of this spreadsheet (document property `export.job`): what was selected, who started it, its
 * counts so far and the latest problems — small, never the bookings themselves (the sheet and the in-flight journal hold
 * those). A lease marks the slice working on it, so that a second window or a colleague cannot run the same export at
 * the same time; it expires on its own when an execution dies.
 */
import * as z from '../../../core/schema';
import { apiTargetSchema, exportProblemDto, exportSelectionSchema } from '../../../shared/export-dto';
import { JsonProperty, MAX_PROPERTY_BYTES } from '../../adapters/property-store';
import { utf8Bytes } from '../../../core/text/utf8';
import type { AppsScriptServices } from '../../platform/apps-script-api';

const jobSchema = z.object({
  jobId: z.string(),
  target: apiTargetSchema,
  selection: exportSelectionSchema,
  startedBy: z.string(),
  startedAt: z.string(),
  exported: z.int(),
  receipts: z.int(),
  failed: z.int(),
  problems: z.array(exportProblemDto),
  /** Until when (ms) a slice works on it; 0 when none does. */
  leaseUntilMs: z.number(),
  leasedBy: z.string(),
});

export type ExportJob = z.output<typeof jobSchema>;

export const JOB_KEY = 'export.job';

export function jobStore(services: AppsScriptServices): JsonProperty<ExportJob> {
  const store = services.PropertiesService.getDocumentProperties();
  if (store === null) throw new Error('Kontomatch must be opened from a spreadsheet to export.');
  return new JsonProperty(store, JOB_KEY, jobSchema);
}

export function readJob(services: AppsScriptServices): ExportJob | null {
  try {
    return jobStore(services).read();
  } catch {
    // A damaged job is dropped: the sheet and the journal know everything that was sent.
    jobStore(services).remove();
    return null;
  }
}

/** Keeps the newest problems that fit into one property. */
export function writeJob(services: AppsScriptServices, job: ExportJob): void {
  const fitted = { ...job, problems: job.problems.slice(-30).map((p) => ({ bookingId: p.bookingId, message: p.message.slice(0, 300) })) };
  while (fitted.problems.length > 0 && utf8Bytes(JSON.stringify(fitted)).length > MAX_PROPERTY_BYTES - 512) fitted.problems.shift();
  jobStore(services).write(fitted);
}
