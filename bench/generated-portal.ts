import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addDays, articleBody, esc, liRows, page, rng, titles, type Item, type Site } from './portal-kit.ts';

/**
 * A county portal synthesised on the fly, for speed and politeness tests: home → columns → TRS-style paginated list
 * pages (`index.html`, `index_1.html` …, `createPageHTML`) → detail pages, all linked and deterministic. Pages carry
 * the same chrome as the fixtures plus the usual inline CSS/JS and link blocks (12–20 KB a page), so parsing costs what a real page costs.
 *
 * Size: 1 home + columns × listPages × (1 list page + perPage details).
 */
export interface PortalShape {
  columns: number;
  listPages: number;
  perPage: number;
  today?: string;
  /** Each answer waits this long (a slow site). */
  latencyMs?: number;
}

export interface GeneratedPortal {
  url: string;
  shape: Required<PortalShape>;
  pages: number;
  /** Requests seen: start and end time (performance.now() of this process), path, in-flight count at start. */
  log: { path: string; startedAt: number; endedAt: number; inFlight: number }[];
  maxInFlight: number;
  requests: number;
  close(): Promise<void>;
}

const COLUMNS: [string, string, string][] = [
  ['zwyw', '政务要闻', 'news'], ['bmdt', '部门动态', 'news'], ['xzdt', '乡镇动态', 'news'], ['tzgg', '通知公告', 'notice'], ['zcwj', '政策文件', 'policy'],
  ['zcjd', '政策解读', 'interpretation'], ['rsxx', '人事信息', 'personnel'], ['ghjh', '规划计划', 'plan'], ['czyjs', '财政预决算', 'finance'], ['tjxx', '统计信息', 'statistics'],
  ['shjz', '社会救助', 'social-assistance'], ['sthj', '生态环境', 'environment'],
];

/** The smallest shape with at least `n` pages, 10 columns of 20-item list pages. */
export function shapeFor(n: number): Required<PortalShape> {
  const columns = 10;
  const perPage = 20;
  const listPages = Math.max(1, Math.ceil((n - 1) / (columns * (perPage + 1))));
  return { columns, listPages, perPage, today: '2026-01-15', latencyMs: 0 };
}

export function pageCount(s: PortalShape): number {
  return 1 + s.columns * s.listPages * (1 + s.perPage);
}

function full(s: PortalShape): Required<PortalShape> {
  if (s.columns > COLUMNS.length) throw new Error(`at most ${COLUMNS.length} columns`);
  return { today: '2026-01-15', latencyMs: 0, ...s };
}

const site: Site = {
  siteName: '长丰县人民政府', place: '长丰县', idCode: '3401210001', domain: 'www.changfeng.gov.cn', province: '皖', host: 'www.changfeng.gov.cn', phone: '0551-66771234',
  nav: [],
};

/** The menu names only columns that exist, so every link on the site answers 200. */
function siteFor(s: Required<PortalShape>): Site {
  return { ...site, nav: [['首页', '/'], ...COLUMNS.slice(0, Math.min(6, s.columns)).map(([slug, name]) => [name, `/${slug}/`] as [string, string])] };
}

/**
 * What real portal pages carry besides their content, so a page weighs what one does (12–20 KB): inline CSS and
 * script in the head, a services menu, and the 友情链接 block of other government sites.
 */
const HEAD_EXTRA = `<style>${'.w1200{width:1200px;margin:0 auto}.nav li{float:left;width:150px;text-align:center}.news-list li{line-height:36px;border-bottom:1px dashed #ddd}'.repeat(8)}</style>
<script>${"var _hmt=_hmt||[];(function(){var hm=document.createElement('script');hm.src='/stat/hm.js?site=3401210001';var s=document.getElementsByTagName('script')[0];s.parentNode.insertBefore(hm,s);})();".repeat(6)}</script>`;
const FRIEND_SITES = ['中国政府网', '安徽省人民政府', '合肥市人民政府', '肥东县人民政府', '肥西县人民政府', '庐江县人民政府', '巢湖市人民政府', '瑶海区人民政府', '庐阳区人民政府', '蜀山区人民政府', '包河区人民政府', '安徽政务服务网'];
const SERVICES = ['个人办事', '法人办事', '部门服务', '便民查询', '公共资源交易', '网上信访', '12345热线', '政务公开', '依申请公开', '政府网站年报', '无障碍服务', '适老化服务'];
const EXTRA_BLOCKS = `<div class="fwdh"><h4>办事服务</h4><ul>${SERVICES.map((t, i) => `<li><a href="javascript:void(0)" data-id="${i}">${t}</a></li>`).join('')}</ul></div>
<div class="yqlj"><h4>友情链接</h4><ul>${FRIEND_SITES.flatMap((t, i) => [0, 1, 2].map((k) => `<li><a href="http://www${i}${k}.example.gov.cn/" target="_blank">${t}${k ? `（${['部门', '乡镇'][k - 1]}网站）` : ''}</a></li>`)).join('')}</ul></div>`;

/** Item `i` of list page `p` of column `c`: a date that falls with the item's position, and its detail URL. */
function item(s: Required<PortalShape>, c: number, p: number, i: number): Item {
  const k = p * s.perPage + i;
  const date = addDays(s.today, -Math.floor(k * 0.7) - c);
  const [slug, , classId] = COLUMNS[c]!;
  const title = titles(classId, 1, site.place, Number(s.today.slice(0, 4)), rng(c * 100003 + k))[0]!;
  return { title, date, url: `/${slug}/${date.slice(0, 7).replace('-', '')}/t${date.replace(/-/g, '')}_${c}_${p}_${i}.html` };
}

function listPage(s: Required<PortalShape>, c: number, p: number): string {
  const [slug, name] = COLUMNS[c]!;
  const items = Array.from({ length: s.perPage }, (_, i) => item(s, c, p, i));
  const rows = items.map((it) => ({ ...it, url: `.${it.url.slice(slug.length + 1)}` }));
  const main = `<div class="con_title"><span>${name}</span></div><div class="xxgk_list"><ul>\n${liRows(rows, 'iso')}\n</ul></div><div class="page"><script>createPageHTML(${s.listPages}, ${p}, "index", "html");</script></div>`;
  return page(siteFor(s), { title: `${name}_${site.siteName}`, column: name, main: main + EXTRA_BLOCKS, crumbs: [[name, `/${slug}/`]], extraHead: HEAD_EXTRA, flavour: 'trs' });
}

function detailPage(s: Required<PortalShape>, c: number, p: number, i: number): string {
  const it = item(s, c, p, i);
  const [slug, name] = COLUMNS[c]!;
  const body = articleBody(it.title, site.place, rng(c * 7919 + p * 31 + i)) + articleBody(`${it.title}（续）`, site.place, rng(i + 1));
  const main = `<div class="article"><h1>${esc(it.title)}</h1><div class="info"><span>发布时间：${it.date} 09:30</span>　<span>来源：${site.place}人民政府办公室</span></div><div class="article-content">${body}</div></div>`;
  return page(siteFor(s), { title: `${it.title}_${site.siteName}`, column: name, main: main + EXTRA_BLOCKS, crumbs: [[name, `/${slug}/`]], extraHead: `<meta name="PubDate" content="${it.date} 09:30">\n${HEAD_EXTRA}`, flavour: 'trs' });
}

function homePage(s: Required<PortalShape>): string {
  const blocks = COLUMNS.slice(0, Math.min(4, s.columns)).map(([slug, name], c) => {
    const items = Array.from({ length: 7 }, (_, i) => item(s, c, 0, i));
    return `<div class="index-box"><div class="box-title"><h3>${name}</h3><a class="more" href="/${slug}/">更多&gt;&gt;</a></div><ul class="index-list">\n${liRows(items, 'iso')}\n</ul></div>`;
  });
  const all = `<div class="lm-list"><ul>${COLUMNS.slice(0, s.columns).map(([slug, name]) => `<li><a href="/${slug}/">${name}</a></li>`).join('')}</ul></div>`;
  return page(siteFor(s), { title: site.siteName, main: blocks.join('\n') + all + EXTRA_BLOCKS, extraHead: HEAD_EXTRA });
}

/** The footer's own pages. */
const INFO_PAGES: Record<string, string> = { '/about/': '关于本网', '/sitemap/': '网站地图', '/lxwm/': '联系我们' };

/** What a path holds, or undefined (404). */
export function render(shape: PortalShape, path: string): string | undefined {
  const s = full(shape);
  if (path === '/' || path === '/index.html') return homePage(s);
  if (path === '/robots.txt') return 'User-agent: *\nAllow: /\n';
  const info = INFO_PAGES[path];
  if (info) return page(siteFor(s), { title: `${info}_${site.siteName}`, main: `<div class="article"><h1>${info}</h1><div class="article-content"><p>${site.siteName}办公室　电话：${site.phone}</p></div></div>` });
  const list = /^\/(\w+)\/(?:index(?:_(\d+))?\.html)?$/.exec(path);
  if (list) {
    const c = COLUMNS.findIndex(([slug]) => slug === list[1]);
    const p = list[2] ? Number(list[2]) : 0;
    return c >= 0 && c < s.columns && p < s.listPages ? listPage(s, c, p) : undefined;
  }
  const detail = /^\/(\w+)\/\d{6}\/t\d{8}_(\d+)_(\d+)_(\d+)\.html$/.exec(path);
  if (detail) {
    const [c, p, i] = [Number(detail[2]), Number(detail[3]), Number(detail[4])];
    if (c >= s.columns || COLUMNS[c]![0] !== detail[1] || p >= s.listPages || i >= s.perPage || item(s, c, p, i).url !== path) return undefined;
    return detailPage(s, c, p, i);
  }
  return undefined;
}

/** Every page of the portal, in crawl order: home, then per column each list page followed by its details. */
export function portalUrls(base: string, shape: PortalShape): string[] {
  const s = full(shape);
  const urls = [new URL('/', base).href];
  for (let c = 0; c < s.columns; c++) {
    for (let p = 0; p < s.listPages; p++) {
      urls.push(new URL(`/${COLUMNS[c]![0]}/${p === 0 ? '' : `index_${p}.html`}`, base).href);
      for (let i = 0; i < s.perPage; i++) urls.push(new URL(item(s, c, p, i).url, base).href);
    }
  }
  return urls;
}

/** `host` may be any loopback address (127.0.0.2 …): benches stand up many distinct hosts that way. */
export async function startGeneratedPortal(shape: PortalShape, o: { keepLog?: boolean; host?: string } = {}): Promise<GeneratedPortal> {
  const s = full(shape);
  let inFlight = 0;
  const state = { maxInFlight: 0, requests: 0 };
  const log: GeneratedPortal['log'] = [];
  const server = createServer((req, res) => {
    const startedAt = performance.now();
    inFlight++;
    state.requests++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    const entry = o.keepLog ? { path: req.url ?? '/', startedAt, endedAt: 0, inFlight } : undefined;
    if (entry) log.push(entry);
    res.on('close', () => {
      inFlight--;
      if (entry) entry.endedAt = performance.now();
    });
    const go = () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const body = render(s, path);
      const type = path === '/robots.txt' ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8';
      res.writeHead(body === undefined ? 404 : 200, { 'content-type': type });
      res.end(body ?? '<html><body>404</body></html>');
    };
    if (s.latencyMs) setTimeout(go, s.latencyMs);
    else go();
  });
  server.keepAliveTimeout = 30_000;
  const host = o.host ?? '127.0.0.1';
  await new Promise<void>((ok) => server.listen(0, host, ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    shape: s,
    pages: pageCount(s),
    log,
    get maxInFlight() {
      return state.maxInFlight;
    },
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/**
 * The portal in a process of its own, so the times it logs are not skewed by the crawler's work on a shared event
 * loop. `GET /__log` answers the request log as JSON (and is not logged itself).
 */
export interface PortalProcess {
  url: string;
  log(): Promise<{ path: string; startedAt: number; endedAt: number; inFlight: number }[]>;
  close(): Promise<void>;
}

export async function startPortalProcess(shape: PortalShape): Promise<PortalProcess> {
  const { spawn } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', JSON.stringify(shape)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /READY (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`portal process exited with ${code}`)));
  });
  return {
    url,
    log: async () => (await (await fetch(new URL('/__log', url))).json()) as Awaited<ReturnType<PortalProcess['log']>>,
    close: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}

if (process.argv[2] === '--serve' && process.argv[1]?.endsWith('generated-portal.ts')) {
  const shape = JSON.parse(process.argv[3] ?? '{}') as PortalShape;
  const s = full(shape);
  const log: { path: string; startedAt: number; endedAt: number; inFlight: number }[] = [];
  let inFlight = 0;
  const server = createServer((req, res) => {
    if (req.url === '/__log') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(log));
    }
    const entry = { path: req.url ?? '/', startedAt: performance.now(), endedAt: 0, inFlight: ++inFlight };
    log.push(entry);
    res.on('close', () => {
      inFlight--;
      entry.endedAt = performance.now();
    });
    const go = () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const body = render(s, path);
      res.writeHead(body === undefined ? 404 : 200, { 'content-type': path === '/robots.txt' ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8' });
      res.end(body ?? '<html><body>404</body></html>');
    };
    if (s.latencyMs) setTimeout(go, s.latencyMs);
    else go();
  });
  server.listen(0, '127.0.0.1', () => console.log(`READY http://127.0.0.1:${(server.address() as AddressInfo).port}/`));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
