import type { Fetcher } from '../fetch/index.ts';
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
  /** Every page URL loaded (fetched or read back from the journal), in order: the text checks read them all. */
  readonly loaded: string[] = [];

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

  async load(url: string): Promise<JournalEntry | undefined> {
    const cached = this.journal.get(url);
    if (cached && !cached.rendered) {
      this.loaded.push(url);
      return cached;
    }
    if (!this.budgetLeft()) return undefined;
    this.loaded.push(url);
    const r = await this.fetcher.fetch(url, { timeoutMs: this.limits.timeoutMs });
    return this.record({ url, finalUrl: r.finalUrl, status: r.status, ok: r.ok && !r.error, error: r.error, elapsedMs: r.elapsedMs, text: r.text, charset: r.charset });
  }

  /** The page as a browser draws it (lists filled by JavaScript). */
  async render(url: string): Promise<JournalEntry | undefined> {
    const key = `${url}#rendered`;
    const cached = this.journal.get(key);
    if (cached) return cached;
    if (!this.renderer || !this.budgetLeft()) return undefined;
    try {
      const r = await this.renderer.render(url, this.limits.timeoutMs);
      this.rendered++;
      return this.record({ url: key, finalUrl: r.finalUrl, status: r.status, ok: r.status >= 200 && r.status < 400, elapsedMs: r.elapsedMs, text: r.html, rendered: true });
    } catch (e) {
      return this.record({ url: key, finalUrl: url, status: 0, ok: false, error: { kind: 'render', message: (e as Error).message.split('\n')[0] }, elapsedMs: 0, text: '', rendered: true });
    }
  }
}

/** Why a page could not be judged, in words for the report. */
export function failureReason(e: JournalEntry): string {
  if (e.error) return `${e.error.kind}: ${e.error.message}`;
  return `HTTP ${e.status}`;
}
