import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `../shared` beside the project holds the plans and the saved real sites. CI has it; a bare clone of the project
 * does not, and the tests that need it skip there with a visible message instead of failing.
 */
export const SHARED_DIR = process.env.GOVAUDIT_SHARED_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../shared');

/** True when `../shared/<sub>` exists; otherwise prints why the calling suite skips. */
export function sharedAvailable(sub: string, suite: string): boolean {
  const ok = existsSync(resolve(SHARED_DIR, sub));
  if (!ok) console.warn(`[skip] ${suite}: ${resolve(SHARED_DIR, sub)} not found (../shared sits beside the project in CI; set GOVAUDIT_SHARED_DIR to run these here)`);
  return ok;
}
