import type { Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, type RenderResult } from '../crawler/render/browser.ts';

/**
 * The renderer as it was before 2026-11-26 (crawler/render/browser.ts at de98b28), kept only as the baseline of
 * the speed bench's render row and of tests/crawler/render-parity.test.ts: a new context per page, every image and
 * font loaded, a wait for network idle, and no host guard. The crawler never uses it. Only for 127.0.0.1 fixtures.
 */
export class LegacyRenderer {
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
