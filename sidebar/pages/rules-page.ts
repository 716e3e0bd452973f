/**
 * The rules page: the "Rules" sheet as an ordered list (for each field the first matching rule that sets it wins — the
 * page says so at the top), each rule a card with its name, an active switch, its conditions → actions in one line, how
 * it meets the transactions in the sheet ("matches 14 transactions; GL account: R2 first for 3") and its problems in
 * red. Rules move up and down, are edited in place, deleted and added; nothing is written until "Save rules", which
 * the server refuses (and writes nothing) while a rule has a problem. The list is checked after each change, debounced.
 *
 * Every name, pattern and purpose is put in as text (dom.ts h()): a rule named `=HYPERLINK("x")` stays those characters.
 */
import { ACCOUNTING_FIELDS, type AccountingField } from '../../src/core/accounting/fields';
import { noConditions } from '../../src/core/accounting/rules';
import type { RuleDto, RuleProposalDto, RuleUsageDto } from '../../src/shared/accounting-dto';
import type { ResponseOf } from '../../src/shared/contract';
import { loadLists, onLists } from '../accounting-lists';
import { h, replaceChildren } from '../dom';
import { server } from '../server';
import { accountingTexts, type ConditionField } from '../texts/accounting';
import { isBusy, run, showError } from '../ui';
import { emptyAccounting } from '../views/accounting-fields';
import { RuleEditor } from '../views/rule-editor';
import { ruleSummary } from '../views/rule-fields';
import { answerProposal, proposalBanner } from '../views/rule-proposals';
import type { PageDeps, SidebarPage } from './page';

type Problem = ResponseOf<'checkRules'>['problems'][number];

/** What the last check said about one rule. */
interface RuleInfo {
  problems: Problem[];
  usage: RuleUsageDto | null;
}

interface CardRefs {
  usage: HTMLElement;
  problems: HTMLElement;
  summary: HTMLElement;
  name: HTMLElement;
}

interface Notice {
  text: string;
  tone: 'success' | 'info' | 'warning' | 'error';
}

/** Enough to type a word without a round trip per letter, soon enough to feel live. */
const CHECK_DELAY_MS = 600;

function problemLabel(field: string): string {
  const texts = accountingTexts();
  const conditions = texts.conditionLabels as Record<string, string>;
  if (field in conditions) return conditions[field]!;
  if (field === 'amountFrom') return texts.conditionLabels.amountFromMinor;
  if (field === 'amountTo') return texts.conditionLabels.amountToMinor;
  if ((ACCOUNTING_FIELDS as readonly string[]).includes(field)) return texts.fieldLabels[field as AccountingField];
  return field === 'rule' || field === '' ? texts.ruleField : field;
}

/** The editor's boxes are named by the contract's keys; the sheet reader may name the columns' keys. */
function editorField(field: string): ConditionField | string {
  return field === 'amountFrom' ? 'amountFromMinor' : field === 'amountTo' ? 'amountToMinor' : field;
}

function newRule(): RuleDto {
  return {
    id: '',
    active: true,
    name: accountingTexts().newRuleName,
    conditions: noConditions(),
    actions: emptyAccounting(),
    origin: 'manual',
  };
}

const copy = (rules: readonly RuleDto[]): RuleDto[] => rules.map((r) => ({ ...r, conditions: { ...r.conditions }, actions: { ...r.actions } }));

export class RulesPage implements SidebarPage {
  private readonly title = h('h1', {});
  private readonly intro = h('p', { className: 'notice rules-intro', 'data-testid': 'rules-intro' });
  private readonly status = h('p', { className: 'status', role: 'status', 'aria-live': 'polite', 'data-testid': 'rules-status' });
  private readonly notice = h('div', { className: 'result-message', role: 'status', 'aria-live': 'polite', 'data-testid': 'rules-notice', hidden: true });
  private readonly proposalsBox = h('div', { className: 'rule-proposals', 'data-testid': 'rules-proposals' });
  private readonly sheetProblems = h('div', { 'data-testid': 'rules-sheet-problems' });
  private readonly list = h('ol', { className: 'rule-list', 'data-testid': 'rule-list' });
  private readonly empty = h('p', { className: 'muted', 'data-testid': 'rules-empty', hidden: true });
  private readonly newButton = h('button', { type: 'button', className: 'button', 'data-testid': 'rules-new' });
  private readonly checkButton = h('button', { type: 'button', className: 'button', 'data-testid': 'rules-check' });
  private readonly saveButton = h('button', { type: 'button', className: 'button primary', 'data-testid': 'rules-save' });
  private readonly state = h('span', { className: 'rules-state', 'data-testid': 'rules-state', 'aria-live': 'polite' });
  private readonly body = h('div', { className: 'rules-body', 'data-testid': 'rules-body', 'data-state': 'loading' });

  private rules: RuleDto[] = [];
  private info = new WeakMap<RuleDto, RuleInfo>();
  private refs = new Map<RuleDto, CardRefs>();
  private sheetLevel: Problem[] = [];
  private proposals: RuleProposalDto[] = [];
  private editing: RuleDto | null = null;
  private editor: RuleEditor | null = null;
  private dirty = false;
  private loaded = false;
  private message: Notice | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Answers of live checks arrive in any order: only the newest counts. */
  private checkSeq = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly deps: PageDeps,
  ) {
    this.newButton.addEventListener('click', () => this.add());
    this.checkButton.addEventListener('click', () => void this.check(true));
    this.saveButton.addEventListener('click', () => void this.save());
    replaceChildren(
      root,
      h(
        'div',
        { className: 'page-rules', 'data-testid': 'rules-page' },
        this.title,
        this.intro,
        this.status,
        this.notice,
        this.proposalsBox,
        this.body,
      ),
    );
    replaceChildren(
      this.body,
      this.sheetProblems,
      this.empty,
      this.list,
      h('div', { className: 'actions' }, this.newButton),
      h('div', { className: 'rules-bar', 'data-testid': 'rules-bar' }, this.state, h('div', { className: 'rules-bar-buttons' }, this.checkButton, this.saveButton)),
    );
    onLists(() => this.editor?.refreshNames());
  }

  async show(): Promise<void> {
    const texts = accountingTexts();
    this.title.textContent = texts.rulesTitle;
    this.intro.textContent = texts.rulesIntro;
    this.newButton.textContent = `+ ${texts.newRule}`;
    this.checkButton.textContent = texts.check;
    this.saveButton.textContent = texts.saveRules;
    for (let waited = 0; isBusy() && waited < 60_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    // Unsaved edits are kept when the user looks at another page and comes back.
    if (this.loaded && this.dirty) {
      this.render();
      return;
    }
    const loaded = await run(texts.loading, () => Promise.all([server.listRules({}), loadLists()]), this.status);
    if (loaded === undefined) return;
    const [answer] = loaded;
    this.loaded = true;
    this.setRules(answer.rules);
    this.applyCheck(this.rules, answer.problems, answer.usage);
    this.proposals = answer.proposals;
    this.dirty = false;
    this.editing = null;
    this.render();
    this.body.dataset.state = 'ready';
  }

  private setRules(rules: readonly RuleDto[]): void {
    this.rules = copy(rules);
    this.info = new WeakMap();
  }

  /** Problems and usage by position in the list that was checked (the list may have changed meanwhile). */
  private applyCheck(sent: readonly RuleDto[], problems: readonly Problem[], usage: readonly RuleUsageDto[]): void {
    this.sheetLevel = problems.filter((p) => p.position < 1 || p.position > sent.length);
    sent.forEach((rule, i) => {
      this.info.set(rule, {
        problems: problems.filter((p) => p.position === i + 1),
        usage: usage.find((u) => u.position === i + 1) ?? null,
      });
    });
  }

  // ---- drawing ---------------------------------------------------------------------------------------------------------

  private render(): void {
    const texts = accountingTexts();
    this.renderNotice();
    replaceChildren(this.proposalsBox, ...this.proposals.map((p) => proposalBanner(p, (accept) => void this.answer(p, accept))));
    replaceChildren(
      this.sheetProblems,
      this.sheetLevel.length === 0
        ? null
        : h('div', { className: 'notice warning' }, h('p', {}, texts.sheetProblems), h('ul', { className: 'rule-problems' }, ...this.sheetLevel.map((p) => h('li', { 'data-testid': 'rules-sheet-problem' }, p.message)))),
    );
    this.empty.textContent = texts.noRules;
    this.empty.hidden = this.rules.length > 0;
    this.refs = new Map();
    this.editor = null;
    replaceChildren(this.list, ...this.rules.map((rule, i) => this.card(rule, i)));
    this.renderState();
  }

  private renderNotice(): void {
    const m = this.message;
    this.notice.hidden = m === null;
    if (m === null) return replaceChildren(this.notice);
    this.notice.className = `result-message ${m.tone}`;
    replaceChildren(this.notice, h('span', { 'data-testid': 'rules-notice-text' }, m.text));
  }

  private renderState(): void {
    const texts = accountingTexts();
    this.state.textContent = this.dirty ? texts.unsaved : this.loaded ? texts.allSaved : '';
    this.state.classList.toggle('dirty', this.dirty);
  }

  private card(rule: RuleDto, index: number): HTMLElement {
    const texts = accountingTexts();
    const label = rule.name.trim() === '' ? texts.noName : rule.name;
    const active = h('input', { type: 'checkbox', id: `rule-active-${index}`, 'data-testid': 'rule-active', 'data-index': index });
    active.checked = rule.active;
    active.addEventListener('change', () => {
      rule.active = active.checked;
      this.changed(true);
    });
    const button = (testId: string, text: string, aria: string, action: () => void, disabled = false): HTMLButtonElement => {
      const b = h('button', { type: 'button', className: 'icon-text-button', 'data-testid': testId, 'data-index': index, 'aria-label': aria, title: aria, disabled }, text);
      b.addEventListener('click', action);
      return b;
    };
    const editingThis = this.editing === rule;
    const name = h('span', { className: 'rule-name', 'data-testid': 'rule-card-name' }, label);
    const summaryText = h('span', { className: 'rule-summary', 'data-testid': 'rule-summary' });
    const usage = h('p', { className: 'rule-usage', 'data-testid': 'rule-usage' });
    const problems = h('ul', { className: 'rule-problems', 'data-testid': 'rule-problems' });
    this.refs.set(rule, { usage, problems, summary: summaryText, name });
    const editor = editingThis ? new RuleEditor(rule, String(index), { changed: () => this.changed(false) }) : null;
    if (editor !== null) this.editor = editor;
    const card = h(
      'li',
      { className: `card rule-card${rule.active ? '' : ' inactive'}${editingThis ? ' editing' : ''}`, 'data-testid': 'rule-card', 'data-index': index, 'data-id': rule.id },
      h(
        'div',
        { className: 'rule-head' },
        h('span', { className: 'rule-position', 'aria-hidden': 'true' }, String(index + 1)),
        h('span', { className: 'rule-title' }, name, rule.id === '' ? null : h('span', { className: 'badge', 'data-testid': 'rule-id' }, rule.id)),
        h('label', { className: 'rule-active', for: `rule-active-${index}`, title: texts.active }, active, h('span', {}, rule.active ? texts.active : texts.inactive)),
      ),
      summaryText,
      usage,
      problems,
      rule.origin === '' || rule.origin === 'manual' ? null : h('p', { className: 'hint rule-origin', 'data-testid': 'rule-origin' }, texts.origin(rule.origin)),
      h(
        'div',
        { className: 'rule-buttons' },
        button('rule-up', '↑', texts.moveUp(label), () => this.move(index, -1), index === 0),
        button('rule-down', '↓', texts.moveDown(label), () => this.move(index, 1), index === this.rules.length - 1),
        button('rule-edit', editingThis ? texts.close : texts.edit, editingThis ? texts.close : `${texts.edit}: ${label}`, () => this.toggleEdit(rule)),
        button('rule-delete', texts.delete, `${texts.delete}: ${label}`, () => this.remove(index)),
      ),
      editor?.element,
    );
    this.updateCard(rule);
    return card;
  }

  /** Summary, usage and problems of one card, in place (the form being typed in is left alone). */
  private updateCard(rule: RuleDto): void {
    const refs = this.refs.get(rule);
    if (refs === undefined) return;
    const texts = accountingTexts();
    const summary = ruleSummary(rule);
    replaceChildren(refs.summary, summary.conditions, h('span', { className: 'rule-arrow' }, ' → '), summary.actions);
    refs.name.textContent = rule.name.trim() === '' ? texts.noName : rule.name;
    const info = this.info.get(rule);
    const usage = info?.usage ?? null;
    refs.usage.textContent =
      usage !== null
        ? [texts.usage(usage.matches), ...usage.shadowed.map((s) => texts.shadowed(texts.fieldLabels[s.field], s.byRuleId, s.count))].join('; ')
        : !rule.active
          ? texts.usageInactive
          : info === undefined
            ? texts.noUsageYet
            : texts.usageLeftOut;
    refs.usage.classList.toggle('muted', usage === null);
    const local = this.editing === rule && this.editor !== null ? this.editor.localProblems() : [];
    const problems = [...local.map((p) => ({ field: p.field as string, message: p.message })), ...(info?.problems ?? [])];
    replaceChildren(refs.problems, ...problems.map((p) => h('li', { className: 'rule-problem', 'data-testid': 'rule-problem', 'data-field': p.field }, texts.problem(problemLabel(p.field), p.message))));
    refs.problems.hidden = problems.length === 0;
    if (this.editing === rule) this.editor?.showProblems((info?.problems ?? []).map((p) => ({ field: editorField(p.field), message: p.message })));
  }

  // ---- changes ---------------------------------------------------------------------------------------------------------

  /** Something changed: not saved any more, checked again soon. `redraw` for changes of the list's shape. */
  private changed(redraw: boolean): void {
    this.dirty = true;
    this.message = null;
    this.renderNotice();
    if (redraw) this.render();
    else {
      if (this.editing !== null) this.updateCard(this.editing);
      this.renderState();
    }
    this.scheduleCheck();
  }

  private add(): void {
    if (isBusy()) return;
    const rule = newRule();
    this.rules.push(rule);
    this.editing = rule;
    this.changed(true);
    this.editor?.focusName();
    this.editor?.element.closest('li')?.scrollIntoView({ block: 'start' });
  }

  private move(index: number, step: number): void {
    const to = index + step;
    if (isBusy() || to < 0 || to >= this.rules.length) return;
    const [rule] = this.rules.splice(index, 1);
    this.rules.splice(to, 0, rule!);
    this.changed(true);
    // The focus follows the rule, on the same button (or the other one at the end of the list).
    const testId = step < 0 ? (to === 0 ? 'rule-down' : 'rule-up') : to === this.rules.length - 1 ? 'rule-up' : 'rule-down';
    this.list.querySelector<HTMLElement>(`[data-testid="${testId}"][data-index="${to}"]`)?.focus();
  }

  private remove(index: number): void {
    if (isBusy()) return;
    const [rule] = this.rules.splice(index, 1);
    if (rule === this.editing) this.editing = null;
    this.changed(true);
    const next = this.list.querySelector<HTMLElement>(`[data-testid="rule-edit"][data-index="${Math.min(index, this.rules.length - 1)}"]`);
    (next ?? this.newButton).focus();
  }

  private toggleEdit(rule: RuleDto): void {
    this.editing = this.editing === rule ? null : rule;
    this.render();
    const index = this.rules.indexOf(rule);
    if (this.editing === rule) this.editor?.focusName();
    else this.list.querySelector<HTMLElement>(`[data-testid="rule-edit"][data-index="${index}"]`)?.focus();
  }

  private scheduleCheck(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.check(false);
    }, CHECK_DELAY_MS);
  }

  /**
   * Asks the server what it thinks of the list as it is now. The live check runs without the busy state (which would
   * disable the box being typed in); the "Check" button runs with it.
   */
  private async check(explicit: boolean): Promise<void> {
    const texts = accountingTexts();
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const sent = [...this.rules];
    const seq = ++this.checkSeq;
    const request = { rules: copy(sent) };
    let answer: ResponseOf<'checkRules'> | undefined;
    if (explicit) answer = await run(texts.checking, () => server.checkRules(request), this.status);
    else {
      try {
        answer = await server.checkRules(request);
      } catch (error) {
        if (seq === this.checkSeq) showError(error);
        return;
      }
    }
    if (answer === undefined || seq !== this.checkSeq) return;
    this.applyCheck(sent, answer.problems, answer.usage);
    for (const rule of this.rules) this.updateCard(rule);
    this.renderSheetProblems();
  }

  private renderSheetProblems(): void {
    const texts = accountingTexts();
    replaceChildren(
      this.sheetProblems,
      this.sheetLevel.length === 0
        ? null
        : h('div', { className: 'notice warning' }, h('p', {}, texts.sheetProblems), h('ul', { className: 'rule-problems' }, ...this.sheetLevel.map((p) => h('li', { 'data-testid': 'rules-sheet-problem' }, p.message)))),
    );
  }

  private async save(): Promise<void> {
    const texts = accountingTexts();
    const local = this.editor?.localProblems() ?? [];
    if (local.length > 0) {
      this.message = { text: texts.rulesInvalid(local.length), tone: 'warning' };
      this.renderNotice();
      if (this.editing !== null) this.updateCard(this.editing);
      return;
    }
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.checkSeq++;
    const sent = [...this.rules];
    const answer = await run(texts.savingRules, () => server.saveRules({ rules: copy(sent) }), this.status);
    if (answer === undefined) return;
    if (answer.status === 'invalid') {
      this.applyCheck(sent, answer.problems, this.rules.map((r) => this.info.get(r)?.usage ?? null).filter((u): u is RuleUsageDto => u !== null));
      this.message = { text: texts.rulesInvalid(answer.problems.length), tone: 'error' };
      this.renderNotice();
      for (const rule of this.rules) this.updateCard(rule);
      this.renderSheetProblems();
      const first = answer.problems.find((p) => p.position >= 1 && p.position <= sent.length);
      if (first !== undefined && this.editing !== sent[first.position - 1]) {
        // The first rule at fault opens, so its fields show what to correct.
        this.editing = sent[first.position - 1]!;
        this.render();
      }
      return;
    }
    const editingAt = this.editing === null ? -1 : this.rules.indexOf(this.editing);
    this.setRules(answer.rules);
    this.applyCheck(this.rules, [], answer.usage);
    this.dirty = false;
    this.editing = editingAt >= 0 ? (this.rules[editingAt] ?? null) : null;
    this.message = { text: texts.rulesSaved(answer.rules.length), tone: 'success' };
    this.render();
  }

  private async answer(p: RuleProposalDto, accept: boolean): Promise<void> {
    if (this.dirty && accept) {
      // A new rule is appended to the sheet: unsaved edits here would overwrite it. Save them first.
      await this.save();
      if (this.dirty) return;
    }
    const outcome = await answerProposal(p, accept, this.status);
    if (outcome === undefined) return;
    this.proposals = this.proposals.filter((q) => q.key !== p.key);
    if (outcome.created) {
      this.dirty = false;
      this.loaded = false;
      await this.show();
    }
    this.message = { text: outcome.text, tone: outcome.created ? 'success' : 'info' };
    this.render();
  }
}
