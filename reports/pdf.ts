import type { Browser } from 'playwright-core';
import type { RunRecord, StoredSite } from '../crawler/store/types.ts';
import { VERDICT_TEXT } from '../rules/model/finding.ts';
import { link, text } from './html/escape.ts';
import { parentName, rankSites } from './html/multi-site.ts';
import { belowPassMark, liveFindings, siteScore, triggeredVetoes } from './model.ts';

/**
 * A printable notice (通报) of one run, Chinese only as such notices are, rendered to PDF by headless Chromium.
 * The HTML is built here (pure); only {@link toPdf} touches a browser.
 */

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const CSS = `
@page { size: A4; margin: 22mm 20mm 20mm 20mm; }
* { box-sizing: border-box; }
body { margin: 0; color: #000; font-size: 12pt; line-height: 1.75;
  font-family: "FangSong", "STFangsong", "FangSong_GB2312", "Songti SC", "SimSun", "WenQuanYi Micro Hei", "Noto Serif CJK SC", serif; }
h1 { font-family: "SimHei", "STHeiti", "WenQuanYi Micro Hei", sans-serif; font-size: 20pt; text-align: center; margin: 0 0 6pt; font-weight: bold; letter-spacing: .05em; line-height: 1.4; }
.docno { text-align: center; font-size: 11pt; margin-bottom: 14pt; padding-bottom: 8pt; border-bottom: 2px solid #c00; }
h2 { font-family: "SimHei", "STHeiti", "WenQuanYi Micro Hei", sans-serif; font-size: 14pt; margin: 16pt 0 6pt; }
h3 { font-family: "KaiTi", "STKaiti", "WenQuanYi Micro Hei", serif; font-size: 12.5pt; margin: 10pt 0 4pt; }
p { text-indent: 2em; margin: 4pt 0; }
table { border-collapse: collapse; width: 100%; font-size: 10.5pt; margin: 6pt 0; }
th, td { border: 1px solid #000; padding: 3pt 5pt; vertical-align: top; }
th { background: #eee; }
td.c, th.c { text-align: center; white-space: nowrap; }
ol { margin: 2pt 0 6pt; padding-left: 2.4em; }
li { margin: 2pt 0; font-size: 11pt; }
.url { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; word-break: break-all; color: #333; text-decoration: none; }
.sign { text-align: right; margin-top: 28pt; }
.note { font-size: 10pt; color: #333; }
tr, li { break-inside: avoid; }
`;

function reasonsOf(site: StoredSite): string {
  const parts = triggeredVetoes(site.result).map((v) => `${text(v.title.zh)}（${v.count}项，达到${v.atLeast}项即否决）`);
  for (const p of belowPassMark(site.result)) parts.push(`得分${p.score!.total}分，低于${p.score!.passMark}分及格线`);
  if (site.result.verdict === 'needs-review' && !parts.length) parts.push('部分否决项待人工复核');
  if (site.result.verdict === 'not-checked') parts.push('评估日期无适用规则，未检查');
  return parts.join('；') || '—';
}

function cnDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The notice as a self-contained HTML page (no script, no network). */
export function renderNoticeHtml(run: RunRecord, sites: StoredSite[]): string {
  // A notice leads with the worst: reversed ranking.
  const ranked = rankSites(sites).reverse();
  const n = sites.length;
  const c = (v: string) => sites.filter((s) => s.result.verdict === v).length;
  const rate = n ? ((c('pass') / n) * 100).toFixed(1) : '0.0';
  const failing = ranked.filter((r) => r.site.result.verdict !== 'pass');
  const withProblems = ranked.filter((r) => liveFindings(r.site).some((f) => f.outcome === 'fail'));
  let sec = 0;
  const h2 = (title: string) => `<h2>${CN_NUM[sec++]}、${title}</h2>`;

  const overview = `${h2('总体情况')}<p>${cnDate(run.auditDate)}，对${n}个政府网站开展检查（批次 ${text(run.id)}）。其中合格${c('pass')}个，不合格${c('fail')}个，待复核${c('needs-review')}个，合格率${rate}%。</p>`;

  const failTable = failing.length
    ? `<table><thead><tr><th class="c">序号</th><th>网站名称</th><th>上级单位</th><th class="c">结论</th><th class="c">得分</th><th>主要原因</th></tr></thead><tbody>${failing.map((r, i) => {
      const info = r.site.snapshot.site;
      return `<tr><td class="c">${i + 1}</td><td>${text(info.name)}<br>${link(info.homeUrl)}</td><td>${text(parentName(r.site, sites) ?? '')}</td><td class="c">${VERDICT_TEXT[r.site.result.verdict].zh}</td><td class="c">${r.score ?? '—'}</td><td>${reasonsOf(r.site)}</td></tr>`;
    }).join('')}</tbody></table>`
    : '<p>本次检查未发现不合格网站。</p>';

  const problems = withProblems.length
    ? withProblems.map((r, i) => {
      const fails = liveFindings(r.site).filter((f) => f.outcome === 'fail');
      return `<h3>（${CN_NUM[i] ?? i + 1}）${text(r.site.snapshot.site.name)}</h3><ol>${fails.map((f) => {
        const url = f.evidence.find((e) => e.url)?.url ?? f.column?.url;
        return `<li>${text(f.message.zh)}${url ? `<br>${link(url)}` : ''}<span class="note">（依据：${text(f.source.doc)}${f.source.item ? ` ${text(f.source.item)}` : ''}）</span></li>`;
      }).join('')}</ol>`;
    }).join('')
    : '<p>未发现问题。</p>';

  const reviewRows = ranked
    .map((r) => ({ r, k: liveFindings(r.site).filter((f) => f.outcome === 'needs-review' || f.outcome === 'error').length }))
    .filter((x) => x.k > 0);
  const review = reviewRows.length
    ? `<p>以下网站有部分事项无法由程序判定，需人工复核后确定结论：</p><table><thead><tr><th>网站名称</th><th class="c">待复核事项</th></tr></thead><tbody>${reviewRows.map(({ r, k }) => `<tr><td>${text(r.site.snapshot.site.name)}</td><td class="c">${k}项</td></tr>`).join('')}</tbody></table>`
    : '<p>无待复核事项。</p>';

  const scores = sites.map((s) => siteScore(s.result)?.total).filter((x): x is number => x !== undefined);
  const body = `<h1>关于政府网站检查情况的通报</h1>
<div class="docno">检查日期：${cnDate(run.auditDate)}　批次：${text(run.id)}</div>
${overview}
${h2('不合格及待复核网站')}${failTable}
${h2('存在的主要问题')}${problems}
${h2('需人工复核事项')}${review}
${h2('有关要求')}<p>请各有关单位对照问题清单逐项整改，落实网站内容保障责任，确保栏目按期更新、链接可用。整改情况请按要求报送。</p>
${scores.length ? `<p class="note">注：得分按规则包计分办法计算${scores.length < n ? '（部分网站不计分）' : ''}；扣分分值待核实的项目以最终核定为准。逐项证据见同批次 HTML、XLSX 报告。</p>` : ''}
<div class="sign">${cnDate(run.auditDate)}</div>`;

  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>关于政府网站检查情况的通报 ${text(run.auditDate)}</title><style>${CSS}</style></head><body>${body}</body></html>`;
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface PdfOptions {
  /** Chromium binary; default $CHROME_BIN, then /usr/bin/chromium. */
  executablePath?: string;
  /** A browser already running (tests, batch jobs): used and left open. */
  browser?: Browser;
}

/** The notice as PDF bytes (A4, page numbers in the footer). */
export async function toPdf(run: RunRecord, sites: StoredSite[], opts: PdfOptions = {}): Promise<Buffer> {
  const browser = opts.browser ?? (await (await import('playwright-core')).chromium.launch({
    executablePath: opts.executablePath ?? process.env.CHROME_BIN ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
  }));
  const page = await browser.newPage();
  try {
    await page.setContent(renderNoticeHtml(run, sites), { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="width:100%;text-align:center;font-size:9px;color:#555">— <span class="pageNumber"></span> / <span class="totalPages"></span> —</div>',
    });
    return Buffer.from(pdf);
  } finally {
    await page.close();
    if (!opts.browser) await browser.close();
  }
}
