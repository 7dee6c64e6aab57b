import { setMaxListeners } from 'node:events';
import { linkSignals, sleep } from './abort.ts';
import { isTextual, mimeType } from './content-type.ts';
import { decodeBody } from './decode-body.ts';
import { DEFAULTS, ROBOTS_MAX_BYTES } from './defaults.ts';
import { HostGuard } from './host-guard.ts';
import { HostSchedule } from './host-schedule.ts';
import { requestOnce, type RawResponse, type RequestOutcome, type Transport } from './request-once.ts';
import { backoffMs, honoursRetryAfter, isRetryableError, isRetryableStatus, parseRetryAfter } from './retry-policy.ts';
import { RobotsCache } from './robots-cache.ts';
import type { FetchError, FetcherOptions, FetcherStats, FetchOptions, FetchResult } from './types.ts';

/** Everything one fetch needs to know, defaults filled in. */
interface FetchPlan {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  retries: number;
  retryBaseMs: number;
  userAgent: string;
  signal: AbortSignal;
  obeyRobots: boolean;
  /** robots.txt is read whatever its Content-Type; pages only when textual. */
  anyType?: boolean;
}

type Answer = RequestOutcome & { attempts: number };

/**
 * The crawler's only way onto the network: polite (robots.txt, per-host queues and delays, Retry-After),
 * bounded (time, bytes, redirects) and honest about failure. `fetch` never throws for HTTP or network problems;
 * it returns a result whose `error` says what went wrong.
 */
export class Fetcher {
  private readonly o: Required<Omit<FetcherOptions, 'signal' | 'allowedHosts' | 'transport'>> & Pick<FetcherOptions, 'signal' | 'allowedHosts'>;
  private readonly schedule: HostSchedule;
  /** A schedule handed in is shared with other Fetchers (one per site in a run) and is not this one's to drain. */
  private readonly ownsSchedule: boolean;
  private readonly guard: HostGuard;
  private readonly robots: RobotsCache;
  private readonly closing = new AbortController();
  private readonly inFlight = new Set<Promise<FetchResult>>();
  private readonly counters: FetcherStats = { requests: 0, byHost: {}, errors: 0, bytes: 0 };
  private readonly transport: Transport;

  /**
   * `shared.schedule`: per-host queues shared with other Fetchers, so that sites with their own guard (allowed
   * hosts, private addresses) still take turns on a host they share.
   */
  constructor(opts: FetcherOptions = {}, shared: { schedule?: HostSchedule } = {}) {
    // Every queued fetch listens on this signal until it ends; hundreds queued at once is normal, not a leak.
    setMaxListeners(0, this.closing.signal);
    const { transport, ...rest } = opts;
    this.transport = transport ?? requestOnce;
    this.o = { ...DEFAULTS, ...withoutUndefined(rest) };
    this.ownsSchedule = !shared.schedule;
    this.schedule = shared.schedule ?? new HostSchedule(this.o);
    this.guard = new HostGuard(this.o);
    this.robots = new RobotsCache((robotsUrl) => this.loadRobots(robotsUrl), this.o.userAgent);
  }

  async fetch(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
    if (this.closing.signal.aborted) return failure(url, url, { kind: 'other', message: 'aborted: fetcher closed' });
    const o = { ...this.o, ...withoutUndefined(opts) };
    const linked = linkSignals(o.signal, this.closing.signal);
    const pending = this.follow(url, { ...o, signal: linked.signal, obeyRobots: o.respectRobots });
    this.inFlight.add(pending);
    try {
      const result = await pending;
      if (result.error) this.counters.errors++;
      return result;
    } finally {
      this.inFlight.delete(pending);
      linked.dispose();
    }
  }

  stats(): FetcherStats {
    return { ...this.counters, byHost: { ...this.counters.byHost } };
  }

  /** Cancels queued and running fetches (they resolve with an 'other' error saying aborted) and waits for them to settle. */
  async close(): Promise<void> {
    this.closing.abort(new Error('fetcher closed'));
    await Promise.allSettled([...this.inFlight]);
    if (this.ownsSchedule) await this.schedule.idle();
  }

  /** Follows redirects by hand, checking each target as if it were asked for directly. */
  private async follow(url: string, plan: FetchPlan): Promise<FetchResult> {
    let current: URL;
    try {
      current = withoutHash(new URL(url));
    } catch {
      return failure(url, url, { kind: 'other', message: `not a URL: ${url}` });
    }
    const redirects: string[] = [];
    const seen = new Set([current.href]);
    let attempts = 0;
    let elapsedMs = 0;
    const fail = (error: FetchError, last?: RawResponse): FetchResult => ({
      ...failure(url, current.href, error),
      status: last?.status ?? 0,
      headers: last ? Object.fromEntries(last.headers) : {},
      attempts,
      elapsedMs,
      redirects,
    });

    for (;;) {
      const refusal = this.guard.refusal(current);
      if (refusal) return fail(refusal);
      if (plan.obeyRobots && !(await this.robotsAllow(current))) {
        return fail({ kind: 'robots', message: `robots.txt disallows ${current.pathname}${current.search}` });
      }

      const answer = await this.requestWithRetries(current, plan);
      attempts += answer.attempts;
      elapsedMs += answer.elapsedMs;
      if (answer.error) return fail(answer.error);
      const res = answer.response;

      const next = redirectTarget(res, current);
      if (!next) return this.toResult(url, current.href, res, { attempts, elapsedMs, redirects });
      if (seen.has(next.href)) return fail({ kind: 'redirect-loop', message: `redirect back to ${next.href}` }, res);
      if (redirects.length >= plan.maxRedirects) return fail({ kind: 'too-many-redirects', message: `more than ${plan.maxRedirects} redirects` }, res);
      redirects.push(next.href);
      seen.add(next.href);
      current = next;
    }
  }

  private async robotsAllow(url: URL): Promise<boolean> {
    const verdict = await this.robots.check(url);
    if (verdict.crawlDelayMs) this.schedule.raiseDelay(url.host, Math.min(verdict.crawlDelayMs, this.o.maxRetryAfterMs));
    return verdict.allowed;
  }

  private async loadRobots(robotsUrl: string): Promise<string | undefined> {
    // Only the Fetcher's own signal: one caller giving up must not leave the host cached as "no robots.txt".
    const r = await this.follow(robotsUrl, {
      ...this.o,
      maxBytes: ROBOTS_MAX_BYTES,
      retries: 0,
      signal: this.closing.signal,
      obeyRobots: false,
      anyType: true,
    });
    return !r.error && r.status >= 200 && r.status < 300 ? r.text : undefined;
  }

  /** One URL, retried on failures a later attempt can cure; every attempt waits for its turn in the host queue. */
  private async requestWithRetries(url: URL, plan: FetchPlan): Promise<Answer> {
    const host = url.host;
    let attempts = 0;
    for (;;) {
      let sent = false;
      const outcome: RequestOutcome = await this.schedule
        .run(
          host,
          () => {
            sent = true;
            this.counters.requests++;
            this.counters.byHost[host] = (this.counters.byHost[host] ?? 0) + 1;
            return this.transport(url.href, plan);
          },
          plan.signal,
        )
        .catch((): RequestOutcome => ({ error: { kind: 'other', message: 'aborted while waiting for its turn' }, elapsedMs: 0 }));
      if (sent) attempts++;
      if (outcome.response) this.counters.bytes += outcome.response.body.byteLength;

      const retriesLeft = attempts <= plan.retries && !plan.signal.aborted;
      let waitMs: number;
      if (outcome.error) {
        if (!retriesLeft || !isRetryableError(outcome.error.kind)) return { ...outcome, attempts };
        waitMs = backoffMs(attempts, plan.retryBaseMs);
      } else {
        const status = outcome.response.status;
        if (!isRetryableStatus(status)) return { ...outcome, attempts };
        const retryAfter = honoursRetryAfter(status) ? parseRetryAfter(outcome.response.headers.get('retry-after'), Date.now()) : undefined;
        waitMs = retryAfter !== undefined ? Math.min(retryAfter, this.o.maxRetryAfterMs) : backoffMs(attempts, plan.retryBaseMs);
        // The whole host waits, not just this URL: the server asked us to back off, not to try another page.
        // A 429 without Retry-After still means "too fast", so the host pauses for the backoff.
        if (retryAfter !== undefined || status === 429) this.schedule.pause(host, waitMs);
        if (!retriesLeft) return { ...outcome, attempts };
      }
      try {
        await sleep(waitMs, plan.signal);
      } catch {
        return { error: { kind: 'other', message: 'aborted while waiting to retry' }, elapsedMs: outcome.elapsedMs, attempts };
      }
    }
  }

  private toResult(url: string, finalUrl: string, res: RawResponse, chain: Pick<FetchResult, 'attempts' | 'elapsedMs' | 'redirects'>): FetchResult {
    const headers = Object.fromEntries(res.headers);
    const contentType = mimeType(headers['content-type']);
    const decoded =
      isTextual(contentType) || res.body.byteLength > 0
        ? decodeBody(res.body, headers['content-type'], res.truncated)
        : { text: '', charset: '', charsetSource: 'default' as const };
    return {
      url,
      finalUrl,
      status: res.status,
      ok: res.status >= 200 && res.status < 300,
      headers,
      contentType,
      ...decoded,
      bytes: res.body.byteLength,
      truncated: res.truncated,
      ...chain,
    };
  }
}

function redirectTarget(res: RawResponse, from: URL): URL | undefined {
  if (res.status < 300 || res.status >= 400) return undefined;
  const location = res.headers.get('location');
  if (!location) return undefined;
  // fetch() hands header bytes over as Latin-1 characters, so a raw UTF-8 (or GBK) path such as `/政务公开/`
  // arrives as mojibake; its bytes are percent-encoded one by one, as browsers do.
  const ascii = location.trim().replace(/[\x80-\xff]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
  try {
    return withoutHash(new URL(ascii, from));
  } catch {
    return undefined; // an unreadable Location leaves the 3xx itself as the answer
  }
}

function withoutHash(url: URL): URL {
  url.hash = '';
  return url;
}

function failure(url: string, finalUrl: string, error: FetchError): FetchResult {
  return { url, finalUrl, status: 0, ok: false, headers: {}, charset: '', charsetSource: 'default', text: '', bytes: 0, truncated: false, elapsedMs: 0, attempts: 0, redirects: [], error };
}

/** So that `{ retries: undefined }` keeps the default instead of erasing it. */
function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
