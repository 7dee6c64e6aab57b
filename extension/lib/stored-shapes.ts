import { z } from 'zod';
import { packSchema, reportSchema, reviewDecisionSchema, verdict } from '../../reports/schema/report.ts';
import { OUTCOMES } from '../../rules/model/finding.ts';
import { SITE_KINDS, type SiteSnapshot } from '../../rules/model/snapshot.ts';
import type { FindingOverride, SignOff } from './model.ts';
import type { ImportedSite } from './snapshot.ts';

/**
 * Schemas of what the extension reads from files and from its own storage. An import is checked against them
 * and refused with the first problems named; stored data that does not fit (an older build, a hand edit, a bad
 * import stored before these checks) is dropped on read, so the panel always opens and can remove it.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const status = z.enum(['ok', 'unreachable', 'needs-review']);

const itemSchema = z.object({
  title: z.string(),
  url: z.string().optional(),
  date: isoDate.optional(),
  dateText: z.string().optional(),
  dateConfidence: z.string().optional(),
  formedDate: isoDate.optional(),
  cssPath: z.string().optional(),
});

const columnSchema = z.object({
  classId: z.string(),
  name: z.string(),
  url: z.string(),
  matchedBy: z.enum(['name', 'slug', 'override', 'meta']),
  matchReason: z.string(),
  status,
  statusReason: z.string().optional(),
  items: z.array(itemSchema),
  itemCount: z.number().int().min(0),
  pagesRead: z.number().int().min(0),
  listCssPath: z.string().optional(),
});

export const snapshotSchema = z.object({
  site: z.object({ id: z.string(), name: z.string(), homeUrl: z.string().url(), kind: z.enum(SITE_KINDS as [string, ...string[]]).optional(), parent: z.string().optional(), idCode: z.string().optional() }),
  capturedAt: z.string(),
  home: z.object({ url: z.string(), status, statusReason: z.string().optional(), items: z.array(itemSchema), footerText: z.string().optional(), meta: z.record(z.string(), z.string()).optional() }),
  columns: z.array(columnSchema),
  links: z.array(z.object({ url: z.string(), fromUrl: z.string(), status: z.string() }).passthrough()),
  availability: z.array(z.object({ at: z.string(), ok: z.boolean(), ms: z.number().optional(), httpStatus: z.number().optional(), reason: z.string().optional() })),
  discoveryComplete: z.boolean(),
});

export const siteResultSchema = z.object({
  siteId: z.string(),
  evaluatedAt: z.string(),
  verdict,
  packs: z.array(packSchema),
});

export const importedSiteSchema = z.object({
  runId: z.string(),
  auditDate: isoDate.optional(),
  snapshot: snapshotSchema,
  result: siteResultSchema.optional(),
  importedAt: z.string().optional(),
});

/** A crawler run file (`govaudit crawl` store): `{ run, sites: [{ runId, snapshot, result }] }`. */
export const runFileSchema = z.object({
  run: z.object({ id: z.string(), auditDate: isoDate.optional() }).passthrough(),
  sites: z.array(z.object({ runId: z.string().optional(), snapshot: snapshotSchema, result: siteResultSchema.optional() }).passthrough()).min(1),
});

export { reportSchema };

const overrideSchema = reviewDecisionSchema;
export const overridesSchema = z.array(overrideSchema);
export const signOffSchema = z.object({ reviewer: z.string(), at: z.string(), note: z.string() });

/** The first few problems of a failed parse, as 「path: message」. */
export function issuesText(error: z.ZodError, max = 3): string {
  return error.issues.slice(0, max).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') + (error.issues.length > max ? ` (+${error.issues.length - max})` : '');
}

export function readImported(raw: unknown): ImportedSite | undefined {
  if (raw === undefined) return undefined;
  const r = importedSiteSchema.safeParse(raw);
  return r.success ? (raw as ImportedSite) : undefined;
}

/** Stored decisions: the valid ones (one bad entry does not lose the others). */
export function readOverrides(raw: unknown): FindingOverride[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter((o) => overrideSchema.safeParse(o).success) as FindingOverride[];
}

export function readSignOff(raw: unknown): SignOff | undefined {
  return signOffSchema.safeParse(raw).success ? (raw as SignOff) : undefined;
}

/** A report.json site (no item lists: the newest date stands for the column's list) as a snapshot. */
export function snapshotFromReport(site: z.infer<typeof reportSchema>['sites'][number]): SiteSnapshot {
  return {
    site: { id: site.id, name: site.name, homeUrl: site.homeUrl, ...(site.kind ? { kind: site.kind as SiteSnapshot['site']['kind'] } : {}), ...(site.idCode ? { idCode: site.idCode } : {}) },
    capturedAt: site.capturedAt,
    home: { url: site.homeUrl, status: 'ok', items: [] },
    columns: site.columns.map((c) => ({
      classId: c.classId, name: c.name, url: c.url, matchedBy: c.matchedBy, matchReason: 'report.json', status: c.status,
      ...(c.statusReason ? { statusReason: c.statusReason } : {}),
      items: c.newestDate ? [{ title: c.name, date: c.newestDate }] : [], itemCount: c.itemCount, pagesRead: 1,
    })),
    links: [],
    availability: [],
    discoveryComplete: site.discoveryComplete,
  };
}
