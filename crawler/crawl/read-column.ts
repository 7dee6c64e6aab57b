import { detailContent } from '../../rules/extract/detail-content.ts';
import { extractDetailDates } from '../../rules/extract/detail-page.ts';
import { candidateBase, columnObservation, jsListUnread } from './column-observation.ts';
import { extractListItems, type ListExtraction } from '../../rules/extract/list-items.ts';
import type { ColumnObservation, IsoDate, ItemObservation } from '../../rules/model/snapshot.ts';
import type { PageDocument } from '../../rules/page/node.ts';
import * as cheerio from 'cheerio';
import { pageFromHtml } from '../page/from-html.ts';
import type { JournalEntry } from '../store/types.ts';
import { soft404Fingerprint } from './check-links.ts';
import type { ColumnCandidate } from './discover.ts';
import { failureReason, type PageLoader } from './page-loader.ts';
import { describeRedirects, loadFollowingRedirects } from './follow-redirects.ts';

export interface ReadColumnOptions {
  now: IsoDate;
  maxListPages: number;
  detailPagesPerColumn: number;
  render: 'auto' | 'always' | 'never';
  isAllowed: (url: string) => boolean;
  /** The site's soft-404 page (see probeSoft404): a column page that looks like it is gone. */
  soft404?: string;
  /** Keep the newest detail page's text and tables (a rule reads them, e.g. the 年报 format check). */
  keepDetail?: boolean;
}

function observationFailed(c: ColumnCandidate, entry: JournalEntry | undefined): ColumnObservation {
  const reason = entry ? failureReason(entry) : 'page limit reached';
  // A page that answered 404 is a broken column; anything else (timeouts, 403, 429, 5xx, limits) cannot be judged.
  const status = entry && !entry.error && entry.status === 404 ? 'unreachable' : 'needs-review';
  return { ...candidateBase(c), status, statusReason: reason, items: [], itemCount: 0, pagesRead: 0 };
}

/** With a selector from the sites file, only that part of the page is the list (the evaluator knows best). */
function extract(loader: PageLoader, entry: JournalEntry, now: IsoDate, selector?: string): ListExtraction {
  return extractFrom(loader.parse(entry.text, entry.finalUrl), entry, now, selector);
}

/** `extract` on a page already parsed (the column's first page is parsed once, for its list and its observation). */
function extractFrom(doc: PageDocument, entry: JournalEntry, now: IsoDate, selector?: string): ListExtraction {
  const whole = extractListItems(doc, { notAfter: now });
  if (!selector) return whole;
  const $ = cheerio.load(entry.text);
  const picked = $(selector);
  const part = extractListItems(pageFromHtml(`<html><body>${picked.length ? $.html(picked) : ''}</body></html>`, entry.finalUrl), { notAfter: now });
  // Items from the chosen element only; pagination still comes from the whole page (it sits outside the list).
  return { ...part, listCssPath: selector, ...(whole.pagination ? { pagination: whole.pagination } : {}) };
}

/**
 * Reads one column: its list page (rendered in Chromium when the list is drawn by JavaScript), pagination as far
 * as the limit, and a few detail pages for 发布日期/成文日期.
 */
export async function readColumn(c: ColumnCandidate, loader: PageLoader, o: ReadColumnOptions): Promise<ColumnObservation> {
  const landed = await loadFollowingRedirects(loader, c.url, o.isAllowed);
  const redirects = describeRedirects(landed.ok ? landed.page.redirects : landed.redirects);
  const withRedirects = (obs: ColumnObservation): ColumnObservation => (redirects.length ? { ...obs, redirects } : obs);
  if (!landed.ok) return withRedirects(observationFailed(c, landed.entry));
  const { entry, unfollowed } = landed.page;
  if (o.soft404 && soft404Fingerprint(entry.text) === o.soft404) {
    return withRedirects({ ...candidateBase(c), status: 'unreachable', statusReason: 'soft-404', items: [], itemCount: 0, pagesRead: 0 });
  }
  let doc = landed.page.doc;
  let list = extractFrom(doc, entry, o.now, c.selector);
  const needsBrowser = o.render === 'always' || (o.render === 'auto' && (list.jsRendered || (list.format === 'none' && /<script/i.test(entry.text))));
  if (needsBrowser && loader.canRender) {
    const rendered = await loader.render(entry.finalUrl);
    // A list only a browser can draw, and the browser failed (timeout, a page that blocks, one that leaves the
    // site): nothing was seen, which is not an empty column.
    if (rendered && !rendered.ok && list.items.length === 0) {
      return { ...candidateBase(c), status: 'needs-review', statusReason: `页面渲染失败 / rendering failed: ${failureReason(rendered)}`, items: [], itemCount: 0, pagesRead: 0 };
    }
    if (rendered?.ok) {
      const renderedDoc = loader.parse(rendered.text, rendered.finalUrl);
      const again = extractFrom(renderedDoc, rendered, o.now, c.selector);
      if (again.items.length > 0 || o.render === 'always') {
        doc = renderedDoc;
        list = again;
      }
    }
  }
  if (list.jsRendered && list.items.length === 0 && !loader.canRender) return withRedirects(jsListUnread(c));

  const items = [...list.items];
  let pagesRead = 1;
  const read = new Set([entry.finalUrl]);
  for (const next of (list.pagination?.nextUrls ?? []).slice(0, Math.max(0, o.maxListPages - 1))) {
    if (!o.isAllowed(next)) continue;
    const page = await loader.load(next);
    if (!page?.ok) break;
    items.push(...extract(loader, page, o.now, c.selector).items);
    read.add(next);
    pagesRead++;
  }
  const lastPageItems = await readLastPage(list, read, loader, o, c.selector);

  let observation = withRedirects(columnObservation(c, doc, list, items, pagesRead, lastPageItems));
  // A redirect that could not be followed leaves the stub page: with nothing on it, that is no evidence of an empty column.
  if (unfollowed && observation.items.length === 0) observation = { ...observation, status: 'needs-review', statusReason: unfollowed };
  await readDetailPages(observation.items, loader, o);
  return observation;
}

/**
 * One more request turns the count estimate into a count: every page but the last is full, so the last page's size
 * is all that is unknown. Its items stay out of the observation (they are the oldest, and not contiguous with the
 * pages read).
 */
async function readLastPage(list: ListExtraction, read: Set<string>, loader: PageLoader, o: ReadColumnOptions, selector?: string): Promise<number | undefined> {
  const { lastUrl, totalPages, totalItems } = list.pagination ?? {};
  if (!lastUrl || totalItems !== undefined || !totalPages || read.size >= totalPages || read.has(lastUrl) || !o.isAllowed(lastUrl)) return undefined;
  const page = await loader.load(lastUrl);
  return page?.ok ? extract(loader, page, o.now, selector).items.length : undefined;
}

async function readDetailPages(items: ItemObservation[], loader: PageLoader, o: ReadColumnOptions): Promise<void> {
  const dated = items.filter((i) => i.date).sort((a, b) => b.date!.localeCompare(a.date!));
  for (const item of dated.slice(0, o.detailPagesPerColumn)) {
    if (!item.url || !o.isAllowed(item.url) || !/\.s?html?$|\.jsp|\.aspx?|\.php|\/\d+\/?$/i.test(new URL(item.url).pathname)) continue;
    const page = await loader.load(item.url);
    if (!page?.ok) continue;
    const doc = loader.parse(page.text, page.finalUrl);
    const dates = extractDetailDates(doc);
    // Only the 成文日期 is taken: an item the list shows undated stays undated (it counts as not updated).
    if (dates.formedDate) item.formedDate = dates.formedDate.date;
    if (o.keepDetail && item === dated[0]) item.detail = detailContent(doc);
  }
}
