import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { pageFromHtml } from '../../crawler/page/from-html.ts';
import { pageFromDom } from '../../extension/lib/page-from-dom.ts';
import type { PageElement } from '../../rules/page/node.ts';
import { cssPath } from '../../rules/extract/css-path.ts';
import { extractDetailDates } from '../../rules/extract/detail-page.ts';
import { extractHomeItems } from '../../rules/extract/home-items.ts';
import { extractListItems } from '../../rules/extract/list-items.ts';
import { extractLinks, extractMeta } from '../../rules/extract/nav-links.ts';
import { extractFooterText } from '../../rules/extract/footer.ts';
import { commentTexts, scriptBodies, shortTextOf, textOf } from '../../rules/extract/text.ts';
import { findAll, indexPage } from '../../rules/extract/tree.ts';
import { browserDocument } from '../extension/browser-dom.ts';

const URL = 'http://www.example.gov.cn/col/index.html';
const ctx = { notAfter: '2026-01-15' };

describe('page tree by the HTML5 rules', () => {
  it('keeps the content after an included header fragment that ends in </body></html>', () => {
    const html = [
      '<html><head><title>x</title></head><body><div class="header"><a href="/">首页</a></div></body></html>',
      '<div class="main"><ul class="list"><li><a href="/a.html">通知一</a><span>2025-12-30</span></li>',
      '<li><a href="/b.html">通知二</a><span>2025-12-01</span></li><li><a href="/c.html">通知三</a><span>2025-11-20</span></li></ul></div>',
      '<div class="footer">网站标识码：4114240001</div></body></html>',
    ].join('');
    const doc = pageFromHtml(html, URL);
    expect(doc.root.children.filter((c) => c.type === 'element').map((c) => (c as PageElement).tag)).toEqual(['head', 'body']);
    expect(extractListItems(doc, ctx).items.map((i) => i.date)).toEqual(['2025-12-30', '2025-12-01', '2025-11-20']);
    expect(extractFooterText(doc)).toContain('4114240001');
  });

  it('repairs a nested <a><a>title</a> as a browser does: the inner link is a sibling holding the title', () => {
    const doc = pageFromHtml('<ul><li><span>2021-02-26</span><a href="t1.html"><a href="t1.html">标题一</a></li></ul>', URL);
    const links = findAll(doc.root, (el) => el.tag === 'a');
    expect(links).toHaveLength(2);
    expect(links[0]!.children).toEqual([]);
    expect(textOf(links[1]!)).toBe('标题一');
    expect(indexPage(doc).parentOf(links[1]!)?.tag).toBe('li');
  });

  it('repairs misnested inline tags with the adoption agency, as browsers do', () => {
    const doc = pageFromHtml('<p><b>1<i>2</b>3</i></p>', URL);
    const p = findAll(doc.root, (el) => el.tag === 'p')[0]!;
    expect(p.children.map((c) => (c.type === 'element' ? c.tag : c.type))).toEqual(['b', 'i']);
    expect(textOf(p)).toBe('123');
  });

  it('gives the same tree as the DOM adapter on a browser-built DOM for the misnested cases', () => {
    const html = '<table><tr><td><a href="/a"><a href="/a">x</a></td><td>2025-01-02</td></tr></table><p><b>1<i>2</b>3</i>';
    expect(pageFromDom(browserDocument(html), URL)).toEqual(pageFromHtml(html, URL));
  });

  it('keeps comments and script bodies', () => {
    const doc = pageFromHtml('<div><span><!--2018-->06-04</span><script>var listData = [{"title":"a"}];</script></div>', URL);
    expect(commentTexts(doc.root)).toEqual(['2018']);
    expect(scriptBodies(doc.root)).toEqual(['var listData = [{"title":"a"}];']);
  });
});

describe('deeply nested pages (no recursion on depth)', () => {
  const DEPTH = 6000;
  const deep = `<html><body>${'<div>'.repeat(DEPTH)}<ul><li><a href="/a.html">深层</a><span>2025-12-30</span></li></ul>${'</div>'.repeat(DEPTH)}<div class="footer">网站标识码 1</div></body></html>`;

  it('builds the tree and runs every extractor without overflowing the stack', () => {
    const doc = pageFromHtml(deep, URL);
    expect(textOf(doc.root)).toContain('深层');
    const index = indexPage(doc);
    const li = findAll(doc.root, (el) => el.tag === 'li')[0]!;
    expect(shortTextOf(li, 100)).toBe('深层2025-12-30');
    // A short-text probe is bounded in nodes too: thousands of wrappers are no short text, and cost little to see.
    expect(shortTextOf(doc.root, 100)).toBeUndefined();
    expect(cssPath(index, li).endsWith('ul > li')).toBe(true);
    expect(() => extractListItems(doc, ctx)).not.toThrow();
    expect(() => extractHomeItems(doc, ctx)).not.toThrow();
    expect(() => extractDetailDates(doc, ctx)).not.toThrow();
    expect(() => extractLinks(doc)).not.toThrow();
    expect(() => extractMeta(doc)).not.toThrow();
    expect(extractFooterText(doc)).toContain('网站标识码');
  });

  it('converts a deep DOM without overflowing the stack', () => {
    // linkedom reads this well-formed markup as a browser does (parse5's serialiser used by browserDocument recurses).
    const doc = pageFromDom(parseHTML(deep).document as unknown as Document, URL);
    expect(textOf(doc.root)).toContain('深层');
  });
});

const JILIN = join(import.meta.dirname, '../../../shared/real-sites/jilin-forestry/xxgk/ghjh/index.html');
if (!existsSync(JILIN)) console.warn(`skipped: real page ${JILIN} not found (../shared absent)`);

describe.skipIf(!existsSync(JILIN))('real TRS list with nested <a><a> (jilin-forestry 规划计划)', () => {
  it('reads every row with its title and date', () => {
    const doc = pageFromHtml(readFileSync(JILIN, 'utf8'), 'http://www.atxlyj.cn/xxgk/ghjh/index.html');
    const { items } = extractListItems(doc, ctx);
    expect(items.length).toBeGreaterThanOrEqual(7);
    expect(items.every((i) => i.title.length > 4 && i.date && i.url?.includes('/t20'))).toBe(true);
  });
});
