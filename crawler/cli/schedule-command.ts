import { Cron } from 'croner';
import type { Command } from 'commander';
import { loadSitesFile } from '../sites/load.ts';
import { crawlAndReport } from './crawl-commands.ts';
import { EXIT } from './exit-codes.ts';
import { dataDir, formatsOption, wholeNumberOption, withStore } from './options.ts';
import { resolveNamedPacks } from '../crawl/open-run.ts';

export function registerScheduleCommand(program: Command): void {
  program
    .command('schedule <sites.yaml>')
    .description('按 cron 计划定时抓取；上一次未完成时跳过本次 / crawl on a cron schedule, skipping a tick while the last run is still going')
    .requiredOption('--cron <expr>', 'cron 表达式 / cron expression, e.g. "0 2 * * *"')
    .option('--max-runs <n>', '运行若干次后退出 / exit after N runs', wholeNumberOption(1, 1_000_000))
    .option('--data <dir>', '数据目录 / data directory')
    .option('--format <list>', '报告格式 / report formats', formatsOption, 'html,json')
    .option('--quiet', 'no progress output')
    .option('--queue <redis-url>', '经 Redis 队列分发给 worker 进程 / crawl through `govaudit worker` processes on this Redis')
    .action(async (file: string, o: { cron: string; maxRuns?: string; data?: string; format: string; quiet?: boolean; queue?: string }) => {
      const sites = loadSitesFile(file); // a bad sites file (or pack) fails now, not at 2 a.m.
      resolveNamedPacks(sites);
      const maxRuns = o.maxRuns === undefined ? Infinity : Number(o.maxRuns);
      let job: Cron;
      try {
        job = new Cron(o.cron, { protect: (j) => console.error(`跳过：上一次运行尚未结束 / skipped: the last run is still going (${j.currentRun()?.toISOString()})`), paused: true });
      } catch (e) {
        console.error(`✗ 无效的 cron 表达式 / invalid cron expression "${o.cron}": ${(e as Error).message}`);
        process.exitCode = EXIT.badInput;
        return;
      }
      let runs = 0;
      let stopping = false;
      await new Promise<void>((finished) => {
        const stop = () => {
          stopping = true;
          job.stop();
          finished();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        job.schedule(async () => {
          try {
            await withStore(dataDir(o.data), (store) => crawlAndReport(sites, { ...o, sitesFile: file, resume: true }, store));
          } catch (e) {
            console.error(`✗ 运行失败 / run failed: ${(e as Error).message}`);
          }
          if (++runs >= maxRuns && !stopping) stop();
          else if (!stopping) console.error(`下次运行 next run: ${job.nextRun()?.toISOString()}`);
        });
        job.resume();
        console.error(`计划已启动 / scheduled "${o.cron}", 下次运行 next run: ${job.nextRun()?.toISOString()}`);
      });
    });
}
