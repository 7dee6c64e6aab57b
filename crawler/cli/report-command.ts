import { isAbsolute, join, relative } from 'node:path';
import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { applyReview, parseReviewSession, type ReviewSession } from '../../reports/review.ts';
import { loadRunSites, writeReports } from '../../reports/write.ts';
import type { LoadedPack } from '../../rules/schema/pack.ts';
import { resolvePack } from '../packs.ts';
import { EXIT } from './exit-codes.ts';
import { dataDir, formatsOption, parseFormats, withReadStore } from './options.ts';
import { safeText } from '../../reports/plain-text.ts';

interface ReportCliOptions {
  format: string;
  out?: string;
  data?: string;
  review?: string;
  screenshots?: boolean;
  issuer?: string;
  issueDate?: string;
}

/** A pack by id for re-deriving verdicts after a review; a pack that no longer loads keeps its stored verdict. */
function packById(id: string): LoadedPack | undefined {
  try {
    return resolvePack(id);
  } catch {
    return undefined;
  }
}

function show(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** `govaudit report <run|latest>`: writes reports for a stored run, reading only the store. */
export function registerReportCommand(program: Command): void {
  program
    .command('report <run>')
    .description('为已存储的检查批次生成报告（批次 id 或 latest）/ write reports for a stored run (run id or "latest")')
    .option('--format <list>', '报告格式 / formats: html,json,csv,xlsx,pdf', formatsOption, 'html,json')
    .option('--out <dir>', '报告目录 / output directory (default <data>/reports/<run>)')
    .option('--data <dir>', '数据目录 / data directory (default ./govaudit-data or $GOVAUDIT_DATA)')
    .option('--review <session.json>', '合并测评人员在浏览器扩展中的复核（导出的 JSON）后重新生成 / merge an evaluator review exported by the browser extension, then render')
    .option('--screenshots', '用 Chromium 截取不合格栏目页面（只访问各站点自身域名）/ capture failing pages with Chromium (each site\'s own host only)')
    .option('--issuer <unit>', 'PDF 通报落款单位 / issuing unit printed on the PDF notice')
    .option('--issue-date <YYYY-MM-DD>', 'PDF 通报落款日期（默认检查日期）/ date under the issuing unit (default the audit date)')
    .action(async (ref: string, o: ReportCliOptions) => {
      let formats: ReturnType<typeof parseFormats>;
      let session: ReviewSession | undefined;
      try {
        formats = parseFormats(o.format);
        if (o.issueDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.issueDate)) throw new Error(`--issue-date 应为 YYYY-MM-DD / must be YYYY-MM-DD: ${o.issueDate}`);
        if (o.review) session = parseReviewSession(await readFile(o.review, 'utf8'));
      } catch (e) {
        console.error(`✗ ${(e as Error).message}`);
        process.exitCode = EXIT.badInput;
        return;
      }
      const dir = dataDir(o.data);
      await withReadStore(dir, async (store) => {
        let runId = ref;
        if (ref === 'latest') {
          const runs = await store.listRuns();
          const latest = runs[0];
          if (!latest) {
            console.error(`✗ 数据目录中没有检查批次 / no runs stored in ${dir}`);
            process.exitCode = EXIT.badInput;
            return;
          }
          runId = latest.id;
        } else {
          let found;
          try {
            found = await store.getRun(ref);
          } catch {
            found = undefined;
          }
          if (!found) {
            console.error(`✗ 未找到批次 / no such run: ${safeText(ref)} (in ${dir})`);
            process.exitCode = EXIT.badInput;
            return;
          }
        }
        const outDir = o.out ?? join(dir, 'reports', runId);
        if (session) {
          const run = await store.getRun(runId);
          const { unmatchedSites } = applyReview(run ? await loadRunSites(store, run) : [], session, packById);
          if (unmatchedSites.length) console.error(`! 复核文件中的站点不在本批次中 / review sites not in this run: ${unmatchedSites.join(', ')}`);
        }
        const written = await writeReports({
          store, runId, formats, outDir,
          ...(session ? { review: { session, packs: packById } } : {}),
          ...(o.screenshots ? { screenshots: true } : {}),
          ...(o.issuer || o.issueDate ? { issuer: { ...(o.issuer ? { unit: o.issuer } : {}), ...(o.issueDate ? { date: o.issueDate } : {}) } } : {}),
        });
        console.log(`运行 run: ${runId}`);
        if (session) console.log(`复核 review: ${session.run.id} (${o.review})`);
        for (const f of written) console.log(`报告 report: ${show(f)}`);
      });
    });
}
