/** A run at work: the statement, a progress bar (decided of total) and the counts so far. */
import type { ResponseOf } from '../../src/shared/contract';
import { h, replaceChildren } from '../dom';
import { formatCount } from '../i18n';
import { pageTexts } from '../texts/pages';
import { OUTCOMES, outcomeIcon } from './run-outcome';

export type RunStatus = ResponseOf<'startAutoRun'>;

export interface ProgressView {
  element: HTMLElement;
  update(status: RunStatus): void;
}

export function progressView(): ProgressView {
  const texts = pageTexts();
  const statement = h('p', { className: 'file-meta run-statement', 'data-testid': 'run-progress-statement' });
  const bar = h('progress', { className: 'run-bar', 'data-testid': 'run-progress-bar', 'aria-label': texts.running });
  const label = h('p', { className: 'run-progress-label', 'data-testid': 'run-progress-text' }, texts.running);
  const counts = h('ul', { className: 'run-counts-inline', 'aria-label': texts.soFar, 'data-testid': 'run-progress-counts' });
  const element = h('section', { className: 'card run-progress', 'data-testid': 'run-progress', 'aria-live': 'polite' }, statement, bar, label, counts);
  return {
    element,
    update(status) {
      statement.textContent = status.statement;
      if (status.total > 0) {
        bar.max = status.total;
        bar.value = Math.min(status.done, status.total);
      } else {
        // Not known yet: an indeterminate bar.
        bar.removeAttribute('value');
      }
      label.textContent = texts.progress(status.done, status.total);
      replaceChildren(
        counts,
        ...OUTCOMES.map((o) =>
          h('li', { 'data-testid': `run-progress-${o}` }, outcomeIcon(o), ' ', h('span', { 'data-testid': `run-progress-${o}-value` }, formatCount(status[o]))),
        ),
      );
    },
  };
}
