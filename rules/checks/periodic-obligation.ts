import { z } from 'zod';
import type { WorkCalendar } from '../calendar/working-days.ts';
import { addDays, daysBetween } from '../dates/days.ts';
import { nextPeriod, periodContaining, previousPeriod, reportedPeriod, type Frequency, type Period } from '../dates/periods.ts';
import type { Evidence } from '../model/finding.ts';
import type { IsoDate, ItemObservation } from '../model/snapshot.ts';
import { defineCheck } from './define.ts';
import { COLUMN_UNREADABLE, columnEvidence, itemEvidence, unreadable, unreadableReason } from './evidence.ts';
import { titleMatches, titlePattern } from './title-pattern.ts';

const frequencies = ['daily', 'weekly', 'monthly', 'quarterly', 'half-yearly', 'yearly'] as const;
const FREQ_ZH: Record<Frequency, string> = { daily: '每日', weekly: '每周', monthly: '每月', quarterly: '每季度', 'half-yearly': '每半年', yearly: '每年' };

/** Periods shown in the evidence besides the one judged: the open ones after it and this many before it. */
const EARLIER_PERIODS_SHOWN = 2;

const options = z.strictObject({
  frequency: z.enum(frequencies),
  /**
   * Deadline counted from the end of the reported period (每月初3个工作日内公布上月… → 3 workdays). Absent: the plan
   * gives no number, so a period's publication may come any time before the next period ends (March's figures in April
   * are April's monthly publication); no window is invented.
   */
  dueWithin: z.strictObject({ amount: z.number().int().min(0), unit: z.enum(['days', 'workdays']) }).optional(),
  /** How an item whose title names no period is read: the period it was published in, or the one before (上月/上季度/上年度). */
  untitled: z.enum(['same-period', 'previous-period']).default('same-period'),
  ...titlePattern,
  warnBeforeDays: z.number().int().min(0).default(0),
});
type Options = z.output<typeof options>;

function dueDateOf(p: Period, o: Options, calendar: WorkCalendar): IsoDate | undefined {
  if (!o.dueWithin) return nextPeriod(p, o.frequency).end;
  return o.dueWithin.unit === 'days' ? addDays(p.end, o.dueWithin.amount) : calendar.addWorkdays(p.end, o.dueWithin.amount);
}

interface PeriodStatus {
  period: Period;
  due: IsoDate | undefined;
  /** Items reporting on this period, earliest published first. */
  items: ItemObservation[];
}

/** An item published by the deadline; else the earliest late one; else an undated one. */
function bestItem(s: PeriodStatus): { item: ItemObservation; timing: 'on-time' | 'late' | 'undated' } | undefined {
  const onTime = s.items.find((i) => i.date && s.due && i.date <= s.due);
  if (onTime) return { item: onTime, timing: 'on-time' };
  const late = s.items.find((i) => i.date);
  if (late) return { item: late, timing: 'late' };
  return s.items[0] ? { item: s.items[0], timing: 'undated' } : undefined;
}

function periodEvidence(s: PeriodStatus): Evidence {
  const best = bestItem(s);
  const due = s.due ?? '—';
  if (!best) return { note: `${s.period.label}：未找到（期限 ${due}） / not found (due ${due})` };
  const timing = { 'on-time': '按期 / on time', late: '逾期 / late', undated: '无日期 / undated' }[best.timing];
  return itemEvidence(best.item, `${s.period.label}：${timing}（期限 ${due}）`);
}

/**
 * A recurring publication (每日/每周/每月/按季度/每半年/每年): each period's publication is the item that reports on it
 * (the period its title names, or its publication date read as the rule says), published by the period's deadline,
 * which runs from the end of the period. The latest period that is covered or already overdue is judged; a period
 * still open (not ended, or within its deadline) is never due.
 */
export default defineCheck({
  id: 'periodic-obligation',
  needsColumn: true,
  options,
  messages: {
    met: { zh: '{{frequencyZh}}公开：{{period}} 已于 {{date}} 公开', en: '{{frequency}} publication for {{period}} made on {{date}}' },
    missed: { zh: '{{frequencyZh}}公开：{{period}} 应于 {{dueDate}} 前公开，未找到', en: '{{frequency}} publication for {{period}} was due by {{dueDate}}: not found' },
    late: { zh: '{{frequencyZh}}公开：{{period}} 应于 {{dueDate}} 前公开，实际 {{date}}', en: '{{frequency}} publication for {{period}} was due by {{dueDate}}, made on {{date}}' },
    undated: { zh: '{{frequencyZh}}公开：{{period}} 的信息无发布日期，无法判断是否按期', en: '{{frequency}} publication for {{period}} carries no date: cannot tell whether it was on time' },
    'due-soon': { zh: '{{frequencyZh}}公开：{{period}} 需在 {{dueDate}} 前公开', en: '{{frequency}} publication for {{period}} due by {{dueDate}}' },
    'no-column': { zh: '未找到「{{className}}」栏目，需人工核查是否另处公开', en: 'No "{{classNameEn}}" column found: check by hand whether it is published elsewhere' },
    unreadable: COLUMN_UNREADABLE,
    'calendar-unknown': { zh: '期限落在官方工作日历未覆盖的年份，无法判定', en: 'The deadline falls in a year the official calendar does not cover' },
  },
  evaluate({ columns, columnClass, options: o, now, calendar, report }) {
    const names = { className: columnClass!.name.zh, classNameEn: columnClass!.name.en, frequency: o.frequency, frequencyZh: FREQ_ZH[o.frequency] };
    if (columns.length === 0) return report({ outcome: 'needs-review', messageId: 'no-column', data: names });
    const broken = columns.find(unreadable);
    if (broken) return report({ outcome: 'needs-review', messageId: 'unreadable', column: broken, data: { ...names, column: broken.name, reason: unreadableReason(broken) } });

    const column = columns[0];
    const items = columns.flatMap((c) => c.items).filter((i) => titleMatches(i.title, o));
    const reading = items
      .map((item) => ({ item, period: reportedPeriod(item.title, item.date, o.frequency, o.untitled) }))
      .sort((a, b) => (a.item.date ?? '9999').localeCompare(b.item.date ?? '9999'));
    const statusOf = (period: Period): PeriodStatus => ({
      period,
      due: dueDateOf(period, o, calendar),
      items: reading.filter((r) => r.period?.start === period.start).map((r) => r.item),
    });

    // Walk back from the latest ended period to the first one that is covered or overdue; the ones passed are open.
    const open: PeriodStatus[] = [];
    let judged = statusOf(previousPeriod(periodContaining(now, o.frequency), o.frequency));
    for (let guard = 0; judged.items.length === 0 && judged.due !== undefined && judged.due >= now && guard < 4; guard++) {
      open.unshift(judged);
      judged = statusOf(previousPeriod(judged.period, o.frequency));
    }
    open.push(statusOf(periodContaining(now, o.frequency)));
    if (!judged.due) return report({ outcome: 'needs-review', messageId: 'calendar-unknown', column, data: names });
    const earlier: PeriodStatus[] = [];
    for (let p = judged.period, i = 0; i < EARLIER_PERIODS_SHOWN; i++) earlier.unshift(statusOf((p = previousPeriod(p, o.frequency))));
    const evidence = [...[...earlier, judged, ...open].reverse().map(periodEvidence)];
    const data = { ...names, period: judged.period.label, dueDate: judged.due };

    const best = bestItem(judged);
    if (!best) return report({ outcome: 'fail', messageId: 'missed', column, data, evidence: [columnEvidence(column), ...evidence] });
    if (best.timing === 'late') return report({ outcome: 'fail', messageId: 'late', column, data: { ...data, date: best.item.date! }, evidence });
    if (best.timing === 'undated') return report({ outcome: 'needs-review', messageId: 'undated', column, data, evidence });

    const nextDue = open.find((s) => s.items.length === 0 && s.due !== undefined && o.warnBeforeDays > 0 && daysBetween(now, s.due) <= o.warnBeforeDays);
    if (nextDue) return report({ outcome: 'warn', messageId: 'due-soon', column, dueDate: nextDue.due, data: { ...names, period: nextDue.period.label, dueDate: nextDue.due! }, evidence });
    report({ outcome: 'pass', messageId: 'met', column, data: { ...data, date: best.item.date! }, evidence });
  },
});
