import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStore } from '../../crawler/store/file-store.ts';
import { StoreLockedError } from '../../crawler/store/lock.ts';
import type { StoredSite } from '../../crawler/store/types.ts';

function tempDir() {
  return mkdtempSync(join(tmpdir(), 'govaudit-store-'));
}

const site = (runId: string): StoredSite => ({
  runId,
  snapshot: { site: { id: 'a', name: '甲县', homeUrl: 'http://127.0.0.1/' }, capturedAt: '2026-11-23T00:00:00Z', home: { url: 'http://127.0.0.1/', status: 'ok', items: [] }, columns: [], links: [], availability: [], discoveryComplete: true },
  result: { siteId: 'a', evaluatedAt: '2026-11-23', verdict: 'pass', packs: [] },
  stats: { pages: 1, errors: 0, elapsedMs: 1, bytes: 1, rendered: 0 },
});

describe('FileStore', () => {
  it('appends runs in their own folders and reads them back newest first', async () => {
    const dir = tempDir();
    const store = new FileStore(dir);
    await store.createRun({ id: 'r1', startedAt: '2026-11-22T00:00:00Z', auditDate: '2026-11-22', siteIds: ['a'] });
    await store.createRun({ id: 'r2', startedAt: '2026-11-23T00:00:00Z', auditDate: '2026-11-23', siteIds: ['a'] });
    await store.saveSite(site('r1'), { siteId: 'a', name: '甲县', verdict: 'pass', vetoes: [], failed: 0, needsReview: 0 });
    await store.finishRun('r1', 'finished');
    expect((await store.listRuns()).map((r) => r.id)).toEqual(['r2', 'r1']);
    expect((await store.getRun('r1'))?.status).toBe('finished');
    expect((await store.getSite('r1', 'a'))?.result.verdict).toBe('pass');
    expect(await store.findResumable(undefined)).toMatchObject({ id: 'r2' });
    await store.close();
  });

  it('a torn last journal line (kill mid-write) is skipped and the next entry starts on its own line', async () => {
    const dir = tempDir();
    const store = new FileStore(dir);
    await store.createRun({ id: 'r1', startedAt: '2026-11-23T00:00:00Z', auditDate: '2026-11-23', siteIds: ['a'] });
    const j = await store.journal('r1', 'a');
    await j.append({ url: 'http://127.0.0.1/', finalUrl: 'http://127.0.0.1/', status: 200, ok: true, elapsedMs: 3, text: '<html>' });
    const file = join(dir, 'runs', 'r1', 'journal', 'a.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8') + '{"url":"http://127.0.0.1/x","fin');
    const again = await store.journal('r1', 'a');
    expect(again.size).toBe(1);
    await again.append({ url: 'http://127.0.0.1/y', finalUrl: 'http://127.0.0.1/y', status: 200, ok: true, elapsedMs: 3, text: '' });
    expect((await store.journal('r1', 'a')).get('http://127.0.0.1/y')).toBeTruthy();
    await store.close();
  });

  it('a second store on the same folder in this process is refused while the first holds it', async () => {
    const dir = tempDir();
    const first = new FileStore(dir);
    // Same pid holds it: simulate another live holder by rewriting the lock with our parent's pid.
    writeFileSync(join(dir, 'store.lock'), JSON.stringify({ pid: process.ppid }));
    expect(() => new FileStore(dir)).toThrow(StoreLockedError);
    await first.close();
  });

  it('two processes: the second is refused with a clear message and exit code 4, nothing written', () => {
    const dir = tempDir();
    const holder = new FileStore(dir);
    writeFileSync(join(dir, 'store.lock'), JSON.stringify({ pid: process.pid }));
    // A second writer (a crawl); reading (`runs`, `show`) needs no lock, see hostile-input.test.ts.
    const sites = join(tempDir(), 'sites.yaml');
    writeFileSync(sites, 'sites:\n  - { id: a, name: 甲县, url: "http://127.0.0.1:9/", allowPrivate: true }\n');
    const r = spawnSync('node', ['bin/govaudit.js', 'crawl', sites, '--data', dir], { encoding: 'utf8' });
    expect(r.status).toBe(4);
    expect(readdirSync(join(dir, 'runs'))).toEqual([]);
    expect(r.stderr).toContain(`process ${process.pid}`);
    void holder.close();
  });

  it('a lock left by a killed process is taken over', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'store.lock'), JSON.stringify({ pid: 999_999_999 }));
    const store = new FileStore(dir);
    expect(JSON.parse(readFileSync(join(dir, 'store.lock'), 'utf8')).pid).toBe(process.pid);
    await store.close();
  });
});
