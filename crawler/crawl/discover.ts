import { matchColumn } from '../../rules/discover/match-columns.ts';
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

/**
 * Matches links to columns. One URL is one column (the surest match wins); one class may have many columns
 * (工作动态 and 部门动态 are both news columns, each judged on its own).
 */
export function matchLinks(links: PageLink[], classes: Record<string, ColumnClass>, allowed: (url: string) => boolean, foundOn: string): ColumnCandidate[] {
  const byUrl = new Map<string, ColumnCandidate>();
  for (const link of links) {
    if (link.region === 'footer' || !allowed(link.url)) continue;
    const m = matchColumn(link.text, link.url, classes);
    if (!m) continue;
    const url = withoutFragment(link.url);
    const key = columnIdentity(url);
    const prev = byUrl.get(key);
    if (prev && prev.strength >= m.strength) continue;
    byUrl.set(key, { classId: m.classId, name: link.text.trim() || classes[m.classId].name.zh, url, matchedBy: m.matchedBy, matchReason: `${m.reason}（见于 ${foundOn}）`, strength: m.strength });
  }
  return [...byUrl.values()];
}

/**
 * Merges candidates found on several pages, keyed by column identity: the first page to name a column keeps it
 * unless a later match is surer.
 */
export function mergeCandidates(into: Map<string, ColumnCandidate>, found: ColumnCandidate[]): ColumnCandidate[] {
  const added: ColumnCandidate[] = [];
  for (const c of found) {
    const key = columnIdentity(c.url);
    const prev = into.get(key);
    if (prev && prev.strength >= c.strength) continue;
    into.set(key, c);
    if (!prev) added.push(c);
  }
  return added;
}
