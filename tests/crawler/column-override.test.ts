import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawl } from '../../crawler/crawl/run.ts';
import { siteConfig } from '../../crawler/sites/load.ts';
import { siteEntry } from '../../crawler/sites/schema.ts';
import { MemoryStore } from '../../crawler/store/memory-store.ts';

/** A site file's column override: a column no name or slug would find, and a list the automatic pick gets wrong. */

let server: Server;
let base = '';
const row = (t: string, d: string) => `<li><a href="/a/${encodeURIComponent(t)}.html">${t}</a><span>${d}</span></li>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (req.url === '/') return res.end('<html><body><ul class="nav"><li><a href="/c/8/">青山要闻</a></li></ul></body></html>');
    if (req.url === '/c/8/') {
      // Two lists: a long one of links to other sites' news (picked by default) and the column's own short one.
      const other = Array.from({ length: 12 }, (_, i) => row(`兄弟县市动态${i}`, '2026-11-22')).join('');
      return res.end(`<html><body><div class="partner"><ul>${other}</ul></div><div id="own"><ul>${row('青山县召开常务会议', '2026-10-01')}${row('青山县部署冬季防火', '2026-09-20')}</ul></div></body></html>`);
    }
    res.statusCode = 404;
    res.end('');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

describe('per-site column override', () => {
  it('maps a column by URL and reads only the list the selector names', async () => {
    const store = new MemoryStore();
    const cfg = siteConfig(siteEntry.parse({
      id: 'override', name: '青山县', url: base, kind: 'county', allowPrivate: true, render: 'never',
      columns: { news: { url: `${base}c/8/`, name: '青山要闻', selector: '#own' } },
      limits: { delayMs: 0, availabilitySamples: 1, detailPagesPerColumn: 0, maxLinks: 0 },
    }), { packs: ['national-2019'], limits: {} });
    const run = await runCrawl({ sites: [cfg], store, now: '2026-11-23' });
    const site = (await store.getSite(run.id, 'override'))!;
    const news = site.snapshot.columns.filter((c) => c.classId === 'news');
    expect(news).toHaveLength(1);
    expect(news[0]).toMatchObject({ matchedBy: 'override', name: '青山要闻', listCssPath: '#own' });
    expect(news[0].items.map((i) => i.date)).toEqual(['2026-10-01', '2026-09-20']);
    const stale = site.result.packs[0].findings.find((f) => f.ruleId === 'news-column-stale')!;
    expect(stale.outcome).toBe('fail');
  });
});
