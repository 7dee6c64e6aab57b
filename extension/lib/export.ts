import { summarise as summariseResult } from '../../crawler/crawl/summarise.ts';
import type { RunRecord, StoredSite } from '../../crawler/store/types.ts';
import { VERDICT_TEXT, type Finding, type SiteResult } from '../../rules/model/finding.ts';
import type { SiteSnapshot } from '../../rules/model/snapshot.ts';
import { csvLine } from '../../reports/csv.ts';
import type { Audit } from './audit.ts';
import { keyOfFinding } from './audit.ts';
import { OUTCOME_TEXT } from './i18n.ts';
import { findingKey, type FindingOverride } from './model.ts';
import type { ImportedSite, SiteSession } from './snapshot.ts';

/**
 * Session export and crawl import. The export has the crawler's run-file shape (`{ run, sites }`, each site a
 * StoredSite) plus the evaluator's `overrides`, so the report renderers read it like a crawl.
 */

export interface ExportedSite extends StoredSite {
  /** The evaluator's decisions; `result` already has the `override` outcomes applied. */
  overrides: FindingOverride[];
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
  return { run, sites: [{ runId, snapshot: audit.snapshot, result: audit.result, stats, overrides, engineResult: audit.raw }] };
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
        `${f.message.zh} / ${f.message.en}`, o?.note ?? '', evidence, o?.at ?? '',
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

export class ImportError extends Error {}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * A crawler run file (`{ run, sites: StoredSite[] }`) → the sites it holds, keyed by the origin of their home URL.
 * Checks only what the extension reads; a file of another shape is refused with a reason.
 */
export function parseCrawlRun(text: string, importedAt: string): Map<string, ImportedSite> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ImportError(`不是 JSON 文件 / not JSON: ${(e as Error).message}`);
  }
  const d = data as { run?: { id?: unknown; auditDate?: unknown }; sites?: unknown };
  if (!d || typeof d !== 'object' || !Array.isArray(d.sites)) throw new ImportError('缺少 sites 数组：不是爬虫的运行结果文件 / no "sites" array: not a crawler run file');
  const out = new Map<string, ImportedSite>();
  for (const [i, raw] of (d.sites as unknown[]).entries()) {
    const s = raw as Partial<StoredSite>;
    const snap = s?.snapshot;
    const origin = snap?.site?.homeUrl ? originOf(snap.site.homeUrl) : undefined;
    if (!snap || !origin || !Array.isArray(snap.columns) || !snap.home) throw new ImportError(`sites[${i}] 缺少 snapshot.site.homeUrl / columns / home`);
    out.set(origin, {
      runId: String(s.runId ?? d.run?.id ?? 'imported'),
      ...(typeof d.run?.auditDate === 'string' ? { auditDate: d.run.auditDate } : {}),
      snapshot: trimSnapshot(snap),
      ...(s.result ? { result: s.result } : {}),
      importedAt,
    });
  }
  if (out.size === 0) throw new ImportError('文件中没有站点 / the file holds no sites');
  return out;
}
