import { describe, expect, it } from 'vitest';
import { escapeHtml, hasInvisible, link, safeHref, stripInvisible, text } from '../../reports/html/escape.ts';

describe('escaping page-derived text', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('a <script> title becomes text', () => {
    expect(text('<script>alert(1)</script>通知')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;通知');
  });

  it('strips bidi overrides, isolates and zero-width characters', () => {
    const s = 'a\u202Eb\u2066c\u2069d\u200Be\u200Ff\u202Ag\uFEFF';
    expect(hasInvisible(s)).toBe(true);
    expect(stripInvisible(s)).toBe('abcdefg');
    expect(hasInvisible(stripInvisible(s))).toBe(false);
    expect(text('\u202E<b>')).toBe('&lt;b&gt;');
  });

  it('keeps ordinary Chinese punctuation and newlines', () => {
    expect(stripInvisible('关于“十五五”规划的通知（2026）\n第二行')).toBe('关于“十五五”规划的通知（2026）\n第二行');
  });

  it('only http(s) URLs become links', () => {
    expect(safeHref('https://www.gov.cn/zhengce/')).toBe('https://www.gov.cn/zhengce/');
    expect(safeHref('HTTP://WWW.GOV.CN/')).toBe('http://www.gov.cn/');
    for (const bad of ['javascript:alert(1)', ' javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\u200Bscript:alert(1)', 'data:text/html,<b>', 'vbscript:x', '/relative/path', '//evil.example/', 'http//broken', '']) {
      expect(safeHref(bad), bad).toBeUndefined();
    }
  });

  it('link() renders unsafe URLs as marked text, safe ones as escaped anchors', () => {
    expect(link('javascript:alert(1)')).toBe('<span class="url nolink">javascript:alert(1)</span>');
    const a = link('https://example.gov.cn/a?x=1&y="2"');
    expect(a).toContain('href="https://example.gov.cn/a?x=1&amp;y=%222%22"');
    expect(a).toContain('rel="noopener noreferrer nofollow"');
    expect(a).not.toContain('"2"');
  });
});
