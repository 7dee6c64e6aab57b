import type { RunRecord, StoredSite } from '../crawler/store/types.ts';
import type { Outcome } from '../rules/model/finding.ts';
import { stripInvisible } from './html/escape.ts';
import type { Finding } from '../rules/model/finding.ts';
import { ageDays, liveFindings, OUTCOME_RANK, OUTCOME_TEXT, siteScore } from './model.ts';
import { reviewOf } from './review.ts';

/** The evaluator's decision on a finding (merged with `report --review`): decision, engine outcome, who, when, note. */
function reviewCells(f: Finding): (string | undefined)[] {
  const r = reviewOf(f);
  return r ? [r.decision, r.engineOutcome, r.reviewer, r.at, r.note] : [undefined, undefined, undefined, undefined, undefined];
}

/**
 * Findings as CSV: one row per finding of an in-force pack, UTF-8 with a BOM (so Excel opens Chinese correctly),
 * CRLF line ends and RFC 4180 quoting.
 */

export const CSV_COLUMNS = [
  'run_id', 'audit_date', 'site_id', 'site_name', 'parent', 'site_verdict', 'site_score',
  'pack_id', 'rule_id', 'rule_title', 'severity', 'outcome', 'outcome_zh', 'message_zh', 'message_en',
  'column_class', 'column_name', 'column_url',
  'evidence_url', 'evidence_title', 'evidence_date', 'evidence_age_days', 'evidence_more', 'due_date',
  'source_doc', 'source_item', 'source_quote',
  'review_decision', 'engine_outcome', 'reviewer', 'reviewed_at', 'review_note',
] as const;

/**
 * A cell that a spreadsheet would run as a formula (= + - @, and tab / CR that some parsers strip first) gets a
 * leading apostrophe: page text such as a link titled `=HYPERLINK(...)` stays text.
 */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** RFC 4180: quote when the cell holds a comma, quote, CR or LF; double the quotes inside. */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  // Controls (ESC, BEL) and bidi overrides from page text never reach a spreadsheet or a terminal `cat`.
  const s = typeof value === 'number' ? String(value) : neutraliseFormula(stripInvisible(value));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: (string | number | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

export interface CsvOptions {
  /** Outcomes to include; default every outcome. */
  outcomes?: Outcome[];
}

/** The CSV text, BOM included. Rows: sites in the given order, problems first within a site. */
export function toCsv(run: RunRecord, sites: StoredSite[], opts: CsvOptions = {}): string {
  const lines = [csvLine([...CSV_COLUMNS])];
  for (const site of sites) {
    const info = site.snapshot.site;
    const auditDate = site.result.evaluatedAt || run.auditDate;
    const score = siteScore(site.result)?.total;
    const findings = liveFindings(site)
      .filter((f) => !opts.outcomes || opts.outcomes.includes(f.outcome))
      .map((f, i) => ({ f, i }))
      .sort((a, b) => OUTCOME_RANK[a.f.outcome] - OUTCOME_RANK[b.f.outcome] || a.i - b.i)
      .map(({ f }) => f);
    for (const f of findings) {
      const e = f.evidence[0];
      lines.push(csvLine([
        run.id, auditDate, info.id, info.name, info.parent, site.result.verdict, score,
        f.packId, f.ruleId, f.ruleTitle.zh, f.severity, f.outcome, OUTCOME_TEXT[f.outcome].zh, f.message.zh, f.message.en,
        f.column?.classId, f.column?.name, f.column?.url,
        e?.url, e?.title, e?.date, ageDays(e?.date, auditDate), f.evidence.length > 1 ? f.evidence.length - 1 : undefined, f.dueDate,
        f.source.doc, f.source.item, f.source.quote,
        ...reviewCells(f),
      ]));
    }
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
