import { undecodableReason, type Fetcher } from '../fetch/index.ts';
import { pageFromHtml } from '../page/from-html.ts';
import type { RenderResult } from '../render/browser.ts';
import type { JournalEntry, PageJournal } from '../store/types.ts';
import { currentPageKey } from './isolate-page.ts';

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

/** Fetched HTML → page tree; tests swap in one that throws, to show a page that throws stays with its page. */
export type ParsePage = typeof pageFromHtml;

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
  /** Set once the site's time budget refused a load. */
  budgetHit = false;
  /** Every page URL loaded (fetched or read back from the journal), in order: the text checks read them all. */
  readonly loaded: string[] = [];

  constructor(
    private readonly fetcher: PageFetcher,
    private readonly journal: PageJournal,
    private readonly renderer: PageRenderer | undefined,
    private readonly limits: { maxPages: number; timeoutMs: number },
    private readonly onPage?: (e: JournalEntry) => void,
    private readonly budget?: SiteBudget,
    /** How every page of the site is parsed. */
    readonly parse: ParsePage = pageFromHtml,
  ) {}

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

  /**
   * Network or browser work for the page being handled (isolatePage): its `processing` mark is closed meanwhile, so
   * a kill during a slow fetch is not taken for a page that crashed the crawler. The key travels with the async
   * context, so columns read a few at once each close and reopen their own mark.
   */
  private async waiting<T>(fn: () => Promise<T>): Promise<T> {
    const key = currentPageKey();
    if (key) await this.journal.processed(key);
    try {
      return await fn();
    } finally {
      if (key) await this.journal.processing(key);
    }
  }

  /** Runs a load once per key at a time (two columns may reach one page, a shared detail or pager, at once). */
  private async once(key: string, work: () => Promise<JournalEntry>): Promise<JournalEntry | undefined> {
    const loading = this.loading.get(key);
    if (loading) return loading;
    if (!this.budgetLeft()) return undefined;
    this.reserved++;
    const p = this.waiting(work).finally(() => this.reserved--);
    this.loading.set(key, p);
    try {
      return await p;
    } finally {
      this.loading.delete(key);
    }
  }

  async load(url: string): Promise<JournalEntry | undefined> {
    const cached = this.journal.get(url);
    if (cached && !cached.rendered) {
      this.loaded.push(url);
      return cached;
    }
    const late = this.outOfTime(url);
    if (late) return late;
    this.loaded.push(url);
    return this.once(url, () => this.fetchAndRecord(url));
  }

  private async fetchAndRecord(url: string): Promise<JournalEntry> {
    const r = await this.fetcher.fetch(url, { timeoutMs: this.limits.timeoutMs });
    // A page cut at the size limit (an endless body, a gzip bomb) or one no encoding reads is not the page: it is
    // kept out of every judgement (a missing column on half a home page is not a missing column), journaled without its text.
    const unusable: JournalEntry['error'] = r.error ? undefined
      : r.truncated ? { kind: 'truncated', message: `页面超过大小上限被截断，未按完整页面评判 / page cut at the size limit (${r.bytes} bytes read); not judged as whole` }
      : r.ok ? mapReason('undecodable', undecodableReason(r.text)) : undefined;
    if (unusable) return this.record({ url, finalUrl: r.finalUrl, status: r.status, ok: false, error: unusable, elapsedMs: r.elapsedMs, text: '', charset: r.charset, ...(r.truncated ? { truncated: true } : {}) });
    return this.record({ url, finalUrl: r.finalUrl, status: r.status, ok: r.ok && !r.error, error: r.error, elapsedMs: r.elapsedMs, text: r.text, charset: r.charset });
  }

  /** The page as a browser draws it (lists filled by JavaScript). */
  async render(url: string): Promise<JournalEntry | undefined> {
    const key = `${url}#rendered`;
    const cached = this.journal.get(key);
    if (cached) return cached;
    if (!this.renderer) return undefined;
    return this.outOfTime(key) ?? this.once(key, () => this.renderAndRecord(url, key));
  }

  private async renderAndRecord(url: string, key: string): Promise<JournalEntry> {
    try {
      const r = await this.renderer!.render(url, Math.min(this.limits.timeoutMs, this.timeLeft()));
      this.rendered++;
      return this.record({ url: key, finalUrl: r.finalUrl, status: r.status, ok: r.status >= 200 && r.status < 400, elapsedMs: r.elapsedMs, text: r.html, rendered: true });
    } catch (e) {
      return this.record({ url: key, finalUrl: url, status: 0, ok: false, error: { kind: 'render', message: (e as Error).message.split('\n')[0]! }, elapsedMs: 0, text: '', rendered: true });
    }
  }
}

function mapReason(kind: string, message: string | undefined): JournalEntry['error'] {
  return message ? { kind, message: `无法解码页面文字 / ${message}` } : undefined;
}

/** Why a page could not be judged, in words for the report. */
export function failureReason(e: JournalEntry): string {
  if (e.error) return `${e.error.kind}: ${e.error.message}`;
  return `HTTP ${e.status}`;
}
