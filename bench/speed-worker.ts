/**
 * One speed measurement in a fresh process (forked by speed.ts with `--import tsx`), so peak RSS belongs to this
 * configuration alone. Receives a WorkerJob over IPC, answers a WorkerResult.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { portalUrls, type PortalShape } from './generated-portal.ts';

export type Mode = 'raw-fetch' | 'govaudit-http' | 'crawlee-cheerio' | 'govaudit-chromium' | 'chromium-before';

export interface WorkerJob {
  mode: Mode;
  base: string;
  shape: PortalShape;
  concurrency: number;
  /** Only every k-th URL, up to this many (Chromium sample). */
  sample?: number;
  /** Page counts at which memory is recorded. */
  checkpoints?: number[];
  today: string;
}

export interface Checkpoint {
  pages: number;
  rssMiB: number;
  heapUsedMiB: number;
  maxRssMiB: number;
}

export interface WorkerResult {
  mode: Mode;
  pages: number;
  errors: number;
  bytes: number;
  items: number;
  datedItems: number;
  links: number;
  wallMs: number;
  /** This process: user + system CPU. */
  cpuMs: number;
  maxRssMiB: number;
  checkpoints: Checkpoint[];
  /** Chromium processes (descendants of this one), read from /proc. */
  browser?: { cpuMs: number; peakRssMiB: number; peakPssMiB?: number; processesSeen: number; note?: string };
}

const MiB = 1024 * 1024;
const DATE = /(?<!\d)(20\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})/;

function memory(pages: number): Checkpoint {
  const m = process.memoryUsage();
  return { pages, rssMiB: m.rss / MiB, heapUsedMiB: m.heapUsed / MiB, maxRssMiB: process.resourceUsage().maxRSS / 1024 };
}

/** Runs `work` over `urls` with `concurrency` loops, recording memory at the checkpoints. */
async function pool(urls: string[], concurrency: number, checkpoints: number[], work: (url: string) => Promise<void>): Promise<Checkpoint[]> {
  let next = 0;
  let done = 0;
  const marks: Checkpoint[] = [];
  const wanted = new Set(checkpoints);
  const loop = async () => {
    while (next < urls.length) {
      const url = urls[next++]!;
      await work(url);
      done++;
      if (wanted.has(done)) marks.push(memory(done));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  if (!marks.some((m) => m.pages === done)) marks.push(memory(done));
  return marks;
}

// ---------------------------------------------------------------------------------------------------------------
// /proc accounting for Chromium.

const CLK_TCK = 100; // sysconf(_SC_CLK_TCK) is 100 on every Linux build Node ships for

interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime + cutime + cstime, in ms: a process's own CPU plus that of its reaped children. */
  cpuMs: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    return { pid, ppid: Number(f[1]), cpuMs: (ticks * 1000) / CLK_TCK };
  } catch {
    return undefined;
  }
}

function descendants(root: number): ProcStat[] {
  const all = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((d) => readStat(Number(d))).filter((s): s is ProcStat => !!s);
  const children = new Map<number, ProcStat[]>();
  for (const s of all) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const out: ProcStat[] = [];
  const visit = (pid: number) => {
    for (const c of children.get(pid) ?? []) {
      out.push(c);
      visit(c.pid);
    }
  };
  visit(root);
  return out;
}

function statusKiB(pid: number, field: RegExp): number {
  try {
    const m = field.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function pssKiB(pid: number): number | undefined {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------

async function run(job: WorkerJob): Promise<WorkerResult> {
  let urls = portalUrls(job.base, job.shape);
  if (job.sample && job.sample < urls.length) {
    const step = urls.length / job.sample;
    urls = Array.from({ length: job.sample }, (_, i) => urls[Math.floor(i * step)]!);
  }
  const counts = { pages: 0, errors: 0, bytes: 0, items: 0, datedItems: 0, links: 0 };
  const checkpoints = job.checkpoints ?? [];
  let browser: WorkerResult['browser'];
  let marks: Checkpoint[] = [];
  let cpu0 = process.cpuUsage();
  let t0 = performance.now();

  if (job.mode === 'raw-fetch') {
    marks = await pool(urls, job.concurrency, checkpoints, async (url) => {
      try {
        const res = await fetch(url);
        const text = await res.text();
        counts.pages++;
        counts.bytes += text.length;
        if (!res.ok) counts.errors++;
      } catch {
        counts.errors++;
      }
    });
  } else if (job.mode === 'govaudit-http') {
    const { Fetcher } = await import('../crawler/fetch/index.ts');
    const { pageFromHtml } = await import('../crawler/page/from-html.ts');
    const { extractListItems } = await import('../rules/extract/list-items.ts');
    const { extractLinks } = await import('../rules/extract/nav-links.ts');
    // Bulk mode: no delay, robots off, as many per host as the other configurations get.
    const fetcher = new Fetcher({ perHostConcurrency: job.concurrency, globalConcurrency: job.concurrency, defaultDelayMs: 0, allowPrivate: true, respectRobots: false, retries: 0 });
    marks = await pool(urls, job.concurrency, checkpoints, async (url) => {
      const r = await fetcher.fetch(url, { retries: 0 });
      counts.pages++;
      counts.bytes += r.bytes;
      if (!r.ok) {
        counts.errors++;
        return;
      }
      const doc = pageFromHtml(r.text, r.finalUrl);
      const list = extractListItems(doc, { notAfter: job.today });
      counts.items += list.items.length;
      counts.datedItems += list.items.filter((i) => i.date).length;
      counts.links += extractLinks(doc).length;
    });
    await fetcher.close();
  } else if (job.mode === 'crawlee-cheerio') {
    const storage = mkdtempSync(join(tmpdir(), 'govaudit-crawlee-'));
    process.env.CRAWLEE_STORAGE_DIR = storage;
    const { CheerioCrawler, Configuration, log, LogLevel } = await import('@crawlee/cheerio');
    log.setLevel(LogLevel.OFF);
    const config = new Configuration({ persistStorage: false, purgeOnStart: true, storageClientOptions: { localDataDirectory: storage } });
    const wanted = new Set(checkpoints);
    const crawler = new CheerioCrawler(
      {
        minConcurrency: job.concurrency,
        maxConcurrency: job.concurrency,
        maxRequestRetries: 0,
        requestHandlerTimeoutSecs: 30,
        // The same work as govaudit's extraction, done the Crawlee way: every link, and list rows with a date.
        requestHandler: async ({ $, request, body }) => {
          counts.pages++;
          counts.bytes += body.length;
          $('a[href]').each((_, a) => {
            const href = $(a).attr('href')!;
            if (/^(javascript:|mailto:|#)/.test(href)) return;
            try {
              new URL(href, request.loadedUrl ?? request.url);
              counts.links++;
            } catch {
              /* not a URL */
            }
          });
          let best = 0;
          let dated = 0;
          $('ul, table').each((_, list) => {
            const rows = $(list).children('li, tr, tbody > tr');
            let n = 0;
            let d = 0;
            rows.each((__, row) => {
              if ($(row).find('a[href]').length === 0) return;
              n++;
              if (DATE.test($(row).text())) d++;
            });
            if (d > dated || (d === dated && n > best)) [best, dated] = [n, d];
          });
          counts.items += best;
          counts.datedItems += dated;
          if (wanted.has(counts.pages)) marks.push(memory(counts.pages));
        },
        failedRequestHandler: async () => {
          counts.errors++;
        },
      },
      config,
    );
    await crawler.run(urls);
    marks.push(memory(counts.pages));
    rmSync(storage, { recursive: true, force: true });
  } else {
    const { BrowserRenderer } = await import('../crawler/render/browser.ts');
    const { siteGate } = await import('../crawler/render/request-gate.ts');
    const { LegacyRenderer } = await import('./legacy-renderer.ts');
    const { pageFromHtml } = await import('../crawler/page/from-html.ts');
    const { extractListItems } = await import('../rules/extract/list-items.ts');
    const { extractLinks } = await import('../rules/extract/nav-links.ts');
    // Before: the renderer as it was (a context per page, everything loaded, network idle), one page at a time as
    // the crawler then rendered. After: one site session, `concurrency` pages at once (the renderer's pagesAtOnce).
    const legacy = job.mode === 'chromium-before' ? new LegacyRenderer() : undefined;
    const renderer = legacy ? undefined : new BrowserRenderer({ pagesAtOnce: job.concurrency });
    const session = renderer?.session(siteGate({ hosts: [new URL(job.base).host], allowPrivate: true }));
    const render = (url: string) => (session ? session.render(url, 15000) : legacy!.render(url, 15000));
    let peakRss = 0;
    let peakPss: number | undefined;
    const seen = new Set<number>();
    const sampleMemory = () => {
      let rss = 0;
      let pss = 0;
      let pssOk = true;
      for (const p of descendants(process.pid)) {
        seen.add(p.pid);
        rss += statusKiB(p.pid, /^VmRSS:\s+(\d+) kB/m);
        const v = pssKiB(p.pid);
        if (v === undefined) pssOk = false;
        else pss += v;
      }
      peakRss = Math.max(peakRss, rss);
      if (pssOk) peakPss = Math.max(peakPss ?? 0, pss);
    };
    // Steady state: one page first, outside the measurement, so the browser's launch is not spread over the sample.
    await render(urls[0]!).catch(() => undefined);
    const browserCpu0 = descendants(process.pid).reduce((n, p) => n + p.cpuMs, 0);
    cpu0 = process.cpuUsage();
    t0 = performance.now();
    const timer = setInterval(sampleMemory, 200);
    marks = await pool(urls, job.concurrency, checkpoints, async (url) => {
      try {
        const r = await render(url);
        counts.pages++;
        counts.bytes += r.html.length;
        const doc = pageFromHtml(r.html, r.finalUrl);
        const list = extractListItems(doc, { notAfter: job.today });
        counts.items += list.items.length;
        counts.datedItems += list.items.filter((i) => i.date).length;
        counts.links += extractLinks(doc).length;
      } catch {
        counts.errors++;
      }
    });
    sampleMemory();
    clearInterval(timer);
    // Read before close: reaped renderer processes are counted in the browser process's cutime/cstime.
    const cpuMs = descendants(process.pid).reduce((n, p) => n + p.cpuMs, 0) - browserCpu0;
    await session?.close();
    await renderer?.close();
    await legacy?.close();
    browser = { cpuMs, peakRssMiB: peakRss / 1024, ...(peakPss !== undefined ? { peakPssMiB: peakPss / 1024 } : {}), processesSeen: seen.size };
  }

  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { mode: job.mode, ...counts, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMiB: process.resourceUsage().maxRSS / 1024, checkpoints: marks, ...(browser ? { browser } : {}) };
}

process.once('message', (job: WorkerJob) => {
  run(job).then(
    (result) => process.send!({ ok: true, result }, () => process.exit(0)),
    (e: Error) => process.send!({ ok: false, error: e.stack ?? String(e) }, () => process.exit(1)),
  );
});
