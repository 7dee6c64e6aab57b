import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSite } from '../../crawler/cli/demo-command.ts';
import { runCrawl } from '../../crawler/crawl/run.ts';
import { startDemoPortal, type DemoPortal } from '../../crawler/demo/index.ts';
import { BrowserRenderer } from '../../crawler/render/browser.ts';
import { MemoryStore } from '../../crawler/store/memory-store.ts';
import { localDate } from '../../rules/dates/days.ts';
import { COLUMNS, DROPDOWNS, NAV_KEYS, startFixtureSite, type FixtureServer } from './fixture-site.ts';

/**
 * The built extension in Chromium (headless), on the fixture county portal served over http://127.0.0.1.
 *
 * A headless browser cannot answer the permission prompt, so the test build (`GOVAUDIT_E2E_HOSTS`) is granted
 * http://127.0.0.1/* at install, as if the user had enabled the site; registration of the overlay for granted
 * origins, the overlay, the panel and the store then run exactly as in the real extension.
 */

/** The extension API, inside the service worker (functions passed to `worker.evaluate` run there). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, '.output/e2e/chrome-mv3');
const SHOT_DIR = join(ROOT, '.tmp');
const SOURCES = ['extension', 'rules', 'crawler/crawl/discover.ts', 'crawler/fetch/decode-body.ts', 'wxt.config.ts'];

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((n) => newestMtime(join(path, n))));
}

/** Builds the test copy unless the one on disk is newer than every source it is built from. */
function buildExtension(): void {
  let built = 0;
  try {
    built = statSync(join(OUT, 'manifest.json')).mtimeMs;
  } catch {
    built = 0;
  }
  const sources = Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  if (built > sources) return;
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, env: { ...process.env, GOVAUDIT_E2E_HOSTS: 'http://127.0.0.1/*' }, stdio: 'pipe', timeout: 120_000 });
}

let site: FixtureServer;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let profile: string;
const today = localDate(new Date());
const column = (key: string) => COLUMNS.find((c) => c.key === key)!;

beforeAll(async () => {
  buildExtension();
  site = await startFixtureSite(today);
  profile = mkdtempSync(join(tmpdir(), 'govaudit-e2e-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    acceptDownloads: true,
    args: [
      `--disable-extensions-except=${OUT}`, `--load-extension=${OUT}`,
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      // Lets the test click the toolbar button (CDP Extensions.triggerAction), which grants activeTab.
      '--enable-unsafe-extension-debugging',
    ],
  });
  // Polled rather than awaited as an event: the worker may start before a listener could be attached.
  const workers = await waitFor(async () => context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://')), (w) => w.length > 0, 20_000);
  if (workers.length === 0) throw new Error(`the extension did not start from ${OUT}`);
  worker = workers[0]!;
  extensionId = new URL(worker.url()).host;
  // The background registers the overlay for the granted origins when it is installed.
  const registered = await waitFor(() => worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s: { matches?: string[] }) => s.matches)), (m) => m.length > 0, 15_000);
  expect(registered).toEqual([['http://127.0.0.1/*']]);
}, 180_000);


async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

afterAll(async () => {
  await context?.close();
  await site?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Clicks the extension's toolbar button for the tab showing `page`, as a user would (grants activeTab). */
async function clickToolbarButton(page: Page): Promise<void> {
  const session = await context.browser()!.newBrowserCDPSession();
  try {
    const { targetInfos } = (await session.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const tab = targetInfos.find((t) => t.type === 'tab' && t.url === page.url());
    if (!tab) throw new Error(`no tab target for ${page.url()}`);
    await session.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
  } finally {
    await session.detach();
  }
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The overlay's own account of what it shows (see Overlay.describe): its shadow root is closed to the page. */
interface Described {
  badges: { url: string; state: string; label: string; tooltip: string; hidden: boolean; rect: Box; link?: Box }[];
  pill: { id: string; count: number; label: string; active: boolean; rect?: Box }[];
  banner?: { rect: Box; header: Box; collapsed: boolean; folded: boolean; text: string; state?: string; rules: { rule: string; outcome: string }[] };
  items: Box[];
  list?: Box;
  flashing: boolean;
  hiddenOnly: string[];
}

async function describeOverlay(page: Page): Promise<Described | undefined> {
  return worker.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t: { url?: string }) => t.url === url);
    if (!tab) return undefined;
    try {
      return await chrome.tabs.sendMessage(tab.id, { type: 'govaudit:describe' });
    } catch {
      return undefined;
    }
  }, page.url()) as Promise<Described | undefined>;
}

/** URL → state of the badges shown (every visible link to a column carries one; they must agree). */
async function badgeStates(page: Page): Promise<Record<string, string>> {
  const d = await describeOverlay(page);
  const out: Record<string, string> = {};
  for (const b of d?.badges ?? []) if (!b.hidden) out[b.url] = out[b.url] && out[b.url] !== b.state ? 'conflict' : b.state;
  return out;
}

const hit = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('govaudit extension in Chromium', () => {
  let home: Page;

  it('marks the home navigation with a badge per column, in the right state, beside (never over) the menu text', async () => {
    home = await context.newPage();
    await home.goto(site.url);
    const expected: Record<string, string> = {};
    for (const key of NAV_KEYS) {
      const c = column(key);
      // A list drawn by JavaScript cannot be read from its HTML: unknown until the page is opened.
      expected[new URL(c.path, site.url).href] = c.js ? 'unknown' : c.expected;
    }
    await expect.poll(() => badgeStates(home), { timeout: 20_000 }).toEqual(expected);

    const tzgg = new URL('/tzgg/index.html', site.url).href;
    const described = async () => (await describeOverlay(home))!;
    await expect.poll(async () => (await described()).badges.find((b) => b.url === tzgg && !b.hidden)?.label).toBe('超期 200天');
    const tip = (await described()).badges.find((b) => b.url === tzgg)!.tooltip;
    expect(tip).toContain('通知公告');
    expect(tip).toMatch(/最新信息：\d{4}-\d{2}-\d{2}（200 天前）/);
    expect(tip).toContain('通知公告类栏目不更新');

    await home.waitForTimeout(300);
    const d = await described();
    // The hidden mobile menu comes first in the page; every badge sits on a link the evaluator can see.
    const visibleLinks = await home.evaluate(() => Array.from(document.querySelectorAll<HTMLAnchorElement>('.nav > ul > li > a')).map((a) => {
      const r = a.getBoundingClientRect();
      return { url: a.href, box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom } };
    }));
    for (const key of NAV_KEYS) {
      const url = new URL(column(key).path, site.url).href;
      const link = visibleLinks.find((l) => l.url === url)!;
      const badge = d.badges.find((b) => b.url === url && b.link && hit(b.link, link.box));
      expect(badge, `badge on the visible ${key} link`).toBeDefined();
      expect(badge!.hidden).toBe(false);
    }
    expect(d.badges.every((b) => b.link && b.link.right - b.link.left > 1)).toBe(true);
    const texts = await home.evaluate(() => {
      const out: { left: number; top: number; right: number; bottom: number }[] = [];
      const walker = document.createTreeWalker(document.querySelector('.nav')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.nodeValue?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of Array.from(range.getClientRects())) if (r.width > 0) out.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
      }
      return out;
    });
    const shown = d.badges.filter((b) => !b.hidden);
    expect(shown.filter((b) => texts.some((t) => hit(b.rect, t))).map((b) => b.url)).toEqual([]);
    expect(Math.min(...shown.map((b) => (b.rect.right - b.rect.left) * (b.rect.bottom - b.rect.top)))).toBeGreaterThan(100);

    // The pill's counts filter the badges on the page: 超期 shows the stale ones only, a second click all again.
    const stalePill = d.pill.find((p) => p.id === 'stale')!;
    await home.mouse.click((stalePill.rect!.left + stalePill.rect!.right) / 2, (stalePill.rect!.top + stalePill.rect!.bottom) / 2);
    await expect.poll(async () => [...new Set((await described()).badges.filter((b) => !b.hidden).map((b) => b.state))]).toEqual(['stale']);
    expect((await described()).pill.find((p) => p.id === 'stale')!.active).toBe(true);
    await home.mouse.click((stalePill.rect!.left + stalePill.rect!.right) / 2, (stalePill.rect!.top + stalePill.rect!.bottom) / 2);
    await expect.poll(async () => (await described()).badges.filter((b) => !b.hidden).length).toBe(shown.length);

    // The overlay's root is closed: the page can neither read the findings nor rewrite a badge.
    expect(await home.evaluate(() => {
      const host = document.querySelector('govaudit-overlay');
      return { host: !!host, shadow: host ? host.shadowRoot === null : null, text: host?.textContent ?? '' };
    })).toEqual({ host: true, shadow: true, text: '' });

    // Columns linked from this page only in the hover dropdown: no badge anyone could see, reported to the panel.
    await expect.poll(async () => (await described()).hiddenOnly.sort(), { timeout: 15_000 }).toEqual(DROPDOWNS.xxgk!.map((k) => new URL(column(k).path, site.url).href).sort());

    mkdirSync(SHOT_DIR, { recursive: true });
    await home.screenshot({ path: join(SHOT_DIR, 'overlay.png') });
  }, 60_000);

  it('reads a column list drawn by JavaScript and shows the banner and the dated items', async () => {
    const page = await context.newPage();
    await page.goto(new URL('/jgzn/', site.url).href);
    const banner = async () => (await describeOverlay(page))?.banner;
    await expect.poll(async () => (await banner())?.state, { timeout: 15_000 }).toBe('present');
    const text = (await banner())!.text;
    expect(text).toContain('机构职能');
    expect(text).toContain('栏目类别');
    expect(text).toMatch(/最新信息\d{4}-\d{2}-\d{2}（30 天前）/);
    const seen = (await describeOverlay(page))!;
    expect(seen.items.length).toBe(3);
    // The banner never covers the list it describes (element boxes of the list and of each dated item).
    await page.waitForTimeout(300);
    const placed = (await describeOverlay(page))!;
    for (const item of [...placed.items, ...(placed.list ? [placed.list] : [])]) expect(hit(placed.banner!.rect, item)).toBe(false);
    await page.screenshot({ path: join(SHOT_DIR, 'overlay-column.png') });
    // The home page learns it too: its badge turns from unknown to present.
    await expect.poll(() => badgeStates(home).then((s) => s[new URL('/jgzn/', site.url).href]), { timeout: 10_000 }).toBe('present');

    await page.goto(new URL('/tzgg/index.html', site.url).href);
    await expect.poll(async () => (await banner())?.state, { timeout: 15_000 }).toBe('stale');
    expect((await banner())!.rules.find((r) => r.rule === 'notice-column-stale')?.outcome).toBe('fail');
    await page.waitForTimeout(300);
    const stale = (await describeOverlay(page))!;
    expect(stale.list, 'the list box is known').toBeDefined();
    for (const item of [...stale.items, stale.list!]) expect(hit(stale.banner!.rect, item)).toBe(false);
    // A narrow window leaves no free corner: the banner folds to its header and still keeps off the list.
    await page.setViewportSize({ width: 700, height: 500 });
    await page.waitForTimeout(400);
    const narrow = (await describeOverlay(page))!;
    for (const item of [...narrow.items, narrow.list!]) expect(hit(narrow.banner!.rect, item), JSON.stringify({ banner: narrow.banner!.rect, item })).toBe(false);
    await page.screenshot({ path: join(SHOT_DIR, 'overlay-banner-narrow.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForTimeout(300);
    const header = (await banner())!.header;
    await page.mouse.click((header.left + header.right) / 2 - 40, (header.top + header.bottom) / 2);
    await expect.poll(async () => (await banner())?.collapsed).toBe(true);
    await page.close();
  }, 60_000);

  it('lists the checklist in the side panel, with the missing required column; an override with a note persists and is exported', async () => {
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?url=${encodeURIComponent(site.url)}`);
    const leaders = panel.locator('li.row[data-class-id="leaders"]');
    await expect.poll(() => leaders.getAttribute('data-state'), { timeout: 15_000 }).toBe('missing');
    expect(await leaders.textContent()).toContain('领导信息');
    expect(await leaders.textContent()).toContain('缺失');
    expect(await panel.locator('li.row[data-class-id="notice"]').getAttribute('data-state')).toBe('stale');
    expect(await panel.locator('li.row[data-class-id="policy"]').getAttribute('data-state')).toBe('due-soon');
    expect(await panel.locator('li.row[data-class-id="interpretation"]').getAttribute('data-state')).toBe('empty');
    expect(await panel.locator('[data-testid="verdict"]').textContent()).toMatch(/合格|不合格|待复核/);

    // The page's summary pill and the panel header count the same rows, and each count filters the checklist.
    const panelCounts = async () => Object.fromEntries(await panel.locator('[data-testid="counts"] button').evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset.bucket!, Number(e.querySelector('b')!.textContent)])));
    const pillCounts = async () => Object.fromEntries(((await describeOverlay(home))?.pill ?? []).map((p) => [p.id, p.count]));
    await expect.poll(async () => JSON.stringify(await pillCounts()), { timeout: 10_000 }).toBe(JSON.stringify(await panelCounts()));
    const counts = await panelCounts();
    expect(counts.missing).toBeGreaterThan(0);
    expect(counts.stale).toBeGreaterThan(0);
    await panel.locator('[data-testid="count-stale"]').click();
    await expect.poll(() => panel.locator('li.row').count()).toBe(counts.stale);
    expect(await panel.locator('li.row').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.state))).toEqual(Array(counts.stale).fill('stale'));
    await panel.locator('[data-testid="count-stale"]').click();
    await expect.poll(() => panel.locator('li.row[data-class-id="news"]').count()).toBe(1);

    // A column the home page links only from its hidden dropdown: the row says so and offers to open it.
    const guide = panel.locator('li.row[data-class-id="disclosure-guide"]');
    await expect.poll(() => guide.locator('[data-testid="hidden-link"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await guide.locator('[data-testid="open-column"]').count()).toBe(1);
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.screenshot({ path: join(SHOT_DIR, 'sidepanel.png') });

    await panel.locator('[data-testid="filter-problems"]').click();
    await expect.poll(() => panel.locator('li.row[data-class-id="news"]').count()).toBe(0);
    expect(await panel.locator('li.row[data-class-id="leaders"]').count()).toBe(1);

    // Clicking a column flashes its link on the page.
    await panel.locator('li.row[data-class-id="notice"] .col button').first().click();
    await expect.poll(async () => (await describeOverlay(home))?.flashing, { timeout: 5_000 }).toBe(true);

    const finding = panel.locator('li.finding[data-rule="notice-column-stale"]');
    await finding.locator('[data-testid="review"]').click();
    const form = panel.locator('[data-testid="review-form"]');
    await form.locator('input[value="override"]').check();
    await form.locator('[data-testid="override-outcome"]').selectOption('pass');
    await form.locator('[data-testid="override-note"]').fill('测试备注：通知公告已迁至新栏目');
    await form.locator('[data-testid="override-save"]').click();
    // Overridden to a pass it is no longer a problem; under "all" it is listed with its review.
    await panel.locator('[data-testid="filter-all"]').click();
    await expect.poll(() => finding.locator('[data-testid="override"]').textContent({ timeout: 5_000 })).toContain('测试备注：通知公告已迁至新栏目');

    await panel.reload();
    const again = panel.locator('li.finding[data-rule="notice-column-stale"]');
    await expect.poll(() => again.locator('[data-testid="override"]').textContent({ timeout: 5_000 }), { timeout: 10_000 }).toContain('测试备注：通知公告已迁至新栏目');
    expect(await again.getAttribute('data-outcome')).toBe('pass');
    const stored = await worker.evaluate(async (origin) => (await chrome.storage.local.get(`site:${origin}:overrides`))[`site:${origin}:overrides`], new URL(site.url).origin);
    expect(stored).toEqual([expect.objectContaining({ packId: 'national-2019', ruleId: 'notice-column-stale', decision: 'override', outcome: 'pass', note: '测试备注：通知公告已迁至新栏目' })]);

    // Evidence: the evaluator clicks the toolbar button on the page (activeTab), then captures from the panel.
    await home.bringToFront();
    await clickToolbarButton(home);
    await again.locator('[data-testid="review"]').click();
    await panel.locator('[data-testid="review-form"] [data-testid="capture"]').click();
    await expect.poll(() => panel.locator('[data-testid="notice"]').textContent({ timeout: 5_000 }).catch(() => ''), { timeout: 10_000 }).toContain(site.url);
    await expect.poll(() => again.locator('[data-testid="override"] img').count()).toBe(1);

    await panel.locator('[data-testid="tab-data"]').click();
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.locator('[data-testid="export-json"]').click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported.run.id).toMatch(/^extension-/);
    expect(exported.sites[0].runId).toBe(exported.run.id);
    expect(exported.sites[0].snapshot.site.homeUrl).toBe(site.url);
    expect(exported.sites[0].overrides).toEqual([expect.objectContaining({ ruleId: 'notice-column-stale', decision: 'override', outcome: 'pass', note: '测试备注：通知公告已迁至新栏目' })]);
    expect(exported.sites[0].overrides[0].evidence).toEqual([{ screenshot: expect.stringMatching(/^data:image\/jpeg;base64,/), url: site.url, at: expect.any(String) }]);
    expect(exported.sites[0].result.packs.find((p: { packId: string }) => p.packId === 'national-2019').findings.find((f: { ruleId: string }) => f.ruleId === 'notice-column-stale').outcome).toBe('pass');

    // The rendered panel, every view: no English in Chinese mode, no Chinese in English mode (page text aside).
    // Longest first, so a name is never cut by a shorter one inside it (政府信息公开指南 / 政府信息公开).
    const pageWords = [...COLUMNS.map((c) => c.name), '青川县人民政府', '首页', '测试备注：通知公告已迁至新栏目', '互动交流'].sort((a, b) => b.length - a.length);
    const viewText = async (view: string) => {
      await panel.locator(`[data-testid="tab-${view}"]`).click();
      await panel.waitForTimeout(300);
      return panel.evaluate(() => {
        const copy = document.body.cloneNode(true) as HTMLElement;
        // Citations (document names) and page-given names are quoted as they are, in either mode.
        copy.querySelectorAll('.src, .site-name, .col a, input, textarea, select, .override small, .langs').forEach((e) => e.remove());
        copy.querySelectorAll('*').forEach((e) => e.append(' '));
        return copy.textContent ?? '';
      });
    };
    const leftovers = (text: string, lang: 'zh' | 'en') => {
      let rest = text.replace(/https?:\/\/[^\s）)]*/g, ' ');
      // Item titles are page text too (「青川县政务动态第3号信息：关于做好相关工作的情况说明」), quoted in either mode.
      rest = rest.replace(/青川县\S*?第\d+号信息：关于做好相关工作的情况说明/g, ' ');
      for (const w of pageWords) rest = rest.split(w).join(' ');
      if (lang === 'en') return rest.match(/[\u3400-\u9fff]+/g) ?? [];
      // Technical names a Chinese inspection form writes in Latin letters too (支持IPv6, AAAA 记录).
      rest = rest.replace(/govaudit|JSON|CSV|YAML|EN|ICP|IPv6|AAAA|HTTPS|DNS|sites|columns|report\.json|extension-[\w-]+/g, ' ');
      return rest.match(/[A-Za-z]{2,}/g) ?? [];
    };
    for (const view of ['checklist', 'findings', 'data']) {
      expect(leftovers(await viewText(view), 'zh'), `zh ${view}`).toEqual([]);
    }
    await panel.locator('[data-testid="lang-en"]').click();
    await expect.poll(() => panel.locator('header.top h1').textContent()).toBe('govaudit site check');
    for (const view of ['checklist', 'findings', 'data']) {
      expect(leftovers(await viewText(view), 'en'), `en ${view}`).toEqual([]);
    }
    // The overlay follows the setting: badges and their tooltips in English.
    await expect.poll(async () => (await describeOverlay(home))?.badges.find((b) => !b.hidden && b.state === 'due-soon')?.label, { timeout: 10_000 }).toBe('Due soon');
    // After the override the badge no longer gives the engine's old reason: it says who set what.
    const overriddenTip = (await describeOverlay(home))!.badges.find((b) => b.url === new URL('/tzgg/index.html', site.url).href)!.tooltip;
    expect(overriddenTip).toContain('Overridden → Pass');
    expect(overriddenTip).not.toContain('not updated');
    for (const b of (await describeOverlay(home))!.badges) {
      let tip = b.tooltip;
      for (const w of pageWords) tip = tip.split(w).join('');
      expect(tip.match(/[\u3400-\u9fff]+/g) ?? [], b.tooltip).toEqual([]);
    }
    await panel.locator('[data-testid="lang-zh"]').click();

    // A missing column from its row: 不适用 with a reason, then "在本页指定" by clicking its link on the page; both go
    // into the sites-file `columns:` snippet.
    await panel.locator('[data-testid="tab-checklist"]').click();
    const leadersRow = panel.locator('li.row[data-class-id="leaders"]');
    await leadersRow.locator('[data-testid="na-reason"]').fill('领导信息在市政府网站集中发布');
    await leadersRow.locator('[data-testid="mark-na"]').click();
    await expect.poll(() => leadersRow.locator('[data-testid="not-applicable"]').textContent().catch(() => ''), { timeout: 10_000 }).toContain('领导信息在市政府网站集中发布');
    const decisions = await worker.evaluate(async (origin) => (await chrome.storage.local.get(`site:${origin}:overrides`))[`site:${origin}:overrides`], new URL(site.url).origin);
    expect(decisions).toContainEqual(expect.objectContaining({ ruleId: 'leaders-column-missing', decision: 'override', outcome: 'not-applicable', note: '领导信息在市政府网站集中发布' }));
    await leadersRow.locator('[data-testid="found-here"]').click();
    await home.bringToFront();
    await home.waitForTimeout(300);
    await home.locator('.nav > ul > li > a[href="/hdjl/xzxx/"]').click();
    expect(home.url()).toBe(site.url);
    const leadersUrl = new URL('/hdjl/xzxx/', site.url).href;
    await expect.poll(async () => (await worker.evaluate(async (origin) => (await chrome.storage.local.get(`site:${origin}:config`))[`site:${origin}:config`], new URL(site.url).origin))?.columns?.leaders?.url, { timeout: 10_000 }).toBe(leadersUrl);
    await panel.bringToFront();
    await panel.locator('[data-testid="tab-data"]').click();
    const [snippet] = await Promise.all([panel.waitForEvent('download'), panel.locator('[data-testid="export-columns"]').click()]);
    const yaml = readFileSync((await snippet.path())!, 'utf8');
    expect(yaml).toContain(`  leaders:  # 领导信息\n    url: "${leadersUrl}"`);
    expect(yaml).toContain('# 不适用 not applicable: leaders');
    await panel.close();
  }, 60_000);

  it('finds the planted problems of the demo portal (crawler/demo) as the crawler does', async () => {
    const demo: DemoPortal = await startDemoPortal({ port: 0, today });
    try {
      const page = await context.newPage();
      await page.goto(demo.url);
      const col = (name: string) => demo.manifest.columns.find((c) => c.name === name)!.url;
      const planted = (id: string) => demo.manifest.planted.find((p) => p.id === id)!;
      // 部门动态 is planted stale; the others in the menu are fresh; 政策解读 is drawn by JavaScript from a data
      // array in the page's own script (var listData = [...]), which is read without drawing it; 政策文件 is a Hanweb
      // datastore, 乡镇动态 keeps the year in a comment.
      const expected: Record<string, string> = {
        [col('政务动态')]: 'present', [col('部门动态')]: 'stale', [col('乡镇动态')]: 'present', [col('通知公告')]: 'present',
        [col('政策文件')]: 'present', [col('政策解读')]: 'present', [col('政府信息公开')]: 'present', [col('县长信箱')]: 'present',
      };
      expect(planted('stale-department-news').url).toBe(col('部门动态'));
      await expect.poll(() => badgeStates(page), { timeout: 20_000 }).toEqual(expected);
      await page.screenshot({ path: join(SHOT_DIR, 'overlay-demo.png') });

      const panel = await context.newPage();
      await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?url=${encodeURIComponent(demo.url)}`);
      const state = (classId: string) => panel.locator(`li.row[data-class-id="${classId}"]`).getAttribute('data-state', { timeout: 5_000 }).catch(() => null);
      // The columns behind the 信息公开 hubs are read in the background, like the crawler reads them (the GBK one too).
      await expect.poll(() => state('personnel'), { timeout: 20_000 }).toBe('empty');
      expect(await state('plan')).toBe('stale');
      expect(await state('finance')).toBe('present');
      expect(await state('leaders')).toBe('present');
      const findings = (rule: string) => panel.locator(`li.finding[data-rule="${rule}"][data-outcome="fail"]`).count();
      await panel.locator('[data-testid="tab-findings"]').click();
      await panel.locator('[data-testid="filter-problems"]').click();
      for (const id of ['empty-personnel', 'stale-department-news', 'undated-plans', 'undated-plans-long-stale']) {
        expect(await findings(planted(id).ruleId), id).toBeGreaterThan(0);
      }

      // One verdict: the crawler's scorecard and the extension agree on the demo portal. Availability, which only
      // scheduled crawls measure, reads as such in the panel, never as pending.
      const renderer = new BrowserRenderer();
      try {
        const store = new MemoryStore();
        const run = await runCrawl({ sites: [demoSite(demo.url)], store, now: today, renderer });
        const crawled = (await store.getSite(run.id, 'qingshan-demo'))!;
        await panel.locator('[data-testid="filter-all"]').click();
        await expect.poll(() => panel.locator('[data-testid="verdict"]').getAttribute('data-verdict'), { timeout: 10_000 }).toBe(crawled.result.verdict);
        const availability = panel.locator('li.finding[data-rule="site-unreachable"]').first();
        expect(await availability.getAttribute('data-outcome')).toBe('not-applicable');
        expect(await availability.textContent()).toContain('由定期爬取判定');
      } finally {
        await renderer.close();
      }
      await panel.close();
      await page.close();
    } finally {
      await demo.close();
    }
  }, 60_000);
});
