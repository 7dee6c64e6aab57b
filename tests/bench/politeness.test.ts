import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortalProcess, type PortalProcess } from '../../bench/generated-portal.ts';
import { runCrawl } from '../../crawler/crawl/run.ts';
import { siteConfig } from '../../crawler/sites/load.ts';
import { siteEntry } from '../../crawler/sites/schema.ts';
import { MemoryStore } from '../../crawler/store/memory-store.ts';

/**
 * A whole crawl (runCrawl, as the CLI runs it) against a ~30-page generated portal with perHostConcurrency 1 and a
 * 200 ms crawl delay, checked from the server's side: requests never overlap and their starts are spaced. The
 * portal runs in its own process, so its clock is not held up by the crawler's work on a shared event loop.
 */

let portal: PortalProcess;

beforeAll(async () => {
  // 1 home + 3 columns × (1 list page + 9 details) = 31 pages; each answer takes 20 ms, so overlap would show.
  portal = await startPortalProcess({ columns: 3, listPages: 1, perPage: 9, latencyMs: 20 });
});
afterAll(() => portal?.close());

describe('politeness towards one host', () => {
  it('perHostConcurrency 1 and delayMs 200: no overlapping requests, starts at least ~190 ms apart', async () => {
    const site = siteConfig(
      siteEntry.parse({ id: 'polite', name: '长丰县人民政府', url: portal.url, kind: 'county', allowPrivate: true, render: 'never' }),
      { packs: ['national-2019'], limits: { perHostConcurrency: 1, delayMs: 200, availabilitySamples: 1, maxLinks: 40 } },
    );
    await runCrawl({ sites: [site], store: new MemoryStore(), now: '2026-01-15', siteConcurrency: 1 });

    const log = (await portal.log()).sort((a, b) => a.startedAt - b.startedAt);
    expect(log.length).toBeGreaterThanOrEqual(15); // robots.txt, home, columns, details, link checks
    expect(Math.max(...log.map((l) => l.inFlight))).toBe(1);
    const overlaps: string[] = [];
    const tooClose: string[] = [];
    for (let i = 1; i < log.length; i++) {
      const prev = log[i - 1]!;
      const cur = log[i]!;
      if (cur.startedAt < prev.endedAt) overlaps.push(`${cur.path} started ${(prev.endedAt - cur.startedAt).toFixed(1)} ms before ${prev.path} ended`);
      const gap = cur.startedAt - prev.startedAt;
      if (gap < 190) tooClose.push(`${prev.path} → ${cur.path}: ${gap.toFixed(1)} ms`);
    }
    expect(overlaps, overlaps.join('\n')).toEqual([]);
    expect(tooClose, tooClose.join('\n')).toEqual([]);
  }, 20_000);
});
