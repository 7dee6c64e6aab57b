import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { acquireLock } from './lock.ts';
import type { AuditStore, JournalEntry, PageJournal, RunRecord, SiteSummary, StoredSite } from './types.ts';

/**
 * The embedded default store: one folder per run, so files stay small as history grows.
 *   runs/<run>/run.json            run record (lowdb, written atomically: temp file + rename)
 *   runs/<run>/sites/<site>.json   snapshot + result, written once the site is done
 *   runs/<run>/journal/<site>.jsonl  pages fetched so far, appended line by line: a killed crawl resumes from it
 * Nothing is rewritten in place except the run record, and that only through an atomic rename.
 */
export class FileStore implements AuditStore {
  private readonly release: () => void;
  private readonly runDbs = new Map<string, Low<RunRecord>>();

  constructor(readonly dir: string) {
    mkdirSync(join(dir, 'runs'), { recursive: true });
    this.release = acquireLock(join(dir, 'store.lock'));
  }

  private runDir(id: string): string {
    if (!/^[\w.-]+$/.test(id)) throw new Error(`invalid run id: ${id}`);
    return join(this.dir, 'runs', id);
  }

  private async runDb(id: string): Promise<Low<RunRecord> | undefined> {
    const cached = this.runDbs.get(id);
    if (cached) return cached;
    const file = join(this.runDir(id), 'run.json');
    if (!existsSync(file)) return undefined;
    // Not JSONFilePreset: it silently switches to memory under NODE_ENV=test.
    const db = new Low<RunRecord>(new JSONFile(file), {} as RunRecord);
    await db.read();
    if (!db.data?.id) return undefined;
    this.runDbs.set(id, db);
    return db;
  }

  async createRun(run: Omit<RunRecord, 'done' | 'status'>): Promise<RunRecord> {
    const dir = this.runDir(run.id);
    mkdirSync(join(dir, 'sites'), { recursive: true });
    mkdirSync(join(dir, 'journal'), { recursive: true });
    const db = new Low<RunRecord>(new JSONFile(join(dir, 'run.json')), { ...run, status: 'running', done: [] });
    await db.write();
    this.runDbs.set(run.id, db);
    return structuredClone(db.data);
  }

  async getRun(id: string): Promise<RunRecord | undefined> {
    const db = await this.runDb(id);
    return db && structuredClone(db.data);
  }

  async listRuns(): Promise<RunRecord[]> {
    const ids = readdirSync(join(this.dir, 'runs')).filter((d) => existsSync(join(this.dir, 'runs', d, 'run.json')));
    const runs = await Promise.all(ids.map((id) => this.getRun(id)));
    return runs.filter((r): r is RunRecord => !!r).sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id.localeCompare(a.id));
  }

  async findResumable(sitesFile: string | undefined): Promise<RunRecord | undefined> {
    return (await this.listRuns()).find((r) => r.status !== 'finished' && r.sitesFile === sitesFile);
  }

  async saveSite(site: StoredSite, summary: SiteSummary): Promise<void> {
    const file = new JSONFile<StoredSite>(join(this.runDir(site.runId), 'sites', `${summary.siteId}.json`));
    await file.write(site);
    const db = (await this.runDb(site.runId))!;
    db.data.done = [...db.data.done.filter((d) => d.siteId !== summary.siteId), summary];
    await db.write();
  }

  async getSite(runId: string, siteId: string): Promise<StoredSite | undefined> {
    const file = join(this.runDir(runId), 'sites', `${siteId}.json`);
    if (!existsSync(file)) return undefined;
    return JSON.parse(readFileSync(file, 'utf8')) as StoredSite;
  }

  async finishRun(id: string, status: RunRecord['status']): Promise<void> {
    const db = (await this.runDb(id))!;
    db.data.status = status;
    if (status === 'finished') db.data.finishedAt = new Date().toISOString();
    await db.write();
  }

  async journal(runId: string, siteId: string): Promise<PageJournal> {
    const file = join(this.runDir(runId), 'journal', `${siteId}.jsonl`);
    const entries = new Map<string, JournalEntry>();
    if (existsSync(file)) {
      const text = readFileSync(file, 'utf8');
      // Start the next entry on a fresh line after a torn one, or the two would run together.
      if (text && !text.endsWith('\n')) await appendFile(file, '\n');
      for (const line of text.split('\n')) {
        if (!line) continue;
        try {
          const e = JSON.parse(line) as JournalEntry;
          entries.set(e.url, e);
        } catch {
          // The last line may be torn by a kill mid-write: that page is simply fetched again.
        }
      }
    }
    return {
      get: (url) => entries.get(url),
      append: async (e) => {
        entries.set(e.url, e);
        await appendFile(file, JSON.stringify(e) + '\n');
      },
      get size() {
        return entries.size;
      },
    };
  }

  async close(): Promise<void> {
    this.release();
  }
}
