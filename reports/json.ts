import type { RunRecord, StoredSite } from '../crawler/store/types.ts';
import { OUTCOMES, type Outcome } from '../rules/model/finding.ts';
import { deadLinks, freshnessRows, liveFindings, siteScore, triggeredVetoes } from './model.ts';
import type { ReviewedSite } from './review.ts';
import { REPORT_SCHEMA_ID, REPORT_SCHEMA_VERSION, type JsonReport } from './schema/report.ts';

export { reportSchema, type JsonReport } from './schema/report.ts';

type SiteReport = JsonReport['sites'][number];

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function siteReport(site: StoredSite, auditDate: string): SiteReport {
  const info = site.snapshot.site;
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const f of liveFindings(site)) counts[f.outcome]++;
  const score = siteScore(site.result);
  return defined({
    id: info.id,
    name: info.name,
    homeUrl: info.homeUrl,
    kind: info.kind,
    idCode: info.idCode,
    parent: info.parent,
    capturedAt: site.snapshot.capturedAt,
    discoveryComplete: site.snapshot.discoveryComplete,
    verdict: site.result.verdict,
    score,
    vetoesTriggered: triggeredVetoes(site.result).map((v) => ({ packId: v.packId, id: v.id, title: v.title, count: v.count, atLeast: v.atLeast })),
    counts,
    columns: freshnessRows(site, site.result.evaluatedAt || auditDate).map((r) => defined({
      classId: r.column.classId, name: r.column.name, url: r.column.url, matchedBy: r.column.matchedBy, status: r.column.status,
      statusReason: r.column.statusReason, itemCount: r.column.itemCount, newestDate: r.newest, window: r.window, recency: r.outcome, empty: r.empty,
    })),
    deadLinks: deadLinks(site).map((l) => defined({ url: l.url, fromUrl: l.fromUrl, text: l.text, httpStatus: l.httpStatus, reason: l.reason })),
    packs: site.result.packs,
    stats: site.stats,
    review: (site as ReviewedSite).review,
  });
}

/**
 * The machine-readable report of one run (schema `govaudit-report` v1, see reports/schema/report.schema.json).
 * Every stored finding is included, packs not in force too (flagged `inForce: false`); summaries count only
 * in-force packs. Deterministic: the same stored results give the same JSON.
 */
export function toJsonReport(run: RunRecord, sites: StoredSite[]): JsonReport {
  const stored = new Set(sites.map((s) => s.snapshot.site.id));
  return {
    schema: REPORT_SCHEMA_ID,
    schemaVersion: REPORT_SCHEMA_VERSION,
    generator: 'govaudit',
    run: defined({ id: run.id, startedAt: run.startedAt, finishedAt: run.finishedAt, status: run.status, auditDate: run.auditDate, sitesFile: run.sitesFile, siteIds: run.siteIds, packChoice: run.packChoice }),
    summary: {
      sites: sites.length,
      pass: sites.filter((s) => s.result.verdict === 'pass').length,
      fail: sites.filter((s) => s.result.verdict === 'fail').length,
      needsReview: sites.filter((s) => s.result.verdict === 'needs-review').length,
      notChecked: sites.filter((s) => s.result.verdict === 'not-checked').length,
      notFinished: run.siteIds.filter((id) => !stored.has(id)),
    },
    sites: sites.map((s) => siteReport(s, run.auditDate)),
  };
}

/** The report as the text written to report.json. */
export function toJsonText(run: RunRecord, sites: StoredSite[]): string {
  return JSON.stringify(toJsonReport(run, sites), null, 2) + '\n';
}
