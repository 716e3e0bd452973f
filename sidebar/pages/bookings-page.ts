/**
 * The bookings page (the menu's "Export bookings"): the "Bookings" sheet in numbers — total, exported, not yet exported —
 * and the newest bookings. The export targets come with a later version; the page says so plainly and offers no button
 * that would do nothing.
 */
import type { BookingDto } from '../../src/shared/contract';
import { h, replaceChildren } from '../dom';
import { stat } from '../views/stat';
import { formatCount, formatDate, formatMoney, t } from '../i18n';
import { server } from '../server';
import { isBusy, run } from '../ui';
import { pageTexts } from '../texts/pages';
import type { PageDeps, SidebarPage } from './page';


function bookingItem(b: BookingDto): HTMLElement {
  const texts = pageTexts();
  const negative = b.amountMinor < 0;
  return h(
    'li',
    { className: 'tx booking-item', 'data-testid': 'booking-item', 'data-id': b.id },
    h(
      'div',
      { className: 'tx-head' },
      h('span', { className: 'tx-date', 'data-testid': 'booking-date' }, formatDate(b.date)),
      h('span', { className: 'tx-name', 'data-testid': 'booking-type' }, t().bookingTypes[b.type]),
      h('span', { className: `tx-amount${negative ? ' negative' : ''}`, 'data-testid': 'booking-amount' }, formatMoney(b.amountMinor, b.currency)),
    ),
    h(
      'div',
      { className: 'tx-sub' },
      h('span', { className: 'booking-id' }, b.id),
      b.caseId === '' ? null : h('span', { className: 'booking-case', 'data-testid': 'booking-case' }, texts.caseLabel(b.caseId)),
      b.exportedTo === '' ? null : h('span', { className: 'badge' }, texts.exportedTo(b.exportedTo)),
    ),
    h('p', { className: 'booking-description clamp', title: b.description, 'data-testid': 'booking-description' }, b.description || '—'),
  );
}

export class BookingsPage implements SidebarPage {
  private readonly status: HTMLElement;
  private readonly body: HTMLElement;

  constructor(
    container: HTMLElement,
    private readonly deps: PageDeps,
  ) {
    const texts = pageTexts();
    this.status = h('p', { className: 'status', role: 'status', 'aria-live': 'polite', 'data-testid': 'bookings-status' });
    this.body = h('div', { 'data-testid': 'bookings-body', 'data-state': 'loading' });
    replaceChildren(
      container,
      h(
        'div',
        { className: 'page-bookings', 'data-testid': 'bookings-page' },
        h('h1', {}, texts.bookingsTitle),
        h('p', { className: 'hint intro' }, texts.bookingsIntro),
        this.status,
        this.body,
      ),
    );
  }

  async show(): Promise<void> {
    for (let waited = 0; isBusy() && waited < 60_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    const texts = pageTexts();
    const overview = await run(texts.loading, () => server.bookingsOverview({}), this.status);
    if (overview === undefined) {
      const again = h('button', { type: 'button', className: 'button', 'data-testid': 'bookings-retry' }, texts.tryAgain);
      again.addEventListener('click', () => void this.show());
      this.body.dataset.state = 'error';
      replaceChildren(this.body, h('div', { className: 'actions' }, again));
      return;
    }
    const reconcile = h('button', { type: 'button', className: 'link-button', 'data-testid': 'bookings-to-reconcile' }, texts.toReconcile);
    reconcile.addEventListener('click', () => this.deps.navigate('reconcile'));
    this.body.dataset.state = 'ready';
    replaceChildren(
      this.body,
      h(
        'div',
        { className: 'stats bookings-stats', 'data-testid': 'bookings-counts' },
        stat(texts.bookingsTotal, overview.total, 'bookings-total', 'total'),
        stat(texts.bookingsExported, overview.exported, 'bookings-exported', 'exported'),
        stat(texts.bookingsNotExported, overview.notExported, 'bookings-not-exported', 'open'),
      ),
      h('p', { className: 'notice', 'data-testid': 'export-not-available' }, texts.exportNotYet),
      h('h2', { className: 'list-head' }, texts.latestBookings),
      overview.latest.length === 0
        ? h('div', { 'data-testid': 'no-bookings' }, h('p', { className: 'muted' }, texts.noBookings), reconcile)
        : h('ul', { className: 'tx-list', 'data-testid': 'booking-list' }, ...overview.latest.map(bookingItem)),
    );
  }
}
