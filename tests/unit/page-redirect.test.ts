import { describe, expect, it } from 'vitest';
import { pageFromHtml } from '../../crawler/page/from-html.ts';
import { findPageRedirect, parseRefresh } from '../../rules/discover/page-redirect.ts';
import { markupStrings, stringChains } from '../../rules/discover/script-strings.ts';

const at = 'http://www.example.gov.cn/zwgk/index.html';
const redirectOf = (html: string) => findPageRedirect(pageFromHtml(html, at));

describe('parseRefresh', () => {
  it('reads delay and target in the forms sites write', () => {
    expect(parseRefresh('0; url=/xxgk/')).toEqual({ delay: 0, target: '/xxgk/' });
    expect(parseRefresh("0;URL='col/col12/index.html'")).toEqual({ delay: 0, target: 'col/col12/index.html' });
    expect(parseRefresh('3;http://www.example.gov.cn/a/')).toEqual({ delay: 3, target: 'http://www.example.gov.cn/a/' });
    expect(parseRefresh('url=b.html')).toEqual({ delay: 0, target: 'b.html' });
  });
  it('a bare delay is a reload, not a redirect', () => {
    expect(parseRefresh('300')).toBeUndefined();
  });
});

describe('findPageRedirect', () => {
  it('meta refresh, resolved against the page', () => {
    expect(redirectOf('<html><head><meta http-equiv="Refresh" content="0; url=../xxgk/index.shtml"></head><body></body></html>'))
      .toMatchObject({ url: 'http://www.example.gov.cn/xxgk/index.shtml', via: 'meta-refresh' });
  });
  it('a page that reloads itself every few minutes is not a redirect', () => {
    expect(redirectOf('<head><meta http-equiv="refresh" content="600"></head><body>新闻</body>')).toBeUndefined();
    expect(redirectOf('<head><meta http-equiv="refresh" content="600;url=index.html"></head><body>新闻</body>')).toBeUndefined();
  });
  it('a meta refresh written by document.write', () => {
    const html = `<body><script language="javascript">document.write("<meta http-equiv='refresh' content='0;url=" + "zfxxgk/'>");</script></body>`;
    expect(redirectOf(html)).toMatchObject({ url: 'http://www.example.gov.cn/zwgk/zfxxgk/', via: 'script-meta-refresh' });
  });
  it.each([
    ['location.href = "./xxgk/index.html";', 'http://www.example.gov.cn/zwgk/xxgk/index.html'],
    ["window.location.href='/col/col1234/index.html'", 'http://www.example.gov.cn/col/col1234/index.html'],
    ['window.location = "list.html"', 'http://www.example.gov.cn/zwgk/list.html'],
    ["window.location.replace('http://www.example.gov.cn/zfxxgk/')", 'http://www.example.gov.cn/zfxxgk/'],
    ["top.location='../gkml/'", 'http://www.example.gov.cn/gkml/'],
    ["setTimeout(function(){ location.href='../gkml/'; }, 3000);", 'http://www.example.gov.cn/gkml/'],
    ["(function(){ self.location.replace('/gkml/') })();", 'http://www.example.gov.cn/gkml/'],
  ])('script redirect %s', (js, url) => {
    expect(redirectOf(`<html><body><script type="text/javascript">${js}</script></body></html>`)).toMatchObject({ url, via: 'script-location' });
  });
  it.each([
    ["if (/iPhone|Android/i.test(navigator.userAgent)) { location.href = '/m/'; }"],
    ["if (isMobile) location.href = '/m/';"],
    ["function go(){ location.href = 'search.html'; }"],
    ["var q = 1; location.href = 'index_' + q + '.html';"],
    ["location.href = base + '/list.html';"],
    ["window.open('http://www.example.gov.cn/x/')"],
    ["isMobile && (location.href = '/m/');"],
  ])('not a redirect: %s', (js) => {
    expect(redirectOf(`<body><p>正文</p><script>${js}</script></body>`)).toBeUndefined();
  });
  it('a meta refresh written only on some condition is not the page\'s redirect', () => {
    expect(redirectOf(`<body><p>正文</p><script>if (/Mobile/.test(navigator.userAgent)) { document.write("<meta http-equiv='refresh' content='0;url=/m/'>"); }</script></body>`)).toBeUndefined();
  });
  it('a pager onclick is a click, not a redirect', () => {
    expect(redirectOf(`<body><a href="#" onclick="location.href=encodeURI('index_2.jhtml');">下一页</a></body>`)).toBeUndefined();
  });
  it('a redirect to the page itself is not one', () => {
    expect(redirectOf('<body><script>location.href="index.html"</script></body>')).toBeUndefined();
  });
});

describe('script string chains', () => {
  it('joins literals across +, keeps escapes, marks chains with variables', () => {
    const chains = stringChains(`var a = "<li><a href=\\"/zwgk/\\">" + '政务' + "公开</a></li>"; b('x' + y + 'z');`);
    expect(chains.map((c) => [c.text, c.partial])).toEqual([['<li><a href="/zwgk/">政务公开</a></li>', false], ['xz', true]]);
  });
  it('markup strings only, comments skipped', () => {
    expect(markupStrings(`// document.write('<a href="/old/">旧</a>')\ndocument.write('<a href="/new/">新</a>'); alert('hi');`)).toEqual(['<a href="/new/">新</a>']);
  });
});
