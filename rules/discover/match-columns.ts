import type { ColumnClass } from '../schema/pack.ts';

/**
 * Matches a navigation link to a column class by name synonyms and URL slugs. Shared by the crawler (discovery)
 * and the extension (badges on menus), so both name the same columns.
 */

export interface ColumnMatch {
  classId: string;
  matchedBy: 'name' | 'slug';
  /** Shown to evaluators: why this link is this column. */
  reason: string;
  /** Higher is surer: exact name > name inside a short label > URL slug. */
  strength: number;
}

/** Longer labels are article titles, not column names ("关于…的通知" must not become a 通知 column). */
const MAX_LABEL_LENGTH = 12;

export function normaliseLabel(text: string): string {
  return text
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/^[>»·•\-|【\[]+|[>»·•\-|】\]]+$/g, '')
    .replace(/(更多|more|MORE|\+)+$/g, '');
}

/** The URL's path in lower case. No WHATWG URL class: rules/ has no DOM or Node types. */
function lowerPath(url: string): string {
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split(/[?#]/)[0].toLowerCase();
}

/**
 * The folder a column URL names (`/xxgk/tzgg/` or `/xxgk/tzgg/index.html` → `tzgg`), or nothing for an article
 * (`/zwdt/202611/t123.html` lives under a column but is not one).
 */
function columnFolder(url: string): string | undefined {
  const segments = lowerPath(url).split('/');
  const file = segments.pop() ?? '';
  if (file && !/^(index|default)(_\d+)?\.(s?html?|jsp|aspx?|php)$/.test(file)) return undefined;
  return segments.filter(Boolean).pop();
}

/**
 * Article pages by their URL: TRS `t20260114_123.html`, Hanweb `art_12_345.html`, `content_123.htm`, or any file
 * under a dated folder (`/202601/`, `/2026/1/14/`). A home page's headline 「关于停水检修的通知」 links to one of
 * these; it is news inside a column, never the column.
 */
function isArticleUrl(url: string): boolean {
  const path = lowerPath(url);
  const file = path.split('/').pop() ?? '';
  if (!file || /^(index|default)(_\d+)?\./.test(file)) return false;
  return /^(t\d{8}_\d+|art_\d+|content_\d+)/.test(file) || /\/(19|20)\d{2}(\d{2}|\/\d{1,2}(\/\d{1,2})?)\//.test(path);
}

/** Titles, not column names: 「关于…」 is how a document's title starts. */
const TITLE_START = /^关于/;

export function matchColumn(text: string, url: string, classes: Record<string, ColumnClass>): ColumnMatch | undefined {
  const label = normaliseLabel(text);
  let best: ColumnMatch | undefined;
  let bestLength = 0;
  const consider = (m: ColumnMatch, length: number) => {
    if (!best || m.strength > best.strength || (m.strength === best.strength && length > bestLength)) {
      best = m;
      bestLength = length;
    }
  };
  if (label && label.length <= MAX_LABEL_LENGTH && !/\d{4}/.test(label) && !TITLE_START.test(label) && !isArticleUrl(url)) {
    for (const [classId, cls] of Object.entries(classes)) {
      if (cls.exclude.some((w) => label.includes(w))) continue;
      for (const syn of cls.synonyms) {
        if (label === syn) consider({ classId, matchedBy: 'name', reason: `栏目名「${label}」= 同义词「${syn}」`, strength: 3 }, syn.length);
        else if (label.includes(syn)) consider({ classId, matchedBy: 'name', reason: `栏目名「${label}」含「${syn}」`, strength: 2 }, syn.length);
      }
    }
  }
  if (best) return best;
  // A slug alone identifies a column only when the label names nothing else (icons, images, English menus).
  const folder = columnFolder(url);
  if (!folder) return best;
  for (const [classId, cls] of Object.entries(classes)) {
    const slug = cls.slugs.find((s) => s === folder);
    if (slug) consider({ classId, matchedBy: 'slug', reason: `URL 路径含栏目代码「${slug}」`, strength: 1 }, slug.length);
  }
  return best;
}
