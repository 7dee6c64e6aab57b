import { matchColumnClasses, nearMisses, normaliseLabel } from '../../rules/discover/match-columns.ts';
import type { ColumnObservation } from '../../rules/model/snapshot.ts';
import type { ColumnClass } from '../../rules/schema/pack.ts';

/** Column discovery: navigation links matched to column classes, with the reason kept for evaluators. */

export interface PageLink {
  text: string;
  url: string;
  cssPath?: string;
  region?: string;
}

export interface ColumnCandidate {
  classId: string;
  name: string;
  url: string;
  matchedBy: ColumnObservation['matchedBy'];
  matchReason: string;
  strength: number;
  /** From a site override: the CSS selector of the list on the page. */
  selector?: string;
  /** A channel hosted on another site (a class with `offSite`): present, never crawled. */
  offSite?: boolean;
}

/** Classes whose pages are hubs of further columns (the 政府信息公开 专栏 and its 法定主动公开内容). */
export const HUB_CLASSES = new Set(['disclosure-column', 'disclosure-catalogue']);

export function withoutFragment(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

/**
 * One column, however it is linked: `/zwdt/` and `/zwdt/index.html` (the menu and a 更多 link) are the same page.
 * The extension matches the page it is on to a column by this too.
 */
export function columnIdentity(url: string): string {
  const u = new URL(withoutFragment(url));
  u.pathname = u.pathname.replace(/\/(index|default)\.(s?html?|jsp|aspx?|php)$/i, '/');
  return u.href;
}

/** The key candidates are stored under: one URL may be a column of several classes, each judged on its own. */
export function candidateKey(c: Pick<ColumnCandidate, 'classId' | 'url'>): string {
  return `${c.classId} ${columnIdentity(c.url)}`;
}

export interface MatchContext {
  /** Column identities of the home page: links to it (`index.html?link=ywdt`) are the home page, never a column. */
  home?: ReadonlySet<string>;
  /**
   * Labels already taken per class (`news 要闻动态`): the top navigation repeats on every sub-page, sometimes with
   * other URLs for the same entry; the first page that showed it (the home page, breadth first) keeps it.
   */
  seenLabels?: Map<string, string>;
  /** Links not to match (a list page's own rows are items, not columns). */
  skip?: ReadonlySet<string>;
}

/**
 * The home page under another URL. A static page ignores its query, so `index.html?link=ywdt` is the home page;
 * and a root-level static index page with a query (`/index7980.html?link=ywdt`, as saved copies rename them) is
 * the home template showing a tab, not a column.
 */
export function homeVariant(url: string, home: ReadonlySet<string> | undefined): boolean {
  if (!home) return false;
  const u = new URL(url);
  if (home.has(columnIdentity(url))) return true;
  if (!u.search || !/\.s?html?$/i.test(u.pathname)) return false;
  if (/^\/(index|default)\w*\.s?html?$/i.test(u.pathname)) return true;
  u.search = '';
  return home.has(columnIdentity(u.href));
}

/**
 * Matches links to columns. One URL may be a column of several classes (「政策文件及解读」); per class and URL the
 * surest match wins; one class may have many columns (工作动态 and 部门动态 are both news columns).
 */
export function matchLinks(links: PageLink[], classes: Record<string, ColumnClass>, allowed: (url: string) => boolean, foundOn: string, ctx: MatchContext = {}): ColumnCandidate[] {
  const byKey = new Map<string, ColumnCandidate>();
  for (const link of links) {
    if (link.region === 'footer') continue;
    const onSite = allowed(link.url);
    // Off the site only a class that may live elsewhere counts, and only by its name (a slug means nothing there).
    if (!onSite && !/^https?:/i.test(link.url)) continue;
    const matches = matchColumnClasses(link.text, link.url, classes).filter((m) => onSite || (classes[m.classId]!.offSite && m.matchedBy === 'name'));
    if (matches.length === 0) continue;
    const url = withoutFragment(link.url);
    const label = normaliseLabel(link.text);
    const isHome = homeVariant(url, ctx.home);
    for (const m of matches) {
      // A list row is an item, except a document its title names (「…政府信息公开指南」 listed under 年度报告).
      if (ctx.skip?.has(link.url) && !classes[m.classId]!.document) continue;
      if (isHome) continue;
      const labelKey = `${m.classId} ${label}`;
      if (label && m.matchedBy === 'name' && ctx.seenLabels) {
        const first = ctx.seenLabels.get(labelKey);
        if (first === undefined) ctx.seenLabels.set(labelKey, columnIdentity(url));
        else if (first !== columnIdentity(url)) continue;
      }
      const key = candidateKey({ classId: m.classId, url });
      const prev = byKey.get(key);
      if (prev && prev.strength >= m.strength) continue;
      const where = onSite ? `（见于 ${foundOn}）` : `（见于 ${foundOn}；设在其他网站 ${new URL(url).host} / hosted on another site）`;
      byKey.set(key, { classId: m.classId, name: link.text.trim() || classes[m.classId]!.name.zh, url, matchedBy: m.matchedBy, matchReason: `${m.reason}${where}`, strength: m.strength, ...(onSite ? {} : { offSite: true }) });
    }
  }
  // A URL named by a label is not also a column of another class by its slug alone.
  const named = new Set([...byKey.values()].filter((c) => c.matchedBy === 'name').map((c) => columnIdentity(c.url)));
  return [...byKey.values()].filter((c) => c.matchedBy !== 'slug' || !named.has(columnIdentity(c.url)));
}

/**
 * Merges candidates found on several pages, keyed by class and column identity: the first page to name a column
 * keeps it unless a later match is surer.
 */
export function mergeCandidates(into: Map<string, ColumnCandidate>, found: ColumnCandidate[]): ColumnCandidate[] {
  const added: ColumnCandidate[] = [];
  for (const c of found) {
    const key = candidateKey(c);
    const prev = into.get(key);
    if (prev && prev.strength >= c.strength) continue;
    into.set(key, c);
    if (!prev) added.push(c);
  }
  return added;
}

/**
 * A channel on another site is there, but nothing of it is read: its content (replies, dates) is for a person to
 * check, and it is never an empty column.
 */
export function offSiteObservation(c: ColumnCandidate): ColumnObservation {
  const host = new URL(c.url).host;
  return {
    classId: c.classId, name: c.name, url: c.url, matchedBy: c.matchedBy, matchReason: c.matchReason, status: 'needs-review',
    statusReason: `栏目设在其他网站 ${host}，未抓取，请人工查看 / hosted on another site (${host}), not crawled: check it by hand`,
    items: [], itemCount: 0, pagesRead: 0,
  };
}

/** Near misses of one page's links, per class: evidence for a class nothing matched. */
export function noteNearMisses(into: Map<string, string[]>, links: PageLink[], classes: Record<string, ColumnClass>, foundOn: string, cap = 5): void {
  for (const link of links) {
    if (link.region === 'footer') continue;
    for (const miss of nearMisses(link.text, link.url, classes)) {
      const list = into.get(miss.classId) ?? [];
      if (list.length >= cap) continue;
      const entry = `「${normaliseLabel(link.text)}」${link.url}（${foundOn}）：${miss.why}`;
      if (!list.includes(entry)) list.push(entry);
      into.set(miss.classId, list);
    }
  }
}
