import type { IsoDate } from '../model/snapshot.ts';
import { addDays, addMonths, isoDate, parseIso, weekday } from './days.ts';

/** Reporting periods for periodic obligations (每日/每周/每月/按季度/每年). Weeks run Monday to Sunday. */

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

const CN_QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/**
 * The period an item's title names, e.g. `2026年10月城乡低保…` → October 2026, `2026年第三季度…` → Q3.
 * Titles name the period the data covers, which is what an obligation is about; the publish date is not.
 */
export function periodNamedInTitle(title: string, f: Frequency): Period | undefined {
  const t = title.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (f === 'monthly') {
    const m = /(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*日)/.exec(t);
    if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return periodContaining(isoDate(Number(m[1]), Number(m[2]), 1), f);
  }
  if (f === 'quarterly') {
    const m = /(\d{4})\s*年\s*(?:第\s*)?([一二三四1-4])\s*季度/.exec(t);
    if (m) return periodContaining(isoDate(Number(m[1]), CN_QUARTER[m[2]] * 3 - 2, 1), f);
  }
  if (f === 'yearly') {
    const m = /(\d{4})\s*年(?:度)?(?!\s*\d{1,2}\s*月)/.exec(t);
    if (m) return periodContaining(isoDate(Number(m[1]), 1, 1), f);
  }
  return undefined;
}
