/**
 * Writes the labelled portal corpus to tests/fixtures/portals/<name>/: static pages plus truth.json.
 *
 *   npx tsx bench/make-portals.ts            # rewrite every fixture
 *   npx tsx bench/make-portals.ts trs-county # rewrite one
 *
 * The labels are written from the same plan the pages are drawn from: what a column lists (its items, their
 * publish dates, how many there are across every list page) is what truth.json says, by construction. Traps
 * (sidebars, capture-day headers, 成文日期 columns, soft 404s …) are drawn around that list and never counted.
 * Every file is UTF-8 on disk; the GBK fixture is encoded to GBK when served (see serve-fixtures.ts).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  addDays, articleBody, chunk, dateSeries, esc, formatDate, hotBox, liRows, linkPager, menu, page, rng, seedOf, titles,
  type DateFormat, type Item, type PageOpts, type Site,
} from './portal-kit.ts';

export const PORTALS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/portals');

export interface TruthColumn {
  classId: string;
  name: string;
  /** Path as the site links it. */
  url: string;
  /** Newest publish date the column's list shows (not after `today`); null when it shows none. */
  newest: string | null;
  /** Items across all list pages; null for hubs (their content is sub-columns). */
  items: number | null;
  hub?: boolean;
  /** `unreachable`: linked as a column but the page is gone (a soft 404 here). */
  status?: 'unreachable';
  /** How the list is drawn (for the reader of the report). */
  shape?: string;
}

export interface Truth {
  name: string;
  siteName: string;
  today: string;
  kind: 'county' | 'department' | 'township' | 'city' | 'province';
  shape: string;
  columns: TruthColumn[];
  notColumns: string[];
  details: { url: string; publish: string; formed?: string; style: string }[];
  serve?: { gbkPaths?: string[]; gbkNoHeaderPaths?: string[]; soft404?: string };
}

type DetailStyle = 'meta' | 'meta-dash' | 'table' | 'table-formed-first' | 'line' | 'hanweb' | 'trs';

interface ListOpts {
  fmt?: DateFormat;
  per?: number;
  /** Detail pages written for the first N items. */
  details?: number;
  detailStyle?: DetailStyle;
  /** Items listed in truth.details (taken from the written detail pages). */
  labelDetails?: number;
  right?: string;
  left?: string;
  flavour?: PageOpts['flavour'];
  crumbs?: [string, string][];
}

/** Collects one fixture's files and labels. */
class Portal {
  readonly files = new Map<string, string>();
  readonly truth: Truth;
  readonly rand: () => number;
  readonly year: number;
  private id = 100;

  constructor(readonly site: Site, t: Omit<Truth, 'columns' | 'notColumns' | 'details'>) {
    this.truth = { ...t, columns: [], notColumns: [], details: [] };
    this.rand = rng(seedOf(t.name));
    this.year = Number(t.today.slice(0, 4));
  }

  write(path: string, html: string): void {
    const file = path.endsWith('/') ? `${path}index.html` : path;
    // TRS templates link the menu relative to the page: `./zwdt/` on the home page, `../../zwdt/` two folders down.
    const depth = file.split('/').filter(Boolean).length - 1;
    const text = depth > 0 ? html.replace(/<div class="nav">[\s\S]*?<\/div>/, (nav) => nav.replace(/href="\.\//g, `href="${'../'.repeat(depth)}`)) : html;
    this.files.set(file.replace(/^\//, ''), text);
  }

  nextId(): number {
    return (this.id += 1 + Math.floor(this.rand() * 40));
  }

  /** Items for a column: titles from the class pool, dates from `newest` back, detail URLs from `urlOf`. */
  items(classId: string, count: number, newest: string | null, urlOf: (date: string, id: number) => string, maxGap = 6): Item[] {
    const ts = titles(classId, count, this.site.place, this.year, this.rand);
    const dates = newest ? dateSeries(newest, count, this.rand, maxGap) : [];
    return ts.map((title, i) => {
      const date = newest ? dates[i]! : null;
      return { title, date, url: urlOf(date ?? addDays(this.truth.today, -30 * i - 40), this.nextId()) };
    });
  }

  column(c: TruthColumn): void {
    this.truth.columns.push(c);
  }

  not(...paths: string[]): void {
    this.truth.notColumns.push(...paths);
  }

  /** A detail page for `item`; its publish date is the list date, its 成文日期 a few days earlier. */
  detail(item: Item, column: string, style: DetailStyle, label: boolean, flavour?: PageOpts['flavour']): void {
    const publish = item.date ?? addDays(this.truth.today, -200);
    const formed = addDays(publish, -(2 + Math.floor(this.rand() * 9)));
    const hh = String(8 + Math.floor(this.rand() * 10)).padStart(2, '0');
    const mm = String(Math.floor(this.rand() * 60)).padStart(2, '0');
    const source = `${this.site.place}${['人民政府办公室', '融媒体中心', '发展和改革局', '财政局', '司法局'][Math.floor(this.rand() * 5)]}`;
    const body = articleBody(item.title, this.site.place, this.rand);
    // Body text that mentions other dates, as real articles do: a date reader must not take them.
    const mention = `<p>根据《${this.site.place}${this.year - 1}年工作要点》（${formatDate(addDays(publish, -45), 'cn')}印发）要求，现将有关事项通报如下。</p>`;
    let head = '';
    let info = '';
    const idx = `${this.site.idCode.slice(0, 6)}/${this.year}-${String(this.nextId()).padStart(5, '0')}`;
    const docNo = `${this.site.place.slice(0, 1)}政办发〔${publish.slice(0, 4)}〕${1 + Math.floor(this.rand() * 60)}号`;
    switch (style) {
      case 'meta':
        head = `<meta name="PubDate" content="${publish} ${hh}:${mm}">\n<meta name="ContentSource" content="${source}">`;
        info = `<div class="info"><span>发布时间：${publish} ${hh}:${mm}</span>　<span>来源：${source}</span>　<span>浏览次数：<em id="hits">${100 + Math.floor(this.rand() * 900)}</em></span></div>`;
        break;
      case 'meta-dash':
        head = `<meta name="publishdate" content="${publish}-${hh}:${mm}:12">`;
        info = `<div class="info"><span>${publish} ${hh}:${mm}</span>　<span>${source}</span></div>`;
        break;
      case 'trs':
        head = `<meta name="PubDate" content="${publish} ${hh}:${mm}">\n<meta name="ArticleTitle" content="${esc(item.title)}">\n<meta name="ColumnName" content="${column}">`;
        info = `<div class="fbxx"><span>发布时间：${publish}</span><span>来源：${source}</span><span>【字体：<a href="javascript:void(0)">大</a> <a href="javascript:void(0)">中</a> <a href="javascript:void(0)">小</a>】</span></div>`;
        break;
      case 'hanweb':
        info = `<table class="bt-info"><tr><td>发布日期：${publish} ${hh}:${mm}　信息来源：${source}　浏览次数：<span id="c">${Math.floor(this.rand() * 500)}</span></td></tr></table>`;
        break;
      case 'line':
        info = `<div class="article-info">${formatDate(publish, 'cn')} ${hh}:${mm}　|　发布日期：${formatDate(publish, 'cn')}　来源：${source}</div>`;
        break;
      case 'table':
        info = `<table class="xxgk-meta">
<tr><td class="label">索引号：</td><td>${idx}</td><td class="label">主题分类：</td><td>综合政务</td></tr>
<tr><td class="label">发布机构：</td><td>${this.site.siteName}办公室</td><td class="label">成文日期：</td><td>${formatDate(formed, 'cn')}</td></tr>
<tr><td class="label">文　　号：</td><td>${docNo}</td><td class="label">发布日期：</td><td>${formatDate(publish, 'cn')}</td></tr>
<tr><td class="label">名　　称：</td><td colspan="3">${esc(item.title)}</td></tr>
</table>`;
        break;
      case 'table-formed-first':
        info = `<div class="xxgk-info"><ul>
<li><b>索 引 号：</b>${idx}</li><li><b>成文日期：</b>${formed}</li>
<li><b>发文机关：</b>${this.site.siteName}</li><li><b>发布日期：</b>${publish}</li>
<li><b>文　　号：</b>${docNo}</li><li><b>有 效 性：</b>有效</li>
</ul></div>`;
        break;
    }
    const main = `<div class="article">
<h1>${esc(item.title)}</h1>
${info}
<div class="article-content" id="zoom">
${mention}
${body}
</div>
<div class="article-foot"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>`;
    this.write(item.url, page(this.site, { title: `${item.title}_${this.site.siteName}`, column, main, extraHead: head, crumbs: [[column, '#']], flavour }));
    if (label) this.truth.details.push({ url: item.url, publish, ...(style.startsWith('table') ? { formed } : {}), style });
  }

  /** Detail pages for the first `n` items (the crawler reads the newest two of each column). */
  details(items: Item[], column: string, o: ListOpts): void {
    const n = Math.min(o.details ?? 2, items.length);
    for (let i = 0; i < n; i++) this.detail(items[i]!, column, o.detailStyle ?? 'meta', i < (o.labelDetails ?? 0), o.flavour);
  }

  /** A hub page (信息公开专栏, 法定主动公开内容): a grid of sub-column links plus a short latest list. */
  hub(classId: string, name: string, path: string, entries: [string, string][], o: { latest?: Item[]; flavour?: PageOpts['flavour']; crumbs?: [string, string][] } = {}): void {
    const grid = `<div class="xxgk-nav"><h2>${name}</h2><ul class="gk-menu">\n${entries.map(([t, h]) => `<li><a href="${h}">${t}</a></li>`).join('\n')}\n</ul></div>`;
    const latest = o.latest?.length ? `<div class="gk-latest"><h3>最新公开</h3><ul>${liRows(o.latest, 'iso')}</ul></div>` : '';
    this.write(path, page(this.site, { title: `${name}_${this.site.siteName}`, column: name, main: grid + latest, crumbs: o.crumbs ?? [[name, path]], flavour: o.flavour }));
    this.column({ classId, name, url: path, newest: null, items: null, hub: true, shape: 'hub' });
  }

  /** A column page that is one document (指南, 机构职能): counts as one item dated by its 发布日期, if shown. */
  doc(classId: string, name: string, path: string, date: string | null, text: string, o: { flavour?: PageOpts['flavour']; left?: string } = {}): void {
    const dateLine = date ? `<div class="info">发布日期：${date}　　来源：${this.site.siteName}办公室</div>` : '';
    const main = `<div class="article"><h1>${name}</h1>${dateLine}<div class="article-content">${text}</div></div>`;
    this.write(path, page(this.site, { title: `${name}_${this.site.siteName}`, column: name, main, crumbs: [[name, path]], flavour: o.flavour, left: o.left }));
    this.column({ classId, name, url: path, newest: date, items: 1, shape: 'document' });
  }

  /** A plain list column with 下一页 pages `index.html`, `index_2.html` …. */
  plainList(classId: string, name: string, path: string, items: Item[], o: ListOpts = {}): void {
    const per = o.per ?? 20;
    const pages = chunk(items, per);
    const fileOf = (n: number) => (n === 1 ? 'index.html' : `index_${n}.html`);
    pages.forEach((rows, i) => {
      const list = rows.length
        ? `<ul class="news-list">\n${liRows(rows, o.fmt ?? 'iso')}\n</ul>`
        : '<div class="no-data">暂无信息</div>';
      const main = `<div class="list-title"><h2>${name}</h2></div>\n<div class="list">${list}\n${linkPager(i + 1, pages.length, fileOf)}</div>`;
      this.write(i === 0 ? path : path + fileOf(i + 1), page(this.site, { title: `${name}_${this.site.siteName}`, column: name, main, crumbs: o.crumbs ?? [[name, path]], left: o.left, right: o.right, flavour: o.flavour }));
    });
    this.details(items, name, o);
    this.column({ classId, name, url: path, newest: newestOf(items, this.truth.today), items: items.length, shape: `li ${o.fmt ?? 'iso'}${pages.length > 1 ? `, ${pages.length} pages (下一页)` : ''}` });
  }
}

function newestOf(items: Item[], today: string): string | null {
  const dates = items.map((i) => i.date).filter((d): d is string => !!d && d <= today).sort();
  return dates.length ? dates[dates.length - 1]! : null;
}

const yyyymm = (d: string) => d.slice(0, 7).replace('-', '');
const ymd = (d: string) => d.replace(/-/g, '');
/** `/zwyw/202601/t20260113_1234.html`, the TRS/static CMS detail path. */
const tPath = (col: string) => (d: string, id: number) => `${col}${yyyymm(d)}/t${ymd(d)}_${id}.html`;

function baseSite(o: Partial<Site> & Pick<Site, 'siteName' | 'place' | 'nav'>): Site {
  return { idCode: '3601230001', domain: 'www.example.gov.cn', province: '赣', host: 'www.example.gov.cn', phone: '0791-88880000', ...o };
}

/** Home page: news blocks with 更多 links, the 信息公开 entry, and whatever else the site puts there. */
function home(p: Portal, blocks: { heading: string; more: string; items: Item[]; fmt?: DateFormat }[], extra = '', flavour?: PageOpts['flavour']): void {
  const boxes = blocks
    .map((b) => `<div class="index-box"><div class="box-title"><h3>${b.heading}</h3><a class="more" href="${b.more}">更多&gt;&gt;</a></div>\n<ul class="index-list">\n${liRows(b.items.slice(0, 7), b.fmt ?? 'iso')}\n</ul></div>`)
    .join('\n');
  const banner = `<div class="banner"><a href="/ztzl/"><img src="/images/banner1.jpg" alt="学习贯彻党的二十届四中全会精神"></a></div>`;
  p.write('/', page(p.site, { title: p.site.siteName, main: banner + boxes + extra, flavour }));
}

// =================================================================================================================
// The fixtures.

function plainCounty(): Portal {
  const site = baseSite({
    siteName: '青山县人民政府', place: '青山县', idCode: '3601230001', domain: 'www.qingshan.gov.cn',
    nav: [['首页', '/'], ['走进青山', '/zjqs/'], ['政务要闻', '/zwyw/'], ['通知公告', '/tzgg/'], ['信息公开', '/xxgk/'], ['政务服务', '/zwfw/'], ['互动交流', '/hdjl/']],
  });
  const p = new Portal(site, { name: 'plain-county', siteName: site.siteName, today: '2026-01-15', kind: 'county', shape: 'plain static county portal, li lists with 下一页 pagination, two-level 信息公开 hub' });
  const col = (path: string, classId: string, name: string, count: number, newest: string | null, o: ListOpts = {}, gap = 6) => {
    const items = p.items(classId, count, newest, tPath(path), gap);
    p.plainList(classId, name, path, items, o);
    return items;
  };
  const zwyw = col('/zwyw/', 'news', '政务要闻', 46, '2026-01-14', { labelDetails: 2 }, 2);
  const bmdt = col('/bmdt/', 'news', '部门动态', 18, '2026-01-13');
  const xzdt = col('/xzdt/', 'news', '乡镇动态', 12, '2026-01-09');
  const tzgg = col('/tzgg/', 'notice', '通知公告', 27, '2026-01-12', { detailStyle: 'table', labelDetails: 1 });
  col('/hdjl/xzxx/', 'consultation', '县长信箱', 7, '2026-01-08');
  const xxgkLeft = menu('信息公开', [['政府信息公开指南', '/xxgk/xxgkzn/'], ['政府信息公开制度', '/xxgk/zfxxgkzd/'], ['法定主动公开内容', '/xxgk/fdzdgknr/'], ['政府信息公开工作年度报告', '/xxgk/ndbg/']]);
  p.hub('disclosure-column', '信息公开', '/xxgk/', [
    ['政府信息公开指南', '/xxgk/xxgkzn/'], ['政府信息公开制度', '/xxgk/zfxxgkzd/'], ['法定主动公开内容', '/xxgk/fdzdgknr/'],
    ['政府信息公开工作年度报告', '/xxgk/ndbg/'], ['政策文件', '/xxgk/zcwj/'], ['政策解读', '/xxgk/zcjd/'], ['双公示', '/xxgk/sgs/'], ['依申请公开', '/xxgk/ysqgk/'],
  ]);
  p.doc('disclosure-guide', '政府信息公开指南', '/xxgk/xxgkzn/', '2025-03-20', '<p>为了更好地为公民、法人和其他组织依法获取政府信息提供服务，根据《中华人民共和国政府信息公开条例》，编制本指南。</p><p>一、公开的主体和范围……</p>', { left: xxgkLeft });
  col('/xxgk/zfxxgkzd/', 'disclosure-system', '政府信息公开制度', 4, '2025-06-18', { left: xxgkLeft }, 60);
  const ndbg = p.items('annual-report', 6, null, tPath('/xxgk/ndbg/'));
  ndbg.forEach((it, i) => (it.date = `${2025 - i}-01-${String(20 + (i % 5)).padStart(2, '0')}`));
  p.plainList('annual-report', '政府信息公开工作年度报告', '/xxgk/ndbg/', ndbg, { left: xxgkLeft });
  col('/xxgk/zcwj/', 'policy', '政策文件', 23, '2026-01-06', { detailStyle: 'table-formed-first', labelDetails: 1 }, 8);
  col('/xxgk/zcjd/', 'interpretation', '政策解读', 9, '2026-01-07', {}, 9);
  const fd = '/xxgk/fdzdgknr/';
  p.hub('disclosure-catalogue', '法定主动公开内容', fd, [
    ['机构职能', `${fd}jgzn/`], ['规划计划', `${fd}ghjh/`], ['财政预决算', `${fd}czyjs/`], ['人事信息', `${fd}rsxx/`],
    ['统计信息', `${fd}tjxx/`], ['社会救助', `${fd}shjz/`], ['生态环境', `${fd}sthj/`],
  ], { crumbs: [['信息公开', '/xxgk/'], ['法定主动公开内容', fd]] });
  p.doc('institution', '机构职能', `${fd}jgzn/`, '2025-09-01', '<p>青山县人民政府是县级国家行政机关，……</p><h3>内设机构</h3><p>县政府办公室、县发展和改革局、县教育局……</p>');
  col(`${fd}ghjh/`, 'plan', '规划计划', 6, '2025-12-30', {}, 60);
  col(`${fd}czyjs/`, 'finance', '财政预决算', 7, '2025-02-10', {}, 40);
  col(`${fd}rsxx/`, 'personnel', '人事信息', 6, '2025-11-20', {}, 30);
  col(`${fd}tjxx/`, 'statistics', '统计信息', 7, '2026-01-10', {}, 30);
  col(`${fd}shjz/`, 'social-assistance', '社会救助', 6, '2026-01-05', {}, 30);
  col(`${fd}sthj/`, 'environment', '生态环境', 6, '2025-12-12', {}, 30);
  p.write('/xxgk/sgs/', page(site, { title: '双公示', main: '<h2>行政许可和行政处罚双公示</h2><table class="sgs"><tr><th>行政相对人</th><th>决定书文号</th><th>决定日期</th></tr><tr><td>青山县某某商贸有限公司</td><td>青市监处罚〔2025〕112号</td><td>2025-12-30</td></tr></table>' }));
  const notice = { title: '关于开展2026年元旦春节期间安全生产大检查的通知', date: '2026-01-02', url: '/tzgg/202601/t20260102_9001.html' };
  home(p, [
    { heading: '政务要闻', more: '/zwyw/', items: zwyw }, { heading: '部门动态', more: '/bmdt/', items: bmdt },
    { heading: '乡镇动态', more: '/xzdt/', items: xzdt }, { heading: '通知公告', more: '/tzgg/', items: tzgg },
  ], `<div class="zwfw"><h3>政务服务</h3><ul><li><a href="/zwfw/bszn/">办事指南</a></li><li><a href="/zwfw/bmfw/">便民服务</a></li><li><a href="/hdjl/xzxx/">县长信箱</a></li></ul></div>
<div class="notice-top"><a href="${notice.url}">${notice.title}</a></div>`);
  p.not('/zjqs/', '/zwfw/', '/hdjl/', '/xxgk/sgs/', '/xxgk/ysqgk/', '/zwfw/bszn/', '/zwfw/bmfw/', notice.url);
  return p;
}

// ---------------------------------------------------------------------------------------------------------------

function hanwebCounty(): Portal {
  const site = baseSite({
    siteName: '青溪县人民政府', place: '青溪县', idCode: '3412210001', domain: 'www.qingxi.gov.cn', province: '皖', phone: '0558-1234567',
    nav: [['首页', '/'], ['走进青溪', '/col/col1201/index.html'], ['政务要闻', '/col/col1234/index.html'], ['政府信息公开', '/col/col1300/index.html'], ['政务服务', '/col/col1400/index.html'], ['互动交流', '/col/col1500/index.html']],
  });
  const p = new Portal(site, { name: 'hanweb-county', siteName: site.siteName, today: '2026-01-15', kind: 'county', shape: '大汉 Hanweb: /col/colNNN/, datastore CDATA records in a script, jpage dataproxy for the 4th page' });
  const art = (colId: number) => (d: string, id: number) => {
    const [y, m, dd] = d.split('-').map(Number);
    return `/art/${y}/${m}/${dd}/art_${colId}_${556000 + id}.html`;
  };
  const left = menu('政务动态', [['政务要闻', '/col/col1234/index.html'], ['部门动态', '/col/col1235/index.html'], ['通知公告', '/col/col1236/index.html']]);
  const hanweb = (colId: number, classId: string, name: string, count: number, newest: string, o: { perPage?: number; inline?: number; gap?: number; label?: number; left?: string } = {}) => {
    const items = p.items(classId, count, newest, art(colId), o.gap ?? 5);
    const perPage = o.perPage ?? 15;
    const inline = Math.min(items.length, o.inline ?? perPage * 3);
    const unitId = 45000 + colId;
    const proxy = `/module/web/jpage/dataproxy.jsp?page=1&amp;columnid=${colId}&amp;unitid=${unitId}`;
    const record = (it: Item) => `<record><![CDATA[\n<li><a href="${it.url}" title="${esc(it.title)}" target="_blank">${esc(it.title)}</a><span class="bt-data-time">${it.date}</span></li>\n]]></record>`;
    const store = `<script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="${proxy}"></a>]]></nextgroup>
<recordset>
${items.slice(0, inline).map(record).join('\n')}
</recordset>
</datastore></script><script language="javascript" src="/module/jslib/jquery/jpage/jquery.page.min.js"></script><script>
$(document).ready(function(){
  $('#${unitId}').jpage({
    dataStore: dataStore, themeName: 'default', showMode: 'full', dataBefore: '<ul class="bt-list-ul">', dataAfter: '</ul>',
    totalRecord: ${items.length}, perPage: ${perPage}, groupSize: 3, proxyUrl: '/module/web/jpage/dataproxy.jsp', pageInfo: '共{totalPage}页'
  });
});
</script>`;
    const main = `<div class="bt-title"><h2>${name}</h2></div><div class="bt-list" id="${unitId}">${store}</div>`;
    p.write(`/col/col${colId}/index.html`, page(site, { title: `${name} ${site.siteName}`, column: name, main, crumbs: [[name, `/col/col${colId}/index.html`]], flavour: 'hanweb', left: o.left }));
    // Further groups of records, as the dataproxy answers them (page n of perPage records).
    for (let n = Math.ceil(inline / perPage) + 1; inline < items.length && n <= Math.ceil(items.length / perPage); n++) {
      const rows = items.slice((n - 1) * perPage, n * perPage);
      const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<datastore>\n<totalrecord>${items.length}</totalrecord>\n<recordset>\n${rows.map(record).join('\n')}\n</recordset>\n</datastore>\n`;
      p.files.set(`module/web/jpage/dataproxy.jsp@columnid=${colId}&page=${n}&unitid=${unitId}`, xml);
    }
    p.details(items, name, { detailStyle: 'hanweb', labelDetails: o.label ?? 0, flavour: 'hanweb' });
    p.column({ classId, name, url: `/col/col${colId}/index.html`, newest: newestOf(items, p.truth.today), items: items.length, shape: `hanweb datastore (${inline} inline of ${items.length})` });
    return items;
  };
  const zwyw = hanweb(1234, 'news', '政务要闻', 60, '2026-01-14', { label: 2, gap: 2, left });
  const bmdt = hanweb(1235, 'news', '部门动态', 22, '2026-01-12', { left });
  const tzgg = hanweb(1236, 'notice', '通知公告', 17, '2026-01-13', { label: 1, left });
  const gk = (id: number) => `/col/col${id}/index.html`;
  const gkLeft = menu('政府信息公开', [['政府信息公开指南', gk(1301)], ['政府信息公开制度', gk(1302)], ['法定主动公开内容', gk(1303)], ['政府信息公开年报', gk(1304)]]);
  p.hub('disclosure-column', '政府信息公开', gk(1300), [['政府信息公开指南', gk(1301)], ['政府信息公开制度', gk(1302)], ['法定主动公开内容', gk(1303)], ['政府信息公开年报', gk(1304)], ['依申请公开', gk(1305)]], { flavour: 'hanweb' });
  p.doc('disclosure-guide', '政府信息公开指南', gk(1301), '2025-02-26', '<p>根据《中华人民共和国政府信息公开条例》和有关规定，编制《青溪县人民政府信息公开指南》。</p>', { flavour: 'hanweb', left: gkLeft });
  hanweb(1302, 'disclosure-system', '政府信息公开制度', 3, '2025-05-12', { gap: 90, left: gkLeft });
  p.hub('disclosure-catalogue', '法定主动公开内容', gk(1303), [['规范性文件', gk(1310)], ['政策解读', gk(1311)], ['财政预决算', gk(1312)], ['人事任免', gk(1313)]], { flavour: 'hanweb' });
  hanweb(1304, 'annual-report', '政府信息公开年报', 6, '2025-01-24', { gap: 400, left: gkLeft });
  hanweb(1310, 'policy', '规范性文件', 14, '2025-12-31', { gap: 12 });
  hanweb(1311, 'interpretation', '政策解读', 8, '2026-01-05', { gap: 12 });
  hanweb(1312, 'finance', '财政预决算', 7, '2025-09-18', { gap: 50 });
  hanweb(1313, 'personnel', '人事任免', 5, '2025-12-19', { gap: 40 });
  hanweb(1501, 'consultation', '县长信箱', 9, '2026-01-09', { gap: 4 });
  home(p, [
    { heading: '政务要闻', more: gk(1234), items: zwyw }, { heading: '部门动态', more: gk(1235), items: bmdt }, { heading: '通知公告', more: gk(1236), items: tzgg },
  ], `<div class="hdjl"><ul><li><a href="${gk(1501)}">县长信箱</a></li><li><a href="/col/col1502/index.html">网上调查</a></li></ul></div><div class="zt"><a href="/col/col1600/index.html">热点专题</a></div>`, 'hanweb');
  p.column({ classId: 'solicitation', name: '网上调查', url: '/col/col1502/index.html', newest: null, items: 0, status: 'unreachable', shape: 'linked, page missing (404)' });
  p.not(gk(1201), gk(1400), gk(1500), gk(1305), '/col/col1600/index.html');
  return p;
}

// ---------------------------------------------------------------------------------------------------------------

function trsCounty(): Portal {
  const site = baseSite({
    siteName: '云岭县人民政府', place: '云岭县', idCode: '5325270001', domain: 'www.yunling.gov.cn', province: '滇', phone: '0873-7654321',
    nav: [['首页', './'], ['走进云岭', './zjyl/'], ['政务动态', './zwdt/'], ['信息公开', './xxgk/'], ['政务服务', './zwfw/'], ['互动交流', './hdjl/']],
  });
  const p = new Portal(site, { name: 'trs-county', siteName: site.siteName, today: '2026-01-15', kind: 'county', shape: '拓尔思 TRS: index.html, index_1.html …, createPageHTML(N, cur, "index", "html"), relative ./ links' });
  const trs = (path: string, classId: string, name: string, count: number, newest: string, o: { per?: number; variable?: boolean; label?: number; gap?: number } = {}) => {
    const items = p.items(classId, count, newest, tPath(path), o.gap ?? 3);
    const per = o.per ?? 20;
    const pages = chunk(items, per);
    pages.forEach((rows, i) => {
      const li = rows.map((it) => `<li><a href="./${it.url.slice(path.length)}" target="_blank" title="${esc(it.title)}">${esc(it.title)}</a><span>${it.date}</span></li>`).join('\n');
      const pager = o.variable
        ? `<script>\nvar currentPage = ${i};//所在页从0开始\nvar countPage = ${pages.length}//共多少页\ncreatePageHTML(countPage, currentPage, "index", "html");\n</script>`
        : `<script>createPageHTML(${pages.length}, ${i}, "index", "html");</script>`;
      const main = `<div class="con_title"><span>${name}</span></div><div class="xxgk_list"><ul>\n${li}\n</ul></div><div class="page">${pager}</div>`;
      p.write(i === 0 ? path : `${path}index_${i}.html`, page(site, { title: `${name}_${site.siteName}`, column: name, main, crumbs: [[name, path]], flavour: 'trs' }));
    });
    p.details(items, name, { detailStyle: 'trs', labelDetails: o.label ?? 0, flavour: 'trs' });
    p.column({ classId, name, url: path, newest: newestOf(items, p.truth.today), items: items.length, shape: `trs ${pages.length} pages` });
    return items;
  };
  const zwdt = trs('/zwdt/', 'news', '政务动态', 87, '2026-01-14', { label: 2, gap: 1 });
  const bmdt = trs('/bmdt/', 'news', '部门动态', 33, '2026-01-13', { variable: true });
  const tzgg = trs('/tzgg/', 'notice', '通知公告', 41, '2026-01-09', { label: 1 });
  p.hub('disclosure-column', '信息公开', '/xxgk/', [['政府信息公开指南', './xxgkzn/'], ['法定主动公开内容', './fdzdgknr/'], ['政府信息公开工作年度报告', './ndbg/']].map(([t, h]) => [t!, h!.replace('./', '/xxgk/')] as [string, string]), { flavour: 'trs' });
  p.doc('disclosure-guide', '政府信息公开指南', '/xxgk/xxgkzn/', '2025-04-08', '<p>本指南适用于云岭县人民政府及其工作部门。</p>', { flavour: 'trs' });
  trs('/xxgk/ndbg/', 'annual-report', '政府信息公开工作年度报告', 6, '2025-01-27', { gap: 366 });
  const fd = '/xxgk/fdzdgknr/';
  p.hub('disclosure-catalogue', '法定主动公开内容', fd, [['政府文件', `${fd}zfwj/`], ['政策解读', `${fd}zcjd/`], ['规划计划', `${fd}ghjh/`], ['统计数据', `${fd}tjsj/`]], { flavour: 'trs' });
  trs(`${fd}zfwj/`, 'policy', '政府文件', 25, '2026-01-08', { gap: 9 });
  trs(`${fd}zcjd/`, 'interpretation', '政策解读', 11, '2026-01-12', { gap: 10 });
  trs(`${fd}ghjh/`, 'plan', '规划计划', 5, '2025-10-11', { gap: 60 });
  trs(`${fd}tjsj/`, 'statistics', '统计数据', 8, '2025-12-26', { gap: 31 });
  // TRS home pages link a block's 更多 to the column's index.html while the menu links its folder.
  home(p, [
    { heading: '政务动态', more: './zwdt/index.html', items: zwdt.map((i) => ({ ...i, url: `.${i.url}` })) },
    { heading: '部门动态', more: './bmdt/', items: bmdt.map((i) => ({ ...i, url: `.${i.url}` })) },
    { heading: '通知公告', more: './tzgg/', items: tzgg.map((i) => ({ ...i, url: `.${i.url}` })) },
  ], '<div class="zwfw"><a href="./zwfw/bsfw/">办事服务</a> <a href="./hdjl/zxft/">在线访谈</a></div>', 'trs');
  p.column({ classId: 'solicitation', name: '在线访谈', url: '/hdjl/zxft/', newest: null, items: 0, status: 'unreachable', shape: 'linked, page missing (404)' });
  p.not('/zjyl/', '/zwfw/', '/hdjl/', '/zwfw/bsfw/');
  return p;
}

// ---------------------------------------------------------------------------------------------------------------

function tableDates(): Portal {
  const site = baseSite({
    siteName: '石门县人民政府', place: '石门县', idCode: '4307260001', domain: 'www.shimen.gov.cn', province: '湘', phone: '0736-5322110',
    nav: [['首页', '/'], ['工作动态', '/gzdt/'], ['通知公告', '/tzgg/'], ['政务公开', '/xxgk/'], ['政务服务', '/zwfw/']],
  });
  const p = new Portal(site, { name: 'table-dates', siteName: site.siteName, today: '2026-01-15', kind: 'county', shape: '信息公开 tables: 发布日期 beside 成文日期/办结日期 columns, th and td header rows' });
  const formedOf = new Map<Item, string>();
  const table = (path: string, classId: string, name: string, count: number, newest: string, o: { header: string[]; per?: number; gap?: number; detail?: DetailStyle; label?: number; thead?: boolean } = { header: [] }) => {
    const items = p.items(classId, count, newest, tPath(path), o.gap ?? 6);
    for (const it of items) formedOf.set(it, addDays(it.date!, -(1 + Math.floor(p.rand() * 12))));
    const per = o.per ?? 15;
    const pages = chunk(items, per);
    const fileOf = (n: number) => (n === 1 ? 'index.html' : `index_${n}.html`);
    pages.forEach((rows, pi) => {
      const cell = (h: string, it: Item, n: number) => {
        if (h === '序号') return `<td>${pi * per + n + 1}</td>`;
        if (/标题|名称/.test(h)) return `<td class="title"><a href="${it.url}" target="_blank" title="${esc(it.title)}">${esc(it.title)}</a></td>`;
        if (/文号|字号/.test(h)) return `<td>${site.place.slice(0, 1)}政发〔${it.date!.slice(0, 4)}〕${n + 3}号</td>`;
        if (/成文|办结/.test(h)) return `<td>${formedOf.get(it)}</td>`;
        return `<td>${it.date}</td>`;
      };
      const head = o.thead ? `<tr class="head">${o.header.map((h) => `<td>${h}</td>`).join('')}</tr>` : `<tr>${o.header.map((h) => `<th>${h}</th>`).join('')}</tr>`;
      const body = rows.map((it, n) => `<tr>${o.header.map((h) => cell(h, it, n)).join('')}</tr>`).join('\n');
      const main = `<div class="list-title"><h2>${name}</h2></div><table class="xxgk-table" width="100%">\n${head}\n${body}\n</table>${linkPager(pi + 1, pages.length, fileOf)}`;
      p.write(pi === 0 ? path : path + fileOf(pi + 1), page(site, { title: `${name}_${site.siteName}`, column: name, main, crumbs: [['政务公开', '/xxgk/'], [name, path]], flavour: 'table' }));
    });
    p.details(items, name, { detailStyle: o.detail ?? 'table', labelDetails: o.label ?? 0, flavour: 'table' });
    p.column({ classId, name, url: path, newest: newestOf(items, p.truth.today), items: items.length, shape: `table [${o.header.join('|')}]${pages.length > 1 ? `, ${pages.length} pages` : ''}` });
    return items;
  };
  table('/xxgk/zcwj/', 'policy', '政策文件', 31, '2026-01-12', { header: ['序号', '标题', '文号', '成文日期', '发布日期'], gap: 5, label: 2 });
  table('/xxgk/gfxwj/', 'policy', '规范性文件', 11, '2025-12-22', { header: ['文件名称', '发文字号', '发布日期', '成文日期'], gap: 20, thead: true, detail: 'table-formed-first', label: 1 });
  table('/xxgk/czxx/', 'finance', '财政信息', 9, '2025-12-05', { header: ['标题', '发布时间'], gap: 30 });
  table('/xxgk/rsxx/', 'personnel', '人事信息', 5, '2025-11-28', { header: ['序号', '标题', '发布日期'], gap: 30 });
  table('/xxgk/jytabl/', 'proposal', '建议提案办理结果', 8, '2025-10-30', { header: ['序号', '标题', '办结日期', '发布日期'], gap: 6 });
  table('/xxgk/ndbg/', 'annual-report', '年度报告', 6, '2025-01-21', { header: ['标题', '发布日期'], gap: 365 });
  const gzdt = p.items('news', 25, '2026-01-14', tPath('/gzdt/'), 2);
  p.plainList('news', '工作动态', '/gzdt/', gzdt, { per: 25 });
  const tzgg = p.items('notice', 14, '2026-01-13', tPath('/tzgg/'), 4);
  p.plainList('notice', '通知公告', '/tzgg/', tzgg, { fmt: 'bracket' });
  p.hub('disclosure-column', '政务公开', '/xxgk/', [['信息公开指南', '/xxgk/xxgkzn/'], ['政策文件', '/xxgk/zcwj/'], ['规范性文件', '/xxgk/gfxwj/'], ['财政信息', '/xxgk/czxx/'], ['人事信息', '/xxgk/rsxx/'], ['建议提案办理结果', '/xxgk/jytabl/'], ['年度报告', '/xxgk/ndbg/'], ['依申请公开', '/xxgk/ysqgk/']]);
  p.doc('disclosure-guide', '信息公开指南', '/xxgk/xxgkzn/', '2025-05-06', '<p>公民、法人或者其他组织可以通过以下方式获取政府信息……</p>');
  home(p, [{ heading: '工作动态', more: '/gzdt/', items: gzdt }, { heading: '通知公告', more: '/tzgg/', items: tzgg, fmt: 'bracket' }]);
  p.not('/zwfw/', '/xxgk/ysqgk/');
  return p;
}

// ---------------------------------------------------------------------------------------------------------------

function gbkCounty(): Portal {
  const site = baseSite({
    siteName: '临江县人民政府', place: '临江县', idCode: '2206250001', domain: 'www.linjiang.gov.cn', province: '吉', phone: '0439-5222333', charset: 'gb2312',
    nav: [['首页', '/'], ['本地要闻', '/bdyw/'], ['部门动态', '/bmdt/'], ['通知公告', '/tzgg/'], ['政府信息公开', '/xxgk/'], ['领导之窗', '/ldzc/']],
  });
  const p = new Portal(site, { name: 'gbk-county', siteName: site.siteName, today: '2026-01-15', kind: 'county', shape: 'GBK bytes served as gb2312; /tzgg/ without a header charset (meta only), /xxgk/zcjd/ with neither', serve: { gbkPaths: ['^/'], gbkNoHeaderPaths: ['^/tzgg/', '^/xxgk/zcjd/'] } });
  const col = (path: string, classId: string, name: string, count: number, newest: string | null, o: ListOpts = {}, gap = 6) => {
    const items = p.items(classId, count, newest, tPath(path), gap);
    p.plainList(classId, name, path, items, o);
    return items;
  };
  const bdyw = col('/bdyw/', 'news', '本地要闻', 25, '2026-01-14', { per: 15, fmt: 'cn', detailStyle: 'line', labelDetails: 2 }, 2);
  const bmdt = col('/bmdt/', 'news', '部门动态', 14, '2026-01-12', { fmt: 'cn' });
  const tzgg = col('/tzgg/', 'notice', '通知公告', 16, '2026-01-13', { fmt: 'dot', labelDetails: 1 });
  p.hub('disclosure-column', '政府信息公开', '/xxgk/', [['政府信息公开指南', '/xxgk/xxgkzn/'], ['政策法规', '/xxgk/zcfg/'], ['政策解读', '/xxgk/zcjd/'], ['信息公开年报', '/xxgk/xxgknb/'], ['预决算公开', '/xxgk/yjsgk/']]);
  p.doc('disclosure-guide', '政府信息公开指南', '/xxgk/xxgkzn/', '2025-03-03', '<p>为方便公民、法人和其他组织获取临江县人民政府的政府信息，编制本指南。</p>');
  col('/xxgk/zcfg/', 'policy', '政策法规', 12, '2025-12-29', { fmt: 'cn', detailStyle: 'table' }, 15);
  col('/xxgk/zcjd/', 'interpretation', '政策解读', 6, '2026-01-06', { fmt: 'cn' }, 20);
  col('/xxgk/xxgknb/', 'annual-report', '信息公开年报', 5, '2025-01-22', {}, 365);
  col('/xxgk/yjsgk/', 'finance', '预决算公开', 6, '2025-08-20', {}, 40);
  const leaders = ['张德明 县委副书记、县长', '刘志强 县委常委、常务副县长', '孙丽华 副县长', '马建军 副县长', '周文斌 副县长'];
  const ldzc = leaders.map((t, i) => ({ title: t, date: null, url: `/ldzc/ld${i + 1}/` }));
  p.write('/ldzc/', page(site, { title: `领导之窗_${site.siteName}`, column: '领导之窗', main: `<div class="ld-list"><ul>${ldzc.map((l) => `<li><a href="${l.url}" title="${l.title}"><img src="/images/ld${l.url.slice(-2, -1)}.jpg" alt=""><p>${l.title}</p></a></li>`).join('\n')}</ul></div>`, crumbs: [['领导之窗', '/ldzc/']] }));
  p.column({ classId: 'leaders', name: '领导之窗', url: '/ldzc/', newest: null, items: 5, shape: 'undated leader cards' });
  home(p, [{ heading: '本地要闻', more: '/bdyw/', items: bdyw, fmt: 'cn' }, { heading: '部门动态', more: '/bmdt/', items: bmdt, fmt: 'cn' }, { heading: '通知公告', more: '/tzgg/', items: tzgg, fmt: 'dot' }]);
  // 政策解读 pages declare no charset at all (and are served without one): the reader has to recognise GBK bytes.
  for (const [file, text] of p.files) if (file.startsWith('xxgk/zcjd/')) p.files.set(file, text.replace(/<meta http-equiv="Content-Type"[^>]*>\n/, ''));
  return p;
}

// ---------------------------------------------------------------------------------------------------------------

function jsRendered(): Portal {
  const site = baseSite({
    siteName: '东湖区人民政府', place: '东湖区', idCode: '3601020001', domain: 'www.donghu.gov.cn', phone: '0791-86660000',
    nav: [['首页', '/'], ['政务要闻', '/zwyw/'], ['通知公告', '/tzgg/'], ['政策文件', '/zcwj/'], ['政策解读', '/zcjd/'], ['政务公开', '/zwgk/']],
  });
  const p = new Portal(site, { name: 'js-rendered', siteName: site.siteName, today: '2026-01-15', kind: 'county', shape: 'lists drawn by JavaScript: inline data + innerHTML, fetch() of a JSON file, DOM appendChild; static lists beside them' });
  const rowsJs = `function row(it){return '<li><a href="'+it.url+'" target="_blank" title="'+it.title+'">'+it.title+'</a><span class="date">'+it.pubDate+'</span></li>';}`;
  const data = (items: Item[]) => JSON.stringify(items.map((i) => ({ title: i.title, url: i.url, pubDate: i.date })));
  const jsCol = (path: string, classId: string, name: string, count: number, newest: string, how: 'inline' | 'fetch' | 'append', label = 0) => {
    const items = p.items(classId, count, newest, tPath(path), 3);
    let script: string;
    if (how === 'inline') script = `<script>\n${rowsJs}\nvar listData = ${data(items)};\ndocument.getElementById('newsList').innerHTML = listData.map(row).join('');\n</script>`;
    else if (how === 'fetch') {
      p.files.set(`api/${path.replace(/\//g, '')}.json`, JSON.stringify({ code: 0, data: { total: items.length, list: items.map((i) => ({ title: i.title, url: i.url, pubDate: i.date })) } }));
      script = `<script>\n${rowsJs}\nfetch('/api/${path.replace(/\//g, '')}.json').then(function(r){return r.json();}).then(function(res){\n  document.getElementById('newsList').innerHTML = res.data.list.map(row).join('');\n});\n</script>`;
    } else script = `<script>\nvar items = ${data(items)};\nvar ul = document.getElementById('newsList');\nitems.forEach(function(it){ var li = document.createElement('li'); var a = document.createElement('a'); a.href = it.url; a.textContent = it.title; var s = document.createElement('span'); s.className = 'date'; s.textContent = it.pubDate; li.appendChild(a); li.appendChild(s); ul.appendChild(li); });\n</script>`;
    const main = `<div class="list-title"><h2>${name}</h2></div><div class="list-box"><ul id="newsList" class="news-list"></ul><div id="pageBar"></div></div>`;
    p.write(path, page(site, { title: `${name}_${site.siteName}`, column: name, main, crumbs: [[name, path]], scripts: script, flavour: 'modern' }));
    p.details(items, name, { detailStyle: 'meta-dash', labelDetails: label, flavour: 'modern' });
    p.column({ classId, name, url: path, newest: newestOf(items, p.truth.today), items: items.length, shape: `js ${how}` });
    return items;
  };
  const zwyw = jsCol('/zwyw/', 'news', '政务要闻', 20, '2026-01-14', 'inline', 2);
  jsCol('/tzgg/', 'notice', '通知公告', 15, '2026-01-13', 'fetch', 1);
  jsCol('/zcjd/', 'interpretation', '政策解读', 8, '2026-01-09', 'append');
  const zcwj = p.items('policy', 12, '2026-01-07', tPath('/zcwj/'), 8);
  p.plainList('policy', '政策文件', '/zcwj/', zcwj, { flavour: 'modern' });
  p.hub('disclosure-column', '政务公开', '/zwgk/', [['政府信息公开指南', '/zwgk/xxgkzn/'], ['政府信息公开工作年度报告', '/zwgk/ndbg/'], ['政策文件', '/zcwj/'], ['政策解读', '/zcjd/']]);
  p.doc('disclosure-guide', '政府信息公开指南', '/zwgk/xxgkzn/', '2025-02-18', '<p>东湖区人民政府信息公开指南……</p>');
  const ndbg = p.items('annual-report', 5, '2025-01-23', tPath('/zwgk/ndbg/'), 366);
  p.plainList('annual-report', '政府信息公开工作年度报告', '/zwgk/ndbg/', ndbg);
  // The home page draws its news block by script too.
  const homeScript = `<script>\n${rowsJs}\nvar homeNews = ${data(zwyw.slice(0, 7))};\ndocument.getElementById('homeNews').innerHTML = homeNews.map(row).join('');\n</script>`;
  p.write('/', page(site, { title: site.siteName, main: `<div class="index-box"><div class="box-title"><h3>政务要闻</h3><a class="more" href="/zwyw/">更多&gt;&gt;</a></div><ul id="homeNews" class="index-list"></ul></div>`, scripts: homeScript, flavour: 'modern' }));
  return p;
}

// ---------------------------------------------------------------------------------------------------------------

function commentYear(): Portal {
  const site = baseSite({
    siteName: '北坪县人民政府', place: '北坪县', idCode: '1410250001', domain: 'www.beiping.gov.cn', province: '晋', phone: '0357-3322110',
    nav: [['首页', '/'], ['工作动态', '/gzdt/'], ['公示公告', '/gsgg/'], ['政府文件', '/zfwj/'], ['政策解读', '/zcjd/'], ['财政预决算', '/czyjs/'], ['信息公开', '/xxgk/']],
  });
  const p = new Portal(site, { name: 'comment-year', siteName: site.siteName, today: '2026-01-20', kind: 'county', shape: 'MM-DD dates with the year in an HTML comment (<!--2025-->12-28), across a year boundary and more than a year back' });
  const col = (path: string, classId: string, name: string, count: number, newest: string, o: ListOpts = {}, gap = 6) => {
    const items = p.items(classId, count, newest, tPath(path), gap);
    p.plainList(classId, name, path, items, { fmt: 'comment-year', ...o });
    return items;
  };
  const gzdt = col('/gzdt/', 'news', '工作动态', 30, '2026-01-19', { labelDetails: 1, detailStyle: 'meta' }, 3);
  const gsgg = col('/gsgg/', 'notice', '公示公告', 12, '2026-01-06', { labelDetails: 1, detailStyle: 'line' }, 9);
  col('/zfwj/', 'policy', '政府文件', 10, '2025-12-29', { detailStyle: 'table', labelDetails: 1 }, 20);
  col('/zcjd/', 'interpretation', '政策解读', 7, '2026-01-16', {}, 15);
  // More than a year back: a reader that guesses the year from the capture day lands a year late.
  col('/czyjs/', 'finance', '财政预决算', 6, '2024-11-05', {}, 45);
  col('/xxgk/ndbg/', 'annual-report', '政府信息公开工作年度报告', 5, '2024-01-22', {}, 365);
  p.hub('disclosure-column', '信息公开', '/xxgk/', [['政府信息公开指南', '/xxgk/xxgkzn/'], ['政府信息公开工作年度报告', '/xxgk/ndbg/']]);
  p.doc('disclosure-guide', '政府信息公开指南', '/xxgk/xxgkzn/', '2025-06-09', '<p>北坪县人民政府信息公开指南……</p>');
  home(p, [{ heading: '工作动态', more: '/gzdt/', items: gzdt, fmt: 'comment-year' }, { heading: '公示公告', more: '/gsgg/', items: gsgg, fmt: 'comment-year' }]);
  return p;
}

// ---------------------------------------------------------------------------------------------------------------

function tabsHidden(): Portal {
  const site = baseSite({
    siteName: '南川县人民政府', place: '南川县', idCode: '4413230001', domain: 'www.nanchuan.gov.cn', province: '粤', phone: '0752-6612345',
    nav: [['首页', '/'], ['政务动态', '/zwdt/'], ['通知公告', '/tzgg/'], ['政策文件', '/zcwj/'], ['政策解读', '/zcjd/'], ['信息公开', '/xxgk/']],
  });
  const p = new Portal(site, { name: 'tabs-hidden', siteName: site.siteName, today: '2026-01-15', kind: 'county', shape: 'column pages split into tab panes: inline display:none panes hold the newest items; CSS-hidden panes (class only)' });
  const tabs = (path: string, classId: string, name: string, panes: { tab: string; count: number; newest: string; cls: string }[], hideBy: 'style' | 'class', label = 0) => {
    const all: Item[] = [];
    const html = panes.map((pn, i) => {
      const items = p.items(classId, pn.count, pn.newest, tPath(`${path}${pn.cls}/`), 5);
      all.push(...items);
      p.details(items, name, { details: 1, detailStyle: 'meta', labelDetails: i === 1 ? label : 0 });
      const hidden = i === 0 ? '' : hideBy === 'style' ? ' style="display:none"' : ' hide';
      const cls = hideBy === 'style' ? `tab-pane"${hidden}` : `tab-pane${hidden}"`;
      return `<div class="${cls} id="pane${i}"><ul class="news-list">\n${liRows(items, 'iso')}\n</ul></div>`;
    });
    const heads = panes.map((pn, i) => `<li${i === 0 ? ' class="active"' : ''} onmouseover="showTab(${i})">${pn.tab}</li>`).join('');
    const main = `<div class="tab-box"><ul class="tab-head">${heads}</ul><div class="tab-body">\n${html.join('\n')}\n</div></div>`;
    const script = `<script>function showTab(n){var ps=document.querySelectorAll('.tab-pane');for(var i=0;i<ps.length;i++){ps[i].style.display=i==n?'block':'none';}}</script>`;
    p.write(path, page(site, { title: `${name}_${site.siteName}`, column: name, main, crumbs: [[name, path]], scripts: script }));
    p.column({ classId, name, url: path, newest: newestOf(all, p.truth.today), items: all.length, shape: `tabs (${panes.length} panes, hidden by ${hideBy})` });
    return all;
  };
  const tzgg = tabs('/tzgg/', 'notice', '通知公告', [{ tab: '通知', count: 8, newest: '2026-01-08', cls: 'tz' }, { tab: '公告', count: 6, newest: '2026-01-13', cls: 'gg' }, { tab: '公示', count: 5, newest: '2026-01-11', cls: 'gs' }], 'style', 1);
  const zwdt = tabs('/zwdt/', 'news', '政务动态', [{ tab: '政务要闻', count: 10, newest: '2026-01-12', cls: 'zwyw' }, { tab: '部门动态', count: 10, newest: '2026-01-14', cls: 'bmdt' }, { tab: '乡镇动态', count: 7, newest: '2026-01-10', cls: 'xzdt' }], 'class', 1);
  const zcwj = p.items('policy', 15, '2026-01-05', tPath('/zcwj/'), 7);
  p.plainList('policy', '政策文件', '/zcwj/', zcwj, { labelDetails: 1, detailStyle: 'table' });
  p.plainList('interpretation', '政策解读', '/zcjd/', p.items('interpretation', 6, '2026-01-06', tPath('/zcjd/'), 10));
  p.hub('disclosure-column', '信息公开', '/xxgk/', [['政府信息公开指南', '/xxgk/xxgkzn/'], ['政府信息公开工作年度报告', '/xxgk/ndbg/'], ['政策文件', '/zcwj/']]);
  p.doc('disclosure-guide', '政府信息公开指南', '/xxgk/xxgkzn/', '2025-04-22', '<p>南川县人民政府信息公开指南……</p>');
  p.plainList('annual-report', '政府信息公开工作年度报告', '/xxgk/ndbg/', p.items('annual-report', 5, '2025-01-26', tPath('/xxgk/ndbg/'), 366));
  // Home page: one tabbed block (news | notices), the second tab hidden.
  const homeTabs = `<div class="index-box tabs"><ul class="tab-head"><li class="active"><a href="/zwdt/">政务动态</a></li><li><a href="/tzgg/">通知公告</a></li></ul>
<div class="tab-pane"><ul class="index-list">${liRows(zwdt.slice(0, 7), 'iso')}</ul></div><div class="tab-pane" style="display:none"><ul class="index-list">${liRows(tzgg.slice(0, 7), 'iso')}</ul></div></div>`;
  p.write('/', page(site, { title: site.siteName, main: homeTabs }));
  return p;
}

// ---------------------------------------------------------------------------------------------------------------

function sidebarHot(): Portal {
  const site = baseSite({
    siteName: '西山县人民政府', place: '西山县', idCode: '5301270001', domain: 'www.xishan.gov.cn', province: '滇', phone: '0871-68112233',
    nav: [['首页', '/'], ['政务要闻', '/zwyw/'], ['图片新闻', '/tpxw/'], ['通知公告', '/tzgg/'], ['政策文件', '/zcwj/'], ['政策解读', '/zcjd/'], ['信息公开', '/xxgk/']],
  });
  const p = new Portal(site, { name: 'sidebar-hot', siteName: site.siteName, today: '2026-01-15', kind: 'county', shape: 'column pages with 热点/推荐/排行 sidebars dated newer than the column list' });
  const hot = p.items('news', 5, '2026-01-15', tPath('/rdxx/'), 0);
  const rank = p.items('notice', 4, '2026-01-14', tPath('/tzgg/'), 1);
  const sideA = hotBox('热点信息', hot) + `<div class="box"><h3>点击排行</h3><ul>${liRows(rank, 'iso')}</ul></div>`;
  const sideB = `<div class="right-box"><div class="tit">推荐阅读</div><ul>${liRows(hot.slice(0, 4), 'cn')}</ul></div>`;
  const col = (path: string, classId: string, name: string, count: number, newest: string, right: string, o: ListOpts = {}, gap = 5) => {
    const items = p.items(classId, count, newest, tPath(path), gap);
    p.plainList(classId, name, path, items, { right, ...o });
    return items;
  };
  const zwyw = col('/zwyw/', 'news', '政务要闻', 20, '2026-01-05', sideA, { labelDetails: 1 });
  // 图片新闻: image cards, title under the picture, date below.
  const tpxw = p.items('news', 8, '2025-12-20', tPath('/tpxw/'), 6);
  const cards = tpxw.map((it) => `<li><a href="${it.url}" target="_blank"><img src="/images/tp${it.url.slice(-8, -5)}.jpg" alt="${esc(it.title)}"><p>${esc(it.title)}</p></a><span class="date">${it.date}</span></li>`).join('\n');
  p.write('/tpxw/', page(site, { title: `图片新闻_${site.siteName}`, column: '图片新闻', main: `<div class="list-title"><h2>图片新闻</h2></div><ul class="pic-list">\n${cards}\n</ul>`, right: sideB, crumbs: [['图片新闻', '/tpxw/']] }));
  p.details(tpxw, '图片新闻', {});
  p.column({ classId: 'news', name: '图片新闻', url: '/tpxw/', newest: newestOf(tpxw, p.truth.today), items: tpxw.length, shape: 'image cards + 推荐阅读 sidebar' });
  const tzgg = col('/tzgg/', 'notice', '通知公告', 12, '2025-12-28', sideA, { labelDetails: 1, detailStyle: 'line' });
  col('/zcwj/', 'policy', '政策文件', 9, '2025-11-30', sideB, {}, 10);
  col('/zcjd/', 'interpretation', '政策解读', 5, '2025-12-01', sideA, {}, 12);
  p.hub('disclosure-column', '信息公开', '/xxgk/', [['政府信息公开指南', '/xxgk/xxgkzn/'], ['政府信息公开工作年度报告', '/xxgk/ndbg/']]);
  p.doc('disclosure-guide', '政府信息公开指南', '/xxgk/xxgkzn/', '2025-01-09', '<p>西山县人民政府信息公开指南……</p>');
  col('/xxgk/ndbg/', 'annual-report', '政府信息公开工作年度报告', 5, '2025-01-25', sideB, {}, 365);
  home(p, [{ heading: '政务要闻', more: '/zwyw/', items: zwyw }, { heading: '通知公告', more: '/tzgg/', items: tzgg }], hotBox('热点信息', hot));
  return p;
}

// ---------------------------------------------------------------------------------------------------------------

function captureDay(): Portal {
  const site = baseSite({
    siteName: '河口县人民政府', place: '河口县', idCode: '5325320001', domain: 'www.hekou.gov.cn', province: '滇', phone: '0873-3421111',
    todayText: '今天是：2026年3月2日 星期一　农历正月十四',
    nav: [['首页', '/'], ['政务动态', '/zwdt/'], ['通知公告', '/tzgg/'], ['政策文件', '/zcwj/'], ['政策解读', '/zcjd/'], ['人事信息', '/rsxx/'], ['信息公开', '/xxgk/']],
  });
  const p = new Portal(site, { name: 'capture-day', siteName: site.siteName, today: '2026-03-02', kind: 'county', shape: 'every page carries a 今天是… header and a 当前时间 bar showing the capture day; lists are older' });
  const clock = `<div class="list-top"><span class="clock">当前时间：2026-03-02 09:41</span></div>`;
  const col = (path: string, classId: string, name: string, count: number, newest: string, o: ListOpts = {}, gap = 5) => {
    const items = p.items(classId, count, newest, tPath(path), gap);
    p.plainList(classId, name, path, items, { left: clock, ...o });
    return items;
  };
  const zwdt = col('/zwdt/', 'news', '政务动态', 20, '2026-02-27', { fmt: 'unpadded', labelDetails: 2, detailStyle: 'line' }, 3);
  const tzgg = col('/tzgg/', 'notice', '通知公告', 11, '2026-02-13', { labelDetails: 1 });
  col('/zcwj/', 'policy', '政策文件', 9, '2026-01-30', { detailStyle: 'table' }, 12);
  col('/zcjd/', 'interpretation', '政策解读', 6, '2026-02-05', {}, 12);
  col('/rsxx/', 'personnel', '人事信息', 4, '2025-12-22', {}, 30);
  p.hub('disclosure-column', '信息公开', '/xxgk/', [['政府信息公开指南', '/xxgk/xxgkzn/'], ['政府信息公开工作年度报告', '/xxgk/ndbg/']]);
  p.doc('disclosure-guide', '政府信息公开指南', '/xxgk/xxgkzn/', '2025-07-14', '<p>河口县人民政府信息公开指南……</p>');
  col('/xxgk/ndbg/', 'annual-report', '政府信息公开工作年度报告', 5, '2026-01-20', {}, 366);
  home(p, [{ heading: '政务动态', more: '/zwdt/', items: zwdt, fmt: 'unpadded' }, { heading: '通知公告', more: '/tzgg/', items: tzgg }]);
  return p;
}

// ---------------------------------------------------------------------------------------------------------------

function undatedList(): Portal {
  const site = baseSite({
    siteName: '松林县人民政府', place: '松林县', idCode: '5226310001', domain: 'www.songlin.gov.cn', province: '黔', phone: '0855-4412345',
    nav: [['首页', '/'], ['政务动态', '/zwdt/'], ['通知公告', '/tzgg/'], ['政策文件', '/zcwj/'], ['领导信息', '/ldxx/'], ['机构职能', '/jgzn/'], ['人事信息', '/rsxx/'], ['信息公开', '/xxgk/']],
  });
  const p = new Portal(site, { name: 'undated-list', siteName: site.siteName, today: '2026-01-15', kind: 'county', shape: 'lists that show no dates (notices, policy files, leaders, institutions, annual reports) beside dated ones' });
  const zwdt = p.items('news', 18, '2026-01-13', tPath('/zwdt/'), 3);
  p.plainList('news', '政务动态', '/zwdt/', zwdt, { labelDetails: 1 });
  const tzgg = p.items('notice', 14, null, tPath('/tzgg/'));
  p.plainList('notice', '通知公告', '/tzgg/', tzgg, { details: 2, labelDetails: 1 });
  p.plainList('policy', '政策文件', '/zcwj/', p.items('policy', 10, null, tPath('/zcwj/')), { details: 1, detailStyle: 'table', labelDetails: 1 });
  const leaders = ['王志远 县委副书记、县长', '陈国华 县委常委、常务副县长', '李晓梅 副县长', '杨光明 副县长', '吴建平 副县长'];
  p.plainList('leaders', '领导信息', '/ldxx/', leaders.map((t, i) => ({ title: t, date: null, url: `/ldxx/${i + 1}/` })), { details: 0 });
  const inst = titles('institution', 8, '', 2026, p.rand).map((t, i) => ({ title: `松林县${t}`, date: null, url: `/jgzn/${i + 1}/` }));
  p.plainList('institution', '机构职能', '/jgzn/', inst, { details: 0 });
  p.plainList('personnel', '人事信息', '/rsxx/', p.items('personnel', 4, '2025-12-10', tPath('/rsxx/'), 25));
  p.hub('disclosure-column', '信息公开', '/xxgk/', [['政府信息公开指南', '/xxgk/xxgkzn/'], ['年报', '/xxgk/ndbg/']]);
  p.doc('disclosure-guide', '政府信息公开指南', '/xxgk/xxgkzn/', null, '<p>松林县人民政府信息公开指南（修订）……</p>');
  p.plainList('annual-report', '年报', '/xxgk/ndbg/', p.items('annual-report', 5, null, tPath('/xxgk/ndbg/')), { details: 0 });
  home(p, [{ heading: '政务动态', more: '/zwdt/', items: zwdt }, { heading: '通知公告', more: '/tzgg/', items: tzgg }]);
  return p;
}

// ---------------------------------------------------------------------------------------------------------------

function soft404(): Portal {
  const site = baseSite({
    siteName: '清河县人民政府', place: '清河县', idCode: '1305340001', domain: 'www.qinghe.gov.cn', province: '冀', phone: '0319-8112345',
    nav: [['首页', '/'], ['政务要闻', '/zwyw/'], ['通知公告', '/tzgg/'], ['政策文件', '/zcwj/'], ['信息公开', '/xxgk/']],
  });
  const p = new Portal(site, { name: 'soft404', siteName: site.siteName, today: '2026-01-15', kind: 'county', shape: 'unknown paths answer 200 with a 页面不存在 page that lists 推荐阅读 news; two 信息公开 columns are dead links', serve: { soft404: '404.html' } });
  const zwyw = p.items('news', 20, '2026-01-14', tPath('/zwyw/'), 2);
  p.plainList('news', '政务要闻', '/zwyw/', zwyw, { labelDetails: 1 });
  const tzgg = p.items('notice', 12, '2026-01-10', tPath('/tzgg/'), 5);
  p.plainList('notice', '通知公告', '/tzgg/', tzgg, { labelDetails: 1, detailStyle: 'table' });
  p.plainList('policy', '政策文件', '/zcwj/', p.items('policy', 9, '2025-12-26', tPath('/zcwj/'), 12));
  p.hub('disclosure-column', '信息公开', '/xxgk/', [['政府信息公开指南', '/xxgk/xxgkzn/'], ['政府信息公开工作年度报告', '/xxgk/ndbg/'], ['规划计划', '/xxgk/ghjh/'], ['统计信息', '/xxgk/tjxx/'], ['财政预决算', '/xxgk/czyjs/']]);
  p.doc('disclosure-guide', '政府信息公开指南', '/xxgk/xxgkzn/', '2025-03-28', '<p>清河县人民政府信息公开指南……</p>');
  p.plainList('annual-report', '政府信息公开工作年度报告', '/xxgk/ndbg/', p.items('annual-report', 5, '2025-01-16', tPath('/xxgk/ndbg/'), 366));
  p.plainList('finance', '财政预决算', '/xxgk/czyjs/', p.items('finance', 6, '2025-09-09', tPath('/xxgk/czyjs/'), 40));
  p.column({ classId: 'plan', name: '规划计划', url: '/xxgk/ghjh/', newest: null, items: 0, status: 'unreachable', shape: 'soft 404 (200 页面不存在)' });
  p.column({ classId: 'statistics', name: '统计信息', url: '/xxgk/tjxx/', newest: null, items: 0, status: 'unreachable', shape: 'soft 404 (200 页面不存在)' });
  const rec = `<div class="tjyd"><h3>推荐阅读</h3><ul>${liRows(zwyw.slice(0, 5), 'iso')}</ul></div>`;
  p.files.set('404.html', page(site, { title: `页面不存在_${site.siteName}`, main: `<div class="err404"><h2>很抱歉，您访问的页面不存在或已被删除！</h2><p>您可以：<a href="/">返回首页</a></p></div>${rec}` }));
  home(p, [{ heading: '政务要闻', more: '/zwyw/', items: zwyw }, { heading: '通知公告', more: '/tzgg/', items: tzgg }]);
  return p;
}

// ---------------------------------------------------------------------------------------------------------------

function department(): Portal {
  const site = baseSite({
    siteName: '青山县市场监督管理局', place: '青山县市场监管局', idCode: '3601230012', domain: 'scjgj.qingshan.gov.cn', phone: '0791-88881234',
    nav: [['首页', '/'], ['机构概况', '/jggk/'], ['工作动态', '/gzdt/'], ['通知公告', '/tzgg/'], ['政策法规', '/zcfg/'], ['政策解读', '/zcjd/'], ['信息公开', '/xxgk/'], ['在线办事', '/zxbs/']],
  });
  const p = new Portal(site, { name: 'department', siteName: site.siteName, today: '2026-01-15', kind: 'department', shape: '部门 portal (市场监管局): slash dates, 企业年报/双随机 service links beside the columns' });
  const col = (path: string, classId: string, name: string, count: number, newest: string, o: ListOpts = {}, gap = 6) => {
    const items = p.items(classId, count, newest, tPath(path), gap);
    p.plainList(classId, name, path, items, { fmt: 'slash', flavour: 'modern', ...o });
    return items;
  };
  p.write('/jggk/', page(site, { title: `机构概况_${site.siteName}`, column: '机构概况', main: '<div class="article"><h1>机构概况</h1><div class="article-content"><p>青山县市场监督管理局是县政府工作部门，为正科级。</p><h3>主要职责</h3><p>（一）负责市场综合监督管理……</p><h3>内设机构</h3><p>办公室、登记注册股、信用监管股、食品安全协调股……</p></div></div>', flavour: 'modern' }));
  p.column({ classId: 'institution', name: '机构概况', url: '/jggk/', newest: null, items: 1, shape: 'undated document page' });
  const gzdt = col('/gzdt/', 'news', '工作动态', 26, '2026-01-14', { per: 15, labelDetails: 2, detailStyle: 'meta' }, 3);
  const tzgg = col('/tzgg/', 'notice', '通知公告', 13, '2026-01-07', { labelDetails: 1, detailStyle: 'table' });
  col('/zcfg/', 'policy', '政策法规', 11, '2025-12-18', {}, 20);
  col('/zcjd/', 'interpretation', '政策解读', 5, '2025-12-19', {}, 20);
  p.hub('disclosure-column', '信息公开', '/xxgk/', [['政府信息公开指南', '/xxgk/xxgkzn/'], ['政府信息公开制度', '/xxgk/zfxxgkzd/'], ['政府信息公开工作年度报告', '/xxgk/ndbg/'], ['部门预决算', '/xxgk/bmyjs/'], ['人事信息', '/xxgk/rsxx/']]);
  p.doc('disclosure-guide', '政府信息公开指南', '/xxgk/xxgkzn/', '2025-02-12', '<p>青山县市场监督管理局政府信息公开指南……</p>');
  col('/xxgk/zfxxgkzd/', 'disclosure-system', '政府信息公开制度', 3, '2024-06-28', {}, 120);
  const ndbg = p.items('annual-report', 5, '2025-01-17', tPath('/xxgk/ndbg/'), 366).map((it) => ({ ...it, title: it.title.replace('青山县市场监管局人民政府', '青山县市场监督管理局') }));
  p.plainList('annual-report', '政府信息公开工作年度报告', '/xxgk/ndbg/', ndbg, { fmt: 'slash' });
  col('/xxgk/bmyjs/', 'finance', '部门预决算', 6, '2025-08-29', {}, 60);
  col('/xxgk/rsxx/', 'personnel', '人事信息', 3, '2025-10-15', {}, 60);
  home(p, [{ heading: '工作动态', more: '/gzdt/', items: gzdt, fmt: 'slash' }, { heading: '通知公告', more: '/tzgg/', items: tzgg, fmt: 'slash' }],
    `<div class="service"><h3>便民服务</h3><ul><li><a href="/qynb/">企业年报公示</a></li><li><a href="/ssjygk/">双随机一公开</a></li><li><a href="/spcj/">食品安全抽检</a></li><li><a href="/tsjb/">12315投诉举报</a></li></ul></div>`, 'modern');
  p.not('/qynb/', '/ssjygk/', '/spcj/', '/tsjb/', '/zxbs/');
  return p;
}

// ---------------------------------------------------------------------------------------------------------------

function township(): Portal {
  const site = baseSite({
    siteName: '青山县白石镇人民政府', place: '白石镇', idCode: '3601230101', domain: 'bsz.qingshan.gov.cn', phone: '0791-88885566',
    nav: [['首页', '/'], ['镇情概况', '/zqgk/'], ['乡镇动态', '/xzdt/'], ['通知公告', '/tzgg/'], ['政策文件', '/zcwj/'], ['财政信息', '/czxx/'], ['村务公开', '/cwgk/'], ['党建工作', '/djgz/'], ['信息公开', '/xxgk/']],
  });
  const p = new Portal(site, { name: 'township', siteName: site.siteName, today: '2026-01-15', kind: 'township', shape: '乡镇 portal: 年月日 dates, stale and empty columns, 村务公开/党建 menus' });
  const col = (path: string, classId: string, name: string, count: number, newest: string | null, o: ListOpts = {}, gap = 6) => {
    const items = p.items(classId, count, newest, tPath(path), gap);
    p.plainList(classId, name, path, items, { fmt: 'cn', ...o });
    return items;
  };
  const xzdt = col('/xzdt/', 'news', '乡镇动态', 15, '2026-01-09', { labelDetails: 2, detailStyle: 'line' }, 8);
  const tzgg = col('/tzgg/', 'notice', '通知公告', 6, '2025-11-18', { labelDetails: 1, detailStyle: 'meta' }, 30);
  col('/zcwj/', 'policy', '政策文件', 4, '2025-06-30', {}, 60);
  col('/czxx/', 'finance', '财政信息', 3, '2025-03-15', {}, 90);
  col('/rsxx/', 'personnel', '人事信息', 0, '2025-01-01');
  p.hub('disclosure-column', '信息公开', '/xxgk/', [['政府信息公开指南', '/xxgk/xxgkzn/'], ['政府信息公开工作年度报告', '/xxgk/ndbg/'], ['人事信息', '/rsxx/']]);
  p.doc('disclosure-guide', '政府信息公开指南', '/xxgk/xxgkzn/', '2024-05-20', '<p>白石镇人民政府信息公开指南……</p>');
  const ndbg = p.items('annual-report', 4, '2025-01-13', tPath('/xxgk/ndbg/'), 366).map((it) => ({ ...it, title: it.title.replace('白石镇人民政府', '青山县白石镇人民政府') }));
  p.plainList('annual-report', '政府信息公开工作年度报告', '/xxgk/ndbg/', ndbg, { fmt: 'cn' });
  for (const [path, name] of [['/zqgk/', '镇情概况'], ['/cwgk/', '村务公开'], ['/djgz/', '党建工作']] as const) {
    p.write(path, page(site, { title: `${name}_${site.siteName}`, column: name, main: `<div class="article"><h1>${name}</h1><div class="article-content"><p>白石镇位于青山县东部，辖12个行政村……</p></div></div>` }));
  }
  home(p, [{ heading: '乡镇动态', more: '/xzdt/', items: xzdt, fmt: 'cn' }, { heading: '通知公告', more: '/tzgg/', items: tzgg, fmt: 'cn' }]);
  p.not('/zqgk/', '/cwgk/', '/djgz/');
  return p;
}

export const FIXTURES: Record<string, () => Portal> = {
  'plain-county': plainCounty, 'hanweb-county': hanwebCounty, 'trs-county': trsCounty, 'table-dates': tableDates, 'gbk-county': gbkCounty,
  'js-rendered': jsRendered, 'comment-year': commentYear, 'tabs-hidden': tabsHidden, 'sidebar-hot': sidebarHot, 'capture-day': captureDay,
  'undated-list': undatedList, soft404, department, township,
};

function writePortal(p: Portal): void {
  const dir = join(PORTALS_DIR, p.truth.name);
  rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of p.files) {
    const path = join(dir, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  writeFileSync(join(dir, 'truth.json'), JSON.stringify(p.truth, null, 2) + '\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const only = process.argv.slice(2);
  for (const [name, build] of Object.entries(FIXTURES)) {
    if (only.length && !only.includes(name)) continue;
    const p = build();
    writePortal(p);
    console.log(`${name.padEnd(14)} ${String(p.files.size).padStart(4)} files, ${p.truth.columns.length} columns, ${p.truth.details.length} labelled detail pages`);
  }
}
