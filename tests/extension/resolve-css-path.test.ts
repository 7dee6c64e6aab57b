import { describe, expect, it } from 'vitest';
import { CssPathResolver } from '../../extension/lib/resolve-css-path.ts';
import { pageFromDom } from '../../extension/lib/page-from-dom.ts';
import { readLinks } from '../../rules/extract/nav-links.ts';
import { browserDocument } from './browser-dom.ts';

/** The overlay finds each link's element by its CSS path: the same element the selector engine finds, for every link. */

const URL = 'http://www.example.gov.cn/';

function page(body: string): Document {
  return browserDocument(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`);
}

describe('CssPathResolver', () => {
  it('finds the element querySelector finds, through ids, nth-of-type steps and implied tbody', () => {
    const doc = page(`
      <div class="nav"><a href="/a/">甲</a><a href="/b/">乙</a><span></span><a href="/c/">丙</a></div>
      <div id="main"><ul><li><a href="/x/1.html">一</a></li><li><a href="/x/2.html">二</a></li></ul></div>
      <table><tr><td><a href="/t/1.html">表一</a></td></tr><tr><td><a href="/t/2.html">表二</a></td></tr></table>
      <div id="4567"><a href="/n/">数字编号</a></div>`);
    const resolver = new CssPathResolver(doc);
    const links = readLinks(pageFromDom(doc, URL)).links;
    expect(links.length).toBe(8);
    for (const link of links) {
      const el = resolver.resolve(link.cssPath);
      expect(el, link.cssPath).not.toBeNull();
      expect(el).toBe(doc.querySelector(link.cssPath));
      expect(new globalThis.URL(el!.getAttribute('href')!, URL).href).toBe(link.url);
    }
  });

  it('resolves every one of 20,000 sibling links to its own anchor (the walk groups siblings once)', () => {
    const doc = page(`<ul class="list">${Array.from({ length: 20_000 }, (_, i) => `<li><a href="/l/${i}.html">第${i}条</a></li>`).join('')}</ul>`);
    const resolver = new CssPathResolver(doc);
    const links = readLinks(pageFromDom(doc, URL)).links;
    // readLinks reads a bounded number of links per page; each one read resolves to its own element.
    expect(links.length).toBeGreaterThan(1000);
    const seen = new Set<Element>();
    for (const link of links) {
      const el = resolver.resolve(link.cssPath)!;
      expect(new globalThis.URL(el.getAttribute('href')!, URL).href).toBe(link.url);
      seen.add(el);
    }
    expect(seen.size).toBe(links.length);
  });

  it('a path that names nothing on the page resolves to null', () => {
    const doc = page('<div><a href="/a/">甲</a></div>');
    expect(new CssPathResolver(doc).resolve('body > div > ul > li:nth-of-type(3) > a')).toBeNull();
  });
});
