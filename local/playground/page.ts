/** The playground page: a fake Sheets window (menu bar, formula bar, grid, sheet tabs) and the sidebar panel. */
export function pageHtml(clientScript: string, token: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kontomatch playground</title>
<style>
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 13px; color: #202124; background: #f9fbfd;
  display: grid; grid-template-rows: auto auto auto 1fr auto auto; height: 100vh; overflow: hidden;
}
header { display: flex; align-items: center; gap: 10px; padding: 8px 14px 0; }
.logo { width: 28px; height: 28px; border-radius: 4px; background: #0f9d58; position: relative; flex: none; }
.logo::after { content: ""; position: absolute; inset: 7px 6px; border: 2px solid #fff; border-radius: 1px;
  background: linear-gradient(#fff, #fff) 50% 0 / 2px 100% no-repeat, linear-gradient(#fff, #fff) 0 50% / 100% 2px no-repeat; }
.doc-title { font-size: 17px; }
.doc-sub { color: #5f6368; font-size: 12px; margin-left: 6px; }
.badge-local { margin-left: auto; font-size: 11px; color: #5f6368; border: 1px solid #dadce0; border-radius: 10px; padding: 1px 8px; }
nav.menubar { display: flex; gap: 2px; padding: 2px 8px 4px 48px; position: relative; }
.menubar > .menu-root { position: relative; }
.menubar button.top { font: inherit; background: none; border: 0; border-radius: 4px; padding: 3px 7px; color: #202124; cursor: pointer; }
.menubar button.top:disabled { color: #202124; cursor: default; opacity: .9; }
.menubar button.top:not(:disabled):hover, .menubar button.top[aria-expanded="true"] { background: #e8eaed; }
.dropdown { position: absolute; top: 100%; left: 0; min-width: 220px; background: #fff; border-radius: 4px; padding: 6px 0;
  box-shadow: 0 2px 6px 2px rgba(60,64,67,.15), 0 1px 2px rgba(60,64,67,.3); z-index: 20; }
.dropdown button { display: flex; align-items: center; width: 100%; font: inherit; text-align: left; background: none; border: 0;
  padding: 7px 16px; cursor: pointer; color: #202124; gap: 8px; }
.dropdown button:hover, .dropdown button:focus-visible { background: #f1f3f4; outline: none; }
.dropdown .arrow { margin-left: auto; color: #5f6368; }
.dropdown .submenu { top: -6px; left: 100%; }
.dropdown .sep { height: 1px; background: #dadce0; margin: 6px 0; }
.dropdown .empty { padding: 7px 16px; color: #80868b; }
.formula-bar { display: flex; align-items: center; border-top: 1px solid #e1e3e6; border-bottom: 1px solid #e1e3e6; background: #fff; min-height: 28px; }
.formula-bar .ref { width: 80px; padding: 0 10px; color: #5f6368; border-right: 1px solid #e1e3e6; font-variant-numeric: tabular-nums; }
.formula-bar .fx { padding: 0 8px; color: #80868b; font-style: italic; }
.formula-bar .content { flex: 1; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; padding-right: 8px; }
main { display: grid; grid-template-columns: minmax(0, 1fr) auto; min-height: 0; }
.grid-wrap { overflow: auto; background: #fff; min-width: 0; }
table.grid { border-collapse: separate; border-spacing: 0; font-size: 12.5px; }
.grid th, .grid td { border-right: 1px solid #e2e3e3; border-bottom: 1px solid #e2e3e3; padding: 3px 6px; height: 22px;
  white-space: nowrap; max-width: 260px; overflow: hidden; text-overflow: ellipsis; }
.grid thead th { position: sticky; top: 0; background: #f8f9fa; color: #5f6368; font-weight: 400; z-index: 3; text-align: center; min-width: 60px; }
.grid th.rowhead { position: sticky; left: 0; background: #f8f9fa; color: #5f6368; font-weight: 400; text-align: center; min-width: 40px; z-index: 2; }
.grid thead th.corner { left: 0; z-index: 4; }
.grid tr.frozen td { position: sticky; top: 23px; background: #fff; z-index: 1; font-weight: 600; }
.grid tr.frozen-last td, .grid tr.frozen-last th { border-bottom: 3px solid #c0c4c8; }
.grid td.num { text-align: right; font-variant-numeric: tabular-nums; }
.grid td.formula { color: #188038; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; }
.grid td.selected { outline: 2px solid #1a73e8; outline-offset: -2px; }
.grid-empty { padding: 24px; color: #5f6368; }
.grid-more { padding: 8px 12px; color: #5f6368; }
aside.sidebar { width: 301px; border-left: 1px solid #dadce0; background: #fff; display: flex; flex-direction: column; min-height: 0; }
aside.sidebar[hidden] { display: none; }
.sidebar-head { display: flex; align-items: center; height: 48px; padding: 0 8px 0 16px; border-bottom: 1px solid #e8eaed; font-size: 16px; }
.sidebar-head span { flex: 1; }
.sidebar-head button { font: inherit; font-size: 20px; width: 32px; height: 32px; border: 0; border-radius: 50%; background: none; cursor: pointer; color: #5f6368; }
.sidebar-head button:hover { background: #f1f3f4; }
aside iframe { width: 300px; flex: 1; border: 0; display: block; }
.tabs { display: flex; gap: 2px; padding: 0 8px; background: #f1f3f4; border-top: 1px solid #dadce0; min-height: 34px; align-items: stretch; overflow-x: auto; }
.tabs button { font: inherit; border: 0; background: none; padding: 0 14px; cursor: pointer; color: #3c4043; white-space: nowrap; }
.tabs button[aria-selected="true"] { background: #fff; color: #188038; font-weight: 500; box-shadow: inset 0 -3px 0 #188038; }
.tabs button:hover:not([aria-selected="true"]) { background: #e8eaed; }
.status-strip { display: flex; gap: 16px; padding: 4px 12px; font-size: 12px; color: #3c4043; background: #fff; border-top: 1px solid #dadce0; white-space: nowrap; overflow: hidden; }
.status-strip .fail { color: #c5221f; }
.status-strip .details { color: #5f6368; overflow: hidden; text-overflow: ellipsis; }
:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
</style>
</head>
<body>
<header>
  <div class="logo" aria-hidden="true"></div>
  <div><span class="doc-title" data-testid="doc-title"></span><span class="doc-sub" data-testid="doc-locale"></span></div>
  <span class="badge-local" title="Apps Script runs in the local runtime (Node), not at Google">local runtime</span>
</header>
<nav class="menubar" data-testid="menubar" aria-label="Menu bar"></nav>
<div class="formula-bar"><span class="ref" data-testid="cell-ref"></span><span class="fx">fx</span><span class="content" data-testid="cell-content"></span></div>
<main>
  <div class="grid-wrap" data-testid="grid-wrap"></div>
  <aside class="sidebar" data-testid="sidebar-panel" hidden>
    <div class="sidebar-head"><span data-testid="sidebar-title"></span><button type="button" data-testid="sidebar-close" aria-label="Close sidebar" title="Close">×</button></div>
    <iframe data-testid="sidebar-frame" title="Add-on sidebar" sandbox="allow-scripts allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox allow-downloads"></iframe>
  </aside>
</main>
<div class="tabs" role="tablist" data-testid="sheet-tabs" aria-label="Sheets"></div>
<div class="status-strip" data-testid="status-strip" aria-live="polite"></div>
<script data-token="${token.replace(/[^0-9a-f]/g, '')}">
${clientScript}</script>
</body>
</html>
`;
}
