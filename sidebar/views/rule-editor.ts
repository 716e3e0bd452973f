/**
 * The form of one rule: its name, every condition (counterparty equals / contains, IBAN, purpose contains, purpose
 * pattern, amount from / to, direction, card or account) and every field it may set, with the same dropdowns as a
 * booking. It changes the rule in place and tells the page after each change (the page checks the list, debounced).
 *
 * Amounts are typed in the user's notation and kept as minor units; text that is not an amount stays in its box, marked
 * red, and the page will not save until it is one. Problems the server found are shown under the field they name.
 */
import type { RuleDto } from '../../src/shared/accounting-dto';
import { h } from '../dom';
import { formatAmountInput, parseAmountInput } from '../i18n';
import { accountingTexts, type ConditionField } from '../texts/accounting';
import { AccountingFields } from './accounting-fields';
import { RULE_CURRENCY, RULE_FIELDS } from './rule-fields';

type TextCondition = 'counterpartyEquals' | 'counterpartyContains' | 'iban' | 'purposeContains' | 'purposePattern' | 'cardOrAccount';
type AmountCondition = 'amountFromMinor' | 'amountToMinor';

export interface RuleEditorHooks {
  changed(): void;
}

export class RuleEditor {
  readonly element: HTMLElement;
  private readonly errors = new Map<string, HTMLElement>();
  private readonly fieldBoxes = new Map<string, HTMLElement>();
  /** Amount boxes whose text is not an amount: field → the text. */
  private readonly badAmounts = new Map<AmountCondition, string>();
  private readonly actions: AccountingFields;

  constructor(
    private readonly rule: RuleDto,
    private readonly key: string,
    private readonly hooks: RuleEditorHooks,
  ) {
    const texts = accountingTexts();
    const id = (name: string) => `rule-${key}-${name}`;
    const name = h('input', { type: 'text', id: id('name'), autocomplete: 'off', 'data-testid': 'rule-name', maxlength: 100 });
    name.value = rule.name;
    name.addEventListener('input', () => {
      rule.name = name.value;
      hooks.changed();
    });
    const text = (field: TextCondition, hint?: string, max = 200): HTMLElement => {
      const input = h('input', { type: 'text', id: id(field), autocomplete: 'off', spellcheck: 'false', 'data-testid': `rule-${field}`, maxlength: max, 'aria-describedby': `${id(field)}-error` });
      input.value = rule.conditions[field];
      input.addEventListener('input', () => {
        rule.conditions[field] = input.value;
        hooks.changed();
      });
      return this.box(field, texts.conditionLabels[field], id(field), input, hint);
    };
    const amount = (field: AmountCondition): HTMLElement => {
      const input = h('input', { type: 'text', id: id(field), autocomplete: 'off', inputmode: 'decimal', 'data-testid': `rule-${field}`, 'aria-describedby': `${id(field)}-error` });
      const minor = rule.conditions[field];
      input.value = minor === null ? '' : formatAmountInput(minor, RULE_CURRENCY);
      input.addEventListener('input', () => {
        const typed = input.value.trim();
        const parsed = typed === '' ? null : parseAmountInput(typed.replace(/^[-+]/, ''), RULE_CURRENCY);
        if (typed !== '' && parsed === null) {
          this.badAmounts.set(field, typed);
        } else {
          this.badAmounts.delete(field);
          rule.conditions[field] = parsed;
        }
        this.showLocalProblems();
        hooks.changed();
      });
      return this.box(field, texts.conditionLabels[field], id(field), h('div', { className: 'amount-input' }, input, h('span', { className: 'currency' }, RULE_CURRENCY)));
    };
    const direction = h(
      'select',
      { id: id('direction'), 'data-testid': 'rule-direction' },
      ...(['any', 'in', 'out'] as const).map((d) => h('option', { value: d }, texts.directions[d])),
    );
    direction.value = rule.conditions.direction;
    direction.addEventListener('change', () => {
      rule.conditions.direction = direction.value as RuleDto['conditions']['direction'];
      hooks.changed();
    });
    this.actions = new AccountingFields({
      id: id('action'),
      testId: 'rule-action',
      data: rule.actions,
      fields: RULE_FIELDS,
      onChange: () => hooks.changed(),
    });
    this.element = h(
      'div',
      { className: 'rule-editor', 'data-testid': 'rule-editor' },
      this.box('name', texts.nameLabel, id('name'), name),
      h(
        'fieldset',
        { className: 'rule-group' },
        h('legend', {}, texts.conditionsLegend),
        h('p', { className: 'hint' }, texts.conditionsHint),
        text('counterpartyEquals'),
        text('counterpartyContains'),
        text('iban', undefined, 50),
        text('purposeContains'),
        text('purposePattern', texts.patternHint, 300),
        h('div', { className: 'part-pair' }, amount('amountFromMinor'), amount('amountToMinor')),
        h('p', { className: 'hint rule-amount-hint' }, texts.amountHint),
        this.box('direction', texts.conditionLabels.direction, id('direction'), direction),
        text('cardOrAccount', texts.cardHint, 50),
      ),
      h('fieldset', { className: 'rule-group' }, h('legend', {}, texts.actionsLegend), h('p', { className: 'hint' }, texts.actionsHint), this.actions.element),
    );
  }

  focusName(): void {
    this.element.querySelector<HTMLInputElement>('[data-testid="rule-name"]')?.focus();
  }

  refreshNames(): void {
    this.actions.refreshNames();
  }

  /** Amount boxes holding text that is not an amount: the rule cannot be saved so. */
  localProblems(): Array<{ field: AmountCondition; message: string }> {
    const texts = accountingTexts();
    return [...this.badAmounts].map(([field, typed]) => ({ field, message: texts.badAmount(typed, formatAmountInput(123456, RULE_CURRENCY)) }));
  }

  /** The server's problems of this rule (field → message), shown under their fields together with the local ones. */
  showProblems(problems: ReadonlyArray<{ field: string; message: string }>): void {
    const all = [...this.localProblems(), ...problems];
    for (const [field, error] of this.errors) {
      const messages = all.filter((p) => p.field === field).map((p) => p.message);
      error.textContent = messages.join(' ');
      error.hidden = messages.length === 0;
      const box = this.fieldBoxes.get(field);
      box?.classList.toggle('invalid', messages.length > 0);
      const control = box?.querySelector('input, select');
      if (messages.length > 0) control?.setAttribute('aria-invalid', 'true');
      else control?.removeAttribute('aria-invalid');
    }
    this.lastServerProblems = problems;
  }

  private lastServerProblems: ReadonlyArray<{ field: string; message: string }> = [];

  private showLocalProblems(): void {
    this.showProblems(this.lastServerProblems);
  }

  private box(field: ConditionField | 'name', label: string, forId: string, control: HTMLElement, hint?: string): HTMLElement {
    const error = h('p', { className: 'field-error', id: `${forId}-error`, 'data-testid': `rule-error-${field}`, hidden: true });
    this.errors.set(field, error);
    const box = h('div', { className: 'field', 'data-field': field }, h('label', { for: forId }, label), control, hint === undefined ? null : h('p', { className: 'hint' }, hint), error);
    this.fieldBoxes.set(field, box);
    return box;
  }
}
