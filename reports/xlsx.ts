import ExcelJS from 'exceljs';
import type { RunRecord, StoredSite } from '../crawler/store/types.ts';
import { VERDICT_TEXT } from '../rules/model/finding.ts';
import { safeHref, stripInvisible } from './html/escape.ts';
import { parentName, rankSites } from './html/multi-site.ts';
import { ageDays, liveFindings, OUTCOME_RANK, OUTCOME_TEXT, SEVERITY_TEXT, triggeredVetoes } from './model.ts';
import { reviewOf } from './review.ts';
import { reviewLine } from './vocabulary.ts';

/**
 * The workbook: a summary sheet (汇总) ranking every site, then one sheet per site listing its findings. Cells hold
 * values, never formulas, so page text starting with `=` stays text; only http(s) URLs become hyperlinks.
 */

const FORBIDDEN = /[[\]:*?/\\]/g;

/** The longest prefix within `units` UTF-16 code units (Excel's measure) that does not split a character. */
function fit(s: string, units: number): string {
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > units) break;
    out += ch;
  }
  return out;
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, not starting or ending with an apostrophe, unique. */
export function sheetName(wanted: string, taken: Set<string>): string {
  let base = stripInvisible(wanted).replace(FORBIDDEN, '_').replace(/^'+|'+$/g, '').trim() || 'site';
  if (base.toLowerCase() === 'history') base = 'history_';
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? '' : ` (${i})`;
    const name = fit(base, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

const FILL = {
  header: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEAEEF2' } },
  fail: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFEE4E2' } },
  review: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8C5' } },
  pass: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDAFBE1' } },
} as const satisfies Record<string, ExcelJS.Fill>;

function fillFor(outcomeOrVerdict: string): ExcelJS.Fill | undefined {
  if (outcomeOrVerdict === 'fail') return FILL.fail;
  if (outcomeOrVerdict === 'pass') return FILL.pass;
  if (['warn', 'needs-review', 'error'].includes(outcomeOrVerdict)) return FILL.review;
  return undefined;
}

function clean(s: string | undefined): string {
  return s === undefined ? '' : stripInvisible(s);
}

function urlCell(url: string | undefined): ExcelJS.CellValue {
  if (!url) return '';
  const href = safeHref(url);
  return href ? { text: clean(url), hyperlink: href } : clean(url);
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((c) => (c.fill = FILL.header));
}

/** The .xlsx file as bytes. */
export async function toXlsx(run: RunRecord, sites: StoredSite[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'govaudit';
  wb.created = new Date(run.startedAt);
  const taken = new Set<string>();

  const summary = wb.addWorksheet(sheetName('汇总', taken), { views: [{ state: 'frozen', ySplit: 3 }] });
  summary.addRow([`政府网站检查结果汇总  批次 ${run.id}  检查日期 ${run.auditDate}`]).font = { bold: true, size: 13 };
  summary.addRow([]);
  summary.columns = [
    { key: 'rank', width: 6 }, { key: 'name', width: 24 }, { key: 'id', width: 14 }, { key: 'parent', width: 18 }, { key: 'verdict', width: 9 },
    { key: 'score', width: 7 }, { key: 'vetoes', width: 34 }, { key: 'fail', width: 8 }, { key: 'review', width: 8 }, { key: 'home', width: 36 }, { key: 'sheet', width: 24 },
  ];
  styleHeader(summary.addRow(['名次', '站点', '站点 id', '上级', '结论', '得分', '触发的否决项', '不符合', '待复核', '首页', '明细工作表']));

  const ranked = rankSites(sites);
  const sheets = new Map<string, string>();
  for (const r of ranked) sheets.set(r.site.snapshot.site.id, sheetName(r.site.snapshot.site.name, taken));
  for (const r of ranked) {
    const info = r.site.snapshot.site;
    const findings = liveFindings(r.site);
    const sheet = sheets.get(info.id)!;
    const row = summary.addRow([
      r.rank, clean(info.name), clean(info.id), clean(parentName(r.site, sites)), VERDICT_TEXT[r.site.result.verdict].zh, r.score ?? '',
      triggeredVetoes(r.site.result).map((v) => `${v.title.zh}（${v.count}/${v.atLeast}）`).join('；'),
      findings.filter((f) => f.outcome === 'fail').length, findings.filter((f) => f.outcome === 'needs-review' || f.outcome === 'error').length,
      urlCell(info.homeUrl), { text: sheet, hyperlink: `#'${sheet.replace(/'/g, "''")}'!A1` },
    ]);
    const fill = fillFor(r.site.result.verdict);
    if (fill) row.getCell(5).fill = fill;
  }

  for (const r of ranked) {
    const site = r.site;
    const info = site.snapshot.site;
    const auditDate = site.result.evaluatedAt || run.auditDate;
    const ws = wb.addWorksheet(sheets.get(info.id)!, { views: [{ state: 'frozen', ySplit: 4 }] });
    ws.columns = [
      { width: 9 }, { width: 9 }, { width: 24 }, { width: 48 }, { width: 14 }, { width: 36 }, { width: 36 }, { width: 40 },
      { width: 11 }, { width: 8 }, { width: 11 }, { width: 20 }, { width: 22 }, { width: 40 }, { width: 26 }, { width: 48 },
    ];
    ws.addRow([`${clean(info.name)}  ${VERDICT_TEXT[site.result.verdict].zh}${r.score !== undefined ? `  得分 ${r.score}` : ''}`]).font = { bold: true, size: 13 };
    ws.addRow(['首页', urlCell(info.homeUrl), '检查日期', auditDate, '批次', run.id]);
    ws.addRow([]);
    styleHeader(ws.addRow(['结果', '类型', '规则', '说明', '栏目', '栏目网址', '证据标题', '证据网址', '证据日期', '距今天数', '到期日', '依据文件', '条目', '原文', '规则 id', '人工复核']));
    const findings = liveFindings(site).map((f, i) => ({ f, i })).sort((a, b) => OUTCOME_RANK[a.f.outcome] - OUTCOME_RANK[b.f.outcome] || a.i - b.i).map(({ f }) => f);
    for (const f of findings) {
      const e = f.evidence[0];
      const row = ws.addRow([
        OUTCOME_TEXT[f.outcome].zh, SEVERITY_TEXT[f.severity].zh, f.ruleTitle.zh, clean(f.message.zh), clean(f.column?.name), urlCell(f.column?.url),
        clean(e?.title), urlCell(e?.url), e?.date ?? '', ageDays(e?.date, auditDate) ?? '', f.dueDate ?? '',
        f.source.doc, f.source.item ?? '', f.source.quote ?? '', `${f.packId}/${f.ruleId}`,
        reviewOf(f) ? clean(reviewLine(reviewOf(f)!, f.outcome, 'zh')) : '',
      ]);
      const fill = fillFor(f.outcome);
      if (fill) row.getCell(1).fill = fill;
      row.alignment = { vertical: 'top', wrapText: true };
    }
    ws.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4, column: 16 } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
