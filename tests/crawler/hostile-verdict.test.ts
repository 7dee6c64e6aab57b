import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../crawler/cli/crawl-commands.ts';
import { formatSiteSummary } from '../../crawler/cli/summary.ts';
import { runCrawl } from '../../crawler/crawl/run.ts';
import { siteConfig } from '../../crawler/sites/load.ts';
import { siteEntry, type SiteConfig } from '../../crawler/sites/schema.ts';
import { MemoryStore } from '../../crawler/store/memory-store.ts';
import type { StoredSite } from '../../crawler/store/types.ts';
import { csvCell } from '../../reports/csv.ts';
import { toJsonReport } from '../../reports/json.ts';
import { renderRunReport } from '../../reports/html/multi-site.ts';

/**
 * 合格 must mean something was checked and met: no pass (and no score) when no rule applied or the home page could
 * not be read; the default packs follow the audit date; page text never carries terminal controls into output.
 */

let server: Server;
let base = '';
const ESC_TITLE = '\u001b[2J\u001b[31m伪造\u0007标题\u202e';

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (path === '/robots.txt') {
      res.statusCode = 404;
      return res.end();
    }
    const list = `<ul class="list"><li><a href="/art/1.html">${ESC_TITLE}</a><span>2018-05-20</span></li><li><a href="/art/2.html">通报</a><span>2018-05-10</span></li></ul>`;
    if (path === '/') return res.end(`<html><head><meta charset="utf-8"><title>青山县</title></head><body><ul><li><a href="/tzgg/">通知公告</a></li></ul>${list}</body></html>`);
    if (path === '/tzgg/') return res.end(`<html><body><h1>通知公告</h1>${list}</body></html>`);
    res.statusCode = 404;
    res.end('<html><body>页面不存在</body></html>');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

function site(extra: Record<string, unknown> = {}, defaults: { packs?: string[] } = {}): SiteConfig {
  return siteConfig(siteEntry.parse({ id: 'qingshan', name: `青山县${ESC_TITLE}`, url: base, kind: 'county', render: 'never', allowPrivate: true, limits: { delayMs: 0, availabilitySamples: 1, maxLinks: 0 }, ...extra }), { ...defaults, limits: {} });
}

async function crawl(s: SiteConfig, now: string) {
  const store = new MemoryStore();
  const run = await runCrawl({ store, now, sites: [s] });
  return { run, stored: (await store.getSite(run.id, s.id))! };
}

describe('未检查 / not checked', () => {
  it('packs not in force on the audit date give 未检查 (exit 2) and no score, never 合格', { timeout: 30_000 }, async () => {
    const { run, stored } = await crawl(site({ packs: ['national-2019', 'disclosure-regulation-2019'] }), '1900-01-01');
    expect(stored.result.verdict).toBe('not-checked');
    expect(stored.result.packs.every((p) => p.verdict === 'not-checked' && !p.score)).toBe(true);
    expect(run.done[0]).toMatchObject({ verdict: 'not-checked' });
    expect(run.done[0]!.score).toBeUndefined();
    expect(exitCodeFor(run)).toBe(2);
    expect(formatSiteSummary(stored)).toContain('未检查');
  });

  it('a site whose home page cannot be read shows no score (no 100/100)', { timeout: 30_000 }, async () => {
    const s = siteConfig(siteEntry.parse({ id: 'gone', name: '乙县', url: 'http://127.0.0.1:9/', kind: 'county', render: 'never', allowPrivate: true, limits: { delayMs: 0, availabilitySamples: 1, timeoutMs: 2000 } }), { packs: ['national-2019'], limits: {} });
    const { run, stored } = await crawl(s, '2026-11-23');
    expect(stored.snapshot.home.status).not.toBe('ok');
    expect(stored.result.verdict).not.toBe('pass');
    expect(stored.result.packs.map((p) => p.score)).toEqual([undefined]);
    expect(run.done[0]!.score).toBeUndefined();
    expect(formatSiteSummary(stored)).not.toMatch(/100\/100/);
  });
});

describe('default packs follow the audit date', () => {
  it('before 2019-04-18 the 2015 普查 indicators, and the run says which and why', { timeout: 30_000 }, async () => {
    const { run, stored } = await crawl(site(), '2018-06-01');
    expect(run.packChoice).toMatchObject({ auditDate: '2018-06-01', packs: ['national-2015'] });
    expect(run.packChoice!.reason.zh).toContain('2018-06-01');
    expect(run.packChoice!.reason.en).toContain('national-2015 (2015-03-24 ~ 2019-04-17)');
    expect(stored.result.packs.map((p) => p.packId)).toEqual(['national-2015']);
    expect(stored.result.packs[0]!.inForce).toBe(true);
    // The reports say it too.
    expect(toJsonReport(run, [stored]).run.packChoice?.packs).toEqual(['national-2015']);
    expect(renderRunReport({ run, sites: [stored] })).toContain('2015-03-24 ~ 2019-04-17');
  });

  it('after it, the 2019 indicators, the 2019 regulation and the text checks', { timeout: 30_000 }, async () => {
    const { run } = await crawl(site(), '2026-11-23');
    expect(run.packChoice!.packs).toEqual(['national-2019', 'disclosure-regulation-2019', 'security-2019']);
  });

  it('packs named in the file are kept whatever the date, and no choice is recorded', { timeout: 30_000 }, async () => {
    const { run, stored } = await crawl(site({}, { packs: ['national-2019'] }), '2018-06-01');
    expect(run.packChoice).toBeUndefined();
    expect(stored.result.packs.map((p) => p.packId)).toEqual(['national-2019']);
    expect(stored.result.verdict).toBe('not-checked');
  });
});

describe('control characters from pages', () => {
  it('never reach the terminal summary of crawl and show', { timeout: 30_000 }, async () => {
    const { stored } = await crawl(site({ packs: ['national-2015'] }), '2018-06-01');
    const withTitle: StoredSite = structuredClone(stored);
    const f = withTitle.result.packs[0]!.findings[0]!;
    f.outcome = 'fail';
    f.message = { zh: `栏目 ${ESC_TITLE} 未更新`, en: `column ${ESC_TITLE} stale` };
    f.evidence = [{ url: `http://x/\u001b]8;;http://evil/\u0007`, title: ESC_TITLE }];
    for (const lang of ['zh', 'en'] as const) {
      const out = formatSiteSummary(withTitle, lang);
      expect(out).toContain('伪造');
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }
  });

  it('never reach a CSV cell', () => {
    expect(csvCell(`a\u001b[31mb\u0007c\u202ed`)).toBe('a[31mbcd');
  });
});
