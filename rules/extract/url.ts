/**
 * URL resolution for extracted links. The WHATWG `URL` class exists in every runtime the rules run in (Node, the
 * browser, workers) but is not in the ES2022 lib that keeps `rules/` free of DOM types, so it is declared here,
 * for this module only, with just the members used.
 */
declare const URL: new (href: string, base?: string) => { href: string; protocol: string; hash: string };

/** Hrefs that do not lead to a page: script calls, mail, phone, bare fragments. */
const NOT_A_PAGE = /^\s*(javascript:|mailto:|tel:|sms:|data:|#|$)/i;

/** The absolute http(s) URL an href leads to, or undefined for scripts, fragments, mail links and junk. */
export function resolveHref(href: string | undefined, base: string): string | undefined {
  if (href === undefined || NOT_A_PAGE.test(href)) return undefined;
  try {
    const url = new URL(href.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

/** `base` with its query parameter `name` set to `value` (adds it when missing). */
export function withQueryParam(url: string, name: string, value: string): string {
  const [beforeHash = '', hash] = splitOnce(url, '#');
  const [path = '', query] = splitOnce(beforeHash, '?');
  const pairs = (query ?? '').split('&').filter(Boolean);
  let found = false;
  const updated = pairs.map((pair) => {
    if (pair.split('=')[0] !== name) return pair;
    found = true;
    return `${name}=${value}`;
  });
  if (!found) updated.unshift(`${name}=${value}`);
  return `${path}?${updated.join('&')}${hash !== undefined ? `#${hash}` : ''}`;
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const at = s.indexOf(sep);
  return at < 0 ? [s, undefined] : [s.slice(0, at), s.slice(at + 1)];
}
