import { z } from 'zod';
import { addDays, daysBetween } from '../dates/days.ts';
import { defineCheck } from './define.ts';
import { HOME_UNREADABLE, itemEvidence, newestDated, unreadable, unreadableReason } from './evidence.ts';

/** The home page carries a new dated item within the window (首页不更新). Undated items count as not updated. */
export default defineCheck({
  id: 'homepage-freshness',
  needsColumn: false,
  options: z.strictObject({ maxAgeDays: z.number().int().positive(), warnBeforeDays: z.number().int().min(0).default(0) }),
  messages: {
    fresh: { zh: '首页最近更新于 {{date}}（{{ageDays}} 天前）', en: 'Home page last updated {{date}} ({{ageDays}} days ago)' },
    stale: { zh: '首页最近更新于 {{date}}，已 {{ageDays}} 天未更新（限 {{maxAgeDays}} 天）', en: 'Home page last updated {{date}}, {{ageDays}} days ago (limit {{maxAgeDays}})' },
    'due-soon': { zh: '首页需在 {{dueDate}} 前更新', en: 'Home page must be updated by {{dueDate}}' },
    undated: { zh: '首页信息均无发布日期，视为未更新', en: 'No home-page item carries a date: counted as not updated' },
    unreadable: HOME_UNREADABLE,
  },
  evaluate({ snapshot, options, now, report }) {
    const home = snapshot.home;
    if (unreadable(home)) return report({ outcome: 'needs-review', messageId: 'unreadable', data: { reason: unreadableReason(home) }, evidence: [{ url: home.url }] });
    const newest = newestDated(home.items, now);
    if (!newest) return report({ outcome: 'fail', messageId: 'undated', evidence: [{ url: home.url }] });
    const dueDate = addDays(newest.date!, options.maxAgeDays);
    const data = { date: newest.date!, ageDays: daysBetween(newest.date!, now), maxAgeDays: options.maxAgeDays };
    const evidence = [itemEvidence(newest, 'newest dated home-page item')];
    if (now > dueDate) report({ outcome: 'fail', messageId: 'stale', data, evidence });
    else if (options.warnBeforeDays > 0 && daysBetween(now, dueDate) <= options.warnBeforeDays) report({ outcome: 'warn', messageId: 'due-soon', data: { ...data, dueDate }, evidence, dueDate });
    else report({ outcome: 'pass', messageId: 'fresh', data, evidence });
  },
});
