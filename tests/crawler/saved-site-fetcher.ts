import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Fetcher } from '../../crawler/fetch/index.ts';
import type { JournalEntry, PageJournal } from '../../crawler/store/types.ts';

/**
 * A stand-in Fetcher that answers for one host from a saved site folder (../shared/real-sites/<folder>), so
 * discovery can be run on real portals without a network. Paths ending in `/` read `index.html`; a query is
 * ignored (the copies are static files); any other host, or a file not saved, is a 404.
 */
export function savedSiteFetcher(folder: string, host: string): Fetcher {
  return {
    async fetch(url: string) {
      const u = new URL(url);
      let path = decodeURIComponent(u.pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = join(folder, path);
      const ok = u.host === host && existsSync(file) && statSync(file).isFile();
      const text = ok ? readFileSync(file, 'utf8') : '';
      return { url, finalUrl: url, status: ok ? 200 : 404, ok, headers: {}, charset: 'utf-8', charsetSource: 'default', text, bytes: text.length, truncated: false, elapsedMs: 1 };
    },
  } as unknown as Fetcher;
}

export function memoryJournal(): PageJournal {
  const entries = new Map<string, JournalEntry>();
  return { get: (u) => entries.get(u), append: async (e) => void entries.set(e.url, e), get size() { return entries.size; } };
}
