import type { Transport } from './request-once.ts';

/** Why a fetch produced no usable response. Callers treat every kind as "could not tell", never as a pass. */
export type FetchErrorKind =
  | 'timeout'
  | 'dns'
  | 'reset'
  | 'refused'
  | 'tls'
  | 'redirect-loop'
  | 'too-many-redirects'
  /** Not emitted: an over-long body is still usable, so it is cut off and flagged `truncated` instead. */
  | 'too-large'
  | 'robots'
  | 'off-site'
  | 'private-address'
  /** A snapshot audit: the page is not in the saved copy, which says nothing of whether the live site had it. */
  | 'not-saved'
  /** Also: an unparsable URL or Location, an unsupported protocol, a fetch aborted by the caller or by close(). */
  | 'other';

export interface FetchError {
  kind: FetchErrorKind;
  message: string;
}

/** Options for one fetch; each overrides the Fetcher's own. */
export interface FetchOptions {
  /** Budget for one request including its whole body (a redirect hop is a request). Default 15000, the national inspection limit for a page load. */
  timeoutMs?: number;
  /** Body bytes kept; the rest is not downloaded and `truncated` is set. Default 5 MiB. */
  maxBytes?: number;
  /** Default 5. A URL seen twice in one chain is a loop. */
  maxRedirects?: number;
  /** Extra attempts after network errors, timeouts, 429 and 500/502/503/504 (per request; a redirect hop is a request). Default 2. */
  retries?: number;
  /** First backoff step; doubles per attempt, with jitter. Default 500. */
  retryBaseMs?: number;
  userAgent?: string;
  signal?: AbortSignal;
}

export interface FetcherOptions extends FetchOptions {
  /** Requests in flight to one host. Default 1. */
  perHostConcurrency?: number;
  /** Requests in flight across all hosts. Default 8. */
  globalConcurrency?: number;
  /** Gap between request starts to one host; robots.txt Crawl-delay can only raise it. Default 500. */
  defaultDelayMs?: number;
  /** Default true. */
  respectRobots?: boolean;
  /** Longest wait honoured from Retry-After (and from Crawl-delay). Default 60000. */
  maxRetryAfterMs?: number;
  /** When set, any other host (also as a redirect target) is refused with 'off-site', without a request. Exact hostnames, or host:port. */
  allowedHosts?: string[];
  /** Allow loopback, private and link-local addresses (tests and the demo); otherwise 'private-address'. Default false. */
  allowPrivate?: boolean;
  /** Answers each request; default HTTP. A snapshot audit passes one that reads a saved folder (crawler/snapshot). */
  transport?: Transport;
}

export type CharsetSource = 'header' | 'meta' | 'bom' | 'detected' | 'default';

export interface FetchResult {
  /** The URL asked for. */
  url: string;
  /** The URL that answered, after redirects. */
  finalUrl: string;
  /** HTTP status of the last response; 0 when there was none. */
  status: number;
  /** 2xx and no error. */
  ok: boolean;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  /** MIME type without parameters, lower case. */
  contentType?: string;
  /** Encoding used to decode `text` ('' when nothing was decoded). */
  charset: string;
  charsetSource: CharsetSource;
  /** Decoded body; '' for non-text types (which are not downloaded) and for errors. */
  text: string;
  /** Body bytes read for the final response. */
  bytes: number;
  /** The body was longer than maxBytes and was cut off. */
  truncated: boolean;
  /** Time the site took to answer: the requests of the final chain, without queue waits or retry backoff. */
  elapsedMs: number;
  /** HTTP requests made for this URL, retries and redirect hops included (robots.txt excluded). */
  attempts: number;
  /** Each redirect target in order; the last one is finalUrl. */
  redirects: string[];
  /** Set when there is no usable response. */
  error?: FetchError;
}

export interface FetcherStats {
  /** HTTP requests sent, robots.txt included. */
  requests: number;
  byHost: Record<string, number>;
  /** Fetches that ended with an error. */
  errors: number;
  /** Body bytes read. */
  bytes: number;
}
