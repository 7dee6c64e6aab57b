import { summarise as summariseResult } from '../../crawler/crawl/summarise.ts';
import type { RunRecord, StoredSite } from '../../crawler/store/types.ts';
import { VERDICT_TEXT, type Finding, type SiteResult } from '../../rules/model/finding.ts';
import type { SiteSnapshot } from '../../rules/model/snapshot.ts';
import { csvLine } from '../../reports/csv.ts';
import type { Audit } from './audit.ts';
import { keyOfFinding } from './audit.ts';
import { OUTCOME_TEXT } from './i18n.ts';
import { findingKey, type FindingOverride, type SignOff, type SiteConfig } from './model.ts';
import type { ImportedSite, SiteSession } from './snapshot.ts';
import { REPORT_SCHEMA_ID } from '../../reports/schema/report.ts';
import { beijingTime } from '../../reports/vocabulary.ts';
import { issuesText, reportSchema, runFileSchema, snapshotFromReport } from './stored-shapes.ts';

/**
 * Session export and crawl import. The export has the crawler's run-file shape (`{ run, sites }`, each site a
 * StoredSite) plus the evaluator's `overrides`, so the report renderers read it like a crawl.
 */

export interface ExportedSite extends StoredSite {
  /** The evaluator's decisions; `result` already has the `override` outcomes applied. */
  overrides: FindingOverride[];
  /** The evaluator's sign-off of this site's review. */
  signOff?: SignOff;
  /** Column URLs set by hand and classes marked 不适用 (the sites-file `columns:` to use next time). */
  columns?: SiteConfig['columns'];
  notApplicable?: Record<string, string>;
  /** The engine's result before overrides. */
  engineResult: SiteResult;
}

export interface ExtensionRun extends RunRecord {
  source: 'extension';
  packs: string[];
}

export interface SessionExport {
  run: ExtensionRun;
  sites: [ExportedSite];
}

function stamp(iso: string): string {
  return iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-');
}

/** A run summary as the crawler stores it: the crawler's own function. */
export { summarise as summariseResult } from '../../crawler/crawl/summarise.ts';

export interface ExportInput {
  audit: Audit;
  session: SiteSession;
  overrides: FindingOverride[];
  packs: string[];
  /** ISO timestamp of the export. */
  at: string;
  config?: SiteConfig;
  signOff?: SignOff;
}

export function exportSession(input: ExportInput): SessionExport {
  const { audit, session, overrides, at } = input;
  const runId = `extension-${stamp(at)}`;
  const observed = Object.values(session.columns);
  const stats: StoredSite['stats'] = {
    pages: observed.length + Object.keys(session.hubs).length + (session.home ? 1 : 0),
    errors: 0,
    elapsedMs: 0,
    bytes: 0,
    rendered: observed.filter((c) => c.source === 'live').length + (session.home ? 1 : 0),
  };
  const run: ExtensionRun = {
    id: runId, startedAt: session.home?.at ?? session.updatedAt, finishedAt: at, status: 'finished', auditDate: audit.now,
    siteIds: [audit.snapshot.site.id], done: [summariseResult(audit.snapshot, audit.result)], source: 'extension', packs: input.packs,
  };
  const config = input.config;
  return {
    run,
    sites: [{
      runId, snapshot: audit.snapshot, result: audit.result, stats, overrides, engineResult: audit.raw,
      ...(input.signOff ? { signOff: input.signOff } : {}),
      ...(config && Object.keys(config.columns).length ? { columns: config.columns } : {}),
      ...(config?.notApplicable && Object.keys(config.notApplicable).length ? { notApplicable: config.notApplicable } : {}),
    }],
  };
}

/**
 * The sites-file `columns:` block for this site: the column URLs the evaluator set (so the next crawl uses
 * them), and the classes marked 不适用 as comments with their reasons (the sites file has no such field).
 * Strings are JSON-quoted, which YAML reads as they are.
 */
export function columnsSnippet(config: SiteConfig, homeUrl: string, classes: Record<string, { name: { zh: string } }>): string {
  const lines = [`# govaudit 浏览器扩展导出的栏目配置 / column settings exported by the govaudit extension`, `# 站点 site: ${homeUrl}`, `# 粘贴到 sites 文件中该站点条目下 / paste under this site's entry in the sites file`];
  const set = Object.entries(config.columns).filter(([, c]) => c.url);
  lines.push(set.length ? 'columns:' : 'columns: {}');
  for (const [classId, c] of set) {
    lines.push(`  ${classId}:  # ${classes[classId]?.name.zh ?? classId}`, `    url: ${JSON.stringify(c.url)}`);
    if (c.name) lines.push(`    name: ${JSON.stringify(c.name)}`);
  }
  for (const [classId, reason] of Object.entries(config.notApplicable ?? {})) {
    lines.push(`# 不适用 not applicable: ${classId}（${classes[classId]?.name.zh ?? classId}）— ${reason.replace(/[\r\n]+/g, ' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** 「通过 pass」: the panel's word and the outcome id, so a spreadsheet can be filtered by either. */
function outcomeCell(outcome: Finding['outcome']): string {
  return `${OUTCOME_TEXT[outcome].zh} ${outcome}`;
}

const CSV_HEADER = ['站点 site', '规则包 pack', '规则 rule', '规则名称 rule title', '栏目 column', '栏目链接 column URL', '引擎结果 engine outcome', '复核 decision', '最终结果 final outcome', '说明 message', '备注 note', '证据 evidence', '复核时间 reviewed at'];

/** The findings (not-applicable ones left out) with the evaluator's decisions, as CSV with a UTF-8 BOM for Excel. */
export function exportCsv(audit: Audit, overrides: FindingOverride[]): string {
  const byKey = new Map(overrides.map((o) => [findingKey(o), o] as const));
  const rawByKey = new Map(audit.raw.packs.flatMap((p) => p.findings.map((f) => [keyOfFinding(f), f] as const)));
  const lines = [csvLine(CSV_HEADER)];
  const site = `${audit.snapshot.site.name} (${audit.snapshot.site.homeUrl})`;
  for (const pack of audit.result.packs) {
    if (!pack.inForce) continue;
    for (const f of pack.findings) {
      const o = byKey.get(keyOfFinding(f));
      const raw = rawByKey.get(keyOfFinding(f)) ?? f;
      if (f.outcome === 'not-applicable' && !o) continue;
      const evidence = [...(o?.evidence ?? []).map((e) => `截图 screenshot ${e.url} @ ${e.at}`), ...f.evidence.filter((e) => e.url).map((e) => e.url!)].join(' ; ');
      lines.push(csvLine([
        site, pack.packId, f.ruleId, `${f.ruleTitle.zh} / ${f.ruleTitle.en}`, f.column?.name ?? f.column?.classId ?? '', f.column?.url ?? '',
        outcomeCell(raw.outcome), o ? (o.decision === 'confirm' ? '确认 confirm' : '改判 override') : '', outcomeCell(f.outcome),
        `${f.message.zh} / ${f.message.en}`, o?.note ?? '', evidence, o?.at ? beijingTime(o.at, 'zh') : '',
      ]));
    }
  }
  const verdict = VERDICT_TEXT[audit.result.verdict];
  lines.push(csvLine(['', '', '', `站点结论 site verdict: ${verdict.zh} / ${verdict.en}`]));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Items kept per column of an imported crawl, newest first: enough for badges, small enough for storage. */
const IMPORT_ITEMS_PER_COLUMN = 30;

function trimSnapshot(s: SiteSnapshot): SiteSnapshot {
  const newestFirst = (a: { date?: string }, b: { date?: string }) => (b.date ?? '').localeCompare(a.date ?? '');
  return {
    ...s,
    home: { ...s.home, items: [...s.home.items].sort(newestFirst).slice(0, IMPORT_ITEMS_PER_COLUMN) },
    columns: s.columns.map((c) => ({ ...c, items: [...c.items].sort(newestFirst).slice(0, IMPORT_ITEMS_PER_COLUMN) })),
  };
}

/** Why an import was refused, in both languages, with the technical detail (JSON paths) apart. */
export class ImportError extends Error {
  constructor(readonly text: { zh: string; en: string }, readonly detail = '') {
    super(`${text.zh} / ${text.en}${detail ? `: ${detail}` : ''}`);
  }

  in(lang: 'zh' | 'en'): string {
    return `${this.text[lang]}${this.detail ? `${lang === 'zh' ? '：' : ': '}${this.detail}` : ''}`;
  }
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * A crawler run file (`{ run, sites: StoredSite[] }`) or a `report.json` (schema govaudit-report) → the sites it
 * holds, keyed by the origin of their home URL. The file is checked against the schema; one that does not fit is
 * refused with the first problems named, and nothing is stored.
 */
export function parseCrawlRun(text: string, importedAt: string): Map<string, ImportedSite> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ImportError({ zh: '不是 JSON 文件', en: 'not JSON' }, (e as Error).message);
  }
  const out = new Map<string, ImportedSite>();
  if (data && typeof data === 'object' && (data as { schema?: unknown }).schema === REPORT_SCHEMA_ID) {
    const r = reportSchema.safeParse(data);
    if (!r.success) throw new ImportError({ zh: 'report.json 不符合报告格式（govaudit-report），未导入', en: 'report.json does not match the report schema: not imported' }, issuesText(r.error));
    for (const site of r.data.sites) {
      const origin = originOf(site.homeUrl);
      if (!origin) throw new ImportError({ zh: '站点首页地址不是网址，未导入', en: 'a site home URL is not a URL: not imported' }, site.id);
      out.set(origin, {
        runId: r.data.run.id, auditDate: r.data.run.auditDate, snapshot: snapshotFromReport(site),
        result: { siteId: site.id, evaluatedAt: r.data.run.auditDate, verdict: site.verdict, packs: site.packs as SiteResult['packs'] }, importedAt,
      });
    }
  } else {
    const r = runFileSchema.safeParse(data);
    if (!r.success) throw new ImportError({ zh: '既不是爬虫运行结果文件也不是 report.json，未导入', en: 'neither a crawler run file nor a report.json: not imported' }, issuesText(r.error));
    const d = data as { run: { id: string; auditDate?: string }; sites: StoredSite[] };
    for (const s of d.sites) {
      const origin = originOf(s.snapshot.site.homeUrl);
      if (!origin) continue;
      out.set(origin, {
        runId: String(s.runId ?? d.run.id),
        ...(typeof d.run.auditDate === 'string' ? { auditDate: d.run.auditDate } : {}),
        snapshot: trimSnapshot(s.snapshot),
        ...(s.result ? { result: s.result } : {}),
        importedAt,
      });
    }
  }
  if (out.size === 0) throw new ImportError({ zh: '文件中没有站点', en: 'the file holds no sites' });
  return out;
}
