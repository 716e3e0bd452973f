/**
 * Rules learned from the user, waiting for a yes or no: "You gave Telekom GL account 4920 and 19 % twice. Create a
 * rule?" — one banner each, on the pre-accounting page (after a save, and from the overview) and on the rules page.
 * The sentence is made here from the proposal's fields, so it is in the user's language; names are text, never markup.
 */
import type { RuleProposalDto } from '../../src/shared/accounting-dto';
import { RULE_FIELDS } from './rule-fields';
import { h } from '../dom';
import { formatIban } from '../i18n';
import { server } from '../server';
import { accountingTexts } from '../texts/accounting';
import { run } from '../ui';

export function proposalName(p: Pick<RuleProposalDto, 'counterpartyName' | 'iban'>): string {
  return p.counterpartyName !== '' ? p.counterpartyName : formatIban(p.iban);
}

export function proposalSentence(p: RuleProposalDto): string {
  const texts = accountingTexts();
  const values = RULE_FIELDS.filter((f) => p.actions[f].trim() !== '').map((f) => texts.proposalValue(f, p.actions[f].trim(), texts.fieldLabels[f]));
  return texts.proposal(proposalName(p), texts.list(values), Math.max(p.evidence.length, 2));
}

export function proposalBanner(p: RuleProposalDto, onAnswer: (accept: boolean) => void): HTMLElement {
  const texts = accountingTexts();
  const yes = h('button', { type: 'button', className: 'button primary', 'data-testid': 'proposal-yes' }, texts.yes);
  const no = h('button', { type: 'button', className: 'button', 'data-testid': 'proposal-no' }, texts.no);
  yes.addEventListener('click', () => onAnswer(true));
  no.addEventListener('click', () => onAnswer(false));
  return h(
    'div',
    { className: 'rule-proposal', role: 'group', 'data-testid': 'rule-proposal', 'data-key': p.key, 'aria-label': proposalSentence(p) },
    h('p', { 'data-testid': 'rule-proposal-text' }, proposalSentence(p)),
    h('div', { className: 'actions' }, yes, no),
  );
}

/** Sends the answer; the outcome in the user's words, or undefined when the call failed (the error box says why). */
export async function answerProposal(p: RuleProposalDto, accept: boolean, status?: HTMLElement): Promise<{ text: string; created: boolean } | undefined> {
  const texts = accountingTexts();
  const answer = await run(texts.answering, () => server.answerRuleProposal({ key: p.key, accept }), status);
  if (answer === undefined) return undefined;
  if (answer.status === 'created' && answer.rule !== null) return { text: texts.ruleCreated(answer.rule.id, answer.rule.name), created: true };
  if (answer.status === 'dismissed') return { text: texts.ruleDismissed(proposalName(p)), created: false };
  return { text: texts.ruleGone, created: false };
}
