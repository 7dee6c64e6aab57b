import type { SiteSnapshot } from '../../rules/model/snapshot.ts';
import type { ColumnClass } from '../../rules/schema/pack.ts';
import { crawlSiteIsolated, type SiteCrawlStats } from '../crawl/site-crawler.ts';
import { Fetcher } from '../fetch/index.ts';
import type { BrowserRenderer } from '../render/browser.ts';
import { siteHosts } from '../snapshot/index.ts';
import type { SiteConfig } from '../sites/schema.ts';
import { MemoryStore } from '../store/memory-store.ts';

/**
 * One queued job = one site of one run. The coordinator keeps the packs and the store: a worker only crawls and
 * hands back the snapshot, so packs given as local files on the coordinator's machine work with remote workers,
 * and the run is written into the store exactly as a local crawl writes it.
 */
export interface SiteJobData {
  runId: string;
  site: SiteConfig;
  auditDate: string;
  /** Column classes of the run's packs (plain data), for discovery. */
  classes: Record<string, ColumnClass>;
  /** Column classes whose newest detail page a rule reads (as a local run keeps them). */
  detailClasses: string[];
  /** Whether the site's packs use the text checks (page text, attachments, 留言 lists). */
  textChecks: boolean;
}

export interface SiteJobResult {
  snapshot: SiteSnapshot;
  stats: SiteCrawlStats;
}

export interface SiteJobProgress {
  pages: number;
  errors: number;
}

/** A fetcher for this site alone: its own host allow-list, private-address rule and politeness. */
export function siteFetcher(site: SiteConfig): Fetcher {
  return new Fetcher({
    perHostConcurrency: site.limits.perHostConcurrency,
    defaultDelayMs: site.limits.delayMs,
    allowPrivate: site.allowPrivate,
    allowedHosts: siteHosts(site),
  });
}

/**
 * Crawls one site for a worker. The journal is in memory: a worker that dies loses it with the site, and the retry
 * starts that site again on whichever worker takes it.
 */
export async function crawlSiteJob(data: SiteJobData, o: { renderer?: BrowserRenderer; onProgress?: (p: SiteJobProgress) => void }): Promise<SiteJobResult> {
  const fetcher = siteFetcher(data.site);
  const journal = await new MemoryStore().journal(data.runId, data.site.id);
  const progress = { pages: 0, errors: 0 };
  try {
    // Isolated as in a local run: a site whose crawl throws is stored needs-review, not retried and dead-lettered.
    const { snapshot, stats } = await crawlSiteIsolated(data.site, {
      fetcher, renderer: o.renderer, journal, classes: data.classes, detailClasses: new Set(data.detailClasses), textChecks: data.textChecks,
      now: data.auditDate, capturedAt: new Date().toISOString(),
      onPage: (e) => {
        progress.pages++;
        if (!e.ok) progress.errors++;
        o.onProgress?.({ ...progress });
      },
    });
    return { snapshot, stats };
  } finally {
    await fetcher.close();
  }
}
