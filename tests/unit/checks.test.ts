import columnEmpty from '../../rules/checks/column-empty.ts';
import columnPresence from '../../rules/checks/column-presence.ts';
import columnRecency from '../../rules/checks/column-recency.ts';
import deadLinks from '../../rules/checks/dead-links.ts';
import homepageFreshness from '../../rules/checks/homepage-freshness.ts';
import homepageVolume from '../../rules/checks/homepage-volume.ts';
import manualCheck from '../../rules/checks/manual-check.ts';
import periodicObligation from '../../rules/checks/periodic-obligation.ts';
import publicationLag from '../../rules/checks/publication-lag.ts';
import siteAvailability from '../../rules/checks/site-availability.ts';
import siteIdentity from '../../rules/checks/site-identity.ts';
import yearlyDeadline from '../../rules/checks/yearly-deadline.ts';
import { columnOf, itemsDated, RuleTester } from './rule-tester.ts';

const tester = new RuleTester({ now: '2026-01-15' });
const news = (dates: (string | undefined)[], extra = {}) => columnOf('news', '工作动态', itemsDated(dates), extra);
const home = (dates: (string | undefined)[], extra = {}) => ({ url: 'http://127.0.0.1/', status: 'ok' as const, items: itemsDated(dates, '要闻'), ...extra });

tester.run(columnPresence, {
  valid: [{ name: 'news column found', column: 'news', snapshot: { columns: [news(['2026-01-10'])] } }],
  invalid: [
    { name: 'missing after a complete crawl fails', column: 'news', snapshot: { columns: [] }, findings: [{ outcome: 'fail', messageId: 'missing', data: { className: '动态要闻' } }] },
    { name: 'missing after an incomplete crawl needs review', column: 'news', snapshot: { discoveryComplete: false }, findings: [{ outcome: 'needs-review', messageId: 'not-found-incomplete' }] },
    { name: 'unreadable home page needs review', column: 'news', snapshot: { home: { url: 'http://127.0.0.1/', status: 'unreachable', items: [] } }, findings: [{ outcome: 'needs-review', messageId: 'not-found-incomplete' }] },
  ],
});

tester.run(columnRecency, {
  valid: [
    { name: 'news updated 3 days ago passes', column: 'news', options: { maxAge: 14 }, snapshot: { columns: [news(['2026-01-12', '2025-12-01'])] } },
    { name: 'no such column is not applicable', column: 'notice', options: { maxAge: 180 }, snapshot: { columns: [news(['2026-01-12'])] } },
    { name: 'an empty column is left to the empty-column rule', column: 'news', options: { maxAge: 14 }, snapshot: { columns: [news([])] } },
  ],
  invalid: [
    { name: 'news 20 days old fails', column: 'news', options: { maxAge: 14 }, snapshot: { columns: [news(['2025-12-26'])] }, findings: [{ outcome: 'fail', messageId: 'stale', data: { ageDays: 20, date: '2025-12-26' }, column: '工作动态' }] },
    { name: 'a future date does not count as fresh', column: 'news', options: { maxAge: 14 }, snapshot: { columns: [news(['2027-01-01', '2025-12-01'])] }, findings: [{ outcome: 'fail', messageId: 'stale', data: { date: '2025-12-01' } }] },
    { name: 'due within the warning window warns', column: 'news', options: { maxAge: 14, warnBeforeDays: 3 }, snapshot: { columns: [news(['2026-01-03'])] }, findings: [{ outcome: 'warn', messageId: 'due-soon', dueDate: '2026-01-17' }] },
    { name: 'undated items count as not updated', column: 'news', options: { maxAge: 14 }, snapshot: { columns: [news([undefined, undefined])] }, findings: [{ outcome: 'fail', messageId: 'undated', data: { items: 2 } }] },
    { name: 'undated can be made needs-review', column: 'news', options: { maxAge: 14, undated: 'needs-review' }, snapshot: { columns: [news([undefined])] }, findings: [{ outcome: 'needs-review', messageId: 'undated' }] },
    { name: 'unreachable column needs review, never pass or fail', column: 'news', options: { maxAge: 14 }, snapshot: { columns: [news([], { status: 'unreachable', statusReason: 'timeout' })] }, findings: [{ outcome: 'needs-review', messageId: 'unreadable', data: { reason: 'timeout' } }] },
    {
      name: 'working days skip the 2025 国庆 holiday', column: 'news', now: '2025-10-10', options: { maxAge: 5, unit: 'workdays' },
      snapshot: { columns: [news(['2025-09-28'])] },
      // 09-28 (a make-up Sunday) + 5 working days: 09-29, 09-30, 10-09, 10-10, 10-11 (make-up Saturday) → due 10-11, still fresh on 10-10.
      findings: [{ outcome: 'pass', messageId: 'fresh' }],
    },
    { name: 'a deadline in an uncovered year says calendar unknown', column: 'news', now: '2026-12-30', options: { maxAge: 10, unit: 'workdays' }, snapshot: { columns: [news(['2026-12-25'])] }, findings: [{ outcome: 'needs-review', messageId: 'calendar-unknown' }] },
    {
      name: 'every column of the class is judged on its own', column: 'news', options: { maxAge: 14 },
      snapshot: { columns: [news(['2026-01-14']), columnOf('news', '部门动态', itemsDated(['2025-11-01']))] },
      findings: [{ outcome: 'pass', messageId: 'fresh', column: '工作动态' }, { outcome: 'fail', messageId: 'stale', column: '部门动态' }],
    },
  ],
});

tester.run(columnEmpty, {
  valid: [{ name: 'column with items', snapshot: { columns: [news(['2026-01-01'])] } }],
  invalid: [
    { name: 'column with no items fails', snapshot: { columns: [news(['2026-01-01']), columnOf('personnel', '人事信息', [])] }, findings: [{ outcome: 'pass', messageId: 'has-content' }, { outcome: 'fail', messageId: 'empty', column: '人事信息' }] },
    { name: 'unreadable column needs review', snapshot: { columns: [columnOf('personnel', '人事信息', [], { status: 'needs-review', statusReason: 'HTTP 429' })] }, findings: [{ outcome: 'needs-review', messageId: 'unreadable' }] },
  ],
});

const dibao = (titlesAndDates: [string, string][]) =>
  columnOf('social-assistance', '社会救助', titlesAndDates.map(([title, date]) => ({ title, date, url: `http://127.0.0.1/${date}.html` })));

tester.run(periodicObligation, {
  valid: [
    {
      name: 'monthly 低保 figures for December published in early January', column: 'social-assistance', now: '2026-01-15',
      options: { frequency: 'monthly', dueWithin: { amount: 10, unit: 'workdays' }, titleIncludes: ['低保'] },
      snapshot: { columns: [dibao([['2025年12月城乡低保对象人数及资金支出情况', '2026-01-06'], ['2025年11月城乡低保对象人数及资金支出情况', '2025-12-04']])] },
    },
    {
      name: 'daily air quality up to yesterday', column: 'environment', now: '2026-01-15', options: { frequency: 'daily', titleIncludes: ['空气质量预报'] },
      snapshot: { columns: [columnOf('environment', '生态环境', itemsDated(['2026-01-14', '2026-01-13'], '空气质量预报'))] },
    },
  ],
  invalid: [
    {
      name: 'December figures missing after the deadline', column: 'social-assistance', now: '2026-01-20',
      options: { frequency: 'monthly', dueWithin: { amount: 3, unit: 'workdays' }, titleIncludes: ['低保'] },
      snapshot: { columns: [dibao([['2025年11月城乡低保对象人数及资金支出情况', '2025-12-03'], ['2025年12月特困人员供养情况', '2026-01-05']])] },
      findings: [{ outcome: 'fail', messageId: 'missed', data: { period: '2025年12月', dueDate: '2026-01-06' } }],
    },
    {
      name: 'published after the deadline is late', column: 'social-assistance', now: '2026-01-20',
      options: { frequency: 'monthly', dueWithin: { amount: 3, unit: 'workdays' }, untitled: 'previous-period', titleIncludes: ['低保'] },
      snapshot: { columns: [dibao([['城乡低保对象人数及资金支出情况', '2026-01-12']])] },
      findings: [{ outcome: 'fail', messageId: 'late', data: { date: '2026-01-12' } }],
    },
    {
      // No number in the plan: the fourth quarter's report may come until the first quarter ends.
      name: 'quarterly 救助 figures due soon warn', column: 'social-assistance', now: '2026-03-25',
      options: { frequency: 'quarterly', warnBeforeDays: 10, titleIncludes: ['救助'] },
      snapshot: { columns: [dibao([['2025年第三季度临时救助情况', '2025-10-20']])] },
      findings: [{ outcome: 'warn', messageId: 'due-soon', dueDate: '2026-03-31', data: { period: '2025年第4季度' } }],
    },
    { name: 'no column needs review', column: 'environment', options: { frequency: 'daily', titleIncludes: ['空气质量预报'] }, snapshot: { columns: [] }, findings: [{ outcome: 'needs-review', messageId: 'no-column' }] },
  ],
});

const reports = (titles: [string, string][]) => columnOf('annual-report', '政府信息公开工作年度报告', titles.map(([title, date]) => ({ title, date })));

tester.run(yearlyDeadline, {
  valid: [
    { name: '2025 report published by 01-31', column: 'annual-report', now: '2026-02-10', options: { deadline: '01-31', titleIncludes: ['年度报告'] }, snapshot: { columns: [reports([['青山县2025年政府信息公开工作年度报告', '2026-01-20']])] } },
    { name: 'before the deadline the previous report suffices', column: 'annual-report', now: '2026-01-05', options: { deadline: '01-31', titleIncludes: ['年度报告'] }, snapshot: { columns: [reports([['青山县2024年政府信息公开工作年度报告', '2025-01-22']])] } },
  ],
  invalid: [
    { name: 'missing after 01-31 fails', column: 'annual-report', now: '2026-02-10', options: { deadline: '01-31', titleIncludes: ['年度报告'] }, snapshot: { columns: [reports([['青山县2024年政府信息公开工作年度报告', '2025-01-22']])] }, findings: [{ outcome: 'fail', messageId: 'missing', data: { year: 2025 } }] },
    { name: 'published in March is late', column: 'annual-report', now: '2026-04-10', options: { deadline: '01-31', titleIncludes: ['年度报告'] }, snapshot: { columns: [reports([['青山县2025年政府信息公开工作年度报告', '2026-03-02']])] }, findings: [{ outcome: 'fail', messageId: 'late' }] },
    { name: 'near the deadline warns', column: 'annual-report', now: '2026-01-20', options: { deadline: '01-31', warnBeforeDays: 30, titleIncludes: ['年度报告'] }, snapshot: { columns: [reports([['青山县2024年政府信息公开工作年度报告', '2025-01-22']])] }, findings: [{ outcome: 'warn', messageId: 'due-soon', dueDate: '2026-01-31' }] },
  ],
});

tester.run(homepageFreshness, {
  valid: [{ name: 'home updated yesterday', options: { maxAgeDays: 14 }, snapshot: { home: home(['2026-01-14']) } }],
  invalid: [
    { name: 'home 15 days old is a veto-grade fail', options: { maxAgeDays: 14 }, snapshot: { home: home(['2025-12-31']) }, findings: [{ outcome: 'fail', messageId: 'stale', data: { ageDays: 15 } }] },
    { name: 'home with only undated items counts as not updated', options: { maxAgeDays: 14 }, snapshot: { home: home([undefined, undefined]) }, findings: [{ outcome: 'fail', messageId: 'undated' }] },
    { name: 'home that timed out needs review', options: { maxAgeDays: 14 }, snapshot: { home: { url: 'http://127.0.0.1/', status: 'unreachable', statusReason: 'timeout', items: [] } }, findings: [{ outcome: 'needs-review', messageId: 'unreadable' }] },
  ],
});

tester.run(homepageVolume, {
  valid: [{ name: '10 items in two weeks', options: { windowDays: 14, minItems: 10 }, snapshot: { home: home(Array.from({ length: 10 }, (_, i) => `2026-01-${String(14 - i).padStart(2, '0')}`)) } }],
  invalid: [{ name: 'old items do not count', options: { windowDays: 14, minItems: 10 }, snapshot: { home: home(['2026-01-14', '2026-01-10', '2025-12-01', '2025-11-01']) }, findings: [{ outcome: 'fail', messageId: 'low-volume', data: { count: 2 } }] }],
});

const link = (status: 'ok' | 'dead' | 'needs-review', url: string, httpStatus?: number) => ({ url, fromUrl: 'http://127.0.0.1/', status, httpStatus, attempts: 2 });
tester.run(deadLinks, {
  valid: [{ name: 'all links ok', snapshot: { links: [link('ok', 'http://127.0.0.1/a')] } }, { name: 'no links checked', snapshot: {} }],
  invalid: [
    {
      name: 'each dead link is a finding; 429 needs review',
      snapshot: { links: [link('ok', 'http://127.0.0.1/a'), link('dead', 'http://127.0.0.1/gone', 404), link('needs-review', 'http://127.0.0.1/busy', 429), link('dead', 'http://127.0.0.1/gone2', 404)] },
      findings: [{ outcome: 'fail', messageId: 'dead', data: { url: 'http://127.0.0.1/gone' } }, { outcome: 'needs-review', messageId: 'unverified' }, { outcome: 'fail', messageId: 'dead' }],
    },
  ],
});

const samples = (ok: number, failed: number) => [
  ...Array.from({ length: ok }, (_, i) => ({ at: `t${i}`, ok: true, ms: 300 })),
  ...Array.from({ length: failed }, (_, i) => ({ at: `f${i}`, ok: false, reason: 'timeout' })),
];
tester.run(siteAvailability, {
  valid: [{ name: '1 failure in 40 is under 5%', options: { maxFailureRate: 0.05 }, snapshot: { availability: samples(39, 1) } }],
  invalid: [
    { name: '2 failures in 40 reach 5%', options: { maxFailureRate: 0.05 }, snapshot: { availability: samples(38, 2) }, findings: [{ outcome: 'fail', messageId: 'unavailable', data: { rate: 5 } }] },
    { name: 'few samples cannot fail a site', options: { maxFailureRate: 0.05 }, snapshot: { availability: samples(2, 1) }, findings: [{ outcome: 'needs-review', messageId: 'too-few-samples' }] },
    { name: 'a visit slower than 15 s counts as a failure', options: { maxFailureRate: 0.05, minSamples: 2 }, snapshot: { availability: [{ at: 'a', ok: true, ms: 16000 }, { at: 'b', ok: true, ms: 100 }] }, findings: [{ outcome: 'fail', messageId: 'unavailable' }] },
  ],
});

const marks = { marks: [{ id: 'idcode', label: '网站标识码', pattern: '网站标识码' }, { id: 'icp', label: 'ICP备案号', pattern: 'ICP备\\d+' }] };
tester.run(siteIdentity, {
  valid: [{ name: 'footer has both marks', options: marks, snapshot: { home: home([], { footerText: '网站标识码：3601230001 赣ICP备05001234号' }) } }],
  invalid: [{ name: 'footer lacks ICP', options: marks, snapshot: { home: home([], { footerText: '网站标识码：3601230001' }) }, findings: [{ outcome: 'fail', messageId: 'missing', data: { marks: 'ICP备案号' } }] }],
});

tester.run(publicationLag, {
  valid: [{ name: 'published 5 working days after being formed', options: { maxAge: 20 }, snapshot: { columns: [columnOf('policy', '政策文件', [{ title: '关于印发…的通知', formedDate: '2025-11-03', date: '2025-11-10' }])] } }],
  invalid: [{
    name: 'published two months after being formed', options: { maxAge: 20 },
    snapshot: { columns: [columnOf('policy', '政策文件', [{ title: '关于印发…的通知', formedDate: '2025-09-01', date: '2025-11-10' }])] },
    findings: [{ outcome: 'fail', messageId: 'late', data: { late: 1 } }],
  }],
});

tester.run(manualCheck, {
  valid: [],
  invalid: [{ name: 'always asks for a person', options: { hint: '突发事件5小时内发布权威信息' }, snapshot: {}, findings: [{ outcome: 'needs-review', messageId: 'manual', data: { hint: '突发事件5小时内发布权威信息' } }] }],
});
