import { isAbsolute, join, relative } from 'node:path';
import type { Command } from 'commander';
import { writeReports } from '../../reports/write.ts';
import { EXIT } from './exit-codes.ts';
import { dataDir, formatsOption, parseFormats, withReadStore } from './options.ts';
import { safeText } from '../../reports/plain-text.ts';

interface ReportCliOptions {
  format: string;
  out?: string;
  data?: string;
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
    .action(async (ref: string, o: ReportCliOptions) => {
      let formats: ReturnType<typeof parseFormats>;
      try {
        formats = parseFormats(o.format);
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
        const written = await writeReports({ store, runId, formats, outDir });
        console.log(`运行 run: ${runId}`);
        for (const f of written) console.log(`报告 report: ${show(f)}`);
      });
    });
}
