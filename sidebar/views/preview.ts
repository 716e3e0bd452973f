/** The preview of a statement file: counts, the first transactions, the lines that could not be read, and the choice. */
import type { LineErrorDto, PreviewRow, ResponseOf } from '../../src/shared/contract';
import { h, replaceChildren } from '../dom';
import { formatCount, formatDate, formatMoney, t } from '../i18n';

/** How many transactions the compact list shows; the counts above it cover the whole file. */
const SHOWN_ROWS = 8;
const SHOWN_ERRORS = 20;
const PURPOSE_CHARS = 90;

export type Preview = ResponseOf<'previewImport'>;

export interface PreviewActions {
  /** `importGoodRows` is true only when the user explicitly chose to import the good rows of a file with bad lines. */
  onImport(importGoodRows: boolean): void;
  onCancel(): void;
}

function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

function stat(label: string, value: number, testId: string, tone: string): HTMLElement {
  return h(
    'div',
    { className: `stat stat-${tone}${value === 0 ? ' stat-zero' : ''}`, 'data-testid': testId },
    h('span', { className: 'stat-value', 'data-testid': `${testId}-value` }, formatCount(value)),
    h('span', { className: 'stat-label' }, label),
  );
}

function row(r: PreviewRow): HTMLElement {
  const negative = r.amountMinor < 0;
  const amount = h(
    'span',
    { className: `tx-amount${negative ? ' negative' : ''}`, 'data-testid': 'preview-amount' },
    formatMoney(r.amountMinor, r.currency),
  );
  if (negative) amount.setAttribute('aria-label', `${formatMoney(r.amountMinor, r.currency)} (${t().outgoing})`);
  return h(
    'li',
    { className: `tx${r.duplicate ? ' tx-duplicate' : ''}`, 'data-testid': 'preview-row', 'data-line': r.line },
    h(
      'div',
      { className: 'tx-head' },
      h('span', { className: 'tx-name', title: r.counterpartyName, 'data-testid': 'preview-name' }, r.counterpartyName || '—'),
      amount,
    ),
    h(
      'div',
      { className: 'tx-sub' },
      h('span', { className: 'tx-date' }, formatDate(r.bookingDate)),
      h('span', { className: 'tx-purpose', title: r.purpose, 'data-testid': 'preview-purpose' }, shorten(r.purpose, PURPOSE_CHARS)),
    ),
    r.duplicate ? h('span', { className: 'badge' }, t().duplicateBadge) : null,
  );
}

export function lineErrorText(e: LineErrorDto): string {
  return t().lineError(e.file, e.line, e.column, e.field, e.message, e.found);
}

export function renderPreview(container: HTMLElement, preview: Preview, actions: PreviewActions): void {
  const texts = t();
  const shown = preview.rows.slice(0, SHOWN_ROWS);
  const transactions = preview.newCount + preview.duplicateCount;
  // Rows the profile reads but does not import (pending bookings, for one): the counts must add up for the user.
  const leftOut = preview.skippedCount;
  const leftOutLines = preview.skipped.map((s) => s.line);
  const hasErrors = preview.errorCount > 0;

  const list =
    shown.length === 0
      ? h('p', { className: 'muted' }, texts.noRows)
      : h(
          'div',
          {},
          h('h3', { className: 'subhead' }, texts.firstRows(shown.length, Math.max(transactions, preview.rows.length))),
          h('ul', { className: 'tx-list', 'data-testid': 'preview-rows' }, ...shown.map(row)),
        );

  const errors = hasErrors
    ? h(
        'div',
        { className: 'line-errors', 'data-testid': 'line-errors' },
        h('h3', { className: 'subhead' }, texts.lineErrors(preview.errorCount)),
        h(
          'ul',
          {},
          ...preview.errors.slice(0, SHOWN_ERRORS).map((e) => h('li', { 'data-testid': 'line-error', 'data-line': e.line }, lineErrorText(e))),
        ),
        preview.errorCount > Math.min(SHOWN_ERRORS, preview.errors.length)
          ? h('p', { className: 'muted' }, texts.moreErrors(preview.errorCount - Math.min(SHOWN_ERRORS, preview.errors.length)))
          : null,
      )
    : null;

  const importButton = h(
    'button',
    { type: 'button', className: 'button primary', 'data-testid': 'import-button' },
    hasErrors ? texts.importGood(preview.newCount) : preview.newCount > 0 ? texts.importButton(preview.newCount) : texts.importPlain,
  );
  if (hasErrors && preview.newCount === 0) importButton.hidden = true;
  importButton.addEventListener('click', () => actions.onImport(hasErrors));
  const cancelButton = h('button', { type: 'button', className: 'button', 'data-testid': 'cancel-button' }, texts.cancel);
  cancelButton.addEventListener('click', () => actions.onCancel());

  const notice = hasErrors
    ? h('p', { className: 'notice warning', 'data-testid': 'choice-notice' }, texts.badFileChoice)
    : preview.newCount === 0 && transactions > 0
      ? h('p', { className: 'notice', 'data-testid': 'nothing-new-notice' }, texts.nothingNewHint)
      : null;

  replaceChildren(
    container,
    h('h2', {}, texts.preview),
    h('p', { className: 'file-meta', 'data-testid': 'preview-file' }, h('span', { className: 'file-meta-name' }, preview.fileName), ' · ', preview.profileName),
    h(
      'div',
      { className: 'stats', 'data-testid': 'counts' },
      stat(texts.rowsRead, preview.rowsRead, 'count-rows-read', 'neutral'),
      stat(texts.newRows, preview.newCount, 'count-new', 'new'),
      stat(texts.duplicates, preview.duplicateCount, 'count-duplicates', 'neutral'),
      stat(texts.rejected, preview.errorCount, 'count-rejected', 'bad'),
    ),
    leftOut > 0 ? h('p', { className: 'hint left-out', 'data-testid': 'left-out' }, texts.leftOutByProfile(leftOut, leftOutLines)) : null,
    errors,
    notice,
    h('div', { className: 'actions', 'data-testid': 'actions' }, importButton, cancelButton),
    list,
  );
}
