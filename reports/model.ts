import { daysBetween } from '../rules/dates/days.ts';
import type { Finding, LocalText, Outcome, PackResult, SiteResult, Verdict, VetoResult } from '../rules/model/finding.ts';
import type { ColumnObservation, IsoDate, LinkObservation } from '../rules/model/snapshot.ts';
import type { StoredSite } from '../crawler/store/types.ts';

/**
 * Read-only views over stored results shared by every renderer, so HTML, JSON, CSV, XLSX and PDF agree on what a
 * site's score, problems and stale columns are. Pure: stored data in, plain values out.
 */

export { OUTCOME_TEXT, SEVERITY_TEXT } from './vocabulary.ts';

/** Display order: problems first. */
export const OUTCOME_RANK: Record<Outcome, number> = { fail: 0, warn: 1, 'needs-review': 2, error: 3, pass: 4, 'not-applicable': 5 };
export const VERDICT_RANK: Record<Verdict, number> = { pass: 0, 'not-checked': 1, 'needs-review': 2, fail: 3 };

/** Packs that were in force and applied to the site: the only ones that count. */
export function livePacks(result: SiteResult): PackResult[] {
  return result.packs.filter((p) => p.inForce);
}

export function liveFindings(site: StoredSite): Finding[] {
  return livePacks(site.result).flatMap((p) => p.findings);
}

/** The site's headline score: the first in-force pack that scores (as the crawler's run summary does). */
export function siteScore(result: SiteResult): { total: number; max: number; passMark: number; packId: string } | undefined {
  const pack = livePacks(result).find((p) => p.score);
  return pack?.score && { total: pack.score.total, max: pack.score.max, passMark: pack.score.passMark, packId: pack.packId };
}

export function triggeredVetoes(result: SiteResult): (VetoResult & { packId: string; packTitle: LocalText })[] {
  return livePacks(result).flatMap((p) => p.vetoes.filter((v) => v.triggered).map((v) => ({ ...v, packId: p.packId, packTitle: p.packTitle })));
}

export function undecidedVetoes(result: SiteResult): (VetoResult & { packId: string; packTitle: LocalText })[] {
  return livePacks(result).flatMap((p) => p.vetoes.filter((v) => v.undecided).map((v) => ({ ...v, packId: p.packId, packTitle: p.packTitle })));
}

/** Packs whose score fell below the pass mark (the other way to 不合格 besides a veto). */
export function belowPassMark(result: SiteResult): PackResult[] {
  return livePacks(result).filter((p) => p.score && p.score.total < p.score.passMark);
}

/**
 * Stable identity of a finding across runs: pack, rule and what it is about (the column URL, else the first
 * evidence URL, else nothing: a site-wide rule has one finding per run).
 */
export function findingKey(f: Finding): string {
  const about = f.column?.url ?? f.evidence.find((e) => e.url)?.url ?? '';
  return `${f.packId}|${f.ruleId}|${about}`;
}

/** Column-recency findings that say the column is not updated (stale, or items without any date). */
export function isStaleFinding(f: Finding): boolean {
  return f.check === 'column-recency' && f.outcome === 'fail';
}

export function isEmptyFinding(f: Finding): boolean {
  return f.check === 'column-empty' && f.outcome === 'fail';
}

function uniqueColumns(findings: Finding[], snapshotColumns: ColumnObservation[]): ColumnObservation[] {
  const urls = new Set(findings.map((f) => f.column?.url).filter((u): u is string => !!u));
  return snapshotColumns.filter((c) => urls.has(c.url));
}

/** Columns some in-force rule found not updated. */
export function staleColumns(site: StoredSite): ColumnObservation[] {
  return uniqueColumns(liveFindings(site).filter(isStaleFinding), site.snapshot.columns);
}

/** Columns some in-force rule found empty (空白栏目). */
export function emptyColumns(site: StoredSite): ColumnObservation[] {
  return uniqueColumns(liveFindings(site).filter(isEmptyFinding), site.snapshot.columns);
}

export function deadLinks(site: StoredSite): LinkObservation[] {
  return site.snapshot.links.filter((l) => l.status === 'dead');
}

/** Whole days from `date` to the audit date; undefined for a missing or malformed date. */
export function ageDays(date: IsoDate | undefined, auditDate: IsoDate): number | undefined {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{4}-\d{2}-\d{2}/.test(auditDate)) return undefined;
  return daysBetween(date, auditDate.slice(0, 10));
}

/** The newest dated item of a column, ignoring dates after the audit date (as the engine does). */
export function newestDate(column: ColumnObservation, auditDate: IsoDate): IsoDate | undefined {
  let best: IsoDate | undefined;
  for (const item of column.items) {
    if (!item.date || !/^\d{4}-\d{2}-\d{2}$/.test(item.date) || item.date > auditDate) continue;
    if (!best || item.date > best) best = item.date;
  }
  return best;
}

export interface FreshnessRow {
  column: ColumnObservation;
  newest?: IsoDate;
  /** The strictest update window any in-force recency rule applies to the column. */
  window?: { maxAge: number; unit: 'days' | 'workdays'; ruleId: string };
  /** Worst recency outcome across those rules. */
  outcome?: Outcome;
  empty: boolean;
}

/** One row per observed column, for the freshness timeline and the machine formats. */
export function freshnessRows(site: StoredSite, auditDate: IsoDate): FreshnessRow[] {
  const recency = liveFindings(site).filter((f) => f.check === 'column-recency');
  return site.snapshot.columns.map((column) => {
    const mine = recency.filter((f) => f.column?.url === column.url);
    let window: FreshnessRow['window'];
    let outcome: Outcome | undefined;
    for (const f of mine) {
      const maxAge = Number(f.data.maxAge);
      const unit = f.data.unitZh === '个工作日' || f.data.unit === 'working days' ? 'workdays' : 'days';
      if (Number.isFinite(maxAge) && maxAge > 0 && (!window || approxDays(maxAge, unit) < approxDays(window.maxAge, window.unit))) window = { maxAge, unit, ruleId: f.ruleId };
      if (f.outcome !== 'not-applicable' && (!outcome || OUTCOME_RANK[f.outcome] < OUTCOME_RANK[outcome])) outcome = f.outcome;
    }
    return { column, newest: newestDate(column, auditDate), window, outcome, empty: column.status === 'ok' && column.itemCount === 0 };
  });
}

/** Calendar days a window spans; working days are approximated at 7/5 (holidays ignored) for drawing only. */
export function approxDays(n: number, unit: 'days' | 'workdays'): number {
  return unit === 'days' ? n : Math.ceil((n * 7) / 5);
}

export interface FindingGroup {
  /** Column URL, or '' for site-wide findings. */
  key: string;
  column?: ColumnObservation;
  name: string;
  classId?: string;
  url?: string;
  findings: Finding[];
  worst: Outcome;
}

/** Every in-force finding grouped by the column it is about; site-wide ones last. Problems first inside a group. */
export function groupByColumn(site: StoredSite): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const c of site.snapshot.columns) groups.set(c.url, { key: c.url, column: c, name: c.name, classId: c.classId, url: c.url, findings: [], worst: 'not-applicable' });
  const siteWide: FindingGroup = { key: '', name: '', findings: [], worst: 'not-applicable' };
  for (const f of liveFindings(site)) {
    const url = f.column?.url;
    let g = url ? groups.get(url) : undefined;
    if (!g && url) {
      g = { key: url, name: f.column?.name ?? url, classId: f.column?.classId, url, findings: [], worst: 'not-applicable' };
      groups.set(url, g);
    }
    (g ?? siteWide).findings.push(f);
  }
  const all = [...groups.values(), siteWide].filter((g) => g.findings.length > 0);
  for (const g of all) {
    g.findings.sort((a, b) => OUTCOME_RANK[a.outcome] - OUTCOME_RANK[b.outcome]);
    g.worst = g.findings[0]!.outcome;
  }
  const order = (g: FindingGroup) => (g.key === '' ? 0.5 : 0) + OUTCOME_RANK[g.worst];
  return all.sort((a, b) => order(a) - order(b));
}
