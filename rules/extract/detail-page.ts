import type { PageDocument, PageElement } from '../page/node.ts';
import { findDates, parseDate, type ParseDateContext, type ParsedDate } from '../dates/parse.ts';
import { allElements, findFirst } from './tree.ts';
import { collapseWhitespace, textOf } from './text.ts';
import { extractMeta } from './nav-links.ts';

export interface DetailDates {
  /** 发布日期: when the item went online. */
  publishDate?: ParsedDate;
  /** 成文日期: when the document was signed; the 20-working-day disclosure clock starts here. */
  formedDate?: ParsedDate;
  title?: string;
}

/** Meta names that carry the publish time, most specific first (compared case-insensitively). */
const PUBLISH_META = ['pubdate', 'publishdate', 'firstpublishedtime', 'publishtime', 'published_time', 'article:published_time'];
const TITLE_META = ['articletitle', 'title', 'og:title'];

/** Labels in 信息公开 metadata tables and article headers. */
const PUBLISH_LABEL = /(发布日期|发布时间|公开日期|公开时间|发文日期|发布于)\s*[:：]?\s*/g;
const FORMED_LABEL = /(成文日期|成文时间|印发日期)\s*[:：]?\s*/g;
/** How far after a label its value may start: a separator, a cell boundary, a bracket. */
const LABEL_GAP = 4;

/**
 * Dates and title of an article page, from (in order) its meta tags, its 信息公开 metadata table
 * (索引号/发布机构/成文日期/发布日期 …), or a `发布时间：…` line. 成文日期 is never taken as the publish date.
 */
export function extractDetailDates(doc: PageDocument, ctx: ParseDateContext = {}): DetailDates {
  const meta = lowerCaseKeys(extractMeta(doc));
  const out: DetailDates = {};
  const bodyText = textOf(findFirst(doc.root, (el) => el.tag === 'body') ?? doc.root);
  const publishDate = metaDate(meta, ctx) ?? labelledDate(bodyText, PUBLISH_LABEL, ctx);
  if (publishDate) out.publishDate = publishDate;
  const formedDate = labelledDate(bodyText, FORMED_LABEL, ctx);
  if (formedDate) out.formedDate = formedDate;
  const title = pageTitle(doc, meta);
  if (title) out.title = title;
  return out;
}

function lowerCaseKeys(record: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) out[k.toLowerCase()] ??= v;
  return out;
}

function metaDate(meta: Record<string, string>, ctx: ParseDateContext): ParsedDate | undefined {
  for (const name of PUBLISH_META) {
    const content = meta[name];
    if (!content) continue;
    // Some CMSs write `2024-01-05-10:30:15`; a dash before the clock would read as a longer number chain.
    const parsed = parseDate(content.replace(/^(\d{4}-\d{1,2}-\d{1,2})[-T](\d{1,2}:)/, '$1 $2'), ctx);
    if (parsed && parsed.confidence === 'exact') return parsed;
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
