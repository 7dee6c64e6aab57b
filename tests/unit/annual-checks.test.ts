import { describe, expect, it } from 'vitest';
import annualReportFormat from '../../rules/checks/annual-report-format.ts';
import websiteAnnualReport from '../../rules/checks/website-annual-report.ts';
import { annualReportBody, type AnnualReportOptions } from '../../crawler/demo/annual-report-page.ts';
import { pageFromHtml } from '../../crawler/page/from-html.ts';
import { detailContent } from '../../rules/extract/detail-content.ts';
import type { ItemObservation } from '../../rules/model/snapshot.ts';
import { columnClass } from '../../rules/schema/pack.ts';
import { columnOf, RuleTester } from './rule-tester.ts';

/**
 * 政府网站工作年度报表 (国办函〔2018〕12号: on the home page by 1月31日, on the previous year) and the 政府信息公开工作年度
 * 报告 format (国办公开办函〔2021〕30号: six parts, three tables, totals that add up), on real-looking pages.
 */

const tester = new RuleTester({ now: '2026-02-10' });

/** A county portal's 年报 detail page, as the crawler reads it: HTML → page tree → text and tables. */
function reportItem(o: Partial<AnnualReportOptions> = {}, title = '青山县人民政府2025年政府信息公开工作年度报告'): ItemObservation {
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<div class="header">青山县人民政府 首页 政府信息公开</div>
<div class="article"><h1>${title}</h1>${annualReportBody({ org: '青山县人民政府', year: 2025, ...o })}</div>
<div class="footer">网站标识码3601230001</div></body></html>`;
  return { title, url: 'http://127.0.0.1/xxgk/ndbg/art_1.html', date: '2026-01-20', detail: detailContent(pageFromHtml(html, 'http://127.0.0.1/xxgk/ndbg/art_1.html')) };
}
const reports = (items: ItemObservation[]) => columnOf('annual-report', '政府信息公开工作年度报告', items);
const pattern = { titleIncludes: ['信息公开'], titleAlsoIncludes: ['年度报告', '年报'] };

tester.run(annualReportFormat, {
  valid: [
    { name: 'a report in the 2021 format with totals that add up', column: 'annual-report', options: pattern, snapshot: { columns: [reports([reportItem()])] } },
  ],
  invalid: [
    {
      name: 'a part left out fails, naming it', column: 'annual-report', options: pattern,
      snapshot: { columns: [reports([reportItem({ omitSections: [5] })])] },
      findings: [{ outcome: 'fail', messageId: 'format' }],
    },
    {
      name: 'a 总计 that does not add up fails', column: 'annual-report', options: pattern,
      snapshot: { columns: [reports([reportItem({ skewTotal: 3 })])] },
      findings: [{ outcome: 'fail', messageId: 'format' }],
    },
    {
      name: 'a missing 行政复议、行政诉讼 table fails', column: 'annual-report', options: pattern,
      snapshot: { columns: [reports([reportItem({ omitReviewTable: true })])] },
      findings: [{ outcome: 'fail', messageId: 'format' }],
    },
    {
      name: 'a report whose page was not read needs review with what to look at', column: 'annual-report', options: pattern,
      snapshot: { columns: [reports([{ title: '青山县2025年政府信息公开工作年度报告', date: '2026-01-20' }])] },
      findings: [{ outcome: 'needs-review', messageId: 'not-read' }],
    },
  ],
});

describe('annual-report-format messages', () => {
  const run = (o: Partial<AnnualReportOptions>) => {
    const item = reportItem(o);
    const reportsMade: { outcome: string; messageId: string; data?: Record<string, unknown> }[] = [];
    annualReportFormat.evaluate({
      rule: {} as never, options: annualReportFormat.options.parse(pattern), snapshot: {} as never, now: '2026-02-10', calendar: {} as never,
      columnClass: columnClass.parse({ name: { zh: '年报', en: 'Annual report' }, synonyms: ['年报'] }), columns: [reports([item])], report: (r) => reportsMade.push(r),
    });
    return reportsMade;
  };
  const problemsOf = (o: Partial<AnnualReportOptions>) => String(run(o)[0].data?.problems ?? '');
  it('passes the report in the format, with the six parts and three tables read from the page', () => {
    expect(run({}).map((r) => [r.outcome, r.messageId])).toEqual([['pass', 'ok']]);
    expect(reportItem().detail!.tables.length).toBe(3);
  });
  it('names the missing part', () => expect(problemsOf({ omitSections: [5] })).toContain('五、存在的主要问题及改进情况'));
  it('names the total that does not add up, and the broken balance of the 总计 column', () => {
    const problems = problemsOf({ skewTotal: 3 });
    expect(problems).toContain('（七）总计');
    expect(problems).toContain('办理结果总计第 1 列');
    expect(problems).toContain('新收加上年结转');
  });
  it('names the missing table', () => expect(problemsOf({ omitReviewTable: true })).toContain('行政复议、行政诉讼情况表'));
});

const home = (items: ItemObservation[]) => ({ url: 'http://127.0.0.1/', status: 'ok' as const, items });
const yearly = { deadline: '01-31', titleIncludes: ['政府网站'], titleAlsoIncludes: ['年度报表'] };
const report2025 = (date: string): ItemObservation => ({ title: '青山县人民政府门户网站2025年政府网站工作年度报表', url: 'http://127.0.0.1/ndbb/2025.html', date });

tester.run(websiteAnnualReport, {
  valid: [
    { name: 'the report on 2025 on the home page by 01-31', options: yearly, snapshot: { home: home([report2025('2026-01-18')]) } },
    { name: 'found later in a column, published by 01-31', now: '2026-09-01', options: yearly, snapshot: { columns: [columnOf('notice', '通知公告', [report2025('2026-01-25')])] } },
    { name: 'in January the report is not yet due', now: '2026-01-10', options: yearly, snapshot: { home: home([]) } },
  ],
  invalid: [
    { name: 'published in February is late', options: yearly, snapshot: { home: home([report2025('2026-02-03')]) }, findings: [{ outcome: 'fail', messageId: 'late', data: { year: 2025, deadline: '2026-01-31' } }] },
    { name: 'missing from the home page after 01-31 fails', options: yearly, snapshot: { home: home([{ title: '青山县召开2026年政府网站工作会议', date: '2026-02-05' }]) }, findings: [{ outcome: 'fail', messageId: 'missing', data: { year: 2025 } }] },
    { name: "last year's report is not this year's", options: yearly, snapshot: { home: home([{ title: '青山县人民政府门户网站2024年政府网站工作年度报表', date: '2025-01-20' }]) }, findings: [{ outcome: 'fail', messageId: 'missing' }] },
    { name: 'months later, not found is a question for the evaluator', now: '2026-10-10', options: yearly, snapshot: { home: home([]) }, findings: [{ outcome: 'needs-review', messageId: 'not-found' }] },
    { name: 'near the deadline warns', now: '2026-01-25', options: { ...yearly, warnBeforeDays: 10 }, snapshot: { home: home([]) }, findings: [{ outcome: 'warn', messageId: 'due-soon', dueDate: '2026-01-31' }] },
    { name: 'an unreadable home page needs review', options: yearly, snapshot: { home: { url: 'http://127.0.0.1/', status: 'unreachable', items: [] } }, findings: [{ outcome: 'needs-review', messageId: 'unreadable' }] },
  ],
});
