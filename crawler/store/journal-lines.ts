import type { JournalEntry } from './types.ts';

/**
 * The journal's line format: one JSON object per line, either a fetched page (JournalEntry) or a processing mark.
 * A `processing` mark is written before a page is handled and a `processed` mark after; a `processing` without
 * its `processed` means handling that page stopped the process (a crash, an out-of-memory kill), so a resume
 * skips it instead of crashing on it again.
 */
export interface JournalMark {
  mark: 'processing' | 'processed';
  key: string;
}

/** No journal line is longer than this: a page's text is dropped (and the page marked unusable) beyond it. */
export const MAX_JOURNAL_LINE = 8 * 1024 * 1024;

export function readJournal(text: string): { entries: Map<string, JournalEntry>; unfinished: Set<string> } {
  const entries = new Map<string, JournalEntry>();
  const unfinished = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    let parsed: JournalEntry | JournalMark;
    try {
      parsed = JSON.parse(line) as JournalEntry | JournalMark;
    } catch {
      continue; // The last line may be torn by a kill mid-write: that page is simply fetched again.
    }
    if ('mark' in parsed) {
      if (parsed.mark === 'processing') unfinished.add(parsed.key);
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
