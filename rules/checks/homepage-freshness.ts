import { z } from 'zod';
import { addDays, daysBetween } from '../dates/days.ts';
import { defineCheck } from './define.ts';
import { GUESSED_YEAR_NOTE, HOME_UNREADABLE, hasGuessedYear, itemEvidence, newestDated, newestKnownYear, unreadable, unreadableReason } from './evidence.ts';

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
    'guessed-year': { zh: '首页最新信息只显示月日（{{dateText}}），页面未给出年份，无法判定是否及时更新，需人工核实', en: 'The newest home-page item shows only month and day ({{dateText}}) and the page gives no year: freshness needs checking by hand' },
    unreadable: HOME_UNREADABLE,
  },
  evaluate({ snapshot, options, now, report }) {
    const home = snapshot.home;
    if (unreadable(home)) return report({ outcome: 'needs-review', messageId: 'unreadable', data: { reason: unreadableReason(home) }, evidence: [{ url: home.url }] });
    const latest = newestDated(home.items, now);
    if (!latest) return report({ outcome: 'fail', messageId: 'undated', evidence: [{ url: home.url }] });
    // A guessed year is the latest possible one: it may prove the page stale, but a pass needs a known year.
    const known = newestKnownYear(home.items, now);
    const stale = now > addDays(latest.date!, options.maxAgeDays);
    const newest = !hasGuessedYear(latest) || stale ? latest : known && now <= addDays(known.date!, options.maxAgeDays) ? known : undefined;
    if (!newest) return report({ outcome: 'needs-review', messageId: 'guessed-year', data: { dateText: latest.dateText ?? latest.date! }, evidence: [itemEvidence(latest, GUESSED_YEAR_NOTE)] });
    const dueDate = addDays(newest.date!, options.maxAgeDays);
    const data = { date: newest.date!, ageDays: daysBetween(newest.date!, now), maxAgeDays: options.maxAgeDays };
    const evidence = [itemEvidence(newest, hasGuessedYear(newest) ? `newest dated home-page item; ${GUESSED_YEAR_NOTE}` : 'newest dated home-page item')];
    if (now > dueDate) report({ outcome: 'fail', messageId: 'stale', data, evidence });
    else if (options.warnBeforeDays > 0 && daysBetween(now, dueDate) <= options.warnBeforeDays) report({ outcome: 'warn', messageId: 'due-soon', data: { ...data, dueDate }, evidence, dueDate });
    else report({ outcome: 'pass', messageId: 'fresh', data, evidence });
  },
});
