import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LegacyRenderer } from '../../bench/legacy-renderer.ts';
import { serveFixture } from '../../bench/serve-fixtures.ts';
import { startDemoPortal } from '../../crawler/demo/index.ts';
import { pageFromHtml } from '../../crawler/page/from-html.ts';
import { BrowserRenderer, findChromium } from '../../crawler/render/browser.ts';
import { siteGate } from '../../crawler/render/request-gate.ts';
import { extractListItems } from '../../rules/extract/list-items.ts';

/**
 * The faster renderer (one context per site, pages and scripts reused, images/fonts blocked, a few pages at once,
 * DOM-quiet instead of network idle) reads the same items as the renderer it replaced (a context per page, every
 * resource, network idle) on every page drawn by JavaScript: the JS fixture portal and the demo portal's JS column.
 */

const chromium = findChromium();
if (!chromium) console.warn('⚠ skipped: Chromium not found (install the Debian package chromium or set CHROME_BIN)');

const TODAY = '2026-01-20';
const before = new LegacyRenderer();
const after = new BrowserRenderer();
afterAll(async () => {
  await before.close();
  await after.close();
});

const items = (html: string, url: string, today: string) => extractListItems(pageFromHtml(html, url), { notAfter: today }).items.map((i) => `${i.date ?? '-'} ${i.title} ${i.url ?? ''}`);

async function compare(base: string, paths: string[], today: string): Promise<void> {
  const session = after.session(siteGate({ hosts: [new URL(base).host], allowPrivate: true }));
  try {
    // All pages at once through the session, as a crawl reading several columns does.
    const fast = await Promise.all(paths.map((p) => session.render(new URL(p, base).href, 15000)));
    for (const [i, p] of paths.entries()) {
      const url = new URL(p, base).href;
      const old = await before.render(url, 15000);
      const want = items(old.html, old.finalUrl, today);
      expect(want.length, `${p}: the old renderer read a list`).toBeGreaterThan(0);
      expect(items(fast[i]!.html, fast[i]!.finalUrl, today), p).toEqual(want);
    }
  } finally {
    await session.close();
  }
}

describe.skipIf(!chromium)('rendering before and after: the same items', () => {
  it('on the JS-drawn fixture portal', async () => {
    const dir = join('tests/fixtures/portals/js-rendered');
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as { today: string; columns: { url: string; shape?: string }[] };
    const server = await serveFixture(dir);
    try {
      const js = truth.columns.filter((c) => c.shape?.startsWith('js')).map((c) => c.url);
      expect(js.length).toBeGreaterThanOrEqual(3);
      await compare(server.url, js, truth.today);
    } finally {
      await server.close();
    }
  }, 90_000);

  it("on the demo portal's JS column", async () => {
    const portal = await startDemoPortal({ port: 0, today: TODAY });
    try {
      await compare(portal.url, ['/zcjd/'], TODAY);
    } finally {
      await portal.close();
    }
  }, 60_000);
});
