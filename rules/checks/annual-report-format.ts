import { z } from 'zod';
import type { ItemObservation } from '../model/snapshot.ts';
import { defineCheck } from './define.ts';
import { COLUMN_UNREADABLE, itemEvidence, unreadable, unreadableReason } from './evidence.ts';
import { titleMatches, titlePattern } from './title-pattern.ts';

/**
 * The 政府信息公开工作年度报告 follows the format of 国办公开办函〔2021〕30号: six parts, and its tables (主动公开,
 * 收到和处理申请, 行政复议和行政诉讼) with totals that add up. Read from the newest report's detail page.
 */

const SECTIONS: [string, RegExp][] = [
  ['一、总体情况', /总体情况/],
  ['二、主动公开政府信息情况', /主动公开政府信息情况/],
  ['三、收到和处理政府信息公开申请情况', /收到和处理政府信息公开申请情况/],
  ['四、政府信息公开行政复议、行政诉讼情况', /政府信息公开行政复议[、和及]?行政诉讼情况/],
  ['五、存在的主要问题及改进情况', /存在的主要问题及改进情况/],
  ['六、其他需要报告的事项', /其他需要报告的事项/],
];

type Table = string[][];
const flat = (t: Table) => t.flat().join('');
const TABLES: [string, (t: Table) => boolean][] = [
  ['主动公开政府信息情况表', (t) => /制发件数|现行有效件数/.test(flat(t))],
  ['收到和处理政府信息公开申请情况表', (t) => /自然人/.test(flat(t)) && /法人或其他组织/.test(flat(t))],
  ['行政复议、行政诉讼情况表', (t) => /行政复议/.test(flat(t)) && /行政诉讼/.test(flat(t)) && /尚未审结/.test(flat(t))],
];

const NUMBER = /^\d+$/;
const numbersOf = (row: string[]) => row.map((c) => c.replace(/\s+/g, '')).filter((c) => NUMBER.test(c)).map(Number);
const labelOf = (row: string[]) => row.map((c) => c.replace(/\s+/g, '')).filter((c) => c && !NUMBER.test(c)).join(' ');
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * 收到和处理申请表: each row's 总计 is the sum of 自然人 and the five kinds of 法人或其他组织; the （七）总计 row is the sum
 * of the handling rows from （一）予以公开 on; and 新收 + 上年结转 = 办理结果总计 + 结转下年度. Rows are read as their last
 * seven numbers (labels spread over merged cells).
 */
function applicationTotals(t: Table): string[] {
  const problems: string[] = [];
  const rows = t.map((r) => ({ label: labelOf(r), nums: numbersOf(r) })).filter((r) => r.nums.length >= 7).map((r) => ({ ...r, nums: r.nums.slice(-7) }));
  for (const r of rows) {
    if (sum(r.nums.slice(0, 6)) !== r.nums[6]) problems.push(`「${r.label || '—'}」行总计 ${r.nums[6]}，各列之和 ${sum(r.nums.slice(0, 6))}`);
  }
  const start = rows.findIndex((r) => /予以公开/.test(r.label));
  const total = rows.findIndex((r, i) => i > start && /总计/.test(r.label));
  if (start >= 0 && total > start) {
    const handled = rows.slice(start, total);
    for (let col = 0; col < 7; col++) {
      const expected = sum(handled.map((r) => r.nums[col]));
      if (expected !== rows[total].nums[col]) problems.push(`办理结果总计第 ${col + 1} 列为 ${rows[total].nums[col]}，各项之和 ${expected}`);
    }
  }
  // The format's own note on the 总计 column: 第一项加第二项之和，等于第三项加第四项之和.
  const find = (re: RegExp) => rows.find((r) => re.test(r.label));
  const [fresh, carried, next] = [find(/本年新收/), find(/上年结转/), find(/结转下年度/)];
  if (fresh && carried && next && total > start && start >= 0) {
    for (let col = 0; col < 7; col++) {
      const inflow = fresh.nums[col] + carried.nums[col];
      const outflow = rows[total].nums[col] + next.nums[col];
      if (inflow !== outflow) problems.push(`第 ${col + 1} 列新收加上年结转 ${inflow}，不等于办理结果总计加结转下年度 ${outflow}`);
    }
  }
  return problems;
}

/** 行政复议、行政诉讼表: three groups of 结果维持/结果纠正/其他结果/尚未审结/总计, each 总计 the sum of the four before it. */
function reviewTotals(t: Table): string[] {
  const row = t.map(numbersOf).find((nums) => nums.length >= 15);
  if (!row) return ['行政复议、行政诉讼情况表未读出数字'];
  const groups = ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）'];
  const values = row.slice(-15);
  return groups.flatMap((g, i) => {
    const five = values.slice(i * 5, i * 5 + 5);
    return sum(five.slice(0, 4)) === five[4] ? [] : [`${g}总计 ${five[4]}，各项之和 ${sum(five.slice(0, 4))}`];
  });
}

export default defineCheck({
  id: 'annual-report-format',
  needsColumn: true,
  needsDetail: true,
  options: z.strictObject({ ...titlePattern }),
  messages: {
    ok: { zh: '年度报告（{{title}}）六个部分与统计表齐全，合计相符', en: 'Annual report ({{title}}) has the six parts and the tables, and its totals add up' },
    format: { zh: '年度报告（{{title}}）不符合格式要求：{{problems}}', en: 'Annual report ({{title}}) does not follow the format: {{problems}}' },
    'not-read': { zh: '未读取年度报告正文（{{title}}）：需人工核查六个部分与统计表', en: 'The annual report text ({{title}}) was not read: check the six parts and the tables by hand' },
    'no-report': { zh: '未找到年度报告，见年度报告公开期限规则', en: 'No annual report found: see the publication deadline rule' },
    'no-column': { zh: '未找到「{{className}}」栏目，需人工核查', en: 'No "{{classNameEn}}" column found: check by hand' },
    unreadable: COLUMN_UNREADABLE,
  },
  evaluate({ columns, columnClass, options: o, report }) {
    if (columns.length === 0) return report({ outcome: 'needs-review', messageId: 'no-column', data: { className: columnClass!.name.zh, classNameEn: columnClass!.name.en } });
    const broken = columns.find(unreadable);
    if (broken) return report({ outcome: 'needs-review', messageId: 'unreadable', column: broken, data: { column: broken.name, reason: unreadableReason(broken) } });
    const column = columns[0];
    const reports = columns.flatMap((c) => c.items).filter((i) => titleMatches(i.title, o));
    const newest = reports.reduce<ItemObservation | undefined>((a, b) => (!a || (b.date ?? '') > (a.date ?? '') ? b : a), undefined);
    if (!newest) return report({ outcome: 'not-applicable', messageId: 'no-report', column });
    const title = newest.title;
    if (!newest.detail) return report({ outcome: 'needs-review', messageId: 'not-read', column, data: { title }, evidence: [itemEvidence(newest)] });

    const text = newest.detail.text.replace(/\s+/g, '');
    const problems: string[] = [];
    const missingSections = SECTIONS.filter(([, re]) => !re.test(text)).map(([name]) => name);
    if (missingSections.length) problems.push(`缺少部分 ${missingSections.join('、')}`);
    const found = TABLES.map(([name, is]) => [name, newest.detail!.tables.find(is)] as const);
    const missingTables = found.filter(([, t]) => !t).map(([name]) => name);
    if (missingTables.length) problems.push(`缺少统计表 ${missingTables.join('、')}`);
    const application = found[1][1];
    const review = found[2][1];
    if (application) problems.push(...applicationTotals(application));
    if (review) problems.push(...reviewTotals(review));
    const evidence = [itemEvidence(newest)];
    if (problems.length) return report({ outcome: 'fail', messageId: 'format', column, data: { title, problems: problems.join('；') }, evidence });
    report({ outcome: 'pass', messageId: 'ok', column, data: { title }, evidence });
  },
});
