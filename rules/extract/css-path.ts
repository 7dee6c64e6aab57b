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

function nthOfType(index: PageIndex, el: PageElement): string {
  const parent = index.parentOf(el);
  if (!parent) return '';
  const sameTag = elementChildren(parent).filter((s) => s.tag === el.tag);
  return sameTag.length > 1 ? `:nth-of-type(${sameTag.indexOf(el) + 1})` : '';
}
