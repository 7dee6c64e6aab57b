import { findPageRedirect, type PageRedirect } from '../../rules/discover/page-redirect.ts';
import type { PageDocument } from '../../rules/page/node.ts';
import type { JournalEntry } from '../store/types.ts';
import type { PageLoader } from './page-loader.ts';

/**
 * Loading a page the way a browser lands on it: redirects written inside the page (meta refresh, `location.href`)
 * are followed like HTTP redirects. Each hop is a normal load, so it goes through the fetcher's host guard and the
 * site's page budget, and only to URLs the site allows (same site, include/exclude).
 */

/** Hops followed at most; portals chain two at most (`/` → `/index.html` → `/col/col1/index.html`). */
export const MAX_PAGE_REDIRECTS = 3;

export interface LandedPage {
  /** The page finally read (the last hop). */
  entry: JournalEntry;
  doc: PageDocument;
  /** Redirects followed, in order. */
  redirects: PageRedirect[];
  /** Why a redirect the page makes was not followed, when one was not. */
  unfollowed?: string;
}

export type LoadOutcome = { ok: true; page: LandedPage } | { ok: false; entry: JournalEntry | undefined; redirects: PageRedirect[] };

export async function loadFollowingRedirects(loader: PageLoader, url: string, isAllowed: (url: string) => boolean, maxHops = MAX_PAGE_REDIRECTS): Promise<LoadOutcome> {
  const redirects: PageRedirect[] = [];
  const seen = new Set([url]);
  let entry = await loader.load(url);
  if (!entry?.ok) return { ok: false, entry, redirects };
  let doc = loader.parse(entry.text, entry.finalUrl);
  seen.add(entry.finalUrl);
  for (;;) {
    const next = findPageRedirect(doc);
    if (!next) return { ok: true, page: { entry, doc, redirects } };
    let unfollowed: string | undefined;
    if (seen.has(next.url)) unfollowed = `页面跳转回到已读页面 / redirect loop to ${next.url}`;
    else if (redirects.length >= maxHops) unfollowed = `页面内跳转超过 ${maxHops} 次 / more than ${maxHops} in-page redirects`;
    else if (!isAllowed(next.url)) unfollowed = `页面跳转到站外或排除的地址 / redirect leaves the site: ${next.url}`;
    if (unfollowed) return { ok: true, page: { entry, doc, redirects, unfollowed } };
    redirects.push(next);
    seen.add(next.url);
    const hop = await loader.load(next.url);
    if (!hop?.ok) return { ok: false, entry: hop, redirects };
    entry = hop;
    seen.add(hop.finalUrl);
    doc = loader.parse(hop.text, hop.finalUrl);
  }
}

/** The redirects as evidence words: `meta-refresh → http://…`. */
export function describeRedirects(redirects: PageRedirect[]): string[] {
  return redirects.map((r) => `${r.via} → ${r.url}`);
}
