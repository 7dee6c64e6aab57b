/** Exit codes scripts can rely on. */
export const EXIT = {
  ok: 0,
  /** An audited site is 不合格. */
  verdictFail: 1,
  /** No site failed but some need review (timeouts, incomplete crawls). */
  needsReview: 2,
  /** Bad input: invalid pack, sites file, arguments. Nothing was written. */
  badInput: 3,
  /** Something else went wrong (store locked, I/O error). */
  internal: 4,
} as const;
