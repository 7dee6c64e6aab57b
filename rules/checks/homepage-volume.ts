import { z } from 'zod';
import { addDays } from '../dates/days.ts';
import { defineCheck } from './define.ts';
import { HOME_UNREADABLE, unreadable, unreadableReason } from './evidence.ts';

/** Enough new items on the home page within the window (首页栏目信息更新量). */
export default defineCheck({
  id: 'homepage-volume',
  needsColumn: false,
  options: z.strictObject({ windowDays: z.number().int().positive(), minItems: z.number().int().positive() }),
  messages: {
    enough: { zh: '首页近 {{windowDays}} 天更新 {{count}} 条（不少于 {{minItems}} 条）', en: '{{count}} home-page items in the last {{windowDays}} days (minimum {{minItems}})' },
    'low-volume': { zh: '首页近 {{windowDays}} 天仅更新 {{count}} 条（应不少于 {{minItems}} 条）', en: 'Only {{count}} home-page items in the last {{windowDays}} days (minimum {{minItems}})' },
    unreadable: HOME_UNREADABLE,
  },
  evaluate({ snapshot, options, now, report }) {
    const home = snapshot.home;
    if (unreadable(home)) return report({ outcome: 'needs-review', messageId: 'unreadable', data: { reason: unreadableReason(home) } });
    const since = addDays(now, -options.windowDays);
    const urls = new Set(home.items.filter((i) => i.date && i.date > since && i.date <= now).map((i) => i.url ?? i.title));
    const data = { count: urls.size, windowDays: options.windowDays, minItems: options.minItems };
    report({ outcome: urls.size >= options.minItems ? 'pass' : 'fail', messageId: urls.size >= options.minItems ? 'enough' : 'low-volume', data, evidence: [{ url: home.url }] });
  },
});
