import type { ClassState } from '../../lib/audit.ts';
import { hIn as hDoc, clear, type Child, type Props } from '../../lib/dom.ts';
import { isShown, menuOf, placeBadge, placeBanner, textBoxes, textObstacles, union, type Box } from './layout.ts';

/**
 * The overlay inside the shadow root: badges beside column links, outlines around the dated items of a column
 * list, a collapsible banner and a flash marker. Only createElement/textContent: every string shown here may
 * come from the page.
 */

export interface BadgeSpec {
  link: Element;
  state: ClassState;
  label: string;
  tooltip: string;
  url: string;
  classId: string;
}

export interface BannerSpec {
  title: string;
  collapsed: boolean;
  body: Node[];
  collapsedSummary: Child;
  onToggle: (collapsed: boolean) => void;
  toggleLabels: { collapse: string; expand: string };
}

/** The counts on the page (缺失 · 超期 · 即将到期 · 空白 · 待查 · 正常); each filters the badges. */
export interface PillSpec {
  title: string;
  buckets: { id: string; label: string; count: number; states: ClassState[] }[];
  clearLabel: string;
}

/** What the overlay shows, read back by the extension's own tests (the shadow root is closed to the page). */
export interface OverlayDescription {
  badges: { url: string; state: string; label: string; tooltip: string; hidden: boolean; rect: Box; link: Box | undefined }[];
  pill: { id: string; count: number; label: string; active: boolean; rect?: Box }[];
  banner?: { rect: Box; header: Box; collapsed: boolean; folded: boolean; text: string; state?: string; rules: { rule: string; outcome: string }[] };
  items: Box[];
  list?: Box;
  flashing: boolean;
}

interface PlacedBadge {
  spec: BadgeSpec;
  el: HTMLElement;
}

interface PlacedBox {
  target: Element;
  el: HTMLElement;
}

const COMPACT = { width: 10, height: 10 };

export class Overlay {
  private readonly layer: HTMLElement;
  private readonly bannerSlot: HTMLElement;
  private readonly pillSlot: HTMLElement;
  private pillFilter: string | undefined;
  private pillSpec: PillSpec | undefined;
  private listArea: Element | undefined;
  private badges: PlacedBadge[] = [];
  private boxes: PlacedBox[] = [];
  private flashBox: PlacedBox | undefined;
  private frame = 0;

  constructor(container: HTMLElement, private readonly doc: Document) {
    this.layer = this.h('div', { class: 'layer', dataset: { govaudit: 'layer' } });
    this.bannerSlot = this.h('div', { class: 'banner-slot', dataset: { govaudit: 'banner-slot' } });
    this.pillSlot = this.h('div', { class: 'pill-slot' });
    container.append(this.layer, this.bannerSlot, this.pillSlot);
  }

  h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
    return hDoc(this.doc, tag, props, ...children);
  }

  setBadges(specs: BadgeSpec[]): void {
    for (const b of this.badges) b.el.remove();
    this.badges = specs.map((spec) => {
      const el = this.h('span', { class: 'badge', title: spec.tooltip, dataset: { state: spec.state, classId: spec.classId, url: spec.url }, attrs: { role: 'note', 'aria-label': spec.tooltip } }, spec.label);
      this.layer.append(el);
      return { spec, el };
    });
    this.schedule();
  }

  setPill(spec: PillSpec | undefined): void {
    this.pillSpec = spec;
    if (spec && this.pillFilter && !spec.buckets.some((b) => b.id === this.pillFilter && b.count > 0)) this.pillFilter = undefined;
    this.drawPill();
    this.schedule();
  }

  private drawPill(): void {
    clear(this.pillSlot);
    const spec = this.pillSpec;
    if (!spec) return;
    const pill = this.h('div', { class: 'pill', attrs: { role: 'group', 'aria-label': spec.title } }, this.h('span', { class: 'pill-title' }, spec.title));
    for (const b of spec.buckets) {
      const active = this.pillFilter === b.id;
      const btn = this.h('button', { class: active ? 'on' : '', attrs: { type: 'button', 'aria-pressed': String(active) }, dataset: { bucket: b.id }, title: active ? spec.clearLabel : b.label }, this.h('b', {}, String(b.count)), ` ${b.label}`);
      btn.addEventListener('click', () => {
        this.pillFilter = active ? undefined : b.id;
        this.drawPill();
        this.schedule();
      });
      pill.append(btn);
    }
    this.pillSlot.append(pill);
  }

  private filteredOut(state: ClassState): boolean {
    if (!this.pillFilter) return false;
    const bucket = this.pillSpec?.buckets.find((b) => b.id === this.pillFilter);
    return !!bucket && !bucket.states.includes(state);
  }

  /** The list the banner must never cover (its container; the dated items are added to it). */
  setListArea(el: Element | undefined): void {
    this.listArea = el;
    this.schedule();
  }

  setItemBoxes(items: { target: Element; newest: boolean }[]): void {
    for (const b of this.boxes) b.el.remove();
    this.boxes = items.map(({ target, newest }) => {
      const el = this.h('div', { class: newest ? 'box newest' : 'box', dataset: { govaudit: 'item' } });
      this.layer.append(el);
      return { target, el };
    });
    this.schedule();
  }

  setBanner(spec: BannerSpec | undefined): void {
    clear(this.bannerSlot);
    if (!spec) return;
    const banner = this.h('section', { class: spec.collapsed ? 'banner collapsed' : 'banner', dataset: { govaudit: 'banner' } });
    const toggle = this.h('button', { attrs: { type: 'button', 'aria-expanded': String(!spec.collapsed) } }, spec.collapsed ? spec.toggleLabels.expand : spec.toggleLabels.collapse);
    const summary = this.h('span', { class: 'summary' }, spec.collapsedSummary);
    const header = this.h('header', {}, this.h('span', { class: 'title' }, spec.title), summary, toggle);
    const body = this.h('div', { class: 'body' }, ...spec.body);
    const setCollapsed = (collapsed: boolean) => {
      banner.classList.toggle('collapsed', collapsed);
      toggle.textContent = collapsed ? spec.toggleLabels.expand : spec.toggleLabels.collapse;
      toggle.setAttribute('aria-expanded', String(!collapsed));
      spec.onToggle(collapsed);
      this.schedule();
    };
    header.addEventListener('click', () => setCollapsed(!banner.classList.contains('collapsed')));
    banner.append(header, body);
    this.bannerSlot.append(banner);
    this.schedule();
  }

  /** Outlines an element for a few seconds (clicked from the side panel). */
  flash(target: Element): void {
    this.flashBox?.el.remove();
    const el = this.h('div', { class: 'box flash', dataset: { govaudit: 'flash' } });
    this.layer.append(el);
    const placed = { target, el };
    this.flashBox = placed;
    this.schedule();
    setTimeout(() => {
      if (this.flashBox === placed) {
        el.remove();
        this.flashBox = undefined;
      }
    }, 4000);
  }

  /** Repositions on the next frame (scroll, resize, new content); calls within a frame coalesce. */
  schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.layout();
    });
  }

  /** Reads all geometry first, then writes, so a pass costs one layout of the page. */
  layout(): void {
    const view = this.doc.defaultView!;
    const viewport = { width: view.innerWidth, height: view.innerHeight };
    const anchors = this.badges.map((b) => (b.spec.link.isConnected ? union(textBoxes(b.spec.link)) : undefined));
    const menus = new Set<Element>();
    this.badges.forEach((b, i) => {
      if (isShown(anchors[i], viewport)) menus.add(menuOf(b.spec.link));
    });
    const obstacles: Box[] = textObstacles(menus);
    for (const b of this.badges) b.el.classList.remove('compact', 'hidden');
    const sizes = this.badges.map((b) => ({ width: b.el.offsetWidth || 30, height: b.el.offsetHeight || 16 }));
    const boxRects = this.boxes.map((b) => (b.target.isConnected ? b.target.getBoundingClientRect() : undefined));
    const flashRect = this.flashBox?.target.isConnected ? this.flashBox.target.getBoundingClientRect() : undefined;
    const banner = this.bannerSlot.querySelector<HTMLElement>('.banner');
    const bannerSize = banner ? { width: banner.offsetWidth, height: banner.offsetHeight } : undefined;

    const placed: Box[] = [];
    this.badges.forEach((b, i) => {
      const anchor = anchors[i];
      if (!isShown(anchor, viewport)) {
        b.el.classList.add('hidden');
        return;
      }
      const p = insideBlock(b.spec.link, sizes[i]!, [...obstacles, ...placed]) ?? placeBadge(anchor, sizes[i]!, COMPACT, [...obstacles, ...placed], viewport);
      const size = p.compact ? COMPACT : sizes[i]!;
      placed.push({ left: p.left, top: p.top, right: p.left + size.width, bottom: p.top + size.height });
      b.el.classList.toggle('compact', p.compact);
      b.el.style.left = `${Math.round(p.left)}px`;
      b.el.style.top = `${Math.round(p.top)}px`;
    });
    this.boxes.forEach((b, i) => place(b.el, boxRects[i], 2));
    if (this.flashBox) place(this.flashBox.el, flashRect, 4);
    for (const b of this.badges) if (this.filteredOut(b.spec.state)) b.el.classList.add('hidden');
    if (banner && bannerSize) {
      const avoid: Box[] = boxRects.filter((r): r is DOMRect => !!r && r.width > 0).map(toBox);
      const list = this.listArea?.isConnected ? this.listArea.getBoundingClientRect() : undefined;
      if (list && list.width > 0 && list.height > 0) avoid.push(toBox(list));
      banner.classList.remove('folded');
      let spot = placeBanner(bannerSize, avoid, viewport);
      if (spot.covers && !banner.classList.contains('collapsed')) {
        // No free spot for the open banner: fold it to its header, which fits where the whole would not.
        banner.classList.add('folded');
        const header = banner.querySelector('header') as HTMLElement | null;
        spot = placeBanner({ width: banner.offsetWidth, height: header?.offsetHeight ?? 30 }, avoid, viewport);
      }
      banner.style.left = `${Math.round(spot.left)}px`;
      banner.style.top = `${Math.round(spot.top)}px`;
    }
  }

  /** The overlay's state and geometry, for the extension's tests (asked through the extension, never the page). */
  describe(): OverlayDescription {
    const box = (el: Element) => toBox(el.getBoundingClientRect());
    const banner = this.bannerSlot.querySelector<HTMLElement>('.banner');
    const list = this.listArea?.isConnected ? box(this.listArea) : undefined;
    return {
      badges: this.badges.map((b) => ({
        url: b.spec.url, state: b.spec.state, label: b.el.textContent ?? '', tooltip: b.el.title, hidden: b.el.classList.contains('hidden'), rect: box(b.el),
        link: b.spec.link.isConnected ? union(textBoxes(b.spec.link)) : undefined,
      })),
      pill: (this.pillSpec?.buckets ?? []).map((b) => {
        const button = this.pillSlot.querySelector<HTMLElement>(`button[data-bucket="${b.id}"]`);
        return { id: b.id, count: b.count, label: b.label, active: this.pillFilter === b.id, ...(button ? { rect: box(button) } : {}) };
      }),
      ...(banner ? { banner: { rect: box(banner), header: box(banner.querySelector('header')!), collapsed: banner.classList.contains('collapsed'), folded: banner.classList.contains('folded'), text: banner.textContent ?? '',
        state: banner.querySelector<HTMLElement>('.summary .chip')?.dataset.state,
        rules: Array.from(banner.querySelectorAll<HTMLElement>('li[data-rule]')).map((li) => ({ rule: li.dataset.rule ?? '', outcome: li.querySelector<HTMLElement>('.chip')?.dataset.outcome ?? '' })),
      } } : {}),
      items: this.boxes.filter((b) => b.target.isConnected).map((b) => box(b.target)),
      ...(list ? { list } : {}),
      flashing: !!this.flashBox,
    };
  }

  destroy(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.layer.remove();
    this.bannerSlot.remove();
    this.pillSlot.remove();
  }
}

/**
 * A link drawn as a tile (an icon and a caption in a box) owns its box: a badge outside it would sit on the
 * neighbouring tile and read as that one's. Inside its top-right corner, when that covers no text.
 */
function insideBlock(link: Element, size: { width: number; height: number }, obstacles: Box[]): { left: number; top: number; compact: boolean } | undefined {
  const r = link.getBoundingClientRect();
  if (r.height < 2.5 * size.height || r.width < size.width + 24) return undefined;
  const spot = { left: r.right - size.width - 4, top: r.top + 4, right: r.right - 4, bottom: r.top + 4 + size.height };
  const hits = obstacles.some((o) => o.left < spot.right && spot.left < o.right && o.top < spot.bottom && spot.top < o.bottom);
  return hits ? undefined : { left: spot.left, top: spot.top, compact: false };
}

function toBox(r: DOMRect | Box): Box {
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
}

function place(el: HTMLElement, r: DOMRect | undefined, pad: number): void {
  if (!r || r.width === 0 || r.height === 0) {
    el.classList.add('hidden');
    return;
  }
  el.classList.remove('hidden');
  Object.assign(el.style, { left: `${Math.round(r.left - pad)}px`, top: `${Math.round(r.top - pad)}px`, width: `${Math.round(r.width + 2 * pad)}px`, height: `${Math.round(r.height + 2 * pad)}px` });
}
