/**
 * Extraction time against the number of links on one page (issue 14.4: it was quadratic in sibling links). Pages
 * of 1k, 10k and 100k `<li><a>title</a><span>date</span></li>` rows in one `<ul>`, the shape that made it
 * quadratic; each step timed as the median of three runs in this process. Growth is linear when ms per 1,000 links
 * stays flat as the count grows; link reading itself stops at MAX_LINKS_PER_PAGE, so its column flattens.
 */
import { pageFromHtml } from '../crawler/page/from-html.ts';
import { extractHomeItems } from '../rules/extract/home-items.ts';
import { extractListItems } from '../rules/extract/list-items.ts';
import { MAX_LINKS_PER_PAGE, readLinks } from '../rules/extract/nav-links.ts';

export function manyLinksPage(n: number): string {
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    rows.push(`<li><a href="/col/art_${i}.html">第${i}条信息的标题</a><span>2025-11-${day}</span></li>`);
  }
  return `<!doctype html><html><head><title>links</title></head><body><div class="nav"><a href="/">首页</a></div><ul class="list">${rows.join('')}</ul></body></html>`;
}

function median(runs: number[]): number {
  return [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
}

function time(f: () => void, repeat = 3): number {
  const runs: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    f();
    runs.push(performance.now() - t);
  }
  return median(runs);
}

export interface LinkScalingRow {
  links: number;
  parseMs: number;
  linksMs: number;
  linksRead: number;
  listMs: number;
  homeMs: number;
}

export function measureLinkScaling(counts: readonly number[] = [1000, 10000, 100000]): LinkScalingRow[] {
  // One unmeasured pass first, so the smallest page is not charged with compiling the extractors.
  const warm = pageFromHtml(manyLinksPage(500), 'http://www.example.gov.cn/');
  readLinks(warm);
  extractListItems(warm, { notAfter: '2026-01-15' });
  extractHomeItems(warm, { notAfter: '2026-01-15' });
  return counts.map((n) => {
    const html = manyLinksPage(n);
    const url = 'http://www.example.gov.cn/col/index.html';
    const doc = pageFromHtml(html, url);
    let linksRead = 0;
    return {
      links: n,
      parseMs: time(() => pageFromHtml(html, url)),
      linksMs: time(() => (linksRead = readLinks(doc).links.length)),
      linksRead,
      listMs: time(() => extractListItems(doc, { notAfter: '2026-01-15' })),
      homeMs: time(() => extractHomeItems(doc, { notAfter: '2026-01-15' })),
    };
  });
}

export function printLinkScaling(rows: LinkScalingRow[]): void {
  const f0 = (n: number) => n.toFixed(0);
  const per1k = (ms: number, n: number) => ((ms / n) * 1000).toFixed(1);
  console.log(`\n## Extraction time against links on one page (median of 3; link reading stops at ${MAX_LINKS_PER_PAGE})\n`);
  console.log('| links on page | parse ms | readLinks ms (links read) | list items ms (ms / 1k links) | home items ms (ms / 1k links) |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.links} | ${f0(r.parseMs)} | ${f0(r.linksMs)} (${r.linksRead}) | ${f0(r.listMs)} (${per1k(r.listMs, r.links)}) | ${f0(r.homeMs)} (${per1k(r.homeMs, r.links)}) |`);
  }
}
