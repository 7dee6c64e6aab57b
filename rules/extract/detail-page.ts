import type { PageDocument, PageElement } from '../page/node.ts';
import { findDates, parseDate, type ParseDateContext, type ParsedDate } from '../dates/parse.ts';
import { allElements, findFirst, indexPage, nameTokens, type PageIndex } from './tree.ts';
import { collapseWhitespace, ownText, shortTextOf, textOf } from './text.ts';
import { extractMeta } from './nav-links.ts';
import { isHotBlock, ownRegion } from './regions.ts';
import { urlStamp } from './item-year.ts';

export interface DetailDates {
  /** 发布日期: when the item went online. */
  publishDate?: ParsedDate;
  /** 成文日期: when the document was signed; the 20-working-day disclosure clock starts here. */
  formedDate?: ParsedDate;
  title?: string;
}

/** Meta names whose only meaning is "published at" (Open Graph, schema.org, news sites), compared trimmed and lower-cased. */
const STRUCTURED_META = ['og:release_date', 'og:time', 'article:published_time', 'og:published_time', 'datepublished', 'published_time'];
/** CMS meta names for the publish time. CMSs rewrite them whenever a page is regenerated, so they come last. */
const CMS_META = ['pubdate', 'publishdate', 'firstpublishedtime', 'publishtime'];
const TITLE_META = ['articletitle', 'title', 'og:title'];

/** Labels in 信息公开 metadata tables and article headers, strongest first. */
const PUBLISH_LABELS = [
  /(发布日期|发布时间|公开日期|公开时间|发布于|Release (?:time|date)|Publish(?:ed)? (?:time|date|on)|Date published)\s*[:：]?\s*/gi,
  // 开普 (ucap) metadata blocks give the day the catalogue record went on the site as 生成日期.
  /(生成日期)\s*[:：]?\s*/g,
];
/** 成文日期, and 发文日期 (the document's issue date, the slot the national template gives 成文日期). */
const FORMED_LABEL = /(成文日期|成文时间|印发日期|发文日期)\s*[:：]?\s*/g;
/** Short labels that mean the publish date only in the line that also says where the article came from. */
const SHORT_LABEL = /(发布|时间|日期|发表|发稿|更新)\s*[:：]\s*/g;
/** The article's info line: source, author, views. */
const INFO_LINE = /来源|来自|作者|稿件来源|信息来源|浏览|点击|阅读|访问量|Origin|Source|Author/i;
/** How far after a label its value may start: a separator, a cell boundary, a bracket. */
const LABEL_GAP = 4;
/** An info line longer than this is a paragraph. */
const INFO_LINE_MAX_CHARS = 200;

/**
 * Dates and title of an article page. The publish date comes, in order, from meta tags that can only mean it
 * (`og:release_date`, `og:time`, `itemprop="datePublished"`, JSON-LD `datePublished`); a visible label
 * (发布日期/发布时间 … in the metadata table or under the title); a short label (`发布:`, `时间：`) in the line that
 * names 来源/作者; the first full date in the title's info block; and last the CMS meta `PubDate`, unless it is the
 * page's generation stamp or later than the month the URL was filed under. Dates in navigation, sidebars, related
 * lists and comments are never read. 成文日期 is never taken as the publish date.
 */
export function extractDetailDates(doc: PageDocument, ctx: ParseDateContext = {}): DetailDates {
  const meta = lowerCaseKeys(extractMeta(doc));
  const index = indexPage(doc);
  const out: DetailDates = {};
  const bodyText = textOf(findFirst(doc.root, (el) => el.tag === 'body') ?? doc.root);
  const publishDate =
    structuredDate(index, meta, ctx) ??
    firstLabelled(bodyText, PUBLISH_LABELS, ctx) ??
    infoBlockDate(index, doc, meta, ctx) ??
    cmsMetaDate(meta, doc.url, ctx);
  if (publishDate) out.publishDate = publishDate;
  const formedDate = labelledDate(bodyText, FORMED_LABEL, ctx);
  if (formedDate) out.formedDate = formedDate;
  const title = pageTitle(doc, meta);
  if (title) out.title = title;
  return out;
}

function lowerCaseKeys(record: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) out[k.trim().toLowerCase()] ??= v;
  return out;
}

/** A full date from a meta or attribute value (`2024-01-05T10:30:00+08:00`, `2024-01-05-10:30:15`). */
function exactDate(value: string | undefined, ctx: ParseDateContext): ParsedDate | undefined {
  if (!value) return undefined;
  // Some CMSs write `2024-01-05-10:30:15`; a dash before the clock would read as a longer number chain.
  const parsed = parseDate(value.trim().replace(/^(\d{4}-\d{1,2}-\d{1,2})[-T](\d{1,2}:)/, '$1 $2'), ctx);
  return parsed?.confidence === 'exact' ? parsed : undefined;
}

function structuredDate(index: PageIndex, meta: Record<string, string>, ctx: ParseDateContext): ParsedDate | undefined {
  for (const name of STRUCTURED_META) {
    const parsed = exactDate(meta[name], ctx);
    if (parsed) return parsed;
  }
  for (const el of index.elements) {
    if ((el.attrs.itemprop ?? '').trim().toLowerCase() === 'datepublished') {
      const parsed = exactDate(el.attrs.content ?? el.attrs.datetime ?? textOf(el), ctx);
      if (parsed) return parsed;
    }
    if (el.tag === 'script' && (el.attrs.type ?? '').toLowerCase().includes('ld+json')) {
      const body = ownText(el);
      const parsed = exactDate(/"datePublished"\s*:\s*"([^"]+)"/.exec(body)?.[1], ctx);
      if (parsed) return parsed;
    }
  }
  return undefined;
}

/**
 * The CMS `PubDate` meta, unless the page says it is its generation time (`页面生成时间 …` in another meta) or it
 * falls after the month the URL files the page under (`/202305/`): both mark a regenerated page, not publication.
 */
function cmsMetaDate(meta: Record<string, string>, url: string, ctx: ParseDateContext): ParsedDate | undefined {
  const generation = Object.values(meta).filter((v) => /生成时间|generated/i.test(v));
  const stamp = urlStamp(url);
  for (const name of CMS_META) {
    const content = meta[name];
    const parsed = exactDate(content, ctx);
    if (!parsed) continue;
    if (generation.some((g) => g.includes(content!.trim()) || findDates(g, ctx).some((d) => d.date === parsed.date))) continue;
    if (stamp && parsed.date.slice(0, 7) > `${stamp.year}-${String(stamp.month).padStart(2, '0')}`) continue;
    return parsed;
  }
  return undefined;
}

function firstLabelled(text: string, labels: RegExp[], ctx: ParseDateContext): ParsedDate | undefined {
  for (const label of labels) {
    const found = labelledDate(text, label, ctx);
    if (found) return found;
  }
  return undefined;
}

/** The first full date right after one of the labels in the page text. */
function labelledDate(text: string, label: RegExp, ctx: ParseDateContext): ParsedDate | undefined {
  for (const m of text.matchAll(label)) {
    const after = m.index + m[0].length;
    const window = text.slice(after, after + 40);
    const first = findDates(window, ctx)[0];
    if (first && first.confidence === 'exact' && window.indexOf(first.text) <= LABEL_GAP) return first;
  }
  return undefined;
}

/** Elements that never hold the article's own date: page chrome, sidebars, 热点 and related-article lists. */
function offArticle(index: PageIndex, el: PageElement): boolean {
  if (isHotBlock(index, el)) return true;
  return [el, ...index.ancestors(el)].some((a) => {
    if (a.tag === 'li' || RELATED.test(`${a.attrs.class ?? ''} ${a.attrs.id ?? ''}`)) return true;
    const region = ownRegion(a);
    // `article-header`, `detail_header`: the article's own head (title and info line), not the page's.
    return region === 'sidebar' || region === 'footer' || (region === 'nav' && !nameTokens(a).some((t) => ARTICLE_WORD.test(t)));
  });
}

/** Related-article and 关联稿件 blocks. */
const RELATED = /related|relevant|xgwz|xgxx|xgwj|xgwd|glgj|guanlian/i;
/** Class words of an article's own parts. */
const ARTICLE_WORD = /^(article|detail|details|content|wenzhang|wz|xl|xq|news|info|arc|art)$/;

/**
 * The date of the title's info block: a short label (`发布:`, `时间：`) in the line naming 来源/作者, else the first
 * full date of that line, else the first full date of the element right after the title heading.
 */
function infoBlockDate(index: PageIndex, doc: PageDocument, meta: Record<string, string>, ctx: ParseDateContext): ParsedDate | undefined {
  const lines: string[] = [];
  for (const el of index.elements) {
    if (el.tag === 'script' || el.tag === 'style' || el.tag === 'head') continue;
    const text = shortTextOf(el, INFO_LINE_MAX_CHARS);
    if (text === undefined || !INFO_LINE.test(text) || findDates(text, ctx).every((d) => d.confidence !== 'exact')) continue;
    if (offArticle(index, el)) continue;
    lines.push(text);
  }
  // Innermost lines last in document order are the tightest; the label search does not care, the first-date does.
  for (const line of lines) {
    const labelled = labelledDate(line, SHORT_LABEL, ctx);
    if (labelled) return labelled;
  }
  const tightest = lines.filter((l) => !lines.some((other) => other !== l && l.includes(other)));
  for (const line of tightest) {
    const first = firstPlainDate(line, ctx);
    if (first) return first;
  }
  const heading = titleHeading(index, doc, meta);
  if (!heading) return undefined;
  const parent = index.parentOf(heading);
  const siblings = parent ? parent.children.filter((c): c is PageElement => c.type === 'element') : [];
  for (const next of siblings.slice(siblings.indexOf(heading) + 1, siblings.indexOf(heading) + 3)) {
    const text = shortTextOf(next, INFO_LINE_MAX_CHARS);
    if (text === undefined || offArticle(index, next)) continue;
    const first = firstPlainDate(text, ctx);
    if (first) return first;
  }
  return undefined;
}

/** Labels of dates that are something else than publication: signing, deadlines, meetings, validity. */
const OTHER_DATE_LABEL = /(成文|印发|发文|截止|有效|会议|开始|结束|办结|报名|开标|施行|实施)[^\d]{0,6}$/;

/** The first full date in `text` that no label marks as some other date. */
function firstPlainDate(text: string, ctx: ParseDateContext): ParsedDate | undefined {
  let from = 0;
  for (const d of findDates(text, ctx)) {
    const at = text.indexOf(d.text, from);
    from = at + d.text.length;
    if (d.confidence === 'exact' && !OTHER_DATE_LABEL.test(text.slice(Math.max(0, at - 12), at))) return d;
  }
  return undefined;
}

/** The article's heading: its `<h1>`, else an h2/h3 whose text is the article title. */
function titleHeading(index: PageIndex, doc: PageDocument, meta: Record<string, string>): PageElement | undefined {
  const h1 = index.elements.find((el) => el.tag === 'h1' && textOf(el) !== '' && !offArticle(index, el));
  if (h1) return h1;
  const title = pageTitle(doc, meta);
  if (!title) return undefined;
  return index.elements.find((el) => (el.tag === 'h2' || el.tag === 'h3') && !offArticle(index, el) && titleMatches(textOf(el), title));
}

function titleMatches(heading: string, title: string): boolean {
  return heading.length >= 4 && (title.includes(heading) || heading.includes(title));
}

function pageTitle(doc: PageDocument, meta: Record<string, string>): string | undefined {
  for (const name of TITLE_META) {
    const value = collapseWhitespace(meta[name] ?? '');
    if (value) return value;
  }
  const h1 = allElements(doc.root).find((el: PageElement) => el.tag === 'h1' && textOf(el) !== '');
  if (h1) return textOf(h1);
  const title = findFirst(doc.root, (el) => el.tag === 'title');
  const text = title ? textOf(title, { includeScripts: true }) : '';
  return text || undefined;
}
