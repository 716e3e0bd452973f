/**
 * `kontomatch export --target datev|csv|lexoffice|bexio --bookings B.json [--out FILE] [--base-url URL]`: the add-on's
 * exports on local files. DATEV and CSV write files; lexoffice and bexio send over HTTP with the key or token from the
 * environment (KONTOMATCH_LEXOFFICE_API_KEY, KONTOMATCH_BEXIO_TOKEN) — never from an argument, which would stay in the
 * shell's history and the process list.
 *
 * Exactly once from the command line too: with --out, the results file is the record of what was sent (remote ids and
 * the in-flight journal) and is rewritten after every booking; running the same command again sends only what is not
 * there yet, and looks up what had no clear answer.
 */
import { emptyAccountingData, type AccountingData } from '../core/accounting/fields';
import { runApiExport, type InflightEntry } from '../core/export/api-export';
import { builtinCsvExportProfiles, writeCsvExport } from '../core/export/csv';
import { datevSettingsSchema, writeDatevBatches } from '../core/export/datev';
import type { ExportBooking } from '../core/export/export-booking';
import type { ReceiptState } from '../core/export/export-status';
import type { RemoteTarget } from '../core/export/remote';
import type { HttpClient } from '../core/ports/http';
import * as z from '../core/schema';
import { decodeText } from '../core/text/decode';
import { StatementFileError } from '../core/transaction';
import type { CliIo } from './main';

export const EXPORT_USAGE = `  kontomatch export --target datev|csv|lexoffice|bexio --bookings B.json [--out FILE] [--base-url URL]
      Exports the bookings in B.json (see README, "Bookings JSON"). datev: DATEV EXTF Buchungsstapel files
      (one per fiscal year and period; FILE or its folder); csv: one CSV file (profile from B.json).
      lexoffice/bexio: sends them with the key from KONTOMATCH_LEXOFFICE_API_KEY / KONTOMATCH_BEXIO_TOKEN;
      the results (remote ids) go to stdout, or to FILE, which a second run reads so that nothing is sent twice.
`;

export interface ExportIo extends CliIo {
  writeFile(path: string, bytes: Uint8Array): void;
  env: Record<string, string | undefined>;
  http: HttpClient;
  sleep(ms: number): void;
  nowMs(): number;
}

const text = z.string({ error: 'expected text' });
const optionalText = z._default(z.string({ error: 'expected text' }), '');
const amount = text.check(z.regex(/^-?\d{1,13}(\.\d{1,2})?$/, { error: 'expected an amount like "-119.00" (dot as decimal separator)' }));

const bookingSchema = z.object({
  id: text.check(z.minLength(1, { error: 'expected a booking id' })),
  date: text.check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD' })),
  amount,
  currency: z._default(text.check(z.regex(/^[A-Z]{3}$/, { error: 'expected a 3-letter currency code' })), 'EUR'),
  description: optionalText,
  taxAmount: z.optional(amount),
  glAccount: optionalText,
  taxRate: optionalText,
  partner: optionalText,
  costCentre: optionalText,
  costObject: optionalText,
  receiptNumber: optionalText,
  receiptFile: optionalText,
  comment: optionalText,
});

const fileSchema = z.object({
  bankAccount: z._default(text, '1200'),
  datev: z.optional(z.unknown()),
  csvProfile: z.optional(text),
  lexoffice: z.optional(z.object({ voucherTypes: z.object({ in: text, out: text }) })),
  bookings: z.array(bookingSchema, { error: 'expected a list of bookings' }),
});

const minor = (decimal: string): number => {
  const [whole, fraction = ''] = decimal.replace('-', '').split('.');
  const value = Number(whole) * 100 + Number((fraction + '00').slice(0, 2));
  return decimal.startsWith('-') ? -value : value;
};

class ExportFailure extends Error {}

/** The lexoffice and bexio clients are not in this version yet (issue 7 is open): said plainly, nothing is sent. */
function apiTarget(target: 'lexoffice' | 'bexio', _http: HttpClient, _pause: unknown, _connection: unknown, _file: unknown): RemoteTarget {
  throw new ExportFailure(`kontomatch export: sending to ${target} is not available in this version yet; use --target datev or csv`);
}

function parseArgs(args: string[]) {
  const out: { target?: string; bookings?: string; out?: string; baseUrl?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new ExportFailure(`kontomatch export: ${arg} needs a value`);
      return v;
    };
    if (arg === '--target') out.target = value();
    else if (arg === '--bookings') out.bookings = value();
    else if (arg === '--out') out.out = value();
    else if (arg === '--base-url') out.baseUrl = value();
    else throw new ExportFailure(`kontomatch export: unknown argument "${arg}"`);
  }
  if (!['datev', 'csv', 'lexoffice', 'bexio'].includes(out.target ?? '')) throw new ExportFailure('kontomatch export: --target must be datev, csv, lexoffice or bexio');
  if (out.bookings === undefined) throw new ExportFailure('kontomatch export: --bookings B.json is required');
  return out as { target: 'datev' | 'csv' | 'lexoffice' | 'bexio'; bookings: string; out?: string; baseUrl?: string };
}

function readJson(io: CliIo, path: string): unknown {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(path);
  } catch (e) {
    throw new ExportFailure(`${path}: cannot be read (${(e as Error).message})`);
  }
  try {
    return JSON.parse(decodeText(bytes, 'utf-8', path).text);
  } catch (e) {
    if (e instanceof StatementFileError) throw new ExportFailure(e.message);
    throw new ExportFailure(`${path}: is not JSON (${(e as Error).message})`);
  }
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

function readBookingsFile(io: CliIo, path: string) {
  const parsed = fileSchema.safeParse(readJson(io, path));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ExportFailure(`${path}: ${issuePath(issue.path) || 'the file'}: ${issue.message}`);
  }
  const file = parsed.data;
  const seen = new Set<string>();
  const bookings: ExportBooking[] = file.bookings.map((b, i) => {
    if (seen.has(b.id)) throw new ExportFailure(`${path}: bookings[${i}].id: "${b.id}" appears twice`);
    seen.add(b.id);
    const accounting: AccountingData = { ...emptyAccountingData(), glAccount: b.glAccount, taxRate: b.taxRate, partner: b.partner, costCentre: b.costCentre, costObject: b.costObject, receiptNumber: b.receiptNumber, receiptFile: b.receiptFile, comment: b.comment };
    return { id: b.id, date: b.date, amountMinor: minor(b.amount), currency: b.currency, description: b.description, accounting, taxAmountMinor: b.taxAmount === undefined ? null : minor(b.taxAmount), bankAccount: file.bankAccount };
  });
  return { file, bookings };
}

const MIME: Record<string, string> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', xml: 'application/xml', gif: 'image/gif' };

function localTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '');
}

export function runExport(args: string[], io: ExportIo): number {
  try {
    const a = parseArgs(args);
    const { file, bookings } = readBookingsFile(io, a.bookings);
    const problems: string[] = [];
    if (a.target === 'datev' || a.target === 'csv') {
      const written =
        a.target === 'datev'
          ? (() => {
              const settings = datevSettingsSchema.safeParse({ bankAccount: file.bankAccount, ...((file.datev as object | undefined) ?? {}) });
              if (!settings.success) throw new ExportFailure(`${a.bookings}: datev.${issuePath(settings.error.issues[0]!.path)}: ${settings.error.issues[0]!.message}`);
              return writeDatevBatches(bookings, settings.data, { createdAt: localTime(io.nowMs()), exportedBy: 'kontomatch' });
            })()
          : (() => {
              const profile = builtinCsvExportProfiles.find((p) => p.id === (file.csvProfile ?? builtinCsvExportProfiles[0]!.id));
              if (profile === undefined) throw new ExportFailure(`${a.bookings}: csvProfile: there is no CSV export profile "${file.csvProfile}" (${builtinCsvExportProfiles.map((p) => p.id).join(', ')})`);
              const w = writeCsvExport(bookings, profile, { createdAt: localTime(io.nowMs()), exportedBy: 'kontomatch' });
              return { files: [{ name: w.name, bytes: w.bytes, bookingIds: bookings.map((b) => b.id) }], problems: w.problems };
            })();
      for (const p of written.problems) problems.push(p.message);
      written.files.forEach((f, i) => {
        const target = a.out === undefined ? f.name : written.files.length === 1 ? a.out : a.out.replace(/(\.csv)?$/i, `_${i + 1}.csv`);
        io.writeFile(target, Uint8Array.from(f.bytes));
        io.stderr(`${target}: ${f.bookingIds.length} booking(s)\n`);
      });
      for (const p of problems) io.stderr(`not exported: ${p}\n`);
      return problems.length > 0 ? 1 : 0;
    }
    const apiTarget: 'lexoffice' | 'bexio' = a.target;
    return runApi({ ...a, target: apiTarget }, bookings, file, io);
  } catch (e) {
    if (e instanceof ExportFailure) {
      io.stderr(`${e.message}\n`);
      return e.message.startsWith('kontomatch export:') ? 2 : 1;
    }
    throw e;
  }
}

const resultsSchema = z.object({
  target: text,
  exported: z.record(z.string(), z.object({ remoteId: text, receipt: text })),
  inflight: z.record(z.string(), z.object({ sentAtMs: z.number(), date: text, amountMinor: z.int(), receiptNumber: text })),
  problems: z.array(z.object({ bookingId: text, message: text })),
});
type Results = z.output<typeof resultsSchema>;

function runApi(a: { target: 'lexoffice' | 'bexio'; bookings: string; out?: string; baseUrl?: string }, bookings: ExportBooking[], file: z.output<typeof fileSchema>, io: ExportIo): number {
  const variable = a.target === 'lexoffice' ? 'KONTOMATCH_LEXOFFICE_API_KEY' : 'KONTOMATCH_BEXIO_TOKEN';
  const key = (io.env[variable] ?? '').trim();
  if (key === '') throw new ExportFailure(`kontomatch export: set ${variable} to your ${a.target === 'lexoffice' ? 'API key' : 'token'} (it is read from the environment only)`);
  const baseUrl = (a.baseUrl ?? (a.target === 'lexoffice' ? 'https://api.lexware.io' : 'https://api.bexio.com')).replace(/\/+$/, '');
  let results: Results = { target: a.target, exported: {}, inflight: {}, problems: [] };
  if (a.out !== undefined) {
    let existing: unknown = null;
    try {
      existing = JSON.parse(decodeText(io.readFile(a.out), 'utf-8', a.out).text);
    } catch {
      existing = null; // no results yet
    }
    if (existing !== null) {
      const parsed = resultsSchema.safeParse(existing);
      if (!parsed.success || parsed.data.target !== a.target) throw new ExportFailure(`${a.out}: is not a ${a.target} results file of kontomatch; choose another --out`);
      results = { ...parsed.data, problems: [] };
    }
  }
  const save = () => {
    if (a.out !== undefined) io.writeFile(a.out, new TextEncoder().encode(`${JSON.stringify(results, null, 2)}\n`));
  };
  const pause = { sleep: io.sleep, nowMs: io.nowMs };
  const connection = { baseUrl, key };
  const target = apiTarget(a.target, io.http, pause, connection, file);
  const result = runApiExport({
    target,
    queue: bookings.filter((b) => results.exported[b.id] === undefined || results.exported[b.id]!.receipt === 'receipt pending').map((b) => ({ booking: b, remoteId: results.exported[b.id]?.remoteId ?? null })),
    journal: {
      read: () => ({ ...results.inflight }),
      add: (id: string, entry: InflightEntry) => {
        results.inflight[id] = entry;
        save();
      },
      remove: (id: string) => {
        delete results.inflight[id];
        save();
      },
    },
    recorder: {
      record: (id: string, remoteId: string, receipt: ReceiptState) => {
        results.exported[id] = { remoteId, receipt: receipt === 'pending' ? 'receipt pending' : typeof receipt === 'object' ? `receipt failed: ${receipt.failed}` : receipt };
        save();
      },
      has: (id: string) => results.exported[id] !== undefined,
    },
    receipts: {
      read: (b: ExportBooking) => {
        try {
          const bytes = io.readFile(b.accounting.receiptFile);
          const name = b.accounting.receiptFile.split(/[\\/]/).pop()!;
          return { ok: true, file: { name, mimeType: MIME[name.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream', bytes: Array.from(bytes) } };
        } catch (e) {
          return { ok: false, message: `The receipt of ${b.id} (${b.accounting.receiptFile}) cannot be read: ${(e as Error).message}` };
        }
      },
    },
    pause,
    deadlineMs: Number.POSITIVE_INFINITY,
  });
  results.problems = result.problems.map((p) => ({ bookingId: p.bookingId, message: p.message }));
  save();
  if (a.out === undefined) io.stdout(`${JSON.stringify(results, null, 2)}\n`);
  for (const p of result.problems) io.stderr(`not exported: ${p.message}\n`);
  for (const id of result.unknown) io.stderr(`${id}: no clear answer from ${a.target}; run the same command again to look it up\n`);
  if (result.stopped === 'failure') io.stderr(`${a.target} cannot be reached: ${result.failure}\n`);
  io.stderr(`${result.exported.length} booking(s) sent to ${a.target}, ${result.receipts.length} receipt(s) attached\n`);
  return result.problems.length > 0 || result.unknown.length > 0 || result.stopped === 'failure' ? 1 : 0;
}
