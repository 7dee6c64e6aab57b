import type { PageElement } from '../page/node.ts';
import { elementChildren, nameTokens, walkElements, type PageIndex } from './tree.ts';
import { shortTextOf } from './text.ts';

/** Where on a page an element sits, guessed from tags and class/id names the way page templates name them. */
export type Region = 'nav' | 'main' | 'footer' | 'sidebar';

interface TokenRule {
  /** Tokens that match exactly (short ones would match too much as prefixes: `tj` is also 统计 `tjxx`). */
  exact: string[];
  /** Tokens that match as prefix or suffix (`hotnews`, `newsright`, `footer2`). */
  affix: string[];
  tags: string[];
}

const RULES: Record<Exclude<Region, 'main'>, TokenRule> = {
  nav: { exact: ['top', 'head', 'dh', 'daohang'], affix: ['nav', 'header', 'menu', 'topbar', 'banner'], tags: ['nav', 'header'] },
  footer: { exact: ['foot', 'ft', 'bq', 'copy'], affix: ['footer', 'bottom', 'copyright', 'banquan'], tags: ['footer'] },
  sidebar: {
    exact: ['rd', 'tj', 'ph', 'rdph', 'rdxw', 'rdtj', 'tjwz', 'djph'],
    affix: ['side', 'hot', 'aside', 'rank', 'paihang', 'redian', 'tuijian'],
    tags: ['aside'],
  },
};

/** Tokens that mark a 热点/推荐 block; also excluded from home-page items, unlike a plain left/right column. */
const HOT_EXACT = new Set(['rd', 'tj', 'ph', 'rdph', 'rdxw', 'rdtj', 'tjwz', 'djph']);
const HOT_AFFIX = ['hot', 'rank', 'paihang', 'redian', 'tuijian'];
/** Block headings that announce a hot/recommended list rather than the column's own items. */
const HOT_HEADING = /热点|热门|排行|推荐|点击|热读|精彩|关注度/;

function tokenMatches(token: string, exact: readonly string[] | ReadonlySet<string>, affix: readonly string[]): boolean {
  if (Array.isArray(exact) ? exact.includes(token) : (exact as ReadonlySet<string>).has(token)) return true;
  return affix.some((a) => token.startsWith(a) || token.endsWith(a));
}

/** The region named by this element alone, if its tag or class/id names one. */
export function ownRegion(el: PageElement): Region | undefined {
  const tokens = nameTokens(el);
  for (const region of ['footer', 'nav', 'sidebar'] as const) {
    const rule = RULES[region];
    if (rule.tags.includes(el.tag) || tokens.some((t) => tokenMatches(t, rule.exact, rule.affix))) return region;
  }
  return undefined;
}

/** The innermost named region around `el` (itself included); `main` when nothing names one. */
export function regionOf(index: PageIndex, el: PageElement): Region {
  for (const cur of [el, ...index.ancestors(el)]) {
    const region = ownRegion(cur);
    if (region) return region;
  }
  return 'main';
}

/** True when any element from `el` up is named as nav, footer or sidebar. */
export function inNamedRegion(index: PageIndex, el: PageElement, regions: readonly Region[]): boolean {
  return [el, ...index.ancestors(el)].some((cur) => {
    const region = ownRegion(cur);
    return region !== undefined && regions.includes(region);
  });
}

/**
 * True inside a `left`/`right` column. Not a region of its own: home pages put news blocks in both columns, and
 * column pages put the menu on one side and the list on the other. It only says "maybe not the main column".
 */
export function inSideColumn(index: PageIndex, el: PageElement): boolean {
  const column = [el, ...index.ancestors(el)].find((cur) => nameTokens(cur).some((t) => tokenMatches(t, [], ['left', 'right'])));
  // The column that holds the page's breadcrumb or heading is the main one, whatever side the template puts it.
  return column !== undefined && !holdsPageHeading(column);
}

/** Class/id words of a breadcrumb (当前位置 bar). */
const CRUMB_TOKEN = /crumb|^position$|^location$|^weizhi$|^dqwz$|^mbx$|^curpos|^cur_?position/;
/** The words a breadcrumb starts with. */
const CRUMB_TEXT = /^[\s\u00a0\u3000]*(当前位置|您的位置|您现在的位置|你的位置|你现在的位置|所在位置|现在位置|当前所在位置)/;
const headingCache = new WeakMap<PageElement, boolean>();

/** A breadcrumb bar (`当前位置：首页 > 通知公告`), by its class/id or its opening words. */
export function isBreadcrumb(el: PageElement): boolean {
  if (nameTokens(el).some((t) => CRUMB_TOKEN.test(t))) return true;
  const first = el.children[0];
  return first?.type === 'text' && CRUMB_TEXT.test(first.text);
}

/** True when `el` holds a breadcrumb or an `<h1>`: what marks the column a page is about. */
export function holdsPageHeading(el: PageElement): boolean {
  const cached = headingCache.get(el);
  if (cached !== undefined) return cached;
  let found = false;
  for (const cur of walkElements(el)) {
    if (cur.tag === 'h1' || nameTokens(cur).some((t) => CRUMB_TOKEN.test(t)) || cur.children.some((c) => c.type === 'text' && CRUMB_TEXT.test(c.text))) {
      found = true;
      break;
    }
  }
  headingCache.set(el, found);
  return found;
}

/** True when `el` or an ancestor is marked invisible. */
export function isHidden(index: PageIndex, el: PageElement): boolean {
  return el.visible === false || index.ancestors(el).some((a) => a.visible === false);
}

/**
 * A 热点/排行/推荐 block: named so (`hot`, `rd`, `tj`, …) or headed so. The heading is looked for in the element
 * siblings before the list and before its wrapper, up to three levels up (`<div class=box><h3>热点新闻</h3><ul>`).
 */
export function isHotBlock(index: PageIndex, el: PageElement): boolean {
  let cur: PageElement | undefined = el;
  for (let level = 0; cur && level < 4; level++, cur = index.parentOf(cur)) {
    if (nameTokens(cur).some((t) => tokenMatches(t, HOT_EXACT, HOT_AFFIX))) return true;
    const parent = index.parentOf(cur);
    if (!parent || level === 3) break;
    const siblings = elementChildren(parent);
    for (const sib of siblings.slice(0, siblings.indexOf(cur))) {
      const heading = shortTextOf(sib, 20);
      if (heading !== undefined && HOT_HEADING.test(heading)) return true;
    }
  }
  return false;
}
