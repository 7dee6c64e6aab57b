import type { Command } from 'commander';
import { wholeNumberOption } from './options.ts';

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('队列工作进程：从 Redis 领取站点并抓取 / queue worker: takes sites from Redis and crawls them (any number, on any machine)')
    .requiredOption('--queue <redis-url>', 'Redis 地址 / Redis URL, e.g. redis://127.0.0.1:6379')
    .option('--concurrency <n>', '同时抓取的站点数 / sites crawled at once', wholeNumberOption(1, 64), '2')
    .option('--lock-ms <ms>', '任务锁时长：进程失联后站点经此时间重新排队 / job lock: a dead worker\'s site is requeued after this', wholeNumberOption(1000, 3_600_000), '30000')
    .action(async (o: { queue: string; concurrency: string; lockMs: string }) => {
      const concurrency = Number(o.concurrency);
      const lockMs = Number(o.lockMs);
      const { runWorker } = await import('../queue/worker.ts');
      const stop = new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      const { processed, failed } = await runWorker({ queueUrl: o.queue, concurrency, lockMs, stop });
      console.error(`工作进程退出 / worker stopped: ${processed} sites done, ${failed} failed`);
    });
}
