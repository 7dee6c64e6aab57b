import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlowSite, type SlowSite } from './slow-site.ts';

/** A real child process crawling a slow site, killed with SIGKILL half way, then resumed. */

let site: SlowSite;
let dir: string;
let sitesFile: string;

beforeAll(async () => {
  site = await startSlowSite({ delayMs: 120, today: '2026-11-20' });
  dir = mkdtempSync(join(tmpdir(), 'govaudit-kill-'));
  sitesFile = join(dir, 'sites.yaml');
  writeFileSync(sitesFile, `defaults:\n  packs: [national-2019]\n  limits: { delayMs: 0, perHostConcurrency: 1, maxLinks: 20, availabilitySamples: 1 }\nsites:\n  - { id: slow, name: 慢速县, url: '${site.url}', kind: county, allowPrivate: true, render: never }\n`);
});
afterAll(() => site.close());

function journalLines(): number {
  const runs = join(dir, 'data', 'runs');
  if (!existsSync(runs)) return 0;
  return readdirSync(runs).reduce((n, r) => {
    const f = join(runs, r, 'journal', 'slow.jsonl');
    return n + (existsSync(f) ? readFileSync(f, 'utf8').split('\n').filter(Boolean).length : 0);
  }, 0);
}

describe('a crawl killed half way resumes with nothing lost', () => {
  it('SIGKILL mid-crawl, then `crawl` again finishes the same run without refetching journaled pages', async () => {
    const args = ['bin/govaudit.js', 'crawl', sitesFile, '--data', join(dir, 'data'), '--quiet', '--today', '2026-11-23', '--format', 'json'];
    const child = spawn('node', args, { stdio: 'ignore' });
    const deadline = Date.now() + 20_000;
    while (journalLines() < 6 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const journaled = journalLines();
    expect(journaled).toBeGreaterThanOrEqual(6);
    const hitsBefore = new Map(site.hits);

    const resumed = spawnSync('node', args, { encoding: 'utf8', timeout: 60_000 });
    expect(resumed.status, resumed.stderr).toBeLessThanOrEqual(2);

    const runs = JSON.parse(spawnSync('node', ['bin/govaudit.js', 'runs', '--json', '--data', join(dir, 'data')], { encoding: 'utf8' }).stdout);
    expect(runs).toHaveLength(1); // resumed, not a second run
    expect(runs[0].status).toBe('finished');
    expect(runs[0].done.map((d: { siteId: string }) => d.siteId)).toEqual(['slow']);
    // Column list pages fetched before the kill were read back from the journal, not fetched again.
    const refetched = [...hitsBefore.entries()].filter(([path, n]) => /^\/\w+\/$/.test(path) && (site.hits.get(path) ?? 0) > n);
    expect(refetched).toEqual([]);
  });
});
