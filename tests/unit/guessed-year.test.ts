import { describe, expect, it } from 'vitest';
import columnRecency from '../../rules/checks/column-recency.ts';
import homepageFreshness from '../../rules/checks/homepage-freshness.ts';
import homepageVolume from '../../rules/checks/homepage-volume.ts';
import publicationLag from '../../rules/checks/publication-lag.ts';
import { pageFromHtml } from '../../crawler/page/from-html.ts';
import type { ItemObservation } from '../../rules/model/snapshot.ts';
import { extractHomeItems } from '../../rules/extract/home-items.ts';
import { extractListItems } from '../../rules/extract/list-items.ts';
import { settleItemYears, urlStamp, yearFromStamp } from '../../rules/extract/item-year.ts';
import { columnOf, RuleTester } from './rule-tester.ts';

/** Items shown as `MM-DD` whose year was only guessed (latest year not after the audit date). */
const guessed = (dates: string[], title = '动态'): ItemObservation[] =>
  dates.map((date, i) => ({ title: `${title}${i + 1}`, url: `http://127.0.0.1/g/${i + 1}.html`, date, dateText: date.slice(5), dateConfidence: 'guessed-year' as const }));
const exact = (dates: string[], title = '要闻'): ItemObservation[] =>
  dates.map((date, i) => ({ title: `${title}${i + 1}`, url: `http://127.0.0.1/e/${i + 1}.html`, date, dateConfidence: 'exact' as const }));

describe('year stamped in an item URL', () => {
  it.each([
    ['http://x.gov.cn/xxgk/202011/t20201127_123.html', { year: 2020, month: 11, day: 27 }],
    ['http://x.gov.cn/art/2020-11-27/1.html', { year: 2020, month: 11, day: 27 }],
    ['http://x.gov.cn/art/2020/1127/art_1_2.html', { year: 2020, month: 11, day: 27 }],
    ['http://x.gov.cn/art/2020/11/27/art_1.html', { year: 2020, month: 11, day: 27 }],
    ['http://x.gov.cn/news/20201127/5.html', { year: 2020, month: 11, day: 27 }],
    ['http://x.gov.cn/news/202011/5.html', { year: 2020, month: 11 }],
  ])('%s', (url, stamp) => {
    expect(urlStamp(url)).toEqual(stamp);
  });

  it('ignores ids, hosts and queries that only look like dates', () => {
    expect(urlStamp('http://x.gov.cn/news/content_20201127.html')).toBeUndefined();
    expect(urlStamp('http://2020-11-27.example.cn/a.html')).toBeUndefined();
    expect(urlStamp('http://x.gov.cn/show.asp?id=20201127')).toBeUndefined();
    expect(urlStamp('http://x.gov.cn/news/202013/1.html')).toBeUndefined();
  });

  it('takes the year nearest the stamp across a new year', () => {
    expect(yearFromStamp({ year: 2021, month: 1, day: 3 }, 12, 30)).toBe(2020);
    expect(yearFromStamp({ year: 2020, month: 12, day: 31 }, 1, 2)).toBe(2021);
    expect(yearFromStamp({ year: 2020, month: 11 }, 11, 27)).toBe(2020);
  });
});

describe('settling year-less dates from the items themselves', () => {
  it('uses the URL first, then the nearest known item in the list', () => {
    const items = [
      ...guessed(['2025-12-30']).map((i) => ({ ...i, url: 'http://x.gov.cn/a/202012/t20201230_1.html' })),
      ...guessed(['2025-12-02', '2025-11-27']).map((i, n) => ({ ...i, url: `http://x.gov.cn/a/${n}.html` })),
    ];
    settleItemYears(items);
    expect(items.map((i) => [i.date, i.dateConfidence])).toEqual([
      ['2020-12-30', 'inferred-year'], ['2020-12-02', 'inferred-year'], ['2020-11-27', 'inferred-year'],
    ]);
  });

  it('steps a year back when a later month-day follows (a list running newest first)', () => {
    const items = [...exact(['2021-01-05']), ...guessed(['2025-12-28'])];
    settleItemYears(items);
    expect(items[1]).toMatchObject({ date: '2020-12-28', dateConfidence: 'inferred-year' });
  });

  it('leaves the guess when nothing gives the year', () => {
    const items = guessed(['2026-01-10', '2025-12-28']);
    settleItemYears(items);
    expect(items.every((i) => i.dateConfidence === 'guessed-year')).toBe(true);
  });

  it('a site that stopped in 2020: year-less home items read from TRS URLs are old, not recent', () => {
    const rows = [['20201127', '11-27'], ['20201120', '11-20'], ['20201103', '11-03']]
      .map(([d, md], i) => `<li><a href="/zwdt/${d!.slice(0, 6)}/t${d}_${i}.html">县政府召开常务会议研究部署工作${i}</a><span>[${md}]</span></li>`).join('');
    const doc = pageFromHtml(`<html><body><div class="news"><ul>${rows}</ul></div></body></html>`, 'http://www.example.gov.cn/');
    const items = extractHomeItems(doc, { notAfter: '2026-01-15' });
    expect(items.map((i) => [i.date, i.dateConfidence])).toEqual([['2020-11-27', 'inferred-year'], ['2020-11-20', 'inferred-year'], ['2020-11-03', 'inferred-year']]);
  });

  it('a year shown in its own line above the month-day makes the date exact', () => {
    const row = (md: string, t: string) => `<li><a href="javascript:;"><div class="time"><div>--2021--</div><p>${md}</p></div><div class="word"><div>${t}</div></div></a></li>`;
    const doc = pageFromHtml(`<ul>${row('06-09', '吉林省少数民族运动会什么时候召开？')}${row('06-08', '请求线下资讯')}</ul>`, 'http://www.example.gov.cn/');
    expect(extractListItems(doc, { notAfter: '2026-01-15' }).items.map((i) => [i.title, i.date, i.dateConfidence])).toEqual([
      ['吉林省少数民族运动会什么时候召开？', '2021-06-09', 'exact'], ['请求线下资讯', '2021-06-08', 'exact'],
    ]);
  });

  it('keeps the comment-year trick exact', () => {
    const doc = pageFromHtml('<ul><li><a href="/a.html">关于做好安全生产工作的通知</a><span><!--2018-->06-04</span></li><li><a href="/b.html">关于开展春季植树活动的通知</a><span><!--2018-->03-12</span></li></ul>', 'http://www.example.gov.cn/');
    expect(extractListItems(doc, { notAfter: '2026-01-15' }).items.map((i) => [i.date, i.dateConfidence])).toEqual([['2018-06-04', 'exact'], ['2018-03-12', 'exact']]);
  });
});

const tester = new RuleTester({ now: '2026-01-15' });
const column = (items: ItemObservation[]) => columnOf('news', '工作动态', items);
const home = (items: ItemObservation[]) => ({ url: 'http://127.0.0.1/', status: 'ok' as const, items });

tester.run(columnRecency, {
  valid: [
    { name: 'a known-year item alone can pass beside guessed ones', column: 'news', options: { maxAge: 14 }, snapshot: { columns: [column([...guessed(['2026-01-14']), ...exact(['2026-01-10'])])] } },
  ],
  invalid: [
    {
      name: 'a pass resting on a guessed year needs review', column: 'news', options: { maxAge: 14 },
      snapshot: { columns: [column(guessed(['2026-01-12', '2026-01-02']))] },
      findings: [{ outcome: 'needs-review', messageId: 'guessed-year', data: { dateText: '01-12' } }],
    },
    {
      name: 'a guessed year newer than a stale known one needs review', column: 'news', options: { maxAge: 14 },
      snapshot: { columns: [column([...guessed(['2026-01-12']), ...exact(['2025-10-01'])])] },
      findings: [{ outcome: 'needs-review', messageId: 'guessed-year' }],
    },
    {
      name: 'stale even in the latest possible year is stale', column: 'news', options: { maxAge: 14 },
      snapshot: { columns: [column(guessed(['2025-11-01']))] },
      findings: [{ outcome: 'fail', messageId: 'stale', data: { date: '2025-11-01' } }],
    },
  ],
});

tester.run(homepageFreshness, {
  valid: [{ name: 'a known-year home item passes', options: { maxAgeDays: 14 }, snapshot: { home: home([...guessed(['2026-01-14']), ...exact(['2026-01-13'])]) } }],
  invalid: [
    { name: 'a home page whose recent items have guessed years needs review', options: { maxAgeDays: 14 }, snapshot: { home: home(guessed(['2026-01-14', '2026-01-10'])) }, findings: [{ outcome: 'needs-review', messageId: 'guessed-year' }] },
    { name: 'a home page stale even in the latest possible year fails', options: { maxAgeDays: 14 }, snapshot: { home: home(guessed(['2025-12-01'])) }, findings: [{ outcome: 'fail', messageId: 'stale' }] },
  ],
});

tester.run(homepageVolume, {
  valid: [],
  invalid: [
    {
      name: 'enough only with guessed years needs review', options: { windowDays: 14, minItems: 3 },
      snapshot: { home: home([...exact(['2026-01-14']), ...guessed(['2026-01-12', '2026-01-10'])]) },
      findings: [{ outcome: 'needs-review', messageId: 'guessed-year', data: { count: 1, guessed: 2 } }],
    },
    {
      name: 'short even counting guessed years fails', options: { windowDays: 14, minItems: 5 },
      snapshot: { home: home([...exact(['2026-01-14']), ...guessed(['2026-01-12'])]) },
      findings: [{ outcome: 'fail', messageId: 'low-volume', data: { count: 1 } }],
    },
  ],
});

tester.run(publicationLag, {
  valid: [],
  invalid: [
    {
      name: 'a list date with a guessed year is never weighed against its 成文日期', options: { maxAge: 20, unit: 'days' },
      snapshot: { columns: [column([...guessed(['2025-12-20']).map((i) => ({ ...i, formedDate: '2024-12-01' })), ...exact(['2025-12-10']).map((i) => ({ ...i, formedDate: '2025-12-01' }))])] },
      findings: [{ outcome: 'pass', messageId: 'timely', data: { checked: 1 } }],
    },
  ],
});
