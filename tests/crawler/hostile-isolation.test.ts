import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCrawl } from '../../crawler/crawl/run.ts';
import { Fetcher } from '../../crawler/fetch/index.ts';
import { pageFromHtml } from '../../crawler/page/from-html.ts';
import { siteConfig } from '../../crawler/sites/load.ts';
import { siteEntry } from '../../crawler/sites/schema.ts';
import { FileStore } from '../../crawler/store/file-store.ts';
import { MemoryStore } from '../../crawler/store/memory-store.ts';
import type { SiteConfig } from '../../crawler/sites/schema.ts';

/**
 * Hostile sites on 127.0.0.1, second round: per-site settings that must not leak to other sites in the same file,
 * pages cut at the size limit or unreadable, pages that crash the crawler, ports in the host allow-list.
 */

const TODAY = '2026-11-23';
const servers: Server[] = [];

interface Hit {
  path: string;
  host: string;
  startedAt: number;
  inFlight: number;
}

async function serve(handler: (req: IncomingMessage, res: ServerResponse, path: string) => void): Promise<{ port: number; hits: Hit[] }> {
  const hits: Hit[] = [];
  let inFlight = 0;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    inFlight++;
    res.on('close', () => inFlight--);
    if (path === '/robots.txt') {
      res.statusCode = 404;
      return res.end();
    }
    hits.push({ path, host: req.headers.host ?? '', startedAt: performance.now(), inFlight });
    handler(req, res, path);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  servers.push(server);
  return { port: (server.address() as AddressInfo).port, hits };
}

afterAll(async () => {
  for (const s of servers) s.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
});

const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>青山县人民政府</title></head><body>${body}</body></html>`;
const dated = (n: number) => `<ul class="list">${Array.from({ length: n }, (_, i) => `<li><a href="/art/${i}.html">青山县第${i + 1}号工作通报</a><span>${TODAY}</span></li>`).join('')}</ul>`;
const NAV = '<ul class="nav"><li><a href="/tzgg/">通知公告</a></li><li><a href="/zwdt/">政务动态</a></li><li><a href="/zcwj/">政策文件</a></li></ul>';

function site(entry: Record<string, unknown>): SiteConfig {
  return siteConfig(siteEntry.parse({ kind: 'county', render: 'never', ...entry, limits: { availabilitySamples: 1, maxLinks: 0, timeoutMs: 3000, ...(entry.limits as object) } }), { packs: ['national-2019'], limits: {} });
}

describe('per-site settings stay with their site', () => {
  it("one site's allowPrivate and hosts let no other site's requests through", { timeout: 30_000 }, async () => {
    const other = await serve((_req, res) => res.end(page('内部页面')));
    const trusting = await serve((_req, res, path) => {
      if (path === '/tzgg/') {
        res.writeHead(302, { location: `http://localhost:${other.port}/secret` });
        return res.end();
      }
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(page(NAV + dated(3)));
    });
    const store = new MemoryStore();
    const run = await runCrawl({
      store, now: TODAY,
      sites: [
        site({ id: 'trusting', name: '甲县', url: `http://127.0.0.1:${trusting.port}/`, allowPrivate: true, limits: { delayMs: 0 } }),
        site({ id: 'careful', name: '乙县', url: `http://localhost:${other.port}/`, limits: { delayMs: 0 } }),
      ],
    });
    // The careful site does not allow private addresses: its own home page is refused, not fetched.
    const careful = (await store.getSite(run.id, 'careful'))!;
    expect(careful.snapshot.home.status).not.toBe('ok');
    expect(careful.snapshot.home.statusReason).toMatch(/private-address/);
    // The trusting site's redirect into the other site's host is off its own hosts.
    const trustingSite = (await store.getSite(run.id, 'trusting'))!;
    expect(trustingSite.snapshot.columns.find((c) => c.name === '通知公告')?.statusReason).toMatch(/off-site/);
    expect(other.hits).toEqual([]);
  });

  it('a host shared by two sites gets the stricter politeness: one in flight, the longer delay', { timeout: 30_000 }, async () => {
    const shared = await serve((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      setTimeout(() => res.end(page(dated(2))), 20);
    });
    const base = `http://127.0.0.1:${shared.port}`;
    await runCrawl({
      store: new MemoryStore(), now: TODAY, siteConcurrency: 2,
      sites: [
        site({ id: 'eager', name: '甲县', url: `${base}/a/`, allowPrivate: true, limits: { delayMs: 0, perHostConcurrency: 4, availabilitySamples: 3 } }),
        site({ id: 'polite', name: '乙县', url: `${base}/b/`, allowPrivate: true, limits: { delayMs: 250, perHostConcurrency: 1, availabilitySamples: 3 } }),
      ],
    });
    expect(shared.hits.length).toBeGreaterThanOrEqual(6);
    expect(Math.max(...shared.hits.map((h) => h.inFlight))).toBe(1);
    const gaps = shared.hits.slice(1).map((h, i) => h.startedAt - shared.hits[i]!.startedAt);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(240);
  });
});

describe('ports count in the host allow-list', () => {
  it('a redirect to the same host on another port is refused unless that port is allowed', async () => {
    const elsewhere = await serve((_req, res) => res.end(page('管理后台')));
    const origin = await serve((_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${elsewhere.port}/admin` });
      res.end();
    });
    const strict = new Fetcher({ allowPrivate: true, defaultDelayMs: 0, allowedHosts: [`127.0.0.1:${origin.port}`] });
    const r = await strict.fetch(`http://127.0.0.1:${origin.port}/`);
    expect(r.error?.kind).toBe('off-site');
    expect(elsewhere.hits).toEqual([]);
    // A bare host name allows the default ports only.
    const bare = new Fetcher({ allowPrivate: true, defaultDelayMs: 0, allowedHosts: ['127.0.0.1'] });
    expect((await bare.fetch(`http://127.0.0.1:${origin.port}/`)).error?.kind).toBe('off-site');
    // Configured, the other port is followed.
    const both = new Fetcher({ allowPrivate: true, defaultDelayMs: 0, allowedHosts: [`127.0.0.1:${origin.port}`, `127.0.0.1:${elsewhere.port}`] });
    expect((await both.fetch(`http://127.0.0.1:${origin.port}/`)).ok).toBe(true);
    await Promise.all([strict.close(), bare.close(), both.close()]);
  });
});

describe('a page cut at the size limit or unreadable is never judged as whole', () => {
  const bigHome = () => page(NAV + dated(3) + `<div>${'政务公开 '.repeat(700_000)}</div>`); // ≈ 6 MB of UTF-8

  it.each([
    ['a 6 MB home page', (res: ServerResponse) => res.end(bigHome()), /cut at the size limit/],
    ['a gzip bomb home page', (res: ServerResponse) => {
      res.setHeader('content-encoding', 'gzip');
      res.end(gzipSync(Buffer.from(page(NAV) + ' '.repeat(40 * 1024 * 1024))));
    }, /cut at the size limit/],
    ['a home page no encoding reads', (res: ServerResponse) => res.end(Buffer.concat([Buffer.from(page(NAV)), Buffer.alloc(4000, 0xff)])), /could not be decoded/],
  ])('%s is needs-review with the reason, not 不合格', { timeout: 30_000 }, async (_name, send, reason) => {
    const s = await serve((_req, res, path) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      if (path === '/') return send(res);
      res.end(page(dated(3)));
    });
    const store = new MemoryStore();
    const run = await runCrawl({ store, now: TODAY, sites: [site({ id: 'cut', name: '丙县', url: `http://127.0.0.1:${s.port}/`, allowPrivate: true, limits: { delayMs: 0 } })] });
    const stored = (await store.getSite(run.id, 'cut'))!;
    expect(stored.snapshot.home.status).toBe('needs-review');
    expect(stored.snapshot.home.statusReason).toMatch(reason);
    expect(stored.result.verdict).not.toBe('fail');
    expect(stored.result.packs.flatMap((p) => p.findings).filter((f) => f.outcome === 'fail').map((f) => f.ruleId)).toEqual([]);
  });

  it('journal lines are bounded: a page too large to keep is journaled without its text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govaudit-journal-'));
    const store = new FileStore(dir);
    await store.createRun({ id: 'r1', startedAt: '2026-11-23T00:00:00Z', auditDate: TODAY, siteIds: ['a'] });
    const journal = await store.journal('r1', 'a');
    await journal.append({ url: 'http://127.0.0.1/', finalUrl: 'http://127.0.0.1/', status: 200, ok: true, elapsedMs: 1, text: '"\u0001'.repeat(2_000_000) });
    await store.close();
    const lines = readFileSync(join(dir, 'runs', 'r1', 'journal', 'a.jsonl'), 'utf8').split('\n').filter(Boolean);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(8 * 1024 * 1024);
    expect(JSON.parse(lines[0]!)).toMatchObject({ ok: false, error: { kind: 'too-large' } });
  });
});

describe('a page that crashes the crawler is isolated', () => {
  async function twoSites() {
    const portal = (_req: IncomingMessage, res: ServerResponse, path: string) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      if (path === '/') return res.end(page(NAV + dated(3)));
      if (['/tzgg/', '/zwdt/', '/zcwj/'].includes(path)) return res.end(page(`<h1>栏目 ${path}</h1>${dated(4)}`));
      res.statusCode = 404;
      res.end(page('页面不存在'));
    };
    const healthy = await serve(portal);
    const hostile = await serve(portal);
    return {
      healthy: site({ id: 'healthy', name: '甲县', url: `http://127.0.0.1:${healthy.port}/`, allowPrivate: true, limits: { delayMs: 0 } }),
      hostile: site({ id: 'hostile', name: '乙县', url: `http://127.0.0.1:${hostile.port}/`, allowPrivate: true, limits: { delayMs: 0 } }),
    };
  }

  it('a page that throws marks that page (here the home page, so the site) needs-review with the reason; other sites go on', { timeout: 30_000 }, async () => {
    const { healthy, hostile } = await twoSites();
    const store = new MemoryStore();
    const run = await runCrawl({
      store, now: TODAY, sites: [hostile, healthy],
      parsePage: (html, url) => {
        if (url === hostile.url) throw new RangeError('Maximum call stack size exceeded');
        return pageFromHtml(html, url);
      },
    });
    expect(run.status).toBe('finished');
    const bad = (await store.getSite(run.id, 'hostile'))!;
    expect(bad.snapshot.home.status).toBe('needs-review');
    expect(bad.snapshot.home.statusReason).toMatch(/page-error: RangeError: Maximum call stack/);
    expect(bad.result.verdict).not.toBe('pass');
    expect((await store.getSite(run.id, 'healthy'))!.snapshot.columns.length).toBeGreaterThan(0);
  });

  it('a column page that throws marks that column needs-review, the rest of the site is read', { timeout: 30_000 }, async () => {
    const { healthy } = await twoSites();
    const store = new MemoryStore();
    const run = await runCrawl({
      store, now: TODAY, sites: [healthy],
      parsePage: (html, url) => {
        if (url.endsWith('/tzgg/')) throw new Error('boom');
        return pageFromHtml(html, url);
      },
    });
    const stored = (await store.getSite(run.id, 'healthy'))!;
    expect(stored.snapshot.home.status).toBe('ok');
    expect(stored.snapshot.columns.find((c) => c.name === '通知公告')).toMatchObject({ status: 'needs-review', statusReason: expect.stringMatching(/page-error: Error: boom/) });
    expect(stored.snapshot.columns.find((c) => c.name === '政务动态')?.status).toBe('ok');
  });

  it('a resume never replays a page whose handling stopped the process twice (once may be an operator\'s kill)', { timeout: 30_000 }, async () => {
    const { hostile } = await twoSites();
    const dir = mkdtempSync(join(tmpdir(), 'govaudit-crash-'));
    const first = new FileStore(dir);
    // What two processes that died while handling the home page leave: the page journaled, its processing begun twice.
    await first.createRun({ id: 'r1', startedAt: '2026-11-23T00:00:00Z', auditDate: TODAY, sitesFile: 'sites.yaml', siteIds: ['hostile'] });
    const journal = await first.journal('r1', 'hostile');
    await journal.append({ url: hostile.url, finalUrl: hostile.url, status: 200, ok: true, elapsedMs: 1, text: page(NAV + dated(3)) });
    await journal.processing(`home ${hostile.url}`);
    await journal.processing(`home ${hostile.url}`);
    await first.close();

    const store = new FileStore(dir);
    const parsed: string[] = [];
    const run = await runCrawl({
      store, now: TODAY, sites: [hostile], sitesFile: 'sites.yaml', resume: true,
      parsePage: (html, url) => {
        parsed.push(url);
        return pageFromHtml(html, url);
      },
    });
    await store.close();
    expect(run.id).toBe('r1');
    expect(parsed).not.toContain(hostile.url);
    const stored = JSON.parse(readFileSync(join(dir, 'runs', 'r1', 'sites', 'hostile.json'), 'utf8'));
    expect(stored.snapshot.home).toMatchObject({ status: 'needs-review', statusReason: expect.stringMatching(/page-crashed/) });
    expect(readdirSync(join(dir, 'runs', 'r1', 'sites'))).toEqual(['hostile.json']);
  });

  it('a page whose handling stopped the process once (a SIGKILL looks the same) is handled again on resume', { timeout: 30_000 }, async () => {
    const { hostile } = await twoSites();
    const dir = mkdtempSync(join(tmpdir(), 'govaudit-kill-'));
    const first = new FileStore(dir);
    await first.createRun({ id: 'r1', startedAt: '2026-11-23T00:00:00Z', auditDate: TODAY, sitesFile: 'sites.yaml', siteIds: ['hostile'] });
    const journal = await first.journal('r1', 'hostile');
    await journal.append({ url: hostile.url, finalUrl: hostile.url, status: 200, ok: true, elapsedMs: 1, text: page(NAV + dated(3)) });
    await journal.processing(`home ${hostile.url}`);
    await first.close();
    const store = new FileStore(dir);
    const run = await runCrawl({ store, now: TODAY, sites: [hostile], sitesFile: 'sites.yaml', resume: true });
    await store.close();
    const stored = JSON.parse(readFileSync(join(dir, 'runs', run.id, 'sites', 'hostile.json'), 'utf8'));
    expect(stored.snapshot.home.status).toBe('ok');
    expect(stored.snapshot.columns.length).toBeGreaterThan(0);
  });
});

describe('a kill while waiting on the network is not taken for a crashing page', () => {
  it('no processing mark is open while a page is being fetched', { timeout: 30_000 }, async () => {
    const { readJournal } = await import('../../crawler/store/journal-lines.ts');
    const dir = mkdtempSync(join(tmpdir(), 'govaudit-marks-'));
    const openDuringFetch: string[][] = [];
    const s = await serve((_req, res, path) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      const runs = join(dir, 'runs');
      for (const r of readdirSync(runs)) {
        const f = join(runs, r, 'journal', 'marks.jsonl');
        // What a SIGKILL at this moment would leave behind.
        try {
          openDuringFetch.push([path, ...readJournal(readFileSync(f, 'utf8')).unfinished.keys()]);
        } catch {
          // no journal yet
        }
      }
      if (path === '/') return res.end(page(NAV + dated(3)));
      if (['/tzgg/', '/zwdt/', '/zcwj/'].includes(path) || path.startsWith('/art/')) return res.end(page(`<h1>${path}</h1>${dated(4)}`));
      res.statusCode = 404;
      res.end(page('页面不存在'));
    });
    const store = new FileStore(dir);
    await runCrawl({ store, now: TODAY, sites: [site({ id: 'marks', name: '丁县', url: `http://127.0.0.1:${s.port}/`, allowPrivate: true, limits: { delayMs: 0, detailPagesPerColumn: 1 } })] });
    await store.close();
    expect(openDuringFetch.filter((p) => p[0] !== '/').length).toBeGreaterThan(3);
    // Columns are read a few at once, so another column may be mid-handling while one waits on the network; the
    // page being fetched never has its own mark open (a kill now is not its doing), and a page is skipped only after
    // stopping the process twice in a row.
    const ownMarkOpen = openDuringFetch.filter(([path, ...open]) => open.some((key) => key === `column http://127.0.0.1:${s.port}${path}` || key === `home http://127.0.0.1:${s.port}${path}`));
    expect(ownMarkOpen).toEqual([]);
  });
});

describe('schedule keeps auditing the healthy sites when one crashes', () => {
  it('a page nested 4,000 deep: every tick finishes its run and audits both sites', { timeout: 120_000 }, async () => {
    const { spawn } = await import('node:child_process');
    const { writeFileSync } = await import('node:fs');
    const deep = '<div>'.repeat(4000) + '<a href="/tzgg/">通知公告</a>' + '</div>'.repeat(4000);
    const portal = (body: string) => (_req: IncomingMessage, res: ServerResponse, path: string) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      if (path === '/') return res.end(page(body));
      if (path === '/tzgg/') return res.end(page(`<h1>通知公告</h1>${dated(4)}`));
      res.statusCode = 404;
      res.end(page('页面不存在'));
    };
    const healthy = await serve(portal(NAV + dated(3)));
    const hostile = await serve(portal(deep + dated(3)));
    const dir = mkdtempSync(join(tmpdir(), 'govaudit-schedule-'));
    const file = join(dir, 'sites.yaml');
    const limits = '{ delayMs: 0, availabilitySamples: 1, maxLinks: 0 }';
    writeFileSync(file, `defaults:\n  packs: [national-2019]\nsites:\n` +
      `  - { id: hostile, name: 乙县, url: "http://127.0.0.1:${hostile.port}/", kind: county, render: never, allowPrivate: true, limits: ${limits} }\n` +
      `  - { id: healthy, name: 甲县, url: "http://127.0.0.1:${healthy.port}/", kind: county, render: never, allowPrivate: true, limits: ${limits} }\n`);
    const data = join(dir, 'data');
    const exit = await new Promise<number | null>((done) => {
      const child = spawn('node', ['bin/govaudit.js', 'schedule', file, '--cron', '* * * * * *', '--max-runs', '2', '--data', data, '--quiet', '--format', 'json']);
      child.on('close', (code) => done(code));
    });
    expect(exit).toBe(0);
    const runsDir = join(data, 'runs');
    const runs = readdirSync(runsDir).map((id) => JSON.parse(readFileSync(join(runsDir, id, 'run.json'), 'utf8')) as { status: string; done: { siteId: string }[] });
    expect(runs).toHaveLength(2);
    for (const r of runs) {
      expect(r.status).toBe('finished');
      expect(r.done.map((d) => d.siteId).sort()).toEqual(['healthy', 'hostile']);
    }
  });
});
