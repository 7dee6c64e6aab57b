import type { PageElement } from '../page/node.ts';
import { allElements, elementChildren, walkElements, type PageIndex } from './tree.ts';
import { collapseWhitespace, shortTextOf, textOf } from './text.ts';
import { resolveHref } from './url.ts';
import { isBreadcrumb } from './regions.ts';

/** One row of a list: an element holding the item's link (and usually its date). */
export interface ListRow {
  row: PageElement;
  /**
   * The link that carries the item title: of a row that also links its category, the link with the longest title;
   * of several links to that one page, the one with a title attribute, else the first.
   */
  link: PageElement;
  /** Absent when the row's only link runs a script (`javascript:;`): an item is shown but there is no page to open. */
  url?: string;
  /**
   * Set for rows that are items only if they show a date: a title link that runs a script, or a bare link whose
   * date sits in the sibling elements after it (search results: title, snippet, `时间：` line, with no wrapper).
   */
  needsDate?: 'script-link' | 'run';
}

/** A list row holds one item: a few links at most (title, maybe a category or an attachment). */
const MAX_LINKS_PER_ROW = 3;
/** Longer than this is a paragraph or a whole block, not a list row. */
const MAX_ROW_TEXT = 400;
const NEVER_ROWS = new Set(['a', 'script', 'style', 'head', 'title', 'meta', 'link', 'br', 'img', 'option', 'select', 'form', 'iframe', 'body', 'html']);
const NEVER_CONTAINERS = new Set(['a', 'script', 'style', 'head', 'title', 'select', 'option', 'span', 'em', 'i', 'b', 'strong', 'font', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'thead', 'tbody', 'tfoot']);

export interface UsableLink {
  el: PageElement;
  url: string;
}

/** The text a link shows as a title: its title attribute, else its text (without `exclude`, e.g. a date span). */
export function linkTitle(link: PageElement, exclude?: PageElement): string {
  const fromAttr = collapseWhitespace(link.attrs.title ?? '');
  if (fromAttr) return fromAttr;
  const text = textOf(link, exclude ? { exclude: new Set([exclude]) } : {});
  if (text) return text;
  const img = allElements(link).find((e) => e.tag === 'img');
  return collapseWhitespace(img?.attrs.alt ?? '');
}

/** More block elements than this make a section of the page (an article, a box of lists), not a list row. */
const MAX_BLOCKS_PER_ROW = 6;
const BLOCK_TAGS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'li', 'dt', 'dd', 'table', 'tr', 'section', 'article']);
const LIST_TAGS: Record<string, string> = { ul: 'li', ol: 'li', dl: 'dt', table: 'tr', tbody: 'tr' };

/**
 * A row holds one item, so it holds no list of its own (a box with a heading and a <ul> is a block, not a row),
 * no page heading, and only a few blocks (a title, a summary, a date line).
 */
function hasRowShape(el: PageElement): boolean {
  let blocks = 0;
  for (const d of walkElements(el)) {
    const itemTag = LIST_TAGS[d.tag];
    if (itemTag && elementChildren(d).filter((c) => c.tag === itemTag).length > 1) return false;
    if (d === el) continue;
    if (d.tag === 'h1') return false;
    if (BLOCK_TAGS.has(d.tag) && ++blocks > MAX_BLOCKS_PER_ROW) return false;
  }
  return true;
}

/** `el` as a list row, or undefined when it holds no link, too many links, too much text, or a list of its own. */
export function asRow(el: PageElement, base: string): ListRow | undefined {
  if (NEVER_ROWS.has(el.tag) || isBreadcrumb(el) || !hasRowShape(el)) return undefined;
  const anchors = allElements(el).filter((e) => e.tag === 'a');
  const links: UsableLink[] = [];
  for (const a of anchors) {
    const url = resolveHref(a.attrs.href, base);
    if (url) links.push({ el: a, url });
  }
  if (links.length > MAX_LINKS_PER_ROW) return undefined;
  if (links.length === 0 && anchors.length === 0) return undefined;
  if (shortTextOf(el, MAX_ROW_TEXT) === undefined) return undefined;
  if (links.length === 0) {
    const scripted = anchors.find((a) => SCRIPT_HREF.test(a.attrs.href ?? '') && linkTitle(a).length >= SCRIPT_TITLE_MIN_CHARS);
    return scripted ? { row: el, link: scripted, needsDate: 'script-link' } : undefined;
  }
  const best = titleLink(links);
  if (PAGER_TITLE.test(linkTitle(best.el))) return undefined; // a pager inside the list (`<div><a>2</a></div>`)
  return { row: el, link: best.el, url: best.url };
}

/** Link texts of pagers: page numbers and 上一页/下一页/首页/尾页. */
const PAGER_TITLE = /^(\d{1,4}|[<>«»]{1,2}|上一页|下一页|首页|尾页|末页|前页|后页|上页|下页|\.\.\.|…)$/;

/**
 * The title link of a row. Links to different pages: the one with the longest title (a row may also link its
 * category, `[通知]`). Several links to that page (an icon, a repeated `<a><a>`, a 详情 link): the one with a title
 * attribute, else the first with text, never merely the longest.
 */
function titleLink(links: UsableLink[]): UsableLink {
  let longest = links[0]!;
  for (const l of links) if (linkTitle(l.el).length > linkTitle(longest.el).length) longest = l;
  const samePage = links.filter((l) => l.url === longest.url);
  if (samePage.length === 1) return longest;
  return (
    samePage.find((l) => collapseWhitespace(l.el.attrs.title ?? '') !== '') ??
    samePage.find((l) => linkTitle(l.el) !== '') ??
    longest
  );
}

/** Hrefs of links that run a script instead of opening a page. */
const SCRIPT_HREF = /^\s*(javascript:|#\s*$|$)/i;
/**
 * Shorter than this a link is an icon or a symbol. Script links and bare links become items only with a date
 * beside them, which is what tells an item (`人事处 2017-06-27`) from a menu entry.
 */
const SCRIPT_TITLE_MIN_CHARS = 2;
/** A bare link heading a run of siblings reads like an article title, not a word. */
const RUN_TITLE_MIN_CHARS = 6;

export function canContainRows(el: PageElement): boolean {
  return !NEVER_CONTAINERS.has(el.tag);
}

/** Rows of a table: its own <tr>s (through thead/tbody/tfoot), not those of nested tables. */
export function tableRows(table: PageElement): PageElement[] {
  const out: PageElement[] = [];
  for (const child of elementChildren(table)) {
    if (child.tag === 'tr') out.push(child);
    else if (child.tag === 'tbody' || child.tag === 'thead' || child.tag === 'tfoot') {
      for (const row of elementChildren(child)) if (row.tag === 'tr') out.push(row); // no spread: tables can be huge
    }
  }
  return out;
}

/** Rows directly inside `container` (table rows for a table). */
export function rowsOf(container: PageElement, base: string): ListRow[] {
  const candidates = container.tag === 'table' ? tableRows(container) : elementChildren(container);
  const out: ListRow[] = [];
  for (const el of candidates) {
    const row = el.tag === 'a' ? bareLinkRow(el, base) : asRow(el, base);
    if (row) out.push(row);
  }
  return out;
}

/**
 * A bare `<a>` straight in the container is a row only as the head of a run of siblings (title link, snippet, date
 * line) that carries a date; a box of bare links without dates is a menu.
 */
function bareLinkRow(a: PageElement, base: string): ListRow | undefined {
  const url = resolveHref(a.attrs.href, base);
  if (!url || linkTitle(a).length < RUN_TITLE_MIN_CHARS) return undefined;
  return { row: a, link: a, url, needsDate: 'run' };
}

/** Elements that may be list containers, in document order. */
export function candidateContainers(index: PageIndex): PageElement[] {
  return index.elements.filter(canContainRows);
}
