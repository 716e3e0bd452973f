/**
 * The export page (the menu's "Export bookings"; page name `bookings`): bookings leave the spreadsheet for the accountant's
 * system. The user chooses the target (lexoffice, bexio, DATEV, CSV; the one of the settings first, then remembered while
 * the sidebar is open), sees the counts — selected, exportable, already exported, incomplete, pending — ticks bookings or
 * exports all not yet exported. Incomplete bookings are listed with their problems and cannot be ticked; exported ones
 * show where, when and by whom, and are locked. "Show already exported" brings exported bookings back: for a file target
 * they may go into another file, for an API target they stay locked (never sent twice).
 *
 * A file export (DATEV, CSV) is one server call; its result links the files in the user's Drive. An API export
 * (lexoffice, bexio) runs in slices like the automatic run (run-page.ts): `startExport`, then `continueExport` while the
 * server says `continuing`, with the count sent so far and a Stop button that pauses after the booking under way. A call
 * that fails (execution killed, network gone) leaves "Continue export"; an export left unfinished is offered to continue
 * when the page opens. The server stores each remote id before the next booking is sent, so continuing never doubles one.
 */
import type { ExportRunDto, ResponseOf } from '../../src/shared/contract';
import { forgetLists, loadLists } from '../accounting-lists';
import { h, replaceChildren } from '../dom';
import { server } from '../server';
import { exportTexts, type ApiTarget, type ExportTarget } from '../texts/export';
import { isBusy, run } from '../ui';
import { targetName } from '../views/accounting-readout';
import { connectView, type ConnectMessage } from '../views/export-connect';
import { exportList, isSelectable } from '../views/export-list';
import { continueNotice, exportProgressView, exportResultView } from '../views/export-progress';
import { ExportSettingsView } from '../views/export-settings';
import { EXPORT_TARGETS, exportCounts, isApiTarget, targetChooser } from '../views/export-target';
import type { PageDeps, SidebarPage } from './page';

type Overview = ResponseOf<'exportOverview'>;

/** The contract's most per call; the counts cover all bookings anyway. It is also the most one selection may hold. */
const LIMIT = 500;
/** An export whose numbers stay the same for this many slices in a row is given up on (a server bug must not loop). */
const MAX_STALLED_SLICES = 5;

/** What the run area shows when no export is at work. */
type Outcome =
  | { kind: 'result'; run: ExportRunDto }
  | { kind: 'paused'; run: ExportRunDto }
  | { kind: 'stopped'; run: ExportRunDto | null };

async function whenIdle(): Promise<void> {
  for (let waited = 0; isBusy() && waited < 60_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
}

const isTarget = (value: unknown): value is ExportTarget => typeof value === 'string' && (EXPORT_TARGETS as readonly string[]).includes(value);

export class BookingsPage implements SidebarPage {
  private readonly status = h('p', { className: 'status', role: 'status', 'aria-live': 'polite', 'data-testid': 'bookings-status' });
  private readonly targetBox = h('div', { className: 'export-target-box' });
  private readonly countsBox = h('div', { className: 'export-counts-box', 'aria-live': 'polite' });
  private readonly connectBox = h('div', { className: 'export-connect-box', 'data-testid': 'export-connect-box' });
  private readonly runBox = h('div', { className: 'export-run-box', 'data-testid': 'export-run-box' });
  private readonly actionsBox = h('div', { className: 'export-actions-box' });
  private readonly body = h('div', { className: 'export-body', 'data-testid': 'bookings-body', 'data-state': 'loading' });
  private readonly settings: ExportSettingsView;

  private target: ExportTarget | null = null;
  private showExported = false;
  private overview: Overview | null = null;
  private readonly selected = new Set<string>();
  private outcome: Outcome | null = null;
  private connectMessage: ConnectMessage | null = null;
  private baseUrlDraft = '';
  /** An API export is being driven: showing the page again must not disturb it. */
  private working = false;
  private stopRequested = false;
  /** The unfinished API export last seen, to continue it after a failed call. */
  private jobId: string | null = null;

  constructor(
    container: HTMLElement,
    private readonly deps: PageDeps,
  ) {
    const texts = exportTexts();
    this.settings = new ExportSettingsView('datev', this.status, () => this.reload());
    replaceChildren(
      container,
      h(
        'div',
        { className: 'page-bookings page-export', 'data-testid': 'bookings-page' },
        h('h1', {}, texts.title),
        h('p', { className: 'hint intro' }, texts.intro),
        this.status,
        this.targetBox,
        this.countsBox,
        this.connectBox,
        this.runBox,
        this.actionsBox,
        this.body,
        this.settings.element,
      ),
    );
  }

  async show(): Promise<void> {
    if (this.working) return;
    await whenIdle();
    if (this.target === null) {
      // First the target of the settings (the one pre-accounting checks against); the lists are usually cached already.
      const lists = await loadLists();
      this.target = isTarget(lists?.target) ? lists.target : 'datev';
      this.settings.setTarget(this.target);
    }
    await this.reload();
  }

  // ---- data ------------------------------------------------------------------------------------------------------------

  private async reload(): Promise<void> {
    const target = this.target ?? 'datev';
    const texts = exportTexts();
    const answer = await run(texts.loading, () => server.exportOverview({ target, showExported: this.showExported, limit: LIMIT }), this.status);
    if (answer === undefined) {
      if (this.overview === null || this.overview.target !== target) this.renderRetry();
      return;
    }
    this.overview = answer;
    if (answer.run !== null && answer.run.jobId !== '') this.jobId = answer.run.jobId;
    // Only what can still be ticked stays selected (exported meanwhile, or no longer listed: gone).
    const selectable = new Set(answer.items.filter((i) => isSelectable(i, target)).map((i) => i.id));
    for (const id of [...this.selected]) if (!selectable.has(id)) this.selected.delete(id);
    this.render();
  }

  // ---- drawing ---------------------------------------------------------------------------------------------------------

  private renderRetry(): void {
    const again = h('button', { type: 'button', className: 'button', 'data-testid': 'bookings-retry' }, exportTexts().tryAgain);
    again.addEventListener('click', () => void this.reload());
    this.body.dataset.state = 'error';
    replaceChildren(this.body, h('div', { className: 'actions' }, again));
  }

  private render(): void {
    const o = this.overview;
    if (o === null || this.target === null) return;
    replaceChildren(this.targetBox, targetChooser(this.target, (t) => void this.choose(t)));
    this.renderCounts();
    this.renderConnection();
    if (!this.working) this.renderOutcome();
    this.renderActions();
    this.renderList();
  }

  private renderCounts(): void {
    if (this.overview === null) return;
    replaceChildren(this.countsBox, exportCounts(this.overview, this.selected.size));
  }

  private renderConnection(): void {
    const o = this.overview;
    if (o === null || !isApiTarget(o.target)) {
      replaceChildren(this.connectBox);
      return;
    }
    const target: ApiTarget = o.target;
    replaceChildren(
      this.connectBox,
      connectView(target, o.connection, this.connectMessage, {
        connect: (secret, baseUrl) => void this.connect(target, secret, baseUrl),
        disconnect: () => void this.disconnect(target),
        importLists: () => void this.importLists(target),
      }, this.baseUrlDraft),
    );
  }

  /** The last export's result, or an export to continue (paused, cut off, or left unfinished by anyone). */
  private renderOutcome(): void {
    const o = this.overview;
    const parts: HTMLElement[] = [];
    const outcome = this.outcome;
    const unfinished = o?.run ?? null;
    if (outcome !== null && outcome.kind !== 'result') {
      parts.push(continueNotice(outcome.kind, outcome.run?.message ?? '', outcome.run, () => void this.resume()));
    } else if (unfinished !== null) {
      parts.push(continueNotice('unfinished', unfinished.message, null, () => void this.resume()));
    }
    if (outcome !== null && outcome.kind === 'result') {
      parts.push(exportResultView(outcome.run, isApiTarget(outcome.run.target), () => {
        this.outcome = null;
        this.renderOutcome();
      }));
    }
    replaceChildren(this.runBox, ...parts);
  }

  private renderActions(): void {
    const o = this.overview;
    if (o === null) return;
    const texts = exportTexts();
    const api = isApiTarget(o.target);
    const connected = !api || o.connection?.connected === true;
    // An API export left unfinished is continued first: the server would refuse a second one.
    const blocked = this.working || !connected || (api && o.run !== null);
    const selectedButton = h('button', { type: 'button', className: 'button', 'data-testid': 'export-selected', disabled: blocked || this.selected.size === 0 }, texts.exportSelected(this.selected.size));
    selectedButton.addEventListener('click', () => void this.exportNow('ids'));
    const allCount = o.exportable;
    const allButton = h('button', { type: 'button', className: 'button primary', 'data-testid': 'export-all', disabled: blocked || allCount + (api ? o.pending : 0) === 0 }, texts.exportAll(allCount));
    allButton.addEventListener('click', () => void this.exportNow('all'));
    replaceChildren(
      this.actionsBox,
      h('div', { className: 'actions export-actions' }, allButton, selectedButton),
      connected ? null : h('p', { className: 'hint', 'data-testid': 'export-connect-first' }, texts.connectFirst(targetName(o.target))),
    );
  }

  private renderList(): void {
    const o = this.overview;
    if (o === null) return;
    const texts = exportTexts();
    const target = o.target;
    const ready = o.items.filter((i) => i.state === 'ready');
    const chosenReady = ready.filter((i) => this.selected.has(i.id)).length;
    const selectAll = h('input', { type: 'checkbox', id: 'export-select-all', 'data-testid': 'export-select-all', disabled: ready.length === 0 });
    selectAll.checked = ready.length > 0 && chosenReady === ready.length;
    selectAll.indeterminate = chosenReady > 0 && chosenReady < ready.length;
    selectAll.addEventListener('change', () => {
      if (selectAll.checked) for (const i of ready) this.selected.add(i.id);
      else this.selected.clear();
      this.renderList();
      this.renderCounts();
      this.renderActions();
    });
    const showExported = h('input', { type: 'checkbox', id: 'export-show-exported', 'data-testid': 'export-show-exported', 'aria-describedby': 'export-show-exported-hint' });
    showExported.checked = this.showExported;
    showExported.addEventListener('change', () => void this.setShowExported(showExported.checked));
    const controls = h(
      'div',
      { className: 'export-list-controls' },
      h('div', { className: 'field check' }, h('label', { for: 'export-select-all' }, selectAll, texts.selectAll)),
      h(
        'div',
        { className: 'field check' },
        h('label', { for: 'export-show-exported' }, showExported, texts.showExported),
        h('p', { className: 'hint', id: 'export-show-exported-hint' }, isApiTarget(target) ? texts.exportedLockedHint(targetName(target)) : texts.exportedAgainHint),
      ),
    );
    let empty: HTMLElement | null = null;
    if (o.items.length === 0) {
      if (o.total === 0) {
        const toReconcile = h('button', { type: 'button', className: 'link-button', 'data-testid': 'bookings-to-reconcile' }, texts.toReconcile);
        toReconcile.addEventListener('click', () => this.deps.navigate('reconcile'));
        empty = h('div', { 'data-testid': 'no-bookings' }, h('p', { className: 'muted' }, texts.noBookings), toReconcile);
      } else {
        empty = h('p', { className: 'muted', 'data-testid': 'export-all-exported' }, texts.allExported);
      }
    }
    const listed = this.showExported ? o.total : o.total - o.exported;
    this.body.dataset.state = 'ready';
    this.body.dataset.target = target;
    replaceChildren(
      this.body,
      h('h2', { className: 'list-head' }, texts.listTitle),
      controls,
      empty,
      o.items.length === 0
        ? null
        : exportList(o.items, target, {
            isSelected: (id) => this.selected.has(id),
            onToggle: (id, on) => {
              if (on) this.selected.add(id);
              else this.selected.delete(id);
              const now = ready.filter((i) => this.selected.has(i.id)).length;
              selectAll.checked = ready.length > 0 && now === ready.length;
              selectAll.indeterminate = now > 0 && now < ready.length;
              this.renderCounts();
              this.renderActions();
            },
          }),
      o.items.length < listed ? h('p', { className: 'hint', 'data-testid': 'export-first-only' }, texts.firstOnly(o.items.length, listed)) : null,
    );
  }

  // ---- choices ---------------------------------------------------------------------------------------------------------

  private async choose(target: ExportTarget): Promise<void> {
    if (isBusy() || this.working || target === this.target) return;
    const previous = this.target;
    this.target = target;
    // What was ticked for one target means nothing for another.
    this.selected.clear();
    this.connectMessage = null;
    this.settings.setTarget(target);
    await this.reload();
    if (this.overview?.target !== target) {
      this.target = previous;
      if (previous !== null) this.settings.setTarget(previous);
      this.render();
    }
    this.targetBox.querySelector<HTMLElement>(`[data-testid="export-target-${target}"]`)?.focus();
  }

  private async setShowExported(on: boolean): Promise<void> {
    if (this.working) return;
    this.showExported = on;
    await this.reload();
    this.body.querySelector<HTMLElement>('#export-show-exported')?.focus();
  }

  // ---- connection ------------------------------------------------------------------------------------------------------

  private async connect(target: ApiTarget, secret: string, baseUrl: string): Promise<void> {
    const texts = exportTexts();
    this.baseUrlDraft = baseUrl;
    const answer = await run(texts.connecting, () => server.connectTarget({ target, secret, ...(baseUrl === '' ? {} : { baseUrl }) }), this.status);
    if (answer === undefined) return;
    if (answer.status === 'refused') {
      this.connectMessage = { text: answer.message, tone: 'error' };
      this.renderConnection();
      this.connectBox.querySelector<HTMLElement>('#export-secret')?.focus();
      return;
    }
    this.connectMessage = { text: texts.connectedNow(answer.connection.accountName, answer.connection.keyHint), tone: 'success' };
    if (this.overview !== null && this.overview.target === target) this.overview = { ...this.overview, connection: answer.connection };
    this.render();
    this.connectBox.querySelector<HTMLElement>('[data-testid="export-import-lists"]')?.focus();
  }

  private async disconnect(target: ApiTarget): Promise<void> {
    const texts = exportTexts();
    const answer = await run(texts.disconnecting, () => server.disconnectTarget({ target }), this.status);
    if (answer === undefined) return;
    this.connectMessage = { text: texts.disconnected(targetName(target)), tone: 'info' };
    if (this.overview !== null && this.overview.target === target) this.overview = { ...this.overview, connection: answer.connection };
    this.render();
    this.connectBox.querySelector<HTMLElement>('#export-secret')?.focus();
  }

  private async importLists(target: ApiTarget): Promise<void> {
    const answer = await run(exportTexts().importingLists, () => server.importAccountingLists({ target }), this.status);
    if (answer === undefined) return;
    // The dropdowns of the other pages read the lists again.
    forgetLists();
    this.connectMessage = { text: answer.message, tone: 'success' };
    await this.reload();
  }

  // ---- exports ---------------------------------------------------------------------------------------------------------

  private async exportNow(kind: 'all' | 'ids'): Promise<void> {
    const o = this.overview;
    if (o === null || this.working || isBusy()) return;
    const target = o.target;
    const ids = [...this.selected];
    if (kind === 'ids' && ids.length === 0) return;
    const selection = kind === 'all' ? { kind: 'all' as const } : { kind: 'ids' as const, ids };
    if (isApiTarget(target)) {
      await this.drive(target, () => server.startExport({ target, selection }), kind === 'all' ? o.exportable + o.pending : ids.length);
      return;
    }
    const texts = exportTexts();
    const answer = await run(texts.writing(targetName(target)), () => server.startExport({ target, selection }), this.status);
    if (answer === undefined) return;
    this.finish(answer);
    await this.reload();
    this.focusOutcome();
  }

  /** Continues the export left unfinished (this page's, or anyone's the overview reported). */
  private async resume(): Promise<void> {
    const known = this.jobId ?? this.overview?.run?.jobId ?? '';
    const target = this.overview?.run?.target ?? (this.outcome?.run?.target as ExportTarget | undefined) ?? this.target ?? 'lexoffice';
    if (!isApiTarget(target)) return;
    // The list follows the export being continued.
    if (target !== this.target) {
      this.target = target;
      this.selected.clear();
      this.settings.setTarget(target);
    }
    await this.drive(target, async () => {
      if (known !== '') return server.continueExport({ jobId: known });
      // The first call died before it answered: the server may or may not have kept the export.
      const current = await server.exportOverview({ target, showExported: false, limit: 1 });
      if (current.run !== null && current.run.jobId !== '') return server.continueExport({ jobId: current.run.jobId });
      throw new Error(exportTexts().noProgress);
    }, null);
  }

  /** Slice after slice until the server says done (or refuses), or the user stops; a failed call leaves "Continue". */
  private async drive(target: ApiTarget, first: () => Promise<ExportRunDto>, expected: number | null): Promise<void> {
    if (this.working || isBusy()) return;
    const texts = exportTexts();
    this.working = true;
    this.stopRequested = false;
    this.outcome = null;
    const progress = exportProgressView(target, () => {
      this.stopRequested = true;
    });
    progress.start(expected);
    replaceChildren(this.runBox, progress.element);
    this.renderActions();
    let last: ExportRunDto | null = null;
    let finished: ExportRunDto | undefined;
    try {
      finished = await run(
        texts.sending(targetName(target)),
        async () => {
          let status = await first();
          let stalled = 0;
          for (;;) {
            const before = last;
            const same = before !== null && before.exported === status.exported && before.failed === status.failed && before.remaining === status.remaining;
            stalled = same ? stalled + 1 : 0;
            last = status;
            if (status.jobId !== '') this.jobId = status.jobId;
            progress.update(status);
            if (status.status !== 'continuing' || this.stopRequested) return status;
            if (stalled >= MAX_STALLED_SLICES) throw new Error(texts.noProgress);
            status = await server.continueExport({ jobId: status.jobId });
          }
        },
        this.status,
      );
    } finally {
      this.working = false;
    }
    if (finished === undefined) this.outcome = { kind: 'stopped', run: last };
    else this.finish(finished);
    await this.reload();
    this.renderOutcome();
    this.focusOutcome();
  }

  private finish(answer: ExportRunDto): void {
    if (answer.status === 'continuing') {
      this.outcome = { kind: 'paused', run: answer };
      return;
    }
    this.outcome = { kind: 'result', run: answer };
    if (answer.status === 'done') {
      this.jobId = null;
      this.selected.clear();
    }
  }

  private focusOutcome(): void {
    const target = this.runBox.querySelector<HTMLElement>('#export-result-title, [data-testid="export-continue"]');
    target?.focus();
    this.runBox.scrollIntoView({ block: 'nearest' });
  }
}
