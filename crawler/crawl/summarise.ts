import { evaluatePack } from '../../rules/engine/evaluate.ts';
import { siteVerdict } from '../../rules/engine/verdict.ts';
import type { SiteResult } from '../../rules/model/finding.ts';
import type { IsoDate, SiteSnapshot } from '../../rules/model/snapshot.ts';
import type { LoadedPack } from '../../rules/schema/pack.ts';
import type { SiteSummary } from '../store/types.ts';

/** Pure: shared by the crawler's runs and the extension's exports, so both summarise a result the same way. */

/** Evaluates a snapshot with the site's packs; a pack listed in `ignoreValidity` is applied outside its dates. */
export function evaluateSnapshot(packs: LoadedPack[], snapshot: SiteSnapshot, now: IsoDate, ignoreValidity: string[] = []): SiteResult {
  const results = packs.map((p) => evaluatePack(p, snapshot, { now, applyExpired: ignoreValidity }));
  const verdict = siteVerdict(results);
  // A crawl cut short (the site's time budget) proves what it found, but cannot show that nothing else is wrong.
  return { siteId: snapshot.site.id, evaluatedAt: now, verdict: verdict === 'pass' && snapshot.incompleteReason ? 'needs-review' : verdict, packs: results };
}

/** The run record's line for a site: verdict, score, triggered vetoes and counts of the packs in force. */
export function summarise(snapshot: SiteSnapshot, result: SiteResult): SiteSummary {
  const live = result.packs.filter((p) => p.inForce);
  const score = live.find((p) => p.score)?.score?.total;
  return {
    siteId: snapshot.site.id, name: snapshot.site.name, ...(snapshot.site.parent ? { parent: snapshot.site.parent } : {}), verdict: result.verdict,
    ...(score !== undefined ? { score } : {}),
    vetoes: live.flatMap((p) => p.vetoes.filter((v) => v.triggered).map((v) => v.id)),
    failed: live.reduce((n, p) => n + p.counts.fail, 0),
    needsReview: live.reduce((n, p) => n + p.counts['needs-review'], 0),
  };
}
