/**
 * The help page: how the work goes (import → match → reconcile or run automatically → bookings), the keys of the
 * reconcile page, and the custom functions with an example formula in this spreadsheet's notation (the server knows
 * whether it separates arguments with `,` or `;`).
 */
import { h, replaceChildren } from '../dom';
import { server } from '../server';
import { isBusy, run } from '../ui';
import { pageTexts } from '../texts/pages';
import type { PageDeps, SidebarPage } from './page';

export class HelpPage implements SidebarPage {
  private readonly status: HTMLElement;
  private readonly functions: HTMLElement;
  private loaded = false;

  constructor(
    container: HTMLElement,
    private readonly deps: PageDeps,
  ) {
    const texts = pageTexts();
    this.status = h('p', { className: 'status', role: 'status', 'aria-live': 'polite', 'data-testid': 'help-status' });
    this.functions = h('div', { className: 'help-functions', 'data-testid': 'help-functions', 'data-state': 'loading' });
    const steps = texts.howTo.map((step, i) => {
      const open = h('button', { type: 'button', className: 'link-button', 'data-testid': `help-open-${i + 1}` }, texts.open(step.title));
      open.addEventListener('click', () => this.deps.navigate(step.page));
      return h('li', { className: 'help-step', 'data-testid': 'help-step' }, h('strong', {}, step.title), h('p', {}, step.text), open);
    });
    replaceChildren(
      container,
      h(
        'div',
        { className: 'page-help', 'data-testid': 'help-page' },
        h('h1', {}, texts.helpTitle),
        this.status,
        h('section', { 'aria-labelledby': 'help-how' }, h('h2', { id: 'help-how' }, texts.howToTitle), h('ol', { className: 'help-steps', 'data-testid': 'help-steps' }, ...steps)),
        h(
          'section',
          { 'aria-labelledby': 'help-keys' },
          h('h2', { id: 'help-keys' }, texts.keysTitle),
          h(
            'dl',
            { className: 'help-keys', 'data-testid': 'help-keys' },
            ...texts.keys.map((k) =>
              h(
                'div',
                { className: 'help-key' },
                h('dt', {}, ...k.keys.flatMap((key, i) => [i === 0 ? null : ' ', h('kbd', {}, key)])),
                h('dd', {}, k.text),
              ),
            ),
          ),
        ),
        h('section', { 'aria-labelledby': 'help-functions-title' }, h('h2', { id: 'help-functions-title' }, texts.functionsTitle), h('p', { className: 'hint' }, texts.functionsIntro), this.functions),
      ),
    );
  }

  async show(): Promise<void> {
    if (this.loaded) return;
    for (let waited = 0; isBusy() && waited < 60_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    const texts = pageTexts();
    const help = await run(texts.loading, () => server.getHelp({}), this.status);
    if (help === undefined) {
      const again = h('button', { type: 'button', className: 'button', 'data-testid': 'help-retry' }, texts.tryAgain);
      again.addEventListener('click', () => void this.show());
      this.functions.dataset.state = 'error';
      replaceChildren(this.functions, again);
      return;
    }
    this.loaded = true;
    this.functions.dataset.state = 'ready';
    replaceChildren(
      this.functions,
      h(
        'ul',
        { className: 'function-list', 'data-testid': 'function-list' },
        ...help.functions.map((f) =>
          h(
            'li',
            { className: 'function-item', 'data-testid': 'function-item', 'data-name': f.name },
            h('code', { className: 'function-name', 'data-testid': 'function-name' }, f.name),
            h('p', { className: 'function-summary', 'data-testid': 'function-summary' }, texts.functionSummaries[f.name] ?? f.summary),
            f.example === ''
              ? null
              : h('p', { className: 'function-example' }, h('span', { className: 'muted' }, `${texts.example}: `), h('code', { 'data-testid': 'function-example' }, f.example)),
          ),
        ),
      ),
    );
  }
}
