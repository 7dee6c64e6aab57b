import { discardBody, readBodyLimited } from './read-body.ts';
import { classifyNetworkError } from './classify-error.ts';
import { isTextual, mimeType } from './content-type.ts';
import type { FetchError } from './types.ts';

/** One HTTP exchange, redirects not followed, body read (or not) within the limits. */
export interface RawResponse {
  status: number;
  headers: Headers;
  body: Uint8Array;
  truncated: boolean;
}

export type RequestOutcome = { response: RawResponse; error?: undefined; elapsedMs: number } | { response?: undefined; error: FetchError; elapsedMs: number };

export interface RequestLimits {
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
  signal?: AbortSignal;
  /** Read the body whatever its Content-Type (robots.txt is often served as application/octet-stream). */
  anyType?: boolean;
}

/**
 * How one request is answered: over HTTP by default (`requestOnce`); a snapshot audit answers from a saved folder.
 * Everything around it (guard, robots, politeness, retries, redirects, decoding) is the Fetcher's, whichever it is.
 */
export type Transport = (url: string, limits: RequestLimits) => Promise<RequestOutcome>;

class RequestTimeout extends Error {}

const ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const ACCEPT_LANGUAGE = 'zh-CN,zh;q=0.9,en;q=0.5';

/** Never throws: network failures come back as a classified error. */
export async function requestOnce(url: string, limits: RequestLimits): Promise<RequestOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // One controller for the whole exchange, body included: a server that sends headers and then drips a byte
  // at a time must time out too, which a timeout on the headers alone would miss.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new RequestTimeout()), limits.timeoutMs);
  const onOuterAbort = () => controller.abort(limits.signal!.reason);
  if (limits.signal?.aborted) onOuterAbort();
  else limits.signal?.addEventListener('abort', onOuterAbort, { once: true });
  try {
    const res = await fetch(url, {
      redirect: 'manual', // followed by the caller, so that loops, limits and off-site targets are seen
      signal: controller.signal,
      headers: { 'user-agent': limits.userAgent, accept: ACCEPT, 'accept-language': ACCEPT_LANGUAGE },
    });
    const isRedirect = res.status >= 300 && res.status < 400 && res.headers.has('location');
    if (isRedirect || (!limits.anyType && !isTextual(mimeType(res.headers.get('content-type'))))) {
      discardBody(res.body);
      return { response: { status: res.status, headers: res.headers, body: new Uint8Array(0), truncated: false }, elapsedMs: elapsed() };
    }
    const { bytes, truncated } = await readBodyLimited(res.body, limits.maxBytes);
    return { response: { status: res.status, headers: res.headers, body: bytes, truncated }, elapsedMs: elapsed() };
  } catch (err) {
    const reason: unknown = controller.signal.reason;
    if (reason instanceof RequestTimeout) return { error: { kind: 'timeout', message: `no complete response within ${limits.timeoutMs} ms` }, elapsedMs: elapsed() };
    if (controller.signal.aborted) return { error: { kind: 'other', message: 'aborted' }, elapsedMs: elapsed() };
    return { error: classifyNetworkError(err), elapsedMs: elapsed() };
  } finally {
    clearTimeout(timer);
    limits.signal?.removeEventListener('abort', onOuterAbort);
  }
}
