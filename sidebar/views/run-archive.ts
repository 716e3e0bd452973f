/** The archive of finished runs (the "Archive" sheet), newest first: when, statement, counts, who; report and details. */
import type { ResponseOf } from '../../src/shared/contract';
import { h } from '../dom';
import { formatCount } from '../i18n';
import { formatWhen, pageTexts } from '../texts/pages';
import { OUTCOMES, outcomeIcon } from './run-outcome';
import { reportLink } from './run-summary';

export type ArchiveEntry = ResponseOf<'listArchive'>['entries'][number];

export function archiveList(entries: ArchiveEntry[], onDetails: (runId: string) => void): HTMLElement {
  const texts = pageTexts();
  if (entries.length === 0) return h('p', { className: 'muted', 'data-testid': 'archive-empty' }, texts.archiveEmpty);
  return h(
    'ul',
    { className: 'archive-list', 'data-testid': 'archive-list' },
    ...entries.map((entry) => {
      const details = h('button', { type: 'button', className: 'link-button', 'data-testid': 'archive-details' }, texts.details);
      details.addEventListener('click', () => onDetails(entry.runId));
      return h(
        'li',
        { className: 'archive-item', 'data-testid': 'archive-item', 'data-run': entry.runId },
        h('span', { className: 'archive-when', 'data-testid': 'archive-when' }, formatWhen(entry.finishedAt || entry.startedAt)),
        h('span', { className: 'archive-statement', 'data-testid': 'archive-statement' }, entry.statement),
        h(
          'span',
          { className: 'archive-counts', 'data-testid': 'archive-counts', 'aria-label': texts.archiveCounts(entry.booked, entry.review, entry.none) },
          ...OUTCOMES.map((o) => h('span', { className: 'archive-count', 'data-testid': `archive-${o}` }, outcomeIcon(o, false), h('span', { 'data-testid': `archive-${o}-value` }, formatCount(entry[o])))),
        ),
        h('span', { className: 'hint', 'data-testid': 'archive-by' }, `${texts.runBy}: ${entry.by}`),
        h('span', { className: 'archive-actions' }, entry.reportUrl === '' ? null : reportLink(entry.reportUrl, 'archive-report-link', 'link-button'), details),
      );
    }),
  );
}
