import type { PersonalNumberObservation, TextObservation } from '../model/snapshot.ts';
import { contextAround, lineOf } from './locate.ts';
import { findPersonalNumbers, maskPersonalNumbers } from './personal-info.ts';

export interface ObserveTextOptions {
  url: string;
  source: TextObservation['source'];
  fromUrl?: string;
  title?: string;
  part?: string;
  /** The page's publish date. */
  date?: string;
  /** The audit date: a birth date after it is no ID number. */
  notAfter?: string;
  /** Characters kept; personal numbers are looked for in the whole text first. */
  maxChars?: number;
}

/** Personal numbers listed per text at most; the count still counts them all. */
const MAX_LISTED = 50;
export const DEFAULT_MAX_TEXT_CHARS = 60_000;

/**
 * Raw text → the observation the snapshot stores: personal numbers found (masked, with line and masked context),
 * and the text itself masked. This is the one door page and attachment text go through into a snapshot.
 */
export function observeText(raw: string, o: ObserveTextOptions): TextObservation {
  // Blank lines are kept: a spreadsheet's line N is its row N, so a finding's line is the row an evaluator opens.
  const text = raw.replace(/\r\n?/g, '\n').replace(/[ \t\u00a0\u3000]+/g, ' ').replace(/ *\n */g, '\n').replace(/\s+$/, '');
  const scan = { notAfter: o.notAfter };
  // Mask first and take contexts from the masked text: a context window cut through a number must not show its digits.
  const hits = findPersonalNumbers(text, scan);
  let masked = '';
  let at = 0;
  const personal: PersonalNumberObservation[] = [];
  const placed: { index: number; length: number }[] = [];
  for (const h of hits) {
    masked += text.slice(at, h.index);
    placed.push({ index: masked.length, length: h.masked.length });
    masked += h.masked;
    at = h.index + h.length;
  }
  masked += text.slice(at);
  hits.slice(0, MAX_LISTED).forEach((h, i) => {
    personal.push({ kind: h.kind, masked: h.masked, line: lineOf(text, h.index), context: contextAround(masked, placed[i].index, placed[i].length, 16) });
  });
  const max = o.maxChars ?? DEFAULT_MAX_TEXT_CHARS;
  return {
    url: o.url,
    source: o.source,
    ...(o.fromUrl ? { fromUrl: o.fromUrl } : {}),
    ...(o.title ? { title: maskPersonalNumbers(o.title, scan) } : {}),
    ...(o.part ? { part: o.part } : {}),
    ...(o.date ? { date: o.date } : {}),
    text: masked.length > max ? masked.slice(0, max) : masked,
    personal,
    ...(masked.length > max ? { truncated: true } : {}),
  };
}
