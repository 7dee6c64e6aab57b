import type { BrowserContext, Page, Route } from 'playwright-core';
import type { BrowserRenderer, RenderResult } from './browser.ts';
import { BLOCKED_RESOURCE_TYPES, type RequestGate } from './request-gate.ts';

/** A page step that did not finish in time: the page is closed, and the browser killed if closing hangs too. */
export class RenderStepTimeout extends Error {
  constructor(readonly step: string, ms: number) {
    super(`timeout: ${step} did not finish within ${Math.round(ms)} ms`);
  }
}

const MAX_REDIRECTS = 5;
/** Resource kinds kept per site: the same on every page of a site, and never the list's data. */
const CACHED_TYPES = new Set(['script', 'stylesheet']);
const MAX_CACHED = 300;
const MAX_CACHED_BYTES = 2 * 1024 * 1024;

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/**
 * In the page: resolves true once the DOM has not changed for `quietMs`, or false after `maxMs`: the list has been
 * drawn (or never will be). A string, not a function: the TypeScript loader would wrap a function with helpers
 * (`__name`) that do not exist in the page.
 */
const DOM_QUIET = `({ quietMs, maxMs }) => new Promise((resolve) => {
  let timer;
  const finish = (quiet) => { observer.disconnect(); clearTimeout(timer); clearTimeout(cap); resolve(quiet); };
  const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(() => finish(true), quietMs); });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
  timer = setTimeout(() => finish(true), quietMs);
  const cap = setTimeout(() => finish(false), maxMs);
})`;

function bounded<T>(step: string, p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new RenderStepTimeout(step, ms)), Math.max(1, ms))));
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

function key(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

/**
 * One site's rendering: one browser context, reused for the site's pages, whose every request goes through the
 * site's gate. Each page step (open, navigate, settle, read, close) is bounded; a page that blocks its main thread
 * is closed, and a browser that no longer answers is killed and relaunched on the next render.
 */
export class RenderSession {
  private context?: { generation: number; ctx: Promise<BrowserContext> };
  /** Navigations that answered with a redirect: followed by `render` through the gate, never by Chromium alone. */
  private readonly redirects = new Map<string, string>();
  /** URLs refused by the gate (tests and diagnostics). */
  readonly refused: string[] = [];
  private closed = false;
  /** Pages kept open between renders (at most pagesAtOnce), so a render does not pay for opening a tab. */
  private idle: { generation: number; page: Page }[] = [];
  /** Scripts and stylesheets already answered for this site: the same /js/jquery.js is not fetched for every page. */
  private readonly cache = new Map<string, Answer>();

  constructor(private readonly renderer: BrowserRenderer, private readonly gate: RequestGate) {}

  get available(): boolean {
    return this.renderer.available;
  }

  render(url: string, timeoutMs = 15000): Promise<RenderResult> {
    return this.renderer.inSlot(() => this.renderNow(url, timeoutMs));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.idle = [];
    this.cache.clear();
    const c = this.context;
    this.context = undefined;
    if (!c || c.generation !== this.renderer.generation) return;
    const limit = this.renderer.o.closeTimeoutMs;
    const ctx = await bounded('open context', c.ctx, limit).catch(() => undefined);
    if (!ctx) return;
    await bounded('close context', ctx.close(), limit).catch(() => this.renderer.kill());
  }

  private async renderNow(url: string, timeoutMs: number): Promise<RenderResult> {
    if (this.closed) throw new Error('render session closed');
    const started = performance.now();
    const left = () => timeoutMs - (performance.now() - started);
    let page: Page;
    try {
      const ctx = await bounded('open context', this.openContext(), left());
      page = this.takeIdle() ?? (await bounded('open page', ctx.newPage(), left()));
    } catch (e) {
      // No page yet, so the browser itself did not answer: only a new one will.
      if (e instanceof RenderStepTimeout) await this.renderer.kill();
      throw e;
    }
    const pending = new Set<unknown>();
    const add = (r: unknown) => pending.add(r);
    const done = (r: unknown) => pending.delete(r);
    page.on('request', add);
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    let healthy = false;
    try {
      let target = key(url);
      let response: Awaited<ReturnType<Page['goto']>> = null;
      for (let hop = 0; ; hop++) {
        this.redirects.delete(target);
        try {
          response = await bounded('navigate', page.goto(target, { waitUntil: 'domcontentloaded', timeout: Math.max(1, left()) }), left() + 1000);
          break;
        } catch (e) {
          const next = this.redirects.get(target);
          if (!next || hop >= MAX_REDIRECTS) throw e;
          target = next;
        }
      }
      await this.settle(page, pending, left);
      const finalUrl = page.url();
      const off = safeRefusal(this.gate, finalUrl);
      if (off) throw new Error(`page left the allowed hosts (${finalUrl}): ${off}`);
      const html = await bounded('read content', page.content(), left());
      this.renderer.renders++;
      healthy = true;
      return { html, finalUrl, status: response?.status() ?? 0, elapsedMs: Math.round(performance.now() - started) };
    } finally {
      page.off('request', add);
      page.off('requestfinished', done);
      page.off('requestfailed', done);
      // A page that rendered is kept for the next render; one that failed (it may be stuck) is closed.
      if (healthy && !this.closed && this.idle.length < this.renderer.o.pagesAtOnce) this.idle.push({ generation: this.renderer.generation, page });
      else await this.closePage(page);
    }
  }

  private takeIdle(): Page | undefined {
    for (let e = this.idle.pop(); e; e = this.idle.pop()) if (e.generation === this.renderer.generation && !e.page.isClosed()) return e.page;
    return undefined;
  }

  /**
   * Waits for the list to appear instead of for network idle: until the DOM has been quiet for a short while with no
   * request of the page open, bounded by settleMaxMs and the page's own budget.
   */
  private async settle(page: Page, pending: Set<unknown>, left: () => number): Promise<void> {
    const { quietMs, settleMaxMs } = this.renderer.o;
    const until = performance.now() + Math.min(settleMaxMs, Math.max(0, left() - 500));
    // Lists drawn from window.onload: the load event first (images are never loaded, so it comes soon), bounded.
    await bounded('wait for load', page.waitForLoadState('load', { timeout: Math.max(1, until - performance.now()) }), until - performance.now() + 1000).catch((e: unknown) => {
      if (e instanceof RenderStepTimeout) throw e;
    });
    while (performance.now() < until) {
      const maxMs = until - performance.now();
      await bounded('wait for the list', page.evaluate(`(${DOM_QUIET})(${JSON.stringify({ quietMs, maxMs: Math.round(maxMs) })})`), maxMs + 1000);
      if (pending.size === 0) return;
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  private async closePage(page: Page): Promise<void> {
    try {
      await bounded('close page', page.close({ runBeforeUnload: false }), this.renderer.o.closeTimeoutMs);
    } catch {
      // The renderer process does not answer: only killing the browser frees it.
      await this.renderer.kill();
    }
  }

  private openContext(): Promise<BrowserContext> {
    if (this.context && this.context.generation === this.renderer.generation) return this.context.ctx;
    const generation = this.renderer.generation;
    const ctx = this.renderer.browser().then(async (browser) => {
      const c = await browser.newContext({ userAgent: this.renderer.o.userAgent, serviceWorkers: 'block', acceptDownloads: false });
      await c.routeWebSocket(/.*/, (ws) => void ws.close().catch(() => undefined));
      await c.route('**/*', (route) => this.handle(route));
      return c;
    });
    this.context = { generation, ctx };
    ctx.catch(() => {
      if (this.context?.ctx === ctx) this.context = undefined;
    });
    return ctx;
  }

  /** Every request of the site's pages: refused, or answered in Node (from the saved folder or fetched), hop by hop. */
  private async handle(route: Route): Promise<void> {
    const req = route.request();
    try {
      if (BLOCKED_RESOURCE_TYPES.has(req.resourceType())) return await route.abort('blockedbyclient');
      let url = new URL(req.url());
      for (let hop = 0; ; hop++) {
        const why = this.gate.refusal(url);
        if (why) {
          this.refused.push(url.href);
          return await route.abort('blockedbyclient');
        }
        const cacheable = hop === 0 && req.method() === 'GET' && CACHED_TYPES.has(req.resourceType());
        const cached = cacheable ? this.cache.get(url.href) : undefined;
        const answer = cached ?? (this.gate.answer ? await this.gate.answer(url) : await fetchLive(route, url, hop));
        if (cacheable && !cached && answer.status === 200 && answer.body.byteLength <= MAX_CACHED_BYTES && this.cache.size < MAX_CACHED) this.cache.set(url.href, answer);
        const location = answer.status >= 300 && answer.status < 400 ? answer.headers.location : undefined;
        if (!location) return await route.fulfill({ status: answer.status, headers: answer.headers, body: Buffer.from(answer.body) });
        const next = new URL(location, url);
        next.hash = '';
        if (hop >= MAX_REDIRECTS) return await route.abort('failed');
        if (req.isNavigationRequest()) {
          // Chromium would follow a fulfilled redirect without asking again: the navigation is stopped here and
          // `render` navigates to the target, which comes back through this gate.
          this.redirects.set(key(req.url()), next.href);
          return await route.abort('blockedbyclient');
        }
        url = next;
      }
    } catch {
      await route.abort('failed').catch(() => undefined);
    }
  }
}

/** A live site: fetched in Node without following redirects, so that each hop is checked by the gate. */
async function fetchLive(route: Route, url: URL, hop: number): Promise<Answer> {
  const res = hop === 0 ? await route.fetch({ maxRedirects: 0, timeout: 15000 }) : await route.fetch({ url: url.href, method: 'GET', maxRedirects: 0, timeout: 15000 });
  return { status: res.status(), headers: res.headers(), body: await res.body() };
}

function safeRefusal(gate: RequestGate, href: string): string | undefined {
  try {
    return gate.refusal(new URL(href));
  } catch {
    return `not a URL: ${href}`;
  }
}
