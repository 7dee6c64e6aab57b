import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageFromHtml } from '../../crawler/page/from-html.ts';
import siteIdentity from '../../rules/checks/site-identity.ts';
import { extractFooterText, footerMarks } from '../../rules/extract/footer.ts';
import { RuleTester } from './rule-tester.ts';

/** Footer marks (issue 13 item 7), on fixtures written in the image of real footers, then on the saved portals. */

const URL = 'http://www.example.gov.cn/';
const page = (head: string, body: string) => pageFromHtml(`<html><head>${head}</head><body>${body}</body></html>`, URL);
const main = '<div class="main"><ul><li><a href="/a.html">县政府召开常务会议</a><span>2026-01-14</span></li></ul></div>';

describe('footer marks', () => {
  it('reads every footer-like block, not only the last one named footer', () => {
    const body = `${main}<div class="copyright">主办：某某县人民政府办公室　网站标识码：3412210001　皖ICP备05001234号</div>
      <div class="footer"><a href="/about/">关于我们</a> | <a href="/sitemap/">网站地图</a></div>`;
    expect(footerMarks(page('', body))).toMatchObject({ idCode: '3412210001', icp: true });
  });

  it('reads an unnamed block after the main content that reads like a footer', () => {
    const body = `${main}<div class="wrap"><table><tr><td>主办单位：某某县人民政府　联系电话：0558-1234567　皖公网安备 34122102000123号</td></tr></table></div>`;
    expect(footerMarks(page('', body))).toMatchObject({ police: true });
  });

  it('keeps a footer that comes after an included header fragment ending in </body></html>', () => {
    const html = `<html><body><div class="top">网站首页</div></body></html>${main}<div class="foot">网站标识码：4114240001 豫ICP备15021526号</div></body></html>`;
    expect(footerMarks(pageFromHtml(html, URL)).idCode).toBe('4114240001');
  });

  it('recognises the 党政机关 mark as an image link or a conac script', () => {
    const link = '<div class="footer">版权所有 <a href="http://bszs.conac.cn/sitename?method=show&amp;id=08A8"><img src="/images/red.png"></a></div>';
    const script = `<div class="footer">版权所有<script>document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E%3Cscript src='https://dcs.conac.cn/js/33/000/0000/60899022/CA330000000608990220002.js'%3E%3C/script%3E"));</script></div>`;
    expect(footerMarks(page('', `${main}${link}`)).conac).toBe(true);
    expect(footerMarks(page('', `${main}${script}`)).conac).toBe(true);
    expect(footerMarks(page('', `${main}<div class="footer">版权所有<!-- <a href="http://bszs.conac.cn/x"><img></a> --></div>`)).conac).toBe(false);
    expect(extractFooterText(page('', `${main}${link}`))).toContain('党政机关');
  });

  it('takes 网站标识码 from meta SiteIDCode when the footer does not show it', () => {
    const doc = page('<meta name="SiteIDCode" content="2202000006">', `${main}<div class="footer">版权所有：某某局</div>`);
    expect(footerMarks(doc).idCode).toBe('2202000006');
    expect(extractFooterText(doc)).toContain('网站标识码：2202000006');
  });
});

const tester = new RuleTester({ now: '2026-01-15' });
const marks = [
  { id: 'idcode', label: '网站标识码', pattern: '网站标识码|SiteIDCode=\\w+' },
  { id: 'party-mark', label: '党政机关网站标识', pattern: '党政机关' },
];
tester.run(siteIdentity, {
  valid: [{
    name: 'the conac badge and a meta-only 网站标识码 satisfy the marks', options: { marks },
    snapshot: { home: { url: URL, status: 'ok', items: [], footerText: extractFooterText(page('<meta name="SiteIDCode" content="2202000006">', '<div class="footer">版权所有<a href="http://bszs.conac.cn/x"><img src="r.png"></a></div>')) } },
  }],
  invalid: [],
});

const SITES = join(import.meta.dirname, '../../../shared/real-sites');
if (!existsSync(SITES)) console.warn(`skipped: saved portals not found (${SITES}); ../shared is absent`);

describe.skipIf(!existsSync(SITES))('footer marks of the saved portals (values as hand-labelled)', () => {
  it.each([
    ['zhecheng-gov', { idCode: '4114240001', icp: true, police: true, conac: true }], // 党政机关 mark as an image link
    ['jilin-forestry', { idCode: '2202000006', icp: true, police: true, conac: true }], // conac script
    ['chinapesticide', { icp: true, police: true, conac: true }],
  ])('%s', (folder, expected) => {
    const doc = pageFromHtml(readFileSync(join(SITES, folder, 'index.html'), 'utf8'), URL);
    expect(footerMarks(doc)).toEqual(expected);
  });
});
