import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../../crawler/demo/index.ts';

/**
 * Soak: the scheduler crawling the demo portal back to back, bounded in runs and time, with the scheduler's
 * memory and open file handles read from /proc after the first run and at the end.
 */

let portal: DemoPortal;
let dir: string;

beforeAll(async () => {
  portal = await startDemoPortal({ port: 0, today: '2026-11-23' });
  dir = mkdtempSync(join(tmpdir(), 'govaudit-soak-'));
  writeFileSync(join(dir, 'sites.yaml'), `defaults:\n  packs: [national-2019, disclosure-regulation-2019]\n  limits: { delayMs: 0, perHostConcurrency: 4, availabilitySamples: 1 }\nsites:\n  - { id: demo, name: 青山县, url: '${portal.url}', kind: county, allowPrivate: true }\n`);
});
afterAll(() => portal.close());

function readProc(pid: number): { rssKb: number; fds: number } | undefined {
  try {
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    return { rssKb, fds: readdirSync(`/proc/${pid}/fd`).length };
  } catch {
    return undefined;
  }
}

describe('soak', () => {
  it.skipIf(!existsSync('/proc/self/fd'))('four scheduled crawls back to back: runs recorded, no handle leak, memory flat', { timeout: 150_000 }, async () => {
    const RUNS = 4;
    const child = spawn('node', ['bin/govaudit.js', 'schedule', join(dir, 'sites.yaml'), '--cron', '* * * * * *', '--max-runs', String(RUNS), '--data', join(dir, 'data'), '--quiet', '--format', 'json'], { stdio: ['ignore', 'ignore', 'pipe'] });
    const samples: { run: number; rssKb: number; fds: number }[] = [];
    let stderr = '';
    let runsSeen = 0;
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d;
      // "下次运行" is printed after each finished run while the scheduler waits for the next tick.
      const finished = (stderr.match(/下次运行 next run/g) ?? []).length - 1;
      if (finished > runsSeen) {
        runsSeen = finished;
        const p = readProc(child.pid!);
        if (p) samples.push({ run: finished, ...p });
      }
    });
    const status = await new Promise<number | null>((ok) => child.on('exit', ok));
    expect(status, stderr).toBe(0);

    const runs = readdirSync(join(dir, 'data', 'runs'));
    expect(runs.length).toBe(RUNS);
    for (const r of runs) expect(JSON.parse(readFileSync(join(dir, 'data', 'runs', r, 'run.json'), 'utf8')).status).toBe('finished');

    expect(samples.length).toBeGreaterThanOrEqual(2);
    const first = samples[0];
    const last = samples[samples.length - 1];
    console.log(`soak: after run ${first.run} rss ${first.rssKb} kB, fds ${first.fds}; after run ${last.run} rss ${last.rssKb} kB, fds ${last.fds}`);
    expect(last.fds).toBeLessThanOrEqual(first.fds + 3);
    expect(last.rssKb).toBeLessThan(first.rssKb * 1.5);
  });
});
