import { describe, expect, it } from 'vitest';
import { defineCheck } from '../../rules/checks/define.ts';
import { CHECKS } from '../../rules/checks/index.ts';
import { evaluatePack, evaluateSite } from '../../rules/engine/evaluate.ts';
import { rejudgePack } from '../../rules/engine/verdict.ts';
import { resolvePack } from '../../crawler/packs.ts';
import { z } from 'zod';
import { columnOf, itemsDated, snapshotOf } from './rule-tester.ts';

const national = resolvePack('national-2019');
const now = '2026-01-15';
const fresh = (d = '2026-01-14') => [d, '2026-01-13', '2026-01-12', '2026-01-11', '2026-01-10', '2026-01-09', '2026-01-08', '2026-01-07', '2026-01-06', '2026-01-05'];

function healthySnapshot() {
  return snapshotOf({
    home: { url: 'http://127.0.0.1/', status: 'ok', items: itemsDated(fresh(), '要闻'), footerText: '我为政府网站找错 网站标识码3601230001 赣ICP备05001234号 赣公网安备 36012302000123号 党政机关' },
    columns: [
      columnOf('news', '政务动态', itemsDated(['2026-01-14'])),
      columnOf('notice', '通知公告', itemsDated(['2025-12-01'])),
      columnOf('policy', '政策文件', itemsDated(['2025-11-01'])),
      columnOf('interpretation', '政策解读', itemsDated(['2025-11-02'])),
      columnOf('institution', '机构职能', itemsDated(['2025-06-01'])),
      columnOf('leaders', '领导信息', itemsDated(['2025-06-01'])),
      columnOf('plan', '规划计划', itemsDated(['2025-06-01'])),
      columnOf('personnel', '人事信息', itemsDated(['2025-06-01'])),
      columnOf('consultation', '县长信箱', itemsDated(['2026-01-10'])),
    ],
    availability: Array.from({ length: 20 }, (_, i) => ({ at: `t${i}`, ok: true, ms: 200 })),
  });
}

describe('evaluatePack on national-2019', () => {
  it('a healthy site is 合格 with full marks', () => {
    const r = evaluatePack(national, healthySnapshot(), { now });
    expect(r.counts.fail).toBe(0);
    expect(r.verdict).toBe('pass');
    expect(r.score?.total).toBe(100);
  });

  it('a pack judged again after a change keeps the engine\'s rules: no score stands when the home page was not read', () => {
    const r = evaluatePack(national, healthySnapshot(), { now });
    expect(r.score?.total).toBe(100);
    expect(rejudgePack(national, r, r.findings, true).score?.total).toBe(100);
    const unread = rejudgePack(national, r, r.findings, false);
    expect(unread.score).toBeUndefined();
  });

  it('five stale news columns trigger the columns-stale veto', () => {
    const s = healthySnapshot();
    for (let i = 0; i < 5; i++) s.columns.push(columnOf('news', `部门动态${i}`, itemsDated(['2025-11-01'])));
    const r = evaluatePack(national, s, { now });
    const veto = r.vetoes.find((v) => v.id === 'columns-stale')!;
    expect(veto).toMatchObject({ triggered: true, count: 5, atLeast: 5 });
    expect(r.verdict).toBe('fail');
    // Deductions within one item never exceed its cap.
    expect(r.score!.deductions.find((d) => d.id === 'news-stale')).toMatchObject({ findings: 5, uncapped: 15, points: 15 });
  });

  it('a stale home page is a veto on its own', () => {
    const s = healthySnapshot();
    s.home.items = itemsDated(['2025-12-20'], '要闻');
    const r = evaluatePack(national, s, { now });
    expect(r.vetoes.find((v) => v.id === 'homepage-stale')?.triggered).toBe(true);
    expect(r.verdict).toBe('fail');
  });

  it('a home page that timed out makes the site needs-review, never pass or fail', () => {
    const s = healthySnapshot();
    s.home = { url: 'http://127.0.0.1/', status: 'unreachable', statusReason: 'timeout', items: [] };
    s.availability = [{ at: 't', ok: false, reason: 'timeout' }];
    s.discoveryComplete = false;
    s.columns = [];
    const r = evaluatePack(national, s, { now });
    expect(r.vetoes.some((v) => v.triggered)).toBe(false);
    expect(r.verdict).toBe('needs-review');
  });

  it('a pack not yet in force is not applicable and does not decide the verdict', () => {
    const r = evaluatePack(national, healthySnapshot(), { now: '2018-06-01' });
    expect(r.inForce).toBe(false);
    expect(r.findings.every((f) => f.outcome === 'not-applicable' && f.messageId === 'pack-not-in-force')).toBe(true);
  });

  it('every finding carries its rule source and a filled bilingual message', () => {
    const r = evaluatePack(national, healthySnapshot(), { now });
    for (const f of r.findings) {
      expect(f.source.doc).toBeTruthy();
      expect(f.message.zh).not.toMatch(/\{\{/);
      expect(f.message.en).not.toMatch(/\{\{/);
    }
  });
});

describe('engine robustness', () => {
  it('a check that throws marks only its own rule error; the rest go on', () => {
    const boom = defineCheck({ id: 'homepage-freshness', needsColumn: false, options: z.object({}).passthrough(), messages: {}, evaluate: () => { throw new Error('boom'); } });
    const r = evaluatePack(national, healthySnapshot(), { now, checks: { ...CHECKS, 'homepage-freshness': boom } });
    const broken = r.findings.filter((f) => f.outcome === 'error');
    expect(broken.map((f) => f.ruleId)).toEqual(['homepage-stale']);
    expect(broken[0].message.en).toContain('boom');
    expect(r.findings.filter((f) => f.outcome === 'pass').length).toBeGreaterThan(10);
    // A veto rule in error cannot be passed over: the verdict waits for review.
    expect(r.verdict).toBe('needs-review');
  });

  it('evaluateSite: any failing pack fails the site', () => {
    const s = healthySnapshot();
    s.home.items = [];
    const r = evaluateSite([national, resolvePack('disclosure-regulation-2019')], s, { now });
    expect(r.verdict).toBe('fail');
    expect(r.packs).toHaveLength(2);
  });

  it('rules only for some site kinds are not applicable elsewhere', () => {
    const pack = resolvePack('disclosure-regulation-2019');
    const s = healthySnapshot();
    s.site.kind = 'township';
    const f = evaluatePack(pack, s, { now }).findings.find((x) => x.ruleId === 'annual-report-missing')!;
    expect(f).toMatchObject({ outcome: 'not-applicable', messageId: 'site-kind' });
  });
});
