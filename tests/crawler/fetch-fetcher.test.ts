import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Fetcher, type FetcherOptions } from '../../crawler/fetch/index.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface TestServer {
  base: string;
  port: number;
  /** Requests seen (robots.txt included), with their arrival time from performance.now(). */
  hits: { path: string; at: number }[];
  pages: () => { path: string; at: number }[];
}

const cleanups: (() => Promise<void> | void)[] = [];

async function serve(handler: Handler): Promise<TestServer> {
  const hits: TestServer['hits'] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    hits.push({ path: req.url ?? '', at: performance.now() });
    handler(req, res);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  );
  const port = (server.address() as AddressInfo).port;
  return { base: `http://127.0.0.1:${port}`, port, hits, pages: () => hits.filter((h) => h.path !== '/robots.txt') };
}

/** A fetcher for local test servers: no politeness delay, tiny backoff. */
function fetcher(o: FetcherOptions = {}): Fetcher {
  const f = new Fetcher({ allowPrivate: true, defaultDelayMs: 0, retryBaseMs: 10, ...o });
  cleanups.push(() => f.close());
  return f;
}

const html = (res: ServerResponse, body: string, status = 200) => res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body);
const notFound = (res: ServerResponse) => res.writeHead(404).end();

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('redirects', () => {
  it('follows a chain of relative and absolute Locations', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/a') res.writeHead(302, { location: 'b?x=1' }).end();
      else if (req.url === '/b?x=1') res.writeHead(301, { location: `http://${req.headers.host}/c#frag` }).end();
      else if (req.url === '/c') html(res, '<p>arrived</p>');
      else notFound(res);
    });
    const r = await fetcher().fetch(`${s.base}/a`);
    expect(r).toMatchObject({ ok: true, status: 200, url: `${s.base}/a`, finalUrl: `${s.base}/c`, redirects: [`${s.base}/b?x=1`, `${s.base}/c`], attempts: 3, text: '<p>arrived</p>' });
    expect(r.error).toBeUndefined();
  });

  it('reports a redirect loop without going round it again', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/loop-a') res.writeHead(302, { location: '/loop-b' }).end();
      else if (req.url === '/loop-b') res.writeHead(302, { location: '/loop-a' }).end();
      else notFound(res);
    });
    const r = await fetcher().fetch(`${s.base}/loop-a`);
    expect(r.error?.kind).toBe('redirect-loop');
    expect(r.ok).toBe(false);
    expect(r.status).toBe(302);
    expect(s.pages().map((h) => h.path)).toEqual(['/loop-a', '/loop-b']);
  });

  it('stops after maxRedirects', async () => {
    const s = await serve((req, res) => {
      const n = Number(/^\/n\/(\d+)$/.exec(req.url ?? '')?.[1]);
      if (Number.isInteger(n)) res.writeHead(302, { location: `/n/${n + 1}` }).end();
      else notFound(res);
    });
    const r = await fetcher({ maxRedirects: 2 }).fetch(`${s.base}/n/0`);
    expect(r.error?.kind).toBe('too-many-redirects');
    expect(r.redirects).toEqual([`${s.base}/n/1`, `${s.base}/n/2`]);
    expect(s.pages()).toHaveLength(3);
  });

  it('follows a Location written as raw UTF-8 bytes to the right path', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/to-chinese') res.writeHead(302, { location: Buffer.from('/政务公开/index.html', 'utf8').toString('latin1') }).end();
      else if (decodeURIComponent(req.url ?? '') === '/政务公开/index.html') html(res, '<p>中文路径</p>');
      else notFound(res);
    });
    const r = await fetcher().fetch(`${s.base}/to-chinese`);
    expect(r).toMatchObject({ ok: true, text: '<p>中文路径</p>' });
    expect(decodeURIComponent(new URL(r.finalUrl).pathname)).toBe('/政务公开/index.html');
  });
});

describe('limits', () => {
  it('times out a server that sends headers and then drips the body', async () => {
    const s = await serve((req, res) => {
      if (req.url !== '/drip') return notFound(res);
      res.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => res.write('x'), 200);
      res.on('close', () => clearInterval(timer));
    });
    const r = await fetcher({ timeoutMs: 1000, retries: 0 }).fetch(`${s.base}/drip`);
    expect(r.error?.kind).toBe('timeout');
    expect(r.ok).toBe(false);
    expect(r.elapsedMs).toBeGreaterThanOrEqual(900);
  });

  it('cuts a 50 MB body off at maxBytes without downloading the rest', async () => {
    let produced = 0;
    const s = await serve((req, res) => {
      if (req.url !== '/huge') return notFound(res);
      // Generated on demand and respecting backpressure: only what the client reads is ever produced.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(50 * 1024 * 1024) });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let left = 50 * 1024 * 1024;
      const pump = () => {
        while (left > 0 && !res.destroyed) {
          left -= chunk.length;
          produced += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (left <= 0) res.end();
      };
      pump();
    });
    const r = await fetcher().fetch(`${s.base}/huge`, { maxBytes: 1024 * 1024 });
    expect(r).toMatchObject({ ok: true, truncated: true, bytes: 1024 * 1024 });
    expect(r.text).toHaveLength(1024 * 1024);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(produced).toBeLessThan(20 * 1024 * 1024);
  });

  it('reports a body of exactly maxBytes as complete', async () => {
    const s = await serve((req, res) => (req.url === '/exact' ? html(res, 'x'.repeat(1000)) : notFound(res)));
    const r = await fetcher().fetch(`${s.base}/exact`, { maxBytes: 1000 });
    expect(r).toMatchObject({ truncated: false, bytes: 1000 });
  });
});

describe('errors and retries', () => {
  it('classifies a dropped connection as reset after retrying it', async () => {
    const s = await serve((req, res) => (req.url === '/reset' ? req.socket.destroy() : notFound(res)));
    const r = await fetcher({ retries: 2 }).fetch(`${s.base}/reset`);
    expect(r.error?.kind).toBe('reset');
    expect(r.attempts).toBe(3);
    expect(s.pages()).toHaveLength(3);
  });

  it('retries a 503 and succeeds on the second attempt', async () => {
    let calls = 0;
    const s = await serve((req, res) => {
      if (req.url !== '/flaky') return notFound(res);
      calls++;
      if (calls === 1) res.writeHead(503).end('busy');
      else html(res, '<p>ok</p>');
    });
    const r = await fetcher().fetch(`${s.base}/flaky`);
    expect(r).toMatchObject({ ok: true, status: 200, attempts: 2, text: '<p>ok</p>' });
  });

  it('returns the last 500 as a response (not an error) once retries are spent', async () => {
    const s = await serve((req, res) => (req.url === '/broken' ? html(res, 'oops', 500) : notFound(res)));
    const r = await fetcher({ retries: 2 }).fetch(`${s.base}/broken`);
    expect(r).toMatchObject({ ok: false, status: 500, attempts: 3, text: 'oops' });
    expect(r.error).toBeUndefined();
  });

  it('does not retry 404 or 403', async () => {
    const s = await serve((req, res) => (req.url === '/forbidden' ? html(res, 'no', 403) : notFound(res)));
    const f = fetcher();
    expect(await f.fetch(`${s.base}/missing`)).toMatchObject({ status: 404, attempts: 1 });
    expect(await f.fetch(`${s.base}/forbidden`)).toMatchObject({ status: 403, attempts: 1 });
    expect(s.pages()).toHaveLength(2);
  });

  it('waits out 429 Retry-After: 1 before trying again', async () => {
    let calls = 0;
    const s = await serve((req, res) => {
      if (req.url !== '/busy') return notFound(res);
      calls++;
      if (calls === 1) res.writeHead(429, { 'retry-after': '1' }).end();
      else html(res, '<p>ok</p>');
    });
    const r = await fetcher().fetch(`${s.base}/busy`);
    expect(r).toMatchObject({ ok: true, attempts: 2 });
    const [first, second] = s.pages();
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it('makes the whole host wait after a Retry-After, not just the URL that got it', async () => {
    let throttled = false;
    const s = await serve((req, res) => {
      if (req.url === '/busy' && !throttled) {
        throttled = true;
        return void res.writeHead(503, { 'retry-after': '1' }).end();
      }
      if (req.url === '/robots.txt') return notFound(res);
      html(res, 'ok');
    });
    const f = fetcher({ retries: 0 });
    const started = performance.now();
    expect(await f.fetch(`${s.base}/busy`)).toMatchObject({ status: 503, attempts: 1 });
    expect(await f.fetch(`${s.base}/other`)).toMatchObject({ ok: true });
    expect(s.pages()[1]!.at - started).toBeGreaterThanOrEqual(950);
  });

  it('classifies a refused connection', async () => {
    const probe = createNetServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const r = await fetcher({ retries: 1, respectRobots: false }).fetch(`http://127.0.0.1:${port}/`);
    expect(r).toMatchObject({ status: 0, ok: false, attempts: 2 });
    expect(r.error?.kind).toBe('refused');
  });

  it('classifies an unknown domain as dns', async () => {
    const r = await fetcher({ retries: 0, respectRobots: false }).fetch('http://no-such-host.invalid/');
    expect(r.error?.kind).toBe('dns');
  });

  it('reports a malformed URL or unsupported protocol without throwing', async () => {
    const f = fetcher();
    expect((await f.fetch('not a url')).error?.kind).toBe('other');
    expect((await f.fetch('ftp://example.gov.cn/file')).error?.kind).toBe('other');
  });
});

describe('robots.txt', () => {
  it('refuses disallowed URLs without requesting them and reads robots.txt once', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/robots.txt') res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private\n');
      else html(res, 'page');
    });
    const f = fetcher();
    const [a, b] = await Promise.all([f.fetch(`${s.base}/private/a.html`), f.fetch(`${s.base}/private/b.html`)]);
    expect(a.error?.kind).toBe('robots');
    expect(b.error?.kind).toBe('robots');
    expect(a.attempts).toBe(0);
    expect(s.hits.map((h) => h.path)).toEqual(['/robots.txt']);
    expect(await f.fetch(`${s.base}/public.html`)).toMatchObject({ ok: true });
    expect(s.hits.map((h) => h.path)).toEqual(['/robots.txt', '/public.html']);
    expect(f.stats()).toMatchObject({ requests: 2, errors: 2 });
  });

  it('obeys the group for our own user agent', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/robots.txt') res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: govaudit\nDisallow: /\n\nUser-agent: *\nAllow: /\n');
      else html(res, 'page');
    });
    expect((await fetcher().fetch(`${s.base}/`)).error?.kind).toBe('robots');
  });

  it('treats a failing robots.txt as allowing everything', async () => {
    const s = await serve((req, res) => (req.url === '/robots.txt' ? html(res, 'down', 500) : html(res, 'page')));
    expect(await fetcher().fetch(`${s.base}/page`)).toMatchObject({ ok: true, text: 'page' });
  });

  it('does not ask for robots.txt when told not to respect it', async () => {
    const s = await serve((req, res) => html(res, 'page'));
    await fetcher({ respectRobots: false }).fetch(`${s.base}/private`);
    expect(s.hits.map((h) => h.path)).toEqual(['/private']);
  });

  it('honours Crawl-delay: 1 between request starts', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/robots.txt') res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nCrawl-delay: 1\n');
      else html(res, 'page');
    });
    const f = fetcher();
    await Promise.all([1, 2, 3].map((n) => f.fetch(`${s.base}/p${n}`)));
    const starts = s.pages().map((h) => h.at);
    expect(starts).toHaveLength(3);
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(950);
    expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(950);
  });
});

describe('queues', () => {
  /** A server that holds every page 100 ms and records the most requests it had in flight. */
  async function countingServer() {
    const counter = { now: 0, max: 0 };
    const s = await serve((req, res) => {
      if (req.url === '/robots.txt') return notFound(res);
      counter.now++;
      counter.max = Math.max(counter.max, counter.now);
      setTimeout(() => {
        counter.now--;
        html(res, 'page');
      }, 100);
    });
    return { ...s, counter };
  }

  it('never has two requests in flight to one host with perHostConcurrency 1', async () => {
    const s = await countingServer();
    const f = fetcher({ perHostConcurrency: 1 });
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => f.fetch(`${s.base}/p${n}`)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(s.counter.max).toBe(1);
  });

  it('does run requests side by side when the host allows more (so the count above means something)', async () => {
    const s = await countingServer();
    const f = fetcher({ perHostConcurrency: 3 });
    await Promise.all([1, 2, 3, 4, 5].map((n) => f.fetch(`${s.base}/p${n}`)));
    expect(s.counter.max).toBeGreaterThan(1);
    expect(s.counter.max).toBeLessThanOrEqual(3);
  });

  it('caps requests across hosts with globalConcurrency', async () => {
    const one = await countingServer();
    const two = await countingServer();
    let inFlight = 0;
    let maxInFlight = 0;
    const f = fetcher({ perHostConcurrency: 2, globalConcurrency: 1 });
    const track = async (url: string) => {
      const r = await f.fetch(url);
      return r;
    };
    // Both servers share the cap: their combined peak is what matters.
    const tick = setInterval(() => {
      inFlight = one.counter.now + two.counter.now;
      maxInFlight = Math.max(maxInFlight, inFlight);
    }, 5);
    await Promise.all([1, 2, 3].flatMap((n) => [track(`${one.base}/p${n}`), track(`${two.base}/p${n}`)]));
    clearInterval(tick);
    expect(maxInFlight).toBe(1);
    expect(one.counter.max).toBe(1);
    expect(two.counter.max).toBe(1);
  });

  it('spaces request starts to one host by defaultDelayMs', async () => {
    const s = await serve((req, res) => (req.url === '/robots.txt' ? notFound(res) : html(res, 'page')));
    const f = fetcher({ defaultDelayMs: 300 });
    await Promise.all([1, 2, 3].map((n) => f.fetch(`${s.base}/p${n}`)));
    const starts = s.hits.map((h) => h.at); // robots.txt counts: it is a request to the host too
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(290);
  });
});

describe('guards', () => {
  it('refuses loopback and private addresses unless allowPrivate', async () => {
    const s = await serve((req, res) => html(res, 'page'));
    const f = new Fetcher({ defaultDelayMs: 0 });
    cleanups.push(() => f.close());
    const r = await f.fetch(`${s.base}/`);
    expect(r.error?.kind).toBe('private-address');
    expect((await f.fetch(`http://localhost:${s.port}/`)).error?.kind).toBe('private-address');
    expect((await f.fetch('http://169.254.169.254/latest/meta-data/')).error?.kind).toBe('private-address');
    expect(s.hits).toHaveLength(0);
  });

  it('refuses hosts outside allowedHosts without a request', async () => {
    const s = await serve((req, res) => html(res, 'page'));
    const r = await fetcher({ allowedHosts: ['www.gov.cn'] }).fetch(`${s.base}/`);
    expect(r.error?.kind).toBe('off-site');
    expect(s.hits).toHaveLength(0);
  });

  it('refuses a redirect that leaves the allowed hosts', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/out') res.writeHead(302, { location: `http://localhost:${req.socket.localPort}/in` }).end();
      else if (req.url === '/robots.txt') notFound(res);
      else html(res, 'page');
    });
    const r = await fetcher({ allowedHosts: [`127.0.0.1:${s.port}`] }).fetch(`${s.base}/out`);
    expect(r.error?.kind).toBe('off-site');
    expect(r.redirects).toEqual([`http://localhost:${s.port}/in`]);
    expect(s.pages().map((h) => h.path)).toEqual(['/out']);
  });
});

describe('lifecycle', () => {
  it('close() ends waiting and running fetches with an error instead of hanging', async () => {
    const s = await serve((req, res) => (req.url === '/robots.txt' ? notFound(res) : undefined)); // pages never answer
    const f = new Fetcher({ allowPrivate: true, defaultDelayMs: 0, timeoutMs: 20_000 });
    const pending = [f.fetch(`${s.base}/a`), f.fetch(`${s.base}/b`)];
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await f.close();
    const results = await Promise.all(pending);
    expect(performance.now() - started).toBeLessThan(5000);
    for (const r of results) expect(r).toMatchObject({ ok: false, error: { kind: 'other' } });
    expect((await f.fetch(`${s.base}/c`)).error?.message).toMatch(/closed/);
  });

  it('counts requests, hosts, errors and bytes', async () => {
    const s = await serve((req, res) => (req.url === '/robots.txt' ? notFound(res) : html(res, '12345')));
    const f = fetcher();
    await f.fetch(`${s.base}/a`);
    await f.fetch(`${s.base}/b`);
    const host = new URL(s.base).host;
    expect(f.stats()).toEqual({ requests: 3, byHost: { [host]: 3 }, errors: 0, bytes: 10 });
  });
});
