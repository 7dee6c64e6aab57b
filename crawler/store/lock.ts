import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';

/** Two processes writing one store would interleave runs: the second is refused with a clear message. */
export class StoreLockedError extends Error {
  constructor(readonly file: string, readonly pid: number) {
    super(`数据目录正被进程 ${pid} 使用 / the store is in use by process ${pid} (${file}); wait for it to finish or stop it`);
    this.name = 'StoreLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock file, or takes over one left by a process that no longer exists (a killed crawl). */
export function acquireLock(file: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let pid = 0;
      try {
        pid = Number(JSON.parse(readFileSync(file, 'utf8')).pid) || 0;
      } catch {
        // A torn lock file from a kill between open and write: nobody holds it.
      }
      if (pid && pid !== process.pid && alive(pid)) throw new StoreLockedError(file, pid);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`cannot take the store lock ${file}`);
}
