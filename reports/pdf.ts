import type { Browser } from 'playwright-core';
import type { RunRecord, StoredSite } from '../crawler/store/types.ts';
import { VERDICT_TEXT } from '../rules/model/finding.ts';
import type { Finding } from '../rules/model/finding.ts';
import { link, text } from './html/escape.ts';
import { parentName, rankSites } from './html/multi-site.ts';
import { belowPassMark, liveFindings, livePacks, siteScore, triggeredVetoes } from './model.ts';
import { reviewOf, type ReviewedSite } from './review.ts';
import { imageSrc, shotsOf } from './screenshots.ts';
import { beijingTime, reviewLine, severityOf } from './vocabulary.ts';

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
.ev { font-size: 10pt; }
.rv { font-size: 10pt; color: #000; background: #f3f3f3; }
.tt { text-indent: 0; font-weight: bold; margin-top: 8pt; }
figure { margin: 6pt 0; break-inside: avoid; }
figure img { max-width: 100%; max-height: 90mm; border: 1px solid #999; }
figcaption { font-size: 9pt; color: #333; }
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

/** Points the pack marks as estimates (分值待核实): said next to the score, not only in a footnote. */
function unverified(site: StoredSite): boolean {
  return livePacks(site.result).some((p) => p.score?.deductions.some((d) => /分值待核实/.test(d.title.zh)));
}

function scoreText(site: StoredSite): string {
  const s = siteScore(site.result);
  if (!s) return '—';
  return `${s.total}${unverified(site) ? '<br><span class="note">（分值待核实）</span>' : ''}`;
}

/** The whole score sheet of each scoring pack: every item, findings, points before and after the cap. */
function scoreSheet(site: StoredSite): string {
  return livePacks(site.result).filter((p) => p.score).map((p) => {
    const sc = p.score!;
    const rows = sc.deductions.map((d, i) => `<tr><td class="c">${i + 1}</td><td>${text(d.title.zh)}</td><td class="c">${d.findings}</td><td class="c">${d.uncapped}</td><td class="c">${d.cap}</td><td class="c">${d.points ? `−${d.points}` : '0'}</td></tr>`).join('');
    const sum = sc.deductions.reduce((n, d) => n + d.points, 0);
    return `<p class="tt">${text(p.packTitle.zh)} 计分表</p><table><thead><tr><th class="c">序号</th><th>扣分项目</th><th class="c">问题数</th><th class="c">应扣</th><th class="c">封顶</th><th class="c">实扣</th></tr></thead><tbody>${rows}</tbody>
<tfoot><tr><th colspan="3">满分${sc.max}分，及格线${sc.passMark}分</th><th colspan="2" class="c">合计扣分</th><th class="c">−${sum}</th></tr><tr><th colspan="5">得分${unverified(site) ? '（分值待核实）' : ''}</th><th class="c">${sc.total}</th></tr></tfoot></table>`;
  }).join('');
}

function evidenceText(f: Finding): string {
  const e = f.evidence.find((x) => x.title || x.date);
  if (!e) return '';
  return `<br><span class="ev">证据：${e.title ? `「${text(e.title)}」` : ''}${e.date ? ` ${text(e.date)}` : ''}</span>`;
}

function shotsHtml(site: StoredSite, f: Finding[]): string {
  const out: string[] = [];
  const seen = new Set<string>();
  const shots = shotsOf(site);
  for (const x of f) {
    const url = x.column?.url ?? x.evidence.find((e) => e.url)?.url;
    const shot = url ? shots[url] : undefined;
    if (shot && imageSrc(shot.image) && !seen.has(url!)) {
      seen.add(url!);
      out.push(`<figure><img src="${imageSrc(shot.image)}" alt=""><figcaption>${text(x.column?.name ?? '')} ${text(shot.url)} 截图时间 ${text(beijingTime(shot.at, 'zh'))}${shot.cropped ? '（列表区域）' : ''}</figcaption></figure>`);
    }
    for (const r of reviewOf(x)?.screenshots ?? []) {
      if (seen.has(r.image) || !imageSrc(r.image)) continue;
      seen.add(r.image);
      out.push(`<figure><img src="${imageSrc(r.image)}" alt=""><figcaption>测评人员截图 ${text(r.url)} ${text(beijingTime(r.at, 'zh'))}</figcaption></figure>`);
    }
  }
  return out.join('');
}

/**
 * One site's problems: one line per column (a column failing two rules is listed once, with both), then the
 * site-wide ones; each with the evidence title and date, the basis, and the evaluator's decision if reviewed.
 */
function problemList(site: StoredSite, fails: Finding[]): string {
  const byColumn = new Map<string, Finding[]>();
  for (const f of fails) {
    const key = f.column?.url ?? `${f.packId}|${f.ruleId}|${f.evidence.find((e) => e.url)?.url ?? ''}`;
    byColumn.set(key, [...(byColumn.get(key) ?? []), f]);
  }
  return `<ol>${[...byColumn.values()].map((group) => {
    const f = group[0]!;
    const url = f.column?.url ?? f.evidence.find((e) => e.url)?.url;
    const rules = group.map((g) => `${text(g.ruleTitle.zh)}（${text(severityOf(g, livePacks(site.result).find((p) => p.packId === g.packId)).text.zh)}）`);
    const uniqueRules = [...new Set(rules)];
    const reviews = group.map((g) => reviewOf(g) && `<br><span class="rv">${text(reviewLine(reviewOf(g)!, g.outcome, 'zh'))}</span>`).filter(Boolean).join('');
    const sources = [...new Set(group.map((g) => `${g.source.doc}${g.source.item ? ` ${g.source.item}` : ''}`))].map(text).join('；');
    return `<li>${text(f.message.zh)}${group.length > 1 ? `<br><span class="note">涉及：${uniqueRules.join('、')}</span>` : `<span class="note">（${uniqueRules[0]}）</span>`}${evidenceText(f)}${url ? `<br>${link(url)}` : ''}${reviews}<span class="note">（依据：${sources}）</span></li>`;
  }).join('')}</ol>`;
}

export interface NoticeOptions {
  /** 落款: the issuing unit printed at the end; default 「政府网站检查组」. */
  unit?: string;
  /** Date printed under the unit (YYYY-MM-DD); default the audit date. */
  date?: string;
}

/** The notice as a self-contained HTML page (no script, no network). */
export function renderNoticeHtml(run: RunRecord, sites: StoredSite[], issuer: NoticeOptions = {}): string {
  // A notice leads with the worst: reversed ranking.
  const ranked = rankSites(sites).reverse();
  const n = sites.length;
  const c = (v: string) => sites.filter((s) => s.result.verdict === v).length;
  const rate = n ? ((c('pass') / n) * 100).toFixed(1) : '0.0';
  const failing = ranked.filter((r) => r.site.result.verdict !== 'pass');
  const withProblems = ranked.filter((r) => liveFindings(r.site).some((f) => f.outcome === 'fail'));
  const reviewRows = ranked
    .map((r) => ({ r, items: liveFindings(r.site).filter((f) => f.outcome === 'needs-review' || f.outcome === 'error') }))
    .filter((x) => x.items.length > 0);
  const reviewItems = reviewRows.reduce((k, x) => k + x.items.length, 0);
  const reviewed = sites.filter((s) => (s as ReviewedSite).review);
  let sec = 0;
  const h2 = (title: string) => `<h2>${CN_NUM[sec++]}、${title}</h2>`;

  // The overview counts what the lists below hold: sites by verdict, and review items (not sites) as items.
  const overview = `${h2('总体情况')}<p>${cnDate(run.auditDate)}，对${n}个政府网站开展检查（批次 ${text(run.id)}）。其中合格${c('pass')}个，不合格${c('fail')}个，结论待复核${c('needs-review')}个，合格率${rate}%。${reviewItems ? `另有${reviewRows.length}个网站共${reviewItems}项事项需人工复核（见第四部分）。` : ''}${reviewed.length ? `${reviewed.length}个网站的结果已经测评人员复核。` : ''}</p>`;

  const failTable = failing.length
    ? `<table><thead><tr><th class="c">序号</th><th>网站名称</th><th>上级单位</th><th class="c">结论</th><th class="c">得分</th><th>主要原因</th></tr></thead><tbody>${failing.map((r, i) => {
      const info = r.site.snapshot.site;
      return `<tr><td class="c">${i + 1}</td><td>${text(info.name)}<br>${link(info.homeUrl)}</td><td>${text(parentName(r.site, sites) ?? '')}</td><td class="c">${VERDICT_TEXT[r.site.result.verdict].zh}</td><td class="c">${scoreText(r.site)}</td><td>${reasonsOf(r.site)}</td></tr>`;
    }).join('')}</tbody></table>`
    : '<p>本次检查未发现不合格网站。</p>';

  const problems = withProblems.length
    ? withProblems.map((r, i) => {
      const fails = liveFindings(r.site).filter((f) => f.outcome === 'fail');
      const review = (r.site as ReviewedSite).review;
      const signed = review?.signOff ? `<p class="note">复核：${text(review.signOff.reviewer)}，${text(beijingTime(review.signOff.at, 'zh'))}签署${review.signOff.note ? `（${text(review.signOff.note)}）` : ''}；确认${review.confirmed}项，改判${review.overridden}项。</p>` : review ? `<p class="note">复核：${text(review.reviewer ?? '测评人员')}；确认${review.confirmed}项，改判${review.overridden}项（未签署）。</p>` : '';
      return `<h3>（${CN_NUM[i] ?? i + 1}）${text(r.site.snapshot.site.name)}　<span class="note">得分 ${scoreText(r.site).replace('<br>', '')}</span></h3>${signed}${problemList(r.site, fails)}${shotsHtml(r.site, fails)}${scoreSheet(r.site)}`;
    }).join('')
    : '<p>未发现问题。</p>';

  const review = reviewRows.length
    ? `<p>以下${reviewRows.length}个网站共${reviewItems}项事项无法由程序判定，需人工复核后确定：</p><table><thead><tr><th>网站名称</th><th>待复核事项</th><th class="c">项数</th></tr></thead><tbody>${reviewRows.map(({ r, items }) => `<tr><td>${text(r.site.snapshot.site.name)}</td><td>${[...new Set(items.map((f) => f.ruleTitle.zh))].map(text).join('、')}</td><td class="c">${items.length}</td></tr>`).join('')}</tbody></table>`
    : '<p>无待复核事项。</p>';

  // Every decision an evaluator made, overrides first: who, when, the engine's word and theirs, the note.
  const decisions = ranked.flatMap((r) => liveFindings(r.site).filter((f) => reviewOf(f)).map((f) => ({ site: r.site, f, rv: reviewOf(f)! })))
    .sort((a, b) => Number(b.rv.decision === 'override') - Number(a.rv.decision === 'override'));
  const reviewSection = () => decisions.length
    ? `${h2('测评人员复核情况')}<table><thead><tr><th>网站名称</th><th>事项</th><th>复核结论</th></tr></thead><tbody>${decisions.map(({ site, f, rv }) => `<tr><td>${text(site.snapshot.site.name)}</td><td>${text(f.ruleTitle.zh)}${f.column?.name ? `<br><span class="note">${text(f.column.name)}</span>` : ''}</td><td>${text(reviewLine(rv, f.outcome, 'zh'))}${(rv.screenshots ?? []).map((x) => imageSrc(x.image) ? `<figure><img src="${imageSrc(x.image)}" alt=""><figcaption>测评人员截图 ${text(beijingTime(x.at, 'zh'))}</figcaption></figure>` : '').join('')}</td></tr>`).join('')}</tbody></table>`
    : '';

  const scores = sites.map((s) => siteScore(s.result)?.total).filter((x): x is number => x !== undefined);
  const unit = issuer.unit?.trim() || '政府网站检查组';
  const signDate = issuer.date && /^\d{4}-\d{2}-\d{2}$/.test(issuer.date) ? issuer.date : run.auditDate;
  const body = `<h1>关于政府网站检查情况的通报</h1>
<div class="docno">检查日期：${cnDate(run.auditDate)}　批次：${text(run.id)}</div>
${overview}
${h2('不合格及待复核网站')}${failTable}
${h2('存在的主要问题及计分')}${problems}
${h2('需人工复核事项')}${review}
${reviewSection()}
${h2('有关要求')}<p>请各有关单位对照问题清单逐项整改，落实网站内容保障责任，确保栏目按期更新、链接可用。整改情况请按要求报送。</p>
${scores.length ? `<p class="note">注：得分按规则包计分办法计算${scores.length < n ? '（部分网站不计分）' : ''}；标注“分值待核实”的扣分项以最终核定为准。逐项证据见同批次 HTML、XLSX 报告。</p>` : ''}
<div class="sign">${text(unit)}<br>${cnDate(signDate)}</div>`;

  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>关于政府网站检查情况的通报 ${text(run.auditDate)}</title><style>${CSS}</style></head><body>${body}</body></html>`;
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The headless Chromium report writers draw with (PDF, screenshots), unless a running one is handed in. */
export async function launchReportBrowser(executablePath?: string): Promise<Browser> {
  return (await import('playwright-core')).chromium.launch({ executablePath: executablePath ?? process.env.CHROME_BIN ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

export interface PdfOptions {
  /** Chromium binary; default $CHROME_BIN, then /usr/bin/chromium. */
  executablePath?: string;
  /** A browser already running (tests, batch jobs): used and left open. */
  browser?: Browser;
  /** 落款 and date of the notice. */
  issuer?: NoticeOptions;
}

/** The notice as PDF bytes (A4, page numbers in the footer). */
export async function toPdf(run: RunRecord, sites: StoredSite[], opts: PdfOptions = {}): Promise<Buffer> {
  const browser = opts.browser ?? (await launchReportBrowser(opts.executablePath));
  const page = await browser.newPage();
  try {
    await page.setContent(renderNoticeHtml(run, sites, opts.issuer), { waitUntil: 'load' });
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
