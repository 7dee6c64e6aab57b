import type { PageDocument, PageNode } from '../../rules/page/node.ts';
import { makeElement, normaliseAttrs, rootElement } from '../../rules/extract/node-build.ts';

export interface PageFromDomOptions {
  /**
   * Also mark elements hidden by stylesheets (computed `display: none` / `visibility: hidden`). Only meaningful on a
   * rendered page; the crawler cannot see stylesheets, so leave it off when comparing with crawler results.
   */
  computeVisibility?: boolean;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const COMMENT_NODE = 8;

/**
 * A DOM Document (the live page, or linkedom in tests) → PageNode tree, normalised exactly like the crawler's
 * `pageFromHtml`, so the extension's self-check sees the same items the crawler does.
 */
export function pageFromDom(doc: Document, url: string, opts: PageFromDomOptions = {}): PageDocument {
  const view = opts.computeVisibility ? doc.defaultView : null;
  const computed = view && typeof view.getComputedStyle === 'function' ? view.getComputedStyle.bind(view) : undefined;
  const top = doc.documentElement ? [convert(doc.documentElement, computed)] : [];
  return { url, root: rootElement(top.filter((n): n is PageNode => n !== undefined)) };
}

type ComputeStyle = (el: Element) => CSSStyleDeclaration;

function convert(node: Node, computed: ComputeStyle | undefined): PageNode | undefined {
  switch (node.nodeType) {
    case TEXT_NODE:
    case CDATA_SECTION_NODE:
      return { type: 'text', text: node.nodeValue ?? '' };
    case COMMENT_NODE:
      return { type: 'comment', text: node.nodeValue ?? '' };
    case ELEMENT_NODE: {
      const el = node as Element;
      const attrs = normaliseAttrs(Array.from(el.attributes, (a) => [a.name, a.value] as const));
      // <template> keeps its markup in a separate fragment; read it like any other child list.
      const source = el.localName === 'template' && 'content' in el ? (el as HTMLTemplateElement).content : el;
      const children: PageNode[] = [];
      for (const child of Array.from(source.childNodes)) {
        const converted = convert(child, computed);
        if (converted) children.push(converted);
      }
      return makeElement(el.localName || el.nodeName, attrs, children, isComputedHidden(el, computed));
    }
    default:
      return undefined;
  }
}

/** Elements a browser never renders anyway; marking them hidden would only add noise. */
const NEVER_RENDERED = new Set(['head', 'script', 'style', 'meta', 'link', 'title', 'template', 'noscript']);

function isComputedHidden(el: Element, computed: ComputeStyle | undefined): boolean {
  if (!computed || NEVER_RENDERED.has(el.localName)) return false;
  try {
    const style = computed(el);
    return style.display === 'none' || style.visibility === 'hidden';
  } catch {
    return false; // detached or foreign nodes: fall back to the inline rules
  }
}
