/**
 * Real-site bench: the yardstick on real government sites, not on portals this project generated.
 *
 *   npm run bench:real                   # the three saved sites + the real-page corpus
 *   npm run bench:real -- zhecheng-gov   # one saved site (the page corpus always runs)
 *
 * Sites: every `bench/real-sites/<folder>.truth.json` (hand-labelled, format in bench/real-sites/FORMAT.md) is
 * audited through `--snapshot ../shared/real-sites/<folder>` with the real crawler (crawlSite, Fetcher answered
 * from the folder, Chromium when installed) and the real engine, then compared with the labels:
 *   column recall / precision   a detected column is right when its class is present in truth and its URL is the
 *                               labelled list page (or one of `alsoAccept`); `/x/` and `/x/index.html` are one URL
 *   newest exact                over matched columns: the newest list date equals the label (null = null)
 *   first-page count exact      the list extractor on the labelled list page gives the labelled row count
 *   empty flagged               labelled `empty` columns the engine fails as 空白栏目
 *   absent reported missing     labelled absent classes whose presence rule does not pass
 *   home newest                 newest home-page item date equals the label
 *   verdict                     the outcome and the vetoes raised, against the labelled ones
 * Pages: every `bench/real-pages/*.truth.json` runs the list and detail extractors on the saved page.
 * It is a measurement: it always exits 0, prints the tables, the goals met or missed, and every miss.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateSnapshot } from '../crawler/crawl/summarise.ts';
import { crawlSite } from '../crawler/crawl/site-crawler.ts';
import { decodeBody } from '../crawler/fetch/decode-body.ts';
import { Fetcher } from '../crawler/fetch/index.ts';
import { readColumnLibrary, resolvePack } from '../crawler/packs.ts';
import { pageFromHtml } from '../crawler/page/from-html.ts';
import { BrowserRenderer, findChromium } from '../crawler/render/browser.ts';
import { siteConfig } from '../crawler/sites/load.ts';
import { siteEntry } from '../crawler/sites/schema.ts';
import { MemoryStore } from '../crawler/store/memory-store.ts';
import { extractDetailDates } from '../rules/extract/detail-page.ts';
import { extractListItems } from '../rules/extract/list-items.ts';
import type { SiteResult } from '../rules/model/finding.ts';
import type { ColumnObservation, SiteKind, SiteSnapshot } from '../rules/model/snapshot.ts';
import { machineHeader, normalisePath } from './accuracy.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED_DIR = process.env.GOVAUDIT_SHARED_DIR ?? resolve(ROOT, '../shared');
export const SITE_TRUTH_DIR = join(ROOT, 'bench/real-sites');
export const PAGE_TRUTH_DIR = join(ROOT, 'bench/real-pages');
export const REAL_GOALS = { recall: 0.95, newestExact: 0.95, detailExact: 0.95 };

export interface SiteTruthColumn {
  classId: string;
  present: boolean;
  name?: string | null;
  url?: string | null;
  alsoAccept?: string[];
  newest?: string | null;
  firstPageItems?: number | null;
  state?: 'ok' | 'stale' | 'empty' | 'undated' | 'hub' | 'unreachable' | 'not-saved';
  why?: string;
}

export interface SiteTruth {
  folder: string;
  host: string;
  homeUrl: string;
  siteName: string;
  kind: SiteKind;
  today: string;
  packs: string[];
  columns: SiteTruthColumn[];
  notColumns?: string[];
  home: { newest: string | null; newestTitle?: string; why?: string };
  details?: { path: string; publish: string | null; formed?: string | null; why?: string }[];
  verdict: { outcome: 'pass' | 'fail' | 'needs-review'; vetoes: string[]; why?: string };
  notes?: string[];
}

export interface PageTruth {
  kind: 'list' | 'detail';
  url: string;
  itemCount?: number;
  newest?: string | null;
  items?: { title: string; date: string | null }[];
  publish?: string | null;
  formed?: string | null;
  why?: string;
}

interface Miss {
  where: string;
  kind: string;
  text: string;
}

export interface SiteScore {
  folder: string;
  truthColumns: number;
  detected: number;
  /** Present classes found at a labelled URL (recall's numerator). */
  found: number;
  /** Right detections (precision's numerator). */
  tp: number;
  fp: number;
  newestCompared: number;
  newestExact: number;
  countCompared: number;
  countExact: number;
  emptyTotal: number;
  emptyFlagged: number;
  absentTotal: number;
  absentReported: number;
  homeNewest: { got: string | null; want: string | null };
  verdict: { got: string; want: string; vetoesGot: string[]; vetoesWant: string[]; vetoOk: boolean };
  pages: number;
  rendered: number;
  ms: number;
  misses: Miss[];
}

export function loadSiteTruths(only: string[] = []): SiteTruth[] {
  if (!existsSync(SITE_TRUTH_DIR)) return [];
  return readdirSync(SITE_TRUTH_DIR)
    .filter((f) => f.endsWith('.truth.json'))
    .map((f) => JSON.parse(readFileSync(join(SITE_TRUTH_DIR, f), 'utf8')) as SiteTruth)
    .filter((t) => only.length === 0 || only.includes(t.folder))
    .sort((a, b) => a.folder.localeCompare(b.folder));
}

export function loadPageTruths(): { file: string; path: string; truth: PageTruth }[] {
  if (!existsSync(PAGE_TRUTH_DIR)) return [];
  const out: { file: string; path: string; truth: PageTruth }[] = [];
  for (const f of readdirSync(PAGE_TRUTH_DIR).filter((x) => x.endsWith('.truth.json')).sort()) {
    const pages = (JSON.parse(readFileSync(join(PAGE_TRUTH_DIR, f), 'utf8')) as { pages: Record<string, PageTruth> }).pages;
    for (const [path, truth] of Object.entries(pages)) out.push({ file: f, path, truth });
  }
  return out;
}

function newestOf(items: { date?: string }[]): string | null {
  const dates = items.map((i) => i.date).filter((d): d is string => !!d).sort();
  return dates.length ? dates[dates.length - 1]! : null;
}

/** A saved page's text, decoded the way the fetcher decodes (meta charset, BOM, GBK sniffing). */
export function readSavedPage(path: string): string {
  return decodeBody(new Uint8Array(readFileSync(join(SHARED_DIR, path))), undefined).text;
}

/** Rules and vetoes an audit raised (failed veto rules and triggered pack vetoes), by id. */
export function raisedVetoes(result: SiteResult): { raised: string[]; undecided: string[] } {
  const raised = new Set<string>();
  const undecided = new Set<string>();
  for (const p of result.packs) {
    if (!p.inForce) continue;
    for (const f of p.findings) {
      if (f.severity !== 'veto') continue;
      if (f.outcome === 'fail') raised.add(f.ruleId);
      if (f.outcome === 'needs-review') undecided.add(f.ruleId);
    }
    for (const v of p.vetoes) {
      if (v.triggered) raised.add(v.id);
      else if (v.undecided) undecided.add(v.id);
    }
  }
  return { raised: [...raised].sort(), undecided: [...undecided].sort() };
}

export function scoreSite(truth: SiteTruth, snapshot: SiteSnapshot, result: SiteResult): Omit<SiteScore, 'pages' | 'rendered' | 'ms'> {
  const misses: Miss[] = [];
  const miss = (kind: string, text: string) => misses.push({ where: truth.folder, kind, text });
  const present = truth.columns.filter((c) => c.present && c.url);
  const acceptable = (t: SiteTruthColumn) => new Set([t.url!, ...(t.alsoAccept ?? [])].map(normalisePath));
  // A detection is right when its class is present and its URL is the labelled list or an accepted alternative (a
  // site may have several columns of one class: 规范性文件 and 部门文件 are both policy columns).
  const primary = new Map<SiteTruthColumn, ColumnObservation>();
  const found = new Set<SiteTruthColumn>();
  const seen = new Set<string>();
  let tp = 0;
  let fp = 0;
  const labelled = new Set(truth.columns.map((c) => c.classId));
  for (const c of snapshot.columns) {
    // Classes the labels do not cover (a class added after labelling, menu columns sampled for emptiness) are not scored.
    if (c.sampled || !labelled.has(c.classId)) continue;
    const key = `${c.classId} ${normalisePath(c.url)}`;
    const t = present.find((p) => p.classId === c.classId && acceptable(p).has(normalisePath(c.url)));
    if (t && !seen.has(key)) {
      seen.add(key);
      tp++;
      found.add(t);
      if (normalisePath(c.url) === normalisePath(t.url!)) primary.set(t, c);
      continue;
    }
    fp++;
    const label = truth.columns.find((x) => x.classId === c.classId);
    const why = t ? 'found twice' : !label?.present ? 'class absent in truth' : `truth list is ${label.url}`;
    miss('extra column', `${c.classId} 「${c.name}」 ${c.url}: ${why} (${c.matchReason})`);
  }
  let newestCompared = 0, newestExact = 0, emptyTotal = 0, emptyFlagged = 0, absentTotal = 0, absentReported = 0;
  const findings = result.packs.filter((p) => p.inForce).flatMap((p) => p.findings);
  for (const t of present) {
    const c = primary.get(t);
    if (t.state === 'empty') {
      emptyTotal++;
      const flagged = findings.some((f) => f.check === 'column-empty' && f.outcome === 'fail' && f.column?.classId === t.classId);
      if (flagged) emptyFlagged++;
      else miss('empty not flagged', `${t.classId} 「${t.name}」 ${t.url}`);
    }
    if (!found.has(t)) {
      miss('missed column', `${t.classId} 「${t.name}」 ${t.url} (${t.why ?? ''})`);
      continue;
    }
    if (!c) continue; // found through an accepted alternative: its newest date is not labelled
    if (t.state === 'hub' || t.state === 'unreachable' || t.state === 'not-saved') continue;
    newestCompared++;
    const got = newestOf(c.items);
    if (got === (t.newest ?? null)) newestExact++;
    else miss('newest', `${t.classId} 「${t.name}」 ${t.url}: newest ${got ?? 'none'}, truth ${t.newest ?? 'none'}${c.status !== 'ok' ? ` (status ${c.status}: ${c.statusReason ?? ''})` : ''}`);
  }
  for (const t of truth.columns.filter((c) => !c.present)) {
    const presence = findings.filter((f) => f.check === 'column-presence' && f.column?.classId === t.classId);
    if (!presence.length) continue; // no pack in force asks for this class
    absentTotal++;
    if (presence.every((f) => f.outcome !== 'pass')) absentReported++;
    else miss('absent reported present', `${t.classId}: ${presence.map((f) => `${f.ruleId} ${f.outcome}`).join(', ')}`);
  }
  let countCompared = 0, countExact = 0;
  for (const t of present) {
    if (t.firstPageItems == null || !t.url) continue;
    const path = savedPathOf(truth, t.url);
    if (!path) continue;
    countCompared++;
    const got = extractListItems(pageFromHtml(readSavedPage(path), t.url), { notAfter: truth.today }).items.length;
    if (got === t.firstPageItems) countExact++;
    else miss('first-page count', `${t.classId} ${t.url}: ${got} rows, truth ${t.firstPageItems}`);
  }
  const homeGot = newestOf(snapshot.home.items.filter((i) => !i.date || i.date <= truth.today));
  if (homeGot !== truth.home.newest) miss('home newest', `got ${homeGot ?? 'none'}, truth ${truth.home.newest ?? 'none'}${snapshot.home.status !== 'ok' ? ` (home ${snapshot.home.status}: ${snapshot.home.statusReason ?? ''})` : ''}`);
  const { raised } = raisedVetoes(result);
  const want = [...truth.verdict.vetoes].sort();
  const vetoOk = raised.length === want.length && raised.every((v, i) => v === want[i]);
  if (result.verdict !== truth.verdict.outcome || !vetoOk) miss('verdict', `got ${result.verdict} [${raised.join(', ') || 'no veto'}], truth ${truth.verdict.outcome} [${want.join(', ') || 'no veto'}]`);
  return {
    folder: truth.folder, truthColumns: present.length, detected: tp + fp, found: found.size, tp, fp,
    newestCompared, newestExact, countCompared, countExact, emptyTotal, emptyFlagged, absentTotal, absentReported,
    homeNewest: { got: homeGot, want: truth.home.newest }, verdict: { got: result.verdict, want: truth.verdict.outcome, vetoesGot: raised, vetoesWant: want, vetoOk }, misses,
  };
}

/** The saved file behind a live URL of the site, when the copy has it (`/x/` → `x/index.html`). */
export function savedPathOf(truth: SiteTruth, url: string): string | undefined {
  const u = new URL(url);
  if (u.hostname !== new URL(truth.homeUrl).hostname) return undefined;
  let path = decodeURIComponent(u.pathname).replace(/^\/+/, '');
  if (path === '' || path.endsWith('/')) path += 'index.html';
  const rel = join('real-sites', truth.folder, path);
  return existsSync(join(SHARED_DIR, rel)) ? rel : undefined;
}

export async function auditSavedSite(truth: SiteTruth, renderer: BrowserRenderer | undefined): Promise<SiteScore> {
  const dir = join(SHARED_DIR, 'real-sites', truth.folder);
  const library = readColumnLibrary();
  const packs = truth.packs.map((p) => resolvePack(p, library));
  const classes = { ...library.columns, ...Object.assign({}, ...packs.map((p) => p.columns)) };
  const site = siteConfig(siteEntry.parse({ id: truth.folder, name: truth.siteName, url: truth.homeUrl, kind: truth.kind, snapshot: dir, render: 'auto' }), {
    packs: truth.packs,
    // A saved copy answers from disk: no politeness delay, one availability sample.
    limits: { delayMs: 0, availabilitySamples: 1 },
  });
  // crawlSite reads a site with `snapshot` through a Fetcher of its own that answers from the folder; this one,
  // which the context type asks for, allows no host at all, so nothing can leave the machine.
  const fetcher = new Fetcher({ allowedHosts: [] });
  const journal = await new MemoryStore().journal('bench-real', truth.folder);
  const started = performance.now();
  try {
    const { snapshot, stats } = await crawlSite(site, { fetcher, renderer, journal, classes, now: truth.today, capturedAt: new Date().toISOString() });
    // The truth's packs are the standard it was labelled against, in force or not on the copy's date.
    const result = evaluateSnapshot(packs, snapshot, truth.today, truth.packs);
    return { ...scoreSite(truth, snapshot, result), pages: stats.pages, rendered: stats.rendered, ms: performance.now() - started };
  } finally {
    await fetcher.close();
  }
}

export interface PageScores {
  listTotal: number;
  listNewestExact: number;
  listCountExact: number;
  listItemDatesExact: number;
  detailTotal: number;
  detailExact: number;
  formedTotal: number;
  formedExact: number;
  bySource: Map<string, { list: number; listNewest: number; listCount: number; detail: number; detailExact: number }>;
  misses: Miss[];
}

export function scorePages(pages: { file: string; path: string; truth: PageTruth }[], today = '2026-11-26'): PageScores {
  const s: PageScores = { listTotal: 0, listNewestExact: 0, listCountExact: 0, listItemDatesExact: 0, detailTotal: 0, detailExact: 0, formedTotal: 0, formedExact: 0, bySource: new Map(), misses: [] };
  for (const { file, path, truth } of pages) {
    const source = file.replace(/\.truth\.json$/, '');
    const row = s.bySource.get(source) ?? { list: 0, listNewest: 0, listCount: 0, detail: 0, detailExact: 0 };
    s.bySource.set(source, row);
    const miss = (kind: string, text: string) => s.misses.push({ where: source, kind, text: `${path}: ${text}` });
    if (!existsSync(join(SHARED_DIR, path))) {
      miss('missing file', 'not in ../shared');
      continue;
    }
    const doc = pageFromHtml(readSavedPage(path), truth.url);
    if (truth.kind === 'list') {
      s.listTotal++;
      row.list++;
      const items = extractListItems(doc, { notAfter: today }).items;
      const newest = newestOf(items);
      if (newest === (truth.newest ?? null)) (s.listNewestExact++, row.listNewest++);
      else miss('list newest', `newest ${newest ?? 'none'}, truth ${truth.newest ?? 'none'}`);
      if (items.length === truth.itemCount) (s.listCountExact++, row.listCount++);
      else miss('list count', `${items.length} rows, truth ${truth.itemCount}`);
      const wantDates = (truth.items ?? []).map((i) => i.date ?? null);
      const gotDates = items.map((i) => i.date ?? null);
      if (wantDates.length === gotDates.length && wantDates.every((d, i) => d === gotDates[i])) s.listItemDatesExact++;
    } else {
      s.detailTotal++;
      row.detail++;
      const dates = extractDetailDates(doc, { notAfter: today });
      const got = dates.publishDate?.date ?? null;
      if (got === (truth.publish ?? null)) (s.detailExact++, row.detailExact++);
      else miss('detail publish', `publish ${got ?? 'none'}, truth ${truth.publish ?? 'none'}${truth.formed && got === truth.formed ? ' (took the 成文日期)' : ''}`);
      if (truth.formed) {
        s.formedTotal++;
        if (dates.formedDate?.date === truth.formed) s.formedExact++;
        else miss('detail formed', `成文 ${dates.formedDate?.date ?? 'none'}, truth ${truth.formed}`);
      }
    }
  }
  return s;
}

const pct = (n: number, d: number) => (d === 0 ? '–' : (n / d).toFixed(3));
const goal = (label: string, value: number, target: number) => `${value >= target ? 'met   ' : 'MISSED'}  ${label} ${value.toFixed(3)} (goal ≥ ${target})`;

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  console.log(`# govaudit real-site bench\n\n${machineHeader()}\nshared: ${SHARED_DIR}\n`);
  if (!existsSync(join(SHARED_DIR, 'real-sites'))) {
    console.log(`NOTE: ${SHARED_DIR}/real-sites not found: the real sites and pages live beside the project in ../shared (set GOVAUDIT_SHARED_DIR to point elsewhere). Nothing to measure.`);
    return;
  }
  const renderer = findChromium() ? new BrowserRenderer() : undefined;
  if (!renderer) console.log('NOTE: no Chromium found: JavaScript-drawn lists cannot be read.\n');
  const scores: SiteScore[] = [];
  const errors: Miss[] = [];
  try {
    for (const truth of loadSiteTruths(only)) {
      try {
        scores.push(await auditSavedSite(truth, renderer));
      } catch (e) {
        errors.push({ where: truth.folder, kind: 'error', text: (e as Error).stack ?? String(e) });
      }
    }
  } finally {
    await renderer?.close();
  }

  console.log('## Saved real sites (audited through --snapshot; labels by hand)\n');
  console.log('| site | truth cols | detected | TP | FP | precision | recall | newest exact | first-page count exact | empty flagged | absent reported | home newest (got / truth) | verdict (got / truth) | vetoes match | pages (rendered) | s |');
  console.log('|' + '---|'.repeat(16));
  const sum = (f: (s: SiteScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  for (const s of scores) {
    console.log(`| ${s.folder} | ${s.truthColumns} | ${s.detected} | ${s.tp} | ${s.fp} | ${pct(s.tp, s.tp + s.fp)} | ${pct(s.found, s.truthColumns)} | ${s.newestExact}/${s.newestCompared} | ${s.countExact}/${s.countCompared} | ${s.emptyTotal ? `${s.emptyFlagged}/${s.emptyTotal}` : '–'} | ${s.absentReported}/${s.absentTotal} | ${s.homeNewest.got ?? 'none'} / ${s.homeNewest.want ?? 'none'} | ${s.verdict.got} / ${s.verdict.want} | ${s.verdict.vetoOk ? 'yes' : `no: [${s.verdict.vetoesGot.join(', ')}] vs [${s.verdict.vetoesWant.join(', ')}]`} | ${s.pages} (${s.rendered}) | ${(s.ms / 1000).toFixed(1)} |`);
  }
  const t = { truth: sum((s) => s.truthColumns), found: sum((s) => s.found), tp: sum((s) => s.tp), fp: sum((s) => s.fp), newestC: sum((s) => s.newestCompared), newestE: sum((s) => s.newestExact), countC: sum((s) => s.countCompared), countE: sum((s) => s.countExact) };
  if (scores.length) console.log(`| **overall** | ${t.truth} | ${sum((s) => s.detected)} | ${t.tp} | ${t.fp} | ${pct(t.tp, t.tp + t.fp)} | ${pct(t.found, t.truth)} | ${t.newestE}/${t.newestC} | ${t.countE}/${t.countC} | ${sum((s) => s.emptyFlagged)}/${sum((s) => s.emptyTotal)} | ${sum((s) => s.absentReported)}/${sum((s) => s.absentTotal)} | ${scores.filter((s) => s.homeNewest.got === s.homeNewest.want).length}/${scores.length} exact | ${scores.filter((s) => s.verdict.got === s.verdict.want).length}/${scores.length} | ${scores.filter((s) => s.verdict.vetoOk).length}/${scores.length} | ${sum((s) => s.pages)} | ${(sum((s) => s.ms) / 1000).toFixed(1)} |`);

  const pages = scorePages(loadPageTruths());
  console.log('\n## Real-page corpus (extractors on saved pages; labels by hand)\n');
  console.log('| source | list pages | list newest exact | list count exact | detail pages | detail 发布日期 exact |');
  console.log('|---|---|---|---|---|---|');
  for (const [source, r] of pages.bySource) console.log(`| ${source} | ${r.list} | ${r.list ? `${r.listNewest}/${r.list}` : '–'} | ${r.list ? `${r.listCount}/${r.list}` : '–'} | ${r.detail} | ${r.detail ? `${r.detailExact}/${r.detail}` : '–'} |`);
  console.log(`| **overall** | ${pages.listTotal} | ${pages.listNewestExact}/${pages.listTotal} = ${pct(pages.listNewestExact, pages.listTotal)} | ${pages.listCountExact}/${pages.listTotal} = ${pct(pages.listCountExact, pages.listTotal)} | ${pages.detailTotal} | ${pages.detailExact}/${pages.detailTotal} = ${pct(pages.detailExact, pages.detailTotal)} |`);
  console.log(`\nEvery row's date exact on ${pages.listItemDatesExact}/${pages.listTotal} list pages; 成文日期 exact ${pages.formedExact}/${pages.formedTotal}.`);

  console.log('\n## Goals (real material)\n');
  if (scores.length) {
    console.log(goal('column recall         ', t.found / Math.max(1, t.truth), REAL_GOALS.recall));
    console.log(goal('column precision      ', t.tp / Math.max(1, t.tp + t.fp), REAL_GOALS.recall));
    console.log(goal('newest-date exact     ', t.newestE / Math.max(1, t.newestC), REAL_GOALS.newestExact));
    const wrongVetoes = scores.filter((s) => !s.verdict.vetoOk).length;
    console.log(`${wrongVetoes === 0 ? 'met   ' : 'MISSED'}  no wrong veto outcome  ${wrongVetoes} site(s) differ`);
  }
  if (pages.listTotal) console.log(goal('list newest exact     ', pages.listNewestExact / pages.listTotal, REAL_GOALS.newestExact));
  if (pages.detailTotal) console.log(goal('detail 发布日期 exact  ', pages.detailExact / pages.detailTotal, REAL_GOALS.detailExact));

  const misses = [...errors, ...scores.flatMap((s) => s.misses), ...pages.misses];
  if (misses.length) {
    console.log('\n## Every miss\n');
    const kinds = [...new Set(misses.map((m) => m.kind))];
    for (const kind of kinds) {
      const list = misses.filter((m) => m.kind === kind);
      console.log(`### ${kind} (${list.length})\n`);
      for (const m of list) console.log(`- ${m.where}: ${m.text}`);
      console.log('');
    }
  }
}

if (process.argv[1]?.endsWith('real.ts')) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(0);
    },
  );
}
