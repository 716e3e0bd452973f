/**
 * The top of the export page: which system the bookings go to (lexoffice, bexio, DATEV, CSV) and the counts that are
 * always in view — selected, exportable, already exported, and incomplete and pending when there are any.
 */
import type { ResponseOf } from '../../src/shared/contract';
import { h } from '../dom';
import { exportTexts, type ExportTarget } from '../texts/export';
import { targetName } from './accounting-readout';
import { stat } from './stat';

export const EXPORT_TARGETS: readonly ExportTarget[] = ['lexoffice', 'bexio', 'datev', 'csv'];

export const isApiTarget = (target: ExportTarget): target is 'lexoffice' | 'bexio' => target === 'lexoffice' || target === 'bexio';

/** The targets as a row of toggle buttons; the current one pressed. */
export function targetChooser(current: ExportTarget, onChoose: (target: ExportTarget) => void): HTMLElement {
  const texts = exportTexts();
  const group = h('div', { className: 'segmented export-targets', role: 'group', 'aria-label': texts.targetLabel, 'data-testid': 'export-target' });
  for (const target of EXPORT_TARGETS) {
    const button = h(
      'button',
      { type: 'button', className: 'segment', 'data-testid': `export-target-${target}`, 'aria-pressed': String(target === current) },
      targetName(target),
    );
    button.addEventListener('click', () => onChoose(target));
    group.append(button);
  }
  return h('div', { className: 'field export-target-field' }, h('span', { className: 'label', id: 'export-target-label' }, texts.targetLabel), group);
}

type Overview = ResponseOf<'exportOverview'>;

/** The count tiles: the server's counts (all bookings, not only those listed) and the user's selection. */
export function exportCounts(o: Overview, selected: number): HTMLElement {
  const texts = exportTexts();
  return h(
    'section',
    { className: 'export-counts', 'data-testid': 'bookings-counts', 'data-target': o.target, 'aria-label': texts.countsFor(targetName(o.target)) },
    h('p', { className: 'export-counts-title' }, texts.countsFor(targetName(o.target))),
    h(
      'div',
      { className: 'stats export-stats' },
      stat(texts.statSelected, selected, 'bookings-selected', 'selected'),
      stat(texts.statExportable, o.exportable, 'bookings-exportable', 'complete'),
      stat(texts.statExported, o.exported, 'bookings-exported', 'exported'),
      o.incomplete > 0 ? stat(texts.statIncomplete, o.incomplete, 'bookings-incomplete', 'open') : null,
      o.pending > 0 ? stat(texts.statPending, o.pending, 'bookings-pending', 'pending') : null,
    ),
    o.pending > 0 && isApiTarget(o.target) ? h('p', { className: 'hint', 'data-testid': 'bookings-pending-hint' }, texts.pendingHint(o.pending)) : null,
  );
}
