/**
 * The profile editor: the fields of a CSV bank profile as a form, and beside it (below, at 300 px) a live preview of the
 * sample file read with the draft. Each change re-previews after a short pause; the server parses with the draft and the
 * profile schema, so the preview says exactly what saving would say — field by field.
 *
 * The draft is the profile's JSON. The form edits the fields it shows and leaves every other field as it was, so copying
 * a built-in profile keeps what the form has no box for.
 */
import type { RequestOf, ResponseOf } from '../../src/shared/contract';
import { h, replaceChildren } from '../dom';
import { fileToBase64 } from '../file';
import { t } from '../i18n';
import { columnOccurrence, columnText, headerTexts, listText, parseColumnText, parseFooterPatternText, parseListText } from '../profile-fields';
import { server } from '../server';
import { run } from '../ui';
import { lineErrorList, transactionItem } from './preview';

export interface SampleFile {
  fileName: string;
  contentBase64: string;
}

type Draft = Record<string, unknown> & { columns: Record<string, unknown> };
type ProfilePreview = ResponseOf<'previewProfile'>;

export interface EditorOptions {
  /** `null`: a new profile (the server gives the id); else the id of the custom profile being changed. */
  id: string | null;
  draft: RequestOf<'saveProfile'>['profile'];
  sample: SampleFile | null;
  onSaved(saved: { id: string; name: string }, sample: SampleFile | null): void;
  onCancel(): void;
}

/** Long enough not to send a request per keystroke, short enough to feel live. */
const PREVIEW_DELAY_MS = 350;
const SHOWN_ROWS = 10;
const SKIP_OPS = ['equals', 'notEquals', 'matches'] as const;
type SkipOp = (typeof SKIP_OPS)[number];

let uid = 0;
const nextId = (prefix: string): string => `${prefix}-${++uid}`;

export function openProfileEditor(container: HTMLElement, options: EditorOptions): void {
  const texts = t();
  const draft = JSON.parse(JSON.stringify(options.draft ?? {})) as Draft;
  if (typeof draft.columns !== 'object' || draft.columns === null) draft.columns = {};
  /** Column values as they came, so that a box left as it was keeps detail it cannot show. */
  const originalColumns = { ...draft.columns };
  let sample = options.sample;
  let sampleLines: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sequence = 0;
  /** Field path → the wrapper of its control, for marking the fields the schema names. */
  const fields = new Map<string, HTMLElement>();

  const suggestions = h('datalist', { id: nextId('header-suggestions') });

  function changed(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void refreshPreview(), PREVIEW_DELAY_MS);
  }

  // ---- form building blocks ----------------------------------------------------------------------------------------
  function field(label: string, control: HTMLElement, path: string, hint?: string): HTMLElement {
    const id = control.id || nextId('f');
    control.id = id;
    const wrapper = h(
      'div',
      { className: 'field', 'data-field': path },
      h('label', { for: id }, label),
      control,
      hint === undefined ? null : h('p', { className: 'hint' }, hint),
      h('p', { className: 'field-error', 'data-testid': `issue-${path}`, hidden: true }),
    );
    fields.set(path, wrapper);
    return wrapper;
  }

  /** A yes/no field: the box inside its label, so the whole text is the click target. */
  function checkField(label: string, checked: boolean, testId: string, path: string, onChange: (checked: boolean) => void, hint?: string): HTMLElement {
    const box = h('input', { type: 'checkbox', checked, 'data-testid': testId });
    box.addEventListener('change', () => {
      onChange(box.checked);
      changed();
    });
    const wrapper = h(
      'div',
      { className: 'field check', 'data-field': path },
      h('label', {}, box, ' ', label),
      hint === undefined ? null : h('p', { className: 'hint' }, hint),
      h('p', { className: 'field-error', 'data-testid': `issue-${path}`, hidden: true }),
    );
    fields.set(path, wrapper);
    return wrapper;
  }

  function textInput(value: string, testId: string, onInput: (value: string) => void, attrs: Record<string, string | number> = {}): HTMLInputElement {
    const input = h('input', { type: 'text', value, 'data-testid': testId, autocomplete: 'off', spellcheck: 'false', ...attrs });
    input.addEventListener('input', () => {
      onInput(input.value);
      changed();
    });
    return input;
  }

  function select(options: Array<[string, string]>, value: string, testId: string, onChange: (value: string) => void): HTMLSelectElement {
    const element = h('select', { 'data-testid': testId }, ...options.map(([v, label]) => h('option', { value: v }, label)));
    element.value = value;
    element.addEventListener('change', () => {
      onChange(element.value);
      changed();
    });
    return element;
  }

  function numberInput(value: unknown, testId: string, onInput: (value: number) => void): HTMLInputElement {
    const input = h('input', { type: 'number', min: 0, step: 1, value: typeof value === 'number' ? value : 0, 'data-testid': testId, inputmode: 'numeric' });
    input.addEventListener('input', () => {
      // Whatever is typed goes to the schema as typed (a number, or the text when it is none): the preview then says why.
      onInput(input.value.trim() === '' ? 0 : Number(input.value));
      changed();
    });
    return input;
  }

  function columnInput(key: string): HTMLElement {
    const input = textInput(columnText(draft.columns[key]), `column-${key}`, (value) => {
      draft.columns[key] = parseColumnText(value, originalColumns[key]);
    }, { list: suggestions.id });
    const hints = [texts.columnHints[key], columnOccurrence(originalColumns[key]) === 'last' ? texts.lastOccurrenceHint : undefined];
    const hint = hints.filter((x) => x !== undefined).join(' ');
    return field(texts.columnLabels[key] ?? key, input, `columns.${key}`, hint === '' ? undefined : hint);
  }

  function section(title: string, open: boolean, testId: string, ...children: Array<HTMLElement | null>): HTMLElement {
    return h('details', { className: 'editor-section', open, 'data-testid': testId }, h('summary', {}, title), ...children);
  }

  // ---- purpose: one or several columns -----------------------------------------------------------------------------
  const purposeOriginal = draft.columns.purpose;
  let purposeTexts = (Array.isArray(purposeOriginal) ? purposeOriginal : [purposeOriginal ?? -1]).map(columnText);
  const purposeList = h('div', { className: 'purpose-list' });
  function storePurpose(): void {
    const refs = purposeTexts.map((text, i) => parseColumnText(text, Array.isArray(purposeOriginal) ? purposeOriginal[i] : purposeOriginal));
    draft.columns.purpose = refs.length === 1 ? refs[0] : refs;
  }
  function drawPurpose(): void {
    replaceChildren(
      purposeList,
      ...purposeTexts.map((text, i) => {
        const input = textInput(text, `column-purpose-${i}`, (value) => {
          purposeTexts[i] = value;
          storePurpose();
        }, { list: suggestions.id, 'aria-label': `${texts.columnLabels.purpose} ${i + 1}` });
        const remove = h('button', { type: 'button', className: 'icon-button', title: texts.remove, 'aria-label': texts.remove, hidden: purposeTexts.length === 1 }, '×');
        remove.addEventListener('click', () => {
          purposeTexts = purposeTexts.filter((_, j) => j !== i);
          storePurpose();
          drawPurpose();
          changed();
        });
        return h('div', { className: 'inline-row' }, input, remove);
      }),
    );
  }
  drawPurpose();
  const addPurpose = h('button', { type: 'button', className: 'link-button', 'data-testid': 'add-purpose' }, texts.addPurpose);
  addPurpose.addEventListener('click', () => {
    purposeTexts = [...purposeTexts, ''];
    storePurpose();
    drawPurpose();
    changed();
  });
  const purposeField = h(
    'div',
    { className: 'field', 'data-field': 'columns.purpose' },
    h('span', { className: 'label' }, texts.columnLabels.purpose),
    purposeList,
    addPurpose,
    h('p', { className: 'field-error', 'data-testid': 'issue-columns.purpose', hidden: true }),
  );
  fields.set('columns.purpose', purposeField);

  // ---- debit/credit marker ------------------------------------------------------------------------------------------
  const marker = (draft.columns.debitCreditMarker ?? {}) as { column?: unknown; debitValues?: unknown; creditValues?: unknown };
  const markerState = { column: columnText(marker.column), debit: listText(marker.debitValues), credit: listText(marker.creditValues) };
  function storeMarker(): void {
    if (markerState.column.trim() === '' && markerState.debit.trim() === '' && markerState.credit.trim() === '') {
      delete draft.columns.debitCreditMarker;
    } else {
      draft.columns.debitCreditMarker = {
        column: parseColumnText(markerState.column, marker.column),
        debitValues: parseListText(markerState.debit),
        creditValues: parseListText(markerState.credit),
      };
    }
  }

  // ---- skip rules ---------------------------------------------------------------------------------------------------
  type Rule = { column: unknown; op: SkipOp; value: string; reason: string; original: unknown };
  const rulesIn = Array.isArray(draft.skipRowsWhere) ? (draft.skipRowsWhere as Array<Record<string, unknown>>) : [];
  let rules: Rule[] = rulesIn.map((r) => {
    const op = SKIP_OPS.find((o) => typeof r[o] === 'string') ?? 'equals';
    return { column: columnText(r.column), op, value: String(r[op] ?? ''), reason: String(r.reason ?? ''), original: r.column };
  });
  const rulesList = h('div', { className: 'rules' });
  function storeRules(): void {
    draft.skipRowsWhere = rules.map((r) => ({ column: parseColumnText(String(r.column), r.original), [r.op]: r.value, reason: r.reason }));
  }
  function drawRules(): void {
    replaceChildren(
      rulesList,
      ...rules.map((rule, i) => {
        const remove = h('button', { type: 'button', className: 'link-button', 'data-testid': `skip-remove-${i}` }, texts.remove);
        remove.addEventListener('click', () => {
          rules = rules.filter((_, j) => j !== i);
          storeRules();
          drawRules();
          changed();
        });
        return h(
          'fieldset',
          { className: 'rule', 'data-testid': 'skip-rule' },
          field(texts.skipColumn, textInput(String(rule.column), `skip-column-${i}`, (v) => { rule.column = v; storeRules(); }, { list: suggestions.id }), `skipRowsWhere[${i}].column`),
          field('', select(SKIP_OPS.map((o) => [o, texts.skipOps[o]]), rule.op, `skip-op-${i}`, (v) => { rule.op = v as SkipOp; storeRules(); }), `skipRowsWhere[${i}]`),
          field(texts.skipValue, textInput(rule.value, `skip-value-${i}`, (v) => { rule.value = v; storeRules(); }), `skipRowsWhere[${i}].${rule.op}`),
          field(texts.skipReason, textInput(rule.reason, `skip-reason-${i}`, (v) => { rule.reason = v; storeRules(); }), `skipRowsWhere[${i}].reason`),
          remove,
        );
      }),
    );
  }
  drawRules();
  const addRule = h('button', { type: 'button', className: 'link-button', 'data-testid': 'add-skip-rule' }, texts.addSkipRule);
  addRule.addEventListener('click', () => {
    rules = [...rules, { column: '', op: 'equals', value: '', reason: '', original: undefined }];
    storeRules();
    drawRules();
    changed();
  });

  // ---- the form -----------------------------------------------------------------------------------------------------
  const header = (typeof draft.header === 'object' && draft.header !== null ? draft.header : { present: true }) as { present: boolean; findByText?: string };
  draft.header = header;
  const moreColumns = ['counterpartyNameIncoming', 'fee', 'endToEndId', 'mandateReference', 'creditorId', 'counterpartyBic'];
  const hasMore = moreColumns.some((key) => columnText(draft.columns[key]) !== '') || draft.sepaKeywordsInPurpose === true;
  const separators = (): void => {
    // The two separators replace the spreadsheet-style shorthand; both at once the schema refuses.
    delete draft.numberPattern;
    delete draft.locale;
  };

  const sampleInput = h('input', { type: 'file', accept: '.csv,.txt', className: 'visually-hidden', id: nextId('sample'), 'data-testid': 'editor-sample-input' });
  const sampleName = h('span', { className: `file-name${sample === null ? ' muted' : ''}`, 'data-testid': 'editor-sample-name' }, sample?.fileName ?? texts.noFile);
  sampleInput.addEventListener('change', () => {
    const file = sampleInput.files?.[0];
    if (file === undefined) return;
    void fileToBase64(file).then((contentBase64) => {
      sample = { fileName: file.name, contentBase64 };
      sampleName.textContent = file.name;
      sampleName.classList.remove('muted');
      sampleInput.value = '';
      void refreshPreview();
    });
  });

  const previewPanel = h('div', { className: 'editor-preview', 'data-testid': 'editor-preview', 'data-state': 'empty', 'aria-live': 'polite' });
  const previewStatus = h('span', { className: 'muted editor-preview-status', 'data-testid': 'editor-preview-status' });
  const formError = h('p', { className: 'notice warning', 'data-testid': 'editor-error', hidden: true });

  const save = h('button', { type: 'button', className: 'button primary', 'data-testid': 'editor-save' }, texts.saveProfile);
  save.addEventListener('click', () => void saveDraft());
  const cancel = h('button', { type: 'button', className: 'button', 'data-testid': 'editor-cancel' }, texts.cancel);
  cancel.addEventListener('click', () => {
    clearTimeout(timer);
    sequence++;
    options.onCancel();
  });

  const thousandsOptions: Array<[string, string]> = [['', texts.none], ['.', '.'], [',', ','], ["'", "'"], [' ', texts.space]];
  const editor = h('div', { className: 'profile-editor', 'data-testid': 'profile-editor' });
  replaceChildren(container, editor);
  replaceChildren(
    editor,
    h('h2', { 'data-testid': 'editor-title' }, options.id === null ? texts.editorNew : texts.editorEdit),
    suggestions,
    h(
      'div',
      { className: 'field' },
      h('span', { className: 'label', id: `${sampleInput.id}-label` }, texts.sampleFile),
      h('div', { className: 'file-row' }, sampleInput, h('label', { for: sampleInput.id, className: 'button file-button' }, texts.chooseSample), sampleName),
      h('p', { className: 'hint' }, texts.sampleHint),
    ),
    field(texts.name, textInput(String(draft.name ?? ''), 'field-name', (v) => (draft.name = v)), 'name'),
    field(texts.description, textInput(String(draft.description ?? ''), 'field-description', (v) => {
      draft.description = v;
      // The user's own text is the one to show, in every language.
      delete draft.descriptionDe;
    }), 'description'),
    section(
      texts.sectionLayout,
      true,
      'section-layout',
      field(texts.delimiter, select([[';', ';'], [',', ','], ['\t', texts.tab], ['|', '|']], String(draft.delimiter ?? ';'), 'field-delimiter', (v) => (draft.delimiter = v)), 'delimiter'),
      field(texts.quote, textInput(String(draft.quoteChar ?? '"'), 'field-quote', (v) => (draft.quoteChar = v), { maxlength: 1, size: 2 }), 'quoteChar'),
      field(
        texts.encoding,
        select([['auto', texts.encodingAuto], ['utf-8', 'UTF-8'], ['windows-1252', 'Windows-1252'], ['iso-8859-1', 'ISO-8859-1']], String(draft.encoding ?? 'auto'), 'field-encoding', (v) => (draft.encoding = v)),
        'encoding',
      ),
      field(texts.skipTop, numberInput(draft.skipLines, 'field-skip-top', (v) => (draft.skipLines = v)), 'skipLines'),
      field(texts.skipBottom, numberInput(draft.skipFooterLines, 'field-skip-bottom', (v) => (draft.skipFooterLines = v)), 'skipFooterLines'),
      checkField(texts.headerPresent, header.present !== false, 'field-header-present', 'header.present', (v) => (header.present = v)),
      field(texts.findByText, textInput(header.findByText ?? '', 'field-find-by-text', (v) => {
        if (v.trim() === '') delete header.findByText;
        else header.findByText = v;
      }), 'header.findByText'),
      field(texts.footerPattern, textInput(typeof draft.footerPattern === 'string' ? draft.footerPattern : '', 'field-footer-pattern', (v) => {
        const pattern = parseFooterPatternText(v);
        if (pattern === undefined) delete draft.footerPattern;
        else draft.footerPattern = pattern;
      }), 'footerPattern', texts.footerPatternHint),
      field(
        texts.continuationLines,
        select(
          (['skip', 'appendToPurpose'] as const).map((o) => [o, texts.continuationOptions[o]]),
          String(draft.continuationLines ?? 'skip'),
          'field-continuation-lines',
          (v) => (draft.continuationLines = v),
        ),
        'continuationLines',
        texts.continuationHint,
      ),
    ),
    section(
      texts.sectionColumns,
      true,
      'section-columns',
      h('p', { className: 'hint' }, texts.columnsHint),
      columnInput('bookingDate'),
      columnInput('valueDate'),
      columnInput('counterpartyName'),
      columnInput('counterpartyIban'),
      purposeField,
      columnInput('amount'),
      columnInput('debit'),
      columnInput('credit'),
      columnInput('currency'),
      columnInput('bookingType'),
      columnInput('account'),
    ),
    section(
      texts.sectionMoreColumns,
      hasMore,
      'section-more-columns',
      ...moreColumns.map((key) => columnInput(key)),
      checkField(texts.sepaKeywords, draft.sepaKeywordsInPurpose === true, 'field-sepa-keywords', 'sepaKeywordsInPurpose', (v) => (draft.sepaKeywordsInPurpose = v), texts.sepaKeywordsHint),
    ),
    section(
      texts.sectionMarker,
      draft.columns.debitCreditMarker !== undefined,
      'section-marker',
      h('p', { className: 'hint' }, texts.markerHint),
      field(texts.markerColumn, textInput(markerState.column, 'marker-column', (v) => { markerState.column = v; storeMarker(); }, { list: suggestions.id }), 'columns.debitCreditMarker.column'),
      field(texts.debitValues, textInput(markerState.debit, 'marker-debit', (v) => { markerState.debit = v; storeMarker(); }), 'columns.debitCreditMarker.debitValues', texts.valuesHint),
      field(texts.creditValues, textInput(markerState.credit, 'marker-credit', (v) => { markerState.credit = v; storeMarker(); }), 'columns.debitCreditMarker.creditValues', texts.valuesHint),
    ),
    section(
      texts.sectionNumbers,
      true,
      'section-numbers',
      field(texts.dateFormats, textInput(listText(draft.dateFormats ?? ['dd.mm.yyyy']), 'field-date-formats', (v) => (draft.dateFormats = parseListText(v))), 'dateFormats', texts.dateFormatsHint),
      field(texts.decimal, select([[',', ','], ['.', '.']], String(draft.decimalSeparator ?? ','), 'field-decimal', (v) => { draft.decimalSeparator = v; separators(); }), 'decimalSeparator'),
      field(texts.thousands, select(thousandsOptions, String(draft.thousandsSeparator ?? ''), 'field-thousands', (v) => { draft.thousandsSeparator = v; separators(); }), 'thousandsSeparator'),
      field(texts.defaultCurrency, textInput(String(draft.defaultCurrency ?? 'EUR'), 'field-default-currency', (v) => (draft.defaultCurrency = v.trim().toUpperCase()), { maxlength: 3, size: 4 }), 'defaultCurrency'),
    ),
    section(texts.sectionSkip, rules.length > 0, 'section-skip', rulesList, addRule),
    formError,
    h('div', { className: 'actions' }, save, cancel),
    // Docked at the bottom of the sidebar: whichever field the user edits, the preview stays in sight.
    h(
      'div',
      { className: 'editor-preview-dock', 'data-testid': 'editor-preview-dock' },
      h('div', { className: 'editor-preview-head' }, h('h3', { className: 'subhead' }, texts.editorPreview), previewStatus),
      previewPanel,
    ),
  );

  // ---- preview and issues -------------------------------------------------------------------------------------------
  function markIssues(issues: Array<{ field: string; message: string }>): void {
    for (const wrapper of fields.values()) {
      wrapper.classList.remove('invalid');
      const error = wrapper.querySelector<HTMLElement>(':scope > .field-error');
      if (error !== null) {
        error.hidden = true;
        error.textContent = '';
      }
    }
    for (const issue of issues) {
      // The closest field that shows this path: `columns.purpose[1]` → `columns.purpose`, `dateFormats[0]` → `dateFormats`.
      let path = issue.field;
      while (path !== '' && !fields.has(path)) path = path.replace(/(\[\d+\]|\.[^.[\]]+)$/, '');
      const wrapper = fields.get(path);
      if (wrapper === undefined) continue;
      wrapper.classList.add('invalid');
      const error = wrapper.querySelector<HTMLElement>(':scope > .field-error');
      if (error !== null) {
        error.hidden = false;
        error.textContent = error.textContent === '' ? issue.message : `${error.textContent}; ${issue.message}`;
      }
    }
  }

  function drawPreview(result: ProfilePreview): void {
    sampleLines = result.sampleLines;
    replaceChildren(suggestions, ...headerTexts(sampleLines, draft).map((text) => h('option', { value: text })));
    previewPanel.dataset.state = result.status;
    markIssues(result.status === 'invalid' ? result.issues : []);
    const lines = h(
      'details',
      { className: 'sample-lines' },
      h('summary', {}, texts.sampleLines),
      h('ol', { className: 'sample-lines-list', start: 1, 'data-testid': 'editor-sample-lines' }, ...result.sampleLines.map((line) => h('li', {}, line))),
    );
    if (result.status === 'invalid') {
      replaceChildren(
        previewPanel,
        h('p', { className: 'notice warning' }, texts.previewInvalid),
        h('ul', { className: 'issues' }, ...result.issues.map((i) => h('li', { 'data-testid': 'editor-issue' }, i.field === '' ? i.message : `${i.field}: ${i.message}`))),
        lines,
      );
    } else if (result.status === 'unreadable') {
      replaceChildren(previewPanel, h('p', { className: 'notice warning' }, texts.previewUnreadable), h('p', { className: 'editor-unreadable', 'data-testid': 'editor-unreadable' }, result.message), lines);
    } else {
      replaceChildren(
        previewPanel,
        h('p', { className: 'hint', 'data-testid': 'editor-summary' }, texts.previewSummary(result.rowsRead, result.transactionCount, result.errorCount, result.skippedCount)),
        result.errorCount > 0 ? lineErrorList(texts.lineErrors(result.errorCount), result.errors, result.errorCount, 'line-errors', 'editor-line-error') : null,
        result.rows.length === 0
          ? h('p', { className: 'muted' }, texts.noRows)
          : h('ul', { className: 'tx-list', 'data-testid': 'editor-rows' }, ...result.rows.slice(0, SHOWN_ROWS).map((r) => transactionItem(r, 'editor-preview'))),
        lines,
      );
    }
  }

  async function refreshPreview(): Promise<void> {
    clearTimeout(timer);
    if (sample === null) {
      previewPanel.dataset.state = 'empty';
      replaceChildren(previewPanel, h('p', { className: 'muted' }, texts.previewNeedsSample));
      return;
    }
    const mine = ++sequence;
    previewStatus.textContent = texts.previewUpdating;
    previewPanel.setAttribute('aria-busy', 'true');
    try {
      const result = await server.previewProfile({ profile: draft, fileName: sample.fileName, contentBase64: sample.contentBase64 });
      // An older answer arriving after a newer request would show a state the form has left.
      if (mine !== sequence) return;
      drawPreview(result);
    } catch (error) {
      if (mine !== sequence) return;
      previewPanel.dataset.state = 'failed';
      replaceChildren(previewPanel, h('p', { className: 'notice warning' }, error instanceof Error ? error.message : String(error)));
    } finally {
      if (mine === sequence) {
        previewStatus.textContent = '';
        previewPanel.removeAttribute('aria-busy');
      }
    }
  }

  async function saveDraft(): Promise<void> {
    clearTimeout(timer);
    formError.hidden = true;
    const result = await run(texts.working, () => server.saveProfile({ id: options.id, profile: draft }));
    if (result === undefined) return;
    if (result.status === 'saved') {
      sequence++;
      options.onSaved({ id: result.id, name: result.name }, sample);
      return;
    }
    markIssues(result.issues);
    formError.textContent = result.message;
    formError.hidden = false;
    formError.scrollIntoView({ block: 'nearest' });
  }

  void refreshPreview();
}
