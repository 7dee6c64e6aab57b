import PQueue from 'p-queue';
import type { SiteResult } from '../../rules/model/finding.ts';
import type { IsoDate } from '../../rules/model/snapshot.ts';
import { localDate } from '../../rules/dates/days.ts';
import { usesTextChecks } from '../../rules/checks/index.ts';
import { Fetcher, HostSchedule } from '../fetch/index.ts';
import { DEFAULTS } from '../fetch/defaults.ts';
import { BrowserRenderer } from '../render/browser.ts';
import type { SiteConfig } from '../sites/schema.ts';
import type { AuditStore, RunRecord } from '../store/types.ts';
import { evaluateSnapshot, summarise } from './summarise.ts';
import { crawlSiteIsolated, type SiteCrawlContext } from './site-crawler.ts';
import { openRun } from './open-run.ts';
import { siteHosts } from '../snapshot/index.ts';

export interface RunProgress {
  event: 'run-start' | 'site-start' | 'page' | 'site-done' | 'site-skipped' | 'run-done';
  runId: string;
  site?: string;
  sitesTotal: number;
  sitesDone: number;
  pages: number;
  errors: number;
  verdict?: SiteResult['verdict'];
  resumed?: boolean;
  /** Why a site's crawl ended early (it is stored as needs-review). */
  error?: string;
}

export interface RunOptions {
  sites: SiteConfig[];
  store: AuditStore;
  /** The audit date; defaults to today (local date). */
  now?: IsoDate;
  sitesFile?: string;
  /** Continue an unfinished run of the same sites file instead of starting a new one. */
  resume?: boolean;
  /** Sites crawled at once (each host stays polite on its own). */
  siteConcurrency?: number;
  onProgress?: (p: RunProgress) => void;
  renderer?: BrowserRenderer;
  /** How pages are parsed; tests hand in one that throws to show a crashing page is isolated. */
  parsePage?: SiteCrawlContext['parsePage'];
}



/**
 * One crawl run over many sites: appended to the store site by site, so a killed run resumes with the sites
 * already done kept and the pages already fetched read back from the journal.
 */
export async function runCrawl(o: RunOptions): Promise<RunRecord> {
  const now = o.now ?? localDate(new Date());
  const { run, resumed, packsBySite, classes, detailClasses } = await openRun({ sites: o.sites, store: o.store, now, sitesFile: o.sitesFile, resume: o.resume });
  const auditDate = run.auditDate;
  const done = new Set(run.done.map((d) => d.siteId));
  let pages = 0;
  let errors = 0;
  const progress = (p: Omit<RunProgress, 'runId' | 'sitesTotal' | 'pages' | 'errors'>) => o.onProgress?.({ runId: run.id, sitesTotal: o.sites.length, pages, errors, ...p });
  progress({ event: 'run-start', sitesDone: done.size, resumed });

  // One schedule for the whole run, so a host shared by two sites sees one polite crawler (the stricter of their
  // settings); each site gets its own Fetcher on it, so its guard (hosts, ports, private addresses) is its own.
  const schedule = new HostSchedule({ perHostConcurrency: DEFAULTS.perHostConcurrency, globalConcurrency: DEFAULTS.globalConcurrency, defaultDelayMs: DEFAULTS.defaultDelayMs });
  for (const site of o.sites) {
    for (const host of siteHosts(site)) schedule.limitHost(host, { perHostConcurrency: site.limits.perHostConcurrency, delayMs: site.limits.delayMs });
  }
  const renderer = o.renderer ?? new BrowserRenderer();
  const queue = new PQueue({ concurrency: o.siteConcurrency ?? 2 });
  const failures: string[] = [];
  try {
    for (const site of o.sites) {
      if (done.has(site.id)) {
        progress({ event: 'site-skipped', site: site.id, sitesDone: done.size });
        continue;
      }
      queue.add(() => crawlOne(site).catch((e: Error) => void failures.push(`${site.id}: ${e.message}`)));
    }
    await queue.onIdle();
    // Only a site whose result could not even be stored leaves the run resumable; a site that threw while being
    // crawled is stored as needs-review (crawlOne), so one bad site cannot hold every later run back.
    await o.store.finishRun(run.id, failures.length ? 'interrupted' : 'finished');
  } finally {
    await schedule.idle();
    if (!o.renderer) await renderer.close();
  }
  if (failures.length) throw new Error(`站点抓取出错，可用 --resume 继续 / site crawl failed, rerun with --resume:\n${failures.join('\n')}`);
  progress({ event: 'run-done', sitesDone: done.size });
  return (await o.store.getRun(run.id))!;

  async function crawlOne(site: SiteConfig): Promise<void> {
    progress({ event: 'site-start', site: site.id, sitesDone: done.size });
    const journal = await o.store.journal(run.id, site.id);
    const fetcher = new Fetcher({ allowedHosts: siteHosts(site), allowPrivate: site.allowPrivate }, { schedule });
    let crawled: Awaited<ReturnType<typeof crawlSiteIsolated>>;
    try {
      crawled = await crawlSiteIsolated(site, {
        fetcher, renderer, journal, classes, detailClasses, now: auditDate, capturedAt: new Date().toISOString(), ...(o.parsePage ? { parsePage: o.parsePage } : {}),
        textChecks: usesTextChecks(packsBySite.get(site.id)!),
        onPage: (e) => {
          pages++;
          if (!e.ok) errors++;
          progress({ event: 'page', site: site.id, sitesDone: done.size });
        },
      });
    } finally {
      await fetcher.close();
    }
    const { snapshot, stats, crashReason } = crawled;
    const result = evaluateSnapshot(packsBySite.get(site.id)!, snapshot, auditDate, site.ignoreValidity);
    await o.store.saveSite({ runId: run.id, snapshot, result, stats }, summarise(snapshot, result));
    done.add(site.id);
    progress({ event: 'site-done', site: site.id, sitesDone: done.size, verdict: result.verdict, ...(crashReason ? { error: crashReason } : {}) });
  }
}
