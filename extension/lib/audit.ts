import { HUB_CLASSES, type ColumnCandidate } from '../../crawler/crawl/discover.ts';
import { newestDated } from '../../rules/checks/evidence.ts';
import { daysBetween } from '../../rules/dates/days.ts';
import { evaluatePack } from '../../rules/engine/evaluate.ts';
import { countOutcomes, rejudgePack, siteVerdict } from '../../rules/engine/verdict.ts';
import type { Finding, Outcome, PackResult, SiteResult } from '../../rules/model/finding.ts';
import type { ColumnObservation, IsoDate, ItemObservation, SiteKind, SiteSnapshot } from '../../rules/model/snapshot.ts';
import type { ColumnClass, LoadedPack } from '../../rules/schema/pack.ts';
import { findingKey, type FindingOverride, type SiteConfig } from './model.ts';
import { buildSnapshot, isNotVisited, sameColumnUrl, type ImportedSite, type SiteSession } from './snapshot.ts';

/** Evaluation for the extension: the engine over the built snapshot, then the evaluator's overrides. Pure. */

export const OVERRIDE_REASON = '测评人员在 govaudit 中指定 / set by hand in govaudit';

/** Hand-set column URLs as discovery candidates (the crawler's site-file `columns`). */
export function overrideCandidates(config: SiteConfig, classes: Record<string, ColumnClass>): ColumnCandidate[] {
  return Object.entries(config.columns)
    .filter(([, o]) => !!o.url)
    .map(([classId, o]) => ({ classId, name: o.name || classes[classId]?.name.zh || classId, url: o.url, matchedBy: 'override' as const, matchReason: OVERRIDE_REASON, strength: 9 }));
}

export interface AuditInput {
  packs: LoadedPack[];
  classes: Record<string, ColumnClass>;
  session: SiteSession;
  config: SiteConfig;
  kind: SiteKind;
  imported?: ImportedSite;
  overrides: FindingOverride[];
  now: IsoDate;
  capturedAt: string;
  /** Packs applied outside their validity (the settings' `applyExpired`). */
  applyExpired?: string[];
}

export interface Audit {
  snapshot: SiteSnapshot;
  /** The engine's result before any override. */
  raw: SiteResult;
  /** With the evaluator's overrides applied (what the panel and exports show). */
  result: SiteResult;
  now: IsoDate;
  overridden: Set<string>;
}

export function runAudit(input: AuditInput): Audit {
  const snapshot = buildSnapshot(input.session, {
    kind: input.config.kind ?? input.kind,
    overrides: overrideCandidates(input.config, input.classes),
    imported: input.imported,
    capturedAt: input.capturedAt,
  });
  const homeRead = snapshot.home.status === 'ok';
  const results = input.packs.map((p) => deferAvailability(p, evaluatePack(p, snapshot, { now: input.now, applyExpired: input.applyExpired }), homeRead));
  const raw: SiteResult = { siteId: snapshot.site.id, evaluatedAt: input.now, verdict: siteVerdict(results), packs: results };
  const result = applyOverrides(input.packs, raw, input.overrides, homeRead);
  const overridden = new Set(input.overrides.filter((o) => o.decision === 'override' && o.outcome).map(findingKey));
  return { snapshot, raw, result, now: input.now, overridden };
}

export const BY_CRAWLS_MESSAGE = { zh: '由定期爬取判定：可用性需多次定时访问测量，浏览器扩展不测量（导入爬虫结果后显示其结论）', en: 'Judged by scheduled crawls: availability needs repeated timed visits, which the extension does not make (import a crawl run to see its result)' };

/**
 * Availability (站点无法访问) is a crawler measurement. Without samples (no imported run) the extension does not
 * leave it pending, which would make every site 待复核 here and not in the scorecard: the finding says it is
 * judged by scheduled crawls and does not count, and the pack verdict is derived again without it.
 */
function deferAvailability(pack: LoadedPack, result: PackResult, homeRead: boolean): PackResult {
  let changed = false;
  const findings = result.findings.map((f) => {
    if (f.check !== 'site-availability' || f.messageId !== 'no-samples') return f;
    changed = true;
    return { ...f, outcome: 'not-applicable' as const, messageId: 'judged-by-crawls', message: BY_CRAWLS_MESSAGE };
  });
  if (!changed || !result.inForce) return changed ? { ...result, findings, counts: countOutcomes(findings) } : result;
  return rejudgePack(pack, result, findings, homeRead);
}

export function keyOfFinding(f: Finding): string {
  return findingKey({ packId: f.packId, ruleId: f.ruleId, columnUrl: f.column?.url });
}

/**
 * Applies `override` decisions (an outcome set by the evaluator) and re-derives each pack's vetoes, score and
 * verdict with the engine's own functions, so an overridden finding counts exactly as if the check had said so.
 */
export function applyOverrides(packs: LoadedPack[], result: SiteResult, overrides: FindingOverride[], homeRead: boolean): SiteResult {
  const byKey = new Map(overrides.filter((o) => o.decision === 'override' && o.outcome).map((o) => [findingKey(o), o.outcome!] as const));
  if (byKey.size === 0) return result;
  const packResults = result.packs.map((pr) => {
    const pack = packs.find((p) => p.id === pr.packId);
    const findings = pr.findings.map((f) => {
      const outcome = byKey.get(keyOfFinding(f));
      return outcome && outcome !== f.outcome ? { ...f, outcome } : f;
    });
    if (!pack || !pr.inForce) return { ...pr, findings, counts: countOutcomes(findings) };
    return rejudgePack(pack, pr, findings, homeRead);
  });
  return { ...result, verdict: siteVerdict(packResults), packs: packResults };
}

/** What a badge or checklist line says about one column. */
export type ColumnState = 'present' | 'stale' | 'due-soon' | 'empty' | 'unknown' | 'not-visited';
/** A column class on the checklist; `missing` and `not-found` only when the site has no such column. */
export type ClassState = ColumnState | 'missing' | 'not-found' | 'absent';

export interface ColumnStatus {
  state: ColumnState;
  observation?: ColumnObservation;
  newest?: ItemObservation;
  ageDays?: number;
  /** Findings about this column (every pack). */
  findings: Finding[];
  /** The finding that decided the state. */
  decisive?: Finding;
}

const STATE_CHECKS = new Set(['column-recency', 'column-empty']);

export function findingsForColumn(result: SiteResult, url: string): Finding[] {
  return result.packs.filter((p) => p.inForce).flatMap((p) => p.findings.filter((f) => f.column?.url && sameColumnUrl(f.column.url, url)));
}

export function columnStatus(audit: Audit, url: string): ColumnStatus {
  const observation = audit.snapshot.columns.find((c) => sameColumnUrl(c.url, url));
  const findings = findingsForColumn(audit.result, url);
  if (!observation) return { state: 'unknown', findings };
  const newest = newestDated(observation.items, audit.now);
  const dated = newest ? { newest, ageDays: daysBetween(newest.date!, audit.now) } : {};
  const base = { observation, findings, ...dated };
  const judged = findings.filter((f) => STATE_CHECKS.has(f.check));
  const overridden = judged.some((f) => audit.overridden.has(keyOfFinding(f)));
  if (!overridden) {
    if (isNotVisited(observation)) return { ...base, state: 'not-visited' };
    if (observation.status !== 'ok') return { ...base, state: 'unknown', decisive: judged.find((f) => f.outcome === 'needs-review') };
    if (HUB_CLASSES.has(observation.classId)) return { ...base, state: observation.itemCount > 0 ? 'present' : 'empty' };
    if (observation.itemCount === 0) return { ...base, state: 'empty', decisive: judged.find((f) => f.check === 'column-empty') };
  }
  const pick = (o: Outcome) => judged.find((f) => f.outcome === o);
  const fail = pick('fail');
  if (fail) return { ...base, state: fail.check === 'column-empty' || fail.messageId === 'empty' ? 'empty' : 'stale', decisive: fail };
  const warn = pick('warn');
  if (warn) return { ...base, state: 'due-soon', decisive: warn };
  const review = pick('needs-review') ?? pick('error');
  if (review) return { ...base, state: 'unknown', decisive: review };
  return { ...base, state: 'present', decisive: pick('pass') };
}

export interface ChecklistColumn {
  name: string;
  url: string;
  status: ColumnStatus;
}

export interface ChecklistRow {
  classId: string;
  className: { zh: string; en: string };
  /** A column-presence rule requires this class. */
  required: boolean;
  state: ClassState;
  columns: ChecklistColumn[];
  findings: Finding[];
}

const SEVERITY_OF_STATE: Record<ClassState, number> = { missing: 9, stale: 8, empty: 7, 'due-soon': 6, 'not-found': 5, unknown: 4, 'not-visited': 3, present: 1, absent: 0 };

export function worstState<T extends ClassState>(states: T[]): T | undefined {
  return [...states].sort((a, b) => SEVERITY_OF_STATE[b] - SEVERITY_OF_STATE[a])[0];
}

/**
 * The checklist: every column class the packs name (required ones first), as found (with links), missing,
 * stale, empty or not yet visited; then columns of other classes that were found.
 */
export function checklist(audit: Audit, packs: LoadedPack[], classes: Record<string, ColumnClass>): ChecklistRow[] {
  const live = new Set(audit.result.packs.filter((p) => p.inForce).map((p) => p.packId));
  const named: string[] = [];
  const required = new Set<string>();
  for (const pack of packs) {
    if (!live.has(pack.id)) continue;
    for (const rule of pack.rules) {
      if (!rule.column) continue;
      if (!named.includes(rule.column)) named.push(rule.column);
      if (rule.check === 'column-presence') required.add(rule.column);
    }
  }
  for (const c of audit.snapshot.columns) if (!named.includes(c.classId)) named.push(c.classId);
  const allFindings = audit.result.packs.filter((p) => p.inForce).flatMap((p) => p.findings);
  const ruleColumn = new Map(packs.flatMap((p) => p.rules.map((r) => [`${p.id}|${r.id}`, r.column] as const)));
  /**
   * A finding belongs to a class when its rule names the class, or when a rule for every column (栏目长期未更新,
   * 空白栏目) judged a column of it. A site-wide manual check that merely cites the first column does not.
   */
  const belongs = (f: Finding, classId: string) => {
    const col = ruleColumn.get(`${f.packId}|${f.ruleId}`);
    return col ? col === classId : STATE_CHECKS.has(f.check) && f.column?.classId === classId;
  };

  const rows = named.map((classId): ChecklistRow => {
    const columns = audit.snapshot.columns.filter((c) => c.classId === classId).map((c) => ({ name: c.name, url: c.url, status: columnStatus(audit, c.url) }));
    const findings = allFindings.filter((f) => belongs(f, classId) && f.outcome !== 'not-applicable');
    let state: ClassState;
    if (columns.length > 0) state = worstState(columns.map((c) => c.status.state))!;
    else {
      const presence = findings.filter((f) => f.check === 'column-presence');
      state = presence.some((f) => f.outcome === 'fail') ? 'missing' : presence.some((f) => f.outcome === 'needs-review') ? 'not-found' : presence.some((f) => f.outcome === 'pass') ? 'present' : 'absent';
    }
    const cls = classes[classId];
    return { classId, className: cls?.name ?? { zh: classId, en: classId }, required: required.has(classId), state, columns, findings };
  });
  return rows.sort((a, b) => Number(b.required) - Number(a.required));
}

export type ChecklistFilter = 'all' | 'problems' | 'review';

const PROBLEM_STATES = new Set<ClassState>(['missing', 'stale', 'empty', 'due-soon']);
const REVIEW_STATES = new Set<ClassState>(['unknown', 'not-visited', 'not-found']);

export function rowMatches(row: ChecklistRow, filter: ChecklistFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'problems') return PROBLEM_STATES.has(row.state) || row.findings.some((f) => f.outcome === 'fail' || f.outcome === 'warn');
  return REVIEW_STATES.has(row.state) || row.findings.some((f) => f.outcome === 'needs-review' || f.outcome === 'error');
}

export function findingMatches(f: Finding, filter: ChecklistFilter): boolean {
  if (filter === 'all') return f.outcome !== 'not-applicable';
  if (filter === 'problems') return f.outcome === 'fail' || f.outcome === 'warn';
  return f.outcome === 'needs-review' || f.outcome === 'error';
}

/** The summary counts (the page's pill and the panel header): one bucket per kind of result, each a filter. */
export type SummaryBucket = 'missing' | 'stale' | 'due-soon' | 'empty' | 'unknown' | 'present';
export const SUMMARY_BUCKETS: { id: SummaryBucket; states: ClassState[] }[] = [
  { id: 'missing', states: ['missing'] },
  { id: 'stale', states: ['stale'] },
  { id: 'due-soon', states: ['due-soon'] },
  { id: 'empty', states: ['empty'] },
  { id: 'unknown', states: ['unknown', 'not-visited', 'not-found'] },
  { id: 'present', states: ['present'] },
];

/** Checklist rows per bucket; a row counts once, under its state (classes with no rule and no column are left out). */
export function summaryCounts(rows: ChecklistRow[]): Record<SummaryBucket, number> {
  const out = Object.fromEntries(SUMMARY_BUCKETS.map((b) => [b.id, 0])) as Record<SummaryBucket, number>;
  for (const r of rows) {
    const b = SUMMARY_BUCKETS.find((x) => x.states.includes(r.state));
    if (b) out[b.id]++;
  }
  return out;
}

export function inBucket(row: ChecklistRow, bucket: SummaryBucket): boolean {
  return SUMMARY_BUCKETS.find((b) => b.id === bucket)!.states.includes(row.state);
}
