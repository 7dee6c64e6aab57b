/**
 * Accuracy bench: crawls every labelled portal in tests/fixtures/portals/ with the real crawler (crawlSite, a real
 * Fetcher, a MemoryStore journal, Chromium when installed) and compares the snapshot with truth.json.
 *
 *   npm run bench:accuracy            # all fixtures
 *   npm run bench:accuracy -- trs-county soft404
 *
 * Metrics (micro-averaged over fixtures in the overall row):
 *   column precision / recall   a detected column is (classId, URL); `/x/` and `/x/index.html` are one URL, and a
 *                               second detection of the same column counts as a false positive (it would be
 *                               judged twice). Hubs (信息公开专栏, 法定主动公开内容) count like any column.
 *   newest exact                over detected non-hub truth columns: newest list date equals truth (null = null).
 *   item MAE                    mean |itemCount − truth items| over the same columns; "exact" = share with error 0.
 *   dead flagged                truth columns whose page is gone (404 / soft 404): crawler status is not `ok`.
 *   detail exact                extractDetailDates on labelled detail pages: publishDate equals truth.
 * It is a measurement: it always exits 0, and prints which goals are missed and why.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { crawlSite } from '../crawler/crawl/site-crawler.ts';
import { Fetcher } from '../crawler/fetch/index.ts';
import { readColumnLibrary, resolvePack } from '../crawler/packs.ts';
import { pageFromHtml } from '../crawler/page/from-html.ts';
import { BrowserRenderer, findChromium } from '../crawler/render/browser.ts';
import { siteConfig } from '../crawler/sites/load.ts';
import { siteEntry } from '../crawler/sites/schema.ts';
import { MemoryStore } from '../crawler/store/memory-store.ts';
import { extractDetailDates } from '../rules/extract/detail-page.ts';
import type { ColumnObservation, SiteSnapshot } from '../rules/model/snapshot.ts';
import { DEFAULT_PACK_IDS } from '../rules/schema/pack.ts';
import { PORTALS_DIR, type Truth, type TruthColumn } from './make-portals.ts';
import { serveFixture, type ServeOptions } from './serve-fixtures.ts';

export const GOALS = { recall: 0.98, precision: 0.98, newestExact: 0.97 };

/** Column identity: path (+query), with a trailing index/default page folded into its folder. */
export function columnKey(classId: string, url: string): string {
  return `${classId} ${normalisePath(url)}`;
}

export function normalisePath(url: string): string {
  const u = new URL(url, 'http://x/');
  const path = u.pathname.replace(/\/(index|default)\.(s?html?|jsp|aspx?|php)$/i, '/');
  return path + u.search;
}

interface Miss {
  fixture: string;
  kind: 'missed column' | 'extra column' | 'duplicate column' | 'newest' | 'items' | 'dead not flagged' | 'detail' | 'error';
  text: string;
}

export interface FixtureScore {
  name: string;
  shape: string;
  truthColumns: number;
  detected: number;
  tp: number;
  fp: number;
  fn: number;
  newestCompared: number;
  newestExact: number;
  itemsCompared: number;
  itemAbsError: number;
  itemsExact: number;
  deadTotal: number;
  deadFlagged: number;
  detailTotal: number;
  detailExact: number;
  pages: number;
  rendered: number;
  ms: number;
  misses: Miss[];
}

function newestOf(c: ColumnObservation): string | null {
  const dates = c.items.map((i) => i.date).filter((d): d is string => !!d).sort();
  return dates.length ? dates[dates.length - 1]! : null;
}

export function scoreSnapshot(truth: Truth, snapshot: SiteSnapshot): Omit<FixtureScore, 'pages' | 'rendered' | 'ms' | 'detailTotal' | 'detailExact'> {
  const misses: Miss[] = [];
  const miss = (kind: Miss['kind'], text: string) => misses.push({ fixture: truth.name, kind, text });
  const truthByKey = new Map<string, TruthColumn>(truth.columns.map((c) => [columnKey(c.classId, c.url), c]));
  const truthByPath = new Map<string, TruthColumn>(truth.columns.map((c) => [normalisePath(c.url), c]));
  const notColumns = new Set(truth.notColumns.map(normalisePath));
  const matched = new Map<string, ColumnObservation>();
  let fp = 0;
  // Menu columns sampled for emptiness are no class detection: not scored.
  const detectedColumns = snapshot.columns.filter((c) => !c.sampled);
  for (const c of detectedColumns) {
    const key = columnKey(c.classId, c.url);
    const path = normalisePath(c.url);
    if (truthByKey.has(key)) {
      if (matched.has(key)) {
        fp++;
        miss('duplicate column', `${c.classId} 「${c.name}」 ${path} found again as ${new URL(c.url).pathname} (${c.matchReason})`);
      } else matched.set(key, c);
      continue;
    }
    fp++;
    const other = truthByPath.get(path);
    const why = other ? `is ${other.classId} 「${other.name}」 in truth` : notColumns.has(path) ? 'listed in notColumns' : 'not a column in truth';
    miss('extra column', `${c.classId} 「${c.name}」 ${path}: ${why} (${c.matchReason})`);
  }
  let newestCompared = 0, newestExact = 0, itemsCompared = 0, itemAbsError = 0, itemsExact = 0, deadTotal = 0, deadFlagged = 0;
  for (const [key, t] of truthByKey) {
    const c = matched.get(key);
    if (t.status === 'unreachable') deadTotal++;
    if (!c) {
      miss('missed column', `${t.classId} 「${t.name}」 ${t.url} (${t.shape ?? ''})`);
      continue;
    }
    if (t.status === 'unreachable') {
      if (c.status !== 'ok') deadFlagged++;
      else miss('dead not flagged', `${t.classId} 「${t.name}」 ${t.url}: ${t.shape}; crawler status ok with ${c.itemCount} items${c.items.length ? `, newest ${newestOf(c)}` : ''}`);
    }
    if (t.hub) continue;
    newestCompared++;
    const got = newestOf(c);
    if (got === t.newest) newestExact++;
    else miss('newest', `${t.classId} 「${t.name}」 ${t.url} [${t.shape}]: newest ${got ?? 'none'}, truth ${t.newest ?? 'none'}${c.status !== 'ok' ? ` (status ${c.status}: ${c.statusReason ?? ''})` : ''}`);
    if (t.items !== null) {
      itemsCompared++;
      const err = Math.abs(c.itemCount - t.items);
      itemAbsError += err;
      if (err === 0) itemsExact++;
      else miss('items', `${t.classId} 「${t.name}」 ${t.url} [${t.shape}]: ${c.itemCount} items (${c.items.length} read on ${c.pagesRead} pages), truth ${t.items}${c.status !== 'ok' ? `; status ${c.status}: ${c.statusReason ?? ''}` : ''}`);
    }
  }
  return {
    name: truth.name, shape: truth.shape, truthColumns: truthByKey.size, detected: detectedColumns.length, tp: matched.size, fp, fn: truthByKey.size - matched.size,
    newestCompared, newestExact, itemsCompared, itemAbsError, itemsExact, deadTotal, deadFlagged, misses,
  };
}

export function loadTruths(only: string[] = []): { dir: string; truth: Truth }[] {
  return readdirSync(PORTALS_DIR)
    .filter((d) => existsSync(join(PORTALS_DIR, d, 'truth.json')) && (only.length === 0 || only.includes(d)))
    .sort()
    .map((d) => ({ dir: join(PORTALS_DIR, d), truth: JSON.parse(readFileSync(join(PORTALS_DIR, d, 'truth.json'), 'utf8')) as Truth }));
}

export async function runFixture(dir: string, truth: Truth, renderer: BrowserRenderer | undefined): Promise<FixtureScore> {
  const server = await serveFixture(dir, (truth.serve ?? {}) as ServeOptions);
  const library = readColumnLibrary();
  const classes = { ...library.columns, ...Object.assign({}, ...DEFAULT_PACK_IDS.map((p) => resolvePack(p, library).columns)) };
  const site = siteConfig(siteEntry.parse({ id: truth.name, name: truth.siteName, url: server.url, kind: truth.kind, allowPrivate: true, render: 'auto' }), {
    packs: [...DEFAULT_PACK_IDS],
    // Crawler defaults except the politeness delay and availability samples, which only cost time on 127.0.0.1.
    limits: { delayMs: 0, availabilitySamples: 1 },
  });
  const fetcher = new Fetcher({ perHostConcurrency: site.limits.perHostConcurrency, defaultDelayMs: 0, allowPrivate: true, allowedHosts: [new URL(server.url).host] });
  const journal = await new MemoryStore().journal('bench', truth.name);
  const started = performance.now();
  try {
    const { snapshot, stats } = await crawlSite(site, { fetcher, renderer, journal, classes, now: truth.today, capturedAt: new Date().toISOString() });
    const ms = performance.now() - started;
    const score = scoreSnapshot(truth, snapshot);
    let detailExact = 0;
    for (const d of truth.details) {
      const r = await fetcher.fetch(new URL(d.url, server.url).href, { retries: 0 });
      const dates = extractDetailDates(pageFromHtml(r.text, r.finalUrl));
      const got = dates.publishDate?.date ?? null;
      if (got === d.publish) detailExact++;
      else score.misses.push({ fixture: truth.name, kind: 'detail', text: `${d.url} [${d.style}]: publish ${got ?? 'none'}, truth ${d.publish}${d.formed && got === d.formed ? ' (took the 成文日期)' : ''}` });
    }
    return { ...score, detailTotal: truth.details.length, detailExact, pages: stats.pages, rendered: stats.rendered, ms };
  } finally {
    await fetcher.close();
    await server.close();
  }
}

const pct = (n: number, d: number) => (d === 0 ? '–' : (n / d).toFixed(3));

export function machineHeader(): string {
  const model = cpus()[0]?.model ?? 'unknown';
  let nproc = String(cpus().length);
  try {
    nproc = execSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    /* keep os.cpus() */
  }
  const chromium = findChromium();
  let chromiumVersion = 'not found';
  if (chromium) {
    try {
      chromiumVersion = `${execSync(`${chromium} --version`, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()} (${chromium})`;
    } catch {
      chromiumVersion = chromium;
    }
  }
  return `machine: nproc ${nproc}, cpu "${model}", node ${process.version}, ${process.platform}/${process.arch}; chromium: ${chromiumVersion}`;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const fixtures = loadTruths(only);
  console.log(`# govaudit accuracy bench\n\n${machineHeader()}\nfixtures: ${fixtures.length} (tests/fixtures/portals), crawler limits: defaults, delay 0\n`);
  const renderer = findChromium() ? new BrowserRenderer() : undefined;
  if (!renderer) console.log('NOTE: no Chromium found: JavaScript-drawn lists cannot be read (their columns will show as misses).\n');
  const scores: FixtureScore[] = [];
  try {
    for (const { dir, truth } of fixtures) {
      try {
        scores.push(await runFixture(dir, truth, renderer));
      } catch (e) {
        scores.push({
          name: truth.name, shape: truth.shape, truthColumns: truth.columns.length, detected: 0, tp: 0, fp: 0, fn: truth.columns.length,
          newestCompared: 0, newestExact: 0, itemsCompared: 0, itemAbsError: 0, itemsExact: 0, deadTotal: 0, deadFlagged: 0, detailTotal: truth.details.length, detailExact: 0,
          pages: 0, rendered: 0, ms: 0, misses: [{ fixture: truth.name, kind: 'error', text: (e as Error).stack ?? String(e) }],
        });
      }
    }
  } finally {
    await renderer?.close();
  }

  const sum = (f: (s: FixtureScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const header = '| fixture | truth cols | detected | TP | FP | FN | precision | recall | newest exact | item MAE | items exact | dead flagged | detail exact | pages (rendered) | ms |';
  const rule = '|' + '---|'.repeat(15);
  const row = (name: string, s: Omit<FixtureScore, 'name' | 'shape' | 'misses'>) =>
    `| ${name} | ${s.truthColumns} | ${s.detected} | ${s.tp} | ${s.fp} | ${s.fn} | ${pct(s.tp, s.tp + s.fp)} | ${pct(s.tp, s.truthColumns)} | ${s.newestExact}/${s.newestCompared} = ${pct(s.newestExact, s.newestCompared)} | ${s.itemsCompared ? (s.itemAbsError / s.itemsCompared).toFixed(2) : '–'} | ${s.itemsExact}/${s.itemsCompared} | ${s.deadTotal ? `${s.deadFlagged}/${s.deadTotal}` : '–'} | ${s.detailExact}/${s.detailTotal} | ${s.pages} (${s.rendered}) | ${Math.round(s.ms)} |`;
  const total = {
    truthColumns: sum((s) => s.truthColumns), detected: sum((s) => s.detected), tp: sum((s) => s.tp), fp: sum((s) => s.fp), fn: sum((s) => s.fn),
    newestCompared: sum((s) => s.newestCompared), newestExact: sum((s) => s.newestExact), itemsCompared: sum((s) => s.itemsCompared), itemAbsError: sum((s) => s.itemAbsError),
    itemsExact: sum((s) => s.itemsExact), deadTotal: sum((s) => s.deadTotal), deadFlagged: sum((s) => s.deadFlagged), detailTotal: sum((s) => s.detailTotal),
    detailExact: sum((s) => s.detailExact), pages: sum((s) => s.pages), rendered: sum((s) => s.rendered), ms: sum((s) => s.ms),
  };
  console.log(header);
  console.log(rule);
  for (const s of scores) console.log(row(s.name, s));
  console.log(row('**overall**', total));

  const precision = total.tp / Math.max(1, total.tp + total.fp);
  const recall = total.tp / Math.max(1, total.truthColumns);
  const newest = total.newestExact / Math.max(1, total.newestCompared);
  const goal = (label: string, value: number, target: number) => `${value >= target ? 'met   ' : 'MISSED'}  ${label} ${value.toFixed(3)} (goal ≥ ${target})`;
  console.log('\n## Goals\n');
  console.log(goal('column recall      ', recall, GOALS.recall));
  console.log(goal('column precision   ', precision, GOALS.precision));
  console.log(goal('newest-date exact  ', newest, GOALS.newestExact));
  console.log(`        item-count MAE      ${(total.itemAbsError / Math.max(1, total.itemsCompared)).toFixed(2)} (exact ${total.itemsExact}/${total.itemsCompared}; no goal set)`);
  console.log(`        detail publish exact ${pct(total.detailExact, total.detailTotal)} (${total.detailExact}/${total.detailTotal}; no goal set)`);
  console.log(`        dead columns flagged ${total.deadFlagged}/${total.deadTotal}`);

  const misses = scores.flatMap((s) => s.misses);
  if (misses.length) {
    console.log('\n## What was missed\n');
    const order: Miss['kind'][] = ['error', 'missed column', 'extra column', 'duplicate column', 'newest', 'dead not flagged', 'detail', 'items'];
    for (const kind of order) {
      const list = misses.filter((m) => m.kind === kind);
      if (!list.length) continue;
      console.log(`### ${kind} (${list.length})\n`);
      for (const m of list) console.log(`- ${m.fixture}: ${m.text}`);
      console.log('');
    }
  }
}

if (process.argv[1]?.endsWith('accuracy.ts')) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(0);
    },
  );
}
