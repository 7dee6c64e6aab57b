/**
 * Escaping for text that comes from audited pages (titles, URLs, column names, footer text). Every such string
 * passes through {@link text} or {@link attr} before it reaches the HTML; nothing page-derived is ever trusted.
 */

/**
 * Bidi overrides and isolates (U+202A–202E, U+2066–2069), zero-width and direction marks (U+200B–200F), word
 * joiner and BOM (U+2060, U+FEFF), and C0/C1 controls other than tab and newline: they can reorder or hide what an
 * evaluator reads (a title that displays differently from what it says), so they never reach the page.
 */
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200B-\u200F\u2060\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Removes the invisible and direction-changing characters listed above. */
export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, '');
}

/** Whether a string holds any of those characters (the scorecard flags such text with a visible marker). */
export function hasInvisible(s: string): boolean {
  return INVISIBLE_ONE.test(s);
}

const INVISIBLE_ONE = new RegExp(INVISIBLE.source);

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes the five HTML-significant characters; safe in element content and in quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Page-derived text for element content: invisible characters removed, then escaped. */
export function text(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  return escapeHtml(stripInvisible(String(value)));
}

/** Page-derived text for a double-quoted attribute value. */
export const attr = text;

/**
 * The URL if it may become a link: absolute `http:` or `https:` only. `javascript:`, `data:`, `vbscript:`,
 * relative and malformed URLs return undefined and are shown as text instead.
 */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const cleaned = stripInvisible(url).trim();
  if (!/^https?:\/\//i.test(cleaned)) return undefined;
  try {
    const u = new URL(cleaned);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    return u.href;
  } catch {
    return undefined;
  }
}

/**
 * A URL as a link when it is http(s), otherwise as plain text (marked so a reader sees it was not linked).
 * `label` defaults to the URL itself; long URLs wrap rather than widen the page.
 */
export function link(url: string | undefined, label?: string): string {
  if (!url) return label ? text(label) : '';
  const href = safeHref(url);
  const shown = text(label ?? url);
  if (!href) return `<span class="url nolink">${shown}</span>`;
  return `<a class="url" href="${escapeHtml(href)}" rel="noopener noreferrer nofollow" target="_blank">${shown}</a>`;
}
