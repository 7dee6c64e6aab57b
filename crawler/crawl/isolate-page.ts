import { AsyncLocalStorage } from 'node:async_hooks';
import type { PageJournal } from '../store/types.ts';

/** The key of the page being handled, carried by the async context (columns are handled a few at once). */
const handling = new AsyncLocalStorage<string>();

export function currentPageKey(): string | undefined {
  return handling.getStore();
}

/** An error in one line, bounded: what a report can show as the reason. */
export function errorLine(e: unknown): string {
  return (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).split('\n')[0]!.slice(0, 300);
}

export type Isolated<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Handles one page so that whatever it does stays with it: a throw becomes that page's reason for needs-review,
 * and a page whose handling stopped the process in the last two attempts (`processing` marks with no `processed`)
 * is not handled again, so a resume cannot crash on the same page for ever.
 */
export async function isolatePage<T>(journal: PageJournal, key: string, handle: () => T | Promise<T>): Promise<Isolated<T>> {
  if (journal.crashedBefore(key)) {
    return { ok: false, reason: 'page-crashed: 处理该页面时抓取进程两次中断，不再处理 / handling this page stopped the crawler in two attempts in a row; not handled again' };
  }
  await journal.processing(key);
  try {
    // The loader closes the mark while it waits on the network (a kill then is not this page's doing).
    return { ok: true, value: await handling.run(key, handle) };
  } catch (e) {
    return { ok: false, reason: `page-error: ${errorLine(e)}` };
  } finally {
    await journal.processed(key);
  }
}
