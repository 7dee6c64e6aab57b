import { existsSync } from 'node:fs';
import PQueue from 'p-queue';
import type { Browser, BrowserServer } from 'playwright-core';
import { singleHostGate, type RequestGate } from './request-gate.ts';
import { RenderSession } from './session.ts';

/**
 * Renders pages whose lists are drawn by JavaScript, in Debian's Chromium through playwright-core (Playwright
 * cannot download browsers here). Launched on first use only: static sites never start a browser.
 *
 * Every request Chromium makes is answered in Node (see RenderSession): Chromium itself is started behind a proxy
 * that does not exist, so a request that escaped the routing (a redirect hop, a socket) fails instead of leaving.
 */

export function findChromium(): string | undefined {
  const candidates = [process.env.CHROME_BIN, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

/** Flags that keep headless Chromium from reaching out on this closed network at every start. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/**
 * Chromium's own network goes nowhere: every request is fulfilled by the route handler in Node, so anything that
 * bypasses routing (Chromium follows a fulfilled redirect without routing it again) hits a dead proxy. Loopback
 * included (`<-loopback>`), which Chromium would otherwise reach directly.
 */
export const NO_DIRECT_NETWORK_ARGS = ['--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=<-loopback>', '--dns-prefetch-disable', '--blink-settings=imagesEnabled=false'];

export interface RenderResult {
  html: string;
  finalUrl: string;
  status: number;
  elapsedMs: number;
}

export interface RendererOptions {
  executablePath?: string;
  userAgent?: string;
  /** Pages rendered at once across all sessions (the CPU is shared). Default 3. */
  pagesAtOnce?: number;
  /** The list counts as drawn once the DOM has been quiet this long with no request of the page open. Default 250. */
  quietMs?: number;
  /** Longest wait for the DOM to settle after the page's DOMContentLoaded. Default 4000. */
  settleMaxMs?: number;
  /** Bound on closing a page; past it the browser is killed and relaunched on next use. Default 3000. */
  closeTimeoutMs?: number;
}

interface Running {
  server: BrowserServer;
  browser: Browser;
}

export class BrowserRenderer {
  private running?: Promise<Running>;
  /** Bumped at every kill: sessions reopen their context on the new browser. */
  generation = 0;
  renders = 0;
  readonly o: Required<Omit<RendererOptions, 'executablePath' | 'userAgent'>> & Pick<RendererOptions, 'executablePath' | 'userAgent'>;
  private readonly slots: PQueue;

  constructor(opts: RendererOptions = {}) {
    this.o = { pagesAtOnce: 3, quietMs: 250, settleMaxMs: 4000, closeTimeoutMs: 3000, ...opts };
    this.slots = new PQueue({ concurrency: this.o.pagesAtOnce });
  }

  get available(): boolean {
    return !!(this.o.executablePath ?? findChromium());
  }

  /** The running browser, launched on first use (and again after a kill). */
  async browser(): Promise<Browser> {
    const executablePath = this.o.executablePath ?? findChromium();
    if (!executablePath) throw new Error('未找到 Chromium / Chromium not found: install the Debian package chromium or set CHROME_BIN');
    // launchServer rather than launch: it hands over the process, so a browser that stops answering can be killed.
    this.running ??= import('playwright-core').then(async ({ chromium }) => {
      const server = await chromium.launchServer({ executablePath, headless: true, args: [...CHROMIUM_ARGS, ...NO_DIRECT_NETWORK_ARGS] });
      const browser = await chromium.connect(server.wsEndpoint());
      return { server, browser };
    });
    this.running.catch(() => (this.running = undefined));
    return (await this.running).browser;
  }

  /** A session for one site: one browser context, reused for every page of the site, behind the site's gate. */
  session(gate: RequestGate): RenderSession {
    return new RenderSession(this, gate);
  }

  /** Runs one page render in a slot: at most `pagesAtOnce` pages are open at a time. */
  inSlot<T>(fn: () => Promise<T>): Promise<T> {
    return this.slots.add(fn) as Promise<T>;
  }

  /** Renders a lone URL, allowing its own host and port only. */
  async render(url: string, timeoutMs = 15000): Promise<RenderResult> {
    const s = this.session(singleHostGate(url));
    try {
      return await s.render(url, timeoutMs);
    } finally {
      await s.close();
    }
  }

  /** Kills the browser (it did not answer); the next render launches a new one. */
  async kill(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    this.generation++;
    const r = await running?.catch(() => undefined);
    if (r) await r.server.kill().catch(() => undefined);
  }

  async close(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    const r = await running?.catch(() => undefined);
    if (!r) return;
    const closed = await Promise.race([
      r.browser.close().then(() => r.server.close()).then(() => true, () => false),
      new Promise<boolean>((done) => setTimeout(() => done(false), this.o.closeTimeoutMs * 2).unref()),
    ]);
    if (!closed) await r.server.kill().catch(() => undefined);
  }
}
