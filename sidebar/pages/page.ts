/**
 * The shape every sidebar page has, so the shell (sidebar/main.ts) can mount and switch pages without knowing them.
 * A page module exports a class `new XPage(container, deps)`; the shell calls `show(argument)` each time the page
 * becomes visible (the first time included), with the argument another page passed to `navigate` (else undefined).
 */
import type { SampleFile } from '../views/profile-editor';

export type PageName = 'reconcile' | 'import' | 'run' | 'accounting' | 'rules' | 'bookings' | 'settings' | 'help';

export const PAGE_NAMES: readonly PageName[] = ['reconcile', 'import', 'run', 'accounting', 'rules', 'bookings', 'settings', 'help'];

export interface PageDeps {
  /** Switch to another page, optionally with an argument (e.g. run: { scope } to start a run for a file just imported). */
  navigate(page: PageName, argument?: unknown): void;
}

export interface SidebarPage {
  show(argument?: unknown): void | Promise<void>;
}

export function isPageName(value: unknown): value is PageName {
  return typeof value === 'string' && (PAGE_NAMES as readonly string[]).includes(value);
}

// ---- the arguments pages pass each other ----------------------------------------------------------------------------

/**
 * `navigate('settings', { createProfile: { draft, sample } })` — the import page found no bank profile for a CSV file:
 * the settings page opens the profile editor on the draft (`ProfilesPage.createFromFile(draft, sample)`).
 */
export interface CreateProfileArgument {
  createProfile: { draft: unknown; sample: SampleFile };
}

/**
 * `navigate('import', { readWith: { profileId, sample } })` — a profile made that way was saved
 * (`ProfilesPageHooks.onSavedForImport`): the import page reads the file with it at once.
 */
export interface ReadWithProfileArgument {
  readWith: { profileId: string; sample: SampleFile };
}

/** `navigate('run', { scope: { kind: 'import', fileName } })` — a run for the statement just imported. */
export interface RunScopeArgument {
  scope: { kind: 'open' } | { kind: 'import'; fileName: string };
}

export function isCreateProfileArgument(value: unknown): value is CreateProfileArgument {
  return typeof value === 'object' && value !== null && 'createProfile' in value;
}

export function isReadWithProfileArgument(value: unknown): value is ReadWithProfileArgument {
  return typeof value === 'object' && value !== null && 'readWith' in value;
}
