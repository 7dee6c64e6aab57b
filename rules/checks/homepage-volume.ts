import { z } from 'zod';
import { addDays } from '../dates/days.ts';
import { defineCheck } from './define.ts';
import { GUESSED_YEAR_NOTE, HOME_UNREADABLE, hasGuessedYear, unreadable, unreadableReason } from './evidence.ts';

/** Enough new items on the home page within the window (首页栏目信息更新量). */
export default defineCheck({
  id: 'homepage-volume',
  needsColumn: false,
  options: z.strictObject({ windowDays: z.number().int().positive(), minItems: z.number().int().positive() }),
  messages: {
    enough: { zh: '首页近 {{windowDays}} 天更新 {{count}} 条（不少于 {{minItems}} 条）', en: '{{count}} home-page items in the last {{windowDays}} days (minimum {{minItems}})' },
    'low-volume': { zh: '首页近 {{windowDays}} 天仅更新 {{count}} 条（应不少于 {{minItems}} 条）', en: 'Only {{count}} home-page items in the last {{windowDays}} days (minimum {{minItems}})' },
    'guessed-year': { zh: '首页近 {{windowDays}} 天确定更新 {{count}} 条，另有 {{guessed}} 条只显示月日、年份未知，无法判定是否达到 {{minItems}} 条，需人工核实', en: '{{count}} home-page items certainly in the last {{windowDays}} days and {{guessed}} more showing only month and day: whether the minimum of {{minItems}} is met needs checking by hand' },
    unreadable: HOME_UNREADABLE,
  },
  evaluate({ snapshot, options, now, report }) {
    const home = snapshot.home;
    if (unreadable(home)) return report({ outcome: 'needs-review', messageId: 'unreadable', data: { reason: unreadableReason(home) } });
    const since = addDays(now, -options.windowDays);
    const inWindow = home.items.filter((i) => i.date && i.date > since && i.date <= now);
    const urls = new Set(inWindow.filter((i) => !hasGuessedYear(i)).map((i) => i.url ?? i.title));
    const data = { count: urls.size, windowDays: options.windowDays, minItems: options.minItems };
    // Guessed years are the latest possible ones: counting those items in the window is the most the page can have,
    // so a shortfall with them is certain, but enough only with them needs a known year.
    const withGuessed = new Set(inWindow.map((i) => i.url ?? i.title));
    if (urls.size < options.minItems && withGuessed.size >= options.minItems) {
      return report({ outcome: 'needs-review', messageId: 'guessed-year', data: { ...data, guessed: withGuessed.size - urls.size }, evidence: [{ url: home.url, note: GUESSED_YEAR_NOTE }] });
    }
    report({ outcome: urls.size >= options.minItems ? 'pass' : 'fail', messageId: urls.size >= options.minItems ? 'enough' : 'low-volume', data, evidence: [{ url: home.url }] });
  },
});
