import { extractDetailDates } from '../../rules/extract/detail-page.ts';
import type { ListExtraction } from '../../rules/extract/list-items.ts';
import type { ColumnObservation, ItemObservation } from '../../rules/model/snapshot.ts';
import type { PageDocument } from '../../rules/page/node.ts';
import type { ColumnCandidate } from './discover.ts';

/**
 * Turning a read column page into an observation: pure, and shared by the crawler (`readColumn`) and the extension
 * (`observeColumnPage`), so both reach the same observation, and so the same findings, from the same page.
 */

export const JS_LIST_REASON = '列表由 JavaScript 生成，未找到可用浏览器 / list drawn by JavaScript and no browser available';

export function candidateBase(c: ColumnCandidate): Pick<ColumnObservation, 'classId' | 'name' | 'url' | 'matchedBy' | 'matchReason'> {
  return { classId: c.classId, name: c.name, url: c.url, matchedBy: c.matchedBy, matchReason: c.matchReason };
}

/** A column page that is itself a document (a 指南, a 制度) counts as one item: the document. */
export function pageAsDocument(doc: PageDocument): ItemObservation | undefined {
  const dates = extractDetailDates(doc);
  if (!dates.publishDate) return undefined;
  return {
    title: dates.title ?? doc.url, url: doc.url, date: dates.publishDate.date, dateText: dates.publishDate.text, dateConfidence: dates.publishDate.confidence,
    ...(dates.formedDate ? { formedDate: dates.formedDate.date } : {}),
  };
}

/** A list drawn by JavaScript that no browser drew: it cannot be judged. */
export function jsListUnread(c: ColumnCandidate): ColumnObservation {
  return { ...candidateBase(c), status: 'needs-review', statusReason: JS_LIST_REASON, items: [], itemCount: 0, pagesRead: 1 };
}

/**
 * The observation from the first page's extraction plus the items of every page read. Unread pages are estimated
 * from the first page's size; read pages are counted.
 */
export function columnObservation(c: ColumnCandidate, doc: PageDocument, first: ListExtraction, items: ItemObservation[], pagesRead: number): ColumnObservation {
  const all = [...items];
  if (all.length === 0) {
    const asDocument = pageAsDocument(doc);
    if (asDocument) all.push(asDocument);
  }
  const totalPages = first.pagination?.totalPages;
  const itemCount = totalPages && totalPages > pagesRead ? all.length + first.items.length * (totalPages - pagesRead) : all.length;
  return { ...candidateBase(c), status: 'ok', items: all, itemCount, pagesRead, ...(first.listCssPath ? { listCssPath: first.listCssPath } : {}) };
}
