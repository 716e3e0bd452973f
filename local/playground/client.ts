/**
 * The playground page's script: draws the workbook from `/state`, the add-on menu, the sidebar iframe and the status strip.
 * All workbook text is set with textContent.
 */
// Types only: esbuild drops these imports, the page's script stays free of server code.
import type { MenuItem } from '../runtime';
import type { CallRecord } from './server';

interface SheetJson {
  name: string;
  rows: string[][];
  formulas: string[][];
  /** Lower-case `#rrggbb` per cell (the runtime normalises every colour it stores). */
  backgrounds?: string[][];
  frozenRows: number;
}
interface State {
  revision: number;
  userLocale: string;
  workbook: { name: string; timeZone: string; locale: string; sheets: SheetJson[] };
  menus: Array<{ title: string; items: MenuItem[] }>;
  sidebar: { title: string; revision: number } | null;
  lastCall: CallRecord | null;
}

const MAX_ROWS = 1000;
const TOKEN = (document.currentScript as HTMLScriptElement | null)?.dataset.token ?? '';
const TOP_MENUS_EN = ['File', 'Edit', 'View', 'Insert', 'Format', 'Data', 'Tools', 'Extensions', 'Help'];
const TOP_MENUS_DE = ['Datei', 'Bearbeiten', 'Ansicht', 'Einfügen', 'Format', 'Daten', 'Tools', 'Erweiterungen', 'Hilfe'];

const $ = <T extends HTMLElement>(testId: string): T => document.querySelector(`[data-testid="${testId}"]`) as T;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'className') node.className = v;
    else node.setAttribute(k, v);
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

let state: State | null = null;
let activeSheet = '';
let shownSidebarRevision = -1;
let signatures = new Map<string, string>();
let selected: { row: number; column: number } | null = null;

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const NUMERIC = /^[-+−]?[\d.,\s\u00a0\u202f']+(\s?(€|%|EUR|CHF))?$|^[-+]?(€|CHF)\s?[\d.,]+$/;

async function fetchState(): Promise<State> {
  const response = await fetch('/state', { cache: 'no-store' });
  return (await response.json()) as State;
}

async function refresh(): Promise<void> {
  const next = await fetchState();
  const previous = state;
  state = next;
  if (previous !== null && previous.revision === next.revision) return;
  render(previous);
}

/** Which sheets changed since the last drawing: the page follows the sheet an import wrote to. */
/** Sheets the page does not jump to when they change: logs written alongside the data. */
const HISTORY_SHEETS = new Set(['Imports']);

function changedSheets(next: State): string[] {
  const changed: string[] = [];
  const fresh = new Map<string, string>();
  for (const sheet of next.workbook.sheets) {
    const signature = `${sheet.rows.length}:${JSON.stringify(sheet.rows)}`;
    fresh.set(sheet.name, signature);
    if (signatures.size > 0 && signatures.get(sheet.name) !== signature) changed.push(sheet.name);
  }
  signatures = fresh;
  return changed;
}

function render(previous: State | null): void {
  if (state === null) return;
  const s = state;
  const changed = changedSheets(s);
  if (!s.workbook.sheets.some((sheet) => sheet.name === activeSheet)) activeSheet = s.workbook.sheets[0]?.name ?? '';
  // The import history changes with every import, even one that adds nothing: the page stays with the data then.
  const followed = changed.filter((name) => !HISTORY_SHEETS.has(name));
  if (previous !== null && followed.length > 0 && !followed.includes(activeSheet)) {
    activeSheet = followed[0]!;
    selected = null;
  }
  $('doc-title').textContent = s.workbook.name;
  $('doc-locale').textContent = `${s.workbook.locale} · ${s.workbook.timeZone}`;
  document.title = `${s.workbook.name} — Kontomatch playground`;
  renderMenuBar(s);
  renderTabs(s);
  renderGrid(s);
  renderSidebar(s);
  renderStatus(s);
}

// ---- menu bar ----
let openMenu: HTMLElement | null = null;

function closeMenus(): void {
  openMenu?.remove();
  openMenu = null;
  for (const b of Array.from(document.querySelectorAll('.menubar button.top'))) b.setAttribute('aria-expanded', 'false');
}

function renderMenuBar(s: State): void {
  const bar = $('menubar');
  if (bar.childElementCount > 0) return;
  const names = s.userLocale.toLowerCase().startsWith('de') ? TOP_MENUS_DE : TOP_MENUS_EN;
  names.forEach((name, i) => {
    const root = el('div', { className: 'menu-root' });
    const extensions = i === 7;
    const button = el('button', { type: 'button', className: 'top', 'aria-haspopup': 'menu', 'aria-expanded': 'false' }, name);
    if (extensions) button.dataset.testid = 'menu-extensions';
    else button.disabled = true;
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      const wasOpen = openMenu !== null && openMenu.parentElement === root;
      closeMenus();
      if (!wasOpen && state !== null) openExtensions(root, button, state);
    });
    root.append(button);
    bar.append(root);
  });
}

function openExtensions(root: HTMLElement, button: HTMLButtonElement, s: State): void {
  const dropdown = el('div', { className: 'dropdown', role: 'menu', 'data-testid': 'menu-dropdown' });
  if (s.menus.length === 0) dropdown.append(el('div', { className: 'empty' }, '(no add-on menu: onOpen added none)'));
  for (const menu of s.menus) {
    const wrap = el('div', { className: 'menu-root' });
    const item = el('button', { type: 'button', role: 'menuitem', 'aria-haspopup': 'menu', 'data-testid': `menu-addon-${menu.title}` });
    item.append(el('span', {}, menu.title), el('span', { className: 'arrow' }, '▸'));
    const showSub = (): void => {
      if (wrap.querySelector('.submenu')) return;
      const sub = el('div', { className: 'dropdown submenu', role: 'menu' });
      for (const entry of menu.items) {
        if (entry === 'separator') {
          sub.append(el('div', { className: 'sep', role: 'separator' }));
          continue;
        }
        const action = el('button', { type: 'button', role: 'menuitem', 'data-testid': `menu-item-${entry.functionName}` }, entry.caption);
        action.addEventListener('click', (event) => {
          event.stopPropagation();
          closeMenus();
          void runMenu(entry.functionName);
        });
        sub.append(action);
      }
      wrap.append(sub);
      (sub.querySelector('button') as HTMLButtonElement | null)?.focus();
    };
    item.addEventListener('click', (event) => {
      event.stopPropagation();
      showSub();
    });
    item.addEventListener('mouseenter', showSub);
    item.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowRight') showSub();
    });
    wrap.append(item);
    dropdown.append(wrap);
  }
  root.append(dropdown);
  openMenu = dropdown;
  button.setAttribute('aria-expanded', 'true');
  (dropdown.querySelector('button') as HTMLButtonElement | null)?.focus();
}

document.addEventListener('click', closeMenus);
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') closeMenus();
});

async function runMenu(functionName: string): Promise<void> {
  const response = await fetch(`/menu/${encodeURIComponent(functionName)}`, { method: 'POST', headers: { 'x-kontomatch-token': TOKEN } });
  const answer = (await response.json()) as { ok: boolean; message?: string; sidebarOpened?: boolean };
  if (!answer.ok) window.alert(answer.message ?? 'The menu function failed.');
  if (answer.sidebarOpened === true) shownSidebarRevision = -1; // reload even if the revision were the same
  await refresh();
}

// ---- sheets ----
function renderTabs(s: State): void {
  const tabs = $('sheet-tabs');
  tabs.replaceChildren();
  for (const sheet of s.workbook.sheets) {
    const tab = el('button', {
      type: 'button',
      role: 'tab',
      'aria-selected': String(sheet.name === activeSheet),
      'data-testid': `sheet-tab-${sheet.name}`,
    }, sheet.name);
    tab.addEventListener('click', () => {
      activeSheet = sheet.name;
      selected = null;
      if (state !== null) {
        renderTabs(state);
        renderGrid(state);
      }
    });
    tabs.append(tab);
  }
}

function showCell(sheet: SheetJson | undefined, row: number, column: number): void {
  $('cell-ref').textContent = sheet === undefined ? '' : `${columnLetter(column)}${row + 1}`;
  const formula = sheet?.formulas[row]?.[column] ?? '';
  $('cell-content').textContent = formula !== '' ? formula : (sheet?.rows[row]?.[column] ?? '');
}

function renderGrid(s: State): void {
  const wrap = $('grid-wrap');
  const sheet = s.workbook.sheets.find((x) => x.name === activeSheet);
  wrap.replaceChildren();
  if (sheet === undefined || sheet.rows.length === 0) {
    wrap.append(el('div', { className: 'grid-empty' }, sheet === undefined ? 'No sheets.' : `"${activeSheet}" is empty.`));
    showCell(undefined, 0, 0);
    return;
  }
  const columns = Math.max(...sheet.rows.map((r) => r.length));
  const table = el('table', { className: 'grid', 'data-testid': 'grid', 'data-sheet': sheet.name, 'data-rows': String(sheet.rows.length) });
  const head = el('tr');
  head.append(el('th', { className: 'rowhead corner' }));
  for (let c = 0; c < columns; c++) head.append(el('th', { scope: 'col' }, columnLetter(c)));
  table.append(el('thead'));
  table.tHead!.append(head);
  const body = el('tbody');
  const shown = Math.min(sheet.rows.length, MAX_ROWS);
  for (let r = 0; r < shown; r++) {
    const frozen = r < sheet.frozenRows;
    const tr = el('tr', { 'data-testid': frozen ? 'grid-header-row' : 'grid-row', 'data-row': String(r + 1) });
    if (frozen) tr.className = r === sheet.frozenRows - 1 ? 'frozen frozen-last' : 'frozen';
    if (frozen && r > 0) tr.style.setProperty('--offset', String(r));
    tr.append(el('th', { className: 'rowhead', scope: 'row' }, String(r + 1)));
    for (let c = 0; c < columns; c++) {
      const formula = sheet.formulas[r]?.[c] ?? '';
      const value = sheet.rows[r]?.[c] ?? '';
      const td = el('td', {}, formula !== '' ? formula : value);
      if (formula !== '') {
        td.className = 'formula';
        td.title = `${formula} → ${value}`;
      } else if (!frozen && NUMERIC.test(value.trim()) && /\d/.test(value)) {
        td.className = 'num';
      }
      if (value.length > 30 && formula === '') td.title = value;
      const background = sheet.backgrounds?.[r]?.[c] ?? '#ffffff';
      if (background !== '#ffffff' && /^#[0-9a-f]{6}$/.test(background)) td.style.backgroundColor = background;
      if (selected !== null && selected.row === r && selected.column === c) td.classList.add('selected');
      td.addEventListener('click', () => {
        for (const old of Array.from(table.querySelectorAll('td.selected'))) old.classList.remove('selected');
        td.classList.add('selected');
        selected = { row: r, column: c };
        showCell(sheet, r, c);
      });
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  wrap.append(table);
  if (sheet.rows.length > shown) wrap.append(el('div', { className: 'grid-more' }, `… ${sheet.rows.length - shown} more rows not drawn`));
  if (selected !== null) showCell(sheet, selected.row, selected.column);
  else showCell(sheet, 0, 0);
}

// ---- sidebar ----
function renderSidebar(s: State): void {
  const panel = $('sidebar-panel');
  const frame = $<HTMLIFrameElement>('sidebar-frame');
  if (s.sidebar === null) {
    panel.hidden = true;
    return;
  }
  $('sidebar-title').textContent = s.sidebar.title;
  panel.hidden = false;
  if (shownSidebarRevision !== s.sidebar.revision) {
    shownSidebarRevision = s.sidebar.revision;
    frame.src = `/sidebar?r=${s.sidebar.revision}`;
  }
}

function closeSidebar(): void {
  $('sidebar-panel').hidden = true;
  $<HTMLIFrameElement>('sidebar-frame').src = 'about:blank';
  shownSidebarRevision = state?.sidebar?.revision ?? -1;
}

$('sidebar-close').addEventListener('click', closeSidebar);

// ---- status strip ----
function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function renderStatus(s: State): void {
  const strip = $('status-strip');
  strip.replaceChildren();
  const call = s.lastCall;
  if (call === null) {
    strip.append(el('span', {}, 'No call yet. Open the add-on: Extensions → Kontomatch.'));
    return;
  }
  const summary = el(
    'span',
    { 'data-testid': 'last-call', className: call.ok ? '' : 'fail' },
    `last call: ${call.name} — ${plural(call.sheetsReads, 'read')}, ${plural(call.sheetsWrites, 'write')} (${plural(call.sheetsCalls, 'Sheets call')}) · ${call.ms} ms${call.ok ? '' : ' · failed'}`,
  );
  const details = Object.entries(call.counters).map(([k, n]) => `${k} ${n}`).join(', ');
  strip.append(summary, el('span', { className: 'details', title: details }, details));
}

// ---- wiring ----
window.addEventListener('message', (event) => {
  const frame = $<HTMLIFrameElement>('sidebar-frame');
  if (event.source !== frame.contentWindow) return;
  const data = event.data as { source?: string; type?: string } | null;
  if (data?.source !== 'kontomatch-bridge') return;
  if (data.type === 'rpc') void refresh();
  if (data.type === 'close') closeSidebar();
});

void refresh();
// A safety net for changes made outside the page (another tab, a test driving the runtime directly).
setInterval(() => void refresh(), 3000);
