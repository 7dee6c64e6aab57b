import { contextAround, lineOf } from './locate.ts';
import { findDates } from '../dates/parse.ts';

/**
 * Wording lexicon matching: fixed official phrases and their known wrong forms (错别字, wrong or outdated names of
 * bodies). A match is a suspicion for a person to confirm, never a verdict: quoting an old name in a history piece
 * is correct, which is why an entry may list the words that excuse it (原国土资源部 names the old body on purpose).
 */

export interface WordingEntry {
  id: string;
  /** The correct, fixed form. */
  correct: string;
  /** Known wrong forms, matched literally. */
  wrong: string[];
  kind: 'misspelt' | 'wrong-name' | 'outdated-name' | 'forbidden';
  /** Text just before a wrong form that makes it right (原, 前, 更名前的 …). */
  excusedAfter?: string[];
  /** Text just after a wrong form that makes it right (国土资源部门 is a generic term, not the old ministry). */
  excusedBefore?: string[];
  note?: string;
  /** For outdated names: the day the old name stopped being right (YYYY-MM-DD). */
  since?: string;
}

export interface WordingMatch {
  entryId: string;
  wrong: string;
  correct: string;
  kind: WordingEntry['kind'];
  line: number;
  context: string;
}

/** How far before or after a match an excusing word is looked for. */
const EXCUSE_WINDOW = 6;

function lineAt(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end === -1 ? text.length : end);
}

/**
 * An old name is only wrong in text written after it changed: it needs the page's date on or after `since`, and no
 * older date on its own line (a list of 2016 items on a new page still names the bodies of 2016).
 */
function writtenBefore(since: string, pageDate: string | undefined, line: string): boolean {
  if (!pageDate || pageDate < since) return true;
  // Full dates only (the project's date parser: 2016-09-09, 2016年9月9日 …; an impossible 2016-13-45 is none).
  return findDates(line).some((d) => d.confidence === 'exact' && d.date < since);
}

export function findWordingErrors(text: string, entries: readonly WordingEntry[], o: { date?: string } = {}): WordingMatch[] {
  const out: WordingMatch[] = [];
  for (const entry of entries) {
    for (const wrong of entry.wrong) {
      for (let i = text.indexOf(wrong); i !== -1; i = text.indexOf(wrong, i + wrong.length)) {
        const before = text.slice(Math.max(0, i - EXCUSE_WINDOW), i);
        const after = text.slice(i + wrong.length, i + wrong.length + EXCUSE_WINDOW);
        if (entry.excusedAfter?.some((w) => before.endsWith(w))) continue;
        if (entry.excusedBefore?.some((w) => after.startsWith(w))) continue;
        if (entry.since && writtenBefore(entry.since, o.date, lineAt(text, i))) continue;
        // A wrong form that is part of the correct phrase here (the correct form contains it) is no error.
        if (entry.correct.includes(wrong) && text.slice(Math.max(0, i - entry.correct.length), i + entry.correct.length).includes(entry.correct)) continue;
        out.push({ entryId: entry.id, wrong, correct: entry.correct, kind: entry.kind, line: lineOf(text, i), context: contextAround(text, i, wrong.length) });
      }
    }
  }
  return out.sort((a, b) => a.line - b.line);
}
