import { isWorkday as packageIsWorkday } from 'chinese-days';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarFromData, officialCalendar as cal } from '../../rules/calendar/working-days.ts';
import { addDays, daysBetween } from '../../rules/dates/days.ts';

describe('officialCalendar: known official facts', () => {
  it('covers 2004–2026', () => {
    expect(cal.coverage).toEqual({ from: 2004, to: 2026 });
  });

  it.each([
    // 2019 劳动节 was extended to four days mid-year, with two Sunday make-up days.
    ['2019-04-28', true, '2019 劳动节 make-up Sunday'],
    ['2019-05-01', false, '2019 劳动节'],
    ['2019-05-02', false, '2019 劳动节'],
    ['2019-05-03', false, '2019 劳动节'],
    ['2019-05-04', false, '2019 劳动节 (Saturday)'],
    ['2019-05-05', true, '2019 劳动节 make-up Sunday'],
    // 2020 春节 was extended to 2 February because of COVID-19.
    ['2020-01-23', true, 'day before 2020 春节'],
    ['2020-01-24', false, '2020 春节 除夕'],
    ['2020-01-30', false, '2020 春节'],
    ['2020-01-31', false, '2020 春节 extension (Friday)'],
    ['2020-02-01', false, '2020 春节 extension (Saturday)'],
    ['2020-02-02', false, '2020 春节 extension (Sunday)'],
    ['2020-02-03', true, 'first working day after the 2020 extension'],
    ['2024-02-04', true, '2024 春节 make-up Sunday'],
    ['2024-02-18', true, '2024 春节 make-up Sunday'],
    ['2024-02-12', false, '2024 春节 Monday'],
    ['2026-10-01', false, '2026 国庆'],
    ['2026-10-10', true, '2026 国庆 make-up Saturday'],
    ['2026-11-23', true, 'ordinary Monday'],
    ['2026-11-22', false, 'ordinary Sunday'],
    ['2004-01-01', false, '2004 元旦'],
  ])('%s is a working day: %s (%s)', (d, working) => {
    expect(cal.isWorkday(d)).toBe(working);
  });

  it.each(['2003-12-31', '2027-01-04', '2027-10-01', '1999-05-03'])('%s is outside coverage: unknown, never guessed', (d) => {
    expect(cal.isWorkday(d)).toBeUndefined();
  });

  it('accepts a timestamp for a day', () => {
    expect(cal.isWorkday('2019-05-01T10:30:00+08:00')).toBe(false);
  });
});

describe('addWorkdays', () => {
  it('n = 0 returns the same day, even a holiday', () => {
    expect(cal.addWorkdays('2019-10-01', 0)).toBe('2019-10-01');
  });

  it('counts strictly after the start day', () => {
    expect(cal.addWorkdays('2026-11-23', 1)).toBe('2026-11-24');
    expect(cal.addWorkdays('2026-11-20', 1)).toBe('2026-11-23'); // Friday → Monday
  });

  it('crosses 2019 国庆 with its make-up days', () => {
    // 2019-09-28 Sat off, 09-29 Sun make-up working day, 10-01..07 off, 10-12 Sat make-up.
    expect(cal.addWorkdays('2019-09-27', 1)).toBe('2019-09-29');
    expect(cal.addWorkdays('2019-09-27', 2)).toBe('2019-09-30');
    expect(cal.addWorkdays('2019-09-27', 3)).toBe('2019-10-08');
    expect(cal.addWorkdays('2019-09-30', 5)).toBe('2019-10-12');
    expect(cal.addWorkdays('2019-10-01', 1)).toBe('2019-10-08');
  });

  it('crosses 2026 国庆', () => {
    expect(cal.addWorkdays('2026-09-30', 1)).toBe('2026-10-08');
    expect(cal.addWorkdays('2026-09-30', 20)).toBe('2026-11-03');
  });

  it('a 20-working-day deadline across 2020 春节 and its extension', () => {
    expect(cal.addWorkdays('2020-01-20', 20)).toBe('2020-02-25');
  });

  it('is unknown when the count runs past the covered years', () => {
    expect(cal.addWorkdays('2026-12-30', 1)).toBe('2026-12-31');
    expect(cal.addWorkdays('2026-12-31', 1)).toBeUndefined();
    expect(cal.addWorkdays('2026-12-20', 20)).toBeUndefined();
    expect(cal.addWorkdays('2027-03-01', 5)).toBeUndefined();
    // Only the days after the start are needed: 2004-01-01 (元旦) and 2004-01-02 are both covered.
    expect(cal.addWorkdays('2003-12-31', 1)).toBe('2004-01-02');
    expect(cal.addWorkdays('2003-12-30', 1)).toBeUndefined();
  });

  it('rejects negative and fractional counts', () => {
    expect(() => cal.addWorkdays('2019-05-01', -1)).toThrow(RangeError);
    expect(() => cal.addWorkdays('2019-05-01', 1.5)).toThrow(RangeError);
  });
});

describe('workdaysBetween', () => {
  it('counts (a, b]', () => {
    expect(cal.workdaysBetween('2026-11-23', '2026-11-23')).toBe(0);
    expect(cal.workdaysBetween('2026-11-23', '2026-11-24')).toBe(1);
    expect(cal.workdaysBetween('2026-11-20', '2026-11-23')).toBe(1);
    expect(cal.workdaysBetween('2019-04-30', '2019-05-06')).toBe(2); // 05-05 make-up Sunday and 05-06
    expect(cal.workdaysBetween('2020-01-23', '2020-02-02')).toBe(0);
  });

  it('is negative backwards, and never -0', () => {
    expect(cal.workdaysBetween('2019-05-06', '2019-04-30')).toBe(-2);
    expect(Object.is(cal.workdaysBetween('2020-02-02', '2020-01-23'), 0)).toBe(true);
  });

  it('is unknown when any counted day is outside coverage', () => {
    expect(cal.workdaysBetween('2026-12-01', '2027-01-05')).toBeUndefined();
    expect(cal.workdaysBetween('2027-01-05', '2026-12-01')).toBeUndefined();
    expect(cal.workdaysBetween('2003-12-31', '2004-01-05')).toBe(2); // only (a, b] is counted
    expect(cal.workdaysBetween('2003-12-30', '2004-01-05')).toBeUndefined();
  });

  it('counts a whole year: 2019 had 250 working days', () => {
    expect(cal.workdaysBetween('2018-12-31', '2019-12-31')).toBe(250);
  });
});

describe('calendarFromData', () => {
  const custom = calendarFromData({ holidays: { '2030-01-01': 'x', '2030-10-01': 'x' }, workdays: { '2030-09-29': 'x' } });

  it('takes coverage from the years the lists mention', () => {
    expect(custom.coverage).toEqual({ from: 2030, to: 2030 });
    expect(custom.isWorkday('2029-12-31')).toBeUndefined();
  });

  it('applies holidays, make-up days and the weekday rule', () => {
    expect(custom.isWorkday('2030-01-01')).toBe(false); // Tuesday holiday
    expect(custom.isWorkday('2030-01-02')).toBe(true);
    expect(custom.isWorkday('2030-09-29')).toBe(true); // Sunday make-up
    expect(custom.isWorkday('2030-09-28')).toBe(false); // ordinary Saturday
  });

  it('takes explicit coverage', () => {
    const wide = calendarFromData({ holidays: {}, workdays: {} }, { from: 2030, to: 2031 });
    expect(wide.isWorkday('2031-06-02')).toBe(true);
    expect(wide.addWorkdays('2031-12-31', 1)).toBeUndefined();
  });

  it('refuses empty data without coverage rather than guessing one', () => {
    expect(() => calendarFromData({ holidays: {}, workdays: {} })).toThrow(RangeError);
  });
});

// ---- properties ----

const FIRST = '2004-01-01';
const LAST = '2026-12-31';
const coveredDate = fc.integer({ min: 0, max: daysBetween(FIRST, LAST) }).map((n) => addDays(FIRST, n));

describe('properties', () => {
  it('agrees with the chinese-days package on every covered day', () => {
    for (let d = FIRST; d <= LAST; d = addDays(d, 1)) {
      if (cal.isWorkday(d) !== packageIsWorkday(d)) expect.fail(`${d}: ours ${cal.isWorkday(d)}, package ${packageIsWorkday(d)}`);
    }
  });

  it('workdaysBetween(d, addWorkdays(d, n)) === n when defined', () => {
    fc.assert(
      fc.property(coveredDate, fc.integer({ min: 0, max: 40 }), (d, n) => {
        const end = cal.addWorkdays(d, n);
        if (end !== undefined) expect(cal.workdaysBetween(d, end)).toBe(n);
      }),
      { numRuns: 500 },
    );
  });

  it('addWorkdays is strictly increasing in n and lands on a working day', () => {
    fc.assert(
      fc.property(coveredDate, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (d, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const early = cal.addWorkdays(d, lo);
        const late = cal.addWorkdays(d, hi);
        if (late === undefined) return;
        expect(early).toBeDefined();
        if (lo < hi) expect(early! < late).toBe(true);
        else expect(early).toBe(late);
        if (hi > 0) expect(cal.isWorkday(late)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('workdaysBetween is antisymmetric', () => {
    fc.assert(
      fc.property(coveredDate, fc.integer({ min: -400, max: 400 }), (a, offset) => {
        const b = addDays(a, offset);
        const forward = cal.workdaysBetween(a, b);
        if (forward === undefined) expect(cal.workdaysBetween(b, a)).toBeUndefined();
        else expect(cal.workdaysBetween(b, a)).toBe(0 - forward);
      }),
    );
  });

  it('addWorkdays is undefined only near the end of coverage', () => {
    fc.assert(
      fc.property(coveredDate, fc.integer({ min: 0, max: 40 }), (d, n) => {
        if (cal.addWorkdays(d, n) === undefined) expect(d >= '2026-11-01').toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
