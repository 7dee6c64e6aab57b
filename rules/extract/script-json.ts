import { ownText } from './text.ts';
import type { PageElement } from '../page/node.ts';
import type { PageIndex } from './tree.ts';

/**
 * Lists that exist only as data in a script (`var listData = [{title:…, url:…, date:…}, …]`) and that a script
 * draws in the browser. The array is read as JSON, after turning the JavaScript literal forms sites write (bare
 * keys, single quotes, trailing commas) into JSON; no code is run.
 */
export interface ScriptRecord {
  title: string;
  href?: string;
  dateText?: string;
}

export interface ScriptList {
  script: PageElement;
  records: ScriptRecord[];
}

/** Field names for the title, the link and the publish date, lower-cased (CMS exports use many). */
const TITLE_KEYS = ['title', 'doctitle', 'name', 'tit', 'biaoti', 'bt', 'subject', 'text', 'linktitle'];
const URL_KEYS = ['url', 'href', 'link', 'docurl', 'docpuburl', 'linkurl', 'path', 'pageurl', 'infourl'];
const DATE_KEYS = ['date', 'pubdate', 'publishdate', 'publishtime', 'releasedate', 'releasetime', 'docreltime', 'pubtime', 'time', 'fbsj', 'fbrq', 'createtime', 'createdate', 'inputtime', 'updatetime', 'crtime', 'showtime'];

/** Arrays in scripts longer than this are not read (a data dump, not a page's list). */
const MAX_ARRAY_CHARS = 500_000;
/** One record is a list of one: not enough to call a script array a list. */
const MIN_RECORDS = 2;

/** Every script array of records with a title and a link or a date. */
export function findScriptLists(index: PageIndex): ScriptList[] {
  const out: ScriptList[] = [];
  for (const script of index.elements) {
    if (script.tag !== 'script') continue;
    const type = (script.attrs.type ?? '').toLowerCase();
    if (type && !/javascript|json|ecmascript/.test(type)) continue;
    const body = ownText(script);
    if (!/\[\s*\{/.test(body)) continue;
    for (const literal of arrayLiterals(body)) {
      const records = recordsOf(literal);
      if (records.length >= MIN_RECORDS) out.push({ script, records });
    }
  }
  return out;
}

/** The `[{…}, …]` literals in a script body, each as its source text (brackets balanced, strings skipped). */
function* arrayLiterals(body: string): Iterable<string> {
  const start = /\[\s*\{/g;
  let m: RegExpExecArray | null;
  while ((m = start.exec(body))) {
    const end = closingBracket(body, m.index);
    if (end < 0) return;
    if (end - m.index <= MAX_ARRAY_CHARS) yield body.slice(m.index, end + 1);
    start.lastIndex = end + 1;
  }
}

/** Index of the bracket closing the one at `open`, or -1. */
function closingBracket(s: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < s.length; i++) {
    const ch = s[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function parseLiteral(literal: string): unknown {
  try {
    return JSON.parse(literal);
  } catch {
    // JavaScript literal → JSON: single-quoted strings, bare keys, trailing commas.
  }
  try {
    const json = literal
      .replace(/'((?:[^'\\]|\\.)*)'/g, (_, inner: string) => JSON.stringify(inner.replace(/\\'/g, "'")))
      .replace(/([{,]\s*)([A-Za-z_$][\w$]*)\s*:/g, '$1"$2":')
      .replace(/,\s*([}\]])/g, '$1');
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

function field(record: Record<string, unknown>, keys: readonly string[]): string | undefined {
  const lower = new Map(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
  for (const key of keys) {
    const value = lower.get(key);
    if (typeof value === 'string' && value.trim()) return value.trim();
    if (typeof value === 'number' && key !== 'title') return String(value);
  }
  return undefined;
}

function recordsOf(literal: string): ScriptRecord[] {
  const parsed = parseLiteral(literal);
  if (!Array.isArray(parsed)) return [];
  const out: ScriptRecord[] = [];
  for (const entry of parsed) {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) continue;
    const record = entry as Record<string, unknown>;
    const title = field(record, TITLE_KEYS)?.replace(/<[^>]*>/g, '').trim();
    const href = field(record, URL_KEYS);
    const dateText = field(record, DATE_KEYS);
    if (!title || (!href && !dateText)) continue;
    out.push({ title, ...(href ? { href } : {}), ...(dateText ? { dateText } : {}) });
  }
  return out;
}
