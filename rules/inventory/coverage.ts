import { titleMatches, type TitlePattern } from '../checks/title-pattern.ts';
import type { LoadedPack, RuleDef } from '../schema/pack.ts';
import type { Duty, Inventory, Obligation } from './schema.ts';

/**
 * Does a pack enforce its plan's obligations? Each duty of the inventory must map to a rule of the right kind, on the
 * right column, with the right cadence, quoting the same clause, whose title pattern accepts the publication's real
 * titles and refuses the near misses. Pure, so a test can mutate a pack and see the check fail.
 */

const trimQuote = (s: string) => s.replace(/[。；;，,\s]+$/u, '');

/** The rule's quote and the duty's clause overlap: one holds the other. */
function sameClause(rule: RuleDef, duty: Duty): boolean {
  const quote = trimQuote(rule.source.quote ?? '');
  const clause = trimQuote(duty.quote);
  return quote.length > 0 && (quote.includes(clause) || clause.includes(quote));
}

const digits = (s: string) => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Problems with one duty, in words an author can act on; empty when the rule enforces it. */
export function dutyProblems(pack: LoadedPack, duty: Duty): string[] {
  const rule = pack.rules.find((r) => r.id === duty.rule);
  if (!rule) return [`no rule ${duty.rule} in ${pack.id}`];
  const out: string[] = [];
  const o = rule.options as Record<string, unknown>;
  if (rule.check !== duty.check) out.push(`${rule.id}: check is ${rule.check}, the obligation needs ${duty.check}`);
  if ((rule.column ?? undefined) !== duty.column) out.push(`${rule.id}: column is ${rule.column ?? 'none'}, the obligation names ${duty.column ?? 'none'}`);
  if (!sameClause(rule, duty)) out.push(`${rule.id}: quotes "${rule.source.quote}", not the clause "${duty.quote}"`);
  if (duty.cadence) {
    const c = duty.cadence;
    if (o.frequency !== c.frequency) out.push(`${rule.id}: frequency ${String(o.frequency)}, the plan says ${c.frequency}`);
    if (JSON.stringify(o.dueWithin ?? null) !== JSON.stringify(c.dueWithin ?? null)) out.push(`${rule.id}: dueWithin ${JSON.stringify(o.dueWithin ?? null)}, the plan says ${JSON.stringify(c.dueWithin ?? null)}`);
    if ((o.untitled ?? 'same-period') !== (c.untitled ?? 'same-period')) out.push(`${rule.id}: reads untitled items as ${String(o.untitled ?? 'same-period')}, the plan means ${c.untitled ?? 'same-period'}`);
  }
  // A number the plan does not state is an invented window (及时/定期/同步 have none).
  const amount = (o.dueWithin as { amount?: number } | undefined)?.amount ?? (o.maxAge as number | undefined);
  if (amount !== undefined && !digits(duty.quote).includes(String(amount))) out.push(`${rule.id}: window ${amount} is not in the clause "${duty.quote}"`);
  if (duty.titles || duty.nearMisses) {
    if (!Array.isArray(o.titleIncludes)) out.push(`${rule.id}: names no publication (titleIncludes)`);
    else {
      const pattern: TitlePattern = { titleIncludes: o.titleIncludes as string[], titleAlsoIncludes: (o.titleAlsoIncludes as string[]) ?? [], titleExcludes: (o.titleExcludes as string[]) ?? [] };
      for (const t of duty.titles ?? []) if (!titleMatches(t, pattern)) out.push(`${rule.id}: does not accept the title 「${t}」`);
      for (const t of duty.nearMisses ?? []) if (titleMatches(t, pattern)) out.push(`${rule.id}: accepts the near miss 「${t}」`);
    }
  }
  if (rule.check === 'manual-check' && rule.severity !== 'advisory') out.push(`${rule.id}: a manual check is advisory`);
  return out;
}

export interface CoverageReport {
  pack: string;
  /** Crawler obligations, and those whose every duty is enforced by a matching rule. */
  crawler: number;
  enforced: number;
  /** Problems by obligation id (crawler, partly and manual alike: a named rule must match). */
  problems: Record<string, string[]>;
  /** Rules of the pack that no obligation names. */
  unlisted: string[];
}

function obligationProblems(pack: LoadedPack, o: Obligation): string[] {
  const problems = o.duties.flatMap((d) => dutyProblems(pack, d));
  if (o.class === 'crawler' && o.duties.length === 0) problems.push('a crawler obligation with no rule');
  return problems;
}

export function coverage(inv: Inventory, pack: LoadedPack): CoverageReport {
  const problems: Record<string, string[]> = {};
  let crawler = 0;
  let enforced = 0;
  for (const o of inv.obligations) {
    const p = obligationProblems(pack, o);
    if (p.length) problems[o.id] = p;
    if (o.class === 'crawler') {
      crawler++;
      if (p.length === 0) enforced++;
    }
  }
  const named = new Set(inv.obligations.flatMap((o) => o.duties.map((d) => d.rule)));
  return { pack: pack.id, crawler, enforced, problems, unlisted: pack.rules.map((r) => r.id).filter((id) => !named.has(id)) };
}
