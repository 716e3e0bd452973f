/**
 * The sidebar's shell: asks the server who the user is and which language and notation they use, draws the navigation,
 * and shows the page the menu entry asked for (`<body data-start-page="…">`, set by the server's showSidebar). Each page
 * lives in its own module (sidebar/pages/*) and is built the first time it is shown.
 */
import { byId, h, replaceChildren } from './dom';
import { setFormatLocale, setLanguage, t } from './i18n';
import { Navigation } from './nav';
import { AccountingPage } from './pages/accounting-page';
import { BookingsPage } from './pages/bookings-page';
import { HelpPage } from './pages/help-page';
import { ImportPage } from './pages/import-page';
import { isPageName, PAGE_NAMES, type PageDeps, type PageName, type SidebarPage } from './pages/page';
import { ReconcilePage } from './pages/reconcile-page';
import { RulesPage } from './pages/rules-page';
import { RunPage } from './pages/run-page';
import { SettingsPage } from './pages/settings-page';
import { server } from './server';
import { clearError, run, shell, showError } from './ui';

interface MountedPage extends SidebarPage {
  /** Data the page needs first, fetched together with the sidebar's context when the sidebar opens on this page. */
  preload?(): Promise<unknown>;
}

/**
 * Pages built before the language is known must draw their texts in `show`: these two do. The others are built when
 * first shown, after the server has told the language.
 */
const EARLY: ReadonlySet<PageName> = new Set(['reconcile', 'import']);

const factories: Record<PageName, (root: HTMLElement, deps: PageDeps) => MountedPage> = {
  reconcile: (root, deps) => new ReconcilePage(root, deps),
  import: (root, deps) => new ImportPage(root, deps),
  run: (root, deps) => new RunPage(root, deps),
  accounting: (root, deps) => new AccountingPage(root, deps),
  rules: (root, deps) => new RulesPage(root, deps),
  bookings: (root, deps) => new BookingsPage(root, deps),
  settings: (root, deps) => new SettingsPage(root, deps),
  help: (root, deps) => new HelpPage(root, deps),
};

const containers = Object.fromEntries(PAGE_NAMES.map((name) => [name, byId(`page-${name}`)])) as Record<PageName, HTMLElement>;
const mounted = new Map<PageName, MountedPage>();
const deps: PageDeps = { navigate: (page, argument) => void navigate(page, argument) };
const navigation = new Navigation(byId('nav'), (page) => void navigate(page));

function pageFor(name: PageName): MountedPage {
  let page = mounted.get(name);
  if (page === undefined) {
    page = factories[name](containers[name], deps);
    mounted.set(name, page);
  }
  return page;
}

async function navigate(name: PageName, argument?: unknown): Promise<void> {
  for (const page of PAGE_NAMES) {
    containers[page].hidden = page !== name;
    containers[page].setAttribute('aria-labelledby', Navigation.tabIdOf(page));
  }
  navigation.setCurrent(name);
  document.body.dataset.page = name;
  clearError();
  try {
    await pageFor(name).show(argument);
  } catch (error) {
    showError(error);
  }
}

/** The texts of the markup outside the pages (`data-i18n="key"`). */
function applyTexts(): void {
  const texts = t() as unknown as Record<string, unknown>;
  for (const element of Array.from(document.querySelectorAll<HTMLElement>('[data-i18n]'))) {
    const text = texts[element.dataset.i18n ?? ''];
    if (typeof text === 'string') element.textContent = text;
  }
  shell.errorDismiss.setAttribute('aria-label', t().dismiss);
  shell.errorDismiss.title = t().dismiss;
  shell.busyBar.setAttribute('aria-label', t().working);
  navigation.render();
}

async function start(): Promise<void> {
  applyTexts();
  shell.errorDismiss.addEventListener('click', clearError);
  const requested = document.body.dataset.startPage;
  const startPage: PageName = isPageName(requested) ? requested : 'reconcile';
  navigation.setCurrent(startPage);
  const early = EARLY.has(startPage) ? pageFor(startPage) : null;
  const context = await run(t().loading, async () => {
    // Both round trips at once (each costs a second or so in Apps Script).
    const [answer] = await Promise.all([server.getSidebarContext({}), early?.preload?.()]);
    setLanguage(answer.locale);
    setFormatLocale(answer.formatLocale);
    applyTexts();
    return answer;
  });
  if (context === undefined) return;
  replaceChildren(
    shell.footer,
    h('span', { 'data-testid': 'user' }, t().signedIn(context.user)),
    h('span', { className: 'version' }, t().version(context.version)),
  );
  await navigate(startPage);
  document.body.dataset.ready = 'true';
}

void start();
