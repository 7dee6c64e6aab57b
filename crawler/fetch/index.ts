/** The crawler's HTTP layer: polite, bounded, and decoding GBK pages whatever they claim. */
export { Fetcher } from './fetcher.ts';
export { HostSchedule } from './host-schedule.ts';
export { isPrivateHost } from './private-host.ts';
export { decodeBody, detectCharset, normalizeCharset, undecodableReason, type DecodedBody } from './decode-body.ts';
export { DEFAULT_USER_AGENT } from './defaults.ts';
export type { CharsetSource, FetchError, FetchErrorKind, FetcherOptions, FetcherStats, FetchOptions, FetchResult } from './types.ts';
