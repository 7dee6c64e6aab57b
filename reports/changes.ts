import type { Finding, LocalText, Outcome } from '../rules/model/finding.ts';
import type { IsoDate, LinkObservation } from '../rules/model/snapshot.ts';
import type { StoredSite } from '../crawler/store/types.ts';
import { findingKey, isStaleFinding, liveFindings, newestDate } from './model.ts';

/** A problem as it appears in a change list. */
export interface ProblemRef {
  /** packId|ruleId|column or evidence URL: the identity used to match runs. */
  key: string;
  packId: string;
  ruleId: string;
  ruleTitle: LocalText;
  message: LocalText;
  outcome: Outcome;
  columnName?: string;
  url?: string;
}

export interface ColumnChange {
  url: string;
  classId: string;
  name: string;
  /** Newest dated item in the current run. */
  newest?: IsoDate;
  /** Newest dated item in the previous run. */
  previousNewest?: IsoDate;
}

export interface LinkChange {
  url: string;
  fromUrl: string;
  text?: string;
  httpStatus?: number;
  reason?: string;
}

/** What changed for one site between two runs. Problems are `fail` findings of in-force packs. */
export interface ChangeSet {
  siteId: string;
  currentRunId: string;
  /** Undefined on a site's first run: then every current problem is listed as new. */
  previousRunId?: string;
  newProblems: ProblemRef[];
  fixedProblems: ProblemRef[];
  stillOpen: ProblemRef[];
  /** Problems last time that cannot be judged now (needs review, error): neither fixed nor still open. */
  unconfirmed: ProblemRef[];
  /** Columns not updated now that were updated (or not yet seen) last time. */
  newlyStale: ColumnChange[];
  /** Columns not updated last time that are within their window now. */
  recovered: ColumnChange[];
  deadLinksNew: LinkChange[];
  /** Dead last time, and now answering or no longer linked (removing a dead link fixes it). */
  deadLinksFixed: LinkChange[];
}

function ref(f: Finding): ProblemRef {
  const url = f.column?.url ?? f.evidence.find((e) => e.url)?.url;
  return {
    key: findingKey(f), packId: f.packId, ruleId: f.ruleId, ruleTitle: f.ruleTitle, message: f.message, outcome: f.outcome,
    ...(f.column?.name ? { columnName: f.column.name } : {}), ...(url ? { url } : {}),
  };
}

/** All findings per key; a key can carry several (e.g. a rule reporting the same URL twice). */
function byKey(findings: Finding[]): Map<string, Finding[]> {
  const m = new Map<string, Finding[]>();
  for (const f of findings) m.set(findingKey(f), [...(m.get(findingKey(f)) ?? []), f]);
  return m;
}

const UNDECIDED: Outcome[] = ['needs-review', 'error'];

function link(l: LinkObservation): LinkChange {
  return { url: l.url, fromUrl: l.fromUrl, ...(l.text ? { text: l.text } : {}), ...(l.httpStatus !== undefined ? { httpStatus: l.httpStatus } : {}), ...(l.reason ? { reason: l.reason } : {}) };
}

function staleUrls(site: StoredSite): Set<string> {
  return new Set(liveFindings(site).filter(isStaleFinding).map((f) => f.column?.url).filter((u): u is string => !!u));
}

/** Column URLs some in-force recency rule judged within its window (pass or due soon). */
function freshUrls(site: StoredSite): Set<string> {
  const stale = staleUrls(site);
  const urls = liveFindings(site)
    .filter((f) => f.check === 'column-recency' && (f.outcome === 'pass' || f.outcome === 'warn'))
    .map((f) => f.column?.url)
    .filter((u): u is string => !!u && !stale.has(u));
  return new Set(urls);
}

/**
 * Compares a site's current stored result with its previous one. Pure; `previous` undefined means the site's first
 * run. Problems match on {@link findingKey}.
 */
export function diffRuns(previous: StoredSite | undefined, current: StoredSite): ChangeSet {
  const cur = liveFindings(current);
  const prev = previous ? liveFindings(previous) : [];
  const curProblems = byKey(cur.filter((f) => f.outcome === 'fail'));
  const prevProblems = byKey(prev.filter((f) => f.outcome === 'fail'));
  const curAll = byKey(cur);

  const newProblems: ProblemRef[] = [];
  const stillOpen: ProblemRef[] = [];
  for (const [key, fs] of curProblems) (prevProblems.has(key) ? stillOpen : newProblems).push(...fs.map(ref));
  const fixedProblems: ProblemRef[] = [];
  const unconfirmed: ProblemRef[] = [];
  for (const [key, fs] of prevProblems) {
    if (curProblems.has(key)) continue;
    const now = curAll.get(key) ?? [];
    (now.some((f) => UNDECIDED.includes(f.outcome)) ? unconfirmed : fixedProblems).push(...fs.map(ref));
  }

  const auditDate = current.result.evaluatedAt;
  const prevDate = previous?.result.evaluatedAt ?? auditDate;
  const prevColumns = new Map((previous?.snapshot.columns ?? []).map((c) => [c.url, c]));
  const column = (url: string): ColumnChange | undefined => {
    const c = current.snapshot.columns.find((x) => x.url === url);
    const p = prevColumns.get(url);
    const base = c ?? p;
    if (!base) return undefined;
    const newest = c && newestDate(c, auditDate);
    const previousNewest = p && newestDate(p, prevDate);
    return { url, classId: base.classId, name: base.name, ...(newest ? { newest } : {}), ...(previousNewest ? { previousNewest } : {}) };
  };
  const staleNow = staleUrls(current);
  const stalePrev = previous ? staleUrls(previous) : new Set<string>();
  const freshNow = freshUrls(current);
  const newlyStale = [...staleNow].filter((u) => !stalePrev.has(u)).map(column).filter((c): c is ColumnChange => !!c);
  const recovered = [...stalePrev].filter((u) => freshNow.has(u)).map(column).filter((c): c is ColumnChange => !!c);

  const deadNow = current.snapshot.links.filter((l) => l.status === 'dead');
  const deadPrev = previous?.snapshot.links.filter((l) => l.status === 'dead') ?? [];
  const deadNowUrls = new Set(deadNow.map((l) => l.url));
  const deadPrevUrls = new Set(deadPrev.map((l) => l.url));
  // A link that could not be verified this time is not counted as fixed.
  const unverifiedNow = new Set(current.snapshot.links.filter((l) => l.status === 'needs-review').map((l) => l.url));

  return {
    siteId: current.snapshot.site.id,
    currentRunId: current.runId,
    ...(previous ? { previousRunId: previous.runId } : {}),
    newProblems, fixedProblems, stillOpen, unconfirmed, newlyStale, recovered,
    deadLinksNew: dedupe(deadNow.filter((l) => !deadPrevUrls.has(l.url))).map(link),
    deadLinksFixed: dedupe(deadPrev.filter((l) => !deadNowUrls.has(l.url) && !unverifiedNow.has(l.url))).map(link),
  };
}

function dedupe(links: LinkObservation[]): LinkObservation[] {
  const seen = new Set<string>();
  return links.filter((l) => !seen.has(l.url) && !!seen.add(l.url));
}
