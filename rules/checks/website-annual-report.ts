import { z } from 'zod';
import { addDays, daysBetween, isoDate, parseIso } from '../dates/days.ts';
import { reportedPeriod } from '../dates/periods.ts';
import type { ItemObservation } from '../model/snapshot.ts';
import { defineCheck } from './define.ts';
import { HOME_UNREADABLE, itemEvidence, unreadable, unreadableReason } from './evidence.ts';
import { titleMatches, titlePattern } from './title-pattern.ts';

/**
 * How long after the deadline a report missing from the home page is a failure. Later in the year a report duly
 * published in January may have scrolled off the home page into a column the crawl did not read: that is a question
 * for the evaluator, not a failure. This bounds what a crawl can observe; it is not part of the obligation.
 */
const HOME_PAGE_WINDOW_DAYS = 60;

/**
 * 《政府网站工作年度报表》 (国办函〔2018〕12号): each government website publishes its report on the previous year in a
 * prominent place on its own home page by 1月31日. Found on the home page or in any column read; dated after the
 * deadline is late.
 */
export default defineCheck({
  id: 'website-annual-report',
  needsColumn: false,
  options: z.strictObject({
    /** `MM-DD` in the year after the one reported on. */
    deadline: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a deadline as MM-DD'),
    ...titlePattern,
    warnBeforeDays: z.number().int().min(0).default(0),
  }),
  messages: {
    published: { zh: '{{year}}年度政府网站工作年度报表已于 {{date}} 发布（{{where}}）', en: 'Website annual report for {{year}} published {{date}} ({{whereEn}})' },
    late: { zh: '{{year}}年度政府网站工作年度报表应于 {{deadline}} 前在首页发布，实际 {{date}}', en: 'Website annual report for {{year}} was due on the home page by {{deadline}}, published {{date}}' },
    undated: { zh: '找到{{year}}年度政府网站工作年度报表，但无发布日期，无法判断是否按期', en: 'Website annual report for {{year}} found without a date: cannot tell whether it was on time' },
    missing: { zh: '首页未见{{year}}年度政府网站工作年度报表（应于 {{deadline}} 前在首页显著位置发布）', en: 'No website annual report for {{year}} on the home page (due by {{deadline}})' },
    'not-found': { zh: '未找到{{year}}年度政府网站工作年度报表，可能已移出首页：需人工核查是否于 {{deadline}} 前在首页发布', en: 'No website annual report for {{year}} found; it may have left the home page: check by hand that it was published there by {{deadline}}' },
    'not-yet-due': { zh: '{{year}}年度政府网站工作年度报表将于 {{deadline}} 到期', en: 'Website annual report for {{year}} falls due on {{deadline}}' },
    'due-soon': { zh: '{{year}}年度政府网站工作年度报表需在 {{deadline}} 前在首页发布', en: 'Website annual report for {{year}} is due on the home page by {{deadline}}' },
    unreadable: HOME_UNREADABLE,
  },
  evaluate({ snapshot, options: o, now, report }) {
    const home = snapshot.home;
    if (unreadable(home)) return report({ outcome: 'needs-review', messageId: 'unreadable', data: { reason: unreadableReason(home) }, evidence: [{ url: home.url }] });
    const onHome = new Set(home.items);
    const items = [...home.items, ...snapshot.columns.flatMap((c) => c.items)].filter((i) => titleMatches(i.title, o));
    const yearOf = (i: ItemObservation) => reportedPeriod(i.title, i.date, 'yearly', 'previous-period')?.start.slice(0, 4);

    const thisYear = parseIso(now).year;
    const [mm, dd] = o.deadline.split('-').map(Number);
    const deadline = isoDate(thisYear, mm, dd);
    const year = thisYear - 1;
    const data = { year, deadline };
    const found = items.filter((i) => yearOf(i) === String(year)).sort((a, b) => Number(onHome.has(b)) - Number(onHome.has(a)));
    const best = found.find((i) => i.date && i.date <= deadline) ?? found.find((i) => i.date) ?? found[0];
    if (best) {
      const where = onHome.has(best) ? { where: '首页', whereEn: 'home page' } : { where: '栏目中', whereEn: 'in a column' };
      if (!best.date) return report({ outcome: 'needs-review', messageId: 'undated', data, evidence: [itemEvidence(best)] });
      const late = best.date > deadline;
      return report({ outcome: late ? 'fail' : 'pass', messageId: late ? 'late' : 'published', data: { ...data, ...where, date: best.date }, evidence: [itemEvidence(best)] });
    }
    if (now <= deadline) {
      const warn = o.warnBeforeDays > 0 && daysBetween(now, deadline) <= o.warnBeforeDays;
      return report({ outcome: warn ? 'warn' : 'pass', messageId: warn ? 'due-soon' : 'not-yet-due', data, ...(warn ? { dueDate: deadline } : {}), evidence: [{ url: home.url }] });
    }
    const observable = now <= addDays(deadline, HOME_PAGE_WINDOW_DAYS);
    report({ outcome: observable ? 'fail' : 'needs-review', messageId: observable ? 'missing' : 'not-found', data, evidence: [{ url: home.url, note: 'home page' }] });
  },
});
