import { mkdir, rename, writeFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { dirname, join } from 'node:path';
import type { AuditStore, RunRecord, StoredSite } from '../crawler/store/types.ts';
import { diffRuns } from './changes.ts';
import { toCsv } from './csv.ts';
import { parentName, renderRunReport } from './html/multi-site.ts';
import { renderSiteScorecard, type ScorecardInput } from './html/site-scorecard.ts';
import { toJsonText } from './json.ts';
import { siteReportPath } from './paths.ts';
import { applyReview, type ReviewSession } from './review.ts';
import type { LoadedPack } from '../rules/schema/pack.ts';

export type ReportFormat = 'html' | 'json' | 'csv' | 'xlsx' | 'pdf';

export interface WriteReportsOptions {
  store: AuditStore;
  runId: string;
  formats: ReportFormat[];
  outDir: string;
  /** An evaluator's session (browser extension export) merged into the run before rendering. */
  review?: { session: ReviewSession; packs: (id: string) => LoadedPack | undefined };
  /** Screenshots of failing pages (Chromium, the sites' own hosts only) for the HTML and PDF reports. */
  screenshots?: boolean;
  /** The PDF notice's issuing unit (落款) and date. */
  issuer?: { unit?: string; date?: string };
}

/** Output file names inside outDir. */
export const REPORT_FILES = { html: 'index.html', json: 'report.json', csv: 'findings.csv', xlsx: 'report.xlsx', pdf: 'report.pdf' } as const;

async function write(path: string, data: string | Buffer): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  // Temp file then rename: a reader never sees half a report.
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
  return path;
}

/** The run's stored sites, in the order of the run's site list (then any others stored). */
export async function loadRunSites(store: AuditStore, run: RunRecord): Promise<StoredSite[]> {
  const ids = [...new Set([...run.siteIds, ...run.done.map((d) => d.siteId)])];
  const sites = await Promise.all(ids.map((id) => store.getSite(run.id, id)));
  return sites.filter((s): s is StoredSite => !!s);
}

/** For each site: history from this and earlier runs (oldest first), and the previous run's stored result. */
async function siteContext(store: AuditStore, run: RunRecord, siteId: string, runs: RunRecord[]): Promise<{ history: ScorecardInput['history']; previous?: StoredSite }> {
  const at = runs.findIndex((r) => r.id === run.id);
  const earlier = at >= 0 ? runs.slice(at + 1) : runs.filter((r) => r.startedAt < run.startedAt);
  const history: ScorecardInput['history'] = [];
  let previous: StoredSite | undefined;
  for (const r of earlier) {
    const summary = r.done.find((d) => d.siteId === siteId);
    if (!summary) continue;
    history.push({ runId: r.id, date: r.auditDate, ...(summary.score !== undefined ? { score: summary.score } : {}), verdict: summary.verdict });
    if (!previous) previous = await store.getSite(r.id, siteId);
  }
  return { history: history.reverse(), previous };
}

/**
 * Writes the requested formats for one stored run and returns the paths written. HTML is `index.html` (all
 * sites) plus `sites/<id>.html` (one scorecard per site, with its history and the changes since the previous run
 * that holds the same site). Reads only the store.
 */
export async function writeReports(opts: WriteReportsOptions): Promise<string[]> {
  const run = await opts.store.getRun(opts.runId);
  if (!run) throw new Error(`no such run: ${opts.runId}`);
  let sites: StoredSite[] = await loadRunSites(opts.store, run);
  if (opts.review) sites = applyReview(sites, opts.review.session, opts.review.packs).sites;
  const formats = [...new Set(opts.formats)];
  const shots = !!opts.screenshots && (formats.includes('html') || formats.includes('pdf'));
  // The PDF draws in Chromium: screenshots use the same browser then (on their own they launch one only if a page
  // needs capturing).
  const browser = formats.includes('pdf') ? await (await import('./pdf.ts')).launchReportBrowser() : undefined;
  try {
    if (shots) {
      const { captureScreenshots } = await import('./screenshots.ts');
      sites = await captureScreenshots(sites, browser ? { browser } : {});
    }
    return await writeFormats(opts, run, sites, formats, browser);
  } finally {
    await browser?.close();
  }
}

async function writeFormats(opts: WriteReportsOptions, run: RunRecord, sites: StoredSite[], formats: ReportFormat[], browser: Browser | undefined): Promise<string[]> {
  const written: string[] = [];
  const out = (name: string) => join(opts.outDir, name);

  if (formats.includes('html')) {
    const runs = await opts.store.listRuns();
    written.push(await write(out(REPORT_FILES.html), renderRunReport({ run, sites })));
    for (const site of sites) {
      const { history, previous } = await siteContext(opts.store, run, site.snapshot.site.id, runs);
      const html = renderSiteScorecard({ run, site, history, changes: diffRuns(previous, site), parentName: parentName(site, sites) });
      written.push(await write(out(siteReportPath(site.snapshot.site.id)), html));
    }
  }
  if (formats.includes('json')) written.push(await write(out(REPORT_FILES.json), toJsonText(run, sites)));
  if (formats.includes('csv')) written.push(await write(out(REPORT_FILES.csv), toCsv(run, sites)));
  if (formats.includes('xlsx')) {
    const { toXlsx } = await import('./xlsx.ts');
    written.push(await write(out(REPORT_FILES.xlsx), await toXlsx(run, sites)));
  }
  if (formats.includes('pdf')) {
    const { toPdf } = await import('./pdf.ts');
    written.push(await write(out(REPORT_FILES.pdf), await toPdf(run, sites, { ...(browser ? { browser } : {}), ...(opts.issuer ? { issuer: opts.issuer } : {}) })));
  }
  return written;
}
