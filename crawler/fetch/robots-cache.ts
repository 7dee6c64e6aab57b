import robotsParser from 'robots-parser';

type Robots = ReturnType<typeof robotsParser>;

/** Fetches robots.txt; resolves undefined when there is none to obey (missing, 5xx, unreachable). */
export type RobotsLoader = (robotsUrl: string) => Promise<string | undefined>;

export interface RobotsVerdict {
  allowed: boolean;
  /** Crawl-delay for our user agent, in ms. */
  crawlDelayMs?: number;
}

/**
 * robots.txt per origin (scheme, host and port, as RFC 9309 scopes it), fetched once: concurrent first requests to
 * a site share one load. No file, or an unreadable one, means everything is allowed.
 */
export class RobotsCache {
  private readonly byOrigin = new Map<string, Promise<Robots | undefined>>();

  constructor(
    private readonly load: RobotsLoader,
    private readonly userAgent: string,
  ) {}

  async check(url: URL): Promise<RobotsVerdict> {
    const robots = await this.robotsFor(url.origin);
    if (!robots) return { allowed: true };
    const delaySeconds = robots.getCrawlDelay(this.userAgent);
    return {
      // undefined means the file does not cover this URL; only an explicit rule forbids.
      allowed: robots.isAllowed(url.href, this.userAgent) !== false,
      crawlDelayMs: typeof delaySeconds === 'number' && delaySeconds > 0 ? delaySeconds * 1000 : undefined,
    };
  }

  private robotsFor(origin: string): Promise<Robots | undefined> {
    let pending = this.byOrigin.get(origin);
    if (!pending) {
      const robotsUrl = `${origin}/robots.txt`;
      pending = this.load(robotsUrl).then(
        (text) => (text === undefined ? undefined : robotsParser(robotsUrl, text)),
        () => undefined,
      );
      this.byOrigin.set(origin, pending);
    }
    return pending;
  }
}
