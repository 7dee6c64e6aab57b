import type { PageElement, PageNode } from '../page/node.ts';

/**
 * The one place where adapters (parse5 in the crawler, the DOM in the extension, the fragment parser for
 * Hanweb records) turn raw parser output into PageNodes. Keeping every normalisation here is what makes the
 * trees equal whichever parser produced them.
 */

/** Whitespace as HTML pages use it, including no-break and ideographic spaces. */
const ONLY_WHITESPACE = /^[\s\u00a0\u3000\ufeff]*$/;

/** Inline-style and `hidden` rules any parser can see; computed style is the extension's business. */
export function isInlineHidden(attrs: Record<string, string>): boolean {
  if ('hidden' in attrs) return true;
  const style = (attrs.style ?? '').toLowerCase().replace(/\s+/g, '');
  return /(^|;)display:none(!important)?(;|$)/.test(style) || /(^|;)visibility:hidden(!important)?(;|$)/.test(style);
}

/** Lower-cases attribute names; the first occurrence of a repeated attribute wins, as in browsers. */
export function normaliseAttrs(pairs: Iterable<readonly [string, string]>): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const [name, value] of pairs) {
    const key = name.toLowerCase();
    if (!(key in attrs)) attrs[key] = value;
  }
  return attrs;
}

/**
 * Merges adjacent text nodes (some parsers split text at entities) and then drops whitespace-only text, so
 * that parsers which keep or drop inter-tag whitespace give the same children. CRLF becomes LF, as in the DOM.
 */
export function normaliseChildren(children: PageNode[]): PageNode[] {
  const merged: PageNode[] = [];
  for (const child of children) {
    const last = merged[merged.length - 1];
    if (child.type === 'text' && last?.type === 'text') last.text += child.text;
    else merged.push(child.type === 'text' ? { type: 'text', text: child.text } : child);
  }
  const out: PageNode[] = [];
  for (const child of merged) {
    if (child.type === 'text') {
      const text = child.text.replace(/\r\n?/g, '\n');
      if (!ONLY_WHITESPACE.test(text)) out.push({ type: 'text', text });
    } else out.push(child);
  }
  return out;
}

/** Builds an element the same way for every adapter: lower-case tag, normalised attributes and children. */
export function makeElement(tag: string, attrs: Record<string, string>, children: PageNode[], hidden = false): PageElement {
  const el: PageElement = { type: 'element', tag: tag.toLowerCase(), attrs, children: normaliseChildren(children) };
  if (hidden || isInlineHidden(attrs)) el.visible = false;
  return el;
}

/** Wraps top-level nodes in an `<html>` element when the parser produced none (fragments, odd pages). */
export function rootElement(topLevel: PageNode[]): PageElement {
  const html = topLevel.find((n): n is PageElement => n.type === 'element' && n.tag === 'html');
  return html ?? makeElement('html', {}, topLevel);
}
