import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute, sep } from 'node:path';

/** Site ids: what the sites file accepts, and all a store path may be built from. */
export const SITE_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
/** Run ids as the crawler makes them (and tests name them): no leading dot, no separators. */
export const RUN_ID_PATTERN = /^[A-Za-z0-9][\w.-]{0,99}$/;

export class StorePathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorePathError';
  }
}

export function checkSiteId(id: string): string {
  if (!SITE_ID_PATTERN.test(id)) throw new StorePathError(`无效站点标识 / invalid site id: ${JSON.stringify(id.slice(0, 80))} (expected lower-case letters, digits, - and _, at most 64)`);
  return id;
}

export function checkRunId(id: string): string {
  if (!RUN_ID_PATTERN.test(id)) throw new StorePathError(`无效运行标识 / invalid run id: ${JSON.stringify(id.slice(0, 80))}`);
  return id;
}

function within(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

/**
 * `parts` joined under `root`, refused when the result (after following any symlinked folder on the way) lies
 * outside it: a crafted id or a symlink planted in the store cannot make a read or write land elsewhere.
 */
export function insideStore(root: string, ...parts: string[]): string {
  const path = resolve(join(root, ...parts));
  if (!within(resolve(root), path)) throw new StorePathError(`path outside the store: ${path}`);
  // The deepest existing folder decides where a write really goes.
  let dir = dirname(path);
  while (!existsSync(dir) && dir !== dirname(dir)) dir = dirname(dir);
  if (existsSync(root) && !within(realpathSync(root), realpathSync(dir))) throw new StorePathError(`path leaves the store through a symlink: ${path}`);
  return path;
}
