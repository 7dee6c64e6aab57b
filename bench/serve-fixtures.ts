import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { encodeGbk } from './gbk.ts';

/**
 * Serves one portal fixture folder on 127.0.0.1 (port 0), the way such sites answer:
 *
 * - `/x/` → `x/index.html`; `/x` for a folder → 301 to `/x/`.
 * - A URL with a query → the file `<path>@<params sorted>` (Hanweb's `dataproxy.jsp?page=4&…`).
 * - `gbkPaths`: pages under these path patterns are stored as UTF-8 and sent as GBK bytes with
 *   `charset=gb2312` in the header; under `gbkNoHeaderPaths` the GBK bytes go out with a bare `text/html`.
 * - `soft404`: unknown paths answer **200** with this file (the site's 页面不存在 page) instead of a 404.
 * - `latencyMs`: every answer waits this long (politeness tests).
 *
 * Every request is logged with its start and end time, so tests can check overlap and spacing server-side.
 */
export interface ServeOptions {
  gbkPaths?: (string | RegExp)[];
  gbkNoHeaderPaths?: (string | RegExp)[];
  soft404?: string | false;
  latencyMs?: number;
}

export interface RequestLog {
  method: string;
  path: string;
  status: number;
  startedAt: number;
  endedAt: number;
}

export interface FixtureServer {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  requests: RequestLog[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.htm': 'text/html', '.shtml': 'text/html', '.jsp': 'text/html',
  '.json': 'application/json', '.js': 'application/javascript', '.css': 'text/css', '.xml': 'text/xml', '.txt': 'text/plain',
};

function matches(path: string, patterns: (string | RegExp)[] | undefined): boolean {
  return !!patterns?.some((p) => (typeof p === 'string' ? new RegExp(p) : p).test(path));
}

function queryFile(path: string, search: URLSearchParams): string {
  const params = [...search.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`);
  return `${path}@${params.join('&')}`;
}

export async function serveFixture(dir: string, opts: ServeOptions = {}): Promise<FixtureServer> {
  const root = resolve(dir);
  const requests: RequestLog[] = [];

  const fileFor = (pathname: string, search: URLSearchParams): string | undefined => {
    const rel = normalize(pathname).replace(/^(\.\.(\/|$))+/, '');
    const candidates = [...search.keys()].length ? [queryFile(rel, search)] : [rel.endsWith('/') ? `${rel}index.html` : rel];
    for (const c of candidates) {
      const file = join(root, c);
      if (file.startsWith(root) && existsSync(file) && statSync(file).isFile()) return file;
    }
    return undefined;
  };

  const send = (req: IncomingMessage, res: ServerResponse, log: RequestLog, status: number, body: string | Uint8Array, type: string, headers: Record<string, string> = {}) => {
    log.status = status;
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache', ...headers });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const answer = (req: IncomingMessage, res: ServerResponse, log: RequestLog) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://fixture');
    } catch {
      return send(req, res, log, 400, 'bad request', 'text/plain');
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = url.pathname;
    }
    const asFolder = join(root, pathname);
    if (!pathname.endsWith('/') && existsSync(asFolder) && statSync(asFolder).isDirectory() && asFolder.startsWith(root)) {
      return send(req, res, log, 301, '', 'text/html', { location: `${pathname}/${url.search}` });
    }
    const file = fileFor(pathname, url.searchParams);
    let status = 200;
    let source = file;
    if (!source) {
      if (opts.soft404) source = join(root, opts.soft404);
      else status = 404;
    }
    const type = source ? (TYPES[extname(source.replace(/@.*$/, ''))] ?? 'text/html') : 'text/html';
    if (!source) {
      return send(req, res, log, 404, '<!DOCTYPE html><html><head><meta charset="utf-8"><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>', 'text/html; charset=utf-8');
    }
    const text = readFileSync(source, 'utf8');
    if (type === 'text/html' && matches(pathname, opts.gbkPaths)) {
      const header = matches(pathname, opts.gbkNoHeaderPaths) ? 'text/html' : 'text/html; charset=gb2312';
      return send(req, res, log, status, encodeGbk(text), header);
    }
    return send(req, res, log, status, text, /^text\/|json|javascript/.test(type) ? `${type}; charset=utf-8` : type);
  };

  const server = createServer((req, res) => {
    const log: RequestLog = { method: req.method ?? 'GET', path: req.url ?? '/', status: 0, startedAt: performance.now(), endedAt: 0 };
    requests.push(log);
    res.on('close', () => (log.endedAt = performance.now()));
    const go = () => {
      try {
        answer(req, res, log);
      } catch (e) {
        log.status = 500;
        res.writeHead(500).end(String(e));
      }
    };
    if (opts.latencyMs) setTimeout(go, opts.latencyMs);
    else go();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** `npx tsx bench/serve-fixtures.ts tests/fixtures/portals/gbk-county` serves a fixture for a look in a browser. */
if (process.argv[1]?.endsWith('serve-fixtures.ts') && process.argv[2]) {
  const dir = process.argv[2];
  const truthFile = join(dir, 'truth.json');
  const serve = existsSync(truthFile) ? (JSON.parse(readFileSync(truthFile, 'utf8')).serve ?? {}) : {};
  const s = await serveFixture(dir, serve);
  console.log(`serving ${dir} at ${s.url} (Ctrl-C to stop)`);
}
