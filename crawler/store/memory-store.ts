import { CRASHES_BEFORE_SKIP } from './journal-lines.ts';
import type { AuditStore, JournalEntry, PageJournal, RunRecord, SiteSummary, StoredSite } from './types.ts';

/** In-memory AuditStore for tests. */
export class MemoryStore implements AuditStore {
  private runs = new Map<string, RunRecord>();
  private sites = new Map<string, StoredSite>();
  private journals = new Map<string, Map<string, JournalEntry>>();
  private unfinished = new Map<string, Map<string, number>>();

  async createRun(run: Omit<RunRecord, 'done' | 'status'>): Promise<RunRecord> {
    const record: RunRecord = { ...run, status: 'running', done: [] };
    this.runs.set(run.id, record);
    return structuredClone(record);
  }
  async getRun(id: string) {
    const r = this.runs.get(id);
    return r && structuredClone(r);
  }
  async listRuns() {
    return [...this.runs.values()].sort((a, b) => b.startedAt.localeCompare(a.startedAt)).map((r) => structuredClone(r));
  }
  async findResumable(sitesFile: string | undefined) {
    return (await this.listRuns()).find((r) => r.status !== 'finished' && r.sitesFile === sitesFile);
  }
  async saveSite(site: StoredSite, summary: SiteSummary) {
    this.sites.set(`${site.runId}/${summary.siteId}`, structuredClone(site));
    const run = this.runs.get(site.runId)!;
    run.done = [...run.done.filter((d) => d.siteId !== summary.siteId), summary];
  }
  async getSite(runId: string, siteId: string) {
    const s = this.sites.get(`${runId}/${siteId}`);
    return s && structuredClone(s);
  }
  async finishRun(id: string, status: RunRecord['status']) {
    const run = this.runs.get(id)!;
    run.status = status;
    if (status === 'finished') run.finishedAt = new Date().toISOString();
  }
  async journal(runId: string, siteId: string): Promise<PageJournal> {
    const key = `${runId}/${siteId}`;
    const entries = this.journals.get(key) ?? new Map<string, JournalEntry>();
    this.journals.set(key, entries);
    const unfinished = this.unfinished.get(key) ?? new Map<string, number>();
    this.unfinished.set(key, unfinished);
    // As opened: pages whose handling never ended in the last attempts (see journal-lines.ts).
    const crashed = new Set([...unfinished].filter(([, n]) => n >= CRASHES_BEFORE_SKIP).map(([k]) => k));
    return {
      get: (url) => entries.get(url),
      append: async (e) => void entries.set(e.url, e),
      crashedBefore: (k) => crashed.has(k),
      processing: async (k) => void unfinished.set(k, (unfinished.get(k) ?? 0) + 1),
      processed: async (k) => void unfinished.delete(k),
      get size() {
        return entries.size;
      },
    };
  }
  async close() {}
}
