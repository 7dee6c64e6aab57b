import { isTextual, mimeType } from '../fetch/content-type.ts';
import type { RequestOutcome, Transport } from '../fetch/request-once.ts';
import type { SnapshotFolder } from './folder.ts';

/**
 * The Fetcher's transport for a snapshot audit: each request is answered from the saved folder, never from the
 * network. A host the folder does not stand in for is refused here too (the Fetcher's allow-list refuses it first).
 * robots.txt is the folder's own when saved; otherwise there is none.
 */
export function snapshotTransport(folder: SnapshotFolder): Transport {
  return async (href, limits): Promise<RequestOutcome> => {
    const started = performance.now();
    const url = new URL(href);
    if (!folder.serves(url)) return { error: { kind: 'off-site', message: `${url.host} is not in the saved copy (snapshot audits make no network request)` }, elapsedMs: 0 };
    const a = await folder.answer(url);
    // The folder answers 404 (Chromium gets that page), but to the crawler a page the copier did not save is not a
    // dead page: a column or link there cannot be judged (needs-review), never a broken column or a dead link.
    if (a.status === 404) return { error: { kind: 'not-saved', message: '不在保存的副本中，无法判断原网站是否有此页 / not in the saved copy: whether the live site had it cannot be told' }, elapsedMs: Math.round(performance.now() - started) };
    const headers = new Headers(a.headers);
    // As over HTTP: bodies of types no check reads (images, PDFs) are not kept, and long ones are cut at the limit.
    const keep = limits.anyType || isTextual(mimeType(headers.get('content-type')));
    const truncated = keep && a.body.byteLength > limits.maxBytes;
    const body = !keep ? new Uint8Array(0) : truncated ? a.body.subarray(0, limits.maxBytes) : a.body;
    return { response: { status: a.status, headers, body, truncated }, elapsedMs: Math.round(performance.now() - started) };
  };
}
