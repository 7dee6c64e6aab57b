import { createHash } from 'node:crypto';
import type { LocalText } from '../../rules/model/finding.ts';
import { text } from './escape.ts';

/**
 * The page shell shared by the scorecard and the run report: one self-contained file, no network, a strict CSP
 * whose only script is the inline one below, allowed by its hash.
 */

/** Bilingual text: both languages are in the page; CSS shows one, the switch toggles `html.en`. Escaped. */
export function t(zh: string, en: string): string {
  return `<span class="l-zh" lang="zh-CN">${text(zh)}</span><span class="l-en" lang="en">${text(en)}</span>`;
}

export function lt(v: LocalText): string {
  return t(v.zh, v.en);
}

/** Same as {@link t} but the arguments are already HTML (built from escaped parts). */
export function tHtml(zh: string, en: string): string {
  return `<span class="l-zh" lang="zh-CN">${zh}</span><span class="l-en" lang="en">${en}</span>`;
}

/**
 * The only script on the page: the language switch (remembered in localStorage where the browser allows it) and
 * sortable tables (`table.sortable`, cells carry `data-v`). No inline handlers: the CSP would block them.
 */
export const PAGE_SCRIPT = `(function () {
  var root = document.documentElement;
  function setLang(lang) {
    root.classList.toggle('en', lang === 'en');
    root.lang = lang === 'en' ? 'en' : 'zh-CN';
    try { localStorage.setItem('govaudit-lang', lang); } catch (e) {}
  }
  try { var saved = localStorage.getItem('govaudit-lang'); if (saved === 'en' || saved === 'zh') setLang(saved); } catch (e) {}
  Array.prototype.forEach.call(document.querySelectorAll('[data-lang-toggle]'), function (b) {
    b.addEventListener('click', function () { setLang(root.classList.contains('en') ? 'zh' : 'en'); });
  });
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    var heads = table.querySelectorAll('th[data-sort]');
    Array.prototype.forEach.call(heads, function (th, col) {
      th.tabIndex = 0;
      function sort() {
        var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
        var idx = Array.prototype.indexOf.call(th.parentNode.children, th);
        var numeric = th.getAttribute('data-sort') === 'num';
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[idx].getAttribute('data-v') || '', y = b.cells[idx].getAttribute('data-v') || '';
          if (numeric) { var nx = x === '' ? Infinity : Number(x), ny = y === '' ? Infinity : Number(y); return nx === ny ? 0 : (nx < ny ? -dir : dir); }
          return x.localeCompare(y, 'zh-CN') * dir;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
    });
  });
})();`;

export const SCRIPT_HASH = `sha256-${createHash('sha256').update(PAGE_SCRIPT, 'utf8').digest('base64')}`;

/** default-src 'none' blocks every fetch (images, fonts, frames, connections); only the hashed script runs. */
export const CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src '${SCRIPT_HASH}'; img-src data:; base-uri 'none'; form-action 'none'`;

export const BASE_CSS = `
:root { --ink:#1f2328; --muted:#59636e; --line:#d8dee4; --bg:#f6f8fa; --card:#fff;
  --pass:#1a7f37; --pass-bg:#dafbe1; --fail:#b42318; --fail-bg:#fee4e2; --review:#9a6700; --review-bg:#fff8c5;
  --info:#0969da; --info-bg:#ddf4ff; }
* { box-sizing: border-box; }
html { font-size: 15px; }
body { margin: 0; background: var(--bg); color: var(--ink); line-height: 1.6;
  font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", system-ui, sans-serif; }
html:not(.en) .l-en, html.en .l-zh { display: none; }
main { max-width: 1080px; margin: 0 auto; padding: 20px 24px 48px; overflow-wrap: anywhere; }
header.top { background: #24292f; color: #fff; }
header.top .inner { max-width: 1080px; margin: 0 auto; padding: 14px 24px; display: flex; gap: 16px; align-items: center; }
header.top .brand { font-weight: 600; letter-spacing: .02em; }
header.top .crumbs { color: #c9d1d9; font-size: .9rem; flex: 1; min-width: 0; }
header.top a { color: #c9d1d9; }
button.lang { border: 1px solid #8c959f; background: transparent; color: #fff; border-radius: 6px; padding: 4px 12px; cursor: pointer; font: inherit; font-size: .9rem; }
button.lang:hover { background: #32383f; }
h1 { font-size: 1.6rem; margin: 8px 0 4px; line-height: 1.3; }
h2 { font-size: 1.2rem; margin: 0 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.02rem; margin: 0; }
section.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
.muted { color: var(--muted); }
.small { font-size: .86rem; }
a { color: var(--info); }
a.url, span.url { word-break: break-all; font-size: .86rem; }
span.nolink { color: var(--muted); font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
span.nolink::after { content: " ⚠"; color: var(--review); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .82rem; background: var(--bg); padding: 1px 4px; border-radius: 4px; word-break: break-all; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--bg); font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.sortable th[data-sort] { cursor: pointer; user-select: none; }
table.sortable th[data-sort]::after { content: " ↕"; color: #8c959f; font-size: .8em; }
table.sortable th[aria-sort=ascending]::after { content: " ▲"; color: var(--ink); }
table.sortable th[aria-sort=descending]::after { content: " ▼"; color: var(--ink); }
.badge { display: inline-block; border-radius: 999px; padding: 0 9px; font-size: .8rem; font-weight: 600; white-space: nowrap; line-height: 1.7; }
.b-pass { background: var(--pass-bg); color: var(--pass); }
.b-fail { background: var(--fail-bg); color: var(--fail); }
.b-needs-review, .b-warn, .b-error { background: var(--review-bg); color: var(--review); }
.b-not-applicable, .b-info, .b-not-checked { background: #eaeef2; color: var(--muted); }
.b-veto { background: var(--fail); color: #fff; }
.grid { display: grid; gap: 12px; grid-template-columns: repeat(auto-fit, minmax(118px, 1fr)); }
.stat { border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; background: var(--card); }
.stat .n { font-size: 1.5rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.stat .k { color: var(--muted); font-size: .85rem; }
ul.plain { list-style: none; margin: 0; padding: 0; }
svg text { font-family: inherit; }
footer { color: var(--muted); font-size: .82rem; margin-top: 24px; }
@media print {
  body { background: #fff; }
  header.top { background: #fff; color: #000; border-bottom: 2px solid #000; }
  header.top a, header.top .crumbs { color: #000; }
  button.lang { display: none; }
  section.card { break-inside: avoid-page; border-color: #999; }
  details { display: block; }
}
`;

export interface PageOptions {
  title: string;
  /** Breadcrumb HTML (already escaped). */
  crumbs?: string;
  css?: string;
  body: string;
}

/** A complete HTML document around `body`; the title is escaped here. */
export function renderPage(o: PageOptions): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="govaudit">
<title>${text(o.title)}</title>
<style>${BASE_CSS}${o.css ?? ''}</style>
</head>
<body>
<header class="top"><div class="inner"><span class="brand">govaudit ${t('政府网站检查', 'Government website audit')}</span><span class="crumbs">${o.crumbs ?? ''}</span><button type="button" class="lang" data-lang-toggle>${t('English', '中文')}</button></div></header>
<main>
${o.body}
</main>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
