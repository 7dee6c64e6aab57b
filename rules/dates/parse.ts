import type { DateConfidence, IsoDate } from '../model/snapshot.ts';
import { dateOf, isoDate, isValidYmd, parseIso } from './days.ts';

/** A date found in text. `text` is the exact slice of the input it was read from (time included). */
export interface ParsedDate {
  date: IsoDate;
  confidence: DateConfidence;
  text: string;
  hasTime: boolean;
}

/** What the caller knows that the text does not say: where a year-less `MM-DD` belongs. */
export interface ParseDateContext {
  /** Year for dates written without one, known from the page (`inferred-year`); wins over `notAfter`. */
  defaultYear?: number;
  /** Latest plausible date, e.g. the capture day; a year-less `MM-DD` takes the latest year not after it (`guessed-year`). */
  notAfter?: IsoDate;
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/** Both 〇 (U+3007) and ○ (U+25CB) are typed for zero in written-out years; `O` comes from careless typing and OCR. */
const CN_DIGITS: Readonly<Record<string, number>> = {
  '〇': 0, '○': 0, '零': 0, 'O': 0,
  '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};
const CN_DIGIT_CLASS = '〇○零一二三四五六七八九';
const YEAR = `([0-9O${CN_DIGIT_CLASS}]{4})`;
const MONTH_OR_DAY = `(\\d{1,2}|[${CN_DIGIT_CLASS}十廿卅]{1,3})`;
/** A digit of any script just before a match means the match is the tail of some longer number. */
const NOT_AFTER_NUMERAL = `(?<![0-9${CN_DIGIT_CLASS}十廿卅])`;

/** `2019-05-21`, `2019/5/21`, `2019.05.21`: one separator used twice. */
const NUMERIC_YMD = /(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/g;

/** `2019年5月21日`, `二〇一九年五月二十一日`, and mixtures. */
const CJK_YMD = new RegExp(`${NOT_AFTER_NUMERAL}${YEAR}\\s*年\\s*${MONTH_OR_DAY}\\s*月\\s*${MONTH_OR_DAY}\\s*[日号]`, 'g');

/**
 * `5月21日` without a year. Not after `<digits>年`: that is a full date whose year was rejected (1989年…), and
 * reading its tail alone would invent a date. `今年5月21日` still counts. The leading lookahead keeps the
 * variable-length lookbehind from running at every position of a long text.
 */
const CJK_MD = new RegExp(
  `(?=[0-9${CN_DIGIT_CLASS}十廿卅])${NOT_AFTER_NUMERAL}(?<![0-9${CN_DIGIT_CLASS}]年\\s{0,20})` +
    `${MONTH_OR_DAY}\\s*月\\s*${MONTH_OR_DAY}\\s*[日号]`,
  'g',
);

/**
 * `06-04` on list pages. Padded only: unpadded `3-5` is far more often a range than a date. Counted things
 * (`10-12月`, `3-05个工作日`, `第10-12条`) and pieces of longer dashed/dotted/timed numbers are not dates.
 */
const NUMERIC_MD = /(?<![\d\-/.:第])(\d{2})-(\d{2})(?![\d\-/.:]|\s*[条款项页号人个天岁元万%名位次期年月日时分秒版章节])/g;

/** A time right after a date: `T10:30`, ` 10:30:00`, `10时30分`. Never across a line break. */
const TIME_AFTER_DATE =
  /(?:T|[^\S\r\n]*)(?:(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?![\d:])|(\d{1,2})[时点](\d{1,2})分(?:(\d{1,2})秒)?)/y;

interface Candidate {
  start: number;
  end: number;
  /** Absent when the text gives none. */
  year?: number;
  month: number;
  day: number;
}

/** Finds the first date in a string. Returns undefined when there is none. */
export function parseDate(text: string, ctx?: ParseDateContext): ParsedDate | undefined {
  return findDates(text, ctx)[0];
}

/** Every date in a string, in order. */
export function findDates(text: string, ctx: ParseDateContext = {}): ParsedDate[] {
  const s = toHalfWidth(text);
  const found: ParsedDate[] = [];
  let taken = 0;
  for (const c of readCandidates(s)) {
    if (c.start < taken) continue;
    const parsed = toParsedDate(c, text, s, ctx);
    if (!parsed) continue;
    found.push(parsed);
    taken = c.start + parsed.text.length;
  }
  return found;
}

/**
 * Full-width digits and punctuation to ASCII, one UTF-16 unit for one, so that offsets into the result are
 * offsets into the original too.
 */
function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000\u2010\u2011\u2212\uFE63]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code === 0x3000) return ' ';
    if (code >= 0xff01) return String.fromCharCode(code - 0xfee0);
    return '-';
  });
}

/** All candidates, earliest first and longest first at the same start, for the caller to take without overlap. */
function readCandidates(s: string): Candidate[] {
  const all = [...numericYmd(s), ...cjkYmd(s), ...numericMd(s), ...cjkMd(s)];
  return all.sort((a, b) => a.start - b.start || b.end - a.end);
}

function* numericYmd(s: string): Iterable<Candidate> {
  for (const m of s.matchAll(NUMERIC_YMD)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isInsideLongerNumberChain(s, start, end, m[2]!)) continue;
    yield { start, end, year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) };
  }
}

function* cjkYmd(s: string): Iterable<Candidate> {
  for (const m of s.matchAll(CJK_YMD)) {
    const year = readYearDigits(m[1]!);
    const month = readSmallNumber(m[2]!);
    const day = readSmallNumber(m[3]!);
    if (year === undefined || month === undefined || day === undefined) continue;
    yield { start: m.index, end: m.index + m[0].length, year, month, day };
  }
}

function* numericMd(s: string): Iterable<Candidate> {
  for (const m of s.matchAll(NUMERIC_MD)) {
    yield { start: m.index, end: m.index + m[0].length, month: Number(m[1]), day: Number(m[2]) };
  }
}

function* cjkMd(s: string): Iterable<Candidate> {
  for (const m of s.matchAll(CJK_MD)) {
    const month = readSmallNumber(m[1]!);
    const day = readSmallNumber(m[2]!);
    if (month === undefined || day === undefined) continue;
    yield { start: m.index, end: m.index + m[0].length, month, day };
  }
}

/**
 * Version numbers (`2.0.2019.12.5`) and similar dotted/dashed chains contain a date-shaped piece. A date
 * touching another full date (`2019-05-01-2019-05-31`) is a range, not a chain.
 */
function isInsideLongerNumberChain(s: string, start: number, end: number, sep: string): boolean {
  const continuesAfter = s[end] === sep && isAsciiDigit(s[end + 1]) && !/^\d{4}(?!\d)/.test(s.slice(end + 1, end + 6));
  const continuesBefore =
    s[start - 1] === sep &&
    isAsciiDigit(s[start - 2]) &&
    !/\d{4}([-/.])\d{1,2}\1\d{1,2}$/.test(s.slice(Math.max(0, start - 11), start - 1));
  return continuesAfter || continuesBefore;
}

function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Years are written digit by digit (二〇一九), never as a counted number. */
function readYearDigits(text: string): number | undefined {
  let year = 0;
  for (const ch of text) {
    const digit = isAsciiDigit(ch) ? Number(ch) : CN_DIGITS[ch];
    if (digit === undefined) return undefined;
    year = year * 10 + digit;
  }
  return year;
}

/** Month or day, as ASCII digits or a Chinese count: 五, 十, 十二, 二十一, 廿一, 三十, 卅. */
function readSmallNumber(text: string): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const padded = /^[〇○零]?([一二三四五六七八九])$/.exec(text);
  if (padded) return CN_DIGITS[padded[1]!];
  const counted = /^([一二三四五六七八九]?十|廿|卅)([一二三四五六七八九])?$/.exec(text);
  if (!counted) return undefined;
  return tensOf(counted[1]!) * 10 + (counted[2] ? CN_DIGITS[counted[2]]! : 0);
}

function tensOf(prefix: string): number {
  if (prefix === '廿') return 2;
  if (prefix === '卅') return 3;
  return prefix.length === 1 ? 1 : CN_DIGITS[prefix[0]!]!;
}

function toParsedDate(c: Candidate, original: string, s: string, ctx: ParseDateContext): ParsedDate | undefined {
  const year = c.year ?? inferYear(c.month, c.day, ctx);
  if (year === undefined || !isPlausibleDate(year, c.month, c.day)) return undefined;
  const timeLength = timeLengthAt(s, c.end);
  return {
    date: isoDate(year, c.month, c.day),
    confidence: c.year !== undefined ? 'exact' : ctx.defaultYear !== undefined ? 'inferred-year' : 'guessed-year',
    text: original.slice(c.start, c.end + timeLength),
    hasTime: timeLength > 0,
  };
}

function isPlausibleDate(year: number, month: number, day: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR && isValidYmd(year, month, day);
}

/** The latest year that puts the date on or before `notAfter`; a leap day may need to go back up to 8 years. */
function inferYear(month: number, day: number, ctx: ParseDateContext): number | undefined {
  if (ctx.defaultYear !== undefined) return ctx.defaultYear;
  if (ctx.notAfter === undefined) return undefined;
  const limit = dateOf(ctx.notAfter);
  const latest = parseIso(limit).year;
  for (let year = latest; year >= latest - 8; year--) {
    if (isValidYmd(year, month, day) && isoDate(year, month, day) <= limit) return year;
  }
  return undefined;
}

/** Length of a valid time of day starting at `at`, or 0. */
function timeLengthAt(s: string, at: number): number {
  TIME_AFTER_DATE.lastIndex = at;
  const m = TIME_AFTER_DATE.exec(s);
  if (!m) return 0;
  const hour = Number(m[1] ?? m[4]);
  const minute = Number(m[2] ?? m[5]);
  const second = Number(m[3] ?? m[6] ?? 0);
  return hour <= 23 && minute <= 59 && second <= 59 ? m[0].length : 0;
}
