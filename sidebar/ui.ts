/**
 * What both pages of the sidebar share: the busy indicator (one server call at a time, controls disabled meanwhile), the
 * error box, and the elements outside the pages.
 */
import { byId } from './dom';
import { t } from './i18n';

export const shell = {
  app: byId('app'),
  busyBar: byId('busy-bar'),
  errorBox: byId('error-box'),
  errorMessage: byId('error-message'),
  errorDismiss: byId<HTMLButtonElement>('error-dismiss'),
  footer: byId('footer'),
};

let busy = false;
/** Controls that stay disabled after a call for reasons of their own (e.g. no profiles loaded yet). */
let keepDisabled: (control: Element) => boolean = () => false;

export function isBusy(): boolean {
  return busy;
}

export function setKeepDisabled(rule: (control: Element) => boolean): void {
  keepDisabled = rule;
}

export function setBusy(next: boolean, message = t().working, status?: HTMLElement): void {
  busy = next;
  shell.app.setAttribute('aria-busy', String(next));
  shell.busyBar.hidden = !next;
  if (status !== undefined) status.textContent = next ? message : '';
  for (const control of Array.from(document.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('button, input, select, textarea'))) {
    if (control === shell.errorDismiss || control.closest('[role="tablist"]') !== null) continue;
    control.disabled = next || keepDisabled(control);
  }
  document.body.classList.toggle('is-busy', next);
}

export function showError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  shell.errorMessage.textContent = message;
  shell.errorBox.hidden = false;
}

export function clearError(): void {
  shell.errorBox.hidden = true;
  shell.errorMessage.textContent = '';
}

/** Runs one server round trip with the busy indicator; failures land in the error box. */
export async function run<T>(message: string, work: () => Promise<T>, status?: HTMLElement): Promise<T | undefined> {
  if (busy) return undefined;
  clearError();
  setBusy(true, message, status);
  try {
    return await work();
  } catch (error) {
    showError(error);
    return undefined;
  } finally {
    setBusy(false, undefined, status);
  }
}
