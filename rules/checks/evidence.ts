import type { Evidence, LocalText } from '../model/finding.ts';
import type { ColumnObservation, ItemObservation } from '../model/snapshot.ts';

/** Shared helpers for turning observations into evidence and picking dated items. */

export function itemEvidence(item: ItemObservation, note?: string): Evidence {
  return { url: item.url, title: item.title, date: item.date, cssPath: item.cssPath, ...(note ? { note } : {}) };
}

export function columnEvidence(column: ColumnObservation, note?: string): Evidence {
  return { url: column.url, title: column.name, cssPath: column.listCssPath, note: note ?? column.matchReason };
}

/** The newest dated item, ignoring items dated after the audit date (a date in the future is a page error, not freshness). */
export function newestDated(items: ItemObservation[], now: string): ItemObservation | undefined {
  let best: ItemObservation | undefined;
  for (const item of items) {
    if (!item.date || item.date > now) continue;
    if (!best || item.date > best.date!) best = item;
  }
  return best;
}

/**
 * A year-less date (`MM-DD`) whose year nothing on the page gave: it was set to the latest year not after the audit
 * date. That is an upper bound, so it may prove an item old, never prove it recent.
 */
export function hasGuessedYear(item: ItemObservation): boolean {
  return item.dateConfidence === 'guessed-year';
}

/** The newest dated item whose year is known (full date, or a year the item itself gives). */
export function newestKnownYear(items: ItemObservation[], now: string): ItemObservation | undefined {
  return newestDated(items.filter((i) => !hasGuessedYear(i)), now);
}

/** Shared message of checks that cannot pass on guessed years alone. */
export const GUESSED_YEAR_NOTE = 'year not shown on the page: latest possible year assumed';

export function matchesTitle(item: ItemObservation, include: string[], exclude: string[] = []): boolean {
  if (include.length && !include.some((w) => item.title.includes(w))) return false;
  return !exclude.some((w) => item.title.includes(w));
}

/** A column or home page as read: `ok`, or why not. */
type ReadStatus = Pick<ColumnObservation, 'status' | 'statusReason'>;

/** Observations that could be read; the rest are `needs-review` whatever the rule. */
export function unreadable(observation: ReadStatus): boolean {
  return observation.status !== 'ok';
}

/** Why an observation could not be read, for the `unreadable` messages below. */
export function unreadableReason(observation: ReadStatus): string {
  return observation.statusReason ?? observation.status;
}

/** The `unreadable` message of every check that reads a column, and of every check that reads the home page. */
export const COLUMN_UNREADABLE: LocalText = { zh: '「{{column}}」无法读取：{{reason}}', en: '"{{column}}" could not be read: {{reason}}' };
export const HOME_UNREADABLE: LocalText = { zh: '首页无法读取：{{reason}}', en: 'Home page could not be read: {{reason}}' };
