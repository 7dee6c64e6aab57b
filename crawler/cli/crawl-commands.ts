import { statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { VERDICT_TEXT } from '../../rules/model/finding.ts';
import { SITE_KINDS, type SiteKind } from '../../rules/model/snapshot.ts';
import { isPrivateHost } from '../fetch/index.ts';
import { resolveNamedPacks } from '../crawl/open-run.ts';
import { runCrawl } from '../crawl/run.ts';
import { loadSitesFile, siteConfig } from '../sites/load.ts';
import { siteEntry, type SiteConfig } from '../sites/schema.ts';
import type { AuditStore, RunRecord } from '../store/types.ts';
import { EXIT } from './exit-codes.ts';
import { auditDateOption, choiceOption, dataDir, formatsOption, parseFormats, UsageError, withReadStore, withStore } from './options.ts';
import { safeText } from '../../reports/plain-text.ts';
import { progressReporter } from './progress.ts';
import { formatSiteSummary } from './summary.ts';

interface CrawlCliOptions {
  data?: string;
  out?: string;
  format: string;
  json?: boolean;
  quiet?: boolean;
  resume?: boolean;
  today?: string;
  /** redis:// URL: sites are crawled by `govaudit worker` processes through this queue. */
  queue?: string;
  applyExpired?: string[];
}

/** `--apply-expired <pack…>`: audit with these packs too, applied outside their validity (the sites file's `ignoreValidity`). */
export function withExpiredApplied(site: SiteConfig, packs: string[] = []): SiteConfig {
  if (packs.length === 0) return site;
  return { ...site, packs: [...new Set([...site.packs, ...packs])], ignoreValidity: [...new Set([...site.ignoreValidity, ...packs])] };
}

function show(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

export function exitCodeFor(run: RunRecord): number {
  if (run.done.some((s) => s.verdict === 'fail')) return EXIT.verdictFail;
  // 未检查 is not a pass: nothing was judged, so someone has to look.
  if (run.done.some((s) => s.verdict === 'needs-review' || s.verdict === 'not-checked')) return EXIT.needsReview;
  return EXIT.ok;
}

/** Crawls, stores, writes the scorecards and prints the verdicts: the shared tail of `audit`, `crawl` and `demo --audit`. */
export async function crawlAndReport(sites: SiteConfig[], o: CrawlCliOptions & { sitesFile?: string }, store: AuditStore & { dir?: string }): Promise<RunRecord> {
  const formats = parseFormats(o.format);
  const common = { sites, store, sitesFile: o.sitesFile, resume: o.resume, now: o.today, onProgress: progressReporter({ quiet: o.quiet || o.json }) };
  // Loaded on use: without --queue nothing needs Redis or BullMQ.
  const run = o.queue ? await (await import('../queue/coordinator.ts')).runQueuedCrawl({ ...common, queueUrl: o.queue }) : await runCrawl(common);
  const outDir = o.out ?? join(dataDir(o.data), 'reports', run.id);
  // Loaded on use: report writers pull in spreadsheet and browser code that `rules` and `runs` never need.
  const { writeReports } = await import('../../reports/write.ts');
  const written = await writeReports({ store, runId: run.id, formats, outDir });
  if (o.json) {
    const sitesOut = await Promise.all(run.done.map(async (d) => ({ ...d, result: (await store.getSite(run.id, d.siteId))?.result })));
    console.log(JSON.stringify({ run: { id: run.id, auditDate: run.auditDate, status: run.status, ...(run.packChoice ? { packChoice: run.packChoice } : {}) }, sites: sitesOut, reports: written }, null, 2));
  } else {
    if (run.packChoice) console.log(`规则包 packs: ${run.packChoice.packs.join(', ')}\n  ${run.packChoice.reason.zh}\n  ${run.packChoice.reason.en}\n`);
    for (const d of run.done) {
      const stored = await store.getSite(run.id, d.siteId);
      if (stored) console.log(formatSiteSummary(stored) + '\n');
    }
    console.log(`运行 run: ${run.id}`);
    for (const f of written) console.log(`报告 report: ${show(f)}`);
  }
  return run;
}

function addCrawlOptions(cmd: Command): Command {
  return cmd
    .option('--data <dir>', '数据目录 / data directory (default ./govaudit-data or $GOVAUDIT_DATA)')
    .option('--out <dir>', '报告目录 / report directory (default <data>/reports/<run>)')
    .option('--format <list>', '报告格式 / report formats: html,json,csv,xlsx,pdf', formatsOption, 'html,json')
    .option('--today <date>', '评估日期 / audit date YYYY-MM-DD (default today)', auditDateOption)
    .option('--apply-expired <pack...>', '在有效期外适用规则包（仅周期性义务）/ apply past packs outside their validity (recurring duties only)')
    .option('--json', '以 JSON 输出结果 / print results as JSON')
    .option('--quiet', '不显示进度 / no progress output');
}

export function registerCrawlCommands(program: Command): void {
  addCrawlOptions(
    program
      .command('audit <url>')
      .description('检查单个站点 / audit one site without a sites file')
      .option('--name <name>', '站点名称 / site name')
      .option('--kind <kind>', `站点类型 / site kind: ${SITE_KINDS.join(', ')}`, choiceOption(SITE_KINDS), 'county')
      .option('--pack <id...>', '规则包 / rule packs (default: those in force on the audit date)')
      .option('--render <mode>', 'JavaScript 渲染 / rendering: auto, always, never', choiceOption(['auto', 'always', 'never']), 'auto')
      .option('--snapshot <dir>', '检查保存的网站副本（不联网）/ audit a saved copy (HTTrack/wget folder) of the site, no network'),
  ).action(async (url: string, o: CrawlCliOptions & { name?: string; kind: string; pack?: string[]; render: string; snapshot?: string }) => {
    let host: string;
    try {
      host = new URL(url).hostname;
    } catch {
      throw new UsageError(`无效网址 / invalid URL: ${url} (expected http(s)://…)`);
    }
    if (o.snapshot && !statSync(o.snapshot, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`副本目录不存在 / no such snapshot folder: ${o.snapshot}`);
    const id = host.replace(/[^a-z0-9]+/gi, '-').toLowerCase().replace(/^-+|-+$/g, '').slice(0, 64).replace(/-+$/, '') || 'site';
    const parsed = siteEntry.safeParse({ id, name: o.name ?? host, url, kind: o.kind as SiteKind, ...(o.pack ? { packs: o.pack } : {}), render: o.render, allowPrivate: isPrivateHost(host), ...(o.snapshot ? { snapshot: resolve(o.snapshot) } : {}) });
    if (!parsed.success) throw new UsageError(`参数无效 / invalid arguments: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const site = withExpiredApplied(siteConfig(parsed.data, { limits: {} }), o.applyExpired);
    resolveNamedPacks([site]); // a bad --pack stops here, before the data folder is touched
    const run = await withStore(dataDir(o.data), (store) => crawlAndReport([site], o, store));
    process.exitCode = exitCodeFor(run);
  });

  addCrawlOptions(
    program
      .command('crawl <sites.yaml>')
      .description('按站点文件抓取多个站点 / crawl every site in a sites file')
      .option('--no-resume', '不续跑未完成的运行 / start a new run even if the last one was interrupted')
      .option('--queue <redis-url>', '经 Redis 队列分发给 worker 进程 / hand the sites to `govaudit worker` processes through Redis, e.g. redis://127.0.0.1:6379'),
  ).action(async (file: string, o: CrawlCliOptions) => {
    const sites = loadSitesFile(file).map((s) => withExpiredApplied(s, o.applyExpired));
    resolveNamedPacks(sites); // an invalid pack file stops here, before the data folder is touched
    const run = await withStore(dataDir(o.data), (store) => crawlAndReport(sites, { ...o, sitesFile: file }, store));
    process.exitCode = exitCodeFor(run);
  });

  program
    .command('runs')
    .description('列出历次运行 / list stored runs')
    .option('--data <dir>', '数据目录 / data directory')
    .option('--json', 'JSON output')
    .action(async (o: { data?: string; json?: boolean }) => {
      await withReadStore(dataDir(o.data), async (store) => {
        const runs = await store.listRuns();
        if (o.json) return console.log(JSON.stringify(runs, null, 2));
        if (runs.length === 0) return console.log('暂无运行记录 / no runs yet');
        for (const r of runs) {
          const verdicts = r.done.map((d) => `${d.siteId}:${VERDICT_TEXT[d.verdict].zh}`).join(' ');
          console.log(`${r.id}  ${r.auditDate}  ${r.status.padEnd(11)} ${r.done.length}/${r.siteIds.length}  ${verdicts}`);
        }
      });
    });

  program
    .command('show <run> [site]')
    .description('显示某次运行的结果（run 可为 latest）/ show a run\'s results (run may be "latest")')
    .option('--data <dir>', '数据目录 / data directory')
    .option('--lang <lang>', 'zh or en', choiceOption(['zh', 'en']), 'zh')
    .option('--json', 'JSON output')
    .action(async (runRef: string, siteId: string | undefined, o: { data?: string; json?: boolean; lang: 'zh' | 'en' }) => {
      await withReadStore(dataDir(o.data), async (store) => {
        const run = runRef === 'latest' ? (await store.listRuns())[0] : await store.getRun(runRef);
        if (!run) {
          console.error(`✗ 未找到运行 / no such run: ${safeText(runRef)}`);
          process.exitCode = EXIT.badInput;
          return;
        }
        const ids = siteId ? [siteId] : run.done.map((d) => d.siteId);
        const sites = await Promise.all(ids.map((id) => store.getSite(run.id, id)));
        if (sites.some((s) => !s)) {
          console.error(`✗ 该运行中无此站点 / no such site in run ${run.id}: ${safeText(siteId ?? '')}`);
          process.exitCode = EXIT.badInput;
          return;
        }
        if (o.json) console.log(JSON.stringify(siteId ? sites[0] : { run, sites }, null, 2));
        else {
          if (run.packChoice) console.log(`规则包 packs: ${run.packChoice.packs.join(', ')}  ${run.packChoice.reason[o.lang]}\n`);
          for (const s of sites) console.log(formatSiteSummary(s!, o.lang) + '\n');
        }
      });
    });
}
