import { z } from 'zod';
import { daysBetween, isoDate, parseIso } from '../dates/days.ts';
import { reportedPeriod } from '../dates/periods.ts';
import type { ItemObservation } from '../model/snapshot.ts';
import { defineCheck } from './define.ts';
import { COLUMN_UNREADABLE, itemEvidence, unreadable, unreadableReason } from './evidence.ts';
import { titleMatches, titlePattern } from './title-pattern.ts';

/** A yearly document about the previous year is published by a fixed date (年报 by 1月31日). */
export default defineCheck({
  id: 'yearly-deadline',
  needsColumn: true,
  options: z.strictObject({
    /** `MM-DD` in the year after the one reported on. */
    deadline: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a deadline as MM-DD'),
    ...titlePattern,
    warnBeforeDays: z.number().int().min(0).default(0),
  }),
  messages: {
    published: { zh: '{{year}}年度报告已公开（{{date}}）', en: 'Report for {{year}} published ({{date}})' },
    late: { zh: '{{year}}年度报告应于 {{deadline}} 前公开，实际 {{date}}', en: 'Report for {{year}} was due by {{deadline}}, published {{date}}' },
    missing: { zh: '未找到{{year}}年度报告（应于 {{deadline}} 前公开）', en: 'No report for {{year}} found (due by {{deadline}})' },
    'due-soon': { zh: '{{year}}年度报告需在 {{deadline}} 前公开', en: 'Report for {{year}} is due by {{deadline}}' },
    'no-column': { zh: '未找到「{{className}}」栏目，需人工核查', en: 'No "{{classNameEn}}" column found: check by hand' },
    unreadable: COLUMN_UNREADABLE,
  },
  evaluate({ columns, columnClass, options, now, report }) {
    const names = { className: columnClass!.name.zh, classNameEn: columnClass!.name.en };
    if (columns.length === 0) return report({ outcome: 'needs-review', messageId: 'no-column', data: names });
    const broken = columns.find(unreadable);
    if (broken) return report({ outcome: 'needs-review', messageId: 'unreadable', column: broken, data: { column: broken.name, reason: unreadableReason(broken) } });

    const items = columns.flatMap((c) => c.items).filter((i) => titleMatches(i.title, options));
    const column = columns[0];
    const thisYear = parseIso(now).year;
    const [mm, dd] = options.deadline.split('-').map(Number);
    // The year a report is about: the one its title names, else the year before it was published (a 年报 is about last year).
    const yearOf = (i: ItemObservation) => reportedPeriod(i.title, i.date, 'yearly', 'previous-period')?.start.slice(0, 4);
    const reportFor = (year: number): ItemObservation | undefined => items.find((i) => yearOf(i) === String(year));

    const year = thisYear - 1;
    const deadline = isoDate(thisYear, mm, dd);
    const found = reportFor(year);
    const data = { year, deadline };
    if (found) {
      const late = !!found.date && found.date > deadline;
      return report({ outcome: late ? 'fail' : 'pass', messageId: late ? 'late' : 'published', column, data: { ...data, date: found.date ?? '—' }, evidence: [itemEvidence(found)] });
    }
    if (now > deadline) return report({ outcome: 'fail', messageId: 'missing', column, data, evidence: [{ url: column.url, title: column.name }] });
    // Not yet due: the report for the year before must be there, and warn as the deadline nears.
    if (options.warnBeforeDays > 0 && daysBetween(now, deadline) <= options.warnBeforeDays) return report({ outcome: 'warn', messageId: 'due-soon', column, data, dueDate: deadline });
    const previous = reportFor(year - 1);
    if (previous) return report({ outcome: 'pass', messageId: 'published', column, data: { year: year - 1, date: previous.date ?? '—' }, evidence: [itemEvidence(previous)] });
    report({ outcome: 'fail', messageId: 'missing', column, data: { year: year - 1, deadline: isoDate(thisYear - 1, mm, dd) }, evidence: [{ url: column.url, title: column.name }] });
  },
});
