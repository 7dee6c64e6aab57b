import { z } from 'zod';
import { OUTCOMES } from '../../rules/model/finding.ts';
import { SITE_KINDS } from '../../rules/model/snapshot.ts';

/**
 * The JSON report's schema (`govaudit-report`, version 1): the single source of truth for `report.json`.
 * `report.schema.json` beside this file is generated from it (`npx tsx reports/schema/generate.ts`); a test fails
 * when the two drift. Additive changes keep version 1; renaming or removing a field bumps `schemaVersion`.
 */

export const REPORT_SCHEMA_ID = 'govaudit-report';
export const REPORT_SCHEMA_VERSION = 1;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('A calendar date, YYYY-MM-DD');
const localText = z.object({ zh: z.string(), en: z.string() }).describe('Chinese and English text');
const outcome = z.enum(OUTCOMES as [string, ...string[]]);
export const verdict = z.enum(['pass', 'fail', 'needs-review', 'not-checked']).describe('合格 pass, 不合格 fail, 待复核 needs-review, 未检查 not-checked (no rule applied)');
const counts = z.object(Object.fromEntries(OUTCOMES.map((o) => [o, z.number().int().min(0)])) as Record<(typeof OUTCOMES)[number], z.ZodNumber>);

export const ruleSourceSchema = z.object({
  doc: z.string(),
  item: z.string().optional(),
  quote: z.string().optional(),
  quoteSimplified: z.string().optional(),
  file: z.string().optional(),
});

export const evidenceSchema = z.object({
  url: z.string().optional(),
  title: z.string().optional(),
  date: isoDate.optional(),
  cssPath: z.string().optional(),
  note: z.string().optional(),
});

export const findingSchema = z.object({
  packId: z.string(),
  ruleId: z.string(),
  check: z.string(),
  severity: z.enum(['veto', 'deduct', 'advisory', 'info']),
  outcome,
  messageId: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number()])),
  message: localText,
  ruleTitle: localText,
  column: z.object({ classId: z.string(), name: z.string().optional(), url: z.string().optional() }).optional(),
  evidence: z.array(evidenceSchema),
  source: ruleSourceSchema,
  dueDate: isoDate.optional(),
  review: z.object({
    decision: z.enum(['confirm', 'override']),
    engineOutcome: outcome.describe('The outcome before the evaluator decided'),
    reviewer: z.string().optional(),
    at: z.string(),
    note: z.string(),
    screenshots: z.array(z.object({ url: z.string(), at: z.string(), image: z.string() })).optional(),
  }).optional().describe('An evaluator\'s confirmation or override, merged with `govaudit report --review`'),
}).describe('One rule outcome with its evidence and the document it rests on');

export const vetoSchema = z.object({
  id: z.string(),
  title: localText,
  count: z.number().int().min(0),
  atLeast: z.number().int().min(0),
  triggered: z.boolean(),
  undecided: z.boolean(),
  ruleIds: z.array(z.string()),
  source: ruleSourceSchema,
  manual: z.boolean().optional().describe('A veto a crawl cannot judge: listed for the evaluator, it does not hold the verdict'),
  hint: z.string().optional().describe('What the evaluator looks at'),
});

export const deductionSchema = z.object({
  id: z.string(),
  title: localText,
  points: z.number(),
  cap: z.number(),
  uncapped: z.number(),
  findings: z.number().int().min(0),
  review: z.number().int().min(0).optional().describe('Findings that need review (manual checks, unreadable columns): the points are not yet known'),
  hint: z.string().optional().describe('What the evaluator looks at, for an item a crawl cannot judge'),
});

export const packSchema = z.object({
  packId: z.string(),
  packTitle: localText,
  inForce: z.boolean().describe('Whether the pack applied on the audit date; packs not in force count nowhere'),
  appliedOutsideValidity: z.object({ validFrom: isoDate, validTo: isoDate.optional() }).optional().describe('Set when the pack was out of force and applied anyway (--apply-expired): recurring duties only'),
  verdict,
  vetoes: z.array(vetoSchema),
  score: z.object({ max: z.number(), passMark: z.number(), total: z.number(), deductions: z.array(deductionSchema) }).optional(),
  findings: z.array(findingSchema),
  counts,
});

export const columnSummarySchema = z.object({
  classId: z.string(),
  name: z.string(),
  url: z.string(),
  matchedBy: z.enum(['name', 'slug', 'override', 'meta']),
  status: z.enum(['ok', 'unreachable', 'needs-review']),
  statusReason: z.string().optional(),
  itemCount: z.number().int().min(0),
  newestDate: isoDate.optional().describe('Newest publish date read from the list (dates after the audit date ignored)'),
  window: z.object({ maxAge: z.number(), unit: z.enum(['days', 'workdays']), ruleId: z.string() }).optional().describe('Strictest update window of the in-force recency rules'),
  recency: outcome.optional().describe('Worst recency outcome for the column'),
  empty: z.boolean(),
});

export const linkSummarySchema = z.object({
  url: z.string(),
  fromUrl: z.string(),
  text: z.string().optional(),
  httpStatus: z.number().int().optional(),
  reason: z.string().optional(),
});

export const siteReportSchema = z.object({
  id: z.string(),
  name: z.string(),
  homeUrl: z.string(),
  kind: z.enum(SITE_KINDS as [string, ...string[]]).optional(),
  idCode: z.string().optional(),
  parent: z.string().optional(),
  capturedAt: z.string(),
  discoveryComplete: z.boolean(),
  verdict,
  score: z.object({ total: z.number(), max: z.number(), passMark: z.number(), packId: z.string() }).optional().describe('Score of the first in-force pack that scores'),
  vetoesTriggered: z.array(z.object({ packId: z.string(), id: z.string(), title: localText, count: z.number().int(), atLeast: z.number().int() })),
  counts: counts.describe('Findings per outcome across in-force packs'),
  columns: z.array(columnSummarySchema),
  deadLinks: z.array(linkSummarySchema),
  packs: z.array(packSchema),
  stats: z.object({ pages: z.number(), errors: z.number(), elapsedMs: z.number(), bytes: z.number(), rendered: z.number() }),
  review: z.object({
    sessionId: z.string(),
    reviewer: z.string().optional(),
    signOff: z.object({ reviewer: z.string(), at: z.string(), note: z.string() }).optional(),
    confirmed: z.number().int().min(0),
    overridden: z.number().int().min(0),
    unmatched: z.number().int().min(0),
  }).optional().describe('The evaluator review merged into this site (`govaudit report --review`)'),
});

export const reportSchema = z.object({
  schema: z.literal(REPORT_SCHEMA_ID),
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  generator: z.literal('govaudit'),
  run: z.object({
    id: z.string(),
    startedAt: z.string(),
    finishedAt: z.string().optional(),
    status: z.enum(['running', 'finished', 'interrupted']),
    auditDate: isoDate,
    sitesFile: z.string().optional(),
    packChoice: z.object({ auditDate: z.string(), packs: z.array(z.string()), reason: z.object({ zh: z.string(), en: z.string() }) }).optional()
      .describe('For sites that named no packs: the packs chosen by the audit date, and why'),
    siteIds: z.array(z.string()),
  }),
  summary: z.object({
    sites: z.number().int().min(0),
    pass: z.number().int().min(0),
    fail: z.number().int().min(0),
    needsReview: z.number().int().min(0),
    notChecked: z.number().int().min(0).describe('Sites where no rule applied (未检查)'),
    notFinished: z.array(z.string()).describe('Site ids of the run without a stored result'),
  }),
  sites: z.array(siteReportSchema),
}).meta({
  $id: 'urn:govaudit:report-schema:1',
  title: 'govaudit JSON report',
  description: 'Results of one audit run: per site the verdict (合格/不合格/待复核), score, vetoes, column freshness, dead links and every finding with evidence and source. Version 1.',
});

export type JsonReport = z.infer<typeof reportSchema>;

/** The JSON Schema text written to report.schema.json. */
export function reportJsonSchemaText(): string {
  return JSON.stringify(z.toJSONSchema(reportSchema, { target: 'draft-2020-12' }), null, 2) + '\n';
}

/** One evaluator decision on a finding (confirm or override, with a note): the extension stores it, `report --review` reads it. */
export const reviewDecisionSchema = z.object({
  packId: z.string(),
  ruleId: z.string(),
  columnUrl: z.string().optional(),
  decision: z.enum(['confirm', 'override']),
  outcome: z.enum(OUTCOMES as [string, ...string[]]).optional(),
  note: z.string(),
  at: z.string(),
  reviewer: z.string().optional(),
  evidence: z.array(z.object({ screenshot: z.string(), url: z.string(), at: z.string() })).optional(),
});
