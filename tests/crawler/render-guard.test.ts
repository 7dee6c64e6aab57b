import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawl } from '../../crawler/crawl/run.ts';
import { crawlSite } from '../../crawler/crawl/site-crawler.ts';
import { Fetcher } from '../../crawler/fetch/index.ts';
import { readColumnLibrary } from '../../crawler/packs.ts';
import { BrowserRenderer, findChromium } from '../../crawler/render/browser.ts';
import { siteConfig } from '../../crawler/sites/load.ts';
import { siteEntry } from '../../crawler/sites/schema.ts';
import { MemoryStore } from '../../crawler/store/memory-store.ts';

/**
 * The renderer obeys the site's allow-list and its time bounds: a page's script cannot take Chromium to another
 * port on this machine and make that page's items evidence, and a page that blocks its main thread cannot hold the
 * crawl: it is killed, its column is needs-review, and the next page renders in a fresh browser.
 */

const chromium = findChromium();
if (!chromium) console.warn('⚠ skipped: Chromium not found (install the Debian package chromium or set CHROME_BIN)');

const TODAY = '2026-01-25';
const page = (title: string, body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
const items = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `<li><a href="/a/${prefix}${i}.html">${prefix}关于第${i + 1}批工作安排的通知</a><span>2026-01-${String(20 - i).padStart(2, '0')}</span></li>`).join('');
const jsList = (prefix: string) => `<ul id="list"></ul><script>setTimeout(function () { document.getElementById('list').innerHTML = ${JSON.stringify(items(prefix, 5))}; }, 50);</script>`;

let internal: Server;
let site: Server;
let internalHits: string[] = [];
let base = '';

async function listen(s: Server): Promise<number> {
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  return (s.address() as AddressInfo).port;
}

beforeAll(async () => {
  internal = createServer((req, res) => {
    internalHits.push(req.url ?? '');
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(page('内部系统', `<ul class="list">${items('内部', 8)}</ul>`));
  });
  const inner = `http://127.0.0.1:${await listen(internal)}`;
  site = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    switch (path) {
      case '/':
        return res.end(page('青山县人民政府', `<ul class="nav"><li><a href="/tzgg/">通知公告</a></li><li><a href="/zwyw/">政务要闻</a></li><li><a href="/zcjd/">政策解读</a></li><li><a href="/zcwj/">政策文件</a></li></ul>`));
      case '/tzgg/': // the script takes the browser to another port of this machine, in every way it can
        return res.end(page('通知公告', `<ul id="list"></ul><iframe src="${inner}/frame"></iframe>
          <script>fetch('/redirect-inside').catch(function () {}); new Worker('/worker.js'); setTimeout(function () { location.href = '${inner}/'; }, 10);</script>`));
      case '/redirect-inside':
        res.writeHead(302, { location: `${inner}/via-redirect` });
        return res.end();
      case '/worker.js':
        res.setHeader('content-type', 'application/javascript');
        return res.end(`fetch('${inner}/from-worker').catch(function () {});`);
      case '/zwyw/': // blocks its main thread while the page is parsed
        return res.end(page('政务要闻', `<ul id="list"></ul><script>while (true) {}</script>`));
      case '/zcjd/': // blocks it once loaded
        return res.end(page('政策解读', `<ul id="list"></ul><script>window.addEventListener('load', function () { setTimeout(function () { while (true) {} }, 0); });</script>`));
      case '/zcwj/': // a healthy list drawn by JavaScript, read after the hung pages
        return res.end(page('政策文件', jsList('政策')));
      default:
        res.statusCode = 404;
        return res.end(page('404', '页面不存在'));
    }
  });
  base = `http://127.0.0.1:${await listen(site)}/`;
});

afterAll(async () => {
  await new Promise<void>((ok) => site.close(() => ok()));
  await new Promise<void>((ok) => internal.close(() => ok()));
});

function siteUnderTest(limits: Record<string, number> = {}) {
  return siteConfig(siteEntry.parse({ id: 'qingshan', name: '青山县人民政府', url: base, kind: 'county', allowPrivate: true, render: 'auto' }), {
    packs: ['national-2019'],
    limits: { delayMs: 0, availabilitySamples: 1, timeoutMs: 4000, detailPagesPerColumn: 0, maxLinks: 0, ...limits },
  });
}

describe.skipIf(!chromium)('the renderer behind the host guard, with bounded steps', () => {
  it('never lets a script take Chromium to another port, and kills pages that block their main thread', async () => {
    internalHits = [];
    const renderer = new BrowserRenderer();
    const fetcher = new Fetcher({ allowPrivate: true, allowedHosts: [new URL(base).host], defaultDelayMs: 0 });
    try {
      const { snapshot } = await crawlSite(siteUnderTest(), { fetcher, renderer, journal: await new MemoryStore().journal('t', 'qingshan'), classes: readColumnLibrary().columns, now: TODAY, capturedAt: new Date().toISOString() });
      const byPath = new Map(snapshot.columns.map((c) => [new URL(c.url).pathname, c]));
      const tzgg = byPath.get('/tzgg/')!;
      expect(tzgg.items.some((i) => i.title.includes('内部'))).toBe(false);
      expect(tzgg.status).toBe('needs-review');
      expect(internalHits).toEqual([]);

      for (const hung of ['/zwyw/', '/zcjd/']) {
        expect(byPath.get(hung)!.status).toBe('needs-review');
        expect(byPath.get(hung)!.statusReason).toMatch(/渲染失败.*timeout/i);
      }
      // After the kills, the browser answers again.
      const zcwj = byPath.get('/zcwj/')!;
      expect(zcwj.status).toBe('ok');
      expect(zcwj.items).toHaveLength(5);
    } finally {
      await fetcher.close();
      await renderer.close();
    }
  }, 60_000);

  it('ends a site past its time budget as needs-review with what was read and the reason', async () => {
    const store = new MemoryStore();
    const renderer = new BrowserRenderer();
    try {
      const r = await runCrawl({ sites: [siteUnderTest({ siteBudgetMs: 1000, timeoutMs: 2500 })], store, now: TODAY, renderer });
      const stored = (await store.getSite(r.id, 'qingshan'))!;
      expect(stored.snapshot.incompleteReason).toMatch(/site time budget of 1 s exceeded/);
      expect(stored.snapshot.discoveryComplete).toBe(false);
      expect(stored.snapshot.home.status).toBe('ok');
      expect(stored.result.verdict).not.toBe('pass');
      // Which loads the budget cut depends on timing: every column is either read or says why it was not.
      expect(stored.snapshot.columns.every((c) => c.status === 'ok' || !!c.statusReason)).toBe(true);
    } finally {
      await renderer.close();
    }
  }, 60_000);

  it('kills a browser that stops answering and relaunches it on the next render', async () => {
    const renderer = new BrowserRenderer({ closeTimeoutMs: 1000 });
    try {
      const zcwj = `${base}zcwj/`;
      expect((await renderer.render(zcwj, 8000)).html).toContain('政策关于第1批工作安排的通知');
      const frozen = await renderer.processIds();
      expect(frozen.length).toBeGreaterThan(0);
      for (const pid of frozen) process.kill(pid, 'SIGSTOP');
      await expect(renderer.render(zcwj, 2000)).rejects.toThrow(/timeout/);
      expect(renderer.kills).toBe(1);
      expect((await renderer.processIds()).some((p) => frozen.includes(p))).toBe(false);
      expect((await renderer.render(zcwj, 8000)).html).toContain('政策关于第1批工作安排的通知');
    } finally {
      await renderer.close();
    }
  }, 60_000);
});
