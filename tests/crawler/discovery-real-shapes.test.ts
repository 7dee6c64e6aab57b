import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_EMPTY_REASON } from '../../crawler/crawl/column-observation.ts';
import { runCrawl } from '../../crawler/crawl/run.ts';
import { siteConfig } from '../../crawler/sites/load.ts';
import { siteEntry } from '../../crawler/sites/schema.ts';
import { MemoryStore } from '../../crawler/store/memory-store.ts';
import type { SiteResult } from '../../rules/model/finding.ts';
import type { SiteSnapshot } from '../../rules/model/snapshot.ts';

/**
 * Issue 13.3 and 13.4 on a portal written in the image of real ones: a root that redirects by meta refresh, a
 * 政务公开 landing page reached through a script redirect, a 通知公告 column whose page writes its refresh with
 * document.write, a leaders link only in a script-written menu, columns only in a landing page's side menu, names
 * that match by pattern (单位职能, 预算⁄决算), a 开奖公告 that is not a notice, a pager link, and a 信息公开 hub with
 * neither list nor sub-columns; a 县长信箱 on another site; department menu entries whose pages say they have nothing.
 */

let server: Server;
let base = '';
const page = (body: string, head = '') => `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
const list = (prefix: string, rows: [string, string][]) =>
  `<div class="main"><ul class="list">${rows.map(([t, d], i) => `<li><a href="/${prefix}/202611/t202611${String(i + 10)}_${i}.html">${t}</a><span>${d}</span></li>`).join('')}</ul></div>`;

/** Department pages: five say 此栏目暂无任何新增信息 (empty columns), one has a list, one is a page of text. */
const DEPARTMENTS: [string, string][] = [['fgw', '县发改委'], ['jyj', '县教育局'], ['mzj', '县民政局'], ['czj', '县财政局'], ['slj', '县水利局'], ['gaj', '县公安局'], ['sfj', '县司法局']];
const departmentPages = Object.fromEntries(DEPARTMENTS.map(([slug, name], i) => [
  `/bm/${slug}/`,
  i < 5 ? page(`<h2>${name}</h2><ul>\n  此栏目暂无任何新增信息\n</ul>`) : i === 5 ? page(`<h2>${name}</h2>${list(`bm/${slug}`, [['县公安局开展冬季交通安全宣传', '2026-11-01']])}`) : page(`<h2>${name}</h2><p>单位地址：示例县人民路1号</p>`),
]));

const pages: Record<string, string> = {
  ...departmentPages,
  '/': page('', '<meta http-equiv="refresh" content="0; url=/portal/index.html">'),
  '/portal/index.html': page(`
    <div class="nav"><ul>
      <li><a href="/portal/index.html">首页</a></li>
      <li><a href="/zwgk/">政务公开</a></li>
      <li><a href="/tzgg/">通知公告</a></li>
      <li><a href="/xxgk/">信息公开</a></li>
      <li><a href="/ysqgk/">依申请公开</a></li>
      <script type="text/javascript">document.write('<li><a href="/ldxx/">' + '领导简介</a></li>');</script>
    </ul></div>
    ${list('xwdt', [['县政府召开常务会议', '2026-11-20'], ['全县安全生产工作会议召开', '2026-11-18']])}
    <div class="footer">网站标识码 1234567890</div>`),
  '/zwgk/': page('<p>正在跳转……</p><script>window.location.href = "/zwgk/index.shtml";</script>'),
  '/zwgk/index.shtml': page(`
    <div class="left"><ul class="menu">
      <li><a href="/dwzn/">单位职能</a></li>
      <li><a href="/yjs/">预算⁄决算</a></li>
      <li><a href="/kjgg/">开奖公告</a></li>
      <li><a href="/zwgk/gl/">关于印发政策文件管理办法</a></li>
      <li><a href="http://letters.example.org/box/list.aspx">县长信箱</a></li>
    </ul></div>
    <div class="left"><ul class="menu">${DEPARTMENTS.map(([slug, name]) => `<li><a href="/bm/${slug}/">${name}</a></li>`).join('')}</ul></div>
    <div class="right">${list('zwgk', [['关于公布2026年行政权力清单的通知', '2026-11-02']])}
      <div class="page"><a href="/zwgk/index_1.shtml">通知</a></div></div>`),
  '/tzgg/': page(`<script language="javascript">document.write("<meta http-equiv='refresh' content='0;url=/tzgg/list.html'>");</script>`),
  '/tzgg/list.html': page(list('tzgg', [['停水检修的通知', '2026-11-21'], ['冬季供暖公告', '2026-11-10']])),
  '/xxgk/': page('<div class="main"><h2>信息公开</h2><p>欢迎访问</p><p>暂无信息</p></div>'),
  '/ysqgk/': page('<h1>政府信息公开指南</h1><p>为了更好地开展政府信息公开工作……</p><p>发布日期：2026-01-04</p>', '<title>政府信息公开指南 - 示例县人民政府</title>'),
  '/ldxx/': page(list('ldxx', [['县长 张三', '2026-01-05']])),
  '/dwzn/': page(list('dwzn', [['县发展改革委主要职责', '2026-03-01']])),
  '/yjs/': page(list('yjs', [['2026年部门预算公开', '2026-02-10']])),
  '/kjgg/': page(list('kjgg', [['第2026001期开奖公告', '2026-11-22']])),
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const body = pages[(req.url ?? '/').split('?')[0]!];
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (body === undefined) {
      res.statusCode = 404;
      return res.end('not found');
    }
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

async function crawl(): Promise<{ snapshot: SiteSnapshot; result: SiteResult }> {
  const store = new MemoryStore();
  const cfg = siteConfig(siteEntry.parse({
    id: 'shapes', name: '示例县', url: `${base}/`, kind: 'county', allowPrivate: true, render: 'never',
    limits: { delayMs: 0, availabilitySamples: 1, detailPagesPerColumn: 0, maxLinks: 0 },
  }), { packs: ['national-2019', 'disclosure-regulation-2019'], limits: {} });
  const run = await runCrawl({ sites: [cfg], store, now: '2026-11-23' });
  return (await store.getSite(run.id, 'shapes'))!;
}

describe('discovery and column reading on real-portal shapes', () => {
  let snap: SiteSnapshot;
  let result: SiteResult;
  beforeAll(async () => {
    ({ snapshot: snap, result } = await crawl());
  });
  const column = (classId: string) => snap.columns.filter((c) => c.classId === classId);

  it('follows the home page meta refresh before reading the navigation', () => {
    expect(snap.home.url).toBe(`${base}/portal/index.html`);
    expect(snap.discoveryPages?.[0]).toContain('/portal/index.html');
  });

  it('reads a column through a document.write meta refresh, and says so', () => {
    const [notice] = column('notice');
    expect(notice).toMatchObject({ url: `${base}/tzgg/`, status: 'ok', itemCount: 2 });
    expect(notice!.redirects).toEqual([`script-meta-refresh → ${base}/tzgg/list.html`]);
    expect(notice!.items[0]!.date).toBe('2026-11-21');
  });

  it('finds a column linked only from a script-written menu', () => {
    expect(column('leaders').map((c) => c.url)).toEqual([`${base}/ldxx/`]);
  });

  it('reads the side menu of a landing page reached by a script redirect, matching names by pattern', () => {
    expect(column('institution')[0]).toMatchObject({ url: `${base}/dwzn/`, name: '单位职能' });
    expect(column('institution')[0]!.matchReason).toContain('政务公开');
    expect(column('finance')[0]).toMatchObject({ url: `${base}/yjs/`, name: '预算⁄决算' });
  });

  it('a page reached from the top navigation that names itself the 指南 is the guide', () => {
    const guide = column('disclosure-guide')[0]!;
    expect(guide).toMatchObject({ url: `${base}/ysqgk/`, matchedBy: 'name' });
    expect(guide.matchReason).toContain('页面标题');
  });

  it('takes neither a lottery notice nor a pager link for a notice column', () => {
    expect(column('notice').map((c) => c.url)).toEqual([`${base}/tzgg/`]);
  });

  it('a hub page with neither list nor sub-columns is needs-review, not an empty column', () => {
    const hub = column('disclosure-column').find((c) => c.url === `${base}/xxgk/`)!;
    expect(hub).toMatchObject({ status: 'needs-review', statusReason: HUB_EMPTY_REASON });
  });

  it('a 政务咨询 channel hosted on another site counts as present and is never fetched', () => {
    const [channel] = column('consultation');
    expect(channel).toMatchObject({ url: 'http://letters.example.org/box/list.aspx', status: 'needs-review', pagesRead: 0 });
    expect(channel!.statusReason).toContain('其他网站');
    const finding = result.packs.flatMap((p) => p.findings).find((f) => f.ruleId === 'consultation-channel-missing')!;
    expect(finding.outcome).toBe('pass');
  });

  it('menu columns of no known class are read for emptiness only: five empty ones are the 空白栏目 veto', () => {
    const sampled = snap.columns.filter((c) => c.sampled);
    // The page of text is no list and says nothing of being empty: no definite answer, so it is left out. The
    // lottery column (no class: 开奖公告 is not a notice) is sampled like the departments.
    const departments = sampled.filter((c) => c.url.includes('/bm/')).map((c) => new URL(c.url).pathname).sort();
    expect(departments).toEqual(DEPARTMENTS.slice(0, 6).map(([slug]) => `/bm/${slug}/`).sort());
    expect(sampled.some((c) => c.url.endsWith('/kjgg/'))).toBe(true);
    expect(sampled.filter((c) => c.itemCount === 0)).toHaveLength(5);
    const national = result.packs.find((p) => p.packId === 'national-2019')!;
    expect(national.findings.filter((f) => f.ruleId === 'column-empty' && f.outcome === 'fail')).toHaveLength(5);
    expect(national.vetoes.find((v) => v.id === 'columns-empty')?.triggered).toBe(true);
    // Recency is judged only for classes that must be updated, never for sampled menu columns.
    const recency = national.findings.filter((f) => f.check === 'column-recency');
    expect(recency.some((f) => sampled.some((c) => c.url === f.column?.url))).toBe(false);
  });

  it('says for each class nothing matched where it looked, and what came close', () => {
    const proposal = snap.discoveryNotes?.find((n) => n.classId === 'proposal');
    expect(proposal?.reason).toMatch(/没有链接/);
    expect(snap.discoveryNotes?.some((n) => n.classId === 'notice')).toBe(false);
    expect(snap.columns.every((c) => c.matchReason.length > 0)).toBe(true);
    const policy = snap.discoveryNotes?.find((n) => n.classId === 'policy');
    expect(policy?.considered?.[0]).toMatch(/关于印发政策文件管理办法.*像文章标题/);
    const missing = result.packs.flatMap((p) => p.findings).find((f) => f.ruleId === 'policy-column-missing')!;
    expect(missing.outcome).toBe('fail');
    expect(missing.evidence[0]!.note).toContain('像文章标题');
  });
});
