import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnIdentity } from '../../crawler/crawl/discover.ts';
import { crawlSite } from '../../crawler/crawl/site-crawler.ts';
import { readColumnLibrary } from '../../crawler/packs.ts';
import { siteConfig } from '../../crawler/sites/load.ts';
import { siteEntry } from '../../crawler/sites/schema.ts';
import { isArticleUrl, isPaginationUrl } from '../../rules/discover/match-columns.ts';
import type { SiteSnapshot } from '../../rules/model/snapshot.ts';
import { Fetcher } from '../../crawler/fetch/index.ts';
import { MemoryStore } from '../../crawler/store/memory-store.ts';

/** Discovery beyond the home page (issue 13.4) on the saved real portals in ../shared/real-sites. */

const REAL = process.env.GOVAUDIT_REAL_SITES ?? join(import.meta.dirname, '../../../shared/real-sites');
const present = existsSync(join(REAL, 'zhecheng-gov/index.html'));
if (!present) console.warn(`real-sites discovery tests skipped: ${REAL} not found`);

async function discover(folder: string, host: string, today: string): Promise<SiteSnapshot> {
  // The saved copy is served as the live host (--snapshot): crawlSite reads it through a Fetcher of its own.
  const cfg = siteConfig(siteEntry.parse({ id: folder, name: folder, url: `http://${host}/index.html`, snapshot: join(REAL, folder), render: 'never', limits: { availabilitySamples: 1, detailPagesPerColumn: 0, maxLinks: 0 } }), { packs: ['national-2019'], limits: {} });
  const unused = new Fetcher({ allowedHosts: [] });
  try {
    const { snapshot } = await crawlSite(cfg, { fetcher: unused, journal: await new MemoryStore().journal('t', folder), classes: readColumnLibrary().columns, now: today, capturedAt: `${today}T00:00:00Z` });
    return snapshot;
  } finally {
    await unused.close();
  }
}

const path = (url: string) => new URL(url).pathname;

describe.skipIf(!present)('discovery on saved real portals', () => {
  it('zhecheng-gov (EmpireCMS): columns under the 信息公开 landing pages, by pattern, never articles or the home page', async () => {
    const s = await discover('zhecheng-gov', 'www.zhecheng.gov.cn', '2018-07-27');
    const of = (classId: string) => s.columns.filter((c) => c.classId === classId);
    // 工作机构 is linked only from the 信息公开 pages' menus, and matches by pattern.
    const institution = of('institution').find((c) => path(c.url) === '/gzjg/index.html')!;
    expect(institution.matchReason).toMatch(/符合模式/);
    expect(institution.matchReason).not.toMatch(/见于 首页/);
    expect(of('leaders').map((c) => path(c.url))).toContain('/xxgk/xxgkml/zfld2/index.html');
    // 政府信息公开目录 is the catalogue, not a second 专栏.
    expect(of('disclosure-catalogue').map((c) => path(c.url))).toEqual(['/xxgk/xxgkml/index.html']);
    expect(of('disclosure-column').map((c) => path(c.url))).toEqual(['/xxgk/index.html']);
    for (const c of s.columns) {
      expect(isArticleUrl(c.url), c.url).toBe(false);
      expect(isPaginationUrl(c.url), c.url).toBe(false);
      // `index.html?link=ywdt` and its renamed copies are the home page showing a tab.
      expect(new URL(c.url).search, c.url).toBe('');
    }
    expect(s.discoveryPages!.length).toBeGreaterThan(1);
  });

  it('jilin-forestry (TRS): leaders from the side menu of 机构简介; the 指南 document from its title in a list', async () => {
    const s = await discover('jilin-forestry', 'www.atxlyj.cn', '2021-06-11');
    const leaders = s.columns.find((c) => c.classId === 'leaders')!;
    expect(path(leaders.url)).toBe('/jgjj/ldjs/index.html');
    expect(leaders.matchReason).toContain('机构简介');
    const guide = s.columns.find((c) => c.classId === 'disclosure-guide')!;
    expect(columnIdentity(guide.url)).toBe('http://www.atxlyj.cn/xxgk/ndbg/201708/t20170816_633604.html');
    expect(guide.matchReason).toMatch(/以「.*指南」结尾/);
  });

  it('chinapesticide (JEECMS): 处室介绍 and 征求意见 by pattern, no 政务咨询 channel; notes for every class not found', async () => {
    const s = await discover('chinapesticide', 'www.chinapesticide.org.cn', '2020-12-31');
    expect(s.columns.find((c) => c.classId === 'institution')?.url).toBe('http://www.chinapesticide.org.cn/csjs.html');
    // 征求意见 asks for comments on drafts: an interaction column, but not the 政务咨询 channel 19号 asks for.
    expect(path(s.columns.find((c) => c.classId === 'solicitation')!.url)).toBe('/zqyj/index.html');
    expect(s.columns.some((c) => c.classId === 'consultation')).toBe(false);
    // 房屋招租公告 (an article, and a rental notice) is not a notice column.
    expect(s.columns.filter((c) => c.classId === 'notice').every((c) => !isArticleUrl(c.url))).toBe(true);
    const found = new Set(s.columns.map((c) => c.classId));
    for (const id of ['leaders', 'annual-report', 'finance']) {
      expect(found.has(id)).toBe(false);
      expect(s.discoveryNotes!.find((n) => n.classId === id)?.reason).toMatch(/没有链接/);
    }
  });
});
