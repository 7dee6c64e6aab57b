import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { crawlSite } from '../../crawler/crawl/site-crawler.ts';
import { Fetcher } from '../../crawler/fetch/index.ts';
import { readColumnLibrary } from '../../crawler/packs.ts';
import { BrowserRenderer, findChromium } from '../../crawler/render/browser.ts';
import { loadSitesFile, siteConfig } from '../../crawler/sites/load.ts';
import { siteEntry } from '../../crawler/sites/schema.ts';
import { MemoryStore } from '../../crawler/store/memory-store.ts';

/**
 * Auditing a saved copy as if it were live: every request to the site's host is answered from the folder, in the
 * fetcher and in Chromium; no other host is reached, not even loopback decoys the pages point at.
 */

const REAL_COPY = resolve('../shared/real-sites/zhecheng-gov');
const haveRealCopy = existsSync(join(REAL_COPY, 'index.html'));
if (!haveRealCopy) console.warn(`⚠ skipped: the saved real sites are not beside the project (${REAL_COPY}); CI has them`);
const chromium = findChromium();
if (!chromium) console.warn('⚠ skipped: Chromium not found (install the Debian package chromium or set CHROME_BIN)');

const run = promisify(execFile);

describe.skipIf(!haveRealCopy)('govaudit audit --snapshot on the saved 柘城县 portal', () => {
  it('crawls the copy from the folder and says the audit ran on a copy of 2018-07-27', async () => {
    const data = mkdtempSync(join(tmpdir(), 'snapshot-cli-'));
    const r = await run('node', ['bin/govaudit.js', 'audit', 'http://www.zhecheng.gov.cn/index.html', '--snapshot', REAL_COPY, '--data', data, '--today', '2018-07-28', '--render', 'never', '--format', 'json', '--quiet'], { encoding: 'utf8' }).catch((e: { stdout: string; stderr: string; code: number }) => e);
    expect(r.stdout).toContain('保存副本 saved copy: 2018-07-27 23:43 UTC（HTTrack 注释 / HTTrack comment）');
    const reportPath = /报告 report: (\S+report\.json)/.exec(r.stdout)?.[1];
    expect(reportPath).toBeDefined();
    const report = JSON.parse(readFileSync(resolve(reportPath!), 'utf8')) as { sites: { columns: { url: string }[]; stats: { pages: number } }[] };
    expect(report.sites[0]!.stats.pages).toBeGreaterThan(30);
    expect(report.sites[0]!.columns.length).toBeGreaterThan(5);
    expect(report.sites[0]!.columns.every((c) => c.url.startsWith('http://www.zhecheng.gov.cn/'))).toBe(true);
  }, 120_000);

  it('makes no HTTP request at all, and Chromium none beyond the folder', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const site = siteConfig(siteEntry.parse({ id: 'zhecheng', name: '柘城县人民政府', url: 'http://www.zhecheng.gov.cn/index.html', kind: 'county', snapshot: REAL_COPY, render: chromium ? 'always' : 'never' }), { packs: [], limits: { maxPages: 60 } });
    const renderer = chromium ? new BrowserRenderer() : undefined;
    const unused = new Fetcher({ allowedHosts: [] });
    try {
      const { snapshot, stats } = await crawlSite(site, { fetcher: unused, renderer, journal: await new MemoryStore().journal('t', 'zhecheng'), classes: readColumnLibrary().columns, now: '2018-07-28', capturedAt: new Date().toISOString() });
      expect(snapshot.home.status).toBe('ok');
      expect(snapshot.source).toMatchObject({ kind: 'snapshot', takenAt: '2018-07-27T23:43:03.000Z', takenAtFrom: 'httrack-comment' });
      expect(stats.pages).toBeGreaterThan(20);
      if (chromium) expect(stats.rendered).toBeGreaterThan(0);
      expect(unused.stats().requests).toBe(0);
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
      await unused.close();
      await renderer?.close();
    }
  }, 120_000);
});

describe.skipIf(!chromium)('a saved copy rendered in Chromium', () => {
  let decoy: Server;
  let decoyHits: string[] = [];
  let dir = '';
  beforeAll(async () => {
    decoy = createServer((req, res) => {
      decoyHits.push(req.url ?? '');
      res.setHeader('content-type', 'application/javascript');
      res.end('document.body.innerHTML = "";');
    });
    await new Promise<void>((ok) => decoy.listen(0, '127.0.0.1', ok));
    const d = `127.0.0.1:${(decoy.address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'snapshot-render-'));
    mkdirSync(join(dir, 'tzgg'));
    mkdirSync(join(dir, 'api'));
    // The home page and a column page drawn by JavaScript, each pointing at the decoy in every way a page can, and
    // at an off-site script like hnci.net.cn/js/kb.js (which blanks the page): none of them may load.
    const offsite = `<script src="http://${d}/js/kb.js"></script><script src="http://hnci.net.cn/js/kb.js"></script>
      <img src="http://${d}/logo.png"><iframe src="http://${d}/frame.html"></iframe><link rel="stylesheet" href="http://${d}/x.css">
      <script>fetch('http://${d}/api').catch(function(){}); try { new WebSocket('ws://${d}/ws'); } catch (e) {} navigator.sendBeacon && navigator.sendBeacon('http://${d}/beacon', 'x');</script>`;
    writeFileSync(join(dir, 'index.html'), `<!doctype html><html><head><meta charset="utf-8"><title>示例县人民政府</title></head><body>
      <ul class="nav"><li><a href="http://www.example.gov.cn:80/tzgg/">通知公告</a></li></ul>${offsite}</body></html>`);
    writeFileSync(join(dir, 'tzgg/index.html'), `<!doctype html><html><head><meta charset="utf-8"><title>通知公告</title></head><body>
      <div class="main"><ul id="list"></ul></div>${offsite}
      <script>fetch('/api/tzgg.json').then(function (r) { return r.json(); }).then(function (rows) {
        document.getElementById('list').innerHTML = rows.map(function (r) { return '<li><a href="/tzgg/' + r.id + '.html">' + r.title + '</a><span>' + r.date + '</span></li>'; }).join('');
      });</script></body></html>`);
    writeFileSync(join(dir, 'api/tzgg.json'), JSON.stringify(Array.from({ length: 6 }, (_, i) => ({ id: i + 1, title: `关于开展第${i + 1}批专项检查工作的通知`, date: `2026-01-${String(20 - i).padStart(2, '0')}` }))));
    writeFileSync(join(dir, 'sites.yaml'), `sites:\n  - id: example\n    name: 示例县人民政府\n    url: http://www.example.gov.cn/\n    kind: county\n    snapshot: .\n    render: always\n    limits: { availabilitySamples: 1 }\n`);
  });
  afterAll(() => new Promise<void>((ok) => decoy.close(() => ok())));

  it('reads the JavaScript-drawn list from the folder and never reaches another host', async () => {
    decoyHits = [];
    const [site] = loadSitesFile(join(dir, 'sites.yaml'));
    expect(site!.snapshot).toBe(dir);
    const renderer = new BrowserRenderer();
    const unused = new Fetcher({ allowedHosts: [] });
    try {
      const { snapshot, stats } = await crawlSite(site!, { fetcher: unused, renderer, journal: await new MemoryStore().journal('t', 'example'), classes: readColumnLibrary().columns, now: '2026-01-25', capturedAt: new Date().toISOString() });
      expect(stats.rendered).toBeGreaterThan(0);
      const tzgg = snapshot.columns.find((c) => c.classId === 'notice');
      expect(tzgg?.items.map((i) => i.date)).toEqual(['2026-01-20', '2026-01-19', '2026-01-18', '2026-01-17', '2026-01-16', '2026-01-15']);
      expect(snapshot.source?.takenAtFrom).toBe('newest-file-time');
      expect(decoyHits).toEqual([]);
    } finally {
      await unused.close();
      await renderer.close();
    }
  });

  it('refuses the off-site script at the gate', async () => {
    const { siteGate } = await import('../../crawler/render/request-gate.ts');
    const { SnapshotFolder } = await import('../../crawler/snapshot/index.ts');
    const renderer = new BrowserRenderer();
    const session = renderer.session(siteGate({ hosts: ['www.example.gov.cn'], allowPrivate: false, folder: new SnapshotFolder(dir, ['www.example.gov.cn']) }));
    try {
      const r = await session.render('http://www.example.gov.cn/tzgg/', 15000);
      expect(r.html).toContain('第1批专项检查');
      expect(session.refused).toContain('http://hnci.net.cn/js/kb.js');
      expect(decoyHits).toEqual([]);
    } finally {
      await session.close();
      await renderer.close();
    }
  });
});
