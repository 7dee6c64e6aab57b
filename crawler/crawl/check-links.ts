import { createHash } from 'node:crypto';
import type { LinkObservation } from '../../rules/model/snapshot.ts';
import type { Fetcher } from '../fetch/index.ts';
import type { PageLink } from './discover.ts';

/**
 * Dead-link check. A link is `dead` only when it fails on two attempts with an answer that says so (404, 410,
 * 5xx, refused, DNS); 403, 429 and timeouts are `needs-review`, never dead. A 200 page that looks like the
 * site's soft-404 page (probed with a random URL) is dead too.
 */

/** What a link check needs of a response: a fresh fetch or a page the crawl already loaded. */
export interface Answer {
  status: number;
  error?: { kind: string; message: string };
  text: string;
}

const DEAD_ERRORS = new Set(['dns', 'refused', 'reset', 'redirect-loop', 'too-many-redirects']);

function verdictOf(r: Answer): { status: LinkObservation['status']; reason?: string } {
  if (r.error) return DEAD_ERRORS.has(r.error.kind) ? { status: 'dead', reason: r.error.kind } : { status: 'needs-review', reason: r.error.kind };
  if (r.status >= 200 && r.status < 400) return { status: 'ok' };
  if (r.status === 404 || r.status === 410 || r.status >= 500) return { status: 'dead', reason: `HTTP ${r.status}` };
  return { status: 'needs-review', reason: `HTTP ${r.status}` };
}

/**
 * What a site's "page not found" page looks like: its title and its whole text, less what varies from request to
 * request (an echoed path, a time). The whole text, not its start: many portals give every page the same title
 * and header, and a column page must not be taken for the not-found page because its first lines match.
 */
export function soft404Fingerprint(html: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.trim() ?? '';
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, '')
    .replace(/[\x21-\x7e]{6,}|\d+/g, '');
  return `${title}|${createHash('sha1').update(text).digest('hex')}`;
}

export async function probeSoft404(fetcher: Pick<Fetcher, 'fetch'>, homeUrl: string, timeoutMs: number): Promise<string | undefined> {
  const probe = new URL(`/govaudit-probe-${Math.random().toString(36).slice(2, 10)}.html`, homeUrl).href;
  const r = await fetcher.fetch(probe, { timeoutMs, retries: 0 });
  return r.ok && !r.error && r.status === 200 ? soft404Fingerprint(r.text) : undefined;
}

export async function checkLinks(fetcher: Pick<Fetcher, 'fetch'>, links: (PageLink & { fromUrl: string })[], o: { timeoutMs: number; soft404?: string; known: Map<string, Answer> }): Promise<LinkObservation[]> {
  return Promise.all(
    links.map(async (link): Promise<LinkObservation> => {
      let attempts = 0;
      let result: Answer | undefined = o.known.get(link.url);
      if (result) attempts++;
      else {
        result = await fetcher.fetch(link.url, { timeoutMs: o.timeoutMs, retries: 0 });
        attempts++;
      }
      let v = verdictOf(result);
      if (v.status === 'ok' && o.soft404 && soft404Fingerprint(result.text) === o.soft404) v = { status: 'dead', reason: 'soft-404' };
      if (v.status === 'dead' && v.reason !== 'soft-404') {
        // Second attempt: one failure is a hiccup, two are a dead link.
        const again = await fetcher.fetch(link.url, { timeoutMs: o.timeoutMs, retries: 0 });
        attempts++;
        const v2 = verdictOf(again);
        v = v2.status === 'dead' ? v : v2;
        result = again;
      }
      return { url: link.url, fromUrl: link.fromUrl, text: link.text, status: v.status, httpStatus: result.status || undefined, reason: v.reason, attempts };
    }),
  );
}
