import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageFromHtml } from '../../crawler/page/from-html.ts';
import { extractListItems } from '../../rules/extract/list-items.ts';

/** List shapes seen on real column pages (issue 13 item 5), each in a fixture written in its image. */

const URL = 'http://www.example.gov.cn/tzgg/index.html';
const ctx = { notAfter: '2026-01-15' };
const list = (body: string) => extractListItems(pageFromHtml(`<html><head><title>通知公告</title></head><body>${body}</body></html>`, URL), ctx);
const li = (n: number, day: number, extra = '') => `<li><a href="/tzgg/202512/t202512${String(day).padStart(2, '0')}_${n}.html">关于开展第${n}批安全生产检查工作的通知</a>${extra}<span>2025-12-${String(day).padStart(2, '0')}</span></li>`;

describe('list shapes', () => {
  it('rows inside an HTML comment are not shown, so they are not items', () => {
    const r = list(`<ul class="list">${li(1, 20)}${li(2, 18)}<!-- ${li(3, 30)}${li(4, 29)} --></ul>`);
    expect(r.items.map((i) => i.date)).toEqual(['2025-12-20', '2025-12-18']);
  });

  it('a comment holding old markup never lends its year to a visible month-day', () => {
    const r = list(`<ul><li><a href="/a.html">关于开展冬季安全检查的通知</a><span class="date"><!-- <em>2015-01-01</em> -->12-20</span></li><li><a href="/b.html">关于做好元旦春节期间工作的通知</a><span class="date">12-18</span></li></ul>`);
    expect(r.items.map((i) => [i.date, i.dateConfidence])).toEqual([['2025-12-20', 'guessed-year'], ['2025-12-18', 'guessed-year']]);
  });

  it('reads a list held only as script data (var listData = [...])', () => {
    const script = `<script>var listData = [
      {title:'关于2026年元旦放假安排的通知', url:'/tzgg/202512/t20251222_1.html', date:'2025-12-22'},
      {title:'关于开展冬季森林防火工作的通知', url:'/tzgg/202512/t20251218_2.html', date:'2025-12-18'},
      {title:"关于征集民生实事项目的公告", url:"/tzgg/202512/t20251210_3.html", date:"2025-12-10"},
    ];
    render(listData);</script>`;
    const r = list(`<div class="main"><div id="list"></div>${script}</div>`);
    expect(r.format).toBe('script');
    expect(r.items.map((i) => [i.title, i.url, i.date])).toEqual([
      ['关于2026年元旦放假安排的通知', 'http://www.example.gov.cn/tzgg/202512/t20251222_1.html', '2025-12-22'],
      ['关于开展冬季森林防火工作的通知', 'http://www.example.gov.cn/tzgg/202512/t20251218_2.html', '2025-12-18'],
      ['关于征集民生实事项目的公告', 'http://www.example.gov.cn/tzgg/202512/t20251210_3.html', '2025-12-10'],
    ]);
  });

  it('reads search-result rows written as runs of siblings with no wrapper (title, snippet, 时间：)', () => {
    const run = (n: number, day: number) =>
      `<a href="/tzgg/${n}.html" target="_blank">关于开展第${n}批安全生产检查工作的通知</a><p>为进一步落实安全生产责任制，现就有关事项通知如下……</p><span>时间：2025-12-${day}</span><br>`;
    const r = list(`<div class="result">${run(1, 20)}${run(2, 18)}${run(3, 11)}</div>`);
    expect(r.items.map((i) => [i.url, i.date])).toEqual([
      ['http://www.example.gov.cn/tzgg/1.html', '2025-12-20'], ['http://www.example.gov.cn/tzgg/2.html', '2025-12-18'], ['http://www.example.gov.cn/tzgg/3.html', '2025-12-11'],
    ]);
  });

  it('a box of bare undated links is still no list', () => {
    const r = list('<div class="links"><a href="/a/">政府信息公开指南</a><a href="/b/">政府信息公开制度</a><a href="/c/">政府信息公开年报</a></div>');
    expect(r.items).toEqual([]);
  });

  it('joins one list split into sibling blocks of five', () => {
    const block = (start: number) => `<ul>${[0, 1, 2, 3, 4].map((k) => li(start + k, 28 - start - k)).join('')}</ul>`;
    const r = list(`<div class="content">${block(0)}<div class="line"></div>${block(5)}<div class="line"></div>${block(10)}</div>`);
    expect(r.items).toHaveLength(15);
  });

  it('keeps two blocks apart when a heading stands between them', () => {
    const block = (start: number) => `<ul>${[0, 1, 2].map((k) => li(start + k, 28 - start - k)).join('')}</ul>`;
    const r = list(`<div class="content"><h3>通知</h3>${block(0)}<h3>公告</h3>${block(5)}</div>`);
    expect(r.items).toHaveLength(3);
  });

  it('takes the main list from a right column that holds the breadcrumb, over a dated block beside it', () => {
    const beside = `<div class="lm"><h3>最新动态</h3><ul>${li(90, 30)}${li(91, 29)}${li(92, 28)}</ul></div>`;
    const right = `<div class="con_right"><div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/tzgg/">通知公告</a></div><ul class="list">${[1, 2, 3, 4, 5].map((n) => li(n, 20 - n)).join('')}</ul></div>`;
    const r = list(`<div class="container">${beside}${right}</div>`);
    expect(r.items).toHaveLength(5);
    expect(r.items[0]!.date).toBe('2025-12-19');
  });

  it('a right column without the breadcrumb stays a side column', () => {
    const main = `<div class="main"><div class="position">当前位置：<a href="/">首页</a></div><ul class="list">${[1, 2, 3].map((n) => li(n, 20 - n)).join('')}</ul></div>`;
    const right = `<div class="right"><ul>${[4, 5, 6, 7, 8].map((n) => li(n, 25 - n)).join('')}</ul></div>`;
    expect(list(`${main}${right}`).items).toHaveLength(3);
  });

  it('an undated link menu never beats a dated table', () => {
    const names = ['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报', '政府文件与政策解读', '人事信息与招录公告', '财政预决算信息公开', '重点领域信息公开', '建议提案办理结果', '依申请公开办理情况', '政府机构职能介绍', '规划计划信息公开'];
    const menu = `<ul class="gk-lb">${names.map((t, i) => `<li><a href="/xxgk/${i}/">${t}</a></li>`).join('')}</ul>`;
    const rows = [1, 2].map((n) => `<tr><td><a href="/zcwj/${n}.html">关于印发某某县第${n}号工作方案的通知</a></td><td>2025-12-1${n}</td></tr>`).join('');
    const r = list(`<div class="content">${menu}<table class="wj">${rows}</table></div>`);
    expect(r.format).toBe('table');
    expect(r.items).toHaveLength(2);
  });

  it('counts rows whose link is javascript:; when they show a title and a date, noting they have no link', () => {
    const r = list(`<ul>${li(1, 20)}<li><a href="javascript:;" title="农药登记信息(2020年第22期)">农药登记信息(2020年第22期)</a><span>2025-12-12</span></li><li><a href="javascript:;">返回旧版本</a></li></ul>`);
    expect(r.items.map((i) => [i.title, i.url, i.linkless])).toEqual([
      ['关于开展第1批安全生产检查工作的通知', 'http://www.example.gov.cn/tzgg/202512/t20251220_1.html', undefined],
      ['农药登记信息(2020年第22期)', undefined, true],
    ]);
  });

  it('counts short script-link rows (内设机构 names) when each shows a date', () => {
    const rows = ['办公室', '人事处', '营林处'].map((t) => `<li><span> 2017-06-27 </span><a href="javascript:;"><a href="javascript:;">${t}</a></li>`).join('');
    expect(list(`<div class="list"><ul>${rows}</ul></div>`).items.map((i) => [i.title, i.linkless])).toEqual([['办公室', true], ['人事处', true], ['营林处', true]]);
  });

  it('reads the date of a link that wraps a whole card (title block, then a date line)', () => {
    const card = (t: string, d: string) => `<li><a href="javascript:;"><div class="list_name">${t}</div><div class="list_time">[提交时间：${d}]<span>回复人：某局</span>[回复时间：2021-06-10]</div></a></li>`;
    const r = list(`<ul class="listpage">${card('吉林省少数民族运动会什么时候召开？', '2021-06-09')}${card('请求线下资讯', '2021-06-08')}</ul>`);
    expect(r.items.map((i) => [i.title, i.date])).toEqual([['吉林省少数民族运动会什么时候召开？', '2021-06-09'], ['请求线下资讯', '2021-06-08']]);
  });

  it('a pager inside the list is not a row', () => {
    const r = list(`<ul>${li(1, 20)}${li(2, 18)}<div class="page"><a href="index_1.html">2</a> <a href="index_1.html">下一页</a></div></ul>`);
    expect(r.items).toHaveLength(2);
  });

  it('among links to one page the title is the one with a title attribute, else the first', () => {
    const r = list(`<ul>
      <li><a href="/a.html"><img src="i.png" alt="查看详细内容请点击此处进入"></a><a href="/a.html" title="关于开展冬季安全检查">关于开展冬季安全检查</a><span>2025-12-20</span></li>
      <li><a href="/b.html">关于做好元旦工作的通知</a><a href="/b.html">【点击查看关于做好元旦工作的通知全文】</a><span>2025-12-18</span></li>
    </ul>`);
    expect(r.items.map((i) => i.title)).toEqual(['关于开展冬季安全检查', '关于做好元旦工作的通知']);
  });
});

const PESTICIDE = join(import.meta.dirname, '../../../shared/real-sites/chinapesticide/zwtz/index.html');
if (!existsSync(PESTICIDE)) console.warn(`skipped: real page ${PESTICIDE} not found (../shared absent)`);

describe.skipIf(!existsSync(PESTICIDE))('real list with javascript:; rows (chinapesticide 政务通知)', () => {
  it('counts every shown row, the script-link ones without a URL', () => {
    const html = readFileSync(PESTICIDE, 'utf8');
    const { items } = extractListItems(pageFromHtml(html, 'http://www.chinapesticide.org.cn/zwtz/index.html'), ctx);
    const shown = html.match(/<li><span>\d{4}-\d{2}-\d{2}<\/span><a /g)!.length;
    expect(items).toHaveLength(shown);
    expect(items.filter((i) => i.linkless).length).toBeGreaterThan(10);
    expect(items[0]).toMatchObject({ date: '2020-11-27', title: '农药登记信息(2020年第25期)' });
  });
});

const SITES = join(import.meta.dirname, '../../../shared/real-sites');
/** Row counts and newest dates as hand-labelled (bench/real-pages/*.truth.json on main), with each site's audit day. */
const REAL_LISTS: [path: string, url: string, today: string, count: number, newest: string][] = [
  ['jilin-forestry/sqpt/jlsrmzf/index.html', 'http://www.atxlyj.cn/sqpt/jlsrmzf/index.html', '2021-06-11', 10, '2021-06-09'], // card links, javascript:;
  ['jilin-forestry/jgjj/jgsz/index.html', 'http://www.atxlyj.cn/jgjj/jgsz/index.html', '2021-06-11', 10, '2017-06-27'], // short script-link names
  ['jilin-forestry/xxgk/zqqd/index.html', 'http://www.atxlyj.cn/xxgk/zqqd/index.html', '2021-06-11', 2, '2019-08-20'],
  ['zhecheng-gov/ywdt/spxw/index.html', 'http://www.zhecheng.gov.cn/ywdt/spxw/index.html', '2018-07-27', 15, '2018-07-27'], // pager inside the ul
  ['chinapesticide/gjgy/index.html', 'http://www.chinapesticide.org.cn/gjgy/index.html', '2020-12-31', 10, '2020-11-23'],
];

describe.skipIf(!existsSync(SITES))('real column lists (../shared/real-sites)', () => {
  it.each(REAL_LISTS)('%s', (path, url, today, count, newest) => {
    const { items } = extractListItems(pageFromHtml(readFileSync(join(SITES, path), 'utf8'), url), { notAfter: today });
    expect(items).toHaveLength(count);
    expect(items.map((i) => i.date).filter(Boolean).sort().pop()).toBe(newest);
  });
});
