import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawl } from '../../crawler/crawl/run.ts';
import { siteConfig } from '../../crawler/sites/load.ts';
import { siteEntry } from '../../crawler/sites/schema.ts';
import { MemoryStore } from '../../crawler/store/memory-store.ts';

/**
 * A hostile county portal on 127.0.0.1: every column misbehaves differently. The crawl must finish within its
 * limits, judge nothing it could not read (needs-review, with the reason), and never leave the configured host.
 */

const TODAY = '2026-11-23';
const hits = new Map<string, number>();
let offsiteHits = 0;
let site: Server;
let offsite: Server;
let base = '';
let offsiteUrl = '';

function html(body: string, head = '<meta charset="utf-8">'): string {
  return `<!doctype html><html><head>${head}<title>青山县</title></head><body>${body}</body></html>`;
}
const list = (n: number, date = TODAY) => `<ul class="list">${Array.from({ length: n }, (_, i) => `<li><a href="/art/${i}.html">青山县第${i + 1}号工作通报</a><span class="date">${date}</span></li>`).join('')}</ul>`;

beforeAll(async () => {
  offsite = createServer((_req, res) => {
    offsiteHits++;
    res.end('off-site');
  });
  await new Promise<void>((ok) => offsite.listen(0, '127.0.0.1', ok));
  offsiteUrl = `http://localhost:${(offsite.address() as AddressInfo).port}/`;

  site = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    switch (path) {
      case '/':
        return res.end(html(`<ul class="nav">
          <li><a href="/tzgg/">通知公告</a></li><li><a href="/zcwj/">政策文件</a></li><li><a href="/zwdt/">政务动态</a></li>
          <li><a href="/zcjd/">政策解读</a></li><li><a href="/ghjh/">规划计划</a></li><li><a href="/rsxx/">人事信息</a></li>
          <li><a href="/tjxx/">统计信息</a></li><li><a href="/czyjs/">财政预决算</a></li>
          <li><a href="${offsiteUrl}">外部链接</a></li><li><a href="http://10.0.0.1/intranet/">内网</a></li><li><a href="javascript:alert(1)">脚本</a></li>
        </ul><div class="news">${list(10)}</div>`));
      case '/tzgg/': // redirect loop
        res.writeHead(302, { location: '/tzgg/again/' });
        return res.end();
      case '/tzgg/again/':
        res.writeHead(302, { location: '/tzgg/' });
        return res.end();
      case '/zcwj/': { // slow drip: headers at once, then a byte every 300 ms
        res.write('<html><body><ul class="list">');
        const t = setInterval(() => res.write(' '), 300);
        res.on('close', () => clearInterval(t));
        return;
      }
      case '/zwdt/': { // an endless body: must be cut off, not buffered
        res.write(html(list(5)));
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const pump = () => { while (res.write(chunk)) { /* until the socket pushes back */ } };
        res.on('drain', pump);
        pump();
        return;
      }
      case '/zcjd/': // connection reset
        return req.socket.destroy();
      case '/ghjh/': // 5xx burst that never ends
        res.statusCode = 503;
        return res.end('busy');
      case '/rsxx/': // 429 storm
        res.writeHead(429, { 'retry-after': '1' });
        return res.end('too many');
      case '/tjxx/': // a calendar trap: every page links a next page, forever
      case '/tjxx/index_1.html':
        return res.end(html(`${list(3)}<a href="/tjxx/index_${Number(/index_(\d+)/.exec(req.url ?? '')?.[1] ?? 0) + 1}.html">下一页</a>`));
      case '/czyjs/': // malformed HTML with a lying charset
        res.setHeader('content-type', 'text/html; charset=utf-8');
        return res.end(Buffer.concat([Buffer.from('<html><body><ul class="list"><li><a href="/a.html">'), Buffer.from([0xb2, 0xc6, 0xd5, 0xfe]), Buffer.from(`</a><span class="date">${TODAY}</span><li><a href="/b.html">x</a><span class="date">${TODAY}</div></table>`)]));
      default:
        if (/^\/tjxx\/index_\d+\.html$/.test(path)) return res.end(html(`${list(3)}<a href="/tjxx/index_${Number(/index_(\d+)/.exec(path)![1]) + 1}.html">下一页</a>`));
        res.statusCode = 404;
        return res.end(html('页面不存在'));
    }
  });
  await new Promise<void>((ok) => site.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  site.closeAllConnections();
  offsite.closeAllConnections();
  await Promise.all([new Promise((ok) => site.close(ok)), new Promise((ok) => offsite.close(ok))]);
});

describe('a hostile site', () => {
  it('is crawled within limits; what could not be read is needs-review with its reason', { timeout: 90_000 }, async () => {
    const store = new MemoryStore();
    const cfg = siteConfig(
      siteEntry.parse({ id: 'hostile', name: '青山县（故障）', url: base, kind: 'county', allowPrivate: true, render: 'never', limits: { timeoutMs: 1500, delayMs: 0, maxListPages: 3, availabilitySamples: 1, maxLinks: 15 } }),
      { packs: ['national-2019'], limits: {} },
    );
    const started = Date.now();
    const run = await runCrawl({ sites: [cfg], store, now: TODAY });
    expect(Date.now() - started).toBeLessThan(60_000);
    const stored = (await store.getSite(run.id, 'hostile'))!;
    const byName = new Map(stored.snapshot.columns.map((c) => [c.name, c]));

    expect(byName.get('通知公告')).toMatchObject({ status: 'needs-review' });
    expect(byName.get('通知公告')!.statusReason).toMatch(/redirect/);
    expect(byName.get('政策文件')!.statusReason).toMatch(/timeout/);
    expect(byName.get('政策解读')!.statusReason).toMatch(/reset/);
    expect(byName.get('规划计划')!.statusReason).toMatch(/503/);
    expect(byName.get('人事信息')!.statusReason).toMatch(/429/);
    // The endless body was cut off, and a cut page is never judged as if whole.
    expect(byName.get('政务动态')).toMatchObject({ status: 'needs-review' });
    expect(byName.get('政务动态')!.statusReason).toMatch(/cut at the size limit/);
    // The calendar trap was followed only as far as the limit.
    expect(byName.get('统计信息')!.pagesRead).toBeLessThanOrEqual(3);
    expect([...hits.keys()].filter((p) => p.startsWith('/tjxx/index_')).length).toBeLessThanOrEqual(4);
    // Malformed HTML with a lying charset is still read.
    expect(byName.get('财政预决算')!.items.length).toBeGreaterThanOrEqual(1);

    // Never a pass or a fail for what could not be read.
    const national = stored.result.packs[0];
    // (Presence passes: the navigation link is there. What is judged from the list itself cannot be.)
    const unreadable = national.findings.filter((f) => f.check !== 'column-presence' && f.column && ['通知公告', '政策文件', '政策解读', '规划计划', '人事信息'].includes(f.column.name ?? ''));
    expect(unreadable.length).toBeGreaterThan(0);
    for (const f of unreadable) expect(f.outcome, `${f.ruleId} ${f.message.en}`).toBe('needs-review');

    // Stayed on the configured host: nothing went to the off-site server or the private address.
    expect(offsiteHits).toBe(0);
    expect(stored.snapshot.links.some((l) => l.url.startsWith('http://10.'))).toBe(false);
  });
});
