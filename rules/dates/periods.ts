import type { IsoDate } from '../model/snapshot.ts';
import { addDays, addMonths, isoDate, parseIso, weekday } from './days.ts';

/** Reporting periods for periodic obligations (每日/每周/每月/按季度/每半年/每年). Weeks run Monday to Sunday. */

export type Frequency = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'half-yearly' | 'yearly';

export interface Period {
  start: IsoDate;
  /** Last day, inclusive. */
  end: IsoDate;
  label: string;
}

export function periodContaining(d: IsoDate, f: Frequency): Period {
  const { year, month } = parseIso(d);
  switch (f) {
    case 'daily':
      return { start: d, end: d, label: d };
    case 'weekly': {
      const start = addDays(d, -((weekday(d) + 6) % 7));
      return { start, end: addDays(start, 6), label: `${start}~${addDays(start, 6)}` };
    }
    case 'monthly': {
      const start = isoDate(year, month, 1);
      return { start, end: addDays(addMonths(start, 1), -1), label: `${year}年${month}月` };
    }
    case 'quarterly': {
      const q = Math.floor((month - 1) / 3);
      const start = isoDate(year, q * 3 + 1, 1);
      return { start, end: addDays(addMonths(start, 3), -1), label: `${year}年第${q + 1}季度` };
    }
    case 'half-yearly': {
      const h = month <= 6 ? 0 : 1;
      const start = isoDate(year, h * 6 + 1, 1);
      return { start, end: addDays(addMonths(start, 6), -1), label: `${year}年${h ? '下' : '上'}半年` };
    }
    case 'yearly':
      return { start: isoDate(year, 1, 1), end: isoDate(year, 12, 31), label: `${year}年` };
  }
}

export function previousPeriod(p: Period, f: Frequency): Period {
  return periodContaining(addDays(p.start, -1), f);
}

export function nextPeriod(p: Period, f: Frequency): Period {
  return periodContaining(addDays(p.end, 1), f);
}

/** A period a title names, with its granularity (a monthly rule must not count a quarterly report). */
export interface NamedPeriod {
  frequency: Frequency;
  period: Period;
}

const CN_NUMBER: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12,
};
const toNumber = (s: string): number => CN_NUMBER[s] ?? Number(s);
const halfWidth = (t: string) => t.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * A title without a year (「4月份」「第一季度」「上半年」) names the latest such period that starts on or before the
 * publication date: 「12月份」 published in January is last December.
 */
function latestStartingBy(published: IsoDate | undefined, f: Frequency, startOf: (year: number) => IsoDate): Period | undefined {
  if (!published) return undefined;
  const year = parseIso(published).year;
  const start = startOf(year) <= published ? startOf(year) : startOf(year - 1);
  return periodContaining(start, f);
}

/**
 * The period an item's title names: 「2026年4月」「4月份」「2026年第一季度」「上半年」「2025年度」「2025年」.
 * Titles name the period the data covers, which is what an obligation is about. A full date (「2026年4月15日」) is a
 * day, not a period, and names none here.
 */
export function periodNamedInTitle(title: string, published?: IsoDate): NamedPeriod | undefined {
  const t = halfWidth(title);
  const months = /(?:(\d{4})\s*年\s*)?(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月(份)?(?!\s*[\d一二三四五六七八九十]{1,3}\s*[日号])/g;
  for (const month of t.matchAll(months)) {
    // A bare 「4月」 without a year or 份 is too often part of a date range or an event; require one of them.
    if (!month[1] && !month[3]) continue;
    const m = toNumber(month[2]);
    const period = month[1]
      ? periodContaining(isoDate(Number(month[1]), m, 1), 'monthly')
      : latestStartingBy(published, 'monthly', (y) => isoDate(y, m, 1));
    if (period) return { frequency: 'monthly', period };
  }
  const quarter = /(?:(\d{4})\s*年\s*(?:度\s*)?)?(?:第\s*)?([一二三四1-4])\s*季度/.exec(t);
  if (quarter) {
    const q = toNumber(quarter[2]);
    const startOf = (y: number) => isoDate(y, q * 3 - 2, 1);
    const period = quarter[1] ? periodContaining(startOf(Number(quarter[1])), 'quarterly') : latestStartingBy(published, 'quarterly', startOf);
    if (period) return { frequency: 'quarterly', period };
  }
  const half = /(?:(\d{4})\s*年\s*(?:度\s*)?)?([上下])\s*半年/.exec(t);
  if (half) {
    const startOf = (y: number) => isoDate(y, half[2] === '上' ? 1 : 7, 1);
    const period = half[1] ? periodContaining(startOf(Number(half[1])), 'half-yearly') : latestStartingBy(published, 'half-yearly', startOf);
    if (period) return { frequency: 'half-yearly', period };
  }
  const year = /(\d{4})\s*年(?:度)?(?!\s*[\d一二三四五六七八九十]{1,2}\s*月)/.exec(t);
  if (year) return { frequency: 'yearly', period: periodContaining(isoDate(Number(year[1]), 1, 1), 'yearly') };
  return undefined;
}

/** How an item with no period in its title is read: as the period it was published in, or the one before (上月, 上季度). */
export type UntitledReading = 'same-period' | 'previous-period';

/**
 * The period an item reports on. From the title when it names one; otherwise from the publication date, shifted back
 * one period when the obligation is to publish 上月/上季度/上年度 figures. A title naming a period of another
 * granularity (a 季度 report under a monthly rule) reports on no period of this rule.
 */
export function reportedPeriod(title: string, published: IsoDate | undefined, f: Frequency, untitled: UntitledReading): Period | undefined {
  // Daily and weekly publications are read by their date: a month in their title is context, not their period.
  const named = f === 'daily' || f === 'weekly' ? undefined : periodNamedInTitle(title, published);
  if (named && named.frequency === f) return named.period;
  // A plain year in a title (「2026年城乡低保标准」) says little under a finer rule; a 季度 or 年度 report says a lot.
  const plainYear = named?.frequency === 'yearly' && !/年度/.test(title);
  if (named && !plainYear) return undefined;
  if (!published) return undefined;
  const own = periodContaining(published, f);
  return untitled === 'previous-period' ? previousPeriod(own, f) : own;
}
