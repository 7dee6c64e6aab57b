import type { PageElement, PageNode } from '../page/node.ts';

/** Text content as a reader sees it: whitespace collapsed, scripts and styles left out unless asked for. */

const NON_TEXT_TAGS = new Set(['script', 'style', 'noscript', 'template']);

/** Elements that start a new line or cell on screen; their text must not run into the neighbour's. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'section', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul', 'option', 'select', 'caption', 'center',
]);

export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u3000\ufeff]+/g, ' ').trim();
}

export interface TextOptions {
  /** Read <script>/<style> bodies too. */
  includeScripts?: boolean;
  /** Read comment text too (years hidden in `<!--2018-->`). */
  includeComments?: boolean;
  /** Nodes whose whole subtree is left out (e.g. the link when reading the rest of a row). */
  exclude?: ReadonlySet<PageNode>;
}

/** Collapsed text of a node; block boundaries become spaces so cells and lines stay apart. */
export function textOf(node: PageNode, opts: TextOptions = {}): string {
  const parts: string[] = [];
  collect(node, opts, parts);
  return collapseWhitespace(parts.join(''));
}

function collect(node: PageNode, opts: TextOptions, parts: string[]): void {
  if (opts.exclude?.has(node)) return;
  if (node.type === 'text') {
    parts.push(node.text);
    return;
  }
  if (node.type === 'comment') {
    if (opts.includeComments) parts.push(` ${node.text} `);
    return;
  }
  if (!opts.includeScripts && NON_TEXT_TAGS.has(node.tag)) return;
  const block = BLOCK_TAGS.has(node.tag);
  if (block) parts.push(' ');
  for (const child of node.children) collect(child, opts, parts);
  if (block) parts.push(' ');
}

/**
 * The collapsed text of `node` when it is short, else undefined; stops reading as soon as the raw text passes
 * `maxChars`, so probing big blocks for a heading stays cheap.
 */
export function shortTextOf(node: PageNode, maxChars: number): string | undefined {
  let budget = maxChars * 4; // raw text may hold indentation that collapsing removes
  const parts: string[] = [];
  const visit = (n: PageNode): boolean => {
    if (n.type === 'comment') return true;
    if (n.type === 'text') {
      budget -= n.text.length;
      parts.push(n.text);
      return budget >= 0;
    }
    if (NON_TEXT_TAGS.has(n.tag)) return true;
    const block = BLOCK_TAGS.has(n.tag);
    if (block) parts.push(' ');
    for (const child of n.children) if (!visit(child)) return false;
    if (block) parts.push(' ');
    return true;
  };
  if (!visit(node)) return undefined;
  const text = collapseWhitespace(parts.join(''));
  return text.length <= maxChars ? text : undefined;
}

/** Raw bodies of all <script> elements under `root`, in document order. */
export function scriptBodies(root: PageElement): string[] {
  const out: string[] = [];
  const visit = (el: PageElement): void => {
    if (el.tag === 'script') {
      out.push(el.children.map((c) => (c.type === 'text' ? c.text : '')).join(''));
      return;
    }
    for (const child of el.children) if (child.type === 'element') visit(child);
  };
  visit(root);
  return out;
}

/** Comment texts directly or deeply inside `node`. */
export function commentTexts(node: PageNode): string[] {
  if (node.type === 'comment') return [node.text];
  if (node.type === 'text') return [];
  return node.children.flatMap(commentTexts);
}
