/**
 * Queue bench: sites per minute for a local crawl and for queue mode with 1, 2 and 4 worker processes, on one
 * machine, against generated portals on distinct loopback hosts at the sites-file default politeness (2 requests in
 * flight per host, 250 ms apart). Needs Debian's redis-server; the bench starts its own on a loopback port.
 *
 *   npm run bench:queue                       # 16 sites of 61 pages, workers 1 2 4
 *   npm run bench:queue -- --sites 8 --workers 1,2
 *
 * CPU is read from /proc for every govaudit process (coordinator whole, workers after their start-up; the portals run
 * in this process and are not counted). It is a measurement: it always exits 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedis } from '../tests/crawler/redis-server.ts';
import { machineHeader } from './accuracy.ts';
import { startGeneratedPortal, type GeneratedPortal } from './generated-portal.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const SITES = Number(arg('--sites', '16'));
const WORKERS = arg('--workers', '1,2,4').split(',').map(Number);
const SHAPE = { columns: 10, listPages: 1, perPage: 5, latencyMs: 20 };
const TICKS_PER_S = 100;

/** user+system CPU seconds of a live process, from /proc (Linux). */
function cpuSeconds(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
  } catch {
    return undefined;
  }
}

/** Follows a process's CPU until it exits (the last reading before exit is kept). */
function trackCpu(child: ChildProcess): () => number {
  let last = 0;
  const timer = setInterval(() => {
    const s = cpuSeconds(child.pid);
    if (s !== undefined) last = s;
  }, 100);
  child.once('exit', () => clearInterval(timer));
  return () => last;
}

function govaudit(argv: string[]): ChildProcess {
  return spawn(process.execPath, ['bin/govaudit.js', ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
}

interface Row {
  config: string;
  seconds: number;
  sitesPerMin: number;
  pages: number;
  cpuSeconds: number;
  cpuMsPerPage: number;
}

async function runOnce(config: string, sitesFile: string, data: string, queueUrl: string | undefined, workers: number, pagesPerSite: number): Promise<Row> {
  const workerProcs = Array.from({ length: workers }, () => govaudit(['worker', '--queue', queueUrl!, '--concurrency', '2']));
  const workerCpu = workerProcs.map(trackCpu);
  await new Promise((r) => setTimeout(r, workers ? 2500 : 0)); // let workers start and connect before the clock starts
  // A worker's start-up (loading the code, connecting) is paid once per process, not per site: leave it out.
  const idleCpu = workerProcs.map((w) => cpuSeconds(w.pid) ?? 0);
  const started = performance.now();
  const coordinator = govaudit(['crawl', sitesFile, '--data', data, '--today', '2026-01-15', '--format', 'json', '--quiet', ...(queueUrl ? ['--queue', queueUrl] : [])]);
  const coordinatorCpu = trackCpu(coordinator);
  let stderr = '';
  coordinator.stderr!.on('data', (d) => (stderr += String(d)));
  const code = await new Promise<number | null>((r) => coordinator.once('exit', r));
  const seconds = (performance.now() - started) / 1000;
  if (code !== null && code > 2) console.error(`  ${config}: crawl exited ${code}\n${stderr.slice(-2000)}`);
  await Promise.all(workerProcs.map((w) => new Promise((r) => (w.once('exit', r), w.kill('SIGTERM')))));
  const cpu = coordinatorCpu() + workerCpu.reduce((n, f, i) => n + f() - idleCpu[i]!, 0);
  const pages = SITES * pagesPerSite;
  return { config, seconds, sitesPerMin: (SITES / seconds) * 60, pages, cpuSeconds: cpu, cpuMsPerPage: (cpu * 1000) / pages };
}

async function main(): Promise<void> {
  console.log(`# govaudit queue bench\n\n${machineHeader()}`);
  console.log(`${SITES} generated portals of 61 pages each on distinct loopback hosts (127.0.0.2 …), 20 ms latency; sites-file default politeness (2 per host, 250 ms); maxLinks 30, 1 availability sample\n`);
  const redis = await startRedis();
  const portals: GeneratedPortal[] = [];
  for (let i = 0; i < SITES; i++) portals.push(await startGeneratedPortal(SHAPE, { host: `127.0.0.${i + 2}` }));
  const dir = mkdtempSync(join(tmpdir(), 'govaudit-queue-bench-'));
  const sitesFile = join(dir, 'sites.yaml');
  const entries = portals.map((p, i) => `  - { id: portal${i + 1}, name: 测试县${i + 1}, url: '${p.url}', kind: county, allowPrivate: true, render: never }`).join('\n');
  writeFileSync(sitesFile, `defaults:\n  packs: [national-2019]\n  limits: { maxLinks: 30, availabilitySamples: 1 }\nsites:\n${entries}\n`);
  const rows: Row[] = [];
  try {
    const pagesBefore = () => portals.reduce((n, p) => n + p.requests, 0);
    let before = pagesBefore();
    const local = await runOnce('local crawl (2 sites at once)', sitesFile, join(dir, 'local'), undefined, 0, 0);
    const perSite = (pagesBefore() - before) / SITES;
    rows.push({ ...local, pages: pagesBefore() - before, cpuMsPerPage: (local.cpuSeconds * 1000) / (pagesBefore() - before) });
    for (const n of WORKERS) {
      before = pagesBefore();
      const r = await runOnce(`queue, ${n} worker${n > 1 ? 's' : ''} × 2 sites`, sitesFile, join(dir, `queue-${n}`), redis.url, n, perSite);
      const pages = pagesBefore() - before;
      rows.push({ ...r, pages, cpuMsPerPage: (r.cpuSeconds * 1000) / pages });
    }
  } finally {
    await Promise.all(portals.map((p) => p.close()));
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('| configuration | wall s | sites / min | requests | CPU s (all govaudit processes) | CPU ms / request |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.config} | ${r.seconds.toFixed(1)} | ${r.sitesPerMin.toFixed(1)} | ${r.pages} | ${r.cpuSeconds.toFixed(1)} | ${r.cpuMsPerPage.toFixed(2)} |`);
  const best = rows.reduce((a, b) => (b.sitesPerMin > a.sitesPerMin ? b : a));
  const perSiteS = rows[rows.length - 1]!.seconds / (SITES / (WORKERS[WORKERS.length - 1]! * 2));
  console.log(`\nBest: ${best.config}, ${best.sitesPerMin.toFixed(1)} sites/min. With politeness the wall time of one site is set by its delay, not by CPU (≈${perSiteS.toFixed(0)} s here for ${Math.round(rows[0]!.pages / SITES)} requests), so throughput grows with sites in flight until the CPU is busy.`);
  const cpuMs = rows[rows.length - 1]!.cpuMsPerPage;
  const national = { sites: 14_000, pages: 400 };
  const cpuHours = (national.sites * national.pages * cpuMs) / 1000 / 3600;
  console.log(`\nOn paper, a national pass (${national.sites.toLocaleString()} sites × ${national.pages} pages = ${((national.sites * national.pages) / 1e6).toFixed(1)} M requests) at ${cpuMs.toFixed(2)} CPU ms per request (measured above, HTTP only, no rendering): ${cpuHours.toFixed(0)} CPU-hours, i.e. ${(cpuHours / 2).toFixed(0)} hours on one 2-core machine or ${(cpuHours / 2 / 8).toFixed(1)} hours on 8; each machine needs ≈${Math.ceil(2 / (cpuMs / 1000) / (national.pages / 120))} sites in flight to stay CPU-bound at the default politeness (a 400-page site takes ≈2 minutes).`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(0);
  },
);
