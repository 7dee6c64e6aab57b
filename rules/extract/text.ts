import type { PageElement, PageNode } from '../page/node.ts';
import { allElements } from './tree.ts';

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
  readText(node, opts, Infinity, parts);
  return collapseWhitespace(parts.join(''));
}

/** Nodes any short-text probe may visit, however short the text asked for. */
const MIN_NODE_BUDGET = 64;

/** A stack entry: a node to read, or the space that closes a block element. */
type TextStep = PageNode | ' ';

/**
 * Appends the raw text under `node` to `parts`, walking with an explicit stack (no recursion, so any depth is
 * safe). Stops once more than `budget` raw characters were read and returns false then.
 */
function readText(node: PageNode, opts: TextOptions, budget: number, parts: string[], nodeBudget = Infinity): boolean {
  const stack: TextStep[] = [node];
  while (stack.length > 0) {
    if (--nodeBudget < 0) return false;
    const step = stack.pop()!;
    if (step === ' ') {
      parts.push(' ');
      continue;
    }
    if (opts.exclude?.has(step)) continue;
    if (step.type === 'text') {
      parts.push(step.text);
      budget -= step.text.length;
      if (budget < 0) return false;
      continue;
    }
    if (step.type === 'comment') {
      if (opts.includeComments) parts.push(` ${step.text} `);
      continue;
    }
    if (!opts.includeScripts && NON_TEXT_TAGS.has(step.tag)) continue;
    const block = BLOCK_TAGS.has(step.tag);
    if (block) {
      parts.push(' ');
      stack.push(' ');
    }
    for (let i = step.children.length - 1; i >= 0; i--) stack.push(step.children[i]!);
  }
  return true;
}

/**
 * The collapsed text of `node` when it is short, else undefined; stops reading as soon as the raw text passes
 * `maxChars`, so probing big blocks for a heading stays cheap.
 */
export function shortTextOf(node: PageNode, maxChars: number): string | undefined {
  const parts: string[] = [];
  // Raw text may hold indentation that collapsing removes. Nodes are bounded too: a deep or wide subtree of
  // empty wrappers is no short text either, and probing it must not cost its whole size.
  if (!readText(node, {}, maxChars * 4, parts, Math.max(MIN_NODE_BUDGET, maxChars * 4))) return undefined;
  const text = collapseWhitespace(parts.join(''));
  return text.length <= maxChars ? text : undefined;
}

/** The raw text an element holds directly (a script's body, a title): its text children joined, nothing below. */
export function ownText(el: PageElement): string {
  return el.children.map((c) => (c.type === 'text' ? c.text : '')).join('');
}

/** Raw bodies of all <script> elements under `root`, in document order. */
export function scriptBodies(root: PageElement): string[] {
  return allElements(root).filter((el) => el.tag === 'script').map(ownText);
}

/** Comment texts directly or deeply inside `node`, in document order. */
export function commentTexts(node: PageNode): string[] {
  const out: string[] = [];
  const stack: PageNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'comment') out.push(n.text);
    else if (n.type === 'element') for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}
