import type { PageElement } from '../page/node.ts';
import type { HanwebStore } from './hanweb.ts';
import type { PageIndex } from './tree.ts';
import { scriptBodies, textOf } from './text.ts';
import { resolveHref, withQueryParam } from './url.ts';

export interface Pagination {
  totalPages?: number;
  /** Absolute URLs of the pages after this one, in order. */
  nextUrls: string[];
  /** The last page, when the pager names it: reading it turns the item-count estimate into a count. */
  lastUrl?: string;
  /** How many items the whole list holds, when the page says exactly (Hanweb's totalRecord). */
  totalItems?: number;
  kind: 'trs' | 'hanweb' | 'links';
}

/** More pages than this are not listed one by one; the crawler reads only the first few anyway. */
const MAX_NEXT_URLS = 500;

/**
 * 拓尔思 (TRS) pages call `createPageHTML(total, current, "index", "html")` (newer templates put a target id first
 * and a record count last); page n+1 is `index_n.html`. A variable may stand for the count (`var countPage = 12`).
 */
export function trsPagination(index: PageIndex, url: string): Pagination | undefined {
  for (const body of scriptBodies(index.root)) {
    for (const call of body.matchAll(/(?<!function\s+)createPageHTML\s*\(([^)]*)\)/g)) {
      const args = call[1]!.split(',').map((a) => a.trim().replace(/^["']|["']$/g, ''));
      const numbers: number[] = [];
      const strings: string[] = [];
      for (const arg of args) {
        const value = /^\d+$/.test(arg) ? Number(arg) : variableValue(body, arg);
        if (value !== undefined) numbers.push(value);
        else if (/^[\w.-]+$/.test(arg)) strings.push(arg);
      }
      // (total pages, current page[, record count]): the newer templates state the record count exactly.
      const [totalPages, , totalItems] = numbers;
      if (totalPages === undefined) continue;
      // The file name and extension are the last two string arguments; a leading one is the pager's element id.
      const [name, ext] = strings.length >= 2 ? strings.slice(-2) : ['index', 'html'];
      const nextUrls: string[] = [];
      for (let n = 1; n < Math.min(totalPages, MAX_NEXT_URLS + 1); n++) {
        const next = resolveHref(`${name}_${n}.${ext}`, url);
        if (next) nextUrls.push(next);
      }
      const lastUrl = totalPages > 1 ? resolveHref(`${name}_${totalPages - 1}.${ext}`, url) : undefined;
      return { totalPages, nextUrls, ...(lastUrl ? { lastUrl } : {}), ...(totalItems !== undefined ? { totalItems } : {}), kind: 'trs' };
    }
  }
  return undefined;
}

function variableValue(body: string, name: string): number | undefined {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return undefined;
  const m = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\s*=\\s*["']?(\\d+)`).exec(body);
  return m ? Number(m[1]) : undefined;
}

/** Hanweb jpage stores default to 15 records a page when the page does not say. */
const HANWEB_DEFAULT_PER_PAGE = 15;

/**
 * Hanweb: total pages from `totalRecord`/`perPage`; further pages from the page's own dataproxy URL with `page=n`,
 * starting after the pages whose records are already inline.
 */
export function hanwebPagination(store: HanwebStore): Pagination | undefined {
  if (store.totalRecord === undefined) return store.proxyUrl ? { nextUrls: [], kind: 'hanweb' } : undefined;
  const perPage = store.perPage && store.perPage > 0 ? store.perPage : HANWEB_DEFAULT_PER_PAGE;
  const totalPages = Math.max(1, Math.ceil(store.totalRecord / perPage));
  const nextUrls: string[] = [];
  if (store.proxyUrl && store.records.length < store.totalRecord) {
    const firstMissing = Math.max(2, Math.floor(store.records.length / perPage) + 1);
    for (let page = firstMissing; page <= Math.min(totalPages, MAX_NEXT_URLS + 1); page++) {
      nextUrls.push(withQueryParam(store.proxyUrl, 'page', String(page)));
    }
  }
  return { totalPages, nextUrls, totalItems: store.totalRecord, kind: 'hanweb' };
}

const NEXT_LINK_TEXT = /^(下一页|下页|后一页|下一頁|next|›|>|>>|»)$/i;
const LAST_LINK_TEXT = /^(尾页|末页|最后一页|尾頁|last)$/i;
const TOTAL_PAGES_TEXT = /共\s*(\d+)\s*页/;

/** Plain paging links: the 下一页 link, and 共N页 when the pager says so. */
export function linkPagination(index: PageIndex, url: string): Pagination | undefined {
  const next = index.elements.find((el) => el.tag === 'a' && NEXT_LINK_TEXT.test(textOf(el)) && resolveHref(el.attrs.href, url) !== undefined);
  if (!next) return undefined;
  const nextUrl = resolveHref(next.attrs.href, url)!;
  if (nextUrl === url) return undefined; // the last page links 下一页 to itself
  const pager = pagerOf(index, next);
  const total = pager ? TOTAL_PAGES_TEXT.exec(textOf(pager))?.[1] : undefined;
  const last = index.elements.find((el) => el.tag === 'a' && LAST_LINK_TEXT.test(textOf(el)));
  const lastUrl = last ? resolveHref(last.attrs.href, url) : undefined;
  return { ...(total ? { totalPages: Number(total) } : {}), nextUrls: [nextUrl], ...(lastUrl && lastUrl !== url ? { lastUrl } : {}), kind: 'links' };
}

/** The smallest ancestor of the 下一页 link that also says how many pages there are. */
function pagerOf(index: PageIndex, link: PageElement): PageElement | undefined {
  return index.ancestors(link).slice(0, 4).find((a) => TOTAL_PAGES_TEXT.test(textOf(a)));
}
