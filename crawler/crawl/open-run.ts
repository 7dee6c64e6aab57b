import { detailColumnClasses } from '../../rules/checks/index.ts';
import type { IsoDate } from '../../rules/model/snapshot.ts';
import type { ColumnClass, LoadedPack } from '../../rules/schema/pack.ts';
import { packResolver, readColumnLibrary, resolvePack } from '../packs.ts';
import { choosePacks } from '../sites/pack-choice.ts';
import type { SiteConfig } from '../sites/schema.ts';
import type { AuditStore, RunRecord } from '../store/types.ts';

/** What a run is judged with, settled before any site is crawled: shared by local and queued runs. */
export interface OpenedRun {
  run: RunRecord;
  /** The run was resumed (an interrupted run of the same sites file). */
  resumed: boolean;
  packsBySite: Map<string, LoadedPack[]>;
  /** Column classes of every pack of the run, for discovery. */
  classes: Record<string, ColumnClass>;
  /** Column classes whose newest detail page a rule reads. */
  detailClasses: Set<string>;
}

export function newRunId(): string {
  const t = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${t}-${Math.random().toString(36).slice(2, 6)}`;
}

/** Resolves a run's packs (a bad pack stops here, nothing stored), then starts a new run or resumes the last one. */
export async function openRun(o: { sites: SiteConfig[]; store: AuditStore; now: IsoDate; sitesFile?: string; resume?: boolean }): Promise<OpenedRun> {
  const library = readColumnLibrary();
  const named = resolveNamedPacks(o.sites, library);
  const previous = o.resume ? await o.store.findResumable(o.sitesFile) : undefined;
  // Sites that name no packs get those in force on the audit date (a resumed run keeps its own date).
  const choice = o.sites.some((s) => s.packsFrom === 'audit-date') ? choosePacks(previous?.auditDate ?? o.now, library) : undefined;
  const run = previous ?? (await o.store.createRun({ id: newRunId(), startedAt: new Date().toISOString(), auditDate: o.now, sitesFile: o.sitesFile, siteIds: o.sites.map((s) => s.id), ...(choice ? { packChoice: choice } : {}) }));
  const chosen = choice?.packs.map((p) => resolvePack(p, library)) ?? [];
  const packsBySite = new Map(o.sites.map((s) => [s.id, s.packsFrom === 'audit-date' ? chosen : named.get(s.id)!]));
  const all = [...packsBySite.values()].flat();
  const classes = { ...library.columns, ...Object.assign({}, ...all.map((p) => p.columns)) };
  return { run, resumed: !!previous, packsBySite, classes, detailClasses: detailColumnClasses(all) };
}

/** Packs the sites name, resolved (built-in ids or files): an invalid one throws before anything is written. */
export function resolveNamedPacks(sites: SiteConfig[], library = readColumnLibrary()): Map<string, LoadedPack[]> {
  const packOf = packResolver(library);
  return new Map(sites.filter((s) => s.packsFrom !== 'audit-date').map((s) => [s.id, s.packs.map(packOf)]));
}
