import type { FetchErrorKind } from './types.ts';

/** Statuses that say "try again later"; 404, 403 and the rest are answers and are not retried. */
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

/** Errors that a later attempt can cure. TLS faults and refusals of our own (robots, off-site) cannot. */
const RETRY_ERRORS = new Set<FetchErrorKind>(['timeout', 'dns', 'reset', 'refused', 'other']);

export function isRetryableStatus(status: number): boolean {
  return RETRY_STATUSES.has(status);
}

export function isRetryableError(kind: FetchErrorKind): boolean {
  return RETRY_ERRORS.has(kind);
}

/** Statuses whose Retry-After we obey (and which slow the whole host down). */
export function honoursRetryAfter(status: number): boolean {
  return status === 429 || status === 503;
}

/**
 * Wait before attempt `attempt + 1`: base·2^(attempt-1), half of it random, so many clients that failed
 * together do not come back together.
 */
export function backoffMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const step = baseMs * 2 ** Math.max(0, attempt - 1);
  return Math.round(step / 2 + random() * (step / 2));
}

/** Retry-After as milliseconds from `nowMs`: delta-seconds or an HTTP date. Undefined if absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
