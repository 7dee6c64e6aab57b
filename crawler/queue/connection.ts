import type { ConnectionOptions } from 'bullmq';
import { InputError } from '../../rules/loader/input-error.ts';

/** The one BullMQ queue every coordinator and worker of govaudit shares; jobs carry their run id. */
export const QUEUE_NAME = 'govaudit-sites';

/**
 * `redis://[user:password@]host:port[/db]` → ioredis options. BullMQ workers block on Redis, so requests must
 * never give up (`maxRetriesPerRequest: null`); a Redis that restarts is reconnected to rather than fatal.
 */
export function redisConnection(url: string): ConnectionOptions {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw badUrl(`无效的 Redis 地址 / invalid Redis URL "${url}": expected redis://host:6379`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw badUrl(`expected a redis:// or rediss:// URL, got "${url}"`);
  const db = u.pathname.replace(/^\//, '');
  if (db && !/^\d+$/.test(db)) throw badUrl(`the database in "${url}" must be a number (redis://host:6379/0)`);
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
    // Retry quickly at first, then every 2 s: a restarted Redis is back within seconds.
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
  };
}

/** BullMQ refuses `:` in custom job ids; run and site ids never hold `~`. */
export function jobIdFor(runId: string, siteId: string): string {
  return `${runId}~${siteId}`;
}

function badUrl(message: string): InputError {
  return new InputError([{ file: '--queue', path: '', message }]);
}
