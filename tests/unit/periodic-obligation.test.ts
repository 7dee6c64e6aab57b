import { describe, expect, it } from 'vitest';
import periodicObligation from '../../rules/checks/periodic-obligation.ts';
import type { CheckReport } from '../../rules/checks/define.ts';
import { officialCalendar } from '../../rules/calendar/working-days.ts';
import { periodNamedInTitle, reportedPeriod } from '../../rules/dates/periods.ts';
import type { ItemObservation } from '../../rules/model/snapshot.ts';
import { readColumnLibrary } from '../../crawler/packs.ts';
import { columnOf, RuleTester, snapshotOf } from './rule-tester.ts';

/**
 * Period semantics: an item reports on a period (named in its title, or read from its publication date, shifted back
 * one period for 上月/上季度), and that period's deadline runs from the period's end.
 */

const tester = new RuleTester({ now: '2026-07-20' });
const items = (rows: [string, string | undefined][]): ItemObservation[] =>
  rows.map(([title, date], i) => ({ title, url: `http://127.0.0.1/art/${i}.html`, ...(date ? { date, dateConfidence: 'exact' as const } : {}) }));
const food = (rows: [string, string | undefined][]) => columnOf('statistics', '食品安全', items(rows));
const assistance = (rows: [string, string | undefined][]) => columnOf('social-assistance', '社会救助', items(rows));
const health = (rows: [string, string | undefined][]) => columnOf('statistics', '卫生健康', items(rows));

/** 每月初3个工作日内公布上月食品抽检汇总: 2026-06-30 is a Tuesday, so June's summary is due Friday 2026-07-03. */
const sampling = { frequency: 'monthly', dueWithin: { amount: 3, unit: 'workdays' }, untitled: 'previous-period', titleIncludes: ['抽检'], titleAlsoIncludes: ['汇总', '分析', '情况'], titleExcludes: ['通知', '计划'] };

tester.run(periodicObligation, {
  valid: [
    {
      name: "上月 summary published on the 2nd working day covers the month before", column: 'statistics', options: sampling,
      snapshot: { columns: [food([['食品安全监督抽检情况汇总', '2026-07-02'], ['食品安全监督抽检情况汇总', '2026-06-02']])] },
    },
    {
      name: 'a month named in the title is read as that month even without the year (「6月份」)', column: 'statistics', options: sampling,
      snapshot: { columns: [food([['6月份食品安全抽检结果汇总', '2026-07-01']])] },
    },
    {
      name: 'a period not yet ended is not due: May figures named for May suffice in early July', column: 'social-assistance', now: '2026-07-02',
      options: { frequency: 'monthly', titleIncludes: ['低保'] },
      snapshot: { columns: [assistance([['2026年5月城乡低保对象人数及资金支出情况', '2026-06-05']])] },
    },
    {
      name: 'monthly figures named for their month are not late in the following month when the plan gives no deadline', column: 'social-assistance', now: '2026-07-20',
      options: { frequency: 'monthly', titleIncludes: ['低保'] },
      snapshot: { columns: [assistance([['2026年6月城乡低保对象人数及资金支出情况', '2026-07-06']])] },
    },
    {
      name: 'quarterly report titled 「第一季度」 published after the quarter', column: 'social-assistance', now: '2026-05-10',
      options: { frequency: 'quarterly', titleIncludes: ['特困'] },
      snapshot: { columns: [assistance([['第一季度特困人员救助供养情况', '2026-04-08']])] },
    },
    {
      name: 'half-yearly report titled 「上半年」', column: 'social-assistance', now: '2026-08-10',
      options: { frequency: 'half-yearly', dueWithin: { amount: 30, unit: 'days' }, titleIncludes: ['救助'] },
      snapshot: { columns: [assistance([['上半年临时救助资金使用情况', '2026-07-15']])] },
    },
  ],
  invalid: [
    {
      name: 'a late summary named for its month fails: the title does not bypass the deadline', column: 'statistics', options: sampling,
      snapshot: { columns: [food([['2026年6月食品安全抽检情况汇总', '2026-07-14']])] },
      findings: [{ outcome: 'fail', messageId: 'late', data: { period: '2026年6月', dueDate: '2026-07-03', date: '2026-07-14' } }],
    },
    {
      name: "a missing 上月 summary fails though a summary was published in June (it reported on May)", column: 'statistics', options: sampling,
      snapshot: { columns: [food([['食品安全监督抽检情况汇总', '2026-06-02']])] },
      findings: [{ outcome: 'fail', messageId: 'missed', data: { period: '2026年6月', dueDate: '2026-07-03' } }],
    },
    {
      name: 'a notice about sampling is not the summary', column: 'statistics', options: sampling,
      snapshot: { columns: [food([['关于开展食品安全抽检工作的通知', '2026-07-01']])] },
      findings: [{ outcome: 'fail', messageId: 'missed', data: { period: '2026年6月' } }],
    },
    {
      name: 'a meeting news item does not satisfy a monthly publication rule', column: 'statistics', now: '2026-08-05',
      options: { frequency: 'monthly', titleIncludes: ['医疗卫生政策', '卫生健康政策'], titleAlsoIncludes: ['实施情况', '落实情况', '执行情况'] },
      snapshot: { columns: [health([['县卫健委召开医疗卫生政策落实推进会议', '2026-06-12'], ['县卫健委召开全体干部会议', '2026-07-03']])] },
      findings: [{ outcome: 'fail', messageId: 'missed', data: { period: '2026年6月', dueDate: '2026-07-31' } }],
    },
    {
      name: 'a quarterly 药品质量公告 does not satisfy a monthly 药品 rule', column: 'statistics', now: '2026-08-15',
      options: { frequency: 'monthly', titleIncludes: ['药品'] },
      snapshot: { columns: [columnOf('statistics', '药品监管', items([['2026年第二季度药品质量公告', '2026-07-10']]))] },
      findings: [{ outcome: 'fail', messageId: 'missed', data: { period: '2026年6月', dueDate: '2026-07-31' } }],
    },
    {
      name: 'an undated item named for the period needs review: its timing cannot be told', column: 'statistics', options: sampling,
      snapshot: { columns: [food([['2026年6月食品安全抽检情况汇总', undefined]])] },
      findings: [{ outcome: 'needs-review', messageId: 'undated', data: { period: '2026年6月' } }],
    },
    {
      name: 'a period not yet ended is not due, but its deadline nearing warns', column: 'statistics', now: '2026-07-02', options: { ...sampling, warnBeforeDays: 2 },
      snapshot: { columns: [food([['食品安全监督抽检情况汇总', '2026-06-02']])] },
      findings: [{ outcome: 'warn', messageId: 'due-soon', dueDate: '2026-07-03', data: { period: '2026年6月' } }],
    },
  ],
});

describe('periodic-obligation evidence', () => {
  it('shows each period with the item that covers it, or that none does', () => {
    const reports: CheckReport[] = [];
    const library = readColumnLibrary();
    const snapshot = snapshotOf({ columns: [food([['2026年6月食品安全抽检情况汇总', '2026-07-02'], ['2026年4月食品安全抽检情况汇总', '2026-05-06']])] });
    periodicObligation.evaluate({
      rule: {} as never, options: periodicObligation.options.parse(sampling), snapshot, now: '2026-07-20', calendar: officialCalendar,
      columnClass: library.columns.statistics, columns: snapshot.columns, report: (r) => reports.push(r),
    });
    expect(reports).toHaveLength(1);
    const notes = reports[0].evidence!.map((e) => e.note);
    expect(notes).toEqual([
      expect.stringMatching(/^2026年7月：未找到/),
      expect.stringMatching(/^2026年6月：按期/),
      expect.stringMatching(/^2026年5月：未找到/),
      expect.stringMatching(/^2026年4月：按期/),
    ]);
    expect(reports[0].evidence![1].title).toBe('2026年6月食品安全抽检情况汇总');
  });
});

describe('reported period', () => {
  it.each([
    ['2026年4月城乡低保', '2026-05-03', 'monthly', '2026-04-01'],
    ['4月份食品抽检汇总', '2026-05-03', 'monthly', '2026-04-01'],
    ['12月份食品抽检汇总', '2026-01-05', 'monthly', '2025-12-01'],
    ['十二月份食品抽检汇总', '2026-01-05', 'monthly', '2025-12-01'],
    ['2026年第一季度药品质量公告', '2026-04-10', 'quarterly', '2026-01-01'],
    ['第三季度特困人员供养', '2026-10-10', 'quarterly', '2026-07-01'],
    ['上半年救助资金', '2026-07-10', 'half-yearly', '2026-01-01'],
    ['下半年救助资金', '2026-01-10', 'half-yearly', '2025-07-01'],
    ['2025年度环境状况公报', '2026-05-10', 'yearly', '2025-01-01'],
  ] as const)('%s published %s names the %s period from %s', (title, published, frequency, start) => {
    expect(periodNamedInTitle(title, published)).toMatchObject({ frequency, period: { start } });
  });

  it('a full date is a day, not a month', () => {
    expect(periodNamedInTitle('2026年4月15日县政府常务会议', '2026-04-16')?.frequency).not.toBe('monthly');
  });

  it('an untitled item reports on its own period, or the one before for 上月', () => {
    expect(reportedPeriod('食品抽检汇总', '2026-05-03', 'monthly', 'same-period')?.start).toBe('2026-05-01');
    expect(reportedPeriod('食品抽检汇总', '2026-05-03', 'monthly', 'previous-period')?.start).toBe('2026-04-01');
    expect(reportedPeriod('上年度环境状况公报', '2026-05-03', 'yearly', 'previous-period')?.start).toBe('2025-01-01');
  });

  it('a quarterly or yearly report reports on no month; a plain year in a monthly title is ignored', () => {
    expect(reportedPeriod('2026年第二季度药品质量公告', '2026-07-10', 'monthly', 'same-period')).toBeUndefined();
    expect(reportedPeriod('2025年度房地产市场分析', '2026-02-10', 'monthly', 'same-period')).toBeUndefined();
    expect(reportedPeriod('2026年城乡低保标准调整情况', '2026-07-10', 'monthly', 'same-period')?.start).toBe('2026-07-01');
  });
});
