/**
 * Speed bench: a generated county portal (bench/generated-portal.ts) served on 127.0.0.1, read by four
 * configurations over the same URL list, each in a fresh child process so its peak RSS is its own:
 *
 *   (c) raw fetch loop         fetch() + text(), the ceiling for this machine and server
 *   (a) govaudit HTTP          Fetcher + pageFromHtml + extractListItems + extractLinks (bulk mode: 8 per host,
 *                              no delay, robots off; crawlSite itself reads only the pages rules need)
 *   (d) Crawlee CheerioCrawler same URLs, same concurrency, in-memory storage, links + dated rows in requestHandler
 *   (b) govaudit + Chromium    BrowserRenderer on a sample of the URLs: one site session (one context, pages and
 *                              scripts reused, images/media/fonts blocked, DOM-quiet wait), RENDER_AT_ONCE pages at
 *                              once; per-1,000 figures are extrapolated; the browser's CPU is read from /proc
 *   (b0) Chromium before       the renderer it replaced (bench/legacy-renderer.ts: a context per page, everything
 *                              loaded, network idle), one page at a time as the crawler then did
 *
 * then (a) again over a 20,000-page portal with memory recorded at 1k, 5k and 20k pages, and the request rate a
 * polite configuration actually puts on one host (server-side). Prints markdown tables.
 *
 *   npm run bench:speed                      # 5,000 pages, 200 rendered
 *   npm run bench:speed -- --pages 2000 --render 50 --big 5000   # quicker
 *   npm run bench:speed -- --only links      # just the links-per-page table (bench/link-scaling.ts), seconds
 */
import { fork } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Fetcher } from '../crawler/fetch/index.ts';
import { crawlLimits } from '../crawler/sites/schema.ts';
import { findChromium } from '../crawler/render/browser.ts';
import { machineHeader } from './accuracy.ts';
import { pageCount, portalUrls, shapeFor, startGeneratedPortal, startPortalProcess, type PortalShape } from './generated-portal.ts';
import { measureLinkScaling, printLinkScaling } from './link-scaling.ts';
import type { Mode, WorkerJob, WorkerResult } from './speed-worker.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const PAGES = arg('pages', 5000);
const RENDER_SAMPLE = arg('render', 200);
const BIG = arg('big', 20000);
const CONCURRENCY = arg('concurrency', 8);
/** Pages the renderer draws at once (BrowserRenderer's default pagesAtOnce). */
const RENDER_AT_ONCE = arg('render-at-once', 3);
const TODAY = '2026-01-15';

function runWorker(job: WorkerJob, timeoutMs = 300_000): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = fork(join(HERE, 'speed-worker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('message', (m: { ok: boolean; result?: WorkerResult; error?: string }) => {
      clearTimeout(timer);
      if (m.ok) resolve(m.result!);
      else reject(new Error(m.error));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker ${job.mode} exited with ${code}${stderr ? `:\n${stderr.slice(-2000)}` : ''}`));
    });
    child.send(job);
  });
}

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);

const LABEL: Record<Mode, string> = {
  'raw-fetch': '(c) raw fetch + text() — ceiling',
  'govaudit-http': '(a) govaudit HTTP fetch + extract',
  'crawlee-cheerio': '(d) Crawlee CheerioCrawler',
  'govaudit-chromium': '(b) govaudit + Chromium render + extract',
  'chromium-before': '(b0) Chromium render + extract, renderer before 2026-11-26',
};

async function polite(shape: PortalShape, config: { perHostConcurrency: number; delayMs: number }, n: number) {
  // The portal runs in its own process: its clock must not wait on this process's event loop.
  const portal = await startPortalProcess(shape);
  const fetcher = new Fetcher({ perHostConcurrency: config.perHostConcurrency, defaultDelayMs: config.delayMs, allowPrivate: true, respectRobots: true });
  const urls = portalUrls(portal.url, shape).slice(0, n);
  await Promise.all(urls.map((u) => fetcher.fetch(u)));
  await fetcher.close();
  const log = await portal.log();
  await portal.close();
  const starts = log.map((l) => l.startedAt).sort((a, b) => a - b);
  let maxWindow = 0;
  for (let i = 0, j = 0; i < starts.length; i++) {
    while (starts[i]! - starts[j]! >= 1000) j++;
    maxWindow = Math.max(maxWindow, i - j + 1);
  }
  const gaps = starts.slice(1).map((s, i) => s - starts[i]!);
  const spanS = (starts[starts.length - 1]! - starts[0]!) / 1000;
  return {
    requests: starts.length, maxPerSecond: maxWindow, meanPerSecond: (starts.length - 1) / spanS,
    firstGapMs: gaps[0]!, minLaterGapMs: Math.min(...gaps.slice(1)), maxInFlight: Math.max(...log.map((l) => l.inFlight)),
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const shape = shapeFor(PAGES);
  console.log(`# govaudit speed bench\n\n${machineHeader()}\n`);
  if (process.argv.includes('--only') && process.argv[process.argv.indexOf('--only') + 1] === 'links') {
    printLinkScaling(measureLinkScaling());
    return;
  }
  console.log(`generated portal: ${pageCount(shape)} pages (${shape.columns} columns × ${shape.listPages} list pages × (1 + ${shape.perPage} details)), served from the parent process on 127.0.0.1; concurrency ${CONCURRENCY}; each configuration in a fresh child process; CPU = the child's user+system (the server's CPU is not counted)\n`);

  const portal = await startGeneratedPortal(shape);
  const results: WorkerResult[] = [];
  const job = (mode: Mode, extra: Partial<WorkerJob> = {}): WorkerJob => ({ mode, base: portal.url, shape, concurrency: CONCURRENCY, today: TODAY, ...extra });
  try {
    for (const mode of ['raw-fetch', 'govaudit-http', 'crawlee-cheerio'] as Mode[]) {
      process.stderr.write(`running ${mode} …\n`);
      try {
        results.push(await runWorker(job(mode)));
      } catch (e) {
        console.log(`${LABEL[mode]}: FAILED — ${(e as Error).message.split('\n').slice(0, 3).join(' ')}`);
      }
    }
    if (findChromium() && RENDER_SAMPLE > 0) {
      for (const [mode, concurrency] of [['chromium-before', 1], ['govaudit-chromium', RENDER_AT_ONCE]] as const) {
        process.stderr.write(`running ${mode} on ${RENDER_SAMPLE} pages …\n`);
        try {
          results.push(await runWorker(job(mode, { sample: RENDER_SAMPLE, concurrency }), 600_000));
        } catch (e) {
          console.log(`${LABEL[mode]}: FAILED — ${(e as Error).message.split('\n').slice(0, 3).join(' ')}`);
        }
      }
    } else console.log(RENDER_SAMPLE > 0 ? '(b) skipped: no Chromium found (set CHROME_BIN)\n' : '(b) skipped (--render 0)\n');
  } finally {
    await portal.close();
  }

  console.log('| configuration | pages | wall s | pages/s | CPU s / 1,000 pages | peak RSS MiB | errors | list items (dated) | links |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const per1k = (ms: number) => (ms / 1000 / r.pages) * 1000;
    let cpu = f2(per1k(r.cpuMs));
    let rss = f1(r.maxRssMiB);
    if (r.browser) {
      cpu = `${f2(per1k(r.cpuMs + r.browser.cpuMs))} (node ${f2(per1k(r.cpuMs))} + Chromium ${f2(per1k(r.browser.cpuMs))})`;
      rss = `${f1(r.maxRssMiB)} node + Chromium ${r.browser.peakPssMiB !== undefined ? `${f1(r.browser.peakPssMiB)} PSS` : `${f1(r.browser.peakRssMiB)} RSS sum`}`;
    }
    const label = r.browser ? `${LABEL[r.mode]} (sample ${r.pages}, ${r.mode === 'chromium-before' ? 'one at a time' : `${RENDER_AT_ONCE} at once`})` : LABEL[r.mode];
    console.log(`| ${label} | ${r.pages} | ${f1(r.wallMs / 1000)} | ${f1(r.pages / (r.wallMs / 1000))} | ${cpu} | ${rss} | ${r.errors} | ${r.mode === 'raw-fetch' ? '– (not parsed)' : `${r.items} (${r.datedItems})`} | ${r.mode === 'raw-fetch' ? '–' : r.links} |`);
  }
  const chromium = results.find((r) => r.mode === 'govaudit-chromium');
  if (chromium?.browser) {
    console.log(`\nChromium CPU: utime+stime+cutime+cstime of every descendant process of the worker, from /proc/<pid>/stat, read before the browser closed (${chromium.browser.processesSeen} processes seen). Memory: peak of the summed ${chromium.browser.peakPssMiB !== undefined ? 'PSS (smaps_rollup)' : 'VmRSS'} of those processes, sampled every 200 ms (summed RSS ${f1(chromium.browser.peakRssMiB)} MiB overcounts shared pages). Per-1,000 figures are extrapolated from the ${chromium.pages}-page sample; both renderers draw one page first, outside the measurement (browser launch excluded).`);
  }
  const renderRow = (r: WorkerResult | undefined) => (r?.browser ? { perS: r.pages / (r.wallMs / 1000), cpuPerPage: (r.cpuMs + r.browser.cpuMs) / 1000 / r.pages } : undefined);
  const rb = renderRow(results.find((r) => r.mode === 'chromium-before'));
  const ra = renderRow(chromium);
  if (rb && ra) {
    // The machine may be shared: wall-clock pages/s is what this run saw; CPU per page says what 2 idle cores could do.
    console.log('\n## Rendering before and after\n');
    console.log('| renderer | pages/s (wall, this run) | CPU s per page (node + Chromium) | pages/s 2 idle cores could render (2 / CPU per page) |');
    console.log('|---|---|---|---|');
    console.log(`| before: a context per page, everything loaded, network idle, one at a time | ${f2(rb.perS)} | ${f2(rb.cpuPerPage)} | ${f1(2 / rb.cpuPerPage)} (wait-bound: ≥ 0.5 s network idle per page) |`);
    console.log(`| after: one context per site, images/media/fonts blocked, scripts reused, DOM-quiet wait, ${RENDER_AT_ONCE} at once | ${f2(ra.perS)} | ${f2(ra.cpuPerPage)} | ${f1(2 / ra.cpuPerPage)} |`);
    console.log(`\nload average at the end: ${loadavg().map((l) => l.toFixed(1)).join(', ')} on ${cpus().length} cores`);
  }

  // (a) again, big: memory stays flat as pages go by.
  const bigShape = shapeFor(BIG);
  const big = await startGeneratedPortal(bigShape);
  process.stderr.write(`running govaudit-http over ${pageCount(bigShape)} pages for memory …\n`);
  try {
    const marks = [1000, 5000, 10000, 20000].filter((n) => n <= pageCount(bigShape));
    const r = await runWorker({ mode: 'govaudit-http', base: big.url, shape: bigShape, concurrency: CONCURRENCY, today: TODAY, checkpoints: marks }, 600_000);
    console.log(`\n## (a) memory over a ${pageCount(bigShape)}-page crawl (fresh process, ${f1(r.pages / (r.wallMs / 1000))} pages/s, ${f2((r.cpuMs / r.pages))} CPU s / 1,000 pages)\n`);
    console.log('| pages fetched + extracted | RSS MiB | heap used MiB | peak RSS so far MiB |');
    console.log('|---|---|---|---|');
    for (const m of r.checkpoints) console.log(`| ${m.pages} | ${f1(m.rssMiB)} | ${f1(m.heapUsedMiB)} | ${f1(m.maxRssMiB)} |`);
  } catch (e) {
    console.log(`memory run FAILED — ${(e as Error).message.split('\n')[0]}`);
  } finally {
    await big.close();
  }

  // Politeness: what one host sees from the crawler's own defaults.
  const defaults = crawlLimits.parse({});
  const small = { columns: 2, listPages: 1, perPage: 20 };
  console.log('\n## Politeness: requests one host receives (server-side, portal in its own process, 40 fetches fired at once, robots.txt on)\n');
  console.log('| configuration | requests | max req/s (any 1-s window) | mean req/s | first gap (robots.txt → first page) ms | min later gap ms | max in flight |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [label, cfg] of [
    [`sites-file defaults (perHostConcurrency ${defaults.perHostConcurrency}, delayMs ${defaults.delayMs})`, { perHostConcurrency: defaults.perHostConcurrency, delayMs: defaults.delayMs }],
    ['Fetcher defaults (perHostConcurrency 1, delay 500 ms)', { perHostConcurrency: 1, delayMs: 500 }],
  ] as const) {
    const p = await polite(small, cfg, 40);
    console.log(`| ${label} | ${p.requests} | ${p.maxPerSecond} | ${f2(p.meanPerSecond)} | ${f1(p.firstGapMs)} | ${f1(p.minLaterGapMs)} | ${p.maxInFlight} |`);
  }
  console.log('\nEach start waits the delay after the previous start and after the previous end, so even the first gap (whose request also loads the HTTP client and connects) is at least the delay as the server sees it.');
  printLinkScaling(measureLinkScaling());
  console.log(`\nbench wall time ${f1((performance.now() - started) / 1000)} s`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
