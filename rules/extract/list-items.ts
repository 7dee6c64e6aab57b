import type { ItemObservation } from '../model/snapshot.ts';
import type { PageDocument, PageElement } from '../page/node.ts';
import { cssPath } from './css-path.ts';
import { looksJsRendered } from './js-rendered.ts';
import { findListCandidates, type ExtractContext, type ListCandidate } from './list-candidates.ts';
import { hanwebPagination, linkPagination, trsPagination, type Pagination } from './pagination.ts';
import { isHidden } from './regions.ts';
import { elementChildren, type PageIndex } from './tree.ts';
import { shortTextOf } from './text.ts';

export type { ExtractContext } from './list-candidates.ts';
export type { Pagination } from './pagination.ts';

export interface ListExtraction {
  /** The column's items in page order (all panes of a tab group, in pane order). */
  items: ItemObservation[];
  listCssPath?: string;
  pagination?: Pagination;
  format: 'li' | 'table' | 'hanweb' | 'script' | 'none';
  /** True when no list was found but an empty container and a script suggest JavaScript draws it. */
  jsRendered?: boolean;
}

/** Below this a container is a stray link or two, not the column's list. */
const MIN_LIST_SCORE = 0.6;
/** How far up from the list to look for tab panes (`div.pane > ul`, `div.pane > div.inner > ul`). */
const PANE_LEVELS = 3;
/** Class words of tab panes and switchable boxes (`qh` is 切换). */
const TAB_CLASS = /tab|pane|switch|qh|slide|panel/;

/**
 * The main list of a column page: the container with the most link+date rows, sidebars, headers, footers and
 * 热点 blocks weighed down. A Hanweb datastore, when present and not a sidebar, is the list (it holds more than
 * the page draws). Hidden tab panes next to the chosen list are read too: their items belong to the column.
 */
export function extractListItems(doc: PageDocument, ctx: ExtractContext): ListExtraction {
  const { index, candidates } = findListCandidates(doc, ctx);
  const best = pickBest(candidates);
  if (!best) {
    const pagination = trsPagination(index, doc.url) ?? linkPagination(index, doc.url);
    return { items: [], format: 'none', ...(pagination ? { pagination } : {}), ...(looksJsRendered(index) ? { jsRendered: true } : {}) };
  }
  if (best.hanweb) {
    const pagination = hanwebPagination(best.hanweb);
    return { items: best.items, listCssPath: cssPath(index, best.container), format: 'hanweb', ...(pagination ? { pagination } : {}) };
  }
  if (best.scriptList) return { items: best.items, listCssPath: cssPath(index, best.container), format: 'script' };
  const group = paneGroup(index, best, candidates);
  const items = dedupe(group.lists.flatMap((l) => l.items));
  const pagination = trsPagination(index, doc.url) ?? linkPagination(index, doc.url);
  return {
    items,
    listCssPath: cssPath(index, group.root),
    format: best.container.tag === 'table' ? 'table' : 'li',
    ...(pagination ? { pagination } : {}),
  };
}

/** A dated list needs at least this many dated rows to outrank an undated one whatever their scores. */
const MIN_DATED_ROWS = 2;

function pickBest(candidates: ListCandidate[]): ListCandidate | undefined {
  let best: ListCandidate | undefined;
  let bestDated: ListCandidate | undefined;
  for (const c of candidates) {
    if (c.score < MIN_LIST_SCORE) continue;
    // Datastores come last in the candidate list; on a tie the drawn copy of the same list would win, so prefer them.
    if (!best || c.score > best.score || (c.score === best.score && c.hanweb && !best.hanweb)) best = c;
    if (c.datedCount >= MIN_DATED_ROWS && !c.sideRegion && (!bestDated || c.score > bestDated.score)) bestDated = c;
  }
  // An undated block of links (a menu, a list of sub-columns) never beats a dated list outside the page's
  // header, footer, sidebars and 热点 blocks: the dated one is what the column publishes.
  if (best && best.datedCount === 0 && bestDated) return bestDated;
  return best;
}

interface PaneGroup {
  /** The element holding the whole group (the list itself when there are no panes). */
  root: PageElement;
  lists: ListCandidate[];
}

/**
 * Tab panes and split lists: siblings of the list (or of its wrapper, a few levels up) with the same tag, each
 * holding a list of the same row tag. They are merged when one of them is hidden (a tab group) or when they share
 * a class word (a list split into several blocks). A dated list only merges with dated lists, so a menu beside it
 * never does.
 */
function paneGroup(index: PageIndex, best: ListCandidate, candidates: ListCandidate[]): PaneGroup {
  const byContainer = new Map(candidates.map((c) => [c.container, c]));
  let pane: PageElement = best.container;
  for (let level = 0; level < PANE_LEVELS; level++) {
    const parent = index.parentOf(pane);
    if (!parent || parent.tag === 'body' || parent.tag === 'html') break;
    const siblings = elementChildren(parent).filter((s) => s.tag === pane.tag);
    if (siblings.length > 1) {
      const lists = siblings.map((s) => listInPane(s, level, best, byContainer));
      const members = siblings.filter((_, i) => lists[i] !== undefined);
      const anyHidden = members.some((m) => isHidden(index, m) || isHidden(index, lists[siblings.indexOf(m)]!.container));
      // Lists themselves sharing a class are one list split in blocks; wrappers sharing a class are only panes when
      // the class says tab (hidden by a stylesheet the crawler cannot see), else they are separate boxes.
      const paneClass = new Set(classTokens(pane).filter((t) => level === 0 || TAB_CLASS.test(t)));
      const shareClass = members.length > 1 && members.every((m) => classTokens(m).some((t) => paneClass.has(t)));
      if (members.length > 1 && (anyHidden || shareClass || (level === 0 && isSplitList(parent, members)))) {
        return { root: parent, lists: lists.filter((l): l is ListCandidate => l !== undefined) };
      }
    }
    pane = parent;
  }
  return { root: best.container, lists: [best] };
}

/** The list inside a pane that matches the chosen list's shape, at the same depth. */
function listInPane(pane: PageElement, depth: number, best: ListCandidate, byContainer: Map<PageElement, ListCandidate>): ListCandidate | undefined {
  let level: PageElement[] = [pane];
  for (let d = 0; d < depth; d++) level = level.flatMap(elementChildren);
  for (const el of level) {
    const list = byContainer.get(el);
    if (!list || list.hanweb || list.scriptList || list.container.tag !== best.container.tag || list.rowTag !== best.rowTag) continue;
    if (list.regionWeight < best.regionWeight) continue; // a 热点 box beside the list is not one of its panes
    if (best.datedCount > 0 ? list.datedCount > 0 : list.rawScore >= MIN_LIST_SCORE) return list;
  }
  return undefined;
}

/**
 * One list cut into blocks (`<ul>` of five, a spacer, `<ul>` of five …): the blocks carry the same class (or none)
 * and stand side by side, with nothing between them but elements that show no text (spacers, rules). A heading
 * or any text between two blocks makes them separate boxes.
 */
function isSplitList(parent: PageElement, members: PageElement[]): boolean {
  const cls = members[0]!.attrs.class ?? '';
  if (!members.every((m) => (m.attrs.class ?? '') === cls)) return false;
  const kids = elementChildren(parent);
  const from = kids.indexOf(members[0]!);
  const to = kids.indexOf(members[members.length - 1]!);
  const inMembers = new Set(members);
  return kids.slice(from, to + 1).every((k) => inMembers.has(k) || shortTextOf(k, 0) === '');
}

function classTokens(el: PageElement): string[] {
  return (el.attrs.class ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

/** The same item shown twice (an "all" tab repeating the others) is one item. */
function dedupe(items: ItemObservation[]): ItemObservation[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.url ?? ''}\u0000${item.title}\u0000${item.date ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
