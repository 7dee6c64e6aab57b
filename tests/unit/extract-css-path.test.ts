import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { pageFromHtml } from '../../crawler/page/from-html.ts';
import { pageFromDom } from '../../extension/lib/page-from-dom.ts';
import { browserDocument } from '../extension/browser-dom.ts';
import type { PageDocument, PageElement } from '../../rules/page/node.ts';
import { cssPath } from '../../rules/extract/css-path.ts';
import { findAll, indexPage } from '../../rules/extract/tree.ts';

const URL = 'http://www.example.gov.cn/';

function pathsOf(doc: PageDocument, tag: string): string[] {
  const index = indexPage(doc);
  return findAll(doc.root, (el) => el.tag === tag).map((el) => cssPath(index, el));
}

function bothAdapters(html: string): PageDocument[] {
  return [pageFromHtml(html, URL), pageFromDom(browserDocument(html), URL)];
}

describe('cssPath', () => {
  it('uses nth-of-type only where same-tag siblings exist', () => {
    const html = '<html><body><div class="a"><ul><li><a href="/1">1</a></li><li><a href="/2">2</a></li></ul></div><div><p>x</p></div></body></html>';
    for (const doc of bothAdapters(html)) {
      expect(pathsOf(doc, 'li')).toEqual(['body > div:nth-of-type(1) > ul > li:nth-of-type(1)', 'body > div:nth-of-type(1) > ul > li:nth-of-type(2)']);
      expect(pathsOf(doc, 'p')).toEqual(['body > div:nth-of-type(2) > p']);
    }
  });

  it('starts at the nearest unique plain id', () => {
    const html = '<html><body><div id="main"><ul><li>a</li></ul></div><div id="dup"></div><div id="dup"><span>x</span></div></body></html>';
    for (const doc of bothAdapters(html)) {
      expect(pathsOf(doc, 'li')).toEqual(['div#main > ul > li']);
      // A repeated id cannot anchor a path.
      expect(pathsOf(doc, 'span')).toEqual(['body > div:nth-of-type(3) > span']);
    }
  });

  it('does not anchor on ids that need escaping (Hanweb numeric ids)', () => {
    const doc = pageFromHtml('<html><body><div id="45678"><ul><li>a</li></ul></div></body></html>', URL);
    expect(pathsOf(doc, 'li')).toEqual(['body > div > ul > li']);
  });

  it('gives a bare table row the tbody a browser would insert, so both trees get one path', () => {
    const withoutTbody = pageFromHtml('<html><body><table><tr><td>a</td></tr><tr><td>b</td></tr></table></body></html>', URL);
    const withTbody = pageFromHtml('<html><body><table><tbody><tr><td>a</td></tr><tr><td>b</td></tr></tbody></table></body></html>', URL);
    expect(pathsOf(withoutTbody, 'tr')).toEqual(['body > table > tbody > tr:nth-of-type(1)', 'body > table > tbody > tr:nth-of-type(2)']);
    expect(pathsOf(withTbody, 'tr')).toEqual(pathsOf(withoutTbody, 'tr'));
  });

  it('resolves to the element in a real DOM', () => {
    const html = '<html><body><div class="x"><ul><li>a</li><li>b</li></ul></div><div class="y"><ul><li>c</li><li>d</li></ul></div></body></html>';
    const { document } = parseHTML(html);
    const doc = pageFromDom(document as unknown as Document, URL);
    for (const path of pathsOf(doc, 'li')) {
      const hits = document.querySelectorAll(path);
      expect(hits.length, path).toBe(1);
    }
    expect(document.querySelector(pathsOf(doc, 'li')[3]!)?.textContent).toBe('d');
  });
});

describe('adapters', () => {
  it('lower-case tags and attribute names, keep comments and script text, drop whitespace-only text', () => {
    const html = '<HTML><BODY>\n  <DIV ID="x" Class="Box">\n  <span class="date"><!--2018-->06-04</span>\n <script type="text/xml"><datastore><record><![CDATA[<li>a</li>]]></record></datastore></script></DIV></BODY></HTML>';
    for (const doc of bothAdapters(html)) {
      const div = findAll(doc.root, (el) => el.tag === 'div')[0]!;
      expect(div.attrs).toEqual({ id: 'x', class: 'Box' });
      const span = div.children[0] as PageElement;
      expect(span.children).toEqual([{ type: 'comment', text: '2018' }, { type: 'text', text: '06-04' }]);
      const script = div.children[1] as PageElement;
      expect(script.children).toEqual([{ type: 'text', text: '<datastore><record><![CDATA[<li>a</li>]]></record></datastore>' }]);
    }
  });

  it('merge text split at entities and decode them the same way', () => {
    const html = '<html><body><p>A &amp; B&nbsp;C &lt;D&gt;</p></body></html>';
    const [a, b] = bothAdapters(html);
    expect(b).toEqual(a);
    const p = findAll(a!.root, (el) => el.tag === 'p')[0]!;
    expect(p.children).toEqual([{ type: 'text', text: 'A & B\u00a0C <D>' }]);
  });

  it('mark hidden, display:none and visibility:hidden elements invisible, nothing else', () => {
    const html = '<html><body><div hidden>a</div><div style="DISPLAY: none ;">b</div><div style="visibility:hidden">c</div><div style="display:block">d</div></body></html>';
    for (const doc of bothAdapters(html)) {
      expect(findAll(doc.root, (el) => el.tag === 'div').map((d) => d.visible)).toEqual([false, false, false, undefined]);
    }
  });

  it('pageFromDom tolerates computeVisibility where getComputedStyle is missing', () => {
    const { document } = parseHTML('<html><body><div style="display:none">x</div></body></html>');
    const doc = pageFromDom(document as unknown as Document, URL, { computeVisibility: true });
    expect(findAll(doc.root, (el) => el.tag === 'div')[0]!.visible).toBe(false);
  });

  it('give fragments the html, head and body a browser implies', () => {
    const doc = pageFromHtml('<ul><li><a href="/a">x</a></li></ul>', URL);
    expect(doc.root.tag).toBe('html');
    expect(doc.root.children.map((c) => (c as PageElement).tag)).toEqual(['head', 'body']);
    expect(((doc.root.children[1] as PageElement).children[0] as PageElement).tag).toBe('ul');
  });
});
