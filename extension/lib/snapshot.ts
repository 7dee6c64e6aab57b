import { columnObservation, jsListUnread } from '../../crawler/crawl/column-observation.ts';
import { candidateKey, columnIdentity, HUB_CLASSES, matchLinks, mergeCandidates, withoutFragment, type ColumnCandidate } from '../../crawler/crawl/discover.ts';
import { extractHomeItems } from '../../rules/extract/home-items.ts';
import { extractListItems } from '../../rules/extract/list-items.ts';
import { extractLinks, extractMeta } from '../../rules/extract/nav-links.ts';
import { extractFooterText } from '../../rules/extract/footer.ts';
import type { ColumnObservation, HomeObservation, InteractionObservation, IsoDate, OutgoingLinkObservation, SiteInfo, SiteKind, SiteSnapshot, TextObservation } from '../../rules/model/snapshot.ts';
import { isMessageListColumn, observeMessageList } from '../../rules/text/message-list.ts';
import { observePageText } from '../../rules/text/page-text.ts';
import type { SiteResult } from '../../rules/model/finding.ts';
import type { PageDocument } from '../../rules/page/node.ts';
import type { ColumnClass } from '../../rules/schema/pack.ts';

/**
 * The extension's half of "same engine": pages seen in the browser (live DOM, or fetched and parsed) become the
 * same snapshot pieces the crawler builds, with the same pure functions (link matching, list extraction, home
 * items). Everything here is pure over PageDocuments and the stored session; the clock is passed in.
 */

export type { ColumnCandidate } from '../../crawler/crawl/discover.ts';

/** Where a column observation came from: the page as the browser drew it, or its HTML fetched in the background. */
export type ObservationSource = 'live' | 'fetched';

export interface ObservedColumn {
  observation: ColumnObservation;
  at: string;
  source: ObservationSource;
}

/** Where a candidate was found, for ordering like the crawler (site overrides, home page, then hub pages). */
export type CandidateOrigin = 'home' | 'hub';

export interface SessionCandidate extends ColumnCandidate {
  foundOn: CandidateOrigin;
}

/** What the extension has learnt about one site (one origin) so far; stored per origin. */
export interface SiteSession {
  version: 1;
  origin: string;
  homeUrl: string;
  /** The site's name from the home page (meta SiteName, else the title). */
  name?: string;
  home?: { observation: HomeObservation; at: string };
  candidates: SessionCandidate[];
  /** Hub pages read, with the number of columns matched on each. */
  hubs: Record<string, number>;
  /** Column observations by column URL. */
  columns: Record<string, ObservedColumn>;
  /** Text checks: each page's text (personal numbers masked here, before it is stored) and outgoing links, by URL. */
  texts?: Record<string, TextObservation>;
  outgoing?: Record<string, OutgoingLinkObservation[]>;
  /** 留言 lists read in the browser, by column URL. */
  interactions?: Record<string, InteractionObservation>;
  updatedAt: string;
}

export function emptySession(origin: string, homeUrl: string, at: string): SiteSession {
  return { version: 1, origin, homeUrl, candidates: [], hubs: {}, columns: {}, updatedAt: at };
}

export const NOT_VISITED_REASON = '尚未访问该栏目 / column not visited yet';
export const HOME_NOT_VISITED_REASON = '尚未访问首页 / home page not visited yet';
/** The crawler's words (read-column.ts) for the same case, so both give the same finding; the overlay adds the hint. */
export { JS_LIST_REASON } from '../../crawler/crawl/column-observation.ts';

/** Applies a crawler URL function, keeping a URL it cannot parse as it is (page hrefs can be anything). */
function orAsIs(f: (url: string) => string, url: string): string {
  try {
    return f(url);
  } catch {
    return url;
  }
}

/** URL without fragment; the key columns are stored under (as the crawler stores them). */
export function columnKey(url: string): string {
  return orAsIs(withoutFragment, url);
}

/** Two URLs naming the same column, by the crawler's own column identity (fragment ignored, `dir/` = `dir/index.html`). */
export function sameColumnUrl(a: string, b: string): boolean {
  return orAsIs(columnIdentity, a) === orAsIs(columnIdentity, b);
}

/** The site's home page: the configured home URL, or the origin's root (and its index file). */
export function isHomePage(url: string, homeUrl: string): boolean {
  if (sameColumnUrl(url, homeUrl)) return true;
  try {
    const u = new URL(url);
    return u.search === '' && (u.pathname === '/' || /^\/(index|default|main|home)\.(s?html?|jsp|php|aspx?)$/i.test(u.pathname));
  } catch {
    return false;
  }
}

/** Links the crawler would follow for this site: same host, http(s). */
export function sameSite(homeUrl: string): (url: string) => boolean {
  const host = new URL(homeUrl).host;
  return (url) => {
    try {
      const u = new URL(url);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.host === host;
    } catch {
      return false;
    }
  };
}

export interface ColumnPageOptions {
  now: IsoDate;
  /**
   * True when scripts have run (the live page): an empty list is then really empty. False for fetched HTML,
   * where a JavaScript-drawn list cannot be read, exactly as for the crawler without a browser.
   */
  rendered: boolean;
}

/**
 * One column list page → a column observation, as the crawler's `readColumn` builds it from the first list page
 * (pagination estimated from the page count, detail pages not read).
 */
export function observeColumnPage(c: ColumnCandidate, doc: PageDocument, o: ColumnPageOptions): ColumnObservation {
  const list = extractListItems(doc, { notAfter: o.now });
  if (list.jsRendered && list.items.length === 0 && !o.rendered) return jsListUnread(c);
  return columnObservation(c, doc, list, list.items, 1);
}

/** The home page → the snapshot's home observation (as the crawler builds it). */
export function observeHomePage(doc: PageDocument, now: IsoDate): HomeObservation {
  return { url: doc.url, status: 'ok', items: extractHomeItems(doc, { notAfter: now }), footerText: extractFooterText(doc), meta: extractMeta(doc) };
}

function siteNameOf(doc: PageDocument, meta: Record<string, string> | undefined): string | undefined {
  const fromMeta = Object.entries(meta ?? {}).find(([k]) => k.toLowerCase() === 'sitename')?.[1];
  if (fromMeta) return fromMeta;
  const title = findTitle(doc);
  return title ? title.split(/[-_|—–]/)[0]!.trim() || title : undefined;
}

function findTitle(doc: PageDocument): string | undefined {
  const stack = [doc.root];
  while (stack.length) {
    const el = stack.pop()!;
    if (el.tag === 'title') return el.children.map((c) => (c.type === 'text' ? c.text : '')).join('').trim() || undefined;
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!;
      if (c.type === 'element') stack.push(c);
    }
  }
  return undefined;
}

export interface ObserveContext {
  classes: Record<string, ColumnClass>;
  now: IsoDate;
  /** ISO timestamp of this observation. */
  at: string;
  source: ObservationSource;
  /** Column URLs set by hand for this site (class → URL), as the crawler's site-file `columns`. */
  overrides: ColumnCandidate[];
  /** The URL the page was asked for, when a redirect gave the document another one (prefetch). */
  requestedUrl?: string;
}

export interface PageRole {
  isHome: boolean;
  /** The column this page is the list of, when it is one. */
  column?: ColumnCandidate;
  isHub: boolean;
  /** Columns newly matched on this page (home or hub). */
  found: ColumnCandidate[];
}

/** Every known column of the session, in crawler order: overrides, then home-page matches, then hub matches. */
export function orderedCandidates(session: SiteSession, overrides: ColumnCandidate[]): ColumnCandidate[] {
  const map = new Map<string, ColumnCandidate>();
  mergeCandidates(map, overrides);
  mergeCandidates(map, session.candidates.filter((c) => c.foundOn === 'home'));
  mergeCandidates(map, session.candidates.filter((c) => c.foundOn === 'hub'));
  return [...map.values()];
}

/** The known column a URL is the list page of. */
export function columnForUrl(session: SiteSession, overrides: ColumnCandidate[], url: string): ColumnCandidate | undefined {
  return orderedCandidates(session, overrides).find((c) => sameColumnUrl(c.url, url));
}

/**
 * Folds one page into the session: the home page gives the home observation and the navigation's columns; a hub
 * page (信息公开专栏, 主动公开目录) gives further columns; a known column's list page gives its observation.
 * Returns a new session; the input is not changed.
 */
export function observePage(session: SiteSession, doc: PageDocument, ctx: ObserveContext): { session: SiteSession; role: PageRole } {
  const next: SiteSession = structuredClone(session);
  next.updatedAt = ctx.at;
  const pageUrl = ctx.requestedUrl ?? doc.url;
  const isHome = isHomePage(pageUrl, next.homeUrl);
  const allowed = sameSite(next.homeUrl);
  const role: PageRole = { isHome, isHub: false, found: [] };

  const mergeFound = (found: ColumnCandidate[], foundOn: CandidateOrigin) => {
    const map = new Map(next.candidates.map((c) => [candidateKey(c), c] as const));
    const added = mergeCandidates(map as Map<string, ColumnCandidate>, found);
    // mergeCandidates replaced surer matches in place; keep each candidate's first origin.
    next.candidates = [...map.values()].map((c) => ({ ...c, foundOn: (c as SessionCandidate).foundOn ?? foundOn }));
    role.found.push(...added);
  };

  if (isHome) {
    const home = observeHomePage(doc, ctx.now);
    next.home = { observation: home, at: ctx.at };
    next.name = siteNameOf(doc, home.meta) ?? next.name;
    mergeFound(matchLinks(extractLinks(doc), ctx.classes, allowed, '首页'), 'home');
  }

  observeTextFields(next, doc, pageUrl, allowed, ctx.now);

  const column = columnForUrl(next, ctx.overrides, pageUrl) ?? columnForUrl(next, ctx.overrides, doc.url);
  if (column && !isHome && isMessageListColumn(column.classId, column.name)) {
    (next.interactions ??= {})[column.url] = observeMessageList(doc, column.url, column.name);
  }
  if (column && !isHome) {
    role.column = column;
    if (HUB_CLASSES.has(column.classId)) {
      role.isHub = true;
      const found = matchLinks(extractLinks(doc), ctx.classes, allowed, column.name);
      next.hubs[column.url] = found.length;
      mergeFound(found, 'hub');
    } else {
      next.columns[column.url] = { observation: observeColumnPage(column, doc, { now: ctx.now, rendered: ctx.source === 'live' }), at: ctx.at, source: ctx.source };
    }
  }
  return { session: next, role };
}

const EXTENSION_MAX_TEXT_CHARS = 20_000;

/** The text checks' share of a page, as the crawler's text-scan reads it: masked text and links to other hosts. */
function observeTextFields(next: SiteSession, doc: PageDocument, pageUrl: string, allowed: (url: string) => boolean, now: IsoDate): void {
  // Kept shorter than the crawler's: the session lives in extension storage, one text per page browsed.
  (next.texts ??= {})[pageUrl] = observePageText(doc, pageUrl, now, EXTENSION_MAX_TEXT_CHARS);
  (next.outgoing ??= {})[pageUrl] = extractLinks(doc)
    .filter((l) => /^https?:/i.test(l.url) && !allowed(l.url))
    .map((l) => ({ url: l.url, text: l.text, fromUrl: pageUrl }));
}

/** Live text fields first, the imported crawl's for pages (and attachments) the browser has not read. */
function textFields(session: SiteSession, imported: SiteSnapshot | undefined): Pick<SiteSnapshot, 'texts' | 'attachments' | 'interactions' | 'outgoingLinks'> {
  const out: Pick<SiteSnapshot, 'texts' | 'attachments' | 'interactions' | 'outgoingLinks'> = {};
  if (session.texts || imported?.texts) {
    const live = Object.values(session.texts ?? {});
    const seen = new Set(live.map((t) => t.url));
    out.texts = [...live, ...(imported?.texts ?? []).filter((t) => t.source === 'attachment' || !seen.has(t.url))];
  }
  if (imported?.attachments) out.attachments = imported.attachments;
  if (session.interactions || imported?.interactions) {
    const live = session.interactions ?? {};
    out.interactions = [...Object.values(live), ...(imported?.interactions ?? []).filter((i) => !live[i.url])];
  }
  if (session.outgoing || imported?.outgoingLinks) {
    const byUrl = new Map<string, OutgoingLinkObservation>();
    for (const l of [...Object.values(session.outgoing ?? {}).flat(), ...(imported?.outgoingLinks ?? [])]) if (!byUrl.has(l.url)) byUrl.set(l.url, l);
    out.outgoingLinks = [...byUrl.values()];
  }
  return out;
}

/** True when two sessions hold the same observations (timestamps aside): re-reading an unchanged page is a no-op. */
export function sameObservations(a: SiteSession, b: SiteSession): boolean {
  const strip = (s: SiteSession) => JSON.stringify({
    ...s, updatedAt: '', home: s.home ? { ...s.home, at: '' } : undefined,
    columns: Object.fromEntries(Object.entries(s.columns).map(([k, v]) => [k, { ...v, at: '' }])),
  });
  return strip(a) === strip(b);
}

/** Hub pages found but not read yet; the crawler follows them, so the extension does too (or asks to). */
export function unreadHubs(session: SiteSession, overrides: ColumnCandidate[]): ColumnCandidate[] {
  return orderedCandidates(session, overrides).filter((c) => HUB_CLASSES.has(c.classId) && session.hubs[c.url] === undefined);
}

/** Columns not observed yet (hubs excluded), in order. */
export function unreadColumns(session: SiteSession, overrides: ColumnCandidate[]): ColumnCandidate[] {
  return orderedCandidates(session, overrides).filter((c) => !HUB_CLASSES.has(c.classId) && !session.columns[c.url]);
}

/** A crawler result to fall back on for what the browser has not seen (an imported run). */
export interface ImportedSite {
  runId: string;
  auditDate?: IsoDate;
  snapshot: SiteSnapshot;
  /** The crawl's own result, shown beside the live one. */
  result?: SiteResult;
  importedAt?: string;
}

export interface BuildContext {
  kind?: SiteKind;
  overrides: ColumnCandidate[];
  imported?: ImportedSite;
  capturedAt: string;
}

function notVisited(c: ColumnCandidate): ColumnObservation {
  return { classId: c.classId, name: c.name, url: c.url, matchedBy: c.matchedBy, matchReason: c.matchReason, status: 'needs-review', statusReason: NOT_VISITED_REASON, items: [], itemCount: 0, pagesRead: 0 };
}

const STRENGTH: Record<ColumnObservation['matchedBy'], number> = { override: 9, meta: 4, name: 3, slug: 1 };

/** True when the column observation is a placeholder for a column the browser has not read. */
export function isNotVisited(o: ColumnObservation): boolean {
  return o.status === 'needs-review' && o.statusReason === NOT_VISITED_REASON;
}

/**
 * The session (plus an imported crawl, if any) as a SiteSnapshot for the engine. A column read in the browser
 * wins over the crawl's reading of it; a column known but not read yet is `needs-review` ("not visited"), so it
 * is listed but never judged stale or empty on no evidence.
 */
export function buildSnapshot(session: SiteSession, ctx: BuildContext): SiteSnapshot {
  const imported = ctx.imported?.snapshot;
  const host = new URL(session.homeUrl).host;
  const site: SiteInfo = {
    ...(imported?.site ?? {}),
    id: imported?.site.id ?? host,
    name: imported?.site.name ?? session.name ?? host,
    homeUrl: imported?.site.homeUrl ?? session.homeUrl,
  };
  const kind = ctx.kind ?? imported?.site.kind;
  if (kind) site.kind = kind;
  else delete site.kind;

  const map = new Map<string, ColumnCandidate>();
  mergeCandidates(map, ctx.overrides);
  const importedColumns = new Map((imported?.columns ?? []).map((c) => [columnKey(c.url), c] as const));
  mergeCandidates(map, [...importedColumns.values()].map((c) => ({ classId: c.classId, name: c.name, url: columnKey(c.url), matchedBy: c.matchedBy, matchReason: c.matchReason, strength: STRENGTH[c.matchedBy] })));
  for (const c of orderedCandidates(session, [])) mergeCandidates(map, [c]);

  const columns: ColumnObservation[] = [];
  for (const c of map.values()) {
    const seen = session.columns[c.url]?.observation;
    if (seen) {
      columns.push({ ...seen, classId: c.classId, name: c.name, matchedBy: c.matchedBy, matchReason: c.matchReason });
      continue;
    }
    if (HUB_CLASSES.has(c.classId) && session.hubs[c.url] !== undefined) {
      columns.push({ classId: c.classId, name: c.name, url: c.url, matchedBy: c.matchedBy, matchReason: c.matchReason, status: 'ok', items: [], itemCount: session.hubs[c.url]!, pagesRead: 1 });
      continue;
    }
    const fromCrawl = importedColumns.get(c.url);
    columns.push(fromCrawl ? { ...fromCrawl, classId: c.classId, name: c.name, matchedBy: c.matchedBy, matchReason: c.matchReason } : notVisited(c));
  }

  const liveDiscoveryComplete = !!session.home && unreadHubs(session, ctx.overrides).length === 0;
  const home: HomeObservation = session.home?.observation ?? imported?.home ?? { url: session.homeUrl, status: 'needs-review', statusReason: HOME_NOT_VISITED_REASON, items: [] };
  return {
    site,
    capturedAt: ctx.capturedAt,
    home,
    columns,
    links: imported?.links ?? [],
    availability: imported?.availability ?? [],
    discoveryComplete: liveDiscoveryComplete || !!imported?.discoveryComplete,
    ...textFields(session, imported),
  };
}
