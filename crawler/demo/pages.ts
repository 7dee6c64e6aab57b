import { addDays, isoDate, parseIso, weekday } from '../../rules/dates/days.ts';
import { annualReportBody } from './annual-report-page.ts';
import { newestOf, type DemoColumn, type DemoItem, type DemoSiteModel } from './content.ts';
import { FRIEND_LINKS, leakBlock, WORDING_PLANT } from './text-plants.ts';

/** HTML for the demo portal's pages. Pure functions of the site model: the same model gives the same bytes. */

export const SITE_NAME = '青山县人民政府';
export const SITE_ID_CODE = '3601230001';
export const HANWEB_COL = '1234';
export const HANWEB_PER_PAGE = 15;
export const TRS_PER_PAGE = 10;

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function cnDate(d: string): string {
  const { year, month, day } = parseIso(d);
  return `${year}年${month}月${day}日`;
}

export function detailHref(col: DemoColumn, index: number): string {
  return `/art/${col.key}/${index + 1}.html`;
}

interface PageOptions {
  title: string;
  charset?: string;
  columnName?: string;
  columnType?: string;
  extraHead?: string;
}

function page(o: PageOptions, body: string): string {
  const charset = o.charset ?? 'utf-8';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="${charset}">
<meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<title>${esc(o.title)}</title>
<meta name="SiteName" content="${SITE_NAME}">
<meta name="SiteDomain" content="www.qingshan.gov.cn">
<meta name="SiteIDCode" content="${SITE_ID_CODE}">
${o.columnName ? `<meta name="ColumnName" content="${esc(o.columnName)}">\n` : ''}${o.columnType ? `<meta name="ColumnType" content="${esc(o.columnType)}">\n` : ''}${o.extraHead ?? ''}</head>
<body>
${body}
${footer()}
</body>
</html>
`;
}

function footer(): string {
  return `<div class="footer">
<p><a href="/jiucuo/">我为政府网站找错</a> | 主办：${SITE_NAME}办公室 | 承办：青山县政务服务数据管理局</p>
<p>网站标识码：${SITE_ID_CODE} | 赣ICP备05001234号 | 赣公网安备 36012302000123号</p>
<p><span class="dzjg" title="党政机关">党政机关</span> 网站</p>
</div>`;
}

function banner(): string {
  return `<div class="header"><a href="/" class="logo">${SITE_NAME}</a></div>`;
}

function breadcrumb(m: DemoSiteModel, col: DemoColumn): string {
  const trail = [`<a href="/">首页</a>`];
  const parent = m.columns.find((c) => c.children?.includes(col.key));
  const grand = parent ? m.columns.find((c) => c.children?.includes(parent.key)) : undefined;
  if (grand) trail.push(`<a href="${grand.path}">${esc(grand.name)}</a>`);
  if (parent) trail.push(`<a href="${parent.path}">${esc(parent.name)}</a>`);
  trail.push(`<span>${esc(col.name)}</span>`);
  return `<div class="crumb">当前位置：${trail.join(' &gt; ')}</div>`;
}

function li(col: DemoColumn, it: DemoItem, i: number, date: string): string {
  const state = it.state ? `<span class="state">${it.state}</span>` : '';
  return `<li><a href="${detailHref(col, i)}" title="${esc(it.title)}" target="_blank">${esc(it.title)}</a>${date}${state}</li>`;
}

function dateSpan(d: string | null, format: DemoColumn['format']): string {
  if (!d) return '';
  switch (format) {
    case 'comment-year': return `<span class="date"><!--${d.slice(0, 4)}-->${d.slice(5)}</span>`;
    case 'cn-date': return `<span class="date">${d.slice(0, 4)}年${d.slice(5, 7)}月${d.slice(8, 10)}日</span>`;
    case 'bracket': return `<span class="date">[${d}]</span>`;
    default: return `<span class="date">${d}</span>`;
  }
}

function plainList(col: DemoColumn, items: { it: DemoItem; i: number }[]): string {
  return `<ul class="list">\n${items.map(({ it, i }) => li(col, it, i, dateSpan(it.date, col.format))).join('\n')}\n</ul>`;
}

function indexed(col: DemoColumn): { it: DemoItem; i: number }[] {
  return col.items.map((it, i) => ({ it, i }));
}

function columnPage(m: DemoSiteModel, col: DemoColumn, body: string, o: Partial<PageOptions> = {}): string {
  return page({ title: `${col.name}_${SITE_NAME}`, columnName: col.name, columnType: col.format === 'hub' ? '专栏' : '信息列表', ...o },
    `${banner()}\n${breadcrumb(m, col)}\n<div class="main">\n<h2 class="col-title">${esc(col.name)}</h2>\n${body}\n</div>`);
}

export const WEBSITE_REPORT_PATH = '/ndbb/';

/**
 * The 政府网站工作年度报表 on the home page (国办函〔2018〕12号): the report on last year, published on 15 January;
 * before that day, the one on the year before.
 */
export function websiteReport(today: string): { title: string; date: string }[] {
  const { year } = parseIso(today);
  const published = isoDate(year, 1, 15) <= today ? year : year - 1;
  return [{ title: `${SITE_NAME}门户网站${published - 1}年政府网站工作年度报表`, date: isoDate(published, 1, 15) }];
}

export function homePage(m: DemoSiteModel): string {
  const t = m.today;
  const nav: [string, string][] = [
    ['政务动态', '/zwdt/'], ['部门动态', '/bmdt/'], ['乡镇动态', '/xzdt/'], ['通知公告', '/tzgg/index.html'],
    ['政策文件', '/col/col1234/index.html'], ['政策解读', '/zcjd/'], ['政府信息公开', '/xxgk/'], ['县长信箱', '/hdjl/xzxx/'],
  ];
  const zwdt = m.byKey.get('zwdt')!;
  const news = indexed(zwdt).slice(0, m.homeNewsCount);
  const body = `<div class="top">今天是${cnDate(t)} 星期${'日一二三四五六'[weekday(t)]}</div>
${banner()}
<ul class="nav">
<li><a href="/">首页</a></li>
${nav.map(([name, href]) => `<li><a href="${href}">${name}</a></li>`).join('\n')}
</ul>
<div class="banner"><a href="/zwdt/"><img src="/images/banner.png" alt="青山风光" width="980" height="120"></a></div>
<div class="news">
<h3>要闻 <a class="more" href="/zwdt/">更多&gt;&gt;</a></h3>
<ul>
${news.map(({ it, i }) => li(zwdt, it, i, `<span class="date">${it.date}</span>`)).join('\n')}
</ul>
</div>
<div class="sidebar hot">
<h3>热点</h3>
<ul>
${m.hot.map((h) => `<li><a href="${h.href}" title="${esc(h.title)}">${esc(h.title)}</a><span class="date">${t}</span></li>`).join('\n')}
</ul>
</div>
<div class="ndbb">
<h3>网站年度报表</h3>
<ul>
${websiteReport(t).map((r) => `<li><a href="${WEBSITE_REPORT_PATH}" title="${esc(r.title)}">${esc(r.title)}</a><span class="date">${r.date}</span></li>`).join('\n')}
</ul>
</div>
<div class="zt">
<h3>专题专栏</h3>
<ul>
<li><a href="/old/2019/notice.html">2019年工作存档</a></li>
<li><a href="/zt/expired/">已结束专题</a></li>
<li><a href="/download/missing.pdf">表格下载</a></li>
<li><a href="/ztzl/busy/">专题专栏</a></li>
</ul>
</div>
<div class="friend-links">
<h3>友情链接</h3>
${FRIEND_LINKS.map((l) => `<a href="${l.url}" target="_blank">${esc(l.text)}</a>`).join(' | ')}
</div>`;
  return page({ title: SITE_NAME }, body);
}

function hubPage(m: DemoSiteModel, col: DemoColumn): string {
  const links = (col.children ?? []).map((k) => m.byKey.get(k)!).map((c) => `<li><a href="${c.path}">${esc(c.name)}</a></li>`);
  return columnPage(m, col, `<ul class="xxgk-nav">\n${links.join('\n')}\n</ul>`);
}

function metaTable(col: DemoColumn, n: number, date: string | null): string {
  const { year } = parseIso(date ?? '2000-01-01');
  const rows = [
    `<tr><th>索引号</th><td>001360123-${date ? year : '0000'}-${String(n).padStart(5, '0')}</td><th>发布机构</th><td>${SITE_NAME}办公室</td></tr>`,
  ];
  if (date) {
    rows.push(`<tr><th>成文日期</th><td>${addDays(date, -3)}</td><th>文号</th><td>${col.classId === 'policy' ? `青府发〔${year}〕${n}号` : '无'}</td></tr>`);
    rows.push(`<tr><th>发布日期</th><td>${date}</td><th>主题分类</th><td>${esc(col.name)}</td></tr>`);
  }
  return `<table class="xxgk-meta">\n${rows.join('\n')}\n</table>`;
}

function articleBody(title: string, extra = ''): string {
  return `<div class="content">\n<p>${esc(title)}。本文为演示门户生成的示例内容，不对应任何真实机构或文件。</p>\n${extra}<p>${SITE_NAME}办公室</p>\n</div>`;
}

/** The text-check plants (personal numbers with attachments, an outdated name) on the newest article of two columns. */
function plantFor(col: DemoColumn, index: number): string {
  if (index !== 0) return '';
  if (col.key === 'tzgg') return `${leakBlock()}\n`;
  if (col.key === 'zwdt') return `<p>${esc(WORDING_PLANT)}</p>\n`;
  return '';
}

export function detailPage(m: DemoSiteModel, col: DemoColumn, index: number, charset?: string): string {
  const it = col.items[index]!;
  const head = it.date ? `<meta name="PubDate" content="${it.date} 09:30">\n<meta name="ArticleTitle" content="${esc(it.title)}">\n` : `<meta name="ArticleTitle" content="${esc(it.title)}">\n`;
  // A 年报 carries the six parts and tables of the 2021 format (国办公开办函〔2021〕30号), as a diligent county's does.
  const reportYear = col.classId === 'annual-report' ? /(\d{4})年/.exec(it.title)?.[1] : undefined;
  const content = reportYear ? annualReportBody({ org: SITE_NAME, year: Number(reportYear) }) : articleBody(it.title, plantFor(col, index));
  const body = `${banner()}\n${breadcrumb(m, col)}\n<div class="article">\n${metaTable(col, index + 1, it.date)}\n<h1>${esc(it.title)}</h1>\n${content}\n</div>`;
  return page({ title: `${it.title}_${SITE_NAME}`, columnName: col.name, columnType: '文章', extraHead: head, ...(charset ? { charset } : {}) }, body);
}

function documentPage(m: DemoSiteModel, col: DemoColumn): string {
  const date = col.docDate!;
  const title = `${SITE_NAME}${col.name}`;
  const head = `<meta name="PubDate" content="${date} 09:30">\n<meta name="ArticleTitle" content="${esc(title)}">\n`;
  const body = `${metaTable(col, 1, date)}\n<h1>${esc(title)}</h1>\n${articleBody(title)}`;
  return columnPage(m, col, body, { columnType: '文章', extraHead: head });
}

function trsPage(m: DemoSiteModel, col: DemoColumn, pageNo: number): string {
  const pages = Math.ceil(col.items.length / TRS_PER_PAGE);
  const slice = indexed(col).slice(pageNo * TRS_PER_PAGE, (pageNo + 1) * TRS_PER_PAGE);
  const pager = `<div class="page">
<script>
function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt) {
  if (_nPageCount <= 1) return;
  var out = [];
  for (var i = 0; i < _nPageCount; i++) {
    var href = i === 0 ? _sPageName + '.' + _sPageExt : _sPageName + '_' + i + '.' + _sPageExt;
    out.push(i === _nCurrIndex ? '<span>' + (i + 1) + '</span>' : '<a href="' + href + '">' + (i + 1) + '</a>');
  }
  document.write(out.join(' '));
}
createPageHTML(${pages}, ${pageNo}, "index", "html");
</script>
</div>`;
  return columnPage(m, col, `${plainList(col, slice)}\n${pager}`);
}

export function trsPageCount(col: DemoColumn): number {
  return Math.ceil(col.items.length / TRS_PER_PAGE);
}

function hanwebRecords(col: DemoColumn, pageNo: number): string {
  return indexed(col).slice((pageNo - 1) * HANWEB_PER_PAGE, pageNo * HANWEB_PER_PAGE)
    .map(({ it, i }) => `<record><![CDATA[<li><a href="${detailHref(col, i)}" title="${esc(it.title)}" target="_blank">${esc(it.title)}</a><span>${it.date}</span></li>]]></record>`)
    .join('\n');
}

function hanwebNextGroup(col: DemoColumn, pageNo: number): string {
  const pages = Math.ceil(col.items.length / HANWEB_PER_PAGE);
  return pageNo < pages ? `<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=${pageNo + 1}&col=${HANWEB_COL}">]]></nextgroup>` : '<nextgroup></nextgroup>';
}

function hanwebPage(m: DemoSiteModel, col: DemoColumn): string {
  const total = col.items.length;
  const body = `<div id="4567">
<script type="text/xml"><datastore>${hanwebNextGroup(col, 1)}<recordset>
${hanwebRecords(col, 1)}
</recordset></datastore></script>
</div>
<script>
$('#4567').jpage({ dataStore: 'datastore', totalRecord: ${total}, perPage: ${HANWEB_PER_PAGE}, proxyUrl: '/module/web/jpage/dataproxy.jsp', webid: 1, path: '/', columnid: ${HANWEB_COL}, unitid: 4567 });
</script>`;
  return columnPage(m, col, body, { extraHead: '<script src="/module/jslib/jquery/jquery.js"></script>\n<script src="/module/jslib/jpage/jpage.js"></script>\n' });
}

/** The dataproxy answer for one page of the Hanweb column: XML, as the real jpage back end sends it. */
export function hanwebProxy(col: DemoColumn, pageNo: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<datastore>${hanwebNextGroup(col, pageNo)}<totalrecord>${col.items.length}</totalrecord><perpage>${HANWEB_PER_PAGE}</perpage><recordset>
${hanwebRecords(col, pageNo)}
</recordset></datastore>
`;
}

function jsPage(m: DemoSiteModel, col: DemoColumn): string {
  const data = indexed(col).map(({ it, i }) => ({ title: it.title, url: detailHref(col, i), date: it.date }));
  const body = `<ul id="list" class="list"></ul>
<script>
var listData = ${JSON.stringify(data)};
(function () {
  var ul = document.getElementById('list');
  function esc(s) { return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;'); }
  for (var i = 0; i < listData.length; i++) {
    var d = listData[i];
    var li = document.createElement('li');
    li.innerHTML = '<a href="' + d.url + '" title="' + esc(d.title) + '">' + esc(d.title) + '</a><span class="date">' + d.date + '</span>';
    ul.appendChild(li);
  }
})();
</script>`;
  return columnPage(m, col, body);
}

function tabsPage(m: DemoSiteModel, col: DemoColumn): string {
  const all = indexed(col);
  const newest = all.slice(0, 4);
  const older = all.slice(4);
  const body = `<div class="tabs">
<ul class="tab-nav"><li class="active">县政府领导</li><li>工作分工</li></ul>
<div class="tab-pane active">
${plainList(col, older)}
</div>
<div class="tab-pane" style="display:none">
${plainList(col, newest)}
</div>
</div>`;
  return columnPage(m, col, body);
}

function tablePage(m: DemoSiteModel, col: DemoColumn): string {
  const rows = indexed(col).map(({ it, i }) =>
    `<tr><td>${i + 1}</td><td><a href="${detailHref(col, i)}" title="${esc(it.title)}">${esc(it.title)}</a></td><td>${addDays(it.date!, -3)}</td><td>${it.date}</td></tr>`);
  const body = `<table class="list-table">
<thead><tr><th>序号</th><th>标题</th><th>成文日期</th><th>发布日期</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
  return columnPage(m, col, body);
}

/** The first page of a column (for TRS columns, page `pageNo`). */
export function columnHtml(m: DemoSiteModel, col: DemoColumn, pageNo = 0): string {
  switch (col.format) {
    case 'hub': return hubPage(m, col);
    case 'document': return documentPage(m, col);
    case 'trs': return trsPage(m, col, pageNo);
    case 'hanweb': return hanwebPage(m, col);
    case 'js': return jsPage(m, col);
    case 'tabs': return tabsPage(m, col);
    case 'table': return tablePage(m, col);
    case 'empty': return columnPage(m, col, '<ul class="list"></ul>\n<div class="no-data">暂无信息</div>');
    case 'gbk': return columnPage(m, col, plainList(col, indexed(col)), { charset: 'gb2312' });
    default: return columnPage(m, col, plainList(col, indexed(col)));
  }
}

export function simplePage(title: string, text: string): string {
  return page({ title: `${title}_${SITE_NAME}` }, `${banner()}\n<div class="main">\n<h2>${esc(title)}</h2>\n<p>${esc(text)}</p>\n</div>`);
}

export function notFoundPage(): string {
  return page({ title: `404 页面不存在_${SITE_NAME}` }, `${banner()}\n<div class="main">\n<h2>404</h2>\n<p>您访问的页面不存在或已被删除。</p>\n</div>`);
}

export { newestOf };
