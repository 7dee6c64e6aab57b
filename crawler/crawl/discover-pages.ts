import { isArticleUrl, isPaginationUrl, normaliseLabel } from '../../rules/discover/match-columns.ts';
import { extractListItems } from '../../rules/extract/list-items.ts';
import { MAX_LINKS_PER_PAGE, readLinks, scriptWrittenLinks } from '../../rules/extract/nav-links.ts';
import { textOf } from '../../rules/extract/text.ts';
import { findFirst } from '../../rules/extract/tree.ts';
import type { DiscoveryNote, IsoDate } from '../../rules/model/snapshot.ts';
import type { PageDocument } from '../../rules/page/node.ts';
import type { ColumnClass } from '../../rules/schema/pack.ts';
import { columnIdentity, homeVariant, HUB_CLASSES, matchLinks, mergeCandidates, noteNearMisses, type ColumnCandidate, type PageLink } from './discover.ts';
import { loadFollowingRedirects, type LandedPage } from './follow-redirects.ts';
import type { PageLoader } from './page-loader.ts';

/**
 * Column discovery beyond the home page. Required columns often live under a 政务公开/信息公开 landing page, in the
 * side menu of another column, or in a 信息公开目录 tree; so the navigation of those pages is read too, breadth
 * first from the home page, within a depth and a page budget. Pages read here are journaled, so reading a
 * column's list afterwards costs no second request.
 */

/** Levels below the home page whose navigation is read: home → 信息公开 → 目录 → (columns, matched but not read). */
export const MAX_DISCOVERY_DEPTH = 2;
/** 专栏 and 目录 pages are hubs of further columns: their trees are read one level deeper. */
export const MAX_HUB_DEPTH = 3;
/** Pages read for their navigation, at most, per site (the home page not counted). */
export const MAX_DISCOVERY_PAGES = 60;
/**
 * Menu columns of no known class read to see that they are not empty, at most, per site: 空白栏目 (a veto from 5)
 * counts every column, and empty ones hide in department and township menus.
 */
export const MAX_SAMPLED_COLUMNS = 80;
/** Menu entries kept per page before the round-robin pick (a menu of hundreds of departments is not all queued). */
const SAMPLE_POOL_PER_PAGE = 80;
/** The class id sampled menu columns carry; no pack rule names it. */
export const SAMPLED_CLASS = 'menu-column';
/** Top-navigation links of the home page read as section landing pages even when they name no column class. */
const MAX_LANDINGS = 12;

export interface DiscoveryInput {
  loader: PageLoader;
  home: LandedPage;
  classes: Record<string, ColumnClass>;
  isAllowed: (url: string) => boolean;
  overrides: ColumnCandidate[];
  now: IsoDate;
  /** Every link seen on a page discovery read (for the dead-link check). */
  onLinks?: (links: PageLink[], fromUrl: string) => void;
}

export interface DiscoveryResult {
  candidates: ColumnCandidate[];
  /** Hub pages read, with the number of columns matched on each (zero: a hub with no sub-columns). */
  hubChildren: Map<string, number>;
  /** Pages whose navigation was read, in order, with how each was reached. */
  pages: string[];
  notes: DiscoveryNote[];
  /** True when the page budget stopped discovery before every page in reach was read. */
  budgetHit: boolean;
  /** Menu columns of no known class, in the order met, to be read only for emptiness. */
  sampled: ColumnCandidate[];
}

interface Visit {
  url: string;
  label: string;
  depth: number;
  hub: boolean;
}

/** Links of a fetched page: its elements and what its scripts write. */
function pageLinks(doc: PageDocument): { links: PageLink[]; truncated: boolean } {
  const read = readLinks(doc);
  return { links: [...read.links, ...scriptWrittenLinks(doc)], truncated: read.truncated };
}

/**
 * Document classes (指南, 制度) the page names itself as: the first part of its `<title>` or its first `<h1>` is a
 * synonym. A 信息公开 link may land on the 指南 itself; that one URL then satisfies both classes.
 */
function documentClassesNamedBy(doc: PageDocument, classes: Record<string, ColumnClass>, foundOn: string): ColumnCandidate[] {
  const title = findFirst(doc.root, (el) => el.tag === 'title');
  const h1 = findFirst(doc.root, (el) => el.tag === 'h1');
  const names = [title ? textOf(title).split(/[-_|—–·]/)[0] : '', h1 ? textOf(h1) : ''].map((t) => normaliseLabel(t ?? '')).filter(Boolean);
  const out: ColumnCandidate[] = [];
  for (const [classId, cls] of Object.entries(classes)) {
    if (!cls.document) continue;
    const name = names.find((n) => cls.synonyms.some((syn) => n === syn || (n.endsWith(syn) && syn.length >= 4)));
    if (name) out.push({ classId, name, url: doc.url, matchedBy: 'name', matchReason: `页面标题「${name}」即该类栏目（经由 ${foundOn} 进入）`, strength: 3 });
  }
  return out;
}

/** URLs of the page's own list rows: items, never columns (a headline 「公示」 is not the 公示 column). */
function listItemUrls(doc: PageDocument, now: IsoDate): Set<string> {
  return new Set(extractListItems(doc, { notAfter: now }).items.flatMap((i) => (i.url ? [i.url] : [])));
}

/** A same-site link that may be a section's landing page (a folder or index page, not an article or a pager). */
function landingLike(link: PageLink, allowed: (url: string) => boolean): boolean {
  if (link.region !== 'nav' || !allowed(link.url) || isArticleUrl(link.url) || isPaginationUrl(link.url)) return false;
  const path = new URL(link.url).pathname;
  return path !== '/' && /(\/|\/(index|default)\.[a-z]+)$/i.test(path);
}

/** The folder a page stands for (`/xxgk/zdly/hjbh/index.html` → `/xxgk/zdly/hjbh/`). */
function folderOf(url: string): string {
  const path = new URL(columnIdentity(url)).pathname;
  return path.endsWith('/') ? path : path.replace(/[^/]*$/, '');
}

/**
 * A column page that shows a list of its own, with links to sub-columns of the same class below its folder
 * (环境保护 → 空气环境信息, 水质环境信息): the list already gathers them; they are parts of this column, not columns
 * beside it. A hub without a list keeps its sub-columns.
 */
function withoutOwnParts(found: ColumnCandidate[], pageUrl: string, known: ColumnCandidate[]): ColumnCandidate[] {
  const pageId = columnIdentity(pageUrl);
  const own = new Set(known.filter((c) => columnIdentity(c.url) === pageId).map((c) => c.classId));
  if (own.size === 0) return found;
  const folder = folderOf(pageUrl);
  return found.filter((c) => !own.has(c.classId) || columnIdentity(c.url) === pageId || !new URL(c.url).pathname.startsWith(folder) || folder === '/');
}

export async function discoverColumns(input: DiscoveryInput): Promise<DiscoveryResult> {
  const { loader, home, classes, isAllowed, now } = input;
  const candidates = new Map<string, ColumnCandidate>();
  mergeCandidates(candidates, input.overrides);
  const homeIds = new Set([columnIdentity(home.entry.url), columnIdentity(home.entry.finalUrl), ...home.redirects.map((r) => columnIdentity(r.url))]);
  const seenLabels = new Map<string, string>();
  const considered = new Map<string, string[]>();
  const hubChildren = new Map<string, number>();
  const pages: string[] = [];
  const visited = new Set<string>(homeIds);
  const queue: Visit[] = [];
  let budgetHit = false;
  let pagesRead = 0;
  /** Per page read below the home page: its side-menu entries that lead to a section folder and name no class. */
  const menus: ColumnCandidate[][] = [];
  const pooled = new Set<string>();
  // A page's own list rows count here when they lead to a section folder: a 工作机构 page lists its departments.
  const sample = (links: PageLink[], label: string) => {
    const menu: ColumnCandidate[] = [];
    for (const l of links) {
      if (menu.length >= SAMPLE_POOL_PER_PAGE) break;
      const name = normaliseLabel(l.text);
      if (name.length < 2 || name.length > 16 || !landingLike(l, isAllowed)) continue;
      const id = columnIdentity(l.url);
      if (homeVariant(l.url, homeIds) || pooled.has(id)) continue;
      pooled.add(id);
      menu.push({ classId: SAMPLED_CLASS, name, url: l.url, matchedBy: 'name', matchReason: `「${label}」菜单中的栏目，仅检查是否为空白栏目 / a column in the menu of 「${label}」, read only to check it is not empty`, strength: 0 });
    }
    if (menu.length) menus.push(menu);
  };

  const enqueue = (v: Visit) => {
    const id = columnIdentity(v.url);
    if (visited.has(id) || v.depth > (v.hub ? MAX_HUB_DEPTH : MAX_DISCOVERY_DEPTH)) return;
    visited.add(id);
    queue.push(v);
  };

  const readPage = (doc: PageDocument, label: string, depth: number, isHub: boolean, pageUrl: string) => {
    const { links, truncated } = pageLinks(doc);
    if (truncated) pages.push(`（${doc.url} 的链接超过 ${MAX_LINKS_PER_PAGE} 条，只读了前 ${MAX_LINKS_PER_PAGE} 条 / only the first ${MAX_LINKS_PER_PAGE} links read）`);
    input.onLinks?.(links, doc.url);
    const skip = depth === 0 ? undefined : listItemUrls(doc, now);
    let found = matchLinks(links, classes, isAllowed, label, { home: homeIds, seenLabels, ...(skip ? { skip } : {}) });
    if (depth > 0) found.push(...documentClassesNamedBy({ ...doc, url: pageUrl }, classes, label));
    if (skip && skip.size > 0) found = withoutOwnParts(found, pageUrl, [...candidates.values()]);
    noteNearMisses(considered, links, classes, label);
    if (isHub) hubChildren.set(pageUrl, found.filter((c) => columnIdentity(c.url) !== columnIdentity(pageUrl)).length);
    for (const c of mergeCandidates(candidates, found)) if (!c.offSite) enqueue({ url: c.url, label: c.name, depth: depth + 1, hub: HUB_CLASSES.has(c.classId) });
    if (depth > 0) sample(links, label);
    if (depth === 0) {
      const landings = links.filter((l) => landingLike(l, isAllowed) && l.text.trim() !== '').slice(0, MAX_LANDINGS);
      for (const l of landings) enqueue({ url: l.url, label: l.text.trim(), depth: 1, hub: false });
    }
  };

  pages.push(`首页 ${home.entry.finalUrl}`);
  readPage(home.doc, '首页', 0, false, home.entry.finalUrl);
  for (const c of input.overrides) enqueue({ url: c.url, label: c.name, depth: 1, hub: HUB_CLASSES.has(c.classId) });
  // Hubs first at each depth: the 专栏 and its 目录 hold most required columns.
  for (let i = 0; i < queue.length; i++) {
    if (pagesRead >= MAX_DISCOVERY_PAGES) {
      budgetHit = true;
      break;
    }
    const rest = queue.slice(i).sort((a, b) => a.depth - b.depth || Number(b.hub) - Number(a.hub));
    queue.splice(i, rest.length, ...rest);
    const v = queue[i]!;
    pagesRead++;
    try {
      const landed = await loadFollowingRedirects(loader, v.url, isAllowed);
      if (!landed.ok) continue;
      const isHub = v.hub || [...candidates.values()].some((c) => HUB_CLASSES.has(c.classId) && columnIdentity(c.url) === columnIdentity(v.url));
      pages.push(`${v.label} ${landed.page.entry.finalUrl}`);
      readPage(landed.page.doc, v.label, v.depth, isHub, v.url);
    } catch (e) {
      // A page that cannot be handled loses only its own menu; the column it is (if any) says why when it is read.
      pages.push(`（${v.label} ${v.url} 无法处理 / could not be handled: ${String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 200)}）`);
    }
  }

  const found = new Set([...candidates.values()].map((c) => c.classId));
  const where = `读取了 ${pagesRead + 1} 个页面的导航（首页、信息公开等栏目页及其侧栏菜单，最深 ${MAX_HUB_DEPTH} 层） / navigation of ${pagesRead + 1} pages read`;
  const notes: DiscoveryNote[] = Object.keys(classes).filter((id) => !found.has(id)).map((classId) => {
    const near = considered.get(classId);
    return {
      classId,
      reason: `${where}；没有链接的名称或 URL 符合该类栏目${budgetHit ? '；页面预算用尽，未读完 / page budget reached' : ''} / no link's name or URL matched the class`,
      ...(near?.length ? { considered: near } : {}),
    };
  });
  const classified = new Set([...candidates.values()].map((c) => columnIdentity(c.url)));
  const unclassified = menus.map((m) => m.filter((c) => !classified.has(columnIdentity(c.url)) && !hubChildren.has(c.url)));
  // Round robin over the menus, so one long menu (信息公开目录) does not use up what the department menus need.
  const menuColumns: ColumnCandidate[] = [];
  for (let i = 0; menuColumns.length < MAX_SAMPLED_COLUMNS && unclassified.some((m) => i < m.length); i++) {
    for (const m of unclassified) if (i < m.length && menuColumns.length < MAX_SAMPLED_COLUMNS) menuColumns.push(m[i]!);
  }
  return { candidates: [...candidates.values()], hubChildren, pages, notes, budgetHit, sampled: menuColumns };
}
