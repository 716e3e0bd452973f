/**
 * Custom bank profiles, stored with the spreadsheet: one document property per profile (`profile.<id>`), so that every
 * editor of the spreadsheet has them, and one profile's 9 KB limit is not shared with the others.
 *
 * Every profile goes through the profile schema on the way in and on the way out: a stored one may have been written by
 * an older version. A stored profile that fails is reported with its message, never allowed to break the list.
 */
import { builtinProfiles } from '../../core/profiles/builtin';
import { csvProfileSchema, type CsvProfile } from '../../core/profiles/profile';
import * as z from '../../core/schema';
import { utf8Bytes } from '../../core/text/utf8';
import { MAX_PROPERTY_BYTES } from '../adapters/property-store';
import type { PropertiesApi } from '../platform/apps-script-api';

const KEY_PREFIX = 'profile.';
/**
 * Custom ids start with this, and no built-in id does (a unit test holds the built-ins to it): so no built-in profile,
 * not even one added by a later version, can ever take the id of a profile a user saved.
 */
export const CUSTOM_ID_PREFIX = 'custom-';
/** Apps Script's limit for all properties of one store together. */
export const MAX_STORE_BYTES = 500 * 1024;

export interface ProfileIssue {
  /** `columns.amount`, `skipRowsWhere[0].column`; "" for the profile as a whole. */
  field: string;
  message: string;
}

export type CheckedProfile = { ok: true; profile: CsvProfile } | { ok: false; message: string; issues: ProfileIssue[] };

/** The profile schema's verdict, one issue per problem, named by field; `message` is all of them in one text. */
export function checkProfile(data: unknown): CheckedProfile {
  const result = csvProfileSchema.safeParse(data);
  if (result.success) return { ok: true, profile: result.data };
  const issues = result.error.issues.map((issue) => ({
    field: z.describePath(issue.path),
    message:
      issue.code === 'unrecognized_keys'
        ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
        : issue.message,
  }));
  return { ok: false, issues, message: issues.map((i) => (i.field === '' ? i.message : `${i.field}: ${i.message}`)).join('\n') };
}

export interface StoredProfiles {
  profiles: CsvProfile[];
  broken: Array<{ id: string; message: string }>;
}

export class ProfileStore {
  constructor(private readonly properties: PropertiesApi) {}

  /** Every stored custom profile, in one read; broken ones apart, with the reason. */
  readAll(): StoredProfiles {
    const all = this.properties.getProperties();
    const profiles: CsvProfile[] = [];
    const broken: StoredProfiles['broken'] = [];
    for (const key of Object.keys(all).sort()) {
      if (!key.startsWith(KEY_PREFIX)) continue;
      const id = key.slice(KEY_PREFIX.length);
      const read = parseStored(id, all[key] ?? '');
      if (read.ok) profiles.push(read.profile);
      else broken.push({ id, message: read.message });
    }
    profiles.sort((a, b) => a.name.localeCompare(b.name));
    return { profiles, broken };
  }

  /** One custom profile, or null when there is none of that id; a broken one throws its reason. */
  read(id: string): CsvProfile | null {
    const raw = this.properties.getProperty(KEY_PREFIX + id);
    if (raw === null) return null;
    const read = parseStored(id, raw);
    if (!read.ok) throw new Error(read.message);
    return read.profile;
  }

  exists(id: string): boolean {
    return this.properties.getProperty(KEY_PREFIX + id) !== null;
  }

  /** Stores a checked profile under its id; refuses, in words, what the platform would refuse with "Argument too large". */
  write(profile: CsvProfile): { ok: true } | { ok: false; message: string } {
    const text = JSON.stringify(profile);
    const size = utf8Bytes(text).length;
    if (size > MAX_PROPERTY_BYTES) {
      return {
        ok: false,
        message: `The profile "${profile.name}" takes ${kb(size)} KB; a profile stored with the spreadsheet may take at most 9 KB. Shorten its description or skip rules.`,
      };
    }
    const key = KEY_PREFIX + profile.id;
    let total = 0;
    for (const [k, v] of Object.entries(this.properties.getProperties())) {
      if (k !== key) total += utf8Bytes(k).length + utf8Bytes(v).length;
    }
    if (total + utf8Bytes(key).length + size > MAX_STORE_BYTES) {
      return {
        ok: false,
        message: `The spreadsheet's stored settings would exceed the 500 KB Google allows (${kb(total)} KB are in use). Delete profiles you no longer need.`,
      };
    }
    this.properties.setProperty(key, text);
    return { ok: true };
  }

  /** True when there was something to delete. Works for broken profiles too: deleting is how the user repairs the list. */
  remove(id: string): boolean {
    const key = KEY_PREFIX + id;
    if (this.properties.getProperty(key) === null) return false;
    this.properties.deleteProperty(key);
    return true;
  }
}

function kb(bytes: number): number {
  return Math.ceil(bytes / 1024);
}

function parseStored(id: string, raw: string): CheckedProfile {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, message: `The stored profile "${id}" is damaged (not JSON). Delete it and create it again.`, issues: [] };
  }
  const checked = checkProfile(data);
  if (!checked.ok) return { ...checked, message: `The stored profile "${id}" is not valid: ${checked.message.replace(/\n/g, '; ')}` };
  if (checked.profile.id !== id || !isCustomId(id)) {
    return { ok: false, message: `The stored profile "${id}" carries the id "${checked.profile.id}"; delete it and create it again.`, issues: [] };
  }
  return checked;
}

export function isCustomId(id: string): boolean {
  return id.startsWith(CUSTOM_ID_PREFIX) && !builtinProfiles.some((p) => p.id === id);
}

/** `Mein Bank-Export (Volksbank)` → `custom-mein-bank-export-volksbank`, made unique with `-2`, `-3` … */
export function newCustomId(name: string, taken: (id: string) => boolean): string {
  const slug =
    name
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'profile';
  const base = CUSTOM_ID_PREFIX + slug;
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}
