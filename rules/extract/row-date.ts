import type { DateConfidence, IsoDate } from '../model/snapshot.ts';
import type { PageElement, PageNode } from '../page/node.ts';
import { findDates, parseDate, type ParseDateContext, type ParsedDate } from '../dates/parse.ts';
import { allElements, nameTokens } from './tree.ts';
import { collapseWhitespace, commentTexts, shortTextOf, textOf } from './text.ts';

/** A date read off a page element, with the text it came from. */
export interface FoundDate {
  date: IsoDate;
  confidence: DateConfidence;
  /** The text as it stands on the page (a year from a comment is shown as `<!--2018-->06-04`). */
  text: string;
  /** The element the date was read from, when one holds only the date. */
  element?: PageElement;
}

/** Labels that may sit beside a date inside its element (`发布时间：2024-01-05`). */
const DATE_LABEL = /发布(日期|时间)|更新(日期|时间)|公开(日期|时间)|日期|时间|date|time/gi;
const DATE_PUNCTUATION = /[\s\[\]［］【】()（）〔〕:：|｜\-—·•]/g;
const CLOCK = /[0-9０-９]{1,2}[:：][0-9０-９]{2}([:：][0-9０-９]{2})?/g;
const DATE_CLASS = /date|time|rq|sj|riqi|shijian|day/;
/** Header lines that show the day of capture, not of publication. */
const CAPTURE_DAY = /(今天是|今日是|今天|当前日期|当前时间|现在是)[:：]?\s*[^\s，。]{0,24}(\s*(星期|周)[一二三四五六日天])?/g;
/** Longer than any labelled date with a clock (`发布时间：2024-01-05 12:00:00`). */
const DATE_ELEMENT_MAX_CHARS = 60;
/** A comment short enough to be a year note (`2018`, ` 2018年 `, `2018-`), with no markup in it. */
const YEAR_COMMENT = /^[^<>]{0,16}$/;
const FOUR_DIGIT_YEAR = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/;

export function toFound(parsed: ParsedDate, element?: PageElement): FoundDate {
  return { date: parsed.date, confidence: parsed.confidence, text: parsed.text, ...(element ? { element } : {}) };
}

/** The only date in `text` when the text is little more than that date (labels, brackets and a clock allowed). */
export function dateOnlyText(text: string, ctx: ParseDateContext): ParsedDate | undefined {
  const dates = findDates(text, ctx);
  if (dates.length !== 1) return undefined;
  const rest = text.replace(dates[0]!.text, '').replace(CLOCK, '').replace(DATE_LABEL, '').replace(DATE_PUNCTUATION, '');
  return rest.length <= 2 ? dates[0] : undefined;
}

/**
 * The date an element shows, completing a month-day with a year kept in an HTML comment inside it
 * (`<span class="date"><!--2018-->06-04</span>`): the year is on the page, so the date counts as exact.
 */
export function dateOfElement(el: PageElement, ctx: ParseDateContext): FoundDate | undefined {
  // A date element holds little more than the date: reading at most a short text keeps probing every element of
  // a deep row linear.
  const visible = shortTextOf(el, DATE_ELEMENT_MAX_CHARS);
  if (!visible) return undefined;
  const parsed = dateOnlyText(visible, ctx);
  if (parsed && parsed.confidence === 'exact') return toFound(parsed, el);
  const fromComment = withCommentYear(el, visible, ctx);
  if (fromComment) return fromComment;
  const split = YEAR_THEN_MONTH_DAY.exec(visible);
  if (split) {
    // The year in its own line above the month-day (`<div>--2021--</div><p>06-09</p>`): shown, so exact.
    const joined = parseDate(`${split[1]}-${split[2]}-${split[3]}`, ctx);
    if (joined) return { date: joined.date, confidence: 'exact', text: visible, element: el };
  }
  return parsed ? toFound(parsed, el) : undefined;
}

/** A year and a month-day written apart in one small element, with only decoration between (`--2021-- 06-09`). */
const YEAR_THEN_MONTH_DAY = /^[\s\-—–~·_*=#|]{0,4}((?:19|20)\d{2})[\s\-—–~·_*=#|]{1,6}(\d{2})[-/.](\d{2})[\s\-—–~·_*=#|]{0,4}$/;

function withCommentYear(el: PageElement, visible: string, ctx: ParseDateContext): FoundDate | undefined {
  // Only a comment that holds a year and little else: a commented-out old row (`<!--<li>…2015-01-01…</li>-->`) is
  // markup the browser does not show, not the year of the visible date.
  const comments = commentTexts(el).filter((c) => YEAR_COMMENT.test(c));
  const year = comments.map((c) => FOUR_DIGIT_YEAR.exec(c)?.[1]).find(Boolean);
  if (!year) return undefined;
  const monthDay = /^[\s[［【(（]*([0-9０-９]{1,2})\s*[-/.－／．月]\s*([0-9０-９]{1,2})\s*日?[\s\]］】)）]*$/.exec(visible);
  if (!monthDay) return undefined;
  const parsed = parseDate(`${year}-${monthDay[1]}-${monthDay[2]}`, ctx);
  if (!parsed) return undefined;
  const comment = comments.find((c) => c.includes(year))!;
  return { date: parsed.date, confidence: 'exact', text: `<!--${comment}-->${visible}`, element: el };
}

/**
 * Elements in `row` that hold a date and (nearly) nothing else, outermost first, skipping `skip` subtrees.
 * The row itself and `link` are not candidates, but a date span inside the link is.
 */
export function dateElements(row: PageElement, link: PageElement | undefined, ctx: ParseDateContext, skip: ReadonlySet<PageNode>): FoundDate[] {
  const out: FoundDate[] = [];
  const stack: PageElement[] = [row];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (skip.has(el)) continue;
    if (el !== row && el !== link && el.tag !== 'script' && el.tag !== 'style') {
      const found = dateOfElement(el, ctx);
      if (found) {
        out.push(found);
        continue; // an inner span of a date element is the same date
      }
    }
    for (let i = el.children.length - 1; i >= 0; i--) {
      const child = el.children[i]!;
      if (child.type === 'element') stack.push(child);
    }
  }
  return out;
}

/** Prefer an element whose class or id says it is a date; otherwise the last one (dates sit at the row end). */
export function pickDateElement(found: FoundDate[]): FoundDate | undefined {
  return found.find((f) => f.element && nameTokens(f.element).some((t) => DATE_CLASS.test(t))) ?? found[found.length - 1];
}

export interface RowDateOptions {
  /** The cell of the table's 发布日期 column: when given, the date comes from it alone. */
  dateCell?: PageElement | null;
  /** Subtrees never read for a date (cells of 成文日期 columns). */
  skip?: ReadonlySet<PageNode>;
}

/**
 * The publish date of a list row. Order: the table's date column; an element holding only a date; the row text
 * outside its links; the part of the link text beyond its title attribute. A date inside the title itself is
 * never used, and a row with no date gets none.
 */
export function rowDate(row: PageElement, link: PageElement, ctx: ParseDateContext, opts: RowDateOptions = {}): FoundDate | undefined {
  if (opts.dateCell !== undefined) return opts.dateCell ? dateOfElement(opts.dateCell, ctx) ?? lastDateIn(opts.dateCell, ctx) : undefined;
  const skip = opts.skip ?? new Set<PageNode>();
  const element = pickDateElement(dateElements(row, link, ctx, skip));
  if (element) return element;
  const links = allElements(row).filter((e) => e.tag === 'a');
  const outside = textOf(row, { exclude: new Set<PageNode>([...skip, ...links]) });
  const fromRowText = lastDate(outside, ctx);
  if (fromRowText) return fromRowText;
  const title = collapseWhitespace(link.attrs.title ?? '');
  const linkText = textOf(link);
  if (title && linkText.includes(title) && linkText !== title) return lastDate(linkText.replace(title, ' '), ctx);
  return cardDate(link, ctx);
}

/**
 * A link that wraps a whole card (`<a><div>title</div><div>[提交时间：…] … [回复时间：…]</div></a>`): the first date
 * of the blocks after the title block. The block is returned as the element so the title leaves it out.
 */
function cardDate(link: PageElement, ctx: ParseDateContext): FoundDate | undefined {
  const blocks = link.children.filter((c): c is PageElement => c.type === 'element' && c.tag !== 'img');
  if (blocks.length < 2) return undefined;
  for (const block of blocks.slice(1)) {
    const first = findDates(textOf(block).replace(CAPTURE_DAY, ' '), ctx)[0];
    if (first) return toFound(first, block);
  }
  return undefined;
}

function lastDateIn(el: PageElement, ctx: ParseDateContext): FoundDate | undefined {
  const found = lastDate(textOf(el), ctx);
  return found ? { ...found, element: el } : undefined;
}

function lastDate(text: string, ctx: ParseDateContext): FoundDate | undefined {
  const cleaned = text.replace(CAPTURE_DAY, ' ');
  const dates = findDates(cleaned, ctx);
  const last = dates[dates.length - 1];
  return last ? toFound(last) : undefined;
}
