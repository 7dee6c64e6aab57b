import type { SiteResult } from '../../rules/model/finding.ts';
import type { SiteSnapshot } from '../../rules/model/snapshot.ts';

/** Stored results: what reports read. Field names are stable (see reports' JSON schema). */

export type RunStatus = 'running' | 'finished' | 'interrupted';

export interface SiteSummary {
  siteId: string;
  name: string;
  parent?: string;
  verdict: SiteResult['verdict'];
  score?: number;
  vetoes: string[];
  failed: number;
  needsReview: number;
}

export interface RunRecord {
  id: string;
  startedAt: string;
  finishedAt?: string;
  status: RunStatus;
  /** Audit date used by the engine (YYYY-MM-DD). */
  auditDate: string;
  sitesFile?: string;
  siteIds: string[];
  /** The packs chosen by audit date for sites that named none, and why. */
  packChoice?: { auditDate: string; packs: string[]; reason: { zh: string; en: string } };
  /** Sites whose result is stored; a resumed run skips them. */
  done: SiteSummary[];
}

export interface StoredSite {
  runId: string;
  snapshot: SiteSnapshot;
  result: SiteResult;
  stats: { pages: number; errors: number; elapsedMs: number; bytes: number; rendered: number };
}

/** One fetched page, as journaled during a crawl so a killed crawl resumes without refetching. */
export interface JournalEntry {
  url: string;
  finalUrl: string;
  status: number;
  ok: boolean;
  error?: { kind: string; message: string };
  elapsedMs: number;
  text: string;
  rendered?: boolean;
  charset?: string;
  /** The body was cut at the size limit: the page is not whole and is never judged as if it were. */
  truncated?: boolean;
}

/** Storage behind one interface: lowdb files by default, memory in tests. */
export interface AuditStore {
  createRun(run: Omit<RunRecord, 'done' | 'status'>): Promise<RunRecord>;
  getRun(id: string): Promise<RunRecord | undefined>;
  /** Newest first. */
  listRuns(): Promise<RunRecord[]>;
  /** The newest run that is still `running` or `interrupted` with the same sites file, for resuming. */
  findResumable(sitesFile: string | undefined): Promise<RunRecord | undefined>;
  saveSite(site: StoredSite, summary: SiteSummary): Promise<void>;
  getSite(runId: string, siteId: string): Promise<StoredSite | undefined>;
  finishRun(id: string, status: RunStatus): Promise<void>;
  journal(runId: string, siteId: string): Promise<PageJournal>;
  close(): Promise<void>;
}

export interface PageJournal {
  get(url: string): JournalEntry | undefined;
  append(entry: JournalEntry): Promise<void>;
  /** Handling `key` began in the last two attempts and never ended: it stops the process (see journal-lines.ts). */
  crashedBefore(key: string): boolean;
  /** Marks the start and the end of handling a page, so a crash in between is known on resume. */
  processing(key: string): Promise<void>;
  processed(key: string): Promise<void>;
  readonly size: number;
}
