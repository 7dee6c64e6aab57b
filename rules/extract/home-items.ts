import type { ItemObservation } from '../model/snapshot.ts';
import type { PageDocument } from '../page/node.ts';
import { findListCandidates, type ExtractContext } from './list-candidates.ts';
import { inNamedRegion, isHotBlock } from './regions.ts';

/**
 * News-like items on a home page: rows of every list block in the main content, newest first. Headers, menus,
 * footers and 热点/排行/推荐 blocks are left out (their dates say nothing about updating), but left and right
 * columns are kept: home pages put real news blocks on both sides. Undated rows are kept only from blocks that
 * also hold dated rows, after all dated ones: an undated item counts as not updated, and is evidence of that.
 */
export function extractHomeItems(doc: PageDocument, ctx: ExtractContext): ItemObservation[] {
  const { index, candidates } = findListCandidates(doc, ctx);
  const dated: ItemObservation[] = [];
  const undated: ItemObservation[] = [];
  for (const list of candidates) {
    if (list.datedCount === 0) continue;
    if (inNamedRegion(index, list.container, ['nav', 'footer']) || isHotBlock(index, list.container)) continue;
    for (const item of list.items) (item.date ? dated : undated).push(item);
  }
  const seen = new Set<string>();
  const unique = (item: ItemObservation): boolean => {
    const key = item.url ?? item.title;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  // Stable sort: items of the same day keep their page order.
  const newestFirst = dated.filter(unique).sort((a, b) => (a.date! < b.date! ? 1 : a.date! > b.date! ? -1 : 0));
  return [...newestFirst, ...undated.filter(unique)];
}
