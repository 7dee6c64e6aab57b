import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addDays } from '../../rules/dates/days.ts';

/**
 * A small county portal for the extension tests (青川县人民政府, invented), dates relative to `today` so the planted
 * states hold on any day:
 * - 政务动态 fresh (news, 14-day limit), 通知公告 stale (notice, 180 days), 政策文件 due soon (policy, 180 days, 14 days'
 *   warning), 政策解读 empty, 机构职能 drawn by JavaScript, 政府信息公开 a hub with 指南 / 制度 / 法定主动公开内容 / 年报;
 * - 领导信息 (leaders, required by national-2019) is missing on purpose.
 * The menu is dense (short items, little padding) so badges have to find room beside the links; hidden copies of
 * the menu links (mobile menu, dropdown) come first in the page, as on many real portals.
 */

export interface FixtureColumn {
  key: string;
  name: string;
  path: string;
  classId: string;
  /** Days before today of each item, newest first; null = undated; empty = 暂无信息. */
  ages: (number | null)[];
  js?: boolean;
  hub?: string[];
  doc?: number;
  /** The state the overlay should show for it. */
  expected: 'present' | 'stale' | 'due-soon' | 'empty' | 'unknown';
}

export const COLUMNS: FixtureColumn[] = [
  { key: 'zwdt', name: '政务动态', path: '/zwdt/', classId: 'news', ages: [1, 2, 3, 5, 6, 8, 9, 12, 15, 20], expected: 'present' },
  { key: 'tzgg', name: '通知公告', path: '/tzgg/index.html', classId: 'notice', ages: [200, 230, 260, 300], expected: 'stale' },
  { key: 'zcwj', name: '政策文件', path: '/zcwj/', classId: 'policy', ages: [170, 200, 240], expected: 'due-soon' },
  { key: 'zcjd', name: '政策解读', path: '/zcjd/', classId: 'interpretation', ages: [], expected: 'empty' },
  { key: 'jgzn', name: '机构职能', path: '/jgzn/', classId: 'institution', ages: [30, 90, 200], js: true, expected: 'present' },
  { key: 'xxgk', name: '政府信息公开', path: '/xxgk/', classId: 'disclosure-column', ages: [], hub: ['xxgkzn', 'xxgkzd', 'fdzdgknr', 'ndbg'], expected: 'present' },
  { key: 'xxgkzn', name: '政府信息公开指南', path: '/xxgk/xxgkzn/', classId: 'disclosure-guide', ages: [], doc: 60, expected: 'present' },
  { key: 'xxgkzd', name: '政府信息公开制度', path: '/xxgk/xxgkzd/', classId: 'disclosure-system', ages: [], doc: 90, expected: 'present' },
  { key: 'fdzdgknr', name: '法定主动公开内容', path: '/xxgk/fdzdgknr/', classId: 'disclosure-catalogue', ages: [], hub: ['ghjh', 'czyjs', 'tjxx'], expected: 'present' },
  { key: 'ndbg', name: '政府信息公开工作年度报告', path: '/xxgk/ndbg/', classId: 'annual-report', ages: [40, 400, 760], expected: 'present' },
  { key: 'ghjh', name: '规划计划', path: '/xxgk/ghjh/', classId: 'plan', ages: [20, 100], expected: 'present' },
  { key: 'czyjs', name: '财政预决算', path: '/xxgk/czyjs/', classId: 'finance', ages: [10, 50], expected: 'present' },
  { key: 'tjxx', name: '统计信息', path: '/xxgk/tjxx/', classId: 'statistics', ages: [15, 45], expected: 'present' },
  { key: 'xzxx', name: '县长信箱', path: '/hdjl/xzxx/', classId: 'consultation', ages: [1, 3, 4], expected: 'present' },
];

/** Shown in the home navigation, in this order. */
export const NAV_KEYS = ['zwdt', 'tzgg', 'zcwj', 'zcjd', 'jgzn', 'xxgk', 'xzxx'];

const byKey = new Map(COLUMNS.map((c) => [c.key, c]));

/**
 * Menus with hidden copies of their links, as real portals have: a mobile menu (display: none) holding every
 * navigation link before the visible menu, and a dropdown under 政府信息公开 shown only on hover, whose columns
 * are linked from the home page by hidden links alone.
 */
export const DROPDOWNS: Record<string, string[]> = { xxgk: ['xxgkzn', 'ndbg'] };

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}-青川县人民政府</title>
<meta name="SiteName" content="青川县人民政府"><meta name="SiteIDCode" content="5108230001">
<style>
body { margin: 0; font: 14px/1.6 "WenQuanYi Micro Hei", sans-serif; color: #222; background: #fff; }
.top { background: #b71c1c; color: #fff; padding: 14px 24px; font-size: 22px; font-weight: bold; }
.nav { background: #c62828; }
.nav ul { list-style: none; margin: 0; padding: 0 16px; display: flex; flex-wrap: wrap; }
.nav li a { display: block; color: #fff; text-decoration: none; padding: 10px 14px; font-size: 15px; }
.wrap { display: flex; gap: 24px; padding: 16px 24px; }
.main { flex: 1; }
.side { width: 260px; }
.box h2 { font-size: 16px; border-bottom: 2px solid #c62828; margin: 0 0 6px; }
.box h2 a { color: #c62828; text-decoration: none; }
.list { list-style: none; margin: 0; padding: 0; }
.list li { display: flex; justify-content: space-between; border-bottom: 1px dotted #ccc; padding: 4px 0; }
.list li a { color: #222; text-decoration: none; }
.date { color: #888; }
.mnav { display: none; }
.nav li { position: relative; }
.nav li .drop { display: none; position: absolute; left: 0; top: 100%; background: #c62828; min-width: 180px; padding: 0; list-style: none; }
.nav li:hover .drop { display: block; }
.footer { background: #eee; padding: 12px 24px; color: #555; font-size: 12px; }
</style></head>
<body>
<div class="top">青川县人民政府</div>
<div class="mnav"><ul>${NAV_KEYS.map((k) => `<li><a href="${byKey.get(k)!.path}">${esc(byKey.get(k)!.name)}</a></li>`).join('')}</ul></div>
<div class="nav"><ul>
<li><a href="/">首页</a></li>
${NAV_KEYS.map((k) => `<li><a href="${byKey.get(k)!.path}">${esc(byKey.get(k)!.name)}</a>${DROPDOWNS[k] ? `<ul class="drop">${DROPDOWNS[k]!.map((d) => `<li><a href="${byKey.get(d)!.path}">${esc(byKey.get(d)!.name)}</a></li>`).join('')}</ul>` : ''}</li>`).join('\n')}
</ul></div>
${body}
<div class="footer">主办：青川县人民政府办公室 网站标识码：5108230001 蜀ICP备05001234号 川公网安备 51082302000123号 党政机关</div>
</body></html>`;
}

function items(c: FixtureColumn, today: string): { title: string; date: string | null; href: string }[] {
  return c.ages.map((age, i) => ({
    title: `青川县${c.name}第${c.ages.length - i}号信息：关于做好相关工作的情况说明`,
    date: age === null ? null : addDays(today, -age),
    href: `/art/${c.key}/${i + 1}.html`,
  }));
}

function listHtml(c: FixtureColumn, today: string): string {
  const rows = items(c, today);
  if (rows.length === 0) return '<ul class="list"></ul><p class="none">暂无信息</p>';
  return `<ul class="list">${rows.map((r) => `<li><a href="${r.href}" title="${esc(r.title)}">${esc(r.title)}</a>${r.date ? `<span class="date">${r.date}</span>` : ''}</li>`).join('')}</ul>`;
}

function columnPage(c: FixtureColumn, today: string): string {
  let main: string;
  if (c.hub) {
    main = `<div class="box"><h2>${esc(c.name)}</h2><ul class="sub">${c.hub.map((k) => `<li><a href="${byKey.get(k)!.path}">${esc(byKey.get(k)!.name)}</a></li>`).join('')}</ul></div>`;
  } else if (c.doc !== undefined) {
    main = `<div class="article"><h1>青川县${esc(c.name)}</h1><p class="info">发布日期：${addDays(today, -c.doc)}</p><p>为保障公民、法人和其他组织依法获取政府信息，制定本${esc(c.name.slice(-2))}。</p></div>`;
  } else if (c.js) {
    // The list comes from a data request, so nothing in the HTML holds it: only a browser can read it.
    main = `<div class="box"><h2>${esc(c.name)}</h2><ul class="list" id="jslist"></ul></div>
<script>
(function () {
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); }
  fetch('${c.path}data.json').then(function (r) { return r.json(); }).then(function (data) {
    setTimeout(function () {
      document.getElementById('jslist').innerHTML = data.map(function (r) {
        return '<li><a href="' + esc(r.href) + '">' + esc(r.title) + '</a><span class="date">' + esc(r.date) + '</span></li>';
      }).join('');
    }, 300);
  });
})();
</script>`;
  } else {
    main = `<div class="box"><h2>${esc(c.name)}</h2>${listHtml(c, today)}</div>`;
  }
  return layout(c.name, `<div class="wrap"><div class="main"><div class="crumb">当前位置：<a href="/">首页</a> &gt; ${esc(c.name)}</div>${main}</div></div>`);
}

function homePage(today: string): string {
  const news = byKey.get('zwdt')!;
  const notice = byKey.get('tzgg')!;
  const block = (c: FixtureColumn) => `<div class="box"><h2><a href="${c.path}">${esc(c.name)}</a></h2>${listHtml(c, today)}</div>`;
  return layout('首页', `<div class="wrap"><div class="main">${block(news)}${block(notice)}</div>
<div class="side"><div class="box"><h2>互动交流</h2><ul class="links"><li><a href="/hdjl/xzxx/">县长信箱</a></li><li><a href="/xxgk/">政府信息公开</a></li></ul></div></div></div>`);
}

function articlePage(key: string, n: number, today: string): string | undefined {
  const c = byKey.get(key);
  const item = c && items(c, today)[n - 1];
  if (!c || !item) return undefined;
  return layout(item.title, `<div class="wrap"><div class="main"><h1>${esc(item.title)}</h1>${item.date ? `<p>发布时间：${item.date}</p>` : ''}<p>正文。</p></div></div>`);
}

/** The page for a path, or undefined (404). */
export function fixturePage(path: string, today: string): string | undefined {
  if (path === '/' || path === '/index.html') return homePage(today);
  const art = /^\/art\/(\w+)\/(\d+)\.html$/.exec(path);
  if (art) return articlePage(art[1]!, Number(art[2]), today);
  const data = COLUMNS.find((x) => x.js && `${x.path}data.json` === path);
  if (data) return JSON.stringify(items(data, today));
  const c = COLUMNS.find((x) => x.path === path || x.path === path.replace(/index\.html$/, '') || `${x.path}index.html` === path);
  return c ? columnPage(c, today) : undefined;
}

export interface FixtureServer {
  url: string;
  close(): Promise<void>;
}

export async function startFixtureSite(today: string): Promise<FixtureServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const html = fixturePage(path, today);
    if (html === undefined) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>404</title><p>页面不存在</p>');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
