import { z } from 'zod';
import type { WorkCalendar } from '../calendar/working-days.ts';
import { addDays, daysBetween } from '../dates/days.ts';
import { periodContaining, periodNamedInTitle, previousPeriod, nextPeriod, type Frequency, type Period } from '../dates/periods.ts';
import type { IsoDate, ItemObservation } from '../model/snapshot.ts';
import { defineCheck } from './define.ts';
import { COLUMN_UNREADABLE, columnEvidence, itemEvidence, matchesTitle, unreadable, unreadableReason } from './evidence.ts';

const frequencies = ['daily', 'weekly', 'monthly', 'quarterly', 'half-yearly', 'yearly'] as const;
const FREQ_ZH: Record<Frequency, string> = { daily: '每日', weekly: '每周', monthly: '每月', quarterly: '每季度', 'half-yearly': '每半年', yearly: '每年' };

const options = z.strictObject({
  frequency: z.enum(frequencies),
  /** Publication deadline counted from the end of the period (每月初3个工作日内公布上月… → 3 workdays). Absent: within the period itself. */
  dueWithin: z.strictObject({ amount: z.number().int().min(0), unit: z.enum(['days', 'workdays']) }).optional(),
  /** Only items whose title contains one of these words count (e.g. 低保 in a 社会救助 column). */
  titleIncludes: z.array(z.string().min(1)).default([]),
  titleExcludes: z.array(z.string().min(1)).default([]),
  warnBeforeDays: z.number().int().min(0).default(0),
});
type Options = z.output<typeof options>;

function dueDateOf(p: Period, o: Options, calendar: WorkCalendar): IsoDate | undefined {
  if (!o.dueWithin) return p.end;
  return o.dueWithin.unit === 'days' ? addDays(p.end, o.dueWithin.amount) : calendar.addWorkdays(p.end, o.dueWithin.amount);
}

/** An item covers a period when its title names that period, or, naming none, when it was published inside the window. */
function covers(item: ItemObservation, p: Period, due: IsoDate, f: Frequency): boolean {
  const named = periodNamedInTitle(item.title, f);
  if (named) return named.start === p.start;
  return !!item.date && item.date >= p.start && item.date <= due;
}

/** A recurring publication (每日/每周/每月/按季度/每年) was made for the latest period that has fallen due. */
export default defineCheck({
  id: 'periodic-obligation',
  needsColumn: true,
  options,
  messages: {
    met: { zh: '{{frequencyZh}}公开：{{period}} 已于 {{date}} 公开', en: '{{frequency}} publication for {{period}} made on {{date}}' },
    missed: { zh: '{{frequencyZh}}公开：{{period}} 应于 {{dueDate}} 前公开，未找到', en: '{{frequency}} publication for {{period}} was due by {{dueDate}}: not found' },
    late: { zh: '{{frequencyZh}}公开：{{period}} 应于 {{dueDate}} 前公开，实际 {{date}}', en: '{{frequency}} publication for {{period}} was due by {{dueDate}}, made on {{date}}' },
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

    const items = columns.flatMap((c) => c.items).filter((i) => matchesTitle(i, o.titleIncludes, o.titleExcludes));
    const column = columns[0];
    // The latest period already overdue, and the one after it (the obligation now open).
    let period = periodContaining(now, o.frequency);
    let due = dueDateOf(period, o, calendar);
    for (let guard = 0; due !== undefined && due >= now && guard < 3; guard++) {
      period = previousPeriod(period, o.frequency);
      due = dueDateOf(period, o, calendar);
    }
    if (!due) return report({ outcome: 'needs-review', messageId: 'calendar-unknown', column, data: names });
    const data = { ...names, period: period.label, dueDate: due };

    const covering = items.filter((i) => covers(i, period, due!, o.frequency));
    if (covering.length > 0) {
      const item = covering.reduce((a, b) => ((a.date ?? '') >= (b.date ?? '') ? a : b));
      const open = nextPeriod(period, o.frequency);
      const openDue = dueDateOf(open, o, calendar);
      const openMet = openDue !== undefined && items.some((i) => covers(i, open, openDue, o.frequency));
      if (openDue && !openMet && o.warnBeforeDays > 0 && daysBetween(now, openDue) <= o.warnBeforeDays) {
        return report({ outcome: 'warn', messageId: 'due-soon', column, dueDate: openDue, data: { ...names, period: open.label, dueDate: openDue }, evidence: [itemEvidence(item)] });
      }
      return report({ outcome: 'pass', messageId: 'met', column, data: { ...data, date: item.date ?? '—' }, evidence: [itemEvidence(item)] });
    }
    const lateItem = items.find((i) => i.date && i.date > due! && !periodNamedInTitle(i.title, o.frequency));
    if (lateItem) return report({ outcome: 'fail', messageId: 'late', column, data: { ...data, date: lateItem.date! }, evidence: [itemEvidence(lateItem)] });
    report({ outcome: 'fail', messageId: 'missed', column, data, evidence: [columnEvidence(column), ...items.slice(0, 2).map((i) => itemEvidence(i, 'newest matching item'))] });
  },
});
