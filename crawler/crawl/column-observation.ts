import { extractDetailDates } from '../../rules/extract/detail-page.ts';
import type { ListExtraction } from '../../rules/extract/list-items.ts';
import type { ColumnObservation, ItemObservation } from '../../rules/model/snapshot.ts';
import { textOf } from '../../rules/extract/text.ts';
import type { PageDocument } from '../../rules/page/node.ts';
import type { ColumnCandidate } from './discover.ts';

/**
 * Turning a read column page into an observation: pure, and shared by the crawler (`readColumn`) and the extension
 * (`observeColumnPage`), so both reach the same observation, and so the same findings, from the same page.
 */

/** What an empty column shows instead of a list. */
const EMPTY_NOTICE = /暂无(相关|任何|更多)?(新增|最新|公开)?(的)?(信息|数据|内容|记录|文章|新闻|公告|文件)|(本|此|该)栏目(暂无|没有)|没有(找到)?(相关)?(信息|数据|记录|内容)|无相关(信息|记录)|尚无(信息|内容)/;

export const NO_LIST_REASON = '未识别出信息列表，页面也未提示“暂无信息” / no list recognised and no "no items" notice on the page';

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

export const HUB_EMPTY_REASON = '信息公开专栏页面既无信息列表也无可识别的子栏目 / the disclosure hub page has neither a list nor sub-columns';

/**
 * A hub (信息公开专栏, 主动公开目录) whose page shows no sub-column and no list item: it cannot be judged. It is
 * never an empty column, which counts toward the 空白栏目 veto.
 */
export function hubWithoutSubColumns(obs: ColumnObservation): ColumnObservation {
  if (obs.status !== 'ok' || obs.itemCount > 0) return obs;
  return { ...obs, status: 'needs-review', statusReason: HUB_EMPTY_REASON };
}

/** A list drawn by JavaScript that no browser drew: it cannot be judged. */
export function jsListUnread(c: ColumnCandidate): ColumnObservation {
  return { ...candidateBase(c), status: 'needs-review', statusReason: JS_LIST_REASON, items: [], itemCount: 0, pagesRead: 1 };
}

/**
 * The observation from the first page's extraction plus the items of every page read. The count is exact when the
 * page states it (Hanweb's totalRecord); otherwise unread pages are estimated from the first page's size, and the
 * last page, when it was read (`lastPageItems`), is counted as it is.
 */
export function columnObservation(c: ColumnCandidate, doc: PageDocument, first: ListExtraction, items: ItemObservation[], pagesRead: number, lastPageItems?: number): ColumnObservation {
  const all = [...items];
  if (all.length === 0) {
    const asDocument = pageAsDocument(doc);
    if (asDocument) all.push(asDocument);
    // Nothing recognised and nothing saying "no items": an unfamiliar layout (undated cards, a text page) is not
    // proof of an empty column, and 空白栏目 can be a veto.
    else if (first.format === 'none' && !EMPTY_NOTICE.test(textOf(doc.root))) {
      return { ...candidateBase(c), status: 'needs-review', statusReason: NO_LIST_REASON, items: [], itemCount: 0, pagesRead };
    }
  }
  return { ...candidateBase(c), status: 'ok', items: all, itemCount: countItems(first, all.length, pagesRead, lastPageItems), pagesRead, ...(first.listCssPath ? { listCssPath: first.listCssPath } : {}) };
}

function countItems(first: ListExtraction, read: number, pagesRead: number, lastPageItems: number | undefined): number {
  const { totalItems, totalPages } = first.pagination ?? {};
  if (totalItems !== undefined) return Math.max(read, totalItems);
  if (!totalPages || totalPages <= pagesRead) return read;
  const unread = totalPages - pagesRead;
  if (lastPageItems === undefined) return read + first.items.length * unread;
  return read + first.items.length * (unread - 1) + lastPageItems;
}
