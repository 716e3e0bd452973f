/**
 * The page navigation of a 300 px sidebar: eight pages do not fit side by side, so three tabs (Reconcile, Import,
 * Automatic) and a "More" tab whose menu holds Pre-accounting, Rules, Bookings, Settings and Help.
 *
 * Keyboard (WAI-ARIA tabs and menu button): ←/→ move between the tabs and select the one reached (Home/End: first/last);
 * on "More", ↓, Enter or Space open the menu; in the menu ↑/↓ move, Enter or Space choose, Escape closes it.
 * The whole bar is `data-keep-enabled`: switching pages stays possible while a server call runs.
 */
import { h, replaceChildren } from './dom';
import { t } from './i18n';
import type { PageName } from './pages/page';

const PRIMARY: readonly PageName[] = ['reconcile', 'import', 'run'];
const SECONDARY: readonly PageName[] = ['accounting', 'rules', 'bookings', 'settings', 'help'];

export class Navigation {
  private readonly tabs = new Map<PageName, HTMLButtonElement>();
  private readonly items = new Map<PageName, HTMLButtonElement>();
  private readonly moreTab: HTMLButtonElement;
  private readonly menu: HTMLElement;
  private current: PageName = 'reconcile';

  constructor(
    private readonly root: HTMLElement,
    private readonly onSelect: (page: PageName) => void,
  ) {
    this.root.setAttribute('data-keep-enabled', '');
    const tablist = h('div', { className: 'page-tabs', role: 'tablist', 'data-testid': 'nav-tabs' });
    for (const page of PRIMARY) {
      const tab = h('button', { type: 'button', role: 'tab', id: `tab-${page}`, 'aria-controls': `page-${page}`, 'aria-selected': 'false', tabindex: -1, 'data-testid': `tab-${page}` });
      tab.addEventListener('click', () => this.select(page));
      tab.addEventListener('keydown', (event) => this.onTabKey(event, tab));
      this.tabs.set(page, tab);
      tablist.append(tab);
    }
    this.moreTab = h('button', {
      type: 'button', role: 'tab', id: 'tab-more', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': 'more-menu',
      'aria-selected': 'false', tabindex: -1, 'data-testid': 'tab-more', className: 'more-tab',
    });
    this.moreTab.addEventListener('click', () => (this.menu.hidden ? this.openMenu(false) : this.closeMenu(true)));
    this.moreTab.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        this.openMenu(true);
        return;
      }
      this.onTabKey(event, this.moreTab);
    });
    tablist.append(this.moreTab);

    this.menu = h('div', { className: 'more-menu', role: 'menu', id: 'more-menu', 'aria-labelledby': 'tab-more', 'data-testid': 'more-menu', hidden: true });
    for (const page of SECONDARY) {
      const item = h('button', { type: 'button', role: 'menuitemradio', 'aria-checked': 'false', tabindex: -1, 'data-testid': `tab-${page}`, id: `menu-${page}` });
      item.addEventListener('click', () => {
        this.closeMenu(true);
        this.select(page);
      });
      item.addEventListener('keydown', (event) => this.onMenuKey(event, item));
      this.items.set(page, item);
      this.menu.append(item);
    }
    replaceChildren(this.root, tablist, this.menu);
    // A click anywhere else closes the menu, as a menu does.
    document.addEventListener('click', (event) => {
      if (!this.menu.hidden && !this.root.contains(event.target as Node)) this.closeMenu(false);
    });
    this.render();
  }

  /** Puts the current language's texts in (again, after the server has told the language). */
  render(): void {
    const texts = t();
    this.root.setAttribute('aria-label', texts.navLabel);
    this.root.querySelector('[role="tablist"]')?.setAttribute('aria-label', texts.navLabel);
    for (const [page, tab] of this.tabs) tab.textContent = texts.pageNames[page];
    for (const [page, item] of this.items) item.textContent = texts.pageNames[page];
    replaceChildren(this.moreTab, texts.navMore, h('span', { className: 'caret', 'aria-hidden': 'true' }, '▾'));
    this.setCurrent(this.current);
  }

  setCurrent(page: PageName): void {
    this.current = page;
    const secondary = SECONDARY.includes(page);
    for (const [p, tab] of this.tabs) {
      tab.setAttribute('aria-selected', String(p === page));
      tab.tabIndex = p === page ? 0 : -1;
    }
    this.moreTab.setAttribute('aria-selected', String(secondary));
    this.moreTab.tabIndex = secondary ? 0 : -1;
    // The tab says which of its pages is open, for screen readers; sighted users see the page's heading.
    this.moreTab.setAttribute('aria-label', secondary ? `${t().navMore}: ${t().pageNames[page]}` : t().navMore);
    for (const [p, item] of this.items) item.setAttribute('aria-checked', String(p === page));
  }

  /** The element that labels a page's panel (a secondary page is labelled by the "More" tab). */
  static tabIdOf(page: PageName): string {
    return SECONDARY.includes(page) ? 'tab-more' : `tab-${page}`;
  }

  private select(page: PageName): void {
    this.setCurrent(page);
    this.onSelect(page);
  }

  private onTabKey(event: KeyboardEvent, tab: HTMLButtonElement): void {
    const order = [...this.tabs.values(), this.moreTab];
    const at = order.indexOf(tab);
    let next: HTMLButtonElement | undefined;
    if (event.key === 'ArrowRight') next = order[(at + 1) % order.length];
    else if (event.key === 'ArrowLeft') next = order[(at - 1 + order.length) % order.length];
    else if (event.key === 'Home') next = order[0];
    else if (event.key === 'End') next = order[order.length - 1];
    if (next === undefined) return;
    event.preventDefault();
    // The page's own arrow keys (stepping through transactions) must not see this one.
    event.stopPropagation();
    next.focus();
    if (next !== this.moreTab) next.click();
  }

  private openMenu(focusItem: boolean): void {
    this.menu.hidden = false;
    this.moreTab.setAttribute('aria-expanded', 'true');
    if (focusItem) {
      const checked = [...this.items.values()].find((item) => item.getAttribute('aria-checked') === 'true');
      (checked ?? [...this.items.values()][0])?.focus();
    }
  }

  private closeMenu(focusTab: boolean): void {
    this.menu.hidden = true;
    this.moreTab.setAttribute('aria-expanded', 'false');
    if (focusTab) this.moreTab.focus();
  }

  private onMenuKey(event: KeyboardEvent, item: HTMLButtonElement): void {
    const order = [...this.items.values()];
    const at = order.indexOf(item);
    event.stopPropagation();
    if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      this.closeMenu(event.key === 'Escape');
      return;
    }
    let next: HTMLButtonElement | undefined;
    if (event.key === 'ArrowDown') next = order[(at + 1) % order.length];
    else if (event.key === 'ArrowUp') next = order[(at - 1 + order.length) % order.length];
    else if (event.key === 'Home') next = order[0];
    else if (event.key === 'End') next = order[order.length - 1];
    if (next === undefined) return;
    event.preventDefault();
    next.focus();
  }
}
