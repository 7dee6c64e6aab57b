/**
 * Where a badge goes: beside its link's text, never over any text of the menu it sits in. Geometry is in viewport
 * coordinates (the overlay layer is position: fixed), recomputed on scroll and resize.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  /** True when no spot was free: the badge shrinks to a dot at the least crowded spot. */
  compact: boolean;
}

const GAP = 2;

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

function boxAt(left: number, top: number, size: Size): Box {
  return { left, top, right: left + size.width, bottom: top + size.height };
}

function candidates(text: Box, size: Size): Box[] {
  const midTop = text.top + (text.bottom - text.top - size.height) / 2;
  return [
    boxAt(text.right + GAP + 1, midTop, size), // right of the text
    boxAt(text.right - size.width, text.top - size.height - GAP, size), // above, right-aligned (superscript)
    boxAt(text.right - size.width, text.bottom + GAP, size), // below, right-aligned
    boxAt(text.left, text.top - size.height - GAP, size), // above, left-aligned
    boxAt(text.left, text.bottom + GAP, size), // below, left-aligned
    boxAt(text.left - size.width - GAP - 1, midTop, size), // left of the text
  ];
}

function crowding(b: Box, obstacles: Box[], viewport: Size): number {
  let sum = 0;
  for (const o of obstacles) sum += overlap(b, o);
  // Off-screen spots are as bad as covered ones.
  const inside = overlap(b, { left: 0, top: 0, right: viewport.width, bottom: viewport.height });
  const area = (b.right - b.left) * (b.bottom - b.top);
  return sum + (area - inside);
}

/**
 * The first free spot around the link's text (right, above, below, left); if every spot covers some text, a
 * dot-sized badge at the least crowded one.
 */
export function placeBadge(text: Box, size: Size, compactSize: Size, obstacles: Box[], viewport: Size): Placement {
  for (const c of candidates(text, size)) if (crowding(c, obstacles, viewport) === 0) return { left: c.left, top: c.top, compact: false };
  let best: Box | undefined;
  let bestScore = Infinity;
  for (const c of candidates(text, compactSize)) {
    const score = crowding(c, obstacles, viewport);
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return { left: best!.left, top: best!.top, compact: true };
}

export function union(rects: Box[]): Box | undefined {
  if (rects.length === 0) return undefined;
  return rects.reduce((a, b) => ({ left: Math.min(a.left, b.left), top: Math.min(a.top, b.top), right: Math.max(a.right, b.right), bottom: Math.max(a.bottom, b.bottom) }));
}

function visibleRects(list: DOMRectList | DOMRect[]): Box[] {
  const out: Box[] = [];
  for (const r of Array.from(list)) if (r.width > 0 && r.height > 0) out.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  return out;
}

/** The boxes of an element's rendered text (per line), or of the element itself when it shows no text (icons). */
export function textBoxes(el: Element): Box[] {
  const range = el.ownerDocument.createRange();
  range.selectNodeContents(el);
  const rects = visibleRects(range.getClientRects());
  range.detach();
  return rects.length > 0 ? rects : visibleRects([el.getBoundingClientRect()]);
}

const MAX_TEXT_NODES = 1500;

/** Text boxes of every non-blank text node under `root` (the menu around a link), capped. */
export function textObstacles(roots: Iterable<Element>): Box[] {
  const out: Box[] = [];
  let budget = MAX_TEXT_NODES;
  for (const root of roots) {
    const doc = root.ownerDocument;
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.nodeValue && /\S/.test(n.nodeValue) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
    });
    const range = doc.createRange();
    for (let n = walker.nextNode(); n && budget > 0; n = walker.nextNode(), budget--) {
      range.selectNodeContents(n);
      out.push(...visibleRects(range.getClientRects()));
    }
    range.detach();
  }
  return out;
}

/** The element around a link whose text a badge must not cover: the menu (a few levels up). */
export function menuOf(link: Element, levels = 3): Element {
  let el: Element = link;
  for (let i = 0; i < levels && el.parentElement && el.parentElement !== el.ownerDocument.body; i++) el = el.parentElement;
  return el;
}

export function isShown(box: Box | undefined, viewport: Size): box is Box {
  return !!box && box.right > 0 && box.bottom > 0 && box.left < viewport.width && box.top < viewport.height;
}

export interface BannerPlacement {
  left: number;
  top: number;
  /** Even the best spot covers part of the list: the banner should fold to its header. */
  covers: boolean;
}

/**
 * Where the column banner goes: the first spot that covers none of `avoid` (the list and its dated items, the
 * one thing the evaluator checks on a list page), trying the four corners, then beside the list on either side,
 * then above and below it. With no free spot, the least covering one, folded.
 */
export function placeBanner(size: Size, avoid: Box[], viewport: Size, margin = 12): BannerPlacement {
  const w = Math.min(size.width, viewport.width - 2 * margin);
  const h = Math.min(size.height, viewport.height - 2 * margin);
  const right = viewport.width - margin - w;
  const bottom = viewport.height - margin - h;
  const spots: { left: number; top: number }[] = [
    { left: right, top: margin }, { left: right, top: bottom }, { left: margin, top: margin }, { left: margin, top: bottom },
  ];
  const list = union(avoid.filter((b) => b.right > 0 && b.bottom > 0 && b.left < viewport.width && b.top < viewport.height));
  if (list) {
    spots.push(
      { left: list.right + margin, top: margin }, { left: list.left - margin - w, top: margin },
      { left: right, top: list.bottom + margin }, { left: right, top: list.top - margin - h },
    );
  }
  const fits = (s: { left: number; top: number }) => s.left >= 0 && s.top >= 0 && s.left + w <= viewport.width && s.top + h <= viewport.height;
  const cover = (s: { left: number; top: number }) => {
    const b = { left: s.left, top: s.top, right: s.left + w, bottom: s.top + h };
    return avoid.reduce((sum, o) => sum + overlap(b, o), 0);
  };
  let best = spots[0]!;
  let bestCover = Infinity;
  for (const s of spots) {
    if (!fits(s)) continue;
    const c = cover(s);
    if (c === 0) return { left: s.left, top: s.top, covers: false };
    if (c < bestCover) {
      best = s;
      bestCover = c;
    }
  }
  return { left: best.left, top: best.top, covers: true };
}
