import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawl } from '../../crawler/crawl/run.ts';
import { siteConfig } from '../../crawler/sites/load.ts';
import { siteEntry } from '../../crawler/sites/schema.ts';
import { MemoryStore } from '../../crawler/store/memory-store.ts';
import type { StoredSite } from '../../crawler/store/types.ts';

/**
 * 留言 lists read by a crawl: a 领导信箱 table with asked and reply dates and a state column, and a 在线咨询 list that
 * sits behind a login form. The first gives reply times and one message unanswered past 3 months; the second is
 * needs-review with its reason, never a pass.
 */

const TODAY = '2026-03-01';
const page = (title: string, body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
const PAGES: Record<string, string> = {
  '/': page('白河镇人民政府', `<ul class="nav"><li><a href="/sjxx/">领导信箱</a></li><li><a href="/zxzx/">在线咨询</a></li><li><a href="/tzgg/">通知公告</a></li></ul>
<div class="news"><ul><li><a href="/tzgg/1.html">关于春耕生产的通知</a><span>2026-02-27</span></li></ul></div>`),
  '/sjxx/': page('领导信箱', `<table class="list">
<tr><th>标题</th><th>留言时间</th><th>回复时间</th><th>状态</th></tr>
<tr><td><a href="/sjxx/1.html">关于村道硬化的建议</a></td><td>2026-02-10</td><td>2026-02-14</td><td>已回复</td></tr>
<tr><td><a href="/sjxx/2.html">关于自来水停水的投诉</a></td><td>2026-01-05</td><td>2026-01-20</td><td>已回复</td></tr>
<tr><td><a href="/sjxx/3.html">关于宅基地审批的咨询</a></td><td>2025-10-08</td><td></td><td>未回复</td></tr>
</table>`),
  '/zxzx/': page('在线咨询', `<div class="login"><p>请先登录后查看咨询记录</p><form action="/login"><input name="user"><input type="password" name="pwd"><button>登录</button></form></div>`),
  '/tzgg/': page('通知公告', `<ul class="list"><li><a href="/tzgg/1.html">关于春耕生产的通知</a><span class="date">2026-02-27</span></li></ul>`),
  '/tzgg/1.html': page('关于春耕生产的通知', `<h1>关于春耕生产的通知</h1><p>发布日期：2026-02-27</p><p>各村做好春耕。</p>`),
};

let server: Server;
let site: StoredSite;

beforeAll(async () => {
  server = createServer((req, res) => {
    const body = PAGES[req.url ?? ''];
    if (req.url === '/robots.txt') return void res.writeHead(404).end();
    if (!body) return void res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(page('404', '页面不存在'));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const entry = siteEntry.parse({ id: 'baihe', name: '白河镇人民政府', url, kind: 'township', packs: ['security-2019'], allowPrivate: true, limits: { delayMs: 0, availabilitySamples: 1 } });
  const store = new MemoryStore();
  const run = await runCrawl({ sites: [siteConfig(entry, { packs: entry.packs!, limits: {} })], store, now: TODAY });
  site = (await store.getSite(run.id, 'baihe'))!;
}, 60_000);

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('interaction lists in a crawl', () => {
  it('reads the 信箱 table: asked and reply dates and states', () => {
    const mailbox = site.snapshot.interactions!.find((i) => i.name === '领导信箱')!;
    expect(mailbox.status).toBe('ok');
    expect(mailbox.messages.map((m) => [m.askedDate, m.repliedDate ?? null, m.state])).toEqual([
      ['2026-02-10', '2026-02-14', 'replied'], ['2026-01-05', '2026-01-20', 'replied'], ['2025-10-08', null, 'unanswered'],
    ]);
  });

  it('fails the message unanswered for 144 days and says the login-gated list needs review', () => {
    const findings = site.result.packs[0]!.findings.filter((f) => f.ruleId === 'messages-unanswered');
    expect(findings.map((f) => [f.outcome, f.messageId])).toEqual([['fail', 'unanswered'], ['needs-review', 'blocked']]);
    expect(findings[0]!.data).toMatchObject({ title: '关于宅基地审批的咨询', days: 144, maxDays: 90 });
    expect(String(findings[1]!.data.reason)).toContain('登录');
  });
});
