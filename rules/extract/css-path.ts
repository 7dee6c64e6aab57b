import type { PageElement } from '../page/node.ts';
import { elementChildren, type PageIndex } from './tree.ts';

/** An id usable as `#id` without escaping. Numeric ids (common on Hanweb: `<div id="4567">`) are not. */
const PLAIN_IDENT = /^-?[A-Za-z_][\w-]*$/;

/**
 * A CSS selector for `el` that both adapters produce identically: `tag#id` for a unique plain id (the path starts
 * there), otherwise `tag` or `tag:nth-of-type(n)` when same-tag siblings exist, joined with ` > `.
 *
 * A `<tr>` written directly inside `<table>` gets a `tbody` step: browsers (and the crawler's HTML5 parser) insert
 * that tbody while parsing, but the fragment parser for script-held records does not, so the path is the one the
 * live page has whichever parser built the tree. The row's position is unchanged, because the browser moves all
 * such rows into the one implicit tbody.
 */
export function cssPath(index: PageIndex, el: PageElement): string {
  const segments: string[] = [];
  for (let cur: PageElement | undefined = el; cur && cur.tag !== 'html'; cur = index.parentOf(cur)) {
    const id = cur.attrs.id;
    if (id && PLAIN_IDENT.test(id) && index.idCount(id) === 1) {
      segments.push(`${cur.tag}#${id}`);
      break;
    }
    segments.push(cur.tag + nthOfType(index, cur));
    if (cur.tag === 'tr' && index.parentOf(cur)?.tag === 'table') segments.push('tbody');
  }
  return segments.reverse().join(' > ');
}

/**
 * Position among same-tag siblings, computed once per parent and remembered for the index's lifetime: a page with
 * 20,000 sibling links asked for every link's path would otherwise scan the siblings 20,000 times (quadratic).
 */
const positions = new WeakMap<PageIndex, Map<PageElement, { nth: number; of: number }>>();

function nthOfType(index: PageIndex, el: PageElement): string {
  const parent = index.parentOf(el);
  if (!parent) return '';
  let known = positions.get(index);
  if (!known) positions.set(index, (known = new Map()));
  let pos = known.get(el);
  if (!pos) {
    const counts = new Map<string, number>();
    const siblings = elementChildren(parent);
    for (const s of siblings) counts.set(s.tag, (counts.get(s.tag) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (const s of siblings) {
      const nth = (seen.get(s.tag) ?? 0) + 1;
      seen.set(s.tag, nth);
      known.set(s, { nth, of: counts.get(s.tag)! });
    }
    pos = known.get(el)!;
  }
  return pos.of > 1 ? `:nth-of-type(${pos.nth})` : '';
}
