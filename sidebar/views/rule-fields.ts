/**
 * What a rule is made of, as the editor shows it: the fields a rule may set (receipts belong to one booking, so never a
 * rule's — the "Rules" sheet has no column for them), and a rule in one line of words: conditions → actions.
 */
import type { AccountingField } from '../../src/core/accounting/fields';
import type { RuleDto } from '../../src/shared/accounting-dto';
import { formatAmountInput } from '../i18n';
import { accountingTexts } from '../texts/accounting';

/** The accounting fields a rule may set, in the order of the "Rules" sheet's columns. */
export const RULE_FIELDS: readonly AccountingField[] = ['glAccount', 'taxRate', 'partner', 'costCentre', 'costObject', 'comment'];

/** Rule amounts are in the workbook's currency; the sidebar writes them as euro amounts (two decimals). */
export const RULE_CURRENCY = 'EUR';

/** `counterparty contains "Telekom" · money out → GL account 4920, Tax rate 19 %`. */
export function ruleSummary(rule: RuleDto): { conditions: string; actions: string } {
  const texts = accountingTexts();
  const c = rule.conditions;
  const money = (minor: number) => formatAmountInput(minor, RULE_CURRENCY);
  const conditions = [
    c.counterpartyEquals.trim() === '' ? '' : texts.condEquals(c.counterpartyEquals.trim()),
    c.counterpartyContains.trim() === '' ? '' : texts.condContains(c.counterpartyContains.trim()),
    c.iban.trim() === '' ? '' : texts.condIban(c.iban.trim()),
    c.purposeContains.trim() === '' ? '' : texts.condPurpose(c.purposeContains.trim()),
    c.purposePattern === '' ? '' : texts.condPattern(c.purposePattern),
    c.amountFromMinor !== null && c.amountToMinor !== null
      ? texts.condBetween(money(c.amountFromMinor), money(c.amountToMinor))
      : c.amountFromMinor !== null
        ? texts.condFrom(money(c.amountFromMinor))
        : c.amountToMinor !== null
          ? texts.condTo(money(c.amountToMinor))
          : '',
    c.cardOrAccount.trim() === '' ? '' : texts.condCard(c.cardOrAccount.trim()),
  ].filter((x) => x !== '');
  // A direction alone restricts, but matches nothing by itself: the server says so in the rule's problems.
  const direction = texts.directionWords[c.direction];
  const conditionText = conditions.length === 0 ? texts.noCondition : [...conditions, direction].filter((x) => x !== '').join(' · ');
  const actions = RULE_FIELDS.filter((f) => rule.actions[f].trim() !== '').map((f) =>
    f === 'taxRate' ? `${texts.fieldLabels[f]} ${rule.actions[f].trim()} %` : `${texts.fieldLabels[f]} ${rule.actions[f].trim()}`,
  );
  return { conditions: conditionText, actions: actions.length === 0 ? texts.noAction : actions.join(', ') };
}
