import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import PQueue from 'p-queue';
import type { Browser } from 'playwright-core';
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
  /** The list counts as drawn once the DOM has been quiet this long with no request of the page open. Default 120. */
  quietMs?: number;
  /** Longest wait for the DOM to settle after the page's DOMContentLoaded. Default 4000. */
  settleMaxMs?: number;
  /** Bound on closing a page; past it the browser is killed and relaunched on next use. Default 3000. */
  closeTimeoutMs?: number;
}

/**
 * The browser's processes, found by a marker switch on its command line (Chromium ignores switches it does not
 * know). Playwright's Browser does not expose its process, and launchServer, which does, costs a WebSocket hop on
 * every protocol message (about a fifth more CPU per page).
 */
function processesWithMarker(marker: string): number[] {
  const pids: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      if (readFileSync(`/proc/${e}/cmdline`, 'latin1').includes(marker)) pids.push(Number(e));
    } catch {
      /* gone meanwhile */
    }
  }
  return pids;
}

interface Running {
  browser: Browser;
  marker: string;
}

export class BrowserRenderer {
  private running?: Promise<Running>;
  /** Bumped at every kill: sessions reopen their context on the new browser. */
  generation = 0;
  renders = 0;
  readonly o: Required<Omit<RendererOptions, 'executablePath' | 'userAgent'>> & Pick<RendererOptions, 'executablePath' | 'userAgent'>;
  private readonly slots: PQueue;

  constructor(opts: RendererOptions = {}) {
    this.o = { pagesAtOnce: 3, quietMs: 120, settleMaxMs: 4000, closeTimeoutMs: 3000, ...opts };
    this.slots = new PQueue({ concurrency: this.o.pagesAtOnce });
  }

  get available(): boolean {
    return !!(this.o.executablePath ?? findChromium());
  }

  /** The running browser, launched on first use (and again after a kill). */
  async browser(): Promise<Browser> {
    const executablePath = this.o.executablePath ?? findChromium();
    if (!executablePath) throw new Error('未找到 Chromium / Chromium not found: install the Debian package chromium or set CHROME_BIN');
    this.running ??= import('playwright-core').then(async ({ chromium }) => {
      const marker = `--govaudit-renderer=${randomUUID()}`;
      const browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, ...NO_DIRECT_NETWORK_ARGS, marker] });
      return { browser, marker };
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

  /** The running browser's processes (none before the first render). */
  async processIds(): Promise<number[]> {
    const r = await this.running?.catch(() => undefined);
    return r ? processesWithMarker(r.marker) : [];
  }

  /** Browsers killed because a page or the browser stopped answering. */
  kills = 0;

  /** Kills the browser (it did not answer); the next render launches a new one. */
  async kill(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    this.generation++;
    const r = await running?.catch(() => undefined);
    if (!r) return;
    this.kills++;
    for (const pid of processesWithMarker(r.marker)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    await this.bounded(r.browser.close(), this.o.closeTimeoutMs);
  }

  private bounded(p: Promise<unknown>, ms: number): Promise<boolean> {
    return Promise.race([p.then(() => true, () => false), new Promise<boolean>((done) => setTimeout(() => done(false), ms).unref())]);
  }

  async close(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    const r = await running?.catch(() => undefined);
    if (!r) return;
    if (!(await this.bounded(r.browser.close(), this.o.closeTimeoutMs * 2))) {
      this.running = Promise.resolve(r);
      await this.kill();
    }
  }
}
