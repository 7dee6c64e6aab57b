import { describe, expect, it } from 'vitest';
import { pageFromHtml } from '../../crawler/page/from-html.ts';
import { extractLinks, MAX_LINKS_PER_PAGE, readLinks } from '../../rules/extract/nav-links.ts';
import { manyLinksPage } from '../../bench/link-scaling.ts';

/** Issue 14.4: link extraction was quadratic in sibling links; it is now linear and bounded per page. */
describe('link extraction on a page with very many links', () => {
  it('reads at most MAX_LINKS_PER_PAGE links of a 40,000-link page, in document order, and says it stopped', () => {
    const doc = pageFromHtml(manyLinksPage(40_000), 'http://www.example.gov.cn/col/');
    const { links, truncated } = readLinks(doc);
    expect(truncated).toBe(true);
    expect(links).toHaveLength(MAX_LINKS_PER_PAGE);
    expect(links[0]!.text).toBe('首页');
    expect(links[1]!.url).toBe('http://www.example.gov.cn/col/art_0.html');
    expect(links.at(-1)!.url).toBe(`http://www.example.gov.cn/col/art_${MAX_LINKS_PER_PAGE - 2}.html`);
  });

  it('keeps sibling positions exact in CSS paths when they are computed once per parent', () => {
    const doc = pageFromHtml(manyLinksPage(3000), 'http://www.example.gov.cn/col/');
    const links = extractLinks(doc);
    expect(links).toHaveLength(3001);
    expect(links[1]!.cssPath).toBe('body > ul > li:nth-of-type(1) > a');
    expect(links[3000]!.cssPath).toBe('body > ul > li:nth-of-type(3000) > a');
  });

  it('reads every link of an ordinary page', () => {
    const doc = pageFromHtml('<body><p><a href="a.html">甲</a><span>x</span><a href="b.html">乙</a></p><a href="javascript:;">丙</a></body>', 'http://x.gov.cn/');
    const { links, truncated } = readLinks(doc);
    expect(truncated).toBe(false);
    expect(links.map((l) => [l.text, l.cssPath])).toEqual([['甲', 'body > p > a:nth-of-type(1)'], ['乙', 'body > p > a:nth-of-type(2)']]);
  });
});
