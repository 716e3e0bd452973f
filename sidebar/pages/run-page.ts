/**
 * The automatic run page ("Run automatic matching"): choose what to run on, watch it work, read the summary, open the
 * details and the archive.
 *
 * The server works a run in time slices (Apps Script stops an execution after six minutes): `startAutoRun` does the first
 * slice, and the page calls `continueAutoRun` until the run is finished. When a call fails — the execution was killed,
 * the network dropped — the error box says why and "Continue" picks the run up where it stopped: the server decides from
 * the sheet itself which transactions are done, so nothing is booked twice and nothing is lost.
 *
 * The page's argument (from the import page): `{ scope: { kind: 'import', fileName } }` preselects that file;
 * `{ scope, start: true }` starts the run at once.
 */
import { h, replaceChildren } from '../dom';
import { server } from '../server';
import { isBusy, run } from '../ui';
import { formatWhen, pageTexts } from '../texts/pages';
import { archiveList } from '../views/run-archive';
import { detailsList, type RunDetail } from '../views/run-details';
import { progressView, type ProgressView, type RunStatus } from '../views/run-progress';
import { scopeForm, type ImportFile, type RunScope } from '../views/run-scope';
import { summaryView } from '../views/run-summary';
import type { PageDeps, SidebarPage } from './page';

export interface RunPageArgument {
  scope?: RunScope;
  /** Start the run at once instead of offering the choice first. */
  start?: boolean;
}

type View = 'loading' | 'error' | 'choice' | 'unfinished' | 'progress' | 'stopped' | 'summary';

/** A run whose `done` stays the same for this many slices in a row is given up on (a server bug must not loop forever). */
const MAX_STALLED_SLICES = 5;

function scopeOf(argument: unknown): RunScope | null {
  if (typeof argument !== 'object' || argument === null) return null;
  const scope = (argument as { scope?: unknown }).scope;
  if (typeof scope !== 'object' || scope === null) return null;
  const { kind, fileName } = scope as { kind?: unknown; fileName?: unknown };
  if (kind === 'open') return { kind: 'open' };
  if (kind === 'import' && typeof fileName === 'string' && fileName !== '') return { kind: 'import', fileName };
  return null;
}

/** Another page's server call may still be under way when this page is shown: wait for it (one call at a time). */
async function whenIdle(): Promise<void> {
  for (let waited = 0; isBusy() && waited < 60_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export class RunPage implements SidebarPage {
  private readonly status: HTMLElement;
  private readonly body: HTMLElement;
  private readonly archiveButton: HTMLButtonElement;
  private readonly archiveBox: HTMLElement;
  private view: View = 'loading';
  /** A run loop is under way: showing the page again must not disturb it. */
  private working = false;
  /** The last status of the unfinished run seen, to continue it after a failed call. */
  private pending: RunStatus | null = null;
  /** The scope the user chose: a run that died before the server kept any state is started again with it. */
  private scope: RunScope | null = null;

  constructor(
    container: HTMLElement,
    private readonly deps: PageDeps,
  ) {
    const texts = pageTexts();
    this.status = h('p', { className: 'status', role: 'status', 'aria-live': 'polite', 'data-testid': 'run-status' });
    this.body = h('div', { className: 'run-body', 'data-testid': 'run-body', 'data-view': 'loading' });
    this.archiveButton = h('button', { type: 'button', className: 'link-button', 'aria-expanded': 'false', 'aria-controls': 'run-archive-box', 'data-testid': 'archive-button' }, texts.showArchive);
    this.archiveBox = h('div', { id: 'run-archive-box', className: 'run-archive-box', 'data-testid': 'archive', hidden: true });
    this.archiveButton.addEventListener('click', () => void this.toggleArchive());
    replaceChildren(
      container,
      h(
        'div',
        { className: 'page-run', 'data-testid': 'run-page' },
        h('h1', {}, texts.runTitle),
        h('p', { className: 'hint intro' }, texts.runIntro),
        this.status,
        this.body,
        h('section', { className: 'run-archive', 'aria-label': texts.archiveTitle }, h('h2', { className: 'list-head' }, texts.archiveTitle), this.archiveButton, this.archiveBox),
      ),
    );
  }

  async show(argument?: unknown): Promise<void> {
    if (this.working) return;
    const wanted = scopeOf(argument);
    // Coming back to a summary keeps it (it has "New run"); a file handed over by the import page starts afresh.
    if (wanted === null && this.view === 'summary') return;
    await whenIdle();
    await this.load(wanted, (argument as RunPageArgument | undefined)?.start === true);
  }

  // ---- views -------------------------------------------------------------------------------------------------------

  private render(view: View, ...children: HTMLElement[]): void {
    this.view = view;
    this.body.dataset.view = view;
    replaceChildren(this.body, ...children);
  }

  private async load(wanted: RunScope | null, startNow: boolean): Promise<void> {
    const texts = pageTexts();
    const answer = await run(texts.loading, () => server.getAutoRun({}), this.status);
    if (answer === undefined) {
      const again = h('button', { type: 'button', className: 'button', 'data-testid': 'run-retry' }, texts.tryAgain);
      again.addEventListener('click', () => void this.load(wanted, startNow));
      this.render('error', h('div', { className: 'actions' }, again));
      return;
    }
    if (answer.run !== null && answer.run.state === 'running') {
      this.renderUnfinished(answer.run);
      return;
    }
    this.renderChoice(answer.importFiles, wanted);
    if (startNow && wanted !== null) await this.begin(wanted);
  }

  private renderChoice(files: ImportFile[], wanted: RunScope | null): void {
    this.render('choice', scopeForm(files, wanted, (scope) => void this.begin(scope)));
  }

  private renderUnfinished(status: RunStatus): void {
    const texts = pageTexts();
    this.pending = status;
    const progress = progressView();
    progress.update(status);
    const resume = h('button', { type: 'button', className: 'button primary', 'data-testid': 'run-continue' }, texts.continue);
    resume.addEventListener('click', () => void this.resume());
    this.render(
      'unfinished',
      h(
        'div',
        { className: 'notice warning run-unfinished', 'data-testid': 'run-unfinished' },
        h('strong', {}, texts.unfinishedTitle),
        h('p', {}, texts.unfinished(status.startedBy, formatWhen(status.startedAt))),
      ),
      progress.element,
      h('div', { className: 'actions' }, resume),
    );
  }

  private renderStopped(progress: ProgressView): void {
    const texts = pageTexts();
    const resume = h('button', { type: 'button', className: 'button primary', 'data-testid': 'run-continue' }, texts.continue);
    resume.addEventListener('click', () => void this.resume());
    this.render('stopped', progress.element, h('p', { className: 'notice warning', 'data-testid': 'run-stopped' }, texts.stopped), h('div', { className: 'actions' }, resume));
    resume.focus();
  }

  private renderSummary(status: RunStatus, preloaded: RunDetail[] | null = null): void {
    const summary = summaryView(status, {
      onDetails: async (container) => {
        const items = preloaded ?? (await this.fetchDetails(status.runId));
        if (items === null) return false;
        replaceChildren(container, detailsList(items));
        return true;
      },
      onNewRun: () => void this.load(null, false),
      // What the run left is for the user: the reconcile page walks the open transactions.
      onReconcile: status.review + status.none > 0 ? () => this.deps.navigate('reconcile') : undefined,
    });
    this.render('summary', summary);
  }

  // ---- the run -----------------------------------------------------------------------------------------------------

  private async begin(scope: RunScope): Promise<void> {
    this.scope = scope;
    this.pending = null;
    await this.drive(() => server.startAutoRun({ scope }));
  }

  private async resume(): Promise<void> {
    const known = this.pending;
    const scope = this.scope;
    await this.drive(async () => {
      if (known !== null) return server.continueAutoRun({ runId: known.runId });
      // The first call died before it answered: the server may or may not have kept the run.
      const current = await server.getAutoRun({});
      if (current.run !== null && current.run.state === 'running') return server.continueAutoRun({ runId: current.run.runId });
      return server.startAutoRun({ scope: scope ?? { kind: 'open' } });
    });
  }

  /** Runs slice after slice until the run is finished; a failure leaves "Continue". */
  private async drive(first: () => Promise<RunStatus>): Promise<void> {
    if (this.working || isBusy()) return;
    const texts = pageTexts();
    this.working = true;
    const progress = progressView();
    if (this.pending !== null) progress.update(this.pending);
    this.render('progress', progress.element);
    let finished: RunStatus | undefined;
    try {
      finished = await run(
        texts.running,
        async () => {
          let status = await first();
          let stalled = 0;
          for (;;) {
            const before = this.pending;
            stalled = before !== null && before.runId === status.runId && before.done === status.done ? stalled + 1 : 0;
            this.pending = status;
            progress.update(status);
            if (status.state !== 'running') return status;
            if (stalled >= MAX_STALLED_SLICES) throw new Error(texts.noProgress);
            status = await server.continueAutoRun({ runId: status.runId });
          }
        },
        this.status,
      );
    } finally {
      this.working = false;
    }
    if (finished === undefined) {
      this.renderStopped(progress);
      return;
    }
    this.pending = null;
    this.renderSummary(finished);
    if (!this.archiveBox.hidden) await this.loadArchive();
  }

  // ---- details and archive -----------------------------------------------------------------------------------------

  private async fetchDetails(runId: string): Promise<RunDetail[] | null> {
    const answer = await run(pageTexts().loading, () => server.getRunDetails({ runId }), this.status);
    return answer === undefined ? null : answer.items;
  }

  private async toggleArchive(): Promise<void> {
    const texts = pageTexts();
    if (!this.archiveBox.hidden) {
      this.archiveBox.hidden = true;
      this.archiveButton.setAttribute('aria-expanded', 'false');
      this.archiveButton.textContent = texts.showArchive;
      return;
    }
    if (!(await this.loadArchive())) return;
    this.archiveBox.hidden = false;
    this.archiveButton.setAttribute('aria-expanded', 'true');
    this.archiveButton.textContent = texts.hideArchive;
  }

  private async loadArchive(): Promise<boolean> {
    const answer = await run(pageTexts().loading, () => server.listArchive({}), this.status);
    if (answer === undefined) return false;
    replaceChildren(this.archiveBox, archiveList(answer.entries, (runId) => void this.openArchived(runId)));
    return true;
  }

  /** An archived run: its summary with the details open, where the page shows a run. */
  private async openArchived(runId: string): Promise<void> {
    if (this.working) return;
    const answer = await run(pageTexts().loading, () => server.getRunDetails({ runId }), this.status);
    if (answer === undefined) return;
    this.renderSummary(answer.run, answer.items);
    const button = this.body.querySelector<HTMLButtonElement>('[data-testid="run-details-button"]');
    button?.click();
    this.body.scrollIntoView({ block: 'start' });
  }

  /** For the shell: whether a run is being worked right now (e.g. to warn before closing). */
  isWorking(): boolean {
    return this.working;
  }
}
