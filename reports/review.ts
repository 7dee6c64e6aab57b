import { z } from 'zod';
import type { StoredSite } from '../crawler/store/types.ts';
import { countOutcomes, rejudgePack, siteVerdict } from '../rules/engine/verdict.ts';
import { type Finding, type Outcome } from '../rules/model/finding.ts';
import { reviewDecisionSchema } from './schema/report.ts';
import type { LoadedPack } from '../rules/schema/pack.ts';

/**
 * An evaluator's review (the browser extension's session export) merged into a stored run: each confirmation or
 * override is matched to the crawler's finding (pack, rule, column), an override sets the outcome, and each
 * pack's vetoes, score and verdict are derived again with the engine's own function. Every reviewed finding keeps
 * who decided, when, the note and the engine's own outcome, so every format can show it. Pure.
 */

export interface FindingReview {
  decision: 'confirm' | 'override';
  /** What the engine said before the evaluator's decision. */
  engineOutcome: Outcome;
  reviewer?: string;
  at: string;
  note: string;
  /** Screenshots the evaluator took in the browser (data: URLs of the visible tab). */
  screenshots?: { url: string; at: string; image: string }[];
}

export type ReviewedFinding = Finding & { review?: FindingReview };

export interface SiteReview {
  /** The session file's run id (extension-…). */
  sessionId: string;
  reviewer?: string;
  signOff?: { reviewer: string; at: string; note: string };
  /** Decisions that named no finding of this run (another pack, a column the crawl did not find). */
  unmatched: number;
  confirmed: number;
  overridden: number;
}

export type ReviewedSite = StoredSite & { review?: SiteReview };

const decisionSchema = reviewDecisionSchema;

export const reviewSessionSchema = z.object({
  run: z.object({ id: z.string(), source: z.literal('extension').optional() }).passthrough(),
  sites: z.array(z.object({
    snapshot: z.object({ site: z.object({ id: z.string(), homeUrl: z.string() }).passthrough() }).passthrough(),
    overrides: z.array(decisionSchema),
    signOff: z.object({ reviewer: z.string(), at: z.string(), note: z.string() }).optional(),
  }).passthrough()).min(1),
});

export type ReviewSession = z.infer<typeof reviewSessionSchema>;

export class ReviewError extends Error {}

/** Parses a session export, or says in both languages why it is not one. */
export function parseReviewSession(text: string): ReviewSession {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ReviewError(`复核文件不是 JSON / the review file is not JSON: ${(e as Error).message}`);
  }
  const r = reviewSessionSchema.safeParse(data);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ReviewError(`不是浏览器扩展导出的复核文件 / not a session exported by the browser extension: ${issues}`);
  }
  return r.data;
}

/** A column URL compared loosely: scheme, `index.html`-style defaults, trailing slash and fragment ignored. */
export function columnUrlKey(url: string | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    u.hash = '';
    const path = u.pathname.replace(/\/(index|default)\.(s?html?|jsp|php|aspx?)$/i, '/').replace(/\/+$/, '');
    return `${u.host}${path}${u.search}`;
  } catch {
    return url;
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}

const keyOf = (packId: string, ruleId: string, columnUrl?: string) => `${packId}|${ruleId}|${columnUrlKey(columnUrl)}`;

/**
 * Merges the session's decisions into the sites of a run (matched by site id, else by home-page host). Sites the
 * session does not cover are returned unchanged; the second value lists the session's sites no run site matched.
 */
export function applyReview(sites: StoredSite[], session: ReviewSession, packs: (id: string) => LoadedPack | undefined): { sites: ReviewedSite[]; unmatchedSites: string[] } {
  const unmatchedSites: string[] = [];
  const used = new Set<StoredSite>();
  const bySite = new Map<StoredSite, ReviewSession['sites'][number]>();
  for (const s of session.sites) {
    const info = s.snapshot.site;
    const target = sites.find((x) => x.snapshot.site.id === info.id) ?? sites.find((x) => originOf(x.snapshot.site.homeUrl) === originOf(info.homeUrl));
    if (!target || used.has(target)) {
      unmatchedSites.push(info.homeUrl);
      continue;
    }
    used.add(target);
    bySite.set(target, s);
  }
  return { sites: sites.map((site) => (bySite.has(site) ? reviewSite(site, bySite.get(site)!, session.run.id, packs) : site)), unmatchedSites };
}

function reviewSite(site: StoredSite, s: ReviewSession['sites'][number], sessionId: string, packs: (id: string) => LoadedPack | undefined): ReviewedSite {
  const decisions = new Map(s.overrides.map((o) => [keyOf(o.packId, o.ruleId, o.columnUrl), o] as const));
  const matched = new Set<string>();
  let confirmed = 0;
  let overridden = 0;
  const packResults = site.result.packs.map((pr) => {
    let changed = false;
    const findings: ReviewedFinding[] = pr.findings.map((f) => {
      const key = keyOf(f.packId, f.ruleId, f.column?.url);
      const o = decisions.get(key);
      if (!o) return f;
      matched.add(key);
      changed = true;
      const outcome = o.decision === 'override' && o.outcome ? (o.outcome as Outcome) : f.outcome;
      if (o.decision === 'override') overridden++;
      else confirmed++;
      const screenshots = (o.evidence ?? []).filter((e) => /^data:image\/(jpeg|png);base64,/.test(e.screenshot)).map((e) => ({ url: e.url, at: e.at, image: e.screenshot }));
      const review: FindingReview = {
        decision: o.decision, engineOutcome: f.outcome, at: o.at, note: o.note,
        ...(o.reviewer ? { reviewer: o.reviewer } : {}), ...(screenshots.length ? { screenshots } : {}),
      };
      return { ...f, outcome, review };
    });
    if (!changed) return pr;
    const pack = packs(pr.packId);
    if (!pack || !pr.inForce) return { ...pr, findings, counts: countOutcomes(findings) };
    return rejudgePack(pack, pr, findings, site.snapshot.home.status === 'ok');
  });
  const reviewer = s.signOff?.reviewer ?? s.overrides.find((o) => o.reviewer)?.reviewer;
  return {
    ...site,
    result: { ...site.result, verdict: siteVerdict(packResults), packs: packResults },
    review: {
      sessionId, ...(reviewer ? { reviewer } : {}), ...(s.signOff ? { signOff: s.signOff } : {}),
      unmatched: s.overrides.length - matched.size, confirmed, overridden,
    },
  };
}

export function reviewOf(f: Finding): FindingReview | undefined {
  return (f as ReviewedFinding).review;
}
