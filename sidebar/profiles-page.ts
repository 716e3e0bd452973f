/**
 * The "Bank profiles" page: the built-in profiles (to copy) and this spreadsheet's own (to edit, copy, delete), and the
 * editor. Deleting asks first, in the sidebar itself.
 */
import type { ResponseOf } from '../src/shared/contract';
import { h, replaceChildren } from './dom';
import { t } from './i18n';
import { server } from './server';
import { run } from './ui';
import { openProfileEditor, type SampleFile } from './views/profile-editor';

export type ProfileList = ResponseOf<'listProfiles'>;

export interface ProfilesPageHooks {
  /** The list changed (saved, deleted): the import page's choice must follow. */
  onListChanged(list: ProfileList): void;
  /** Saved from the import page's "create a profile from this file": go back there and read the file with it. */
  onSavedForImport(profileId: string, sample: SampleFile): void;
}

export class ProfilesPage {
  private list: ProfileList = { profiles: [], broken: [] };
  private message: { text: string; testId: string } | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly hooks: ProfilesPageHooks,
  ) {}

  setList(list: ProfileList): void {
    this.list = list;
  }

  showList(): void {
    const texts = t();
    const builtin = this.list.profiles.filter((p) => p.builtin);
    const custom = this.list.profiles.filter((p) => !p.builtin);
    const create = h('button', { type: 'button', className: 'button primary', 'data-testid': 'profile-new' }, texts.newProfile);
    create.addEventListener('click', () => this.edit(null, newDraft(), null, false));
    replaceChildren(
      this.root,
      h('h1', {}, texts.profilesTitle),
      h('p', { className: 'hint intro' }, texts.profilesIntro),
      this.message === null ? null : h('p', { className: 'result-message success', 'data-testid': this.message.testId }, this.message.text),
      h('div', { className: 'actions' }, create),
      h('h2', { className: 'list-head' }, texts.customProfiles),
      custom.length === 0
        ? h('p', { className: 'muted', 'data-testid': 'no-custom-profiles' }, texts.noCustomProfiles)
        : h('ul', { className: 'profile-list', 'data-testid': 'custom-profiles' }, ...custom.map((p) => this.item(p))),
      this.list.broken.length === 0
        ? null
        : h(
            'div',
            { className: 'broken-profiles' },
            h('h2', { className: 'list-head' }, texts.brokenProfiles),
            h('ul', { className: 'profile-list', 'data-testid': 'broken-profiles' }, ...this.list.broken.map((b) => this.brokenItem(b))),
          ),
      h('h2', { className: 'list-head' }, texts.builtinProfiles),
      h('ul', { className: 'profile-list', 'data-testid': 'builtin-profiles' }, ...builtin.map((p) => this.item(p))),
    );
    this.message = null;
  }

  /** Opens the editor on a draft made from a file no profile fits; saving returns to the import with that file. */
  createFromFile(draft: unknown, sample: SampleFile): void {
    this.edit(null, draft, sample, true);
  }

  private item(p: ProfileList['profiles'][number]): HTMLElement {
    const texts = t();
    const buttons: HTMLElement[] = [];
    const button = (label: string, testId: string, action: () => void): void => {
      const b = h('button', { type: 'button', className: 'link-button', 'data-testid': testId }, label);
      b.addEventListener('click', action);
      buttons.push(b);
    };
    const li = h('li', { className: 'profile-item', 'data-testid': 'profile-item', 'data-id': p.id });
    if (!p.builtin) button(texts.edit, 'profile-edit', () => void this.open(p.id, false));
    button(texts.copy, 'profile-copy', () => void this.open(p.id, true));
    if (!p.builtin) button(texts.delete, 'profile-delete', () => this.confirmDelete(li, p.id, p.name));
    replaceChildren(
      li,
      h('span', { className: 'profile-name', 'data-testid': 'profile-name' }, p.name),
      p.description === '' ? null : h('span', { className: 'hint clamp' }, p.description),
      h('span', { className: 'profile-actions' }, ...buttons),
    );
    return li;
  }

  private brokenItem(b: ProfileList['broken'][number]): HTMLElement {
    const li = h('li', { className: 'profile-item broken', 'data-testid': 'broken-profile', 'data-id': b.id });
    const remove = h('button', { type: 'button', className: 'link-button', 'data-testid': 'profile-delete' }, t().delete);
    remove.addEventListener('click', () => this.confirmDelete(li, b.id, b.id));
    replaceChildren(li, h('span', { className: 'profile-name' }, b.id), h('span', { className: 'hint' }, b.message), h('span', { className: 'profile-actions' }, remove));
    return li;
  }

  private confirmDelete(li: HTMLElement, id: string, name: string): void {
    const texts = t();
    const yes = h('button', { type: 'button', className: 'button danger', 'data-testid': 'confirm-delete' }, texts.delete);
    const no = h('button', { type: 'button', className: 'button', 'data-testid': 'keep-profile' }, texts.keep);
    const question = h('div', { className: 'confirm', role: 'alertdialog', 'aria-label': texts.confirmDelete(name) }, h('p', {}, texts.confirmDelete(name)), h('div', { className: 'actions' }, yes, no));
    no.addEventListener('click', () => {
      question.remove();
    });
    yes.addEventListener('click', () => void this.remove(id, name));
    li.querySelector('.confirm')?.remove();
    li.append(question);
    no.focus();
  }

  private async remove(id: string, name: string): Promise<void> {
    const done = await run(t().working, () => server.deleteProfile({ id }));
    if (done === undefined) return;
    this.message = { text: t().deleted(name), testId: 'profiles-message' };
    await this.reload();
  }

  private async reload(): Promise<void> {
    const list = await run(t().loading, () => server.listProfiles({}));
    if (list !== undefined) {
      this.list = list;
      this.hooks.onListChanged(list);
    }
    this.showList();
  }

  private async open(id: string, asCopy: boolean): Promise<void> {
    const found = await run(t().loading, () => server.getProfile({ id }));
    if (found === undefined) return;
    const draft = JSON.parse(JSON.stringify(found.profile)) as Record<string, unknown>;
    if (!asCopy) {
      this.edit(id, draft, null, false);
      return;
    }
    // A copy is a new custom profile: the server gives it its own id on saving. The description the user sees becomes
    // the copy's only one, so that an edited copy does not keep showing the original's German text.
    const shown = this.list.profiles.find((p) => p.id === id);
    draft.id = 'custom-new';
    draft.name = t().copyName(String(draft.name ?? id));
    draft.description = shown?.description ?? String(draft.description ?? '');
    delete draft.descriptionDe;
    this.edit(null, draft, null, false);
  }

  private edit(id: string | null, draft: unknown, sample: SampleFile | null, forImport: boolean): void {
    openProfileEditor(this.root, {
      id,
      draft,
      sample,
      onSaved: (saved, usedSample) => {
        if (forImport && usedSample !== null) {
          this.message = null;
          void this.reloadQuietly().then(() => this.hooks.onSavedForImport(saved.id, usedSample));
          return;
        }
        this.message = { text: t().saved(saved.name), testId: 'profiles-message' };
        void this.reload();
      },
      onCancel: () => this.showList(),
    });
    this.root.scrollTop = 0;
  }

  private async reloadQuietly(): Promise<void> {
    const list = await run(t().loading, () => server.listProfiles({}));
    if (list === undefined) return;
    this.list = list;
    this.hooks.onListChanged(list);
    this.showList();
  }
}

function newDraft(): Record<string, unknown> {
  return {
    id: 'custom-new',
    name: t().newProfileName,
    delimiter: ';',
    header: { present: true },
    dateFormats: ['dd.mm.yyyy', 'dd.mm.yy'],
    decimalSeparator: ',',
    thousandsSeparator: '.',
    columns: { bookingDate: 0, counterpartyName: 1, purpose: 2, amount: 3 },
  };
}
