import { z } from 'zod';
import { daysBetween } from '../dates/days.ts';
import { defineCheck } from './define.ts';
import { hasGuessedYear, itemEvidence } from './evidence.ts';

/** 主动公开 within N (working) days of being formed: 发布日期 against 成文日期 on detail pages (条例 Art. 26). */
export default defineCheck({
  id: 'publication-lag',
  needsColumn: false,
  options: z.strictObject({ maxAge: z.number().int().positive(), unit: z.enum(['days', 'workdays']).default('workdays') }),
  messages: {
    timely: { zh: '「{{column}}」{{checked}} 条信息均在成文后 {{maxAge}} {{unitZh}}内公开', en: '"{{column}}": all {{checked}} items published within {{maxAge}} {{unit}} of being formed' },
    late: { zh: '「{{column}}」{{late}} 条信息超过成文后 {{maxAge}} {{unitZh}}才公开（最长 {{worst}}）', en: '"{{column}}": {{late}} items published more than {{maxAge}} {{unit}} after being formed (worst {{worst}})' },
    'no-dates': { zh: '未读取到成文日期，无法判定', en: 'No date of writing read: cannot judge' },
    'calendar-unknown': { zh: '「{{column}}」部分日期落在官方工作日历未覆盖的年份', en: '"{{column}}": some dates fall outside the official calendar' },
  },
  evaluate({ columns, options, calendar, report }) {
    const unitData = { maxAge: options.maxAge, unit: options.unit === 'days' ? 'days' : 'working days', unitZh: options.unit === 'days' ? '天' : '个工作日' };
    let judged = 0;
    for (const column of columns) {
      // A guessed year (a year-less list date) could put the publication a year off: such pairs are not judged.
      const pairs = column.items.filter((i) => i.date && i.formedDate && !hasGuessedYear(i));
      if (pairs.length === 0) continue;
      judged++;
      const lags = pairs.map((i) => ({ item: i, lag: options.unit === 'days' ? daysBetween(i.formedDate!, i.date!) : calendar.workdaysBetween(i.formedDate!, i.date!) }));
      if (lags.some((l) => l.lag === undefined)) {
        report({ outcome: 'needs-review', messageId: 'calendar-unknown', column, data: { column: column.name, ...unitData } });
        continue;
      }
      const late = lags.filter((l) => l.lag! > options.maxAge).sort((a, b) => b.lag! - a.lag!);
      const base = { column: column.name, checked: pairs.length, ...unitData };
      if (late.length === 0) report({ outcome: 'pass', messageId: 'timely', column, data: base });
      else report({ outcome: 'fail', messageId: 'late', column, data: { ...base, late: late.length, worst: late[0].lag! }, evidence: late.slice(0, 5).map((l) => itemEvidence(l.item, `成文 ${l.item.formedDate}, 发布 ${l.item.date}`)) });
    }
    if (judged === 0) report({ outcome: 'not-applicable', messageId: 'no-dates' });
  },
});

