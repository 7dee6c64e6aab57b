import { outsideValidityText, VERDICT_TEXT, type Finding } from '../../rules/model/finding.ts';
import type { SavedCopySource } from '../../rules/model/snapshot.ts';
import type { StoredSite } from '../store/types.ts';
import { safeText } from '../../reports/plain-text.ts';

/** The one line saying an audit ran on a saved copy, and of when (and how that date is known). */
export function savedCopyLine(source: SavedCopySource | undefined): string | undefined {
  if (!source) return undefined;
  const when = source.takenAt ? source.takenAt.slice(0, 16).replace('T', ' ') + ' UTC' : '日期不明 / date unknown';
  const how = source.takenAtFrom === 'httrack-comment' ? 'HTTrack 注释 / HTTrack comment' : source.takenAtFrom === 'newest-file-time' ? '最新文件时间 / newest file time' : '';
  return `保存副本 saved copy: ${when}${how ? `（${how}）` : ''}  ${source.dir}`;
}

/** The terminal scorecard: verdict, vetoes, score, and every problem with its evidence. */
export function formatSiteSummary(site: StoredSite, lang: 'zh' | 'en' = 'zh'): string {
  const { snapshot, result, stats } = site;
  const out: string[] = [];
  // Everything here may carry page text (titles in messages, URLs): no control reaches the terminal.
  const t = (x: { zh: string; en: string }) => safeText(x[lang]);
  out.push(`${safeText(snapshot.site.name)}  ${safeText(snapshot.site.homeUrl)}`);
  const source = savedCopyLine(snapshot.source);
  if (source) out.push(`  ${safeText(source)}`);
  if (snapshot.incompleteReason) out.push(`  ？ 未完成 incomplete: ${safeText(snapshot.incompleteReason)}`);
  out.push(`  结论 verdict: ${VERDICT_TEXT[result.verdict].zh} / ${VERDICT_TEXT[result.verdict].en}   （${stats.pages} 页 pages, ${Math.round(stats.elapsedMs / 100) / 10} s）`);
  if (snapshot.home.status !== 'ok') out.push(`  首页无法读取 home page not read: ${safeText(snapshot.home.statusReason ?? snapshot.home.status)}`);
  if (result.verdict === 'not-checked') out.push('  未检查：评估日期没有适用于该站点的规则 / not checked: no rule applied on the audit date');
  for (const pack of result.packs.filter((p) => p.inForce)) {
    const score = pack.score ? `  得分 score ${pack.score.total}/${pack.score.max}` : '';
    if (pack.verdict === 'not-checked') {
      out.push(`  [${pack.packId}] ${VERDICT_TEXT[pack.verdict].zh} / ${VERDICT_TEXT[pack.verdict].en}：无适用规则 / no rule applied`);
      continue;
    }
    const outside = pack.appliedOutsideValidity ? `  ⚠ ${outsideValidityText(pack.appliedOutsideValidity).zh}` : '';
    out.push(`  [${pack.packId}] ${VERDICT_TEXT[pack.verdict].zh}${score}${outside}`);
    for (const v of pack.vetoes.filter((v) => v.triggered || v.undecided)) {
      out.push(`    ${v.triggered ? '✗ 否决 veto' : '? 待定 undecided'}: ${t(v.title)} (${v.count}/${v.atLeast})`);
    }
    const problems = pack.findings.filter((f) => f.outcome === 'fail' || f.outcome === 'warn' || f.outcome === 'error');
    for (const f of problems) out.push(`    ${mark(f)} ${t(f.ruleTitle)}：${t(f.message)}${evidenceText(f)}`);
    const review = pack.findings.filter((f) => f.outcome === 'needs-review');
    if (review.length) out.push(`    ？ 待人工复核 needs review: ${review.length} 项`);
  }
  return out.join('\n');
}

function mark(f: Finding): string {
  return { fail: '✗', warn: '!', error: 'E' }[f.outcome as 'fail' | 'warn' | 'error'] ?? '·';
}

function evidenceText(f: Finding): string {
  const e = f.evidence[0];
  return e?.url ? `  <${safeText(e.url)}>` : '';
}
