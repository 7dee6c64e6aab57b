import { browser } from 'wxt/browser';
import { outsideValidityText, type Finding, type Outcome } from '../../rules/model/finding.ts';
import { checklist, findingMatches, inBucket, keyOfFinding, rowMatches, SUMMARY_BUCKETS, summaryCounts, type ChecklistFilter, type ChecklistRow, type SummaryBucket } from '../lib/audit.ts';
import { beijingTime, findingHeadline, inLang, messageParts, severityOf } from '../../reports/vocabulary.ts';
import { clear, h, safeHref } from '../lib/dom.ts';
import { columnsSnippet, exportCsv, exportSession, ImportError, parseCrawlRun } from '../lib/export.ts';
import { ageText, colon, local, OUTCOME_TEXT, paren, STATE_TEXT, t, verdictText, type UiKey } from '../lib/i18n.ts';
import type { BackgroundMessage, CaptureReply, ContentMessage, DescribeReply, FlashReply } from '../lib/messages.ts';
import { findingKey, type FindingOverride, type Lang } from '../lib/model.ts';
import { loadSiteAudit, type SiteAudit } from '../lib/site-audit.ts';
import { isNotVisited } from '../lib/snapshot.ts';
import { GovauditStore, originOf } from '../lib/store.ts';
import { settingsView } from './settings-view.ts';

/**
 * The side panel: the site's checklist under the chosen packs, findings with the evaluator's decisions,
 * import/export and settings. It follows the active tab; `?url=` (or `?tab=`) pins it to one page, which is how
 * the panel is opened as an ordinary tab in tests.
 */

type View = 'checklist' | 'findings' | 'data' | 'settings';

interface Target {
  tabId?: number;
  url?: string;
  origin?: string;
  windowId?: number;
}

const OUTCOMES_FOR_OVERRIDE: Outcome[] = ['pass', 'fail', 'warn', 'needs-review', 'not-applicable'];

export class Panel {
  private readonly store = new GovauditStore(browser.storage.local);
  private view: View = 'checklist';
  private filter: ChecklistFilter = 'all';
  /** A summary count clicked in the header: only rows in that bucket. */
  private bucket: SummaryBucket | undefined;
  /** What the overlay in the tab reports (columns whose links there are all hidden). */
  private page: DescribeReply | undefined;
  /** A column whose link could not be shown on the page (its URL), answered in its row. */
  private unshown: string | undefined;
  private target: Target = {};
  private data: SiteAudit | undefined;
  private enabled = false;
  private reviewing: string | undefined;
  /** What is typed in the open review form, kept across re-renders (storage changes redraw the panel). */
  private draft: { decision: 'confirm' | 'override'; outcome: Outcome; note: string } | undefined;
  private notice: string | undefined;
  /** Why this site's data could not be shown (the panel stays usable: it offers to remove what is stored). */
  private failure: string | undefined;
  private settingsLang: Lang = 'zh';
  private reviewer = '';
  private renderTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly pinned: { tabId?: number; url?: string };

  constructor(private readonly root: HTMLElement, params: URLSearchParams) {
    const tab = Number(params.get('tab'));
    this.pinned = { ...(Number.isInteger(tab) && tab > 0 ? { tabId: tab } : {}), ...(params.get('url') ? { url: params.get('url')! } : {}) };
    const view = params.get('view') as View | null;
    if (view && ['checklist', 'findings', 'data', 'settings'].includes(view)) this.view = view;
  }

  async start(): Promise<void> {
    browser.storage.onChanged.addListener((_changes, area) => {
      if (area === 'local') this.scheduleRender();
    });
    browser.tabs.onActivated.addListener(() => this.scheduleRender(true));
    browser.tabs.onUpdated.addListener((_id, info) => {
      if (info.url || info.status === 'complete') this.scheduleRender(true);
    });
    await this.reload(true);
  }

  private scheduleRender(retarget = false): void {
    if (this.renderTimer) clearTimeout(this.renderTimer);
    this.renderTimer = setTimeout(() => {
      // Never redraw under the evaluator's cursor: a note being typed would lose focus.
      const active = document.activeElement;
      if (active && active.matches('textarea, input[type="text"], input[type="url"], input[type="date"], select')) return this.scheduleRender(retarget);
      void this.reload(retarget);
    }, 150);
  }

  private async resolveTarget(): Promise<Target> {
    if (this.pinned.tabId) {
      const tab = await browser.tabs.get(this.pinned.tabId).catch(() => undefined);
      if (tab) return { tabId: tab.id, url: tab.url ?? this.pinned.url, origin: originOf(tab.url ?? this.pinned.url ?? ''), windowId: tab.windowId };
    }
    if (this.pinned.url) {
      const origin = originOf(this.pinned.url);
      const tabs = await browser.tabs.query({});
      const tab = tabs.find((x) => x.url && originOf(x.url) === origin && x.url === this.pinned.url) ?? tabs.find((x) => x.url && originOf(x.url) === origin);
      return { tabId: tab?.id, url: tab?.url ?? this.pinned.url, origin, windowId: tab?.windowId };
    }
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (!tab) return {};
    return { tabId: tab.id, url: tab.url, origin: tab.url ? originOf(tab.url) : undefined, windowId: tab.windowId };
  }

  private async reload(retarget: boolean): Promise<void> {
    if (retarget || !this.target.origin) this.target = await this.resolveTarget();
    const settings = await this.store.getSettings();
    this.settingsLang = settings.lang;
    this.reviewer = settings.reviewer ?? '';
    this.failure = undefined;
    if (this.target.origin) {
      try {
        this.data = await loadSiteAudit(this.store, this.target.origin, new Date());
      } catch (e) {
        this.data = undefined;
        this.failure = e instanceof Error ? e.message : String(e);
      }
      this.enabled = await browser.permissions.contains({ origins: [sitePattern(this.target.origin)] }).catch(() => false);
      this.page = this.target.tabId === undefined ? undefined : ((await browser.tabs.sendMessage(this.target.tabId, { type: 'govaudit:describe' } satisfies ContentMessage).catch(() => undefined)) as DescribeReply | undefined);
    } else this.data = undefined;
    this.render(settings.lang);
  }

  private render(lang: Lang): void {
    const root = this.root;
    const scroll = root.scrollTop;
    clear(root);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    root.append(this.header(lang));
    const d = this.data;
    if (!d && this.failure && this.target.origin) {
      root.append(this.recovery(this.target.origin, this.failure, lang));
      return;
    }
    if (!d) {
      root.append(h('p', { class: 'empty', dataset: { testid: 'no-site' } }, t('noSite', lang)));
      return;
    }
    root.append(this.siteSummary(d, lang), this.tabs(lang));
    if (this.notice) root.append(h('p', { class: 'notice', dataset: { testid: 'notice' } }, this.notice));
    if (this.view === 'checklist' || this.view === 'findings') root.append(this.filters(lang));
    if (this.view === 'checklist') root.append(this.checklistView(d, lang));
    else if (this.view === 'findings') root.append(this.findingsView(d, lang));
    else if (this.view === 'data') root.append(this.dataView(d, lang));
    else root.append(settingsView({ store: this.store, settings: d.settings, site: { origin: d.site.origin, config: d.site.config, currentUrl: this.target.url } }));
    root.scrollTop = scroll;
  }

  /** Stored data that cannot be evaluated: say so, and offer to remove the import or the session. */
  private recovery(origin: string, reason: string, lang: Lang): HTMLElement {
    const removeImport = h('button', { attrs: { type: 'button' }, dataset: { testid: 'recover-import' } }, t('removeImport', lang));
    removeImport.addEventListener('click', () => void this.store.removeImport(origin).then(() => this.reload(false)));
    const reset = h('button', { attrs: { type: 'button' } }, t('resetSession', lang));
    reset.addEventListener('click', () => void this.store.resetSession(origin).then(() => this.reload(false)));
    return h('section', { class: 'site', dataset: { testid: 'recovery' } }, h('p', {}, t('storedBroken', lang)), h('small', {}, reason), h('p', {}, removeImport, ' ', reset));
  }

  private header(lang: Lang): HTMLElement {
    const sw = (l: Lang, label: string) => {
      const b = h('button', { class: l === lang ? 'lang on' : 'lang', attrs: { type: 'button' }, dataset: { testid: `lang-${l}` } }, label);
      b.addEventListener('click', () => void this.store.setSettings({ lang: l }));
      return b;
    };
    return h('header', { class: 'top' }, h('h1', {}, t('appName', lang)), h('span', { class: 'langs' }, sw('zh', '中文'), sw('en', 'EN')));
  }

  private siteSummary(d: SiteAudit, lang: Lang): HTMLElement {
    const { audit, site } = d;
    const verdict = audit.result.verdict;
    const observed = Object.keys(site.session.columns).length + Object.keys(site.session.hubs).length;
    const columns = audit.snapshot.columns.length;
    const box = h('section', { class: 'site', dataset: { testid: 'site' } },
      h('div', { class: 'site-name' }, audit.snapshot.site.name, ' ', h('small', {}, site.origin)),
      h('div', { class: 'verdict-line' },
        t('siteVerdict', lang), colon(lang), h('span', { class: 'verdict', dataset: { verdict, testid: 'verdict' } }, verdictText(verdict, lang)),
        site.imported?.result ? h('span', { class: 'crawl' }, ` · ${t('crawlVerdict', lang)}${colon(lang)}`, h('span', { class: 'verdict', dataset: { verdict: site.imported.result.verdict } }, verdictText(site.imported.result.verdict, lang)), h('small', {}, ` ${site.imported.runId}`)) : null,
      ),
      this.counts(d, lang),
      h('div', { class: 'meta' }, t('columnsFound', lang, { n: columns, read: observed }), ' · ', t('auditDateIs', lang, { date: audit.now })),
      audit.snapshot.discoveryComplete ? null : h('div', { class: 'hint' }, t('incomplete', lang)),
    );
    const actions = h('div', { class: 'actions' });
    if (this.enabled) actions.append(h('span', { class: 'ok' }, t('enabled', lang)));
    else {
      const enable = h('button', { attrs: { type: 'button' }, dataset: { testid: 'enable' } }, t('enable', lang));
      enable.addEventListener('click', () => void this.enable(lang));
      actions.append(h('span', { class: 'hint' }, t('notEnabled', lang)), ' ', enable);
    }
    const rescan = h('button', { attrs: { type: 'button' } }, t('rescan', lang));
    rescan.addEventListener('click', () => {
      if (this.target.tabId !== undefined) void browser.tabs.sendMessage(this.target.tabId, { type: 'govaudit:rescan' } satisfies ContentMessage).catch(() => undefined);
    });
    actions.append(' ', rescan);
    box.append(actions);
    return box;
  }

  /** 缺失 · 超期 · 即将到期 · 空白 · 待查 · 正常, counted over the checklist (as the page's pill); each filters it. */
  private counts(d: SiteAudit, lang: Lang): HTMLElement {
    const counts = summaryCounts(checklist(d.audit, d.packs, d.classes));
    return h('div', { class: 'counts', attrs: { role: 'group' }, dataset: { testid: 'counts' } }, ...SUMMARY_BUCKETS.map((b) => {
      const on = this.bucket === b.id;
      const btn = h('button', { class: on ? 'on' : '', attrs: { type: 'button', 'aria-pressed': String(on) }, dataset: { bucket: b.id, testid: `count-${b.id}` } }, h('b', {}, String(counts[b.id])), ` ${STATE_TEXT[b.id][lang]}`);
      btn.addEventListener('click', () => {
        this.bucket = on ? undefined : b.id;
        this.view = 'checklist';
        void this.reload(false);
      });
      return btn;
    }));
  }

  /** Asks for this site's host permission (inside the click: a user gesture), then registers and injects. */
  private async enable(lang: Lang): Promise<void> {
    const { origin, tabId } = this.target;
    if (!origin) return;
    const granted = await browser.permissions.request({ origins: [sitePattern(origin)] }).catch(() => false);
    if (!granted) {
      this.notice = t('enableDenied', lang);
      return void this.reload(false);
    }
    if (tabId !== undefined) await browser.runtime.sendMessage({ type: 'govaudit:enable', tabId, origin } satisfies BackgroundMessage).catch(() => undefined);
    this.notice = undefined;
    await this.reload(false);
  }

  private tabs(lang: Lang): HTMLElement {
    const items: [View, UiKey][] = [['checklist', 'checklist'], ['findings', 'findings'], ['data', 'session'], ['settings', 'settings']];
    return h('nav', { class: 'tabs' }, ...items.map(([v, key]) => {
      const b = h('button', { class: v === this.view ? 'on' : '', attrs: { type: 'button' }, dataset: { testid: `tab-${v}` } }, t(key, lang));
      b.addEventListener('click', () => {
        this.view = v;
        this.notice = undefined;
        void this.reload(false);
      });
      return b;
    }));
  }

  private filters(lang: Lang): HTMLElement {
    const items: [ChecklistFilter, UiKey][] = [['all', 'filterAll'], ['problems', 'filterProblems'], ['review', 'filterReview']];
    return h('div', { class: 'filters', attrs: { role: 'group' } }, ...items.map(([f, key]) => {
      const b = h('button', { class: f === this.filter ? 'on' : '', attrs: { type: 'button', 'aria-pressed': String(f === this.filter) }, dataset: { testid: `filter-${f}` } }, t(key, lang));
      b.addEventListener('click', () => {
        this.filter = f;
        void this.reload(false);
      });
      return b;
    }));
  }

  private flash(target: { cssPath?: string; url?: string }): void {
    if (this.target.tabId === undefined) return;
    void browser.tabs.sendMessage(this.target.tabId, { type: 'govaudit:flash', target } satisfies ContentMessage).then(
      (reply) => {
        const found = (reply as FlashReply | undefined)?.found;
        if (!found && target.url && this.unshown !== target.url) {
          this.unshown = target.url;
          void this.reload(false);
        } else if (found && this.unshown) {
          this.unshown = undefined;
          void this.reload(false);
        }
      },
      () => undefined,
    );
  }

  private openInTab(url: string): void {
    if (this.target.tabId !== undefined) void browser.tabs.update(this.target.tabId, { url }).catch(() => undefined);
    else window.open(url, '_blank', 'noopener');
  }

  private checklistView(d: SiteAudit, lang: Lang): HTMLElement {
    const bucket = this.bucket;
    const rows = checklist(d.audit, d.packs, d.classes).filter((r) => rowMatches(r, this.filter) && (!bucket || inBucket(r, bucket)));
    if (rows.length === 0) return h('p', { class: 'empty' }, t('noFindings', lang));
    return h('ul', { class: 'checklist', dataset: { testid: 'checklist' } }, ...rows.map((r) => this.checklistRow(d, r, lang)));
  }

  private checklistRow(d: SiteAudit, row: ChecklistRow, lang: Lang): HTMLElement {
    const li = h('li', { class: 'row', dataset: { classId: row.classId, state: row.state, testid: 'checklist-row' } });
    const head = h('div', { class: 'row-head' },
      h('span', { class: 'chip', dataset: { state: row.state } }, STATE_TEXT[row.state][lang]), ' ',
      h('strong', {}, local(row.className, lang)),
      row.required ? h('small', { class: 'req' }, ` ${t('required', lang)}`) : null);
    li.append(head);
    for (const c of row.columns) {
      const href = safeHref(c.url);
      const name = href ? h('a', { attrs: { href, target: '_blank', rel: 'noopener noreferrer' } }, c.name) : h('span', {}, c.name);
      const locate = h('button', { class: 'link', attrs: { type: 'button' }, title: t('locate', lang) }, '◎');
      locate.addEventListener('click', (e) => {
        e.stopPropagation();
        this.flash({ url: c.url });
      });
      const s = c.status;
      const info = s.newest ? `${s.newest.date}${paren(ageText(s.ageDays, lang), lang)}` : s.observation && isNotVisited(s.observation) ? t('notVisitedHint', lang) : '';
      const col = h('div', { class: 'col', dataset: { url: c.url, state: s.state } },
        h('span', { class: 'chip small', dataset: { state: s.state } }, STATE_TEXT[s.state][lang]), ' ', name, ' ', h('small', {}, info), ' ', locate);
      // Its links on this page sit in a hidden menu (no badge can be seen): say so, and offer to open it.
      if (this.unshown === c.url || this.page?.hiddenOnly.includes(c.url)) {
        const open = h('button', { attrs: { type: 'button' }, dataset: { testid: 'open-column' } }, t('openColumn', lang));
        open.addEventListener('click', (e) => {
          e.stopPropagation();
          this.openInTab(c.url);
        });
        col.append(h('div', { class: 'hidden-link', dataset: { testid: 'hidden-link' } }, t('linkHidden', lang), ' ', open));
      }
      li.append(col);
      // A column that could not be read gives one line, not one per rule that needed it.
      const unread = row.findings.filter((f) => f.messageId === 'unreadable' && f.column?.url === c.url);
      if (unread.length > 0 && this.filter !== 'problems') {
        li.append(h('div', { class: 'unread', dataset: { testid: 'unread' } }, `${t('couldNotRead', lang)}${colon(lang)}${inLang(String(unread[0]!.data.reason ?? ''), lang)}`, h('small', {}, ` · ${t('rulesWaiting', lang, { n: unread.length })}`)));
      }
    }
    const na = d.site.config.notApplicable?.[row.classId];
    if (row.columns.length === 0 && (row.state === 'missing' || row.state === 'not-found' || na)) li.append(this.missingActions(d, row, lang));
    if (na) li.append(h('div', { class: 'hint', dataset: { testid: 'not-applicable' } }, `${t('notApplicable', lang)}${colon(lang)}${na}`));
    li.addEventListener('click', (e) => {
      if ((e.target as Element).closest('a,button,textarea,select,input,label')) return;
      const first = row.columns[0];
      if (first) this.flash({ url: first.url });
    });
    // Under "all", passing findings stay folded into the row's state unless someone reviewed them.
    const reviewed = new Set(d.site.overrides.map(findingKey));
    const shown = row.findings.filter((f) => !(f.messageId === 'unreadable' && !reviewed.has(keyOfFinding(f))));
    const problems = shown.filter((f) => reviewed.has(keyOfFinding(f)) || (findingMatches(f, this.filter) && f.outcome !== 'pass'));
    const passes = this.filter === 'all' ? shown.filter((f) => f.outcome === 'pass' && !reviewed.has(keyOfFinding(f))) : [];
    if (problems.length > 0) li.append(h('ul', { class: 'row-findings' }, ...problems.map((f) => this.findingItem(d, f, lang))));
    if (passes.length > 0) li.append(this.folded(d, passes, lang));
    return li;
  }

  /**
   * A required column not found: the evaluator points at its link on the page (「在本页指定」, stored as this
   * site's column URL, which the next audit and the exported sites-file snippet use), or marks it 不适用 with a
   * reason (its presence finding is overridden to not-applicable, with the reason as the note).
   */
  private missingActions(d: SiteAudit, row: ChecklistRow, lang: Lang): HTMLElement {
    const pick = h('button', { attrs: { type: 'button' }, dataset: { testid: 'found-here' } }, t('foundHere', lang));
    pick.addEventListener('click', (e) => {
      e.stopPropagation();
      if (this.target.tabId === undefined) return;
      this.notice = t('foundHereHint', lang);
      void browser.tabs.sendMessage(this.target.tabId, { type: 'govaudit:pick', classId: row.classId } satisfies ContentMessage).catch(() => undefined);
      void this.reload(false);
    });
    const reason = h('input', { attrs: { type: 'text', placeholder: t('reason', lang) }, dataset: { testid: 'na-reason' } });
    const na = h('button', { attrs: { type: 'button' }, dataset: { testid: 'mark-na' } }, t('notApplicable', lang));
    const status = h('small', {});
    na.addEventListener('click', (e) => {
      e.stopPropagation();
      const why = reason.value.trim();
      if (!why) {
        status.textContent = t('reasonNeeded', lang);
        return;
      }
      void (async () => {
        const config = d.site.config;
        await this.store.setConfig(d.site.origin, { ...config, notApplicable: { ...(config.notApplicable ?? {}), [row.classId]: why } });
        for (const f of row.findings.filter((x) => x.check === 'column-presence')) {
          await this.store.setOverride(d.site.origin, { packId: f.packId, ruleId: f.ruleId, decision: 'override', outcome: 'not-applicable', note: why, ...(this.reviewer ? { reviewer: this.reviewer } : {}) });
        }
      })();
    });
    return h('div', { class: 'missing-actions' }, pick, ' ', reason, ' ', na, ' ', status);
  }

  /** Passing findings, folded away: the evaluator opens them when needed. */
  private folded(d: SiteAudit, passes: Finding[], lang: Lang): HTMLElement {
    return h('details', { class: 'passes', dataset: { testid: 'passes' } },
      h('summary', {}, t('passesFolded', lang, { n: passes.length })),
      h('ul', { class: 'row-findings' }, ...passes.map((f) => this.findingItem(d, f, lang))));
  }

  /** Per pack, findings grouped by column (site-wide last), one line per unreadable column, passes folded. */
  private findingsView(d: SiteAudit, lang: Lang): HTMLElement {
    const out = h('div', { class: 'findings', dataset: { testid: 'findings' } });
    const reviewed = new Set(d.site.overrides.map(findingKey));
    for (const pack of d.audit.result.packs) {
      // Availability judged by scheduled crawls is listed under "all", so the evaluator sees where it is decided.
      const findings = pack.findings.filter((f) => findingMatches(f, this.filter) || reviewed.has(keyOfFinding(f)) || (this.filter === 'all' && f.messageId === 'judged-by-crawls'));
      const score = pack.score ? ` · ${t('score', lang)} ${pack.score.total}/${pack.score.max}` : '';
      out.append(h('h3', {}, local(pack.packTitle, lang), ' ', h('span', { class: 'verdict', dataset: { verdict: pack.verdict } }, pack.inForce ? verdictText(pack.verdict, lang) : OUTCOME_TEXT['not-applicable'][lang]), score,
        pack.appliedOutsideValidity ? h('small', { class: 'outside-validity' }, ` ${local(outsideValidityText(pack.appliedOutsideValidity), lang)}`) : ''));
      if (findings.length === 0) {
        out.append(h('p', { class: 'empty' }, t('noFindings', lang)));
        continue;
      }
      // A site-wide manual check cites the first column only as a place to start: it belongs to the whole site.
      const ruleColumn = new Map((d.packs.find((p) => p.id === pack.packId)?.rules ?? []).map((r) => [r.id, r.column] as const));
      const groupOf = (f: Finding) => (f.check === 'manual-check' && !ruleColumn.get(f.ruleId) ? '' : f.column?.url ?? '');
      const groups = new Map<string, Finding[]>();
      for (const f of findings) groups.set(groupOf(f), [...(groups.get(groupOf(f)) ?? []), f]);
      const keys = [...groups.keys()].sort((a, b) => Number(a === '') - Number(b === ''));
      for (const key of keys) {
        const list = groups.get(key)!;
        const name = key ? list.find((f) => f.column?.url === key)?.column?.name ?? key : t('siteWide', lang);
        const unread = list.filter((f) => f.messageId === 'unreadable' && !reviewed.has(keyOfFinding(f)));
        const rest = list.filter((f) => !unread.includes(f));
        const open = rest.filter((f) => f.outcome !== 'pass' || reviewed.has(keyOfFinding(f)));
        const passes = rest.filter((f) => f.outcome === 'pass' && !reviewed.has(keyOfFinding(f)));
        const group = h('section', { class: 'group', dataset: { testid: 'finding-group', url: key } }, h('h4', {}, name));
        if (unread.length > 0) group.append(h('div', { class: 'unread', dataset: { testid: 'unread' } }, `${t('couldNotRead', lang)}${colon(lang)}${inLang(String(unread[0]!.data.reason ?? ''), lang)}`, h('small', {}, ` · ${t('rulesWaiting', lang, { n: unread.length })}`)));
        if (open.length > 0) group.append(h('ul', { class: 'finding-list' }, ...open.map((f) => this.findingItem(d, f, lang))));
        if (passes.length > 0) group.append(this.folded(d, passes, lang));
        out.append(group);
      }
    }
    return out;
  }

  private findingItem(d: SiteAudit, f: Finding, lang: Lang): HTMLElement {
    const key = keyOfFinding(f);
    const override = d.site.overrides.find((o) => findingKey(o) === key);
    const raw = d.audit.raw.packs.find((p) => p.packId === f.packId)?.findings.find((x) => keyOfFinding(x) === key);
    const li = h('li', { class: 'finding', dataset: { rule: f.ruleId, pack: f.packId, outcome: f.outcome, testid: 'finding' } });
    const severity = severityOf(f, d.audit.result.packs.find((p) => p.packId === f.packId));
    li.append(h('div', {},
      // An overridden outcome reads in time order: the engine's word, then what the evaluator set.
      raw && raw.outcome !== f.outcome ? h('span', { class: 'was', dataset: { testid: 'was' } }, `${OUTCOME_TEXT[raw.outcome][lang]} → `) : null,
      h('span', { class: 'chip', dataset: { outcome: f.outcome } }, OUTCOME_TEXT[f.outcome][lang]), ' ',
      h('span', { class: 'sev', dataset: { severity: severity.severity } }, local(severity.text, lang)), ' ',
      h('strong', {}, local(findingHeadline(f), lang)),
      f.column?.name ? h('small', {}, ` · ${f.column.name}`) : null));
    const msg = messageParts(f, lang);
    li.append(h('div', { class: 'msg' }, msg.text));
    for (const q of msg.quoted) li.append(h('blockquote', { class: 'src quote', attrs: { lang: 'zh-CN' } }, q));
    li.append(h('div', { class: 'src' }, `${t('source', lang)}${colon(lang)}${f.source.doc}${f.source.item ? ` ${f.source.item}` : ''}`));
    const ev = f.evidence.find((e) => e.cssPath || e.url);
    if (ev && (ev.cssPath || f.column?.url)) {
      const locate = h('button', { class: 'link', attrs: { type: 'button' } }, t('locate', lang));
      locate.addEventListener('click', () => this.flash(ev.cssPath && ev.url && this.target.url && sameDoc(ev.url, this.target.url) ? { cssPath: ev.cssPath, url: f.column?.url } : { url: f.column?.url ?? ev.url }));
      li.append(locate, ' ');
    }
    if (override) li.append(this.overrideSummary(override, lang));
    if (this.reviewing === key) li.append(this.reviewForm(d, f, override, lang));
    else {
      const review = h('button', { attrs: { type: 'button' }, dataset: { testid: 'review' } }, t('review', lang));
      review.addEventListener('click', () => {
        this.reviewing = key;
        this.draft = undefined;
        void this.reload(false);
      });
      li.append(review);
    }
    return li;
  }

  private overrideSummary(o: FindingOverride, lang: Lang): HTMLElement {
    const label = o.decision === 'confirm' ? t('confirmed', lang) : `${t('overridden', lang)} → ${OUTCOME_TEXT[o.outcome ?? 'needs-review'][lang]}`;
    const who = [o.reviewer, beijingTime(o.at, lang)].filter(Boolean).join(' · ');
    const box = h('div', { class: 'override', dataset: { testid: 'override', decision: o.decision } }, h('strong', {}, label), o.note ? h('span', { class: 'note' }, ` ${o.note}`) : null, h('small', {}, ` ${who}`));
    for (const e of o.evidence ?? []) {
      if (!/^data:image\/(jpeg|png);base64,/.test(e.screenshot)) continue;
      box.append(h('a', { class: 'shot', attrs: { href: e.screenshot, target: '_blank', download: `evidence-${e.at}.jpg` }, title: `${e.url} ${e.at}` }, h('img', { attrs: { src: e.screenshot, alt: t('evidence', lang) } })));
    }
    return box;
  }

  private reviewForm(d: SiteAudit, f: Finding, prev: FindingOverride | undefined, lang: Lang): HTMLElement {
    const target = { packId: f.packId, ruleId: f.ruleId, ...(f.column?.url ? { columnUrl: f.column.url } : {}) };
    const name = `decision-${Math.random().toString(36).slice(2)}`;
    const confirm = h('input', { attrs: { type: 'radio', name, value: 'confirm' } });
    const override = h('input', { attrs: { type: 'radio', name, value: 'override' } });
    const draft = (this.draft ??= { decision: prev?.decision ?? 'confirm', outcome: prev?.outcome ?? (f.outcome === 'pass' ? 'fail' : 'pass'), note: prev?.note ?? '' });
    (draft.decision === 'override' ? override : confirm).checked = true;
    const outcome = h('select', { dataset: { testid: 'override-outcome' } }, ...OUTCOMES_FOR_OVERRIDE.map((o) => h('option', { attrs: { value: o } }, OUTCOME_TEXT[o][lang])));
    outcome.value = draft.outcome;
    const note = h('textarea', { attrs: { rows: '2', placeholder: t('note', lang) }, dataset: { testid: 'override-note' } });
    note.value = draft.note;
    const keep = () => {
      draft.decision = override.checked ? 'override' : 'confirm';
      draft.outcome = outcome.value as Outcome;
      draft.note = note.value;
    };
    for (const el of [confirm, override, outcome]) el.addEventListener('change', keep);
    note.addEventListener('input', keep);
    const status = h('small', { class: 'status' });
    const save = h('button', { attrs: { type: 'button' }, dataset: { testid: 'override-save' } }, t('save', lang));
    save.addEventListener('click', () => void (async () => {
      await this.store.setOverride(d.site.origin, { ...target, decision: override.checked ? 'override' : 'confirm', ...(override.checked ? { outcome: outcome.value as Outcome } : {}), note: note.value.trim(), ...(this.reviewer ? { reviewer: this.reviewer } : {}) });
      this.reviewing = undefined;
      this.draft = undefined;
      await this.reload(false);
    })());
    const capture = h('button', { attrs: { type: 'button' }, dataset: { testid: 'capture' } }, t('capture', lang));
    capture.addEventListener('click', () => void (async () => {
      if (this.target.tabId === undefined) return;
      const reply = (await browser.runtime.sendMessage({ type: 'govaudit:capture', tabId: this.target.tabId } satisfies BackgroundMessage).catch((e: unknown) => ({ ok: false, error: String(e) }))) as CaptureReply;
      if (!reply.ok) {
        status.textContent = `${t('captureFailed', lang)} ${reply.error}`;
        return;
      }
      // Keep what was typed: the note is saved with the screenshot.
      this.notice = `${t('captured', lang)}${colon(lang)}${reply.evidence.url}`;
      await this.store.setOverride(d.site.origin, { ...target, decision: override.checked ? 'override' : 'confirm', ...(override.checked ? { outcome: outcome.value as Outcome } : {}), note: note.value.trim(), evidence: [reply.evidence], ...(this.reviewer ? { reviewer: this.reviewer } : {}) });
    })());
    const cancel = h('button', { attrs: { type: 'button' } }, t('cancel', lang));
    cancel.addEventListener('click', () => {
      this.reviewing = undefined;
      this.draft = undefined;
      void this.reload(false);
    });
    const form = h('div', { class: 'review', dataset: { testid: 'review-form' } },
      h('label', {}, confirm, ' ', t('confirm', lang)), ' ',
      h('label', {}, override, ' ', t('override', lang)), ' ', outcome,
      note, h('div', { class: 'buttons' }, save, capture, cancel), status);
    if (prev) {
      const remove = h('button', { attrs: { type: 'button' } }, t('remove', lang));
      remove.addEventListener('click', () => void (async () => {
        await this.store.removeOverride(d.site.origin, target);
        this.reviewing = undefined;
        this.draft = undefined;
        await this.reload(false);
      })());
      form.querySelector('.buttons')!.append(remove);
    }
    return form;
  }

  /** The evaluator's name (kept in the settings, recorded with each decision) and the site's sign-off. */
  private signOffBox(d: SiteAudit, lang: Lang): HTMLElement {
    const name = h('input', { attrs: { type: 'text', placeholder: t('reviewerName', lang) }, dataset: { testid: 'reviewer' } });
    name.value = this.reviewer;
    name.addEventListener('change', () => void this.store.setSettings({ reviewer: name.value.trim() }));
    const box = h('div', { class: 'signoff', dataset: { testid: 'signoff' } }, h('label', {}, `${t('reviewer', lang)}${colon(lang)}`, name));
    const signed = d.site.signOff;
    if (signed) {
      const undo = h('button', { attrs: { type: 'button' } }, t('withdrawSignOff', lang));
      undo.addEventListener('click', () => void this.store.setSignOff(d.site.origin, undefined));
      box.append(h('p', { dataset: { testid: 'signed' } }, `${t('signedOff', lang)}${colon(lang)}${signed.reviewer} · ${beijingTime(signed.at, lang)}${signed.note ? ` · ${signed.note}` : ''} `, undo));
    } else {
      const note = h('input', { attrs: { type: 'text', placeholder: t('note', lang) }, dataset: { testid: 'signoff-note' } });
      const sign = h('button', { attrs: { type: 'button' }, dataset: { testid: 'signoff-button' } }, t('signOff', lang));
      const status = h('small', {});
      sign.addEventListener('click', () => void (async () => {
        const reviewer = name.value.trim();
        if (!reviewer) {
          status.textContent = t('reviewerNeeded', lang);
          return;
        }
        await this.store.setSettings({ reviewer });
        await this.store.setSignOff(d.site.origin, { reviewer, note: note.value.trim() });
      })());
      box.append(h('p', {}, note, ' ', sign, ' ', status));
    }
    return box;
  }

  private dataView(d: SiteAudit, lang: Lang): HTMLElement {
    const host = new URL(d.site.origin).host.replace(/[^\w.-]/g, '_');
    const day = d.audit.now;
    const exportJsonBtn = h('button', { attrs: { type: 'button' }, dataset: { testid: 'export-json' } }, t('exportJson', lang));
    exportJsonBtn.addEventListener('click', () => {
      const data = exportSession({ audit: d.audit, session: d.site.session, overrides: d.site.overrides, packs: d.settings.packs, at: new Date().toISOString(), config: d.site.config, ...(d.site.signOff ? { signOff: d.site.signOff } : {}) });
      download(`govaudit-${host}-${day}.json`, 'application/json', JSON.stringify(data, null, 2));
    });
    const exportCsvBtn = h('button', { attrs: { type: 'button' }, dataset: { testid: 'export-csv' } }, t('exportCsv', lang));
    exportCsvBtn.addEventListener('click', () => download(`govaudit-${host}-${day}.csv`, 'text/csv;charset=utf-8', exportCsv(d.audit, d.site.overrides)));

    const file = h('input', { attrs: { type: 'file', accept: '.json,application/json' }, dataset: { testid: 'import-file' } });
    const status = h('p', { class: 'status', dataset: { testid: 'import-status' } });
    file.addEventListener('change', () => void (async () => {
      const f = file.files?.[0];
      if (!f) return;
      try {
        const sites = parseCrawlRun(await f.text(), new Date().toISOString());
        await this.store.importSites(sites);
        status.textContent = sites.has(d.site.origin) ? `${t('imported', lang)}${colon(lang)}${sites.get(d.site.origin)!.runId}` : `${t('importNone', lang)}${paren([...sites.keys()].join(', '), lang)}`;
      } catch (e) {
        status.textContent = e instanceof ImportError ? e.in(lang) : String(e);
      }
    })());

    const snippetBtn = h('button', { attrs: { type: 'button' }, dataset: { testid: 'export-columns' } }, t('exportColumns', lang));
    snippetBtn.addEventListener('click', () => download(`govaudit-${host}-columns.yaml`, 'text/yaml;charset=utf-8', columnsSnippet(d.site.config, d.audit.snapshot.site.homeUrl, d.classes)));
    const box = h('div', { class: 'data' },
      this.signOffBox(d, lang),
      h('div', { class: 'buttons' }, exportJsonBtn, ' ', exportCsvBtn, ' ', snippetBtn),
      h('h3', {}, t('importRun', lang)), file, status);
    if (d.site.imported) {
      const remove = h('button', { attrs: { type: 'button' } }, t('removeImport', lang));
      remove.addEventListener('click', () => void this.store.removeImport(d.site.origin));
      box.append(h('p', {}, `${t('imported', lang)}${colon(lang)}${d.site.imported.runId}${d.site.imported.auditDate ? ` (${d.site.imported.auditDate})` : ''} `, remove));
    }
    const reset = h('button', { attrs: { type: 'button' } }, t('resetSession', lang));
    reset.addEventListener('click', () => void this.store.resetSession(d.site.origin));
    box.append(h('p', {}, reset));
    return box;
  }
}

/** The host-permission pattern for a site: its scheme and host, any port. */
export function sitePattern(origin: string): string {
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
}

function sameDoc(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    x.hash = y.hash = '';
    return x.href === y.href;
  } catch {
    return false;
  }
}

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { attrs: { href: url, download: name } });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
