/**
 * The summary of a finished run, as the product page describes it: how many transactions were booked automatically
 * (green check), are to be checked by hand (question mark) and found no open item (exclamation mark); the statement, who
 * ran it and when; the PDF report; and "Details".
 */
import { h } from '../dom';
import { formatCount } from '../i18n';
import { formatWhen, pageTexts } from '../texts/pages';
import { OUTCOMES, outcomeIcon } from './run-outcome';
import type { RunStatus } from './run-progress';

export interface SummaryActions {
  /** Loads the details into `container` (the button toggles them afterwards). */
  onDetails(container: HTMLElement): Promise<boolean>;
  /** Back to the choice of a new run; absent for an archived run shown again. */
  onNewRun?: () => void;
  /** To the reconcile page, for the transactions the run left open. */
  onReconcile?: (() => void) | undefined;
}

/** A link to the report: a new tab, and the opened page gets no handle on the sidebar. */
export function reportLink(url: string, testId: string, className = 'button'): HTMLAnchorElement {
  const texts = pageTexts();
  return h(
    'a',
    { className, href: url, target: '_blank', rel: 'noopener noreferrer', 'data-testid': testId, title: texts.reportOpensNewTab },
    texts.report,
  );
}

export function summaryView(status: RunStatus, actions: SummaryActions): HTMLElement {
  const texts = pageTexts();
  const meta = (term: string, value: string, testId: string) =>
    h('div', { className: 'meta-row' }, h('dt', {}, term), h('dd', { 'data-testid': testId }, value));
  const details = h('div', { className: 'run-details-box', 'data-testid': 'run-details-box', hidden: true });
  const detailsButton = h(
    'button',
    { type: 'button', className: 'button', 'aria-expanded': 'false', 'data-testid': 'run-details-button' },
    texts.details,
  );
  let loaded = false;
  detailsButton.addEventListener('click', () => {
    void (async () => {
      if (!loaded) {
        loaded = await actions.onDetails(details);
        if (!loaded) return;
        details.hidden = true;
      }
      const open = details.hidden;
      details.hidden = !open;
      detailsButton.setAttribute('aria-expanded', String(open));
      detailsButton.textContent = open ? texts.hideDetails : texts.details;
    })();
  });
  let newRun: HTMLButtonElement | null = null;
  if (actions.onNewRun !== undefined) {
    const onNewRun = actions.onNewRun;
    newRun = h('button', { type: 'button', className: 'link-button', 'data-testid': 'run-new' }, texts.newRun);
    newRun.addEventListener('click', () => onNewRun());
  }
  let reconcile: HTMLButtonElement | null = null;
  if (actions.onReconcile !== undefined) {
    const onReconcile = actions.onReconcile;
    reconcile = h('button', { type: 'button', className: 'link-button', 'data-testid': 'run-reconcile' }, texts.reconcileRest);
    reconcile.addEventListener('click', () => onReconcile());
  }
  return h(
    'section',
    { className: 'card run-summary', 'data-testid': 'run-summary', 'data-run': status.runId },
    h('h2', {}, texts.summaryTitle),
    h(
      'dl',
      { className: 'meta' },
      meta(texts.statement, status.statement, 'summary-statement'),
      meta(texts.transactions, formatCount(status.total), 'summary-total'),
      meta(texts.runBy, status.startedBy, 'summary-by'),
      meta(texts.started, formatWhen(status.startedAt), 'summary-started'),
      meta(texts.finished, formatWhen(status.finishedAt), 'summary-finished'),
    ),
    h(
      'ul',
      { className: 'run-outcomes' },
      ...OUTCOMES.map((o) =>
        h(
          'li',
          { className: `run-outcome run-outcome-${o}`, 'data-testid': `summary-${o}` },
          outcomeIcon(o, false),
          h('span', { className: 'run-outcome-count', 'data-testid': `summary-${o}-value` }, formatCount(status[o])),
          h('span', { className: 'run-outcome-label' }, texts.outcomeCounts[o]),
        ),
      ),
    ),
    status.message === '' ? null : h('p', { className: 'hint', 'data-testid': 'summary-message' }, status.message),
    h('div', { className: 'actions' }, status.reportUrl === null ? null : reportLink(status.reportUrl, 'run-report-link'), detailsButton),
    reconcile === null && newRun === null ? null : h('div', { className: 'run-links' }, reconcile, newRun),
    details,
  );
}
