/**
 * The reconcile page (Abgleich): the imported transactions one at a time — filter (open / processed / all), counter
 * ("12 of 87, 9 open"), previous/next (← →) — each with its data and the matcher's proposal, the manual assignment, the
 * actions, and Book (Enter confirms the proposal). After booking it moves on to the next open transaction; a processed
 * one shows who processed it and when, and offers Undo while nothing of it is exported.
 *
 * The page never books twice: Book sends what the user saw of the row (`seen`), and the server decides under the
 * document lock; "already processed by …" comes back when someone else was quicker.
 */
import type { BookingDto, ResponseOf } from '../../src/shared/contract';
import { loadLists, onLists } from '../accounting-lists';
import { h, replaceChildren } from '../dom';
import { formatInstant, formatMoney, t } from '../i18n';
import { server } from '../server';
import { isBusy, run } from '../ui';
import { Pool, draftFromProposal, type Loaded } from '../views/reconcile-draft';
import { ReconcileForm } from '../views/reconcile-form';
import { renderProcessed, renderProposal, renderTransaction } from '../views/reconcile-transaction';
import type { PageDeps, SidebarPage } from './page';

type Filter = 'open' | 'processed' | 'all';
type Overview = ResponseOf<'reconcileOverview'>;
type ReconcileRequest = Parameters<typeof server.reconcileTransaction>[0];
const FILTERS: readonly Filter[] = ['open', 'processed', 'all'];

interface Notice {
  text: string;
  tone: 'success' | 'info' | 'warning' | 'error';
  /** A transaction the notice is about, offered with "Show" (the one just booked). */
  key?: string;
}

export class ReconcilePage implements SidebarPage {
  private readonly title = h('h1', {});
  private readonly filterGroup = h('div', { className: 'segmented', role: 'group', 'data-testid': 'reconcile-filter' });
  private readonly filterButtons = new Map<Filter, HTMLButtonElement>();
  private readonly prev = h('button', { type: 'button', className: 'button nav-button', 'data-testid': 'reconcile-prev' }, '‹');
  private readonly next = h('button', { type: 'button', className: 'button nav-button', 'data-testid': 'reconcile-next' }, '›');
  private readonly counter = h('span', { className: 'counter', 'data-testid': 'reconcile-counter', 'aria-live': 'polite' });
  private readonly notice = h('div', { className: 'reconcile-notice', 'data-testid': 'reconcile-notice', role: 'status', 'aria-live': 'polite', hidden: true });
  private readonly status = h('p', { className: 'status', role: 'status', 'aria-live': 'polite', 'data-testid': 'reconcile-status' });
  private readonly body = h('div', { className: 'reconcile-body', 'data-testid': 'reconcile-body' });

  private filter: Filter = 'open';
  private overview: Overview | null = null;
  private preloaded: Overview | null = null;
  private index = 0;
  private loaded: Loaded | null = null;
  private form: ReconcileForm | null = null;
  private formRoot: HTMLElement | null = null;
  private message: Notice | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly deps: PageDeps,
  ) {
    for (const filter of FILTERS) {
      const button = h('button', { type: 'button', className: 'segment', 'data-testid': `filter-${filter}`, 'aria-pressed': String(filter === this.filter) });
      button.addEventListener('click', () => void this.setFilter(filter));
      this.filterButtons.set(filter, button);
      this.filterGroup.append(button);
    }
    this.prev.addEventListener('click', () => void this.move(-1));
    this.next.addEventListener('click', () => void this.move(1));
    replaceChildren(
      root,
      this.title,
      this.filterGroup,
      h('div', { className: 'stepper' }, this.prev, this.counter, this.next),
      this.status,
      this.notice,
      this.body,
    );
    root.tabIndex = -1;
    document.addEventListener('keydown', (event) => this.onKey(event));
    onLists(() => this.form?.refreshAccountingNames());
  }

  /** The list is fetched together with the sidebar's context when the sidebar opens on this page. */
  preload(): Promise<unknown> {
    return server.reconcileOverview({ filter: this.filter }).then((overview) => {
      this.preloaded = overview;
    });
  }

  async show(): Promise<void> {
    this.renderTexts();
    // The accounting dropdowns' values, fetched once in the background: the form works without them meanwhile.
    void loadLists();
    // The sheet may have changed meanwhile (an import, an automatic run, a colleague): the list is read again.
    const key = this.currentKey();
    if (this.preloaded !== null) {
      this.overview = this.preloaded;
      this.preloaded = null;
    } else if (!(await this.reloadOverview())) {
      return;
    }
    this.index = this.positionOf(key);
    await this.loadCurrent();
  }

  // ---- list and position ---------------------------------------------------------------------------------------------

  private currentKey(): string | null {
    return this.loaded?.transaction.key ?? null;
  }

  private positionOf(key: string | null): number {
    const items = this.overview?.items ?? [];
    const at = key === null ? -1 : items.findIndex((i) => i.key === key);
    return at >= 0 ? at : Math.min(this.index, Math.max(items.length - 1, 0));
  }

  private async reloadOverview(): Promise<boolean> {
    const overview = await run(t().loadingTransactions, () => server.reconcileOverview({ filter: this.filter }), this.status);
    if (overview === undefined) return false;
    this.overview = overview;
    return true;
  }

  private async setFilter(filter: Filter): Promise<void> {
    if (isBusy()) return;
    const key = this.currentKey();
    const previous = this.filter;
    this.filter = filter;
    this.message = null;
    if (!(await this.reloadOverview())) {
      this.filter = previous;
      this.renderFilters();
      return;
    }
    this.index = this.positionOf(key);
    await this.loadCurrent();
  }

  private async move(step: number): Promise<void> {
    const items = this.overview?.items ?? [];
    // A transaction that has left the list (processed meanwhile) sits between the one before `index` and the one at it.
    const outside = this.loaded !== null && !items.some((i) => i.key === this.loaded!.transaction.key);
    const target = outside ? (step > 0 ? this.index : this.index - 1) : this.index + step;
    if (isBusy() || target < 0 || target >= items.length) return;
    this.index = target;
    this.message = null;
    await this.loadCurrent();
  }

  /** Fetches the transaction at the current position (its proposal is made now) and draws it. */
  private async loadCurrent(): Promise<void> {
    const item = this.overview?.items[this.index];
    if (item === undefined) {
      this.loaded = null;
      this.form = null;
      this.render();
      return;
    }
    await this.loadKey(item.key);
  }

  private async loadKey(key: string): Promise<void> {
    const loaded = await run(t().loadingTransaction, () => server.getTransaction({ key }), this.status);
    if (loaded === undefined) {
      this.render();
      return;
    }
    this.showLoaded(loaded);
  }

  private showLoaded(loaded: Loaded): void {
    // Another transaction starts at its top (the Book button that was pressed sits far below).
    if (this.loaded?.transaction.key !== loaded.transaction.key) window.scrollTo(0, 0);
    this.loaded = loaded;
    // Processed (or undone) by someone else since the list was read: the counts follow what the server says now.
    const item = this.overview?.items.find((i) => i.key === loaded.transaction.key);
    const processed = loaded.processed !== null;
    if (item !== undefined && this.overview !== null && item.processed !== processed) {
      this.overview.open += processed ? -1 : 1;
      this.overview.processed += processed ? 1 : -1;
      item.processed = processed;
    }
    const pool = new Pool();
    pool.add(loaded.assignable);
    const draft = draftFromProposal(loaded, pool);
    this.formRoot = h('div', { className: 'reconcile-form', 'data-testid': 'reconcile-form' });
    this.form = new ReconcileForm(this.formRoot, loaded, pool, draft, {
      search: (query) => run(t().searching, () => server.searchAssignable({ query }), this.status),
      loadCase: async (caseId) => {
        const found = await run(t().loadingCase, () => server.getCase({ caseId }), this.status);
        if (found === undefined) return false;
        pool.add({ cases: [found.case], invoices: found.invoices, payments: found.payments, contacts: found.contacts });
        return true;
      },
      book: (request) => void this.book(request),
    });
    this.render();
  }

  // ---- drawing -------------------------------------------------------------------------------------------------------

  private renderTexts(): void {
    const texts = t();
    this.title.textContent = texts.reconcileTitle;
    this.filterGroup.setAttribute('aria-label', texts.filterLabel);
    this.prev.setAttribute('aria-label', texts.previous);
    this.prev.title = texts.previous;
    this.next.setAttribute('aria-label', texts.next);
    this.next.title = texts.next;
    this.renderFilters();
  }

  private renderFilters(): void {
    for (const [filter, button] of this.filterButtons) {
      button.textContent = t().filters[filter];
      button.setAttribute('aria-pressed', String(filter === this.filter));
    }
  }

  private render(): void {
    const texts = t();
    this.renderTexts();
    const overview = this.overview;
    const items = overview?.items ?? [];
    const shownAt = this.loaded === null ? -1 : items.findIndex((i) => i.key === this.loaded!.transaction.key);
    const outside = this.loaded !== null && shownAt < 0;
    this.counter.textContent =
      overview === null ? '' : shownAt >= 0 ? texts.counter(shownAt + 1, items.length, overview.open) : outside ? texts.counterOutside(items.length, overview.open) : texts.counterNone(overview.open);
    this.prev.disabled = outside ? this.index <= 0 : shownAt <= 0;
    this.next.disabled = outside ? this.index >= items.length : shownAt < 0 || shownAt >= items.length - 1;
    this.renderNotice();

    if (this.loaded === null || this.form === null) {
      replaceChildren(this.body, overview === null ? null : this.emptyState(overview));
      return;
    }
    const loaded = this.loaded;
    this.form.render();
    replaceChildren(
      this.body,
      overview !== null && overview.errorCount > 0 ? h('p', { className: 'notice warning' }, texts.unreadableRows(overview.errorCount)) : null,
      renderTransaction(loaded),
      // A proposal made now for a processed transaction would only confuse: its invoice is no longer open.
      loaded.processed === null ? renderProposal(loaded) : renderProcessed(loaded.processed, () => void this.undo()),
      this.formRoot,
    );
  }

  private emptyState(overview: Overview): HTMLElement {
    const texts = t();
    if (overview.total === 0) {
      const go = h('button', { type: 'button', className: 'button primary', 'data-testid': 'reconcile-to-import' }, texts.toImport);
      go.addEventListener('click', () => this.deps.navigate('import'));
      return h('div', { className: 'empty-state', 'data-testid': 'reconcile-empty' }, h('p', {}, texts.noTransactions), h('div', { className: 'actions' }, go));
    }
    const text = this.filter === 'processed' ? texts.noneProcessed : this.filter === 'open' && overview.open === 0 ? texts.noneOpen : texts.noneProcessed;
    return h('div', { className: 'empty-state', 'data-testid': 'reconcile-empty' }, h('p', {}, text));
  }

  private renderNotice(): void {
    const message = this.message;
    if (message === null) {
      this.notice.hidden = true;
      replaceChildren(this.notice);
      return;
    }
    let show: HTMLButtonElement | null = null;
    if (message.key !== undefined && message.key !== this.currentKey()) {
      const key = message.key;
      show = h('button', { type: 'button', className: 'link-button', 'data-testid': 'reconcile-notice-show' }, t().showProcessed);
      show.addEventListener('click', () => void this.showKey(key));
    }
    this.notice.className = `reconcile-notice result-message ${message.tone}`;
    replaceChildren(this.notice, h('span', { 'data-testid': 'reconcile-notice-text' }, message.text), show === null ? null : ' ', show);
    this.notice.hidden = false;
  }

  /** "Show" on the notice: the transaction just booked, in the list of all. */
  private async showKey(key: string): Promise<void> {
    if (isBusy()) return;
    this.filter = 'all';
    if (!(await this.reloadOverview())) return;
    this.index = this.positionOf(key);
    if (this.overview?.items[this.index]?.key !== key) return;
    await this.loadCurrent();
  }

  // ---- booking and undo --------------------------------------------------------------------------------------------

  private async book(request: Omit<ReconcileRequest, 'key' | 'seen'>): Promise<void> {
    const loaded = this.loaded;
    if (loaded === null || loaded.processed !== null) return;
    const tx = loaded.transaction;
    const texts = t();
    const answer = await run(texts.booking, () => server.reconcileTransaction({ key: tx.key, seen: { amountMinor: tx.amountMinor, bookingDate: tx.bookingDate }, ...request }), this.status);
    if (answer === undefined) return;
    if (answer.status === 'invalid') {
      this.message = { text: answer.message, tone: 'error' };
      this.renderNotice();
      this.notice.scrollIntoView({ block: 'nearest' });
      return;
    }
    if (answer.status === 'already-processed') {
      this.message = { text: texts.alreadyProcessed(answer.by || texts.someone, formatInstant(answer.at)), tone: 'warning' };
      this.markProcessed(tx.key, true);
      // The same transaction again, as it is now: processed, by whom and when.
      await this.loadKey(tx.key);
      this.notice.scrollIntoView({ block: 'nearest' });
      return;
    }
    this.message = { text: texts.doneMessage(doneSummary(request, answer.processed.bookings)), tone: 'success', key: tx.key };
    const nextOpen = this.markProcessed(tx.key, true);
    if (nextOpen === null) {
      // Nothing open is left: the one just booked stays in view, processed.
      this.message = { ...this.message, text: `${this.message.text} ${texts.lastOpenDone}` };
      this.showLoaded({ ...loaded, processed: answer.processed });
      return;
    }
    this.index = nextOpen;
    await this.loadCurrent();
  }

  /**
   * Keeps the list in step with a change made here (no round trip): the item's state and the counts. Returns the position
   * of the next open transaction after it (from the top again at the end), or null when none is open.
   */
  private markProcessed(key: string, processed: boolean): number | null {
    const overview = this.overview;
    if (overview === null) return null;
    const at = overview.items.findIndex((i) => i.key === key);
    const item = overview.items[at];
    if (item !== undefined && item.processed !== processed) {
      overview.open += processed ? -1 : 1;
      overview.processed += processed ? 1 : -1;
      item.processed = processed;
    }
    if (this.filter === 'open' && processed && at >= 0) overview.items.splice(at, 1);
    const items = overview.items;
    const from = this.filter === 'open' && processed ? at : at + 1;
    for (let step = 0; step < items.length; step++) {
      const i = (Math.max(from, 0) + step) % items.length;
      if (!items[i]!.processed && items[i]!.key !== key) return i;
    }
    return null;
  }

  private async undo(): Promise<void> {
    const loaded = this.loaded;
    if (loaded === null || loaded.processed === null) return;
    const key = loaded.transaction.key;
    const answer = await run(t().undoing, () => server.undoTransaction({ key }), this.status);
    if (answer === undefined) return;
    if (answer.status === 'refused') {
      this.message = { text: answer.message, tone: 'warning' };
      this.renderNotice();
      this.notice.scrollIntoView({ block: 'nearest' });
      return;
    }
    this.message = { text: t().undone, tone: 'success' };
    this.markProcessed(key, false);
    if (this.filter === 'open' && this.overview !== null && !this.overview.items.some((i) => i.key === key)) {
      // Open again, so it belongs in the list of open ones: where it stands in the sheet is not known here, so it is read.
      if (!(await this.reloadOverview())) return;
    }
    this.index = this.positionOf(key);
    await this.loadCurrent();
    this.notice.scrollIntoView({ block: 'nearest' });
  }

  // ---- keyboard ------------------------------------------------------------------------------------------------------

  /** ← → move, Enter confirms the proposal — not while the user types, picks from a list, or is on a button or the tabs. */
  private onKey(event: KeyboardEvent): void {
    if (this.root.hidden || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (target !== null && target.closest('[role="tablist"], [role="menu"]') !== null) return;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      if (isTyping(target)) return;
      event.preventDefault();
      void this.move(event.key === 'ArrowLeft' ? -1 : 1);
      return;
    }
    if (event.key !== 'Enter' || (target !== null && isInteractive(target))) return;
    const form = this.form;
    if (form === null || this.loaded === null || this.loaded.processed !== null || isBusy()) return;
    event.preventDefault();
    if (this.loaded.proposal.status === 'none' && !form.hasAssignment()) {
      this.message = { text: t().enterNoProposal, tone: 'info' };
      this.renderNotice();
      return;
    }
    form.bookNow();
  }
}

/** What was just done, in the user's language: `RE-2026-0138 paid; B-00001 Income €4,165.00 (case 00012/26)`. */
function doneSummary(request: Omit<ReconcileRequest, 'key' | 'seen'>, bookings: BookingDto[]): string {
  const texts = t();
  return [
    ...request.markInvoicesPaid.map((n) => texts.paidWord(n)),
    ...request.markPaymentsExecuted.map((n) => texts.executedWord(n)),
    ...bookings.map((b) => texts.bookingWord(b.id, texts.bookingTypes[b.type], formatMoney(Math.abs(b.amountMinor), b.currency), b.caseId)),
    ...request.labels.map((l) => texts.labelsWord(l.caseId)),
  ].join('; ');
}

/** A control where arrow keys belong to the user's typing or choosing. */
function isTyping(element: HTMLElement | null): boolean {
  if (element === null) return false;
  if (element.isContentEditable || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  return element instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes(element.type);
}

/** Where Enter already means something of its own (pressing a button, ticking, sending a search). */
function isInteractive(element: HTMLElement): boolean {
  return element.closest('button, a[href], input, select, textarea, summary, [contenteditable="true"], [role="button"]') !== null;
}
