import { localDate } from '../../rules/dates/days.ts';
import type { IsoDate } from '../../rules/model/snapshot.ts';
import type { ColumnClass, LoadedPack } from '../../rules/schema/pack.ts';
import { runAudit, type Audit } from './audit.ts';
import type { Settings } from './model.ts';
import { columnClassesFor, packsById } from './packs.ts';
import type { GovauditStore, SiteState } from './store.ts';

/** Settings + stored site state → the audit shown by the overlay and the panel. */

/** The audit date: the one set in the settings, else today (local date, as the crawler). */
export function auditDateOf(settings: Settings, at: Date): IsoDate {
  return settings.auditDate && /^\d{4}-\d{2}-\d{2}$/.test(settings.auditDate) ? settings.auditDate : localDate(at);
}

export interface SiteAudit {
  settings: Settings;
  site: SiteState;
  packs: LoadedPack[];
  classes: Record<string, ColumnClass>;
  audit: Audit;
}

export function auditSite(settings: Settings, site: SiteState, at: Date): SiteAudit {
  const applyExpired = settings.applyExpired ?? [];
  const packs = packsById([...new Set([...settings.packs, ...applyExpired])]);
  const classes = columnClassesFor(packs);
  const now = auditDateOf(settings, at);
  const audit = runAudit({
    packs, classes, session: site.session, config: site.config, kind: settings.kind, imported: site.imported, overrides: site.overrides,
    now, capturedAt: at.toISOString(), applyExpired,
  });
  return { settings, site, packs, classes, audit };
}

export async function loadSiteAudit(store: GovauditStore, origin: string, at: Date): Promise<SiteAudit> {
  const [settings, site] = await Promise.all([store.getSettings(), store.getSite(origin)]);
  return auditSite(settings, site, at);
}
