import { officialCalendar, type WorkCalendar } from '../calendar/working-days.ts';
import { CHECKS } from '../checks/index.ts';
import type { CheckDefinition, CheckReport } from '../checks/define.ts';
import type { DataValue, Finding, LocalText, PackResult, SiteResult } from '../model/finding.ts';
import type { IsoDate, SiteSnapshot } from '../model/snapshot.ts';
import type { LoadedPack, RuleDef } from '../schema/pack.ts';
import { ENGINE_MESSAGES, renderMessage } from './messages.ts';
import { countOutcomes, packVerdict, siteVerdict } from './verdict.ts';

export interface EvaluateOptions {
  /** The audit date; never read from the clock here. */
  now: IsoDate;
  calendar?: WorkCalendar;
  /**
   * Packs (by id) applied outside their validity: a past plan's recurring duties used as today's standard. One-off
   * duties (2016年底前 …, `once: true`) stay not-applicable, and the result marks the pack `appliedOutsideValidity`.
   * The CLI's `--apply-expired`, the sites file's `ignoreValidity` and the extension's setting all land here.
   */
  applyExpired?: readonly string[];
  checks?: Record<string, CheckDefinition>;
}

function inWindow(now: IsoDate, from?: IsoDate, to?: IsoDate): boolean {
  return (!from || now >= from) && (!to || now <= to);
}

function makeFinding(pack: LoadedPack, rule: RuleDef, messages: Record<string, LocalText>, r: CheckReport): Finding {
  const data: Record<string, DataValue> = { ...(r.data ?? {}) };
  const template = messages[r.messageId] ?? { zh: r.messageId, en: r.messageId };
  return {
    packId: pack.id,
    ruleId: rule.id,
    check: rule.check,
    severity: rule.severity,
    outcome: r.outcome,
    messageId: r.messageId,
    data,
    message: renderMessage(template, data),
    ruleTitle: rule.title,
    ...(r.column ? { column: { classId: r.column.classId, name: r.column.name, url: r.column.url } } : rule.column ? { column: { classId: rule.column } } : {}),
    evidence: r.evidence ?? [],
    source: rule.source,
    ...(r.dueDate ? { dueDate: r.dueDate } : {}),
  };
}

type RuleOptions = Required<Omit<EvaluateOptions, 'applyExpired'>> & { outsideValidity: boolean };

function evaluateRule(pack: LoadedPack, rule: RuleDef, snapshot: SiteSnapshot, opts: RuleOptions): Finding[] {
  const engineFinding = (messageId: string, data: Record<string, DataValue>, outcome: Finding['outcome'] = 'not-applicable') =>
    [makeFinding(pack, rule, ENGINE_MESSAGES, { outcome, messageId, data })];
  const kind = snapshot.site.kind;
  if (kind && rule.appliesTo && !rule.appliesTo.includes(kind)) return engineFinding('site-kind', { kind });
  if (opts.outsideValidity && rule.once) return engineFinding('one-off-expired', { now: opts.now });
  if (!opts.outsideValidity && !inWindow(opts.now, rule.validFrom, rule.validTo)) return engineFinding('rule-not-in-force', { now: opts.now });

  const check = opts.checks[rule.check];
  const findings: Finding[] = [];
  try {
    const columnClass = rule.column ? pack.columnClasses[rule.column] : undefined;
    const columns = rule.column ? snapshot.columns.filter((c) => c.classId === rule.column) : snapshot.columns;
    check.evaluate({
      rule, options: rule.options, snapshot, now: opts.now, calendar: opts.calendar, columnClass, columns,
      report: (r) => findings.push(makeFinding(pack, rule, check.messages, r)),
    });
  } catch (e) {
    // A check that throws marks only its own rule `error`; the audit goes on.
    return engineFinding('check-error', { error: e instanceof Error ? e.message : String(e) }, 'error');
  }
  return findings.length > 0 ? findings : engineFinding('no-report', {}, 'error');
}

/** Runs every rule of one pack over a snapshot, then derives the pack's vetoes, score and verdict. */
export function evaluatePack(pack: LoadedPack, snapshot: SiteSnapshot, options: EvaluateOptions): PackResult {
  const { applyExpired = [], ...rest } = options;
  const valid = inWindow(rest.now, pack.validFrom, pack.validTo);
  const outsideValidity = !valid && applyExpired.includes(pack.id);
  const opts: RuleOptions = { calendar: officialCalendar, checks: CHECKS, ...rest, outsideValidity };
  const kind = snapshot.site.kind;
  const inForce = valid || outsideValidity;
  const applies = !kind || pack.appliesTo.includes(kind);
  let findings: Finding[];
  if (!inForce) {
    findings = pack.rules.map((rule) => makeFinding(pack, rule, ENGINE_MESSAGES, { outcome: 'not-applicable', messageId: 'pack-not-in-force', data: { now: opts.now, validFrom: pack.validFrom, validTo: pack.validTo ?? '—' } }));
  } else if (!applies) {
    findings = pack.rules.map((rule) => makeFinding(pack, rule, ENGINE_MESSAGES, { outcome: 'not-applicable', messageId: 'site-kind', data: { kind: kind! } }));
  } else {
    findings = pack.rules.flatMap((rule) => evaluateRule(pack, rule, snapshot, opts));
  }
  const { verdict, vetoes, score } = packVerdict(pack, findings, { homeRead: snapshot.home.status === 'ok' });
  return {
    packId: pack.id, packTitle: pack.title, inForce: inForce && applies,
    ...(outsideValidity ? { appliedOutsideValidity: { validFrom: pack.validFrom, ...(pack.validTo ? { validTo: pack.validTo } : {}) } } : {}),
    verdict: inForce && applies ? verdict : 'not-checked', vetoes, ...(score ? { score } : {}), findings, counts: countOutcomes(findings),
  };
}

/** Evaluates all packs for one site and combines their verdicts (any 不合格 → 不合格; else any 待复核 → 待复核). */
export function evaluateSite(packs: LoadedPack[], snapshot: SiteSnapshot, options: EvaluateOptions): SiteResult {
  const results = packs.map((p) => evaluatePack(p, snapshot, options));
  return { siteId: snapshot.site.id, evaluatedAt: options.now, verdict: siteVerdict(results), packs: results };
}
