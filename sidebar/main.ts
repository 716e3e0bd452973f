/**
 * The sidebar's entry: loads who/which language and the bank profiles, then runs the import page (format and profile
 * detected or chosen → file → preview → import, or the explicit choice when lines were rejected or the statement has
 * warnings) and the bank profiles page (list, editor).
 */
import type { RequestOf, ResponseOf } from '../src/shared/contract';
import { byId, h, replaceChildren } from './dom';
import { MAX_FILE_BYTES, fileToBase64 } from './file';
import { setLanguage, t } from './i18n';
import { ProfilesPage, type ProfileList } from './profiles-page';
import { server } from './server';
import { clearError, run, setBusy, setKeepDisabled, shell, showError } from './ui';
import { renderNoProfile } from './views/no-profile';
import { renderPreview, type Preview } from './views/preview';
import type { SampleFile } from './views/profile-editor';

type StatementRequest = RequestOf<'previewImport'>;
type Format = NonNullable<StatementRequest['format']>;

const ui = {
  tabImport: byId<HTMLButtonElement>('tab-import'),
  tabProfiles: byId<HTMLButtonElement>('tab-profiles'),
  pageImport: byId('page-import'),
  pageProfiles: byId('page-profiles'),
  status: byId('status'),
  format: byId<HTMLSelectElement>('format'),
  profileField: byId('profile-field'),
  profile: byId<HTMLSelectElement>('profile'),
  profileDescription: byId('profile-description'),
  fileInput: byId<HTMLInputElement>('file'),
  fileName: byId('file-name'),
  preview: byId('preview'),
  result: byId('result'),
};

/** The file being previewed, with the format and profile the preview settled on (so the import reads it the same way). */
let chosen: StatementRequest | null = null;
let profiles: ProfileList['profiles'] = [];
let loaded = false;

const profilesPage = new ProfilesPage(ui.pageProfiles, {
  onListChanged: (list) => {
    profiles = list.profiles;
    renderProfiles();
  },
  onSavedForImport: (profileId, sample) => {
    showPage('import');
    ui.format.value = '';
    ui.profile.value = profileId;
    updateProfileField();
    void previewFile(sample.fileName, sample.contentBase64);
  },
});

/** Puts the texts of the current language into every element marked `data-i18n="key"`. */
function applyTexts(): void {
  const texts = t() as unknown as Record<string, unknown>;
  for (const element of Array.from(document.querySelectorAll<HTMLElement>('[data-i18n]'))) {
    const text = texts[element.dataset.i18n ?? ''];
    if (typeof text === 'string') element.textContent = text;
  }
  shell.errorDismiss.setAttribute('aria-label', t().dismiss);
  shell.errorDismiss.title = t().dismiss;
  shell.busyBar.setAttribute('aria-label', t().working);
}

// ---- pages -----------------------------------------------------------------------------------------------------------
let profilesShown = false;

function showPage(page: 'import' | 'profiles'): void {
  const importing = page === 'import';
  ui.pageImport.hidden = !importing;
  ui.pageProfiles.hidden = importing;
  for (const [tab, selected] of [[ui.tabImport, importing], [ui.tabProfiles, !importing]] as const) {
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
  }
  clearError();
  if (!importing && !profilesShown) {
    profilesShown = true;
    profilesPage.showList();
  }
}

function setUpTabs(): void {
  ui.tabImport.addEventListener('click', () => showPage('import'));
  ui.tabProfiles.addEventListener('click', () => {
    // The tab always opens on the list; the editor is reached from there.
    profilesShown = false;
    showPage('profiles');
  });
  for (const tab of [ui.tabImport, ui.tabProfiles]) {
    tab.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      const other = tab === ui.tabImport ? ui.tabProfiles : ui.tabImport;
      other.focus();
      other.click();
    });
  }
}

// ---- import page -----------------------------------------------------------------------------------------------------
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

function showResult(text: string, tone: 'success' | 'info' | 'warning', offerMatching = false): void {
  const again = h('button', { type: 'button', className: 'link-button', 'data-testid': 'reset-button' }, t().another);
  again.addEventListener('click', () => {
    ui.result.hidden = true;
    replaceChildren(ui.result);
    ui.fileInput.focus();
  });
  const message = h('p', { className: `result-message ${tone}`, 'data-testid': 'result-message' }, text);
  if (!offerMatching) {
    replaceChildren(ui.result, message, again);
  } else {
    // Freshly imported transactions want their proposals: matching only writes the match columns, it books nothing.
    const match = h('button', { type: 'button', className: 'primary', 'data-testid': 'match-button' }, t().matchNow);
    const outcome = h('p', { className: 'result-message info', 'data-testid': 'match-result', hidden: true }, '');
    match.addEventListener('click', () => void matchImported(match, outcome));
    replaceChildren(ui.result, message, match, outcome, again);
  }
  ui.result.hidden = false;
}

async function matchImported(button: HTMLButtonElement, outcome: HTMLElement): Promise<void> {
  const result = await run(t().matching, () => server.matchTransactions({}), ui.status);
  if (result === undefined) return;
  button.hidden = true;
  outcome.textContent = t().matched(result.auto, result.review, result.none, result.errorCount);
  outcome.hidden = false;
}

function resultText(result: ResponseOf<'importStatement'>): string {
  const texts = t();
  const extra = (result.rejected > 0 ? texts.leftOut(result.rejected) : '') + (result.warnings > 0 ? texts.warningsAccepted(result.warnings) : '');
  switch (result.status) {
    case 'imported':
      return texts.imported(result.imported, result.sheetName, result.duplicates) + extra;
    case 'nothing-new':
      return texts.nothingNew(result.duplicates, result.sheetName) + extra;
    case 'refused':
      return result.rejected > 0 ? texts.refused(result.rejected) : texts.refusedWarnings;
    default:
      return result.message;
  }
}

async function importChosen(importGoodRows: boolean, acceptWarnings: boolean): Promise<void> {
  const file = chosen;
  if (file === null) return;
  const result = await run(t().importing, () => server.importStatement({ ...file, importGoodRows, acceptWarnings }), ui.status);
  if (result === undefined) return;
  hidePreview();
  resetFile();
  showResult(resultText(result), result.status === 'imported' ? 'success' : result.status === 'refused' ? 'warning' : 'info', result.status === 'imported');
}

function cancel(): void {
  hidePreview();
  resetFile();
  showResult(t().cancelled, 'info');
}

function showPreview(preview: Preview, request: StatementRequest): void {
  // The import reads the file exactly as the preview did: the detected format and profile become choices.
  chosen = { fileName: request.fileName, contentBase64: request.contentBase64, format: preview.format, ...(preview.profileId === null ? {} : { profileId: preview.profileId }) };
  renderPreview(ui.preview, preview, { onImport: (good, warnings) => void importChosen(good, warnings), onCancel: cancel });
  ui.preview.hidden = false;
}

function currentChoice(): { format?: Format; profileId?: string } {
  const format = ui.format.value === '' ? undefined : (ui.format.value as Format);
  const profileId = ui.profile.value === '' || (format !== undefined && format !== 'csv') ? undefined : ui.profile.value;
  return { ...(format === undefined ? {} : { format }), ...(profileId === undefined ? {} : { profileId }) };
}

async function previewFile(fileName: string, contentBase64: string): Promise<void> {
  hidePreview();
  ui.result.hidden = true;
  ui.fileName.textContent = fileName;
  ui.fileName.classList.remove('muted');
  const request: StatementRequest = { fileName, contentBase64, ...currentChoice() };
  const preview = await run(t().reading, () => server.previewImport(request), ui.status);
  ui.fileInput.value = '';
  if (preview === undefined) {
    resetFile();
    return;
  }
  if (preview.status === 'no-profile') {
    chosen = null;
    renderNoProfile(ui.preview, preview, {
      onCreate: () => {
        const sample: SampleFile = { fileName, contentBase64 };
        hidePreview();
        resetFile();
        showPage('profiles');
        profilesShown = true;
        profilesPage.createFromFile(preview.draft, sample);
      },
      onCancel: cancel,
    });
    ui.preview.hidden = false;
    return;
  }
  showPreview(preview, request);
}

async function onFileChosen(): Promise<void> {
  const file = ui.fileInput.files?.[0];
  if (file === undefined) return;
  if (file.size > MAX_FILE_BYTES) {
    showError(new Error(`${file.name}: ${Math.round(file.size / 1024 / 1024)} MB > 50 MB`));
    resetFile();
    return;
  }
  let contentBase64: string;
  try {
    contentBase64 = await fileToBase64(file);
  } catch (error) {
    showError(error);
    resetFile();
    return;
  }
  // Reset at once: choosing the same file again (after fixing it, or to import it twice) must fire a change event.
  ui.fileInput.value = '';
  await previewFile(file.name, contentBase64);
}

function renderFormats(): void {
  const texts = t();
  const formats: Format[] = ['csv', 'mt940', 'camt'];
  replaceChildren(ui.format, h('option', { value: '' }, texts.detectAutomatically), ...formats.map((f) => h('option', { value: f }, texts.formatNames[f])));
}

function renderProfiles(): void {
  const texts = t();
  const previous = ui.profile.value;
  const group = (label: string, builtin: boolean): HTMLOptGroupElement | null => {
    const items = profiles.filter((p) => p.builtin === builtin);
    return items.length === 0 ? null : h('optgroup', { label }, ...items.map((p) => h('option', { value: p.id }, p.name)));
  };
  replaceChildren(ui.profile, h('option', { value: '' }, texts.detectAutomatically), group(texts.builtinGroup, true), group(texts.customGroup, false));
  ui.profile.value = profiles.some((p) => p.id === previous) ? previous : '';
  updateProfileField();
}

/** Profiles are for CSV: with MT940 or CAMT chosen, the profile choice goes away. */
function updateProfileField(): void {
  const format = ui.format.value;
  ui.profileField.hidden = format === 'mt940' || format === 'camt';
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

function choiceChanged(): void {
  updateProfileField();
  if (chosen !== null || !ui.preview.hidden) hidePreview();
  resetFile();
}

async function start(): Promise<void> {
  applyTexts();
  renderFormats();
  setUpTabs();
  setKeepDisabled((control) => !loaded && control.closest('#page-import') !== null);
  shell.errorDismiss.addEventListener('click', clearError);
  ui.format.addEventListener('change', choiceChanged);
  ui.profile.addEventListener('change', choiceChanged);
  ui.fileInput.addEventListener('change', () => void onFileChosen());
  resetFile();
  const result = await run(t().loading, async () => {
    // Both round trips at once (each costs a second or so in Apps Script); nothing is drawn before both have answered.
    const [context, list] = await Promise.all([server.getSidebarContext({}), server.listProfiles({})]);
    setLanguage(context.locale);
    applyTexts();
    renderFormats();
    return { context, list };
  });
  if (result === undefined) return;
  loaded = true;
  profiles = result.list.profiles;
  profilesPage.setList(result.list);
  renderProfiles();
  resetFile();
  setBusy(false);
  replaceChildren(
    shell.footer,
    h('span', { 'data-testid': 'user' }, t().signedIn(result.context.user)),
    h('span', { className: 'version' }, t().version(result.context.version)),
  );
  document.body.dataset.ready = 'true';
}

void start();
