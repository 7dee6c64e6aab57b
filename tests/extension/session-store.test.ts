import { parseHTML } from 'linkedom';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { StoredSite } from '../../crawler/store/types.ts';
import { addDays } from '../../rules/dates/days.ts';
import { checklist, columnStatus } from '../../extension/lib/audit.ts';
import { columnsSnippet, exportCsv, exportSession, ImportError, parseCrawlRun } from '../../extension/lib/export.ts';
import { toJsonText } from '../../reports/json.ts';
import { overrideCandidates } from '../../extension/lib/audit.ts';
import { pageFromDom } from '../../extension/lib/page-from-dom.ts';
import { columnClassesFor, packsById } from '../../extension/lib/packs.ts';
import { auditSite, auditDateOf } from '../../extension/lib/site-audit.ts';
import { observePage } from '../../extension/lib/snapshot.ts';
import { GovauditStore, siteKey, type KeyValueArea } from '../../extension/lib/store.ts';
import { COLUMNS, fixturePage } from './fixture-site.ts';

/** The evaluator's session store on WXT's fake browser: decisions persist per origin and export in the run shape. */

const ORIGIN = 'http://127.0.0.1:8080';
const TODAY = '2026-03-10';
const clock = () => new Date(`${TODAY}T09:30:00+08:00`);
const area = () => fakeBrowser.storage.local as unknown as KeyValueArea;

beforeEach(() => {
  fakeBrowser.reset();
});

/** Browses the fixture site the way the overlay does: home page, then the given column pages, live. */
async function browse(store: GovauditStore, paths: string[]): Promise<void> {
  const settings = await store.getSettings();
  const packs = packsById(settings.packs);
  const classes = columnClassesFor(packs);
  for (const path of ['/', ...paths]) {
    const { document } = parseHTML(fixturePage(path, TODAY)!);
    const doc = pageFromDom(document as unknown as Document, `${ORIGIN}${path}`);
    const site = await store.getSite(ORIGIN);
    const at = clock();
    await store.updateSession(ORIGIN, (s) => observePage(s, doc, { classes, now: auditDateOf(settings, at), at: at.toISOString(), source: 'live', overrides: overrideCandidates(site.config, classes) }).session);
  }
}

async function audit(store: GovauditStore) {
  return auditSite(await store.getSettings(), await store.getSite(ORIGIN), clock());
}

describe('GovauditStore on fakeBrowser.storage.local', () => {
  it('starts with the default settings: national-2019 + disclosure-regulation-2019 + security-2019, county, Chinese', async () => {
    const s = await new GovauditStore(area(), clock).getSettings();
    expect(s.packs).toEqual(['national-2019', 'disclosure-regulation-2019', 'security-2019']);
    expect(s.kind).toBe('county');
    expect(s.lang).toBe('zh');
  });

  it('keeps an override with its note across a reload of the extension (a new store on the same storage)', async () => {
    const first = new GovauditStore(area(), clock);
    await first.setOverride(ORIGIN, { packId: 'national-2019', ruleId: 'notice-column-stale', columnUrl: `${ORIGIN}/tzgg/index.html`, decision: 'override', outcome: 'pass', note: '已在新址更新' });
    const reloaded = new GovauditStore(area(), clock);
    const site = await reloaded.getSite(ORIGIN);
    expect(site.overrides).toEqual([
      { packId: 'national-2019', ruleId: 'notice-column-stale', columnUrl: `${ORIGIN}/tzgg/index.html`, decision: 'override', outcome: 'pass', note: '已在新址更新', at: clock().toISOString() },
    ]);
    expect(await fakeBrowser.storage.local.get(siteKey(ORIGIN, 'overrides'))).toHaveProperty([siteKey(ORIGIN, 'overrides')]);
    expect((await reloaded.getSite('http://other.example.gov.cn')).overrides).toEqual([]);
  });

  it('survives navigation: pages read later do not touch the decisions', async () => {
    const store = new GovauditStore(area(), clock);
    await store.setOverride(ORIGIN, { packId: 'national-2019', ruleId: 'leaders-column-missing', decision: 'confirm', note: '导航与信息公开目录均无领导信息' });
    await browse(store, ['/zwdt/', '/tzgg/index.html']);
    const site = await store.getSite(ORIGIN);
    expect(site.overrides).toHaveLength(1);
    expect(Object.keys(site.session.columns)).toHaveLength(2);
  });

  it('replaces a decision on the same finding and keeps its screenshots', async () => {
    const store = new GovauditStore(area(), clock);
    const target = { packId: 'national-2019', ruleId: 'news-column-stale', columnUrl: `${ORIGIN}/zwdt/` };
    await store.addEvidence(ORIGIN, target, { screenshot: 'data:image/jpeg;base64,AAAA', url: `${ORIGIN}/zwdt/`, at: '2026-03-10T01:00:00.000Z' });
    await store.setOverride(ORIGIN, { ...target, decision: 'override', outcome: 'fail', note: '最新一条是转载旧闻' });
    const list = await store.getOverrides(ORIGIN);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ decision: 'override', outcome: 'fail', note: '最新一条是转载旧闻' });
    expect(list[0]!.evidence).toEqual([{ screenshot: 'data:image/jpeg;base64,AAAA', url: `${ORIGIN}/zwdt/`, at: '2026-03-10T01:00:00.000Z' }]);
    await store.removeOverride(ORIGIN, target);
    expect(await store.getOverrides(ORIGIN)).toEqual([]);
  });
});

describe('auditing what was browsed', () => {
  it('lists a missing required column although nothing on the page shows it, once discovery is complete', async () => {
    const store = new GovauditStore(area(), clock);
    await browse(store, ['/zwdt/']);
    let a = await audit(store);
    // The hubs are not read yet: a column not seen may still be behind them.
    expect(checklist(a.audit, a.packs, a.classes).find((r) => r.classId === 'leaders')!.state).toBe('not-found');
    await browse(store, ['/xxgk/', '/xxgk/fdzdgknr/']);
    a = await audit(store);
    const rows = checklist(a.audit, a.packs, a.classes);
    const leaders = rows.find((r) => r.classId === 'leaders')!;
    expect(leaders).toMatchObject({ required: true, state: 'missing', columns: [] });
    expect(rows.find((r) => r.classId === 'plan')!.state).toBe('not-visited');
  });

  it('judges the fixture columns as planted once their pages are read', async () => {
    const store = new GovauditStore(area(), clock);
    const lists = COLUMNS.filter((c) => !c.js && !c.hub).map((c) => c.path);
    await browse(store, ['/xxgk/', '/xxgk/fdzdgknr/', ...lists]);
    const a = await audit(store);
    for (const c of COLUMNS.filter((x) => !x.js)) {
      expect(columnStatus(a.audit, `${ORIGIN}${c.path}`).state, c.name).toBe(c.expected);
    }
    expect(columnStatus(a.audit, `${ORIGIN}/jgzn/`).state).toBe('not-visited');
    const news = columnStatus(a.audit, `${ORIGIN}/zwdt/`);
    expect(news.newest?.date).toBe(addDays(TODAY, -1));
    expect(news.ageDays).toBe(1);
  });

  it('applies an override to the verdict and exports it in the run shape', async () => {
    const store = new GovauditStore(area(), clock);
    await browse(store, ['/xxgk/', '/xxgk/fdzdgknr/', '/tzgg/index.html']);
    const before = await audit(store);
    const stale = before.audit.result.packs.flatMap((p) => p.findings).find((f) => f.ruleId === 'notice-column-stale')!;
    expect(stale.outcome).toBe('fail');
    await store.setOverride(ORIGIN, { packId: stale.packId, ruleId: stale.ruleId, columnUrl: stale.column!.url, decision: 'override', outcome: 'pass', note: '通知公告已迁至新栏目' });
    const after = await audit(store);
    const national = after.audit.result.packs.find((p) => p.packId === 'national-2019')!;
    expect(national.findings.find((f) => f.ruleId === 'notice-column-stale')!.outcome).toBe('pass');
    expect(national.counts.fail).toBe(before.audit.result.packs.find((p) => p.packId === 'national-2019')!.counts.fail - 1);
    expect(after.audit.raw.packs.find((p) => p.packId === 'national-2019')!.findings.find((f) => f.ruleId === 'notice-column-stale')!.outcome).toBe('fail');

    const at = '2026-03-10T02:00:00.000Z';
    const exported = JSON.parse(JSON.stringify(exportSession({ audit: after.audit, session: after.site.session, overrides: after.site.overrides, packs: after.settings.packs, at })));
    expect(exported.run).toMatchObject({ id: 'extension-20260310-020000Z', status: 'finished', auditDate: TODAY, source: 'extension', siteIds: ['127.0.0.1:8080'] });
    expect(exported.sites).toHaveLength(1);
    const site = exported.sites[0];
    expect(Object.keys(site).sort()).toEqual(['engineResult', 'overrides', 'result', 'runId', 'snapshot', 'stats']);
    expect(site.runId).toBe(exported.run.id);
    expect(site.snapshot.site).toMatchObject({ homeUrl: `${ORIGIN}/`, kind: 'county' });
    expect(site.stats).toMatchObject({ pages: 4, errors: 0 });
    expect(site.overrides).toEqual([{ packId: 'national-2019', ruleId: 'notice-column-stale', columnUrl: `${ORIGIN}/tzgg/index.html`, decision: 'override', outcome: 'pass', note: '通知公告已迁至新栏目', at: clock().toISOString() }]);
    expect(site.result.verdict).toBe(after.audit.result.verdict);

    const csv = exportCsv(after.audit, after.site.overrides);
    expect(csv.startsWith('\uFEFF站点 site,规则包 pack')).toBe(true);
    expect(csv).toContain('通知公告已迁至新栏目');
    expect(csv).toContain('改判 override');
  });

  it('keeps page text from becoming a spreadsheet formula in the CSV', async () => {
    const store = new GovauditStore(area(), clock);
    await browse(store, []);
    await store.setOverride(ORIGIN, { packId: 'national-2019', ruleId: 'homepage-stale', decision: 'confirm', note: '=HYPERLINK("http://x")' });
    const a = await audit(store);
    expect(exportCsv(a.audit, a.site.overrides)).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('imports a crawler run by origin and falls back on its columns for pages not browsed', async () => {
    const store = new GovauditStore(area(), clock);
    const crawled: StoredSite = {
      runId: 'run-1',
      stats: { pages: 3, errors: 0, elapsedMs: 10, bytes: 100, rendered: 0 },
      snapshot: {
        site: { id: 'qingchuan', name: '青川县人民政府', homeUrl: `${ORIGIN}/`, kind: 'county' },
        capturedAt: '2026-03-09T00:00:00Z',
        home: { url: `${ORIGIN}/`, status: 'ok', items: [] },
        columns: [{ classId: 'leaders', name: '领导之窗', url: `${ORIGIN}/ldzc/`, matchedBy: 'name', matchReason: 'crawl', status: 'ok', items: [{ title: '县长简介', date: '2026-03-01' }], itemCount: 1, pagesRead: 1 }],
        links: [],
        availability: [],
        discoveryComplete: true,
      },
      result: { siteId: 'qingchuan', evaluatedAt: '2026-03-09', verdict: 'needs-review', packs: [] },
    };
    const file = JSON.stringify({ run: { id: 'run-1', auditDate: '2026-03-09' }, sites: [crawled, { ...crawled, snapshot: { ...crawled.snapshot, site: { ...crawled.snapshot.site, homeUrl: 'https://other.gov.cn/' } } }] });
    const origins = await store.importSites(parseCrawlRun(`\uFEFF${file}`, clock().toISOString()));
    expect(origins.sort()).toEqual([ORIGIN, 'https://other.gov.cn'].sort());
    await browse(store, ['/zwdt/']);
    const a = await audit(store);
    expect(a.site.imported).toMatchObject({ runId: 'run-1', auditDate: '2026-03-09' });
    expect(a.audit.snapshot.site.id).toBe('qingchuan');
    expect(columnStatus(a.audit, `${ORIGIN}/ldzc/`).state).toBe('present');
    expect(checklist(a.audit, a.packs, a.classes).find((r) => r.classId === 'leaders')!.state).toBe('present');
    expect(() => parseCrawlRun('{"sites": 3}', '')).toThrow(/sites/);
  });

  it('refuses a malformed report.json with the reason, and accepts a valid one', async () => {
    const bad = JSON.stringify({ schema: 'govaudit-report', schemaVersion: 1, generator: 'govaudit', run: { id: 'r' }, sites: [{ id: 3 }] });
    let error: unknown;
    try {
      parseCrawlRun(bad, '');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).in('zh')).toMatch(/^report\.json 不符合报告格式（govaudit-report），未导入：/);
    expect((error as ImportError).in('en')).toMatch(/^report\.json does not match the report schema: not imported: /);
    expect((error as ImportError).detail).toMatch(/run\.|sites\./);
    expect(() => parseCrawlRun('{"run": {"id": "x"}, "sites": [{"snapshot": {"site": {"homeUrl": 5}}}]}', '')).toThrow(ImportError);

    const crawled: StoredSite = {
      runId: 'run-2', stats: { pages: 1, errors: 0, elapsedMs: 1, bytes: 1, rendered: 0 },
      snapshot: {
        site: { id: 'qingchuan', name: '青川县人民政府', homeUrl: `${ORIGIN}/`, kind: 'county' }, capturedAt: '2026-03-09T00:00:00Z',
        home: { url: `${ORIGIN}/`, status: 'ok', items: [] },
        columns: [{ classId: 'leaders', name: '领导之窗', url: `${ORIGIN}/ldzc/`, matchedBy: 'name', matchReason: 'crawl', status: 'ok', items: [{ title: '县长简介', date: '2026-03-01' }], itemCount: 1, pagesRead: 1 }],
        links: [], availability: [], discoveryComplete: true,
      },
      result: { siteId: 'qingchuan', evaluatedAt: '2026-03-09', verdict: 'needs-review', packs: [] },
    };
    const report = toJsonText({ id: 'run-2', startedAt: '2026-03-09T00:00:00Z', status: 'finished', auditDate: '2026-03-09', siteIds: ['qingchuan'], done: [] }, [crawled]);
    const sites = parseCrawlRun(report, '2026-03-10T00:00:00Z');
    expect(sites.get(ORIGIN)).toMatchObject({ runId: 'run-2', auditDate: '2026-03-09', snapshot: { columns: [{ classId: 'leaders', items: [{ date: '2026-03-01' }] }] } });
  });

  it('keeps working whatever storage holds: broken parts are dropped, the rest is read', async () => {
    const raw = area();
    await raw.set({
      [siteKey(ORIGIN, 'session')]: { version: 1, columns: 'nonsense' },
      [siteKey(ORIGIN, 'config')]: 'not an object',
      [siteKey(ORIGIN, 'overrides')]: [{ packId: 'national-2019', ruleId: 'homepage-stale', decision: 'confirm', note: 'ok', at: '2026-03-09T00:00:00Z' }, { junk: true }, null],
      [siteKey(ORIGIN, 'import')]: { runId: 'x', snapshot: { site: null } },
      [siteKey(ORIGIN, 'signoff')]: { reviewer: 7 },
    });
    const store = new GovauditStore(raw, clock);
    const site = await store.getSite(ORIGIN);
    expect(site.session.columns).toEqual({});
    expect(site.config.columns).toEqual({});
    expect(site.overrides.map((o) => o.ruleId)).toEqual(['homepage-stale']);
    expect(site.imported).toBeUndefined();
    expect(site.signOff).toBeUndefined();
    const a = await audit(store);
    expect(a.audit.result.packs.length).toBeGreaterThan(0);
  });

  it('records the reviewer with each decision and the sign-off, and exports both with a columns: snippet', async () => {
    const store = new GovauditStore(area(), clock);
    await browse(store, []);
    await store.setOverride(ORIGIN, { packId: 'national-2019', ruleId: 'homepage-stale', decision: 'confirm', note: '属实', reviewer: '李四' });
    const signed = await store.setSignOff(ORIGIN, { reviewer: '李四', note: '复核完毕' });
    await store.setConfig(ORIGIN, { columns: { leaders: { url: `${ORIGIN}/ldzc/`, name: '领导之窗' } }, notApplicable: { 'annual-report': '乡镇不单独发布年报' } });
    const a = await audit(store);
    const exported = exportSession({ audit: a.audit, session: a.site.session, overrides: a.site.overrides, packs: a.settings.packs, at: clock().toISOString(), config: a.site.config, ...(a.site.signOff ? { signOff: a.site.signOff } : {}) });
    expect(exported.sites[0].overrides[0]).toMatchObject({ reviewer: '李四', note: '属实' });
    expect(exported.sites[0].signOff).toEqual(signed);
    expect(exported.sites[0].columns).toEqual({ leaders: { url: `${ORIGIN}/ldzc/`, name: '领导之窗' } });
    const yaml = columnsSnippet(a.site.config, `${ORIGIN}/`, a.classes);
    expect(yaml).toContain(`columns:\n  leaders:  # 领导信息\n    url: "${ORIGIN}/ldzc/"\n    name: "领导之窗"`);
    expect(yaml).toContain('# 不适用 not applicable: annual-report');
    expect(yaml).toContain('乡镇不单独发布年报');
  });
});

