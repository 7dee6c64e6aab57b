import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/**
 * Renders pages whose lists are drawn by JavaScript, in Debian's Chromium through playwright-core (Playwright
 * cannot download browsers here). Launched on first use only: static sites never start a browser.
 */

export function findChromium(): string | undefined {
  const candidates = [process.env.CHROME_BIN, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

/** Flags that keep headless Chromium from reaching out on this closed network at every start. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export interface RenderResult {
  html: string;
  finalUrl: string;
  status: number;
  elapsedMs: number;
}

export class BrowserRenderer {
  private browser?: Promise<Browser>;
  renders = 0;

  constructor(private readonly opts: { executablePath?: string; userAgent?: string } = {}) {}

  get available(): boolean {
    return !!(this.opts.executablePath ?? findChromium());
  }

  private launch(): Promise<Browser> {
    const executablePath = this.opts.executablePath ?? findChromium();
    if (!executablePath) throw new Error('未找到 Chromium / Chromium not found: install the Debian package chromium or set CHROME_BIN');
    this.browser ??= import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS }));
    return this.browser;
  }

  async render(url: string, timeoutMs = 15000): Promise<RenderResult> {
    const browser = await this.launch();
    const context = await browser.newContext({ userAgent: this.opts.userAgent, serviceWorkers: 'block' });
    const page = await context.newPage();
    const started = performance.now();
    try {
      const response = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
      // Lists filled by XHR after load: give the network a moment to settle, bounded.
      await page.waitForLoadState('networkidle', { timeout: Math.min(5000, timeoutMs) }).catch(() => undefined);
      this.renders++;
      return { html: await page.content(), finalUrl: page.url(), status: response?.status() ?? 0, elapsedMs: Math.round(performance.now() - started) };
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    if (this.browser) await (await this.browser.catch(() => undefined))?.close();
    this.browser = undefined;
  }
}
