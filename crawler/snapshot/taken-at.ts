import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SavedCopySource } from '../../rules/model/snapshot.ts';

/** HTTrack's stamp near the top of every saved page: `<!-- Mirrored from host/path by HTTrack Website Copier/3.x [XR&CO'2014], Fri, 27 Jul 2018 23:43:03 GMT -->`. */
const HTTRACK_STAMP = /<!--\s*Mirrored from \S+ by HTTrack Website Copier[^,]*,\s*([A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT)/;

/** Files looked at for the newest time: a bound, so that a huge folder does not stall the start of an audit. */
const MAX_FILES_SCANNED = 50_000;

/**
 * When the saved copy was taken. HTTrack's comment in the page that answers the site URL is the copier's own word;
 * without it, the newest file time in the folder is the best there is (it may be when the copy was copied, not
 * when it was taken, so the report names its source).
 */
export function snapshotTakenAt(dir: string, homeFile: string | undefined): Pick<SavedCopySource, 'takenAt' | 'takenAtFrom'> {
  const stamp = homeFile ? HTTRACK_STAMP.exec(readHead(homeFile)) : null;
  if (stamp) {
    const t = Date.parse(stamp[1]!);
    if (!Number.isNaN(t)) return { takenAt: new Date(t).toISOString(), takenAtFrom: 'httrack-comment' };
  }
  const newest = newestFileTime(dir);
  return newest ? { takenAt: new Date(newest).toISOString(), takenAtFrom: 'newest-file-time' } : {};
}

function readHead(file: string): string {
  const buf = Buffer.alloc(4096);
  const fd = openSync(file, 'r');
  try {
    return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

function newestFileTime(dir: string): number | undefined {
  let newest: number | undefined;
  let seen = 0;
  const stack = [dir];
  while (stack.length && seen < MAX_FILES_SCANNED) {
    const here = stack.pop()!;
    for (const e of readdirSync(here, { withFileTypes: true })) {
      if (e.isDirectory()) stack.push(join(here, e.name));
      else if (e.isFile() && e.name !== 'MANIFEST.tsv') {
        seen++;
        const t = statSync(join(here, e.name)).mtimeMs;
        if (newest === undefined || t > newest) newest = t;
      }
    }
  }
  return newest;
}
