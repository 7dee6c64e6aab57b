import type { Evidence } from '../model/finding.ts';
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

export function matchesTitle(item: ItemObservation, include: string[], exclude: string[] = []): boolean {
  if (include.length && !include.some((w) => item.title.includes(w))) return false;
  return !exclude.some((w) => item.title.includes(w));
}

/** Observations that could be read; the rest are `needs-review` whatever the rule. */
export function unreadable(column: ColumnObservation): boolean {
  return column.status !== 'ok';
}
