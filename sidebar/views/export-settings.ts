/**
 * The export settings of the spreadsheet, in a section that opens on demand at the foot of the export page. It shows what
 * the chosen target uses: the bank's GL account (DATEV's Gegenkonto, bexio's bank account); for DATEV the consultant and
 * client numbers, the fiscal year's first month, the length of GL accounts, SKR 03 or 04, one file per month, quarter or
 * year, and the batch lock (Festschreibung); for CSV the format; for lexoffice the voucher types of money in and out.
 * The settings are read when the section is first opened and saved as a whole; the page checks its list again after.
 */
import type { ExportSettingsDto, ResponseOf } from '../../src/shared/contract';
import { h, replaceChildren } from '../dom';
import { server } from '../server';
import { exportTexts, monthNames, type ExportTarget, type Period, type VoucherType } from '../texts/export';
import { isBusy, run } from '../ui';
import { targetName } from './accounting-readout';

type Loaded = ResponseOf<'getExportSettings'>;
type TextField = 'bankAccount' | 'consultantNumber' | 'clientNumber';

const VOUCHER_TYPES: readonly VoucherType[] = ['salesinvoice', 'salescreditnote', 'purchaseinvoice', 'purchasecreditnote'];
const PERIODS: readonly Period[] = ['month', 'quarter', 'year'];
const ACCOUNT_LENGTHS = [4, 5, 6, 7, 8];

/** The checks the server makes too (saveExportSettings), here so that the field in question is marked at once. */
export function settingsProblems(s: ExportSettingsDto): Partial<Record<TextField, string>> {
  const texts = exportTexts();
  const problems: Partial<Record<TextField, string>> = {};
  const consultant = s.datev.consultantNumber;
  if (consultant !== '' && !(/^\d{4,7}$/.test(consultant) && Number(consultant) >= 1001)) problems.consultantNumber = texts.badConsultant(consultant);
  const client = s.datev.clientNumber;
  if (client !== '' && !(/^\d{1,5}$/.test(client) && Number(client) >= 1)) problems.clientNumber = texts.badClient(client);
  if (!/^\d{1,9}$/.test(s.bankAccount.trim())) problems.bankAccount = texts.badBankAccount(s.bankAccount);
  return problems;
}

const copy = (s: ExportSettingsDto): ExportSettingsDto => ({
  bankAccount: s.bankAccount,
  datev: { ...s.datev },
  csv: { ...s.csv },
  lexoffice: { voucherTypes: { ...s.lexoffice.voucherTypes } },
});

export class ExportSettingsView {
  readonly element: HTMLDetailsElement;
  private readonly body = h('div', { className: 'export-settings-body', 'data-testid': 'export-settings-body' });
  private readonly message = h('p', { className: 'result-message', role: 'status', 'aria-live': 'polite', 'data-testid': 'export-settings-message', hidden: true });
  private loaded: Loaded | null = null;
  private draft: ExportSettingsDto | null = null;
  private problems: Partial<Record<TextField, string>> = {};

  constructor(
    private target: ExportTarget,
    private readonly status: HTMLElement,
    private readonly onSaved: () => Promise<void>,
  ) {
    this.element = h(
      'details',
      { className: 'editor-section export-settings', 'data-testid': 'export-settings' },
      h('summary', { 'data-testid': 'export-settings-summary' }, exportTexts().settingsTitle),
      this.body,
      this.message,
    );
    this.element.addEventListener('toggle', () => {
      if (this.element.open && this.loaded === null) void this.load();
    });
  }

  setTarget(target: ExportTarget): void {
    this.target = target;
    this.message.hidden = true;
    this.render();
  }

  private async load(): Promise<void> {
    for (let waited = 0; isBusy() && waited < 60_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    const answer = await run(exportTexts().loading, () => server.getExportSettings({}), this.status);
    if (answer === undefined) {
      const again = h('button', { type: 'button', className: 'button', 'data-testid': 'export-settings-retry' }, exportTexts().tryAgain);
      again.addEventListener('click', () => void this.load());
      replaceChildren(this.body, again);
      return;
    }
    this.loaded = answer;
    this.draft = copy(answer.settings);
    this.render();
  }

  private render(): void {
    const draft = this.draft;
    const loaded = this.loaded;
    if (draft === null || loaded === null) return;
    const texts = exportTexts();
    const t = this.target;
    const fields: Array<HTMLElement | null> = [h('p', { className: 'hint intro' }, texts.settingsFor(targetName(t)))];
    if (t !== 'lexoffice') {
      fields.push(this.text('bankAccount', texts.bankAccount, texts.bankAccountHint, draft.bankAccount, (v) => (draft.bankAccount = v), 'numeric'));
    }
    if (t === 'datev') {
      const d = draft.datev;
      fields.push(
        this.text('consultantNumber', texts.consultantNumber, texts.consultantHint, d.consultantNumber, (v) => (d.consultantNumber = v), 'numeric'),
        this.text('clientNumber', texts.clientNumber, texts.clientHint, d.clientNumber, (v) => (d.clientNumber = v), 'numeric'),
        this.select('fiscalYearStartMonth', texts.fiscalYearStart, monthNames().map((name, i) => [String(i + 1), name]), String(d.fiscalYearStartMonth), (v) => (d.fiscalYearStartMonth = Number(v))),
        this.select('accountLength', texts.accountLength, ACCOUNT_LENGTHS.map((n) => [String(n), texts.accountLengthOption(n)]), String(d.accountLength), (v) => (d.accountLength = Number(v))),
        this.select('chart', texts.chart, (['03', '04'] as const).map((c) => [c, texts.charts[c]]), d.chart, (v) => (d.chart = v === '04' ? '04' : '03')),
        this.select('period', texts.period, PERIODS.map((p) => [p, texts.periods[p]]), d.period, (v) => (d.period = v as Period)),
        this.check('batchLocked', texts.batchLocked, texts.batchLockedHint, d.batchLocked, (v) => (d.batchLocked = v)),
      );
    }
    if (t === 'csv') {
      fields.push(this.select('csvProfile', texts.csvProfile, loaded.csvProfiles.map((p) => [p.id, p.name]), draft.csv.profileId, (v) => (draft.csv.profileId = v)));
    }
    if (t === 'lexoffice') {
      const types = draft.lexoffice.voucherTypes;
      const options = VOUCHER_TYPES.map((v): [string, string] => [v, texts.voucherTypes[v]]);
      fields.push(
        this.select('voucherIn', texts.voucherIn, options, types.in, (v) => (types.in = v as VoucherType)),
        this.select('voucherOut', texts.voucherOut, options, types.out, (v) => (types.out = v as VoucherType)),
      );
    }
    const form = h(
      'form',
      { className: 'settings-form export-settings-form', novalidate: true, 'data-testid': 'export-settings-form', 'data-target': t },
      ...fields,
      h('div', { className: 'actions' }, h('button', { type: 'submit', className: 'button primary', 'data-testid': 'export-settings-save' }, texts.saveSettings)),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.save();
    });
    replaceChildren(this.body, form);
  }

  private text(name: TextField, label: string, hint: string, value: string, set: (v: string) => void, inputmode: string): HTMLElement {
    const id = `export-setting-${name}`;
    const problem = this.problems[name];
    const input = h('input', {
      type: 'text',
      id,
      name,
      inputmode,
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': `${id}-hint ${id}-error`,
      'aria-invalid': problem === undefined ? undefined : 'true',
      'data-testid': id,
    });
    input.value = value;
    input.addEventListener('input', () => set(input.value.trim()));
    return h(
      'div',
      { className: `field${problem === undefined ? '' : ' invalid'}`, 'data-field': name },
      h('label', { for: id }, label),
      input,
      h('p', { className: 'hint', id: `${id}-hint` }, hint),
      h('p', { className: 'field-error', id: `${id}-error`, 'data-testid': `${id}-error`, hidden: problem === undefined }, problem ?? ''),
    );
  }

  private select(name: string, label: string, options: ReadonlyArray<readonly [string, string]>, value: string, set: (v: string) => void): HTMLElement {
    const id = `export-setting-${name}`;
    const select = h('select', { id, name, 'data-testid': id }, ...options.map(([v, text]) => h('option', { value: v }, text)));
    select.value = value;
    select.addEventListener('change', () => set(select.value));
    return h('div', { className: 'field', 'data-field': name }, h('label', { for: id }, label), select);
  }

  private check(name: string, label: string, hint: string, value: boolean, set: (v: boolean) => void): HTMLElement {
    const id = `export-setting-${name}`;
    const box = h('input', { type: 'checkbox', id, name, 'aria-describedby': `${id}-hint`, 'data-testid': id });
    box.checked = value;
    box.addEventListener('change', () => set(box.checked));
    return h('div', { className: 'field check', 'data-field': name }, h('label', { for: id }, box, label), h('p', { className: 'hint', id: `${id}-hint` }, hint));
  }

  private show(text: string, tone: 'success' | 'error'): void {
    this.message.className = `result-message ${tone}`;
    this.message.dataset.tone = tone;
    this.message.textContent = text;
    this.message.hidden = false;
  }

  private async save(): Promise<void> {
    const draft = this.draft;
    if (draft === null) return;
    const texts = exportTexts();
    this.problems = settingsProblems(draft);
    if (Object.keys(this.problems).length > 0) {
      this.render();
      this.show(texts.fixFields, 'error');
      this.body.querySelector<HTMLElement>('.field.invalid input')?.focus();
      return;
    }
    this.render();
    const answer = await run(texts.savingSettings, () => server.saveExportSettings({ settings: draft }), this.status);
    if (answer === undefined) return;
    this.loaded = { ...(this.loaded as Loaded), settings: answer.settings };
    this.draft = copy(answer.settings);
    this.render();
    this.show(texts.settingsSaved(targetName(this.target)), 'success');
    await this.onSaved();
  }
}
