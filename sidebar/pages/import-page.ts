/**
 * The import page: format and profile detected or chosen → file → preview → import, or the explicit choice when lines
 * were rejected or the statement has warnings. After an import it offers the next steps: match the new transactions,
 * go through them, or run the automatic matching for this statement.
 */
import type { RequestOf, ResponseOf } from '../../src/shared/contract';
import { h, replaceChildren } from '../dom';
import { MAX_FILE_BYTES, fileToBase64 } from '../file';
import { t } from '../i18n';
import type { ProfileList } from '../profiles-page';
import { onAnswer, server } from '../server';
import { isBusy, run, showError } from '../ui';
import { renderNoProfile } from '../views/no-profile';
import { renderPreview, type Preview } from '../views/preview';
import { isReadWithProfileArgument, type CreateProfileArgument, type PageDeps, type RunScopeArgument, type SidebarPage } from './page';

type StatementRequest = RequestOf<'previewImport'>;
type Format = NonNullable<StatementRequest['format']>;

export class ImportPage implements SidebarPage {
  private readonly status = h('p', { id: 'status', className: 'status', role: 'status', 'aria-live': 'polite', 'data-testid': 'status' });
  private readonly format = h('select', { id: 'format', 'data-testid': 'format-select', disabled: true });
  private readonly profileField = h('div', { className: 'field', id: 'profile-field' });
  private readonly profile = h('select', { id: 'profile', 'data-testid': 'profile-select', disabled: true });
  private readonly profileDescription = h('p', { id: 'profile-description', className: 'hint', 'data-testid': 'profile-description', hidden: true });
  private readonly fileInput = h('input', {
    id: 'file', type: 'file', accept: '.csv,.txt,.sta,.mt940,.mta,.940,.xml,.zip', className: 'visually-hidden', 'data-testid': 'file-input',
    'aria-labelledby': 'file-label file-name', disabled: true,
  });
  private readonly fileName = h('span', { id: 'file-name', className: 'file-name muted', 'data-testid': 'file-name' });
  private readonly preview = h('section', { id: 'preview', className: 'card', 'data-testid': 'preview', 'aria-live': 'polite', hidden: true });
  private readonly result = h('section', { id: 'result', className: 'result', 'data-testid': 'result', 'aria-live': 'polite', hidden: true });
  private readonly texts: Record<string, HTMLElement> = {};

  /** The file being previewed, with the format and profile the preview settled on (so the import reads it the same way). */
  private chosen: StatementRequest | null = null;
  private profiles: ProfileList['profiles'] = [];
  private loaded = false;
  private preloaded: ProfileList | null = null;

  constructor(
    root: HTMLElement,
    private readonly deps: PageDeps,
  ) {
    const text = (key: string, tag: 'h1' | 'label' | 'span' | 'p', attributes: Record<string, string> = {}): HTMLElement => {
      const element = h(tag, attributes);
      this.texts[key] = element;
      return element;
    };
    this.profileField.append(text('profile', 'label', { for: 'profile' }), this.profile, this.profileDescription);
    replaceChildren(
      root,
      text('title', 'h1'),
      h('div', { className: 'field' }, text('format', 'label', { for: 'format' }), this.format),
      this.profileField,
      h(
        'div',
        { className: 'field' },
        text('file', 'span', { className: 'label', id: 'file-label' }),
        h('div', { className: 'file-row' }, this.fileInput, text('chooseFile', 'label', { for: 'file', className: 'button file-button', 'data-testid': 'file-button' }), this.fileName),
        text('fileHint', 'p', { className: 'hint' }),
      ),
      this.status,
      this.preview,
      this.result,
    );
    this.format.addEventListener('change', () => this.choiceChanged());
    this.profile.addEventListener('change', () => this.choiceChanged());
    this.fileInput.addEventListener('change', () => void this.onFileChosen());
    this.renderTexts();
    this.resetFile();
    // Whoever reads the profiles (the bank profiles page after a save or a delete), the choice here follows.
    onAnswer('listProfiles', (list) => this.setProfiles(list.profiles));
  }

  /** The profiles are loaded with the sidebar's context when the sidebar opens on this page (one round trip less). */
  preload(): Promise<unknown> {
    return server.listProfiles({}).then((list) => {
      this.preloaded = list;
    });
  }

  async show(argument?: unknown): Promise<void> {
    this.renderTexts();
    if (this.preloaded !== null) {
      this.setProfiles(this.preloaded.profiles);
      this.preloaded = null;
    } else if (!this.loaded) {
      const list = await run(t().loading, () => server.listProfiles({}), this.status);
      if (list !== undefined) this.setProfiles(list.profiles);
    }
    if (isReadWithProfileArgument(argument)) {
      const { profileId, sample } = argument.readWith;
      this.format.value = '';
      this.profile.value = profileId;
      this.updateProfileField();
      await this.previewFile(sample.fileName, sample.contentBase64);
    }
  }

  private setProfiles(profiles: ProfileList['profiles']): void {
    this.profiles = profiles;
    this.loaded = true;
    // While a call runs the busy state keeps them disabled, and enables them when it ends.
    if (!isBusy()) for (const control of [this.format, this.profile, this.fileInput]) control.disabled = false;
    this.renderProfiles();
  }

  private renderTexts(): void {
    const texts = t();
    const words: Record<string, string> = { title: texts.title, format: texts.format, profile: texts.profile, file: texts.file, chooseFile: texts.chooseFile, fileHint: texts.fileHint };
    for (const [key, element] of Object.entries(this.texts)) element.textContent = words[key] ?? '';
    this.renderFormats();
    if (this.chosen === null && this.fileName.classList.contains('muted')) this.fileName.textContent = texts.noFile;
    if (this.loaded) this.renderProfiles();
  }

  private resetFile(): void {
    this.chosen = null;
    // Clearing the value lets the user choose the same file again (a change event fires only on a different value).
    this.fileInput.value = '';
    this.fileName.textContent = t().noFile;
    this.fileName.classList.add('muted');
  }

  private hidePreview(): void {
    this.preview.hidden = true;
    replaceChildren(this.preview);
  }

  private showResult(text: string, tone: 'success' | 'info' | 'warning', imported: string | null = null): void {
    const texts = t();
    const again = h('button', { type: 'button', className: 'link-button', 'data-testid': 'reset-button' }, texts.another);
    again.addEventListener('click', () => {
      this.result.hidden = true;
      replaceChildren(this.result);
      this.fileInput.focus();
    });
    const message = h('p', { className: `result-message ${tone}`, 'data-testid': 'result-message' }, text);
    if (imported === null) {
      replaceChildren(this.result, message, again);
    } else {
      // Freshly imported transactions want their proposals: matching only writes the match columns, it books nothing.
      const match = h('button', { type: 'button', className: 'button primary', 'data-testid': 'match-button' }, texts.matchNow);
      const outcome = h('p', { className: 'result-message info', 'data-testid': 'match-result', hidden: true }, '');
      match.addEventListener('click', () => void this.matchImported(match, outcome));
      const goThrough = h('button', { type: 'button', className: 'button', 'data-testid': 'go-reconcile-button' }, texts.goThrough);
      goThrough.addEventListener('click', () => this.deps.navigate('reconcile'));
      const automatic = h('button', { type: 'button', className: 'button', 'data-testid': 'go-run-button' }, texts.runForStatement);
      automatic.addEventListener('click', () => {
        const scope: RunScopeArgument = { scope: { kind: 'import', fileName: imported } };
        this.deps.navigate('run', scope);
      });
      replaceChildren(this.result, message, h('div', { className: 'actions next-steps' }, match, goThrough, automatic), outcome, again);
    }
    this.result.hidden = false;
  }

  private async matchImported(button: HTMLButtonElement, outcome: HTMLElement): Promise<void> {
    const result = await run(t().matching, () => server.matchTransactions({}), this.status);
    if (result === undefined) return;
    button.hidden = true;
    outcome.textContent = t().matched(result.auto, result.review, result.none, result.errorCount);
    outcome.hidden = false;
  }

  private async importChosen(importGoodRows: boolean, acceptWarnings: boolean): Promise<void> {
    const file = this.chosen;
    if (file === null) return;
    const result = await run(t().importing, () => server.importStatement({ ...file, importGoodRows, acceptWarnings }), this.status);
    if (result === undefined) return;
    this.hidePreview();
    this.resetFile();
    const tone = result.status === 'imported' ? 'success' : result.status === 'refused' ? 'warning' : 'info';
    this.showResult(resultText(result), tone, result.status === 'imported' ? file.fileName : null);
  }

  private cancel(): void {
    this.hidePreview();
    this.resetFile();
    this.showResult(t().cancelled, 'info');
  }

  private showPreview(preview: Preview, request: StatementRequest): void {
    // The import reads the file exactly as the preview did: the detected format and profile become choices.
    this.chosen = {
      fileName: request.fileName,
      contentBase64: request.contentBase64,
      format: preview.format,
      ...(preview.profileId === null ? {} : { profileId: preview.profileId }),
    };
    renderPreview(this.preview, preview, { onImport: (good, warnings) => void this.importChosen(good, warnings), onCancel: () => this.cancel() });
    this.preview.hidden = false;
  }

  private currentChoice(): { format?: Format; profileId?: string } {
    const format = this.format.value === '' ? undefined : (this.format.value as Format);
    const profileId = this.profile.value === '' || (format !== undefined && format !== 'csv') ? undefined : this.profile.value;
    return { ...(format === undefined ? {} : { format }), ...(profileId === undefined ? {} : { profileId }) };
  }

  private async previewFile(fileName: string, contentBase64: string): Promise<void> {
    this.hidePreview();
    this.result.hidden = true;
    this.fileName.textContent = fileName;
    this.fileName.classList.remove('muted');
    const request: StatementRequest = { fileName, contentBase64, ...this.currentChoice() };
    const preview = await run(t().reading, () => server.previewImport(request), this.status);
    this.fileInput.value = '';
    if (preview === undefined) {
      this.resetFile();
      return;
    }
    if (preview.status === 'no-profile') {
      this.chosen = null;
      renderNoProfile(this.preview, preview, {
        onCreate: () => {
          this.hidePreview();
          this.resetFile();
          const argument: CreateProfileArgument = { createProfile: { draft: preview.draft, sample: { fileName, contentBase64 } } };
          this.deps.navigate('settings', argument);
        },
        onCancel: () => this.cancel(),
      });
      this.preview.hidden = false;
      return;
    }
    this.showPreview(preview, request);
  }

  private async onFileChosen(): Promise<void> {
    const file = this.fileInput.files?.[0];
    if (file === undefined) return;
    if (file.size > MAX_FILE_BYTES) {
      showError(new Error(`${file.name}: ${Math.round(file.size / 1024 / 1024)} MB > 50 MB`));
      this.resetFile();
      return;
    }
    let contentBase64: string;
    try {
      contentBase64 = await fileToBase64(file);
    } catch (error) {
      showError(error);
      this.resetFile();
      return;
    }
    // Reset at once: choosing the same file again (after fixing it, or to import it twice) must fire a change event.
    this.fileInput.value = '';
    await this.previewFile(file.name, contentBase64);
  }

  private renderFormats(): void {
    const texts = t();
    const previous = this.format.value;
    const formats: Format[] = ['csv', 'mt940', 'camt'];
    replaceChildren(this.format, h('option', { value: '' }, texts.detectAutomatically), ...formats.map((f) => h('option', { value: f }, texts.formatNames[f])));
    this.format.value = previous;
  }

  private renderProfiles(): void {
    const texts = t();
    const previous = this.profile.value;
    const group = (label: string, builtin: boolean): HTMLOptGroupElement | null => {
      const items = this.profiles.filter((p) => p.builtin === builtin);
      return items.length === 0 ? null : h('optgroup', { label }, ...items.map((p) => h('option', { value: p.id }, p.name)));
    };
    replaceChildren(this.profile, h('option', { value: '' }, texts.detectAutomatically), group(texts.builtinGroup, true), group(texts.customGroup, false));
    this.profile.value = this.profiles.some((p) => p.id === previous) ? previous : '';
    this.updateProfileField();
  }

  /** Profiles are for CSV: with MT940 or CAMT chosen, the profile choice goes away. */
  private updateProfileField(): void {
    const format = this.format.value;
    this.profileField.hidden = format === 'mt940' || format === 'camt';
    this.updateProfileDescription();
  }

  /** The profile's description, two lines at most until the user asks for more. */
  private updateProfileDescription(): void {
    const description = this.profiles.find((p) => p.id === this.profile.value)?.description ?? '';
    const text = h('span', { className: 'clamp', id: 'profile-description-text' }, description);
    const toggle = h('button', { type: 'button', className: 'link-button more', 'aria-controls': 'profile-description-text', 'aria-expanded': 'false' }, t().more);
    toggle.addEventListener('click', () => {
      const open = text.classList.toggle('open');
      toggle.setAttribute('aria-expanded', String(open));
      toggle.textContent = open ? t().less : t().more;
    });
    replaceChildren(this.profileDescription, text, ' ', toggle);
    this.profileDescription.hidden = description === '';
    // Only offer "More" when the text is really cut.
    requestAnimationFrame(() => {
      toggle.hidden = text.scrollHeight <= text.clientHeight + 1 && !text.classList.contains('open');
    });
  }

  private choiceChanged(): void {
    this.updateProfileField();
    if (this.chosen !== null || !this.preview.hidden) this.hidePreview();
    this.resetFile();
  }
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
