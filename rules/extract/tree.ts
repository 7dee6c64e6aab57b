import type { PageDocument, PageElement, PageNode } from '../page/node.ts';

/** Tree walking and a parent index for PageNodes, which carry no parent pointers. */

export function isElement(node: PageNode | undefined): node is PageElement {
  return node?.type === 'element';
}

export function elementChildren(el: PageElement): PageElement[] {
  return el.children.filter(isElement);
}

/** All elements under `root` (itself included) in document order. */
export function allElements(root: PageElement): PageElement[] {
  const out: PageElement[] = [];
  const stack: PageElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    out.push(el);
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      const kid = kids[i]!;
      if (kid.type === 'element') stack.push(kid);
    }
  }
  return out;
}

/**
 * Elements under `root` (itself included) in document order, one at a time with an explicit stack: callers that
 * stop early read only what they need, and no depth overflows the call stack.
 */
export function* walkElements(root: PageElement): Generator<PageElement, void, undefined> {
  const stack: PageElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    yield el;
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      const kid = kids[i]!;
      if (kid.type === 'element') stack.push(kid);
    }
  }
}

export function findAll(root: PageElement, predicate: (el: PageElement) => boolean): PageElement[] {
  return allElements(root).filter(predicate);
}

export function findFirst(root: PageElement, predicate: (el: PageElement) => boolean): PageElement | undefined {
  for (const el of walkElements(root)) if (predicate(el)) return el;
  return undefined;
}

/** Class and id split into lower-case tokens, for region guesses such as `sidebar` or `news_right`. */
export function nameTokens(el: PageElement): string[] {
  const raw = `${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`.toLowerCase();
  return raw.split(/[\s_\-.:]+/).filter(Boolean);
}

export interface PageIndex {
  readonly root: PageElement;
  /** Every element in document order. */
  readonly elements: readonly PageElement[];
  parentOf(node: PageNode): PageElement | undefined;
  /** Nearest ancestor first; the node itself is not included. */
  ancestors(node: PageNode): PageElement[];
  /** How many elements carry this id (ids are only usable in CSS paths when unique). */
  idCount(id: string): number;
}

export function indexTree(root: PageElement): PageIndex {
  const parents = new Map<PageNode, PageElement>();
  const ids = new Map<string, number>();
  const elements = allElements(root);
  for (const el of elements) {
    for (const child of el.children) parents.set(child, el);
    const id = el.attrs.id;
    if (id) ids.set(id, (ids.get(id) ?? 0) + 1);
  }
  return {
    root,
    elements,
    parentOf: (node) => parents.get(node),
    ancestors(node) {
      const out: PageElement[] = [];
      for (let p = parents.get(node); p; p = parents.get(p)) out.push(p);
      return out;
    },
    idCount: (id) => ids.get(id) ?? 0,
  };
}

export function indexPage(doc: PageDocument): PageIndex {
  return indexTree(doc.root);
}
