import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawl } from '../../crawler/crawl/run.ts';
import { siteConfig } from '../../crawler/sites/load.ts';
import { siteEntry } from '../../crawler/sites/schema.ts';
import { MemoryStore } from '../../crawler/store/memory-store.ts';

/**
 * A portal on https whose certificate nothing trusts (self-signed, tests/fixtures/tls). The crawler must not turn
 * certificate checks off to read it: the site cannot be judged, so it is needs-review with the reason, never a
 * pass or a fail, and the server never hands a page to the crawler.
 */

const TLS_DIR = join(import.meta.dirname, '../fixtures/tls');
let server: Server;
let base = '';
let pagesServed = 0;

beforeAll(async () => {
  server = createServer({ key: readFileSync(join(TLS_DIR, 'self-signed.key')), cert: readFileSync(join(TLS_DIR, 'self-signed.crt')) }, (_req, res) => {
    pagesServed++;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end('<html><body><ul class="nav"><li><a href="/tzgg/">通知公告</a></li></ul></body></html>');
  });
  // A client that rejects the certificate ends the handshake; the server just notes it.
  server.on('tlsClientError', () => {});
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
});

describe('a site with an invalid TLS certificate', () => {
  it('is needs-review with a tls reason, and no page is read from it', async () => {
    const cfg = siteConfig(
      siteEntry.parse({ id: 'bad-cert', name: '青山县（证书无效）', url: base, kind: 'county', allowPrivate: true, render: 'never', limits: { timeoutMs: 3000, availabilitySamples: 2 } }),
      { packs: ['national-2019'], limits: {} },
    );
    const store = new MemoryStore();
    const run = await runCrawl({ sites: [cfg], store, now: '2026-11-23' });
    const stored = (await store.getSite(run.id, 'bad-cert'))!;

    expect(stored.snapshot.home.status).toBe('needs-review');
    expect(stored.snapshot.home.statusReason).toMatch(/^tls: /);
    expect(stored.snapshot.availability.every((s) => !s.ok)).toBe(true);
    expect(stored.result.verdict).toBe('needs-review');
    expect(stored.result.packs.flatMap((p) => p.findings).some((f) => f.outcome === 'pass' || f.outcome === 'fail')).toBe(false);
    expect(pagesServed).toBe(0);
  });
});
