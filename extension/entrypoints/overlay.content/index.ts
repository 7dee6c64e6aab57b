import { browser } from 'wxt/browser';
import { CssPathResolver } from '../../lib/resolve-css-path.ts';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { HUB_CLASSES } from '../../../crawler/crawl/discover.ts';
import { matchColumn } from '../../../rules/discover/match-columns.ts';
import { extractLinks } from '../../../rules/extract/nav-links.ts';
import type { PageDocument } from '../../../rules/page/node.ts';
import { checklist, columnStatus, keyOfFinding, overrideCandidates, SUMMARY_BUCKETS, summaryCounts, type ColumnStatus } from '../../lib/audit.ts';
import { findingHeadline, inLang, messageParts } from '../../../reports/vocabulary.ts';
import { textBoxes } from './layout.ts';
import { ageText, colon, local, OUTCOME_TEXT, paren, STATE_TEXT, t } from '../../lib/i18n.ts';
import type { ContentMessage, FlashTarget } from '../../lib/messages.ts';
import { findingKey, type FindingOverride, type Lang } from '../../lib/model.ts';
import { columnClassesFor, packsById } from '../../lib/packs.ts';
import { pageFromDom } from '../../lib/page-from-dom.ts';
import { auditDateOf, loadSiteAudit, type SiteAudit } from '../../lib/site-audit.ts';
import { columnKey, isNotVisited, JS_LIST_REASON, observePage, sameColumnUrl, sameObservations, sameSite, unreadColumns, unreadHubs, type ColumnCandidate, type ObservationSource, type PageRole } from '../../lib/snapshot.ts';
import { GovauditStore, SETTINGS_KEY, siteKey } from '../../lib/store.ts';
import { Overlay, type BadgeSpec, type BannerSpec } from './overlay.ts';
import { fetchPage, inBatches } from './prefetch.ts';
import { OVERLAY_CSS } from './style.ts';

/**
 * The overlay: reads the page as it is drawn (after scripts), folds it into the site's session with the same
 * pure functions the crawler uses, evaluates, and marks the page. Registered at runtime for enabled origins only
 * (see background.ts), so `matches` is empty here and the manifest asks for no host access.
 */

/** Pages re-read after the page changes (lists drawn late, single-page navigation); quiet period in ms. */
const RESCAN_DEBOUNCE_MS = 700;
const RESCAN_MAX_WAIT_MS = 3000;
/** Columns read in the background per page view, and how long such a reading is trusted. */
const PREFETCH_LIMIT = 60;
const PREFETCH_MAX_AGE_MS = 6 * 3600_000;
const PREFETCH_CONCURRENCY = 2;

export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  async main(ctx) {
    const origin = location.origin;
    if (!/^https?:$/.test(location.protocol)) return;
    const store = new GovauditStore(browser.storage.local);
    const ui = await createShadowRootUi(ctx, {
      name: 'govaudit-overlay',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: OVERLAY_CSS,
      // Closed: the page cannot reach the findings or rewrite the badges through the host element.
      mode: 'closed',
      onMount: (container) => new Overlay(container, document),
    });
    ui.mount();
    const overlay = ui.mounted!;
    const runner = new OverlayRunner(ctx, store, origin, overlay, ui.shadowHost);
    runner.start();
  },
});

interface LinkOnPage {
  el: Element;
  url: string;
  text: string;
  classId?: string;
  region: string;
}

class OverlayRunner {
  private lastRole: PageRole | undefined;
  private links: LinkOnPage[] = [];
  private audit: SiteAudit | undefined;
  private rescanTimer: ReturnType<typeof setTimeout> | undefined;
  private firstPending = 0;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private scanning: Promise<void> = Promise.resolve();
  private readonly attempted = new Set<string>();
  private prefetching = false;
  /** Columns whose every link on this page is hidden (URL → link text). */
  private hiddenOnly = new Map<string, string>();

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly store: GovauditStore,
    private readonly origin: string,
    private readonly overlay: Overlay,
    private readonly host: HTMLElement,
  ) {}

  start(): void {
    const { ctx } = this;
    const reposition = () => this.overlay.schedule();
    ctx.addEventListener(window, 'scroll', reposition, { passive: true, capture: true });
    ctx.addEventListener(window, 'resize', reposition, { passive: true });
    ctx.addEventListener(window, 'wxt:locationchange', () => this.requestScan(200));
    ctx.addEventListener(window, 'load', () => this.requestScan(200));

    const observer = new MutationObserver((records) => {
      if (records.every((r) => this.host.contains(r.target) || r.target === this.host)) return;
      this.requestScan(RESCAN_DEBOUNCE_MS);
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(() => observer.disconnect());

    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'local') return;
      const keys = Object.keys(changes);
      if (keys.includes(SETTINGS_KEY) || keys.includes(siteKey(this.origin, 'config'))) this.requestScan(50);
      else if (keys.some((k) => k.startsWith(`site:${this.origin}:`))) this.requestRefresh();
    };
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));

    const onMessage = (raw: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
      const msg = raw as ContentMessage;
      if (msg?.type === 'govaudit:ping') {
        sendResponse({ ok: true, url: location.href });
        return undefined;
      }
      if (msg?.type === 'govaudit:flash') {
        sendResponse({ found: this.flash(msg.target) });
        return undefined;
      }
      if (msg?.type === 'govaudit:describe') {
        sendResponse({ ...this.overlay.describe(), hiddenOnly: [...this.hiddenOnly.keys()] });
        return undefined;
      }
      if (msg?.type === 'govaudit:pick') {
        this.pick(msg.classId);
        sendResponse({ ok: true });
        return undefined;
      }
      if (msg?.type === 'govaudit:rescan') {
        this.requestScan(0);
        sendResponse({ ok: true });
        return undefined;
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    ctx.onInvalidated(() => this.overlay.destroy());

    this.requestScan(0);
  }

  private requestScan(delay: number): void {
    const now = Date.now();
    if (!this.rescanTimer) this.firstPending = now;
    else clearTimeout(this.rescanTimer);
    // A page that never stops changing (tickers, carousels) is still re-read every few seconds.
    const wait = Math.max(0, Math.min(delay, this.firstPending + RESCAN_MAX_WAIT_MS - now));
    this.rescanTimer = setTimeout(() => {
      this.rescanTimer = undefined;
      this.scanning = this.scanning.then(() => this.scan()).catch((e) => console.warn('[govaudit] scan failed', e));
    }, wait);
  }

  private requestRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.scanning = this.scanning.then(() => this.refresh()).catch((e) => console.warn('[govaudit] refresh failed', e));
    }, 150);
  }

  private async observe(doc: PageDocument, source: ObservationSource, requestedUrl?: string): Promise<PageRole | undefined> {
    if (this.ctx.isInvalid) return undefined;
    const at = new Date();
    const settings = await this.store.getSettings();
    const packs = packsById(settings.packs);
    const classes = columnClassesFor(packs);
    const site = await this.store.getSite(this.origin);
    const overrides = overrideCandidates(site.config, classes);
    let role: PageRole | undefined;
    await this.store.updateSession(this.origin, (s) => {
      const r = observePage(s, doc, { classes, now: auditDateOf(settings, at), at: at.toISOString(), source, overrides, ...(requestedUrl ? { requestedUrl } : {}) });
      role = r.role;
      // A fetched copy never replaces what the browser drew; an unchanged page is not written again.
      if (source === 'fetched' && r.role.column && s.columns[r.role.column.url]?.source === 'live') return s;
      return sameObservations(r.session, s) ? s : r.session;
    });
    return role;
  }

  /** Reads the live page into the session, then re-evaluates and redraws; then reads unread columns if allowed. */
  private async scan(): Promise<void> {
    if (this.ctx.isInvalid) return;
    // Frameworks that redraw the whole body take the overlay with them: put it back (its shadow root is intact).
    if (!this.host.isConnected) (document.body ?? document.documentElement).append(this.host);
    const doc = pageFromDom(document, location.href);
    this.lastRole = await this.observe(doc, 'live');
    this.links = this.linksOnPage(doc);
    await this.refresh();
    void this.prefetch();
  }

  private linksOnPage(doc: PageDocument): LinkOnPage[] {
    const classes = this.audit?.classes ?? columnClassesFor(packsById([]));
    const audit = this.audit;
    const site = audit?.site.session.homeUrl ?? `${this.origin}/`;
    const allowed = sameSite(site);
    const out: LinkOnPage[] = [];
    // One resolver per scan: siblings are grouped once per parent, so a page of 20,000 links stays linear.
    const resolver = new CssPathResolver(document);
    for (const link of extractLinks(doc)) {
      if (link.region === 'footer' || !allowed(link.url)) continue;
      const el = resolver.resolve(link.cssPath);
      if (!el || this.host.contains(el)) continue;
      out.push({ el, url: columnKey(link.url), text: link.text, region: link.region, classId: matchColumn(link.text, link.url, classes)?.classId });
    }
    return out;
  }

  private async refresh(): Promise<void> {
    if (this.ctx.isInvalid) return;
    this.audit = await loadSiteAudit(this.store, this.origin, new Date());
    // Classes may have changed with the packs: match again with the current ones.
    const classes = this.audit.classes;
    for (const l of this.links) l.classId = matchColumn(l.text, l.url, classes)?.classId;
    this.render();
  }

  private render(): void {
    const a = this.audit;
    if (!a) return;
    const lang = a.settings.lang;
    this.overlay.setBadges(this.badgeSpecs(a, lang));
    const counts = summaryCounts(checklist(a.audit, a.packs, a.classes));
    this.overlay.setPill({
      title: 'govaudit',
      clearLabel: t('showAll', lang),
      buckets: SUMMARY_BUCKETS.map((b) => ({ id: b.id, label: STATE_TEXT[b.id][lang], count: counts[b.id], states: b.states })),
    });
    const role = this.lastRole;
    const column = role?.column;
    if (column && !role.isHome) {
      const status = columnStatus(a.audit, column.url);
      this.overlay.setBanner(this.bannerSpec(a, column, status, lang));
      const live = a.site.session.columns[column.url]?.source === 'live';
      const obs = status.observation;
      const boxes: { target: Element; newest: boolean }[] = [];
      if (live && obs) {
        for (const item of obs.items) {
          if (!item.date || !item.cssPath) continue;
          const target = safeQuery(item.cssPath);
          if (target && !this.host.contains(target)) boxes.push({ target, newest: item === status.newest });
        }
      }
      this.overlay.setItemBoxes(boxes);
      const list = live && obs?.listCssPath ? safeQuery(obs.listCssPath) : null;
      this.overlay.setListArea(list && !this.host.contains(list) ? list : undefined);
    } else {
      this.overlay.setBanner(undefined);
      this.overlay.setItemBoxes([]);
      this.overlay.setListArea(undefined);
    }
  }

  /**
   * Badges on every visible link to a column. Menus often hold hidden copies of each link (dropdowns, the mobile
   * menu): a badge there would be invisible, so hidden links get none, and a column whose links on this page are
   * all hidden is reported to the panel (see {@link describe}) instead.
   */
  private badgeSpecs(a: SiteAudit, lang: Lang): BadgeSpec[] {
    const columns = a.audit.snapshot.columns;
    const specs: BadgeSpec[] = [];
    this.hiddenOnly = new Map();
    const shown = new Set<string>();
    const byKey = new Map<string, (LinkOnPage & { column?: (typeof columns)[number] })[]>();
    for (const link of this.links) {
      const column = columns.find((c) => sameColumnUrl(c.url, link.url));
      if (!column && !link.classId) continue;
      const key = column ? column.url : link.url;
      byKey.set(key, [...(byKey.get(key) ?? []), { ...link, column }]);
    }
    for (const [key, links] of byKey) {
      const visible = links.filter((l) => isVisibleLink(l.el));
      if (visible.length === 0) {
        this.hiddenOnly.set(key, links[0]!.text);
        continue;
      }
      shown.add(key);
      for (const link of visible) {
        const classId = link.column?.classId ?? link.classId!;
        const className = local(a.classes[classId]?.name, lang) || classId;
        if (!link.column) {
          specs.push({ link: link.el, state: 'unknown', label: STATE_TEXT.unknown[lang], tooltip: `${className} · ${link.text}\n${t('notInChecklist', lang)}`, url: link.url, classId });
          continue;
        }
        const status = columnStatus(a.audit, link.column.url);
        const override = overrideOf(a, status);
        specs.push({ link: link.el, state: status.state, label: badgeLabel(status, lang), tooltip: tooltipOf(className, link.column.name, status, lang, link.column.matchReason, override), url: link.column.url, classId });
      }
    }
    for (const key of shown) this.hiddenOnly.delete(key);
    return specs;
  }

  private bannerSpec(a: SiteAudit, column: ColumnCandidate, status: ColumnStatus, lang: Lang): BannerSpec {
    const h = this.overlay.h.bind(this.overlay);
    const className = local(a.classes[column.classId]?.name, lang) || column.classId;
    const chip = h('span', { class: 'chip', dataset: { state: status.state } }, STATE_TEXT[status.state][lang]);
    const body: Node[] = [];
    const rows: [string, Node | string][] = [
      [t('columnClass', lang), className],
      [t('column', lang), column.name],
    ];
    if (HUB_CLASSES.has(column.classId)) {
      rows.push([t('hubFound', lang), String(a.site.session.hubs[column.url] ?? 0)]);
    } else {
      rows.push([t('newest', lang), status.newest ? `${status.newest.date}${paren(ageText(status.ageDays, lang), lang)}` : t('noDate', lang)]);
      if (status.observation && !isNotVisited(status.observation)) rows.push([t('items', lang), String(status.observation.itemCount)]);
    }
    rows.push([t('verdict', lang), chip]);
    body.push(h('dl', {}, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
    const findings = status.findings.filter((f) => f.outcome !== 'not-applicable' && (f.check === 'column-recency' || f.check === 'column-empty' || f.check === 'yearly-deadline' || f.check === 'periodic-obligation'));
    if (findings.length > 0) {
      body.push(h('div', { class: 'hint' }, t('rules', lang)));
      body.push(h('ul', { class: 'rules' }, ...findings.map((f) =>
        h('li', { dataset: { rule: f.ruleId } },
          h('span', { class: 'chip', dataset: { outcome: f.outcome } }, OUTCOME_TEXT[f.outcome][lang]), ' ',
          h('strong', {}, local(findingHeadline(f), lang)), h('br'), messageParts(f, lang).text))));
    }
    body.push(h('div', { class: 'hint' }, t('openPanel', lang)));
    return {
      title: `govaudit · ${className}`,
      collapsed: !!a.settings.bannerCollapsed,
      body,
      collapsedSummary: h('span', { class: 'chip', dataset: { state: status.state } }, STATE_TEXT[status.state][lang]),
      onToggle: (collapsed) => void this.store.setSettings({ bannerCollapsed: collapsed }),
      toggleLabels: { collapse: t('collapse', lang), expand: t('expand', lang) },
    };
  }

  /** Waits for one click on a link and stores it as this site's column of `classId` (Esc cancels). */
  private pick(classId: string): void {
    const stop = () => {
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('keydown', onKey, true);
      document.documentElement.style.removeProperty('cursor');
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') stop();
    };
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (!a || this.host.contains(a)) return;
      e.preventDefault();
      e.stopPropagation();
      stop();
      const name = (a.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
      void (async () => {
        const site = await this.store.getSite(this.origin);
        await this.store.setConfig(this.origin, { ...site.config, columns: { ...site.config.columns, [classId]: { url: a.href, ...(name ? { name } : {}) } } });
        this.overlay.flash(a);
      })();
    };
    document.addEventListener('click', onClick, true);
    document.addEventListener('keydown', onKey, true);
    document.documentElement.style.setProperty('cursor', 'crosshair');
    this.ctx.onInvalidated(stop);
  }

  private flash(target: FlashTarget): boolean {
    let el: Element | null = target.cssPath ? safeQuery(target.cssPath) : null;
    if (!el && target.url) {
      const links = this.links.filter((l) => sameColumnUrl(l.url, target.url!)).map((l) => l.el);
      el = links.find(isVisibleLink) ?? (links.length ? null : findLink(target.url));
    }
    // A link only in a hidden menu cannot be shown: the panel says so and offers to open the column.
    if (!el || !isVisibleLink(el)) return false;
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    this.overlay.flash(el);
    return true;
  }

  /** Reads, like the crawler, the home page, hub pages and column lists the session knows but has not read. */
  private async prefetch(): Promise<void> {
    const a = this.audit;
    if (!a?.settings.prefetch || this.prefetching || this.ctx.isInvalid) return;
    this.prefetching = true;
    try {
      const signal = this.ctx.signal;
      const overrides = overrideCandidates(a.site.config, a.classes);
      const fetchInto = async (url: string) => {
        if (this.attempted.has(url) || sameColumnUrl(url, location.href)) return;
        this.attempted.add(url);
        try {
          const doc = await fetchPage(url, signal);
          if (doc) {
            await this.observe(doc, 'fetched', url);
            this.requestRefresh();
          }
        } catch {
          // Unreachable pages stay "not read"; the panel says so, and opening the page reads it.
        }
      };
      let session = (await this.store.getSite(this.origin)).session;
      if (!session.home) {
        await fetchInto(session.homeUrl);
        session = (await this.store.getSite(this.origin)).session;
      }
      for (let depth = 0; depth < 2; depth++) {
        const hubs = unreadHubs(session, overrides).map((c) => c.url);
        if (hubs.length === 0) break;
        await inBatches(hubs, PREFETCH_CONCURRENCY, fetchInto, signal);
        session = (await this.store.getSite(this.origin)).session;
      }
      const old = Date.now() - PREFETCH_MAX_AGE_MS;
      const stale = Object.entries(session.columns).filter(([, c]) => c.source === 'fetched' && Date.parse(c.at) < old).map(([url]) => url);
      const todo = [...unreadColumns(session, overrides).map((c) => c.url), ...stale].slice(0, PREFETCH_LIMIT);
      await inBatches(todo, PREFETCH_CONCURRENCY, fetchInto, signal);
    } finally {
      this.prefetching = false;
    }
  }
}

/** The badge's words: the state, and for a stale column how old its newest item is (「超期 40天」). */
export function badgeLabel(status: ColumnStatus, lang: Lang): string {
  const word = STATE_TEXT[status.state][lang];
  if (status.state === 'stale' && status.ageDays !== undefined) return `${word} ${t('ageShort', lang, { n: status.ageDays })}`;
  return word;
}

/** The evaluator's decision on the finding that decided a column's state, if any. */
function overrideOf(a: SiteAudit, status: ColumnStatus): FindingOverride | undefined {
  const judged = status.findings.filter((f) => f.check === 'column-recency' || f.check === 'column-empty');
  return a.site.overrides.find((o) => o.decision === 'override' && judged.some((f) => findingKey(o) === keyOfFinding(f)));
}

function tooltipOf(className: string, name: string, status: ColumnStatus, lang: Lang, matchReason: string, override?: FindingOverride): string {
  const lines = [`${className} · ${name}`, `${STATE_TEXT[status.state][lang]}`];
  if (status.newest) lines.push(`${t('newest', lang)}${colon(lang)}${status.newest.date}${paren(ageText(status.ageDays, lang), lang)}`);
  else if (status.state !== 'not-visited' && status.state !== 'unknown') lines.push(`${t('newest', lang)}${colon(lang)}${t('noDate', lang)}`);
  // After an override the engine's reason no longer holds: say who decided what, not the old message.
  if (override) lines.push(`${t('overridden', lang)} → ${OUTCOME_TEXT[override.outcome ?? 'needs-review'][lang]}${override.reviewer ? ` · ${override.reviewer}` : ''}${override.note ? `${colon(lang)}${override.note}` : ''}`);
  else if (status.decisive) lines.push(`${local(findingHeadline(status.decisive), lang)}${colon(lang)}${local(status.decisive.message, lang)}`);
  if (status.state === 'not-visited' || status.observation?.statusReason === JS_LIST_REASON) lines.push(t('notVisitedHint', lang));
  lines.push(`${t('matchedBy', lang)}${colon(lang)}${inLang(matchReason, lang)}`);
  return lines.join('\n');
}

/** Whether the page shows the link: rendered, not hidden by CSS, and with a box of some size. */
function isVisibleLink(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (o: object) => boolean }).checkVisibility;
  if (check && !check.call(el, { checkOpacity: true, checkVisibilityCSS: true })) return false;
  return textBoxes(el).some((b) => b.right - b.left > 1 && b.bottom - b.top > 1);
}

function safeQuery(selector: string): Element | null {
  try {
    return document.querySelector(selector);
  } catch {
    return null;
  }
}

function findLink(url: string): Element | null {
  for (const a of Array.from(document.querySelectorAll('a[href]'))) {
    const href = (a as HTMLAnchorElement).href;
    if (href && sameColumnUrl(href, url)) return a;
  }
  return null;
}
