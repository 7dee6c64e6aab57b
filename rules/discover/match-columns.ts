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

/** The last path segment is a further page of a list (`index_1.html`, `index_2.jhtml`, `list_3.html`). */
export function isPaginationUrl(url: string): boolean {
  const file = lowerPath(url).split('/').pop() ?? '';
  return /^(index|default|list|more)_\d+\.[a-z]+$/.test(file);
}

/**
 * The folder a column URL names (`/xxgk/tzgg/` or `/xxgk/tzgg/index.html` → `tzgg`), or nothing for an article
 * (`/zwdt/202611/t123.html` lives under a column but is not one) or a further page of a list.
 */
function columnFolder(url: string): string | undefined {
  const segments = lowerPath(url).split('/');
  const file = segments.pop() ?? '';
  if (file && !/^(index|default)\.[a-z]+$/.test(file)) return undefined;
  return segments.filter(Boolean).pop();
}

/**
 * Article pages by their URL: TRS `t20260114_123.html`, Hanweb `art_12_345.html`, `content_123.htm`, a numbered
 * file (`/zwtz/15182.jhtml`, EmpireCMS and JEECMS details), or any file under a dated folder (`/202601/`,
 * `/2026/1/14/`, `/2018-07-11/`). A home page's headline 「关于停水检修的通知」 links to one of these; it is news
 * inside a column, never the column.
 */
export function isArticleUrl(url: string): boolean {
  const path = lowerPath(url);
  const file = path.split('/').pop() ?? '';
  if (!file || /^(index|default)(_\d+)?\./.test(file)) return false;
  return /^(t\d{8}_\d+|art_\d+|content_\d+)/.test(file) || /^\d{2,}\.[a-z]+$/.test(file)
    || /\/(19|20)\d{2}(\d{2}|\/\d{1,2}(\/\d{1,2})?|-\d{1,2}(-\d{1,2})?)\//.test(path);
}

/** Titles, not column names: 「关于…」 is how a document's title starts. */
const TITLE_START = /^关于/;

/** Words that join two column names in one label (政策文件及解读, 预算、决算): each half names a column. */
const CONJUNCTION = /[及和与、／/⁄&]/;

interface LabelMatch extends ColumnMatch {
  start: number;
  end: number;
}

/** Compiled class patterns, cached per class object (packs are loaded once and never changed). */
const compiled = new WeakMap<ColumnClass, { patterns: RegExp[]; excludes: RegExp[] }>();
function regexesOf(cls: ColumnClass): { patterns: RegExp[]; excludes: RegExp[] } {
  let r = compiled.get(cls);
  if (!r) {
    r = { patterns: (cls.patterns ?? []).map((p) => new RegExp(p, 'u')), excludes: (cls.excludePatterns ?? []).map((p) => new RegExp(p, 'u')) };
    compiled.set(cls, r);
  }
  return r;
}

/** The surest name match of one class on a label: equal synonym > contained synonym or pattern (longer first). */
function nameMatch(classId: string, cls: ColumnClass, label: string): LabelMatch | undefined {
  const { patterns, excludes } = regexesOf(cls);
  if (cls.exclude.some((w) => label.includes(w)) || excludes.some((r) => r.test(label))) return undefined;
  let best: LabelMatch | undefined;
  const consider = (m: LabelMatch) => {
    if (!best || m.strength > best.strength || (m.strength === best.strength && m.end - m.start > best.end - best.start)) best = m;
  };
  for (const syn of cls.synonyms) {
    if (label === syn) consider({ classId, matchedBy: 'name', reason: `栏目名「${label}」= 同义词「${syn}」`, strength: 3, start: 0, end: label.length });
    else {
      const at = label.indexOf(syn);
      if (at >= 0) consider({ classId, matchedBy: 'name', reason: `栏目名「${label}」含「${syn}」`, strength: 2, start: at, end: at + syn.length });
    }
  }
  for (const [i, re] of patterns.entries()) {
    const m = re.exec(label);
    if (m) consider({ classId, matchedBy: 'name', reason: `栏目名「${label}」符合模式「${cls.patterns[i]}」`, strength: 2, start: m.index, end: m.index + m[0].length });
  }
  return best;
}

/**
 * Chinese names are head-last: 「政务公开动态」 is a 动态 column, 「政府信息公开目录」 a 目录. A class whose match ends
 * before the label does gives way to one whose match reaches the end, unless a conjunction joins the two names.
 */
function headsOnly(matches: LabelMatch[], label: string): LabelMatch[] {
  const atEnd = matches.filter((m) => m.end === label.length);
  if (atEnd.length === 0) return matches;
  return matches.filter((m) => m.end === label.length || atEnd.some((h) => m.end <= h.start && CONJUNCTION.test(label.slice(m.end, h.start))));
}

/**
 * Every column class a link names, surest first. One link may name several (「政策文件及解读」, a 信息公开 page
 * that is also the 指南); a URL slug counts only when the label names nothing (icons, images, English menus).
 * Pagination pages and article pages are never columns, except that a document class (a 指南, a 制度) may be an
 * article its link names.
 */
export function matchColumnClasses(text: string, url: string, classes: Record<string, ColumnClass>): ColumnMatch[] {
  if (isPaginationUrl(url)) return [];
  const label = normaliseLabel(text);
  const article = isArticleUrl(url);
  const named: LabelMatch[] = [];
  if (label && label.length <= MAX_LABEL_LENGTH && !/\d{4}/.test(label) && !TITLE_START.test(label)) {
    for (const [classId, cls] of Object.entries(classes)) {
      if (article && !cls.document) continue;
      const m = nameMatch(classId, cls, label);
      if (m) named.push(m);
    }
  }
  if (named.length === 0 && label.length > MAX_LABEL_LENGTH && !TITLE_START.test(label)) {
    // A document's own title names it at its end: 「某某县政府信息公开指南」 is the 指南 wherever it is listed.
    for (const [classId, cls] of Object.entries(classes)) {
      const syn = cls.document ? cls.synonyms.find((s) => s.length >= 4 && label.endsWith(s)) : undefined;
      if (syn) named.push({ classId, matchedBy: 'name', reason: `文档标题「${label}」以「${syn}」结尾`, strength: 2, start: label.length - syn.length, end: label.length });
    }
  }
  if (named.length > 0) {
    return headsOnly(named, label)
      .sort((a, b) => b.strength - a.strength || (b.end - b.start) - (a.end - a.start))
      .map(({ start: _s, end: _e, ...m }) => m);
  }
  const folder = columnFolder(url);
  if (!folder) return [];
  let best: ColumnMatch | undefined;
  let bestLength = 0;
  for (const [classId, cls] of Object.entries(classes)) {
    const slug = cls.slugs.find((s) => s === folder);
    if (slug && slug.length > bestLength) {
      best = { classId, matchedBy: 'slug', reason: `URL 路径含栏目代码「${slug}」`, strength: 1 };
      bestLength = slug.length;
    }
  }
  return best ? [best] : [];
}

/** The surest column class a link names (see matchColumnClasses). */
export function matchColumn(text: string, url: string, classes: Record<string, ColumnClass>): ColumnMatch | undefined {
  return matchColumnClasses(text, url, classes)[0];
}

/** A link that looks like a column of a class but was not taken, and why: evidence for "column not found". */
export interface NearMiss {
  classId: string;
  why: string;
}

/**
 * The classes a link's label names (by synonym or pattern) that matchColumnClasses did not give it, each with the
 * reason: an excluded word, an article or pagination URL, a headline-length label, another class named last.
 */
export function nearMisses(text: string, url: string, classes: Record<string, ColumnClass>): NearMiss[] {
  const label = normaliseLabel(text);
  if (!label) return [];
  const taken = new Set(matchColumnClasses(text, url, classes).map((m) => m.classId));
  const out: NearMiss[] = [];
  for (const [classId, cls] of Object.entries(classes)) {
    if (taken.has(classId)) continue;
    const { patterns, excludes } = regexesOf(cls);
    if (!cls.synonyms.some((s) => label.includes(s)) && !patterns.some((r) => r.test(label))) continue;
    const word = cls.exclude.find((w) => label.includes(w));
    const pattern = excludes.find((r) => r.test(label));
    const why = isPaginationUrl(url) ? '分页页面 / a further page of a list'
      : isArticleUrl(url) && !cls.document ? '文章页面 / an article page'
      : label.length > MAX_LABEL_LENGTH || /\d{4}/.test(label) || TITLE_START.test(label) ? '像文章标题 / reads as a headline'
      : word ? `排除词「${word}」/ excluded word`
      : pattern ? `排除模式「${pattern.source}」/ excluded pattern`
      : '名称的中心词属于其他栏目 / the name is headed by another class';
    out.push({ classId, why });
  }
  return out;
}
