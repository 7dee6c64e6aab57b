import { z } from 'zod';
import { addDays, daysBetween } from '../dates/days.ts';
import { defineCheck } from './define.ts';
import type { ItemObservation } from '../model/snapshot.ts';
import { COLUMN_UNREADABLE, GUESSED_YEAR_NOTE, columnEvidence, hasGuessedYear, itemEvidence, matchesTitle, newestDated, newestKnownYear, unreadable, unreadableReason } from './evidence.ts';

/** A column's newest dated item is within the allowed age (calendar or working days). */
export default defineCheck({
  id: 'column-recency',
  needsColumn: false,
  options: z.strictObject({
    maxAge: z.number().int().positive(),
    unit: z.enum(['days', 'workdays']).default('days'),
    warnBeforeDays: z.number().int().min(0).default(0),
    titleIncludes: z.array(z.string().min(1)).default([]),
    /** An item without a date counts as not updated (国办秘函〔2019〕19号); `needs-review` only for lenient packs. */
    undated: z.enum(['fail', 'needs-review']).default('fail'),
  }),
  messages: {
    fresh: { zh: '「{{column}}」最近更新于 {{date}}（{{ageDays}} 天前，限 {{maxAge}} {{unitZh}}）', en: '"{{column}}" last updated {{date}}, {{ageDays}} days ago (limit {{maxAge}} {{unit}})' },
    stale: { zh: '「{{column}}」最近更新于 {{date}}，已 {{ageDays}} 天未更新（限 {{maxAge}} {{unitZh}}）', en: '"{{column}}" last updated {{date}}, {{ageDays}} days ago (limit {{maxAge}} {{unit}})' },
    'due-soon': { zh: '「{{column}}」需在 {{dueDate}} 前更新（最近 {{date}}）', en: '"{{column}}" must be updated by {{dueDate}} (last {{date}})' },
    undated: { zh: '「{{column}}」有 {{items}} 条信息但均无发布日期，视为未更新', en: '"{{column}}" has {{items}} items but none carries a date: counted as not updated' },
    empty: { zh: '「{{column}}」无内容（由空白栏目规则判定）', en: '"{{column}}" is empty (judged by the empty-column rule)' },
    unreadable: COLUMN_UNREADABLE,
    'no-column': { zh: '未找到该类栏目，不判定更新', en: 'No such column found: freshness not judged' },
    'guessed-year': { zh: '「{{column}}」最新信息只显示月日（{{dateText}}），页面未给出年份，无法判定是否及时更新，需人工核实', en: '"{{column}}": the newest item shows only month and day ({{dateText}}) and the page gives no year: freshness needs checking by hand' },
    'calendar-unknown': { zh: '「{{column}}」的期限落在官方工作日历未覆盖的年份，无法判定', en: '"{{column}}": the deadline falls in a year the official calendar does not cover' },
  },
  evaluate({ columns: all, options, now, calendar, report }) {
    // Menu columns sampled for emptiness are no class that must be updated (「应更新」): not judged for recency.
    const columns = all.filter((c) => !c.sampled);
    if (columns.length === 0) return report({ outcome: 'not-applicable', messageId: 'no-column' });
    const unitData = { maxAge: options.maxAge, unit: options.unit === 'days' ? 'days' : 'working days', unitZh: options.unit === 'days' ? '天' : '个工作日' };
    for (const column of columns) {
      const base = { column: column.name, ...unitData };
      if (unreadable(column)) {
        report({ outcome: 'needs-review', messageId: 'unreadable', column, data: { ...base, reason: unreadableReason(column) }, evidence: [columnEvidence(column)] });
        continue;
      }
      const items = column.items.filter((i) => matchesTitle(i, options.titleIncludes));
      if (column.itemCount === 0 || items.length === 0) {
        report({ outcome: 'not-applicable', messageId: 'empty', column, data: base });
        continue;
      }
      const latest = newestDated(items, now);
      if (!latest) {
        report({ outcome: options.undated, messageId: 'undated', column, data: { ...base, items: items.length }, evidence: [columnEvidence(column), ...items.slice(0, 3).map((i) => itemEvidence(i, 'no date'))] });
        continue;
      }
      const dueOf = (item: ItemObservation) => (options.unit === 'days' ? addDays(item.date!, options.maxAge) : calendar.addWorkdays(item.date!, options.maxAge));
      // A guessed year is the latest possible one: it may prove the column stale, but a pass needs a known year.
      const latestDue = dueOf(latest);
      const newest = !hasGuessedYear(latest) || (latestDue !== undefined && now > latestDue) ? latest : knownFresh(newestKnownYear(items, now), dueOf, now);
      if (!newest) {
        const data = { ...base, dateText: latest.dateText ?? latest.date! };
        report({ outcome: 'needs-review', messageId: 'guessed-year', column, data, evidence: [itemEvidence(latest, GUESSED_YEAR_NOTE)] });
        continue;
      }
      const dueDate = newest === latest ? latestDue : dueOf(newest);
      const data = { ...base, date: newest.date!, ageDays: daysBetween(newest.date!, now) };
      const evidence = [itemEvidence(newest, hasGuessedYear(newest) ? `newest dated item; ${GUESSED_YEAR_NOTE}` : 'newest dated item')];
      if (!dueDate) report({ outcome: 'needs-review', messageId: 'calendar-unknown', column, data, evidence });
      else if (now > dueDate) report({ outcome: 'fail', messageId: 'stale', column, data, evidence });
      else if (options.warnBeforeDays > 0 && daysBetween(now, dueDate) <= options.warnBeforeDays) report({ outcome: 'warn', messageId: 'due-soon', column, data: { ...data, dueDate }, evidence, dueDate });
      else report({ outcome: 'pass', messageId: 'fresh', column, data, evidence, dueDate });
    }
  },
});

/** `item` when it is still within its deadline, else undefined. */
function knownFresh(item: ItemObservation | undefined, dueOf: (i: ItemObservation) => string | undefined, now: string): ItemObservation | undefined {
  const due = item && dueOf(item);
  return item && due !== undefined && now <= due ? item : undefined;
}
