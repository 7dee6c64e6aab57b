import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';

/**
 * A lowdb adapter that writes a temp file and renames it over the target, so a kill leaves the old file or the
 * new one, never half of one; and that removes its temp file when the write fails (disk full, a directory in the
 * way), so an I/O error leaves nothing behind.
 */
export class AtomicJsonFile<T> {
  constructor(private readonly file: string) {}

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as T;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async write(data: T): Promise<void> {
    await writeJsonAtomic(this.file, data);
  }
}

export async function writeJsonAtomic(file: string, data: unknown): Promise<void> {
  const tmp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    // 'wx': never write through a file (or symlink) that is already there.
    await writeFile(tmp, JSON.stringify(data, null, 2), { flag: 'wx' });
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => {});
    throw e;
  }
}
