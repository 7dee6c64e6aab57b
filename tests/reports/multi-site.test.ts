import { describe, expect, it } from 'vitest';
import { orgTree, rankSites, renderRunReport } from '../../reports/html/multi-site.ts';
import { jiangsu, seededStore, shuyang, siyang, suqian } from './fixtures.ts';

const sites = () => [shuyang('B'), suqian('B'), jiangsu(), siyang()];

describe('run report', () => {
  it('ranks 合格 before 待复核 before 不合格, then by score', () => {
    const ranked = rankSites(sites());
    expect(ranked.map((r) => [r.site.snapshot.site.id, r.site.result.verdict, r.score])).toEqual([
      ['jiangsu', 'pass', 100],
      ['siyang', 'pass', 100],
      ['suqian', 'needs-review', 97],
      ['shuyang', 'fail', 69],
    ]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(ranked[3]).toMatchObject({ vetoes: 1, stale: 6, empty: 2, dead: 2 });
  });

  it('renders the ranking in that order, sortable, linking each scorecard', async () => {
    const { runB } = await seededStore();
    const html = renderRunReport({ run: runB, sites: sites() });
    const tbody = html.slice(html.indexOf('<table class="sortable"'), html.indexOf('</table>'));
    const order = [...tbody.matchAll(/href="sites\/([\w-]+)\.html"/g)].map((m) => m[1]);
    expect(order).toEqual(['jiangsu', 'siyang', 'suqian', 'shuyang']);
    expect(tbody.match(/<th[^>]+data-sort=/g)!.length).toBe(9);
    expect(html).toContain("script-src 'sha256-");
    // Parent ids resolve to names.
    expect(tbody).toContain('<td data-v="宿迁市人民政府">宿迁市人民政府</td>');
  });

  it('nests sites 省→市→县 by parent', () => {
    const tree = orgTree(sites());
    expect(tree.map((n) => n.name)).toEqual(['江苏省人民政府']);
    const city = tree[0]!.children;
    expect(city.map((n) => n.name)).toEqual(['宿迁市人民政府']);
    expect(city[0]!.children.map((n) => n.site?.snapshot.site.id).sort()).toEqual(['shuyang', 'siyang']);
  });

  it('groups under an organisation node when the parent is not a site of the run, and survives cycles', () => {
    const a = siyang();
    a.snapshot.site.parent = '宿迁市政务服务管理办公室';
    const tree = orgTree([a]);
    expect(tree).toHaveLength(1);
    expect(tree[0]).toMatchObject({ name: '宿迁市政务服务管理办公室', key: 'org:宿迁市政务服务管理办公室' });
    expect(tree[0]!.site).toBeUndefined();
    expect(tree[0]!.children[0]!.site?.snapshot.site.id).toBe('siyang');

    const x = siyang();
    const y = shuyang('B');
    x.snapshot.site.parent = 'shuyang';
    y.snapshot.site.parent = 'siyang';
    const cyc = orgTree([x, y]);
    const count = (ns: typeof cyc): number => ns.reduce((n, k) => n + (k.site ? 1 : 0) + count(k.children), 0);
    expect(count(cyc)).toBe(2);
  });

  it('lists sites of the run without a stored result', async () => {
    const { runB } = await seededStore();
    const html = renderRunReport({ run: { ...runB, siteIds: [...runB.siteIds, 'sihong'] }, sites: sites() });
    expect(html).toContain('未完成的站点');
    expect(html).toContain('sihong');
  });
});
