import type { Fetcher } from '../fetch/index.ts';
import type { RenderResult } from '../render/browser.ts';
import type { JournalEntry, PageJournal } from '../store/types.ts';

/** What the loader needs of a fetcher: one fetch at a time (the site's, or one bound to the site's time budget). */
export type PageFetcher = Pick<Fetcher, 'fetch'>;

/** What the loader needs of a renderer: a site's render session (crawler/render/session.ts). */
export interface PageRenderer {
  readonly available: boolean;
  render(url: string, timeoutMs: number): Promise<RenderResult>;
}

/** The site's wall-clock budget: past `deadline` (performance.now() time) nothing more is loaded. */
export interface SiteBudget {
  deadline: number;
  reason: string;
}

/**
 * Loads pages for one site through the journal: a page fetched before a kill is read back, not fetched again.
 * Counts pages against the site's limit; past it, loads are refused rather than silently skipped.
 */
export class PageLoader {
  pages = 0;
  errors = 0;
  bytes = 0;
  rendered = 0;
  limitHit = false;

  constructor(
    private readonly fetcher: PageFetcher,
    private readonly journal: PageJournal,
    private readonly renderer: PageRenderer | undefined,
    private readonly limits: { maxPages: number; timeoutMs: number },
    private readonly onPage?: (e: JournalEntry) => void,
    private readonly budget?: SiteBudget,
  ) {}

  /** Set once the site's time budget refused a load. */
  budgetHit = false;

  private timeLeft(): number {
    return this.budget ? this.budget.deadline - performance.now() : Infinity;
  }

  /** A load refused for the site's time budget: not journaled, so a resumed crawl loads it. */
  private outOfTime(url: string): JournalEntry | undefined {
    if (this.timeLeft() > 0) return undefined;
    this.budgetHit = true;
    return { url, finalUrl: url, status: 0, ok: false, error: { kind: 'site-budget', message: this.budget!.reason }, elapsedMs: 0, text: '' };
  }

  get canRender(): boolean {
    return !!this.renderer?.available;
  }

  /** Loads started and not yet recorded: counted against the page limit, as columns are read a few at once. */
  private reserved = 0;
  private readonly loading = new Map<string, Promise<JournalEntry | undefined>>();
  /** Journal lines are written one after another, whole (a large page in two interleaved writes would tear both). */
  private appends: Promise<void> = Promise.resolve();

  private budgetLeft(): boolean {
    if (this.pages + this.reserved < this.limits.maxPages) return true;
    this.limitHit = true;
    return false;
  }

  private async record(entry: JournalEntry): Promise<JournalEntry> {
    this.pages++;
    this.bytes += entry.text.length;
    if (!entry.ok) this.errors++;
    const append = this.appends.catch(() => undefined).then(() => this.journal.append(entry));
    this.appends = append;
    await append;
    this.onPage?.(entry);
    return entry;
  }

  async load(url: string): Promise<JournalEntry | undefined> {
    const cached = this.journal.get(url);
    if (cached && !cached.rendered) return cached;
    const late = this.outOfTime(url);
    if (late) return late;
    // Two columns may reach the same page (a shared detail, a pager) at once: it is fetched once.
    const loading = this.loading.get(url);
    if (loading) return loading;
    if (!this.budgetLeft()) return undefined;
    this.reserved++;
    const p = this.fetcher.fetch(url, { timeoutMs: this.limits.timeoutMs }).then((r) => {
      this.reserved--;
      return this.record({ url, finalUrl: r.finalUrl, status: r.status, ok: r.ok && !r.error, error: r.error, elapsedMs: r.elapsedMs, text: r.text, charset: r.charset });
    }, (e: unknown) => {
      this.reserved--;
      throw e;
    });
    this.loading.set(url, p);
    try {
      return await p;
    } finally {
      this.loading.delete(url);
    }
  }

  /** The page as a browser draws it (lists filled by JavaScript). */
  async render(url: string): Promise<JournalEntry | undefined> {
    const key = `${url}#rendered`;
    const cached = this.journal.get(key);
    if (cached) return cached;
    const late = this.outOfTime(key);
    if (late) return late;
    const loading = this.loading.get(key);
    if (loading) return loading;
    if (!this.renderer || !this.budgetLeft()) return undefined;
    this.reserved++;
    const renderer = this.renderer;
    const p = (async () => {
      let entry: JournalEntry;
      try {
        const r = await renderer.render(url, Math.min(this.limits.timeoutMs, this.timeLeft()));
        this.rendered++;
        entry = { url: key, finalUrl: r.finalUrl, status: r.status, ok: r.status >= 200 && r.status < 400, elapsedMs: r.elapsedMs, text: r.html, rendered: true };
      } catch (e) {
        entry = { url: key, finalUrl: url, status: 0, ok: false, error: { kind: 'render', message: (e as Error).message.split('\n')[0]! }, elapsedMs: 0, text: '', rendered: true };
      }
      this.reserved--;
      return this.record(entry);
    })();
    this.loading.set(key, p);
    try {
      return await p;
    } finally {
      this.loading.delete(key);
    }
  }
}

/** Why a page could not be judged, in words for the report. */
export function failureReason(e: JournalEntry): string {
  if (e.error) return `${e.error.kind}: ${e.error.message}`;
  return `HTTP ${e.status}`;
}
