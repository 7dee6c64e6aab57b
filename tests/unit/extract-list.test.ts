import { describe, expect, it } from 'vitest';
import { pageFromHtml } from '../../crawler/page/from-html.ts';
import { extractDetailDates } from '../../rules/extract/detail-page.ts';
import { extractHomeItems } from '../../rules/extract/home-items.ts';
import { extractListItems } from '../../rules/extract/list-items.ts';
import { extractFooterText } from '../../rules/extract/footer.ts';
import { extractLinks, extractMeta } from '../../rules/extract/nav-links.ts';

const URL = 'http://www.example.gov.cn/col/zwdt/index.html';
const ctx = { notAfter: '2026-01-15' };
const page = (body: string, head = '') => pageFromHtml(`<html><head>${head}</head><body>${body}</body></html>`, URL);
const list = (body: string, head = '') => extractListItems(page(body, head), ctx);
const lis = (rows: string[]) => `<div class="main"><ul class="list">${rows.map((r) => `<li>${r}</li>`).join('')}</ul></div>`;

describe('extractListItems: rows and dates', () => {
  it('reads a date span inside the link and keeps it out of the title', () => {
    const result = list(lis([
      '<a href="a.html"><span class="tit">县政府召开常务会议</span><span class="time">2026-01-12</span></a>',
      '<a href="b.html"><span class="tit">全县安全生产工作会议召开</span><span class="time">2026-01-10</span></a>',
    ]));
    expect(result.items.map((i) => [i.title, i.date])).toEqual([['县政府召开常务会议', '2026-01-12'], ['全县安全生产工作会议召开', '2026-01-10']]);
  });

  it('never takes a date from the title text', () => {
    const result = list(lis([
      '<a href="a.html">关于2026年1月20日停水的通知</a>',
      '<a href="b.html">青溪县2025年12月31日前完成项目验收的通报</a>',
      '<a href="c.html" title="2026-01-05会议纪要">2026-01-05会议纪要</a>',
    ]));
    expect(result.items.map((i) => i.date)).toEqual([undefined, undefined, undefined]);
  });

  it('prefers the separate date element when the title also holds a date', () => {
    const result = list(lis(['<a href="a.html" title="关于2026年1月20日停水的通知">关于2026年1月20日停水的通知</a><span class="date">2026-01-14</span>']));
    expect(result.items[0]).toMatchObject({ date: '2026-01-14', dateText: '2026-01-14', dateConfidence: 'exact' });
  });

  it('takes the longest link as the title when a row also links its category', () => {
    const result = list(lis(['<a href="/tzgg/">[通知]</a><a href="/tzgg/1.html">关于开展冬季安全检查的通知</a><span>2026-01-03</span>']));
    expect(result.items[0]).toMatchObject({ title: '关于开展冬季安全检查的通知', url: 'http://www.example.gov.cn/tzgg/1.html' });
  });

  it('guesses the year of MM-DD dates from notAfter when nothing else gives it, and says so', () => {
    const result = list(lis(['<a href="a.html">一</a><span>01-14</span>', '<a href="b.html">二</a><span>12-30</span>']));
    expect(result.items.map((i) => [i.date, i.dateConfidence])).toEqual([['2026-01-14', 'guessed-year'], ['2025-12-30', 'guessed-year']]);
  });

  it('ignores a capture-day phrase in a row', () => {
    const result = list(lis(['<a href="/">网站首页</a> 今天是2026年1月15日 星期四', '<a href="a.html">县长信箱受理情况公示</a>']));
    expect(result.items.every((i) => i.date === undefined)).toBe(true);
  });

  it('skips javascript:, mailto: and # links and resolves relative ones against <base>', () => {
    const result = list(
      lis(['<a href="javascript:void(0)">脚本链接标题比较长一些</a>', '<a href="#top">回到顶部的锚点链接标题</a>', '<a href="x/1.html">真实链接</a><span>2026-01-02</span>']),
      '<base href="http://www.example.gov.cn/other/">',
    );
    expect(result.items.map((i) => i.url)).toEqual(['http://www.example.gov.cn/other/x/1.html']);
  });
});

describe('extractListItems: tables', () => {
  const table = (header: string, rows: string[]) =>
    `<div class="main"><table><tr>${header}</tr>${rows.map((r) => `<tr>${r}</tr>`).join('')}</table></div>`;

  it('never reads a 成文日期 column as the publish date', () => {
    const result = list(table('<th>标题</th><th>成文日期</th>', [
      '<td><a href="1.html">县政府关于印发某某办法的通知</a></td><td>2025-12-01</td>',
      '<td><a href="2.html">县政府办公室关于某某工作的通知</a></td><td>2025-11-01</td>',
      '<td><a href="3.html">县政府关于公布某某清单的决定</a></td><td>2025-10-01</td>',
    ]));
    expect(result.format).toBe('table');
    expect(result.items.map((i) => i.date)).toEqual([undefined, undefined, undefined]);
  });

  it('reads a generic 日期 column and expands colspans', () => {
    const result = list(table('<td colspan="2">标题</td><td>日期</td>', [
      '<td>1</td><td><a href="1.html">文件一</a></td><td>2026-01-05</td>',
      '<td>2</td><td><a href="2.html">文件二</a></td><td>2026-01-04</td>',
    ]));
    expect(result.items.map((i) => i.date)).toEqual(['2026-01-05', '2026-01-04']);
  });
});

describe('extractListItems: choosing the list', () => {
  it('prefers the main list over a longer footer link list and a nav menu', () => {
    const nav = `<div class="nav"><ul>${Array.from({ length: 10 }, (_, i) => `<li><a href="/c${i}/">栏目${i}</a></li>`).join('')}</ul></div>`;
    const footer = `<div class="footer"><ul>${Array.from({ length: 6 }, (_, i) => `<li><a href="/f${i}.html">友情链接单位名称${i}</a><span>2026-01-1${i}</span></li>`).join('')}</ul></div>`;
    const main = lis(['<a href="1.html">正文列表条目一</a><span>2025-10-01</span>', '<a href="2.html">正文列表条目二</a><span>2025-09-01</span>', '<a href="3.html">正文列表条目三</a><span>2025-08-01</span>']);
    const result = list(nav + main + footer);
    expect(result.items.map((i) => i.date)).toEqual(['2025-10-01', '2025-09-01', '2025-08-01']);
  });

  it('merges lists split into blocks with the same class', () => {
    const block = (n: number) => `<ul class="list">${[1, 2].map((i) => `<li><a href="${n}${i}.html">条目${n}${i}</a><span>2026-01-0${n + i}</span></li>`).join('')}</ul>`;
    const result = list(`<div class="main">${block(1)}${block(3)}</div>`);
    expect(result.items).toHaveLength(4);
  });

  it('reports a JS-drawn list, and nothing for a page without lists', () => {
    const drawn = list('<div class="main"><ul id="list"></ul></div><script>fetch("/api/list").then(r => r.json()).then(d => { document.getElementById("list").innerHTML = d.html; });</script>');
    expect(drawn).toMatchObject({ items: [], format: 'none', jsRendered: true });
    expect(list('<div class="main"><p>正文</p></div>')).toEqual({ items: [], format: 'none' });
  });
});

describe('extractListItems: pagination', () => {
  it('reads the newer TRS signature with the pager id first', () => {
    const result = list(lis(['<a href="1.html">条目</a><span>2026-01-02</span>']) + '<script>createPageHTML("page_div", 3, 1, "index", "shtml", 45);</script>');
    expect(result.pagination).toEqual({
      totalPages: 3,
      totalItems: 45,
      kind: 'trs',
      nextUrls: ['http://www.example.gov.cn/col/zwdt/index_1.shtml', 'http://www.example.gov.cn/col/zwdt/index_2.shtml'],
      lastUrl: 'http://www.example.gov.cn/col/zwdt/index_2.shtml',
    });
  });

  it('names the last page of a 下一页/尾页 pager, so the crawler can count instead of estimate', () => {
    const result = list(lis(['<a href="1.html">条目</a><span>2026-01-02</span>']) + '<div class="page">共3页 <a href="index_2.html">下一页</a> <a href="index_3.html">尾页</a></div>');
    expect(result.pagination).toEqual({ totalPages: 3, kind: 'links', nextUrls: ['http://www.example.gov.cn/col/zwdt/index_2.html'], lastUrl: 'http://www.example.gov.cn/col/zwdt/index_3.html' });
  });

  it('ignores the createPageHTML definition and a 下一页 link to the page itself', () => {
    const result = list(lis(['<a href="1.html">条目</a><span>2026-01-02</span>']) + '<script>function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt) {}</script><a href="index.html">下一页</a>');
    expect(result.pagination).toBeUndefined();
  });

  it('has no more Hanweb pages when all records are inline', () => {
    const records = [1, 2, 3].map((i) => `<record><![CDATA[<li><a href="/art/2026/1/${i}/art_1_${i}.html">信息${i}</a><span>2026-01-0${i}</span></li>]]></record>`).join('');
    const body = `<div id="123"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&columnid=9&unitid=123"></a>]]></nextgroup><recordset>${records}</recordset></datastore></script></div><script>$('#123').jpage({totalRecord: 3, perPage: 15});</script>`;
    const result = list(body);
    expect(result).toMatchObject({ format: 'hanweb', pagination: { kind: 'hanweb', totalPages: 1, totalItems: 3, nextUrls: [] } });
    expect(result.items.map((i) => i.date)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']);
  });
});

describe('extractHomeItems', () => {
  it('sorts newest first and leaves out header, footer and 热点 blocks', () => {
    const body = `<div class="header"><ul><li><a href="/x.html">今日头条新闻标题</a><span>2026-01-15</span></li><li><a href="/y.html">另一条</a><span>2026-01-15</span></li></ul></div>
      <div class="box"><h3>工作动态</h3><ul><li><a href="/1.html">动态一</a><span>2026-01-03</span></li><li><a href="/2.html">动态二</a><span>2026-01-09</span></li></ul></div>
      <div class="box"><h3>热点新闻</h3><ul><li><a href="/h1.html">热点一</a><span>2026-01-14</span></li><li><a href="/h2.html">热点二</a><span>2026-01-13</span></li></ul></div>
      <div class="footer"><ul><li><a href="/f.html">页脚</a><span>2026-01-15</span></li><li><a href="/g.html">页脚二</a></li></ul></div>`;
    expect(extractHomeItems(page(body), ctx).map((i) => i.title)).toEqual(['动态二', '动态一']);
  });
});

describe('extractDetailDates', () => {
  it('reads firstpublishedtime written with a dash before the clock', () => {
    const doc = page('<h1>标题</h1>', '<meta name="firstpublishedtime" content="2026-01-05-10:30:15">');
    expect(extractDetailDates(doc, ctx).publishDate).toMatchObject({ date: '2026-01-05', hasTime: true });
  });

  it('reads 发布日期 and 成文日期 labels in text, never one for the other', () => {
    const doc = page('<div class="info">成文日期：2025-12-20 | 发布日期：2025-12-28</div><p>本办法自2026年2月1日起施行。</p>');
    const dates = extractDetailDates(doc, ctx);
    expect([dates.publishDate?.date, dates.formedDate?.date]).toEqual(['2025-12-28', '2025-12-20']);
  });

  it('gives no publish date when only the 成文日期 is shown', () => {
    const doc = page('<table><tr><td>成文日期：</td><td>2025-12-20</td></tr></table>');
    expect(extractDetailDates(doc, ctx)).toMatchObject({ formedDate: { date: '2025-12-20' } });
    expect(extractDetailDates(doc, ctx).publishDate).toBeUndefined();
  });
});

describe('extractLinks, extractMeta, extractFooterText', () => {
  it('guesses regions and resolves URLs', () => {
    const doc = page('<div class="nav"><a href="/zwgk/">政务公开</a></div><div class="main"><a href="a.html">正文</a></div><div class="sidebar"><a href="/hot.html">热点</a></div><div id="footer">网站标识码：1234567890 <a href="https://beian.miit.gov.cn/">ICP备案</a></div>');
    expect(extractLinks(doc).map((l) => [l.text, l.url, l.region])).toEqual([
      ['政务公开', 'http://www.example.gov.cn/zwgk/', 'nav'],
      ['正文', 'http://www.example.gov.cn/col/zwdt/a.html', 'main'],
      ['热点', 'http://www.example.gov.cn/hot.html', 'sidebar'],
      ['ICP备案', 'https://beian.miit.gov.cn/', 'footer'],
    ]);
    expect(extractFooterText(doc)).toBe('网站标识码：1234567890 ICP备案');
  });

  it('names a block\'s 更多>> link by the block heading, but not a 更多 link inside a list or an empty image link', () => {
    const doc = page(
      '<div class="box"><div class="box-title"><h3>部门动态</h3><a class="more" href="/col/col1235/index.html">更多&gt;&gt;</a></div><ul><li><a href="/art/1.html">条目</a></li></ul></div>' +
        '<ul><li><a href="/a.html">关于做好2026年冬季安全生产工作的通知</a> <a href="/b/">更多</a></li></ul>' +
        '<div><span>图片</span><a href="/c/"><img src="x.png"></a></div>',
    );
    expect(extractLinks(doc).map((l) => [l.text, l.url])).toEqual([
      ['部门动态', 'http://www.example.gov.cn/col/col1235/index.html'],
      ['条目', 'http://www.example.gov.cn/art/1.html'],
      ['关于做好2026年冬季安全生产工作的通知', 'http://www.example.gov.cn/a.html'],
      ['更多', 'http://www.example.gov.cn/b/'],
      ['', 'http://www.example.gov.cn/c/'],
    ]);
  });

  it('finds an unnamed footer by its content', () => {
    const doc = page('<div class="main"><p>正文</p></div><div class="c"><p>主办：某县人民政府办公室</p><p>网站标识码：1234567890</p></div>');
    expect(extractFooterText(doc)).toBe('主办：某县人民政府办公室 网站标识码：1234567890');
  });

  it('reads meta tags, first one wins', () => {
    const doc = page('', '<meta name="SiteIDCode" content="1234567890"><meta name="SiteIDCode" content="x"><meta property="og:title" content="T">');
    expect(extractMeta(doc)).toEqual({ SiteIDCode: '1234567890', 'og:title': 'T' });
  });
});
