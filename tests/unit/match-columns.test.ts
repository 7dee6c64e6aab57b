import { describe, expect, it } from 'vitest';
import { matchColumn, matchColumnClasses } from '../../rules/discover/match-columns.ts';
import { readColumnLibrary } from '../../crawler/packs.ts';

const classes = readColumnLibrary().columns;
const cases: [string, string, string | undefined, string?][] = [
  ['政务动态', 'http://x.gov.cn/a/', 'news', 'name'],
  ['  通知公告 ', 'http://x.gov.cn/b/', 'notice', 'name'],
  ['更多>>', 'http://x.gov.cn/zwdt/index.html', 'news', 'slug'],
  ['政府信息公开工作年度报告', 'http://x.gov.cn/xxgk/ndbg/', 'annual-report', 'name'],
  ['政府信息公开指南', 'http://x.gov.cn/xxgk/', 'disclosure-guide', 'name'],
  ['政府信息公开', 'http://x.gov.cn/xxgk/', 'disclosure-column', 'name'],
  ['【政策解读】', 'http://x.gov.cn/c/', 'interpretation', 'name'],
  ['关于做好2026年冬季安全生产工作的通知', 'http://x.gov.cn/art/1.html', undefined],
  ['事业单位公开招聘公告', 'http://x.gov.cn/d/', undefined],
  // A short headline on the home page, linking to the article itself.
  ['关于停水检修的通知', 'http://x.gov.cn/a/', undefined],
  ['停水检修的通知', 'http://x.gov.cn/tzgg/202601/t20260126_614.html', undefined],
  ['停水检修的通知', 'http://x.gov.cn/art/2026/1/26/art_12_345.html', undefined],
  ['停水检修的通知', 'http://x.gov.cn/gsgg/2026/01/26/notice.html', undefined],
  // Service columns that only sound like notices or annual reports.
  ['双公示', 'http://x.gov.cn/xxgk/sgs/', undefined],
  ['企业年报公示', 'http://x.gov.cn/qynb/', undefined],
  ['公示公告', 'http://x.gov.cn/gsgg/index.html', 'notice', 'name'],
  ['首页', 'http://x.gov.cn/', undefined],
];

describe('matchColumn', () => {
  for (const [text, url, classId, by] of cases) {
    it(`${text} → ${classId ?? 'no column'}`, () => {
      const m = matchColumn(text, url, classes);
      expect(m?.classId).toBe(classId);
      if (by) expect(m?.matchedBy).toBe(by);
    });
  }
});

describe('slugs name column folders, not the articles inside them', () => {
  it.each([
    ['http://x.gov.cn/xxgk/tzgg/', 'notice'],
    // A further page of a list is never the column (issue 13.4).
    ['http://x.gov.cn/xxgk/tzgg/index_2.html', undefined],
    ['http://x.gov.cn/zwtz/index_2.jhtml', undefined],
    ['http://x.gov.cn/zwdt/202611/t20261120_1.html', undefined],
    ['http://x.gov.cn/zwdt/0.html', undefined],
  ])('%s → %s', (url, classId) => {
    expect(matchColumn('', url, classes)?.classId).toBe(classId);
  });
});

/** Issue 13.4: names matched by patterns (data in columns.yaml), negatives, several classes per link. */
describe('column name patterns', () => {
  it.each([
    ['单位职能', 'institution'],
    ['机构简介', 'institution'],
    ['处室介绍', 'institution'],
    ['工作机构', 'institution'],
    ['领导介绍', 'leaders'],
    ['政府领导', 'leaders'],
    ['财务预决算', 'finance'],
    ['预算⁄决算', 'finance'],
    ['部门预算决算', 'finance'],
    ['行业动态', 'news'],
    ['柘城要闻', 'news'],
    ['政务公开动态', 'news'],
    ['政策文件解读', 'interpretation'],
    ['征求意见', 'solicitation'],
    ['县长信箱', 'consultation'],
    ['网上咨询', 'consultation'],
    ['在线访谈', 'solicitation'],
    ['政府信息公开目录', 'disclosure-catalogue'],
    ['信息公开年报', 'annual-report'],
  ])('%s → %s', (label, classId) => {
    expect(matchColumn(label, 'http://x.gov.cn/c/', classes)).toMatchObject({ classId, matchedBy: 'name' });
  });
  it.each<[string, string?]>([['开奖公告'], ['招标公告'], ['领导信箱', 'consultation'], ['政府工作年报'], ['计划生育'], ['城乡规划中心'], ['环境保护局']])('%s is not what it looks like', (label, classId) => {
    expect(matchColumn(label, 'http://x.gov.cn/c/', classes)?.classId).toBe(classId);
  });
  it('one label may name two classes', () => {
    expect(matchColumnClasses('政策文件及解读', 'http://x.gov.cn/c/', classes).map((m) => m.classId).sort()).toEqual(['interpretation', 'policy']);
  });
  it('article pages are never columns, except a document class named exactly', () => {
    expect(matchColumn('公示公告', 'http://x.gov.cn/gsgg/2018-07-20/10051.html', classes)).toBeUndefined();
    expect(matchColumn('房屋招租公告', 'http://x.gov.cn/gdxw/15182.jhtml', classes)).toBeUndefined();
    expect(matchColumn('政府信息公开指南', 'http://x.gov.cn/xxgk/201708/t20170816_633604.html', classes)?.classId).toBe('disclosure-guide');
  });
});
