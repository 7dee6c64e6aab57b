import { Queue, QueueEvents, type Job } from 'bullmq';
import { localDate } from '../../rules/dates/days.ts';
import { evaluateSnapshot, summarise } from '../crawl/summarise.ts';
import { openRun } from '../crawl/open-run.ts';
import { usesTextChecks } from '../../rules/checks/index.ts';
import type { RunOptions, RunProgress } from '../crawl/run.ts';
import type { RunRecord } from '../store/types.ts';
import { jobIdFor, QUEUE_NAME, redisConnection } from './connection.ts';
import type { SiteJobData, SiteJobProgress, SiteJobResult } from './site-job.ts';

export interface QueuedRunOptions extends Omit<RunOptions, 'renderer' | 'siteConcurrency'> {
  queueUrl: string;
  /** Tries per site before it is dead-lettered (a worker that dies mid-site counts as a try). Default 3. */
  attempts?: number;
  /** First retry delay; it doubles on each try. Default 5 s. */
  backoffMs?: number;
  /** How long Redis may stay unreachable before the run stops as interrupted. Default 60 s. */
  redisDownMs?: number;
  /** How often the coordinator re-reads every pending job (events can be missed across restarts). Default 2 s. */
  reconcileMs?: number;
}

/** Redis list holding one JSON line per site that failed its last try: run, site, reason, tries. */
export const DEAD_LETTER_KEY = 'govaudit:dead-letter';

class RedisDownError extends Error {}

/**
 * A crawl run whose sites are crawled by queue workers (`govaudit worker`), on this machine or others. One job per
 * site (id = run + site, so enqueueing twice is a no-op), and one site is never split, so two workers never crawl
 * one host at once and each site's politeness holds across workers. The coordinator owns the store: it evaluates
 * each returned snapshot with its own packs and writes the run exactly as a local crawl does, site by site, so a
 * killed coordinator resumes the same run (`crawl` again) and picks up results finished meanwhile.
 */
export async function runQueuedCrawl(o: QueuedRunOptions): Promise<RunRecord> {
  const now = o.now ?? localDate(new Date());
  const connection = redisConnection(o.queueUrl);
  const queue = new Queue<SiteJobData, SiteJobResult>(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  const redisDownMs = o.redisDownMs ?? 60_000;
  const attempts = o.attempts ?? 3;

  // Redis is reached before anything is written: an unreachable queue leaves the store as it was.
  await withRedisBound(queue.waitUntilReady(), redisDownMs, o.queueUrl);
  await withRedisBound(events.waitUntilReady(), redisDownMs, o.queueUrl);

  // Packs settled and the run opened exactly as a local crawl does (packs by audit date, resume of the same file).
  const opened = await openRun({ sites: o.sites, store: o.store, now, sitesFile: o.sitesFile, resume: o.resume });
  const { run, packsBySite, classes } = opened;
  const detailClasses = [...opened.detailClasses];
  const auditDate = run.auditDate;
  const done = new Set(run.done.map((d) => d.siteId));
  const pending = new Map(o.sites.filter((s) => !done.has(s.id)).map((s) => [jobIdFor(run.id, s.id), s]));
  const pagesBySite = new Map<string, SiteJobProgress>();
  const failures: string[] = [];
  const pages = () => [...pagesBySite.values()].reduce((n, p) => n + p.pages, 0);
  const errors = () => [...pagesBySite.values()].reduce((n, p) => n + p.errors, 0);
  const progress = (p: Omit<RunProgress, 'runId' | 'sitesTotal' | 'pages' | 'errors'>) => o.onProgress?.({ runId: run.id, sitesTotal: o.sites.length, pages: pages(), errors: errors(), ...p });
  progress({ event: 'run-start', sitesDone: done.size, resumed: opened.resumed });
  for (const s of o.sites) if (done.has(s.id)) progress({ event: 'site-skipped', site: s.id, sitesDone: done.size });

  const jobOptions = (jobId: string) => ({
    jobId, attempts, backoff: { type: 'exponential' as const, delay: o.backoffMs ?? 5000 },
    // Results stay in Redis until the coordinator has stored them (a day), failures a week for the record.
    removeOnComplete: { age: 86_400 }, removeOnFail: { age: 7 * 86_400 },
  });
  const enqueue = async (jobId: string) => {
    const site = pending.get(jobId)!;
    await queue.add('site', { runId: run.id, site, auditDate, classes, detailClasses, textChecks: usesTextChecks(packsBySite.get(site.id)!) }, jobOptions(jobId));
  };

  const settling = new Set<string>();
  /** Looks at one pending job and stores its result, dead-letters it, or puts it back if Redis lost it. */
  const settle = async (jobId: string): Promise<void> => {
    if (!pending.has(jobId) || settling.has(jobId)) return;
    settling.add(jobId);
    try {
      const site = pending.get(jobId)!;
      const job = (await queue.getJob(jobId)) as Job<SiteJobData, SiteJobResult> | undefined;
      if (!job) return void (await enqueue(jobId)); // Redis restarted without its data: the site goes back in
      const state = await job.getState();
      if (state === 'completed' && job.returnvalue) {
        const { snapshot, stats } = job.returnvalue;
        const result = evaluateSnapshot(packsBySite.get(site.id)!, snapshot, auditDate, site.ignoreValidity);
        await o.store.saveSite({ runId: run.id, snapshot, result, stats }, summarise(snapshot, result));
        pending.delete(jobId);
        done.add(site.id);
        pagesBySite.set(site.id, { pages: stats.pages, errors: stats.errors });
        progress({ event: 'site-done', site: site.id, sitesDone: done.size, verdict: result.verdict });
      } else if (state === 'failed') {
        const reason = job.failedReason || 'unknown';
        pending.delete(jobId);
        failures.push(`${site.id}: ${reason}`);
        // BullMQ types its client narrowly; it is an ioredis client, which has every Redis command.
        const client = (await queue.client) as unknown as { rpush(key: string, value: string): Promise<number> };
        await client.rpush(DEAD_LETTER_KEY, JSON.stringify({ runId: run.id, siteId: site.id, reason, tries: job.attemptsMade, at: new Date().toISOString() }));
        progress({ event: 'site-done', site: site.id, sitesDone: done.size, verdict: 'needs-review' });
      }
    } finally {
      settling.delete(jobId);
    }
  };

  events.on('active', ({ jobId }) => {
    const site = pending.get(jobId);
    if (site) progress({ event: 'site-start', site: site.id, sitesDone: done.size });
  });
  events.on('progress', ({ jobId, data }) => {
    const site = pending.get(jobId);
    if (!site || typeof data !== 'object' || data === null) return;
    pagesBySite.set(site.id, data as SiteJobProgress);
    progress({ event: 'page', site: site.id, sitesDone: done.size });
  });
  events.on('completed', ({ jobId }) => void settle(jobId).catch(() => undefined));
  events.on('failed', ({ jobId }) => void settle(jobId).catch(() => undefined));

  try {
    // A resumed run's earlier dead letters get another chance: a failed job is retried, a missing one re-added.
    for (const jobId of pending.keys()) {
      const job = await withRedisBound(queue.getJob(jobId), redisDownMs, o.queueUrl);
      if (!job) await withRedisBound(enqueue(jobId), redisDownMs, o.queueUrl);
      else if ((await job.getState()) === 'failed') await withRedisBound(job.retry('failed'), redisDownMs, o.queueUrl);
    }
    while (pending.size > 0) {
      await withRedisBound(Promise.all([...pending.keys()].map(settle)), redisDownMs, o.queueUrl);
      if (pending.size > 0) await new Promise((r) => setTimeout(r, o.reconcileMs ?? 2000));
    }
    await o.store.finishRun(run.id, failures.length ? 'interrupted' : 'finished');
  } catch (e) {
    if (e instanceof RedisDownError) await o.store.finishRun(run.id, 'interrupted').catch(() => undefined);
    throw e;
  } finally {
    await events.close().catch(() => undefined);
    await queue.close().catch(() => undefined);
  }
  if (failures.length) throw new Error(`站点抓取失败（已进入死信列表 ${DEAD_LETTER_KEY}），可再次运行续跑 / sites failed their last try (dead-lettered), run again to resume:\n${failures.join('\n')}`);
  progress({ event: 'run-done', sitesDone: done.size });
  return (await o.store.getRun(run.id))!;
}

/** Waits for a Redis call, but not forever: the queue client retries endlessly while Redis is down. */
async function withRedisBound<T>(p: Promise<T>, ms: number, url: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisDownError(`Redis 不可用 ${Math.round(ms / 1000)} 秒 / Redis at ${url} unreachable for ${Math.round(ms / 1000)} s: the run is kept as interrupted (sites done so far are stored); run the same command again to resume`)), ms);
  });
  try {
    return await Promise.race([p, limit]);
  } finally {
    clearTimeout(timer);
  }
}
