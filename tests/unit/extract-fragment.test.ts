import { describe, expect, it } from 'vitest';
import type { PageElement, PageNode } from '../../rules/page/node.ts';
import { decodeEntities, parseFragment } from '../../rules/extract/fragment.ts';
import { pageFromHtml } from '../../crawler/page/from-html.ts';

const el = (n: PageNode | undefined): PageElement => {
  if (n?.type !== 'element') throw new Error(`not an element: ${JSON.stringify(n)}`);
  return n;
};

describe('parseFragment', () => {
  it('parses a Hanweb record with attributes, entities and a date span', () => {
    const [li, ...rest] = parseFragment('\n<li><a href="/art/2026/1/13/art_1_2.html" title="A &amp; B" target=_blank>A &amp; B</a><span class="bt-data-time">2026-01-13</span></li>\n');
    expect(rest).toEqual([]);
    expect(li).toEqual({
      type: 'element', tag: 'li', attrs: {}, children: [
        { type: 'element', tag: 'a', attrs: { href: '/art/2026/1/13/art_1_2.html', title: 'A & B', target: '_blank' }, children: [{ type: 'text', text: 'A & B' }] },
        { type: 'element', tag: 'span', attrs: { class: 'bt-data-time' }, children: [{ type: 'text', text: '2026-01-13' }] },
      ],
    });
  });

  it('lower-cases tags and attribute names, keeps the first of repeated attributes', () => {
    const [div] = parseFragment('<DIV CLASS="a" class="b" data-X=\'1\'>x</DIV>');
    expect(el(div)).toMatchObject({ tag: 'div', attrs: { class: 'a', 'data-x': '1' } });
  });

  it('closes li, td and tr implicitly, as browsers do', () => {
    const [ul] = parseFragment('<ul><li>one<li>two</ul>');
    expect(el(ul).children.map((c) => el(c).tag)).toEqual(['li', 'li']);
    const [table] = parseFragment('<table><tr><td>a<td>b<tr><td>c</table>');
    const rows = el(table).children.map(el);
    expect(rows.map((r) => r.children.length)).toEqual([2, 1]);
  });

  it('handles void and self-closing tags, comments, CDATA and stray end tags', () => {
    const nodes = parseFragment('a<br>b<img src="x.png"/><!--2018-->c</span><![CDATA[d]]>');
    expect(nodes).toEqual([
      { type: 'text', text: 'a' },
      { type: 'element', tag: 'br', attrs: {}, children: [] },
      { type: 'text', text: 'b' },
      { type: 'element', tag: 'img', attrs: { src: 'x.png' }, children: [] },
      { type: 'comment', text: '2018' },
      // Adjacent text merges, as in every adapter.
      { type: 'text', text: 'cd' },
    ]);
  });

  it('keeps script bodies raw and treats a lone < as text', () => {
    const [script, text] = parseFragment('<script>if (a < b && c) {}</script>1 < 2');
    expect(el(script).children).toEqual([{ type: 'text', text: 'if (a < b && c) {}' }]);
    expect(text).toEqual({ type: 'text', text: '1 < 2' });
  });

  it('closes everything still open at the end and marks inline-hidden elements', () => {
    const [div] = parseFragment('<div style="display:none"><p>open');
    expect(el(div).visible).toBe(false);
    expect(el(el(div).children[0]).children).toEqual([{ type: 'text', text: 'open' }]);
  });

  it('builds the same tree as the page parser for list markup', () => {
    const html = '<ul class="list"><li><a href="/a.html" title="T">T</a> <span class="date">[2026-01-05]</span></li><li><a href="/b.html">B &lt;1&gt;</a><em><!--2025-->12-30</em></li></ul>';
    const body = pageFromHtml(html, 'http://x/').root.children[1] as PageElement;
    expect(body.tag).toBe('body');
    expect(parseFragment(html)).toEqual(body.children);
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hex references and leaves unknown ones', () => {
    expect(decodeEntities('&lt;a&gt; &amp; &quot;x&quot; &#39;y&#39; &#x4E2D;&#25991; &nbsp;&mdash;&ldquo;&rdquo; &foo; & done')).toBe(
      '<a> & "x" \'y\' 中文 \u00a0—“” &foo; & done',
    );
  });
});
