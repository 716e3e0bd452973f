/**
 * The preview of a statement file: what was read and how (format, profile, account, period), the counts, the first
 * transactions, the lines that could not be read, the warnings about the statement, and the user's choice.
 */
import type { LineErrorDto, PreviewRow, ResponseOf } from '../../src/shared/contract';
import { h, replaceChildren } from '../dom';
import { stat } from './stat';
import { formatCount, formatDate, formatMoney, t } from '../i18n';

/** How many transactions the compact list shows; the counts above it cover the whole file. */
const SHOWN_ROWS = 8;
const SHOWN_ERRORS = 20;
const PURPOSE_CHARS = 90;

export type Preview = Extract<ResponseOf<'previewImport'>, { status: 'ready' }>;

export interface PreviewActions {
  /**
   * `importGoodRows` is true only when the user explicitly chose to import the good rows of a file with bad lines;
   * `acceptWarnings` only when they chose to import a statement with warnings anyway.
   */
  onImport(importGoodRows: boolean, acceptWarnings: boolean): void;
  onCancel(): void;
}

function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}


/** One transaction, compact: counterparty and amount, date and purpose. Bank text always goes in as text. */
export function transactionItem(r: PreviewRow, testPrefix = 'preview'): HTMLElement {
  const negative = r.amountMinor < 0;
  const amount = h(
    'span',
    { className: `tx-amount${negative ? ' negative' : ''}`, 'data-testid': `${testPrefix}-amount` },
    formatMoney(r.amountMinor, r.currency),
  );
  if (negative) amount.setAttribute('aria-label', `${formatMoney(r.amountMinor, r.currency)} (${t().outgoing})`);
  return h(
    'li',
    { className: `tx${r.duplicate ? ' tx-duplicate' : ''}`, 'data-testid': `${testPrefix}-row`, 'data-line': r.line },
    h(
      'div',
      { className: 'tx-head' },
      h('span', { className: 'tx-name', title: r.counterpartyName, 'data-testid': `${testPrefix}-name` }, r.counterpartyName || '—'),
      amount,
    ),
    h(
      'div',
      { className: 'tx-sub' },
      h('span', { className: 'tx-date', 'data-testid': `${testPrefix}-date` }, formatDate(r.bookingDate)),
      h('span', { className: 'tx-purpose', title: r.purpose, 'data-testid': `${testPrefix}-purpose` }, shorten(r.purpose, PURPOSE_CHARS)),
    ),
    r.duplicate ? h('span', { className: 'badge' }, t().duplicateBadge) : null,
  );
}

export function lineErrorText(e: LineErrorDto): string {
  return t().lineError(e.file, e.line, e.column, e.field, e.message, e.found);
}

/** A list of line errors (or warnings) with "… and N more". */
export function lineErrorList(title: string, items: LineErrorDto[], total: number, className: string, itemTestId: string): HTMLElement {
  const shown = items.slice(0, SHOWN_ERRORS);
  return h(
    'div',
    { className, 'data-testid': `${itemTestId}s` },
    h('h3', { className: 'subhead' }, title),
    h('ul', {}, ...shown.map((e) => h('li', { 'data-testid': itemTestId, 'data-line': e.line }, lineErrorText(e)))),
    total > shown.length ? h('p', { className: 'muted' }, t().moreErrors(total - shown.length)) : null,
  );
}

function meta(label: string, value: string, testId: string): HTMLElement {
  return h('div', { className: 'meta-row' }, h('dt', {}, label), h('dd', { 'data-testid': testId }, value));
}

export function renderPreview(container: HTMLElement, preview: Preview, actions: PreviewActions): void {
  const texts = t();
  const shown = preview.rows.slice(0, SHOWN_ROWS);
  const transactions = preview.newCount + preview.duplicateCount;
  // Rows the profile reads but does not import (pending bookings, for one): the counts must add up for the user.
  const leftOut = preview.skippedCount;
  const leftOutLines = preview.skipped.map((s) => s.line);
  const hasErrors = preview.errorCount > 0;
  const hasWarnings = preview.warningCount > 0;
  const how = (detected: boolean): string => ` (${detected ? texts.detected : texts.chosen})`;

  const list =
    shown.length === 0
      ? h('p', { className: 'muted' }, texts.noRows)
      : h(
          'div',
          {},
          h('h3', { className: 'subhead' }, texts.firstRows(shown.length, Math.max(transactions, preview.rows.length))),
          h('ul', { className: 'tx-list', 'data-testid': 'preview-rows' }, ...shown.map((r) => transactionItem(r))),
        );

  const errors = hasErrors ? lineErrorList(texts.lineErrors(preview.errorCount), preview.errors, preview.errorCount, 'line-errors', 'line-error') : null;
  const warnings = hasWarnings
    ? lineErrorList(texts.warningsTitle(preview.warningCount), preview.warnings, preview.warningCount, 'line-errors statement-warnings', 'warning')
    : null;

  const importLabel = hasErrors
    ? hasWarnings
      ? texts.importGoodAnyway(preview.newCount)
      : texts.importGood(preview.newCount)
    : hasWarnings
      ? texts.importAnyway(preview.newCount)
      : preview.newCount > 0
        ? texts.importButton(preview.newCount)
        : texts.importPlain;
  const importButton = h('button', { type: 'button', className: 'button primary', 'data-testid': 'import-button' }, importLabel);
  if (hasErrors && preview.newCount === 0) importButton.hidden = true;
  importButton.addEventListener('click', () => actions.onImport(hasErrors, hasWarnings));
  const cancelButton = h('button', { type: 'button', className: 'button', 'data-testid': 'cancel-button' }, texts.cancel);
  cancelButton.addEventListener('click', () => actions.onCancel());

  const notices = [
    hasErrors ? h('p', { className: 'notice warning', 'data-testid': 'choice-notice' }, texts.badFileChoice) : null,
    hasWarnings ? h('p', { className: 'notice warning', 'data-testid': 'warnings-notice' }, texts.warningsChoice) : null,
    !hasErrors && !hasWarnings && preview.newCount === 0 && transactions > 0
      ? h('p', { className: 'notice', 'data-testid': 'nothing-new-notice' }, texts.nothingNewHint)
      : null,
  ];

  replaceChildren(
    container,
    h('h2', {}, texts.preview),
    h('p', { className: 'file-meta', 'data-testid': 'preview-file' }, h('span', { className: 'file-meta-name' }, preview.fileName)),
    h(
      'dl',
      { className: 'meta', 'data-testid': 'preview-meta' },
      meta(texts.format, texts.formatNames[preview.format] + how(preview.formatDetected), 'preview-format'),
      preview.profileName === null ? null : meta(texts.profile, preview.profileName + how(preview.profileDetected), 'preview-profile'),
      meta(texts.account, preview.account ?? '—', 'preview-account'),
      meta(texts.period, preview.period === null ? '—' : texts.periodText(formatDate(preview.period.from), formatDate(preview.period.to)), 'preview-period'),
    ),
    h(
      'div',
      { className: 'stats', 'data-testid': 'counts' },
      stat(texts.rowsRead, preview.rowsRead, 'count-rows-read', 'neutral'),
      stat(texts.newRows, preview.newCount, 'count-new', 'new'),
      stat(texts.duplicates, preview.duplicateCount, 'count-duplicates', 'neutral'),
      stat(texts.rejected, preview.errorCount, 'count-rejected', 'bad'),
      stat(texts.skippedStat, preview.skippedCount, 'count-skipped', 'neutral'),
    ),
    leftOut > 0 ? h('p', { className: 'hint left-out', 'data-testid': 'left-out' }, texts.leftOutByProfile(leftOut, leftOutLines)) : null,
    warnings,
    errors,
    ...notices,
    h('div', { className: 'actions', 'data-testid': 'actions' }, importButton, cancelButton),
    list,
  );
}
