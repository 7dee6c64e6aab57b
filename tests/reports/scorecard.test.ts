import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { diffRuns } from '../../reports/changes.ts';
import { renderSiteScorecard } from '../../reports/html/site-scorecard.ts';
import { BIDI_TITLE, DATE_A, JS_URL, RUN_A, seededStore, shuyang, siyang } from './fixtures.ts';

async function scorecard() {
  const { runB } = await seededStore();
  const site = shuyang('B');
  return renderSiteScorecard({ run: runB, site, history: [{ runId: RUN_A, date: DATE_A, score: 71, verdict: 'fail' }], changes: diffRuns(shuyang('A'), site) });
}

describe('site scorecard', () => {
  it('shows a <script> title as text and never as markup', async () => {
    const html = await scorecard();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;关于开展2025年度安全生产大检查的通知');
    expect(html).not.toContain('<script>alert(1)');
    // The only <script> element is the page's own.
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('does not link a javascript: URL', async () => {
    const html = await scorecard();
    expect(html).toContain(`<span class="url nolink">${JS_URL}</span>`);
    expect(html).not.toMatch(/href="javascript:/i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(10);
    for (const h of hrefs) expect(h, h).toMatch(/^(https?:\/\/|\.\.\/index\.html$)/);
  });

  it('strips bidi and zero-width characters from page text and flags it', async () => {
    const html = await scorecard();
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/);
    expect(html).toContain(BIDI_TITLE.replace(/[\u202E\u200B]/g, ''));
    expect(html).toContain('已去除隐藏字符');
  });

  it('carries a strict CSP whose hash matches the inline script', async () => {
    const html = await scorecard();
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toBeDefined();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'unsafe-inline'");
    expect(csp).toContain('img-src data:');
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = createHash('sha256').update(script, 'utf8').digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/src="http/i);
  });

  it('leads with the verdict and the veto that caused it, and carries both languages', async () => {
    const html = await scorecard();
    const verdictAt = html.indexOf('<div class="v">');
    expect(verdictAt).toBeGreaterThan(0);
    expect(html.slice(verdictAt, verdictAt + 200)).toContain('不合格');
    expect(html).toContain('栏目不更新（单项否决）');
    expect(html).toContain('Columns not updated (veto)');
    expect(html).toContain('data-lang-toggle');
    expect(html).toMatch(/<html lang="zh-CN">/);
  });

  it('lists deductions with caps, due-soon columns, manual review, evidence and sources', async () => {
    const html = await scorecard();
    expect(html).toContain('空白栏目（分值待核实）');
    expect(html).toMatch(/class="num over">4<\/td><td class="num">3<\/td>/);
    expect(html).toContain('「图片新闻」需在 2026-01-17 前更新');
    expect(html).toContain('「财政预决算」无法读取');
    expect(html).toContain('需人工核查');
    expect(html).toContain('动态、要闻类栏目超过2周未更新的');
    expect(html).toContain('26 天前');
    expect(html).toMatch(/<svg class="chart"[^>]*><title>栏目更新时间线/);
    expect(html).toMatch(/<svg class="chart"[^>]*><title>得分趋势/);
  });

  it('ignores packs that were not in force', async () => {
    expect(await scorecard()).not.toContain('不应出现在报告中的过期规则包结论');
  });

  it('renders a passing site with no history and no previous run', async () => {
    const { runB } = await seededStore();
    const html = renderSiteScorecard({ run: runB, site: siyang(), history: [] });
    expect(html).toContain('首次检查，暂无对比');
    expect(html).toContain('未触发否决项');
  });
});
