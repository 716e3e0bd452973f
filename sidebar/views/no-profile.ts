/** No bank profile fits the CSV file: say so, show the header line that was seen, and offer to make a profile from it. */
import type { ResponseOf } from '../../src/shared/contract';
import { h, replaceChildren } from '../dom';
import { t } from '../i18n';

export type NoProfile = Extract<ResponseOf<'previewImport'>, { status: 'no-profile' }>;

export function renderNoProfile(container: HTMLElement, result: NoProfile, actions: { onCreate(): void; onCancel(): void }): void {
  const texts = t();
  const create = h('button', { type: 'button', className: 'button primary', 'data-testid': 'create-profile-button' }, texts.createProfile);
  create.addEventListener('click', () => actions.onCreate());
  const cancel = h('button', { type: 'button', className: 'button', 'data-testid': 'cancel-button' }, texts.cancel);
  cancel.addEventListener('click', () => actions.onCancel());
  replaceChildren(
    container,
    h('h2', { 'data-testid': 'no-profile-title' }, texts.noProfileTitle),
    h('p', { className: 'file-meta' }, h('span', { className: 'file-meta-name' }, result.fileName)),
    h('p', { className: 'notice warning', 'data-testid': 'no-profile-message' }, result.message),
    result.header.length > 0
      ? h(
          'div',
          { className: 'header-seen' },
          h('h3', { className: 'subhead' }, texts.headerSeen),
          h('ol', { className: 'header-cells', 'data-testid': 'header-seen', start: 0 }, ...result.header.map((cell) => h('li', { 'data-testid': 'header-cell' }, cell))),
        )
      : h('p', { className: 'muted' }, texts.noHeaderSeen),
    h('div', { className: 'actions' }, create, cancel),
    h('p', { className: 'hint' }, texts.chooseProfileHint),
  );
}
