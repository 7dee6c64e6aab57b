import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoSite } from '../../crawler/cli/demo-command.ts';
import { runCrawl } from '../../crawler/crawl/run.ts';
import { startDemoPortal } from '../../crawler/demo/index.ts';
import { BrowserRenderer } from '../../crawler/render/browser.ts';
import { MemoryStore } from '../../crawler/store/memory-store.ts';
import { diffRuns } from '../../reports/changes.ts';
import { writeReports } from '../../reports/write.ts';

/** Two crawls of the demo portal, the second after it changed: the report says what changed. */

const TODAY = '2026-11-23';
const renderer = new BrowserRenderer();
afterAll(() => renderer.close());

describe('changes since the last run, end to end', () => {
  it('a column made stale and a dead link fixed are reported as such', { timeout: 150_000 }, async () => {
    const store = new MemoryStore();
    const baseline = await startDemoPortal({ port: 0, today: TODAY });
    const port = Number(new URL(baseline.url).port);
    const first = await runCrawl({ sites: [demoSite(baseline.url)], store, now: TODAY, renderer });
    await baseline.close();
    // Same address, so the second run's URLs are the same columns and links.
    const changed = await startDemoPortal({ port, today: TODAY, variant: 'changed' });
    const second = await runCrawl({ sites: [demoSite(changed.url)], store, now: TODAY, renderer });
    await changed.close();

    const previous = await store.getSite(first.id, 'qingshan-demo');
    const current = (await store.getSite(second.id, 'qingshan-demo'))!;
    const changes = diffRuns(previous, current);
    const notice = new URL('/tzgg/index.html', changed.url).href;
    const fixedLink = new URL('/zt/expired/', changed.url).href;

    expect(changes.previousRunId).toBe(first.id);
    expect(changes.newlyStale.map((c) => c.url)).toEqual([notice]);
    expect(changes.recovered).toEqual([]);
    expect(changes.newProblems.map((p) => p.ruleId)).toEqual(['notice-column-stale']);
    expect(changes.deadLinksFixed.map((l) => l.url)).toEqual([fixedLink]);
    expect(changes.deadLinksNew).toEqual([]);
    expect(changes.fixedProblems.map((p) => p.ruleId)).toEqual(['dead-link']);
    // Everything else planted is still open: the stale 部门动态, the undated 规划计划, the empty 人事信息, two dead links.
    expect(changes.stillOpen.length).toBeGreaterThanOrEqual(5);

    const out = mkdtempSync(join(tmpdir(), 'govaudit-report-'));
    const files = await writeReports({ store, runId: second.id, formats: ['html', 'json'], outDir: out });
    const html = readFileSync(files.find((f) => f.endsWith('qingshan-demo.html'))!, 'utf8');
    expect(html).toContain('通知公告');
    expect(html).toContain('/zt/expired/');
  });
});
