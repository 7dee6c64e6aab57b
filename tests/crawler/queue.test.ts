import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { redisInstalled, REDIS_BIN, startRedis, type TestRedis } from './redis-server.ts';
import { startSlowSite, type SlowSite } from './slow-site.ts';

/**
 * Queue mode against a real redis-server on loopback: three `govaudit worker` processes crawl six sites on six
 * distinct loopback hosts for one `govaudit crawl --queue` coordinator. Workers, the coordinator and Redis are killed
 * mid-run; every run must still finish with every site stored exactly once, or stop with a clear error.
 */

if (!redisInstalled) console.warn(`[skip] queue mode: ${REDIS_BIN} not found (apt-get install redis-server; .ci/run installs it)`);

const TODAY = '2026-11-20';
const SITE_COUNT = 6;
let sites: SlowSite[] = [];
let redis: TestRedis;
let dir: string;
let sitesFile: string;
let workers: ChildProcess[] = [];
const workerLogs: string[][] = [];

function govaudit(args: string[]): ChildProcess {
  return spawn('node', ['bin/govaudit.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

function startWorkers(n: number): void {
  for (let i = 0; i < n; i++) {
    const w = govaudit(['worker', '--queue', redis.url, '--concurrency', '1', '--lock-ms', '2000']);
    const log: string[] = [];
    w.stderr!.on('data', (d) => log.push(...String(d).split('\n').filter(Boolean)));
    workers.push(w);
    workerLogs.push(log);
  }
}

async function stopWorkers(): Promise<void> {
  await Promise.all(workers.map((w) => {
    if (w.exitCode !== null || w.signalCode) return Promise.resolve();
    const exited = new Promise((r) => w.once('exit', r));
    w.kill('SIGKILL');
    return exited;
  }));
  workers = [];
  workerLogs.length = 0;
}

async function runCoordinator(data: string, opts: { killAfterSitesDone?: number } = {}): Promise<{ code: number | null; stderr: string; killed: boolean }> {
  const child = govaudit(['crawl', sitesFile, '--queue', redis.url, '--data', data, '--today', '2026-11-23', '--format', 'json']);
  let stderr = '';
  let killed = false;
  child.stderr!.on('data', (d) => {
    stderr += String(d);
    const done = (stderr.match(/完成|done/g) ?? []).length;
    if (opts.killAfterSitesDone !== undefined && !killed && storedSites(data) >= opts.killAfterSitesDone) {
      killed = true;
      child.kill('SIGKILL');
    }
    void done;
  });
  child.stdout!.resume();
  const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  return { code, stderr, killed };
}

function storedSites(data: string): number {
  try {
    const { readdirSync } = require('node:fs') as typeof import('node:fs');
    const runs = join(data, 'runs');
    return readdirSync(runs).reduce((n, r) => n + readdirSync(join(runs, r, 'sites')).filter((f) => f.endsWith('.json')).length, 0);
  } catch {
    return 0;
  }
}

async function runsOf(data: string): Promise<{ id: string; status: string; siteIds: string[]; done: { siteId: string }[] }[]> {
  const child = govaudit(['runs', '--json', '--data', data]);
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  await new Promise((r) => child.once('exit', r));
  return JSON.parse(out);
}

describe.skipIf(!redisInstalled)('queue mode on a real Redis', () => {
  beforeAll(async () => {
    redis = await startRedis();
    sites = await Promise.all(Array.from({ length: SITE_COUNT }, (_, i) => startSlowSite({ delayMs: 30, today: TODAY, host: `127.0.0.${i + 2}` })));
    dir = mkdtempSync(join(tmpdir(), 'govaudit-queue-'));
    sitesFile = join(dir, 'sites.yaml');
    const entries = sites.map((s, i) => `  - { id: site${i + 1}, name: 第${i + 1}县, url: '${s.url}', kind: county, allowPrivate: true, render: never }`).join('\n');
    writeFileSync(sitesFile, `defaults:\n  packs: [national-2019]\n  limits: { delayMs: 0, perHostConcurrency: 1, maxLinks: 10, availabilitySamples: 1 }\nsites:\n${entries}\n`);
  }, 30_000);
  afterEach(stopWorkers);
  afterAll(async () => {
    await stopWorkers();
    await Promise.all(sites.map((s) => s.close()));
    await redis?.stop();
  });

  it('three workers, one SIGKILLed mid-site: that site is retried and the run has every site once', { timeout: 120_000 }, async () => {
    const data = join(dir, 'kill-worker');
    startWorkers(3);
    const coordinator = runCoordinator(data);
    // Kill the first worker once it has started a site and before that site is done.
    const deadline = Date.now() + 30_000;
    while (!workerLogs[0]!.some((l) => l.includes('开始 start')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const victimSite = workerLogs[0]!.find((l) => l.includes('开始 start'))?.match(/start (\S+)/)?.[1];
    expect(victimSite).toBeDefined();
    workers[0]!.kill('SIGKILL');
    const { code, stderr } = await coordinator;
    expect(stderr).not.toMatch(/Error:|✗/);
    expect([0, 1, 2]).toContain(code);
    const [run] = await runsOf(data);
    expect(run!.status).toBe('finished');
    expect(run!.done.map((d) => d.siteId).sort()).toEqual(sites.map((_, i) => `site${i + 1}`).sort());
    // The victim's site was taken again by a live worker.
    const retriedBy = workerLogs.slice(1).flat().filter((l) => l.includes(`start ${victimSite} `));
    expect(retriedBy.length).toBeGreaterThanOrEqual(1);
  });

  it('the coordinator SIGKILLed and started again picks the same run up and completes it', { timeout: 120_000 }, async () => {
    const data = join(dir, 'kill-coordinator');
    startWorkers(2);
    const first = await runCoordinator(data, { killAfterSitesDone: 2 });
    expect(first.killed).toBe(true);
    const [interrupted] = await runsOf(data);
    expect(interrupted!.status).toBe('running');
    const second = await runCoordinator(data);
    expect([0, 1, 2]).toContain(second.code);
    const runs = await runsOf(data);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.id).toBe(interrupted!.id);
    expect(runs[0]!.status).toBe('finished');
    expect(new Set(runs[0]!.done.map((d) => d.siteId)).size).toBe(SITE_COUNT);
    expect(runs[0]!.done).toHaveLength(SITE_COUNT);
  });

  it('Redis restarted mid-run (its data lost): the run completes with every site once', { timeout: 120_000 }, async () => {
    const data = join(dir, 'restart-redis');
    startWorkers(2);
    const coordinator = runCoordinator(data);
    const deadline = Date.now() + 30_000;
    while (storedSites(data) < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await redis.restart(300);
    const { code, stderr } = await coordinator;
    const runs = await runsOf(data);
    expect(runs).toHaveLength(1);
    if (code === 4) {
      // Allowed: a clear error and a run kept resumable, never a half-written one.
      expect(stderr).toMatch(/Redis/);
      expect(runs[0]!.status).toBe('interrupted');
    } else {
      expect(runs[0]!.status).toBe('finished');
      expect(runs[0]!.done.map((d) => d.siteId).sort()).toEqual(sites.map((_, i) => `site${i + 1}`).sort());
    }
  });
});
