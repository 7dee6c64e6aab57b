import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSite } from '../../crawler/cli/demo-command.ts';
import { withStore } from '../../crawler/cli/options.ts';
import { runCrawl } from '../../crawler/crawl/run.ts';
import { startDemoPortal, type DemoPortal } from '../../crawler/demo/index.ts';
import type { StoredSite } from '../../crawler/store/types.ts';
import { runAudit } from '../../extension/lib/audit.ts';
import { exportSession } from '../../extension/lib/export.ts';
import { findingKey, type FindingOverride } from '../../extension/lib/model.ts';
import { columnClassesFor, packsById } from '../../extension/lib/packs.ts';
import { emptySession } from '../../extension/lib/snapshot.ts';
import { EMPTY_SITE_CONFIG } from '../../extension/lib/model.ts';
import { parseReviewSession, ReviewError } from '../../reports/review.ts';
import type { Finding } from '../../rules/model/finding.ts';
import { DEFAULT_PACK_IDS } from '../../rules/schema/pack.ts';

/**
 * The review round trip: an evaluator's decisions made in the browser extension (its own audit and export code,
 * here over the crawl it imported) are merged by `govaudit report <run> --review <session.json>`, and every
 * format shows each overridden finding with who, when and the note.
 */

const exec = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const TODAY = '2026-11-23';
/** A 1×1 PNG, as the extension's captureVisibleTab would give (only much smaller). */
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

let portal: DemoPortal;
let dir: string;
let out: string;
let runId: string;
let crawled: StoredSite;
let overridden: Finding;
let confirmed: Finding;

beforeAll(async () => {
  portal = await startDemoPortal({ port: 0, today: TODAY });
  dir = mkdtempSync(join(tmpdir(), 'govaudit-review-'));
  out = join(dir, 'out');
  await withStore(dir, async (store) => {
    const run = await runCrawl({ sites: [demoSite(portal.url)], store, now: TODAY });
    runId = run.id;
    crawled = (await store.getSite(run.id, 'qingshan-demo'))!;
  });

  // The extension, with the crawl imported, as the evaluator sees it; then their decisions and the export.
  const packs = packsById([...DEFAULT_PACK_IDS]);
  const classes = columnClassesFor(packs);
  const origin = new URL(portal.url).origin;
  const imported = { runId, auditDate: TODAY, snapshot: crawled.snapshot, result: crawled.result };
  const before = runAudit({ packs, classes, session: emptySession(origin, portal.url, `${TODAY}T02:00:00.000Z`), config: EMPTY_SITE_CONFIG, kind: 'county', imported, overrides: [], now: TODAY, capturedAt: `${TODAY}T02:00:00.000Z` });
  const all = before.result.packs.filter((p) => p.inForce).flatMap((p) => p.findings);
  overridden = all.find((f) => f.outcome === 'fail' && f.column?.url)!;
  confirmed = all.find((f) => f.outcome === 'fail' && f !== overridden)!;
  const overrides: FindingOverride[] = [
    { packId: overridden.packId, ruleId: overridden.ruleId, columnUrl: overridden.column!.url, decision: 'override', outcome: 'pass', note: '复核备注：该栏目已按期更新（列表第二页）', at: `${TODAY}T09:30:00.000Z`, reviewer: '张三', evidence: [{ screenshot: PNG, url: overridden.column!.url!, at: `${TODAY}T09:29:00.000Z` }] },
    { packId: confirmed.packId, ruleId: confirmed.ruleId, ...(confirmed.column?.url ? { columnUrl: confirmed.column.url } : {}), decision: 'confirm', note: '确认属实', at: `${TODAY}T09:31:00.000Z`, reviewer: '张三' },
  ];
  const audit = runAudit({ packs, classes, session: emptySession(origin, portal.url, `${TODAY}T02:00:00.000Z`), config: EMPTY_SITE_CONFIG, kind: 'county', imported, overrides, now: TODAY, capturedAt: `${TODAY}T02:00:00.000Z` });
  const exported = exportSession({ audit, session: emptySession(origin, portal.url, `${TODAY}T02:00:00.000Z`), overrides, packs: [...DEFAULT_PACK_IDS], at: `${TODAY}T10:00:00.000Z`, signOff: { reviewer: '张三', at: `${TODAY}T10:00:00.000Z`, note: '复核完毕' } });
  const file = join(dir, 'session.json');
  writeFileSync(file, JSON.stringify(exported));

  await exec(process.execPath, [join(ROOT, 'bin/govaudit.js'), 'report', runId, '--data', dir, '--out', out, '--review', file, '--screenshots', '--format', 'html,json,csv,xlsx,pdf', '--issuer', '示例市人民政府办公室', '--issue-date', '2026-11-30'], { cwd: ROOT, timeout: 120_000 });
}, 240_000);

afterAll(async () => {
  await portal?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('report --review', () => {
  it('marks the overridden and confirmed findings in report.json, with who, when and the note', () => {
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const site = report.sites[0];
    const findings = site.packs.flatMap((p: { findings: Finding[] }) => p.findings) as (Finding & { review?: Record<string, unknown> })[];
    const o = findings.find((f) => f.packId === overridden.packId && f.ruleId === overridden.ruleId && f.column?.url === overridden.column?.url)!;
    expect(o.outcome).toBe('pass');
    expect(o.review).toMatchObject({ decision: 'override', engineOutcome: 'fail', reviewer: '张三', note: '复核备注：该栏目已按期更新（列表第二页）', at: `${TODAY}T09:30:00.000Z` });
    const c = findings.find((f) => f.packId === confirmed.packId && f.ruleId === confirmed.ruleId && f.column?.url === confirmed.column?.url)!;
    expect(c.outcome).toBe('fail');
    expect(c.review).toMatchObject({ decision: 'confirm', engineOutcome: 'fail', note: '确认属实' });
    expect(site.review).toMatchObject({ signOff: { reviewer: '张三', note: '复核完毕' }, confirmed: 1, overridden: 1, unmatched: 0 });
    // Counts follow the override.
    expect(site.counts.fail).toBe(crawled.result.packs.filter((p) => p.inForce).flatMap((p) => p.findings).filter((f) => f.outcome === 'fail').length - 1);
  });

  it('shows them in the CSV', () => {
    const csv = readFileSync(join(out, 'findings.csv'), 'utf8');
    const row = csv.split('\r\n').find((l) => l.includes('复核备注：该栏目已按期更新'))!;
    expect(row).toContain('override');
    expect(row).toContain('张三');
    expect(row).toContain(`${TODAY}T09:30:00.000Z`);
  });

  it('shows them in the XLSX', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'report.xlsx'));
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => cells.push(String(c.value ?? '')))));
    expect(cells.some((c) => c.includes('人工改判：不符合 → 符合') && c.includes('张三') && c.includes('复核备注'))).toBe(true);
  });

  it('shows them in the HTML scorecard, with the reviewer screenshot', () => {
    const html = readFileSync(join(out, 'sites/qingshan-demo.html'), 'utf8');
    expect(html).toContain('人工改判：不符合 → 符合 · 张三 · 2026-11-23 17:30（北京时间） · 复核备注：该栏目已按期更新（列表第二页）');
    expect(html).toContain('人工确认 · 张三');
    expect(html).toContain('复核完毕');
    expect(html).toContain(`<img src="${PNG}"`);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('已复核签署');
  });

  it('shows them in the PDF, with its 落款', async () => {
    const { stdout } = await exec('pdftotext', ['-layout', join(out, 'report.pdf'), '-']);
    const flat = stdout.replace(/\s+/g, '');
    expect(flat).toContain('人工改判：不符合→符合·张三');
    expect(flat).toContain('示例市人民政府办公室');
    expect(flat).toContain('2026年11月30日');
    expect(flat).toContain('计分表');
    // Its counts agree with its lists: the review items counted in the overview are the ones tabled below.
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const review = report.sites[0].counts['needs-review'] + report.sites[0].counts.error;
    expect(flat).toContain(`共${review}项事项需人工复核`);
    expect(flat).toContain(`1个网站共${review}项事项无法由程序判定`);
  });

  it('carries screenshots of the failing columns, cropped to the list, in the HTML and the PDF', async () => {
    const html = readFileSync(join(out, 'sites/qingshan-demo.html'), 'utf8');
    const shots = html.match(/<figure class="shot"><img src="data:image\/jpeg;base64,[^"]+"/g) ?? [];
    const failingColumns = new Set(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).sites[0].packs
      .filter((p: { inForce: boolean }) => p.inForce).flatMap((p: { findings: Finding[] }) => p.findings)
      .filter((f: Finding) => f.outcome === 'fail' && f.column?.url).map((f: Finding) => f.column!.url));
    expect(failingColumns.size).toBeGreaterThan(0);
    expect(shots.length).toBe(failingColumns.size);
    expect(html).toContain('（列表区域）');
    const { stdout } = await exec('pdfimages', ['-list', join(out, 'report.pdf')]);
    // Header lines, then one line per image: at least one per failing column, plus the reviewer's screenshot.
    expect(stdout.trim().split('\n').length - 2).toBeGreaterThanOrEqual(failingColumns.size + 1);
  });

  it('refuses a file that is not a session export, saying why', () => {
    expect(() => parseReviewSession('{"run": {}, "sites": []}')).toThrow(ReviewError);
    expect(() => parseReviewSession('nope')).toThrow(/不是 JSON/);
    expect(findingKey({ packId: 'a', ruleId: 'b' })).toBe('a|b|');
  });
});
