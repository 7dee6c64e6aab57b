import type { ReviewedSite } from '../review.ts';
import { VERDICT_TEXT, type Verdict } from '../../rules/model/finding.ts';
import type { RunRecord, StoredSite } from '../../crawler/store/types.ts';
import { deadLinks, emptyColumns, siteScore, staleColumns, triggeredVetoes, VERDICT_RANK } from '../model.ts';
import { siteReportPath } from '../paths.ts';
import { escapeHtml, link, text } from './escape.ts';
import { lt, renderPage, t } from './page.ts';
import { KIND_TEXT } from './site-scorecard.ts';

export interface RunReportInput {
  run: RunRecord;
  sites: StoredSite[];
}

export interface RankedSite {
  rank: number;
  site: StoredSite;
  score?: number;
  vetoes: number;
  stale: number;
  empty: number;
  dead: number;
}

/** Ranking order: 合格 before 待复核 before 不合格, then score (high first), then fewer vetoes, then name. */
export function rankSites(sites: StoredSite[]): RankedSite[] {
  const rows = sites.map((site) => ({
    rank: 0, site, score: siteScore(site.result)?.total, vetoes: triggeredVetoes(site.result).length,
    stale: staleColumns(site).length, empty: emptyColumns(site).length, dead: deadLinks(site).length,
  }));
  rows.sort((a, b) =>
    VERDICT_RANK[a.site.result.verdict] - VERDICT_RANK[b.site.result.verdict]
    || (b.score ?? -1) - (a.score ?? -1)
    || a.vetoes - b.vetoes
    || a.site.snapshot.site.name.localeCompare(b.site.snapshot.site.name, 'zh-CN'));
  rows.forEach((r, i) => (r.rank = i + 1));
  return rows;
}

export interface OrgNode {
  key: string;
  name: string;
  site?: StoredSite;
  children: OrgNode[];
}

/**
 * Sites nested under their `parent` (省→市→县): a parent naming another site of the run (by id, else by name)
 * nests under that site; any other parent becomes an organisation node of its own.
 */
export function orgTree(sites: StoredSite[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>();
  const byName = new Map<string, string>();
  for (const s of sites) {
    nodes.set(`site:${s.snapshot.site.id}`, { key: `site:${s.snapshot.site.id}`, name: s.snapshot.site.name, site: s, children: [] });
    if (!byName.has(s.snapshot.site.name)) byName.set(s.snapshot.site.name, `site:${s.snapshot.site.id}`);
  }
  const parentOf = new Map<string, string>();
  for (const s of sites) {
    const p = s.snapshot.site.parent?.trim();
    if (!p) continue;
    let key = nodes.has(`site:${p}`) ? `site:${p}` : byName.get(p);
    if (!key) {
      key = `org:${p}`;
      if (!nodes.has(key)) nodes.set(key, { key, name: p, children: [] });
    }
    if (key !== `site:${s.snapshot.site.id}`) parentOf.set(`site:${s.snapshot.site.id}`, key);
  }
  // A cycle in the parents (a sites-file mistake) is cut where it closes, so every site still appears once.
  for (const start of [...parentOf.keys()]) {
    const seen = new Set<string>([start]);
    for (let k = parentOf.get(start); k; k = parentOf.get(k)) {
      if (seen.has(k)) {
        parentOf.delete(start);
        break;
      }
      seen.add(k);
    }
  }
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const p = parentOf.get(node.key);
    if (p) nodes.get(p)!.children.push(node);
    else roots.push(node);
  }
  const sortRec = (list: OrgNode[]) => {
    list.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    for (const n of list) sortRec(n.children);
  };
  sortRec(roots);
  return roots;
}

/** The parent's display name: the name of the run's site whose id it is, else the parent text itself. */
export function parentName(site: StoredSite, sites: StoredSite[]): string | undefined {
  const p = site.snapshot.site.parent?.trim();
  if (!p) return undefined;
  return sites.find((s) => s.snapshot.site.id === p)?.snapshot.site.name ?? p;
}

function subtreeSites(n: OrgNode): StoredSite[] {
  return [...(n.site ? [n.site] : []), ...n.children.flatMap(subtreeSites)];
}

function verdictBadge(v: Verdict): string {
  return `<span class="badge b-${v}">${lt(VERDICT_TEXT[v])}</span>`;
}

const CSS = `
.summary .n.pass { color: var(--pass); } .summary .n.fail { color: var(--fail); } .summary .n.review { color: var(--review); }
td.site a { font-weight: 600; }
td.site .home { display: block; }
td.vetoes .small { display: block; color: var(--fail); }
tr.org td.name { font-weight: 600; }
td.name .indent { display: inline-block; }
.tree-mark { color: #8c959f; margin-right: 4px; }
`;

function orgRows(nodes: OrgNode[], depth: number): string {
  return nodes.map((n) => {
    const all = subtreeSites(n);
    const c = (v: Verdict) => all.filter((s) => s.result.verdict === v).length;
    const scores = all.map((s) => siteScore(s.result)?.total).filter((x): x is number => x !== undefined);
    const avg = scores.length ? (scores.reduce((a, b) => a + b, 0) / scores.length).toFixed(1) : '—';
    const name = n.site ? `<a href="${escapeHtml(siteReportPath(n.site.snapshot.site.id))}">${text(n.name)}</a>` : text(n.name);
    const row = `<tr class="${n.site ? 'site' : 'org'}"><td class="name"><span class="indent" style="width:${depth * 22}px"></span>${depth ? '<span class="tree-mark">└</span>' : ''}${name}${n.site?.snapshot.site.kind ? ` <span class="muted small">${t(KIND_TEXT[n.site.snapshot.site.kind].zh, KIND_TEXT[n.site.snapshot.site.kind].en)}</span>` : ''}</td>
<td>${n.site ? verdictBadge(n.site.result.verdict) : ''}</td><td class="num">${all.length}</td><td class="num">${c('pass')}</td><td class="num">${c('fail')}</td><td class="num">${c('needs-review')}</td><td class="num">${avg}</td></tr>`;
    return row + orgRows(n.children, depth + 1);
  }).join('');
}

/** The run's index page: ranking of every site, links to each scorecard, and the organisation rollup. */
export function renderRunReport(input: RunReportInput): string {
  const { run, sites } = input;
  const ranked = rankSites(sites);
  const count = (v: Verdict) => sites.filter((s) => s.result.verdict === v).length;
  const stored = new Set(sites.map((s) => s.snapshot.site.id));
  const missing = run.siteIds.filter((id) => !stored.has(id));
  const status = { running: t('进行中', 'running'), finished: t('已完成', 'finished'), interrupted: t('已中断', 'interrupted') }[run.status];

  const rows = ranked.map((r) => {
    const info = r.site.snapshot.site;
    const v = r.site.result.verdict;
    const vetoes = triggeredVetoes(r.site.result);
    const parent = parentName(r.site, sites) ?? '';
    return `<tr>
<td class="num" data-v="${r.rank}">${r.rank}</td>
<td class="site" data-v="${text(info.name)}"><a href="${escapeHtml(siteReportPath(info.id))}">${text(info.name)}</a><span class="home">${link(info.homeUrl)}</span></td>
<td data-v="${text(parent)}">${text(parent)}</td>
<td data-v="${VERDICT_RANK[v]}">${verdictBadge(v)}${(r.site as ReviewedSite).review ? ` <span class="muted small" title="${escapeHtml((r.site as ReviewedSite).review!.reviewer ?? '')}">${(r.site as ReviewedSite).review!.signOff ? t('已复核签署', 'reviewed, signed') : t('已复核', 'reviewed')}</span>` : ''}</td>
<td class="num" data-v="${r.score === undefined ? '' : -r.score}">${r.score ?? '—'}</td>
<td class="num vetoes" data-v="${r.vetoes}">${r.vetoes}${vetoes.map((x) => `<span class="small">${lt(x.title)}</span>`).join('')}</td>
<td class="num" data-v="${r.stale}">${r.stale}</td>
<td class="num" data-v="${r.empty}">${r.empty}</td>
<td class="num" data-v="${r.dead}">${r.dead}</td>
</tr>`;
  }).join('\n');

  const body = `
<section class="card">
<h1>${t('政府网站检查结果汇总', 'Government website audit: summary')}</h1>
<div class="muted">${t('批次', 'Run')} ${text(run.id)} · ${t('检查日期', 'Audit date')} ${text(run.auditDate)} · ${status}${run.sitesFile ? ` · ${text(run.sitesFile)}` : ''}</div>${run.packChoice ? `<div class="muted">${t('规则包', 'Packs')}: ${text(run.packChoice.packs.join(', '))} · ${t(run.packChoice.reason.zh, run.packChoice.reason.en)}</div>` : ''}
<div class="grid summary" style="margin-top:12px">
<div class="stat"><div class="n">${sites.length}</div><div class="k">${t('已检查站点', 'Sites audited')}</div></div>
<div class="stat"><div class="n pass">${count('pass')}</div><div class="k">${t('合格', 'Pass')}</div></div>
<div class="stat"><div class="n fail">${count('fail')}</div><div class="k">${t('不合格', 'Fail')}</div></div>
<div class="stat"><div class="n review">${count('needs-review')}</div><div class="k">${t('待复核', 'Needs review')}</div></div>
${missing.length ? `<div class="stat"><div class="n">${missing.length}</div><div class="k">${t('未完成', 'Not finished')}</div></div>` : ''}
</div>
</section>
<section class="card">
<h2>${t('站点排名', 'Ranking')} <span class="muted small">${t('点击表头排序', 'click a header to sort')}</span></h2>
<table class="sortable" id="ranking">
<thead><tr><th class="num" data-sort="num">${t('名次', 'Rank')}</th><th data-sort="text">${t('站点', 'Site')}</th><th data-sort="text">${t('上级', 'Parent')}</th><th data-sort="num">${t('结论', 'Verdict')}</th><th class="num" data-sort="num">${t('得分', 'Score')}</th><th class="num" data-sort="num">${t('否决项', 'Vetoes')}</th><th class="num" data-sort="num">${t('不更新栏目', 'Stale')}</th><th class="num" data-sort="num">${t('空白栏目', 'Empty')}</th><th class="num" data-sort="num">${t('错链', 'Dead links')}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${missing.length ? `<p class="muted small">${t('未完成的站点：', 'Sites without a stored result: ')}${missing.map((m) => text(m)).join(', ')}</p>` : ''}
</section>
<section class="card">
<h2>${t('按单位汇总', 'By organisation')}</h2>
<table>
<thead><tr><th>${t('单位', 'Organisation')}</th><th>${t('本站结论', 'Own verdict')}</th><th class="num">${t('站点数', 'Sites')}</th><th class="num">${t('合格', 'Pass')}</th><th class="num">${t('不合格', 'Fail')}</th><th class="num">${t('待复核', 'Review')}</th><th class="num">${t('平均分', 'Mean score')}</th></tr></thead>
<tbody>${orgRows(orgTree(sites), 0)}</tbody>
</table>
<p class="muted small">${t('数量含下级站点。', 'Counts include the sites below.')}</p>
</section>
<footer>${t('本报告由 govaudit 根据存储的检查结果生成；结论以人工复核为准。', 'Generated by govaudit from stored results; manual review is final.')}</footer>`;

  return renderPage({ title: `政府网站检查结果汇总 — ${run.auditDate} — ${run.id}`, crumbs: `${t('批次', 'Run')} ${text(run.id)}`, css: CSS, body });
}
