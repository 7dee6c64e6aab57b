import { constants, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { AtomicJsonFile, writeJsonAtomic } from './atomic-json.ts';
import { boundedJournalLine, CRASHES_BEFORE_SKIP, readJournal, type JournalMark } from './journal-lines.ts';
import { acquireLock } from './lock.ts';
import { checkRunId, checkSiteId, insideStore, StorePathError } from './store-paths.ts';
import type { AuditStore, JournalEntry, PageJournal, RunRecord, SiteSummary, StoredSite } from './types.ts';

/**
 * The embedded default store: one folder per run, so files stay small as history grows.
 *   runs/<run>/run.json            run record (lowdb, written atomically: temp file + rename)
 *   runs/<run>/sites/<site>.json   snapshot + result, written once the site is done
 *   runs/<run>/journal/<site>.jsonl  pages fetched so far, appended line by line: a killed crawl resumes from it
 * Nothing is rewritten in place except the run record, and that only through an atomic rename.
 *
 * Opened `readOnly` (runs, show, report) it takes no lock and creates nothing: every file it reads is replaced
 * whole by a rename, so a reader never sees half of one, even while a crawl writes.
 */
export class FileStore implements AuditStore {
  private readonly release: () => void;
  private readonly runDbs = new Map<string, Low<RunRecord>>();
  readonly readOnly: boolean;

  constructor(readonly dir: string, opts: { readOnly?: boolean } = {}) {
    this.readOnly = !!opts.readOnly;
    if (this.readOnly) {
      this.release = () => {};
      return;
    }
    mkdirSync(join(dir, 'runs'), { recursive: true });
    this.release = acquireLock(join(dir, 'store.lock'));
  }

  private writable(): void {
    if (this.readOnly) throw new Error('store opened read-only');
  }

  private runPath(id: string, ...parts: string[]): string {
    return insideStore(this.dir, 'runs', checkRunId(id), ...parts);
  }

  private async runDb(id: string): Promise<Low<RunRecord> | undefined> {
    const cached = this.runDbs.get(id);
    if (cached) return cached;
    const file = this.runPath(id, 'run.json');
    if (!existsSync(file)) return undefined;
    // Not JSONFilePreset: it silently switches to memory under NODE_ENV=test.
    const db = new Low<RunRecord>(new AtomicJsonFile(file), {} as RunRecord);
    await db.read();
    if (!db.data?.id) return undefined;
    // A reader sees a later write only by reading again, so only a writer keeps records cached.
    if (!this.readOnly) this.runDbs.set(id, db);
    return db;
  }

  async createRun(run: Omit<RunRecord, 'done' | 'status'>): Promise<RunRecord> {
    this.writable();
    const dir = this.runPath(run.id);
    mkdirSync(join(dir, 'sites'), { recursive: true });
    mkdirSync(join(dir, 'journal'), { recursive: true });
    const db = new Low<RunRecord>(new AtomicJsonFile(join(dir, 'run.json')), { ...run, status: 'running', done: [] });
    await db.write();
    this.runDbs.set(run.id, db);
    return structuredClone(db.data);
  }

  async getRun(id: string): Promise<RunRecord | undefined> {
    const db = await this.runDb(id);
    return db && structuredClone(db.data);
  }

  async listRuns(): Promise<RunRecord[]> {
    const root = join(this.dir, 'runs');
    if (!existsSync(root)) return [];
    const ids = readdirSync(root).filter((d) => !d.startsWith('.') && existsSync(join(root, d, 'run.json')));
    const runs = await Promise.all(ids.map((id) => this.getRun(id).catch(() => undefined)));
    return runs.filter((r): r is RunRecord => !!r).sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id.localeCompare(a.id));
  }

  async findResumable(sitesFile: string | undefined): Promise<RunRecord | undefined> {
    return (await this.listRuns()).find((r) => r.status !== 'finished' && r.sitesFile === sitesFile);
  }

  async saveSite(site: StoredSite, summary: SiteSummary): Promise<void> {
    this.writable();
    await writeJsonAtomic(this.runPath(site.runId, 'sites', `${checkSiteId(summary.siteId)}.json`), site);
    const db = (await this.runDb(site.runId))!;
    db.data.done = [...db.data.done.filter((d) => d.siteId !== summary.siteId), summary];
    await db.write();
  }

  async getSite(runId: string, siteId: string): Promise<StoredSite | undefined> {
    const file = this.runPath(runId, 'sites', `${checkSiteId(siteId)}.json`);
    if (!existsSync(file)) return undefined;
    return JSON.parse(readFileSync(file, 'utf8')) as StoredSite;
  }

  async finishRun(id: string, status: RunRecord['status']): Promise<void> {
    this.writable();
    const db = (await this.runDb(id))!;
    db.data.status = status;
    if (status === 'finished') db.data.finishedAt = new Date().toISOString();
    await db.write();
  }

  async journal(runId: string, siteId: string): Promise<PageJournal> {
    this.writable();
    const file = this.runPath(runId, 'journal', `${checkSiteId(siteId)}.jsonl`);
    if (existsSync(file) && lstatSync(file).isSymbolicLink()) throw new StorePathError(`journal is a symlink, refused: ${file}`);
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const { entries, unfinished } = readJournal(text);
    // O_NOFOLLOW: a symlink planted at the journal's name is refused instead of written through.
    const append = async (line: string) => {
      const fh = await open(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o644);
      try {
        await fh.write(line);
      } finally {
        await fh.close();
      }
    };
    // Start the next entry on a fresh line after a torn one, or the two would run together.
    if (text && !text.endsWith('\n')) await append('\n');
    const mark = async (m: JournalMark) => append(JSON.stringify(m) + '\n');
    return {
      get: (url) => entries.get(url),
      append: async (e) => {
        const { entry, line } = boundedJournalLine(e);
        entries.set(entry.url, entry);
        await append(line);
      },
      crashedBefore: (key) => (unfinished.get(key) ?? 0) >= CRASHES_BEFORE_SKIP,
      processing: (key) => mark({ mark: 'processing', key }),
      processed: (key) => mark({ mark: 'processed', key }),
      get size() {
        return entries.size;
      },
    };
  }

  async close(): Promise<void> {
    this.release();
  }
}
