import { isAbsolute, resolve } from 'node:path';
import type { SavedCopySource } from '../../rules/model/snapshot.ts';
import { Fetcher } from '../fetch/index.ts';
import type { SiteConfig } from '../sites/schema.ts';
import { SnapshotFolder } from './folder.ts';
import { snapshotTakenAt } from './taken-at.ts';
import { snapshotTransport } from './transport.ts';

export { SnapshotFolder, candidateFiles, httrackQueryHash, type SnapshotAnswer } from './folder.ts';

/** A site audited from a saved copy: the folder, where it came from, and a Fetcher that reads only the folder. */
export interface SavedCopy {
  folder: SnapshotFolder;
  source: SavedCopySource;
  fetcher: Fetcher;
}

/** The hosts a site's requests may go to: the site URL's host (with its port) and its extraHosts. */
export function siteHosts(site: Pick<SiteConfig, 'url' | 'extraHosts'>): string[] {
  return [new URL(site.url).host, ...site.extraHosts];
}

/**
 * The saved copy of a site and where it came from, without opening anything: e.g. to take the audit date from the
 * copy's date (`source.takenAt`) before crawling it.
 */
export function readSavedCopy(site: Pick<SiteConfig, 'id' | 'url' | 'extraHosts' | 'snapshot'>): { folder: SnapshotFolder; source: SavedCopySource } {
  if (!site.snapshot) throw new Error(`site ${site.id} has no snapshot folder`);
  const dir = isAbsolute(site.snapshot) ? site.snapshot : resolve(site.snapshot);
  const folder = new SnapshotFolder(dir, siteHosts(site));
  const home = folder.locate(new URL(site.url));
  return { folder, source: { kind: 'snapshot', dir: folder.root, ...snapshotTakenAt(folder.root, home && 'file' in home ? home.file : undefined) } };
}

/**
 * Opens `site.snapshot` (a folder; relative paths are taken from the working directory, the sites file loader has
 * already made its own absolute). Every request to the site's hosts is answered from it, every other host refused.
 * The Fetcher is the usual one (robots.txt from the folder when saved, decoding, redirects, limits); only its
 * politeness delay is 0, as there is no server to spare.
 */
export function openSavedCopy(site: SiteConfig): SavedCopy {
  const { folder, source } = readSavedCopy(site);
  const fetcher = new Fetcher({
    transport: snapshotTransport(folder),
    allowedHosts: siteHosts(site),
    allowPrivate: site.allowPrivate,
    perHostConcurrency: site.limits.perHostConcurrency,
    defaultDelayMs: 0,
    timeoutMs: site.limits.timeoutMs,
  });
  return { folder, source, fetcher };
}
