import { ownText } from '../extract/text.ts';
import { extractDetailDates } from '../extract/detail-page.ts';
import type { TextObservation } from '../model/snapshot.ts';
import { findFirst } from '../extract/tree.ts';
import type { PageDocument, PageNode } from '../page/node.ts';
import { observeText } from './observe.ts';

/**
 * A page's text as lines, the way a reader (or an inspector's view-source) finds it: every block element starts a
 * new line, table cells are separated by a tab. Scripts and styles are left out; hidden elements are kept, since
 * a number in hidden markup is published all the same.
 */

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'select', 'option']);
const LINE_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'section', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
  'caption', 'center', 'pre', 'body', 'html',
]);
const CELL_TAGS = new Set(['td', 'th']);

export function pageText(doc: PageDocument): string {
  const parts: string[] = [];
  // An explicit stack (a '\n' entry closes a line element): no depth overflows the call stack.
  const stack: (PageNode | '\n')[] = [doc.root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === '\n') {
      parts.push('\n');
      continue;
    }
    if (node.type === 'text') {
      parts.push(node.text.replace(/[\s\u00a0]+/g, ' '));
      continue;
    }
    if (node.type === 'comment' || SKIP.has(node.tag)) continue;
    if (LINE_TAGS.has(node.tag)) {
      parts.push('\n');
      stack.push('\n');
    }
    if (CELL_TAGS.has(node.tag)) parts.push('\t');
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return parts.join('').split('\n').map((l) => l.replace(/[ \t]+/g, ' ').trim()).filter((l) => l !== '').join('\n');
}

/** The page's title: `<title>` or the first heading. */
export function pageTitle(doc: PageDocument): string | undefined {
  const el = findFirst(doc.root, (e) => (e.tag === 'title' || e.tag === 'h1') && ownText(e).trim() !== '');
  return el ? ownText(el).trim() : undefined;
}

/**
 * A page as the text checks read it, the same in the crawler and the extension: its visible text (personal numbers
 * masked), title and publish date (which tells an old name in an old article from a new mistake).
 */
export function observePageText(doc: PageDocument, url: string, now: string, maxChars?: number): TextObservation {
  const title = pageTitle(doc);
  const date = extractDetailDates(doc, { notAfter: now }).publishDate?.date;
  return observeText(pageText(doc), { url, source: 'page', ...(title ? { title } : {}), ...(date && date <= now ? { date } : {}), notAfter: now, ...(maxChars ? { maxChars } : {}) });
}
