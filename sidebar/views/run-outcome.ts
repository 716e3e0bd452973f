/**
 * The three outcomes of an automatic run as the product shows them: a green check (booked automatically), a question
 * mark (to check by hand) and an exclamation mark (no open item found). The sign is drawn by CSS around a character;
 * the word stays for screen readers.
 */
import { h } from '../dom';
import { pageTexts } from '../texts/pages';

export type Outcome = 'booked' | 'review' | 'none';

export const OUTCOMES: readonly Outcome[] = ['booked', 'review', 'none'];

const SIGN: Record<Outcome, string> = { booked: '✓', review: '?', none: '!' };

/** The round sign of an outcome; `labelled` adds the short word for assistive technology. */
export function outcomeIcon(outcome: Outcome, labelled = true): HTMLElement {
  const icon = h('span', { className: `outcome-icon outcome-${outcome}`, 'aria-hidden': 'true' }, SIGN[outcome]);
  if (!labelled) return icon;
  return h('span', { className: 'outcome-mark' }, icon, h('span', { className: 'visually-hidden' }, pageTexts().outcomeShort[outcome]));
}
