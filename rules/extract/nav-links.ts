import type { PageDocument, PageElement } from '../page/node.ts';
import { cssPath } from './css-path.ts';
import { baseUrlOf } from './list-candidates.ts';
import { regionOf, type Region } from './regions.ts';
import { linkTitle } from './rows.ts';
import { allElements, indexPage, type PageIndex } from './tree.ts';
import { ownText, textOf } from './text.ts';
import { resolveHref } from './url.ts';
import { parseFragment } from './fragment.ts';
import { markupStrings } from '../discover/script-strings.ts';

export interface PageLink {
  text: string;
  /** Absolute http(s) URL. */
  url: string;
  cssPath: string;
  region: Region;
}

/**
 * Links read from one page at most. A real portal's home page has a few hundred; a page with tens of thousands is
 * a link farm or a hostile page, and its first 5,000 (in document order, so the navigation comes first) say all a
 * column search needs. The bound keeps link extraction, and everything done per link after it, bounded per page.
 */
export const MAX_LINKS_PER_PAGE = 5000;

export interface LinkReading {
  links: PageLink[];
  /** True when the page had more links than `max` and the rest were not read. */
  truncated: boolean;
}

/**
 * Every link that leads to a page (not `javascript:`, `mailto:` or `#`), with where on the page it sits, up to
 * `max` links. Linear in the page's size: sibling positions for CSS paths are computed once per parent.
 */
export function readLinks(doc: PageDocument, max = MAX_LINKS_PER_PAGE): LinkReading {
  const index = indexPage(doc);
  const base = baseUrlOf(doc);
  const links: PageLink[] = [];
  for (const el of index.elements) {
    if (el.tag !== 'a' && el.tag !== 'area') continue;
    const url = resolveHref(el.attrs.href, base);
    if (!url) continue;
    if (links.length >= max) return { links, truncated: true };
    let text = el.tag === 'a' ? linkText(el) : (el.attrs.alt ?? '').trim();
    if (text !== '' && MORE_LINK.test(text)) text = blockHeading(index, el) ?? text;
    links.push({ text, url, cssPath: cssPath(index, el), region: regionOf(index, el) });
  }
  return { links, truncated: false };
}

/** `readLinks` without the truncation flag: the links of a page, at most MAX_LINKS_PER_PAGE. */
export function extractLinks(doc: PageDocument, max = MAX_LINKS_PER_PAGE): PageLink[] {
  return readLinks(doc, max).links;
}

/**
 * Links a script writes into the page (`document.write('<li><a href="/zwgk/">政务公开</a></li>')`, menus kept in
 * script strings), which the fetched HTML does not hold as elements. Each link gets the script's place on the page
 * (its CSS path and region). A browser's DOM already holds these as elements: only fetched HTML needs this.
 */
export function scriptWrittenLinks(doc: PageDocument, max = MAX_LINKS_PER_PAGE): PageLink[] {
  const index = indexPage(doc);
  const base = baseUrlOf(doc);
  const out: PageLink[] = [];
  for (const script of index.elements) {
    if (script.tag !== 'script' || script.attrs.src) continue;
    const js = ownText(script);
    if (!/<a\b/i.test(js)) continue;
    let where: { cssPath: string; region: Region } | undefined;
    for (const markup of markupStrings(js)) {
      const holder = { type: 'element' as const, tag: 'div', attrs: {}, children: parseFragment(markup) };
      for (const a of allElements(holder)) {
        if (a.tag !== 'a') continue;
        const url = resolveHref(a.attrs.href, base);
        const text = url ? linkText(a) : '';
        if (!url || text === '') continue;
        where ??= { cssPath: cssPath(index, script), region: regionOf(index, script) };
        out.push({ text, url, ...where });
        if (out.length >= max) return out;
      }
    }
  }
  return out;
}

/** A block's 「更多>>」 link: it names no column by itself, the block heading beside it does. */
const MORE_LINK = /^(更多|查看更多|more)?\s*[>»＞+＋]*$/i;
const MAX_HEADING_LENGTH = 12;

/**
 * The heading of the block a 更多 link sits in (`<div class=box-title><h3>部门动态</h3><a>更多>></a></div>`): the
 * text of the nearest ancestor that has any besides the link, when that text is short enough to be a heading rather
 * than the block's list.
 */
function blockHeading(index: PageIndex, link: PageElement): string | undefined {
  const skip = new Set([link]);
  for (const ancestor of index.ancestors(link).slice(0, 3)) {
    const rest = textOf(ancestor, { exclude: skip });
    if (rest === '') continue;
    return rest.length <= MAX_HEADING_LENGTH ? rest : undefined;
  }
  return undefined;
}

/** What the link shows; for column links the visible text beats a longer title attribute. */
function linkText(a: PageElement): string {
  return textOf(a) || linkTitle(a);
}

/**
 * `<meta name|property|http-equiv content>` as a record; the first of repeated names wins. Names keep their
 * case as the site wrote them (`SiteIDCode`, `ColumnName`); look them up case-insensitively if needed.
 */
export function extractMeta(doc: PageDocument): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const el of allElements(doc.root)) {
    if (el.tag !== 'meta') continue;
    const name = el.attrs.name ?? el.attrs.property ?? el.attrs['http-equiv'];
    const content = el.attrs.content;
    if (name && content !== undefined && !(name in meta)) meta[name] = content.trim();
  }
  return meta;
}
