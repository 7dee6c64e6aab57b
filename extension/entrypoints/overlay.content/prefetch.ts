import { decodeBody } from '../../../crawler/fetch/decode-body.ts';
import type { PageDocument } from '../../../rules/page/node.ts';
import { pageFromDom } from '../../lib/page-from-dom.ts';

/**
 * Reads a page of the same site the way the crawler does (its HTML, scripts not run): a same-origin fetch from
 * the page, decoded with the crawler's charset rules (GBK pages are common), parsed by the browser's DOMParser.
 */
export async function fetchPage(url: string, signal: AbortSignal, timeoutMs = 15_000): Promise<PageDocument | undefined> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const both = AbortSignal.any ? AbortSignal.any([signal, timeout]) : signal;
  const res = await fetch(url, { credentials: 'same-origin', redirect: 'follow', signal: both, headers: { Accept: 'text/html,application/xhtml+xml' } });
  if (!res.ok) return undefined;
  const type = res.headers.get('content-type') ?? '';
  if (type && !/html|xml|text\/plain/i.test(type)) return undefined;
  const bytes = new Uint8Array(await res.arrayBuffer());
  const { text } = decodeBody(bytes, type);
  const doc = new DOMParser().parseFromString(text, 'text/html');
  return pageFromDom(doc, res.url || url);
}

/** Runs tasks a few at a time (politeness: a government server is not a CDN). */
export async function inBatches<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>, signal: AbortSignal): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    while (queue.length > 0 && !signal.aborted) await run(queue.shift()!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
