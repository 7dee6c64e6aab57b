import type { PageElement } from '../page/node.ts';
import { elementChildren, type PageIndex } from './tree.ts';

/** An id usable as `#id` without escaping. Numeric ids (common on Hanweb: `<div id="4567">`) are not. */
const PLAIN_IDENT = /^-?[A-Za-z_][\w-]*$/;

/**
 * A CSS selector for `el` that both adapters produce identically: `tag#id` for a unique plain id (the path starts
 * there), otherwise `tag` or `tag:nth-of-type(n)` when same-tag siblings exist.
 *
 * `tbody` is skipped and bridged with a descendant combinator (`table tr`), because browsers insert an implicit
 * tbody that htmlparser2 does not; the selector then matches in both trees.
 */
export function cssPath(index: PageIndex, el: PageElement): string {
  const segments: string[] = [];
  const joins: string[] = [];
  let bridgeNext = false;
  for (let cur: PageElement | undefined = el; cur && cur.tag !== 'html'; cur = index.parentOf(cur)) {
    if (cur.tag === 'tbody' && cur !== el) {
      bridgeNext = true;
      continue;
    }
    if (segments.length > 0) joins.push(bridgeNext ? ' ' : ' > ');
    bridgeNext = false;
    const id = cur.attrs.id;
    if (id && PLAIN_IDENT.test(id) && index.idCount(id) === 1) {
      segments.push(`${cur.tag}#${id}`);
      break;
    }
    segments.push(cur.tag + nthOfType(index, cur));
  }
  let path = '';
  for (let i = segments.length - 1; i >= 0; i--) path += segments[i]! + (i > 0 ? joins[i - 1]! : '');
  return path;
}

function nthOfType(index: PageIndex, el: PageElement): string {
  const parent = index.parentOf(el);
  if (!parent) return '';
  const sameTag = elementChildren(parent).filter((s) => s.tag === el.tag);
  return sameTag.length > 1 ? `:nth-of-type(${sameTag.indexOf(el) + 1})` : '';
}
