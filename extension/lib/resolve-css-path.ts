/**
 * Finds the live element a `cssPath()` (rules/extract/css-path.ts) names, by walking the path step by step with the
 * children of each parent grouped by tag once. `document.querySelector` with `:nth-of-type(n)` scans the siblings at
 * each step, so resolving every link of a page with 20,000 sibling links that way is quadratic (it froze the tab).
 */
export class CssPathResolver {
  private readonly byTag = new WeakMap<Element, Map<string, Element[]>>();

  constructor(private readonly doc: Document) {}

  resolve(path: string): Element | null {
    let cur: Element | null = null;
    for (const [i, step] of path.split(' > ').entries()) {
      const m = /^([a-z0-9-]+)(?:#([\w-]+)|:nth-of-type\((\d+)\))?$/i.exec(step.trim());
      if (!m) return this.fallback(path);
      const [, tag, id, nth] = m;
      if (id) {
        // An id step starts the path (it is unique on the page).
        const el = this.doc.getElementById(id);
        if (!el || el.localName !== tag!.toLowerCase()) return this.fallback(path);
        cur = el;
        continue;
      }
      const parent: Element | null = i === 0 ? this.doc.documentElement : cur;
      if (!parent) return null;
      const same: Element[] = this.children(parent).get(tag!.toLowerCase()) ?? [];
      cur = same[nth ? Number(nth) - 1 : 0] ?? null;
      if (!cur) return null;
    }
    return cur;
  }

  private children(parent: Element): Map<string, Element[]> {
    let groups = this.byTag.get(parent);
    if (!groups) {
      groups = new Map();
      for (const child of Array.from(parent.children)) {
        const list = groups.get(child.localName) ?? [];
        list.push(child);
        groups.set(child.localName, list);
      }
      this.byTag.set(parent, groups);
    }
    return groups;
  }

  /** A step this walker does not read (escaped ids and the like): the browser's own selector engine. */
  private fallback(path: string): Element | null {
    try {
      return this.doc.querySelector(path);
    } catch {
      return null;
    }
  }
}
