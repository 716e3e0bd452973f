/** The choice before a run: all open transactions, or the open ones of one imported statement file. */
import type { RequestOf, ResponseOf } from '../../src/shared/contract';
import { h } from '../dom';
import { pageTexts } from '../texts/pages';

export type RunScope = RequestOf<'startAutoRun'>['scope'];
export type ImportFile = ResponseOf<'getAutoRun'>['importFiles'][number];

let scopeForms = 0;

export function scopeForm(files: ImportFile[], wanted: RunScope | null, onStart: (scope: RunScope) => void): HTMLElement {
  const texts = pageTexts();
  const group = `run-scope-${++scopeForms}`;
  const option = (value: string, label: string, testId: string, checked: boolean) =>
    h(
      'label',
      { className: 'scope-option', 'data-testid': testId },
      h('input', { type: 'radio', name: group, value, checked }),
      h('span', { className: 'scope-label' }, label),
    );
  const wantedFile = wanted?.kind === 'import' ? wanted.fileName : null;
  const preselected = wantedFile !== null && files.some((f) => f.fileName === wantedFile) ? wantedFile : null;
  const start = h('button', { type: 'submit', className: 'button primary', 'data-testid': 'run-start' }, texts.start);
  const form = h(
    'form',
    { className: 'run-scope', 'data-testid': 'run-scope', novalidate: true },
    h(
      'fieldset',
      { className: 'scope-fieldset' },
      h('legend', {}, texts.scopeLegend),
      option('', texts.scopeOpen, 'scope-open', preselected === null),
      ...files.map((f, i) => {
        const label = option(String(i), texts.scopeFile(f.fileName, f.open), 'scope-file', f.fileName === preselected);
        label.dataset.file = f.fileName;
        return label;
      }),
      files.length === 0 ? h('p', { className: 'hint' }, texts.noImportFiles) : null,
    ),
    h('div', { className: 'actions' }, start),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = form.querySelector<HTMLInputElement>(`input[name="${group}"]:checked`);
    const file = chosen === null || chosen.value === '' ? undefined : files[Number(chosen.value)];
    onStart(file === undefined ? { kind: 'open' } : { kind: 'import', fileName: file.fileName });
  });
  return form;
}
