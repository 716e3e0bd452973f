/**
 * The sidebar's entry: loads who/which language and the bank profiles, then runs the import path
 * (choose profile and file → preview → import, or the explicit choice when lines were rejected).
 */
import type { ResponseOf } from '../src/shared/contract';
import { byId, h, replaceChildren } from './dom';
import { MAX_FILE_BYTES, fileToBase64 } from './file';
import { setLanguage, t } from './i18n';
import { server } from './server';
import { renderPreview, type Preview } from './views/preview';

interface ChosenFile {
  fileName: string;
  contentBase64: string;
  profileId: string;
}

const ui = {
  app: byId('app'),
  busyBar: byId('busy-bar'),
  status: byId('status'),
  errorBox: byId('error-box'),
  errorMessage: byId('error-message'),
  errorDismiss: byId<HTMLButtonElement>('error-dismiss'),
  profile: byId<HTMLSelectElement>('profile'),
  profileDescription: byId('profile-description'),
  fileInput: byId<HTMLInputElement>('file'),
  fileName: byId('file-name'),
  preview: byId('preview'),
  result: byId('result'),
  footer: byId('footer'),
};

let busy = false;
let chosen: ChosenFile | null = null;
let profiles: ResponseOf<'listProfiles'>['profiles'] = [];

/** Puts the texts of the current language into every element marked `data-i18n="key"`. */
function applyTexts(): void {
  const texts = t() as unknown as Record<string, unknown>;
  for (const element of Array.from(document.querySelectorAll<HTMLElement>('[data-i18n]'))) {
    const text = texts[element.dataset.i18n ?? ''];
    if (typeof text === 'string') element.textContent = text;
  }
  ui.errorDismiss.setAttribute('aria-label', t().dismiss);
  ui.errorDismiss.title = t().dismiss;
  ui.busyBar.setAttribute('aria-label', t().working);
}

function setBusy(next: boolean, message = t().working): void {
  busy = next;
  ui.app.setAttribute('aria-busy', String(next));
  ui.busyBar.hidden = !next;
  ui.status.textContent = next ? message : '';
  for (const control of Array.from(document.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>('button, input, select'))) {
    if (control === ui.errorDismiss) continue;
    control.disabled = next || (control === ui.profile && profiles.length === 0) || (control === ui.fileInput && profiles.length === 0);
  }
  document.body.classList.toggle('is-busy', next);
}

function showError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  ui.errorMessage.textContent = message;
  ui.errorBox.hidden = false;
}

function clearError(): void {
  ui.errorBox.hidden = true;
  ui.errorMessage.textContent = '';
}

/** Runs one server round trip with the busy indicator; failures land in the error box. */
async function run<T>(message: string, work: () => Promise<T>): Promise<T | undefined> {
  if (busy) return undefined;
  clearError();
  setBusy(true, message);
  try {
    return await work();
  } catch (error) {
    showError(error);
    return undefined;
  } finally {
    setBusy(false);
  }
}

function resetFile(): void {
  chosen = null;
  // Clearing the value lets the user choose the same file again (a change event fires only on a different value).
  ui.fileInput.value = '';
  ui.fileName.textContent = t().noFile;
  ui.fileName.classList.add('muted');
}

function hidePreview(): void {
  ui.preview.hidden = true;
  replaceChildren(ui.preview);
}

function showResult(text: string, tone: 'success' | 'info' | 'warning'): void {
  const again = h('button', { type: 'button', className: 'link-button', 'data-testid': 'reset-button' }, t().another);
  again.addEventListener('click', () => {
    ui.result.hidden = true;
    replaceChildren(ui.result);
    ui.fileInput.focus();
  });
  replaceChildren(ui.result, h('p', { className: `result-message ${tone}`, 'data-testid': 'result-message' }, text), again);
  ui.result.hidden = false;
}

function resultText(result: ResponseOf<'importStatement'>): string {
  const texts = t();
  switch (result.status) {
    case 'imported':
      return texts.imported(result.imported, result.sheetName, result.duplicates) + (result.rejected > 0 ? texts.leftOut(result.rejected) : '');
    case 'nothing-new':
      return texts.nothingNew(result.duplicates, result.sheetName) + (result.rejected > 0 ? texts.leftOut(result.rejected) : '');
    case 'refused':
      return texts.refused(result.rejected);
    default:
      return result.message;
  }
}

async function importChosen(importGoodRows: boolean): Promise<void> {
  const file = chosen;
  if (file === null) return;
  const result = await run(t().importing, () => server.importStatement({ ...file, importGoodRows }));
  if (result === undefined) return;
  hidePreview();
  resetFile();
  showResult(resultText(result), result.status === 'imported' ? 'success' : result.status === 'refused' ? 'warning' : 'info');
}

function cancel(): void {
  hidePreview();
  resetFile();
  showResult(t().cancelled, 'info');
}

function showPreview(preview: Preview): void {
  renderPreview(ui.preview, preview, { onImport: (good) => void importChosen(good), onCancel: cancel });
  ui.preview.hidden = false;
}

async function onFileChosen(): Promise<void> {
  const file = ui.fileInput.files?.[0];
  if (file === undefined) return;
  hidePreview();
  ui.result.hidden = true;
  ui.fileName.textContent = file.name;
  ui.fileName.classList.remove('muted');
  const profileId = ui.profile.value;
  if (file.size > MAX_FILE_BYTES) {
    showError(new Error(`${file.name}: ${Math.round(file.size / 1024 / 1024)} MB > 50 MB`));
    resetFile();
    return;
  }
  const preview = await run(t().reading, async () => {
    const contentBase64 = await fileToBase64(file);
    chosen = { fileName: file.name, contentBase64, profileId };
    return server.previewImport(chosen);
  });
  // Reset at once: choosing the same file again (after fixing it, or to import it twice) must fire a change event.
  ui.fileInput.value = '';
  if (preview === undefined) {
    resetFile();
    return;
  }
  showPreview(preview);
}

function renderProfiles(): void {
  replaceChildren(ui.profile, ...profiles.map((p) => h('option', { value: p.id }, p.name)));
  if (profiles.length === 0) showError(new Error(t().noProfiles));
  updateProfileDescription();
}

/** The profile's description, two lines at most until the user asks for more. */
function updateProfileDescription(): void {
  const description = profiles.find((p) => p.id === ui.profile.value)?.description ?? '';
  const text = h('span', { className: 'clamp', id: 'profile-description-text' }, description);
  const toggle = h('button', { type: 'button', className: 'link-button more', 'aria-controls': 'profile-description-text', 'aria-expanded': 'false' }, t().more);
  toggle.addEventListener('click', () => {
    const open = text.classList.toggle('open');
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? t().less : t().more;
  });
  replaceChildren(ui.profileDescription, text, ' ', toggle);
  ui.profileDescription.hidden = description === '';
  // Only offer "More" when the text is really cut.
  requestAnimationFrame(() => {
    toggle.hidden = text.scrollHeight <= text.clientHeight + 1 && !text.classList.contains('open');
  });
}

async function start(): Promise<void> {
  applyTexts();
  ui.errorDismiss.addEventListener('click', clearError);
  ui.profile.addEventListener('change', () => {
    updateProfileDescription();
    if (chosen !== null) hidePreview();
    resetFile();
  });
  ui.fileInput.addEventListener('change', () => void onFileChosen());
  resetFile();
  const loaded = await run(t().loading, async () => {
    // Both round trips at once (each costs a second or so in Apps Script); nothing is drawn before both have answered.
    const [context, list] = await Promise.all([server.getSidebarContext({}), server.listProfiles({})]);
    setLanguage(context.locale);
    applyTexts();
    return { context, list };
  });
  if (loaded === undefined) return;
  profiles = loaded.list.profiles;
  renderProfiles();
  resetFile();
  setBusy(false);
  replaceChildren(
    ui.footer,
    h('span', { 'data-testid': 'user' }, t().signedIn(loaded.context.user)),
    h('span', { className: 'version' }, t().version(loaded.context.version)),
  );
  document.body.dataset.ready = 'true';
}

void start();
