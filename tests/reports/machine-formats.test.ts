import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell, neutraliseFormula, toCsv } from '../../reports/csv.ts';
import { toJsonReport, toJsonText } from '../../reports/json.ts';
import { reportJsonSchemaText, reportSchema } from '../../reports/schema/report.ts';
import { sheetName, toXlsx } from '../../reports/xlsx.ts';
import { validate } from './json-schema.ts';
import { jiangsu, JS_URL, seededStore, shuyang, siyang, suqian, XSS_TITLE } from './fixtures.ts';

const sites = () => [jiangsu(), suqian('B'), shuyang('B'), siyang()];
const schemaFile = new URL('../../reports/schema/report.schema.json', import.meta.url);

/** RFC 4180 reader, enough to read back what toCsv wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

describe('JSON report', () => {
  it('report.schema.json is the one generated from the zod schema', () => {
    expect(readFileSync(schemaFile, 'utf8'), 'regenerate with: npx tsx reports/schema/generate.ts').toBe(reportJsonSchemaText());
  });

  it('validates against its JSON Schema and its zod schema', async () => {
    const { runB } = await seededStore();
    const report = JSON.parse(toJsonText(runB, sites()));
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    expect(validate(schema, report)).toEqual([]);
    expect(reportSchema.safeParse(report).success).toBe(true);
    expect(report).toMatchObject({ schema: 'govaudit-report', schemaVersion: 1, summary: { sites: 4, pass: 2, fail: 1, needsReview: 1, notFinished: [] } });
    const sy = report.sites.find((s: { id: string }) => s.id === 'shuyang');
    expect(sy.vetoesTriggered.map((v: { id: string }) => v.id)).toEqual(['columns-stale']);
    expect(sy.score).toEqual({ total: 69, max: 100, passMark: 60, packId: 'national-2019' });
    expect(sy.columns.find((c: { name: string }) => c.name === '乡镇动态')).toMatchObject({ newestDate: '2025-12-25', recency: 'fail', window: { maxAge: 14, unit: 'days' } });
    expect(sy.deadLinks).toHaveLength(2);
  });

  it('the validator catches a broken report', async () => {
    const { runB } = await seededStore();
    const report = JSON.parse(JSON.stringify(toJsonReport(runB, sites())));
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    delete report.sites[0].verdict;
    report.sites[1].packs[0].findings[0].outcome = 'maybe';
    report.run.auditDate = '15/01/2026';
    report.extra = 1;
    const errors = validate(schema, report);
    expect(errors).toEqual(expect.arrayContaining([
      '$.sites[0]: missing verdict',
      '$.sites[1].packs[0].findings[0].outcome: "maybe" not in enum',
      '$.run.auditDate: does not match ^\\d{4}-\\d{2}-\\d{2}$',
      '$: unexpected property extra',
    ]));
    expect(reportSchema.safeParse(report).success).toBe(false);
  });
});

describe('CSV', () => {
  it('starts with a BOM, uses CRLF and quotes per RFC 4180', async () => {
    const { runB } = await seededStore();
    const csv = toCsv(runB, sites());
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    const col = (r: string[], name: (typeof CSV_COLUMNS)[number]) => r[CSV_COLUMNS.indexOf(name)];
    const xss = rows.find((r) => col(r, 'evidence_title') === XSS_TITLE)!;
    expect(xss).toBeDefined();
    expect(col(xss, 'evidence_url')).toBe(JS_URL);
    expect(col(xss, 'evidence_age_days')).toBe('199');
    // An English message with a comma and quotes round-trips.
    expect(rows.some((r) => col(r, 'message_en') === '"通知公告" last updated 2025-06-30, 199 days ago (limit 180 days)')).toBe(true);
    expect(csv).toContain('"""通知公告"" last updated 2025-06-30, 199 days ago (limit 180 days)"');
    // One row per in-force finding; the pack not in force is left out.
    const findings = sites().reduce((n, s) => n + s.result.packs.filter((p) => p.inForce).reduce((m, p) => m + p.findings.length, 0), 0);
    expect(rows.length - 1).toBe(findings);
    expect(csv).not.toContain('suqian-2017');
  });

  it('neutralises formula injection', () => {
    for (const s of ['=HYPERLINK("http://evil")', '+1', '-2+3', '@SUM(A1)', '\t=1']) expect(neutraliseFormula(s)).toBe(`'${s}`);
    expect(neutraliseFormula('政务动态')).toBe('政务动态');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('=A1,"x"')).toBe(`"'=A1,""x"""`);
    expect(csvCell(-5)).toBe('-5');
  });

  it('neutralises a hostile title taken from a page', async () => {
    const { runB } = await seededStore();
    const s = shuyang('B');
    s.result.packs[0]!.findings.find((f) => f.outcome === 'fail')!.evidence[0]!.title = '=cmd|\' /C calc\'!A0';
    const rows = parseCsv(toCsv(runB, [s]).slice(1));
    expect(rows.some((r) => r.includes("'=cmd|' /C calc'!A0"))).toBe(true);
  });
});

describe('XLSX', () => {
  it('has a summary sheet and one sheet per site', async () => {
    const { runB } = await seededStore();
    const buf = await toXlsx(runB, sites());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '江苏省人民政府', '泗阳县人民政府', '宿迁市人民政府', '沭阳县人民政府']);
    const summary = wb.getWorksheet('汇总')!;
    expect(summary.getRow(3).getCell(2).value).toBe('站点');
    expect(summary.getRow(7).getCell(2).value).toBe('沭阳县人民政府');
    expect(summary.getRow(7).getCell(5).value).toBe('不合格');
    const sy = wb.getWorksheet('沭阳县人民政府')!;
    const values = sy.getSheetValues().flat().map((v) => (v && typeof v === 'object' && 'text' in v ? (v as { text: string }).text : v));
    expect(values).toContain(XSS_TITLE);
    expect(values).toContain(JS_URL);
    // The javascript: URL is a plain string, not a hyperlink; http(s) evidence is.
    let jsCell: ExcelJS.Cell | undefined;
    sy.eachRow((row) => row.eachCell((cell) => { if (cell.value === JS_URL) jsCell = cell; }));
    expect(jsCell?.hyperlink).toBeUndefined();
    const links: string[] = [];
    sy.eachRow((row) => row.eachCell((cell) => { if (cell.hyperlink) links.push(cell.hyperlink); }));
    expect(links.length).toBeGreaterThan(5);
    expect(links.every((l) => /^https?:\/\//.test(l))).toBe(true);
  });

  it('makes valid, unique sheet names', () => {
    const taken = new Set<string>(['汇总']);
    expect(sheetName('a/b:c*d?e[f]g\\h', taken)).toBe('a_b_c_d_e_f_g_h');
    const long = '江苏省宿迁市沭阳县沭城街道办事处某某社区居民委员会网站信息公开专栏';
    expect(sheetName(long, taken)).toBe(long.slice(0, 31));
    expect(sheetName('𠀀'.repeat(20), taken)).toBe('𠀀'.repeat(15));
    expect(sheetName('汇总', taken)).toBe('汇总 (2)');
    expect(sheetName("'quoted'", taken)).toBe('quoted');
  });
});
