import { createHash } from 'node:crypto';
import { realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { contentTypeFor } from './content-types.ts';

/**
 * A saved copy of a site (an HTTrack or wget folder) answering URLs as the live server did when the copy was
 * taken: a URL maps to a file, a folder to its index.html, a missing file to 404. Only the hosts given are served.
 */

/** What the folder answers for one URL. Bytes are as stored: charset detection stays the fetcher's job. */
export interface SnapshotAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  /** The file that answered (for tests and the journal), when one did. */
  file?: string;
}

/** Extensions of pages a server generates: HTTrack saves those it got as text/html under `.html`. */
const DYNAMIC_PAGE = /^\.(jhtml|jsp|jspx|aspx?|php|do|action|cgi|shtml)$/i;
/** Extensions whose query string selects content (a different page), unlike a script's cache-buster. */
const PAGE_LIKE = /^\.(s?html?|jhtml|jsp|jspx|aspx?|php|do|action|cgi)$/i;

/**
 * HTTrack names `x.html?a=b` as `x` + the first four hex digits of md5("a=b") + `.html` (checked against the
 * zhecheng copy: `index.html?link=zjzc` → `indexc904.html`, `ViewClick/?classid=540&id=6358&addclick=1` →
 * `ViewClick/index0078.html`).
 */
export function httrackQueryHash(query: string): string {
  return createHash('md5').update(query, 'utf8').digest('hex').slice(0, 4);
}

/** Files that may hold a URL's path and query, most specific first (relative to the folder, '/' separated). */
export function candidateFiles(pathname: string, query: string): string[] {
  const path = pathname.endsWith('/') ? pathname + 'index.html' : pathname;
  const ext = extname(path);
  const stem = ext ? path.slice(0, -ext.length) : path;
  const asHtml = ext && DYNAMIC_PAGE.test(ext) ? [stem + '.html'] : [];
  if (!query) return [path, ...asHtml];
  const hash = httrackQueryHash(query);
  const hashed = [stem + hash + (ext || '.html'), ...(ext && ext !== '.html' ? [stem + hash + '.html'] : [])];
  // wget keeps the query in the file name (`x.html?a=b`, or `x.html@a=b` with --restrict-file-names=windows).
  const wget = [`${path}?${query}`, `${path}@${query}`];
  // A script's or stylesheet's query is usually a cache-buster: the plain file is the same resource. A page's query
  // selects other content, so a page that was not saved with its query is not there (404), never another page.
  // Links inside an HTTrack copy already name the renamed file and keep the query (`indexc904.html?link=zjzc`):
  // when the name ends in the query's hash, the plain file is that very page.
  const renamedByHttrack = stem.endsWith(hash);
  const plain = renamedByHttrack || (ext && !PAGE_LIKE.test(ext)) ? [path] : [];
  return [...hashed, ...wget, ...plain];
}

export class SnapshotFolder {
  readonly root: string;
  private readonly hosts: Set<string>;

  /** `hosts`: hostnames or host:port pairs answered from the folder (the site's host and its extraHosts). */
  constructor(dir: string, hosts: string[]) {
    this.root = realpathSync(dir);
    if (!statSync(this.root).isDirectory()) throw new Error(`not a folder: ${dir}`);
    this.hosts = new Set(hosts.map((h) => h.toLowerCase()));
  }

  /** Whether the folder stands in for this URL's host. `http://x:80/` is `http://x/` once parsed, so `:80` links match. */
  serves(url: URL): boolean {
    return (url.protocol === 'http:' || url.protocol === 'https:') && (this.hosts.has(url.host) || this.hosts.has(url.hostname));
  }

  /** The file a URL maps to, inside the folder, or undefined. A folder without a trailing slash answers as a redirect. */
  locate(url: URL): { file: string } | { redirect: string } | undefined {
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return undefined;
    }
    if (pathname.includes('\0') || pathname.split('/').includes('..')) return undefined;
    for (const rel of candidateFiles(pathname, url.search.slice(1))) {
      const file = this.inside(rel);
      if (!file) continue;
      const st = statSync(file, { throwIfNoEntry: false });
      if (st?.isFile()) return { file };
      if (st?.isDirectory() && rel === pathname && !pathname.endsWith('/')) {
        const to = new URL(url.href);
        to.pathname += '/';
        return { redirect: to.href };
      }
    }
    return undefined;
  }

  async answer(url: URL): Promise<SnapshotAnswer> {
    const found = this.serves(url) ? this.locate(url) : undefined;
    if (!found) return notFound();
    if ('redirect' in found) return { status: 301, headers: { location: found.redirect, 'content-length': '0' }, body: new Uint8Array(0) };
    const body = new Uint8Array(await readFile(found.file));
    return { status: 200, headers: { 'content-type': contentTypeFor(found.file), 'content-length': String(body.byteLength) }, body, file: found.file };
  }

  /** Absolute path of a relative one, only if it stays inside the folder once symlinks are followed. */
  private inside(rel: string): string | undefined {
    const file = join(this.root, ...rel.split('/').filter(Boolean));
    try {
      const real = realpathSync(file);
      return real === this.root || real.startsWith(this.root + sep) ? real : undefined;
    } catch {
      return undefined;
    }
  }
}

function notFound(): SnapshotAnswer {
  const body = new TextEncoder().encode('<!doctype html><title>404</title><p>不在保存的副本中 / not in the saved copy</p>');
  return { status: 404, headers: { 'content-type': 'text/html; charset=utf-8', 'content-length': String(body.byteLength) }, body };
}
