import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageFromHtml } from '../../crawler/page/from-html.ts';
import { extractDetailDates } from '../../rules/extract/detail-page.ts';

/** Detail-page dates (issue 13 item 6): fixtures written in the image of real article pages, then the real pages. */

const URL = 'http://www.example.gov.cn/zwdt/202401/t20240105_1.html';
const ctx = { notAfter: '2026-01-15' };
const dates = (head: string, body: string, url = URL) => {
  const d = extractDetailDates(pageFromHtml(`<html><head>${head}</head><body>${body}</body></html>`, url), ctx);
  return { publish: d.publishDate?.date, formed: d.formedDate?.date };
};
const nav = '<div class="nav"><a href="/">首页</a> 今天是2026年1月15日 星期四</div>';
const related = '<div class="related"><h3>相关文章</h3><ul><li><a href="/x.html">另一条新闻</a><span>2025-12-30</span></li></ul></div>';

describe('detail-page publish dates', () => {
  it.each([
    ['og:release_date', '<meta property="og:release_date" content="2024-01-05 10:30">'],
    ['og:time with a padded name', '<meta property=" og:time " content="2024-01-05T10:30:00+08:00">'],
    ['article:published_time', '<meta property="article:published_time" content="2024-01-05">'],
    ['JSON-LD datePublished', '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-01-05T08:00:00+08:00"}</script>'],
  ])('reads %s', (_, head) => {
    expect(dates(head, `${nav}<h1>标题</h1><div class="content"><p>正文</p></div>`).publish).toBe('2024-01-05');
  });

  it('reads itemprop="datePublished"', () => {
    expect(dates('', `<h1>标题</h1><time itemprop="datePublished" datetime="2024-01-05T08:00">1月5日</time>`).publish).toBe('2024-01-05');
  });

  it('reads a short label in the line that names 来源/作者', () => {
    expect(dates('', `${nav}<h1>关于开展冬季安全检查的通知</h1><div class="xl-info">发布: 2024-01-05 来源：县应急局 作者：张三</div><div>会议时间：2024-01-20</div>`).publish).toBe('2024-01-05');
    expect(dates('', `<h1>标题</h1><p>来源：县政府办　时间：2024年1月5日</p>`).publish).toBe('2024-01-05');
  });

  it('reads an English Release time label', () => {
    expect(dates('', '<h1>China approved a biofungicide</h1><span>Release time：2016-01-20</span><span>Author：</span>').publish).toBe('2016-01-20');
  });

  it('falls back to the first full date of the info block under the title (an h2 headed page)', () => {
    const body = `${nav}<div class="detail_header"><h2>某某项目成交公告</h2><p><span>2021年06月10日 17:35</span> 来源：<span></span> 【打印】</p></div><div class="table">公告时间 2021年06月10日 招标公告日期 2021年05月26日</div>`;
    expect(dates('<title>某某项目成交公告</title>', body).publish).toBe('2021-06-10');
  });

  it('takes the element right after the h1 when no line names a source', () => {
    expect(dates('', `${nav}<h1>标题</h1><div class="time">2024-01-05 10:30</div><div class="content"><p>正文提到2023年12月1日</p></div>`).publish).toBe('2024-01-05');
  });

  it('never reads navigation, related lists or comments', () => {
    expect(dates('', `${nav}<h1>标题</h1><div class="content"><p>正文</p><!-- 发布时间：2020-01-01 --></div>${related}`).publish).toBeUndefined();
  });

  it('a regenerated CMS PubDate loses to a visible 发布日期 and is ignored when it is the generation stamp', () => {
    const regenerated = '<meta name="PubDate" content="2022-04-24 10:00:43"><meta name="others" content="页面生成时间 2022-04-24 10:00:43">';
    expect(dates(regenerated, '<h1>标题</h1><div>发布日期：2017-05-15 10:49:00 来源：统计局</div>').publish).toBe('2017-05-15');
    expect(dates(regenerated, '<h1>标题</h1><div class="content"><p>正文</p></div>').publish).toBeUndefined();
  });

  it('a CMS PubDate after the month the URL is filed under is a regeneration', () => {
    expect(dates('<meta name="PubDate" content="2023-08-16 10:33:59">', '<h1>标题</h1><p>正文</p>', 'http://x.gov.cn/a/202305/abc.shtml').publish).toBeUndefined();
    expect(dates('<meta name="PubDate" content="2023-05-16 10:33:59">', '<h1>标题</h1><p>正文</p>', 'http://x.gov.cn/a/202305/abc.shtml').publish).toBe('2023-05-16');
  });

  it('keeps 成文日期 and 发文日期 apart from the publish date', () => {
    const table = '<table><tr><td>成文日期</td><td>2023-12-20</td><td>发布日期</td><td>2024-01-05</td></tr></table>';
    expect(dates('', `<h1>标题</h1>${table}`)).toEqual({ publish: '2024-01-05', formed: '2023-12-20' });
    expect(dates('', '<h1>标题</h1><table><tr><td>发文日期：</td><td>2023-04-18</td></tr></table>')).toEqual({ publish: undefined, formed: '2023-04-18' });
  });
});

const SHARED = join(import.meta.dirname, '../../../shared');
/**
 * Publish and formed dates as the hand-labelled truth gives them (bench/real-pages/real-pages.truth.json on main,
 * written by people reading the pages); URLs from ../shared/real-pages/manifest.json.
 */
const REAL: [path: string, publish: string | null, formed: string | null][] = [
  ['real-pages/simonxinw-job/wanzai_tjgb2015_detail.html', '2017-05-15', null], // meta PubDate 2022 = 页面生成时间
  ['real-pages/simonxinw-job/wanzai_tjgb2022_detail.html', '2023-05-11', null], // 生成日期; PubDate after the URL month; related 2023-07-12
  ['real-pages/simonxinw-job/yichun_tjgb2022_detail.html', null, '2023-04-18'], // only 发文日期 shown
  ['real-pages/simonxinw-job/yichun_jiangxi-tjgb2022_detail.html', null, '2023-03-31'],
  ['real-pages/yuntaozhu-ccgp/ccgp_zhijiang_cjgg_detail.html', '2021-06-10', null], // h2 title, date in the 来源 line
  ['real-pages/hbjiance-ccgp-hebei/ccgp-hebei_weichang_zbgg_detail.html', '2021-10-11', null],
];
const MANIFEST = join(SHARED, 'real-pages/manifest.json');
const haveReal = existsSync(MANIFEST);
if (!haveReal) console.warn(`skipped: real detail pages not found (${MANIFEST}); ../shared is absent`);

describe.skipIf(!haveReal)('real detail pages (../shared/real-pages)', () => {
  const manifest = haveReal ? (JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, { url: string }>) : {};
  for (const [path, publish, formed] of REAL) {
    it(path, () => {
      const url = manifest[path.replace(/^real-pages\//, '')]!.url;
      const d = extractDetailDates(pageFromHtml(readFileSync(join(SHARED, path), 'utf8'), url), ctx);
      expect({ publish: d.publishDate?.date ?? null, formed: d.formedDate?.date ?? null }).toEqual({ publish, formed });
    });
  }
});
