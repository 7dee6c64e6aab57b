export const DEFAULT_USER_AGENT = 'govaudit/0.1 (+https://github.com/govaudit; government website audit)';

export const DEFAULTS = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  retries: 2,
  retryBaseMs: 500,
  userAgent: DEFAULT_USER_AGENT,
  perHostConcurrency: 1,
  globalConcurrency: 8,
  defaultDelayMs: 500,
  respectRobots: true,
  maxRetryAfterMs: 60_000,
  allowPrivate: false,
} as const;

/** Google's limit for robots.txt; anything past it is ignored. */
export const ROBOTS_MAX_BYTES = 500 * 1024;
