import type { ItemObservation } from '../model/snapshot.ts';
import { daysBetween, isoDate, isValidYmd } from '../dates/days.ts';

/**
 * Year-less list dates (`11-27`, `[11-27]`) get a year from the item itself before anything else. Guessing "the
 * latest year not after the audit date" makes every item of a site that stopped years ago look recent, so a year
 * is taken, in order, from:
 *
 * 1. the item's URL, which most CMSs stamp with the publication day or month (TRS `t20201127_…`, `/202011/`,
 *    `/2020-11-27/`, `/2020/1127/`, `/2020/11/27/`): the year that puts the shown month-day nearest that stamp;
 * 2. the nearest item in the same list whose year is known (lists run newest first: the year of the item above,
 *    one less when the shown month-day is later than that item's).
 *
 * What is still a guess stays `guessed-year`, and the checks never pass or fail on it alone.
 */

/** A date (or a month: day undefined) stamped in a URL path. */
export interface UrlStamp {
  year: number;
  month: number;
  day?: number;
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/** Path patterns, most specific first. Each is anchored on `/` or `_`/`t` so that ids and counters do not match. */
const STAMPS: { re: RegExp; day: boolean }[] = [
  { re: /\/t((?:19|20)\d{2})(\d{2})(\d{2})_\d+/, day: true }, // TRS detail: t20201127_123456.html
  { re: /\/((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?=[/_.])/, day: true }, // /2020-11-27/
  { re: /\/((?:19|20)\d{2})\/(\d{2})(\d{2})(?=[/_.])/, day: true }, // /2020/1127/
  { re: /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?=\/)/, day: true }, // /2020/11/27/
  { re: /\/((?:19|20)\d{2})(\d{2})(\d{2})(?=\/)/, day: true }, // /20201127/
  { re: /\/((?:19|20)\d{2})(\d{2})(?=\/)/, day: false }, // /202011/
  { re: /\/((?:19|20)\d{2})\/(\d{1,2})(?=\/)/, day: false }, // /2020/11/
];

/** The publication day or month a URL's path carries, when it carries one. */
export function urlStamp(url: string | undefined): UrlStamp | undefined {
  if (!url) return undefined;
  // Item URLs are absolute (resolved by the extractor): drop scheme, host, query and fragment.
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split(/[?#]/)[0]!;
  for (const { re, day } of STAMPS) {
    const m = re.exec(path);
    if (!m) continue;
    const year = Number(m[1]);
    const month = Number(m[2]);
    const d = day ? Number(m[3]) : undefined;
    if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) continue;
    if (d !== undefined && !isValidYmd(year, month, d)) continue;
    return d === undefined ? { year, month } : { year, month, day: d };
  }
  return undefined;
}

/** The year (stamp's year or one either side) that puts `month-day` nearest the URL stamp. */
export function yearFromStamp(stamp: UrlStamp, month: number, day: number): number | undefined {
  const anchor = isoDate(stamp.year, stamp.month, stamp.day ?? 15);
  let best: { year: number; distance: number } | undefined;
  for (const year of [stamp.year, stamp.year - 1, stamp.year + 1]) {
    if (!isValidYmd(year, month, day)) continue;
    const distance = Math.abs(daysBetween(isoDate(year, month, day), anchor));
    if (!best || distance < best.distance) best = { year, distance };
  }
  return best?.year;
}

function monthDayOf(date: string): { month: number; day: number; md: string } {
  return { month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)), md: date.slice(5) };
}

function setYear(item: ItemObservation, year: number): boolean {
  const { month, day } = monthDayOf(item.date!);
  if (!isValidYmd(year, month, day)) return false;
  item.date = isoDate(year, month, day);
  item.dateConfidence = 'inferred-year';
  return true;
}

/**
 * Gives the year-less dates of one list their year from the items themselves (see above); changes the items in
 * place. Items whose year cannot be known keep the guess and stay `guessed-year`.
 */
export function settleItemYears(items: ItemObservation[]): void {
  for (const item of items) {
    if (item.dateConfidence !== 'guessed-year' || !item.date) continue;
    const stamp = urlStamp(item.url);
    if (!stamp) continue;
    const { month, day } = monthDayOf(item.date);
    const year = yearFromStamp(stamp, month, day);
    if (year !== undefined) setYear(item, year);
  }
  const known = (i: ItemObservation | undefined): boolean => !!i?.date && i.dateConfidence !== 'guessed-year';
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.dateConfidence !== 'guessed-year' || !item.date) continue;
    const { md } = monthDayOf(item.date);
    const above = findKnown(items, i, -1, known);
    if (above) {
      const year = Number(above.date!.slice(0, 4));
      setYear(item, md > above.date!.slice(5) ? year - 1 : year);
      continue;
    }
    const below = findKnown(items, i, 1, known);
    if (below) {
      const year = Number(below.date!.slice(0, 4));
      setYear(item, md < below.date!.slice(5) ? year + 1 : year);
    }
  }
}

function findKnown(items: ItemObservation[], from: number, step: 1 | -1, known: (i: ItemObservation | undefined) => boolean): ItemObservation | undefined {
  for (let j = from + step; j >= 0 && j < items.length; j += step) if (known(items[j])) return items[j];
  return undefined;
}
