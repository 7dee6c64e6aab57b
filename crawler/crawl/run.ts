import PQueue from 'p-queue';
import type { SiteResult } from '../../rules/model/finding.ts';
import type { IsoDate } from '../../rules/model/snapshot.ts';
import { localDate } from '../../rules/dates/days.ts';
import { Fetcher } from '../fetch/index.ts';
import { readColumnLibrary, resolvePack } from '../packs.ts';
import { BrowserRenderer } from '../render/browser.ts';
import type { SiteConfig } from '../sites/schema.ts';
import type { LoadedPack } from '../../rules/schema/pack.ts';
import type { AuditStore, RunRecord } from '../store/types.ts';
import { evaluateSnapshot, summarise } from './summarise.ts';
import { crawlSite } from './site-crawler.ts';

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
}

/** The checks that read page text, attachments, 留言 lists or outgoing links: without them a crawl skips that reading. */
const TEXT_CHECKS = new Set(['personal-info-exposed', 'attachment-unreadable', 'wording-suspect', 'interaction-unanswered', 'outgoing-link-suspect']);

export function usesTextChecks(packs: LoadedPack[]): boolean {
  return packs.some((p) => p.rules.some((r) => TEXT_CHECKS.has(r.check)));
}

export function newRunId(): string {
  const t = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${t}-${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * One crawl run over many sites: appended to the store site by site, so a killed run resumes with the sites
 * already done kept and the pages already fetched read back from the journal.
 */
export async function runCrawl(o: RunOptions): Promise<RunRecord> {
  const now = o.now ?? localDate(new Date());
  const library = readColumnLibrary();
  // Packs are resolved before anything is written: a bad pack stops the run with nothing stored.
  const packsBySite = new Map(o.sites.map((s) => [s.id, s.packs.map((p) => resolvePack(p, library))]));
  const classes = { ...library.columns, ...Object.assign({}, ...[...packsBySite.values()].flat().map((p) => p.columns)) };

  const previous = o.resume ? await o.store.findResumable(o.sitesFile) : undefined;
  const run = previous ?? (await o.store.createRun({ id: newRunId(), startedAt: new Date().toISOString(), auditDate: now, sitesFile: o.sitesFile, siteIds: o.sites.map((s) => s.id) }));
  const auditDate = run.auditDate;
  const done = new Set(run.done.map((d) => d.siteId));
  let pages = 0;
  let errors = 0;
  const progress = (p: Omit<RunProgress, 'runId' | 'sitesTotal' | 'pages' | 'errors'>) => o.onProgress?.({ runId: run.id, sitesTotal: o.sites.length, pages, errors, ...p });
  progress({ event: 'run-start', sitesDone: done.size, resumed: !!previous });

  const allowPrivate = o.sites.some((s) => s.allowPrivate);
  const fetcher = new Fetcher({
    perHostConcurrency: Math.max(...o.sites.map((s) => s.limits.perHostConcurrency)),
    defaultDelayMs: Math.min(...o.sites.map((s) => s.limits.delayMs)),
    allowPrivate,
    allowedHosts: o.sites.flatMap((s) => [new URL(s.url).host, ...s.extraHosts].map((h) => h.replace(/:\d+$/, ''))),
  });
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
    // A site that crashed leaves the run resumable rather than finished with a hole in it.
    await o.store.finishRun(run.id, failures.length ? 'interrupted' : 'finished');
  } finally {
    await fetcher.close();
    if (!o.renderer) await renderer.close();
  }
  if (failures.length) throw new Error(`站点抓取出错，可用 --resume 继续 / site crawl failed, rerun with --resume:\n${failures.join('\n')}`);
  progress({ event: 'run-done', sitesDone: done.size });
  return (await o.store.getRun(run.id))!;

  async function crawlOne(site: SiteConfig): Promise<void> {
    progress({ event: 'site-start', site: site.id, sitesDone: done.size });
    const journal = await o.store.journal(run.id, site.id);
    const { snapshot, stats } = await crawlSite(site, {
      fetcher, renderer, journal, classes, now: auditDate, capturedAt: new Date().toISOString(),
      textChecks: usesTextChecks(packsBySite.get(site.id)!),
      onPage: (e) => {
        pages++;
        if (!e.ok) errors++;
        progress({ event: 'page', site: site.id, sitesDone: done.size });
      },
    });
    const result = evaluateSnapshot(packsBySite.get(site.id)!, snapshot, auditDate, site.ignoreValidity);
    await o.store.saveSite({ runId: run.id, snapshot, result, stats }, summarise(snapshot, result));
    done.add(site.id);
    progress({ event: 'site-done', site: site.id, sitesDone: done.size, verdict: result.verdict });
  }
}
