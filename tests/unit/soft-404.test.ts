import { describe, expect, it } from 'vitest';
import { soft404Fingerprint } from '../../crawler/crawl/check-links.ts';

const page = (title: string, body: string) => `<html><head><title>${title}</title><script>var t = ${Date.now()};</script></head><body><div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/hdjl/">互动交流</a></div>${body}</body></html>`;

describe('soft404Fingerprint', () => {
  it('is the same for the not-found page whatever path and time it echoes', () => {
    const a = page('青山县人民政府', '<p>抱歉，您访问的页面 /govaudit-probe-x1y2z3.html 不存在</p><p>2026-11-23 10:01:02</p>');
    const b = page('青山县人民政府', '<p>抱歉，您访问的页面 /xxgk/ghjh/index.html 不存在</p><p>2026-11-23 10:01:07</p>');
    expect(soft404Fingerprint(b)).toBe(soft404Fingerprint(a));
  });

  it('tells a column page from the not-found page when the whole site shares one title and header', () => {
    const notFound = page('青山县人民政府', '<p>抱歉，您访问的页面不存在</p>');
    const column = page('青山县人民政府', '<ul><li><a href="/a.html">青山县召开2026年冬季安全生产工作会议</a><span>2026-11-20</span></li></ul>');
    expect(soft404Fingerprint(column)).not.toBe(soft404Fingerprint(notFound));
  });
});
