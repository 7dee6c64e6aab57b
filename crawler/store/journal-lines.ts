import type { JournalEntry } from './types.ts';

/**
 * The journal's line format: one JSON object per line, either a fetched page (JournalEntry) or a processing mark.
 * A `processing` mark is written before a page is handled and a `processed` mark after; a `processing` without
 * its `processed` means the process stopped while handling that page. Once may be an operator's SIGKILL (which
 * leaves the same trace), so the page is handled again; twice in a row is the page (a native crash, an
 * out-of-memory abort), and a resume skips it instead of crashing on it for ever.
 */
export interface JournalMark {
  mark: 'processing' | 'processed';
  key: string;
}

/** No journal line is longer than this: a page's text is dropped (and the page marked unusable) beyond it. */
export const MAX_JOURNAL_LINE = 8 * 1024 * 1024;

/** Attempts that stopped while handling a page, in a row, before it is no longer handled. */
export const CRASHES_BEFORE_SKIP = 2;

export function readJournal(text: string): { entries: Map<string, JournalEntry>; unfinished: Map<string, number> } {
  const entries = new Map<string, JournalEntry>();
  // Per page: attempts in a row whose handling never ended.
  const unfinished = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    let parsed: JournalEntry | JournalMark;
    try {
      parsed = JSON.parse(line) as JournalEntry | JournalMark;
    } catch {
      continue; // The last line may be torn by a kill mid-write: that page is simply fetched again.
    }
    if ('mark' in parsed) {
      if (parsed.mark === 'processing') unfinished.set(parsed.key, (unfinished.get(parsed.key) ?? 0) + 1);
      else unfinished.delete(parsed.key);
    } else if (typeof parsed.url === 'string') entries.set(parsed.url, parsed);
  }
  return { entries, unfinished };
}

/** The line for an entry, its text dropped when the line would pass MAX_JOURNAL_LINE. */
export function boundedJournalLine(e: JournalEntry): { entry: JournalEntry; line: string } {
  const line = JSON.stringify(e) + '\n';
  if (line.length <= MAX_JOURNAL_LINE) return { entry: e, line };
  const entry: JournalEntry = { ...e, ok: false, text: '', error: { kind: 'too-large', message: `page too large to keep (${line.length} characters journaled)` } };
  return { entry, line: JSON.stringify(entry) + '\n' };
}
