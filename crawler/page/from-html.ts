import { parseDocument } from 'htmlparser2';
import type { ChildNode } from 'domhandler';
import type { PageDocument, PageNode } from '../../rules/page/node.ts';
import { makeElement, normaliseAttrs, rootElement } from '../../rules/extract/node-build.ts';

/**
 * Fetched HTML → PageNode tree, via htmlparser2 (the parser under cheerio). Comments are kept because some sites
 * put the year of a list date in one (`<!--2018-->06-04`); script bodies stay as text because Hanweb keeps its
 * list records there.
 */
export function pageFromHtml(html: string, url: string): PageDocument {
  const dom = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  return { url, root: rootElement(convertAll(dom.children)) };
}

function convertAll(nodes: ChildNode[]): PageNode[] {
  const out: PageNode[] = [];
  for (const node of nodes) {
    const converted = convert(node);
    if (converted) out.push(converted);
  }
  return out;
}

function convert(node: ChildNode): PageNode | undefined {
  switch (node.type) {
    case 'text':
      return { type: 'text', text: node.data };
    case 'comment':
      return { type: 'comment', text: node.data };
    case 'cdata':
      // Only in foreign content (svg/math); its text is what a browser shows.
      return { type: 'text', text: node.children.map((c) => ('data' in c ? c.data : '')).join('') };
    case 'tag':
    case 'script':
    case 'style':
      return makeElement(node.name, normaliseAttrs(Object.entries(node.attribs)), convertAll(node.children));
    default:
      return undefined; // doctype and processing instructions carry nothing we read
  }
}
