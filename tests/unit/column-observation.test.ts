import { describe, expect, it } from 'vitest';
import { columnObservation, NO_LIST_REASON } from '../../crawler/crawl/column-observation.ts';
import type { ColumnCandidate } from '../../crawler/crawl/discover.ts';
import { pageFromHtml } from '../../crawler/page/from-html.ts';
import { extractListItems } from '../../rules/extract/list-items.ts';

const candidate: ColumnCandidate = { classId: 'leaders', name: '领导信息', url: 'http://www.example.gov.cn/ldxx/', matchedBy: 'name', matchReason: 'test', strength: 3 };

function observe(main: string) {
  const doc = pageFromHtml(`<html><body><div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a></div><div class="main">${main}</div></body></html>`, candidate.url);
  const list = extractListItems(doc, { notAfter: '2026-01-15' });
  return columnObservation(candidate, doc, list, list.items, 1);
}

describe('columnObservation: empty, unrecognised and document pages', () => {
  it('an empty list that says 暂无信息 is an empty column', () => {
    expect(observe('<ul class="list"></ul><div class="no-data">暂无信息</div>')).toMatchObject({ status: 'ok', itemCount: 0 });
  });

  it.each(['此栏目暂无任何新增信息', '暂无相关内容', '本栏目暂无', '暂无最新信息'])('「%s」 is an empty column too', (notice) => {
    expect(observe(`<ul>\n  ${notice}\n</ul>`)).toMatchObject({ status: 'ok', itemCount: 0 });
  });

  it('a page with no recognisable list and no "no items" notice cannot be judged empty', () => {
    const obs = observe('<div class="card"><img src="a.jpg"><p>王志远</p><p>县委副书记、县长</p></div>');
    expect(obs).toMatchObject({ status: 'needs-review', statusReason: NO_LIST_REASON, itemCount: 0 });
  });

  it('a column page that is itself a dated document counts as one item', () => {
    const obs = observe('<h1>某县人民政府信息公开指南</h1><div class="info">发布日期：2026-01-05</div><p>为了保障公民、法人和其他组织依法获取政府信息……</p>');
    expect(obs).toMatchObject({ status: 'ok', itemCount: 1, items: [{ date: '2026-01-05' }] });
  });
});
