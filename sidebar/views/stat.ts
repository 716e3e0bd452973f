/** A count tile ("12 new", "3 incomplete"): the number large, its label below; a zero is greyed out. */
import { h } from '../dom';
import { formatCount } from '../i18n';

export function stat(label: string, value: number, testId: string, tone: string): HTMLElement {
  return h(
    'div',
    { className: `stat stat-${tone}${value === 0 ? ' stat-zero' : ''}`, 'data-testid': testId },
    h('span', { className: 'stat-value', 'data-testid': `${testId}-value` }, formatCount(value)),
    // The title shows a label the narrow tile cuts off.
    h('span', { className: 'stat-label', title: label }, label),
  );
}
