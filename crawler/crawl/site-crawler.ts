import { extractHomeItems } from '../../rules/extract/home-items.ts';
import { extractLinks, extractMeta } from '../../rules/extract/nav-links.ts';
import { extractFooterText } from '../../rules/extract/footer.ts';
import type { AvailabilitySample, ColumnObservation, IsoDate, SiteSnapshot } from '../../rules/model/snapshot.ts';
import type { ColumnClass } from '../../rules/schema/pack.ts';
import type { Fetcher } from '../fetch/index.ts';
import { pageFromHtml } from '../page/from-html.ts';
import type { BrowserRenderer } from '../render/browser.ts';
import type { SiteConfig } from '../sites/schema.ts';
import type { JournalEntry, PageJournal } from '../store/types.ts';
import { checkLinks, probeSoft404, type Answer } from './check-links.ts';
import { HUB_CLASSES, matchLinks, mergeCandidates, type ColumnCandidate, type PageLink } from './discover.ts';
import { failureReason, PageLoader } from './page-loader.ts';
import { readColumn } from './read-column.ts';

export interface SiteCrawlContext {
  fetcher: Fetcher;
  renderer?: BrowserRenderer;
  journal: PageJournal;
  classes: Record<string, ColumnClass>;
  now: IsoDate;
  /** ISO timestamp of capture (the clock lives here, in the crawler, never in rules/). */
  capturedAt: string;
  onPage?: (e: JournalEntry) => void;
}

export interface SiteCrawlStats {
  pages: number;
  errors: number;
  bytes: number;
  rendered: number;
  elapsedMs: number;
}

/** Hub pages followed at most this deep below the home page (专栏 → 法定主动公开内容 → columns). */
const MAX_HUB_DEPTH = 2;

function hostAllowed(site: SiteConfig): (url: string) => boolean {
  const hosts = new Set([new URL(site.url).host, ...site.extraHosts]);
  const include = site.include.map((r) => new RegExp(r));
  const exclude = site.exclude.map((r) => new RegExp(r));
  return (url) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    if (!['http:', 'https:'].includes(u.protocol) || !hosts.has(u.host)) return false;
    if (exclude.some((r) => r.test(url))) return false;
    return include.length === 0 || include.some((r) => r.test(url)) || url === site.url;
  };
}

function overrides(site: SiteConfig, classes: Record<string, ColumnClass>): ColumnCandidate[] {
  return Object.entries(site.columns).map(([classId, o]) => ({
    classId, name: o.name ?? classes[classId]?.name.zh ?? classId, url: o.url, matchedBy: 'override' as const,
    matchReason: '站点配置指定 / set in the sites file', strength: 9, ...(o.selector ? { selector: o.selector } : {}),
  }));
}

async function sampleAvailability(fetcher: Fetcher, site: SiteConfig, first: JournalEntry): Promise<AvailabilitySample[]> {
  const samples: AvailabilitySample[] = [{ at: new Date().toISOString(), ok: first.ok, ms: first.elapsedMs, httpStatus: first.status || undefined, ...(first.ok ? {} : { reason: failureReason(first) }) }];
  for (let i = 1; i < site.limits.availabilitySamples; i++) {
    const r = await fetcher.fetch(site.url, { timeoutMs: site.limits.timeoutMs, retries: 0 });
    samples.push({ at: new Date().toISOString(), ok: r.ok && !r.error, ms: r.elapsedMs, httpStatus: r.status || undefined, ...(r.error ? { reason: r.error.kind } : !r.ok ? { reason: `HTTP ${r.status}` } : {}) });
  }
  return samples;
}

/** Crawls one site into a snapshot: home page, column discovery, column lists, links, availability. */
export async function crawlSite(site: SiteConfig, ctx: SiteCrawlContext): Promise<{ snapshot: SiteSnapshot; stats: SiteCrawlStats }> {
  const started = performance.now();
  const loader = new PageLoader(ctx.fetcher, ctx.journal, ctx.renderer, site.limits, ctx.onPage);
  const isAllowed = hostAllowed(site);
  const info = { id: site.id, name: site.name, homeUrl: site.url, ...(site.kind ? { kind: site.kind } : {}), ...(site.idCode ? { idCode: site.idCode } : {}), ...(site.parent ? { parent: site.parent } : {}) } as SiteSnapshot['site'];
  const stats = (): SiteCrawlStats => ({ pages: loader.pages, errors: loader.errors, bytes: loader.bytes, rendered: loader.rendered, elapsedMs: Math.round(performance.now() - started) });

  const homeEntry = await loader.load(site.url);
  if (!homeEntry?.ok) {
    const reason = homeEntry ? failureReason(homeEntry) : 'page limit reached';
    const availability = homeEntry ? await sampleAvailability(ctx.fetcher, site, homeEntry) : [];
    return {
      snapshot: { site: info, capturedAt: ctx.capturedAt, home: { url: site.url, status: homeEntry?.error?.kind === 'timeout' ? 'unreachable' : 'needs-review', statusReason: reason, items: [] }, columns: [], links: [], availability, discoveryComplete: false },
      stats: stats(),
    };
  }
  const availability = await sampleAvailability(ctx.fetcher, site, homeEntry);
  const homeDoc = pageFromHtml(homeEntry.text, homeEntry.finalUrl);
  const homeLinks: PageLink[] = extractLinks(homeDoc);
  const linksFrom = new Map<string, PageLink & { fromUrl: string }>();
  const noteLinks = (links: PageLink[], fromUrl: string) => {
    for (const l of links) if (isAllowed(l.url) && !linksFrom.has(l.url)) linksFrom.set(l.url, { ...l, fromUrl });
  };
  noteLinks(homeLinks, homeEntry.finalUrl);

  // Discovery: overrides first, then home navigation, then hub pages (专栏) breadth-first.
  const candidates = new Map<string, ColumnCandidate>();
  mergeCandidates(candidates, overrides(site, ctx.classes));
  let frontier = mergeCandidates(candidates, matchLinks(homeLinks, ctx.classes, isAllowed, '首页'));
  const hubChildren = new Map<string, number>();
  for (let depth = 0; depth < MAX_HUB_DEPTH; depth++) {
    const next: ColumnCandidate[] = [];
    for (const hub of frontier.filter((c) => HUB_CLASSES.has(c.classId))) {
      const page = await loader.load(hub.url);
      if (!page?.ok) continue;
      const links = extractLinks(pageFromHtml(page.text, page.finalUrl));
      noteLinks(links, page.finalUrl);
      const found = matchLinks(links, ctx.classes, isAllowed, hub.name);
      hubChildren.set(hub.url, found.length);
      next.push(...mergeCandidates(candidates, found));
    }
    frontier = next;
  }

  // Probed before the columns are read: a column link that lands on the "page not found" page is a dead column.
  const soft404 = await probeSoft404(ctx.fetcher, site.url, site.limits.timeoutMs);
  const columns: ColumnObservation[] = [];
  for (const c of candidates.values()) {
    if (HUB_CLASSES.has(c.classId) && hubChildren.has(c.url)) {
      // A hub's content is its sub-columns; it is present, and not an empty list.
      columns.push({ classId: c.classId, name: c.name, url: c.url, matchedBy: c.matchedBy, matchReason: c.matchReason, status: 'ok', items: [], itemCount: hubChildren.get(c.url)!, pagesRead: 1 });
      continue;
    }
    const obs = await readColumn(c, loader, { now: ctx.now, maxListPages: site.limits.maxListPages, detailPagesPerColumn: site.limits.detailPagesPerColumn, render: site.render, isAllowed, soft404 });
    columns.push(obs);
    const page = ctx.journal.get(c.url);
    if (page?.ok) noteLinks(extractLinks(pageFromHtml(page.text, page.finalUrl)), page.finalUrl);
  }

  const known = new Map<string, Answer>();
  for (const url of linksFrom.keys()) {
    const e = ctx.journal.get(url);
    if (e) known.set(url, e);
  }
  const links = await checkLinks(ctx.fetcher, [...linksFrom.values()].slice(0, site.limits.maxLinks), { timeoutMs: site.limits.timeoutMs, soft404, known });

  const snapshot: SiteSnapshot = {
    site: info,
    capturedAt: ctx.capturedAt,
    home: {
      url: homeEntry.finalUrl,
      status: 'ok',
      items: extractHomeItems(homeDoc, { notAfter: ctx.now }),
      footerText: extractFooterText(homeDoc),
      meta: extractMeta(homeDoc),
    },
    columns,
    links,
    availability,
    discoveryComplete: !loader.limitHit,
  };
  return { snapshot, stats: stats() };
}
