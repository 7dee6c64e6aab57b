import { ownText } from '../extract/text.ts';
import type { PageDocument, PageElement } from '../page/node.ts';
import { parseFragment } from '../extract/fragment.ts';
import { allElements } from '../extract/tree.ts';
import { baseUrlOf } from '../extract/list-candidates.ts';
import { resolveHref } from '../extract/url.ts';
import { stringChains } from './script-strings.ts';

/**
 * Redirects written inside a page: `<meta http-equiv="refresh" content="0;url=…">` (plain or written by
 * `document.write`) and simple script redirects (`location.href = '…'`, `window.location.replace('…')`,
 * `top.location = '…'`). A browser follows them at once, so the page an evaluator sees is the target; a crawler
 * that reads the stub instead finds an empty page. Pure: shared by the crawler and the extension.
 */

export type RedirectVia = 'meta-refresh' | 'script-meta-refresh' | 'script-location';

export interface PageRedirect {
  /** Absolute http(s) URL the page sends the reader to. */
  url: string;
  via: RedirectVia;
  /** What was read, for the evidence (`0;url=xxgk/`, `location.href="xxgk/"`). */
  text: string;
}

/**
 * A refresh that waits longer than this is a page that reloads itself now and then (news portals refresh every few
 * minutes), not a redirect.
 */
export const MAX_REFRESH_DELAY_S = 10;

/** `0; url='/xxgk/'` → its delay and target; undefined when it names no target (a plain reload). */
export function parseRefresh(content: string): { delay: number; target: string } | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)?\s*[;,]?\s*(?:url\s*=\s*)?([\s\S]*)$/i.exec(content);
  if (!m) return undefined;
  const target = (m[2] ?? '').trim().replace(/^(['"])([\s\S]*)\1$/, '$2').replace(/^['"]/, '').trim();
  if (!target) return undefined;
  return { delay: m[1] ? Number(m[1]) : 0, target };
}

function refreshOf(el: PageElement): string | undefined {
  return el.tag === 'meta' && (el.attrs['http-equiv'] ?? '').trim().toLowerCase() === 'refresh' ? el.attrs.content : undefined;
}

/** Assignments and calls that move the window: `location = '…'`, `window.location.href='…'`, `location.replace('…')`. */
const LOCATION_TARGET = /(?:\b(?:window|top|self|parent|document)\s*\.\s*)?\blocation\s*(?:\.\s*href\s*)?=\s*$|(?:\b(?:window|top|self|parent|document)\s*\.\s*)?\blocation\s*\.\s*(?:replace|assign)\s*\(\s*$|\bwindow\s*\.\s*(?:navigate|open)\s*\(\s*$/;

/** Words before a statement that make it conditional (`if (isMobile) location.href = …`, `a && (location = …)`). */
const GUARDED = /\b(if|else|while|for|switch|case|catch|return)\b|\?|&&|\|\|/;

/**
 * What may open a block whose statements still run whenever the page loads: a timer or load handler (redirect
 * stubs: `setTimeout(function(){location.href=…},3000)`), jQuery's ready, or a function called at once.
 */
const RUNS_ON_LOAD = [
  /setTimeout\s*\(\s*(?:function\s*\([^)]*\)|\([^)]*\)\s*=>)$/,
  /onload\s*=\s*(?:function\s*\([^)]*\)|\([^)]*\)\s*=>)$/,
  /addEventListener\s*\(\s*['"](?:load|DOMContentLoaded)['"]\s*,\s*(?:function\s*\([^)]*\)|\([^)]*\)\s*=>)$/,
  /\$\s*\(\s*(?:document\s*\)\s*\.\s*ready\s*\(\s*)?(?:function\s*\([^)]*\)|\([^)]*\)\s*=>)$/,
  /(?:^|[;{}!])\s*\(\s*function\s*\([^)]*\)$/,
];

/**
 * True when the statement at `at` runs whenever the script runs: not inside an `if`, a loop or a handler other than
 * a load handler or a timer, and not itself conditional (`isMobile && (location.href = …)`).
 */
function unconditional(js: string, at: number): boolean {
  const opens: number[] = [];
  for (let i = 0; i < at; i++) {
    if (js[i] === '{') opens.push(i);
    else if (js[i] === '}') opens.pop();
  }
  for (const brace of opens) {
    const before = js.slice(Math.max(0, brace - 120), brace).trimEnd();
    if (!RUNS_ON_LOAD.some((r) => r.test(before))) return false;
  }
  const statementStart = Math.max(js.lastIndexOf(';', at - 1), js.lastIndexOf('{', at - 1), js.lastIndexOf('}', at - 1));
  return !GUARDED.test(js.slice(statementStart + 1, at));
}

/** `location.href = 'x'` and the like in one script: the target of the first unconditional one. */
function scriptLocation(js: string): { target: string; text: string } | undefined {
  for (const chain of stringChains(js)) {
    const before = js.slice(Math.max(0, chain.start - 80), chain.start);
    const m = LOCATION_TARGET.exec(before);
    if (!m) continue;
    // The whole value must be literal: `location.href = base + '/x'` or `'x' + id` is not readable here.
    const after = js.slice(chain.end).trimStart();
    if (chain.partial || after.startsWith('+')) continue;
    if (/\bwindow\s*\.\s*open/.test(m[0]) && !/^,\s*['"]_(self|top)['"]/.test(after)) continue; // a new window leaves the page as it is
    const statementAt = chain.start - before.length + m.index;
    if (!unconditional(js, statementAt)) continue;
    return { target: chain.text.trim(), text: `${m[0].trim()}${JSON.stringify(chain.text)}` };
  }
  return undefined;
}

function sameAs(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}

/**
 * The redirect a page makes by itself, if any: a meta refresh (delay at most MAX_REFRESH_DELAY_S) to another URL,
 * a meta refresh written by a script, or an unconditional script redirect to a literal URL. Links in `onclick`
 * attributes (pagers: `onclick="location.href='index_2.html'"`) are clicks, not redirects, and are not read.
 */
export function findPageRedirect(doc: PageDocument): PageRedirect | undefined {
  const base = baseUrlOf(doc);
  const elements = allElements(doc.root);
  const accept = (target: string, via: RedirectVia, text: string): PageRedirect | undefined => {
    const url = resolveHref(target, base);
    return url && !sameAs(url, doc.url) ? { url, via, text } : undefined;
  };
  const fromRefresh = (content: string | undefined, via: RedirectVia): PageRedirect | undefined => {
    const r = content === undefined ? undefined : parseRefresh(content);
    return r && r.delay <= MAX_REFRESH_DELAY_S ? accept(r.target, via, content!.trim()) : undefined;
  };
  for (const el of elements) {
    const found = fromRefresh(refreshOf(el), 'meta-refresh');
    if (found) return found;
  }
  for (const el of elements) {
    if (el.tag !== 'script' || el.attrs.src) continue;
    const js = ownText(el);
    if (js.trim() === '') continue;
    for (const chain of stringChains(js)) {
      // A refresh written only on some condition (`if (isMobile) document.write('<meta …>')`) is not the page's own.
      if (!/<meta\b/i.test(chain.text) || !unconditional(js, chain.start)) continue;
      for (const node of parseFragment(chain.text)) {
        if (node.type !== 'element') continue;
        for (const meta of allElements(node)) {
          const found = fromRefresh(refreshOf(meta), 'script-meta-refresh');
          if (found) return found;
        }
      }
    }
    const loc = scriptLocation(js);
    if (loc) {
      const found = accept(loc.target, 'script-location', loc.text);
      if (found) return found;
    }
  }
  return undefined;
}
