import { describe, expect, it } from 'vitest';
import { resolvePack } from '../../crawler/packs.ts';
import { evaluatePack } from '../../rules/engine/evaluate.ts';
import { columnOf, itemsDated, snapshotOf } from './rule-tester.ts';

/**
 * The scorecard is the 19号 inspection form: every single-veto item and every scored item appears, those a crawl
 * cannot judge as 待人工核查 with what to look at (never holding the verdict), and items with no deduction as zero.
 */

const national = resolvePack('national-2019');
const now = '2026-03-10';
const fresh = Array.from({ length: 12 }, (_, i) => `2026-03-${String(9 - Math.min(i, 8)).padStart(2, '0')}`);

function healthySite() {
  return snapshotOf({
    home: { url: 'http://127.0.0.1/', status: 'ok', items: [...itemsDated(fresh, '要闻'), { title: '青山县人民政府门户网站2025年政府网站工作年度报表', date: '2026-01-15' }], footerText: '我为政府网站找错 网站标识码3601230001 赣ICP备05001234号 赣公网安备 36012302000123号 党政机关' },
    columns: ['news', 'notice', 'policy', 'interpretation', 'institution', 'leaders', 'plan', 'personnel', 'consultation'].map((c) => columnOf(c, c, itemsDated(['2026-03-01']))),
    availability: Array.from({ length: 20 }, (_, i) => ({ at: `t${i}`, ok: true, ms: 200 })),
  });
}

/** The veto items of 国办秘函〔2019〕19号 and the ids that carry them. */
const VETO_ITEMS: [string, string][] = [
  ['站点无法访问', 'site-unreachable'],
  ['首页不更新', 'homepage-stale'],
  ['栏目不更新：动态要闻2周、通知公告政策文件6个月，累计5个', 'columns-stale'],
  ['栏目不更新：应更新但长期未更新10个', 'columns-long-stale'],
  ['栏目不更新：空白栏目5个', 'columns-empty'],
  ['互动回应差：无有效咨询渠道', 'consultation-channel-missing'],
  ['互动回应差：留言超过3个月未回应', 'interaction-poor'],
  ['服务不实用', 'service-impractical'],
  ['安全、泄密事故等严重问题', 'serious-problems-veto'],
];

/** The scored items, by the sheet's four parts. */
const SCORED_ITEMS = [
  'homepage-volume', 'news-stale', 'notice-stale', 'plan-stale', 'publishing-columns', 'empty-columns', 'interpretation-linked', // 发布解读
  'service-guides', 'service-stats', 'service-systems', // 办事服务
  'replies', 'consult-activity', // 互动交流
  'site-identity', 'link-availability', 'search', 'ipv6', 'error-report-entry', // 功能设计
];

describe('the 19号 score sheet', () => {
  const result = evaluatePack(national, healthySite(), { now });

  it.each(VETO_ITEMS)('lists the veto item %s', (_name, id) => {
    expect(result.vetoes.map((v) => v.id)).toContain(id);
  });

  it('lists every scored item, those with no deduction as zero', () => {
    expect(result.score!.deductions.map((d) => d.id)).toEqual(SCORED_ITEMS);
    for (const d of result.score!.deductions) expect(d.points, d.id).toBe(0);
    expect(result.score!.total).toBe(100);
  });

  it('marks what a crawl cannot judge as needing a person, with what to look at, without holding the verdict', () => {
    for (const id of ['interaction-poor', 'service-impractical', 'serious-problems-veto']) {
      const veto = result.vetoes.find((v) => v.id === id)!;
      expect(veto, id).toMatchObject({ manual: true, triggered: false, undecided: false });
      expect(veto.hint, id).toBeTruthy();
    }
    for (const id of ['service-stats', 'replies', 'search', 'ipv6']) {
      const item = result.score!.deductions.find((d) => d.id === id)!;
      expect(item.review, id).toBeGreaterThan(0);
      expect(item.hint, id).toBeTruthy();
    }
    expect(result.verdict).toBe('pass');
  });

  it('a crawlable item still deducts: no 找错 entry in the footer', () => {
    const s = healthySite();
    s.home.footerText = '网站标识码3601230001 赣ICP备05001234号 赣公网安备 36012302000123号 党政机关';
    const r = evaluatePack(national, s, { now });
    expect(r.score!.deductions.find((d) => d.id === 'error-report-entry')).toMatchObject({ findings: 1, points: 1 });
  });

  it('the HTML scorecard shows the whole sheet, with 待人工核查 and the hints', async () => {
    const { renderSiteScorecard } = await import('../../reports/html/site-scorecard.ts');
    const { seededStore, siyang } = await import('../reports/fixtures.ts');
    const { runB } = await seededStore();
    const site = siyang();
    const html = renderSiteScorecard({ run: runB, site: { ...site, result: { ...site.result, verdict: result.verdict, packs: [result] } }, history: [] });
    for (const v of result.vetoes) expect(html, v.id).toContain(v.title.zh);
    for (const d of result.score!.deductions) expect(html, d.id).toContain(d.title.zh);
    expect(html).toContain('待人工核查');
    expect(html).toContain('核查：');
  });
});

describe('title patterns of the national and regulation deadline rules', () => {
  const regulation = resolvePack('disclosure-regulation-2019');
  const cases: [string, string, string[], string[], ReturnType<typeof resolvePack>][] = [
    ['national-2019', 'website-annual-report-missing',
      ['青山县人民政府门户网站2025年政府网站工作年度报表', '2025年度政府网站工作年度报表'],
      ['2025年政府信息公开工作年度报告', '关于做好2025年度政府网站年度报表填报工作的通知', '江西省2025年政府网站监管年度报表'], national],
    ['disclosure-regulation-2019', 'annual-report-missing',
      ['青山县人民政府2025年政府信息公开工作年度报告', '县财政局2025年度政府信息公开年报'],
      ['关于报送2025年政府信息公开工作年度报告的通知', '2025年政府网站工作年度报表'], regulation],
    ['disclosure-regulation-2019', 'annual-report-format',
      ['青山县人民政府2025年政府信息公开工作年度报告'],
      ['关于报送2025年政府信息公开工作年度报告的通知'], regulation],
  ];
  it.each(cases)('%s / %s takes its publication and refuses near misses', async (_pack, ruleId, titles, nearMisses, pack) => {
    const { titleMatches } = await import('../../rules/checks/title-pattern.ts');
    const o = pack.rules.find((r) => r.id === ruleId)!.options as { titleIncludes: string[]; titleAlsoIncludes?: string[]; titleExcludes?: string[] };
    const pattern = { titleIncludes: o.titleIncludes, titleAlsoIncludes: o.titleAlsoIncludes ?? [], titleExcludes: o.titleExcludes ?? [] };
    for (const t of titles) expect(titleMatches(t, pattern), t).toBe(true);
    for (const t of nearMisses) expect(titleMatches(t, pattern), t).toBe(false);
  });
});
