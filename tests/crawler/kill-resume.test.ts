import { spawn } from 'node:child_process';
import type { SpawnOptions } from 'node:child_process';
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
  site = await startSlowSite({ delayMs: 60, today: '2026-11-20' });
  dir = mkdtempSync(join(tmpdir(), 'govaudit-kill-'));
  sitesFile = join(dir, 'sites.yaml');
  writeFileSync(sitesFile, `defaults:\n  packs: [national-2019]\n  limits: { delayMs: 0, perHostConcurrency: 1, maxLinks: 20, availabilitySamples: 1 }\nsites:\n  - { id: slow, name: 慢速县, url: '${site.url}', kind: county, allowPrivate: true, render: never }\n`);
});
afterAll(() => site.close());

function journaledUrls(): Set<string> {
  const runs = join(dir, 'data', 'runs');
  const urls = new Set<string>();
  if (!existsSync(runs)) return urls;
  for (const r of readdirSync(runs)) {
    const f = join(runs, r, 'journal', 'slow.jsonl');
    if (!existsSync(f)) continue;
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      try {
        urls.add(new URL(JSON.parse(line).url).pathname);
      } catch {
        // a torn last line
      }
    }
  }
  return urls;
}

function journalLines(): number {
  const runs = join(dir, 'data', 'runs');
  if (!existsSync(runs)) return 0;
  return readdirSync(runs).reduce((n, r) => {
    const f = join(runs, r, 'journal', 'slow.jsonl');
    return n + (existsSync(f) ? readFileSync(f, 'utf8').split('\n').filter(Boolean).length : 0);
  }, 0);
}

describe('a crawl killed half way resumes with nothing lost', () => {
  it('SIGKILL at several points, then `crawl` again finishes the same run without refetching journaled pages', { timeout: 120_000 }, async () => {
    const args = ['bin/govaudit.js', 'crawl', sitesFile, '--data', join(dir, 'data'), '--quiet', '--today', '2026-11-23', '--format', 'json'];
    // Kill points spread over the crawl (journal sizes), varied per run so repeated CI runs hit different moments.
    const jitter = Math.floor(Math.random() * 3);
    for (const killAt of [2 + jitter, 9 + jitter, 16 + jitter]) {
      const child = spawn('node', args, { stdio: 'ignore' });
      const deadline = Date.now() + 20_000;
      while (journalLines() < killAt && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      // After every kill the store opens and holds exactly one unfinished run.
      const runs = JSON.parse((await runAsync(['bin/govaudit.js', 'runs', '--json', '--data', join(dir, 'data')], {})).stdout);
      expect(runs).toHaveLength(1);
      expect(runs[0].status).toBe('running');
    }
    expect(journalLines()).toBeGreaterThanOrEqual(16);
    const hitsBefore = new Map(site.hits);
    // A page in flight at the kill was asked for but never journaled: only journaled pages must not be fetched again.
    const journaled = journaledUrls();

    // Not spawnSync: the site is served from this process, which must keep answering.
    const resumed = await runAsync(args, { timeout: 60_000 });
    expect(resumed.status, resumed.stderr).toBeLessThanOrEqual(2);

    const runs = JSON.parse((await runAsync(['bin/govaudit.js', 'runs', '--json', '--data', join(dir, 'data')], {})).stdout);
    expect(runs).toHaveLength(1); // resumed, not a second run
    expect(runs[0].status).toBe('finished');
    expect(runs[0].done.map((d: { siteId: string }) => d.siteId)).toEqual(['slow']);
    // Column list pages fetched before the kills were read back from the journal, not fetched again.
    const refetched = [...hitsBefore.entries()].filter(([path, n]) => /^\/\w+\/$/.test(path) && journaled.has(path) && (site.hits.get(path) ?? 0) > n);
    expect(refetched).toEqual([]);
  });
});

function runAsync(args: string[], opts: SpawnOptions): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn('node', args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('exit', (status) => done({ status, stdout, stderr }));
  });
}
