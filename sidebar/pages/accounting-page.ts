/**
 * The pre-accounting page (Vorkontierung): the bookings not yet exported with what the export target still misses.
 * Counts stay at the top (total, complete, incomplete, machine-filled); "Fill from rules" fills every booking in one
 * write; a booking opens in the editor (its fields, and the split into parts). Rules Kontomatch learned from the user's
 * assignments are offered as banners with Yes / No.
 */
import { ACCOUNTING_FIELDS } from '../../src/core/accounting/fields';
import type { PreAccountingItemDto, RuleProposalDto } from '../../src/shared/accounting-dto';
import type { RequestOf, ResponseOf } from '../../src/shared/contract';
import { loadLists, onLists } from '../accounting-lists';
import { h, replaceChildren } from '../dom';
import { stat } from '../views/stat';
import { formatCount, formatDate, formatMoney, t } from '../i18n';
import { server } from '../server';
import { accountingTexts } from '../texts/accounting';
import { isBusy, run } from '../ui';
import { markerDot } from '../views/accounting-fields';
import { fieldList, targetName } from '../views/accounting-readout';
import { BookingEditor } from '../views/booking-editor';
import { answerProposal, proposalBanner } from '../views/rule-proposals';
import type { PageDeps, SidebarPage } from './page';

type Filter = 'incomplete' | 'all';
type Overview = ResponseOf<'preAccountingOverview'>;
const FILTERS: readonly Filter[] = ['incomplete', 'all'];
/** More than a month's bookings of a small firm; the counts cover all of them anyway. */
const LIMIT = 200;

interface Notice {
  text: string;
  tone: 'success' | 'info' | 'warning' | 'error';
  details?: string[];
}


export class AccountingPage implements SidebarPage {
  private readonly title = h('h1', {});
  private readonly intro = h('p', { className: 'hint intro' });
  private readonly status = h('p', { className: 'status', role: 'status', 'aria-live': 'polite', 'data-testid': 'acc-status' });
  private readonly counts = h('section', { className: 'acc-counts', 'data-testid': 'acc-counts', 'aria-live': 'polite' });
  private readonly notice = h('div', { className: 'result-message', role: 'status', 'aria-live': 'polite', 'data-testid': 'acc-notice', hidden: true });
  private readonly proposalsBox = h('div', { className: 'rule-proposals', 'data-testid': 'acc-proposals' });
  private readonly body = h('div', { className: 'acc-body', 'data-testid': 'acc-body', 'data-view': 'loading' });

  private filter: Filter = 'incomplete';
  private overview: Overview | null = null;
  private proposals: RuleProposalDto[] = [];
  private editor: BookingEditor | null = null;
  private message: Notice | null = null;
  /** Proposals from a save stay until answered, even if the overview no longer lists them. */
  private readonly pinned = new Set<string>();

  constructor(
    private readonly root: HTMLElement,
    private readonly deps: PageDeps,
  ) {
    replaceChildren(root, h('div', { className: 'page-accounting', 'data-testid': 'accounting-page' }, this.title, this.intro, this.status, this.counts, this.notice, this.proposalsBox, this.body));
    onLists(() => this.editor?.refreshNames());
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.editor !== null && !isBusy()) {
        event.preventDefault();
        void this.backToList();
      }
    });
  }

  async show(): Promise<void> {
    const texts = accountingTexts();
    this.title.textContent = texts.accountingTitle;
    this.intro.textContent = texts.accountingIntro;
    for (let waited = 0; isBusy() && waited < 60_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    // An open editor stays as it is (what the user typed is kept); the list is read again each time the page is shown.
    if (this.editor !== null) return;
    await this.reload();
  }

  // ---- data ------------------------------------------------------------------------------------------------------------

  private async reload(): Promise<boolean> {
    const texts = accountingTexts();
    const request: RequestOf<'preAccountingOverview'> = { filter: this.filter, limit: LIMIT };
    const loaded = await run(texts.loading, () => Promise.all([server.preAccountingOverview(request), loadLists()]), this.status);
    if (loaded === undefined) {
      if (this.overview === null) this.renderRetry();
      return false;
    }
    this.overview = loaded[0];
    this.mergeProposals(loaded[0].proposals, true);
    this.render();
    return true;
  }

  /** The overview's proposals replace the list; one from a save is added to it (same key once). */
  private mergeProposals(found: readonly RuleProposalDto[], replace: boolean): void {
    const next = replace ? [...found] : [...this.proposals];
    if (!replace) for (const p of found) if (!next.some((q) => q.key === p.key)) next.unshift(p);
    if (replace) for (const p of this.proposals) if (this.pinned.has(p.key) && !next.some((q) => q.key === p.key)) next.unshift(p);
    this.proposals = next;
  }

  // ---- drawing ---------------------------------------------------------------------------------------------------------

  private render(): void {
    this.renderCounts();
    this.renderNotice();
    this.renderProposals();
    if (this.editor !== null) return;
    this.renderList();
  }

  private renderRetry(): void {
    const texts = accountingTexts();
    const again = h('button', { type: 'button', className: 'button', 'data-testid': 'acc-retry' }, texts.tryAgain);
    again.addEventListener('click', () => void this.reload());
    this.body.dataset.view = 'error';
    replaceChildren(this.body, h('div', { className: 'actions' }, again));
  }

  private renderCounts(): void {
    const o = this.overview;
    if (o === null) return;
    const texts = accountingTexts();
    const notExported = o.total - o.exported;
    replaceChildren(
      this.counts,
      h('p', { className: 'acc-counts-title', 'data-testid': 'acc-target', 'data-target': o.target }, texts.countsFor(targetName(o.target))),
      h(
        'div',
        { className: 'stats acc-stats' },
        stat(texts.statTotal, notExported, 'acc-total', 'total'),
        stat(texts.statComplete, o.complete, 'acc-complete', 'complete'),
        stat(texts.statIncomplete, o.incomplete, 'acc-incomplete', 'open'),
        stat(texts.statMachine, o.machineFilled, 'acc-machine', 'machine'),
      ),
      o.exported === 0 ? null : h('p', { className: 'hint', 'data-testid': 'acc-exported' }, texts.exportedLocked(o.exported)),
    );
  }

  private renderNotice(): void {
    const m = this.message;
    this.notice.hidden = m === null;
    if (m === null) {
      replaceChildren(this.notice);
      return;
    }
    this.notice.className = `result-message ${m.tone}`;
    replaceChildren(
      this.notice,
      h('span', { 'data-testid': 'acc-notice-text' }, m.text),
      m.details === undefined || m.details.length === 0 ? null : h('ul', { className: 'acc-notice-details' }, ...m.details.map((d) => h('li', {}, d))),
    );
  }

  private renderProposals(): void {
    replaceChildren(this.proposalsBox, ...this.proposals.map((p) => proposalBanner(p, (accept) => void this.answer(p, accept))));
  }

  private renderList(): void {
    const o = this.overview;
    if (o === null) return;
    const texts = accountingTexts();
    this.body.dataset.view = 'list';
    const fill = h('button', { type: 'button', className: 'button primary', 'data-testid': 'acc-fill' }, texts.fillFromRules);
    fill.addEventListener('click', () => void this.fill());
    const filters = h('div', { className: 'segmented', role: 'group', 'aria-label': texts.filterLabel, 'data-testid': 'acc-filter' });
    for (const filter of FILTERS) {
      const button = h('button', { type: 'button', className: 'segment', 'data-testid': `acc-filter-${filter}`, 'aria-pressed': String(filter === this.filter) }, texts.filters[filter]);
      button.addEventListener('click', () => void this.setFilter(filter));
      filters.append(button);
    }
    const notExported = o.total - o.exported;
    let empty: HTMLElement | null = null;
    if (o.items.length === 0) {
      const none = notExported === 0 || this.filter === 'all';
      const toReconcile = h('button', { type: 'button', className: 'link-button', 'data-testid': 'acc-to-reconcile' }, t().reconcileTitle);
      toReconcile.addEventListener('click', () => this.deps.navigate('reconcile'));
      empty = h('div', { 'data-testid': 'acc-empty' }, h('p', { className: 'muted' }, none ? texts.noBookings : texts.noneIncomplete(targetName(o.target))), none ? toReconcile : null);
    }
    const shown = this.filter === 'incomplete' ? o.incomplete : notExported;
    replaceChildren(
      this.body,
      h('div', { className: 'actions acc-actions' }, fill),
      filters,
      empty,
      o.items.length === 0 ? null : h('ul', { className: 'tx-list acc-list', 'data-testid': 'acc-list' }, ...o.items.map((item) => this.itemView(item))),
      o.items.length < shown ? h('p', { className: 'hint' }, texts.firstOnly(o.items.length)) : null,
    );
  }

  private itemView(item: PreAccountingItemDto): HTMLElement {
    const texts = accountingTexts();
    const negative = item.amountMinor < 0;
    const machine = item.prefilled.filter((p) => p.value === item.accounting[p.field].trim());
    const chips = item.missing.map((field) => h('li', { className: 'chip missing', 'data-testid': 'missing-chip', 'data-field': field }, texts.fieldLabels[field]));
    const assigned = ACCOUNTING_FIELDS.filter((f) => item.accounting[f].trim() !== '' && (f === 'glAccount' || f === 'taxRate' || f === 'costObject'))
      .map((f) => (f === 'taxRate' ? `${item.accounting[f].trim()} %` : item.accounting[f].trim()))
      .join(' · ');
    const button = h(
      'button',
      {
        type: 'button',
        className: 'list-button acc-item-button',
        'data-testid': 'acc-item',
        'data-id': item.bookingId,
        'data-locked': String(item.exportedTo !== ''),
        'data-machine': String(machine.length > 0),
        'aria-label': texts.openBooking(item.bookingId),
      },
      h(
        'span',
        { className: 'tx-head' },
        h('span', { className: 'acc-item-id' }, item.bookingId),
        h('span', { className: 'tx-date' }, formatDate(item.date)),
        h('span', { className: `tx-amount${negative ? ' negative' : ''}`, 'data-testid': 'acc-item-amount' }, formatMoney(item.amountMinor, item.currency)),
      ),
      h(
        'span',
        { className: 'tx-sub' },
        machine.length > 0 ? h('span', { className: 'acc-item-machine', title: texts.machineTitle(fieldList(machine.map((m) => m.field))) }, markerDot(machine[0]!, 'acc-item-marker')) : null,
        h('span', { className: 'tx-name', 'data-testid': 'acc-item-counterparty' }, item.counterpartyName || item.description || '—'),
      ),
      assigned === '' ? null : h('span', { className: 'acc-item-assigned', 'data-testid': 'acc-item-assigned' }, assigned),
      item.exportedTo === '' ? null : h('span', { className: 'badge locked', 'data-testid': 'acc-item-locked' }, texts.locked),
      chips.length === 0 ? null : h('ul', { className: 'chips missing-chips', 'aria-label': texts.missingFor(targetName(this.overview?.target ?? ''), fieldList(item.missing)) }, ...chips),
    );
    button.addEventListener('click', () => this.openEditor(item));
    return h('li', { className: 'tx acc-item' }, button);
  }

  // ---- actions ---------------------------------------------------------------------------------------------------------

  private async setFilter(filter: Filter): Promise<void> {
    if (isBusy() || filter === this.filter) return;
    const previous = this.filter;
    this.filter = filter;
    if (!(await this.reload())) {
      this.filter = previous;
      this.render();
    }
  }

  private async fill(): Promise<void> {
    const texts = accountingTexts();
    const answer = await run(texts.filling, () => server.autoFillBookings({}), this.status);
    if (answer === undefined) return;
    const problems = answer.problems.map((p) => p.message);
    this.message = {
      text: texts.filled(answer.changed, answer.considered, answer.fieldsFilled, answer.exportedLeftAlone) + (problems.length === 0 ? '' : ` ${texts.ruleProblems(problems.length)}`),
      tone: problems.length === 0 ? 'success' : 'warning',
      details: problems,
    };
    await this.reload();
  }

  private openEditor(item: PreAccountingItemDto): void {
    if (isBusy()) return;
    this.message = null;
    this.renderNotice();
    this.body.dataset.view = 'editor';
    this.editor = new BookingEditor(this.body, item, {
      save: (parts) => void this.save(item, parts),
      back: () => void this.backToList(),
    });
    this.editor.render();
    window.scrollTo(0, 0);
    this.body.querySelector<HTMLElement>('input:not([readonly]), [data-testid="edit-back"]')?.focus();
  }

  private async backToList(): Promise<void> {
    const openId = this.editor?.item.bookingId ?? null;
    this.editor = null;
    this.renderList();
    await this.reload();
    if (openId !== null) this.body.querySelector<HTMLElement>(`[data-testid="acc-item"][data-id="${CSS.escape(openId)}"]`)?.focus();
  }

  private async save(item: PreAccountingItemDto, parts: RequestOf<'saveBookingAccounting'>['parts']): Promise<void> {
    const texts = accountingTexts();
    const answer = await run(texts.saving, () => server.saveBookingAccounting({ bookingId: item.bookingId, seen: { amountMinor: item.amountMinor }, parts }), this.status);
    if (answer === undefined) return;
    if (answer.status === 'refused') {
      this.message = { text: answer.message, tone: 'error' };
      this.renderNotice();
      await this.recheck(item);
      this.notice.scrollIntoView({ block: 'nearest' });
      return;
    }
    const ids = answer.bookings.map((b) => b.id);
    this.message = { text: ids.length > 1 ? texts.savedSplit(item.bookingId, texts.list(ids)) : texts.savedOne(item.bookingId), tone: 'success' };
    if (answer.proposal !== null) {
      this.pinned.add(answer.proposal.key);
      this.mergeProposals([answer.proposal], false);
    }
    this.editor = null;
    await this.reload();
    this.render();
    window.scrollTo(0, 0);
  }

  /**
   * After a refusal: is the booking still there to edit? Exported (or removed) meanwhile, the editor turns read-only
   * (showing the booking as last read), so nothing invites another try; the server's message above says why.
   */
  private async recheck(item: PreAccountingItemDto): Promise<void> {
    const fresh = await run(accountingTexts().loading, () => server.preAccountingOverview({ filter: 'all', limit: 500 }), this.status);
    if (fresh === undefined || this.editor?.item.bookingId !== item.bookingId) return;
    this.overview = this.filter === 'all' ? fresh : this.overview;
    if (this.overview !== null) {
      this.overview = { ...this.overview, total: fresh.total, exported: fresh.exported, complete: fresh.complete, incomplete: fresh.incomplete, machineFilled: fresh.machineFilled };
    }
    this.renderCounts();
    const now = fresh.items.find((i) => i.bookingId === item.bookingId);
    if (now !== undefined && now.exportedTo === '') return;
    const reason = now === undefined ? accountingTexts().bookingGone(item.bookingId) : undefined;
    this.editor = new BookingEditor(this.body, now ?? item, { save: () => undefined, back: () => void this.backToList() }, reason);
    this.editor.render();
  }

  private async answer(p: RuleProposalDto, accept: boolean): Promise<void> {
    const outcome = await answerProposal(p, accept, this.status);
    if (outcome === undefined) return;
    this.pinned.delete(p.key);
    this.proposals = this.proposals.filter((q) => q.key !== p.key);
    this.message = { text: outcome.text, tone: outcome.created ? 'success' : 'info' };
    this.render();
  }
}
