import { DEFAULT_SETTINGS, EMPTY_SITE_CONFIG, findingKey, type CapturedEvidence, type FindingOverride, type Settings, type SignOff, type SiteConfig } from './model.ts';
import { readImported, readOverrides, readSignOff } from './stored-shapes.ts';
import { emptySession, type ImportedSite, type SiteSession } from './snapshot.ts';

/**
 * The extension's storage: settings, and per site (keyed by origin) the session, the site's settings, the
 * evaluator's overrides and an imported crawl, each under its own key so the content script (session) and the
 * panel (overrides) never overwrite each other. Backed by browser.storage.local, so everything survives
 * navigation and browser restarts; tests pass WXT's fakeBrowser.storage.local.
 */

/** The part of `browser.storage.local` used here. */
export interface KeyValueArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export const SETTINGS_KEY = 'settings';
export const siteKey = (origin: string, part: 'session' | 'config' | 'overrides' | 'import' | 'signoff') => `site:${origin}:${part}`;

export interface SiteState {
  origin: string;
  session: SiteSession;
  config: SiteConfig;
  overrides: FindingOverride[];
  imported?: ImportedSite;
  signOff?: SignOff;
}

export type OverrideTarget = Pick<FindingOverride, 'packId' | 'ruleId' | 'columnUrl'>;

export function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

export class GovauditStore {
  private sessionQueue: Promise<unknown> = Promise.resolve();

  constructor(private readonly area: KeyValueArea, private readonly clock: () => Date = () => new Date()) {}

  private now(): string {
    return this.clock().toISOString();
  }

  async getSettings(): Promise<Settings> {
    const got = (await this.area.get(SETTINGS_KEY))[SETTINGS_KEY] as Partial<Settings> | undefined;
    return { ...DEFAULT_SETTINGS, ...(got ?? {}) };
  }

  async setSettings(patch: Partial<Settings>): Promise<Settings> {
    const next = { ...(await this.getSettings()), ...patch };
    await this.area.set({ [SETTINGS_KEY]: next });
    return next;
  }

  async getSite(origin: string): Promise<SiteState> {
    const keys = (['session', 'config', 'overrides', 'import', 'signoff'] as const).map((p) => siteKey(origin, p));
    const got = await this.area.get(keys);
    const storedConfig = got[keys[1]!];
    const config = { ...EMPTY_SITE_CONFIG, ...(storedConfig && typeof storedConfig === 'object' ? (storedConfig as SiteConfig) : {}) };
    if (!config.columns || typeof config.columns !== 'object') config.columns = {};
    const homeUrl = config.homeUrl || `${origin}/`;
    const stored = got[keys[0]!] as SiteSession | undefined;
    // Whatever storage holds (an older build, a hand edit), the panel must still open: a broken part is dropped.
    const session = stored && stored.version === 1 && stored.columns && typeof stored.columns === 'object' && stored.hubs && Array.isArray(stored.candidates) ? stored : emptySession(origin, homeUrl, this.now());
    if (session.homeUrl !== homeUrl) session.homeUrl = homeUrl;
    const imported = readImported(got[keys[3]!]);
    const signOff = readSignOff(got[keys[4]!]);
    return { origin, session, config, overrides: readOverrides(got[keys[2]!]), ...(imported ? { imported } : {}), ...(signOff ? { signOff } : {}) };
  }

  async saveSession(session: SiteSession): Promise<void> {
    await this.area.set({ [siteKey(session.origin, 'session')]: session });
  }

  /**
   * Read-modify-write of the session. Updates through one store run one after another (pages read in parallel
   * must not overwrite each other); another tab of the same site may still interleave, and its next read heals it.
   */
  updateSession(origin: string, update: (s: SiteSession) => SiteSession): Promise<SiteSession> {
    const run = this.sessionQueue.then(async () => {
      const { session } = await this.getSite(origin);
      const next = update(session);
      // Returning the session unchanged means nothing was learnt: no write, no storage event for other views.
      if (next !== session) await this.saveSession(next);
      return next;
    });
    this.sessionQueue = run.catch(() => undefined);
    return run;
  }

  async setConfig(origin: string, config: SiteConfig): Promise<void> {
    await this.area.set({ [siteKey(origin, 'config')]: config });
  }

  async getOverrides(origin: string): Promise<FindingOverride[]> {
    return readOverrides((await this.area.get(siteKey(origin, 'overrides')))[siteKey(origin, 'overrides')]);
  }

  private async writeOverrides(origin: string, list: FindingOverride[]): Promise<void> {
    await this.area.set({ [siteKey(origin, 'overrides')]: list });
  }

  /** Confirms or overrides one finding; a second decision on the same finding replaces the first (evidence kept). */
  async setOverride(origin: string, o: Omit<FindingOverride, 'at' | 'evidence' | 'reviewer'> & { evidence?: CapturedEvidence[]; reviewer?: string }): Promise<FindingOverride> {
    const list = await this.getOverrides(origin);
    const key = findingKey(o);
    const prev = list.find((x) => findingKey(x) === key);
    const evidence = [...(prev?.evidence ?? []), ...(o.evidence ?? [])];
    const next: FindingOverride = {
      packId: o.packId, ruleId: o.ruleId, ...(o.columnUrl ? { columnUrl: o.columnUrl } : {}), decision: o.decision,
      ...(o.decision === 'override' && o.outcome ? { outcome: o.outcome } : {}), note: o.note, ...(evidence.length ? { evidence } : {}), at: this.now(),
      ...(o.reviewer ? { reviewer: o.reviewer } : prev?.reviewer ? { reviewer: prev.reviewer } : {}),
    };
    await this.writeOverrides(origin, [...list.filter((x) => findingKey(x) !== key), next]);
    return next;
  }

  /** Attaches a screenshot to a finding; a finding without a decision yet gets an unconfirmed note-less entry. */
  async addEvidence(origin: string, target: OverrideTarget, evidence: CapturedEvidence): Promise<FindingOverride> {
    const prev = (await this.getOverrides(origin)).find((x) => findingKey(x) === findingKey(target));
    return this.setOverride(origin, { ...target, decision: prev?.decision ?? 'confirm', ...(prev?.outcome ? { outcome: prev.outcome } : {}), note: prev?.note ?? '', evidence: [evidence] });
  }

  async removeOverride(origin: string, target: OverrideTarget): Promise<void> {
    const list = await this.getOverrides(origin);
    await this.writeOverrides(origin, list.filter((x) => findingKey(x) !== findingKey(target)));
  }

  /** Stores the sites of an imported crawl run, each under its origin; returns the origins. */
  async importSites(sites: Map<string, ImportedSite>): Promise<string[]> {
    const items: Record<string, unknown> = {};
    for (const [origin, site] of sites) items[siteKey(origin, 'import')] = site;
    await this.area.set(items);
    return [...sites.keys()];
  }

  async removeImport(origin: string): Promise<void> {
    await this.area.remove(siteKey(origin, 'import'));
  }

  /** The evaluator signs the site's review off (or, with undefined, withdraws the sign-off). */
  async setSignOff(origin: string, signOff: Omit<SignOff, 'at'> | undefined): Promise<SignOff | undefined> {
    if (!signOff) {
      await this.area.remove(siteKey(origin, 'signoff'));
      return undefined;
    }
    const next = { ...signOff, at: this.now() };
    await this.area.set({ [siteKey(origin, 'signoff')]: next });
    return next;
  }

  /** Forgets what was observed on a site (keeps its settings, overrides and import). */
  async resetSession(origin: string): Promise<void> {
    await this.area.remove(siteKey(origin, 'session'));
  }
}
