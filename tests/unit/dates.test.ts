import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysInMonth, isoDate } from '../../rules/dates/days.ts';
import { findDates, parseDate, type ParseDateContext } from '../../rules/dates/parse.ts';

const CAPTURE_DAY: ParseDateContext = { notAfter: '2026-11-23' };

describe('parseDate: forms seen on government pages', () => {
  it.each([
    ['2019-05-21', '2019-05-21'],
    ['2019-5-21', '2019-05-21'],
    ['[2019-05-21]', '2019-05-21'],
    ['2019年5月21日', '2019-05-21'],
    ['2019年05月21日', '2019-05-21'],
    ['2019 年 5 月 21 日', '2019-05-21'],
    ['2019/05/21', '2019-05-21'],
    ['2019.05.21', '2019-05-21'],
    ['２０１９－０５－２１', '2019-05-21'],
    ['２０１９年５月２１日', '2019-05-21'],
    ['［２０１９／５／２１］', '2019-05-21'],
    ['二〇一九年五月二十一日', '2019-05-21'],
    ['二○一九年十二月三十一日', '2019-12-31'],
    ['二零二零年一月一日', '2020-01-01'],
    ['二〇二〇年二月二十九日', '2020-02-29'],
    ['二〇二四年十月十日', '2024-10-10'],
    ['<li><a href="/art/1.html" title="关于开展2019年度考核的通知">关于开展考核的通知</a><span class="date">2019-05-21</span></li>', '2019-05-21'],
    ['发布日期：2019-05-21', '2019-05-21'],
    ['发布时间：2019年05月21日 10:30', '2019-05-21'],
    ['今天是2026年11月23日 星期一', '2026-11-23'],
    ['国办发〔2019〕51号 2019-06-03', '2019-06-03'],
    ['2019年1月1日至3月31日', '2019-01-01'],
    ['/art/2019/5/21/art_1229_123.html', '2019-05-21'],
  ])('%s → %s', (text, date) => {
    expect(parseDate(text)).toMatchObject({ date, confidence: 'exact' });
  });

  it('returns the slice of the original text, full-width characters kept', () => {
    expect(parseDate('发布：２０１９－０５－２１。')?.text).toBe('２０１９－０５－２１');
    expect(parseDate('[2019-05-21]')?.text).toBe('2019-05-21');
  });
});

describe('parseDate: date and time', () => {
  it.each([
    ['2019-05-21 10:30', '2019-05-21 10:30'],
    ['2019-05-21 10:30:00', '2019-05-21 10:30:00'],
    ['2019-05-21T10:30', '2019-05-21T10:30'],
    ['2019-05-21T10:30:00.000+08:00', '2019-05-21T10:30:00.000'],
    ['２０１９－０５－２１　１０：３０', '２０１９－０５－２１　１０：３０'],
    ['2019年5月21日 10:30', '2019年5月21日 10:30'],
    ['2019年5月21日10时30分', '2019年5月21日10时30分'],
  ])('%s has a time', (text, matched) => {
    expect(parseDate(text)).toEqual({ date: '2019-05-21', confidence: 'exact', text: matched, hasTime: true });
  });

  it.each(['2019-05-21', '2019-05-21 25:00', '2019-05-21 10:61', '2019-05-21\n10:30'])('%j has no time', (text) => {
    expect(parseDate(text)).toMatchObject({ date: '2019-05-21', text: '2019-05-21', hasTime: false });
  });
});

describe('parseDate: dates without a year', () => {
  it.each([
    ['06-04', { defaultYear: 2018 }, '2018-06-04'],
    ['[06-04]', { defaultYear: 2018 }, '2018-06-04'],
    ['5月21日', { defaultYear: 2019 }, '2019-05-21'],
    ['05月21日', { defaultYear: 2019 }, '2019-05-21'],
    ['五月二十一日', { defaultYear: 2019 }, '2019-05-21'],
    ['今年5月21日', { defaultYear: 2019 }, '2019-05-21'],
    ['06-04', { defaultYear: 2018, notAfter: '2026-11-23' }, '2018-06-04'],
    ['11-23', CAPTURE_DAY, '2026-11-23'],
    ['11-24', CAPTURE_DAY, '2025-11-24'],
    ['12-31', CAPTURE_DAY, '2025-12-31'],
    ['01-05', CAPTURE_DAY, '2026-01-05'],
    ['02-29', CAPTURE_DAY, '2024-02-29'],
    ['11-23', { notAfter: '2026-11-23T08:00:00+08:00' }, '2026-11-23'],
    ['06-04 10:30', { defaultYear: 2018 }, '2018-06-04'],
  ] as const)('%s with %j → %s', (text, ctx, date) => {
    // A year known from the page is inferred; one taken from the capture day alone is only a guess.
    expect(parseDate(text, ctx)).toMatchObject({ date, confidence: 'defaultYear' in ctx ? 'inferred-year' : 'guessed-year' });
  });

  it.each(['06-04', '[06-04]', '5月21日', '五月二十一日'])('%s without context gives nothing', (text) => {
    expect(parseDate(text)).toBeUndefined();
    expect(findDates(text)).toEqual([]);
  });

  it('rejects a day the default year does not have', () => {
    expect(parseDate('02-29', { defaultYear: 2019 })).toBeUndefined();
  });
});

describe('parseDate: things that are not dates', () => {
  it.each([
    ['impossible day', '2019-02-30'],
    ['impossible day, CJK', '2019年2月30日'],
    ['month 13', '2019-13-01'],
    ['month 13, CJK', '2019年13月1日'],
    ['year before 1990', '1989-05-21'],
    ['year before 1990, CJK (its tail is not a date either)', '1989年5月21日'],
    ['year after 2100', '2101-01-01'],
    ['phone number', '联系电话：0938-1234567'],
    ['phone number with area code', '(010)6520-1234'],
    ['文号', '甘政办发〔2019〕51号'],
    ['文号 with brackets', '国发[2019]5号'],
    ['index number', '索引号：11620500/2019-00012'],
    ['index number, dashed', '索引号：000014349/2019-00012'],
    ['version number', '版本 V2.0.2019.12.5'],
    ['version number with leading part', '1.2019.05.21'],
    ['long digit run', '20190521'],
    ['date inside a longer digit run', '12019-05-211'],
    ['time alone', '10:30'],
    ['time alone with seconds', '10:30:00'],
    ['month range', '2019年1月至3月'],
    ['year and month only', '2019年5月'],
    ['year alone', '2019年度报告'],
    ['counted range', '第10-12条'],
    ['month range, dashed', '10-12月'],
    ['unpadded numeric range', '3-5个工作日'],
    ['two-digit year', '19年5月21日'],
    ['year of a different script touching digits', '一二〇一九年五月二十一日'],
  ])('%s: %s', (_why, text) => {
    expect(findDates(text, { defaultYear: 2019 })).toEqual([]);
    expect(findDates(text, CAPTURE_DAY)).toEqual([]);
  });
});

describe('findDates', () => {
  it('finds every date in order', () => {
    const text = '成文日期：2019年5月20日 发布日期：2019-05-21 10:30 更新：2019/05/22';
    expect(findDates(text).map((d) => [d.date, d.hasTime])).toEqual([
      ['2019-05-20', false],
      ['2019-05-21', true],
      ['2019-05-22', false],
    ]);
  });

  it('reads both ends of a range', () => {
    expect(findDates('2019-05-01-2019-05-31').map((d) => d.date)).toEqual(['2019-05-01', '2019-05-31']);
    expect(findDates('2019.05.01—2019.05.31').map((d) => d.date)).toEqual(['2019-05-01', '2019-05-31']);
  });

  it('mixes exact and inferred dates only when context is given', () => {
    const text = '2019年1月1日至3月31日';
    expect(findDates(text).map((d) => d.date)).toEqual(['2019-01-01']);
    expect(findDates(text, { defaultYear: 2019 }).map((d) => [d.date, d.confidence])).toEqual([
      ['2019-01-01', 'exact'],
      ['2019-03-31', 'inferred-year'],
    ]);
  });

  it('list items with year-less dates', () => {
    const text = '<li>关于印发的通知[06-04]</li><li>工作动态[05-30]</li>';
    expect(findDates(text, { defaultYear: 2018 }).map((d) => d.date)).toEqual(['2018-06-04', '2018-05-30']);
  });
});

// ---- properties ----

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese counting number for 1–31: 十, 十二, 二十一. */
function cnCount(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${units === 0 ? '' : CN_DIGITS[units]}`;
}

function cnYear(year: number, zero: string): string {
  return [...String(year)].map((d) => (d === '0' ? zero : CN_DIGITS[Number(d)])).join('');
}

function toFullWidth(s: string): string {
  return s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

const pad = (n: number) => String(n).padStart(2, '0');

interface Ymd {
  year: number;
  month: number;
  day: number;
}

const validYmd: fc.Arbitrary<Ymd> = fc
  .record({ year: fc.integer({ min: 1990, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => ({ year, month, day: Math.min(day, daysInMonth(year, month)) }));

const FULL_FORMATS: Record<string, (d: Ymd) => string> = {
  'YYYY-MM-DD': (d) => `${d.year}-${pad(d.month)}-${pad(d.day)}`,
  'YYYY-M-D': (d) => `${d.year}-${d.month}-${d.day}`,
  '[YYYY-MM-DD]': (d) => `[${d.year}-${pad(d.month)}-${pad(d.day)}]`,
  'YYYY/MM/DD': (d) => `${d.year}/${pad(d.month)}/${pad(d.day)}`,
  'YYYY.MM.DD': (d) => `${d.year}.${pad(d.month)}.${pad(d.day)}`,
  'YYYY年M月D日': (d) => `${d.year}年${d.month}月${d.day}日`,
  'YYYY年MM月DD日': (d) => `${d.year}年${pad(d.month)}月${pad(d.day)}日`,
  'full-width YYYY－MM－DD': (d) => toFullWidth(`${d.year}-${pad(d.month)}-${pad(d.day)}`),
  'full-width YYYY年M月D日': (d) => toFullWidth(`${d.year}年${d.month}月${d.day}日`),
  'Chinese numerals with 〇': (d) => `${cnYear(d.year, '〇')}年${cnCount(d.month)}月${cnCount(d.day)}日`,
  'Chinese numerals with ○': (d) => `${cnYear(d.year, '○')}年${cnCount(d.month)}月${cnCount(d.day)}日`,
  'Chinese numerals with 零': (d) => `${cnYear(d.year, '零')}年${cnCount(d.month)}月${cnCount(d.day)}日`,
};

const DATETIME_FORMATS: Record<string, (d: Ymd) => string> = {
  'YYYY-MM-DD HH:MM': (d) => `${d.year}-${pad(d.month)}-${pad(d.day)} 23:59`,
  'YYYY-MM-DD HH:MM:SS': (d) => `${d.year}-${pad(d.month)}-${pad(d.day)} 00:00:00`,
  'YYYY-MM-DDTHH:MM': (d) => `${d.year}-${pad(d.month)}-${pad(d.day)}T09:05`,
};

const SURROUNDINGS: [string, string][] = [
  ['', ''],
  ['发布日期：', ''],
  ['<span class="date">', '</span>'],
  ['关于做好工作的通知 ', ' 点击：123'],
];

describe('properties', () => {
  it.each(Object.entries(FULL_FORMATS))('format %s then parse returns the same date', (_name, format) => {
    fc.assert(
      fc.property(validYmd, fc.constantFrom(...SURROUNDINGS), (d, [before, after]) => {
        const text = format(d);
        expect(parseDate(`${before}${text}${after}`)).toEqual({
          date: isoDate(d.year, d.month, d.day),
          confidence: 'exact',
          text: text.replace(/^\[|\]$/g, ''),
          hasTime: false,
        });
      }),
    );
  });

  it.each(Object.entries(DATETIME_FORMATS))('format %s then parse returns the same date with a time', (_name, format) => {
    fc.assert(
      fc.property(validYmd, (d) => {
        expect(parseDate(format(d))).toEqual({ date: isoDate(d.year, d.month, d.day), confidence: 'exact', text: format(d), hasTime: true });
      }),
    );
  });

  it('MM-DD and M月D日 with the default year return the same date', () => {
    fc.assert(
      fc.property(validYmd, fc.constantFrom((d: Ymd) => `${pad(d.month)}-${pad(d.day)}`, (d: Ymd) => `${d.month}月${d.day}日`), (d, format) => {
        expect(parseDate(format(d), { defaultYear: d.year })).toMatchObject({ date: isoDate(d.year, d.month, d.day), confidence: 'inferred-year' });
      }),
    );
  });

  it('MM-DD with a capture day less than a year later returns the same date', () => {
    fc.assert(
      fc.property(validYmd, fc.integer({ min: 0, max: 364 }), (d, daysLater) => {
        const date = isoDate(d.year, d.month, d.day);
        const parsed = parseDate(`[${pad(d.month)}-${pad(d.day)}]`, { notAfter: addDays(date, daysLater) });
        expect(parsed).toMatchObject({ date, confidence: 'guessed-year' });
      }),
    );
  });

  it('a date glued to more digits is not read', () => {
    fc.assert(
      fc.property(validYmd, fc.stringMatching(/^\d{1,3}$/), fc.stringMatching(/^\d{1,3}$/), (d, before, after) => {
        expect(findDates(`${before}${FULL_FORMATS['YYYY-MM-DD']!(d)}${after}`, CAPTURE_DAY)).toEqual([]);
      }),
    );
  });

  it('digit runs alone hold no date', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,40}$/), (digits) => {
        expect(findDates(digits, CAPTURE_DAY)).toEqual([]);
      }),
    );
  });

  const dateish = fc.constantFrom(...'0123456789０１２３４５６７８９-/.:：－年月日号时分T 〇○零一二三四五六七八九十廿卅[]〔〕\n');
  it.each([
    ['fc.string', fc.string()],
    ['full unicode (binary units)', fc.string({ unit: 'binary' })],
    ['graphemes', fc.string({ unit: 'grapheme' })],
    ['date-like characters', fc.string({ unit: dateish, maxLength: 40 })],
  ])('never throws and only returns valid dates that are slices of the input: %s', (_name, strings) => {
    fc.assert(
      fc.property(strings, fc.constantFrom<ParseDateContext | undefined>(undefined, { defaultYear: 2019 }, CAPTURE_DAY), (text, ctx) => {
        const found = findDates(text, ctx);
        let from = 0;
        for (const d of found) {
          expect(d.date).toMatch(/^(199\d|20\d\d|2100)-\d\d-\d\d$/);
          expect(addDays(d.date, 0)).toBe(d.date); // a real calendar day round-trips
          const at = text.indexOf(d.text, from);
          expect(at).toBeGreaterThanOrEqual(from);
          from = at + d.text.length;
        }
        expect(parseDate(text, ctx)).toEqual(found[0]);
      }),
      { numRuns: 300 },
    );
  });
});
