import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../../crawler/demo/index.ts';

/** The demo portal itself: its formats, its planted problems, its manifest, and that it is deterministic. */

const TODAY = '2026-11-23';
const portals: DemoPortal[] = [];
let portal: DemoPortal;

async function start(variant: 'baseline' | 'changed' = 'baseline'): Promise<DemoPortal> {
  const p = await startDemoPortal({ port: 0, today: TODAY, variant });
  portals.push(p);
  return p;
}

async function get(p: DemoPortal, path: string): Promise<Response> {
  return fetch(new URL(path, p.url));
}

async function text(p: DemoPortal, path: string): Promise<string> {
  const res = await get(p, path);
  expect(res.status, path).toBe(200);
  return res.text();
}

beforeAll(async () => {
  portal = await start();
});

afterAll(async () => {
  await Promise.all(portals.map((p) => p.close()));
});

describe('demo portal', () => {
  it('serves on localhost with the manifest', async () => {
    expect(portal.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const served = await (await get(portal, '/__govaudit/manifest.json')).json();
    expect(served).toEqual(portal.manifest);
    expect(portal.manifest.today).toBe(TODAY);
    expect(portal.manifest.variant).toBe('baseline');
    expect(await text(portal, '/robots.txt')).toBe('User-agent: *\nDisallow: /admin/\n');
    expect((await get(portal, '/no/such/page.html')).status).toBe(404);
  });

  it('home page: capture-day header, navigation, news, 热点 trap, identity marks', async () => {
    const home = await text(portal, '/');
    expect(home).toContain('今天是2026年11月23日 星期一');
    const nav = home.slice(home.indexOf('<ul class="nav">'), home.indexOf('</ul>', home.indexOf('<ul class="nav">')));
    for (const [name, href] of [['政务动态', '/zwdt/'], ['部门动态', '/bmdt/'], ['乡镇动态', '/xzdt/'], ['通知公告', '/tzgg/index.html'], ['政策文件', '/col/col1234/index.html'], ['政策解读', '/zcjd/'], ['政府信息公开', '/xxgk/'], ['县长信箱', '/hdjl/xzxx/']]) {
      expect(nav).toContain(`<a href="${href}">${name}</a>`);
    }
    expect(home).toMatch(/<a href="\/zwdt\/"><img [^>]*alt="[^"]+"[^>]*><\/a>/);
    const news = home.slice(home.indexOf('<div class="news">'), home.indexOf('</div>', home.indexOf('<div class="news">')));
    const newsDates = [...news.matchAll(/<span class="date">(\d{4}-\d{2}-\d{2})<\/span>/g)].map((m) => m[1]!);
    expect(newsDates.length).toBe(12);
    expect(newsDates[0]).toBe('2026-11-22');
    expect(newsDates.filter((d) => d >= '2026-11-09').length).toBeGreaterThanOrEqual(10);
    const hot = home.slice(home.indexOf('<div class="sidebar hot">'), home.indexOf('</div>', home.indexOf('<div class="sidebar hot">')));
    expect(hot).toContain(`<span class="date">${TODAY}</span>`);
    for (const mark of ['网站标识码', '3601230001', '赣ICP备05001234号', '赣公网安备 36012302000123号', '党政机关', '找错']) expect(home).toContain(mark);
  });

  it('serves the 财政预决算 column as real GBK bytes', async () => {
    const res = await get(portal, '/xxgk/czyjs/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=gb2312');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const html = new TextDecoder('gbk').decode(bytes);
    expect(html).toContain('<meta charset="gb2312">');
    expect(html).toContain('财政预决算');
    expect(html).toContain('青山县2026年县级部门预算公开');
    expect(html).toContain('“三公”经费');
    const detail = await get(portal, '/art/czyjs/1.html');
    expect(new TextDecoder('gbk').decode(new Uint8Array(await detail.arrayBuffer()))).toContain('发布日期');
  });

  it('serves the 政策文件 column as a Hanweb datastore with a dataproxy', async () => {
    const html = await text(portal, '/col/col1234/index.html');
    expect(html).toContain('<script type="text/xml"><datastore>');
    expect(html).toContain('<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=2&col=1234">]]></nextgroup>');
    const records = [...html.matchAll(/<record><!\[CDATA\[<li><a href="(\/art\/[^"]+)" title="[^"]+"[^>]*>[^<]+<\/a><span>\d{4}-\d{2}-\d{2}<\/span><\/li>\]\]><\/record>/g)];
    expect(records.length).toBe(15);
    expect((await get(portal, records[0]![1]!)).status).toBe(200);
    const page2 = await text(portal, '/module/web/jpage/dataproxy.jsp?page=2&col=1234');
    expect([...page2.matchAll(/<record><!\[CDATA\[/g)].length).toBe(15);
    expect(page2).not.toBe(html);
  });

  it('serves the 通知公告 column as TRS pages', async () => {
    const first = await text(portal, '/tzgg/index.html');
    expect(first).toContain('createPageHTML(3, 0, "index", "html");');
    expect(await text(portal, '/tzgg/index_1.html')).toContain('createPageHTML(3, 1, "index", "html");');
    expect(await text(portal, '/tzgg/index_2.html')).toContain('createPageHTML(3, 2, "index", "html");');
    expect((await get(portal, '/tzgg/index_3.html')).status).toBe(404);
  });

  it('serves the other list formats', async () => {
    expect(await text(portal, '/xzdt/')).toMatch(/<span class="date"><!--2026-->11-21<\/span>/);
    const js = await text(portal, '/zcjd/');
    expect(js).toContain('<ul id="list" class="list"></ul>');
    expect(js).not.toMatch(/<li><a href="\/art\/zcjd/);
    expect(await text(portal, '/xxgk/jgzn/')).toMatch(/\d{4}年\d{2}月\d{2}日/);
    expect(await text(portal, '/xxgk/shjz/')).toMatch(/\[\d{4}-\d{2}-\d{2}\]/);
    const table = await text(portal, '/xxgk/tjxx/');
    expect(table).toMatch(/<th>标题<\/th><th>成文日期<\/th><th>发布日期<\/th>/);
    const tabs = await text(portal, '/xxgk/ldxx/');
    expect(tabs.match(/class="tab-pane/g)?.length).toBe(2);
    expect(tabs).toContain('<div class="tab-pane" style="display:none">');
    expect(await text(portal, '/xxgk/rsxx/')).toContain('暂无信息');
    expect(await text(portal, '/xxgk/ghjh/')).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{4}年/);
    const detail = await text(portal, '/art/zwdt/1.html');
    expect(detail).toContain('<meta name="PubDate" content="2026-11-22 09:30">');
    expect(detail).toContain('<th>成文日期</th><td>2026-11-19</td>');
    expect(detail).toContain('<th>发布日期</th><td>2026-11-22</td>');
  });

  it('has 404 dead links and a link that always answers 429', async () => {
    for (const path of ['/old/2019/notice.html', '/zt/expired/', '/download/missing.pdf']) expect((await get(portal, path)).status, path).toBe(404);
    const busy = await get(portal, '/ztzl/busy/');
    expect(busy.status).toBe(429);
    expect(busy.headers.get('retry-after')).toBe('1');
    expect(portal.manifest.deadLinks.map((u) => new URL(u).pathname).sort()).toEqual(['/download/missing.pdf', '/old/2019/notice.html', '/zt/expired/']);
    expect(portal.manifest.reviewLinks.map((u) => new URL(u).pathname)).toEqual(['/ztzl/busy/']);
  });

  it("shows each manifest column's newest date on its page", async () => {
    for (const col of portal.manifest.columns) {
      const res = await get(portal, col.url);
      expect(res.status, col.url).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const html = new TextDecoder(col.format === 'gbk' ? 'gbk' : 'utf-8').decode(bytes);
      expect(html, col.url).toContain(col.name);
      if (!col.newest) continue;
      const [y, m, d] = col.newest.split('-');
      const shown = col.format === 'comment-year' ? `<!--${y}-->${m}-${d}` : col.format === 'cn-date' ? `${y}年${m}月${d}日` : col.newest;
      expect(html, `${col.name} newest ${col.newest}`).toContain(shown);
    }
  });

  it('plants exactly the documented problems and keeps other columns fresh', () => {
    const m = portal.manifest;
    expect(m.planted.filter((p) => p.packId !== 'security-2019').map((p) => `${p.ruleId}:${p.expected}`).sort()).toEqual([
      'column-empty:fail', 'column-long-stale:fail', 'dead-link:fail', 'dead-link:fail', 'dead-link:fail', 'dead-link:needs-review', 'news-column-stale:fail', 'plan-column-stale:fail',
    ]);
    // The text checks' plants: one of each problem (two places for ID and mobile numbers: a page and an XLSX).
    expect(m.planted.filter((p) => p.packId === 'security-2019').map((p) => `${p.ruleId}:${p.expected}`).sort()).toEqual([
      'attachment-unreadable:needs-review', 'attachment-unreadable:needs-review', 'messages-unanswered:fail', 'outgoing-link-suspect:needs-review', 'outgoing-link-suspect:needs-review',
      'personal-bank-card-exposed:needs-review', 'personal-id-number-exposed:fail', 'personal-id-number-exposed:fail', 'personal-mobile-exposed:needs-review', 'personal-mobile-exposed:needs-review',
      'wording-error-suspected:needs-review',
    ]);
    const byName = new Map(m.columns.map((c) => [c.name, c]));
    expect(byName.get('人事信息')!.items).toBe(0);
    expect(byName.get('部门动态')!.newest).toBe('2026-10-14');
    expect(byName.get('规划计划')!.newest).toBeNull();
    expect(byName.get('政务动态')!.newest).toBe('2026-11-22');
    expect(byName.get('乡镇动态')!.newest).toBe('2026-11-21');
    for (const c of m.columns) {
      if (['hub'].includes(c.format) || ['人事信息', '规划计划'].includes(c.name)) continue;
      expect(c.newest, c.name).not.toBeNull();
      expect(c.newest! >= '2025-11-23', c.name).toBe(true);
    }
  });

  it('changed variant: stale notices on every page, the expired link fixed', async () => {
    const changed = await start('changed');
    expect(changed.manifest.variant).toBe('changed');
    const notices = changed.manifest.columns.find((c) => c.classId === 'notice')!;
    expect(notices.newest).toBe('2026-05-07');
    for (const path of ['/tzgg/index.html', '/tzgg/index_1.html', '/tzgg/index_2.html']) {
      const dates = [...(await text(changed, path)).matchAll(/<span class="date">(\d{4}-\d{2}-\d{2})<\/span>/g)].map((x) => x[1]!);
      expect(dates.length, path).toBeGreaterThan(0);
      expect(dates.every((d) => d <= '2026-05-07'), path).toBe(true);
    }
    expect((await get(changed, '/zt/expired/')).status).toBe(200);
    expect(changed.manifest.deadLinks.map((u) => new URL(u).pathname).sort()).toEqual(['/download/missing.pdf', '/old/2019/notice.html']);
    expect(changed.manifest.planted.some((p) => p.ruleId === 'notice-column-stale' && p.expected === 'fail')).toBe(true);
    expect(changed.manifest.planted.some((p) => p.url && new URL(p.url).pathname === '/zt/expired/')).toBe(false);
    expect(portal.manifest.planted.some((p) => p.ruleId === 'notice-column-stale')).toBe(false);
  });

  it('is deterministic: the same today gives the same home page', async () => {
    const other = await start();
    expect(await text(other, '/')).toBe(await text(portal, '/'));
    expect(await text(other, '/xxgk/shjz/')).toBe(await text(portal, '/xxgk/shjz/'));
  });
});
