/**
 * The body of a 政府信息公开工作年度报告 in the format of 国办公开办函〔2021〕30号: six parts and the three statistics
 * tables, as county governments publish it. Used by the demo portal's 年报 detail pages and by the format check's
 * tests (which also break it on purpose: a part left out, a total that does not add up).
 */

export interface AnnualReportOptions {
  org: string;
  year: number;
  /** Leave these parts out (1–6). */
  omitSections?: number[];
  /** Add this much to the （七）总计 row's 自然人 cell, so the column no longer adds up. */
  skewTotal?: number;
  /** Leave out the 行政复议、行政诉讼 table. */
  omitReviewTable?: boolean;
}

const td = (cells: (string | number)[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;

/** 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计 — the total computed, never typed. */
const row = (label: string[], six: number[]) => td([...label, ...six, six.reduce((a, b) => a + b, 0)]);

function applicationTable(skew: number): string {
  const handled: [string[], number[]][] = [
    [['三、本年度办理结果', '（一）予以公开'], [21, 3, 0, 0, 1, 0]],
    [['（二）部分公开（区分处理的，只计这一情形，不计其他情形）'], [4, 1, 0, 0, 0, 0]],
    [['（三）不予公开', '1.属于国家秘密'], [0, 0, 0, 0, 0, 0]],
    [['2.其他法律行政法规禁止公开'], [0, 0, 0, 0, 0, 0]],
    [['3.危及“三安全一稳定”'], [0, 0, 0, 0, 0, 0]],
    [['4.保护第三方合法权益'], [1, 0, 0, 0, 0, 0]],
    [['5.属于三类内部事务信息'], [0, 0, 0, 0, 0, 0]],
    [['6.属于四类过程性信息'], [1, 0, 0, 0, 0, 0]],
    [['7.属于行政执法案卷'], [0, 0, 0, 0, 0, 0]],
    [['8.属于行政查询事项'], [0, 0, 0, 0, 0, 0]],
    [['（四）无法提供', '1.本机关不掌握相关政府信息'], [6, 1, 0, 0, 0, 0]],
    [['2.没有现成信息需要另行制作'], [2, 0, 0, 0, 0, 0]],
    [['3.补正后申请内容仍不明确'], [1, 0, 0, 0, 0, 0]],
    [['（五）不予处理', '1.信访举报投诉类申请'], [2, 0, 0, 0, 0, 0]],
    [['2.重复申请'], [1, 0, 0, 0, 0, 0]],
    [['3.要求提供公开出版物'], [0, 0, 0, 0, 0, 0]],
    [['4.无正当理由大量反复申请'], [0, 0, 0, 0, 0, 0]],
    [['5.要求行政机关确认或重新出具已获取信息'], [0, 0, 0, 0, 0, 0]],
    [['（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'], [1, 0, 0, 0, 0, 0]],
    [['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'], [0, 0, 0, 0, 0, 0]],
    [['3.其他'], [0, 0, 0, 0, 0, 0]],
  ];
  const totals = [0, 1, 2, 3, 4, 5].map((c) => handled.reduce((s, [, v]) => s + v[c], 0));
  const totalRow = td(['（七）总计', totals[0] + skew, ...totals.slice(1), totals.reduce((a, b) => a + b, 0)]);
  return `<table border="1" class="nb-table">
<tr><td colspan="3" rowspan="2">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
${row(['一、本年新收政府信息公开申请数量'], [38, 5, 0, 0, 1, 0])}
${row(['二、上年结转政府信息公开申请数量'], [2, 0, 0, 0, 0, 0])}
${handled.map(([l, v]) => row(l, v)).join('\n')}
${totalRow}
${row(['四、结转下年度继续办理'], [0, 0, 0, 0, 0, 0])}
</table>`;
}

function reviewTable(): string {
  const group = (a: number, b: number, c: number, d: number) => [a, b, c, d, a + b + c + d];
  return `<table border="1" class="nb-table">
<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
${td([...group(2, 0, 1, 0), ...group(1, 0, 0, 1), ...group(0, 0, 0, 0)])}
</table>`;
}

function activeTable(year: number): string {
  return `<table border="1" class="nb-table">
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>6</td><td>2</td><td>41</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">${1200 + (year % 7) * 13}</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>行政处罚</td><td colspan="3">87</td></tr>
<tr><td>行政强制</td><td colspan="3">5</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">312.6</td></tr>
</table>`;
}

export function annualReportBody(o: AnnualReportOptions): string {
  const omit = new Set(o.omitSections ?? []);
  const parts: [number, string, string][] = [
    [1, '一、总体情况', `<p>${o.year}年，${o.org}深入贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息2316条，其中政府网站发布2108条。本报告中所列数据的统计期限自${o.year}年1月1日起至${o.year}年12月31日止。</p>`],
    [2, '二、主动公开政府信息情况', activeTable(o.year)],
    [3, '三、收到和处理政府信息公开申请情况', applicationTable(o.skewTotal ?? 0)],
    [4, '四、政府信息公开行政复议、行政诉讼情况', o.omitReviewTable ? '<p>本年度无相关情况。</p>' : reviewTable()],
    [5, '五、存在的主要问题及改进情况', '<p>一是政策解读形式还不够丰富；二是基层政务公开标准化规范化水平有待提升。下一步，将进一步完善解读方式，加强业务培训。</p>'],
    [6, '六、其他需要报告的事项', `<p>本年度未收取信息处理费。${o.year}年度政务公开工作要点落实情况已在政府网站专栏公开。</p>`],
  ];
  return `<div class="TRS_Editor">\n<p>本报告根据《中华人民共和国政府信息公开条例》第五十条和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。</p>\n${parts
    .filter(([n]) => !omit.has(n))
    .map(([, head, body]) => `<p><strong>${head}</strong></p>\n${body}`)
    .join('\n')}\n</div>`;
}
