import { parse, type DefaultTreeAdapterTypes as P5 } from 'parse5';
import type { PageDocument, PageElement, PageNode } from '../../rules/page/node.ts';
import { makeElement, normaliseAttrs, normaliseChildren, rootElement } from '../../rules/extract/node-build.ts';

/**
 * Fetched HTML → PageNode tree, built by the HTML5 tree-construction rules (parse5, the parser cheerio uses for
 * documents), so the tree is the one a browser builds: a second `</body></html>` from an included header fragment
 * does not end the page, misnested tags and `<a><a>title</a>` are repaired as a browser repairs them, and a `<tr>`
 * written straight in a `<table>` gets its tbody.
 *
 * Comments are kept because some sites put the year of a list date in one (`<!--2018-->06-04`); script bodies stay
 * as text because Hanweb keeps its list records there.
 *
 * The conversion walks the parser's tree with an explicit stack, never recursion, so a page nested thousands of
 * elements deep cannot overflow the call stack.
 */
export function pageFromHtml(html: string, url: string): PageDocument {
  const document = parse(html);
  return { url, root: rootElement(convertTree(document.childNodes)) };
}

type P5Node = P5.ChildNode;

interface Pending {
  element: PageElement;
  raw: PageNode[];
}

function convertTree(top: P5Node[]): PageNode[] {
  const topRaw: PageNode[] = [];
  const pending: Pending[] = [];
  // Each stack entry: a parser node and the raw child list its PageNode goes into.
  const stack: { node: P5Node; into: PageNode[] }[] = [];
  for (let i = top.length - 1; i >= 0; i--) stack.push({ node: top[i]!, into: topRaw });
  while (stack.length > 0) {
    const { node, into } = stack.pop()!;
    if (node.nodeName === '#text') {
      into.push({ type: 'text', text: (node as P5.TextNode).value });
      continue;
    }
    if (node.nodeName === '#comment') {
      into.push({ type: 'comment', text: (node as P5.CommentNode).data });
      continue;
    }
    if (!('tagName' in node)) continue; // doctype carries nothing we read
    const el = node as P5.Element;
    const attrs = normaliseAttrs(el.attrs.map((a) => [a.prefix ? `${a.prefix}:${a.name}` : a.name, a.value] as const));
    const element = makeElement(el.tagName, attrs, []);
    const raw: PageNode[] = [];
    pending.push({ element, raw });
    into.push(element);
    // <template> keeps its markup in a separate fragment; read it like any other child list, as the extension does.
    const kids = el.tagName === 'template' && 'content' in el ? (el as P5.Template).content.childNodes : el.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, into: raw });
  }
  // Children are complete only now; normalise them the way makeElement does for every adapter.
  for (const { element, raw } of pending) element.children = normaliseChildren(raw);
  return normaliseChildren(topRaw);
}
