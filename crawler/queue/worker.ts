import { hostname } from 'node:os';
import { Worker, type Job } from 'bullmq';
import { BrowserRenderer } from '../render/browser.ts';
import { QUEUE_NAME, redisConnection } from './connection.ts';
import { crawlSiteJob, type SiteJobData, type SiteJobResult } from './site-job.ts';

export interface WorkerOptions {
  queueUrl: string;
  /** Sites crawled at once by this worker. */
  concurrency?: number;
  /**
   * How long a job's lock lasts without renewal; a worker that dies (SIGKILL, lost machine) stops renewing it, and
   * after this the site goes back to the queue for another worker. Default 30 s.
   */
  lockMs?: number;
  log?: (line: string) => void;
  /** Resolves when the worker should stop (SIGINT/SIGTERM in the CLI). */
  stop: Promise<void>;
}

/** A queue worker: takes site jobs from Redis, crawls each with the same code as a local crawl, returns the snapshot. */
export async function runWorker(o: WorkerOptions): Promise<{ processed: number; failed: number }> {
  const id = `${hostname()}:${process.pid}`;
  const log = o.log ?? ((line: string) => console.error(line));
  const renderer = new BrowserRenderer();
  const lockDuration = o.lockMs ?? 30_000;
  let processed = 0;
  let failed = 0;
  const worker = new Worker<SiteJobData, SiteJobResult>(
    QUEUE_NAME,
    async (job: Job<SiteJobData, SiteJobResult>) => {
      log(`开始 start ${job.data.site.id} (run ${job.data.runId}, try ${job.attemptsMade + 1})`);
      return crawlSiteJob(job.data, { renderer, onProgress: (p) => void job.updateProgress(p).catch(() => undefined) });
    },
    {
      connection: redisConnection(o.queueUrl),
      concurrency: o.concurrency ?? 2,
      lockDuration,
      stalledInterval: Math.max(1000, Math.round(lockDuration / 2)),
      // A site whose worker died twice is tried once more as a normal retry, then dead-lettered by the coordinator.
      maxStalledCount: 2,
    },
  );
  worker.on('completed', (job) => {
    processed++;
    log(`完成 done  ${job.data.site.id} (${job.returnvalue?.stats.pages ?? 0} pages)`);
  });
  worker.on('failed', (job, err) => {
    failed++;
    log(`失败 failed ${job?.data.site.id ?? '?'}: ${err.message}`);
  });
  worker.on('error', (err) => log(`Redis: ${err.message}`));
  log(`队列工作进程已启动 / worker ${id} on ${o.queueUrl}, concurrency ${o.concurrency ?? 2}`);
  await o.stop;
  // Finish the sites in hand, then leave: nothing half-crawled is handed back as done.
  await worker.close();
  await renderer.close();
  return { processed, failed };
}
