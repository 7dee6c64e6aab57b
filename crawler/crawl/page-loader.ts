import { undecodableReason, type Fetcher } from '../fetch/index.ts';
import type { BrowserRenderer } from '../render/browser.ts';
import type { JournalEntry, PageJournal } from '../store/types.ts';

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
  /**
   * The page being handled (see isolatePage). Its `processing` mark is closed while this loader waits on the
   * network, so a kill during a slow fetch is not taken for a page that crashed the crawler.
   */
  processingKey?: string;

  constructor(
    private readonly fetcher: Fetcher,
    private readonly journal: PageJournal,
    private readonly renderer: BrowserRenderer | undefined,
    private readonly limits: { maxPages: number; timeoutMs: number },
    private readonly onPage?: (e: JournalEntry) => void,
  ) {}

  get canRender(): boolean {
    return !!this.renderer?.available;
  }

  private budgetLeft(): boolean {
    if (this.pages < this.limits.maxPages) return true;
    this.limitHit = true;
    return false;
  }

  private async record(entry: JournalEntry): Promise<JournalEntry> {
    this.pages++;
    this.bytes += entry.text.length;
    if (!entry.ok) this.errors++;
    await this.journal.append(entry);
    this.onPage?.(entry);
    return entry;
  }

  private async waiting<T>(fn: () => Promise<T>): Promise<T> {
    const key = this.processingKey;
    if (key) await this.journal.processed(key);
    try {
      return await fn();
    } finally {
      if (key) await this.journal.processing(key);
    }
  }

  async load(url: string): Promise<JournalEntry | undefined> {
    const cached = this.journal.get(url);
    if (cached && !cached.rendered) return cached;
    if (!this.budgetLeft()) return undefined;
    return this.waiting(() => this.fetchAndRecord(url));
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
    if (!this.renderer || !this.budgetLeft()) return undefined;
    return this.waiting(() => this.renderAndRecord(url, key));
  }

  private async renderAndRecord(url: string, key: string): Promise<JournalEntry> {
    try {
      const r = await this.renderer!.render(url, this.limits.timeoutMs);
      this.rendered++;
      return this.record({ url: key, finalUrl: r.finalUrl, status: r.status, ok: r.status >= 200 && r.status < 400, elapsedMs: r.elapsedMs, text: r.html, rendered: true });
    } catch (e) {
      return this.record({ url: key, finalUrl: url, status: 0, ok: false, error: { kind: 'render', message: (e as Error).message.split('\n')[0] }, elapsedMs: 0, text: '', rendered: true });
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
