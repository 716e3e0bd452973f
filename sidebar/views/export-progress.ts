/**
 * An export at work and its outcome. Progress (API targets): a bar, "12 of 87 sent", and Stop — which lets the booking
 * under way finish and then pauses; the export continues later where it stopped. The result: what was exported, the
 * receipts attached, what was not exported and what got no clear answer, each problem in the server's words (booking
 * named), and for a file target the files in the user's Drive as links.
 */
import type { ExportRunDto } from '../../src/shared/contract';
import { h } from '../dom';
import { formatCount, formatDate } from '../i18n';
import { exportTexts } from '../texts/export';
import { targetName } from './accounting-readout';

export interface ExportProgressView {
  element: HTMLElement;
  /** Before the first answer: how many bookings the user asked for (null: not known). */
  start(expected: number | null): void;
  update(run: ExportRunDto): void;
}

/** Sent (exported) of all the export has to deal with: sent, refused and still to go. */
export function progressNumbers(run: Pick<ExportRunDto, 'exported' | 'failed' | 'remaining'>): { done: number; total: number } {
  return { done: run.exported, total: run.exported + run.failed + run.remaining };
}

export function exportProgressView(target: string, onStop: () => void): ExportProgressView {
  const texts = exportTexts();
  const bar = h('progress', { className: 'run-bar export-bar', 'data-testid': 'export-progress-bar', 'aria-label': texts.sending(targetName(target)) });
  const label = h('p', { className: 'run-progress-label', 'data-testid': 'export-progress-text' }, texts.sending(targetName(target)));
  const failed = h('p', { className: 'hint', 'data-testid': 'export-progress-failed', hidden: true });
  // Clickable while the export's server calls run (ui.ts leaves `data-keep-enabled` controls alone).
  const stop = h('button', { type: 'button', className: 'button', 'data-keep-enabled': '', 'data-testid': 'export-stop' }, texts.stop);
  stop.addEventListener('click', () => {
    stop.disabled = true;
    stop.textContent = texts.stopping;
    onStop();
  });
  const element = h(
    'section',
    { className: 'card export-progress', 'data-testid': 'export-progress', 'aria-live': 'polite', 'aria-label': texts.sending(targetName(target)) },
    bar,
    label,
    failed,
    h('div', { className: 'actions' }, stop),
  );
  const show = (done: number, total: number | null): void => {
    if (total === null || total === 0) bar.removeAttribute('value');
    else {
      bar.max = total;
      bar.value = Math.min(done, total);
    }
    label.textContent = total === null ? texts.sending(targetName(target)) : texts.progress(done, total);
  };
  return {
    element,
    start(expected) {
      show(0, expected);
    },
    update(run) {
      const { done, total } = progressNumbers(run);
      show(done, total);
      failed.hidden = run.failed === 0;
      failed.textContent = texts.progressFailed(run.failed);
    },
  };
}

function periodText(from: string, to: string): string {
  if (from === '' && to === '') return '';
  return from === to ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`;
}

export type ResultTone = 'success' | 'warning' | 'error';

export function resultTone(run: ExportRunDto): ResultTone {
  if (run.status === 'refused') return run.exported > 0 ? 'warning' : 'error';
  return run.failed > 0 || run.unknown > 0 ? 'warning' : 'success';
}

/** The outcome of an export; `onClose` takes it off the page. */
export function exportResultView(run: ExportRunDto, api: boolean, onClose: () => void): HTMLElement {
  const texts = exportTexts();
  const count = (label: string, value: number, testId: string) =>
    h('li', { className: `export-result-count${value === 0 ? ' zero' : ''}`, 'data-testid': testId }, h('span', { className: 'export-result-value', 'data-testid': `${testId}-value` }, formatCount(value)), h('span', {}, label));
  const files =
    run.files.length === 0
      ? null
      : h(
          'div',
          { className: 'export-files' },
          h('h3', { className: 'subhead' }, texts.filesTitle),
          h(
            'ul',
            { className: 'export-file-list', 'data-testid': 'export-files' },
            ...run.files.map((f) =>
              h(
                'li',
                { className: 'export-file', 'data-testid': 'export-file', 'data-name': f.name },
                h('a', { href: f.url, target: '_blank', rel: 'noopener noreferrer', title: texts.opensNewTab, 'data-testid': 'export-file-link' }, f.name),
                h('span', { className: 'export-file-meta', 'data-testid': 'export-file-meta' }, texts.fileMeta(f.bookings, periodText(f.from, f.to))),
              ),
            ),
          ),
        );
  const failedIds = new Set(run.problems.map((p) => p.bookingId));
  const problems =
    run.problems.length === 0
      ? null
      : h(
          'div',
          { className: 'export-result-problems' },
          h('p', { className: 'export-problems-title' }, texts.problemsTitle(failedIds.size)),
          h('ul', { className: 'export-problems', 'data-testid': 'export-result-problems' }, ...run.problems.map((p) => h('li', { 'data-testid': 'export-result-problem', 'data-booking': p.bookingId }, p.message))),
        );
  const close = h('button', { type: 'button', className: 'link-button', 'data-testid': 'export-result-close' }, texts.dismiss);
  close.addEventListener('click', onClose);
  const heading = h('h2', { tabindex: -1, id: 'export-result-title' }, texts.resultTitle);
  const body = h(
    'section',
    { className: 'card export-result', 'data-testid': 'export-result', 'data-status': run.status, 'aria-labelledby': 'export-result-title' },
    heading,
    h('p', { className: `result-message ${resultTone(run)}`, role: 'status', 'data-testid': 'export-result-message' }, run.message),
    h(
      'ul',
      { className: 'export-result-counts', 'data-testid': 'export-result-counts' },
      count(texts.resultExported, run.exported, 'export-result-exported'),
      api ? count(texts.resultReceipts, run.receipts, 'export-result-receipts') : null,
      count(texts.resultFailed, run.failed, 'export-result-failed'),
      api ? count(texts.resultUnknown, run.unknown, 'export-result-unknown') : null,
    ),
    files,
    problems,
    h('div', { className: 'export-result-actions' }, close),
  );
  return body;
}

/** A notice with a Continue button: an export left unfinished, paused, or cut off. */
export function continueNotice(kind: 'unfinished' | 'paused' | 'stopped', message: string, progress: ExportRunDto | null, onContinue: () => void): HTMLElement {
  const texts = exportTexts();
  const title = kind === 'unfinished' ? texts.unfinishedTitle : kind === 'paused' ? texts.pausedTitle : texts.stoppedTitle;
  const resume = h('button', { type: 'button', className: 'button primary', 'data-testid': 'export-continue' }, texts.continueExport);
  resume.addEventListener('click', onContinue);
  const numbers = progress === null ? null : progressNumbers(progress);
  const line = numbers === null || numbers.total === 0 ? null : h('p', { 'data-testid': 'export-continue-progress' }, texts.progress(numbers.done, numbers.total));
  const box = h(
    'div',
    { className: 'notice warning export-unfinished', 'data-testid': `export-${kind}`, role: 'status' },
    h('strong', {}, title),
    line,
    message === '' ? null : h('p', { 'data-testid': 'export-continue-message' }, message),
    h('p', {}, kind === 'stopped' ? texts.stopped : texts.paused),
    h('div', { className: 'actions' }, resume),
  );
  return box;
}
