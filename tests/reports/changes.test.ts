import { describe, expect, it } from 'vitest';
import { diffRuns } from '../../reports/changes.ts';
import { buildSite, DATE_B, RUN_A, RUN_B, shuyang, suqian } from './fixtures.ts';

describe('diffRuns', () => {
  const prev = shuyang('A');
  const cur = shuyang('B');
  const c = diffRuns(prev, cur);

  it('names both runs', () => {
    expect(c).toMatchObject({ siteId: 'shuyang', previousRunId: RUN_A, currentRunId: RUN_B });
  });

  it('a column that went stale', () => {
    expect(c.newlyStale.map((x) => x.name)).toEqual(expect.arrayContaining(['乡镇动态']));
    expect(c.newlyStale.find((x) => x.name === '乡镇动态')).toMatchObject({ newest: '2025-12-25', previousNewest: '2025-11-25' });
    expect(c.newProblems.some((p) => p.ruleId === 'news-column-stale' && p.columnName === '乡镇动态')).toBe(true);
    // Stale both times: still open, not new.
    expect(c.newlyStale.map((x) => x.name)).not.toContain('规范性文件');
    expect(c.stillOpen.some((p) => p.columnName === '规范性文件')).toBe(true);
  });

  it('a column that came back', () => {
    expect(c.recovered.map((x) => x.name)).toEqual(['部门动态']);
    expect(c.fixedProblems.some((p) => p.columnName === '部门动态')).toBe(true);
  });

  it('a dead link fixed, one still dead, none new', () => {
    expect(c.deadLinksFixed.map((l) => l.url)).toEqual(['http://www.shuyang.gov.cn/art/2022/1/1/art_99_1.html']);
    expect(c.deadLinksNew).toEqual([]);
    expect(c.fixedProblems.some((p) => p.ruleId === 'dead-link' && p.url === 'http://www.shuyang.gov.cn/art/2022/1/1/art_99_1.html')).toBe(true);
    expect(c.stillOpen.some((p) => p.ruleId === 'dead-link' && p.url === 'http://old.shuyang.gov.cn/')).toBe(true);
  });

  it('a new dead link', () => {
    const next = structuredClone(cur);
    next.snapshot.links.push({ url: 'http://www.shuyang.gov.cn/new-dead.html', fromUrl: 'http://www.shuyang.gov.cn/', status: 'dead', httpStatus: 404, attempts: 2 });
    expect(diffRuns(cur, next).deadLinksNew.map((l) => l.url)).toEqual(['http://www.shuyang.gov.cn/new-dead.html']);
  });

  it('a problem that can no longer be judged is unconfirmed, not fixed', () => {
    const a = suqian('A');
    const b = suqian('B');
    const d = diffRuns(a, b);
    expect(d.fixedProblems).toEqual([]);
    expect(d.newProblems.map((p) => p.columnName)).toEqual(['部门动态']);
  });

  it('a stale column that becomes unreadable is unconfirmed', () => {
    const spec = { info: { id: 'x', name: '某县', homeUrl: 'http://x.gov.cn/' }, runId: 'r2', now: DATE_B };
    const before = buildSite({ ...spec, runId: 'r1', columns: [{ classId: 'notice', name: '通知公告', slug: 'tzgg', items: [['旧通知', '2024-01-01']] }] });
    const after = buildSite({ ...spec, columns: [{ classId: 'notice', name: '通知公告', slug: 'tzgg', items: [], status: 'unreachable', statusReason: 'timeout' }] });
    const d = diffRuns(before, after);
    expect(d.unconfirmed.map((p) => p.ruleId)).toEqual(['notice-column-stale']);
    expect(d.fixedProblems).toEqual([]);
    expect(d.recovered).toEqual([]);
  });

  it('first run: every problem is new, nothing fixed', () => {
    const d = diffRuns(undefined, cur);
    expect(d.previousRunId).toBeUndefined();
    expect(d.newProblems.length).toBe(cur.result.packs[0]!.counts.fail);
    expect(d.fixedProblems).toEqual([]);
    expect(d.stillOpen).toEqual([]);
  });

  it('is pure: inputs are left untouched', () => {
    const a = shuyang('A');
    const b = shuyang('B');
    const [ca, cb] = [structuredClone(a), structuredClone(b)];
    diffRuns(a, b);
    expect(a).toEqual(ca);
    expect(b).toEqual(cb);
  });
});
