import { setMaxListeners } from 'node:events';
import { extractHomeItems } from '../../rules/extract/home-items.ts';
import { extractLinks, extractMeta } from '../../rules/extract/nav-links.ts';
import { extractFooterText } from '../../rules/extract/footer.ts';
import type { AvailabilitySample, ColumnObservation, IsoDate, SiteSnapshot } from '../../rules/model/snapshot.ts';
import type { ColumnClass } from '../../rules/schema/pack.ts';
import type { Fetcher } from '../fetch/index.ts';
import { pageFromHtml } from '../page/from-html.ts';
import type { BrowserRenderer } from '../render/browser.ts';
import { siteGate } from '../render/request-gate.ts';
import type { RenderSession } from '../render/session.ts';
import { openSavedCopy, siteHosts, type SavedCopy } from '../snapshot/index.ts';
import type { SiteConfig } from '../sites/schema.ts';
import type { JournalEntry, PageJournal } from '../store/types.ts';
import { checkLinks, probeSoft404, type Answer } from './check-links.ts';
import { HUB_CLASSES, offSiteObservation, type ColumnCandidate, type PageLink } from './discover.ts';
import { discoverColumns } from './discover-pages.ts';
import { loadFollowingRedirects } from './follow-redirects.ts';
import { candidateBase, hubWithoutSubColumns } from './column-observation.ts';
import { failureReason, PageLoader, type PageFetcher } from './page-loader.ts';
import { readColumn } from './read-column.ts';
import type { AttachmentDownload } from '../attachments/index.ts';
import { UnreadableAttachment } from '../attachments/types.ts';
import { errorLine, isolatePage } from './isolate-page.ts';
import { maskDeep } from '../../rules/text/mask-deep.ts';
import { leakProneUrls, scanSiteText, type TextScanStats } from './text-scan.ts';

export interface SiteCrawlContext {
  /** Not used for a site with a `snapshot`: that site gets its own Fetcher reading the saved folder. */
  fetcher: Fetcher;
  renderer?: BrowserRenderer;
  journal: PageJournal;
  classes: Record<string, ColumnClass>;
  /** Column classes whose newest detail page's content a rule reads (see `detailColumnClasses`). */
  detailClasses?: ReadonlySet<string>;
  now: IsoDate;
  /** ISO timestamp of capture (the clock lives here, in the crawler, never in rules/). */
  capturedAt: string;
  onPage?: (e: JournalEntry) => void;
  /** How a fetched page becomes a tree; a test hands in one that throws, as a hostile page can make it. */
  parsePage?: typeof pageFromHtml;
  /** Run the text checks' reading (page text, attachments, 留言 lists, outgoing links); default true. */
  textChecks?: boolean;
}

export interface SiteCrawlStats {
  pages: number;
  errors: number;
  bytes: number;
  rendered: number;
  elapsedMs: number;
  /** The text checks' cost (page text, attachments, 留言 lists, outgoing links). */
  textScan?: TextScanStats;
}

/** Columns read at once within one site. */
const COLUMNS_AT_ONCE = 3;

/** `work` over `items`, `n` at a time; results in the items' order. */
async function inOrder<T, R>(items: T[], n: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, lane));
  return out;
}

function hostAllowed(site: SiteConfig): (url: string) => boolean {
  const hosts = new Set(siteHosts(site));
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

async function sampleAvailability(fetcher: PageFetcher, site: SiteConfig, first: JournalEntry): Promise<AvailabilitySample[]> {
  const samples: AvailabilitySample[] = [{ at: new Date().toISOString(), ok: first.ok, ms: first.elapsedMs, httpStatus: first.status || undefined, ...(first.ok ? {} : { reason: failureReason(first) }) }];
  for (let i = 1; i < site.limits.availabilitySamples; i++) {
    const r = await fetcher.fetch(site.url, { timeoutMs: site.limits.timeoutMs, retries: 0 });
    samples.push({ at: new Date().toISOString(), ok: r.ok && !r.error, ms: r.elapsedMs, httpStatus: r.status || undefined, ...(r.error ? { reason: r.error.kind } : !r.ok ? { reason: `HTTP ${r.status}` } : {}) });
  }
  return samples;
}

/** Attachment bytes from a saved copy's folder; one the copy lacks is listed as unreadable with that reason. */
function savedAttachment(saved: SavedCopy): AttachmentDownload {
  return async (url, _isAllowed, limits) => {
    const answer = await saved.folder.answer(new URL(url));
    if (answer.status !== 200) throw new UnreadableAttachment('保存的副本中没有该附件 / not in the saved copy');
    if (answer.body.byteLength > limits.maxBytes) throw new UnreadableAttachment(`文件过大 / too big (${answer.body.byteLength} bytes)`);
    return { bytes: answer.body };
  };
}

/** Every fetch of the site aborts once its time budget is spent. */
function boundFetcher(fetcher: Fetcher, signal: AbortSignal): PageFetcher {
  return { fetch: (url, o) => fetcher.fetch(url, { ...o, signal }) };
}

function siteInfo(site: SiteConfig): SiteSnapshot['site'] {
  return { id: site.id, name: site.name, homeUrl: site.url, ...(site.kind ? { kind: site.kind } : {}), ...(site.idCode ? { idCode: site.idCode } : {}), ...(site.parent ? { parent: site.parent } : {}) } as SiteSnapshot['site'];
}

/**
 * `crawlSite` with the site isolated: a crawl that throws gives a needs-review snapshot with the reason, so the run
 * (local or queued) goes on with the other sites instead of retrying or failing on this one.
 */
export async function crawlSiteIsolated(site: SiteConfig, ctx: SiteCrawlContext): Promise<{ snapshot: SiteSnapshot; stats: SiteCrawlStats; crashReason?: string }> {
  const started = performance.now();
  try {
    return await crawlSite(site, ctx);
  } catch (e) {
    const crashReason = `crawl-error: ${errorLine(e)}`;
    const snapshot: SiteSnapshot = {
      site: siteInfo(site), capturedAt: ctx.capturedAt,
      home: { url: site.url, status: 'needs-review', statusReason: crashReason, items: [] },
      columns: [], links: [], availability: [], discoveryComplete: false,
    };
    return { snapshot, stats: { pages: 0, errors: 1, bytes: 0, rendered: 0, elapsedMs: Math.round(performance.now() - started) }, crashReason };
  }
}

/**
 * Crawls one site into a snapshot: home page, column discovery, column lists, links, availability.
 * A site with `snapshot` is read from that saved folder (its own Fetcher and render gate serve the folder, and no
 * other host is reached). Every site has a wall-clock budget (`limits.siteBudgetMs`): past it, what was read is
 * kept, nothing more is loaded, and the snapshot says why it is incomplete (the verdict cannot be a pass).
 */
export async function crawlSite(site: SiteConfig, ctx: SiteCrawlContext): Promise<{ snapshot: SiteSnapshot; stats: SiteCrawlStats }> {
  const started = performance.now();
  const saved: SavedCopy | undefined = site.snapshot ? openSavedCopy(site) : undefined;
  const budgetMs = site.limits.siteBudgetMs;
  const budgetReason = `超过站点时间预算 ${Math.round(budgetMs / 1000)} 秒，仅保留已读取内容 / site time budget of ${Math.round(budgetMs / 1000)} s exceeded; what was read so far is kept`;
  const outOfTime = new AbortController();
  // Every fetch of the site listens on it; hundreds at once is normal.
  setMaxListeners(0, outOfTime.signal);
  const budgetTimer = setTimeout(() => outOfTime.abort(new Error(budgetReason)), budgetMs);
  const session = ctx.renderer?.session(siteGate({ hosts: siteHosts(site), allowPrivate: site.allowPrivate, folder: saved?.folder }));
  try {
    const result = await crawlWithin(site, { ...ctx, fetcher: saved?.fetcher ?? ctx.fetcher }, { session, signal: outOfTime.signal, deadline: started + budgetMs, budgetReason, started, saved });
    if (saved) result.snapshot.source = saved.source;
    return result;
  } finally {
    clearTimeout(budgetTimer);
    await session?.close();
    await saved?.fetcher.close();
  }
}

async function crawlWithin(site: SiteConfig, ctx: SiteCrawlContext, b: { session?: RenderSession; signal: AbortSignal; deadline: number; budgetReason: string; started: number; saved?: SavedCopy }): Promise<{ snapshot: SiteSnapshot; stats: SiteCrawlStats }> {
  const started = b.started;
  const fetcher = boundFetcher(ctx.fetcher, b.signal);
  const loader = new PageLoader(fetcher, ctx.journal, b.session, site.limits, ctx.onPage, { deadline: b.deadline, reason: b.budgetReason }, ctx.parsePage);
  const isAllowed = hostAllowed(site);
  const info = siteInfo(site);
  const stats = (): SiteCrawlStats => ({ pages: loader.pages, errors: loader.errors, bytes: loader.bytes, rendered: loader.rendered, elapsedMs: Math.round(performance.now() - started) });

  // The home page is handled in isolation: a page that throws (or stopped the process twice) is the site's
  // needs-review reason, never a crash of the run.
  const homeKey = `home ${site.url}`;
  const handledHome = await isolatePage(ctx.journal, homeKey, async () => {
    const landed = await loadFollowingRedirects(loader, site.url, isAllowed);
    if (!landed.ok) return { landed };
    const doc = landed.page.doc;
    return { landed, items: extractHomeItems(doc, { notAfter: ctx.now }), footerText: extractFooterText(doc), meta: extractMeta(doc) };
  });
  const landedHome = handledHome.ok ? handledHome.value.landed : undefined;
  const homeEntry = !landedHome ? ctx.journal.get(site.url) : landedHome.ok ? landedHome.page.entry : landedHome.entry;
  if (!handledHome.ok || !landedHome?.ok || !homeEntry?.ok) {
    const reason = !handledHome.ok ? handledHome.reason : homeEntry ? failureReason(homeEntry) : 'page limit reached';
    const availability = homeEntry ? await sampleAvailability(fetcher, site, homeEntry) : [];
    const status = handledHome.ok && homeEntry?.error?.kind === 'timeout' ? 'unreachable' : 'needs-review';
    return {
      snapshot: { site: info, capturedAt: ctx.capturedAt, ...(loader.budgetHit ? { incompleteReason: b.budgetReason } : {}), home: { url: homeEntry?.finalUrl ?? site.url, status, statusReason: reason, items: [] }, columns: [], links: [], availability, discoveryComplete: false },
      stats: stats(),
    };
  }
  const home = handledHome.value as Required<typeof handledHome.value>;
  const availability = await sampleAvailability(fetcher, site, homeEntry);
  const linksFrom = new Map<string, PageLink & { fromUrl: string }>();
  /** Pages whose links are noted already (discovery reads most column pages): not parsed again for them. */
  const linksNoted = new Set<string>();
  const noteLinks = (links: PageLink[], fromUrl: string) => {
    linksNoted.add(fromUrl);
    for (const l of links) if (isAllowed(l.url) && !linksFrom.has(l.url)) linksFrom.set(l.url, { ...l, fromUrl });
  };


  // Discovery: overrides first, then the home page's navigation, then landing, hub and column pages' menus.
  const discovered = await isolatePage(ctx.journal, `discovery ${site.url}`, () =>
    discoverColumns({ loader, home: landedHome.page, classes: ctx.classes, isAllowed, overrides: overrides(site, ctx.classes), now: ctx.now, onLinks: noteLinks }),
  );
  if (!discovered.ok) {
    return {
      snapshot: { site: info, capturedAt: ctx.capturedAt, home: { url: homeEntry.finalUrl, status: 'ok', items: home.items, footerText: home.footerText, meta: home.meta }, columns: [], links: [], availability, discoveryComplete: false, incompleteReason: `栏目发现失败 / column discovery failed: ${discovered.reason}` },
      stats: stats(),
    };
  }
  const discovery = discovered.value;
  const hubChildren = discovery.hubChildren;

  // Probed before the columns are read: a column link that lands on the "page not found" page is a dead column.
  const soft404 = await probeSoft404(fetcher, site.url, site.limits.timeoutMs);
  /** A column's first page only, for its items (a hub's own list, a sampled menu column). */
  const readFirstPage = (c: ColumnCandidate) => readColumn(c, loader, { now: ctx.now, maxListPages: 1, detailPagesPerColumn: 0, render: 'never', isAllowed, soft404 });
  // Columns are read a few at once (the Fetcher keeps each host polite; the renderer bounds pages in Chromium), and
  // taken in discovery order afterwards, so the snapshot does not depend on which answered first. Each is handled
  // in isolation: a column page that throws is that column's needs-review reason.
  const toRead = discovery.candidates;
  const subColumnsOf = (c: ColumnCandidate) => (HUB_CLASSES.has(c.classId) ? hubChildren.get(c.url) ?? 0 : 0);
  const observations = await inOrder(toRead, COLUMNS_AT_ONCE, async (c): Promise<ColumnObservation> => {
    if (c.offSite) return offSiteObservation(c);
    // A hub's content is its sub-columns; it is present, and not an empty list. A 信息公开 landing page often shows
    // a list of its newest items too: those are kept as its items (its page is already journaled by discovery).
    if (subColumnsOf(c) > 0) {
      const own = await isolatePage(ctx.journal, `column ${c.url}`, () => readFirstPage(c));
      const items = own.ok && own.value.status === 'ok' ? own.value.items : [];
      return { ...candidateBase(c), status: 'ok', items, itemCount: subColumnsOf(c), pagesRead: 1 };
    }
    const read = await isolatePage(ctx.journal, `column ${c.url}`, async () => {
      const obs = await readColumn(c, loader, { now: ctx.now, maxListPages: site.limits.maxListPages, detailPagesPerColumn: site.limits.detailPagesPerColumn, render: site.render, isAllowed, soft404, keepDetail: ctx.detailClasses?.has(c.classId) ?? false });
      const page = ctx.journal.get(c.url);
      if (page?.ok && !linksNoted.has(page.finalUrl)) noteLinks(extractLinks(loader.parse(page.text, page.finalUrl)), page.finalUrl);
      return HUB_CLASSES.has(c.classId) ? hubWithoutSubColumns(obs) : obs;
    });
    return read.ok ? read.value : { ...candidateBase(c), status: 'needs-review', statusReason: read.reason, items: [], itemCount: 0, pagesRead: 0 };
  });
  const columns: ColumnObservation[] = [...observations];

  const sampled = await inOrder(b.signal.aborted ? [] : discovery.sampled, COLUMNS_AT_ONCE, (c) =>
    isolatePage(ctx.journal, `column ${c.url}`, () => readFirstPage(c)),
  );
  // Only a definite answer counts: items, or a page that says it has none. A menu page that is not a list is no
  // required column, so it makes no review work.
  for (const read of sampled) if (read.ok && read.value.status === 'ok') columns.push({ ...read.value, sampled: true });

  const known = new Map<string, Answer>();
  for (const url of linksFrom.keys()) {
    const e = ctx.journal.get(url);
    if (e) known.set(url, e);
  }
  const links = b.signal.aborted ? [] : await checkLinks(fetcher, [...linksFrom.values()].slice(0, site.limits.maxLinks), { timeoutMs: site.limits.timeoutMs, soft404, known });

  // Discovery is judged before the text checks read more pages: their page budget must not make columns "not found".
  const discoveryComplete = !loader.limitHit && !loader.budgetHit && !b.signal.aborted && !discovery.budgetHit;
  let scanned: Awaited<ReturnType<typeof scanSiteText>> | undefined;
  if (ctx.textChecks !== false && !b.signal.aborted) {
    // 公示 pages the column checks did not open: where ID and phone numbers get published (counted against maxPages).
    for (const url of leakProneUrls(columns, isAllowed, new Set(loader.loaded))) await loader.load(url);
    const probe = (url: string) => fetcher.fetch(url, { timeoutMs: site.limits.timeoutMs, maxBytes: 64 * 1024 });
    // A saved copy's attachments are read from its folder: an audit of a copy makes no network request.
    const download: AttachmentDownload | undefined = b.saved ? savedAttachment(b.saved) : undefined;
    scanned = await scanSiteText({ pageUrls: [...new Set(loader.loaded)], journal: ctx.journal, columns, isAllowed, now: ctx.now, probe, allowPrivate: site.allowPrivate, ...(download ? { download } : {}) });
  }

  // Masked at the source: a number in an item title or link text never reaches the store, a report or a log.
  const snapshot: SiteSnapshot = maskDeep({
    site: info,
    capturedAt: ctx.capturedAt,
    home: {
      url: homeEntry.finalUrl,
      status: 'ok',
      items: home.items,
      footerText: home.footerText,
      meta: home.meta,
    },
    columns,
    links,
    availability,
    discoveryComplete,
    ...(loader.budgetHit || b.signal.aborted ? { incompleteReason: b.budgetReason } : {}),
    discoveryNotes: discovery.notes,
    discoveryPages: discovery.pages,
    ...scanned?.fields,
  });
  return { snapshot, stats: { ...stats(), ...(scanned ? { textScan: scanned.stats } : {}) } };
}
