/**
 * The settings page: how matching decides (similarity for invoice numbers with typos, amount tolerance in money and in
 * percent, partial payments) — stored with the spreadsheet, so everyone matches alike — and below it the bank profiles
 * (the existing profiles page, embedded). Between them the export target (lexoffice, bexio, DATEV, CSV) and the fields a
 * firm requires on top of what the target needs; each section saves its own part with `saveSettings`, together with
 * the other part as stored.
 *
 * Arguments: `{ createProfile: { draft, sample } }` opens the profile editor on a draft made from a file no profile fits
 * (the import page's "Create a profile from this file"); saving it goes back to the import page with
 * `{ readWith: { profileId, sample } }` so that the file is read with the new profile (shapes in ./page.ts).
 * `{ section: 'profiles' }` scrolls to the profiles.
 */
import { ACCOUNTING_FIELDS, type AccountingField } from '../../src/core/accounting/fields';
import type { ResponseOf } from '../../src/shared/contract';
import { forgetLists, loadLists } from '../accounting-lists';
import { h, replaceChildren } from '../dom';
import { currentLanguage, formatAmountInput, intlLocale, parseAmountInput } from '../i18n';
import { ProfilesPage } from '../profiles-page';
import { server } from '../server';
import { isBusy, run } from '../ui';
import { pageTexts } from '../texts/pages';
import { accountingTexts, type ExportTarget } from '../texts/accounting';
import { isCreateProfileArgument, type PageDeps, type ReadWithProfileArgument, type SidebarPage } from './page';

type Matching = ResponseOf<'getSettings'>['matching'];
type AccountingSettings = ResponseOf<'getSettings'>['accounting'];
const TARGETS: readonly ExportTarget[] = ['lexoffice', 'bexio', 'datev', 'csv'];

/** The limits of the contract's `matchSettingsDto`. */
const MAX_TOLERANCE_MINOR = 100_000;
const MAX_TOLERANCE_PERCENT = 10;
const MIN_THRESHOLD = 0.7;

// ---- numbers as the user types them ---------------------------------------------------------------------------------

interface Decimal {
  value: number;
  fractionDigits: number;
}

/**
 * "0,9", "0.90", "2,50 €", "1.000,00", "3,5 %" → the number and how many decimals were typed; null for anything else.
 * With both marks the last one is the decimal mark; with one kind only, it is the decimal mark unless it is the
 * language's thousands mark grouping exactly three digits ("1.000" in German).
 */
export function parseDecimal(text: string): Decimal | null {
  let s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/(€|EUR|%)$/i, '');
  if (s === '') return null;
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  let integer: string;
  let fraction = '';
  if (comma >= 0 && dot >= 0) {
    const decimal = comma > dot ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const at = s.lastIndexOf(decimal);
    integer = s.slice(0, at);
    fraction = s.slice(at + 1);
    if (!new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(integer)) return null;
    integer = integer.split(group).join('');
  } else {
    const group = currentLanguage() === 'de' ? '.' : ',';
    if (new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(s)) s = s.split(group).join('');
    const at = Math.max(s.lastIndexOf(','), s.lastIndexOf('.'));
    integer = at < 0 ? s : s.slice(0, at);
    fraction = at < 0 ? '' : s.slice(at + 1);
    if (at >= 0 && fraction === '') return null;
  }
  if (!/^\d*$/.test(integer) || !/^\d*$/.test(fraction) || integer + fraction === '') return null;
  return { value: Number(`${integer || '0'}.${fraction || '0'}`), fractionDigits: fraction.length };
}

function formatNumber(value: number, minDigits: number, maxDigits: number): string {
  return new Intl.NumberFormat(intlLocale(), { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits, useGrouping: false }).format(value);
}

/**
 * The tolerance is kept in minor units of whatever currency the statement has; the field shows and reads it with two
 * decimals, as euro cents (the sidebar's amount notation, strict like every other amount field).
 */
const TOLERANCE_CURRENCY = 'EUR';

type FieldName = 'threshold' | 'money' | 'percent';

/** The form's values checked against the contract's limits; every problem in words, with what was found. */
export function readMatchingForm(values: Record<FieldName, string>, partial: boolean): { matching: Matching | null; problems: Partial<Record<FieldName, string>> } {
  const texts = pageTexts();
  const problems: Partial<Record<FieldName, string>> = {};
  const threshold = parseDecimal(values.threshold);
  if (threshold === null || threshold.value < MIN_THRESHOLD || threshold.value > 1) problems.threshold = texts.badThreshold(values.threshold.trim());
  const minor = parseAmountInput(values.money.trim(), TOLERANCE_CURRENCY);
  if (minor === null || minor < 0 || minor > MAX_TOLERANCE_MINOR) problems.money = texts.badMoney(values.money.trim());
  const percent = parseDecimal(values.percent);
  if (percent === null || percent.value > MAX_TOLERANCE_PERCENT) problems.percent = texts.badPercent(values.percent.trim());
  if (Object.keys(problems).length > 0 || threshold === null || percent === null || minor === null) return { matching: null, problems };
  return {
    matching: { fuzzyThreshold: threshold.value, amountToleranceMinor: minor, amountTolerancePercent: percent.value, allowPartialPayments: partial },
    problems,
  };
}

// ---- the page ---------------------------------------------------------------------------------------------------------

export class SettingsPage implements SidebarPage {
  private readonly status: HTMLElement;
  private readonly form: HTMLFormElement;
  private readonly message: HTMLElement;
  private readonly inputs: Record<FieldName, HTMLInputElement>;
  private readonly errors: Record<FieldName, HTMLElement>;
  private readonly partial: HTMLInputElement;
  private readonly profilesSection: HTMLElement;
  private readonly profiles: ProfilesPage;
  private readonly exportSection: HTMLElement;
  private readonly exportMessage: HTMLElement;
  /** The settings as stored: each section saves its own part with the other part unchanged. */
  private stored: ResponseOf<'getSettings'> | null = null;
  /** The export form being edited: target, and the extra fields per target. */
  private exportDraft: { target: ExportTarget; extra: Map<ExportTarget, Set<AccountingField>> } | null = null;
  /** What each target requires by itself (without the firm's additions). */
  private baseRequired = new Map<ExportTarget, AccountingField[]>();

  constructor(
    container: HTMLElement,
    private readonly deps: PageDeps,
  ) {
    const texts = pageTexts();
    this.status = h('p', { className: 'status', role: 'status', 'aria-live': 'polite', 'data-testid': 'settings-status' });
    const field = (name: FieldName, label: string, hint: string, suffix: string): HTMLElement => {
      const id = `setting-${name}`;
      const input = h('input', {
        type: 'text',
        id,
        name,
        inputmode: 'decimal',
        autocomplete: 'off',
        spellcheck: 'false',
        'aria-describedby': `${id}-hint ${id}-error`,
        'data-testid': id,
      });
      const error = h('p', { className: 'field-error', id: `${id}-error`, 'data-testid': `${id}-error`, hidden: true });
      this.inputs[name] = input;
      this.errors[name] = error;
      return h(
        'div',
        { className: 'field', 'data-field': name },
        h('label', { for: id }, label),
        h('div', { className: 'input-suffix' }, input, suffix === '' ? null : h('span', { className: 'suffix', 'aria-hidden': 'true' }, suffix)),
        h('p', { className: 'hint', id: `${id}-hint` }, hint),
        error,
      );
    };
    this.inputs = {} as Record<FieldName, HTMLInputElement>;
    this.errors = {} as Record<FieldName, HTMLElement>;
    this.partial = h('input', { type: 'checkbox', id: 'setting-partial', 'aria-describedby': 'setting-partial-hint', 'data-testid': 'setting-partial' });
    this.message = h('p', { className: 'result-message', role: 'status', 'data-testid': 'settings-message', hidden: true });
    this.form = h(
      'form',
      { className: 'settings-form', 'data-testid': 'settings-form', novalidate: true },
      field('threshold', texts.threshold, texts.thresholdHint, ''),
      field('money', texts.toleranceMoney, texts.toleranceMoneyHint, ''),
      field('percent', texts.tolerancePercent, texts.tolerancePercentHint, '%'),
      h(
        'div',
        { className: 'field check' },
        h('label', { for: 'setting-partial' }, this.partial, texts.allowPartial),
        h('p', { className: 'hint', id: 'setting-partial-hint' }, texts.allowPartialHint),
      ),
      h('div', { className: 'actions' }, h('button', { type: 'submit', className: 'button primary', 'data-testid': 'settings-save' }, texts.saveSettings)),
      this.message,
    );
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.save();
    });
    this.exportMessage = h('p', { className: 'result-message', role: 'status', 'data-testid': 'settings-export-message', hidden: true });
    this.exportSection = h('div', { className: 'settings-export', 'data-testid': 'settings-export' });
    const profilesRoot = h('div', { className: 'settings-profiles', 'data-testid': 'settings-profiles' });
    this.profilesSection = h('section', { className: 'settings-section', id: 'settings-profiles', 'aria-label': texts.profilesSection }, profilesRoot);
    this.profiles = new ProfilesPage(profilesRoot, {
      // The import page reads the profile list whenever it is shown: nothing to pass on here.
      onListChanged: () => undefined,
      onSavedForImport: (profileId, sample) => {
        const argument: ReadWithProfileArgument = { readWith: { profileId, sample } };
        this.deps.navigate('import', argument);
      },
    });
    replaceChildren(
      container,
      h(
        'div',
        { className: 'page-settings', 'data-testid': 'settings-page', 'data-state': 'loading' },
        h('h1', {}, texts.settingsTitle),
        this.status,
        h(
          'section',
          { className: 'settings-section', 'aria-labelledby': 'settings-matching-title' },
          h('h2', { id: 'settings-matching-title' }, texts.matchingTitle),
          h('p', { className: 'hint intro' }, texts.matchingIntro),
          this.form,
        ),
        h(
          'section',
          { className: 'settings-section', 'aria-labelledby': 'settings-export-title' },
          h('h2', { id: 'settings-export-title' }, accountingTexts().exportTitle),
          h('p', { className: 'hint intro' }, accountingTexts().exportIntro),
          this.exportSection,
          this.exportMessage,
        ),
        this.profilesSection,
      ),
    );
  }

  async show(argument?: unknown): Promise<void> {
    const create = isCreateProfileArgument(argument) ? argument.createProfile : null;
    const toProfiles = create !== null || (typeof argument === 'object' && argument !== null && (argument as { section?: unknown }).section === 'profiles');
    for (let waited = 0; isBusy() && waited < 60_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    const loaded = await run(pageTexts().loading, () => Promise.all([server.getSettings({}), server.listProfiles({}), loadLists()]), this.status);
    if (loaded === undefined) return;
    const [settings, list, lists] = loaded;
    this.stored = settings;
    this.fill(settings.matching);
    this.baseRequired = new Map();
    for (const target of TARGETS) {
      const extra = settings.accounting.extraRequired.find((e) => e.target === target)?.fields ?? [];
      const all = lists?.required.find((r) => r.target === target)?.fields ?? [];
      this.baseRequired.set(target, all.filter((f) => !extra.includes(f)));
    }
    this.fillExport(settings.accounting);
    this.hideMessage();
    this.profiles.setList(list);
    if (create !== null) this.profiles.createFromFile(create.draft, create.sample);
    else this.profiles.showList();
    this.form.closest<HTMLElement>('.page-settings')!.dataset.state = 'ready';
    if (toProfiles) this.profilesSection.scrollIntoView({ block: 'start' });
  }

  // ---- export target -------------------------------------------------------------------------------------------------

  private fillExport(accounting: AccountingSettings): void {
    const extra = new Map<ExportTarget, Set<AccountingField>>();
    for (const target of TARGETS) extra.set(target, new Set(accounting.extraRequired.find((e) => e.target === target)?.fields ?? []));
    this.exportDraft = { target: accounting.target, extra };
    this.exportMessage.hidden = true;
    this.renderExport();
  }

  private renderExport(): void {
    const draft = this.exportDraft;
    if (draft === null) return;
    const texts = accountingTexts();
    const select = h('select', { id: 'setting-target', 'data-testid': 'setting-target' }, ...TARGETS.map((target) => h('option', { value: target }, texts.targetNames[target])));
    select.value = draft.target;
    select.addEventListener('change', () => {
      draft.target = select.value as ExportTarget;
      this.renderExport();
      this.exportSection.querySelector<HTMLElement>('#setting-target')?.focus();
    });
    const name = texts.targetNames[draft.target];
    const base = this.baseRequired.get(draft.target) ?? [];
    const extra = draft.extra.get(draft.target)!;
    const boxes = ACCOUNTING_FIELDS.map((field) => {
      const id = `setting-required-${field}`;
      const always = base.includes(field);
      const box = h('input', { type: 'checkbox', id, 'data-testid': 'setting-required', 'data-field': field, disabled: always });
      box.checked = always || extra.has(field);
      box.addEventListener('change', () => {
        if (box.checked) extra.add(field);
        else extra.delete(field);
      });
      return h(
        'div',
        { className: 'field check required-field' },
        h('label', { for: id }, box, h('span', {}, texts.fieldLabels[field], always ? h('span', { className: 'hint' }, ` (${texts.alwaysRequired(name)})`) : null)),
      );
    });
    const save = h('button', { type: 'button', className: 'button primary', 'data-testid': 'settings-export-save' }, texts.saveExport);
    save.addEventListener('click', () => void this.saveExport());
    replaceChildren(
      this.exportSection,
      h('div', { className: 'field' }, h('label', { for: 'setting-target' }, texts.targetLabel), select),
      h('fieldset', { className: 'required-fields', 'data-testid': 'setting-required-fields' }, h('legend', {}, texts.requiredLegend(name)), ...boxes),
      h('div', { className: 'actions' }, save),
    );
  }

  private async saveExport(): Promise<void> {
    const draft = this.exportDraft;
    if (draft === null || this.stored === null) return;
    const texts = accountingTexts();
    this.exportMessage.hidden = true;
    const accounting: AccountingSettings = {
      target: draft.target,
      extraRequired: TARGETS.map((target) => ({ target, fields: ACCOUNTING_FIELDS.filter((f) => draft.extra.get(target)!.has(f) && !(this.baseRequired.get(target) ?? []).includes(f)) })).filter(
        (e) => e.fields.length > 0,
      ),
    };
    const saved = await run(pageTexts().saving, () => server.saveSettings({ matching: this.stored!.matching, accounting }), this.status);
    if (saved === undefined) return;
    this.stored = saved;
    // The dropdowns' lists carry the target and what it requires: asked for again when next needed.
    forgetLists();
    this.fillExport(saved.accounting);
    this.exportMessage.className = 'result-message success';
    this.exportMessage.textContent = texts.exportSaved;
    this.exportMessage.hidden = false;
  }

  private fill(matching: Matching): void {
    this.inputs.threshold.value = formatNumber(matching.fuzzyThreshold, 2, 4);
    this.inputs.money.value = formatAmountInput(matching.amountToleranceMinor, TOLERANCE_CURRENCY);
    this.inputs.percent.value = formatNumber(matching.amountTolerancePercent, 0, 2);
    this.partial.checked = matching.allowPartialPayments;
    for (const name of Object.keys(this.inputs) as FieldName[]) this.showProblem(name, undefined);
  }

  private showProblem(name: FieldName, problem: string | undefined): void {
    const input = this.inputs[name];
    const error = this.errors[name];
    error.textContent = problem ?? '';
    error.hidden = problem === undefined;
    input.closest('.field')?.classList.toggle('invalid', problem !== undefined);
    if (problem === undefined) input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', 'true');
  }

  private hideMessage(): void {
    this.message.hidden = true;
    this.message.textContent = '';
  }

  private async save(): Promise<void> {
    const texts = pageTexts();
    this.hideMessage();
    const { matching, problems } = readMatchingForm(
      { threshold: this.inputs.threshold.value, money: this.inputs.money.value, percent: this.inputs.percent.value },
      this.partial.checked,
    );
    for (const name of Object.keys(this.inputs) as FieldName[]) this.showProblem(name, problems[name]);
    if (matching === null) {
      this.message.className = 'result-message warning';
      this.message.textContent = texts.fixFields;
      this.message.hidden = false;
      const first = (Object.keys(this.inputs) as FieldName[]).find((name) => problems[name] !== undefined);
      if (first !== undefined) this.inputs[first].focus();
      return;
    }
    const accounting = this.stored?.accounting ?? { target: 'lexoffice', extraRequired: [] };
    const saved = await run(texts.saving, () => server.saveSettings({ matching, accounting }), this.status);
    if (saved === undefined) return;
    this.stored = saved;
    this.fill(saved.matching);
    this.message.className = 'result-message success';
    this.message.textContent = texts.settingsSaved;
    this.message.hidden = false;
  }
}
