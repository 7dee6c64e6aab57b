import type { PageDocument, PageElement, PageNode } from '../../rules/page/node.ts';
import { makeElement, normaliseAttrs, normaliseChildren, rootElement } from '../../rules/extract/node-build.ts';

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
  const top = doc.documentElement ? convertTree(doc.documentElement, computed) : [];
  return { url, root: rootElement(top) };
}

type ComputeStyle = (el: Element) => CSSStyleDeclaration;

/** Walks the DOM with an explicit stack, never recursion: a page nested thousands deep must not overflow. */
function convertTree(start: Node, computed: ComputeStyle | undefined): PageNode[] {
  const topRaw: PageNode[] = [];
  const pending: { element: PageElement; raw: PageNode[] }[] = [];
  const stack: { node: Node; into: PageNode[] }[] = [{ node: start, into: topRaw }];
  while (stack.length > 0) {
    const { node, into } = stack.pop()!;
    switch (node.nodeType) {
      case TEXT_NODE:
      case CDATA_SECTION_NODE:
        into.push({ type: 'text', text: node.nodeValue ?? '' });
        break;
      case COMMENT_NODE:
        into.push({ type: 'comment', text: node.nodeValue ?? '' });
        break;
      case ELEMENT_NODE: {
        const el = node as Element;
        const attrs = normaliseAttrs(Array.from(el.attributes, (a) => [a.name, a.value] as const));
        const element = makeElement(el.localName || el.nodeName, attrs, [], isComputedHidden(el, computed));
        const raw: PageNode[] = [];
        pending.push({ element, raw });
        into.push(element);
        // <template> keeps its markup in a separate fragment; read it like any other child list.
        const source = el.localName === 'template' && 'content' in el ? (el as HTMLTemplateElement).content : el;
        const kids = source.childNodes;
        for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, into: raw });
        break;
      }
      default:
        break;
    }
  }
  // Children are complete only now; normalise them as makeElement does for every adapter.
  for (const { element, raw } of pending) element.children = normaliseChildren(raw);
  return topRaw;
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
