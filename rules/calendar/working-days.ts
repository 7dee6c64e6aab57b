import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { addDays, dateOf, parseIso, weekday } from '../dates/days.ts';
import type { IsoDate } from '../model/snapshot.ts';

/** The official Chinese working-day calendar (国务院办公厅 holiday notices, with 调休 make-up days). */
export interface WorkCalendar {
  /** Years with official data, inclusive. */
  readonly coverage: { from: number; to: number };
  /** undefined = calendar unknown for that year (never guess). */
  isWorkday(d: IsoDate): boolean | undefined;
  /** The date that is n working days after d (n >= 0; n working days counted strictly after d; n=0 returns d). undefined if any day needed falls outside coverage. */
  addWorkdays(d: IsoDate, n: number): IsoDate | undefined;
  /** Number of working days in (a, b] — after a, up to and including b; negative if b < a. undefined if outside coverage. */
  workdaysBetween(a: IsoDate, b: IsoDate): number | undefined;
}

interface CalendarData {
  holidays: Record<string, unknown>;
  workdays: Record<string, unknown>;
}

/** For tests and for future years an operator supplies: a calendar from explicit holiday/workday lists. */
export function calendarFromData(data: CalendarData, coverage: { from: number; to: number } = yearsIn(data)): WorkCalendar {
  const holidays = new Set(Object.keys(data.holidays).map(dateOf));
  const workdays = new Set(Object.keys(data.workdays).map(dateOf));

  const isWorkday = (d: IsoDate): boolean | undefined => {
    const day = dateOf(d);
    const { year } = parseIso(day);
    if (year < coverage.from || year > coverage.to) return undefined;
    if (workdays.has(day)) return true;
    return isMondayToFriday(day) && !holidays.has(day);
  };

  const addWorkdays = (d: IsoDate, n: number): IsoDate | undefined => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkdays needs a whole number >= 0, got ${n}`);
    let day = dateOf(d);
    for (let left = n; left > 0; ) {
      day = addDays(day, 1);
      const working = isWorkday(day);
      if (working === undefined) return undefined;
      if (working) left--;
    }
    return day;
  };

  /** Working days in (from, to] for from <= to; one unknown day makes the whole count unknown. */
  const countForward = (from: IsoDate, to: IsoDate): number | undefined => {
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
      const working = isWorkday(day);
      if (working === undefined) return undefined;
      if (working) count++;
    }
    return count;
  };

  const workdaysBetween = (a: IsoDate, b: IsoDate): number | undefined => {
    const from = dateOf(a);
    const to = dateOf(b);
    if (to >= from) return countForward(from, to);
    const backwards = countForward(to, from);
    if (backwards === undefined) return undefined;
    return backwards === 0 ? 0 : -backwards; // never -0, which toBe(0) and Object.is tell apart
  };

  return { coverage: { ...coverage }, isWorkday, addWorkdays, workdaysBetween };
}

/** The calendar from the `chinese-days` data, which matches the official notices; coverage follows the data. */
export const officialCalendar: WorkCalendar = calendarFromData(data);

function isMondayToFriday(d: IsoDate): boolean {
  const day = weekday(d);
  return day !== 0 && day !== 6;
}

/** Coverage is the span of years the lists mention: a year they never mention is unknown, not ordinary. */
function yearsIn(data: CalendarData): { from: number; to: number } {
  const years = [...Object.keys(data.holidays), ...Object.keys(data.workdays)].map((d) => parseIso(d).year);
  if (years.length === 0) throw new RangeError('calendar data lists no days: pass the coverage explicitly');
  return { from: Math.min(...years), to: Math.max(...years) };
}
