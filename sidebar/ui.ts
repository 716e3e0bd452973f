/**
 * What every page of the sidebar shares: the busy indicator (one server call at a time, controls disabled meanwhile), the
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

type Control = HTMLButtonElement | HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

let busy = false;
/**
 * The controls the busy state itself disabled: only these are enabled again afterwards. A control a page had disabled
 * for a reason of its own (a Book button whose parts do not add up, a processed transaction's search) stays disabled.
 */
let disabledByBusy: Control[] = [];

export function isBusy(): boolean {
  return busy;
}

export function setBusy(next: boolean, message = t().working, status?: HTMLElement): void {
  busy = next;
  shell.app.setAttribute('aria-busy', String(next));
  shell.busyBar.hidden = !next;
  if (status !== undefined) status.textContent = next ? message : '';
  if (next) {
    for (const control of Array.from(document.querySelectorAll<Control>('button, input, select, textarea'))) {
      // The navigation stays usable: switching pages during a call is harmless (the answer lands on its own page).
      if (control === shell.errorDismiss || control.disabled || control.closest('[data-keep-enabled]') !== null) continue;
      control.disabled = true;
      disabledByBusy.push(control);
    }
  } else {
    for (const control of disabledByBusy) control.disabled = false;
    disabledByBusy = [];
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
