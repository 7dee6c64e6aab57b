import { outsideValidityText, VERDICT_TEXT, type Evidence, type Finding, type PackResult, type Verdict } from '../../rules/model/finding.ts';
import type { SiteKind } from '../../rules/model/snapshot.ts';
import type { RunRecord, StoredSite } from '../../crawler/store/types.ts';
import type { ChangeSet, ColumnChange, LinkChange, ProblemRef } from '../changes.ts';
import {
  ageDays, belowPassMark, deadLinks, emptyColumns, freshnessRows, groupByColumn, liveFindings, livePacks, OUTCOME_RANK, OUTCOME_TEXT,
  SEVERITY_TEXT, siteScore, staleColumns, triggeredVetoes, undecidedVetoes, type FindingGroup,
} from '../model.ts';
import { freshnessTimeline, scoreTrend, type TrendPoint } from './charts.ts';
import { hasInvisible, link, text } from './escape.ts';
import { reviewOf, type ReviewedSite } from '../review.ts';
import { imageSrc, shotsOf } from '../screenshots.ts';
import { beijingTime, findingHeadline, inLang, messageIn, reviewLine, severityOf } from '../vocabulary.ts';
import { lt, renderPage, t, tHtml } from './page.ts';

export interface ScorecardInput {
  run: RunRecord;
  site: StoredSite;
  /** Earlier runs of this site (the current run may be included; it is added if missing). */
  history: { runId: string; date: string; score?: number; verdict: Verdict }[];
  /** Changes since the previous run with this site; omitted on the first run. */
  changes?: ChangeSet;
  /** Display name of the parent organisation, when `snapshot.site.parent` is another site's id. */
  parentName?: string;
  /** Initial language; Chinese is the only default, English is one click away. */
  lang?: 'zh';
}

export const KIND_TEXT: Record<SiteKind, { zh: string; en: string }> = {
  province: { zh: '省级政府网站', en: 'Provincial government' },
  city: { zh: '市级政府网站', en: 'City government' },
  county: { zh: '县级政府网站', en: 'County government' },
  department: { zh: '部门网站', en: 'Department' },
  township: { zh: '乡镇政府网站', en: 'Township' },
};

const CSS = `
.hero { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 20px; align-items: start; }
.hero .meta { color: var(--muted); font-size: .9rem; }
.hero .meta .mi + .mi::before { content: " · "; }
.verdict { border-radius: 10px; padding: 14px 22px; text-align: center; min-width: 200px; }
.verdict .v { font-size: 2.6rem; font-weight: 800; line-height: 1.15; letter-spacing: .06em; }
.verdict .s { font-size: 1.05rem; margin-top: 4px; font-variant-numeric: tabular-nums; }
.verdict .s b { font-size: 1.6rem; }
.v-pass { background: var(--pass-bg); color: var(--pass); border: 2px solid var(--pass); }
.v-fail { background: var(--fail-bg); color: var(--fail); border: 2px solid var(--fail); }
.v-needs-review { background: var(--review-bg); color: var(--review); border: 2px solid var(--review); }
.v-not-checked { background: #eaeef2; color: var(--muted); border: 2px solid #8c959f; }
.reasons { margin: 12px 0 0; padding: 10px 14px; border-left: 4px solid var(--fail); background: #fff5f4; border-radius: 0 6px 6px 0; }
.reasons.review { border-left-color: var(--review); background: #fffbe6; }
.reasons li { margin: 2px 0; }
.chart { width: 100%; height: auto; display: block; }
.legend { display: flex; flex-wrap: wrap; gap: 16px; font-size: .82rem; color: var(--muted); margin-top: 6px; }
.legend i { display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 5px; vertical-align: -1px; }
.legend i.band { border-radius: 2px; background: #dafbe1; border: 1px solid #aceebb; width: 20px; }
.two { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 12px 24px; }
.chg h3 { font-size: .95rem; margin: 8px 0 4px; }
.chg li { margin: 3px 0; }
.col { border: 1px solid var(--line); border-radius: 8px; margin: 12px 0; overflow: hidden; }
.col > header { background: var(--bg); padding: 8px 14px; display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline; }
.col > header .cm { color: var(--muted); font-size: .84rem; }
.col > .body { padding: 4px 14px 10px; }
.finding { border-top: 1px solid var(--line); padding: 10px 0 6px; }
.finding:first-child { border-top: 0; }
.finding .fh { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.finding .msg { margin: 4px 0; }
.finding .rid { color: #57606a; font-size: .85rem; }
ul.ev { margin: 4px 0; padding-left: 18px; font-size: .9rem; }
ul.ev li { margin: 3px 0; }
.ev .date { font-variant-numeric: tabular-nums; }
.ev .age { color: var(--fail); font-size: .84rem; }
.ev .note { color: var(--muted); font-size: .82rem; }
.hidden-chars { color: var(--review); font-size: .78rem; border: 1px dashed var(--review); border-radius: 4px; padding: 0 4px; margin-left: 4px; }
.src { font-size: .9rem; color: #424a53; margin-top: 4px; }
.review { margin: 4px 0; padding: 4px 10px; border-left: 4px solid #0969da; background: #ddf4ff; font-size: .92rem; }
.review.r-override { border-left-color: #8250df; background: #fbefff; }
.reasons.review-sum { border-left-color: #0969da; background: #ddf4ff; }
figure.shot { margin: 8px 0; }
figure.shot img { max-width: 100%; max-height: 520px; border: 1px solid var(--line); border-radius: 4px; }
figure.shot figcaption { font-size: .85rem; color: #424a53; }
.unverified { font-size: .85rem; color: var(--review); font-weight: 600; }
.src blockquote { margin: 3px 0 0; padding: 3px 10px; border-left: 3px solid var(--line); color: #424a53; }
details.passed { margin-top: 6px; }
details.passed > summary { cursor: pointer; color: var(--muted); font-size: .88rem; padding: 4px 0; }
table.ded td.over { color: var(--muted); text-decoration: line-through; }
ol.todo li, ul.todo li { margin: 6px 0; }
`;

const VERDICT_REASON_NONE = t('未触发否决项，得分不低于及格线。', 'No veto triggered and the score is at or above the pass mark.');

function badgeOutcome(f: Finding): string {
  return `<span class="badge b-${f.outcome}">${lt(OUTCOME_TEXT[f.outcome])}</span>`;
}

function evidenceItem(e: Evidence, auditDate: string): string {
  const parts: string[] = [];
  if (e.title) parts.push(`<span class="ev-title">${text(e.title)}</span>${hasInvisible(e.title) ? `<span class="hidden-chars">${t('已去除隐藏字符', 'hidden characters removed')}</span>` : ''}`);
  if (e.date) {
    const age = ageDays(e.date, auditDate);
    parts.push(`<span class="date">${text(e.date)}</span>${age !== undefined && age >= 0 ? ` <span class="age">${t(`${age} 天前`, `${age} days ago`)}</span>` : ''}`);
  }
  const line1 = parts.join(' ');
  // A CSS path is for tools (the extension locates the item with it), not evidence a reader can check.
  const line2 = [e.url ? link(e.url) : '', e.note ? `<span class="note">${t(inLang(e.note, 'zh'), inLang(e.note, 'en'))}</span>` : '']
    .filter(Boolean).join(' ');
  return `<li>${line1}${line1 && line2 ? '<br>' : ''}${line2}</li>`;
}

function sourceBlock(f: Finding): string {
  const s = f.source;
  const quote = s.quote ? `<blockquote>${text(s.quote)}${s.quoteSimplified && s.quoteSimplified !== s.quote ? `<br><span class="muted">${text(s.quoteSimplified)}</span>` : ''}</blockquote>` : '';
  return `<div class="src">${t('依据：', 'Source: ')}${text(s.doc)}${s.item ? ` · ${text(s.item)}` : ''}${quote}</div>`;
}

function reviewBlock(f: Finding): string {
  const r = reviewOf(f);
  if (!r) return '';
  const shots = (r.screenshots ?? []).map((s) => imageSrc(s.image) ? `<figure class="shot"><img src="${imageSrc(s.image)}" alt=""><figcaption>${t('测评人员截图', 'Reviewer screenshot')} ${link(s.url)} ${t(beijingTime(s.at, 'zh'), beijingTime(s.at, 'en'))}</figcaption></figure>` : '').join('');
  return `<div class="review r-${r.decision}">${t(text(reviewLine(r, f.outcome, 'zh')), text(reviewLine(r, f.outcome, 'en')))}${shots}</div>`;
}

function findingBlock(f: Finding, auditDate: string, pack: PackResult | undefined): string {
  const due = f.dueDate ? ` <span class="badge b-warn">${t(`到期 ${f.dueDate}`, `due ${f.dueDate}`)}</span>` : '';
  const ev = f.evidence.length ? `<ul class="ev">${f.evidence.map((e) => evidenceItem(e, auditDate)).join('')}</ul>` : '';
  const sev = severityOf(f, pack);
  const msg = { zh: messageIn(f, 'zh'), en: messageIn(f, 'en') };
  return `<article class="finding o-${f.outcome}">
<div class="fh">${badgeOutcome(f)}<span class="badge b-${sev.severity === 'veto' ? 'veto' : 'info'}">${lt(sev.text)}</span><strong>${lt(findingHeadline(f))}</strong>${due}<span class="rid">${text(f.packId)} / ${text(f.ruleId)}</span></div>
<p class="msg">${lt(msg)}</p>${reviewBlock(f)}${ev}${sourceBlock(f)}</article>`;
}

function groupBlock(g: FindingGroup, auditDate: string, site: StoredSite): string {
  const packOf = (f: Finding) => site.result.packs.find((p) => p.packId === f.packId);
  const open = g.findings.filter((f) => OUTCOME_RANK[f.outcome] < OUTCOME_RANK.pass);
  const rest = g.findings.filter((f) => OUTCOME_RANK[f.outcome] >= OUTCOME_RANK.pass);
  const c = g.column;
  const head = g.key === ''
    ? `<h3>${t('全站及未定位栏目', 'Site-wide and unlocated columns')}</h3>`
    : `<h3>${text(g.name)}</h3>${g.classId ? `<code>${text(g.classId)}</code>` : ''}${link(g.url)}${c ? `<span class="cm">${t(`${c.itemCount} 条 · 读取 ${c.pagesRead} 页`, `${c.itemCount} items · ${c.pagesRead} pages read`)} · ${text(c.matchReason)}${c.status !== 'ok' ? ` · ${t(text(inLang(c.statusReason ?? c.status, 'zh')), text(inLang(c.statusReason ?? c.status, 'en')))}` : ''}</span>` : ''}`;
  const shot = g.url ? shotsOf(site)[g.url] : undefined;
  const picture = shot && imageSrc(shot.image) && open.some((f) => f.outcome === 'fail')
    ? `<figure class="shot"><img src="${imageSrc(shot.image)}" alt=""><figcaption>${t(`页面截图 ${beijingTime(shot.at, 'zh')}${shot.cropped ? '（列表区域）' : ''}`, `Screenshot ${beijingTime(shot.at, 'en')}${shot.cropped ? ' (the list)' : ''}`)}</figcaption></figure>`
    : '';
  const restBlock = rest.length
    ? `<details class="passed"><summary>${t(`符合及不适用 ${rest.length} 项`, `${rest.length} passed or not applicable`)}</summary>${rest.map((f) => findingBlock(f, auditDate, packOf(f))).join('')}</details>`
    : '';
  return `<section class="col"><header>${head}</header><div class="body">${picture}${open.map((f) => findingBlock(f, auditDate, packOf(f))).join('')}${restBlock}</div></section>`;
}

function verdictBox(verdict: Verdict, score: ReturnType<typeof siteScore>, unverified = false): string {
  const v = VERDICT_TEXT[verdict];
  const s = score ? `<div class="s">${t('得分', 'Score')} <b>${score.total}</b> / ${score.max}${unverified ? `<br><span class="unverified">${t('分值待核实', 'points unverified')}</span>` : ''}<br><span class="small">${t(`及格线 ${score.passMark}`, `pass mark ${score.passMark}`)}</span></div>` : '';
  return `<div class="verdict v-${verdict}"><div class="v">${lt(v)}</div>${s}</div>`;
}

function reasons(site: StoredSite): string {
  const result = site.result;
  const vetoes = triggeredVetoes(result);
  const low = belowPassMark(result);
  const undecided = undecidedVetoes(result);
  const items: string[] = [];
  for (const v of vetoes) {
    items.push(`<li><span class="badge b-veto">${t('否决', 'Veto')}</span> <strong>${lt(v.title)}</strong>${t('：', ': ')}${t(`${v.count} 项（达到 ${v.atLeast} 项即否决）`, `${v.count} (vetoes at ${v.atLeast})`)} <span class="muted small">${text(v.source.doc)}${v.source.item ? ` · ${text(v.source.item)}` : ''}</span></li>`);
  }
  for (const p of low) items.push(`<li>${t(`得分 ${p.score!.total} 低于及格线 ${p.score!.passMark}`, `Score ${p.score!.total} is below the pass mark ${p.score!.passMark}`)}（${lt(p.packTitle)}）</li>`);
  const review = undecided.map((v) => `<li><strong>${lt(v.title)}</strong>${t('：', ': ')}${t(`已确认 ${v.count} 项，加上待复核项可能达到 ${v.atLeast} 项`, `${v.count} confirmed; with the findings under review it could reach ${v.atLeast}`)}</li>`);
  let html = '';
  if (items.length) html += `<div class="reasons"><strong>${t('不合格原因', 'Why it fails')}</strong><ul class="plain">${items.join('')}</ul></div>`;
  if (review.length) html += `<div class="reasons review"><strong>${t('待复核：以下否决项尚未确定', 'Needs review: these vetoes are undecided')}</strong><ul class="plain">${review.join('')}</ul></div>`;
  if (result.verdict === 'not-checked') html += `<p class="muted">${t('未检查：评估日期没有适用于该站点的规则（规则包未生效或不适用于此类站点），不给出合格结论', 'Not checked: no rule applied to this site on the audit date (packs not in force or not for this kind of site), so there is no pass')}</p>`;
  if (!html && result.verdict === 'pass') html = `<p class="muted">${VERDICT_REASON_NONE}</p>`;
  return html;
}

function stat(n: number, zh: string, en: string, cls = ''): string {
  return `<div class="stat ${cls}"><div class="n">${n}</div><div class="k">${t(zh, en)}</div></div>`;
}

function problemLi(p: ProblemRef): string {
  return `<li>${lt(p.message)} <span class="muted small">${lt(p.ruleTitle)}</span>${p.url ? `<br>${link(p.url)}` : ''}</li>`;
}
function columnLi(c: ColumnChange): string {
  return `<li><strong>${text(c.name)}</strong> ${t(`最新 ${c.newest ?? '无'}（上次 ${c.previousNewest ?? '无'}）`, `newest ${c.newest ?? 'none'} (last time ${c.previousNewest ?? 'none'})`)}<br>${link(c.url)}</li>`;
}
function linkLi(l: LinkChange): string {
  return `<li>${link(l.url)}${l.text ? ` <span class="muted small">「${text(l.text)}」</span>` : ''}${l.httpStatus || l.reason ? ` <span class="badge b-not-applicable">${text(l.httpStatus ?? '')} ${text(l.reason ?? '')}</span>` : ''}</li>`;
}

function listOrNone<T>(items: T[], render: (x: T) => string, max = 30): string {
  if (!items.length) return `<p class="muted small">${t('无', 'None')}</p>`;
  const more = items.length > max ? `<li class="muted">${t(`另有 ${items.length - max} 项`, `${items.length - max} more`)}</li>` : '';
  return `<ul>${items.slice(0, max).map(render).join('')}${more}</ul>`;
}

function changesSection(c: ChangeSet | undefined): string {
  if (!c || !c.previousRunId) {
    return `<section class="card chg"><h2>${t('与上次检查相比', 'Since the previous run')}</h2><p class="muted">${t('首次检查，暂无对比。', 'First run of this site: nothing to compare with.')}</p></section>`;
  }
  return `<section class="card chg"><h2>${t('与上次检查相比', 'Since the previous run')} <span class="muted small">${text(c.previousRunId)} → ${text(c.currentRunId)}</span></h2>
<div class="grid">${stat(c.newProblems.length, '新增问题', 'New problems')}${stat(c.fixedProblems.length, '已整改', 'Fixed')}${stat(c.stillOpen.length, '仍未整改', 'Still open')}${stat(c.unconfirmed.length, '无法确认', 'Unconfirmed')}</div>
<div class="two">
<div><h3>${t('新增问题', 'New problems')}</h3>${listOrNone(c.newProblems, problemLi)}</div>
<div><h3>${t('已整改', 'Fixed')}</h3>${listOrNone(c.fixedProblems, problemLi)}</div>
<div><h3>${t('新出现的不更新栏目', 'Columns that went stale')}</h3>${listOrNone(c.newlyStale, columnLi)}</div>
<div><h3>${t('恢复更新的栏目', 'Columns updated again')}</h3>${listOrNone(c.recovered, columnLi)}</div>
<div><h3>${t('新增错链', 'New dead links')}</h3>${listOrNone(c.deadLinksNew, linkLi)}</div>
<div><h3>${t('已修复错链', 'Dead links fixed')}</h3>${listOrNone(c.deadLinksFixed, linkLi)}</div>
</div>
<details class="passed"><summary>${t(`仍未整改 ${c.stillOpen.length} 项`, `${c.stillOpen.length} still open`)}</summary>${listOrNone(c.stillOpen, problemLi, 200)}</details>
</section>`;
}

function scoreSection(site: StoredSite): string {
  const packs = livePacks(site.result);
  const blocks = packs.map((p) => {
    const hintOf = (h?: string) => (h ? `<br><span class="small">${t('核查：', 'Check: ')}${text(h)}</span>` : '');
    const vetoStatus = (v: (typeof p.vetoes)[number]) =>
      v.triggered ? `<span class="badge b-veto">${t('已触发', 'Triggered')}</span>`
        : v.manual ? `<span class="badge b-needs-review">${t('待人工核查', 'Check by hand')}</span>`
          : v.undecided ? `<span class="badge b-needs-review">${t('待复核', 'Undecided')}</span>` : `<span class="badge b-pass">${t('未触发', 'Clear')}</span>`;
    const vetoRows = p.vetoes.map((v) => `<tr><td>${lt(v.title)}<br><span class="muted small">${text(v.source.doc)}${v.source.item ? ` · ${text(v.source.item)}` : ''}</span>${hintOf(v.hint)}</td><td class="num">${v.count}</td><td class="num">${v.atLeast}</td><td>${vetoStatus(v)}</td></tr>`).join('');
    const vetoTable = p.vetoes.length
      ? `<table><thead><tr><th>${t('否决项', 'Veto')}</th><th class="num">${t('计数', 'Count')}</th><th class="num">${t('阈值', 'Threshold')}</th><th>${t('状态', 'Status')}</th></tr></thead><tbody>${vetoRows}</tbody></table>`
      : '';
    let scoreTable = '';
    if (p.score) {
      const rows = p.score.deductions.map((d) => `<tr><td>${lt(d.title)}${d.review && !d.points ? ` <span class="badge b-needs-review">${t('待复核', 'Needs review')}</span>` : ''}${hintOf(d.hint)}</td><td class="num">${d.findings}</td><td class="num ${d.uncapped > d.cap ? 'over' : ''}">${d.uncapped}</td><td class="num">${d.cap}</td><td class="num"><strong>${d.points ? `−${d.points}` : '0'}</strong></td></tr>`).join('');
      const sum = p.score.deductions.reduce((s, d) => s + d.points, 0);
      scoreTable = `<table class="ded"><thead><tr><th>${t('扣分项目', 'Item')}</th><th class="num">${t('问题数', 'Findings')}</th><th class="num">${t('应扣', 'Uncapped')}</th><th class="num">${t('封顶', 'Cap')}</th><th class="num">${t('实扣', 'Deducted')}</th></tr></thead><tbody>${rows}</tbody>
<tfoot><tr><th>${t(`满分 ${p.score.max}，及格线 ${p.score.passMark}`, `Out of ${p.score.max}, pass mark ${p.score.passMark}`)}</th><th></th><th></th><th class="num">${t('合计', 'Total')}</th><th class="num">−${sum} → ${p.score.total}</th></tr></tfoot></table>`;
    }
    const outside = p.appliedOutsideValidity ? ` <span class="badge b-warn" data-outside-validity>${lt(outsideValidityText(p.appliedOutsideValidity))}</span>` : '';
    return `<h3 style="margin:14px 0 6px">${lt(p.packTitle)} <span class="badge b-${p.verdict}">${lt(VERDICT_TEXT[p.verdict])}</span>${outside}</h3>${scoreTable}${vetoTable ? `<div style="margin-top:10px">${vetoTable}</div>` : ''}`;
  });
  return `<section class="card"><h2>${t('得分与否决项', 'Score and vetoes')}</h2>${blocks.join('') || `<p class="muted">${t('没有适用的规则包。', 'No pack applied.')}</p>`}</section>`;
}

function todoList(findings: Finding[], empty: string): string {
  if (!findings.length) return `<p class="muted">${empty}</p>`;
  const where = (f: Finding) => f.column?.url ?? f.evidence.find((e) => e.url)?.url;
  return `<ul class="todo">${findings.map((f) => `<li>${badgeOutcome(f)} <strong>${lt(f.ruleTitle)}</strong>${f.dueDate ? ` <span class="badge b-warn">${t(`到期 ${f.dueDate}`, `due ${f.dueDate}`)}</span>` : ''}<br>${lt(f.message)}${where(f) ? `<br>${link(where(f))}` : ''}</li>`).join('')}</ul>`;
}

/** The audit ran on a saved copy: of when, and how that date is known. */
function savedCopyText(source: NonNullable<ScorecardInput['site']['snapshot']['source']>): string {
  const when = source.takenAt ? text(source.takenAt.slice(0, 16).replace('T', ' ') + ' UTC') : t('日期不明', 'date unknown');
  const how = source.takenAtFrom === 'httrack-comment' ? t('（据 HTTrack 注释）', ' (per the HTTrack comment)') : source.takenAtFrom === 'newest-file-time' ? t('（据最新文件时间）', ' (per the newest file time)') : '';
  return `${t('检查对象为保存的副本，保存于', 'Audited from a saved copy taken')} ${when}${how}`;
}

/** Who reviewed this site's results (merged with `report --review`), and whether they signed it off. */
function reviewSummary(site: StoredSite): string {
  const r = (site as ReviewedSite).review;
  if (!r) return '';
  const who = r.signOff ? t(`${text(r.signOff.reviewer)} 于 ${text(beijingTime(r.signOff.at, 'zh'))} 签署${r.signOff.note ? `：${text(r.signOff.note)}` : ''}`, `signed off by ${text(r.signOff.reviewer)} at ${text(beijingTime(r.signOff.at, 'en'))}${r.signOff.note ? `: ${text(r.signOff.note)}` : ''}`) : t(`${text(r.reviewer ?? '测评人员')}（未签署）`, `${text(r.reviewer ?? 'reviewer')} (not signed off)`);
  return `<div class="reasons review-sum">${t('人工复核', 'Reviewed')}：${who} · ${t(`确认 ${r.confirmed} 项，改判 ${r.overridden} 项`, `${r.confirmed} confirmed, ${r.overridden} overridden`)}${r.unmatched ? t(`，${r.unmatched} 项未能对应本批次结果`, `, ${r.unmatched} matched no finding of this run`) : ''}</div>`;
}

/** The scorecard of one site in one run: a single self-contained HTML file. */
export function renderSiteScorecard(input: ScorecardInput): string {
  const { run, site } = input;
  const snap = site.snapshot;
  const info = snap.site;
  const auditDate = site.result.evaluatedAt || run.auditDate;
  const score = siteScore(site.result);
  const findings = liveFindings(site);
  const count = (o: Finding['outcome']) => findings.filter((f) => f.outcome === o).length;
  const warn = findings.filter((f) => f.outcome === 'warn').sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));
  const review = findings.filter((f) => f.outcome === 'needs-review' || f.outcome === 'error');

  const meta = [
    info.kind ? `<span class="mi">${t(KIND_TEXT[info.kind].zh, KIND_TEXT[info.kind].en)}</span>` : '',
    info.parent ? `<span class="mi">${t('上级：', 'Parent: ')}${text(input.parentName ?? info.parent)}</span>` : '',
    info.idCode ? `<span class="mi">${t('网站标识码', 'Site code')} ${text(info.idCode)}</span>` : '',
    `<span class="mi">${t('检查日期', 'Audit date')} ${text(auditDate)}</span>`,
    `<span class="mi">${t('抓取于', 'Captured')} ${t(text(beijingTime(snap.capturedAt, 'zh')), text(beijingTime(snap.capturedAt, 'en')))}</span>`,
    snap.source ? `<span class="mi">${savedCopyText(snap.source)}</span>` : '',
    `<span class="mi">${t('批次', 'Run')} ${text(run.id)}</span>`,
  ].filter(Boolean).join('');
  const incomplete = (snap.discoveryComplete ? '' : `<div class="reasons review">${t('栏目发现未完成（达到抓取上限或出错）：未找到的栏目记为待复核。', 'Discovery stopped early (limits or errors): missing columns are marked for review.')}</div>`) + (snap.incompleteReason ? `<div class="reasons review">${text(snap.incompleteReason)}</div>` : '');

  const history: TrendPoint[] = [...input.history];
  if (!history.some((h) => h.runId === run.id)) history.push({ runId: run.id, date: auditDate, score: score?.total, verdict: site.result.verdict });
  const seen = new Set<string>();
  const trend = history.filter((h) => !seen.has(h.runId) && !!seen.add(h.runId)).sort((a, b) => a.date.localeCompare(b.date) || a.runId.localeCompare(b.runId));

  const body = `
<section class="card hero">
<div><h1>${text(info.name)}</h1><div>${link(info.homeUrl)}</div><div class="meta">${meta}</div>${reasons(site)}${incomplete}${reviewSummary(site)}</div>
${verdictBox(site.result.verdict, score, livePacks(site.result).some((p) => p.score?.deductions.some((d) => /分值待核实/.test(d.title.zh))))}
</section>
<div class="grid">
${stat(count('fail'), '不符合', 'Failed')}${stat(count('warn'), '即将到期', 'Due soon')}${stat(count('needs-review') + count('error'), '待人工复核', 'To review')}${stat(count('pass'), '符合', 'Passed')}
${stat(staleColumns(site).length, '不更新栏目', 'Stale columns')}${stat(emptyColumns(site).length, '空白栏目', 'Empty columns')}${stat(deadLinks(site).length, '错链', 'Dead links')}
</div>
${changesSection(input.changes)}
<section class="card"><h2>${t('栏目更新时间线', 'Column freshness')}</h2>
${freshnessTimeline(freshnessRows(site, auditDate), auditDate)}
<div class="legend"><span><i class="band"></i>${t('规则要求的更新期限（自检查日倒推）', 'Update window the rule allows (back from the audit date)')}</span><span><i style="background:#1a7f37"></i>${t('按期更新', 'Updated in time')}</span><span><i style="background:#bf8700"></i>${t('即将到期', 'Due soon')}</span><span><i style="background:#b42318"></i>${t('超期未更新', 'Overdue')}</span><span><i style="background:#8c959f"></i>${t('无更新期限', 'No window')}</span></div>
</section>
<section class="card"><h2>${t('得分趋势', 'Score trend')}</h2>
${score || trend.some((h) => h.score !== undefined) ? scoreTrend(trend, { max: score?.max, passMark: score?.passMark, currentRunId: run.id }) : `<p class="muted">${t('规则包不计分。', 'The packs do not score.')}</p>`}
${trend.length < 2 ? `<p class="muted small">${t('只有一次检查；之后的检查会在此连成趋势。', 'Only one run so far; later runs will form a trend here.')}</p>` : ''}
</section>
${scoreSection(site)}
<section class="card"><h2>${t('即将到期的栏目', 'Due soon')}</h2>${todoList(warn, tHtml('没有即将到期的栏目。', 'Nothing falls due soon.'))}</section>
<section class="card"><h2>${t('需人工复核', 'Needs manual review')}</h2>${todoList(review, tHtml('没有需要人工复核的项目。', 'Nothing needs manual review.'))}</section>
<section class="card"><h2>${t('逐栏目检查结果', 'Findings by column')}</h2>
${groupByColumn(site).map((g) => groupBlock(g, auditDate, site)).join('\n') || `<p class="muted">${t('没有检查结果。', 'No findings.')}</p>`}
</section>
<footer>${t('规则包：', 'Packs: ')}${site.result.packs.map((p) => `${lt(p.packTitle)}${p.appliedOutsideValidity ? ` (${lt(outsideValidityText(p.appliedOutsideValidity))})` : p.inForce ? '' : ` (${t('不适用', 'not applied')})`}`).join(' · ')}<br>
${t(`抓取 ${site.stats.pages} 页，${site.stats.errors} 个错误，用时 ${Math.round(site.stats.elapsedMs / 1000)} 秒，渲染 ${site.stats.rendered} 页`, `${site.stats.pages} pages, ${site.stats.errors} errors, ${Math.round(site.stats.elapsedMs / 1000)} s, ${site.stats.rendered} rendered`)}<br>
${t('本报告由 govaudit 根据存储的检查结果生成；结论以人工复核为准。', 'Generated by govaudit from stored results; manual review is final.')}</footer>`;

  return renderPage({
    title: `${info.name} — ${VERDICT_TEXT[site.result.verdict].zh} — ${auditDate}`,
    crumbs: `<a href="../index.html">${t('本批次全部站点', 'All sites in this run')}</a> › ${text(info.name)}`,
    css: CSS,
    body,
  });
}
