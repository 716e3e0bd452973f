import type { LockServiceApi } from '../platform/apps-script-api';

/**
 * Runs `work` while holding the document lock, so that two people importing into one spreadsheet at once cannot both
 * read "not there yet" and both write. The document lock serialises per spreadsheet; the script lock would serialise every
 * customer of the add-on.
 */
export function withDocumentLock<T>(lockService: LockServiceApi, work: () => T, waitMs = 30_000): T {
  const lock = lockService.getDocumentLock();
  if (lock === null) throw new Error('Kontomatch must be opened from a spreadsheet (no document lock available).');
  if (!lock.tryLock(waitMs)) {
    throw new Error('Someone else is changing this spreadsheet with Kontomatch right now. Please try again in a moment.');
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
