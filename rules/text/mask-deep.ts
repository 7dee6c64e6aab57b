import { maskIdNumbersOnly, maskPersonalNumbers } from './personal-info.ts';

/** Keys whose strings are URLs: only ID numbers are masked there (an 11-digit run in a URL is usually an article id). */
const URL_KEY = /url$/i;

/**
 * A copy of any plain value (snapshot, finding, stored result) with every personal number in its strings masked.
 * The last guard before anything is stored, printed or exported: the scanners mask at the source, this catches a
 * number that reached an item title or a link text.
 */
export function maskDeep<T>(value: T, key = ''): T {
  if (typeof value === 'string') return (URL_KEY.test(key) ? maskIdNumbersOnly(value) : maskPersonalNumbers(value)) as T;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, key)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, k);
    return out as T;
  }
  return value;
}
