import type { IsoDate } from '../model/snapshot.ts';

/** Calendar-day arithmetic on `YYYY-MM-DD` strings, in UTC so no time zone can shift a day. */

const DAY_MS = 86_400_000;

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The local calendar date of a moment: the audit date is the day on the auditor's own calendar. */
export function localDate(d: Date): IsoDate {
  return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parseIso(d: IsoDate): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
  if (!m) throw new Error(`not an ISO date: ${d}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function toMs(d: IsoDate): number {
  const { year, month, day } = parseIso(d);
  return Date.UTC(year, month - 1, day);
}

function fromMs(ms: number): IsoDate {
  const t = new Date(ms);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return fromMs(toMs(d) + n * DAY_MS);
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toMs(b) - toMs(a)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: IsoDate): number {
  return new Date(toMs(d)).getUTCDay();
}

export function addMonths(d: IsoDate, n: number): IsoDate {
  const { year, month, day } = parseIso(d);
  const total = year * 12 + (month - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return isoDate(y, m, Math.min(day, daysInMonth(y, m)));
}


/** The calendar date part of an ISO timestamp or date. */
export function dateOf(isoTimestampOrDate: string): IsoDate {
  return parseIso(isoTimestampOrDate) && isoTimestampOrDate.slice(0, 10);
}
