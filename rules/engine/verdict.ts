import { OUTCOMES, type DeductionResult, type Finding, type Outcome, type PackResult, type Verdict, type VetoResult } from '../model/finding.ts';
import type { LoadedPack } from '../schema/pack.ts';

export function countOutcomes(findings: Finding[]): Record<Outcome, number> {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const f of findings) counts[f.outcome]++;
  return counts;
}

const UNDECIDED: Outcome[] = ['needs-review', 'error'];

/**
 * Vetoes (单项否决) and deductions. A rule with severity `veto` vetoes on a single failure; `verdict.vetoes` count
 * failures across rules (e.g. ≥5 stale columns). A veto that could still trigger once the `needs-review` findings
 * are judged leaves the verdict `needs-review` rather than a pass.
 */
export function packVerdict(pack: LoadedPack, findings: Finding[], opts: { homeRead?: boolean } = {}): { verdict: Verdict; vetoes: VetoResult[]; score?: PackResult['score'] } {
  const byRule = (ids: string[], outcomes: Outcome[]) => findings.filter((f) => ids.includes(f.ruleId) && outcomes.includes(f.outcome)).length;
  const vetoDefs: (Omit<VetoResult, 'count' | 'triggered' | 'undecided' | 'ruleIds'> & { rules: string[] })[] = [
    ...pack.rules.filter((r) => r.severity === 'veto').map((r) => ({ id: r.id, title: r.title, rules: [r.id], atLeast: 1, source: r.source })),
    ...pack.verdict.vetoes,
  ];
  // Items only an evaluator can judge (manual checks) are listed with what to look at; they never hold the verdict.
  const manualCheck = new Set(pack.rules.filter((r) => r.check === 'manual-check').map((r) => r.id));
  const isManual = (ids: string[]) => ids.every((id) => manualCheck.has(id));
  const vetoes: VetoResult[] = vetoDefs.map((v) => {
    const count = byRule(v.rules, ['fail']);
    const open = byRule(v.rules, UNDECIDED);
    const triggered = count >= v.atLeast;
    const manual = isManual(v.rules);
    return {
      id: v.id, title: v.title, count, atLeast: v.atLeast, triggered, undecided: !manual && !triggered && count + open >= v.atLeast, ruleIds: v.rules, source: v.source,
      ...(manual ? { manual } : {}), ...(v.hint ? { hint: v.hint } : {}),
    };
  });

  // Nothing applied: no verdict to give and nothing to score (a 100/100 would say every rule was met).
  const checked = findings.some((f) => f.outcome !== 'not-applicable');
  if (!checked) return { verdict: 'not-checked', vetoes };

  let score: PackResult['score'];
  const scoring = pack.verdict.scoring;
  // A site whose home page could not be read has almost nothing judged: a score would count unread as met.
  if (scoring && opts.homeRead !== false) {
    const deductions: DeductionResult[] = scoring.items.map((item) => {
      const n = byRule(item.rules, ['fail']);
      const review = byRule(item.rules, UNDECIDED);
      const uncapped = n * item.points;
      return { id: item.id, title: item.title, findings: n, uncapped, cap: item.cap, points: Math.min(uncapped, item.cap), ...(review ? { review } : {}), ...(item.hint ? { hint: item.hint } : {}) };
    });
    const total = Math.max(0, scoring.max - deductions.reduce((s, d) => s + d.points, 0));
    score = { max: scoring.max, passMark: scoring.passMark, total, deductions };
  }

  const verdict: Verdict = vetoes.some((v) => v.triggered) || (score && score.total < score.passMark)
    ? 'fail'
    : vetoes.some((v) => v.undecided) ? 'needs-review' : 'pass';
  return { verdict, vetoes, score };
}

/** Any 不合格 → 不合格; else any 待复核 → 待复核; else 合格 if some pack in force checked something; else 未检查. */
export function siteVerdict(packs: PackResult[]): Verdict {
  const live = packs.filter((p) => p.inForce);
  if (live.some((p) => p.verdict === 'fail')) return 'fail';
  if (live.some((p) => p.verdict === 'needs-review')) return 'needs-review';
  if (live.some((p) => p.verdict === 'pass')) return 'pass';
  return 'not-checked';
}

/**
 * A pack's result after its findings changed (an evaluator's override, availability left to scheduled crawls): the
 * verdict, vetoes, score and counts derived again exactly as the engine derives them, with the same rule that no
 * score stands when the home page was not read.
 */
export function rejudgePack(pack: LoadedPack, result: PackResult, findings: Finding[], homeRead: boolean): PackResult {
  const { verdict, vetoes, score } = packVerdict(pack, findings, { homeRead });
  const { score: _before, ...rest } = result;
  return { ...rest, verdict, vetoes, ...(score ? { score } : {}), findings, counts: countOutcomes(findings) };
}
