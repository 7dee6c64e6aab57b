import { describe, expect, it } from 'vitest';
import { pageFromHtml } from '../../crawler/page/from-html.ts';
import { detailContent } from '../../rules/extract/detail-content.ts';
import { messageListBlocked, readMessageList } from '../../rules/text/message-list.ts';
import { pageText, pageTitle } from '../../rules/text/page-text.ts';

/** The text checks' walkers read any depth (no recursion) and nested tables as tables of their own. */

const URL = 'http://www.example.gov.cn/a.html';

describe('text-check walkers', () => {
  it('read a page nested 20,000 elements deep without overflowing the stack', () => {
    const depth = 20_000;
    const html = `<html><head><title>深层页面</title></head><body>${'<div>'.repeat(depth)}<ul><li><a href="/m/1.html">关于路灯的咨询</a> 2026-03-01 已回复 2026-03-03</li></ul>${'</div>'.repeat(depth)}</body></html>`;
    const doc = pageFromHtml(html, URL);
    expect(pageText(doc)).toContain('关于路灯的咨询');
    expect(pageTitle(doc)).toBe('深层页面');
    expect(readMessageList(doc)).toEqual([expect.objectContaining({ title: '关于路灯的咨询', askedDate: '2026-03-01', repliedDate: '2026-03-03', state: 'replied' })]);
    expect(messageListBlocked(doc)).toBeUndefined();
    expect(detailContent(doc).text).toContain('关于路灯的咨询');
  });

  it('a row holding rows (a layout table) is not a message; the rows inside it are', () => {
    const doc = pageFromHtml(`<table><tr><td><table><tr><td><a href="/m/2.html">咨询甲</a></td><td>2026-01-02</td></tr></table></td><td>2026-01-01</td></tr></table>`, URL);
    expect(readMessageList(doc).map((m) => m.title)).toEqual(['咨询甲']);
  });

  it('a statistics table inside a layout table is read as its own table', () => {
    const doc = pageFromHtml(`<body><table><tr><td>版式</td><td><table><tr><th>项目</th><th>数量</th></tr><tr><td>自然人</td><td>1</td></tr></table></td></tr></table></body>`, URL);
    const { tables } = detailContent(doc);
    expect(tables).toContainEqual([['项目', '数量'], ['自然人', '1']]);
  });
});
